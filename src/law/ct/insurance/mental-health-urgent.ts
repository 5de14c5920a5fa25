/**
 * Requests treated as urgent: substance use disorder and certain mental
 * disorder services.
 *
 * PA 13-3 §§ 71 & 73(c): "The bill treats as urgent requests those for a
 * service or treatment for (1) substance use disorder or co-occurring mental
 * disorder and (2) inpatient services, partial hospitalization, residential
 * treatment, or intensive outpatient services needed to keep a covered person
 * from requiring an inpatient setting in connection with a mental disorder."
 * EFFECTIVE DATE: October 1, 2013.
 *
 * QUESTION(legal): "needed to keep a covered person from requiring an
 * inpatient setting" is read as qualifying intensive outpatient services only
 * (inpatient services cannot keep a person out of an inpatient setting); so
 * inpatient, partial hospitalization and residential treatment for a mental
 * disorder are urgent as such.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, findInForce, pa133 } from "../../core/rules.ts";
import type { InsuranceReviewFacts } from "./review-facts.ts";
import { defineRule } from "../../core/questions.ts";

export const MH_SUD_URGENT: Dated<true>[] = [
  {
    from: "2013-10-01",
    value: true,
    source: pa133("§§ 71, 73(c)", {
      text: "The bill treats as urgent requests those for a service or treatment for (1) substance use disorder or co-occurring mental disorder and (2) inpatient services, partial hospitalization, residential treatment, or intensive outpatient services needed to keep a covered person from requiring an inpatient setting in connection with a mental disorder.",
    }),
  },
];

/** True/false when the Act makes the request urgent on `on`; undefined when the facts do not say. */
export function mentalHealthUrgent(facts: InsuranceReviewFacts, on: PlainDate): boolean | undefined {
  if (!findInForce(MH_SUD_URGENT, on)) return false;
  if (facts.condition === undefined) return undefined;
  if (facts.condition === "substance-use-disorder" || facts.condition === "co-occurring-mental-disorder") return true;
  if (facts.condition === "other") return false;
  // a mental disorder
  if (facts.service === undefined) return undefined;
  if (
    facts.service === "inpatient" ||
    facts.service === "partial-hospitalization" ||
    facts.service === "residential-treatment"
  )
    return true;
  if (facts.service === "other") return false;
  return facts.neededToAvoidInpatient;
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const MENTAL_HEALTH_URGENT_RULE = defineRule({
  id: "insurance.mental-health-urgent",
  title: "Mental health and substance use requests are urgent",
  description:
    "Requests for substance use disorder treatment, and for inpatient, partial hospitalization, residential or intensive outpatient mental health services, are treated as urgent.",
  citations: [MH_SUD_URGENT[0]!.source],
  from: "2013-10-01",
});
