/**
 * Question `school-safety-committee`: does a school's security and safety
 * committee have the members the law requires?
 *
 * PA 13-3 § 87: "The bill requires local and regional boards of education to
 * annually do the following, beginning in the 2014-15 school year: ... 3.
 * establish a school security and safety committee at each school to assist in
 * developing and administering the school's safety and security plan.
 * Membership of the school security and safety committee must consist of: 1. a
 * local police officer, 2. a local first responder, 3. a teacher employed at
 * the school, 4. an administrator employed at the school, 5. a mental health
 * professional (guidance counselor, school social worker, school
 * psychologist, school nurse, or child mental health specialist), 6. a parent
 * or guardian of an enrolled student, and 7. any other person the governing
 * board of education finds necessary. Parents or guardians who serve on this
 * committee must not have access to information about disturbing or
 * threatening student behavior reported to the committee". EFFECTIVE DATE: Upon passage.
 *
 * QUESTION(legal): "beginning in the 2014-15 school year" is read as from
 * 2014-07-01, the start of the school year in Connecticut (July 1 to June 30).
 * Before then the composition is not yet required.
 *
 * QUESTION(legal): we check that each role is held; whether one person may hold
 * two roles (a teacher who is also a parent) is not decided here.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import type { Answer, Question } from "../../core/questions.ts";
import {
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

export const MENTAL_HEALTH_PROFESSIONALS = [
  "guidance-counselor",
  "school-social-worker",
  "school-psychologist",
  "school-nurse",
  "child-mental-health-specialist",
] as const;

export const CommitteeRole = z.enum([
  "local-police-officer",
  "local-first-responder",
  "teacher-at-school",
  "administrator-at-school",
  ...MENTAL_HEALTH_PROFESSIONALS,
  "parent-or-guardian",
  "other",
]);
export type CommitteeRole = z.infer<typeof CommitteeRole>;

export type Seat =
  | "local-police-officer"
  | "local-first-responder"
  | "teacher-at-school"
  | "administrator-at-school"
  | "mental-health-professional"
  | "parent-or-guardian";
export const REQUIRED_SEATS: readonly Seat[] = [
  "local-police-officer",
  "local-first-responder",
  "teacher-at-school",
  "administrator-at-school",
  "mental-health-professional",
  "parent-or-guardian",
];

const MEMBERSHIP_TEXT =
  "Membership of the school security and safety committee must consist of: 1. a local police officer, 2. a local first responder, 3. a teacher employed at the school, 4. an administrator employed at the school, 5. a mental health professional (guidance counselor, school social worker, school psychologist, school nurse, or child mental health specialist), 6. a parent or guardian of an enrolled student, and 7. any other person the governing board of education finds necessary.";

export const COMMITTEE: Dated<{ required: boolean }>[] = [
  {
    from: "2013-04-04",
    until: "2014-07-01",
    value: { required: false },
    source: pa133("§ 87", { text: "beginning in the 2014-15 school year" }),
  },
  { from: "2014-07-01", value: { required: true }, source: pa133("§ 87", { text: MEMBERSHIP_TEXT }) },
];

export const PARENT_ACCESS = pa133("§ 87", {
  text: "Parents or guardians who serve on this committee must not have access to information about disturbing or threatening student behavior reported to the committee, since it may compromise student confidentiality.",
});

export const SchoolSafetyCommitteeFacts = z.object({
  members: z
    .array(CommitteeRole)
    .optional()
    .describe("the role of each committee member (a mental health professional by kind)"),
});
export type SchoolSafetyCommitteeFacts = z.infer<typeof SchoolSafetyCommitteeFacts>;

export interface SchoolSafetyCommitteeResult {
  committeeRequired: boolean;
  missingSeats: Seat[];
  parentsMayReceiveThreatReports: false;
}

export function seatOf(role: CommitteeRole): Seat | undefined {
  if ((MENTAL_HEALTH_PROFESSIONALS as readonly string[]).includes(role)) return "mental-health-professional";
  return role === "other" ? undefined : (role as Seat);
}

export function missingSeats(members: readonly CommitteeRole[]): Seat[] {
  const held = new Set(members.map(seatOf));
  return REQUIRED_SEATS.filter((s) => !held.has(s));
}

export function committeeMembership(facts: SchoolSafetyCommitteeFacts, on: PlainDate): Finding {
  const rule = inForce(COMMITTEE, on, "schools.safety-committee");
  const id = "schools.safety-committee";
  if (!rule.value.required)
    return notApplicable(id, rule.source, "committees are required from the 2014-15 school year (2014-07-01)");
  if (!facts.members) return unknown(id, rule.source, ["members"]);
  const missing = missingSeats(facts.members);
  return missing.length
    ? notMet(id, rule.source, `missing: ${missing.join(", ")}`, `appoint ${missing.join(", ")}`)
    : met(id, rule.source, "every required member is on the committee");
}

export const schoolSafetyCommittee: Question<SchoolSafetyCommitteeFacts, SchoolSafetyCommitteeResult> = {
  id: "school-safety-committee",
  title: "School security and safety committee membership",
  description:
    "From the 2014-15 school year each school must have a school security and safety committee with a local police officer, a local first responder, a teacher and an administrator employed at the school, a mental health professional (guidance counselor, school social worker, school psychologist, school nurse or child mental health specialist) and a parent or guardian of an enrolled student, plus anyone else the board finds necessary. Parents on the committee may not see reports of disturbing or threatening student behavior.",
  citations: [COMMITTEE[1]!.source, PARENT_ACCESS],
  modelledFrom: "2013-04-04",
  facts: SchoolSafetyCommitteeFacts,
  result: {
    committeeRequired: "true from 2014-07-01 (the 2014-15 school year)",
    missingSeats: "the required seats no member holds (empty when complete or not yet required)",
    parentsMayReceiveThreatReports:
      "always false: parents and guardians on the committee may not see reports of disturbing or threatening behavior",
  },
  example: {
    members: [
      "local-police-officer",
      "local-first-responder",
      "teacher-at-school",
      "administrator-at-school",
      "school-psychologist",
      "parent-or-guardian",
    ],
  },
  decide(facts, on): Answer<SchoolSafetyCommitteeResult> {
    const membership = committeeMembership(facts, on);
    const required = inForce(COMMITTEE, on).value.required;
    const access = met(
      "schools.parent-access",
      PARENT_ACCESS,
      "parents and guardians on the committee get no reports of disturbing or threatening student behavior",
    );
    return {
      outcome: allOf([membership]),
      result: {
        committeeRequired: required,
        missingSeats: required && facts.members ? missingSeats(facts.members) : [],
        parentsMayReceiveThreatReports: false,
      },
      findings: [membership, access],
    };
  },
};
