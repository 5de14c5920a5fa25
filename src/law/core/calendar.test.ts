/** Tests of Connecticut's legal holidays (CGS § 1-4) and business-day counting. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  addBusinessDays,
  businessDaysBetween,
  easterSunday,
  isBusinessDay,
  isLegalHoliday,
  legalHolidays,
} from "./calendar.ts";
import { plainDate as d } from "./dates.ts";

const observed = (year: number): Record<string, string> =>
  Object.fromEntries(legalHolidays(year).map((h) => [h.name, h.observed]));

describe("legal holidays, as observed", () => {
  const years: Record<number, Record<string, string>> = {
    2013: {
      "New Year's Day": "2013-01-01",
      "Martin Luther King Jr. Day": "2013-01-21",
      "Lincoln's Birthday": "2013-02-12",
      "Washington's Birthday": "2013-02-18",
      "Good Friday": "2013-03-29",
      "Memorial Day": "2013-05-27",
      "Independence Day": "2013-07-04",
      "Labor Day": "2013-09-02",
      "Columbus Day": "2013-10-14",
      "Veterans' Day": "2013-11-11",
      "Thanksgiving Day": "2013-11-28",
      "Christmas Day": "2013-12-25",
    },
    2014: {
      "New Year's Day": "2014-01-01",
      "Martin Luther King Jr. Day": "2014-01-20",
      "Lincoln's Birthday": "2014-02-12",
      "Washington's Birthday": "2014-02-17",
      "Good Friday": "2014-04-18",
      "Memorial Day": "2014-05-26",
      "Independence Day": "2014-07-04",
      "Labor Day": "2014-09-01",
      "Columbus Day": "2014-10-13",
      "Veterans' Day": "2014-11-11",
      "Thanksgiving Day": "2014-11-27",
      "Christmas Day": "2014-12-25",
    },
    2026: {
      "New Year's Day": "2026-01-01",
      "Martin Luther King Jr. Day": "2026-01-19",
      "Lincoln's Birthday": "2026-02-12",
      "Washington's Birthday": "2026-02-16",
      "Good Friday": "2026-04-03",
      "Memorial Day": "2026-05-25",
      "Juneteenth Independence Day": "2026-06-19",
      "Independence Day": "2026-07-03", // Saturday 4 July, observed Friday 3 July
      "Labor Day": "2026-09-07",
      "Columbus Day": "2026-10-12",
      "Veterans' Day": "2026-11-11",
      "Thanksgiving Day": "2026-11-26",
      "Christmas Day": "2026-12-25",
    },
  };
  for (const [year, expected] of Object.entries(years)) {
    test(`${year}`, () => assert.deepEqual(observed(Number(year)), expected));
  }

  test("a Saturday holiday is observed the Friday before (4 July 2026)", () => {
    assert.equal(isLegalHoliday(d("2026-07-03")), true);
    assert.equal(isLegalHoliday(d("2026-07-04")), false);
    assert.equal(isBusinessDay(d("2026-07-03")), false);
  });
  test("a Sunday holiday is observed the Monday after (1 January and 12 February 2023, 25 December 2022)", () => {
    assert.equal(observed(2023)["New Year's Day"], "2023-01-02");
    assert.equal(observed(2023)["Lincoln's Birthday"], "2023-02-13");
    assert.equal(observed(2022)["Christmas Day"], "2022-12-26");
    assert.equal(isBusinessDay(d("2023-01-02")), false);
  });
  test("a Saturday 1 January is observed on 31 December of the year before (2022)", () => {
    assert.equal(observed(2022)["New Year's Day"], "2021-12-31");
    assert.equal(isLegalHoliday(d("2021-12-31")), true);
  });
  test("Juneteenth is a legal holiday from 2023 only", () => {
    assert.equal("Juneteenth Independence Day" in observed(2022), false);
    assert.equal(observed(2023)["Juneteenth Independence Day"], "2023-06-19");
  });
  test("Easter Sunday and Good Friday", () => {
    assert.deepEqual([2013, 2014, 2026, 2000, 2038].map(easterSunday), [
      "2013-03-31",
      "2014-04-20",
      "2026-04-05",
      "2000-04-23",
      "2038-04-25",
    ]);
    assert.equal(isLegalHoliday(d("2014-04-18")), true);
  });
});

describe("business days", () => {
  const cases: [from: string, n: number, to: string, why: string][] = [
    ["2013-11-27", 1, "2013-11-29", "Thanksgiving 2013 is skipped; the Friday after is a business day"],
    ["2013-11-27", 2, "2013-12-02", "across Thanksgiving and a weekend"],
    ["2014-11-26", 1, "2014-11-28", "Thanksgiving 2014"],
    ["2026-11-25", 3, "2026-12-01", "Thanksgiving 2026 and a weekend"],
    ["2013-09-27", 2, "2013-10-01", "a two-business-day clock started on a Friday ends on Tuesday"],
    ["2013-07-03", 1, "2013-07-05", "Independence Day"],
    ["2013-07-03", 0, "2013-07-03", "zero days"],
  ];
  for (const [from, n, to, why] of cases) {
    test(`${why}: ${from} + ${n} = ${to}`, () => assert.equal(addBusinessDays(d(from), n), to));
  }
  test("businessDaysBetween counts the days after `from` up to and including `to`", () => {
    assert.equal(businessDaysBetween(d("2013-11-27"), d("2013-12-02")), 2);
    assert.equal(businessDaysBetween(d("2013-11-27"), d("2013-11-27")), 0);
  });
});
