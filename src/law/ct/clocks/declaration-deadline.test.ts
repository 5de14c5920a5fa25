import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { plainDate, weekday, type PlainDate } from "../../core/dates.ts";
import { isLegalHoliday } from "../../core/calendar.ts";
import { NotInForce } from "../../core/rules.ts";
import { declarationDeadline } from "./declaration-deadline.ts";
import type { DeclarationFacts } from "./declaration-facts.ts";
import { revokedCertificateSurrenderDueOn } from "./revoked-certificate-surrender.ts";
import { arbDate, checkQuestionLaws, compact, opt } from "./testkit.ts";

const d = plainDate;

/** Every circumstance answered "no", so a single "yes" decides. */
const NONE = {
  lawfullyPossessedBeforeCutoff: false,
  outOfStateServiceMember: false,
  transferredServiceMember: false,
  movedIntoState: false,
  inherited: false,
  heldCertificateBeforeApril2013: false,
} satisfies DeclarationFacts;

const LCM = (f: DeclarationFacts): DeclarationFacts => ({ ...NONE, item: "large-capacity-magazine", ...f });
const AW = (f: DeclarationFacts): DeclarationFacts => ({ ...NONE, item: "assault-weapon", ...f });

interface Row {
  name: string;
  facts: DeclarationFacts;
  on: string;
  outcome: "yes" | "no" | "unknown";
  deadline?: string | null;
  missing?: string[];
}

const rows: Row[] = [
  // general deadline, both sides of the effective date and of the deadline
  {
    name: "LCM possessor on the bill's effective date",
    facts: LCM({ lawfullyPossessedBeforeCutoff: true }),
    on: "2013-04-04",
    outcome: "yes",
    deadline: "2014-01-01",
  },
  {
    name: "LCM possessor the day before the deadline",
    facts: LCM({ lawfullyPossessedBeforeCutoff: true }),
    on: "2013-12-31",
    outcome: "yes",
    deadline: "2014-01-01",
  },
  {
    name: "LCM possessor on the deadline (a legal holiday, not extended)",
    facts: LCM({ lawfullyPossessedBeforeCutoff: true }),
    on: "2014-01-01",
    outcome: "yes",
    deadline: "2014-01-01",
  },
  {
    name: "LCM possessor the day after the deadline",
    facts: LCM({ lawfullyPossessedBeforeCutoff: true }),
    on: "2014-01-02",
    outcome: "no",
    deadline: null,
  },
  {
    name: "AW possessor, eligible, on the deadline",
    facts: AW({ lawfullyPossessedBeforeCutoff: true, eligibleForCertificate: true }),
    on: "2014-01-01",
    outcome: "yes",
    deadline: "2014-01-01",
  },
  {
    name: "AW possessor, not eligible for a certificate",
    facts: AW({ lawfullyPossessedBeforeCutoff: true, eligibleForCertificate: false }),
    on: "2013-06-01",
    outcome: "no",
  },
  {
    name: "AW possessor, eligibility not known",
    facts: AW({ lawfullyPossessedBeforeCutoff: true }),
    on: "2013-06-01",
    outcome: "unknown",
    missing: ["eligibleForCertificate"],
  },
  { name: "no circumstance applies", facts: LCM({}), on: "2013-06-01", outcome: "no" },
  {
    name: "item not known",
    facts: { lawfullyPossessedBeforeCutoff: true },
    on: "2013-06-01",
    outcome: "unknown",
    missing: ["item"],
  },
  { name: "nothing known", facts: {}, on: "2013-06-01", outcome: "unknown" },
  // service members away on duty: 90 days after return, landing on Independence Day (not extended)
  {
    name: "service member returned 2014-04-05: last day 2014-07-04",
    facts: LCM({ outOfStateServiceMember: true, returnedToStateOn: d("2014-04-05") }),
    on: "2014-07-04",
    outcome: "yes",
    deadline: "2014-07-04",
  },
  {
    name: "service member returned 2014-04-05: day after",
    facts: LCM({ outOfStateServiceMember: true, returnedToStateOn: d("2014-04-05") }),
    on: "2014-07-05",
    outcome: "no",
  },
  {
    name: "service member still away",
    facts: AW({ outOfStateServiceMember: true, stillOnOutOfStateDuty: true }),
    on: "2015-01-01",
    outcome: "yes",
    deadline: null,
  },
  {
    name: "service member, return date not known",
    facts: AW({ outOfStateServiceMember: true }),
    on: "2015-01-01",
    outcome: "unknown",
    missing: ["returnedToStateOn"],
  },
  // transferred service members
  {
    name: "LCM transfer arriving 2013-12-31 uses the general deadline",
    facts: LCM({ transferredServiceMember: true, transferredInOn: d("2013-12-31") }),
    on: "2014-02-01",
    outcome: "no",
  },
  {
    name: "LCM transfer arriving 2014-01-01 (QUESTION(legal): on or after)",
    facts: LCM({ transferredServiceMember: true, transferredInOn: d("2014-01-01") }),
    on: "2014-04-01",
    outcome: "yes",
    deadline: "2014-04-01",
  },
  {
    name: "LCM transfer arriving 2014-01-01, day after window",
    facts: LCM({ transferredServiceMember: true, transferredInOn: d("2014-01-01") }),
    on: "2014-04-02",
    outcome: "no",
  },
  {
    name: "AW transfer arriving 2013-05-01",
    facts: AW({ transferredServiceMember: true, transferredInOn: d("2013-05-01") }),
    on: "2013-07-30",
    outcome: "yes",
    deadline: "2013-07-30",
  },
  // movers
  {
    name: "mover 2014-02-01: last day 2014-05-02",
    facts: LCM({ movedIntoState: true, movedIntoStateOn: d("2014-02-01") }),
    on: "2014-05-02",
    outcome: "yes",
    deadline: "2014-05-02",
  },
  {
    name: "mover 2014-02-01: day after",
    facts: LCM({ movedIntoState: true, movedIntoStateOn: d("2014-02-01") }),
    on: "2014-05-03",
    outcome: "no",
  },
  {
    name: "mover date implies the move",
    facts: { ...AW({}), movedIntoState: undefined, movedIntoStateOn: d("2015-03-01") },
    on: "2015-03-02",
    outcome: "yes",
    deadline: "2015-05-30",
  },
  // heirs: last day a Saturday, not moved
  {
    name: "AW heir 2014-06-01: last day Saturday 2014-08-30",
    facts: AW({ inherited: true, inheritedOn: d("2014-06-01") }),
    on: "2014-08-30",
    outcome: "yes",
    deadline: "2014-08-30",
  },
  {
    name: "AW heir 2014-06-01: Monday after (Labor Day)",
    facts: AW({ inherited: true, inheritedOn: d("2014-06-01") }),
    on: "2014-09-01",
    outcome: "no",
  },
  {
    name: "LCM heir: no window in the text, a person must look",
    facts: LCM({ inherited: true, inheritedOn: d("2014-06-01") }),
    on: "2014-06-02",
    outcome: "unknown",
  },
  // earlier certificate
  {
    name: "AW certificate before 2013-04-04 is deemed",
    facts: AW({ heldCertificateBeforeApril2013: true }),
    on: "2020-01-01",
    outcome: "yes",
    deadline: null,
  },
  // two routes open: the later deadline is the one that matters
  {
    name: "possessor who moved in 2013-12-01: later of 2014-01-01 and 2014-03-01",
    facts: LCM({ lawfullyPossessedBeforeCutoff: true, movedIntoState: true, movedIntoStateOn: d("2013-12-01") }),
    on: "2013-12-15",
    outcome: "yes",
    deadline: "2014-03-01",
  },
];

for (const r of rows) {
  test(`declaration-deadline: ${r.name}`, () => {
    const a = declarationDeadline.decide(r.facts, d(r.on));
    assert.equal(a.outcome, r.outcome, JSON.stringify(a.findings, null, 1));
    if (r.deadline !== undefined) assert.equal(a.result.deadline, r.deadline);
    if (r.missing) assert.deepEqual([...new Set(a.findings.flatMap((f) => f.missing ?? []))].sort(), r.missing);
  });
}

test("declaration-deadline: the day before the bill took effect there is no duty yet (issue 10, item 3)", () => {
  const a = declarationDeadline.decide(LCM({ lawfullyPossessedBeforeCutoff: true }), d("2013-04-03"));
  assert.equal(a.outcome, "no");
  assert.equal(a.result.dutyStartsOn, "2013-04-04");
  assert.match(a.findings[0]!.because, /no duty on 2013-04-03: .* starts on 2013-04-04/);
  const b = declarationDeadline.decide(LCM({ lawfullyPossessedBeforeCutoff: true }), d("2013-04-04"));
  assert.equal(b.outcome, "yes");
  assert.equal(b.result.dutyStartsOn, null);
});

test("declaration-deadline: due date, citation and penalty for movers, heirs and service members", () => {
  const mover = declarationDeadline.decide(
    AW({ movedIntoState: true, movedIntoStateOn: d("2014-03-01") }),
    d("2014-05-30"),
  );
  assert.equal(mover.result.deadline, "2014-05-30");
  assert.match(mover.result.deadlineCitation ?? "", /PA 13-3 §§ 25-31/);
  assert.match(
    mover.result.penaltyIfMissed?.penalty ?? "",
    /class D felony, with a mandatory minimum one-year prison term/,
  );
  assert.equal(
    declarationDeadline.decide(AW({ movedIntoState: true, movedIntoStateOn: d("2014-03-01") }), d("2014-05-31"))
      .outcome,
    "no",
  );
  const heir = declarationDeadline.decide(AW({ inherited: true, inheritedOn: d("2014-06-01") }), d("2014-08-30"));
  assert.equal(heir.result.deadline, "2014-08-30");
  assert.ok(heir.result.deadlineCitation);
  const soldier = declarationDeadline.decide(
    LCM({ outOfStateServiceMember: true, stillOnOutOfStateDuty: false, returnedToStateOn: d("2014-04-05") }),
    d("2014-07-04"),
  );
  assert.equal(soldier.result.deadline, "2014-07-04");
  assert.match(soldier.result.penaltyIfMissed?.penalty ?? "", /\$90/);
  assert.match(soldier.result.deadlineCitation ?? "", /§§ 23-24/);
});

test('declaration-deadline: "none of these" answers the special routes for an ordinary person', () => {
  const ordinary: DeclarationFacts = { item: "large-capacity-magazine", lawfullyPossessedBeforeCutoff: true };
  assert.equal(declarationDeadline.decide(ordinary, d("2014-01-02")).outcome, "unknown");
  const none = declarationDeadline.decide({ ...ordinary, specialCircumstances: "none" }, d("2014-01-02"));
  assert.equal(none.outcome, "no");
  assert.equal(
    declarationDeadline.decide({ ...ordinary, specialCircumstances: "none" }, d("2014-01-01")).outcome,
    "yes",
  );
  const conflict = declarationDeadline.facts.safeParse({ ...ordinary, specialCircumstances: "none", inherited: true });
  assert.equal(conflict.success, false);
  assert.deepEqual(conflict.error?.issues[0]?.path, ["inherited"]);
});

test("declaration-deadline: daysLeft counts calendar days to the deadline", () => {
  const a = declarationDeadline.decide(LCM({ lawfullyPossessedBeforeCutoff: true }), d("2013-12-25"));
  assert.equal(a.result.daysLeft, 7);
});

test("declaration-deadline: the example is answered", () => {
  assert.equal(declarationDeadline.decide(declarationDeadline.example, d("2013-10-01")).outcome, "yes");
});

// revoked certificate surrender: five calendar days, not moved off weekends or holidays
const surrender: [string, string | null][] = [
  ["2013-06-30", null], // before §§ 2-7 took effect: refused
  ["2013-07-01", "2013-07-06"], // Saturday
  ["2013-12-20", "2013-12-25"], // Christmas Day
  ["2014-02-27", "2014-03-04"], // across the end of February
  ["2016-02-26", "2016-03-02"], // leap year
];
for (const [notifiedOn, due] of surrender) {
  test(`revokedCertificateSurrenderDueOn(${notifiedOn})`, () => {
    if (due === null) assert.throws(() => revokedCertificateSurrenderDueOn({ notifiedOn: d(notifiedOn) }), NotInForce);
    else assert.equal(revokedCertificateSurrenderDueOn({ notifiedOn: d(notifiedOn) }), due);
  });
}

test("calendar-day clocks land on weekends and holidays unchanged (sanity of the chosen fixtures)", () => {
  assert.equal(weekday(d("2013-07-06")), 6);
  assert.ok(isLegalHoliday(d("2013-12-25")));
  assert.ok(isLegalHoliday(d("2014-07-04")));
  assert.ok(isLegalHoliday(d("2014-01-01")));
});

const arbFacts: fc.Arbitrary<DeclarationFacts> = fc
  .record({
    item: opt(
      fc.constantFrom("large-capacity-magazine", "assault-weapon") as fc.Arbitrary<
        "large-capacity-magazine" | "assault-weapon"
      >,
    ),
    lawfullyPossessedBeforeCutoff: opt(fc.boolean()),
    eligibleForCertificate: opt(fc.boolean()),
    away: opt(fc.oneof(fc.constant("still" as const), arbDate("2013-04-04", "2016-12-31"))),
    transferredInOn: opt(fc.option(arbDate("2013-01-01", "2016-12-31"))),
    movedIntoStateOn: opt(fc.option(arbDate("2013-01-01", "2016-12-31"))),
    inheritedOn: opt(fc.option(arbDate("2013-04-04", "2016-12-31"))),
    heldCertificateBeforeApril2013: opt(fc.boolean()),
    none: fc.boolean(),
  })
  .map((g) =>
    compact<DeclarationFacts>({
      // "none of these" only when no special route is given as true (the schema refuses that).
      specialCircumstances:
        g.none &&
        g.away === undefined &&
        !g.transferredInOn &&
        !g.movedIntoStateOn &&
        !g.inheritedOn &&
        g.heldCertificateBeforeApril2013 !== true
          ? "none"
          : undefined,
      item: g.item,
      lawfullyPossessedBeforeCutoff: g.lawfullyPossessedBeforeCutoff,
      eligibleForCertificate: g.eligibleForCertificate,
      outOfStateServiceMember: g.away === undefined ? undefined : true,
      stillOnOutOfStateDuty: g.away === "still" ? true : undefined,
      returnedToStateOn: g.away !== undefined && g.away !== "still" ? g.away : undefined,
      transferredServiceMember: g.transferredInOn === undefined ? undefined : g.transferredInOn !== null,
      transferredInOn: g.transferredInOn ?? undefined,
      movedIntoState: g.movedIntoStateOn === undefined ? undefined : g.movedIntoStateOn !== null,
      movedIntoStateOn: g.movedIntoStateOn ?? undefined,
      inherited: g.inheritedOn === undefined ? undefined : g.inheritedOn !== null,
      inheritedOn: g.inheritedOn ?? undefined,
      heldCertificateBeforeApril2013: g.heldCertificateBeforeApril2013,
    }),
  );

test("declaration-deadline: properties (facts and date only; unknown never no; refuses early dates)", () => {
  checkQuestionLaws(declarationDeadline, arbFacts, arbDate("2013-04-04", "2017-12-31"));
});

test("declaration-deadline: an open route's deadline is never before the date asked", () => {
  fc.assert(
    fc.property(arbFacts, arbDate("2013-04-04", "2017-12-31"), (facts, on: PlainDate) => {
      const a = declarationDeadline.decide(facts, on);
      if (a.result.deadline) assert.ok(a.result.deadline >= on);
      if (a.outcome !== "yes") assert.equal(a.result.deadline, null);
    }),
  );
});
