import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { addDays, daysBetween, plainDate } from "../../core/dates.ts";
import { NotInForce } from "../../core/rules.ts";
import { arbDate, checkQuestionLaws, compact, opt } from "../clocks/testkit.ts";
import { paroleEligibility, type ParoleEligibilityFacts, endOfTerm } from "./parole-eligibility.ts";
import { maximumReleaseOn } from "./risk-reduction-credits.ts";

const d = plainDate;
const TEN: ParoleEligibilityFacts = {
  violentOffense: true,
  excludedOffense: false,
  sentenceBeganOn: d("2012-01-01"),
  sentence: { years: 10 },
  creditDays: 120,
};

interface Row {
  name: string;
  facts: ParoleEligibilityFacts;
  on: string;
  outcome: "yes" | "no" | "unknown";
  eligible?: string | null;
  max?: string | null;
  creditsAdvance?: boolean | null;
}
const rows: Row[] = [
  // 10 years from 2012-01-01 = 3,653 days; 85 % = 3,105.05, rounded up to 3,106
  {
    name: "from 2013-07-01: 85 % of the full sentence, credits ignored",
    facts: TEN,
    on: "2013-07-01",
    outcome: "no",
    eligible: "2020-07-03",
    max: "2021-09-03",
    creditsAdvance: false,
  },
  {
    name: "the day before 2013-07-01: 85 % of the sentence less credits",
    facts: TEN,
    on: "2013-06-30",
    outcome: "no",
    eligible: "2020-03-23",
    max: "2021-09-03",
    creditsAdvance: true,
  },
  { name: "eligible on the day itself", facts: TEN, on: "2020-07-03", outcome: "yes", eligible: "2020-07-03" },
  { name: "not yet the day before", facts: TEN, on: "2020-07-02", outcome: "no" },
  {
    name: "more credits never move parole after 2013-07-01",
    facts: { ...TEN, creditDays: 600 },
    on: "2014-01-01",
    outcome: "no",
    eligible: "2020-07-03",
    max: "2020-05-11",
  },
  {
    name: "credits stop at the mandatory minimum",
    facts: { ...TEN, creditDays: 600, mandatoryMinimum: { years: 9 } },
    on: "2014-01-01",
    outcome: "no",
    max: "2021-01-01",
  },
  {
    name: "excluded offense (e.g. home invasion): no credits; parole not modelled",
    facts: { ...TEN, excludedOffense: true },
    on: "2014-01-01",
    outcome: "unknown",
    max: "2022-01-01",
    eligible: null,
  },
  {
    name: "not a violent offender: the analysis gives no fraction",
    facts: { ...TEN, violentOffense: false },
    on: "2014-01-01",
    outcome: "unknown",
    max: "2021-09-03",
    eligible: null,
  },
  { name: "violent unknown", facts: { ...TEN, violentOffense: undefined }, on: "2014-01-01", outcome: "unknown" },
  { name: "credits unknown", facts: { ...TEN, creditDays: undefined }, on: "2014-01-01", outcome: "unknown" },
  {
    name: "29 February start, 2 years",
    facts: { ...TEN, sentenceBeganOn: d("2016-02-29"), sentence: { years: 2 }, creditDays: 0 },
    on: "2016-03-01",
    outcome: "no",
    eligible: "2017-11-11",
  },
];
for (const r of rows) {
  test(`parole-eligibility: ${r.name}`, () => {
    const a = paroleEligibility.decide(r.facts, d(r.on));
    assert.equal(a.outcome, r.outcome, JSON.stringify(a.findings, null, 1));
    if (r.eligible !== undefined) assert.equal(a.result.paroleEligibleOn, r.eligible);
    if (r.max !== undefined) assert.equal(a.result.maximumReleaseOn, r.max);
    if (r.creditsAdvance !== undefined) assert.equal(a.result.creditsAdvanceParole, r.creditsAdvance);
  });
}
test("parole-eligibility: refused before 2013-04-04", () => {
  assert.throws(() => paroleEligibility.decide(TEN, d("2013-04-03")), NotInForce);
});

test("endOfTerm and maximumReleaseOn", () => {
  assert.equal(endOfTerm(d("2016-02-29"), { years: 1 }), "2017-02-28");
  assert.equal(endOfTerm(d("2013-01-31"), { months: 1, days: 1 }), "2013-03-01");
  assert.equal(maximumReleaseOn({ fullTermEndsOn: d("2020-01-10"), creditDays: 10 }), "2019-12-31");
  assert.equal(
    maximumReleaseOn({ fullTermEndsOn: d("2020-01-10"), creditDays: 10, mandatoryMinimumEndsOn: d("2020-01-05") }),
    "2020-01-05",
  );
});

const arbTerm = fc
  .record({
    years: opt(fc.integer({ min: 0, max: 30 })),
    months: opt(fc.integer({ min: 0, max: 11 })),
    days: opt(fc.integer({ min: 0, max: 30 })),
  })
  .map((t) => compact(t));
const arbFacts: fc.Arbitrary<ParoleEligibilityFacts> = fc
  .record({
    violentOffense: opt(fc.boolean()),
    excludedOffense: opt(fc.boolean()),
    sentenceBeganOn: opt(arbDate("2000-01-01", "2020-12-31")),
    sentence: opt(arbTerm),
    creditDays: opt(fc.integer({ min: 0, max: 1800 })),
    mandatoryMinimum: opt(arbTerm),
  })
  .map((f) => compact(f));

test("parole-eligibility: properties", () => {
  checkQuestionLaws(paroleEligibility, arbFacts, arbDate("2013-04-04", "2040-12-31"));
});

test("parole-eligibility: from 2013-07-01 credits never change the parole date; they never lengthen the maximum", () => {
  fc.assert(
    fc.property(
      arbDate("2000-01-01", "2030-12-31"),
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: 0, max: 2000 }),
      fc.integer({ min: 0, max: 2000 }),
      arbDate("2013-07-01", "2040-12-31"),
      (start, years, c1, c2, on) => {
        const base = { violentOffense: true, excludedOffense: false, sentenceBeganOn: start, sentence: { years } };
        const a = paroleEligibility.decide({ ...base, creditDays: c1 }, on).result;
        const b = paroleEligibility.decide({ ...base, creditDays: c2 }, on).result;
        assert.equal(a.paroleEligibleOn, b.paroleEligibleOn);
        assert.ok(a.maximumReleaseOn! <= a.fullTermEndsOn!);
        // at least 85 % of the sentence served
        assert.ok(daysBetween(start, a.paroleEligibleOn!) >= 0.85 * daysBetween(start, a.fullTermEndsOn!));
        assert.ok(daysBetween(start, addDays(a.paroleEligibleOn!, -1)) < 0.85 * daysBetween(start, a.fullTermEndsOn!));
      },
    ),
  );
});
