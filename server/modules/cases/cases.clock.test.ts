import { describe, expect, it } from "vitest";
import type { WorkingCalendar } from "../../platform/calendar.js";
import { OFFICIAL_SCHEDULES } from "../calendar/official-schedules.js";
import { duesOf, extendClock, pauseClock, resumeClock, startClock } from "./cases.clock.js";

const calendar: WorkingCalendar = {
  loadedYears: new Set(OFFICIAL_SCHEDULES.map((s) => s.year)),
  overrides: new Map(OFFICIAL_SCHEDULES.flatMap((s) => s.days.map((d) => [d.date, d.kind] as const))),
};
const working = (acceptedOn: string) => startClock(acceptedOn, { unit: "working", statutoryDays: 20, promisedDays: 5 });

describe("the case clock", () => {
  it("counts working days past the Mid-Autumn and National Day holidays", () => {
    // Thu 24 Sep 2026: 25–27 Sep and 1–7 Oct are off.
    expect(duesOf(working("2026-09-24"), calendar)).toMatchObject({ promisedDue: "2026-10-09", provisional: false });
  });

  it("counts a make-up working Sunday", () => {
    // Fri 18 Sep 2026: Sunday 20 Sep is worked (调休).
    expect(duesOf(working("2026-09-18"), calendar).promisedDue).toBe("2026-09-24");
  });

  it("does not count the days it waits, and counts again from resumption", () => {
    const paused = pauseClock(working("2026-09-24"), "2026-09-28");
    const resumed = resumeClock(paused, "2026-10-08", calendar);
    // Waited 29 Sep, 30 Sep and 8 Oct; the due date moves by three working days, over the worked Saturday 10 Oct.
    expect(resumed).toMatchObject({ pausedOn: null, pausedDays: 3 });
    expect(duesOf(resumed, calendar).promisedDue).toBe("2026-10-13");
    expect(resumeClock(resumed, "2026-10-20", calendar)).toBe(resumed);
  });

  it("adds approved extension days to both limits", () => {
    const extended = extendClock(working("2026-11-02"), 10);
    expect(duesOf(extended, calendar)).toMatchObject({ promisedDue: "2026-11-23", statutoryDue: "2026-12-14" });
  });

  it("runs in calendar days where the item says so, ending on a working day", () => {
    const clock = startClock("2026-09-21", { unit: "calendar", statutoryDays: 20, promisedDays: 10 });
    // 1 Oct is a holiday: the period runs on to the next working day.
    expect(duesOf(clock, calendar).promisedDue).toBe("2026-10-08");
    const resumed = resumeClock(pauseClock(clock, "2026-09-22"), "2026-09-25", calendar);
    expect(resumed.pausedDays).toBe(3);
  });
});
