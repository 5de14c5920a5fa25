import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { plainDate as d } from "../../core/dates.ts";
import { NotInForce } from "../../core/rules.ts";
import { arbDate, checkQuestionLaws, compact, opt } from "../clocks/testkit.ts";
import { schoolConstructionReview, standardsDueOn, standardsInForce } from "./standards.ts";
import {
  assessmentDue,
  drillReportDue,
  dueState,
  parseSchoolYear,
  requiredYears,
  safetyPlanDue,
  schoolYearLabel,
  schoolYearOf,
} from "./school-year.ts";
import { mentalHealthFirstAid } from "./mental-health-first-aid.ts";
import { currentUntil, isCurrent } from "./consultant-registry.ts";
import {
  isRevisionYear,
  protocolPlanDues,
  REQUIRED_TEAM_SEATS,
  TeamSeat,
  threatAssessmentTeam,
} from "./campus-security.ts";
import { districtRatePercent } from "./regional-rate.ts";
import { allocateRound, shareProRata, type AllocationUnit } from "./grant-allocation.ts";

// ---- § 80 / § 86 standards due dates ----
test("standards due 2014-01-01, then each January 1", () => {
  assert.equal(standardsDueOn("ssic-infrastructure", d("2013-04-04")).dueOn, "2014-01-01");
  assert.equal(standardsDueOn("ssic-infrastructure", d("2014-01-01")).dueOn, "2014-01-01");
  assert.equal(standardsDueOn("ssic-infrastructure", d("2014-01-02")).dueOn, "2015-01-01");
  assert.equal(standardsDueOn("despp-plan", d("2015-12-31")).dueOn, "2016-01-01");
  assert.equal(standardsDueOn("despp-plan", d("2016-01-01")).dueOn, "2016-01-01");
  assert.throws(() => standardsDueOn("ssic-infrastructure", d("2013-04-03")), NotInForce);
});
test("standards in force: the latest submitted on or before the day", () => {
  const v = [
    { submittedOn: "2014-01-01", n: 1 },
    { submittedOn: "2015-01-01", n: 2 },
  ];
  assert.equal(standardsInForce(v, d("2013-12-31")), undefined);
  assert.equal(standardsInForce(v, d("2014-12-31"))?.n, 1);
  assert.equal(standardsInForce(v, d("2015-01-01"))?.n, 2);
});

// ---- §§ 81-82 construction review ----
test("construction review: not applicable on 2014-06-30, required on 2014-07-01", () => {
  const bad = { standardsVersionSubmittedOn: d("2014-01-01"), compliesWithStandards: false };
  const before = schoolConstructionReview.decide(bad, d("2014-06-30"));
  assert.equal(before.outcome, "yes");
  assert.equal(before.result.reviewRequired, false);
  assert.equal(before.result.mayDisapprove, false);
  const on = schoolConstructionReview.decide(bad, d("2014-07-01"));
  assert.equal(on.outcome, "no");
  assert.equal(on.result.mayDisapprove, true);
  assert.equal(
    schoolConstructionReview.decide({ ...bad, compliesWithStandards: true }, d("2014-07-01")).outcome,
    "yes",
  );
  assert.equal(schoolConstructionReview.decide({}, d("2014-07-01")).outcome, "unknown");
  assert.throws(() => schoolConstructionReview.decide(bad, d("2013-06-30")), NotInForce);
});
test("construction review: properties", () => {
  checkQuestionLaws(
    schoolConstructionReview,
    fc
      .record({
        standardsVersionSubmittedOn: opt(arbDate("2014-01-01", "2020-01-01")),
        compliesWithStandards: opt(fc.boolean()),
      })
      .map(compact),
    arbDate("2013-07-01", "2030-12-31"),
  );
});

// ---- §§ 86-87 yearly and biennial dues ----
test("school years run July 1 to June 30", () => {
  assert.equal(schoolYearOf(d("2014-06-30")), 2013);
  assert.equal(schoolYearOf(d("2014-07-01")), 2014);
  assert.equal(schoolYearLabel(2014), "2014-15");
  assert.equal(schoolYearLabel(2099), "2099-00");
  assert.equal(parseSchoolYear("2014-15"), 2014);
  assert.equal(parseSchoolYear("2014-16"), undefined);
  assert.deepEqual(requiredYears(d("2014-06-30")), []);
  assert.deepEqual(requiredYears(d("2015-07-01")), [2014, 2015]);
});
test("plans and drill reports: none for 2013-14; 2014-15 due 2015-06-30", () => {
  assert.equal(safetyPlanDue(2013), undefined);
  assert.equal(safetyPlanDue(2014)?.dueOn, "2015-06-30");
  assert.equal(drillReportDue(2013, "fire"), undefined);
  assert.equal(drillReportDue(2016, "crisis-response")?.dueOn, "2017-06-30");
  assert.equal(dueState(d("2015-06-30"), undefined, d("2015-06-30")), "due");
  assert.equal(dueState(d("2015-06-30"), undefined, d("2015-07-01")), "late");
  assert.equal(dueState(d("2015-06-30"), d("2015-06-30"), d("2016-01-01")), "done");
  assert.equal(dueState(d("2015-06-30"), d("2015-07-01"), d("2016-01-01")), "done-late");
});
test("assessments every two years; the first by 2015-06-30", () => {
  assert.equal(assessmentDue(undefined).dueOn, "2015-06-30");
  assert.equal(assessmentDue(d("2014-09-15")).dueOn, "2016-09-15");
  assert.equal(assessmentDue(d("2016-02-29")).dueOn, "2018-02-28");
});

// ---- § 90 mental health first aid ----
const mhfa: [string, Parameters<typeof mentalHealthFirstAid.decide>[0], string, "yes" | "no" | "unknown", boolean][] = [
  ["2014-15 coordinator, not trained", { schoolYear: 2014, completedTraining: false }, "2014-07-01", "no", true],
  ["2014-15 coordinator, trained", { schoolYear: 2014, completedTraining: true }, "2014-07-01", "yes", false],
  [
    "2015-16 coordinator who served 2014-15 and completed it: not twice",
    { schoolYear: 2015, completedTraining: true, servedPriorYear: true },
    "2015-07-01",
    "yes",
    false,
  ],
  [
    "2015-16 coordinator new this year",
    { schoolYear: 2015, completedTraining: false, servedPriorYear: false },
    "2015-07-01",
    "no",
    true,
  ],
  [
    "2015-16 coordinator who served but did not complete",
    { schoolYear: 2015, completedTraining: false, servedPriorYear: true },
    "2015-07-01",
    "no",
    true,
  ],
  ["2013-14 coordinator: not required", { schoolYear: 2013, completedTraining: false }, "2013-07-01", "yes", false],
  [
    "2016-17 coordinator: not required by § 90",
    { schoolYear: 2016, completedTraining: false },
    "2016-07-01",
    "yes",
    false,
  ],
  ["training not known", { schoolYear: 2014 }, "2014-07-01", "unknown", false],
];
for (const [name, facts, on, outcome, must] of mhfa) {
  test(`mental-health-first-aid: ${name}`, () => {
    const a = mentalHealthFirstAid.decide(facts, d(on));
    assert.equal(a.outcome, outcome);
    assert.equal(a.result.mustComplete, must);
    if (must) assert.equal(a.result.dueOn, `${facts.schoolYear! + 1}-06-30`);
  });
}
test("mental-health-first-aid: refused before passage; properties", () => {
  assert.throws(
    () => mentalHealthFirstAid.decide({ schoolYear: 2014, completedTraining: false }, d("2013-04-03")),
    NotInForce,
  );
  checkQuestionLaws(
    mentalHealthFirstAid,
    fc
      .record({
        schoolYear: opt(fc.integer({ min: 2012, max: 2020 })),
        completedTraining: opt(fc.boolean()),
        servedPriorYear: opt(fc.boolean()),
      })
      .map(compact),
    arbDate("2013-04-04", "2030-12-31"),
  );
});

// ---- § 91 registry ----
test("consultant entries are current for a year: through the anniversary, lapsed the day after", () => {
  assert.equal(currentUntil(d("2024-03-01")), "2025-03-01");
  assert.equal(isCurrent(d("2024-03-01"), d("2025-03-01")), true);
  assert.equal(isCurrent(d("2024-03-01"), d("2025-03-02")), false);
  assert.equal(currentUntil(d("2024-02-29")), "2025-02-28");
});

// ---- § 92 campuses ----
test("protocol plan dues: 2013-10-01, then August 1 of 2015, 2017, ...", () => {
  assert.deepEqual(
    protocolPlanDues(d("2015-07-31")).map((x) => x.dueOn),
    ["2013-10-01", "2015-08-01"],
  );
  assert.deepEqual(
    protocolPlanDues(d("2014-12-31")).map((x) => x.dueOn),
    ["2013-10-01"],
  );
  assert.deepEqual(
    protocolPlanDues(d("2017-01-01")).map((x) => x.dueOn),
    ["2013-10-01", "2015-08-01", "2017-08-01"],
  );
  assert.equal(isRevisionYear(2015), true);
  assert.equal(isRevisionYear(2016), false);
  assert.equal(isRevisionYear(2013), false);
});
const FULL_TEAM = REQUIRED_TEAM_SEATS.map((seat) => ({ seat, trained: true }));
test("threat assessment team: not required 2013-12-31, required 2014-01-01", () => {
  assert.equal(threatAssessmentTeam.decide({ members: [] }, d("2013-12-31")).outcome, "yes");
  const a = threatAssessmentTeam.decide({ members: [] }, d("2014-01-01"));
  assert.equal(a.outcome, "no");
  assert.deepEqual(a.result.missingSeats, [...REQUIRED_TEAM_SEATS]);
  assert.equal(threatAssessmentTeam.decide({ members: FULL_TEAM }, d("2014-01-01")).outcome, "yes");
  assert.deepEqual(
    threatAssessmentTeam.decide({ members: FULL_TEAM.filter((m) => m.seat !== "mid-level-staff") }, d("2014-01-01"))
      .result.missingSeats,
    ["mid-level-staff"],
  );
  assert.equal(
    threatAssessmentTeam.decide({ members: [...FULL_TEAM, { seat: "faculty", trained: false }] }, d("2014-01-01"))
      .outcome,
    "no",
  );
  assert.equal(
    threatAssessmentTeam.decide({ members: [...FULL_TEAM, { seat: "faculty" }] }, d("2014-01-01")).outcome,
    "unknown",
  );
  assert.throws(() => threatAssessmentTeam.decide({ members: FULL_TEAM }, d("2013-04-03")), NotInForce);
});
test("threat assessment team: properties", () => {
  checkQuestionLaws(
    threatAssessmentTeam,
    fc
      .record({
        members: opt(
          fc.array(fc.record({ seat: fc.constantFrom(...TeamSeat.options), trained: opt(fc.boolean()) }).map(compact), {
            maxLength: 8,
          }),
        ),
      })
      .map(compact),
    arbDate("2013-04-04", "2030-12-31"),
  );
});

// ---- regional rate ----
test("district rate: one town is its own rate; a regional district weights by pupils", () => {
  assert.equal(districtRatePercent([{ town: "Ansonia", rank: 163, pupils: 0 }]).rate, 77.86);
  assert.equal(
    districtRatePercent([
      { town: "A", rank: 1, pupils: 100 },
      { town: "B", rank: 169, pupils: 100 },
    ]).rate,
    50,
  );
  assert.equal(
    districtRatePercent([
      { town: "A", rank: 1, pupils: 300 },
      { town: "B", rank: 169, pupils: 100 },
    ]).rate,
    35,
  );
  assert.throws(() => districtRatePercent([]), RangeError);
  assert.throws(
    () =>
      districtRatePercent([
        { town: "A", rank: 1, pupils: 0 },
        { town: "B", rank: 2, pupils: 0 },
      ]),
    RangeError,
  );
});

// ---- allocation ----
const u = (key: string, requestedCents: number, f: Partial<AllocationUnit> = {}): AllocationUnit => ({
  key,
  label: key,
  requestedCents,
  ...f,
});
const T1 = { mostInNeedOfEntranceSecurity: true, noEntranceSecurityInfrastructure: true };
const T2 = {
  mostInNeedOfEntranceSecurity: true,
  noEntranceSecurityInfrastructure: false,
  inPrioritySchoolDistrict: true,
};
const T3 = {
  mostInNeedOfEntranceSecurity: true,
  noEntranceSecurityInfrastructure: false,
  inPrioritySchoolDistrict: false,
};
const T4 = { mostInNeedOfEntranceSecurity: false };
test("allocation: full funding pays every full percentage, whatever the priority facts", () => {
  const a = allocateRound(100_00, [u("a", 40_00), u("b", 60_00)]);
  assert.equal(a.fullyFunded, true);
  assert.deepEqual(
    a.lines.map((l) => l.awardedCents),
    [40_00, 60_00],
  );
});
test("allocation: a short round pays by priority (tier 1, then 2, ...), the boundary tier pro rata", () => {
  const a = allocateRound(100_00, [u("t4", 50_00, T4), u("t3", 30_00, T3), u("t2", 40_00, T2), u("t1", 50_00, T1)]);
  assert.equal(a.fullyFunded, false);
  const by = Object.fromEntries(a.lines.map((l) => [l.key, l.awardedCents]));
  assert.deepEqual(by, { t1: 50_00, t2: 40_00, t3: 10_00, t4: 0 });
  assert.equal(a.awardedCents, 100_00);
  assert.match(a.lines.find((l) => l.key === "t4")!.because, /no money left/);
});
test("allocation: ties share pro rata, to the cent, whatever the filing order", () => {
  const a = allocateRound(100_00, [u("x", 100_00, T1), u("y", 50_00, T1), u("z", 50_00, T1)]);
  assert.deepEqual(
    a.lines.map((l) => l.awardedCents),
    [50_00, 25_00, 25_00],
  );
  const b = allocateRound(100, [u("p", 100, T1), u("q", 100, T1), u("r", 100, T1)]);
  assert.deepEqual(
    b.lines.map((l) => l.awardedCents),
    [34, 33, 33],
  );
  const c = allocateRound(100, [u("r", 100, T1), u("q", 100, T1), u("p", 100, T1)]);
  assert.equal(
    c.lines.reduce((s, l) => s + l.awardedCents, 0),
    100,
  );
});
test("allocation: missing priority facts in a short round are an error (a person decides)", () => {
  assert.throws(() => allocateRound(10, [u("a", 100, { mostInNeedOfEntranceSecurity: true })]), RangeError);
  assert.doesNotThrow(() => allocateRound(1000, [u("a", 100, { mostInNeedOfEntranceSecurity: true })]));
});
test("allocation: never more than the budget or the request (property)", () => {
  const tierArb = fc.constantFrom(T1, T2, T3, T4);
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1_500_000_000 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 500_000_000 }), tierArb), { maxLength: 12 }),
      (budget, xs) => {
        const a = allocateRound(
          budget,
          xs.map(([c, t], i) => u(String(i), c, t)),
        );
        assert.ok(a.awardedCents <= budget);
        for (const l of a.lines) assert.ok(l.awardedCents >= 0 && l.awardedCents <= l.requestedCents);
        if (a.requestedCents > budget) assert.equal(a.awardedCents, budget);
      },
    ),
  );
  assert.deepEqual(shareProRata(0, [1, 2]), [0, 0]);
});
