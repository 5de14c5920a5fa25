import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { plainDate } from "../../core/dates.ts";
import { NotInForce } from "../../core/rules.ts";
import { arbDate, checkQuestionLaws, compact, opt } from "../clocks/testkit.ts";
import { insuranceReviewClock, hoursAfter } from "./insurance-review-clock.ts";
import type { InsuranceReviewFacts } from "./review-facts.ts";

const d = plainDate;
const SUD: InsuranceReviewFacts = {
  reviewType: "initial-determination",
  condition: "substance-use-disorder",
  informationProvided: true,
  extensionOfCourse: false,
};

interface Row {
  name: string;
  facts: InsuranceReviewFacts;
  on: string;
  outcome: "yes" | "no" | "unknown";
  clock?: string | null;
  dueAt?: string | null;
  dueOn?: string | null;
  continues?: boolean | null;
  missing?: string[];
}
const rows: Row[] = [
  {
    name: "SUD request the day before 2013-10-01: not yet urgent by the Act",
    facts: { ...SUD, otherwiseUrgent: false },
    on: "2013-09-30",
    outcome: "no",
    clock: "15-calendar-days",
    dueOn: "2013-10-15",
  },
  { name: "SUD request on 2013-10-01: 24 hours", facts: SUD, on: "2013-10-01", outcome: "yes", clock: "24-hours" },
  {
    name: "24 hours across a weekend (Friday evening to Saturday evening)",
    facts: { ...SUD, receivedAt: "2013-10-04T18:00:00-04:00" },
    on: "2013-10-04",
    outcome: "yes",
    dueAt: "2013-10-05T22:00:00.000Z",
  },
  {
    name: "24 hours across Christmas",
    facts: { ...SUD, receivedAt: "2013-12-24T09:00:00-05:00" },
    on: "2013-12-24",
    outcome: "yes",
    dueAt: "2013-12-25T14:00:00.000Z",
  },
  {
    name: "co-occurring mental disorder",
    facts: { ...SUD, condition: "co-occurring-mental-disorder" },
    on: "2014-01-01",
    outcome: "yes",
  },
  {
    name: "mental disorder, residential treatment",
    facts: { ...SUD, condition: "mental-disorder", service: "residential-treatment" },
    on: "2014-01-01",
    outcome: "yes",
  },
  {
    name: "mental disorder, inpatient",
    facts: { ...SUD, condition: "mental-disorder", service: "inpatient" },
    on: "2014-01-01",
    outcome: "yes",
  },
  {
    name: "mental disorder, partial hospitalization",
    facts: { ...SUD, condition: "mental-disorder", service: "partial-hospitalization" },
    on: "2014-01-01",
    outcome: "yes",
  },
  {
    name: "mental disorder, intensive outpatient to avoid inpatient",
    facts: { ...SUD, condition: "mental-disorder", service: "intensive-outpatient", neededToAvoidInpatient: true },
    on: "2014-01-01",
    outcome: "yes",
  },
  {
    name: "mental disorder, intensive outpatient, not to avoid inpatient, non-urgent",
    facts: {
      ...SUD,
      condition: "mental-disorder",
      service: "intensive-outpatient",
      neededToAvoidInpatient: false,
      otherwiseUrgent: false,
    },
    on: "2014-01-01",
    outcome: "no",
    clock: "15-calendar-days",
    dueOn: "2014-01-16",
  },
  {
    name: "mental disorder, other service, urgent by the general definition",
    facts: {
      ...SUD,
      condition: "mental-disorder",
      service: "other",
      otherwiseUrgent: true,
      receivedAt: "2014-01-01T00:00:00Z",
    },
    on: "2014-01-01",
    outcome: "no",
    clock: "72-hours",
    dueAt: "2014-01-04T00:00:00.000Z",
  },
  {
    name: "information not provided: the 24 hours do not apply",
    facts: { ...SUD, informationProvided: false },
    on: "2014-01-01",
    outcome: "no",
    clock: null,
  },
  {
    name: "information not known",
    facts: { ...SUD, informationProvided: undefined },
    on: "2014-01-01",
    outcome: "unknown",
    missing: ["informationProvided"],
  },
  {
    name: "extension asked 24 hours ahead",
    facts: { ...SUD, extensionOfCourse: true, hoursBeforeAuthorizationEnds: 24 },
    on: "2014-01-01",
    outcome: "yes",
  },
  {
    name: "extension asked 23 hours ahead",
    facts: { ...SUD, extensionOfCourse: true, hoursBeforeAuthorizationEnds: 23 },
    on: "2014-01-01",
    outcome: "no",
    clock: null,
  },
  {
    name: "condition not known",
    facts: { reviewType: "initial-determination" },
    on: "2014-01-01",
    outcome: "unknown",
    missing: ["condition"],
  },
  {
    name: "mental disorder, service not known",
    facts: { ...SUD, condition: "mental-disorder" },
    on: "2014-01-01",
    outcome: "unknown",
    missing: ["service"],
  },
  {
    name: "other condition: no 24-hour clock, general clock not known",
    facts: { ...SUD, condition: "other" },
    on: "2014-01-01",
    outcome: "no",
    clock: null,
    missing: ["otherwiseUrgent"],
  },
  {
    name: "review type not known",
    facts: { condition: "substance-use-disorder" },
    on: "2014-01-01",
    outcome: "unknown",
    missing: ["reviewType"],
  },
  // expedited reviews
  {
    name: "expedited review of a SUD denial, 2013-09-30: 72 hours if urgent",
    facts: { reviewType: "expedited-review", condition: "substance-use-disorder", otherwiseUrgent: true },
    on: "2013-09-30",
    outcome: "no",
    clock: "72-hours",
  },
  {
    name: "expedited review of a SUD denial, 2013-10-01: 24 hours",
    facts: { reviewType: "expedited-review", condition: "substance-use-disorder" },
    on: "2013-10-01",
    outcome: "yes",
    clock: "24-hours",
  },
  {
    name: "expedited review: the information exception is not applied",
    facts: { reviewType: "expedited-review", condition: "substance-use-disorder", informationProvided: false },
    on: "2014-01-01",
    outcome: "yes",
  },
  {
    name: "non-urgent: no expedited review",
    facts: { reviewType: "expedited-review", condition: "other", otherwiseUrgent: false },
    on: "2014-01-01",
    outcome: "no",
    clock: null,
  },
  // concurrent review continuation
  {
    name: "non-urgent concurrent review before 2013-10-01",
    facts: { ...SUD, condition: "other", otherwiseUrgent: false, concurrentReview: true },
    on: "2013-09-30",
    outcome: "no",
    continues: false,
  },
  {
    name: "non-urgent concurrent review from 2013-10-01",
    facts: { ...SUD, condition: "other", otherwiseUrgent: false, concurrentReview: true },
    on: "2013-10-01",
    outcome: "no",
    continues: true,
  },
  {
    name: "urgent concurrent review",
    facts: { ...SUD, concurrentReview: true },
    on: "2013-10-01",
    outcome: "yes",
    continues: true,
  },
];
for (const r of rows) {
  test(`insurance-review-clock: ${r.name}`, () => {
    const a = insuranceReviewClock.decide(r.facts, d(r.on));
    assert.equal(a.outcome, r.outcome, JSON.stringify(a.findings, null, 1));
    if (r.clock !== undefined) assert.equal(a.result.clock, r.clock);
    if (r.dueAt !== undefined) assert.equal(a.result.dueAt, r.dueAt);
    if (r.dueOn !== undefined) assert.equal(a.result.dueOn, r.dueOn);
    if (r.continues !== undefined) assert.equal(a.result.treatmentContinuesDuringReview, r.continues);
    if (r.missing)
      assert.deepEqual(
        [
          ...new Set(
            a.findings
              .filter((f) => f.id !== "insurance.concurrent-review-continuation")
              .flatMap((f) => f.missing ?? []),
          ),
        ],
        r.missing,
      );
  });
}
test("insurance-review-clock: refused before 2013-04-04", () => {
  assert.throws(() => insuranceReviewClock.decide(SUD, d("2013-04-03")), NotInForce);
});
test("hoursAfter: across the daylight saving change the clock counts real hours", () => {
  // 2013-11-03 01:30 EDT + 24 h = 2013-11-04 00:30 EST
  assert.equal(hoursAfter("2013-11-03T01:30:00-04:00", 24), "2013-11-04T05:30:00.000Z");
  assert.throws(() => hoursAfter("yesterday", 24), RangeError);
});
test("insurance-review-clock: rejects a receivedAt without an offset", () => {
  assert.equal(insuranceReviewClock.facts.safeParse({ receivedAt: "2013-10-01T09:30:00" }).success, false);
});

const b = opt(fc.boolean());
const arbFacts: fc.Arbitrary<InsuranceReviewFacts> = fc
  .record({
    reviewType: opt(
      fc.constantFrom("initial-determination", "expedited-review") as fc.Arbitrary<"initial-determination">,
    ),
    condition: opt(
      fc.constantFrom(
        "substance-use-disorder",
        "co-occurring-mental-disorder",
        "mental-disorder",
        "other",
      ) as fc.Arbitrary<"other">,
    ),
    service: opt(
      fc.constantFrom(
        "inpatient",
        "partial-hospitalization",
        "residential-treatment",
        "intensive-outpatient",
        "other",
      ) as fc.Arbitrary<"other">,
    ),
    neededToAvoidInpatient: b,
    otherwiseUrgent: b,
    informationProvided: b,
    extensionOfCourse: b,
    hoursBeforeAuthorizationEnds: opt(fc.integer({ min: 0, max: 96 })),
    concurrentReview: b,
    receivedAt: opt(fc.constantFrom("2013-10-01T09:30:00-04:00", "2014-02-28T23:59:00Z")),
  })
  .map((f) => compact(f));

test("insurance-review-clock: properties", () => {
  checkQuestionLaws(insuranceReviewClock, arbFacts, arbDate("2013-04-04", "2030-12-31"));
});
