/** The one place that reads the wall clock. Requests carry "today" so tests can pin it. */
import type { PlainDate } from "../law/core/dates.ts";

export interface Clock {
  now(): Date;
  today(): PlainDate;
}

/** Calendar date in Connecticut (America/New_York) for an instant. */
export function connecticutDate(instant: Date): PlainDate {
  const s = new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/New_York",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
  return s as PlainDate;
}

export function systemClock(pinnedToday?: PlainDate): Clock {
  return { now: () => new Date(), today: () => pinnedToday ?? connecticutDate(new Date()) };
}

/** A clock tests can move. */
export function fixedClock(
  today: PlainDate,
  start = new Date(`${today}T15:00:00Z`),
): Clock & { set(d: PlainDate): void; advance(ms: number): void } {
  let t = today;
  let now = start.getTime();
  return {
    now: () => new Date(now),
    today: () => t,
    set(d) {
      t = d;
      now = new Date(`${d}T15:00:00Z`).getTime();
    },
    advance(ms) {
      now += ms;
    },
  };
}
