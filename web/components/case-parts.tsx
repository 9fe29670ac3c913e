import { Card, Descriptions, Tag, Timeline, Typography } from "antd";
import { CASE_STATUS_LABELS, type CaseStatus } from "../../common/vocabulary";
import type { components } from "../api/schema";

export type CaseView = components["schemas"]["Case"];
export type CaseSummary = components["schemas"]["CaseSummary"];

const STATUS_COLORS: Partial<Record<CaseStatus, string>> = {
  draft: "default",
  supplement: "orange",
  special: "purple",
  completed: "green",
  refused: "red",
  withdrawn: "default",
  revoked: "red",
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  return <Tag color={STATUS_COLORS[status] ?? "blue"}>{CASE_STATUS_LABELS[status]}</Tag>;
}

export function WarningTag({ warning }: { warning: CaseSummary["warning"] }) {
  if (warning === "none") return null;
  return <Tag color={warning === "red" ? "red" : "gold"}>{warning === "red" ? "已超期" : "即将超期"}</Tag>;
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString("zh-CN", { hour12: false });
}

/** What happened to a case, oldest first, in the words the applicant is told. */
export function CaseTimeline({ view }: { view: CaseView }) {
  return (
    <Card title="办理进度" className="block">
      <Timeline
        items={view.timeline.map((e) => ({
          color: e.toStatus === "refused" ? "red" : e.toStatus === "completed" ? "green" : "blue",
          children: (
            <>
              <div>{e.note}</div>
              <Typography.Text type="secondary">
                {formatTime(e.at)} · {e.actorName} · {CASE_STATUS_LABELS[e.toStatus]}
              </Typography.Text>
            </>
          ),
        }))}
      />
    </Card>
  );
}

/** The answers on the application form, under the questions of the item version it was filed under. */
export function CaseFormAnswers({ view }: { view: CaseView }) {
  return (
    <Card title="申请表" className="block">
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        {view.formFields.map((f) => (
          <Descriptions.Item key={f.key} label={f.label}>
            {String(view.form[f.key] ?? "—")}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}

/** Number, item, org, status and due dates: the head of a case page. */
export function CaseFacts({ view }: { view: CaseView }) {
  return (
    <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" className="block">
      <Descriptions.Item label="办件编号">{view.number ?? "（提交后生成）"}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <CaseStatusTag status={view.status} />
        <WarningTag warning={view.warning} />
        {view.clockPaused && <Tag>暂停计时</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label="事项">{view.itemName}</Descriptions.Item>
      <Descriptions.Item label="实施机构">{view.orgName}</Descriptions.Item>
      <Descriptions.Item label="申请人">{view.applicantName}</Descriptions.Item>
      <Descriptions.Item label="申请渠道">{view.channel === "online" ? "网上申请" : "窗口受理"}</Descriptions.Item>
      <Descriptions.Item label="承诺办结日期">{view.promisedDue ?? "受理后计算"}</Descriptions.Item>
      <Descriptions.Item label="法定办结日期">{view.statutoryDue ?? "受理后计算"}</Descriptions.Item>
      {view.result && (
        <Descriptions.Item label="办理结果" span={2}>
          {view.result.name}（编号 {view.result.number}）
        </Descriptions.Item>
      )}
      {view.refusal && (
        <Descriptions.Item label="不予受理理由" span={2}>
          {view.refusal.reason}
          {view.refusal.whereToApply && `；请向${view.refusal.whereToApply}申请`}
        </Descriptions.Item>
      )}
      {view.decisionReason && (
        <Descriptions.Item label={view.decision === "granted" ? "准予决定" : "不予决定理由"} span={2}>
          {view.decisionReason}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
