/**
 * The general deadline: declare an LCM, or apply for an assault weapon
 * certificate of possession, by January 1, 2014.
 *
 * PA 13-3 §§ 23-24 (CGS § 53-202x): "Anyone who lawfully possesses an LCM
 * before January 1, 2014, must apply to DESPP by January 1, 2014 to declare its
 * possession in order to legally keep it."
 *
 * PA 13-3 §§ 25-31 (CGS § 53-202d): "anyone who legally possessed one of the
 * newly banned weapons on the day before the bill's effective date and who is
 * eligible for a certificate of possession may continue to do so by applying to
 * DESPP for this certificate by January 1, 2014 and otherwise complying with
 * the bill."
 *
 * QUESTION(legal): 1 January 2014 is New Year's Day, a legal holiday (CGS § 1-4).
 * The text says "by January 1, 2014" and nothing moves it; we read the deadline
 * as 2014-01-01 inclusive, not extended to the next business day.
 */
import { type PlainDate, plainDate } from "../../core/dates.ts";
import { type Dated, inForce, met, notApplicable, notMet, pa133, unknown } from "../../core/rules.ts";
import type { DeclarationFacts, RouteFinding } from "./declaration-facts.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "clocks.declare-by-deadline";

export const LCM_DECLARATION_DEADLINE: Dated<PlainDate>[] = [
  {
    from: "2013-04-04",
    value: plainDate("2014-01-01"),
    source: pa133("§§ 23-24", {
      cgs: "CGS § 53-202x",
      text: "Anyone who lawfully possesses an LCM before January 1, 2014, must apply to DESPP by January 1, 2014 to declare its possession in order to legally keep it.",
    }),
  },
];

export const AW_CERTIFICATE_DEADLINE: Dated<PlainDate>[] = [
  {
    from: "2013-04-04",
    value: plainDate("2014-01-01"),
    source: pa133("§§ 25-31", {
      cgs: "CGS § 53-202d",
      text: "anyone who legally possessed one of the newly banned weapons on the day before the bill's effective date and who is eligible for a certificate of possession may continue to do so by applying to DESPP for this certificate by January 1, 2014",
    }),
  },
];

export function declareByDeadline(facts: DeclarationFacts, on: PlainDate): RouteFinding {
  const lcm = inForce(LCM_DECLARATION_DEADLINE, on, ID);
  const aw = inForce(AW_CERTIFICATE_DEADLINE, on, ID);
  if (!facts.item) return { finding: unknown(ID, lcm.source, ["item"]) };
  const rule = facts.item === "large-capacity-magazine" ? lcm : aw;
  const what =
    facts.item === "large-capacity-magazine"
      ? "lawfully possessed the magazine before 2014-01-01"
      : "legally possessed the weapon on 2013-04-03";
  if (facts.lawfullyPossessedBeforeCutoff === undefined)
    return { finding: unknown(ID, rule.source, ["lawfullyPossessedBeforeCutoff"]) };
  if (!facts.lawfullyPossessedBeforeCutoff) return { finding: notApplicable(ID, rule.source, `has not ${what}`) };
  if (facts.item === "assault-weapon") {
    if (facts.eligibleForCertificate === undefined)
      return { finding: unknown(ID, rule.source, ["eligibleForCertificate"]) };
    if (!facts.eligibleForCertificate) {
      return {
        finding: notMet(ID, rule.source, "not eligible for a certificate of possession, so this route is closed"),
      };
    }
  }
  const deadline = rule.value;
  const open = on <= deadline;
  const action = facts.item === "large-capacity-magazine" ? "declare-possession" : "apply-for-certificate";
  const finding = open
    ? met(ID, rule.source, `${what}; ${action} by ${deadline}`)
    : notMet(ID, rule.source, `${what}, but the deadline to ${action} was ${deadline}`);
  return { finding, route: { rule: ID, actions: [action], deadline, open } };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const DECLARE_BY_DEADLINE_RULE = defineRule({
  id: "clocks.declare-by-deadline",
  title: "Declare a large capacity magazine, or apply for an assault weapon certificate, by 2014-01-01",
  description:
    "A person who lawfully had a large capacity magazine before 2014-01-01 must declare it to the state police by 2014-01-01 to keep it. A person who legally had a newly banned assault weapon on 2013-04-03 and is eligible may keep it by applying for a certificate of possession by 2014-01-01.",
  citations: [LCM_DECLARATION_DEADLINE[0]!.source, AW_CERTIFICATE_DEADLINE[0]!.source],
  from: "2013-04-04",
});
