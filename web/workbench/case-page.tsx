import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { Link, useParams } from "react-router";
import { SPECIAL_PROCEDURE_LABELS, SPECIAL_PROCEDURES } from "../../common/vocabulary";
import { api, call } from "../api/client";
import {
  CaseFacts,
  CaseFormAnswers,
  CaseLicences,
  CaseMaterials,
  CaseNotices,
  CaseTimeline,
  type CaseView,
} from "../components/case-parts";
import { CaseRating } from "../components/case-rating";
import { useSession } from "../components/session";

type CaseActionName = CaseView["actions"][number]["action"];

/**
 * How the workbench asks for and sends each staff action. Which actions a reader sees, and their names, is the
 * server's answer (the case's `actions`, from the case lifecycle): nothing here says who may act or when.
 */
type ActionForm = {
  /** The action's route under /api/cases/{id}/. */
  path:
    | "precheck"
    | "accept"
    | "refuse"
    | "supplement"
    | "review"
    | "special/start"
    | "special/end"
    | "extend"
    | "decide"
    | "issue"
    | "deliver";
  primary?: boolean;
  danger?: boolean;
  /** The fields asked in a dialog; none means the action runs on one click. */
  fields?: ReactNode;
  /** Turns the dialog's values into the request body. */
  body?: (values: Record<string, unknown>) => Record<string, unknown>;
};

type Action = ActionForm & { action: CaseActionName; label: string };

const required = (message: string) => [{ required: true, whitespace: true, message }];

const ACTION_FORMS: Partial<Record<CaseActionName, ActionForm>> = {
  precheck: { path: "precheck" },
  accept: { path: "accept", primary: true },
  refuse: {
    path: "refuse",
    danger: true,
    fields: (
      <>
        <Form.Item name="reason" label="不予受理的理由" rules={required("请填写理由")}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="whereToApply" label="应向何处申请（如不属于本机关职权）">
          <Input maxLength={200} />
        </Form.Item>
      </>
    ),
  },
  request_supplement: {
    path: "supplement",
    fields: (
      <>
        <Form.Item name="items" label="需要补正的内容（每行一项）" rules={required("请逐项列出需要补正的内容")}>
          <Input.TextArea rows={5} />
        </Form.Item>
        <Form.Item name="note" label="补充说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </>
    ),
    body: (v) => ({
      items: String(v.items ?? "")
        .split("\n")
        .map((s) => s.trim())
        .filter(Boolean),
      note: v.note ?? "",
    }),
  },
  review: {
    path: "review",
    primary: true,
    fields: (
      <Form.Item name="opinion" label="审查意见" rules={required("请填写审查意见")}>
        <Input.TextArea rows={4} maxLength={1000} />
      </Form.Item>
    ),
  },
  start_special: {
    path: "special/start",
    fields: (
      <>
        <Form.Item name="kind" label="程序类型" rules={[{ required: true, message: "请选择程序类型" }]}>
          <Select options={SPECIAL_PROCEDURES.map((k) => ({ value: k, label: SPECIAL_PROCEDURE_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="reason" label="启动理由（将告知申请人）" rules={required("请填写理由")}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </>
    ),
  },
  end_special: { path: "special/end", primary: true },
  extend: {
    path: "extend",
    fields: (
      <>
        <Form.Item name="days" label="延长天数" rules={[{ required: true, message: "请填写天数" }]}>
          <InputNumber min={1} max={30} />
        </Form.Item>
        <Form.Item name="reason" label="延长理由（将告知申请人）" rules={required("请填写理由")}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </>
    ),
  },
  decide: {
    path: "decide",
    primary: true,
    fields: (
      <>
        <Form.Item name="decision" label="决定" rules={[{ required: true, message: "请选择决定" }]}>
          <Radio.Group
            options={[
              { value: "granted", label: "准予" },
              { value: "denied", label: "不予" },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={required("请填写决定理由")}>
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
      </>
    ),
  },
  issue: {
    path: "issue",
    primary: true,
    fields: (
      <Form.Item name="resultNumber" label="结果文书编号" rules={required("请填写编号")}>
        <Input maxLength={60} />
      </Form.Item>
    ),
  },
  deliver: {
    path: "deliver",
    primary: true,
    fields: (
      <>
        <Form.Item name="method" label="送达方式" rules={[{ required: true, message: "请选择送达方式" }]}>
          <Radio.Group
            options={[
              { value: "pickup", label: "窗口领取" },
              { value: "express", label: "快递送达" },
              { value: "online", label: "网上下载" },
            ]}
          />
        </Form.Item>
        <Form.Item name="carrier" label="快递公司（快递送达时填写）">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="trackingNumber" label="快递单号（快递送达时填写）">
          <Input maxLength={30} />
        </Form.Item>
      </>
    ),
  },
};

/** A case in the workbench: the application, the timeline and the actions the staff member may take now. */
export function WorkbenchCasePage() {
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const permissions: string[] = useSession().data?.user?.permissions ?? [];
  const [open, setOpen] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const view = useQuery({
    queryKey: ["case", id],
    queryFn: () => call(api.GET("/api/cases/{id}", { params: { path: { id } } })),
  });
  if (view.error) return <Alert type="error" showIcon message={view.error.message} />;
  if (!view.data) return <Card loading />;
  const c = view.data;

  async function run(action: Action, values: Record<string, unknown> = {}) {
    setBusy(true);
    try {
      const body = { revision: c.revision, ...(action.body ? action.body(values) : values) };
      // Every action route takes the case's revision and answers with the case; the paths are listed above.
      await call(
        api.POST(`/api/cases/{id}/${action.path}` as "/api/cases/{id}/accept", {
          params: { path: { id } },
          body: body as never,
        }),
      );
      void message.success(`已${action.label}`);
      setOpen(null);
      form.resetFields();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "操作失败");
    } finally {
      setBusy(false);
      await view.refetch();
    }
  }

  const available: Action[] = c.actions.flatMap((a) => {
    const shape = ACTION_FORMS[a.action];
    return shape ? [{ ...a, ...shape }] : [];
  });
  return (
    <div>
      <Typography.Title level={2}>{c.itemName}</Typography.Title>
      <CaseFacts view={c} />
      {c.bundleCaseId && (
        <Alert
          type="info"
          className="block"
          showIcon
          message="本件是“办好一件事”联办的一部分"
          description="申请人一次申请、一套材料，由各部门分别办理；请按本单位事项正常办理，办结情况将与其他部门的结果合并告知申请人。"
        />
      )}
      {c.supplement && (
        <Alert type="warning" className="block" showIcon message={`待申请人补正：${c.supplement.items.join("；")}`} />
      )}
      {c.special && (
        <Alert
          type="info"
          className="block"
          showIcon
          message={`特别程序（${SPECIAL_PROCEDURE_LABELS[c.special.kind]}）自 ${c.special.startedOn} 起：${c.special.reason}`}
        />
      )}
      <Space className="block" wrap>
        {available.map((a) => (
          <Button
            key={a.action}
            type={a.primary ? "primary" : "default"}
            danger={a.danger}
            loading={busy && open === null}
            onClick={() => (a.fields ? setOpen(a) : void run(a))}
          >
            {a.label}
          </Button>
        ))}
        {available.length === 0 && (
          <Typography.Text type="secondary">
            {c.mayAct ? "当前没有需要您处理的操作" : `本件由${c.orgName}审查办理，您可补充扫描材料`}
          </Typography.Text>
        )}
        <CaseNotices view={c} />
        <Link to="/workbench">返回待办</Link>
      </Space>
      {c.reviewStages.length > 0 && c.status === "reviewing" && (
        <Alert
          type="info"
          className="block"
          message={`审查环节：${c.reviewStages
            .map((s, i) => `${s.name}${c.reviews.some((r) => r.stage === i) ? "（已通过）" : ""}`)
            .join("、")}`}
        />
      )}
      {permissions.includes("case.intake") && <CaseRating caseId={c.id} face="window" />}
      <CaseLicences view={c} />
      <CaseFormAnswers view={c} />
      <CaseMaterials view={c} onChanged={c.mayChangeMaterials ? () => void view.refetch() : undefined} />
      <CaseTimeline view={c} />
      <Modal
        open={open !== null}
        title={open?.label}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setOpen(null)}
        onOk={async () => {
          if (open) await run(open, await form.validateFields());
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {open?.fields}
        </Form>
      </Modal>
    </div>
  );
}
