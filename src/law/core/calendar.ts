/**
 * Connecticut's legal holidays and business days.
 *
 * CGS § 1-4 lists the legal holidays and moves one that falls on a Sunday to
 * the Monday after and one that falls on a Saturday to the Friday before.
 * "Business day" in the Act's clocks means a day that is neither a Saturday,
 * a Sunday nor a legal holiday.
 */
import { type PlainDate, addDays, fromParts, weekday, parts } from "./dates.ts";
import { cite } from "./rules.ts";

export const LEGAL_HOLIDAYS_SOURCE = cite("CGS", "§ 1-4", {
  cgs: "CGS § 1-4",
  text: "legal holidays; Sunday holidays observed the Monday after, Saturday holidays the Friday before",
});

/** The n-th given weekday (0=Sun) of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, dow: number, n: number): PlainDate {
  if (n > 0) {
    const first = fromParts(year, month, 1);
    const offset = (dow - weekday(first) + 7) % 7;
    return addDays(first, offset + 7 * (n - 1));
  }
  const nextFirst = month === 12 ? fromParts(year + 1, 1, 1) : fromParts(year, month + 1, 1);
  const last = addDays(nextFirst, -1);
  return addDays(last, -((weekday(last) - dow + 7) % 7));
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm. */
export function easterSunday(year: number): PlainDate {
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100;
  const d = Math.floor(b / 4),
    e = b % 4,
    f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30,
    i = Math.floor(c / 4),
    k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromParts(year, month, day);
}

export interface Holiday {
  name: string;
  date: PlainDate;
  observed: PlainDate;
}

/** The legal holidays of a year, each with the day it is observed. */
export function legalHolidays(year: number): Holiday[] {
  const fixed = (name: string, month: number, day: number) => ({ name, date: fromParts(year, month, day) });
  const list: { name: string; date: PlainDate }[] = [
    fixed("New Year's Day", 1, 1),
    { name: "Martin Luther King Jr. Day", date: nthWeekday(year, 1, 1, 3) },
    fixed("Lincoln's Birthday", 2, 12),
    { name: "Washington's Birthday", date: nthWeekday(year, 2, 1, 3) },
    { name: "Good Friday", date: addDays(easterSunday(year), -2) },
    { name: "Memorial Day", date: nthWeekday(year, 5, 1, -1) },
    fixed("Independence Day", 7, 4),
    { name: "Labor Day", date: nthWeekday(year, 9, 1, 1) },
    { name: "Columbus Day", date: nthWeekday(year, 10, 1, 2) },
    fixed("Veterans' Day", 11, 11),
    { name: "Thanksgiving Day", date: nthWeekday(year, 11, 4, 4) },
    fixed("Christmas Day", 12, 25),
  ];
  // QUESTION(legal): Juneteenth became a Connecticut legal holiday by PA 22-128,
  // which we read as first observed in 2023. Earlier years do not include it.
  if (year >= 2023) list.push(fixed("Juneteenth Independence Day", 6, 19));
  return list
    .map((h) => {
      const dow = weekday(h.date);
      const observed = dow === 0 ? addDays(h.date, 1) : dow === 6 ? addDays(h.date, -1) : h.date;
      return { ...h, observed };
    })
    .sort((a, b) => (a.observed < b.observed ? -1 : 1));
}

const cache = new Map<number, Set<string>>();
function observedSet(year: number): Set<string> {
  let s = cache.get(year);
  if (!s) {
    // A Saturday 1 January is observed on 31 December of the year before.
    s = new Set(
      [...legalHolidays(year), ...legalHolidays(year + 1)].map((h) => h.observed).filter((d) => parts(d).year === year),
    );
    cache.set(year, s);
  }
  return s;
}

export function isLegalHoliday(d: PlainDate): boolean {
  return observedSet(parts(d).year).has(d);
}

export function isBusinessDay(d: PlainDate): boolean {
  const dow = weekday(d);
  return dow !== 0 && dow !== 6 && !isLegalHoliday(d);
}

/**
 * The date `n` business days after `d` (n >= 0). The day `d` itself is not
 * counted: a two-business-day clock started on a Friday ends on Tuesday.
 */
export function addBusinessDays(d: PlainDate, n: number): PlainDate {
  let cur = d;
  let left = n;
  while (left > 0) {
    cur = addDays(cur, 1);
    if (isBusinessDay(cur)) left -= 1;
  }
  return cur;
}

/** Business days strictly after `from` up to and including `to`. */
export function businessDaysBetween(from: PlainDate, to: PlainDate): number {
  let count = 0;
  for (let cur = addDays(from, 1); cur <= to; cur = addDays(cur, 1)) if (isBusinessDay(cur)) count += 1;
  return count;
}
