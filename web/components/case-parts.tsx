import { FilePdfOutlined, SafetyCertificateOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Card, Descriptions, Image, List, Space, Tag, Timeline, Typography, Upload } from "antd";
import {
  CASE_STATUS_LABELS,
  type CaseStatus,
  FILE_KIND_LABELS,
  type FileKind,
  MATERIAL_REQUIREMENT_LABELS,
} from "../../common/vocabulary";
import { api, call, postFile } from "../api/client";
import type { components } from "../api/schema";
import { LicenceStatusTag } from "./licence-parts";
import { useOrgs } from "./org-tree";

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

/** A table column for a task's due date with its warning (rectifications, complaints, consultations). */
export function dueColumn<T extends { dueOn: string; warning: CaseSummary["warning"] }>(title: string) {
  return {
    title,
    dataIndex: "dueOn",
    width: 170,
    render: (due: string, row: T) => (
      <Space size={4}>
        {due}
        <WarningTag warning={row.warning} />
      </Space>
    ),
  };
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString("zh-CN", { hour12: false });
}

/** What happened to a case, oldest first, in the words the applicant is told. */
export function CaseTimeline({ view }: { view: CaseView }) {
  if (view.timeline.length === 0) return null;
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
  // An org field holds the org's id: shown by its name.
  const orgNames = new Map((useOrgs().data ?? []).map((o) => [o.id, o.name]));
  return (
    <Card title="申请表" className="block">
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        {view.formFields.map((f) => (
          <Descriptions.Item key={f.key} label={f.label}>
            {orgNames.get(String(view.form[f.key])) ?? String(view.form[f.key] ?? "—")}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}

/** Number, item, org, status and due dates: the head of a case page. */
export function CaseFacts({ view }: { view: CaseView }) {
  // Completed on submission (self-service, filing) there was never a clock to set a date from.
  const noDueDate =
    view.status === "completed" ? "即时办结" : ["refused", "withdrawn"].includes(view.status) ? "—" : "受理后计算";
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
      <Descriptions.Item label="承诺办结日期">{view.promisedDue ?? noDueDate}</Descriptions.Item>
      <Descriptions.Item label="法定办结日期">{view.statutoryDue ?? noDueDate}</Descriptions.Item>
      {view.commitment && (
        <Descriptions.Item label="告知承诺" span={2}>
          已于 {formatTime(view.commitment.signedAt)} 签署承诺，以承诺代替其他机构出具的证明
        </Descriptions.Item>
      )}
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

/**
 * The materials of a case, each with its uploaded files. Images show as thumbnails, PDFs open in a new tab. When
 * `onChanged` is given the files can be added and removed (the server says when the case no longer allows it).
 */
export function CaseMaterials({ view, onChanged }: { view: CaseView; onChanged?: () => void }) {
  const { message } = App.useApp();
  const editable = Boolean(onChanged);
  const relevant = view.materialSpecs.filter(
    (m) => m.situationKeys.length === 0 || m.situationKeys.some((k) => view.situationKeys.includes(k)),
  );

  async function upload(key: string, file: File) {
    try {
      await postFile(`/api/cases/${view.id}/materials/${key}`, file);
      void message.success(`已上传 ${file.name}`);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "上传失败");
    }
    onChanged?.();
  }

  async function remove(fileId: string) {
    try {
      await call(api.DELETE("/api/cases/{id}/materials/files/{fileId}", { params: { path: { id: view.id, fileId } } }));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "删除失败");
    }
    onChanged?.();
  }

  return (
    <Card title="申请材料" className="block">
      <List
        dataSource={relevant}
        renderItem={(spec) => {
          const uploaded = view.materials.filter((m) => m.key === spec.key);
          // An e-licence the applicant consented to use stands in for the upload.
          const licensed = view.licenceUses.filter((u) => u.materialKey === spec.key);
          return (
            <List.Item
              extra={
                editable &&
                spec.upload &&
                licensed.length === 0 &&
                uploaded.length < spec.maxFiles && (
                  <Upload
                    showUploadList={false}
                    accept={spec.fileKinds.map((k) => FILE_ACCEPT[k]).join(",")}
                    beforeUpload={(file) => {
                      void upload(spec.key, file);
                      return false;
                    }}
                  >
                    <Button icon={<UploadOutlined />}>上传</Button>
                  </Upload>
                )
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <span>{spec.name}</span>
                    <Tag color={spec.requirement === "required" ? "red" : "default"}>
                      {MATERIAL_REQUIREMENT_LABELS[spec.requirement]}
                    </Tag>
                    {!spec.upload && <Tag color="green">免提交，由部门核验</Tag>}
                    {licensed.length > 0 && (
                      <Tag color="green" icon={<SafetyCertificateOutlined />}>
                        电子证照免提交
                      </Tag>
                    )}
                  </Space>
                }
                description={
                  spec.upload ? (
                    <Space direction="vertical" size={4} className="full-width">
                      {licensed.map((use) => (
                        <LicenceUseLine key={use.licenceId} caseId={view.id} use={use} />
                      ))}
                      {licensed.length === 0 && (
                        <Typography.Text type="secondary">
                          {spec.fileKinds.map((k) => FILE_KIND_LABELS[k]).join("、")}，最多 {spec.maxFiles}{" "}
                          个，每个不超过 {spec.maxSizeMb} MB
                        </Typography.Text>
                      )}
                      {uploaded.map((m) => (
                        <MaterialFile
                          key={m.fileId}
                          caseId={view.id}
                          file={m}
                          onRemove={editable ? remove : undefined}
                        />
                      ))}
                    </Space>
                  ) : null
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

/** A material provided as an e-licence: which one, its verified status now, and the file as issued. */
function LicenceUseLine({ caseId, use }: { caseId: string; use: CaseView["licenceUses"][number] }) {
  return (
    <div className="licence-use">
      <Space wrap size={4}>
        <SafetyCertificateOutlined aria-hidden />
        <span>
          已使用电子证照：{use.type}（{use.number}，{use.issuer}）
        </span>
        <LicenceStatusTag status={use.status} verified />
        <a href={`/api/cases/${caseId}/licences/${use.licenceId}`} target="_blank" rel="noreferrer">
          查看证照
        </a>
      </Space>
      <Typography.Text type="secondary" className="licence-use-facts">
        核验码 {use.code} · 持证人 {use.holderName}
        {use.holderId ? `（${use.holderId}）` : ""} · 签发日期 {use.issuedOn} · 申请人于 {formatTime(use.consentedAt)}{" "}
        授权使用
        {use.status === "revoked" && use.revokedReason ? ` · 撤销原因：${use.revokedReason}` : ""}
      </Typography.Text>
    </div>
  );
}

/** The e-licences a case issued (its results as 电子证照), each with its status, code and the PDF. */
export function CaseLicences({ view }: { view: CaseView }) {
  if (view.licences.length === 0) return null;
  return (
    <Card title="电子证照" className="block">
      <List
        dataSource={view.licences}
        renderItem={(licence) => (
          <List.Item
            extra={
              <Button
                icon={<FilePdfOutlined />}
                href={`/api/cases/${view.id}/licences/${licence.id}`}
                target="_blank"
                rel="noreferrer"
              >
                查看证照
              </Button>
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{licence.type}</span>
                  <LicenceStatusTag status={licence.status} />
                </Space>
              }
              description={
                <Space wrap size={4}>
                  <span>证照编号 {licence.number}</span>
                  <span>· 签发日期 {licence.issuedOn}</span>
                  <span>
                    · 核验码 <span className="licence-code">{licence.code}</span>
                  </span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

const FILE_ACCEPT: Record<FileKind, string> = {
  pdf: ".pdf",
  image: ".jpg,.jpeg,.png",
  word: ".doc,.docx",
  excel: ".xls,.xlsx",
};

function MaterialFile({
  caseId,
  file,
  onRemove,
}: {
  caseId: string;
  file: CaseView["materials"][number];
  onRemove?: (fileId: string) => void;
}) {
  const url = `/api/cases/${caseId}/materials/files/${file.fileId}`;
  return (
    <Space wrap>
      {file.mimeType.startsWith("image/") && <Image src={url} width={96} alt={file.name} />}
      <a href={url} target="_blank" rel="noreferrer">
        {file.name}
      </a>
      <Typography.Text type="secondary">{Math.ceil(file.size / 1024)} KB</Typography.Text>
      {onRemove && (
        <Button size="small" type="link" danger onClick={() => onRemove(file.fileId)}>
          删除
        </Button>
      )}
    </Space>
  );
}

/** Links to the case's notices as PDFs (受理通知书 and the like), for printing at the window or keeping. */
export function CaseNotices({ view }: { view: CaseView }) {
  const notices = [
    { kind: "acceptance", label: "受理通知书", available: view.statutoryDue !== null },
    { kind: "supplement", label: "一次性补正告知书", available: view.supplement !== null },
    { kind: "refusal", label: "不予受理决定书", available: view.refusal !== null },
  ].filter((n) => n.available);
  if (notices.length === 0) return null;
  return (
    <Space wrap>
      {notices.map((n) => (
        <Button
          key={n.kind}
          icon={<FilePdfOutlined />}
          href={`/api/cases/${view.id}/notices/${n.kind}`}
          target="_blank"
          rel="noreferrer"
        >
          {n.label}
        </Button>
      ))}
    </Space>
  );
}
