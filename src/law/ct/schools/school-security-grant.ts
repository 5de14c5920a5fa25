/**
 * Question `school-security-grant`: is a school district eligible for a school
 * security infrastructure grant, at what reimbursement rate and amount, and
 * where does it stand if the money is short?
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import type { Answer, Question } from "../../core/questions.ts";
import { allOf, inForce, met, unknown } from "../../core/rules.ts";
import {
  PROGRAM,
  SOURCES,
  emergencyPlan,
  expensesAfterEffectiveDate,
  planPracticed,
  securityAssessment,
} from "./grant-eligibility.ts";
import {
  RANKING_SOURCE,
  RATE_SOURCE,
  TOWNS,
  reimbursementAmount,
  reimbursementRatePercent,
} from "./reimbursement-rate.ts";
import { PRIORITY_SOURCE, type Tier, priorityTier } from "./grant-priority.ts";

export const SchoolSecurityGrantFacts = z.object({
  conductedSecurityAssessment: z
    .boolean()
    .optional()
    .describe("conducted a uniform security assessment of school entrances and security infrastructure"),
  assessmentSupervisedByLocalLawEnforcement: z.boolean().optional(),
  assessmentUsedSafeSchoolsChecklist: z
    .boolean()
    .optional()
    .describe(
      "the assessment used the Safe Schools Facilities Check List (National Clearinghouse for Educational Facilities)",
    ),
  hasEmergencyPlanWithFirstResponders: z.boolean().optional(),
  practicesPlanPeriodically: z.boolean().optional(),
  expensesIncurredOn: PlainDateSchema.optional().describe("when the expenses were incurred"),
  townWealthRank: z
    .number()
    .int()
    .min(1)
    .max(TOWNS)
    .optional()
    .describe("the town's wealth rank, 1 (wealthiest) to 169"),
  eligibleExpenses: z.number().min(0).optional().describe("eligible expenses in dollars"),
  fundsSufficient: z
    .boolean()
    .optional()
    .describe("there is enough money to reimburse every district its full percentage"),
  mostInNeedOfEntranceSecurity: z.boolean().optional(),
  noEntranceSecurityInfrastructure: z.boolean().optional(),
  inPrioritySchoolDistrict: z.boolean().optional(),
});
export type SchoolSecurityGrantFacts = z.infer<typeof SchoolSecurityGrantFacts>;

export interface SchoolSecurityGrantResult {
  eligible: boolean | null;
  reimbursementRatePercent: number | null;
  reimbursementAmount: number | null;
  priorityTier: Tier | null;
}

export function decideSchoolSecurityGrant(
  facts: SchoolSecurityGrantFacts,
  on: PlainDate,
): Answer<SchoolSecurityGrantResult> {
  const findings = [
    securityAssessment(facts),
    emergencyPlan(facts),
    planPracticed(facts),
    expensesAfterEffectiveDate(facts, on),
  ];
  const outcome = allOf(findings);
  const rate = facts.townWealthRank !== undefined ? reimbursementRatePercent(facts.townWealthRank) : null;
  findings.push(
    rate !== null
      ? met(
          "schools.reimbursement-rate",
          RATE_SOURCE,
          `town wealth rank ${facts.townWealthRank}: ${rate}% (${RANKING_SOURCE.cgs})`,
        )
      : unknown("schools.reimbursement-rate", RATE_SOURCE, ["townWealthRank"]),
  );
  let tier: Tier | null = null;
  if (outcome !== "no" && facts.fundsSufficient === false) {
    tier = priorityTier(facts) ?? null;
    findings.push(
      tier !== null
        ? met("schools.grant-priority", PRIORITY_SOURCE, `funds are short: priority tier ${tier} of 4`)
        : unknown(
            "schools.grant-priority",
            PRIORITY_SOURCE,
            ["mostInNeedOfEntranceSecurity", "noEntranceSecurityInfrastructure", "inPrioritySchoolDistrict"].filter(
              (k) => facts[k as keyof SchoolSecurityGrantFacts] === undefined,
            ),
          ),
    );
  }
  return {
    outcome,
    result: {
      eligible: outcome === "unknown" ? null : outcome === "yes",
      reimbursementRatePercent: rate,
      reimbursementAmount:
        outcome === "yes" && rate !== null && facts.eligibleExpenses !== undefined
          ? reimbursementAmount(facts.eligibleExpenses, rate)
          : null,
      priorityTier: tier,
    },
    findings,
  };
}

export const schoolSecurityGrant: Question<SchoolSecurityGrantFacts, SchoolSecurityGrantResult> = {
  id: "school-security-grant",
  title: "School security infrastructure grant: eligibility, rate and priority",
  description:
    "Whether a school district can receive a school security infrastructure grant (a uniform security assessment under local police supervision using the Safe Schools Facilities Check List, an emergency plan made with first responders, and practice of the plan, for expenses incurred after 2013-04-04); its reimbursement rate, 20 % to 80 % by town wealth rank; and, when money is short, its priority: schools most in need of entrance security first, and among them those with no entrance security, then those in priority school districts.",
  citations: [
    PROGRAM[0]!.source,
    SOURCES.ASSESSMENT,
    SOURCES.PLAN,
    SOURCES.PRACTICE,
    SOURCES.EXPENSES,
    RATE_SOURCE,
    RANKING_SOURCE,
    PRIORITY_SOURCE,
  ],
  modelledFrom: "2013-04-04",
  facts: SchoolSecurityGrantFacts,
  result: {
    eligible: "true when the district meets the grant's requirements, false when not, null when unknown",
    reimbursementRatePercent: "20 + (rank - 1) x 60 / 168, to hundredths of a percent; null without a rank",
    reimbursementAmount: "eligible expenses x rate, to the cent, when eligible and both are known",
    priorityTier:
      "when funds are short: 1 most in need with no entrance security, 2 most in need in a priority school district, 3 most in need otherwise, 4 the rest; null otherwise",
  },
  example: {
    conductedSecurityAssessment: true,
    assessmentSupervisedByLocalLawEnforcement: true,
    assessmentUsedSafeSchoolsChecklist: true,
    hasEmergencyPlanWithFirstResponders: true,
    practicesPlanPeriodically: true,
    expensesIncurredOn: "2013-09-15" as PlainDate,
    townWealthRank: 163,
    eligibleExpenses: 100000,
  },
  decide(facts, on) {
    inForce(PROGRAM, on, "schools.school-security-grant");
    return decideSchoolSecurityGrant(facts, on);
  },
};
