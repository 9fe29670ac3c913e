import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Row, Typography } from "antd";
import { Link } from "react-router";
import { CASE_QUEUE_LABELS, CASE_QUEUES, type CaseQueue } from "../../common/vocabulary";
import { api, call } from "../api/client";
import { useSession } from "../components/session";

const QUEUE_HINTS: Record<CaseQueue, string> = {
  precheck: "网上申报待预审",
  acceptance: "待决定受理或不予受理",
  review: "审查环节待处理",
  decision: "待作出准予或不予决定",
  delivery: "结果待制证送达",
  due_soon: "承诺时限前预警（黄牌）",
  overdue: "超过承诺时限（红牌）",
};

/** The staff member's start page: their queues, and warnings that affect every deadline. */
export function WorkbenchHome() {
  const user = useSession().data?.user;
  const calendar = useQuery({ queryKey: ["calendar-status"], queryFn: () => call(api.GET("/api/calendar/status")) });
  const counts = useQuery({ queryKey: ["queues"], queryFn: () => call(api.GET("/api/workbench/queues")) });
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
        {CASE_QUEUES.map((q) => (
          <Col xs={24} sm={12} lg={8} xl={6} key={q}>
            <Link to={`/workbench/queue/${q}`}>
              <Card title={CASE_QUEUE_LABELS[q]} size="small" className="queue-card" hoverable>
                <div className={counts.data?.[q] ? `queue-count ${q}` : "queue-empty"}>
                  {counts.data ? (counts.data[q] ? `${counts.data[q]} 件` : "暂无办件") : "…"}
                </div>
                <div className="queue-hint">{QUEUE_HINTS[q]}</div>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </div>
  );
}
