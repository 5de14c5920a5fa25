/** The schools area: security infrastructure grants (PA 13-3 §§ 84-85) and safety committees (§ 87). */
import type { Question, RuleInfo } from "../../core/questions.ts";
import { schoolSecurityGrant } from "./school-security-grant.ts";
import { schoolSafetyCommittee, COMMITTEE, PARENT_ACCESS } from "./safety-committee.ts";
import { PROGRAM, SOURCES } from "./grant-eligibility.ts";
import { RANKING_SOURCE, RATE_SOURCE } from "./reimbursement-rate.ts";
import { PRIORITY_SOURCE } from "./grant-priority.ts";

// Two questions with different facts: the list is heterogeneous, as in index.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const questions: Question<any, any>[] = [schoolSecurityGrant, schoolSafetyCommittee];

const GRANT = { from: "2013-04-04", until: "2015-07-01" };

export const rules: RuleInfo[] = [
  { id: "schools.security-assessment", title: "Grant requirement: a uniform security assessment", description: "The district must have assessed its school entrances and security infrastructure under the supervision of its local police, using the Safe Schools Facilities Check List.", citations: [SOURCES.ASSESSMENT, PROGRAM[0]!.source], ...GRANT },
  { id: "schools.emergency-plan", title: "Grant requirement: an emergency plan made with first responders", description: "The district must have an emergency plan at its schools developed with state and local first responders.", citations: [SOURCES.PLAN], ...GRANT },
  { id: "schools.plan-practiced", title: "Grant requirement: the plan is practiced", description: "The district must practice its emergency plan periodically.", citations: [SOURCES.PRACTICE], ...GRANT },
  { id: "schools.expenses-after-effective-date", title: "Only expenses after 2013-04-04", description: "The grant reimburses eligible expenses incurred after the Act took effect.", citations: [SOURCES.EXPENSES], ...GRANT },
  { id: "schools.reimbursement-rate", title: "20 % to 80 % by town wealth", description: "The grant pays 20 % (wealthiest town) to 80 % (least wealthy) of eligible expenses, on the school construction scale: 20 + (rank - 1) x 60 / 168.", citations: [RATE_SOURCE, RANKING_SOURCE], ...GRANT },
  { id: "schools.grant-priority", title: "Priority when money is short", description: "If there is not enough money for everyone, schools most in need of entrance security come first; among them, schools with no entrance security first, then schools in priority school districts.", citations: [PRIORITY_SOURCE], ...GRANT },
  { id: "schools.safety-committee", title: "School security and safety committee members", description: "Each school's committee must include a local police officer, a local first responder, a teacher, an administrator, a mental health professional and a parent or guardian.", citations: [COMMITTEE[1]!.source], from: "2014-07-01" },
  { id: "schools.parent-access", title: "Parents on the committee do not see threat reports", description: "Parents and guardians on the committee may not see information about disturbing or threatening student behavior.", citations: [PARENT_ACCESS], from: "2013-04-04" },
];
