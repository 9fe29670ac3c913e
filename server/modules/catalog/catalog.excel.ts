import ExcelJS from "exceljs";
import {
  AUDIENCE_LABELS,
  type Audience,
  ITEM_KIND_LABELS,
  type ItemKind,
  LIMIT_UNIT_LABELS,
  type LimitUnit,
  REFORM_MODE_LABELS,
  type ReformMode,
} from "../../../common/vocabulary.js";
import type { ItemContent } from "./catalog.contract.js";

/**
 * The catalog as an Excel sheet (事项导入模板): one row per item, plain columns for the plain elements and
 * JSON for the nested lists (materials, steps…), so a file written by the export imports back unchanged.
 */

export type ExcelRow = { orgId: string; orgName: string; basicCode: string; powerCode: string; content: ItemContent };

const yesNo = (value: boolean) => (value ? "是" : "否");
const reverse = <T extends string>(labels: Record<T, string>) =>
  new Map(Object.entries(labels).map(([key, label]) => [label as string, key as T]));
const kindOf = reverse<ItemKind>(ITEM_KIND_LABELS);
const audienceOf = reverse<Audience>(AUDIENCE_LABELS);
const unitOf = reverse<LimitUnit>({ working: "工作日", calendar: "自然日" });
const reformOf = reverse<ReformMode>(REFORM_MODE_LABELS);
const unitLabel = (unit: LimitUnit) => LIMIT_UNIT_LABELS[unit].replace("个", "");

type Column = {
  header: string;
  width: number;
  write: (row: ExcelRow) => string | number;
  read: (cell: string, into: Draft) => void;
};
type Draft = Record<string, unknown> & { content: Record<string, unknown> };

const identity = (key: "orgId" | "basicCode" | "powerCode") => (cell: string, into: Draft) => {
  into[key] = cell;
};
const text = (key: keyof ItemContent) => (cell: string, into: Draft) => {
  into.content[key] = cell;
};
const flag = (key: keyof ItemContent) => (cell: string, into: Draft) => {
  if (cell !== "是" && cell !== "否") throw new Error("应填“是”或“否”");
  into.content[key] = cell === "是";
};
const integer = (key: keyof ItemContent) => (cell: string, into: Draft) => {
  if (!/^\d+$/.test(cell)) throw new Error("应为整数");
  into.content[key] = Number(cell);
};
/** An empty cell is `empty`: no entries for a list, the schema's default for an object. */
const json =
  (key: keyof ItemContent, empty: unknown = []) =>
  (cell: string, into: Draft) => {
    try {
      into.content[key] = cell ? JSON.parse(cell) : empty;
    } catch {
      throw new Error("不是有效的 JSON");
    }
  };
const limit = (key: "statutoryLimit" | "promisedLimit", part: "days" | "unit") => (cell: string, into: Draft) => {
  const current = (into.content[key] as Record<string, unknown> | undefined) ?? {};
  if (part === "days") {
    if (!/^\d+$/.test(cell)) throw new Error("应为整数");
    current.days = Number(cell);
  } else {
    const unit = unitOf.get(cell);
    if (!unit) throw new Error("应为“工作日”或“自然日”");
    current.unit = unit;
  }
  into.content[key] = current;
};
const labelled =
  <T extends string>(key: keyof ItemContent, map: Map<string, T>, expected: string) =>
  (cell: string, into: Draft) => {
    const value = map.get(cell);
    if (!value) throw new Error(`应为${expected}之一`);
    into.content[key] = value;
  };

export const COLUMNS: Column[] = [
  { header: "单位编号", width: 38, write: (r) => r.orgId, read: identity("orgId") },
  { header: "实施机构（仅供参考）", width: 22, write: (r) => r.orgName, read: () => undefined },
  { header: "基本编码", width: 10, write: (r) => r.basicCode, read: identity("basicCode") },
  { header: "事项名称", width: 30, write: (r) => r.content.name, read: text("name") },
  {
    header: "事项类型",
    width: 14,
    write: (r) => ITEM_KIND_LABELS[r.content.kind],
    read: labelled("kind", kindOf, "行政许可、行政确认等事项类型"),
  },
  {
    header: "服务对象",
    width: 12,
    write: (r) => r.content.audiences.map((a) => AUDIENCE_LABELS[a]).join("、"),
    read: (c, d) => {
      d.content.audiences = c.split("、").map((label) => {
        const audience = audienceOf.get(label);
        if (!audience) throw new Error("应为“个人”“法人”或“个人、法人”");
        return audience;
      });
    },
  },
  { header: "主题", width: 10, write: (r) => r.content.topic, read: text("topic") },
  {
    header: "搜索关键词（顿号分隔）",
    width: 24,
    write: (r) => r.content.keywords.join("、"),
    read: (c, d) => {
      d.content.keywords = c ? c.split("、") : [];
    },
  },
  { header: "权力编码", width: 10, write: (r) => r.powerCode, read: identity("powerCode") },
  { header: "设定依据", width: 40, write: (r) => r.content.legalBasis, read: text("legalBasis") },
  { header: "受理条件", width: 40, write: (r) => r.content.conditions, read: text("conditions") },
  {
    header: "法定时限（天）",
    width: 10,
    write: (r) => r.content.statutoryLimit.days,
    read: limit("statutoryLimit", "days"),
  },
  {
    header: "法定时限单位",
    width: 10,
    write: (r) => unitLabel(r.content.statutoryLimit.unit),
    read: limit("statutoryLimit", "unit"),
  },
  {
    header: "承诺时限（天）",
    width: 10,
    write: (r) => r.content.promisedLimit.days,
    read: limit("promisedLimit", "days"),
  },
  {
    header: "承诺时限单位",
    width: 10,
    write: (r) => unitLabel(r.content.promisedLimit.unit),
    read: limit("promisedLimit", "unit"),
  },
  { header: "即办件", width: 8, write: (r) => yesNo(r.content.instant), read: flag("instant") },
  { header: "到现场次数", width: 8, write: (r) => r.content.visitsRequired, read: integer("visitsRequired") },
  { header: "到现场原因", width: 24, write: (r) => r.content.visitsReason, read: text("visitsReason") },
  { header: "网办深度（1–4）", width: 8, write: (r) => r.content.onlineDepth, read: integer("onlineDepth") },
  { header: "邮寄申请", width: 8, write: (r) => yesNo(r.content.postalSubmission), read: flag("postalSubmission") },
  { header: "办理地点", width: 30, write: (r) => r.content.place, read: text("place") },
  { header: "办理时间", width: 24, write: (r) => r.content.hours, read: text("hours") },
  { header: "咨询电话", width: 16, write: (r) => r.content.consultationPhone, read: text("consultationPhone") },
  { header: "投诉电话", width: 16, write: (r) => r.content.complaintPhone, read: text("complaintPhone") },
  { header: "窗口负责人", width: 16, write: (r) => r.content.windowStaff, read: text("windowStaff") },
  { header: "办理结果名称", width: 20, write: (r) => r.content.resultName, read: text("resultName") },
  {
    header: "结果样本文件编号",
    width: 38,
    write: (r) => r.content.resultSampleFileId ?? "",
    read: (c, d) => {
      d.content.resultSampleFileId = c || null;
    },
  },
  { header: "快递送达", width: 8, write: (r) => yesNo(r.content.expressDelivery), read: flag("expressDelivery") },
  { header: "网上支付", width: 8, write: (r) => yesNo(r.content.onlinePayment), read: flag("onlinePayment") },
  { header: "自助办理", width: 8, write: (r) => yesNo(r.content.selfService), read: flag("selfService") },
  { header: "24小时可办", width: 8, write: (r) => yesNo(r.content.roundTheClock), read: flag("roundTheClock") },
  {
    header: "证照分离改革方式",
    width: 14,
    write: (r) => REFORM_MODE_LABELS[r.content.reformMode],
    read: labelled("reformMode", reformOf, "证照分离改革方式"),
  },
  { header: "告知承诺书", width: 30, write: (r) => r.content.commitmentText, read: text("commitmentText") },
  {
    header: "办理情形（JSON）",
    width: 30,
    write: (r) => JSON.stringify(r.content.situations),
    read: json("situations"),
  },
  { header: "申请材料（JSON）", width: 40, write: (r) => JSON.stringify(r.content.materials), read: json("materials") },
  { header: "办理流程（JSON）", width: 30, write: (r) => JSON.stringify(r.content.steps), read: json("steps") },
  { header: "收费（JSON）", width: 20, write: (r) => JSON.stringify(r.content.fees), read: json("fees") },
  { header: "申请表单（JSON）", width: 40, write: (r) => JSON.stringify(r.content.form), read: json("form") },
  {
    header: "审查方式（JSON）",
    width: 30,
    write: (r) => JSON.stringify(r.content.review),
    read: json("review", undefined),
  },
];

const SHEET = "事项";

export async function writeCatalogWorkbook(rows: ExcelRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "办事 Banshi";
  const sheet = workbook.addWorksheet(SHEET, { views: [{ state: "frozen", ySplit: 1, xSplit: 4 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(COLUMNS.map((c) => c.write(row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type ParsedRow = {
  row: number;
  orgId: string;
  basicCode: string;
  powerCode: string;
  content: Record<string, unknown>;
};
export type RowError = { row: number; message: string };

/** Reads every row; a cell that cannot be read becomes an error naming its row and column, never an exception. */
export async function readCatalogWorkbook(data: Buffer): Promise<{ rows: ParsedRow[]; errors: RowError[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: [{ row: 0, message: "文件不是有效的 Excel（.xlsx）文件" }] };
  }
  const sheet = workbook.getWorksheet(SHEET);
  if (!sheet) return { rows: [], errors: [{ row: 0, message: `找不到名为“${SHEET}”的工作表，请使用导出的模板` }] };
  const headers = COLUMNS.map((_, i) => String(sheet.getRow(1).getCell(i + 1).text).trim());
  const missing = COLUMNS.filter((c, i) => headers[i] !== c.header).map((c) => c.header);
  if (missing.length) return { rows: [], errors: [{ row: 1, message: `表头与模板不一致：${missing.join("、")}` }] };

  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  sheet.eachRow((excelRow, rowNumber) => {
    if (rowNumber === 1) return;
    const draft: Draft = { content: {} };
    for (const [i, column] of COLUMNS.entries()) {
      const cell = String(excelRow.getCell(i + 1).text ?? "").trim();
      try {
        column.read(cell, draft);
      } catch (error) {
        errors.push({ row: rowNumber, message: `“${column.header}”${(error as Error).message}` });
      }
    }
    rows.push({
      row: rowNumber,
      orgId: String(draft.orgId ?? ""),
      basicCode: String(draft.basicCode ?? ""),
      powerCode: String(draft.powerCode ?? ""),
      content: draft.content,
    });
  });
  return { rows, errors };
}
