import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { plainDate, weekday } from "../../core/dates.ts";
import { businessDaysBetween, isBusinessDay } from "../../core/calendar.ts";
import { NotInForce } from "../../core/rules.ts";
import { arbDate, checkQuestionLaws, compact, opt } from "../clocks/testkit.ts";
import { TABLE_1, parseStatute } from "./deadly-weapon-offenses.ts";
import { deadlyWeaponOffense, type DeadlyWeaponOffenseFacts } from "./deadly-weapon-offense.ts";
import { offenderRegistration, type OffenderRegistrationFacts } from "./offender-registration.ts";
import { registrationDueOn } from "./registration-due.ts";
import { registrationEndsOn } from "./registration-term.ts";
import { annualUpdateWindow, updateWindows, findNextUpdateWindow } from "./annual-update.ts";
import { addressChangeDueOn, nameChangeDueOn } from "./name-address-change.ts";
import { suspensionPermitted } from "./suspension.ts";

const d = plainDate;

// ---- deadly-weapon-offense ----

const offenseRows: {
  name: string;
  facts: DeadlyWeaponOffenseFacts;
  outcome: "yes" | "no" | "unknown";
  basis?: string | null;
  missing?: string[];
}[] = [
  { name: "criminal possession of a handgun", facts: { statute: "53a-217c" }, outcome: "yes", basis: "table-1" },
  { name: "CGS § 29-33(c) written in full", facts: { statute: "CGS § 29-33(c)" }, outcome: "yes", basis: "table-1" },
  {
    name: "29-33 with subsection given apart",
    facts: { statute: "29-33", subsection: "i" },
    outcome: "yes",
    basis: "table-1",
  },
  {
    name: "29-33(f) is not listed; not a felony",
    facts: { statute: "29-33(f)", isFelony: false },
    outcome: "no",
    basis: null,
  },
  {
    name: "29-33 without a subsection",
    facts: { statute: "29-33", isFelony: false },
    outcome: "unknown",
    missing: ["subsection"],
  },
  {
    name: "29-33 without a subsection, but a felony with a firearm finding",
    facts: { statute: "29-33", isFelony: true, courtFoundFirearm: true },
    outcome: "yes",
    basis: "felony-with-firearm-finding",
  },
  { name: "53-202(c) machine gun", facts: { statute: "53-202(c)" }, outcome: "yes" },
  {
    name: "53-202(a) not listed, facts of the catch-all missing",
    facts: { statute: "53-202(a)" },
    outcome: "unknown",
    missing: ["courtFoundFirearm", "isFelony"],
  },
  { name: "53-202g second violation", facts: { statute: "53-202g", secondOrSubsequent: true }, outcome: "yes" },
  {
    name: "53-202g first violation, not a felony",
    facts: { statute: "53-202g", secondOrSubsequent: false, isFelony: false },
    outcome: "no",
  },
  {
    name: "53-202g, repeat not known",
    facts: { statute: "53-202g", isFelony: false },
    outcome: "unknown",
    missing: ["secondOrSubsequent"],
  },
  {
    name: "assault 1st (not listed) with a firearm finding",
    facts: { statute: "53a-59", isFelony: true, courtFoundFirearm: true },
    outcome: "yes",
    basis: "felony-with-firearm-finding",
  },
  {
    name: "assault 1st (not listed), no firearm finding",
    facts: { statute: "53a-59", isFelony: true, courtFoundFirearm: false },
    outcome: "no",
  },
  { name: "misdemeanor not listed", facts: { statute: "53a-61", isFelony: false }, outcome: "no" },
  {
    name: "statute not known, felony with finding",
    facts: { isFelony: true, courtFoundFirearm: true },
    outcome: "yes",
    basis: "felony-with-firearm-finding",
  },
  { name: "nothing known", facts: {}, outcome: "unknown" },
  {
    name: "not a statute number",
    facts: { statute: "robbery", isFelony: false },
    outcome: "unknown",
    missing: ["statute"],
  },
];
for (const r of offenseRows) {
  test(`deadly-weapon-offense: ${r.name}`, () => {
    const a = deadlyWeaponOffense.decide(r.facts, d("2014-06-01"));
    assert.equal(a.outcome, r.outcome);
    if (r.basis !== undefined) assert.equal(a.result.basis, r.basis);
    if (r.missing) assert.deepEqual([...new Set(a.findings.flatMap((f) => f.missing ?? []))].sort(), r.missing);
  });
}

test("deadly-weapon-offense: every Table 1 row is found (with its subsection or repeat)", () => {
  assert.equal(TABLE_1.length, 44);
  for (const e of TABLE_1) {
    for (const sub of e.subsections ?? [undefined]) {
      const facts = {
        statute: e.statute,
        ...(sub ? { subsection: sub } : {}),
        ...(e.secondOrSubsequent ? { secondOrSubsequent: true } : {}),
      };
      const a = deadlyWeaponOffense.decide(facts, d("2014-01-01"));
      assert.equal(a.outcome, "yes", JSON.stringify(facts));
      assert.equal(a.result.basis, "table-1");
    }
  }
});

test("deadly-weapon-offense: the day before the registry's effective date is refused, the day of is answered", () => {
  assert.throws(() => deadlyWeaponOffense.decide({ statute: "53a-217c" }, d("2013-12-31")), NotInForce);
  assert.equal(deadlyWeaponOffense.decide({ statute: "53a-217c" }, d("2014-01-01")).outcome, "yes");
});

test("parseStatute", () => {
  assert.deepEqual(parseStatute("CGS § 53a-217c"), { statute: "53a-217c" });
  assert.deepEqual(parseStatute("29-33 (B)"), { statute: "29-33", subsection: "b" });
  assert.deepEqual(parseStatute("§ 2-1e(c)"), { statute: "2-1e", subsection: "c" });
  assert.equal(parseStatute("robbery"), undefined);
});

const arbStatute = fc.oneof(
  fc.constantFrom(...TABLE_1.map((e) => e.statute)),
  fc.constantFrom("53a-59", "53a-61", "53a-134", "21a-279"),
  fc.constantFrom("29-33(a)", "29-33(f)", "53-202(b)", "53-202(a)", "not a statute"),
);
const arbOffense: fc.Arbitrary<DeadlyWeaponOffenseFacts> = fc
  .record({
    statute: opt(arbStatute),
    subsection: opt(fc.constantFrom("a", "b", "c", "e", "g", "i", "z")),
    secondOrSubsequent: opt(fc.boolean()),
    isFelony: opt(fc.boolean()),
    courtFoundFirearm: opt(fc.boolean()),
  })
  .map((o) => compact(o));

test("deadly-weapon-offense: properties", () => {
  checkQuestionLaws(deadlyWeaponOffense, arbOffense, arbDate("2014-01-01", "2020-12-31"));
});

// ---- registration clocks ----

const dueRows: [string, boolean, string | null][] = [
  ["2013-12-31", false, null], // released the day before the registry: no duty
  ["2014-01-01", false, "2014-01-15"],
  ["2014-12-20", false, "2015-01-03"], // a Saturday: calendar days, not moved
  ["2014-12-11", false, "2014-12-25"], // Christmas Day: not moved
  ["2014-05-01", true, "2014-05-01"], // DOC custody: before release
];
for (const [releasedOn, doc, due] of dueRows) {
  test(`registrationDueOn(${releasedOn}${doc ? ", DOC custody" : ""}) = ${due}`, () => {
    assert.equal(registrationDueOn({ releasedOn: d(releasedOn), fromDocCustody: doc }), due);
  });
}

const changeRows: [string, string, string][] = [
  ["2014-01-01", "2014-01-08", "New Year's Day change: Thu 2, Fri 3, Mon 6, Tue 7, Wed 8"],
  ["2014-01-17", "2014-01-27", "Friday before Martin Luther King Jr. Day"],
  ["2014-02-11", "2014-02-20", "Lincoln's Birthday and Washington's Birthday skipped"],
  ["2014-04-16", "2014-04-24", "Good Friday skipped"],
  ["2014-07-05", "2014-07-11", "a Saturday change"],
  ["2014-12-23", "2014-12-31", "Christmas skipped"],
  ["2015-12-29", "2016-01-06", "New Year's Day skipped across the year end"],
  ["2017-12-29", "2018-01-08", "New Year's Day on a Monday"],
];
for (const [changedOn, due, why] of changeRows) {
  test(`addressChangeDueOn(${changedOn}) = ${due} (${why})`, () => {
    assert.equal(addressChangeDueOn({ changedOn: d(changedOn) }), due);
    assert.equal(nameChangeDueOn({ changedOn: d(changedOn) }), due);
    assert.ok(isBusinessDay(d(due)));
  });
}
test("addressChangeDueOn refuses a change before 2014-01-01", () => {
  assert.throws(() => addressChangeDueOn({ changedOn: d("2013-12-31") }), NotInForce);
});
test("addressChangeDueOn: always a business day, exactly 5 business days after, 5 to 11 calendar days", () => {
  fc.assert(
    fc.property(arbDate("2014-01-01", "2030-12-31"), (changedOn) => {
      const due = addressChangeDueOn({ changedOn });
      assert.ok(isBusinessDay(due) && weekday(due) !== 0 && weekday(due) !== 6);
      assert.ok(due > changedOn);
      assert.equal(businessDaysBetween(changedOn, due), 5);
      const days = (Date.parse(due) - Date.parse(changedOn)) / 86400000;
      assert.ok(days >= 5 && days <= 11, `${changedOn} -> ${due}`);
    }),
  );
});

test("registrationEndsOn: the day before the fifth anniversary; 29 February", () => {
  assert.equal(registrationEndsOn({ initialRegistrationOn: d("2014-03-03") }), "2019-03-02");
  assert.equal(registrationEndsOn({ initialRegistrationOn: d("2016-02-29") }), "2021-02-28");
  assert.throws(() => registrationEndsOn({ initialRegistrationOn: d("2013-12-31") }), NotInForce);
});

test("annualUpdateWindow: opens on the anniversary, closes 20 days after; notice 30 days before; report within 30", () => {
  assert.deepEqual(annualUpdateWindow({ initialRegistrationOn: d("2014-03-03"), year: 1 }), {
    year: 1,
    anniversary: "2015-03-03",
    opensOn: "2015-03-03",
    closesOn: "2015-03-23",
    noticeMailBy: "2015-02-01",
    appearanceReportDueBy: "2015-04-02",
    deferred: false,
  });
  const deferred = annualUpdateWindow({ initialRegistrationOn: d("2014-03-03"), year: 1, deferredTo: d("2015-04-15") });
  assert.equal(deferred.closesOn, "2015-04-15");
  assert.equal(deferred.deferred, true);
  const leap = annualUpdateWindow({ initialRegistrationOn: d("2016-02-29"), year: 1 });
  assert.equal(leap.anniversary, "2017-03-01");
  assert.equal(leap.closesOn, "2017-03-21");
  assert.equal(annualUpdateWindow({ initialRegistrationOn: d("2016-02-29"), year: 4 }).anniversary, "2020-02-29");
  assert.equal(updateWindows({ initialRegistrationOn: d("2014-03-03") }).length, 4);
  assert.equal(findNextUpdateWindow({ initialRegistrationOn: d("2014-03-03"), on: d("2015-03-24") })!.year, 2);
  assert.equal(findNextUpdateWindow({ initialRegistrationOn: d("2014-03-03"), on: d("2018-03-24") }), undefined);
});

test("suspensionPermitted", () => {
  assert.equal(suspensionPermitted({ incarcerated: true }).status, "met");
  assert.equal(suspensionPermitted({ livingOutOfState: true, incarcerated: false }).status, "met");
  assert.equal(
    suspensionPermitted({ incarcerated: false, underCivilCommitment: false, livingOutOfState: false }).status,
    "not-met",
  );
  assert.deepEqual(suspensionPermitted({ incarcerated: false }).missing, ["underCivilCommitment", "livingOutOfState"]);
});

// ---- offender-registration ----

const base: OffenderRegistrationFacts = {
  deadlyWeaponOffense: true,
  disposition: "convicted",
  releasedIntoCommunityOn: d("2014-03-03"),
  registered: false,
};
const regRows: {
  name: string;
  facts: OffenderRegistrationFacts;
  on: string;
  outcome: "yes" | "no" | "unknown";
  check?: (r: ReturnType<typeof offenderRegistration.decide>["result"]) => void;
}[] = [
  {
    name: "released on the registry's first day: due 14 days later",
    facts: { ...base, releasedIntoCommunityOn: d("2014-01-01") },
    on: "2014-01-01",
    outcome: "yes",
    check: (r) => assert.equal(r.registrationDueOn, "2014-01-15"),
  },
  {
    name: "released the day before the registry: not required",
    facts: { ...base, releasedIntoCommunityOn: d("2013-12-31") },
    on: "2014-01-01",
    outcome: "no",
    check: (r) => assert.equal(r.mustRegister, false),
  },
  {
    name: "not guilty by reason of mental disease or defect",
    facts: { ...base, disposition: "not-guilty-by-reason-of-mental-disease-or-defect" },
    on: "2014-03-05",
    outcome: "yes",
  },
  { name: "acquitted", facts: { ...base, disposition: "other" }, on: "2014-03-05", outcome: "no" },
  {
    name: "DOC custody: before release",
    facts: { ...base, fromDocCustody: true },
    on: "2014-02-01",
    outcome: "yes",
    check: (r) => {
      assert.equal(r.registrationDueOn, "2014-03-03");
      assert.equal(r.registerBeforeRelease, true);
    },
  },
  {
    name: "offense decided from its statute",
    facts: { ...base, deadlyWeaponOffense: undefined, offense: { statute: "53a-212" } },
    on: "2014-03-05",
    outcome: "yes",
  },
  {
    name: "offense needs a subsection",
    facts: { ...base, deadlyWeaponOffense: undefined, offense: { statute: "29-33", isFelony: false } },
    on: "2014-03-05",
    outcome: "unknown",
  },
  { name: "disposition not known", facts: { ...base, disposition: undefined }, on: "2014-03-05", outcome: "unknown" },
  {
    name: "registered: last day of the term",
    facts: { ...base, registered: true, initialRegistrationOn: d("2014-03-10") },
    on: "2019-03-09",
    outcome: "yes",
    check: (r) => assert.equal(r.registrationEndsOn, "2019-03-09"),
  },
  {
    name: "registered: the day after the term",
    facts: { ...base, registered: true, initialRegistrationOn: d("2014-03-10") },
    on: "2019-03-10",
    outcome: "no",
  },
  {
    name: "registered, date not known, asked by 2018-12-31: no registration's five years can have ended",
    facts: { ...base, registered: true },
    on: "2018-12-31",
    outcome: "yes",
  },
  {
    name: "registered, date not known, asked 2019-01-01",
    facts: { ...base, registered: true },
    on: "2019-01-01",
    outcome: "unknown",
  },
  {
    name: "next update window and deferral",
    facts: { ...base, registered: true, initialRegistrationOn: d("2014-03-10"), updateDeferredTo: d("2015-04-20") },
    on: "2015-03-01",
    outcome: "yes",
    check: (r) => {
      assert.equal(r.nextUpdate!.anniversary, "2015-03-10");
      assert.equal(r.nextUpdate!.closesOn, "2015-04-20");
      assert.equal(r.nextUpdate!.noticeMailBy, "2015-02-08");
    },
  },
  {
    name: "incarcerated again: suspension permitted, term unchanged",
    facts: { ...base, registered: true, initialRegistrationOn: d("2014-03-10"), incarcerated: true },
    on: "2016-01-01",
    outcome: "yes",
    check: (r) => {
      assert.equal(r.suspensionPermitted, true);
      assert.equal(r.registrationEndsOn, "2019-03-09");
    },
  },
];
for (const r of regRows) {
  test(`offender-registration: ${r.name}`, () => {
    const a = offenderRegistration.decide(r.facts, d(r.on));
    assert.equal(a.outcome, r.outcome, JSON.stringify(a.findings, null, 1));
    r.check?.(a.result);
  });
}
test("offender-registration: before 2014-01-01 there is no duty (not a refusal)", () => {
  // Before the registry existed there was no duty (issue 10, item 3): no, with the start date and citation.
  const before = offenderRegistration.decide(base, d("2013-12-31"));
  assert.equal(before.outcome, "no");
  assert.equal(before.result.mustRegister, false);
  assert.equal(before.result.dutyStartsOn, "2014-01-01");
  assert.match(before.findings[0]!.because, /no duty on 2013-12-31: .* starts on 2014-01-01/);
  assert.equal(before.findings[0]!.source.section, "§§ 18-22");
  assert.equal(offenderRegistration.decide(base, d("2014-01-01")).result.dutyStartsOn, null);
});

const arbRegistration: fc.Arbitrary<OffenderRegistrationFacts> = fc
  .record({
    offense: opt(fc.oneof(fc.boolean(), arbOffense)),
    disposition: opt(
      fc.constantFrom("convicted", "not-guilty-by-reason-of-mental-disease-or-defect", "other") as fc.Arbitrary<
        OffenderRegistrationFacts["disposition"]
      >,
    ),
    releasedIntoCommunityOn: opt(arbDate("2012-01-01", "2022-12-31")),
    fromDocCustody: opt(fc.boolean()),
    registration: opt(fc.option(arbDate("2014-01-01", "2022-12-31"))),
    registeredFlagOnly: fc.boolean(),
    updateDeferredTo: opt(arbDate("2014-01-01", "2024-12-31")),
    incarcerated: opt(fc.boolean()),
    underCivilCommitment: opt(fc.boolean()),
    livingOutOfState: opt(fc.boolean()),
  })
  .map((g) =>
    compact<OffenderRegistrationFacts>({
      deadlyWeaponOffense: typeof g.offense === "boolean" ? g.offense : undefined,
      offense: typeof g.offense === "object" ? g.offense : undefined,
      disposition: g.disposition,
      releasedIntoCommunityOn: g.releasedIntoCommunityOn,
      fromDocCustody: g.fromDocCustody,
      registered: g.registration === undefined ? undefined : g.registration !== null,
      initialRegistrationOn: g.registration && !g.registeredFlagOnly ? g.registration : undefined,
      updateDeferredTo: g.updateDeferredTo,
      incarcerated: g.incarcerated,
      underCivilCommitment: g.underCivilCommitment,
      livingOutOfState: g.livingOutOfState,
    }),
  );

test("offender-registration: properties", () => {
  checkQuestionLaws(offenderRegistration, arbRegistration, arbDate("2014-01-01", "2024-12-31"));
});
