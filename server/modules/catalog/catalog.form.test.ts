import { describe, expect, it } from "vitest";
import { idNumberCheckChar } from "../../platform/identity.js";
import { formField } from "./catalog.contract.js";
import { validateFormSubmission } from "./catalog.form.js";

const form = [
  { key: "name", label: "姓名", type: "text", required: true, maxLength: 10 },
  { key: "id_number", label: "身份证号", type: "id_number", required: true },
  { key: "phone", label: "联系电话", type: "phone", required: true },
  { key: "birth", label: "出生日期", type: "date" },
  { key: "grade", label: "年级", type: "choice", options: ["一年级", "二年级"], required: true },
  { key: "count", label: "份数", type: "number" },
  { key: "photo", label: "照片", type: "file" },
].map((f) => formField.parse(f));

const idNumber = `23010219900307123${idNumberCheckChar("23010219900307123")}`;
const good = { name: "张明", id_number: idNumber, phone: "13800000001", grade: "一年级" };

describe("application form validation", () => {
  it("accepts a complete, well-typed submission", () => {
    expect(validateFormSubmission(form, { ...good, birth: "2015-09-01", count: 2 })).toEqual([]);
  });

  it("names every missing required field", () => {
    expect(validateFormSubmission(form, {}).map((e) => e.field)).toEqual(["name", "id_number", "phone", "grade"]);
  });

  it("checks each value against its field's type", () => {
    const errors = validateFormSubmission(form, {
      name: "一个非常非常非常长的名字啊",
      id_number: "230102199003071230",
      phone: "12345",
      birth: "2015-02-30",
      grade: "九年级",
      count: "两份",
      photo: "../../etc/passwd",
    });
    expect(errors.map((e) => e.field)).toEqual(["name", "id_number", "phone", "birth", "grade", "count", "photo"]);
    expect(errors.find((e) => e.field === "grade")?.message).toBe("“年级”应为以下之一：一年级、二年级");
  });

  it("refuses fields the form does not have", () => {
    expect(validateFormSubmission(form, { ...good, is_admin: true })).toEqual([
      { field: "is_admin", message: "表单中没有此项" },
    ]);
  });
});
