/** Property-based tests of `credential-eligibility` over random facts and dates (fast-check). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { type PlainDate, fromEpochDay, toEpochDay } from "../../core/dates.ts";
import type { Outcome } from "../../core/rules.ts";
import { credentialEligibility } from "./eligibility.ts";
import { type CredentialEvent, CredentialFacts } from "./facts.ts";
import { CREDENTIAL_KINDS } from "./kinds.ts";
import { LISTED_MISDEMEANORS } from "./listed-misdemeanor-conviction.ts";
import { d } from "./test-fixtures.ts";

const between = (from: string, to: string): fc.Arbitrary<PlainDate> =>
  fc.integer({ min: toEpochDay(d(from)), max: toEpochDay(d(to)) }).map(fromEpochDay);

/** Dates near the Act's effective dates are drawn more often. */
const eventDate = fc.oneof(between("1960-01-01", "2030-12-31"), between("2008-06-01", "2014-12-31"));
const checkDate = fc.oneof(
  between("2013-07-01", "2030-12-31"),
  between("2013-06-25", "2014-04-05").filter((x) => x >= "2013-07-01"),
);

const statute = fc.oneof(
  fc.constantFrom(...Object.keys(LISTED_MISDEMEANORS), "21a-279", "21a-279(a)", "53a-60", "14-227a", "NY 120.00"),
);

const event: fc.Arbitrary<CredentialEvent> = fc.oneof(
  fc.record(
    {
      kind: fc.constant("conviction" as const),
      statute,
      felony: fc.boolean(),
      offenseDate: eventDate,
      convictionDate: eventDate,
      juvenile: fc.boolean(),
      seriousJuvenileOffense: fc.boolean(),
    },
    { requiredKeys: ["kind"], noNullPrototype: true },
  ),
  fc.record(
    { kind: fc.constant("probate-commitment" as const), date: eventDate },
    { requiredKeys: ["kind"], noNullPrototype: true },
  ),
  fc.record(
    { kind: fc.constant("voluntary-admission" as const), date: eventDate, solelyAlcoholOrDrug: fc.boolean() },
    { requiredKeys: ["kind"], noNullPrototype: true },
  ),
  fc.record(
    { kind: fc.constant("ngri-discharge" as const), date: eventDate },
    { requiredKeys: ["kind"], noNullPrototype: true },
  ),
  fc.record(
    {
      kind: fc.constantFrom("protective-order" as const, "restraining-order" as const, "foreign-order" as const),
      issuedOn: eventDate,
      expiresOn: eventDate,
      active: fc.boolean(),
    },
    { requiredKeys: ["kind"], noNullPrototype: true },
  ),
  fc.record(
    { kind: fc.constant("firearms-seizure-order" as const), date: eventDate, active: fc.boolean() },
    { requiredKeys: ["kind"], noNullPrototype: true },
  ),
  fc.record(
    {
      kind: fc.constant("federal-prohibitor" as const),
      category: fc.constantFrom("922(g)(1)", "922(g)(4)", "922(n)"),
      date: eventDate,
    },
    { requiredKeys: ["kind"], noNullPrototype: true },
  ),
);

/** Random facts, biased towards complete, clean applicants so that every outcome occurs. */
const facts: fc.Arbitrary<CredentialFacts> = fc.record(
  {
    credential: fc.constantFrom(...CREDENTIAL_KINDS),
    applicant: fc.record(
      {
        birthDate: between("1930-01-01", "2000-12-31"),
        residenceState: fc.constantFrom("CT", "CT", "CT", "NY"),
        residenceTown: fc.constantFrom("Hartford", "Stamford"),
        residenceIsPermanent: fc.boolean(),
        applicationTown: fc.constantFrom("Hartford", "Hartford", "Stamford"),
        placeOfBusinessTowns: fc.subarray(["Hartford", "Stamford"]),
        citizenOrLawfulResident: fc.constant(true),
      },
      { requiredKeys: [], noNullPrototype: true },
    ),
    attestedNoTemporaryPermitApplicationIn12Months: fc.boolean(),
    priorTemporaryPermitApplicationDates: fc.array(eventDate, { maxLength: 2 }),
    holdsTemporaryPermit: fc.boolean(),
    holdsOtherStateCarryPermit: fc.boolean(),
    backgroundCheckConsent: fc.constant(true),
    feePaid: fc.constant(true),
    recordsChecked: fc.boolean(),
    nics: fc.record(
      { status: fc.constantFrom("proceed" as const, "proceed" as const, "denied" as const, "delayed" as const) },
      { noNullPrototype: true },
    ),
    events: fc.array(event, { maxLength: 4 }),
  },
  { requiredKeys: ["credential"], noNullPrototype: true },
);

const rank: Record<Outcome, number> = { no: 0, unknown: 1, yes: 2 };
const RUNS = { numRuns: 1500 };

describe("credential-eligibility properties", () => {
  test("generated facts are valid facts for the question's schema", () => {
    fc.assert(
      fc.property(facts, (f) => CredentialFacts.safeParse(f).success),
      { numRuns: 300 },
    );
  });

  test("removing all events never makes an eligible person ineligible (nor any outcome worse)", () => {
    fc.assert(
      fc.property(facts, checkDate, (f, on) => {
        const before = credentialEligibility(f, on).outcome;
        const after = credentialEligibility({ ...f, events: [] }, on).outcome;
        if (before === "yes") assert.equal(after, "yes");
        assert.ok(rank[after] >= rank[before], `${before} became ${after}`);
      }),
      RUNS,
    );
  });

  test("unknown is never reported as 'no', and 'no' always names a disqualifier found from facts", () => {
    fc.assert(
      fc.property(facts, checkDate, (f, on) => {
        const a = credentialEligibility(f, on);
        const expected = { yes: true, no: false, unknown: null }[a.outcome];
        assert.equal(a.result.eligible, expected);
        if (a.outcome !== "no") assert.deepEqual(a.result.disqualifiers, []);
        if (a.outcome === "no") assert.ok(a.result.disqualifiers.length > 0);
        for (const finding of a.findings) {
          if (finding.status === "not-met")
            assert.equal(finding.missing, undefined, `${finding.id} is not-met but names missing facts`);
          if (finding.status === "unknown")
            assert.ok((finding.missing ?? []).length > 0, `${finding.id} is unknown without naming a missing fact`);
        }
      }),
      RUNS,
    );
  });

  test("removing a fact never turns a met requirement into a not-met one", () => {
    const removable = [
      "applicant",
      "holdsTemporaryPermit",
      "holdsOtherStateCarryPermit",
      "backgroundCheckConsent",
      "feePaid",
      "recordsChecked",
      "nics",
      "priorTemporaryPermitApplicationDates",
    ] as const;
    fc.assert(
      fc.property(facts, checkDate, fc.constantFrom(...removable), (f, on, key) => {
        const before = credentialEligibility(f, on);
        const { [key]: _removed, ...rest } = f;
        const after = credentialEligibility(rest as CredentialFacts, on);
        for (const finding of after.findings) {
          const was = before.findings.find((x) => x.id === finding.id)!;
          if (was.status === "met")
            assert.notEqual(finding.status, "not-met", `${finding.id}: removing ${key} made it not-met`);
        }
        if (before.outcome === "yes") assert.notEqual(after.outcome, "no");
      }),
      RUNS,
    );
  });

  test("removing one of the applicant's facts never turns yes into no, nor no into yes", () => {
    const keys = [
      "birthDate",
      "residenceState",
      "residenceTown",
      "residenceIsPermanent",
      "applicationTown",
      "placeOfBusinessTowns",
      "citizenOrLawfulResident",
    ] as const;
    fc.assert(
      fc.property(facts, checkDate, fc.constantFrom(...keys), (f, on, key) => {
        if (!f.applicant) return;
        const { [key]: _removed, ...applicant } = f.applicant;
        const partial = credentialEligibility({ ...f, applicant }, on).outcome;
        if (partial !== "unknown") assert.equal(credentialEligibility(f, on).outcome, partial);
      }),
      RUNS,
    );
  });

  test("the outcome depends only on the facts and the date (same input, same answer; input untouched; event order irrelevant)", () => {
    const deepFreeze = <T>(o: T): T => {
      if (o && typeof o === "object") {
        Object.values(o).forEach(deepFreeze);
        Object.freeze(o);
      }
      return o;
    };
    fc.assert(
      fc.property(facts, checkDate, (f, on) => {
        const copy = structuredClone(f);
        const first = credentialEligibility(deepFreeze(f), on);
        assert.deepEqual(f, copy, "the facts were not changed");
        assert.deepEqual(credentialEligibility(structuredClone(copy), on), first);
        const reversed = credentialEligibility({ ...copy, events: [...(copy.events ?? [])].reverse() }, on);
        assert.equal(reversed.outcome, first.outcome);
        assert.deepEqual(reversed.result, first.result);
      }),
      RUNS,
    );
  });

  test("every outcome occurs in the generated cases (the generator is not vacuous)", () => {
    const seen = new Set<Outcome>();
    fc.assert(
      fc.property(facts, checkDate, (f, on) => {
        seen.add(credentialEligibility(f, on).outcome);
      }),
      { numRuns: 2000, seed: 2013 },
    );
    assert.deepEqual([...seen].sort(), ["no", "unknown", "yes"]);
  });
});
