/** Presenters for leads and cases: allow-lists, for investigators only (routes check the policy first). */
import type { Case, Lead } from "./service.ts";

export function presentLead(l: Lead) {
  return {
    id: l.id,
    number: l.number,
    detector: l.detector,
    status: l.status,
    person: {
      id: l.person.id,
      firstName: l.person.firstName,
      lastName: l.person.lastName,
      birthDate: l.person.birthDate,
    },
    window: { start: l.windowStart, end: l.windowEnd },
    reason: l.reason,
    raisedOn: l.raisedOn,
    raisedBy: l.raisedBy,
    case: l.caseId ? { id: l.caseId, number: l.caseNumber } : null,
  };
}

/** A lead with the ids of the records that raised it. */
export function presentLeadDetail(l: Lead) {
  return { ...presentLead(l), evidence: l.evidence };
}

export function presentCase(c: Case) {
  return {
    id: c.id,
    number: c.number,
    personId: c.personId,
    title: c.title,
    status: c.status,
    openedOn: c.openedOn,
    closedOn: c.closedOn,
  };
}
