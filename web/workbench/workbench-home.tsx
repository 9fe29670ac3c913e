import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Row, Typography } from "antd";
import { api, call } from "../api/client";
import { useSession } from "../components/session";

const QUEUES = [
  { name: "待预审", hint: "网上申报待预审" },
  { name: "待受理", hint: "待决定受理或不予受理" },
  { name: "待审查", hint: "审查环节待处理" },
  { name: "待决定", hint: "待作出准予或不予决定" },
  { name: "待送达", hint: "结果待制证送达" },
  { name: "即将超期", hint: "承诺时限前预警（黄牌）" },
  { name: "已超期", hint: "超过承诺时限（红牌）" },
];

/** The staff member's start page: their queues, and warnings that affect every deadline. */
export function WorkbenchHome() {
  const user = useSession().data?.user;
  const calendar = useQuery({ queryKey: ["calendar-status"], queryFn: () => call(api.GET("/api/calendar/status")) });
  return (
    <div>
      <Typography.Title level={2}>我的待办</Typography.Title>
      <Typography.Paragraph type="secondary">
        {user?.name}，您好。您所在单位：{user?.orgName}。以下队列仅包含本单位及下级单位的办件。
      </Typography.Paragraph>
      {calendar.data?.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon message={w} className="block" />
      ))}
      <Row gutter={[16, 16]}>
        {QUEUES.map((q) => (
          <Col xs={24} sm={12} lg={8} xl={6} key={q.name}>
            <Card title={q.name} size="small" className="queue-card">
              <div className="queue-empty">暂无办件</div>
              <div className="queue-hint">{q.hint}</div>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
