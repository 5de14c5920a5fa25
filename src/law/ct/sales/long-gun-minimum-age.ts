/**
 * Minimum ages for the retail sale of a long gun.
 *
 * PA 13-3 § 1 (CGS § 29-37a(b)), effective on passage (4 April 2013). OLR
 * analysis: "The bill prohibits the retail sale of long guns to anyone under
 * 18 years of age. If the long gun is a semi-automatic centerfire rifle that
 * has or accepts a magazine with a capacity of more than five rounds, the
 * purchaser must be at least 21. This stricter limitation does not apply to
 * members or employees of local police departments, the DESPP, the Department
 * of Correction (DOC), or state or U.S. military or naval members, for use in
 * the discharge of their duties."
 *
 * Only semi-automatic centerfire rifles that have or accept a magazine of more
 * than five rounds need 21; every other long gun (shotguns, rimfire rifles,
 * bolt actions, semi-automatic rifles limited to five rounds) needs 18.
 *
 * QUESTION(legal): both ages bind sales "at retail". A private sale (neither
 * party a federal licensee) is not a retail sale, so this rule does not reach
 * it; from 1 April 2014 the credential requirement (a long gun eligibility
 * certificate needs age 18) covers the under-18 case, but an 18-to-20-year-old
 * holding one may buy such a rifle privately. We follow the text.
 *
 * Ages are whole years on the date of sale (core `ageOn`, with its 29 February
 * reading).
 */
import { z } from "zod";
import { type PlainDate, ageOn, dateOfAge } from "../../core/dates.ts";
import {
  type Citation,
  type Dated,
  type Finding,
  inForce,
  met,
  notApplicable,
  notMet,
  pa133,
  unknown,
} from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const MINIMUM_AGES: readonly Dated<{
  longGun: number;
  semiautomaticCenterfireRifle: number;
  magazineRoundsMoreThan: number;
}>[] = [
  {
    from: "2013-04-04",
    value: { longGun: 18, semiautomaticCenterfireRifle: 21, magazineRoundsMoreThan: 5 },
    source: pa133("§ 1", {
      cgs: "CGS § 29-37a(b)",
      text: "The bill prohibits the retail sale of long guns to anyone under 18 years of age. If the long gun is a semi-automatic centerfire rifle that has or accepts a magazine with a capacity of more than five rounds, the purchaser must be at least 21.",
    }),
  },
];

export const DUTY_USE_EXCEPTION: Citation = pa133("§ 1", {
  cgs: "CGS § 29-37a(b)(2)",
  text: "This stricter limitation does not apply to members or employees of local police departments, the DESPP, the Department of Correction (DOC), or state or U.S. military or naval members, for use in the discharge of their duties.",
});

export const DUTY_AGENCIES = ["local-police", "despp", "doc", "state-military", "us-military", "none"] as const;
export const DutyPurchase = z.object({
  agency: z
    .enum(DUTY_AGENCIES)
    .optional()
    .describe(
      "the buyer's service: member or employee of an organized local police department, DESPP or the Department of Correction, or member of the military or naval forces of Connecticut or the United States; none otherwise",
    ),
  forDutyUse: z.boolean().optional().describe("the rifle is for use in the discharge of the buyer's duties"),
});
export type DutyPurchase = z.infer<typeof DutyPurchase>;

export interface LongGunAgeFacts {
  birthDate?: PlainDate | undefined;
  semiautomaticCenterfireRifle?: boolean | undefined;
  acceptsMagazineOverFiveRounds?: boolean | undefined;
  dutyPurchase?: DutyPurchase | undefined;
}

/** Exception to the age-21 rule: police, DESPP, DOC and military buyers, for duty use. */
export function dutyUseException(d: DutyPurchase | undefined): { applies: boolean | "unknown"; missing: string[] } {
  if (d?.agency === "none" || d?.forDutyUse === false) return { applies: false, missing: [] };
  const missing = [
    ...(d?.agency === undefined ? ["buyer.dutyPurchase.agency"] : []),
    ...(d?.forDutyUse === undefined ? ["buyer.dutyPurchase.forDutyUse"] : []),
  ];
  if (missing.length > 0) return { applies: "unknown", missing };
  return { applies: true, missing: [] };
}

const ID = "sales.long-gun.minimum-age";

export function longGunMinimumAge(facts: LongGunAgeFacts, retail: boolean, on: PlainDate): Finding {
  const rule = inForce(MINIMUM_AGES, on, ID);
  const { longGun, semiautomaticCenterfireRifle, magazineRoundsMoreThan } = rule.value;
  if (!retail)
    return notApplicable(ID, rule.source, "the minimum ages bind retail sales only; this is not a retail sale");
  if (facts.birthDate === undefined) return unknown(ID, rule.source, ["buyer.birthDate"]);
  const age = ageOn(facts.birthDate, on);
  if (age < longGun)
    return notMet(ID, rule.source, `the buyer is ${age}; no long gun may be sold at retail to anyone under ${longGun}`);
  if (age >= semiautomaticCenterfireRifle) return met(ID, rule.source, `the buyer is ${age}`);
  // 18 to 20: only a semi-automatic centerfire rifle taking more than five rounds needs 21.
  const what = `a semi-automatic centerfire rifle that has or accepts a magazine of more than ${magazineRoundsMoreThan} rounds`;
  if (facts.semiautomaticCenterfireRifle === false || facts.acceptsMagazineOverFiveRounds === false) {
    return met(ID, rule.source, `the buyer is ${age}, at least ${longGun}, and the long gun is not ${what}`);
  }
  const missingGun = [
    ...(facts.semiautomaticCenterfireRifle === undefined ? ["firearm.semiautomaticCenterfireRifle"] : []),
    ...(facts.acceptsMagazineOverFiveRounds === undefined ? ["firearm.acceptsMagazineOverFiveRounds"] : []),
  ];
  const duty = dutyUseException(facts.dutyPurchase);
  if (duty.applies === true)
    return met(
      ID,
      DUTY_USE_EXCEPTION,
      `the buyer is ${age}; the age-21 limit does not apply to a police, DESPP, DOC or military buyer for duty use`,
    );
  if (missingGun.length > 0)
    return unknown(
      ID,
      rule.source,
      [...missingGun, ...duty.missing],
      `the buyer is ${age}: whether 21 is needed depends on the long gun`,
    );
  if (duty.applies === "unknown")
    return unknown(
      ID,
      DUTY_USE_EXCEPTION,
      duty.missing,
      `the buyer is ${age} and the rifle is ${what}: depends on the duty-use exception`,
    );
  return notMet(
    ID,
    rule.source,
    `the buyer is ${age}; ${what} may not be sold at retail to anyone under ${semiautomaticCenterfireRifle}`,
    `the buyer may buy it from ${dateOfAge(facts.birthDate, semiautomaticCenterfireRifle)}, on turning ${semiautomaticCenterfireRifle}`,
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const LONG_GUN_MINIMUM_AGE_RULE = defineRule({
  id: "sales.long-gun.minimum-age",
  title: "Long guns: minimum age 18, or 21 for some semi-automatic rifles",
  description:
    "No long gun may be sold at retail to anyone under 18; a semi-automatic centerfire rifle that has or accepts a magazine of more than five rounds, not to anyone under 21, unless the buyer is police, DESPP, Correction or military staff buying it for duty use.",
  citations: [MINIMUM_AGES[0]!.source, DUTY_USE_EXCEPTION],
  from: "2013-04-04",
});
