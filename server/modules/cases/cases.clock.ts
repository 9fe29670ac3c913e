import type { LimitUnit } from "../../../common/vocabulary.js";
import {
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  type PlainDate,
  type WorkingCalendar,
  workingDaysBetween,
} from "../../platform/calendar.js";

/**
 * The statutory clock of a case (办理时限). It starts on acceptance and runs in the item's unit (working or calendar
 * days, the day of acceptance not counted). A supplement request or a special procedure pauses it: the days it
 * waits are added back on resumption. An approved extension adds days to both limits.
 *
 * Due dates are always recomputed from the acceptance date and the counted pauses and extensions, never shifted
 * from a stored date, so a corrected holiday schedule gives the right answer on the next change. The warnings
 * (yellow before the promised date, red after) are set for all running cases at once by the cases service's sweep.
 */
export type Clock = {
  unit: LimitUnit;
  acceptedOn: PlainDate;
  statutoryDays: number;
  promisedDays: number;
  /** Days (in the clock's unit) the clock has waited so far, excluding a pause still open. */
  pausedDays: number;
  extendedDays: number;
  /** Set while the clock waits for the applicant (补正) or a special procedure. */
  pausedOn: PlainDate | null;
};

export type Dues = { statutoryDue: PlainDate; promisedDue: PlainDate; provisional: boolean };

function addDays(unit: LimitUnit, start: PlainDate, days: number, calendar: WorkingCalendar) {
  return unit === "working" ? addWorkingDays(start, days, calendar) : addCalendarDays(start, days, calendar);
}

export function startClock(
  acceptedOn: PlainDate,
  limits: { unit: LimitUnit; statutoryDays: number; promisedDays: number },
): Clock {
  return { ...limits, acceptedOn, pausedDays: 0, extendedDays: 0, pausedOn: null };
}

export function duesOf(clock: Clock, calendar: WorkingCalendar): Dues {
  const extra = clock.pausedDays + clock.extendedDays;
  const statutory = addDays(clock.unit, clock.acceptedOn, clock.statutoryDays + extra, calendar);
  const promised = addDays(clock.unit, clock.acceptedOn, clock.promisedDays + extra, calendar);
  return {
    statutoryDue: statutory.date,
    promisedDue: promised.date,
    provisional: statutory.provisional || promised.provisional,
  };
}

export function pauseClock(clock: Clock, on: PlainDate): Clock {
  return clock.pausedOn ? clock : { ...clock, pausedOn: on };
}

/** Days in (pausedOn, resumedOn] are not counted: the day the wait began still counts, the day it ended does not. */
export function resumeClock(clock: Clock, resumedOn: PlainDate, calendar: WorkingCalendar): Clock {
  if (!clock.pausedOn) return clock;
  const waited =
    clock.unit === "working"
      ? workingDaysBetween(clock.pausedOn, resumedOn, calendar).days
      : calendarDaysBetween(clock.pausedOn, resumedOn);
  return { ...clock, pausedOn: null, pausedDays: clock.pausedDays + Math.max(0, waited) };
}

export function extendClock(clock: Clock, days: number): Clock {
  return { ...clock, extendedDays: clock.extendedDays + days };
}
