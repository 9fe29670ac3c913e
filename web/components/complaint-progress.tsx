import { Alert, Descriptions, Timeline, Typography } from "antd";
import { COMPLAINT_FINDING_LABELS, COMPLAINT_STATUS_LABELS } from "../../common/vocabulary";
import type { components } from "../api/schema";
import { formatTime } from "./case-parts";

type Progress = components["schemas"]["ComplaintProgress"];

/** A complaint as its sender follows it: where it stands, the answer once given, and what happened when. */
export function ComplaintProgressView({ progress: p }: { progress: Progress }) {
  return (
    <div className="block-top">
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label="编号">{p.number}</Descriptions.Item>
        <Descriptions.Item label="状态">{COMPLAINT_STATUS_LABELS[p.status]}</Descriptions.Item>
        <Descriptions.Item label="标题">{p.title}</Descriptions.Item>
        <Descriptions.Item label="核查单位">{p.orgName}</Descriptions.Item>
        <Descriptions.Item label="提交时间">{formatTime(p.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="答复期限">{p.dueOn}</Descriptions.Item>
      </Descriptions>
      {p.answer && (
        <Alert
          className="block-top"
          type="success"
          message={`答复（核查结论：${COMPLAINT_FINDING_LABELS[p.answer.finding]}）`}
          description={
            <div>
              <p className="pre-line">{p.answer.reply}</p>
              <p>处理措施：{p.answer.measures}</p>
              <Typography.Text type="secondary">{formatTime(p.answer.answeredAt)}</Typography.Text>
            </div>
          }
        />
      )}
      <Timeline className="block-top" items={p.events.map((e) => ({ children: `${formatTime(e.at)} ${e.note}` }))} />
    </div>
  );
}
