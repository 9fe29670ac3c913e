import { z } from "zod";
import { isPlainDate } from "../../platform/calendar.js";
import { text } from "../../platform/http.js";

export const plainDate = z
  .string({ message: "日期必须是文本" })
  .refine(isPlainDate, { message: "日期格式应为 YYYY-MM-DD，且须是真实存在的日期" });

export const year = z.coerce
  .number({ message: "年份必须是数字" })
  .int({ message: "年份必须是整数" })
  .min(2000, { message: "年份应在 2000–2100 之间" })
  .max(2100, { message: "年份应在 2000–2100 之间" });

const dayKind = z.enum(["holiday", "workday"], { message: "类型应为 holiday（放假）或 workday（调休上班）" });

export const calendarDay = z.object({ date: z.string(), kind: dayKind, name: z.string() }).meta({ id: "CalendarDay" });

export const calendarYear = z
  .object({
    year: z.number().int(),
    loaded: z.boolean(),
    source: z.string().nullable(),
    days: z.array(calendarDay),
  })
  .meta({ id: "CalendarYear" });

export const calendarStatus = z.object({
  loadedYears: z.array(z.number().int()),
  warnings: z.array(z.string()),
});

export const setDayBody = z.object({
  kind: z.enum(["holiday", "workday", "normal"], { message: "类型应为 holiday、workday 或 normal（恢复正常）" }),
  name: z.string().trim().max(20, { message: "名称不能超过 20 个字符" }).default(""),
});

export const importYearBody = z.object({
  year,
  source: text("依据文件", 100),
  days: z
    .array(z.object({ date: plainDate, kind: dayKind, name: text("节日名称", 20) }))
    .max(366, { message: "一年最多 366 天" }),
});

export const dueDateQuery = z.object({
  from: plainDate,
  days: z.coerce.number({ message: "天数必须是数字" }).int().min(-400).max(400, { message: "天数应在 ±400 以内" }),
  unit: z
    .enum(["working", "calendar"], { message: "单位应为 working（工作日）或 calendar（自然日）" })
    .default("working"),
});

export const dueDateResponse = z.object({
  date: z.string(),
  provisional: z.boolean().meta({ description: "计算涉及尚未导入官方安排的年份，结果为暂定" }),
  unloadedYears: z.array(z.number().int()),
});

export type SetDayInput = z.infer<typeof setDayBody>;
export type ImportYearInput = z.infer<typeof importYearBody>;
export type DueDateQuery = z.infer<typeof dueDateQuery>;
