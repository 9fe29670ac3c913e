import { useQuery } from "@tanstack/react-query";
import { App, Button, Card, Collapse, Empty, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { api, call } from "../api/client";
import { useSession } from "../components/session";

/** 常见问题 on an item's guide, who answers for the item online, and a question to them. */
export function ItemFaq({ itemId, itemName }: { itemId: string; itemName: string }) {
  const { message } = App.useApp();
  const user = useSession().data?.user;
  const [asking, setAsking] = useState(false);
  const [question, setQuestion] = useState("");
  const faq = useQuery({
    queryKey: ["item-faq", itemId],
    queryFn: () => call(api.GET("/api/public/items/{id}/faq", { params: { path: { id: itemId } } })),
  });

  async function ask() {
    try {
      const asked = await call(api.POST("/api/consultations", { body: { itemId, question } }));
      void message.success(`已提交，${asked.dueOn} 前答复，答复会以站内消息和短信通知您`);
      setAsking(false);
      setQuestion("");
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "提交失败");
    }
  }

  return (
    <Card
      title="常见问题与在线咨询"
      className="guide-section"
      extra={
        user && user.kind !== "staff" ? (
          <Button onClick={() => setAsking(true)}>我要咨询</Button>
        ) : (
          !user && <Link to="/sign-in">登录后在线咨询</Link>
        )
      }
    >
      {faq.data?.responsibleStaff && (
        <Typography.Paragraph type="secondary">
          在线咨询由{faq.data.orgName}窗口人员 {faq.data.responsibleStaff} 负责答复。
        </Typography.Paragraph>
      )}
      {faq.data && faq.data.faq.length > 0 ? (
        <Collapse
          items={faq.data.faq.map((f, i) => ({
            key: String(i),
            label: f.question,
            children: (
              <Space direction="vertical">
                <span className="pre-line">{f.answer}</span>
                <Typography.Text type="secondary">{f.answeredOn} 答复</Typography.Text>
              </Space>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无常见问题" />
      )}
      <Modal
        open={asking}
        title={`咨询：${itemName}`}
        okText="提交"
        cancelText="取消"
        okButtonProps={{ disabled: question.trim().length === 0 }}
        onCancel={() => setAsking(false)}
        onOk={() => void ask()}
      >
        <Input.TextArea
          aria-label="咨询内容"
          rows={5}
          maxLength={1000}
          showCount
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          placeholder="请写明您想了解的问题；请勿填写身份证号等个人信息"
        />
      </Modal>
    </Card>
  );
}
