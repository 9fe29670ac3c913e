import { useQuery } from "@tanstack/react-query";
import { Card, Collapse, Empty, Space, Typography } from "antd";
import { api, call } from "../api/client";
import { AskQuestionButton } from "../components/ask-question";

/** 常见问题 on an item's guide, who answers for the item online, and a question to them. */
export function ItemFaq({ itemId, itemName }: { itemId: string; itemName: string }) {
  const faq = useQuery({
    queryKey: ["item-faq", itemId],
    queryFn: () => call(api.GET("/api/public/items/{id}/faq", { params: { path: { id: itemId } } })),
  });
  return (
    <Card
      title="常见问题与在线咨询"
      className="guide-section"
      extra={<AskQuestionButton target={{ itemId }} title={itemName} />}
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
    </Card>
  );
}
