/**
 * The catch-all row of Table 1: any felony where the court found a firearm.
 *
 * PA 13-3 §§ 18-22 (CGS § 54-280): "A violation of any statute that constitutes
 * a felony, provided the court makes a finding that, at the time of the
 * violation, the person used a firearm, or was armed with and threatened the
 * use of, or displayed or represented by words or conduct that the person
 * possessed, a firearm."
 */
import { type Finding, met, notMet, pa133, unknown } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "offenders.felony-with-firearm-finding";

export const FELONY_WITH_FIREARM = pa133("§§ 18-22", {
  cgs: "CGS § 54-280",
  text: "A violation of any statute that constitutes a felony, provided the court makes a finding that, at the time of the violation, the person used a firearm, or was armed with and threatened the use of, or displayed or represented by words or conduct that the person possessed, a firearm.",
});

export function felonyWithFirearmFinding(facts: { isFelony?: boolean; courtFoundFirearm?: boolean }): Finding {
  if (facts.isFelony === false) return notMet(ID, FELONY_WITH_FIREARM, "the offense is not a felony");
  if (facts.courtFoundFirearm === false)
    return notMet(
      ID,
      FELONY_WITH_FIREARM,
      "the court made no finding that a firearm was used, threatened, displayed or represented",
    );
  const missing = [
    ...(facts.isFelony === undefined ? ["isFelony"] : []),
    ...(facts.courtFoundFirearm === undefined ? ["courtFoundFirearm"] : []),
  ];
  if (missing.length) return unknown(ID, FELONY_WITH_FIREARM, missing);
  return met(
    ID,
    FELONY_WITH_FIREARM,
    "a felony in which the court found the person used, threatened with, displayed or represented a firearm",
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const FELONY_WITH_FIREARM_FINDING_RULE = defineRule({
  id: "offenders.felony-with-firearm-finding",
  title: "Any felony with a court finding of a firearm",
  description:
    "Any felony counts as a deadly weapon offense when the court finds the person used, threatened with, displayed or claimed to have a firearm.",
  citations: [FELONY_WITH_FIREARM],
  from: "2014-01-01",
});
