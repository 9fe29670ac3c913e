import { isPlainDate } from "../../platform/calendar.js";
import { isValidIdNumber, isValidMobile } from "../../platform/identity.js";
import type { ItemContent } from "./catalog.contract.js";

type FormField = ItemContent["form"][number];
export type FieldError = { field: string; message: string };
export type FormValues = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkValue(field: FormField, value: unknown): string | null {
  if (field.type === "number") {
    return typeof value === "number" && Number.isFinite(value) ? null : "须为数字";
  }
  if (field.type === "org" || field.type === "file") {
    return typeof value === "string" && UUID.test(value) ? null : field.type === "org" ? "请选择单位" : "请上传附件";
  }
  if (typeof value !== "string") return "须为文本";
  if (field.maxLength !== null && value.length > field.maxLength) return `不能超过 ${field.maxLength} 个字符`;
  switch (field.type) {
    case "date":
      return isPlainDate(value) ? null : "日期格式应为 YYYY-MM-DD";
    case "choice":
      return field.options.includes(value) ? null : `应为以下之一：${field.options.join("、")}`;
    case "id_number":
      return isValidIdNumber(value.toUpperCase()) ? null : "身份证号码无效";
    case "phone":
      return isValidMobile(value) ? null : "手机号格式不正确";
    default:
      return value.length > 5000 ? "内容过长" : null;
  }
}

/**
 * Checks an application against the form of the item version it is filed under: required fields present,
 * each value of its field's type, no fields the form does not have. Every problem is named, in Chinese.
 */
export function validateFormSubmission(form: ItemContent["form"], values: FormValues): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set(form.map((f) => f.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) errors.push({ field: key, message: "表单中没有此项" });
  }
  for (const field of form) {
    const value = values[field.key];
    const empty = value === undefined || value === null || value === "";
    if (empty) {
      if (field.required) errors.push({ field: field.key, message: `请填写“${field.label}”` });
      continue;
    }
    const problem = checkValue(field, value);
    if (problem) errors.push({ field: field.key, message: `“${field.label}”${problem}` });
  }
  return errors;
}
