import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import {
  APPEAL_STATUS_LABELS,
  indicatorsFor,
  RATING_CHANNEL_LABELS,
  RATING_INDICATOR_LABELS,
  RATING_STAGE_LABELS,
  RECTIFICATION_OUTCOME_LABELS,
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STATUSES,
  type RectificationStatus,
} from "../../common/vocabulary";
import { api, call } from "../api/client";
import type { components } from "../api/schema";
import { dueColumn, formatTime, WarningTag } from "../components/case-parts";
import { RatingLevelTag } from "../components/case-rating";
import { useSession } from "../components/session";
import { StatusFilter } from "../components/status-filter";

type Rectification = components["schemas"]["Rectification"];

const STATUS_COLORS: Record<RectificationStatus, string> = {
  open: "gold",
  replied: "blue",
  called_back: "purple",
  closed: "green",
};

export function RectificationStatusTag({ status }: { status: RectificationStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{RECTIFICATION_STATUS_LABELS[status]}</Tag>;
}

/** 差评整改: every bad rating of the org's line becomes a task, due in working days, earliest first. */
export function RectificationsPage() {
  const [status, setStatus] = useState<RectificationStatus | "all">("open");
  const list = useQuery({
    queryKey: ["rectifications", status],
    queryFn: () => call(api.GET("/api/rectifications", { params: { query: status === "all" ? {} : { status } } })),
  });
  return (
    <div>
      <Typography.Title level={2}>差评整改</Typography.Title>
      <Typography.Paragraph type="secondary">
        “不满意”“非常不满意”的评价须逐件核实，整改或解释说明，答复评价人并回访，由督查人员审核办结。被评价的工作人员看不到针对本人的整改任务。
      </Typography.Paragraph>
      <StatusFilter
        statuses={RECTIFICATION_STATUSES}
        labels={RECTIFICATION_STATUS_LABELS}
        value={status}
        onChange={setStatus}
      />
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      <Card>
        <Table
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data ?? []}
          locale={{ emptyText: "暂无整改任务" }}
          scroll={{ x: 760 }}
          columns={[
            {
              title: "事项",
              dataIndex: "itemName",
              render: (name: string, r) => <Link to={`/workbench/rectifications/${r.id}`}>{name}</Link>,
            },
            { title: "单位", dataIndex: "orgName", width: 160 },
            { title: "评价", dataIndex: "level", width: 110, render: (l: number) => <RatingLevelTag level={l} /> },
            {
              title: "状态",
              dataIndex: "status",
              width: 100,
              render: (s: RectificationStatus) => <RectificationStatusTag status={s} />,
            },
            dueColumn("整改期限"),
          ]}
        />
      </Card>
    </div>
  );
}

type Step = "reply" | "call_back" | "send_back" | "appeal" | null;

/** One rectification: the rating, the case to verify against, and the next step for whoever may take it. */
export function RectificationPage() {
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const permissions: string[] = useSession().data?.user?.permissions ?? [];
  const [step, setStep] = useState<Step>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const [form] = Form.useForm();
  const path = { params: { path: { id } } };
  const view = useQuery({
    queryKey: ["rectification", id],
    queryFn: () => call(api.GET("/api/rectifications/{id}", path)),
  });
  if (view.error) return <Alert type="error" showIcon message={view.error.message} />;
  if (!view.data) return <Card loading />;
  const r: Rectification = view.data;
  const handles = permissions.includes("feedback.handle");
  // The task's steps this reader may take now are the server's answer, from the rectification lifecycle.
  const may = (action: Rectification["actions"][number]["action"]) => r.actions.some((a) => a.action === action);

  async function act(run: () => Promise<unknown>, done: string) {
    try {
      await run();
      void message.success(done);
      setStep(null);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "操作失败");
    }
    await view.refetch();
  }

  async function submitStep() {
    const values = await form.validateFields();
    const revision = r.revision;
    if (step === "reply") {
      await act(
        () => call(api.POST("/api/rectifications/{id}/reply", { ...path, body: { revision, ...values } })),
        "已答复评价人",
      );
    } else if (step === "call_back") {
      await act(
        () =>
          call(
            api.POST("/api/rectifications/{id}/call-back", {
              ...path,
              body: { revision, reached: values.reached, satisfied: values.satisfied ?? null, note: values.note },
            }),
          ),
        "已记录回访",
      );
    } else if (step === "send_back") {
      await act(
        () => call(api.POST("/api/rectifications/{id}/send-back", { ...path, body: { revision, ...values } })),
        "已退回",
      );
    } else if (step === "appeal") {
      await act(
        () => call(api.POST("/api/ratings/{id}/appeal", { params: { path: { id: r.rating.id } }, body: values })),
        "已提出申诉，等待上级复核",
      );
    }
  }

  async function showPhone() {
    try {
      setPhone((await call(api.POST("/api/rectifications/{id}/contact", path))).phone ?? "未登记");
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "操作失败");
    }
  }

  const titles: Record<Exclude<Step, null>, string> = {
    reply: "核实整改并答复评价人",
    call_back: "记录回访",
    send_back: "退回重新整改",
    appeal: "申诉（误评或恶意差评）",
  };

  return (
    <div className="narrow-page">
      <Typography.Title level={2}>差评整改：{r.itemName}</Typography.Title>
      {r.sentBack && r.status === "open" && (
        <Alert type="warning" showIcon className="block" message={`督查人员退回：${r.sentBack}`} />
      )}
      <Card className="block">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="状态">
            <Space size={4}>
              <RectificationStatusTag status={r.status} />
              <WarningTag warning={r.warning} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="整改期限">{r.dueOn}</Descriptions.Item>
          <Descriptions.Item label="办件">
            <Link to={`/workbench/cases/${r.caseId}`}>{r.caseNumber}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="办理单位">{r.orgName}</Descriptions.Item>
          <Descriptions.Item label="评价环节">{RATING_STAGE_LABELS[r.rating.stage]}</Descriptions.Item>
          <Descriptions.Item label="评价渠道">{RATING_CHANNEL_LABELS[r.rating.channel]}</Descriptions.Item>
          <Descriptions.Item label="评价">
            <RatingLevelTag level={r.level} />
          </Descriptions.Item>
          <Descriptions.Item label="评价时间">{formatTime(r.rating.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="各项指标" span={2}>
            <Space wrap size={4}>
              {indicatorsFor(r.rating.channel).map((indicator) => (
                <span key={indicator}>
                  {RATING_INDICATOR_LABELS[indicator]} <RatingLevelTag level={r.rating.scores[indicator] ?? 0} />
                </span>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="评价内容" span={2}>
            {r.rating.comment || "（未填写）"}
          </Descriptions.Item>
          <Descriptions.Item label="评价人">
            <Space>
              {r.raterName} {phone ?? r.raterPhone ?? ""}
              {handles && r.status !== "closed" && !phone && r.raterPhone && (
                <Button size="small" onClick={() => void showPhone()}>
                  查看完整号码（回访用）
                </Button>
              )}
            </Space>
          </Descriptions.Item>
          {r.rating.appealStatus && (
            <Descriptions.Item label="申诉">{APPEAL_STATUS_LABELS[r.rating.appealStatus]}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {(r.finding || r.callBack) && (
        <Card title="整改与回访" className="block">
          <Descriptions column={1} size="small">
            {r.finding && <Descriptions.Item label="核实情况">{r.finding}</Descriptions.Item>}
            {r.outcome && <Descriptions.Item label="处理">{RECTIFICATION_OUTCOME_LABELS[r.outcome]}</Descriptions.Item>}
            {r.measures && <Descriptions.Item label="整改措施或说明">{r.measures}</Descriptions.Item>}
            {r.reply && <Descriptions.Item label="答复评价人">{r.reply}</Descriptions.Item>}
            {r.callBack && (
              <Descriptions.Item label="回访">
                {formatTime(r.callBack.at)} {r.callBack.by}：{r.callBack.reached ? "已联系上" : "未联系上"}
                {r.callBack.satisfied !== null && `，评价人${r.callBack.satisfied ? "满意" : "不满意"}`}。
                {r.callBack.note}
              </Descriptions.Item>
            )}
            {r.closedAt && <Descriptions.Item label="办结">{formatTime(r.closedAt)}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}
      <Space wrap className="block">
        {may("reply") && (
          <Button type="primary" onClick={() => setStep("reply")}>
            核实整改并答复
          </Button>
        )}
        {may("call_back") && (
          <Button type="primary" onClick={() => setStep("call_back")}>
            记录回访
          </Button>
        )}
        {may("close") && (
          <Button
            type="primary"
            onClick={() =>
              void act(
                () => call(api.POST("/api/rectifications/{id}/close", { ...path, body: { revision: r.revision } })),
                "整改已办结",
              )
            }
          >
            审核通过，办结
          </Button>
        )}
        {may("send_back") && <Button onClick={() => setStep("send_back")}>退回重新整改</Button>}
        {handles && r.status !== "closed" && !r.rating.appealStatus && (
          <Button onClick={() => setStep("appeal")}>申诉</Button>
        )}
        <Link to="/workbench/rectifications">返回整改列表</Link>
      </Space>
      <Modal
        open={step !== null}
        title={step ? titles[step] : ""}
        okText="确定"
        cancelText="取消"
        onCancel={() => setStep(null)}
        onOk={() => void submitStep()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {step === "reply" && (
            <>
              <Form.Item
                name="finding"
                label="核实情况"
                rules={[{ required: true, whitespace: true, message: "请填写核实情况" }]}
              >
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
              <Form.Item name="outcome" label="处理" rules={[{ required: true, message: "请选择" }]}>
                <Radio.Group
                  options={[
                    { value: "fixed", label: "问题属实，已整改" },
                    { value: "explained", label: "解释说明" },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="measures"
                label="整改措施或解释说明（办结后公示）"
                rules={[{ required: true, whitespace: true, message: "请填写" }]}
              >
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
              <Form.Item
                name="reply"
                label="答复评价人（以站内消息和短信发送）"
                rules={[{ required: true, whitespace: true, message: "请填写答复" }]}
              >
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
            </>
          )}
          {step === "call_back" && (
            <>
              <Form.Item name="reached" label="是否联系上评价人" rules={[{ required: true, message: "请选择" }]}>
                <Radio.Group
                  options={[
                    { value: true, label: "已联系上" },
                    { value: false, label: "未联系上" },
                  ]}
                />
              </Form.Item>
              <Form.Item name="satisfied" label="评价人对整改是否满意">
                <Radio.Group
                  options={[
                    { value: true, label: "满意" },
                    { value: false, label: "不满意" },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="note"
                label="回访记录"
                rules={[{ required: true, whitespace: true, message: "请填写回访记录" }]}
              >
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
            </>
          )}
          {step === "send_back" && (
            <Form.Item
              name="reason"
              label="退回理由"
              rules={[{ required: true, whitespace: true, message: "请填写退回理由" }]}
            >
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          )}
          {step === "appeal" && (
            <>
              <Form.Item name="reason" label="申诉理由" rules={[{ required: true, message: "请选择" }]}>
                <Radio.Group
                  options={[
                    { value: "mistaken", label: "误评" },
                    { value: "malicious", label: "恶意差评" },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="statement"
                label="申诉说明"
                rules={[{ required: true, whitespace: true, message: "请填写申诉说明" }]}
              >
                <Input.TextArea rows={4} maxLength={1000} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </div>
  );
}
