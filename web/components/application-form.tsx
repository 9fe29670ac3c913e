import { Card, Checkbox, DatePicker, Form, Input, InputNumber, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { components } from "../api/schema";
import { useOrgs } from "./org-tree";

type Content = components["schemas"]["Guide"]["content"];
type Field = Content["form"][number];
/** What an input needs of a form field: an item's, or a bundle's merged field of the same shape. */
export type FormFieldSpec = Pick<Field, "key" | "label" | "type" | "required" | "options" | "maxLength" | "help">;

/** An org of the province's tree (a school, a university, a bureau), found by typing part of its name. */
function OrgSelect(props: Record<string, unknown>) {
  const orgs = useOrgs();
  const options = (orgs.data ?? [])
    .filter((o) => o.kind !== "office" && o.kind !== "external")
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <Select
      showSearch
      optionFilterProp="label"
      options={options}
      placeholder="输入名称查找"
      loading={orgs.isPending}
      {...props}
    />
  );
}

/** The input for one form field; Form.Item passes value, onChange and id through `props`. */
export function FieldInput({ field, ...props }: { field: FormFieldSpec } & Record<string, unknown>) {
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
    case "org":
      return <OrgSelect {...props} />;
    default:
      return <Input maxLength={field.maxLength ?? 500} {...props} />;
  }
}

/** Dates leave the form as YYYY-MM-DD, as the server checks them; empty answers are left out. */
export function toSubmission(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === "") continue;
    out[key] = typeof (value as Dayjs).format === "function" ? (value as Dayjs).format("YYYY-MM-DD") : value;
  }
  return out;
}

/** YYYY-MM-DD answers back into the date pickers, to fill a form with answers saved before. */
export function fromSubmission(fields: FormFieldSpec[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.key];
    if (value === undefined || value === null) continue;
    out[field.key] = field.type === "date" && typeof value === "string" ? dayjs(value) : value;
  }
  return out;
}

/** One Form.Item per field, named by its key, with its label, help and required rule. */
export function FormFieldItems({
  fields,
  extra,
}: {
  fields: FormFieldSpec[];
  extra?: (field: FormFieldSpec) => string;
}) {
  return (
    <>
      {fields.map((field) => (
        <Form.Item
          key={field.key}
          name={field.key}
          label={field.label}
          extra={[field.help, extra?.(field)].filter(Boolean).join("；") || undefined}
          rules={field.required ? [{ required: true, message: `请填写“${field.label}”` }] : []}
        >
          <FieldInput field={field} />
        </Form.Item>
      ))}
    </>
  );
}

/**
 * The situations and the form of an item version, as an applicant fills them online and a clerk at a window.
 * Place it inside an antd Form; `situationKeys` holds the chosen situations, every other name a field's answer.
 */
export function ApplicationFields({ content }: { content: Content }) {
  return (
    <>
      {content.situations.length > 0 && (
        <Card title="办理情形" className="block">
          <Form.Item name="situationKeys" extra="按申请人的情况选择，所需材料随之不同">
            <Checkbox.Group options={content.situations.map((s) => ({ value: s.key, label: s.name }))} />
          </Form.Item>
        </Card>
      )}
      <Card title="申请表" className="block">
        <FormFieldItems fields={content.form} />
      </Card>
    </>
  );
}
