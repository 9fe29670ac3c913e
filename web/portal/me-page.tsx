import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Descriptions, Input, Space, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { api, call } from "../api/client";
import { useSession } from "../components/session";

/** 个人中心: who the applicant is (numbers masked) and, once cases exist, their cases. */
export function MePage() {
  const user = useSession().data?.user;
  if (!user) return null;
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>个人中心</Typography.Title>
      <Card title="实名信息" className="block">
        <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small">
          <Descriptions.Item label={user.kind === "legal_person" ? "单位名称" : "姓名"}>{user.name}</Descriptions.Item>
          <Descriptions.Item label="类型">
            {user.kind === "person" ? "个人" : user.kind === "legal_person" ? "法人" : "工作人员"}
          </Descriptions.Item>
          <Descriptions.Item label="手机号">{user.phone ?? "—"}</Descriptions.Item>
          {user.kind === "legal_person" ? (
            <Descriptions.Item label="统一社会信用代码">{user.creditCode}</Descriptions.Item>
          ) : (
            <Descriptions.Item label="身份证号">{user.idNumber ?? "—"}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {user.kind !== "staff" && <EmailSetting current={user.email} />}
      <Card title="我的办件" className="block">
        <Typography.Paragraph>办理进度、补正通知和办理结果都在“我的办件”中。</Typography.Paragraph>
        <Link to="/me/cases">
          <Button type="primary">查看我的办件</Button>
        </Link>
      </Card>
      {user.kind !== "staff" && (
        <Card title="我的一件事" className="block">
          <Typography.Paragraph>
            “办好一件事”的申请：一个状态、一个办结日期，各事项的办理结果一并查看。
          </Typography.Paragraph>
          <Link to="/me/bundles">
            <Button>查看我的一件事</Button>
          </Link>
        </Card>
      )}
      {user.kind !== "staff" && (
        <Card title="我的证照" className="block">
          <Typography.Paragraph>
            办结签发的电子证照，可查看、下载和核验；申请时可经您同意代替相应材料，用证记录可随时查看。
          </Typography.Paragraph>
          <Link to="/me/licences">
            <Button>查看我的证照</Button>
          </Link>
        </Card>
      )}
      {user.kind !== "staff" && (
        <Card title="我的咨询与投诉" className="block">
          <Typography.Paragraph>在线咨询的答复、实名投诉举报的办理进度。</Typography.Paragraph>
          <Link to="/me/feedback">
            <Button>查看我的咨询与投诉</Button>
          </Link>
        </Card>
      )}
      {user.kind === "person" && (
        <Card title="我的成绩" className="block">
          <Typography.Paragraph>按您的实名身份证号，列出已发布的考试成绩与录取结果。</Typography.Paragraph>
          <Link to="/me/results">
            <Button>查看我的成绩</Button>
          </Link>
        </Card>
      )}
    </div>
  );
}

/** Where notices of the applicant's cases also go by e-mail, besides SMS and the site's messages. */
function EmailSetting({ current }: { current: string | null }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  async function save() {
    try {
      await call(api.PUT("/api/me/email", { body: { email: email.trim() } }));
      void message.success(email.trim() ? "已设置通知邮箱" : "已取消邮件通知");
      setEmail("");
      await queryClient.invalidateQueries({ queryKey: ["session"] });
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "设置失败");
    }
  }
  return (
    <Card title="通知邮箱" className="block">
      <Typography.Paragraph type="secondary">
        办件进度会以站内消息和短信通知您；填写邮箱后也会发送邮件。当前：{current ?? "未设置"}
      </Typography.Paragraph>
      <Space.Compact className="full-width">
        <Input
          aria-label="通知邮箱"
          placeholder="例如 name@example.com，留空保存即取消"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          maxLength={100}
        />
        <Button type="primary" onClick={() => void save()}>
          保存
        </Button>
      </Space.Compact>
    </Card>
  );
}
