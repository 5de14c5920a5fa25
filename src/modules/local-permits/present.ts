/**
 * What leaves the local-permits module, per audience, field by field. The local authority sees its
 * own town's applicants (name, date of birth, application number and dates, the rulebook's outcome,
 * the clock); state staff see the same for every town plus the state permit application. Nobody gets
 * the applicant's address or the facts behind the decision from a list.
 */
import { citationLabel } from "../../law/core/rules.ts";
import type { Clock } from "./clock.ts";
import { STAGE_LABELS } from "./schemas.ts";
import type { LocalApplicationView, QueueView, Staged, StagesView } from "./service.ts";
import { NEXT } from "./schemas.ts";

export const presentClock = (c: Clock | null) =>
  c
    ? {
        startedOn: c.startedOn,
        dueOn: c.dueOn,
        daysLeft: c.daysLeft,
        overdue: c.overdue,
        citation: citationLabel(c.source),
      }
    : null;

export function presentStaged(s: Staged) {
  return {
    applicationId: s.application.id,
    number: s.application.number,
    applicant: {
      firstName: s.application.person.firstName,
      lastName: s.application.person.lastName,
      birthDate: s.application.person.birthDate,
    },
    town: s.application.residenceTown,
    submittedOn: s.application.submittedOn,
    stage: s.stage,
    stageLabel: STAGE_LABELS[s.stage],
    clock: presentClock(s.clock),
    flaggedOverdue: s.flagged,
    localDecision: s.localDecision
      ? { action: s.localDecision.action, onDate: s.localDecision.onDate, by: s.localDecision.by }
      : null,
    forwardedOn: s.forwardedOn,
    stateApplication: s.stateApplication
      ? { id: s.stateApplication.id, number: s.stateApplication.number, status: s.stateApplication.status }
      : null,
  };
}

export function presentQueue(v: QueueView) {
  return {
    town: v.town,
    office: v.office,
    open: v.open.map((s) => ({ ...presentStaged(s), ruleOutcome: s.ruleOutcome, next: NEXT[s.stage] })),
    decided: v.decided.map(presentStaged),
  };
}

export function presentLocalApplication(v: LocalApplicationView) {
  return {
    ...presentStaged(v.staged),
    next: NEXT[v.staged.stage],
    applicant: {
      firstName: v.person.firstName,
      lastName: v.person.lastName,
      birthDate: v.person.birthDate,
      town: v.person.town,
    },
    attestedNoTemporaryPermitIn12Months: v.application.attestedNoTemporaryPermitIn12Months,
    feePaid: v.application.feePaid,
    decision: v.decision
      ? {
          outcome: v.decision.outcome,
          decidedOn: v.decision.decidedOn,
          rulebookVersion: v.decision.rulebookVersion,
          findings: v.decision.findings.map((f) => ({
            id: f.id,
            status: f.status,
            because: f.because,
            citation: citationLabel(f.source),
            ...(f.missing ? { missing: f.missing } : {}),
          })),
        }
      : null,
    localReasons: v.staged.localDecision?.reasons ?? null,
    authority: v.authority,
  };
}

export function presentStages(v: StagesView) {
  return { atLocal: v.atLocal.map(presentStaged), atState: v.atState.map(presentStaged) };
}
