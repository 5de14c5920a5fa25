/**
 * Strict civil liability when the improperly stored firearm is used to injure
 * or kill.
 *
 * PA 13-3 §§ 54-56 (CGS § 52-571g): "As under current law pertaining to minors,
 * a person is strictly liable for damages if an ineligible or at-risk person
 * gains access to the inappropriately stored firearm and uses it to injure or
 * kill himself, herself, or someone else."
 *
 * QUESTION(legal): the analysis gives the civil rule no unlawful-entry
 * exception (it names one only for the crime); none is applied here.
 *
 * Status: not-met when liability attaches (a disqualifier present), met never,
 * not-applicable when there was no storage violation or no injury by a
 * covered person, unknown when the facts do not say.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, inForce, notApplicable, notMet, pa133, unknown } from "../../core/rules.ts";
import type { SafeStorageFacts } from "./storage-facts.ts";
import { type Trigger, UNTIL, triggerInForce } from "./secure-storage-required.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "storage.strict-liability";

export const STRICT_LIABILITY: Dated<true>[] = [
  {
    from: "2013-04-04",
    until: UNTIL,
    value: true,
    source: pa133("§§ 54-56", {
      cgs: "CGS § 52-571g",
      text: "As under current law pertaining to minors, a person is strictly liable for damages if an ineligible or at-risk person gains access to the inappropriately stored firearm and uses it to injure or kill himself, herself, or someone else.",
    }),
  },
];

const COVERED: Record<string, Trigger> = {
  minor: "minor",
  "ineligible-resident": "ineligible-resident",
  "at-risk-resident": "at-risk-resident",
};

/** Who obtained the firearm, and whether liability for that class of person is in force. */
export function coveredPerson(facts: SafeStorageFacts, on: PlainDate): boolean | undefined {
  if (!facts.obtainedBy) return undefined;
  const t = COVERED[facts.obtainedBy];
  return t !== undefined && triggerInForce(t, on);
}

export function strictLiability(facts: SafeStorageFacts, storage: Finding, on: PlainDate): Finding {
  const rule = inForce(STRICT_LIABILITY, on, ID);
  if (storage.status === "met" || storage.status === "not-applicable")
    return notApplicable(ID, rule.source, "no storage violation");
  const covered = coveredPerson(facts, on);
  if (covered === false)
    return notApplicable(
      ID,
      rule.source,
      `obtained by ${facts.obtainedBy}: not a person this liability covers on ${on}`,
    );
  if (facts.injuryOrDeath === false) return notApplicable(ID, rule.source, "no injury or death");
  if (storage.status === "unknown")
    return unknown(ID, rule.source, storage.missing ?? [], "depends on whether the storage broke the rule");
  const missing = [
    ...(covered === undefined ? ["obtainedBy"] : []),
    ...(facts.injuryOrDeath === undefined ? ["injuryOrDeath"] : []),
  ];
  if (missing.length) return unknown(ID, rule.source, missing);
  return notMet(
    ID,
    rule.source,
    `strictly liable for damages: the ${facts.obtainedBy} obtained the improperly stored firearm and caused injury or death`,
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const STRICT_LIABILITY_RULE = defineRule({
  id: "storage.strict-liability",
  title: "Strict liability for harm from an improperly stored firearm",
  description:
    "If such a child or resident gets the improperly stored firearm and injures or kills someone (or themselves), the person who stored it is liable for damages without proof of fault.",
  citations: [STRICT_LIABILITY[0]!.source],
  from: "2013-04-04",
  until: UNTIL,
});
