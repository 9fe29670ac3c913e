import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OFFICIAL_SCHEDULES } from "../modules/calendar/official-schedules.js";
import {
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  deadlineWarning,
  isPlainDate,
  isWorkingDay,
  todayInChina,
  type WorkingCalendar,
  workingDaysBetween,
} from "./calendar.js";

const official: WorkingCalendar = {
  loadedYears: new Set(OFFICIAL_SCHEDULES.map((s) => s.year)),
  overrides: new Map(OFFICIAL_SCHEDULES.flatMap((s) => s.days.map((d) => [d.date, d.kind] as const))),
};

describe("official calendar", () => {
  it("knows holidays and make-up working days", () => {
    expect(isWorkingDay("2026-10-01", official)).toBe(false); // 国庆 Thursday
    expect(isWorkingDay("2026-10-10", official)).toBe(true); // 调休 Saturday
    expect(isWorkingDay("2026-02-16", official)).toBe(false); // 春节 Monday
    expect(isWorkingDay("2026-02-14", official)).toBe(true); // 调休 Saturday
    expect(isWorkingDay("2026-11-28", official)).toBe(false); // ordinary Saturday
    expect(isWorkingDay("2026-11-27", official)).toBe(true); // ordinary Friday
  });

  it("counts a limit across the National Day holiday", () => {
    // Accepted on Wed 2026-09-30: 1 Oct–7 Oct off, Sat 10 Oct worked. Working days: 8, 9, 10, 12, 13 Oct.
    expect(addWorkingDays("2026-09-30", 5, official)).toEqual({
      date: "2026-10-13",
      provisional: false,
      unloadedYears: [],
    });
    expect(workingDaysBetween("2026-09-30", "2026-10-13", official).days).toBe(5);
  });

  it("counts 20 working days across the Spring Festival", () => {
    // From Fri 6 Feb: 9–13 Feb (5), Sat 14 worked (6), 15–23 Feb off, 24–27 Feb (10), Sat 28 worked (11),
    // 2–6 Mar (16), 9–12 Mar (20).
    const result = addWorkingDays("2026-02-06", 20, official);
    expect(result.date).toBe("2026-03-12");
    expect(result.provisional).toBe(false);
  });

  it("goes backwards for warnings before a due date", () => {
    expect(addWorkingDays("2026-10-08", -1, official).date).toBe("2026-09-30");
  });

  it("extends a calendar-day period ending on a rest day to the next working day", () => {
    expect(addCalendarDays("2026-09-24", 7, official).date).toBe("2026-10-08");
    expect(addCalendarDays("2026-11-20", 7, official).date).toBe("2026-11-27");
    expect(calendarDaysBetween("2026-11-20", "2026-11-27")).toBe(7);
  });
});

describe("deadline warnings", () => {
  it("is red after the due date, yellow within the warning days counted in working days, none before", () => {
    expect(deadlineWarning("2026-10-10", "2026-10-09", 2, official)).toBe("red");
    expect(deadlineWarning("2026-10-09", "2026-10-09", 2, official)).toBe("yellow");
    // From 30 September the National Day holiday lies between: only 8 and 9 October are working days before it.
    expect(deadlineWarning("2026-09-30", "2026-10-09", 2, official)).toBe("yellow");
    expect(deadlineWarning("2026-09-28", "2026-10-09", 2, official)).toBe("none");
  });
});

describe("a year whose schedule is not loaded", () => {
  it("is never silently treated as final", () => {
    const result = addWorkingDays("2026-12-25", 10, official);
    expect(result.provisional).toBe(true);
    expect(result.unloadedYears).toEqual([2027]);
    expect(workingDaysBetween("2026-12-01", "2027-01-10", official).provisional).toBe(true);
    expect(addWorkingDays("2026-11-02", 10, official).provisional).toBe(false);
  });
});

describe("plain dates", () => {
  it("accepts only real dates", () => {
    expect(isPlainDate("2026-02-28")).toBe(true);
    expect(isPlainDate("2026-02-29")).toBe(false);
    expect(isPlainDate("2026-2-1")).toBe(false);
    expect(isPlainDate("hello")).toBe(false);
  });

  it("gives today's date in China across midnight UTC", () => {
    expect(todayInChina(new Date("2026-11-27T17:00:00Z"))).toBe("2026-11-28");
    expect(todayInChina(new Date("2026-11-27T15:59:59Z"))).toBe("2026-11-27");
  });
});

describe("properties", () => {
  const day = fc
    .integer({ min: Date.UTC(2025, 0, 1) / 86_400_000, max: Date.UTC(2026, 11, 31) / 86_400_000 })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  const count = fc.integer({ min: 0, max: 120 });

  it("addWorkingDays lands on a working day, n working days later", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 120 }), (start, n) => {
        const end = addWorkingDays(start, n, official).date;
        return isWorkingDay(end, official) && workingDaysBetween(start, end, official).days === n;
      }),
    );
  });

  it("adding is monotonic and additive", () => {
    fc.assert(
      fc.property(day, count, count, (start, a, b) => {
        const viaA = addWorkingDays(addWorkingDays(start, a, official).date, b, official).date;
        const direct = addWorkingDays(start, a + b, official).date;
        const aEnd = addWorkingDays(start, a, official).date;
        return viaA === direct && aEnd <= direct;
      }),
    );
  });

  it("between is antisymmetric", () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        return workingDaysBetween(a, b, official).days === -workingDaysBetween(b, a, official).days;
      }),
    );
  });

  it("going back n working days from a working day and forward again returns to it", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (start, n) => {
        fc.pre(isWorkingDay(start, official));
        const back = addWorkingDays(start, -n, official).date;
        return addWorkingDays(back, n, official).date === start;
      }),
    );
  });
});
