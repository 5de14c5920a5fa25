/**
 * What a district must show to receive a school security infrastructure grant.
 *
 * PA 13-3 §§ 84-85: "To receive a grant, a district must show that it (1) has
 * conducted a uniform security assessment of its school entrances and any
 * security infrastructure, (2) has an emergency plan at its schools developed
 * with applicable state and local first-responders, and (3) periodically
 * practices the plan. The security assessment must be carried out under the
 * supervision of the district's local law enforcement agency and use the Safe
 * Schools Facilities Check List published by the National Clearinghouse for
 * Educational Facilities". "Local or regional boards of education can apply to
 * DESPP for funds on behalf of their town or member towns beginning the day
 * the bill becomes law." "funding is available for FYs 13, 14, and 15."
 * EFFECTIVE DATE: Upon passage (2013-04-04).
 *
 * QUESTION(legal): funding is "available for FYs 13, 14, and 15"; we model the
 * program to the end of fiscal year 2015 (2015-06-30) and refuse later dates.
 *
 * QUESTION(legal): "expenses ... incurred after the bill's effective date" is
 * read strictly: expenses incurred on 2013-04-04 itself do not qualify.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, inForce, met, notMet, pa133, unknown } from "../../core/rules.ts";

export const PROGRAM: Dated<{ expensesAfter: PlainDate }>[] = [
  {
    from: "2013-04-04",
    until: "2015-07-01",
    value: { expensesAfter: "2013-04-04" as PlainDate },
    source: pa133("§§ 84-85", {
      text: "The bill establishes a competitive state grant program to improve security infrastructure in schools and authorizes up to $15 million in state bonds for the program. ... funding is available for FYs 13, 14, and 15.",
    }),
  },
];

const ASSESSMENT = pa133("§§ 84-85", {
  text: "To receive a grant, a district must show that it (1) has conducted a uniform security assessment of its school entrances and any security infrastructure ... The security assessment must be carried out under the supervision of the district's local law enforcement agency and use the Safe Schools Facilities Check List published by the National Clearinghouse for Educational Facilities",
});
const PLAN = pa133("§§ 84-85", {
  text: "(2) has an emergency plan at its schools developed with applicable state and local first-responders",
});
const PRACTICE = pa133("§§ 84-85", { text: "(3) periodically practices the plan" });
const EXPENSES = pa133("§§ 84-85", {
  text: "The grants reimburse school districts for 20% to 80% of the eligible expenses for such security measures incurred after the bill's effective date.",
});

export const SOURCES = { ASSESSMENT, PLAN, PRACTICE, EXPENSES };

export interface EligibilityFacts {
  conductedSecurityAssessment?: boolean;
  assessmentSupervisedByLocalLawEnforcement?: boolean;
  assessmentUsedSafeSchoolsChecklist?: boolean;
  hasEmergencyPlanWithFirstResponders?: boolean;
  practicesPlanPeriodically?: boolean;
  expensesIncurredOn?: PlainDate;
}

function yesNo(
  id: string,
  source: typeof ASSESSMENT,
  value: boolean | undefined,
  path: string,
  yes: string,
  no: string,
  remedy: string,
): Finding {
  if (value === undefined) return unknown(id, source, [path]);
  return value ? met(id, source, yes) : notMet(id, source, no, remedy);
}

export function securityAssessment(facts: EligibilityFacts): Finding {
  const id = "schools.security-assessment";
  const parts: [boolean | undefined, string, string][] = [
    [
      facts.conductedSecurityAssessment,
      "conductedSecurityAssessment",
      "no uniform security assessment of school entrances and security infrastructure",
    ],
    [
      facts.assessmentSupervisedByLocalLawEnforcement,
      "assessmentSupervisedByLocalLawEnforcement",
      "the assessment was not supervised by the local law enforcement agency",
    ],
    [
      facts.assessmentUsedSafeSchoolsChecklist,
      "assessmentUsedSafeSchoolsChecklist",
      "the assessment did not use the Safe Schools Facilities Check List",
    ],
  ];
  const failed = parts.find(([v]) => v === false);
  if (failed)
    return notMet(
      id,
      ASSESSMENT,
      failed[2],
      "conduct the assessment under the local police's supervision using the Safe Schools Facilities Check List",
    );
  const missing = parts.filter(([v]) => v === undefined).map(([, p]) => p);
  if (missing.length) return unknown(id, ASSESSMENT, missing);
  return met(
    id,
    ASSESSMENT,
    "uniform security assessment done under local law enforcement supervision with the Safe Schools Facilities Check List",
  );
}

export function emergencyPlan(facts: EligibilityFacts): Finding {
  return yesNo(
    "schools.emergency-plan",
    PLAN,
    facts.hasEmergencyPlanWithFirstResponders,
    "hasEmergencyPlanWithFirstResponders",
    "emergency plan developed with state and local first responders",
    "no emergency plan developed with first responders",
    "develop the plan with state and local first responders",
  );
}

export function planPracticed(facts: EligibilityFacts): Finding {
  return yesNo(
    "schools.plan-practiced",
    PRACTICE,
    facts.practicesPlanPeriodically,
    "practicesPlanPeriodically",
    "the plan is practiced periodically",
    "the plan is not practiced periodically",
    "practice the plan periodically",
  );
}

export function expensesAfterEffectiveDate(facts: EligibilityFacts, on: PlainDate): Finding {
  const rule = inForce(PROGRAM, on, "schools.expenses-after-effective-date");
  const id = "schools.expenses-after-effective-date";
  if (!facts.expensesIncurredOn) return unknown(id, EXPENSES, ["expensesIncurredOn"]);
  return facts.expensesIncurredOn > rule.value.expensesAfter
    ? met(id, EXPENSES, `expenses incurred ${facts.expensesIncurredOn}, after ${rule.value.expensesAfter}`)
    : notMet(
        id,
        EXPENSES,
        `expenses incurred ${facts.expensesIncurredOn}, not after the bill's effective date ${rule.value.expensesAfter}`,
      );
}
