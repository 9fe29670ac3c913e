import type { DayOverride } from "../../platform/calendar.js";

type Schedule = { year: number; source: string; days: { date: string; kind: DayOverride; name: string }[] };

function range(from: string, to: string, kind: DayOverride, name: string) {
  const days = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push({ date: new Date(t).toISOString().slice(0, 10), kind, name });
  }
  return days;
}

const off = (from: string, to: string, name: string) => range(from, to, "holiday", name);
const work = (date: string, name: string) => range(date, date, "workday", `${name}调休上班`);

/**
 * The State Council's holiday schedules (国务院办公厅关于部分节假日安排的通知). Weekend days inside a holiday are listed
 * too, so the calendar page shows each holiday whole; only weekday holidays and make-up days change the arithmetic.
 */
export const OFFICIAL_SCHEDULES: Schedule[] = [
  {
    year: 2025,
    source: "国办发明电〔2024〕12号",
    days: [
      ...off("2025-01-01", "2025-01-01", "元旦"),
      ...off("2025-01-28", "2025-02-04", "春节"),
      ...work("2025-01-26", "春节"),
      ...work("2025-02-08", "春节"),
      ...off("2025-04-04", "2025-04-06", "清明节"),
      ...off("2025-05-01", "2025-05-05", "劳动节"),
      ...work("2025-04-27", "劳动节"),
      ...off("2025-05-31", "2025-06-02", "端午节"),
      ...off("2025-10-01", "2025-10-08", "国庆节、中秋节"),
      ...work("2025-09-28", "国庆节"),
      ...work("2025-10-11", "国庆节"),
    ],
  },
  {
    year: 2026,
    source: "国办发明电〔2025〕7号",
    days: [
      ...off("2026-01-01", "2026-01-03", "元旦"),
      ...work("2026-01-04", "元旦"),
      ...off("2026-02-15", "2026-02-23", "春节"),
      ...work("2026-02-14", "春节"),
      ...work("2026-02-28", "春节"),
      ...off("2026-04-04", "2026-04-06", "清明节"),
      ...off("2026-05-01", "2026-05-05", "劳动节"),
      ...work("2026-05-09", "劳动节"),
      ...off("2026-06-19", "2026-06-21", "端午节"),
      ...off("2026-09-25", "2026-09-27", "中秋节"),
      ...off("2026-10-01", "2026-10-07", "国庆节"),
      ...work("2026-09-20", "国庆节"),
      ...work("2026-10-10", "国庆节"),
    ],
  },
];
