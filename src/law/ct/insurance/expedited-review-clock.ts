/**
 * Expedited review of an adverse determination: 24 hours for these requests.
 *
 * PA 13-3 §§ 74(d) & 76(i): "By classifying requests for these services and
 * treatments as urgent, the bill entitles the covered person to an expedited
 * review of an adverse determination. Under current law, the carrier or
 * independent review organization must notify the covered person and his or
 * her representative of its decision regarding an expedited review within 72
 * hours of receiving a grievance. The bill requires that carriers make their
 * decision for expedited reviews of requests for services and treatment for
 * the mental and substance use disorders within 24 hours." EFFECTIVE DATE: October 1, 2013.
 *
 * QUESTION(legal): the missing-information exception is stated for initial
 * determinations only; it is not applied to expedited reviews.
 *
 * QUESTION(legal): the 24 hours bind "carriers"; for an independent review
 * organization the analysis states only the 72 hours. We give 24 hours for the
 * carrier's decision.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, inForce, met, notApplicable, notMet, pa133, unknown } from "../../core/rules.ts";
import type { InsuranceReviewFacts } from "./review-facts.ts";
import { MH_SUD_URGENT, mentalHealthUrgent } from "./mental-health-urgent.ts";
import type { Clock } from "./determination-clock.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "insurance.expedited-review-clock";

export const EXPEDITED_GENERAL: Dated<Clock>[] = [
  {
    from: "2013-04-04",
    value: { kind: "hours", hours: 72 },
    source: pa133("§§ 74(d), 76(i)", {
      text: "Under current law, the carrier or independent review organization must notify the covered person and his or her representative of its decision regarding an expedited review within 72 hours of receiving a grievance.",
    }),
  },
];

export const EXPEDITED_MH_SUD: Dated<Clock>[] = [
  {
    from: "2013-10-01",
    value: { kind: "hours", hours: 24 },
    source: pa133("§§ 74(d), 76(i)", {
      text: "The bill requires that carriers make their decision for expedited reviews of requests for services and treatment for the mental and substance use disorders within 24 hours.",
    }),
  },
];

export function expeditedReviewClock(
  facts: InsuranceReviewFacts,
  on: PlainDate,
): { findings: Finding[]; clock: Clock | null | undefined; twentyFour: boolean | undefined } {
  const general = inForce(EXPEDITED_GENERAL, on, ID);
  const urgentMh = mentalHealthUrgent(facts, on);
  if (urgentMh === true) {
    const rule = inForce(EXPEDITED_MH_SUD, on, ID);
    return {
      findings: [
        met(
          "insurance.mental-health-urgent",
          MH_SUD_URGENT[0]!.source,
          "a request the Act treats as urgent: expedited review",
        ),
        met(ID, rule.source, "expedited review decided within 24 hours"),
      ],
      clock: rule.value,
      twentyFour: true,
    };
  }
  if (urgentMh === undefined) {
    const missing =
      facts.condition === undefined
        ? ["condition"]
        : facts.service === undefined
          ? ["service"]
          : ["neededToAvoidInpatient"];
    return {
      findings: [unknown("insurance.mental-health-urgent", MH_SUD_URGENT[0]!.source, missing)],
      clock: undefined,
      twentyFour: undefined,
    };
  }
  if (facts.otherwiseUrgent === undefined)
    return { findings: [unknown(ID, general.source, ["otherwiseUrgent"])], clock: undefined, twentyFour: false };
  if (!facts.otherwiseUrgent)
    return {
      findings: [notApplicable(ID, general.source, "not an urgent request: no expedited review")],
      clock: null,
      twentyFour: false,
    };
  return {
    findings: [notMet(ID, general.source, "an urgent request: expedited review within 72 hours")],
    clock: general.value,
    twentyFour: false,
  };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const EXPEDITED_REVIEW_CLOCK_RULE = defineRule({
  id: "insurance.expedited-review-clock",
  title: "Expedited reviews in 24 hours",
  description:
    "An expedited review of a denial of such a request must be decided within 24 hours (72 hours for other urgent requests).",
  citations: [EXPEDITED_MH_SUD[0]!.source, EXPEDITED_GENERAL[0]!.source],
  from: "2013-10-01",
});
