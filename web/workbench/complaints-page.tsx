import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import {
  COMPLAINT_FINDING_LABELS,
  COMPLAINT_FINDINGS,
  COMPLAINT_KIND_LABELS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_STATUSES,
  COMPLAINT_TARGET_LABELS,
  type ComplaintStatus,
} from "../../common/vocabulary";
import { api, call } from "../api/client";
import type { components } from "../api/schema";
import { dueColumn, formatTime, WarningTag } from "../components/case-parts";
import { StatusFilter } from "../components/status-filter";

type Complaint = components["schemas"]["Complaint"];

const STATUS_COLORS: Record<ComplaintStatus, string> = { received: "gold", investigating: "blue", answered: "green" };

export function ComplaintStatusTag({ status }: { status: ComplaintStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{COMPLAINT_STATUS_LABELS[status]}</Tag>;
}

/** 投诉举报: what the org's line must investigate and answer ("有诉必查"), earliest due first. */
export function ComplaintsPage() {
  const [status, setStatus] = useState<ComplaintStatus | "all">("received");
  const list = useQuery({
    queryKey: ["complaints", status],
    queryFn: () => call(api.GET("/api/complaints", { params: { query: status === "all" ? {} : { status } } })),
  });
  return (
    <div>
      <Typography.Title level={2}>投诉举报</Typography.Title>
      <Typography.Paragraph type="secondary">
        有诉必查，查实必处。每件投诉举报须在期限内核查并答复；匿名投诉举报不显示任何提交人信息。
      </Typography.Paragraph>
      <StatusFilter
        statuses={COMPLAINT_STATUSES}
        labels={COMPLAINT_STATUS_LABELS}
        value={status}
        onChange={setStatus}
      />
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      <Card>
        <Table
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data ?? []}
          locale={{ emptyText: "暂无投诉举报" }}
          scroll={{ x: 900 }}
          columns={[
            {
              title: "编号",
              dataIndex: "number",
              width: 170,
              render: (n: string, c) => <Link to={`/workbench/complaints/${c.id}`}>{n}</Link>,
            },
            {
              title: "标题",
              dataIndex: "title",
              render: (t: string, c) => (
                <Space size={4} wrap>
                  <Tag>{COMPLAINT_KIND_LABELS[c.kind]}</Tag>
                  {t}
                  {c.related > 0 && <Tag color="volcano">同一对象另有 {c.related} 件</Tag>}
                </Space>
              ),
            },
            { title: "被投诉单位", dataIndex: "orgName", width: 150 },
            { title: "提交人", dataIndex: "anonymous", width: 80, render: (a: boolean) => (a ? "匿名" : "实名") },
            {
              title: "状态",
              dataIndex: "status",
              width: 90,
              render: (s: ComplaintStatus) => <ComplaintStatusTag status={s} />,
            },
            dueColumn("答复期限"),
          ]}
        />
      </Card>
    </div>
  );
}

type Step = Complaint["actions"][number] | null;

/** One complaint: what was said, the linked ones, and the next step for whoever may take it. */
export function ComplaintPage() {
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const [step, setStep] = useState<Step>(null);
  const [form] = Form.useForm();
  const path = { params: { path: { id } } };
  const view = useQuery({ queryKey: ["complaint", id], queryFn: () => call(api.GET("/api/complaints/{id}", path)) });
  if (view.error) return <Alert type="error" showIcon message={view.error.message} />;
  if (!view.data) return <Card loading />;
  const c: Complaint = view.data;

  async function submitStep() {
    const values = await form.validateFields();
    const body = { revision: c.revision, ...values };
    const actions = {
      investigate: () => api.POST("/api/complaints/{id}/investigate", { ...path, body }),
      answer: () => api.POST("/api/complaints/{id}/answer", { ...path, body }),
      send_back: () => api.POST("/api/complaints/{id}/send-back", { ...path, body }),
      publish: () => api.POST("/api/complaints/{id}/publish", { ...path, body }),
    };
    if (!step) return;
    try {
      await call(actions[step.action]());
      void message.success("已保存");
      setStep(null);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "操作失败");
    }
    await view.refetch();
  }

  return (
    <div className="narrow-page">
      <Typography.Title level={2}>
        {COMPLAINT_KIND_LABELS[c.kind]}：{c.title}
      </Typography.Title>
      {c.sentBack && c.status === "investigating" && (
        <Alert type="warning" showIcon className="block" message={`上级部门退回：${c.sentBack}`} />
      )}
      <Card className="block">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="编号">{c.number}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Space size={4}>
              <ComplaintStatusTag status={c.status} />
              <WarningTag warning={c.warning} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="对象">
            {COMPLAINT_TARGET_LABELS[c.targetType]}
            {c.targetName && `：${c.targetName}`}
            {c.caseNumber && `：${c.caseNumber}`}
          </Descriptions.Item>
          <Descriptions.Item label="核查单位">{c.orgName}</Descriptions.Item>
          <Descriptions.Item label="提交人">
            {c.complainant ? `${c.complainant.name} ${c.complainant.phone ?? ""}` : "匿名"}
          </Descriptions.Item>
          <Descriptions.Item label="答复期限">{c.dueOn}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{formatTime(c.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="内容" span={2}>
            <Typography.Paragraph className="pre-line">{c.content}</Typography.Paragraph>
          </Descriptions.Item>
          {c.attachments.length > 0 && (
            <Descriptions.Item label="附件" span={2}>
              <Space wrap>
                {c.attachments.map((a) => (
                  <a key={a.fileId} href={`/api/complaints/${c.id}/attachments/${a.fileId}`}>
                    {a.name}
                  </a>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {c.investigation && (
        <Card title="核查与答复" className="block">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="核查情况">{c.investigation}</Descriptions.Item>
            {c.finding && <Descriptions.Item label="结论">{COMPLAINT_FINDING_LABELS[c.finding]}</Descriptions.Item>}
            {c.measures && <Descriptions.Item label="处理措施">{c.measures}</Descriptions.Item>}
            {c.reply && <Descriptions.Item label="答复">{c.reply}</Descriptions.Item>}
            {c.published && <Descriptions.Item label="已公开">{c.publishedSummary}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}
      {c.relatedComplaints.length > 0 && (
        <Card title="同一对象的其他投诉举报" className="block">
          <List
            size="small"
            dataSource={c.relatedComplaints}
            renderItem={(r) => (
              <List.Item>
                <Space>
                  <Link to={`/workbench/complaints/${r.id}`}>{r.number}</Link>
                  <ComplaintStatusTag status={r.status} />
                  {formatTime(r.createdAt)}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card title="办理过程" className="block">
        <Timeline items={c.events.map((e) => ({ children: `${formatTime(e.at)} ${e.note}` }))} />
      </Card>
      <Space wrap className="block">
        {/* The steps this reader may take now are the server's answer, from the complaint lifecycle. */}
        {c.actions.map((a, n) => (
          <Button key={a.action} type={n === 0 ? "primary" : "default"} onClick={() => setStep(a)}>
            {a.label}
          </Button>
        ))}
        <Link to="/workbench/complaints">返回投诉举报</Link>
      </Space>
      <Modal
        open={step !== null}
        title={step?.label}
        okText="确定"
        cancelText="取消"
        onCancel={() => setStep(null)}
        onOk={() => void submitStep()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ investigation: c.investigation ?? "" }}>
          {(step?.action === "investigate" || step?.action === "answer") && (
            <Form.Item
              name="investigation"
              label={step?.action === "investigate" ? "核查方案" : "核查情况"}
              rules={[{ required: true, whitespace: true, message: "请填写" }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
          {step?.action === "answer" && (
            <>
              <Form.Item name="finding" label="核查结论" rules={[{ required: true, message: "请选择" }]}>
                <Radio.Group
                  options={COMPLAINT_FINDINGS.map((f) => ({ value: f, label: COMPLAINT_FINDING_LABELS[f] }))}
                />
              </Form.Item>
              <Form.Item
                name="measures"
                label="处理措施"
                rules={[{ required: true, whitespace: true, message: "请填写" }]}
              >
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item
                name="reply"
                label="答复提交人"
                rules={[{ required: true, whitespace: true, message: "请填写答复" }]}
              >
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          )}
          {step?.action === "send_back" && (
            <Form.Item name="reason" label="退回理由" rules={[{ required: true, whitespace: true, message: "请填写" }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          )}
          {step?.action === "publish" && (
            <Form.Item
              name="summary"
              label="公开内容（不得含提交人信息）"
              rules={[{ required: true, whitespace: true, message: "请填写" }]}
            >
              <Input.TextArea rows={4} maxLength={1000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </div>
  );
}
