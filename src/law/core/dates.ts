/**
 * Calendar dates as branded `YYYY-MM-DD` strings.
 *
 * A legal date is a day on the calendar, not an instant: `Date` silently means
 * UTC midnight and shifts a day in the wrong time zone, so the rulebook never
 * uses it. Arithmetic here is done on the proleptic Gregorian calendar with
 * plain integers.
 */

export type PlainDate = string & { readonly __brand: "PlainDate" };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isPlainDate(value: unknown): value is PlainDate {
  if (typeof value !== "string") return false;
  const m = PATTERN.exec(value);
  if (!m) return false;
  const y = Number(m[1]),
    mo = Number(m[2]),
    d = Number(m[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Checks and brands a date string; throws RangeError on anything else. */
export function plainDate(value: string): PlainDate {
  if (!isPlainDate(value)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return value;
}

export function parts(d: PlainDate): { year: number; month: number; day: number } {
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

export function fromParts(year: number, month: number, day: number): PlainDate {
  return plainDate(
    `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
  );
}

/** Days since 1970-01-01 (negative before). Pure integer arithmetic. */
export function toEpochDay(d: PlainDate): number {
  const { year, month, day } = parts(d);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDay(n: number): PlainDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return fromParts(year, month, day);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(d: PlainDate): number {
  return (((toEpochDay(d) + 4) % 7) + 7) % 7;
}

export function addDays(d: PlainDate, n: number): PlainDate {
  return fromEpochDay(toEpochDay(d) + n);
}

/**
 * Adds calendar months. When the target month is shorter, the result is the
 * last day of that month (2013-08-31 plus one month is 2013-09-30).
 */
export function addMonths(d: PlainDate, n: number): PlainDate {
  const { year, month, day } = parts(d);
  const total = year * 12 + (month - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return fromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(d: PlainDate, n: number): PlainDate {
  return addMonths(d, 12 * n);
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const isBefore = (a: PlainDate, b: PlainDate): boolean => a < b;
export const isAfter = (a: PlainDate, b: PlainDate): boolean => a > b;
export const isOnOrAfter = (a: PlainDate, b: PlainDate): boolean => a >= b;
export const isOnOrBefore = (a: PlainDate, b: PlainDate): boolean => a <= b;

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/**
 * Age in whole years on a date.
 *
 * QUESTION(legal): Connecticut's statutes do not say when a person born on
 * 29 February attains an age in a common year. We follow the common-law
 * anniversary reading used by most US jurisdictions for age thresholds: the
 * birthday falls on 1 March in a common year, so the person is not yet 21 on
 * 28 February. `ageOn("2000-02-29", "2021-02-28")` is 20; on 2021-03-01 it is 21.
 */
export function ageOn(birthDate: PlainDate, on: PlainDate): number {
  const b = parts(birthDate);
  const o = parts(on);
  let age = o.year - b.year;
  // the birthday in year o.year, with 29 Feb moved to 1 Mar in a common year
  let bm = b.month,
    bd = b.day;
  if (bm === 2 && bd === 29 && !isLeapYear(o.year)) {
    bm = 3;
    bd = 1;
  }
  if (o.month < bm || (o.month === bm && o.day < bd)) age -= 1;
  return age;
}

/** The date on which a person born on `birthDate` attains `years` of age (see ageOn). */
export function dateOfAge(birthDate: PlainDate, years: number): PlainDate {
  const b = parts(birthDate);
  const y = b.year + years;
  if (b.month === 2 && b.day === 29 && !isLeapYear(y)) return fromParts(y, 3, 1);
  return fromParts(y, b.month, b.day);
}

/** True when `event` lies within the `months` months that end on `on` (inclusive of both ends). */
export function withinMonthsBefore(event: PlainDate, on: PlainDate, months: number): boolean {
  return event <= on && event >= addMonths(on, -months);
}

/** True when `event` lies within the `years` years that end on `on` (inclusive of both ends). */
export function withinYearsBefore(event: PlainDate, on: PlainDate, years: number): boolean {
  return event <= on && event >= addYears(on, -years);
}
