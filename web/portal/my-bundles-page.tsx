import { FilePdfOutlined, UploadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Space,
  Tag,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api, call, postFile } from "../api/client";
import type { components } from "../api/schema";
import { fieldProblems, showFieldProblems } from "../api/use-action";
import { FormFieldItems, fromSubmission, toSubmission } from "../components/application-form";
import { CaseStatusTag, formatTime } from "../components/case-parts";
import { LicenceStatusTag } from "../components/licence-parts";
import { RatingForm, type RatingValues } from "../components/rating-form";

type BundleCase = components["schemas"]["BundleCase"];
type BundleCaseStatus = BundleCase["status"];
type Problem = { field: string; message: string };

const STATUS_COLORS: Record<BundleCaseStatus, string> = {
  draft: "default",
  processing: "blue",
  completed: "green",
  partial: "orange",
  stopped: "red",
};

const ENDED: BundleCaseStatus[] = ["completed", "partial", "stopped"];

function BundleStatusTag({ status, label }: { status: BundleCaseStatus; label: string }) {
  return <Tag color={STATUS_COLORS[status]}>{label}</Tag>;
}

/** The one due date of a bundle case; marked 预计 while some part has not started its clock. */
function DueDate({ date, estimated, pending }: { date: string | null; estimated: boolean; pending: string }) {
  if (!date) return <>{pending}</>;
  return (
    <Space size={4}>
      <span>{date}</span>
      {estimated && <Tag color="gold">预计</Tag>}
    </Space>
  );
}

/** 我的一件事: every bundle case of the signed-in applicant. */
export function MyBundlesPage() {
  const mine = useQuery({ queryKey: ["my-bundle-cases"], queryFn: () => call(api.GET("/api/my/bundle-cases")) });
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>我的一件事</Typography.Title>
      {mine.error && <Alert type="error" showIcon title={mine.error.message} />}
      <Card>
        <List
          loading={mine.isPending}
          dataSource={mine.data ?? []}
          locale={{
            emptyText: (
              <Empty
                description={
                  <>
                    您还没有申请过一件事。<Link to="/bundles">去办好一件事</Link>
                  </>
                }
              />
            ),
          }}
          renderItem={(b) => (
            <List.Item extra={<Link to={`/me/bundles/${b.id}`}>查看</Link>}>
              <List.Item.Meta
                title={<Link to={`/me/bundles/${b.id}`}>{b.name}</Link>}
                description={
                  <Space wrap size={4}>
                    <BundleStatusTag status={b.status} label={b.statusLabel} />
                    <span>{b.number}</span>
                    {b.dueDate && !b.endedAt && <span>· {b.dueDate} 前办结</span>}
                    {b.endedAt && <span>· {formatTime(b.endedAt)} 办结</span>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}

/** One bundle case as its applicant sees it: one status, one due date, the parts, materials, form and results. */
export function MyBundlePage() {
  const { id = "" } = useParams();
  const view = useQuery({
    queryKey: ["my-bundle-case", id],
    queryFn: () => call(api.GET("/api/my/bundle-cases/{id}", { params: { path: { id } } })),
  });
  if (view.error) return <Alert type="error" showIcon title={view.error.message} />;
  if (!view.data) return <Card loading />;
  return <BundleCaseView key={view.data.id} bundle={view.data} refetch={() => void view.refetch()} />;
}

function BundleCaseView({ bundle: b, refetch }: { bundle: BundleCase; refetch: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const draft = b.status === "draft";
  // Submitting and withdrawing are the server's answer, from the bundle case lifecycle.
  const may = (action: BundleCase["actions"][number]["action"]) => b.actions.some((a) => a.action === action);
  const ended = ENDED.includes(b.status);

  function showProblems(error: unknown) {
    const list = fieldProblems(error);
    if (list.length) {
      setProblems(list);
      showFieldProblems(form, list, new Set(b.fields.map((f) => f.key)));
    }
    void message.error(error instanceof Error ? error.message : "操作失败");
  }

  async function saveForm(): Promise<BundleCase> {
    return call(
      api.PUT("/api/my/bundle-cases/{id}/form", {
        params: { path: { id: b.id } },
        body: { revision: b.revision, form: toSubmission(form.getFieldsValue()) },
      }),
    );
  }

  async function save() {
    setBusy(true);
    try {
      await saveForm();
      setProblems([]);
      void message.success("申请表已保存");
    } catch (error) {
      showProblems(error);
    } finally {
      setBusy(false);
    }
    refetch();
  }

  async function submit() {
    setBusy(true);
    try {
      const saved = await saveForm();
      const submitted = await call(
        api.POST("/api/my/bundle-cases/{id}/submit", {
          params: { path: { id: b.id } },
          body: { revision: saved.revision },
        }),
      );
      setProblems([]);
      void message.success(`已提交，${submitted.statusLabel}`);
    } catch (error) {
      showProblems(error);
    } finally {
      setBusy(false);
    }
    refetch();
  }

  return (
    <div className="narrow-page">
      <Typography.Title level={2}>{b.name}</Typography.Title>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" className="block">
        <Descriptions.Item label="申请编号">{b.number}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <BundleStatusTag status={b.status} label={b.statusLabel} />
        </Descriptions.Item>
        <Descriptions.Item label={ended ? "办结时间" : "办结日期"}>
          {ended && b.endedAt ? (
            formatTime(b.endedAt)
          ) : (
            <DueDate date={b.dueDate} estimated={b.dueEstimated} pending="提交后计算" />
          )}
        </Descriptions.Item>
        <Descriptions.Item label="提交时间">{b.submittedAt ? formatTime(b.submittedAt) : "尚未提交"}</Descriptions.Item>
        <Descriptions.Item label="某一事项未获办理时" span={{ xs: 1, md: 2 }}>
          {b.onDenial === "stop" ? "整件事终止办理" : "其他事项继续办理"}
        </Descriptions.Item>
      </Descriptions>

      {draft && (
        <Alert
          type="info"
          showIcon
          className="block"
          title="填好申请表、上传材料后点“提交申请”：不需等待的事项同时提交，其余事项在前序事项办结后自动提交。"
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="block"
          title={`提交前还需处理 ${problems.length} 项`}
          description={
            <ul className="plain-list">
              {problems.map((p) => (
                <li key={`${p.field}:${p.message}`}>{p.message}</li>
              ))}
            </ul>
          }
        />
      )}

      {ended && <BundleResults bundle={b} />}
      {ended && <BundleRating bundle={b} onRated={refetch} />}
      {may("withdraw") && <WithdrawBundle bundle={b} onDone={refetch} />}

      <BundleParts bundle={b} />

      <Card title="申请表" className="block">
        {draft ? (
          <Form form={form} layout="vertical" requiredMark initialValues={fromSubmission(b.fields, b.form)}>
            <FormFieldItems fields={b.fields} />
            <Button loading={busy} onClick={() => void save()}>
              保存申请表
            </Button>
          </Form>
        ) : (
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            {b.fields.map((f) => (
              <Descriptions.Item key={f.key} label={f.label}>
                {String(b.form[f.key] ?? "—")}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </Card>

      <BundleMaterials bundle={b} editable={draft} onChanged={refetch} />

      <Space wrap className="block">
        {may("submit") && (
          <Button type="primary" size="large" loading={busy} onClick={() => void submit()}>
            提交申请
          </Button>
        )}
        <Link to="/me/bundles">返回我的一件事</Link>
      </Space>
    </div>
  );
}

/** The parts, for understanding: which org handles what, where each stands, and what each waits for. */
function BundleParts({ bundle: b }: { bundle: BundleCase }) {
  return (
    <Card title="各事项办理情况" className="block">
      <List
        dataSource={b.parts}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{p.label}</span>
                  {p.status === "draft" || p.statusLabel.startsWith("等待") ? (
                    <Tag color={p.statusLabel.startsWith("等待") ? "gold" : "default"}>{p.statusLabel}</Tag>
                  ) : p.decision === "denied" ? (
                    <Tag color="red">{p.statusLabel}</Tag>
                  ) : (
                    <CaseStatusTag status={p.status} />
                  )}
                </Space>
              }
              description={
                <Space wrap size={4}>
                  <span>{p.itemName}</span>
                  <span>· {p.orgName}</span>
                  {p.caseNumber && <span>· 办件编号 {p.caseNumber}</span>}
                  {p.dueDate && (
                    <span>
                      · {p.dueDate} 前办结{p.estimated ? "（预计）" : ""}
                    </span>
                  )}
                  {p.result && (
                    <span>
                      · 结果：{p.result.name}（{p.result.number}）
                    </span>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The merged materials: one upload serves every part that needs it. */
function BundleMaterials({
  bundle: b,
  editable,
  onChanged,
}: {
  bundle: BundleCase;
  editable: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();

  async function upload(key: string, file: File) {
    try {
      await postFile(`/api/my/bundle-cases/${b.id}/materials/${key}`, file);
      void message.success(`已上传 ${file.name}`);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "上传失败");
    }
    onChanged();
  }

  async function remove(fileId: string) {
    try {
      await call(
        api.DELETE("/api/my/bundle-cases/{id}/materials/files/{fileId}", {
          params: { path: { id: b.id, fileId } },
        }),
      );
      void message.success("已删除");
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "删除失败");
    }
    onChanged();
  }

  return (
    <Card title="申请材料（一次上传，各事项共用）" className="block">
      <List
        dataSource={b.materials}
        locale={{ emptyText: "无需提交材料" }}
        renderItem={(m) => (
          <List.Item
            extra={
              editable && (
                <Upload
                  showUploadList={false}
                  accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx"
                  beforeUpload={(file) => {
                    void upload(m.key, file);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} aria-label={`上传${m.name}`}>
                    上传
                  </Button>
                </Upload>
              )
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{m.name}</span>
                  <Tag color={m.required ? "red" : "default"}>{m.required ? "必须提交" : "按情况提交"}</Tag>
                  {m.files.length > 0 && <Tag color="green">已上传</Tag>}
                </Space>
              }
              description={
                <Space orientation="vertical" size={4} className="full-width">
                  {m.notes && <Typography.Text type="secondary">{m.notes}</Typography.Text>}
                  {m.files.map((f) => (
                    <Space wrap key={f.fileId}>
                      <span>{f.name}</span>
                      <Typography.Text type="secondary">{Math.ceil(f.size / 1024)} KB</Typography.Text>
                      {editable && (
                        <Popconfirm
                          title="从各事项中删除这个文件？"
                          okText="删除"
                          cancelText="取消"
                          onConfirm={() => remove(f.fileId)}
                        >
                          <Button size="small" type="link" danger aria-label={`删除${f.name}`}>
                            删除
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ))}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 办理结果: every part's result together, each with the e-licences its case issued. */
function BundleResults({ bundle: b }: { bundle: BundleCase }) {
  const failed = b.parts.filter(
    (p) => p.decision === "denied" || ["refused", "withdrawn", "revoked"].includes(p.status),
  );
  return (
    <Card title="办理结果" className="block">
      {b.status !== "completed" && (
        <Alert
          type={b.status === "stopped" ? "error" : "warning"}
          showIcon
          className="block"
          title={`${b.statusLabel}：${failed.map((p) => `${p.label}（${p.statusLabel}）`).join("、") || "部分事项未办结"}`}
        />
      )}
      <List
        dataSource={b.results}
        locale={{ emptyText: "没有取得办理结果" }}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={r.name}
              description={
                <Space orientation="vertical" size={4} className="full-width">
                  <Space wrap size={4}>
                    <span>编号 {r.number}</span>
                    <span>· {r.orgName}</span>
                    <span>· {r.itemName}</span>
                  </Space>
                  <ResultLicences caseId={r.caseId} />
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The e-licence PDFs a part's case issued, if any. */
function ResultLicences({ caseId }: { caseId: string }) {
  const view = useQuery({
    queryKey: ["case", caseId],
    queryFn: () => call(api.GET("/api/cases/{id}", { params: { path: { id: caseId } } })),
  });
  const licences = view.data?.licences ?? [];
  if (licences.length === 0) return null;
  return (
    <Space wrap>
      {licences.map((l) => (
        <Space key={l.id} wrap size={4}>
          <a href={`/api/cases/${caseId}/licences/${l.id}`} target="_blank" rel="noreferrer">
            <FilePdfOutlined aria-hidden /> 查看电子证照：{l.type}
          </a>
          <LicenceStatusTag status={l.status} />
        </Space>
      ))}
    </Space>
  );
}

/** 撤回整件事: the parts not yet decided end with the applicant's reason; those already decided stand. */
function WithdrawBundle({ bundle: b, onDone }: { bundle: BundleCase; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  async function withdraw() {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      await call(
        api.POST("/api/my/bundle-cases/{id}/withdraw", {
          params: { path: { id: b.id } },
          body: { revision: b.revision, reason },
        }),
      );
      void message.success("已撤回，尚未作出决定的事项均已终止办理");
      setOpen(false);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "撤回失败");
    } finally {
      setBusy(false);
    }
    onDone();
  }

  return (
    <Card className="block">
      <Space wrap>
        <Typography.Text type="secondary">
          不再需要办理这件事？撤回后，尚未作出决定的事项全部终止，已作出决定的不受影响。
        </Typography.Text>
        <Button danger onClick={() => setOpen(true)}>
          撤回这件事
        </Button>
      </Space>
      <Modal
        open={open}
        title={`撤回“${b.name}”`}
        okText="确认撤回"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        onOk={() => void withdraw()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label="撤回理由"
            rules={[{ required: true, whitespace: true, message: "请填写撤回理由" }]}
          >
            <Input.TextArea rows={3} maxLength={300} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** One rating for the whole bundle, counted for every org that handled a part. */
function BundleRating({ bundle: b, onRated }: { bundle: BundleCase; onRated: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const channel = window.innerWidth < 768 ? "mobile" : "web";
  if (!b.rating.open && !b.rating.ratedAt) return null;

  async function send(values: RatingValues) {
    setSending(true);
    try {
      await call(
        api.POST("/api/my/bundle-cases/{id}/rating", {
          params: { path: { id: b.id } },
          body: { ...values, channel },
        }),
      );
      void message.success("感谢您的评价");
      setOpen(false);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "提交失败");
    } finally {
      setSending(false);
    }
    onRated();
  }

  return (
    <Card title="服务评价（好差评）" className="block">
      <Typography.Paragraph>一次评价，覆盖本件事所有办理部门。</Typography.Paragraph>
      {b.rating.ratedAt ? (
        <Typography.Text type="secondary">您已于 {formatTime(b.rating.ratedAt)} 评价，感谢您的反馈。</Typography.Text>
      ) : (
        <Button type="primary" onClick={() => setOpen(true)}>
          评价这件事
        </Button>
      )}
      <Modal
        open={open}
        title={`评价“${b.name}”`}
        footer={null}
        width={640}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <RatingForm channel={channel} submitting={sending} onSubmit={(v) => void send(v)} />
      </Modal>
    </Card>
  );
}
