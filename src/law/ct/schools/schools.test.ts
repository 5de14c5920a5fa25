import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { plainDate } from "../../core/dates.ts";
import { NotInForce } from "../../core/rules.ts";
import { arbDate, checkQuestionLaws, compact, opt } from "../clocks/testkit.ts";
import { schoolSecurityGrant, type SchoolSecurityGrantFacts } from "./school-security-grant.ts";
import { reimbursementAmount, reimbursementRatePercent } from "./reimbursement-rate.ts";
import { priorityTier, rankByPriority } from "./grant-priority.ts";
import { CommitteeRole, schoolSafetyCommittee, type SchoolSafetyCommitteeFacts } from "./safety-committee.ts";

const d = plainDate;
const READY: SchoolSecurityGrantFacts = {
  conductedSecurityAssessment: true,
  assessmentSupervisedByLocalLawEnforcement: true,
  assessmentUsedSafeSchoolsChecklist: true,
  hasEmergencyPlanWithFirstResponders: true,
  practicesPlanPeriodically: true,
  expensesIncurredOn: d("2013-09-15"),
};

// ---- rate ----
const rates: [number, number, string][] = [
  [1, 20, "wealthiest"],
  [19, 26.43, "Fairfield"],
  [85, 50, "middle"],
  [163, 77.86, "Ansonia"],
  [167, 79.29, "New Britain"],
  [169, 80, "least wealthy"],
];
for (const [rank, rate, town] of rates) {
  test(`reimbursementRatePercent(${rank}) = ${rate} (${town})`, () =>
    assert.equal(reimbursementRatePercent(rank), rate));
}
test("reimbursementRatePercent: rejects ranks outside 1-169; rises with rank", () => {
  for (const bad of [0, 170, 1.5, -3]) assert.throws(() => reimbursementRatePercent(bad), RangeError);
  for (let r = 2; r <= 169; r++) assert.ok(reimbursementRatePercent(r) > reimbursementRatePercent(r - 1));
});
test("reimbursementAmount: to the cent", () => {
  assert.equal(reimbursementAmount(100000, 77.86), 77860);
  assert.equal(reimbursementAmount(1234.56, 26.43), 326.29);
  assert.equal(reimbursementAmount(0, 80), 0);
});

// ---- eligibility ----
interface Row {
  name: string;
  facts: SchoolSecurityGrantFacts;
  on: string;
  outcome: "yes" | "no" | "unknown";
  amount?: number | null;
  tier?: number | null;
  missing?: string[];
}
const rows: Row[] = [
  {
    name: "all requirements met, on the day the bill became law",
    facts: { ...READY, townWealthRank: 163, eligibleExpenses: 100000 },
    on: "2013-04-04",
    outcome: "yes",
    amount: 77860,
  },
  { name: "the last day of FY 2015", facts: READY, on: "2015-06-30", outcome: "yes" },
  {
    name: "assessment not supervised by local police",
    facts: { ...READY, assessmentSupervisedByLocalLawEnforcement: false },
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "assessment without the Safe Schools checklist",
    facts: { ...READY, assessmentUsedSafeSchoolsChecklist: false },
    on: "2014-01-01",
    outcome: "no",
  },
  { name: "no assessment", facts: { ...READY, conductedSecurityAssessment: false }, on: "2014-01-01", outcome: "no" },
  {
    name: "no emergency plan",
    facts: { ...READY, hasEmergencyPlanWithFirstResponders: false },
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "plan not practiced",
    facts: { ...READY, practicesPlanPeriodically: false },
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "expenses on the effective date itself (read strictly)",
    facts: { ...READY, expensesIncurredOn: d("2013-04-04") },
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "expenses the day after",
    facts: { ...READY, expensesIncurredOn: d("2013-04-05") },
    on: "2014-01-01",
    outcome: "yes",
  },
  {
    name: "practice not known",
    facts: { ...READY, practicesPlanPeriodically: undefined },
    on: "2014-01-01",
    outcome: "unknown",
    missing: ["practicesPlanPeriodically"],
  },
  {
    name: "funds short: most in need, no entrance security: tier 1",
    facts: {
      ...READY,
      fundsSufficient: false,
      mostInNeedOfEntranceSecurity: true,
      noEntranceSecurityInfrastructure: true,
    },
    on: "2014-01-01",
    outcome: "yes",
    tier: 1,
  },
  {
    name: "funds short: most in need, priority school district: tier 2",
    facts: {
      ...READY,
      fundsSufficient: false,
      mostInNeedOfEntranceSecurity: true,
      noEntranceSecurityInfrastructure: false,
      inPrioritySchoolDistrict: true,
    },
    on: "2014-01-01",
    outcome: "yes",
    tier: 2,
  },
  {
    name: "funds short: most in need otherwise: tier 3",
    facts: {
      ...READY,
      fundsSufficient: false,
      mostInNeedOfEntranceSecurity: true,
      noEntranceSecurityInfrastructure: false,
      inPrioritySchoolDistrict: false,
    },
    on: "2014-01-01",
    outcome: "yes",
    tier: 3,
  },
  {
    name: "funds short: not most in need: tier 4",
    facts: { ...READY, fundsSufficient: false, mostInNeedOfEntranceSecurity: false, inPrioritySchoolDistrict: true },
    on: "2014-01-01",
    outcome: "yes",
    tier: 4,
  },
  {
    name: "funds sufficient: no tier",
    facts: { ...READY, fundsSufficient: true, mostInNeedOfEntranceSecurity: true },
    on: "2014-01-01",
    outcome: "yes",
    tier: null,
  },
];
for (const r of rows) {
  test(`school-security-grant: ${r.name}`, () => {
    const a = schoolSecurityGrant.decide(r.facts, d(r.on));
    assert.equal(a.outcome, r.outcome, JSON.stringify(a.findings, null, 1));
    if (r.amount !== undefined) assert.equal(a.result.reimbursementAmount, r.amount);
    if (r.tier !== undefined) assert.equal(a.result.priorityTier, r.tier);
    if (r.missing) assert.deepEqual([...new Set(a.findings.slice(0, 4).flatMap((f) => f.missing ?? []))], r.missing);
  });
}
test("school-security-grant: refused the day before passage and after FY 2015", () => {
  assert.throws(() => schoolSecurityGrant.decide(READY, d("2013-04-03")), NotInForce);
  assert.throws(() => schoolSecurityGrant.decide(READY, d("2015-07-01")), NotInForce);
});

test("rankByPriority: tiers in order, stable within a tier; missing facts are an error", () => {
  const apps = [
    { id: "a", mostInNeedOfEntranceSecurity: false },
    {
      id: "b",
      mostInNeedOfEntranceSecurity: true,
      noEntranceSecurityInfrastructure: false,
      inPrioritySchoolDistrict: true,
    },
    { id: "c", mostInNeedOfEntranceSecurity: true, noEntranceSecurityInfrastructure: true },
    {
      id: "d",
      mostInNeedOfEntranceSecurity: true,
      noEntranceSecurityInfrastructure: false,
      inPrioritySchoolDistrict: false,
    },
    { id: "e", mostInNeedOfEntranceSecurity: true, noEntranceSecurityInfrastructure: true },
  ];
  assert.deepEqual(
    rankByPriority(apps).map((a) => a.id),
    ["c", "e", "b", "d", "a"],
  );
  assert.throws(() => rankByPriority([{ mostInNeedOfEntranceSecurity: true }]), RangeError);
  assert.equal(priorityTier({}), undefined);
});

const b = opt(fc.boolean());
const arbGrant: fc.Arbitrary<SchoolSecurityGrantFacts> = fc
  .record({
    conductedSecurityAssessment: b,
    assessmentSupervisedByLocalLawEnforcement: b,
    assessmentUsedSafeSchoolsChecklist: b,
    hasEmergencyPlanWithFirstResponders: b,
    practicesPlanPeriodically: b,
    expensesIncurredOn: opt(arbDate("2013-01-01", "2015-06-30")),
    townWealthRank: opt(fc.integer({ min: 1, max: 169 })),
    eligibleExpenses: opt(fc.integer({ min: 0, max: 5_000_000 })),
    fundsSufficient: b,
    mostInNeedOfEntranceSecurity: b,
    noEntranceSecurityInfrastructure: b,
    inPrioritySchoolDistrict: b,
  })
  .map((f) => compact(f));

test("school-security-grant: properties", () => {
  checkQuestionLaws(schoolSecurityGrant, arbGrant, arbDate("2013-04-04", "2015-06-30"));
});

// ---- committee ----
const FULL: SchoolSafetyCommitteeFacts["members"] = [
  "local-police-officer",
  "local-first-responder",
  "teacher-at-school",
  "administrator-at-school",
  "school-nurse",
  "parent-or-guardian",
];
const committeeRows: {
  name: string;
  facts: SchoolSafetyCommitteeFacts;
  on: string;
  outcome: "yes" | "no" | "unknown";
  missing?: string[];
  required?: boolean;
}[] = [
  {
    name: "complete, first day of the 2014-15 school year",
    facts: { members: FULL },
    on: "2014-07-01",
    outcome: "yes",
    missing: [],
    required: true,
  },
  {
    name: "no parent, the last day before the 2014-15 school year: not yet required",
    facts: { members: FULL!.filter((r) => r !== "parent-or-guardian") },
    on: "2014-06-30",
    outcome: "yes",
    missing: [],
    required: false,
  },
  {
    name: "no parent, 2014-07-01",
    facts: { members: FULL!.filter((r) => r !== "parent-or-guardian") },
    on: "2014-07-01",
    outcome: "no",
    missing: ["parent-or-guardian"],
  },
  {
    name: "each kind of mental health professional counts",
    facts: { members: [...FULL!.filter((r) => r !== "school-nurse"), "child-mental-health-specialist", "other"] },
    on: "2015-01-01",
    outcome: "yes",
  },
  {
    name: "no committee",
    facts: { members: [] },
    on: "2015-01-01",
    outcome: "no",
    missing: [
      "local-police-officer",
      "local-first-responder",
      "teacher-at-school",
      "administrator-at-school",
      "mental-health-professional",
      "parent-or-guardian",
    ],
  },
  { name: "members not known", facts: {}, on: "2015-01-01", outcome: "unknown" },
];
for (const r of committeeRows) {
  test(`school-safety-committee: ${r.name}`, () => {
    const a = schoolSafetyCommittee.decide(r.facts, d(r.on));
    assert.equal(a.outcome, r.outcome);
    if (r.missing) assert.deepEqual(a.result.missingSeats, r.missing);
    if (r.required !== undefined) assert.equal(a.result.committeeRequired, r.required);
    assert.equal(a.result.parentsMayReceiveThreatReports, false);
  });
}
test("school-safety-committee: refused before passage", () => {
  assert.throws(() => schoolSafetyCommittee.decide({ members: FULL }, d("2013-04-03")), NotInForce);
});

const arbCommittee: fc.Arbitrary<SchoolSafetyCommitteeFacts> = fc
  .record({ members: opt(fc.array(fc.constantFrom(...CommitteeRole.options), { maxLength: 10 })) })
  .map((f) => compact(f));
test("school-safety-committee: properties", () => {
  checkQuestionLaws(schoolSafetyCommittee, arbCommittee, arbDate("2013-04-04", "2030-12-31"));
});
test("school-safety-committee: adding members never removes compliance", () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...CommitteeRole.options)),
      fc.array(fc.constantFrom(...CommitteeRole.options)),
      arbDate("2014-07-01", "2030-12-31"),
      (a, extra, on) => {
        if (schoolSafetyCommittee.decide({ members: a }, on).outcome === "yes")
          assert.equal(schoolSafetyCommittee.decide({ members: [...a, ...extra] }, on).outcome, "yes");
      },
    ),
  );
});
