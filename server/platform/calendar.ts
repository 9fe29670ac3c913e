/**
 * Working-day arithmetic on the official calendar. Dates are plain `YYYY-MM-DD` strings in Asia/Shanghai.
 * A year whose schedule is not loaded falls back to Monday–Friday, but every result that touched such a year
 * says so (`provisional`), because the State Council's holidays cannot be guessed.
 */

export type PlainDate = string;

/** An exception to the weekly rhythm: a weekday off (holiday) or a weekend day worked (调休 make-up day). */
export type DayOverride = "holiday" | "workday";

export type WorkingCalendar = {
  loadedYears: ReadonlySet<number>;
  overrides: ReadonlyMap<PlainDate, DayOverride>;
};

export type DateResult = { date: PlainDate; provisional: boolean; unloadedYears: number[] };
export type CountResult = { days: number; provisional: boolean; unloadedYears: number[] };

const DAY_MS = 86_400_000;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isPlainDate(value: string): boolean {
  if (!PLAIN_DATE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

function toDay(date: PlainDate): number {
  if (!isPlainDate(date)) throw new RangeError(`not a plain date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function fromDay(day: number): PlainDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in China, whatever the server's time zone. */
export function todayInChina(now: Date = new Date()): PlainDate {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function yearOf(date: PlainDate): number {
  return Number(date.slice(0, 4));
}

/** Collects the unloaded years a computation looked at. */
class Tracker {
  readonly unloaded = new Set<number>();
  constructor(readonly calendar: WorkingCalendar) {}

  isWorkingDay(day: number): boolean {
    const date = fromDay(day);
    const override = this.calendar.overrides.get(date);
    if (override) return override === "workday";
    const year = yearOf(date);
    if (!this.calendar.loadedYears.has(year)) this.unloaded.add(year);
    const weekday = new Date(day * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  result<T extends object>(value: T): T & { provisional: boolean; unloadedYears: number[] } {
    const unloadedYears = [...this.unloaded].sort((a, b) => a - b);
    return { ...value, provisional: unloadedYears.length > 0, unloadedYears };
  }
}

export function isWorkingDay(date: PlainDate, calendar: WorkingCalendar): boolean {
  return new Tracker(calendar).isWorkingDay(toDay(date));
}

/**
 * The date `n` working days after `start` (start itself not counted; for n < 0, before it).
 * A limit of 20 working days from acceptance on a Friday ends on the 20th working day after that Friday.
 */
export function addWorkingDays(start: PlainDate, n: number, calendar: WorkingCalendar): DateResult {
  const tracker = new Tracker(calendar);
  let day = toDay(start);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    day += step;
    if (tracker.isWorkingDay(day)) remaining--;
  }
  return tracker.result({ date: fromDay(day) });
}

/** Working days in (from, to]: how many working days pass going from `from` to `to`; negative when `to` is earlier. */
export function workingDaysBetween(from: PlainDate, to: PlainDate, calendar: WorkingCalendar): CountResult {
  const tracker = new Tracker(calendar);
  const a = toDay(from);
  const b = toDay(to);
  const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let days = 0;
  for (let day = low + 1; day <= high; day++) if (tracker.isWorkingDay(day)) days++;
  return tracker.result({ days: sign * days });
}

/**
 * The date `n` calendar days after `start`. As the law counts periods, a period whose last day falls on a
 * rest day ends on the next working day.
 */
export function addCalendarDays(start: PlainDate, n: number, calendar: WorkingCalendar): DateResult {
  const tracker = new Tracker(calendar);
  let day = toDay(start) + n;
  while (!tracker.isWorkingDay(day)) day++;
  return tracker.result({ date: fromDay(day) });
}

export function calendarDaysBetween(from: PlainDate, to: PlainDate): number {
  return toDay(to) - toDay(from);
}

export type DeadlineWarning = "none" | "yellow" | "red";

/** A task's warning on `today`: red once its due date has passed, yellow within `warnDays` working days of it. */
export function deadlineWarning(
  today: PlainDate,
  due: PlainDate,
  warnDays: number,
  calendar: WorkingCalendar,
): DeadlineWarning {
  if (today > due) return "red";
  return workingDaysBetween(today, due, calendar).days <= warnDays ? "yellow" : "none";
}
