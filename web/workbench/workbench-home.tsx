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
      <FeedbackTasks />
    </div>
  );
}

type Task = { warning: "none" | "yellow" | "red" };

/** Open rectifications, complaints and questions of the staff member's line, with how many are late or nearly so. */
function FeedbackTasks() {
  const permissions: string[] = useSession().data?.user?.permissions ?? [];
  const handles = permissions.includes("feedback.handle") || permissions.includes("supervision.view");
  const answers = permissions.includes("consultation.answer");
  const rectifications = useQuery({
    queryKey: ["rectifications", "open"],
    queryFn: () => call(api.GET("/api/rectifications", { params: { query: { status: "open" } } })),
    enabled: handles,
  });
  const complaints = useQuery({
    queryKey: ["complaints", "open-tasks"],
    queryFn: () => call(api.GET("/api/complaints")),
    enabled: handles,
  });
  const consultations = useQuery({
    queryKey: ["consultations", "open"],
    queryFn: () => call(api.GET("/api/consultations", { params: { query: { status: "open" } } })),
    enabled: answers,
  });
  const tiles = [
    ...(handles
      ? [
          { to: "/workbench/rectifications", title: "差评整改", tasks: rectifications.data },
          {
            to: "/workbench/complaints",
            title: "投诉举报待答复",
            tasks: complaints.data?.filter((c) => c.status !== "answered"),
          },
        ]
      : []),
    ...(answers ? [{ to: "/workbench/consultations", title: "咨询待答复", tasks: consultations.data }] : []),
  ];
  if (tiles.length === 0) return null;
  const late = (tasks: Task[] | undefined, level: Task["warning"]) =>
    tasks?.filter((t) => t.warning === level).length ?? 0;
  return (
    <Row gutter={[16, 16]} className="block-top">
      {tiles.map((tile) => (
        <Col xs={24} sm={12} lg={8} key={tile.to}>
          <Link to={tile.to}>
            <Card title={tile.title} size="small" className="queue-card" hoverable>
              <div className={tile.tasks?.length ? "queue-count" : "queue-empty"}>
                {tile.tasks ? (tile.tasks.length ? `${tile.tasks.length} 件` : "暂无") : "…"}
              </div>
              <div className="queue-hint">
                即将超期 {late(tile.tasks, "yellow")} 件 · 已超期 {late(tile.tasks, "red")} 件
              </div>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
