/** The schools area: security infrastructure grants (PA 13-3 §§ 84-85) and safety committees (§ 87). */
import type { Question, RuleInfo } from "../../core/questions.ts";
import { schoolSecurityGrant } from "./school-security-grant.ts";
import { schoolSafetyCommittee, COMMITTEE, PARENT_ACCESS } from "./safety-committee.ts";
import { PROGRAM, SOURCES } from "./grant-eligibility.ts";
import { RANKING_SOURCE, RATE_SOURCE } from "./reimbursement-rate.ts";
import { PRIORITY_SOURCE } from "./grant-priority.ts";
import {
  BLUEPRINTS,
  CONSTRUCTION_REVIEW,
  DESPP_STANDARDS,
  SSIC_CONTENT,
  SSIC_STANDARDS,
  schoolConstructionReview,
} from "./standards.ts";
import { mentalHealthFirstAid, MHFA_SOURCE } from "./mental-health-first-aid.ts";
import { PROTOCOL_SOURCE, REVISION_SOURCE, TEAM_SOURCE, threatAssessmentTeam } from "./campus-security.ts";
import { ASSESSMENT_SOURCE, DRILLS_SOURCE, PLANS_SOURCE } from "./school-year.ts";
import { REGISTRY_SOURCE } from "./consultant-registry.ts";
import { REGIONAL_SOURCE } from "./regional-rate.ts";
import { BOND_SOURCE } from "./grant-allocation.ts";

// Two questions with different facts: the list is heterogeneous, as in index.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const questions: Question<any, any>[] = [
  schoolSecurityGrant,
  schoolSafetyCommittee,
  schoolConstructionReview,
  mentalHealthFirstAid,
  threatAssessmentTeam,
];

const GRANT = { from: "2013-04-04", until: "2015-07-01" };

export const rules: RuleInfo[] = [
  {
    id: "schools.security-assessment",
    title: "Grant requirement: a uniform security assessment",
    description:
      "The district must have assessed its school entrances and security infrastructure under the supervision of its local police, using the Safe Schools Facilities Check List.",
    citations: [SOURCES.ASSESSMENT, PROGRAM[0]!.source],
    ...GRANT,
  },
  {
    id: "schools.emergency-plan",
    title: "Grant requirement: an emergency plan made with first responders",
    description:
      "The district must have an emergency plan at its schools developed with state and local first responders.",
    citations: [SOURCES.PLAN],
    ...GRANT,
  },
  {
    id: "schools.plan-practiced",
    title: "Grant requirement: the plan is practiced",
    description: "The district must practice its emergency plan periodically.",
    citations: [SOURCES.PRACTICE],
    ...GRANT,
  },
  {
    id: "schools.expenses-after-effective-date",
    title: "Only expenses after 2013-04-04",
    description: "The grant reimburses eligible expenses incurred after the Act took effect.",
    citations: [SOURCES.EXPENSES],
    ...GRANT,
  },
  {
    id: "schools.reimbursement-rate",
    title: "20 % to 80 % by town wealth",
    description:
      "The grant pays 20 % (wealthiest town) to 80 % (least wealthy) of eligible expenses, on the school construction scale: 20 + (rank - 1) x 60 / 168.",
    citations: [RATE_SOURCE, RANKING_SOURCE],
    ...GRANT,
  },
  {
    id: "schools.grant-priority",
    title: "Priority when money is short",
    description:
      "If there is not enough money for everyone, schools most in need of entrance security come first; among them, schools with no entrance security first, then schools in priority school districts.",
    citations: [PRIORITY_SOURCE],
    ...GRANT,
  },
  {
    id: "schools.safety-committee",
    title: "School security and safety committee members",
    description:
      "Each school's committee must include a local police officer, a local first responder, a teacher, an administrator, a mental health professional and a parent or guardian.",
    citations: [COMMITTEE[1]!.source],
    from: "2014-07-01",
  },
  {
    id: "schools.parent-access",
    title: "Parents on the committee do not see threat reports",
    description:
      "Parents and guardians on the committee may not see information about disturbing or threatening student behavior.",
    citations: [PARENT_ACCESS],
    from: "2013-04-04",
  },
  {
    id: "schools.regional-rate",
    title: "Regional districts: member towns' rates weighted by pupils",
    description:
      "For a regional board of education the rate is the average of its member towns' rates weighted by the pupils each sends (a reading, see QUESTION(legal) in regional-rate.ts).",
    citations: [RATE_SOURCE, REGIONAL_SOURCE],
    ...GRANT,
  },
  {
    id: "schools.grant-allocation",
    title: "Sharing a short round",
    description:
      "When a round cannot pay every full percentage, schools are paid in full tier by tier; the tier the money runs out in shares what is left pro rata; the $15 million bond authorization bounds all rounds.",
    citations: [PRIORITY_SOURCE, BOND_SOURCE],
    ...GRANT,
  },
  {
    id: "schools.ssic-standards",
    title: "School safety infrastructure standards each January 1",
    description:
      "The School Safety Infrastructure Council submits its standards by 2014-01-01 and every year after; they cover entryways, cameras, vestibules and other improvements; model blueprints must comply.",
    citations: [SSIC_STANDARDS, SSIC_CONTENT, BLUEPRINTS],
    from: "2013-04-04",
  },
  {
    id: "schools.despp-standards",
    title: "DESPP school safety and security plan standards",
    description: "DESPP issues plan standards by 2014-01-01 and reports them each January 1.",
    citations: [DESPP_STANDARDS],
    from: "2013-04-04",
  },
  {
    id: "schools.construction-review",
    title: "School construction applications reviewed against the safety standards",
    description:
      "From 2014-07-01 DCS reviews each school construction grant application against the standards in force and may disapprove one that does not comply.",
    citations: [CONSTRUCTION_REVIEW],
    from: "2014-07-01",
  },
  {
    id: "schools.safety-plan-due",
    title: "A school safety and security plan each school year",
    description:
      "From 2014-15, each school's plan is reviewed, updated and submitted to DESPP every school year (due by June 30, our reading).",
    citations: [PLANS_SOURCE],
    from: "2014-07-01",
  },
  {
    id: "schools.assessment-due",
    title: "A security and vulnerability assessment every two years",
    description:
      "Each school is assessed within two years of its last assessment; the first by 2015-06-30 (our reading).",
    citations: [ASSESSMENT_SOURCE],
    from: "2014-07-01",
  },
  {
    id: "schools.drill-reports-due",
    title: "Annual fire and crisis response drill reports",
    description:
      "Each school reports a fire drill and a crisis response drill to DESPP each school year, evaluated by local police and fire officials.",
    citations: [DRILLS_SOURCE],
    from: "2014-07-01",
  },
  {
    id: "schools.mental-health-first-aid",
    title: "Mental health first aid training for coordinators",
    description: "Coordinators for 2014-15 complete the training; for 2015-16 those who have not; nobody twice.",
    citations: [MHFA_SOURCE],
    from: "2013-04-04",
  },
  {
    id: "schools.consultant-registry",
    title: "School security consultant registry",
    description:
      "DESPP keeps a public registry of school security consultants with their names and employers, updated annually.",
    citations: [REGISTRY_SOURCE],
    from: "2013-04-04",
  },
  {
    id: "schools.campus-protocol-plan",
    title: "Campus security protocol plans",
    description:
      "Each college files its plan by 2013-10-01 and, from 2015, reviews it with its police chief every two years and submits the revision by August 1.",
    citations: [PROTOCOL_SOURCE, REVISION_SOURCE],
    from: "2013-04-04",
  },
  {
    id: "schools.threat-assessment-team",
    title: "Campus threat assessment teams",
    description:
      "From 2014-01-01 each campus has a trained team with campus police or security, administration, faculty, senior and mid-level staff.",
    citations: [TEAM_SOURCE],
    from: "2014-01-01",
  },
];
