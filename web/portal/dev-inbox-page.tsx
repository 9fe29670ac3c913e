import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, List, Typography } from "antd";
import { api, call } from "../api/client";

/**
 * Demo mode only, and to a browser on the server's machine only: the text messages and mail the platform would have
 * sent, so sign-in works without a gateway. Elsewhere the server's refusal is shown.
 */
export function DevInboxPage() {
  const inbox = useQuery({
    queryKey: ["dev-inbox"],
    queryFn: () => call(api.GET("/api/dev/inbox")),
    refetchInterval: 3000,
  });
  const mail = useQuery({
    queryKey: ["dev-mail"],
    queryFn: () => call(api.GET("/api/dev/mail")),
    refetchInterval: 3000,
  });
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>开发短信与邮件收件箱</Typography.Title>
      <Alert
        type="warning"
        showIcon
        className="block"
        message="演示模式：短信不会真实发送"
        description="验证码短信只显示在这里和服务器日志中，且只对运行服务器的本机开放；页面每 3 秒自动刷新。"
      />
      <Card extra={<Button onClick={() => inbox.refetch()}>刷新</Button>} title="最近的短信">
        {inbox.error ? (
          <Alert type="info" message={inbox.error.message} />
        ) : (
          <List
            loading={inbox.isPending}
            locale={{ emptyText: "暂无短信" }}
            dataSource={inbox.data ?? []}
            renderItem={(m) => (
              <List.Item>
                <List.Item.Meta
                  title={`发往 ${m.phone} · ${new Date(m.at).toLocaleString("zh-CN")}`}
                  description={m.text}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title="最近的邮件" className="block-top">
        {mail.error ? (
          <Alert type="info" message={mail.error.message} />
        ) : (
          <List
            loading={mail.isPending}
            locale={{ emptyText: "暂无邮件" }}
            dataSource={mail.data ?? []}
            renderItem={(m) => (
              <List.Item>
                <List.Item.Meta
                  title={`发往 ${m.address} · ${m.subject} · ${new Date(m.at).toLocaleString("zh-CN")}`}
                  description={m.text}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
