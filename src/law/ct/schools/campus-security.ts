/**
 * Higher education security protocol plans and threat assessment teams (PA 13-3 § 92).
 *
 * "The bill requires UConn and all its campuses, all state colleges in the
 * Connecticut State University System (CSUS), all regional
 * community-technical colleges, and all Connecticut independent institutions
 * of higher education to do the following: 1. by October 1, 2013, give an
 * up-to-date security protocol plan to DESPP ... 2. by July 1, 2015, and every
 * two years afterward, review and revise its security protocol plan with
 * chiefs of police or campus security and submit revisions to DESPP by August
 * 1 of the effected year." "The bill also requires all of the above colleges to
 * establish trained threat assessment teams on each campus by January 1,
 * 2014." "A membership model must include at least one member from its
 * special police force or campus security personnel, administration, faculty,
 * and senior and mid-level staff." EFFECTIVE DATE: Upon passage.
 *
 * QUESTION(legal): "senior and mid-level staff" is read as two seats: at least
 * one senior staff member and at least one mid-level staff member.
 *
 * QUESTION(legal): a revision "by July 1, 2015, and every two years afterward"
 * belongs to the cycle year (2015, 2017, ...) it is filed for; it is on time
 * when submitted to DESPP on or before August 1 of that year, and must have
 * been reviewed with the chief of police or head of campus security.
 */
import { z } from "zod";
import { type PlainDate, fromParts, parts } from "../../core/dates.ts";
import type { Answer, Question } from "../../core/questions.ts";
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
import type { Due } from "./school-year.ts";

export const PROTOCOL_SOURCE: Citation = pa133("§ 92", {
  text: "by October 1, 2013, give an up-to-date security protocol plan to DESPP",
});
export const REVISION_SOURCE: Citation = pa133("§ 92", {
  text: "by July 1, 2015, and every two years afterward, review and revise its security protocol plan with chiefs of police or campus security and submit revisions to DESPP by August 1 of the effected year.",
});
export const TEAM_SOURCE: Citation = pa133("§ 92", {
  text: "establish trained threat assessment teams on each campus by January 1, 2014. ... A membership model must include at least one member from its special police force or campus security personnel, administration, faculty, and senior and mid-level staff.",
});

export const INITIAL_PLAN_DUE = "2013-10-01" as PlainDate;
export const TEAM_DUE = "2014-01-01" as PlainDate;
export const FIRST_REVISION_YEAR = 2015;

/** The protocol plan due dates up to `on`: the initial plan, then each cycle's revision (August 1 of 2015, 2017, ...). */
export function protocolPlanDues(on: PlainDate): Due[] {
  const out: Due[] = [{ item: "protocol-plan:initial", dueOn: INITIAL_PLAN_DUE, source: PROTOCOL_SOURCE }];
  const { year } = parts(on);
  for (let y = FIRST_REVISION_YEAR; y <= year; y += 2)
    out.push({ item: `protocol-plan:revision-${y}`, dueOn: fromParts(y, 8, 1), source: REVISION_SOURCE });
  return out;
}
/** The revision cycle a year belongs to, or undefined when the year is not a cycle year. */
export const isRevisionYear = (y: number) => y >= FIRST_REVISION_YEAR && (y - FIRST_REVISION_YEAR) % 2 === 0;

export const TeamSeat = z.enum([
  "campus-police-or-security",
  "administration",
  "faculty",
  "senior-staff",
  "mid-level-staff",
]);
export type TeamSeat = z.infer<typeof TeamSeat>;
export const REQUIRED_TEAM_SEATS: readonly TeamSeat[] = TeamSeat.options;

export const TEAM: Dated<{ required: boolean }>[] = [
  {
    from: "2013-04-04",
    until: "2014-01-01",
    value: { required: false },
    source: pa133("§ 92", { text: "establish trained threat assessment teams on each campus by January 1, 2014" }),
  },
  { from: "2014-01-01", value: { required: true }, source: TEAM_SOURCE },
];

export const ThreatAssessmentTeamFacts = z.object({
  members: z
    .array(z.object({ seat: TeamSeat, trained: z.boolean().optional() }))
    .optional()
    .describe("each member's seat and whether they are trained"),
});
export type ThreatAssessmentTeamFacts = z.infer<typeof ThreatAssessmentTeamFacts>;
export interface ThreatAssessmentTeamResult {
  teamRequired: boolean;
  missingSeats: TeamSeat[];
  untrainedMembers: number;
}

export function teamMembership(facts: ThreatAssessmentTeamFacts, on: PlainDate): Finding {
  const rule = inForce(TEAM, on, "schools.threat-assessment-team");
  const id = "schools.threat-assessment-team";
  if (!rule.value.required) return notApplicable(id, rule.source, "teams are required from 2014-01-01");
  if (!facts.members) return unknown(id, rule.source, ["members"]);
  const held = new Set(facts.members.map((m) => m.seat));
  const missing = REQUIRED_TEAM_SEATS.filter((s) => !held.has(s));
  if (missing.length) return notMet(id, rule.source, `missing: ${missing.join(", ")}`, `appoint ${missing.join(", ")}`);
  const untrained = facts.members.filter((m) => m.trained === false).length;
  if (untrained)
    return notMet(
      id,
      rule.source,
      `${untrained} member(s) not trained`,
      "train every member in identifying at-risk people and safety threats",
    );
  // Each member whose training is not said, by its place in the list (as `events[0].date` elsewhere).
  const notSaid = facts.members.flatMap((m, i) => (m.trained === undefined ? [`members[${i}].trained`] : []));
  if (notSaid.length) return unknown(id, rule.source, notSaid);
  return met(id, rule.source, "every seat of the membership model is held and every member is trained");
}

export const threatAssessmentTeam: Question<ThreatAssessmentTeamFacts, ThreatAssessmentTeamResult> = {
  id: "campus-threat-assessment-team",
  title: "Campus threat assessment team membership",
  description:
    "From 2014-01-01 each campus must have a trained threat assessment team with at least one member from the special police force or campus security, administration, faculty, senior staff and mid-level staff.",
  citations: [TEAM_SOURCE],
  modelledFrom: "2013-04-04",
  facts: ThreatAssessmentTeamFacts,
  result: {
    teamRequired: "true from 2014-01-01",
    missingSeats: "the seats no member holds",
    untrainedMembers: "members recorded as not trained",
  },
  example: { members: REQUIRED_TEAM_SEATS.map((seat) => ({ seat, trained: true })) },
  decide(facts, on): Answer<ThreatAssessmentTeamResult> {
    const f = teamMembership(facts, on);
    const required = inForce(TEAM, on).value.required;
    const held = new Set((facts.members ?? []).map((m) => m.seat));
    return {
      outcome: allOf([f]),
      result: {
        teamRequired: required,
        missingSeats: required && facts.members ? REQUIRED_TEAM_SEATS.filter((s) => !held.has(s)) : [],
        untrainedMembers: (facts.members ?? []).filter((m) => m.trained === false).length,
      },
      findings: [f],
    };
  },
};
