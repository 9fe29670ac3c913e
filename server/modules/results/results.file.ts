import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { type Readable, Transform } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { EXAM_SUBJECTS, type Exam, type ResultKind } from "../../../common/vocabulary.js";
import { AppError } from "../../platform/errors.js";
import { isValidIdNumber } from "../../platform/identity.js";

/**
 * Reading a results file handed over by the examination authority: CSV (UTF-8 or GBK, as Excel saves it) or .xlsx,
 * a header row naming the columns, then one candidate per row. Everything here is pure but for the file reading.
 */

export type RowSource = { rows: AsyncIterable<string[]>; bytesRead(): number; size: number };

const ZIP_MAGIC = Buffer.from("PK\u0003\u0004", "latin1");

/** The rows of a CSV or .xlsx file as text cells, and how far into the file the reading is (for the progress bar). */
export async function openRowSource(filePath: string): Promise<RowSource> {
  const handle = await open(filePath);
  const head = Buffer.alloc(64 * 1024);
  const { bytesRead: headLength } = await handle.read(head, 0, head.length, 0);
  const { size } = await handle.stat();
  await handle.close();
  let bytesRead = 0;
  const input = createReadStream(filePath).on("data", (chunk) => {
    bytesRead += chunk.length;
  });
  const isXlsx = head.subarray(0, 4).equals(ZIP_MAGIC);
  const rows = isXlsx ? xlsxRows(input) : csvRows(input, encodingOf(head.subarray(0, headLength)));
  return { rows, bytesRead: () => bytesRead, size };
}

/** Excel on a Chinese Windows saves CSV as GBK; anything that is not valid UTF-8 is read as GB18030 (a superset). */
function encodingOf(head: Buffer): "utf-8" | "gb18030" {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

async function* csvRows(input: Readable, encoding: "utf-8" | "gb18030"): AsyncIterable<string[]> {
  const decoder = new TextDecoder(encoding);
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
  const parser = input
    .pipe(decode)
    .pipe(parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true }));
  for await (const record of parser) yield record as string[];
}

async function* xlsxRows(input: Readable): AsyncIterable<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row as ExcelJS.Row).values as ExcelJS.CellValue[];
      const cells = values.slice(1).map(cellText);
      if (cells.some((cell) => cell !== "")) yield cells;
    }
    return; // the first worksheet only
  }
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText
        .map((part) => part.text)
        .join("")
        .trim();
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text).trim();
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value).trim();
}

/** Where each field is in the file's rows, read from its header. */
export type Layout = {
  examNumber: number;
  idNumber: number;
  name: number;
  subjects: { name: string; fullMarks: number; required: boolean; column: number }[];
  total: number;
  university: number;
  major: number;
  admissionBatch: number;
};

const COLUMN_NAMES: Record<string, string[]> = {
  examNumber: ["准考证号", "考生号"],
  idNumber: ["身份证号", "身份证号码", "证件号码"],
  name: ["姓名", "考生姓名"],
  total: ["总分"],
  university: ["录取院校", "录取学校"],
  major: ["录取专业"],
  admissionBatch: ["录取批次"],
};

const SCORE_FIELDS = ["examNumber", "idNumber", "name", "total"];
const ADMISSION_FIELDS = ["examNumber", "idNumber", "name", "university", "major", "admissionBatch"];

export function layoutOf(header: string[], exam: Exam, kind: ResultKind): Layout {
  const wanted = kind === "scores" ? SCORE_FIELDS : ADMISSION_FIELDS;
  const positions: Record<string, number> = {};
  const subjects: Layout["subjects"] = [];
  const unknown: string[] = [];
  header.forEach((raw, column) => {
    const title = raw.replace(/\s/g, "");
    const field = Object.keys(COLUMN_NAMES).find((key) => COLUMN_NAMES[key]?.includes(title));
    const subject = EXAM_SUBJECTS[exam].find((s) => s.name === title);
    if (field && wanted.includes(field)) positions[field] = column;
    else if (subject && kind === "scores") subjects.push({ ...subject, column });
    else if (title) unknown.push(raw);
  });
  const missing = wanted.filter((field) => positions[field] === undefined).map((field) => COLUMN_NAMES[field]?.[0]);
  const missingSubjects = EXAM_SUBJECTS[exam]
    .filter((s) => kind === "scores" && s.required && !subjects.some((found) => found.name === s.name))
    .map((s) => s.name);
  const problems = [
    missing.length || missingSubjects.length ? `缺少列：${[...missing, ...missingSubjects].join("、")}` : "",
    unknown.length ? `无法识别的列：${unknown.join("、")}` : "",
  ].filter(Boolean);
  if (problems.length) throw new AppError("RESULT_FILE_HEADER", `文件第 1 行（表头）有误：${problems.join("；")}`);
  const at = (field: string) => positions[field] ?? -1;
  return {
    examNumber: at("examNumber"),
    idNumber: at("idNumber"),
    name: at("name"),
    subjects,
    total: at("total"),
    university: at("university"),
    major: at("major"),
    admissionBatch: at("admissionBatch"),
  };
}

/** One checked candidate line; scores and total in tenths of a point, -1 for a subject not sat. */
export type CandidateLine = {
  examNumber: string;
  idNumber: string;
  name: string;
  scores: number[];
  total: number | null;
  university: string | null;
  major: string | null;
  admissionBatch: string | null;
};

const NAME_PATTERN = /^[\p{Script=Han}A-Za-z·• ]{1,30}$/u;
const SCORE_PATTERN = /^\d{1,4}(\.\d)?$/;

/** The line, or every reason it is wrong. */
export function checkLine(cells: string[], layout: Layout): CandidateLine | string[] {
  const cell = (column: number) => (column < 0 ? "" : (cells[column] ?? "").trim());
  const problems: string[] = [];
  const examNumber = cell(layout.examNumber);
  if (!/^[0-9A-Za-z]{6,20}$/.test(examNumber)) problems.push("准考证号应为 6–20 位数字或字母");
  const idNumber = cell(layout.idNumber).toUpperCase();
  if (!isValidIdNumber(idNumber)) problems.push("身份证号无效（位数、出生日期或校验位不符）");
  const name = cell(layout.name);
  if (!NAME_PATTERN.test(name)) problems.push("姓名为空、过长或含有不允许的字符");
  const scores = layout.subjects.map((subject) => {
    const value = cell(subject.column);
    if (value === "") {
      if (subject.required) problems.push(`缺少${subject.name}成绩`);
      return -1;
    }
    const tenths = SCORE_PATTERN.test(value) ? Math.round(Number(value) * 10) : Number.NaN;
    if (tenths >= 0 && tenths <= subject.fullMarks * 10) return tenths;
    problems.push(`${subject.name}成绩“${value}”应为 0–${subject.fullMarks} 之间的数（至多一位小数）`);
    return Number.NaN; // and the total is not compared with a sum that includes it
  });
  let total: number | null = null;
  if (layout.total >= 0) {
    const value = cell(layout.total);
    total = SCORE_PATTERN.test(value) ? Math.round(Number(value) * 10) : Number.NaN;
    const sum = scores.reduce((all, score) => all + Math.max(score, 0), 0);
    if (Number.isNaN(total)) problems.push(`总分“${value}”不是有效的分数`);
    else if (scores.every((score) => !Number.isNaN(score)) && total !== sum) {
      problems.push(`总分 ${value} 与各科之和 ${sum / 10} 不符`);
    }
  }
  const admission = (column: number, label: string) => {
    if (column < 0) return null;
    const value = cell(column);
    if (!value || value.length > 60) problems.push(`${label}为空或超过 60 个字`);
    return value;
  };
  const university = admission(layout.university, "录取院校");
  const major = admission(layout.major, "录取专业");
  const admissionBatch = admission(layout.admissionBatch, "录取批次");
  if (problems.length) return problems;
  return { examNumber, idNumber, name, scores, total, university, major, admissionBatch };
}
