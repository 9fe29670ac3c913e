import type { PdfBlock } from "../../platform/pdf.js";
import type { StudentRecord } from "./students.tables.js";

export type CertificateKind = "enrollment" | "transcript" | "status";

/** What a self-service certificate says, before the licence adds its seal and verification code. */
export type CertificateDraft = { title: string; blocks: PdfBlock[]; validMonths: number | null };

/** Which certificate a self-service item's result is, from its name; null when the records cannot write it. */
export function certificateKindOf(resultName: string): CertificateKind | null {
  if (resultName.includes("在读")) return "enrollment";
  if (resultName.includes("成绩")) return "transcript";
  if (resultName.includes("学籍") || resultName.includes("学生证")) return "status";
  return null;
}

const yearOf = (date: string) => Number(date.slice(0, 4));
const monthOf = (date: string) => Number(date.slice(5, 7));

function facts(record: StudentRecord): Array<[string, string]> {
  return [
    ["姓名", record.name],
    ["性别", record.gender],
    ["学号", record.studentNo],
    ["学院", record.college],
    ["专业", record.major],
    ["层次", record.level],
    ["入学时间", `${yearOf(record.enrolledOn)}年${monthOf(record.enrolledOn)}月`],
    ["学制", `${record.lengthYears}年`],
    ["学籍状态", record.status],
  ];
}

/** The form's answers a certificate prints: its language and purpose. */
function purposeLine(form: Record<string, unknown>): string {
  const purpose = typeof form.purpose === "string" ? form.purpose : "";
  const language = typeof form.language === "string" ? form.language : "中文";
  return [purpose && `证明用途：${purpose}`, `语种：${language}`].filter(Boolean).join("　");
}

/**
 * Writes a certificate from the student's record. A person the records say is not studying gets no 在读证明: the
 * refusal names why, in words they can act on.
 */
export function writeCertificate(
  kind: CertificateKind,
  title: string,
  record: StudentRecord,
  university: string,
  form: Record<string, unknown>,
): CertificateDraft | { refusal: string } {
  const graduation = `${yearOf(record.enrolledOn) + record.lengthYears}年${monthOf(record.enrolledOn) === 9 ? 6 : 12}月`;
  if (kind === "enrollment") {
    if (record.status !== "在读") {
      return { refusal: `学籍系统显示您的学籍状态为“${record.status}”，不能开具在读证明，请到教务处窗口咨询` };
    }
    return {
      title,
      validMonths: 6,
      blocks: [
        { kind: "title", text: title },
        { kind: "subtitle", text: university },
        {
          kind: "paragraph",
          text: `兹证明 ${record.name}（学号 ${record.studentNo}）系我校${record.college}${record.major}专业${yearOf(record.enrolledOn)}级${record.level}，学制${record.lengthYears}年，现在读，预计${graduation}毕业。`,
        },
        { kind: "paragraph", text: "特此证明。" },
        { kind: "fields", rows: facts(record) },
        { kind: "paragraph", text: purposeLine(form) },
      ],
    };
  }
  if (kind === "status") {
    return {
      title,
      validMonths: 6,
      blocks: [
        { kind: "title", text: title },
        { kind: "subtitle", text: university },
        {
          kind: "paragraph",
          text: `兹证明 ${record.name} 具有我校${record.level}学籍，学籍信息如下。`,
        },
        { kind: "fields", rows: facts(record) },
        { kind: "paragraph", text: purposeLine(form) },
      ],
    };
  }
  const credits = record.courses.reduce((sum, c) => sum + c.credits, 0);
  return {
    title,
    validMonths: null,
    blocks: [
      { kind: "title", text: title },
      { kind: "subtitle", text: university },
      {
        kind: "fields",
        rows: facts(record)
          .filter(([label]) => label !== "学籍状态")
          .slice(0, 6),
      },
      {
        kind: "table",
        columns: [
          { title: "学期", weight: 3 },
          { title: "课程", weight: 4 },
          { title: "学分", weight: 1 },
          { title: "成绩", weight: 1 },
        ],
        rows: record.courses.map((c) => [c.term, c.name, String(c.credits), c.score]),
      },
      { kind: "paragraph", text: `共 ${record.courses.length} 门课程，${credits} 学分。${purposeLine(form)}` },
    ],
  };
}
