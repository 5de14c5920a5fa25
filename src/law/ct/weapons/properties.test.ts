/**
 * Properties every weapons question must keep, checked on generated facts:
 * - adding a feature never turns an assault weapon into a non-assault
 *   weapon, and never makes a possession that was not permitted permitted;
 * - the answer depends only on the facts and the date (same input, same
 *   answer; facts are not changed);
 * - unknown is never reported as no (nor as yes): an answer given on partial
 *   facts is the answer on every completion of them.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { type PlainDate, fromEpochDay, toEpochDay } from "../../core/dates.ts";
import type { Question } from "../../core/questions.ts";
import { isFiftyCaliber } from "./ammunition-facts.ts";
import { ammunitionClassification } from "./ammunition-classification.ts";
import { firearmClassification } from "./firearm-classification.ts";
import { type FirearmFacts, FirearmFeatures, type PartsFacts, type WeaponFacts } from "./firearm-facts.ts";
import { magazineClassification } from "./magazine-classification.ts";
import type { PossessionFacts } from "./possession-facts.ts";
import { possessionPermitted } from "./possession-permitted.ts";
import { d } from "./testkit.ts";

const RUNS = { numRuns: 300 };

const between = (from: string, to: string) =>
  fc.integer({ min: toEpochDay(d(from)), max: toEpochDay(d(to)) }).map(fromEpochDay);
const bool = fc.boolean();
/** Mostly false: for exceptions and roles, so that generated cases reach every outcome. */
const rare = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
const rarely = <T>(a: fc.Arbitrary<T[]>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant([] as T[]) }, { weight: 1, arbitrary: a });
const FEATURE_KEYS = Object.keys(FirearmFeatures.shape) as (keyof FirearmFeatures)[];

const featuresArb = fc.record(
  Object.fromEntries(FEATURE_KEYS.map((k) => [k, bool])) as Record<keyof FirearmFeatures, fc.Arbitrary<boolean>>,
);

const firearmArb: fc.Arbitrary<FirearmFacts> = fc.record({
  model: fc.constantFrom(
    "AK-47",
    "Bushmaster XM15",
    "Plain Rifle",
    "Ruger 10/22",
    "Steyr AUG",
    "Izhmash Saiga-12",
    "Kel-Tec PLR-16",
    "Glock 17",
    "Colt Sporter",
    "Smith & Wesson M&P15-22",
    "Ruger SR9",
    "MAC-10",
  ),
  copyOrDuplicate: bool,
  copyOrDuplicateOf: fc.constantFrom("AR-15", "Ruger Mini-14", "Draco", "Saiga 12"),
  copyModelInProductionByApril42013: bool,
  type: fc.constantFrom("rifle", "pistol", "shotgun", "other"),
  action: fc.constantFrom("semiautomatic", "selective-fire", "other"),
  centerfire: bool,
  acceptsDetachableMagazine: bool,
  fixedMagazineCapacity: fc.integer({ min: 0, max: 40 }),
  overallLengthInches: fc.integer({ min: 100, max: 500 }).map((n) => n / 10),
  revolvingCylinder: bool,
  unloadedWeightOunces: fc.integer({ min: 10, max: 100 }),
  semiautomaticVersionOfAutomatic: bool,
  features: featuresArb,
  manufacturedOn: between("1980-01-01", "2020-12-31"),
  legallyManufactured: bool,
  permanentlyInoperable: rare,
});

/** Some firearms are described by their features alone ("not a listed model", no model name, not a copy). */
const firearmOrUnnamedArb: fc.Arbitrary<FirearmFacts> = fc.oneof(
  { weight: 3, arbitrary: firearmArb },
  {
    weight: 1,
    arbitrary: firearmArb.map(({ model: _m, copyOrDuplicate: _c, copyOrDuplicateOf: _o, ...rest }) => ({
      ...rest,
      notAListedModel: true,
    })),
  },
);

/** Possible parts: "may be rapidly assembled" implies "may be assembled". */
const partsArb: fc.Arbitrary<PartsFacts> = fc
  .record({
    designedOrIntendedToConvert: bool,
    mayBeAssembled: bool,
    mayBeRapidlyAssembled: bool,
    samePersonPossessesOrControls: bool,
    assembles: firearmArb,
  })
  .map((p) => ({ ...p, mayBeRapidlyAssembled: p.mayBeAssembled && p.mayBeRapidlyAssembled }));

const weaponArb: fc.Arbitrary<WeaponFacts> = fc.oneof(
  firearmOrUnnamedArb.map((firearm) => ({ item: "firearm" as const, firearm })),
  partsArb.map((parts) => ({ item: "parts" as const, parts })),
);

const magazineArb = fc.record({
  device: fc.constantFrom("magazine", "belt", "drum", "feed-strip", "similar-device", "not-a-feeding-device"),
  capacity: fc.integer({ min: 0, max: 100 }),
  readilyRestoredOrConverted: bool,
  permanentlyAlteredToTenOrFewer: rare,
  caliber22TubeFeedingDevice: rare,
  tubularInLeverAction: rare,
  permanentlyInoperable: rare,
});

const ammunitionArb = fc
  .record({
    shotgunShell: rare,
    fireableFromHandgun: bool,
    nominalCaliber: fc.constantFrom(0.22, 0.223, 0.243, 0.308, 0.357, 0.45, 0.5, 0.51),
    coreMaterials: fc.uniqueArray(
      fc.constantFrom(
        "tungsten-alloy",
        "steel",
        "iron",
        "brass",
        "bronze",
        "beryllium-copper",
        "depleted-uranium",
        "lead",
        "lead-alloy",
        "zinc",
        "zinc-alloy",
        "copper",
        "other",
      ),
      { minLength: 1, maxLength: 3 },
    ),
    fullyJacketed: bool,
    jacketWeightPercent: fc.integer({ min: 0, max: 60 }),
    designedForFirearm: bool,
    frangibleForSporting: bool,
    attorneyGeneralExempted: bool,
    designation: fc.constantFrom("M2 AP", "API", "SLAPT", "M33 Ball", "FMJ"),
    armorPenetrationCapability: bool,
    incendiary: bool,
  })
  .map((a) => (a.shotgunShell && isFiftyCaliber(a.nominalCaliber) ? { ...a, nominalCaliber: 0.41 } : a)); // the schema refuses a .50 caliber shotgun shell

const someDate = between("2010-01-01", "2016-12-31");
const ROLES = [
  "despp-member-or-employee",
  "police-member-or-employee",
  "doc-member-or-employee",
  "armed-forces-member",
  "nuclear-plant-security",
  "in-state-lcm-manufacturer",
  "gun-dealer",
  "gunsmith",
  "gunsmith-employed-by-dealer",
  "executor-or-administrator",
] as const;
const personArb = fc.record({
  roles: rarely(fc.subarray([...ROLES], { minLength: 1, maxLength: 2 })),
  purposes: rarely(
    fc.subarray(["official-duties", "servicing-or-repair", "arranged-relinquishment"] as const, {
      minLength: 1,
      maxLength: 1,
    }),
  ),
  eligibleForCertificate: bool,
  priorLcmViolation: bool,
  serviceMemberAwayOnDuty: rare,
  serviceMemberStillAway: rare,
  returnedToStateOn: someDate,
});
const holdingArb = fc.record({
  obtainedOn: between("1990-01-01", "2016-12-31"),
  lawfullyObtained: bool,
  declared: bool,
  declaredOn: someDate,
  certificate: fc.constantFrom("none", "applied", "issued"),
  certificateAppliedOn: someDate,
  movedIntoState: rare,
  arrivedOn: someDate,
  lawfulPossessionOnArrival: bool,
  transferredServiceMember: rare,
  inherited: rare,
  inheritedOn: someDate,
  inheritedItemRegistered: bool,
  estateItemRegistered: bool,
  specifiedWeaponObtainedInGoodFaith: bool,
  specifiedWeaponNotOtherwiseProhibited: bool,
  specifiedWeaponDesppNotifiedOn: between("1995-01-01", "2005-12-31"),
});
const locationArb = fc.record({
  place: fc.constantFrom(
    "residence",
    "place-of-business",
    "other-owned-property",
    "club-target-range",
    "licensed-target-range",
    "licensed-shooting-club",
    "exhibition-or-competition",
    "in-transport",
    "elsewhere",
  ),
  roundsLoaded: fc.integer({ min: 0, max: 30 }),
  transportBetweenPermittedPlaces: bool,
  transportCompliant: bool,
  carryingUnderPermit: bool,
  permitValid: bool,
  inHandgun: bool,
  handgunPossessedSince: between("2010-01-01", "2016-12-31"),
  extendsBeyondPistolGrip: bool,
});
/** Sometimes "none of these" for the special circumstances, never beside one of them given as true. */
const withNone = (f: PossessionFacts, none: boolean): PossessionFacts =>
  none &&
  !f.person?.serviceMemberAwayOnDuty &&
  !f.holding?.movedIntoState &&
  !f.holding?.transferredServiceMember &&
  !f.holding?.inherited
    ? { ...f, specialCircumstances: "none" }
    : f;
const possessionArb: fc.Arbitrary<PossessionFacts> = fc
  .tuple(
    fc.oneof(
      fc.record({
        item: fc.constant("magazine" as const),
        magazine: magazineArb,
        person: personArb,
        holding: holdingArb,
        location: locationArb,
      }),
      fc.record({
        item: fc.constant("weapon" as const),
        weapon: weaponArb,
        person: personArb,
        holding: holdingArb,
        location: locationArb,
      }),
    ) as fc.Arbitrary<PossessionFacts>,
    fc.boolean(),
  )
  .map(([f, none]) => withNone(f, none));

/**
 * Remove facts: each leaf (a scalar or an array) is kept or dropped by the
 * next bit. `item` is structure, not a fact, and is always kept.
 */
function prune<T>(value: T, bits: boolean[]): T {
  let i = 0;
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === "item") {
        out[k] = x;
        continue;
      }
      if (x !== null && typeof x === "object" && !Array.isArray(x)) {
        out[k] = walk(x);
        continue;
      }
      if (bits[i++ % bits.length] ?? true) out[k] = x;
    }
    return out;
  };
  return walk(value) as T;
}

const bitsArb = fc.array(bool, { minLength: 1, maxLength: 64 });

function outcome<F>(q: Question<F, unknown>, facts: F, on: PlainDate): string {
  return q.decide(facts, on).outcome;
}

const QUESTIONS: { name: string; q: Question<any, any>; facts: fc.Arbitrary<unknown>; on: fc.Arbitrary<PlainDate> }[] =
  [
    {
      name: "firearm-classification",
      q: firearmClassification,
      facts: weaponArb,
      on: between("2001-10-01", "2016-12-31"),
    },
    {
      name: "magazine-classification",
      q: magazineClassification,
      facts: magazineArb,
      on: between("2013-04-04", "2016-12-31"),
    },
    {
      name: "ammunition-classification",
      q: ammunitionClassification,
      facts: ammunitionArb,
      on: between("2013-04-04", "2016-12-31"),
    },
    {
      name: "possession-permitted",
      q: possessionPermitted,
      facts: possessionArb,
      on: between("2013-04-04", "2016-12-31"),
    },
  ];

describe("adding a feature", () => {
  it("never turns an assault weapon into a non-assault weapon", () => {
    fc.assert(
      fc.property(
        firearmArb,
        bitsArb,
        fc.constantFrom(...FEATURE_KEYS),
        between("2001-10-01", "2016-12-31"),
        (full, bits, key, on) => {
          const facts = prune(full, bits);
          const before = outcome(firearmClassification, { firearm: facts }, on);
          const after = outcome(
            firearmClassification,
            { firearm: { ...facts, features: { ...facts.features, [key]: true } } },
            on,
          );
          if (before === "yes") assert.equal(after, "yes");
          if (after === "no") assert.equal(before, "no");
        },
      ),
      RUNS,
    );
  });

  it("never makes a possession that was not permitted permitted", () => {
    fc.assert(
      fc.property(
        firearmArb,
        personArb,
        holdingArb,
        locationArb,
        bitsArb,
        fc.constantFrom(...FEATURE_KEYS),
        between("2013-04-04", "2016-12-31"),
        (firearm, person, holding, location, bits, key, on) => {
          const facts: PossessionFacts = prune(
            { item: "weapon", weapon: { item: "firearm", firearm }, person, holding, location },
            bits,
          );
          const f = facts.weapon!.firearm!;
          const more: PossessionFacts = {
            ...facts,
            weapon: { item: "firearm", firearm: { ...f, features: { ...f.features, [key]: true } } },
          };
          if (outcome(possessionPermitted, facts, on) === "no")
            assert.equal(outcome(possessionPermitted, more, on), "no");
        },
      ),
      RUNS,
    );
  });
});

describe("generated facts are facts the question's schema accepts", () => {
  for (const { name, q, facts } of QUESTIONS) {
    it(name, () => {
      fc.assert(
        fc.property(facts, (f) => q.facts.safeParse(f).success),
        { numRuns: 200 },
      );
    });
  }
});

describe("the answer depends only on the facts and the date", () => {
  for (const { name, q, facts, on } of QUESTIONS) {
    it(name, () => {
      fc.assert(
        fc.property(facts, bitsArb, on, (full, bits, date) => {
          const input = prune(full, bits);
          const copy = structuredClone(input);
          const a = q.decide(input, date);
          const b = q.decide(JSON.parse(JSON.stringify(input)), date);
          assert.deepEqual(input, copy, "facts were changed");
          assert.deepEqual(a, b);
          assert.deepEqual(q.decide(input, date), a);
        }),
        RUNS,
      );
    });
  }
});

/** Counterexamples fast-check once found, replayed on every run: [complete facts, pruning bits, date]. */
const REGRESSIONS: Record<string, [unknown, boolean[], PlainDate][]> = {
  "possession-permitted": [
    [
      {
        item: "magazine",
        magazine: {
          device: "magazine",
          capacity: 0,
          readilyRestoredOrConverted: true,
          permanentlyAlteredToTenOrFewer: false,
          caliber22TubeFeedingDevice: false,
          tubularInLeverAction: false,
          permanentlyInoperable: false,
        },
        person: {
          roles: [],
          purposes: [],
          eligibleForCertificate: false,
          priorLcmViolation: false,
          serviceMemberAwayOnDuty: true,
          serviceMemberStillAway: true,
          returnedToStateOn: "2010-01-01",
        },
        holding: {
          obtainedOn: "1990-01-01",
          lawfullyObtained: true,
          declared: false,
          declaredOn: "2010-01-01",
          certificate: "none",
          certificateAppliedOn: "2010-01-01",
          movedIntoState: false,
          arrivedOn: "2010-01-01",
          lawfulPossessionOnArrival: false,
          transferredServiceMember: false,
          inherited: false,
          inheritedOn: "2010-01-01",
          inheritedItemRegistered: false,
          estateItemRegistered: false,
          specifiedWeaponObtainedInGoodFaith: false,
          specifiedWeaponNotOtherwiseProhibited: false,
          specifiedWeaponDesppNotifiedOn: "1995-01-01",
        },
        location: {
          place: "residence",
          roundsLoaded: 0,
          transportBetweenPermittedPlaces: false,
          transportCompliant: false,
          carryingUnderPermit: false,
          permitValid: false,
          inHandgun: false,
          handgunPossessedSince: "2010-01-01",
          extendsBeyondPistolGrip: false,
        },
      },
      [true, false, true],
      d("2014-01-01"),
    ],
  ],
};

describe("unknown is never reported as no (or yes)", () => {
  for (const { name, q, facts, on } of QUESTIONS) {
    // Seed 964438054 once found partial facts answered "yes" where the complete facts answer "no" for
    // possession-permitted (a service member "still away" whose return date was also given); it is kept
    // as a regression example below.
    it(`${name}: an answer on partial facts holds for the complete facts`, () => {
      fc.assert(
        fc.property(facts, bitsArb, on, (full, bits, date) => {
          const partial = outcome(q, prune(full, bits), date);
          if (partial !== "unknown") assert.equal(outcome(q, full, date), partial);
        }),
        { numRuns: 1000, examples: (REGRESSIONS[name] ?? []) as [unknown, boolean[], PlainDate][] },
      );
    });

    it(`${name}: with no facts at all, the answer is unknown`, () => {
      fc.assert(
        fc.property(on, (date) => {
          const empty = name === "possession-permitted" ? { item: "weapon" } : {};
          assert.equal(outcome(q, empty, date), "unknown");
        }),
        { numRuns: 50 },
      );
    });
  }
});
