/** The docket's own SQL. No other module touches these tables; they call index.ts. */
import type { Queryable } from "../../db/client.ts";
import type { PlainDate } from "../../law/core/dates.ts";

export type AppealStatus = "filed" | "scheduled" | "decided" | "withdrawn";
export type AppealOutcome = "relief-granted" | "automatic-relief" | "relief-denied" | "withdrawn";

export interface Appeal {
  id: string;
  number: string;
  personId: string;
  firstName: string;
  lastName: string;
  subjectType: "application" | "credential";
  subjectId: string;
  subjectNumber: string;
  credentialKind: string;
  actionAppealed: "denial" | "revocation";
  actionOn: PlainDate;
  issuingAuthority: string;
  findings: { id: string; because: string; citation: string }[];
  decisionReason: string | null;
  grounds: string;
  channel: "online" | "paper";
  filedOn: PlainDate;
  filingDueOn: PlainDate;
  filedLate: boolean;
  status: AppealStatus;
  meetingId: string | null;
  hearingOn: PlainDate | null;
  statementReceivedOn: PlainDate | null;
  statementText: string | null;
  continuances: number;
  outcome: AppealOutcome | null;
  decidedOn: PlainDate | null;
  orderKind: "issue" | "restore" | null;
  orderCarriedOutOn: PlainDate | null;
  orderCredentialId: string | null;
  decisionId: string | null;
}

export const SELECT = `SELECT a.id::text, a.number, a.person_id::text, p.first_name, p.last_name, a.subject_type, a.subject_id::text, a.subject_number, a.credential_kind,
  a.action_appealed, a.action_on, a.issuing_authority, a.findings, a.decision_reason, a.grounds, a.channel, a.filed_on, a.filing_due_on, a.filed_late, a.status,
  a.meeting_id::text, a.hearing_on, a.statement_received_on, a.statement_text, a.continuances, a.outcome, a.decided_on, a.order_kind, a.order_carried_out_on,
  a.order_credential_id::text, a.decision_id::text
  FROM appeals a JOIN people p ON p.id = a.person_id`;

export const toAppeal = (r: Record<string, any>): Appeal => ({
  id: r.id,
  number: r.number,
  personId: r.person_id,
  firstName: r.first_name,
  lastName: r.last_name,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  subjectNumber: r.subject_number,
  credentialKind: r.credential_kind,
  actionAppealed: r.action_appealed,
  actionOn: r.action_on,
  issuingAuthority: r.issuing_authority,
  findings: r.findings ?? [],
  decisionReason: r.decision_reason,
  grounds: r.grounds,
  channel: r.channel,
  filedOn: r.filed_on,
  filingDueOn: r.filing_due_on,
  filedLate: r.filed_late,
  status: r.status,
  meetingId: r.meeting_id,
  hearingOn: r.hearing_on,
  statementReceivedOn: r.statement_received_on,
  statementText: r.statement_text,
  continuances: r.continuances,
  outcome: r.outcome,
  decidedOn: r.decided_on,
  orderKind: r.order_kind,
  orderCarriedOutOn: r.order_carried_out_on,
  orderCredentialId: r.order_credential_id,
  decisionId: r.decision_id,
});

export async function findAppeal(q: Queryable, id: string, lock = false): Promise<Appeal | undefined> {
  const r = await q.query(`${SELECT} WHERE a.id = $1${lock ? " FOR UPDATE OF a" : ""}`, [id]);
  return r[0] ? toAppeal(r[0]) : undefined;
}

export interface Meeting {
  id: string;
  meetingOn: PlainDate;
  hearingSlots: number;
  location: string | null;
  status: "scheduled" | "held" | "cancelled";
  booked: number;
}

export const MEETING_SELECT = `SELECT m.id::text, m.meeting_on, m.hearing_slots, m.location, m.status,
  (SELECT count(*)::int FROM appeals a WHERE a.meeting_id = m.id AND a.status = 'scheduled') AS booked FROM board_meetings m`;
export const toMeeting = (r: Record<string, any>): Meeting => ({
  id: r.id,
  meetingOn: r.meeting_on,
  hearingSlots: r.hearing_slots,
  location: r.location,
  status: r.status,
  booked: Number(r.booked),
});

export async function meetingsFrom(q: Queryable, from: PlainDate): Promise<Meeting[]> {
  return (
    await q.query(`${MEETING_SELECT} WHERE m.meeting_on >= $1 AND m.status = 'scheduled' ORDER BY m.meeting_on`, [from])
  ).map(toMeeting);
}

export interface Seat {
  seat: number;
  appointedBy: string;
  nominatedBy: string | null;
  description: string;
  fromOn: PlainDate;
  memberName: string | null;
  termEndsOn: PlainDate | null;
}
export async function seats(q: Queryable): Promise<Seat[]> {
  const r = await q.query(
    "SELECT seat, appointed_by, nominated_by, description, from_on, member_name, term_ends_on FROM board_seats ORDER BY seat",
  );
  return r.map((x) => ({
    seat: x.seat,
    appointedBy: x.appointed_by,
    nominatedBy: x.nominated_by,
    description: x.description,
    fromOn: x.from_on,
    memberName: x.member_name,
    termEndsOn: x.term_ends_on,
  }));
}

export async function historyOf(q: Queryable, appealId: string) {
  const r = await q.query(
    "SELECT action, from_status, to_status, on_date, details, at FROM appeal_actions WHERE appeal_id = $1 ORDER BY id",
    [appealId],
  );
  return r.map((x) => ({
    action: x.action as string,
    fromStatus: x.from_status as string | null,
    toStatus: x.to_status as string,
    onDate: x.on_date as PlainDate,
    details: x.details as Record<string, unknown>,
    at: x.at as string,
  }));
}
