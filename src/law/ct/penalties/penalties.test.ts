import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { plainDate } from "../../core/dates.ts";
import { NotInForce } from "../../core/rules.ts";
import { arbDate, checkQuestionLaws, compact, opt } from "../clocks/testkit.ts";
import { penalty, type PenaltyFacts } from "./penalty.ts";
import { CRIME_IDS, FIREARM_CRIMES } from "./firearm-crimes.ts";
import { getClassificationPenalty, TABLE_4_ROWS } from "./classification-ranges.ts";

const d = plainDate;
const DAY_BEFORE = d("2013-09-30");
const DAY_OF = d("2013-10-01");

/** [crime, before: class / min years / fine, after: class / min years / fine] as Table 2 prints them. */
type Expect = [string, number | null, number | null];
const table2: Record<string, { before: Expect; after: Expect }> = {
  "stealing-a-firearm": { before: ["class D felony", null, null], after: ["class C felony", 2, 5000] },
  "failing-to-surrender-revoked-permit": {
    before: ["class C misdemeanor", null, null],
    after: ["class A misdemeanor", null, null],
  },
  "handgun-transfer-to-prohibited-person": {
    before: ["class D felony", null, null],
    after: ["class C felony", 2, 5000],
  },
  "handgun-transfer-knowing-stolen-or-altered": {
    before: ["class B felony", null, null],
    after: ["class B felony", 3, 10000],
  },
  "false-statement-handgun-transfer": { before: ["class D felony", null, null], after: ["class C felony", 2, 5000] },
  "handgun-transfer-to-person-under-21": { before: ["class D felony", 1, null], after: ["class C felony", 2, 5000] },
  "altering-firearm-identification": { before: ["unclassified", null, null], after: ["class C felony", 2, 5000] },
  "failing-to-report-loss-or-theft-repeat": {
    before: ["class D felony", null, null],
    after: ["class C felony", null, null],
  },
  "intentionally-failing-to-report-loss-or-theft": {
    before: ["class C felony", null, null],
    after: ["class B felony", null, null],
  },
  "failing-to-surrender-revoked-eligibility-certificate": {
    before: ["class C misdemeanor", null, null],
    after: ["class A misdemeanor", null, null],
  },
  "straw-purchase": { before: ["unclassified", null, null], after: ["class C felony", 2, 5000] },
  "ineligible-soliciting-straw-purchase": {
    before: ["class B misdemeanor", null, null],
    after: ["class D felony", 1, 3000],
  },
  "ineligible-obtaining-firearm-from-straw-purchaser": {
    before: ["none", null, null],
    after: ["class C felony", 2, 5000],
  },
  "ineligible-soliciting-straw-purchase-more-than-one-firearm": {
    before: ["class A misdemeanor", null, null],
    after: ["none", null, null],
  },
  "straw-purchase-felony-conviction-in-past-five-years": {
    before: ["class D felony", null, null],
    after: ["class B felony", 3, 10000],
  },
  "criminal-possession-of-firearm-ammunition-or-electronic-defense-weapon": {
    before: ["class D felony", 2, null],
    after: ["class C felony", 2, 5000],
  },
  "criminal-possession-of-a-handgun": { before: ["class D felony", null, null], after: ["class C felony", 2, 5000] },
  "firearms-trafficking": { before: ["class C felony", null, null], after: ["class B felony", 3, 10000] },
};

test("every crime has an expectation row", () => {
  assert.deepEqual(Object.keys(table2).sort(), [...CRIME_IDS].sort());
});

for (const [crime, exp] of Object.entries(table2)) {
  for (const [on, [cls, minYears, fine], version] of [
    [DAY_BEFORE, exp.before, "before-pa-13-3"],
    [DAY_OF, exp.after, "pa-13-3"],
  ] as const) {
    test(`penalty: ${crime} committed ${on}`, () => {
      const a = penalty.decide({ crime: crime as PenaltyFacts["crime"], firearmsTransferred: 2 }, on);
      assert.equal(a.result.classification, cls);
      assert.equal(a.result.version, version);
      assert.equal(a.outcome, cls === "none" ? "no" : "yes");
      assert.equal(a.result.mandatoryMinimumPrison?.amount ?? null, minYears);
      assert.equal(a.result.mandatoryFine, fine);
      assert.equal(a.result.fineRemittableOnRecord, fine === null ? null : true);
    });
  }
}

test("penalty: trafficking before the bill depends on the number of firearms", () => {
  assert.equal(
    penalty.decide({ crime: "firearms-trafficking", firearmsTransferred: 4 }, DAY_BEFORE).result.classification,
    "class C felony",
  );
  assert.equal(
    penalty.decide({ crime: "firearms-trafficking", firearmsTransferred: 5 }, DAY_BEFORE).result.classification,
    "class B felony",
  );
  const a = penalty.decide({ crime: "firearms-trafficking" }, DAY_BEFORE);
  assert.equal(a.outcome, "unknown");
  assert.deepEqual(a.findings[0]!.missing, ["firearmsTransferred"]);
  assert.equal(penalty.decide({ crime: "firearms-trafficking" }, DAY_OF).result.classification, "class B felony");
});

test("penalty: ranges come from Table 4; unclassified crimes carry their own maximums", () => {
  const c = penalty.decide({ crime: "stealing-a-firearm" }, DAY_OF).result;
  assert.deepEqual(
    [c.prisonMin, c.prisonMax, c.fineMax],
    [{ amount: 1, unit: "years" }, { amount: 10, unit: "years" }, 10000],
  );
  const u = penalty.decide({ crime: "straw-purchase" }, DAY_BEFORE).result;
  assert.deepEqual([u.prisonMin, u.prisonMax, u.fineMax], [null, { amount: 5, unit: "years" }, 1000]);
  const m = penalty.decide({ crime: "ineligible-soliciting-straw-purchase" }, DAY_BEFORE).result;
  assert.deepEqual([m.prisonMax, m.fineMax], [{ amount: 6, unit: "months" }, 1000]);
});

test("penalty: crime not given is unknown; before passage is refused", () => {
  assert.equal(penalty.decide({}, DAY_OF).outcome, "unknown");
  assert.throws(() => penalty.decide({ crime: "stealing-a-firearm" }, d("2013-04-03")), NotInForce);
  assert.equal(
    penalty.decide({ crime: "stealing-a-firearm" }, d("2013-04-04")).result.classification,
    "class D felony",
  );
});

const table4: [string, string | undefined, string, number | null, number | null, number][] = [
  ["A-felony", "murder-with-special-circumstances", "life", null, null, 20000],
  ["A-felony", "murder", "years", 25, 60, 20000],
  ["A-felony", "aggravated-sexual-assault-of-a-minor", "years", 25, 50, 20000],
  ["A-felony", undefined, "years", 10, 25, 20000],
  ["B-felony", "manslaughter-1st-degree-with-a-firearm", "years", 5, 40, 15000],
  ["B-felony", undefined, "years", 1, 20, 15000],
  ["C-felony", undefined, "years", 1, 10, 10000],
  ["D-felony", undefined, "years", 1, 5, 5000],
  ["A-misdemeanor", undefined, "years", null, 1, 2000],
  ["B-misdemeanor", undefined, "months", null, 6, 1000],
  ["C-misdemeanor", undefined, "months", null, 3, 500],
  ["D-misdemeanor", undefined, "days", null, 30, 250],
];
for (const [cls, variant, unit, min, max, fine] of table4) {
  test(`Table 4: ${cls}${variant ? ` (${variant})` : ""}`, () => {
    const r = getClassificationPenalty({ offenseClass: cls as never, variant: variant as never, on: d("2013-04-04") });
    assert.equal(r.fineMax, fine);
    if (unit === "life") assert.equal(r.lifeWithoutRelease, true);
    else {
      assert.equal(r.prisonMin?.amount ?? null, min);
      assert.equal(r.prisonMax?.amount, max);
      assert.equal(r.prisonMax?.unit, unit);
    }
  });
}
test("Table 4: 12 rows; refused before 2013-04-04; unknown variant is an error", () => {
  assert.equal(TABLE_4_ROWS.length, 12);
  assert.throws(() => getClassificationPenalty({ offenseClass: "C-felony", on: d("2013-04-03") }), NotInForce);
  assert.throws(
    () => getClassificationPenalty({ offenseClass: "C-felony", variant: "murder", on: d("2014-01-01") }),
    RangeError,
  );
});

test("every Table 2 version cites its bill section and statute", () => {
  for (const c of FIREARM_CRIMES)
    for (const v of c.versions) {
      assert.equal(v.source.act, "PA 13-3");
      assert.equal(v.source.section, c.billSection);
      assert.equal(v.source.cgs, `CGS § ${c.statute}`);
    }
});

const arbFacts: fc.Arbitrary<PenaltyFacts> = fc
  .record({ crime: opt(fc.constantFrom(...CRIME_IDS)), firearmsTransferred: opt(fc.integer({ min: 1, max: 20 })) })
  .map((f) => compact(f as PenaltyFacts));

test("penalty: properties", () => {
  checkQuestionLaws(penalty, arbFacts, arbDate("2013-04-04", "2030-12-31"));
});

test("penalty: never lighter after the bill, except the two rows the bill re-drew", () => {
  const rank = [
    "none",
    "unclassified",
    "class C misdemeanor",
    "class B misdemeanor",
    "class A misdemeanor",
    "class D felony",
    "class C felony",
    "class B felony",
  ];
  for (const c of FIREARM_CRIMES) {
    if (c.id === "ineligible-soliciting-straw-purchase-more-than-one-firearm") continue;
    const before = penalty.decide({ crime: c.id as PenaltyFacts["crime"], firearmsTransferred: 1 }, DAY_BEFORE).result
      .classification!;
    const after = penalty.decide({ crime: c.id as PenaltyFacts["crime"] }, DAY_OF).result.classification!;
    assert.ok(rank.indexOf(after) >= rank.indexOf(before), `${c.id}: ${before} -> ${after}`);
  }
});
