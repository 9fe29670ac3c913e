import { and, asc, between, eq, gte, lte } from "drizzle-orm";
import { type AuditActor, appendAudit, systemActor } from "../../platform/audit.js";
import { type Actor, assertPermission, auditActorOf } from "../../platform/auth.js";
import {
  addCalendarDays,
  addWorkingDays,
  type DateResult,
  type DayOverride,
  todayInChina,
  type WorkingCalendar,
  yearOf,
} from "../../platform/calendar.js";
import type { Db } from "../../platform/db.js";
import { errors } from "../../platform/errors.js";
import type { DueDateQuery, ImportYearInput, SetDayInput } from "./calendar.contract.js";
import { calendarDays, calendarYears } from "./calendar.tables.js";
import { OFFICIAL_SCHEDULES } from "./official-schedules.js";

// Edits by another process reach this one within a minute; edits here take effect at once.
const CACHE_MS = 60_000;

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

export function createCalendarService(db: Db) {
  let cached: { calendar: WorkingCalendar; at: number } | null = null;

  /** The calendar the clock runs on: every override and every loaded year. */
  async function workingCalendar(): Promise<WorkingCalendar> {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.calendar;
    const [years, days] = await Promise.all([
      db.select({ year: calendarYears.year }).from(calendarYears),
      db.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays),
    ]);
    const calendar: WorkingCalendar = {
      loadedYears: new Set(years.map((y) => y.year)),
      overrides: new Map(days.map((d) => [d.date, d.kind as DayOverride])),
    };
    cached = { calendar, at: Date.now() };
    return calendar;
  }

  async function getYear(year: number) {
    const [loaded] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
    const days = await db
      .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name })
      .from(calendarDays)
      .where(between(calendarDays.date, `${year}-01-01`, `${year}-12-31`))
      .orderBy(asc(calendarDays.date));
    return { year, loaded: Boolean(loaded), source: loaded?.source ?? null, days };
  }

  /** Loaded years, and a warning for each year the clock will soon need but does not have. */
  async function status(today = todayInChina()) {
    const { loadedYears } = await workingCalendar();
    const current = yearOf(today);
    const warnings: string[] = [];
    if (!loadedYears.has(current)) {
      warnings.push(`${current} 年的法定节假日安排尚未导入：今年的办理时限均为暂定（按周一至周五计算），请尽快导入。`);
    }
    if (!loadedYears.has(current + 1) && today >= `${current}-11-01`) {
      warnings.push(
        `${current + 1} 年的法定节假日安排尚未导入：跨年的办理时限为暂定，国务院办公厅通知发布后请及时导入。`,
      );
    }
    return { loadedYears: [...loadedYears].sort((a, b) => a - b), warnings };
  }

  async function setDay(actor: Actor, date: string, input: SetDayInput): Promise<void> {
    assertPermission(actor, "calendar.manage");
    if (input.kind === "workday" && !isWeekend(date)) throw errors.validation("调休上班日只能设在周六或周日");
    if (input.kind !== "normal" && !input.name) throw errors.validation("请填写节日名称");
    const [before] = await db.select().from(calendarDays).where(eq(calendarDays.date, date));
    await db.transaction(async (tx) => {
      if (input.kind === "normal") {
        await tx.delete(calendarDays).where(eq(calendarDays.date, date));
      } else {
        const values = { date, kind: input.kind, name: input.name, updatedAt: new Date() };
        await tx.insert(calendarDays).values(values).onConflictDoUpdate({ target: calendarDays.date, set: values });
      }
      await appendAudit(tx, auditActorOf(actor), {
        action: "calendar.set_day",
        targetType: "calendar_day",
        targetId: date,
        summary: `将 ${date} 设为${{ holiday: "放假", workday: "调休上班", normal: "正常日" }[input.kind]}${input.name ? `（${input.name}）` : ""}`,
        before,
        after: input,
      });
    });
    cached = null;
  }

  /** Replaces a year's schedule with an official one and marks the year loaded. */
  async function importYear(actor: Actor, input: ImportYearInput): Promise<void> {
    assertPermission(actor, "calendar.manage");
    await replaceYear(auditActorOf(actor), input);
  }

  async function replaceYear(by: AuditActor, input: ImportYearInput): Promise<void> {
    const seen = new Set<string>();
    for (const day of input.days) {
      if (yearOf(day.date) !== input.year) throw errors.validation(`${day.date} 不属于 ${input.year} 年`);
      if (seen.has(day.date)) throw errors.validation(`${day.date} 重复出现`);
      if (day.kind === "workday" && !isWeekend(day.date))
        throw errors.validation(`${day.date} 不是周末，不能设为调休上班日`);
      seen.add(day.date);
    }
    await db.transaction(async (tx) => {
      await tx
        .delete(calendarDays)
        .where(and(gte(calendarDays.date, `${input.year}-01-01`), lte(calendarDays.date, `${input.year}-12-31`)));
      if (input.days.length > 0) await tx.insert(calendarDays).values(input.days);
      const year = { year: input.year, source: input.source, loadedAt: new Date(), loadedBy: by.id };
      await tx.insert(calendarYears).values(year).onConflictDoUpdate({ target: calendarYears.year, set: year });
      await appendAudit(tx, by, {
        action: "calendar.import_year",
        targetType: "calendar_year",
        targetId: String(input.year),
        summary: `导入 ${input.year} 年节假日安排（${input.source}，${input.days.length} 天）`,
        after: input,
      });
    });
    cached = null;
  }

  /** Loads each official schedule this release knows and the database lacks; run at every start. */
  async function loadOfficialSchedules(): Promise<number[]> {
    const present = new Set((await db.select({ year: calendarYears.year }).from(calendarYears)).map((y) => y.year));
    const missing = OFFICIAL_SCHEDULES.filter((s) => !present.has(s.year));
    for (const schedule of missing) await replaceYear(systemActor, schedule);
    return missing.map((s) => s.year);
  }

  async function dueDate(query: DueDateQuery): Promise<DateResult> {
    const calendar = await workingCalendar();
    return query.unit === "working"
      ? addWorkingDays(query.from, query.days, calendar)
      : addCalendarDays(query.from, query.days, calendar);
  }

  return { workingCalendar, getYear, status, setDay, importYear, loadOfficialSchedules, dueDate };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
