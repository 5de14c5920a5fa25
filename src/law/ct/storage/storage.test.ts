import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { plainDate } from "../../core/dates.ts";
import { NotInForce } from "../../core/rules.ts";
import { arbDate, checkQuestionLaws, compact, opt } from "../clocks/testkit.ts";
import { safeStorage } from "./safe-storage.ts";
import type { SafeStorageFacts } from "./storage-facts.ts";
import { and3, or3 } from "./storage-facts.ts";

const d = plainDate;
const HOME: SafeStorageFacts = {
  loaded: true,
  onPremisesUnderControl: true,
  minorLikelyToGainAccess: false,
  residentIneligible: false,
  residentPosesRisk: false,
};

interface Row {
  name: string;
  facts: SafeStorageFacts;
  on: string;
  outcome: "yes" | "no" | "unknown";
  required?: boolean | null;
  liable?: boolean | null;
  crime?: boolean | null;
  missing?: string[];
}

const rows: Row[] = [
  // the resident triggers start 2013-10-01: the day before and the day of
  {
    name: "ineligible resident, unsecured, the day before 2013-10-01",
    facts: { ...HOME, residentIneligible: true, storage: "other" },
    on: "2013-09-30",
    outcome: "yes",
    required: false,
  },
  {
    name: "ineligible resident, unsecured, on 2013-10-01",
    facts: { ...HOME, residentIneligible: true, storage: "other" },
    on: "2013-10-01",
    outcome: "no",
    required: true,
  },
  {
    name: "at-risk resident, unsecured, the day before",
    facts: { ...HOME, residentPosesRisk: true, storage: "other" },
    on: "2013-09-30",
    outcome: "yes",
  },
  {
    name: "at-risk resident, unsecured, the day of",
    facts: { ...HOME, residentPosesRisk: true, storage: "other" },
    on: "2013-10-01",
    outcome: "no",
  },
  {
    name: "minor likely to gain access (existing law), unsecured, before 2013-10-01",
    facts: { ...HOME, minorLikelyToGainAccess: true, storage: "other" },
    on: "2013-09-30",
    outcome: "no",
    required: true,
  },
  {
    name: "minor, locked container",
    facts: { ...HOME, minorLikelyToGainAccess: true, storage: "locked-container" },
    on: "2014-01-01",
    outcome: "yes",
  },
  {
    name: "minor, secure location",
    facts: { ...HOME, minorLikelyToGainAccess: true, storage: "secure-location" },
    on: "2014-01-01",
    outcome: "yes",
  },
  {
    name: "minor, carried or within reach",
    facts: { ...HOME, minorLikelyToGainAccess: true, storage: "carried-or-within-reach" },
    on: "2014-01-01",
    outcome: "yes",
  },
  {
    name: "unloaded firearm (the 2013 law covers loaded only)",
    facts: { ...HOME, loaded: false, minorLikelyToGainAccess: true, storage: "other" },
    on: "2014-01-01",
    outcome: "yes",
  },
  {
    name: "not on the person's premises",
    facts: { ...HOME, onPremisesUnderControl: false, minorLikelyToGainAccess: true, storage: "other" },
    on: "2014-01-01",
    outcome: "yes",
  },
  {
    name: "no trigger, unsecured",
    facts: { ...HOME, storage: "other" },
    on: "2014-01-01",
    outcome: "yes",
    required: false,
  },
  {
    name: "trigger not known, unsecured",
    facts: { loaded: true, onPremisesUnderControl: true, storage: "other" },
    on: "2014-01-01",
    outcome: "unknown",
    missing: ["minorLikelyToGainAccess", "residentIneligible", "residentPosesRisk"],
  },
  { name: "trigger not known, but locked", facts: { storage: "locked-container" }, on: "2014-01-01", outcome: "yes" },
  {
    name: "required, storage not known",
    facts: { ...HOME, residentIneligible: true },
    on: "2014-01-01",
    outcome: "unknown",
    missing: ["storage"],
  },
  // liability and crime
  {
    name: "ineligible resident obtains it and injures someone",
    facts: {
      ...HOME,
      residentIneligible: true,
      storage: "other",
      obtainedBy: "ineligible-resident",
      injuryOrDeath: true,
    },
    on: "2013-10-01",
    outcome: "no",
    liable: true,
    crime: true,
  },
  {
    name: "minor obtains it through an unlawful entry: liable, no crime",
    facts: {
      ...HOME,
      minorLikelyToGainAccess: true,
      storage: "other",
      obtainedBy: "minor",
      injuryOrDeath: true,
      unlawfulEntry: true,
    },
    on: "2014-01-01",
    outcome: "no",
    liable: true,
    crime: false,
  },
  {
    name: "minor obtains it, no unlawful entry: liable and a crime",
    facts: {
      ...HOME,
      minorLikelyToGainAccess: true,
      storage: "other",
      obtainedBy: "minor",
      injuryOrDeath: true,
      unlawfulEntry: false,
    },
    on: "2014-01-01",
    outcome: "no",
    liable: true,
    crime: true,
  },
  {
    name: "minor obtains it, entry not known: liable, crime unknown",
    facts: { ...HOME, minorLikelyToGainAccess: true, storage: "other", obtainedBy: "minor", injuryOrDeath: true },
    on: "2014-01-01",
    outcome: "no",
    liable: true,
    crime: null,
  },
  {
    name: "at-risk resident obtained it before 2013-10-01 (minor trigger broke the rule): not covered yet",
    facts: {
      ...HOME,
      minorLikelyToGainAccess: true,
      storage: "other",
      obtainedBy: "at-risk-resident",
      injuryOrDeath: true,
    },
    on: "2013-09-30",
    outcome: "no",
    liable: false,
    crime: false,
  },
  {
    name: "no injury",
    facts: {
      ...HOME,
      residentIneligible: true,
      storage: "other",
      obtainedBy: "ineligible-resident",
      injuryOrDeath: false,
    },
    on: "2014-01-01",
    outcome: "no",
    liable: false,
    crime: false,
  },
  {
    name: "stored securely, injury anyway: no liability",
    facts: {
      ...HOME,
      residentIneligible: true,
      storage: "locked-container",
      obtainedBy: "ineligible-resident",
      injuryOrDeath: true,
    },
    on: "2014-01-01",
    outcome: "yes",
    liable: false,
    crime: false,
  },
];

for (const r of rows) {
  test(`safe-storage: ${r.name}`, () => {
    const a = safeStorage.decide(r.facts, d(r.on));
    assert.equal(a.outcome, r.outcome, JSON.stringify(a.findings, null, 1));
    if (r.required !== undefined) assert.equal(a.result.secureStorageRequired, r.required);
    if (r.liable !== undefined) assert.equal(a.result.strictlyLiable, r.liable);
    if (r.crime !== undefined) assert.equal(a.result.criminallyNegligentStorage, r.crime);
    if (r.missing) assert.deepEqual(a.findings[0]!.missing, r.missing);
  });
}

test("safe-storage: refused before 2013-04-04 and from 2019-10-01 (PA 19-5 not modelled)", () => {
  assert.throws(() => safeStorage.decide(safeStorage.example, d("2013-04-03")), NotInForce);
  assert.doesNotThrow(() => safeStorage.decide(safeStorage.example, d("2019-09-30")));
  assert.throws(() => safeStorage.decide(safeStorage.example, d("2019-10-01")), NotInForce);
});

test("three-valued logic", () => {
  assert.equal(or3([false, undefined, true]), true);
  assert.equal(or3([false, undefined]), undefined);
  assert.equal(or3([false, false]), false);
  assert.equal(and3([true, undefined, false]), false);
  assert.equal(and3([true, undefined]), undefined);
  assert.equal(and3([true, true]), true);
});

const arbFacts: fc.Arbitrary<SafeStorageFacts> = fc
  .record({
    loaded: opt(fc.boolean()),
    onPremisesUnderControl: opt(fc.boolean()),
    minorLikelyToGainAccess: opt(fc.boolean()),
    residentIneligible: opt(fc.boolean()),
    residentPosesRisk: opt(fc.boolean()),
    storage: opt(
      fc.constantFrom("locked-container", "secure-location", "carried-or-within-reach", "other") as fc.Arbitrary<
        NonNullable<SafeStorageFacts["storage"]>
      >,
    ),
    obtainedBy: opt(
      fc.constantFrom("nobody", "minor", "ineligible-resident", "at-risk-resident", "other-person") as fc.Arbitrary<
        NonNullable<SafeStorageFacts["obtainedBy"]>
      >,
    ),
    injuryOrDeath: opt(fc.boolean()),
    unlawfulEntry: opt(fc.boolean()),
  })
  .map((f) => compact(f));

test("safe-storage: properties", () => {
  checkQuestionLaws(safeStorage, arbFacts, arbDate("2013-04-04", "2019-09-30"));
});

test("safe-storage: secure storage is always compliant", () => {
  fc.assert(
    fc.property(
      arbFacts,
      arbDate("2013-04-04", "2019-09-30"),
      fc.constantFrom(
        "locked-container",
        "secure-location",
        "carried-or-within-reach",
      ) as fc.Arbitrary<"locked-container">,
      (f, on, storage) => {
        assert.equal(safeStorage.decide({ ...f, storage }, on).outcome, "yes");
      },
    ),
  );
});
