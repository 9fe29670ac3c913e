import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { MATERIAL_REQUIREMENT_LABELS } from "../../common/vocabulary";
import { ApiError, api, call } from "../api/client";
import type { components } from "../api/schema";

type Field = components["schemas"]["Guide"]["content"]["form"][number];

/** The input for one form field; Form.Item passes value, onChange and id through `props`. */
function FieldInput({ field, ...props }: { field: Field } & Record<string, unknown>) {
  switch (field.type) {
    case "number":
      return <InputNumber className="full-width" {...props} />;
    case "date":
      return <DatePicker className="full-width" placeholder="选择日期" {...props} />;
    case "choice":
      return <Select options={field.options.map((o) => ({ value: o, label: o }))} placeholder="请选择" {...props} />;
    case "address":
      return <Input.TextArea rows={2} maxLength={field.maxLength ?? 200} {...props} />;
    case "id_number":
      return <Input maxLength={18} placeholder="18 位身份证号码" {...props} />;
    case "phone":
      return <Input maxLength={11} placeholder="11 位手机号码" {...props} />;
    default:
      return <Input maxLength={field.maxLength ?? 500} {...props} />;
  }
}

/** Dates leave the form as YYYY-MM-DD, as the server checks them; empty answers are left out. */
function toSubmission(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === "") continue;
    out[key] = typeof (value as Dayjs).format === "function" ? (value as Dayjs).format("YYYY-MM-DD") : value;
  }
  return out;
}

/** 网上申请: the item's form, rendered from the version in force; submit once, however often it is clicked. */
export function ApplyPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const guide = useQuery({
    queryKey: ["guide", id],
    queryFn: () => call(api.GET("/api/catalog/items/{id}/guide", { params: { path: { id } } })),
  });
  if (guide.error) return <Alert type="error" showIcon message={guide.error.message} />;
  if (!guide.data) return <Card loading />;
  const c = guide.data.content;
  // Online, materials the applicant brings are uploaded to the saved draft before it is submitted.
  const uploads = c.materials.some((m) => m.source !== "government");

  async function send(submit: boolean, validate = true) {
    if (validate) await form.validateFields();
    const { situationKeys = [], ...answers } = form.getFieldsValue();
    setBusy(true);
    try {
      const created = await call(
        api.POST("/api/cases", {
          body: { itemId: id, idempotencyKey, form: toSubmission(answers), situationKeys, submit },
        }),
      );
      void message.success(submit ? `已提交，办件编号 ${created.number}` : "申请表已保存，请上传材料后提交");
      void navigate(`/me/cases/${created.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === "FORM_INVALID") {
        const problems = (error.details?.errors ?? []) as { field: string; message: string }[];
        form.setFields(problems.map((p) => ({ name: p.field, errors: [p.message] })));
      }
      void message.error(error instanceof Error ? error.message : "提交失败");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow-page">
      <Typography.Title level={2}>在线申请：{c.name}</Typography.Title>
      <Typography.Paragraph type="secondary">
        实施机构：{guide.data.item.orgName}。填写后提交，窗口预审通过即受理；进度可在“我的办件”查看，并以短信通知您。
        <Link to={`/items/${id}`}>查看办事指南</Link>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        {c.situations.length > 0 && (
          <Card title="办理情形" className="block">
            <Form.Item name="situationKeys" extra="按您的情况选择，所需材料随之不同">
              <Checkbox.Group options={c.situations.map((s) => ({ value: s.key, label: s.name }))} />
            </Form.Item>
          </Card>
        )}
        <Card title="申请表" className="block">
          {c.form.map((field) => (
            <Form.Item
              key={field.key}
              name={field.key}
              label={field.label}
              extra={field.help || undefined}
              rules={field.required ? [{ required: true, message: `请填写“${field.label}”` }] : []}
            >
              <FieldInput field={field} />
            </Form.Item>
          ))}
        </Card>
        <Card title="申请材料" className="block">
          <List
            size="small"
            dataSource={c.materials}
            renderItem={(m) => (
              <List.Item>
                {m.name}（{MATERIAL_REQUIREMENT_LABELS[m.requirement]}
                {m.source === "government" ? "，免提交，由部门核验" : ""}）
              </List.Item>
            )}
          />
          {uploads && (
            <Typography.Paragraph type="secondary">
              下一步上传材料：申请表先保存为草稿，材料上传齐全后即可提交。
            </Typography.Paragraph>
          )}
        </Card>
        <Space className="block">
          <Button type="primary" size="large" loading={busy} onClick={() => void send(!uploads)}>
            {uploads ? "下一步：上传材料" : "提交申请"}
          </Button>
          <Button size="large" disabled={busy} onClick={() => void send(false, false)}>
            保存草稿
          </Button>
        </Space>
      </Form>
    </div>
  );
}
