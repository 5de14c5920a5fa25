/**
 * How long a carrier has for an initial benefit determination.
 *
 * PA 13-3 §§ 71 & 73(c): "By law, the amount of time a carrier has to make a
 * benefit determination depends on whether or not it is an urgent request. In
 * general, carriers must make a determination within 15 calendar days for
 * non-urgent requests but within 72 hours for urgent requests." "It requires
 * the carrier to make its determination as soon as possible, but no more than
 * 24 hours after it receives a request for service or treatment for these
 * disorders. If the request is to extend a course of treatment beyond the
 * initial period or number of treatments, the request must be made at least 24
 * hours before the initial authorization runs out. The 24-hour deadline for
 * the carrier does not apply if the covered person or his or her
 * representative fails to provide the information the carrier needs to make its
 * determination." EFFECTIVE DATE: October 1, 2013.
 *
 * The 15-day and 72-hour clocks are existing law, modelled from the bill's
 * passage (2013-04-04).
 *
 * QUESTION(legal): when the 24-hour deadline "does not apply" (information
 * missing) the analysis does not say which clock does; we report no clock
 * rather than guess.
 *
 * QUESTION(legal): an extension request made fewer than 24 hours before the
 * initial authorization runs out does not meet the text's condition; we read
 * the 24-hour clock as not applying to it and report no clock.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, inForce, met, notMet, pa133, unknown } from "../../core/rules.ts";
import type { InsuranceReviewFacts } from "./review-facts.ts";
import { MH_SUD_URGENT, mentalHealthUrgent } from "./mental-health-urgent.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "insurance.determination-clock";

export type Clock = { kind: "hours"; hours: number } | { kind: "calendar-days"; days: number };

export const GENERAL_CLOCKS: Dated<{ nonUrgent: Clock; urgent: Clock }>[] = [
  {
    from: "2013-04-04",
    value: { nonUrgent: { kind: "calendar-days", days: 15 }, urgent: { kind: "hours", hours: 72 } },
    source: pa133("§§ 71, 73(c)", {
      text: "In general, carriers must make a determination within 15 calendar days for non-urgent requests but within 72 hours for urgent requests.",
    }),
  },
];

export const MH_SUD_CLOCK: Dated<Clock>[] = [
  {
    from: "2013-10-01",
    value: { kind: "hours", hours: 24 },
    source: pa133("§§ 71, 73(c)", {
      text: "It requires the carrier to make its determination as soon as possible, but no more than 24 hours after it receives a request for service or treatment for these disorders.",
    }),
  },
];

export const INFORMATION_EXCEPTION = pa133("§§ 71, 73(c)", {
  text: "The 24-hour deadline for the carrier does not apply if the covered person or his or her representative fails to provide the information the carrier needs to make its determination.",
});

export const EXTENSION_TIMING = pa133("§§ 71, 73(c)", {
  text: "If the request is to extend a course of treatment beyond the initial period or number of treatments, the request must be made at least 24 hours before the initial authorization runs out.",
});

export interface ClockFinding {
  finding: Finding;
  clock: Clock | null;
  twentyFour: boolean | undefined;
}

/** The exception: met when the person failed to give the needed information (the 24-hour deadline then does not apply). */
export function informationException(facts: InsuranceReviewFacts): Finding {
  const id = "insurance.information-exception";
  if (facts.informationProvided === undefined) return unknown(id, INFORMATION_EXCEPTION, ["informationProvided"]);
  return facts.informationProvided
    ? notMet(id, INFORMATION_EXCEPTION, "the information the carrier needs was provided")
    : met(id, INFORMATION_EXCEPTION, "the needed information was not provided: the 24-hour deadline does not apply");
}

/** The extension timing condition: met when an extension request came at least 24 hours before the authorization ran out. */
export function extensionTiming(facts: InsuranceReviewFacts): Finding {
  const id = "insurance.extension-timing";
  if (facts.extensionOfCourse === undefined) return unknown(id, EXTENSION_TIMING, ["extensionOfCourse"]);
  if (!facts.extensionOfCourse) return met(id, EXTENSION_TIMING, "not an extension of a course of treatment");
  if (facts.hoursBeforeAuthorizationEnds === undefined)
    return unknown(id, EXTENSION_TIMING, ["hoursBeforeAuthorizationEnds"]);
  return facts.hoursBeforeAuthorizationEnds >= 24
    ? met(
        id,
        EXTENSION_TIMING,
        `extension requested ${facts.hoursBeforeAuthorizationEnds} hours before the authorization ends`,
      )
    : notMet(
        id,
        EXTENSION_TIMING,
        `extension requested only ${facts.hoursBeforeAuthorizationEnds} hours before the authorization ends; it must be at least 24`,
      );
}

export function determinationClock(
  facts: InsuranceReviewFacts,
  on: PlainDate,
): { findings: Finding[]; clock: Clock | null | undefined; twentyFour: boolean | undefined } {
  const general = inForce(GENERAL_CLOCKS, on, ID);
  const urgentMh = mentalHealthUrgent(facts, on);
  if (urgentMh === true) {
    const rule = inForce(MH_SUD_CLOCK, on, ID);
    const info = informationException(facts);
    const ext = extensionTiming(facts);
    const classification = met(
      "insurance.mental-health-urgent",
      MH_SUD_URGENT[0]!.source,
      "a request the Act treats as urgent",
    );
    if (info.status === "met") return { findings: [classification, info, ext], clock: null, twentyFour: false };
    if (ext.status === "not-met") return { findings: [classification, info, ext], clock: null, twentyFour: false };
    if (info.status === "unknown" || ext.status === "unknown")
      return { findings: [classification, info, ext], clock: undefined, twentyFour: undefined };
    return {
      findings: [classification, info, ext, met(ID, rule.source, "determination due within 24 hours of receipt")],
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
  // not made urgent by the Act: the general clocks
  if (facts.otherwiseUrgent === undefined)
    return { findings: [unknown(ID, general.source, ["otherwiseUrgent"])], clock: undefined, twentyFour: false };
  const clock = facts.otherwiseUrgent ? general.value.urgent : general.value.nonUrgent;
  return {
    findings: [
      notMet(
        ID,
        general.source,
        facts.otherwiseUrgent ? "an urgent request: 72 hours" : "a non-urgent request: 15 calendar days",
      ),
    ],
    clock,
    twentyFour: false,
  };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const DETERMINATION_CLOCK_RULE = defineRule({
  id: "insurance.determination-clock",
  title: "24 hours to decide these requests",
  description: "The carrier must decide such a request as soon as possible and within 24 hours of receiving it.",
  citations: [MH_SUD_CLOCK[0]!.source],
  from: "2013-10-01",
});

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const INFORMATION_EXCEPTION_RULE = defineRule({
  id: "insurance.information-exception",
  title: "Unless the needed information is missing",
  description:
    "The 24 hours do not apply if the person or representative did not give the carrier the information it needs.",
  citations: [INFORMATION_EXCEPTION],
  from: "2013-10-01",
});

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const EXTENSION_TIMING_RULE = defineRule({
  id: "insurance.extension-timing",
  title: "Extensions asked at least 24 hours ahead",
  description:
    "A request to extend a course of treatment must be made at least 24 hours before the first authorization runs out.",
  citations: [EXTENSION_TIMING],
  from: "2013-10-01",
});

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const GENERAL_CLOCKS_RULE = defineRule({
  id: "insurance.general-clocks",
  title: "Other requests: 72 hours if urgent, 15 days if not",
  description: "Other benefit requests must be decided within 72 hours if urgent and 15 calendar days if not.",
  citations: [GENERAL_CLOCKS[0]!.source],
  from: "2013-04-04",
});
