/**
 * What leaves the docket, per audience, as allow-lists. Parties and the Board see the appeal
 * with the decision's findings and the statement of reasons; the public sees aggregate numbers
 * only (no names, no numbers of appeals or credentials).
 */
import type { Appeal, Meeting, Seat } from "./queries.ts";
import type { DocketNumbers } from "./service.ts";
import { statementDueBy } from "../../law/ct/appeals/statement-of-reasons.ts";

export const presentAppeal = (a: Appeal) => ({
  id: a.id,
  number: a.number,
  appellant: { firstName: a.firstName, lastName: a.lastName },
  subject: {
    type: a.subjectType,
    number: a.subjectNumber,
    credentialKind: a.credentialKind,
    action: a.actionAppealed,
    actionOn: a.actionOn,
    reason: a.decisionReason,
    findings: a.findings,
  },
  issuingAuthority: a.issuingAuthority,
  grounds: a.grounds,
  channel: a.channel,
  filedOn: a.filedOn,
  filingDueOn: a.filingDueOn,
  filedLate: a.filedLate,
  status: a.status,
  hearingOn: a.hearingOn,
  statementDueBy: a.hearingOn ? statementDueBy({ hearingOn: a.hearingOn }) : null,
  statement: a.statementReceivedOn ? { receivedOn: a.statementReceivedOn, text: a.statementText } : null,
  continuances: a.continuances,
  outcome: a.outcome,
  decidedOn: a.decidedOn,
  order: a.orderKind
    ? { kind: a.orderKind, carriedOutOn: a.orderCarriedOutOn, credentialId: a.orderCredentialId }
    : null,
  decisionId: a.decisionId,
});

export const presentMeeting = (m: Meeting) => ({
  id: m.id,
  meetingOn: m.meetingOn,
  hearingSlots: m.hearingSlots,
  booked: m.booked,
  location: m.location,
  status: m.status,
});

export const presentSeat = (s: Seat) => ({
  seat: s.seat,
  appointedBy: s.appointedBy,
  nominatedBy: s.nominatedBy,
  description: s.description,
  from: s.fromOn,
  memberName: s.memberName,
  termEndsOn: s.termEndsOn,
});

/** The public figures: counts, ages in days, dates and the pace; nothing about any person. */
export const presentNumbers = (n: DocketNumbers) => ({
  asOf: n.asOf,
  backlog: n.backlog,
  awaitingSchedule: n.awaitingSchedule,
  scheduled: n.scheduled,
  ageDays: n.ageDays,
  pace: n.pace,
  expectedHearingForNewAppeal: n.expectedHearingForNewAppeal,
  outcomes: n.outcomes,
  outcomesLast12Months: n.outcomesLast12Months,
  upcomingMeetings: n.upcomingMeetings,
});
