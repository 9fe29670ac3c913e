import { z } from "zod";
import { EXAMS, RESULT_KINDS } from "../../../common/vocabulary.js";
import { captchaFields, text } from "../../platform/http.js";
import { isValidIdNumber } from "../../platform/identity.js";

export const exam = z.enum(EXAMS, { message: "考试应为 gaokao（普通高考）、zhongkao（中考）或 xueye（学业水平考试）" });
export const resultKind = z.enum(RESULT_KINDS, { message: "类别应为 scores（成绩）或 admissions（录取结果）" });

export const newBatchBody = z.object({
  exam,
  kind: resultKind,
  year: z.coerce
    .number({ message: "年份必须是数字" })
    .int({ message: "年份必须是整数" })
    .min(2000, { message: "年份应在 2000–2100 之间" })
    .max(2100, { message: "年份应在 2000–2100 之间" }),
  title: text("批次名称", 60),
});

export const publicationBody = z.object({
  publishAt: z.iso
    .datetime({ offset: true, message: "发布时间应为带时区的时间，如 2026-06-25T12:00:00+08:00" })
    .nullable(),
});

const importProblem = z.object({ row: z.number().int(), messages: z.array(z.string()) });

export const batchView = z
  .object({
    id: z.uuid(),
    exam,
    kind: resultKind,
    year: z.number().int(),
    title: z.string(),
    subjects: z.array(z.string()),
    rowCount: z.number().int(),
    publishAt: z.string().nullable(),
    published: z.boolean(),
    importState: z.enum(["none", "running", "succeeded", "failed"]),
    importProgress: z
      .number()
      .int()
      .nullable()
      .meta({ description: "导入进度（百分比）；其他服务器进程上运行的导入为 null" }),
    importFileName: z.string().nullable(),
    importMessage: z.string().nullable(),
    importProblemCount: z.number().int(),
    importProblems: z.array(importProblem).meta({ description: "有误的行（最多列出前 1000 行）" }),
    importedAt: z.string().nullable(),
    lookupCount: z.number().int(),
    matchCount: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "ResultBatch" });

export const publishedBatch = z
  .object({ id: z.uuid(), exam, kind: resultKind, year: z.number().int(), title: z.string(), publishAt: z.string() })
  .meta({ id: "PublishedResultBatch" });

const idNumber = z
  .string({ message: "身份证号必须是文本" })
  .trim()
  .toUpperCase()
  .refine(isValidIdNumber, { message: "身份证号有误，请核对" });

/** What a candidate gives: never enough to learn anything unless all three belong together. */
export const lookupFields = {
  examNumber: z
    .string({ message: "准考证号必须是文本" })
    .trim()
    .regex(/^[0-9A-Za-z]{6,20}$/, { message: "准考证号应为 6–20 位数字或字母" }),
  idNumber,
  name: text("姓名", 30),
};

export const lookupBody = z.object({
  ...lookupFields,
  ...captchaFields,
});

export const resultView = z
  .object({
    batch: z.object({ id: z.uuid(), exam, kind: resultKind, year: z.number().int(), title: z.string() }),
    examNumber: z.string(),
    name: z.string(),
    scores: z.array(z.object({ subject: z.string(), score: z.number() })),
    total: z.number().nullable(),
    admission: z.object({ university: z.string(), major: z.string(), batch: z.string() }).nullable(),
  })
  .meta({ id: "ExamResult" });
