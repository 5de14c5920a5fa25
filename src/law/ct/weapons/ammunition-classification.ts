/**
 * Question: is this bullet an armor-piercing bullet or a banned .50 caliber
 * bullet on this date?
 *
 * Any one definition suffices: yes if any is met, no if all are definitively
 * not met, unknown otherwise. From 2013-04-04 the .50 caliber definitions
 * (existing law, as the analysis describes it) apply; from 2013-10-01 PA 13-3
 * § 32 adds the handgun armor-piercing definition. Earlier dates are refused.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, type Question, defineQuestion } from "../../core/questions.ts";
import { type Finding, NotInForce } from "../../core/rules.ts";
import { AmmunitionFacts } from "./ammunition-facts.ts";
import { ARMOR_PIERCING_SOURCE, armorPiercingBullet } from "./armor-piercing-bullet.ts";
import { FIFTY_SOURCES, FIFTY_VERSIONS, armorPiercing50, incendiary50 } from "./fifty-caliber-bullet.ts";
import { anyOf, boolOf, settle } from "./logic.ts";

export const AMMUNITION_CLASSIFICATION_ID = "ammunition-classification";

export interface AmmunitionClassification {
  banned: boolean | null;
  armorPiercingBullet: boolean | null;
  armorPiercing50Caliber: boolean | null;
  incendiary50Caliber: boolean | null;
  reasons: string[];
}

function value(f: Finding): boolean | null {
  return f.status === "met" ? true : f.status === "unknown" ? null : false;
}

export function classifyAmmunition(
  facts: AmmunitionFacts,
  on: PlainDate,
  at = "ammunition",
): Answer<AmmunitionClassification> {
  const earliest = FIFTY_VERSIONS[0]!.from;
  if (on < earliest) throw new NotInForce(AMMUNITION_CLASSIFICATION_ID, on, earliest);
  const ap = armorPiercingBullet(facts, on, at);
  const ap50 = armorPiercing50(facts, on, at);
  const inc50 = incendiary50(facts, on, at);
  const findings = [ap, ap50, inc50];
  const outcome = anyOf(findings);
  return {
    outcome,
    result: {
      banned: boolOf(outcome),
      armorPiercingBullet: ap.status === "not-applicable" ? false : value(ap),
      armorPiercing50Caliber: value(ap50),
      incendiary50Caliber: value(inc50),
      reasons:
        outcome === "yes"
          ? findings.filter((f) => f.status === "met").map((f) => f.because)
          : outcome === "no"
            ? findings.map((f) => f.because)
            : findings.filter((f) => f.status === "unknown").map((f) => f.because),
    },
    findings: settle(findings, outcome),
  };
}

export const ammunitionClassification: Question<AmmunitionFacts, AmmunitionClassification> = defineQuestion({
  id: AMMUNITION_CLASSIFICATION_ID,
  title: "Is it an armor-piercing or banned .50 caliber bullet?",
  description:
    "Whether a bullet is an armor-piercing bullet (from 2013-10-01: fireable from a handgun and either constructed entirely of tungsten alloys, steel, iron, brass, bronze, beryllium copper or depleted uranium, or heavily jacketed and larger than .22 caliber; not soft-cored, frangible sporting, exempted by the U.S. Attorney General, or a shotgun shell), an armor-piercing .50 caliber bullet, or an incendiary .50 caliber bullet.",
  citations: [ARMOR_PIERCING_SOURCE, ...FIFTY_SOURCES],
  modelledFrom: "2013-04-04",
  facts: AmmunitionFacts,
  result: {
    banned:
      "true when it is any of the three (outcome yes), false when it is none (outcome no), null when facts are missing (outcome unknown).",
    armorPiercingBullet:
      "true/false/null for the handgun armor-piercing definition of PA 13-3 § 32; false before 2013-10-01, when it did not exist.",
    armorPiercing50Caliber: "true/false/null for the armor-piercing .50 caliber definition.",
    incendiary50Caliber: "true/false/null for an incendiary .50 caliber bullet.",
    reasons: "Plain-language reasons for the answer.",
  },
  example: {
    shotgunShell: false,
    fireableFromHandgun: true,
    nominalCaliber: 0.357,
    coreMaterials: ["steel"],
    frangibleForSporting: false,
    attorneyGeneralExempted: false,
    designation: "FMJ",
    armorPenetrationCapability: false,
    incendiary: false,
  },
  // The question's facts are the ammunition itself: missing paths are named from its top level.
  decide: (facts, on) => classifyAmmunition(facts, on, ""),
});
