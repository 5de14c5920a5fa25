/**
 * Question: is this firearm (or set of parts) an assault weapon on this date?
 *
 * Any one ground makes it an assault weapon: the answer is yes if any ground
 * is met (and the firearm is not permanently inoperable), no if every ground
 * is definitively not met (or it is permanently inoperable), and unknown
 * otherwise. The exemption for weapons defined by criteria and legally made
 * before 1994-09-13 is reported beside the answer; it exempts from transfer
 * and registration, it does not undo the definition.
 *
 * Versions:
 * - from 2013-04-04 (PA 13-3 § 25, upon passage): the older grounds plus the
 *   named 2013 lists and their copies, the one-feature rifle and pistol
 *   tests, fixed magazines of more than 10, rifles under 30 inches, the
 *   shotgun tests, and PA 13-3's parts test;
 * - 2001-10-01 to 2013-04-03: selective fire, the 1993 named list, the
 *   two-feature tests and the older parts test;
 * - before 2001-10-01: refused (NotInForce). The 1993-2001 law had only the
 *   named list; the analysis does not describe it and we do not model it.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, type Question, defineQuestion } from "../../core/questions.ts";
import { type Dated, type Finding, inForce, notApplicable } from "../../core/rules.ts";
import { PARTS_SOURCES, assaultWeaponParts } from "./assault-weapon-parts.ts";
import { WeaponFacts, itemOf } from "./firearm-facts.ts";
import { firearmGrounds } from "./firearm-grounds.ts";
import { FALSE, TRUE, type Tri, all, anyOf, boolOf, outcomeOf, settle, triOf, unknownTri, section25 } from "./logic.ts";
import { namedSources } from "./named-assault-weapons.ts";
import { OLDER_FEATURE_SOURCES } from "./older-feature-tests.ts";
import { INOPERABLE_SOURCE, NOT_INOPERABLE_ID, notPermanentlyInoperable } from "./permanently-inoperable.ts";
import { PISTOL_SOURCES } from "./pistol-features.ts";
import { PRE_1994_EXEMPTION_ID, PRE_1994_SOURCE, pre1994Exemption } from "./pre-1994-exemption.ts";
import { RIFLE_SOURCES } from "./rifle-features.ts";
import { SELECTIVE_FIRE_SOURCE } from "./selective-fire.ts";
import { SHOTGUN_SOURCES } from "./shotgun-features.ts";

export const FIREARM_CLASSIFICATION_ID = "firearm-classification";

const DEFINITION_SOURCE = section25("The bill expands the banned weapons to include ...");

/** The versions of the definition this question models; earlier dates are refused. */
export const DEFINITION_VERSIONS: readonly Dated<"older" | "2013">[] = [
  { from: "2001-10-01", until: "2013-04-04", value: "older", source: namedSources()[0]! },
  { from: "2013-04-04", value: "2013", source: DEFINITION_SOURCE },
];

export const FirearmClassificationFacts = WeaponFacts;
export type FirearmClassificationFacts = z.infer<typeof FirearmClassificationFacts>;

export interface FirearmClassification {
  assaultWeapon: boolean | null;
  grounds: string[];
  pre1994Exemption: boolean | null;
  version: "older" | "2013";
  reasons: string[];
}

/** Classify without the question wrapper (used by possession-permitted). */
export function classifyWeapon(
  facts: FirearmClassificationFacts,
  on: PlainDate,
  base = "",
): Answer<FirearmClassification> {
  const version = inForce(DEFINITION_VERSIONS, on, FIREARM_CLASSIFICATION_ID).value;
  const item = itemOf(facts);
  const firearm = facts.firearm ?? {};
  const path = (p: string) => (base ? `${base}.${p}` : p);
  let grounds: Finding[];
  let exclusion: Finding;
  if (item === "firearm") {
    grounds = firearmGrounds(firearm, on, path("firearm"));
    exclusion = notPermanentlyInoperable(firearm, on, path("firearm"));
  } else {
    grounds = assaultWeaponParts(facts.parts ?? {}, on, path("parts"));
    exclusion = notApplicable(
      NOT_INOPERABLE_ID,
      DEFINITION_SOURCE,
      "the permanently-inoperable exception speaks of firearms; it is not tested for parts",
    );
  }
  const anyGround = anyOf(grounds);
  const groundTri: Tri =
    anyGround === "unknown"
      ? unknownTri(...grounds.flatMap((g) => g.missing ?? []))
      : anyGround === "yes"
        ? TRUE
        : FALSE;
  const excluded: Tri = exclusion.status === "not-applicable" ? TRUE : triOf(exclusion);
  const aw = all(groundTri, excluded);
  const outcome = outcomeOf(aw);

  const exemption: Finding =
    aw.value === false
      ? notApplicable(
          PRE_1994_EXEMPTION_ID,
          DEFINITION_SOURCE,
          "not an assault weapon, so the exemption has nothing to exempt",
        )
      : pre1994Exemption(item, firearm, grounds, on, path("firearm"));

  const met = grounds.filter((g) => g.status === "met");
  const reasons =
    outcome === "yes"
      ? met.map((g) => g.because)
      : outcome === "no"
        ? exclusion.status === "not-met"
          ? [exclusion.because]
          : ["no test of the definition is met"]
        : [`not known yet: ${[...new Set(aw.missing)].sort().join(", ") || "see findings"}`];
  if (exemption.status === "met" || exemption.status === "unknown") reasons.push(exemption.because);

  const findings = [...settle([...grounds, exclusion], outcome), exemption];
  return {
    outcome,
    result: {
      assaultWeapon: boolOf(outcome),
      grounds: met.map((g) => g.id),
      pre1994Exemption: exemption.status === "met" ? true : exemption.status === "unknown" ? null : false,
      version,
      reasons,
    },
    findings,
  };
}

export const firearmClassification: Question<FirearmClassificationFacts, FirearmClassification> = defineQuestion({
  id: FIREARM_CLASSIFICATION_ID,
  title: "Is it an assault weapon?",
  description:
    "Whether a firearm, or a part or combination of parts, is an assault weapon under Connecticut law on a date: selective fire, the named rifles, pistols and shotguns and their copies, the feature tests, fixed magazines over 10 rounds, rifles under 30 inches, shotgun tests, parts, and the older two-feature definition before 2013-04-04. Reports whether the exemption for weapons defined by criteria and legally made before 1994-09-13 applies.",
  citations: [
    DEFINITION_SOURCE,
    SELECTIVE_FIRE_SOURCE,
    ...namedSources(),
    ...RIFLE_SOURCES,
    ...PISTOL_SOURCES,
    ...SHOTGUN_SOURCES,
    ...OLDER_FEATURE_SOURCES,
    ...PARTS_SOURCES,
    INOPERABLE_SOURCE,
    PRE_1994_SOURCE,
  ],
  modelledFrom: "2001-10-01",
  facts: FirearmClassificationFacts,
  result: {
    assaultWeapon:
      "true when it is an assault weapon on the date (outcome yes), false when it is not (outcome no), null when facts are missing (outcome unknown).",
    grounds: "Ids of the tests it meets (e.g. weapons.named-2013-rifles, weapons.rifle-features).",
    pre1994Exemption:
      "true when it is an assault weapon only by criteria and was legally manufactured before 1994-09-13, so the transfer restrictions and registration requirements do not apply (CGS § 53-202m); false when that exemption does not apply or it is not an assault weapon; null when unknown or in legal doubt.",
    version: '"2013" from 2013-04-04 (PA 13-3), "older" for 2001-10-01 to 2013-04-03.',
    reasons: "Plain-language reasons for the answer.",
  },
  example: {
    firearm: {
      model: "Bushmaster XM15",
      type: "rifle",
      action: "semiautomatic",
      centerfire: true,
      acceptsDetachableMagazine: true,
      features: { gripBelowAction: true, foldingOrTelescopingStock: true },
      manufacturedOn: "2010-06-01" as PlainDate,
      legallyManufactured: true,
      permanentlyInoperable: false,
    },
  },
  decide: (facts, on) => classifyWeapon(facts, on),
});
