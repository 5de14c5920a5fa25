/**
 * Question `mental-health-first-aid-training`: must a district safe school
 * climate coordinator successfully complete mental health first aid training?
 *
 * PA 13-3 § 90: "DHMAS must provide training for individuals appointed to
 * serve as district safe school climate coordinators for the 2014-15 school
 * year and these individuals must successfully complete the training. For the
 * 2015-16 school year, only district safe school climate coordinators who did
 * not successfully complete the training or serve in the prior school year
 * must successfully complete the training. No individual must successfully
 * complete the training more than once." EFFECTIVE DATE: Upon passage.
 *
 * QUESTION(legal): the text names only the 2014-15 and 2015-16 school years;
 * for coordinators of later years we answer "not required by § 90" (a board
 * may still send them, since participants "may include" others).
 *
 * QUESTION(legal): "did not successfully complete the training or serve in the
 * prior school year" is read as: a 2015-16 coordinator who has not completed
 * it (whether or not they served in 2014-15) must complete it; with "no
 * individual ... more than once", anyone who completed it is never required again.
 *
 * QUESTION(legal): no completion day is set; we list a coordinator as late
 * after the last day (June 30) of the school year they were appointed for.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import type { Answer, Question } from "../../core/questions.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import {
  type Citation,
  type Dated,
  type Finding,
  allOf,
  inForce,
  met,
  notApplicable,
  notMet,
  pa133,
  unknown,
} from "../../core/rules.ts";
import { schoolYearEnd, schoolYearLabel } from "./school-year.ts";

export const MHFA_SOURCE: Citation = pa133("§ 90", {
  text: "DHMAS must provide training for individuals appointed to serve as district safe school climate coordinators for the 2014-15 school year and these individuals must successfully complete the training. For the 2015-16 school year, only district safe school climate coordinators who did not successfully complete the training or serve in the prior school year must successfully complete the training. No individual must successfully complete the training more than once.",
});

/** School years (by start year) for which § 90 requires completion. */
export const MHFA_YEARS: Dated<{ years: readonly number[] }>[] = [
  { from: "2013-04-04", value: { years: [2014, 2015] }, source: MHFA_SOURCE },
];

export const MentalHealthFirstAidFacts = z.object({
  schoolYear: z
    .number()
    .int()
    .min(2000)
    .max(2199)
    .optional()
    .describe("start year of the school year the person is appointed coordinator for (2014 = 2014-15)"),
  completedTraining: z
    .boolean()
    .optional()
    .describe("the person has successfully completed the training (at any time)"),
  completedOn: PlainDateSchema.optional().describe("when, if known"),
  servedPriorYear: z.boolean().optional().describe("served as coordinator in the prior school year"),
});
export type MentalHealthFirstAidFacts = z.infer<typeof MentalHealthFirstAidFacts>;
export interface MentalHealthFirstAidResult {
  mustComplete: boolean;
  dueOn: PlainDate | null;
}

export function trainingRequirement(facts: MentalHealthFirstAidFacts, on: PlainDate): Finding {
  const rule = inForce(MHFA_YEARS, on, "schools.mental-health-first-aid");
  const id = "schools.mental-health-first-aid";
  if (facts.schoolYear === undefined) return unknown(id, rule.source, ["schoolYear"]);
  const label = schoolYearLabel(facts.schoolYear);
  if (!rule.value.years.includes(facts.schoolYear))
    return notApplicable(
      id,
      rule.source,
      `§ 90 requires the training of coordinators for 2014-15 and 2015-16 only, not ${label}`,
    );
  if (facts.completedTraining === undefined) return unknown(id, rule.source, ["completedTraining"]);
  if (facts.completedTraining)
    return met(
      id,
      rule.source,
      `completed the training${facts.completedOn ? ` on ${facts.completedOn}` : ""}; no one must complete it twice`,
    );
  // Under our reading whether they served in the prior year does not change the answer (see the QUESTION above).
  return notMet(
    id,
    rule.source,
    `coordinator for ${label} has not completed the training`,
    `complete mental health first aid training by ${schoolYearEnd(facts.schoolYear)}`,
  );
}

export const mentalHealthFirstAid: Question<MentalHealthFirstAidFacts, MentalHealthFirstAidResult> = {
  id: "mental-health-first-aid-training",
  title: "Mental health first aid training for safe school climate coordinators",
  description:
    "District safe school climate coordinators appointed for 2014-15 must complete mental health first aid training; for 2015-16 only those who have not completed it; nobody needs it twice.",
  citations: [MHFA_SOURCE],
  modelledFrom: "2013-04-04",
  facts: MentalHealthFirstAidFacts,
  result: {
    mustComplete: "true when § 90 requires this coordinator to complete the training",
    dueOn: "the last day of the school year (our reading), when required",
  },
  example: { schoolYear: 2014, completedTraining: false },
  decide(facts, on): Answer<MentalHealthFirstAidResult> {
    const f = trainingRequirement(facts, on);
    const must = f.status === "not-met";
    // "Must complete" is a duty, not an ineligibility: the outcome says whether the duty is met.
    return {
      outcome: allOf([f]),
      result: {
        mustComplete: must,
        dueOn: must && facts.schoolYear !== undefined ? schoolYearEnd(facts.schoolYear) : null,
      },
      findings: [f],
    };
  },
};
