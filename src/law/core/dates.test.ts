/** Tests of the calendar-date arithmetic every rule relies on. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  type PlainDate,
  addDays,
  addMonths,
  addYears,
  ageOn,
  dateOfAge,
  daysBetween,
  fromEpochDay,
  isLeapYear,
  isPlainDate,
  plainDate,
  toEpochDay,
  weekday,
  withinMonthsBefore,
  withinYearsBefore,
} from "./dates.ts";

const d = plainDate;

describe("isPlainDate / plainDate", () => {
  const cases: [unknown, boolean][] = [
    ["2012-02-29", true],
    ["2013-02-29", false],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2013-13-01", false],
    ["2013-04-31", false],
    ["2013-4-4", false],
    ["13-04-04", false],
    [" 2013-04-04", false],
    [20130404, false],
    [null, false],
  ];
  for (const [value, expected] of cases) {
    test(`${JSON.stringify(value)} is ${expected ? "" : "not "}a calendar date`, () =>
      assert.equal(isPlainDate(value), expected));
  }
  test("plainDate refuses a date that does not exist", () => assert.throws(() => plainDate("2013-02-29"), RangeError));
  test("leap years: 2000 yes, 1900 no, 2012 yes, 2013 no", () => {
    assert.deepEqual([2000, 1900, 2012, 2013].map(isLeapYear), [true, false, true, false]);
  });
});

describe("ageOn (decides the 29 February birthday)", () => {
  const cases: [birth: string, on: string, age: number, why: string][] = [
    ["1995-06-15", "2016-06-15", 21, "birthday on the check date"],
    ["1995-06-15", "2016-06-14", 20, "the day before the birthday"],
    ["2000-02-29", "2021-02-28", 20, "29 Feb birthday, common year: not yet on 28 Feb"],
    ["2000-02-29", "2021-03-01", 21, "29 Feb birthday, common year: on 1 Mar"],
    ["2000-02-29", "2024-02-29", 24, "29 Feb birthday, leap year: on 29 Feb"],
    ["2000-02-29", "2024-02-28", 23, "29 Feb birthday, leap year: not on 28 Feb"],
    ["1996-02-29", "2014-03-01", 18, "turns 18 on 1 March 2014"],
    ["2013-07-01", "2013-07-01", 0, "born on the day"],
    ["1999-12-31", "2000-01-01", 0, "across a year end"],
  ];
  for (const [birth, on, age, why] of cases) {
    test(`${why}: born ${birth}, on ${on} is ${age}`, () => assert.equal(ageOn(d(birth), d(on)), age));
  }
  test("dateOfAge agrees with ageOn for 29 February", () => {
    assert.equal(dateOfAge(d("2000-02-29"), 21), "2021-03-01");
    assert.equal(dateOfAge(d("2000-02-29"), 24), "2024-02-29");
    assert.equal(dateOfAge(d("1995-06-15"), 21), "2016-06-15");
  });
  test("property: on dateOfAge(b, n) the age is n, and the day before it is n - 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25000, max: 20000 }), fc.integer({ min: 1, max: 100 }), (n, years) => {
        const birth = fromEpochDay(n);
        const reached = dateOfAge(birth, years);
        assert.equal(ageOn(birth, reached), years);
        assert.equal(ageOn(birth, addDays(reached, -1)), years - 1);
      }),
    );
  });
});

describe("addMonths / addYears clamp to the end of a shorter month", () => {
  const cases: [from: string, months: number, to: string][] = [
    ["2013-08-31", 1, "2013-09-30"],
    ["2013-01-31", 1, "2013-02-28"],
    ["2012-01-31", 1, "2012-02-29"],
    ["2013-03-31", -1, "2013-02-28"],
    ["2013-12-15", 1, "2014-01-15"],
    ["2014-01-15", -1, "2013-12-15"],
    ["2013-10-01", -60, "2008-10-01"],
    ["2014-04-01", -6, "2013-10-01"],
    ["2013-05-31", -6, "2012-11-30"],
  ];
  for (const [from, months, to] of cases) {
    test(`${from} ${months >= 0 ? "+" : ""}${months} months = ${to}`, () =>
      assert.equal(addMonths(d(from), months), to));
  }
  test("29 February plus one year is 28 February; plus four years is 29 February", () => {
    assert.equal(addYears(d("2012-02-29"), 1), "2013-02-28");
    assert.equal(addYears(d("2012-02-29"), 4), "2016-02-29");
    assert.equal(addYears(d("2016-02-29"), -20), "1996-02-29");
  });
  test("property: the result is always a real date and the day never grows", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 200000 }), fc.integer({ min: -1200, max: 1200 }), (n, months) => {
        const from = fromEpochDay(n);
        const to = addMonths(from, months);
        assert.ok(isPlainDate(to));
        assert.ok(Number(to.slice(8)) <= Number(from.slice(8)));
      }),
    );
  });
});

describe("epoch days", () => {
  test("fixed points", () => {
    assert.equal(toEpochDay(d("1970-01-01")), 0);
    assert.equal(toEpochDay(d("1969-12-31")), -1);
    assert.equal(toEpochDay(d("2000-03-01")), 11017);
    assert.equal(fromEpochDay(15706), "2013-01-01");
  });
  test("property: fromEpochDay then toEpochDay is the identity", () => {
    fc.assert(fc.property(fc.integer({ min: -700000, max: 2900000 }), (n) => toEpochDay(fromEpochDay(n)) === n));
  });
  test("property: toEpochDay then fromEpochDay is the identity on calendar dates", () => {
    const dateArb = fc
      .record({
        y: fc.integer({ min: 1, max: 9999 }),
        m: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
      })
      .map(
        ({ y, m, day }) =>
          `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      )
      .filter(isPlainDate);
    fc.assert(fc.property(dateArb, (s) => fromEpochDay(toEpochDay(s as PlainDate)) === s));
  });
  test("property: consecutive epoch days are consecutive dates in string order", () => {
    fc.assert(
      fc.property(fc.integer({ min: -700000, max: 2900000 }), (n) => {
        const a = fromEpochDay(n),
          b = fromEpochDay(n + 1);
        return a < b && addDays(a, 1) === b && daysBetween(a, b) === 1 && (weekday(a) + 1) % 7 === weekday(b);
      }),
    );
  });
  test("weekdays: 1 January 1970 and 4 April 2013 (the Act's passage) were Thursdays", () => {
    assert.equal(weekday(d("1970-01-01")), 4);
    assert.equal(weekday(d("2013-04-04")), 4);
    assert.equal(weekday(d("2026-07-04")), 6);
  });
});

describe("look-back windows include both ends", () => {
  const cases: [event: string, on: string, months: number, inside: boolean][] = [
    ["2008-10-01", "2013-10-01", 60, true],
    ["2008-09-30", "2013-10-01", 60, false],
    ["2013-10-01", "2013-10-01", 60, true],
    ["2013-10-02", "2013-10-01", 60, false],
    ["2013-10-01", "2014-04-01", 6, true],
    ["2013-10-01", "2014-04-02", 6, false],
  ];
  for (const [event, on, months, inside] of cases) {
    test(`${event} is ${inside ? "" : "not "}within ${months} months before ${on}`, () =>
      assert.equal(withinMonthsBefore(d(event), d(on), months), inside));
  }
  test("20 years", () => {
    assert.equal(withinYearsBefore(d("1994-01-01"), d("2014-01-01"), 20), true);
    assert.equal(withinYearsBefore(d("1993-12-31"), d("2014-01-01"), 20), false);
  });
});
