import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { plainDate, weekday, addDays } from "../../core/dates.ts";
import { isLegalHoliday } from "../../core/calendar.ts";
import { NotInForce } from "../../core/rules.ts";
import { arbDate, checkQuestionLaws, compact, opt } from "../clocks/testkit.ts";
import { appealHearing, type AppealHearingFacts } from "./appeal-hearing.ts";
import { statementDueBy } from "./statement-of-reasons.ts";
import { boardSeats } from "./board-membership.ts";

const d = plainDate;
const NO_CONT = { continuanceGranted: false } as const;

interface Row {
  name: string;
  facts: AppealHearingFacts;
  on: string;
  outcome: "yes" | "no" | "unknown";
  hearingOn?: string | null;
  statementDueBy?: string | null;
  continuancePermitted?: boolean | null;
  missing?: string[];
}

const rows: Row[] = [
  // 10 days counted back from a Wednesday hearing lands on a Sunday; not moved
  {
    name: "statement received exactly 10 days before (a Sunday)",
    facts: { ...NO_CONT, hearingOn: d("2014-05-14"), statementReceivedOn: d("2014-05-04") },
    on: "2014-05-20",
    outcome: "no",
    statementDueBy: "2014-05-04",
  },
  {
    name: "statement received 9 days before",
    facts: { ...NO_CONT, hearingOn: d("2014-05-14"), statementReceivedOn: d("2014-05-05") },
    on: "2014-05-20",
    outcome: "yes",
  },
  {
    name: "due date on Independence Day: received that day is in time",
    facts: { ...NO_CONT, hearingOn: d("2014-07-14"), statementReceivedOn: d("2014-07-04") },
    on: "2014-07-14",
    outcome: "no",
    statementDueBy: "2014-07-04",
  },
  {
    name: "due date on Independence Day: received the next business day is late",
    facts: { ...NO_CONT, hearingOn: d("2014-07-14"), statementReceivedOn: d("2014-07-07") },
    on: "2014-07-14",
    outcome: "yes",
  },
  {
    name: "no statement, still time (the due day)",
    facts: { ...NO_CONT, hearingOn: d("2014-05-14"), statementProvided: false },
    on: "2014-05-04",
    outcome: "no",
  },
  {
    name: "no statement, the day after the due day",
    facts: { ...NO_CONT, hearingOn: d("2014-05-14"), statementProvided: false },
    on: "2014-05-05",
    outcome: "yes",
  },
  {
    name: "statement facts missing",
    facts: { ...NO_CONT, hearingOn: d("2014-05-14") },
    on: "2014-05-05",
    outcome: "unknown",
    missing: ["statementReceivedOn"],
  },
  {
    name: "hearing date missing",
    facts: { ...NO_CONT, statementReceivedOn: d("2014-05-05") },
    on: "2014-05-05",
    outcome: "unknown",
    missing: ["hearingOn"],
  },
  // the continuance: effective 2013-07-01
  {
    name: "official's one continuance on the day § 61 takes effect: counts from the continued hearing",
    facts: {
      hearingOn: d("2013-07-10"),
      statementReceivedOn: d("2013-08-01"),
      continuanceGranted: true,
      continuanceRequestedBy: "issuing-authority",
      continuanceGoodCause: true,
      continuancesAlreadyGranted: 0,
      nextScheduledMeetingOn: d("2013-08-14"),
    },
    on: "2013-07-01",
    outcome: "no",
    hearingOn: "2013-08-14",
    continuancePermitted: true,
  },
  {
    name: "the same continuance the day before § 61: not permitted, counted from the original hearing",
    facts: {
      hearingOn: d("2013-07-10"),
      statementReceivedOn: d("2013-08-01"),
      continuanceGranted: true,
      continuanceRequestedBy: "issuing-authority",
      continuanceGoodCause: true,
      continuancesAlreadyGranted: 0,
      nextScheduledMeetingOn: d("2013-08-14"),
    },
    on: "2013-06-30",
    outcome: "yes",
    hearingOn: "2013-07-10",
    continuancePermitted: false,
  },
  {
    name: "a second continuance is not permitted",
    facts: {
      hearingOn: d("2014-03-12"),
      statementReceivedOn: d("2014-03-20"),
      continuanceGranted: true,
      continuanceRequestedBy: "issuing-authority",
      continuanceGoodCause: true,
      continuancesAlreadyGranted: 1,
      nextScheduledMeetingOn: d("2014-04-09"),
    },
    on: "2014-03-01",
    outcome: "yes",
    continuancePermitted: false,
  },
  {
    name: "no good cause",
    facts: {
      hearingOn: d("2014-03-12"),
      statementReceivedOn: d("2014-03-01"),
      continuanceGranted: true,
      continuanceRequestedBy: "issuing-authority",
      continuanceGoodCause: false,
      continuancesAlreadyGranted: 0,
      nextScheduledMeetingOn: d("2014-04-09"),
    },
    on: "2014-03-01",
    outcome: "no",
    continuancePermitted: false,
  },
  {
    name: "good cause not known",
    facts: {
      hearingOn: d("2014-03-12"),
      statementReceivedOn: d("2014-03-20"),
      continuanceGranted: true,
      continuanceRequestedBy: "issuing-authority",
      continuancesAlreadyGranted: 0,
      nextScheduledMeetingOn: d("2014-04-09"),
    },
    on: "2014-03-01",
    outcome: "unknown",
    missing: ["continuanceGoodCause"],
  },
  {
    name: "appellant's continuance moves the hearing",
    facts: {
      hearingOn: d("2014-03-12"),
      statementReceivedOn: d("2014-03-20"),
      continuanceGranted: true,
      continuanceRequestedBy: "appellant",
      nextScheduledMeetingOn: d("2014-04-09"),
    },
    on: "2014-03-01",
    outcome: "no",
    hearingOn: "2014-04-09",
  },
  {
    name: "whether a continuance was granted is not known",
    facts: { hearingOn: d("2014-03-12"), statementReceivedOn: d("2014-03-01") },
    on: "2014-03-01",
    outcome: "unknown",
    missing: ["continuanceGranted"],
  },
  {
    name: "never provided, hearing long past",
    facts: { ...NO_CONT, hearingOn: d("2013-05-01"), statementProvided: false },
    on: "2013-06-01",
    outcome: "yes",
  },
];

for (const r of rows) {
  test(`appeal-hearing: ${r.name}`, () => {
    const a = appealHearing.decide(r.facts, d(r.on));
    assert.equal(a.outcome, r.outcome, JSON.stringify(a.findings, null, 1));
    if (r.hearingOn !== undefined) assert.equal(a.result.hearingOn, r.hearingOn);
    if (r.statementDueBy !== undefined) assert.equal(a.result.statementDueBy, r.statementDueBy);
    if (r.continuancePermitted !== undefined) assert.equal(a.result.continuancePermitted, r.continuancePermitted);
    if (r.missing) assert.deepEqual([...new Set(a.findings.flatMap((f) => f.missing ?? []))].sort(), r.missing);
  });
}

test("appeal-hearing: the day before 2013-04-04 is refused", () => {
  assert.throws(() => appealHearing.decide(appealHearing.example, d("2013-04-03")), NotInForce);
  assert.equal(appealHearing.decide(appealHearing.example, d("2013-04-04")).outcome, "yes");
});

test("fixtures fall where the names say", () => {
  assert.equal(weekday(d("2014-05-04")), 0);
  assert.ok(isLegalHoliday(d("2014-07-04")));
  assert.equal(statementDueBy({ hearingOn: d("2014-05-14") }), "2014-05-04");
});

test("boardSeats: seven before 2013-07-01, nine from it", () => {
  assert.equal(boardSeats(d("2013-06-30")), 7);
  assert.equal(boardSeats(d("2013-07-01")), 9);
  assert.throws(() => boardSeats(d("2013-04-03")), NotInForce);
});

test("appeal-hearing: a statement received 10 or more days before never gives relief; fewer always does", () => {
  fc.assert(
    fc.property(arbDate("2013-07-01", "2030-12-31"), fc.integer({ min: -5, max: 40 }), (hearingOn, before) => {
      const a = appealHearing.decide(
        { ...NO_CONT, hearingOn, statementReceivedOn: addDays(hearingOn, -before) },
        hearingOn,
      );
      assert.equal(a.outcome, before >= 10 ? "no" : "yes");
    }),
  );
});

const arbFacts: fc.Arbitrary<AppealHearingFacts> = fc
  .record({
    hearingOn: opt(arbDate("2013-04-04", "2016-12-31")),
    statement: opt(fc.option(arbDate("2013-03-01", "2016-12-31"))),
    continuanceGranted: opt(fc.boolean()),
    continuanceRequestedBy: opt(
      fc.constantFrom("issuing-authority", "appellant") as fc.Arbitrary<"issuing-authority" | "appellant">,
    ),
    continuanceGoodCause: opt(fc.boolean()),
    continuancesAlreadyGranted: opt(fc.integer({ min: 0, max: 2 })),
    nextScheduledMeetingOn: opt(arbDate("2013-04-04", "2016-12-31")),
  })
  .map((g) =>
    compact<AppealHearingFacts>({
      hearingOn: g.hearingOn,
      statementProvided: g.statement === null ? false : g.statement === undefined ? undefined : true,
      statementReceivedOn: g.statement ?? undefined,
      continuanceGranted: g.continuanceGranted,
      continuanceRequestedBy: g.continuanceRequestedBy,
      continuanceGoodCause: g.continuanceGoodCause,
      continuancesAlreadyGranted: g.continuancesAlreadyGranted,
      nextScheduledMeetingOn: g.nextScheduledMeetingOn,
    }),
  );

test("appeal-hearing: properties", () => {
  checkQuestionLaws(appealHearing, arbFacts, arbDate("2013-04-04", "2016-12-31"));
});
