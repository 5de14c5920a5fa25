/**
 * Service members transferred to Connecticut: 90 days after arriving.
 *
 * PA 13-3 §§ 23-24 (CGS § 53-202x): "But servicemembers who transfer here after
 * January 1, 2014, have 90 days after their arrival to declare possession of an
 * LCM."
 *
 * PA 13-3 §§ 25-31 (CGS § 53-202d): "But servicemembers transferred to
 * Connecticut in lawful possession of an assault weapon may apply to DESPP for
 * a certificate within 90 days of arriving here."
 *
 * QUESTION(legal): "after January 1, 2014" for LCMs. A member arriving on
 * 2014-01-01 itself would otherwise have had to declare that same day; we read
 * the window as open to arrivals on or after 2014-01-01. Earlier arrivals
 * possessed the magazine in the state before 2014-01-01 and use the general
 * deadline.
 *
 * QUESTION(legal): the assault weapon text has no date; we apply it to
 * arrivals on or after the bill's effective date (2013-04-04). Earlier
 * arrivals possessed the weapon on 2013-04-03 and use the general deadline.
 */
import { type PlainDate, addDays, plainDate } from "../../core/dates.ts";
import { type Dated, inForce, met, notApplicable, notMet, pa133, unknown } from "../../core/rules.ts";
import { type DeclarationFacts, type RouteFinding, WINDOW_DAYS } from "./declaration-facts.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "clocks.service-member-transferred-in";

interface Window {
  days: number;
  arrivalsFrom: PlainDate;
}

export const TRANSFERRED_IN: Record<"large-capacity-magazine" | "assault-weapon", Dated<Window>[]> = {
  "large-capacity-magazine": [
    {
      from: "2013-04-04",
      value: { days: WINDOW_DAYS, arrivalsFrom: plainDate("2014-01-01") },
      source: pa133("§§ 23-24", {
        cgs: "CGS § 53-202x",
        text: "But servicemembers who transfer here after January 1, 2014, have 90 days after their arrival to declare possession of an LCM.",
      }),
    },
  ],
  "assault-weapon": [
    {
      from: "2013-04-04",
      value: { days: WINDOW_DAYS, arrivalsFrom: plainDate("2013-04-04") },
      source: pa133("§§ 25-31", {
        cgs: "CGS § 53-202d",
        text: "But servicemembers transferred to Connecticut in lawful possession of an assault weapon may apply to DESPP for a certificate within 90 days of arriving here.",
      }),
    },
  ],
};

export function serviceMemberTransferredIn(facts: DeclarationFacts, on: PlainDate): RouteFinding {
  const rule = inForce(TRANSFERRED_IN[facts.item ?? "large-capacity-magazine"], on, ID);
  if (facts.transferredServiceMember === false)
    return { finding: notApplicable(ID, rule.source, "not a service member transferred to Connecticut") };
  if (!facts.item) return { finding: unknown(ID, rule.source, ["item"]) };
  if (facts.transferredServiceMember === undefined)
    return { finding: unknown(ID, rule.source, ["transferredServiceMember"]) };
  if (!facts.transferredInOn) return { finding: unknown(ID, rule.source, ["transferredInOn"]) };
  if (facts.transferredInOn < rule.value.arrivalsFrom) {
    return {
      finding: notApplicable(
        ID,
        rule.source,
        `arrived ${facts.transferredInOn}, before ${rule.value.arrivalsFrom}: the general deadline applies instead`,
      ),
    };
  }
  const action = facts.item === "large-capacity-magazine" ? "declare-possession" : "apply-for-certificate";
  const deadline = addDays(facts.transferredInOn, rule.value.days);
  const open = on <= deadline;
  return {
    finding: open
      ? met(ID, rule.source, `arrived ${facts.transferredInOn}; ${action} by ${deadline}`)
      : notMet(ID, rule.source, `arrived ${facts.transferredInOn}; the ${rule.value.days} days ended ${deadline}`),
    route: { rule: ID, actions: [action], deadline, open },
  };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const SERVICE_MEMBER_TRANSFERRED_IN_RULE = defineRule({
  id: "clocks.service-member-transferred-in",
  title: "Service members transferred to Connecticut: 90 days after arriving",
  description:
    "A service member transferred to Connecticut has 90 days after arriving to declare a large capacity magazine (arrivals from 2014-01-01) or apply for an assault weapon certificate.",
  citations: [TRANSFERRED_IN["large-capacity-magazine"][0]!.source, TRANSFERRED_IN["assault-weapon"][0]!.source],
  from: "2013-04-04",
});
