import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NotInForce, missingOf } from "../../core/rules.ts";
import { type FirearmClassificationFacts, firearmClassification } from "./firearm-classification.ts";
import { d, pistol, rifle, shotgun } from "./testkit.ts";

interface Case {
  name: string;
  facts: FirearmClassificationFacts;
  on: string;
  outcome: "yes" | "no" | "unknown";
  grounds?: string[];
  exempt?: boolean | null;
  missing?: string[];
}

const f = (firearm: FirearmClassificationFacts["firearm"]): FirearmClassificationFacts => ({ firearm });

/** A firearm described by its features alone: no model name, "not a listed model". */
const unnamed = (base: FirearmClassificationFacts["firearm"]): FirearmClassificationFacts["firearm"] => {
  const { model: _m, copyOrDuplicate: _c, ...rest } = base!;
  return { ...rest, notAListedModel: true };
};

const cases: Case[] = [
  // described by features alone (issue 10): no model name needed
  { name: "features only: plain rifle, 2013-04-04", facts: f(unnamed(rifle())), on: "2013-04-04", outcome: "no" },
  {
    name: "features only: rifle with a flash suppressor, 2013-04-03 (one feature: not yet)",
    facts: f(unnamed(rifle({ features: { flashSuppressor: true } }))),
    on: "2013-04-03",
    outcome: "no",
  },
  {
    name: "features only: rifle with a flash suppressor, 2013-04-04",
    facts: f(unnamed(rifle({ features: { flashSuppressor: true } }))),
    on: "2013-04-04",
    outcome: "yes",
    grounds: ["weapons.rifle-features"],
  },
  {
    name: "no model and not said to be unlisted: unknown",
    facts: f({ ...unnamed(rifle()), notAListedModel: undefined }),
    on: "2014-01-01",
    outcome: "unknown",
    missing: ["firearm.model"],
  },
  // plain firearms
  { name: "plain semiautomatic centerfire rifle", facts: f(rifle()), on: "2014-01-01", outcome: "no" },
  { name: "plain semiautomatic pistol", facts: f(pistol()), on: "2014-01-01", outcome: "no" },
  { name: "plain semiautomatic shotgun", facts: f(shotgun()), on: "2014-01-01", outcome: "no" },
  {
    name: "bolt-action rifle with every feature is not semiautomatic",
    facts: f(
      rifle({
        action: "other",
        features: { foldingOrTelescopingStock: true, flashSuppressor: true, bayonetMount: true },
      }),
    ),
    on: "2014-01-01",
    outcome: "no",
  },

  // selective fire, both eras
  {
    name: "selective fire, 2013-04-03",
    facts: f(rifle({ action: "selective-fire" })),
    on: "2013-04-03",
    outcome: "yes",
    grounds: ["weapons.selective-fire"],
  },
  {
    name: "selective fire, 2013-04-04",
    facts: f(rifle({ action: "selective-fire" })),
    on: "2013-04-04",
    outcome: "yes",
    grounds: ["weapons.selective-fire"],
  },
  {
    name: "selective-fire pistol",
    facts: f(pistol({ action: "selective-fire" })),
    on: "2020-01-01",
    outcome: "yes",
    grounds: ["weapons.selective-fire"],
  },

  // 2013 one-feature rifle test: the day before and the day of 2013-04-04
  ...(
    [
      "foldingOrTelescopingStock",
      "gripBelowAction",
      "forwardPistolGrip",
      "flashSuppressor",
      "grenadeLauncher",
      "flareLauncher",
    ] as const
  ).flatMap((feature): Case[] => [
    {
      name: `rifle with ${feature}, 2013-04-03 (one feature was not enough)`,
      facts: f(rifle({ features: { [feature]: true } })),
      on: "2013-04-03",
      outcome: "no",
    },
    {
      name: `rifle with ${feature}, 2013-04-04`,
      facts: f(rifle({ features: { [feature]: true } })),
      on: "2013-04-04",
      outcome: "yes",
      grounds: ["weapons.rifle-features"],
    },
  ]),
  {
    name: "rifle with a feature but no detachable magazine",
    facts: f(rifle({ acceptsDetachableMagazine: false, features: { flashSuppressor: true } })),
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "rimfire rifle with one feature (the 2013 test is for centerfire rifles)",
    facts: f(rifle({ centerfire: false, features: { foldingOrTelescopingStock: true } })),
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "bayonet mount alone is not a 2013 feature",
    facts: f(rifle({ features: { bayonetMount: true } })),
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "conspicuous pistol grip alone is not the 2013 grip fact",
    facts: f(rifle({ features: { pistolGripProtrudingConspicuously: true } })),
    on: "2014-01-01",
    outcome: "no",
  },

  // rifle fixed magazine and length
  {
    name: "rifle fixed magazine 10",
    facts: f(rifle({ acceptsDetachableMagazine: false, fixedMagazineCapacity: 10 })),
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "rifle fixed magazine 11",
    facts: f(rifle({ acceptsDetachableMagazine: false, fixedMagazineCapacity: 11 })),
    on: "2014-01-01",
    outcome: "yes",
    grounds: ["weapons.rifle-fixed-magazine"],
  },
  {
    name: "rifle fixed magazine 11, 2013-04-03",
    facts: f(rifle({ acceptsDetachableMagazine: false, fixedMagazineCapacity: 11 })),
    on: "2013-04-03",
    outcome: "no",
  },
  { name: "rifle 30 inches", facts: f(rifle({ overallLengthInches: 30 })), on: "2014-01-01", outcome: "no" },
  {
    name: "rifle 29.9 inches",
    facts: f(rifle({ overallLengthInches: 29.9 })),
    on: "2014-01-01",
    outcome: "yes",
    grounds: ["weapons.rifle-overall-length"],
  },
  {
    name: "rifle 29.9 inches, 2013-04-03",
    facts: f(rifle({ overallLengthInches: 29.9 })),
    on: "2013-04-03",
    outcome: "no",
  },
  {
    name: "rimfire rifle 25 inches",
    facts: f(rifle({ centerfire: false, overallLengthInches: 25 })),
    on: "2014-01-01",
    outcome: "no",
  },

  // older two-feature rifle test, before and after 2013
  {
    name: "rifle folding stock + bayonet mount, 2013-04-03",
    facts: f(rifle({ features: { foldingOrTelescopingStock: true, bayonetMount: true } })),
    on: "2013-04-03",
    outcome: "yes",
    grounds: ["weapons.older-rifle-features"],
  },
  {
    name: "rifle bayonet mount + threaded barrel for a flash suppressor, 2001-10-01",
    facts: f(rifle({ features: { bayonetMount: true, threadedBarrelForFlashSuppressor: true } })),
    on: "2001-10-01",
    outcome: "yes",
    grounds: ["weapons.older-rifle-features"],
  },
  {
    name: "rifle bayonet mount + threaded barrel, 2014 (older test kept)",
    facts: f(rifle({ features: { bayonetMount: true, threadedBarrelForFlashSuppressor: true } })),
    on: "2014-01-01",
    outcome: "yes",
    grounds: ["weapons.older-rifle-features"],
  },
  {
    name: "rimfire rifle telescoping stock + conspicuous pistol grip, 2014 (older test reaches rimfire)",
    facts: f(
      rifle({
        centerfire: false,
        features: { foldingOrTelescopingStock: true, pistolGripProtrudingConspicuously: true },
      }),
    ),
    on: "2014-01-01",
    outcome: "yes",
    grounds: ["weapons.older-rifle-features"],
  },
  {
    name: "flare launcher + bayonet mount, 2013-04-03 (older test counts only grenade launchers)",
    facts: f(rifle({ features: { flareLauncher: true, bayonetMount: true } })),
    on: "2013-04-03",
    outcome: "no",
  },

  // pistols
  ...(["magazineOutsidePistolGrip", "threadedBarrel", "barrelShroud", "secondHandGrip"] as const).flatMap(
    (feature): Case[] => [
      {
        name: `pistol with ${feature}, 2013-04-03`,
        facts: f(pistol({ features: { [feature]: true } })),
        on: "2013-04-03",
        outcome: "no",
      },
      {
        name: `pistol with ${feature}, 2013-04-04`,
        facts: f(pistol({ features: { [feature]: true } })),
        on: "2013-04-04",
        outcome: "yes",
        grounds: ["weapons.pistol-features"],
      },
    ],
  ),
  {
    name: "pistol fixed magazine 10",
    facts: f(pistol({ acceptsDetachableMagazine: false, fixedMagazineCapacity: 10 })),
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "pistol fixed magazine 11",
    facts: f(pistol({ acceptsDetachableMagazine: false, fixedMagazineCapacity: 11 })),
    on: "2014-01-01",
    outcome: "yes",
    grounds: ["weapons.pistol-fixed-magazine"],
  },
  {
    name: "pistol magazine outside grip + 50 ounces, 2013-04-03",
    facts: f(pistol({ unloadedWeightOunces: 50, features: { magazineOutsidePistolGrip: true } })),
    on: "2013-04-03",
    outcome: "yes",
    grounds: ["weapons.older-pistol-features"],
  },
  {
    name: "pistol magazine outside grip + 49.9 ounces, 2013-04-03",
    facts: f(pistol({ unloadedWeightOunces: 49.9, features: { magazineOutsidePistolGrip: true } })),
    on: "2013-04-03",
    outcome: "no",
  },
  {
    name: "pistol 50 ounces + semiautomatic version of automatic, 2014 (older test kept)",
    facts: f(pistol({ unloadedWeightOunces: 60, semiautomaticVersionOfAutomatic: true })),
    on: "2014-01-01",
    outcome: "yes",
    grounds: ["weapons.older-pistol-features"],
  },
  {
    name: "pistol barrel extender thread + older shroud, 2013-04-03",
    facts: f(pistol({ features: { threadedBarrelForBarrelExtender: true, barrelShroudForNontriggerHand: true } })),
    on: "2013-04-03",
    outcome: "yes",
    grounds: ["weapons.older-pistol-features"],
  },

  // shotguns
  {
    name: "semiautomatic shotgun stock + grip",
    facts: f(shotgun({ features: { foldingOrTelescopingStock: true, gripBelowAction: true } })),
    on: "2013-04-04",
    outcome: "yes",
    grounds: ["weapons.shotgun-stock-and-grip"],
  },
  {
    name: "semiautomatic shotgun stock + grip, 2013-04-03 (the older test needs the conspicuous pistol grip)",
    facts: f(shotgun({ features: { foldingOrTelescopingStock: true, gripBelowAction: true } })),
    on: "2013-04-03",
    outcome: "no",
  },
  {
    name: "semiautomatic shotgun stock only",
    facts: f(shotgun({ features: { foldingOrTelescopingStock: true } })),
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "semiautomatic shotgun detachable magazine",
    facts: f(shotgun({ acceptsDetachableMagazine: true })),
    on: "2013-04-04",
    outcome: "yes",
    grounds: ["weapons.shotgun-detachable-magazine"],
  },
  {
    name: "semiautomatic shotgun detachable magazine, 2013-04-03",
    facts: f(shotgun({ acceptsDetachableMagazine: true })),
    on: "2013-04-03",
    outcome: "no",
  },
  {
    name: "pump shotgun with a revolving cylinder",
    facts: f(shotgun({ action: "other", revolvingCylinder: true })),
    on: "2013-04-04",
    outcome: "yes",
    grounds: ["weapons.revolving-cylinder-shotgun"],
  },
  {
    name: "pump shotgun with a revolving cylinder, 2013-04-03",
    facts: f(shotgun({ action: "other", revolvingCylinder: true })),
    on: "2013-04-03",
    outcome: "no",
  },
  {
    name: "shotgun folding stock + fixed magazine 6, 2013-04-03",
    facts: f(shotgun({ fixedMagazineCapacity: 6, features: { foldingOrTelescopingStock: true } })),
    on: "2013-04-03",
    outcome: "yes",
    grounds: ["weapons.older-shotgun-features"],
  },
  {
    name: "shotgun folding stock + fixed magazine 5, 2013-04-03",
    facts: f(shotgun({ fixedMagazineCapacity: 5, features: { foldingOrTelescopingStock: true } })),
    on: "2013-04-03",
    outcome: "no",
  },

  // named lists
  {
    name: "AK-47, 2013-04-03 (1993 list)",
    facts: f(rifle({ model: "AK-47" })),
    on: "2013-04-03",
    outcome: "yes",
    grounds: ["weapons.named-1993"],
  },
  {
    name: "Bushmaster XM15 plain, 2013-04-03",
    facts: f(rifle({ model: "Bushmaster XM15" })),
    on: "2013-04-03",
    outcome: "no",
  },
  {
    name: "Bushmaster XM15 plain, 2013-04-04",
    facts: f(rifle({ model: "Bushmaster XM15" })),
    on: "2013-04-04",
    outcome: "yes",
    grounds: ["weapons.named-2013-rifles"],
  },
  {
    name: "Kel-Tec PLR-16 pistol",
    facts: f(pistol({ model: "kel tec plr16" })),
    on: "2013-04-04",
    outcome: "yes",
    grounds: ["weapons.named-2013-pistols"],
  },
  { name: "Saiga 12, 2013-04-03", facts: f(shotgun({ model: "Izhmash Saiga-12" })), on: "2013-04-03", outcome: "no" },
  {
    name: "Saiga 12, 2013-04-04",
    facts: f(shotgun({ model: "Izhmash Saiga-12" })),
    on: "2013-04-04",
    outcome: "yes",
    grounds: ["weapons.named-2013-shotguns"],
  },
  {
    name: "Striker 12 revolving shotgun, 2013-04-03 (1993 list)",
    facts: f(shotgun({ model: "Striker-12", revolvingCylinder: true })),
    on: "2013-04-03",
    outcome: "yes",
    grounds: ["weapons.named-1993"],
  },
  {
    name: "a 'Striker 12' the facts say is not semiautomatic is not the listed one, 2013-04-03",
    facts: f(shotgun({ model: "Striker-12", action: "other", revolvingCylinder: true })),
    on: "2013-04-03",
    outcome: "no",
  },
  {
    name: "Steyr AUG, 2013-04-03",
    facts: f(rifle({ model: "steyr aug" })),
    on: "2013-04-03",
    outcome: "yes",
    grounds: ["weapons.named-1993"],
  },
  {
    name: "rimfire S&W M&P15-22 is not a listed centerfire rifle",
    facts: f(rifle({ model: "Smith & Wesson M&P15-22", centerfire: false })),
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "Ruger SR9 pistol is not named by the rifle list",
    facts: f(pistol({ model: "Ruger SR9" })),
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "AR-15 pistol by an unlisted maker is not named by the pistol list",
    facts: f(pistol({ model: "Anderson AR-15" })),
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "DPMS AR-15 pistol is named",
    facts: f(pistol({ model: "DPMS AR-15" })),
    on: "2014-01-01",
    outcome: "yes",
    grounds: ["weapons.named-2013-pistols"],
  },

  // copies or duplicates
  {
    name: "copy of an AR-15, in production by 2013-04-04",
    facts: f(rifle({ copyOrDuplicate: true, copyOrDuplicateOf: "AR15", copyModelInProductionByApril42013: true })),
    on: "2014-01-01",
    outcome: "yes",
    grounds: ["weapons.copies-or-duplicates"],
  },
  {
    name: "copy of an AR-15 first produced later",
    facts: f(rifle({ copyOrDuplicate: true, copyOrDuplicateOf: "AR15", copyModelInProductionByApril42013: false })),
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "copy of an AR-15, 2013-04-03",
    facts: f(rifle({ copyOrDuplicate: true, copyOrDuplicateOf: "AR15", copyModelInProductionByApril42013: true })),
    on: "2013-04-03",
    outcome: "no",
  },
  {
    name: "copy of an unlisted model",
    facts: f(
      rifle({ copyOrDuplicate: true, copyOrDuplicateOf: "Ruger Mini-14", copyModelInProductionByApril42013: true }),
    ),
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "a copy, of what not known",
    facts: f(rifle({ copyOrDuplicate: true, copyModelInProductionByApril42013: true })),
    on: "2014-01-01",
    outcome: "unknown",
    missing: ["firearm.copyOrDuplicateOf"],
  },

  // the exception
  {
    name: "permanently inoperable AK-47",
    facts: f(rifle({ model: "AK-47", permanentlyInoperable: true })),
    on: "2014-01-01",
    outcome: "no",
  },

  // missing facts
  { name: "nothing known", facts: {}, on: "2014-01-01", outcome: "unknown" },
  {
    name: "features not known",
    facts: f({ ...rifle(), features: undefined }),
    on: "2014-01-01",
    outcome: "unknown",
    missing: ["firearm.features.flashSuppressor"],
  },
  {
    name: "model not known but a feature is",
    facts: f({ ...rifle({ features: { flashSuppressor: true } }), model: undefined }),
    on: "2014-01-01",
    outcome: "yes",
  },
  {
    name: "listed, inoperability not known",
    facts: f({ ...rifle({ model: "AK-47" }), permanentlyInoperable: undefined }),
    on: "2014-01-01",
    outcome: "unknown",
    missing: ["firearm.permanentlyInoperable"],
  },
  {
    name: "AK-47, whether semiautomatic not known",
    facts: f({ ...rifle({ model: "AK-47" }), action: undefined }),
    on: "2014-01-01",
    outcome: "unknown",
    missing: ["firearm.action"],
  },
  {
    name: "XM15, whether centerfire not known",
    facts: f({ ...rifle({ model: "Bushmaster XM15" }), centerfire: undefined }),
    on: "2014-01-01",
    outcome: "unknown",
    missing: ["firearm.centerfire"],
  },
  {
    name: "not semiautomatic, inoperability not known",
    facts: f({ ...rifle({ action: "other" }), permanentlyInoperable: undefined }),
    on: "2014-01-01",
    outcome: "no",
  },

  // the exemption for weapons defined by criteria and legally made before 1994-09-13
  {
    name: "pistol with threaded barrel made 1994-09-12: exempt",
    facts: f(pistol({ manufacturedOn: d("1994-09-12"), features: { threadedBarrel: true } })),
    on: "2014-01-01",
    outcome: "yes",
    exempt: true,
  },
  {
    name: "pistol with threaded barrel made 1994-09-13: not exempt",
    facts: f(pistol({ manufacturedOn: d("1994-09-13"), features: { threadedBarrel: true } })),
    on: "2014-01-01",
    outcome: "yes",
    exempt: false,
  },
  {
    name: "made 1994-09-12 but not legally",
    facts: f(
      pistol({ manufacturedOn: d("1994-09-12"), legallyManufactured: false, features: { threadedBarrel: true } }),
    ),
    on: "2014-01-01",
    outcome: "yes",
    exempt: false,
  },
  {
    name: "named Steyr AUG made 1990: named, not exempt",
    facts: f(rifle({ model: "Steyr AUG", manufacturedOn: d("1990-01-01"), features: { gripBelowAction: true } })),
    on: "2014-01-01",
    outcome: "yes",
    exempt: false,
  },
  {
    name: "selective fire made 1990: not exempt",
    facts: f(rifle({ action: "selective-fire", manufacturedOn: d("1990-01-01") })),
    on: "2014-01-01",
    outcome: "yes",
    exempt: false,
  },
  {
    name: "older two-feature rifle made 1990, 2013-04-03: exempt",
    facts: f(
      rifle({
        centerfire: false,
        manufacturedOn: d("1990-01-01"),
        features: { foldingOrTelescopingStock: true, bayonetMount: true },
      }),
    ),
    on: "2013-04-03",
    outcome: "yes",
    exempt: true,
  },
  {
    name: "rifle with fixed 15-round magazine made 1990: exempt",
    facts: f(rifle({ acceptsDetachableMagazine: false, fixedMagazineCapacity: 15, manufacturedOn: d("1990-01-01") })),
    on: "2014-01-01",
    outcome: "yes",
    exempt: true,
  },
  {
    name: "one-feature centerfire rifle made 1990: texts conflict, legal review",
    facts: f(rifle({ manufacturedOn: d("1990-01-01"), features: { flashSuppressor: true } })),
    on: "2014-01-01",
    outcome: "yes",
    exempt: null,
  },
  {
    name: "criteria weapon, manufacture date not known",
    facts: f({ ...pistol({ features: { threadedBarrel: true } }), manufacturedOn: undefined }),
    on: "2014-01-01",
    outcome: "yes",
    exempt: null,
    missing: ["firearm.manufacturedOn"],
  },
  {
    name: "not an assault weapon: nothing to exempt",
    facts: f(pistol({ manufacturedOn: d("1990-01-01") })),
    on: "2014-01-01",
    outcome: "no",
    exempt: false,
  },

  // parts
  {
    name: "conversion kit for a one-feature rifle",
    facts: {
      parts: {
        designedOrIntendedToConvert: true,
        mayBeAssembled: false,
        samePersonPossessesOrControls: false,
        assembles: rifle({ features: { foldingOrTelescopingStock: true } }),
      },
    },
    on: "2014-01-01",
    outcome: "yes",
    grounds: ["weapons.parts-2013"],
  },
  {
    name: "parts one person may assemble into a one-feature rifle",
    facts: {
      parts: {
        designedOrIntendedToConvert: false,
        mayBeAssembled: true,
        samePersonPossessesOrControls: true,
        assembles: rifle({ features: { flashSuppressor: true } }),
      },
    },
    on: "2014-01-01",
    outcome: "yes",
    grounds: ["weapons.parts-2013"],
  },
  {
    name: "parts held by different people",
    facts: {
      parts: {
        designedOrIntendedToConvert: false,
        mayBeAssembled: true,
        samePersonPossessesOrControls: false,
        assembles: rifle({ features: { flashSuppressor: true } }),
      },
    },
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "parts for a one-feature rifle, 2013-04-03",
    facts: {
      parts: {
        designedOrIntendedToConvert: false,
        mayBeRapidlyAssembled: true,
        samePersonPossessesOrControls: true,
        assembles: rifle({ features: { flashSuppressor: true } }),
      },
    },
    on: "2013-04-03",
    outcome: "no",
  },
  {
    name: "parts rapidly assembled into an AK-47, 2013-04-03",
    facts: {
      parts: {
        designedOrIntendedToConvert: false,
        mayBeRapidlyAssembled: true,
        samePersonPossessesOrControls: true,
        assembles: rifle({ model: "AK-47" }),
      },
    },
    on: "2013-04-03",
    outcome: "yes",
    grounds: ["weapons.parts-older"],
  },
  {
    name: "parts assembled (not rapidly) into an AK-47, 2013-04-03",
    facts: {
      parts: {
        designedOrIntendedToConvert: false,
        mayBeAssembled: true,
        mayBeRapidlyAssembled: false,
        samePersonPossessesOrControls: true,
        assembles: rifle({ model: "AK-47" }),
      },
    },
    on: "2013-04-03",
    outcome: "no",
  },
  {
    name: "parts assembled (not rapidly) into an AK 47, 2013-04-04",
    facts: {
      parts: {
        designedOrIntendedToConvert: false,
        mayBeAssembled: true,
        mayBeRapidlyAssembled: false,
        samePersonPossessesOrControls: true,
        assembles: rifle({ model: "AK-47" }),
      },
    },
    on: "2013-04-04",
    outcome: "yes",
    grounds: ["weapons.parts-2013"],
  },
  {
    name: "parts for a plain rifle",
    facts: {
      parts: {
        designedOrIntendedToConvert: true,
        mayBeAssembled: true,
        samePersonPossessesOrControls: true,
        assembles: rifle(),
      },
    },
    on: "2014-01-01",
    outcome: "no",
  },
  {
    name: "parts, what they make not known",
    facts: { parts: { designedOrIntendedToConvert: true } },
    on: "2014-01-01",
    outcome: "unknown",
    missing: ["parts.assembles"],
  },
];

describe("firearm-classification: not a listed model", () => {
  it("the schema refuses it beside a listed model name or a copy, naming the field", () => {
    const bad = firearmClassification.facts.safeParse({ firearm: { model: "Bushmaster XM15", notAListedModel: true } });
    assert.equal(bad.success, false);
    assert.deepEqual(bad.error?.issues[0]?.path, ["firearm", "model"]);
    assert.equal(
      firearmClassification.facts.safeParse({ firearm: { copyOrDuplicate: true, notAListedModel: true } }).success,
      false,
    );
    assert.equal(
      firearmClassification.facts.safeParse({ firearm: { model: "Plain Rifle 1", notAListedModel: true } }).success,
      true,
    );
  });
});

describe("firearm-classification", () => {
  for (const c of cases) {
    it(c.name, () => {
      const a = firearmClassification.decide(c.facts, d(c.on));
      assert.equal(a.outcome, c.outcome, JSON.stringify(a.result.reasons));
      assert.equal(a.result.assaultWeapon, c.outcome === "yes" ? true : c.outcome === "no" ? false : null);
      if (c.grounds) assert.deepEqual(a.result.grounds, c.grounds);
      if (c.exempt !== undefined) assert.equal(a.result.pre1994Exemption, c.exempt);
      if (c.missing)
        for (const m of c.missing)
          assert.ok(missingOf(a.findings).includes(m), `missing ${m}: ${missingOf(a.findings).join(", ")}`);
      if (c.outcome !== "unknown") assert.ok(a.result.reasons.length > 0);
    });
  }

  it("refuses dates before 2001-10-01 and models the day itself", () => {
    assert.throws(() => firearmClassification.decide(f(rifle()), d("2001-09-30")), NotInForce);
    assert.equal(firearmClassification.decide(f(rifle()), d("2001-10-01")).result.version, "older");
  });

  it("reports the version: older on 2013-04-03, 2013 on 2013-04-04", () => {
    assert.equal(firearmClassification.decide(f(rifle()), d("2013-04-03")).result.version, "older");
    assert.equal(firearmClassification.decide(f(rifle()), d("2013-04-04")).result.version, "2013");
  });

  it("cites the section of every finding", () => {
    const a = firearmClassification.decide(f(rifle({ features: { flashSuppressor: true } })), d("2014-01-01"));
    const rifleTest = a.findings.find((x) => x.id === "weapons.rifle-features")!;
    assert.equal(rifleTest.source.act, "PA 13-3");
    assert.equal(rifleTest.source.section, "§ 25");
    assert.equal(rifleTest.source.cgs, "CGS § 53-202a");
    for (const x of a.findings) assert.ok(x.source.section && x.because, x.id);
  });

  it("once settled, asks for no facts that cannot change the answer", () => {
    const a = firearmClassification.decide(
      f({ ...rifle({ features: { flashSuppressor: true } }), model: undefined, copyOrDuplicate: undefined }),
      d("2014-01-01"),
    );
    assert.equal(a.outcome, "yes");
    assert.ok(!missingOf(a.findings).includes("firearm.model"));
  });
});
