/** The registry's own SQL. No other module touches these tables; they call index.ts. */
import type { Queryable } from "../../db/client.ts";
import type { PlainDate } from "../../law/core/dates.ts";

export type RegistrantStatus = "awaiting-registration" | "registered" | "suspended" | "ended";

export interface Registrant {
  id: string;
  number: string;
  personId: string;
  firstName: string;
  lastName: string;
  birthDate: PlainDate;
  source: "staff" | "corrections" | "court-feed";
  sourceReference: string | null;
  offenseStatute: string;
  offenseDescription: string;
  basis: "table-1" | "felony-with-firearm-finding";
  disposition: "convicted" | "not-guilty-by-reason-of-mental-disease-or-defect";
  dispositionOn: PlainDate;
  courtDocket: string | null;
  releasedOn: PlainDate;
  fromDocCustody: boolean;
  registrationDueOn: PlainDate;
  status: RegistrantStatus;
  registeredOn: PlainDate | null;
  endsOn: PlainDate | null;
  suspensionGround: "incarcerated" | "civil-commitment" | "out-of-state" | null;
  aliases: string[];
  physicalDescription: string | null;
  fingerprintAppointmentOn: PlainDate | null;
  fingerprintReference: string | null;
  criminalHistoryReference: string | null;
  photoReference: string | null;
  photoTakenBy: string | null;
  photoTakenOn: PlainDate | null;
  dnaStatus: string;
  homeStreet: string | null;
  homeTown: string | null;
  homeState: string;
  homeZip: string | null;
  email: string | null;
  signedOn: PlainDate | null;
  decisionId: string | null;
}

const COLS = `r.id::text, r.number, r.person_id::text, coalesce(r.current_first_name, p.first_name) AS first_name, coalesce(r.current_last_name, p.last_name) AS last_name, p.birth_date, r.source, r.source_reference, r.offense_statute, r.offense_description,
  r.basis, r.disposition, r.disposition_on, r.court_docket, r.released_on, r.from_doc_custody, r.registration_due_on, r.status, r.registered_on, r.ends_on,
  r.suspension_ground, r.aliases, r.physical_description, r.fingerprint_appointment_on, r.fingerprint_reference, r.criminal_history_reference, r.photo_reference,
  r.photo_taken_by, r.photo_taken_on, r.dna_status, r.home_street, r.home_town, r.home_state, r.home_zip, r.email, r.signed_on, r.decision_id::text`;
export const SELECT = `SELECT ${COLS} FROM offender_registrants r JOIN people p ON p.id = r.person_id`;

export const toRegistrant = (r: Record<string, any>): Registrant => ({
  id: r.id,
  number: r.number,
  personId: r.person_id,
  firstName: r.first_name,
  lastName: r.last_name,
  birthDate: r.birth_date,
  source: r.source,
  sourceReference: r.source_reference,
  offenseStatute: r.offense_statute,
  offenseDescription: r.offense_description,
  basis: r.basis,
  disposition: r.disposition,
  dispositionOn: r.disposition_on,
  courtDocket: r.court_docket,
  releasedOn: r.released_on,
  fromDocCustody: r.from_doc_custody,
  registrationDueOn: r.registration_due_on,
  status: r.status,
  registeredOn: r.registered_on,
  endsOn: r.ends_on,
  suspensionGround: r.suspension_ground,
  aliases: r.aliases ?? [],
  physicalDescription: r.physical_description,
  fingerprintAppointmentOn: r.fingerprint_appointment_on,
  fingerprintReference: r.fingerprint_reference,
  criminalHistoryReference: r.criminal_history_reference,
  photoReference: r.photo_reference,
  photoTakenBy: r.photo_taken_by,
  photoTakenOn: r.photo_taken_on,
  dnaStatus: r.dna_status,
  homeStreet: r.home_street,
  homeTown: r.home_town,
  homeState: r.home_state,
  homeZip: r.home_zip,
  email: r.email,
  signedOn: r.signed_on,
  decisionId: r.decision_id,
});

export async function findRegistrant(q: Queryable, id: string, lock = false): Promise<Registrant | undefined> {
  const r = await q.query(`${SELECT} WHERE r.id = $1${lock ? " FOR UPDATE OF r" : ""}`, [id]);
  return r[0] ? toRegistrant(r[0]) : undefined;
}

export async function registrantsOfPerson(q: Queryable, personId: string): Promise<Registrant[]> {
  return (await q.query(`${SELECT} WHERE r.person_id = $1 ORDER BY r.disposition_on DESC`, [personId])).map(
    toRegistrant,
  );
}

export interface Verification {
  id: number;
  registrantId: string;
  year: number;
  anniversaryOn: PlainDate;
  closesOn: PlainDate;
  noticeMailBy: PlainDate;
  reportDueBy: PlainDate;
  noticeSentOn: PlainDate | null;
  noticeLate: boolean | null;
  outcome: "appeared" | "did-not-appear" | "deferred" | null;
  appearedOn: PlainDate | null;
  deferredTo: PlainDate | null;
  deferralCause: string | null;
  reportedOn: PlainDate | null;
  reportedByAgency: string | null;
  missedFlaggedOn: PlainDate | null;
  reportOverdueFlaggedOn: PlainDate | null;
}

export const VERIFICATION_COLS = `id, registrant_id::text, year, anniversary_on, closes_on, notice_mail_by, report_due_by, notice_sent_on, notice_late, outcome, appeared_on,
  deferred_to, deferral_cause, reported_on, reported_by_agency, missed_flagged_on, report_overdue_flagged_on`;
export const toVerification = (r: Record<string, any>): Verification => ({
  id: Number(r.id),
  registrantId: r.registrant_id,
  year: r.year,
  anniversaryOn: r.anniversary_on,
  closesOn: r.closes_on,
  noticeMailBy: r.notice_mail_by,
  reportDueBy: r.report_due_by,
  noticeSentOn: r.notice_sent_on,
  noticeLate: r.notice_late,
  outcome: r.outcome,
  appearedOn: r.appeared_on,
  deferredTo: r.deferred_to,
  deferralCause: r.deferral_cause,
  reportedOn: r.reported_on,
  reportedByAgency: r.reported_by_agency,
  missedFlaggedOn: r.missed_flagged_on,
  reportOverdueFlaggedOn: r.report_overdue_flagged_on,
});

export async function verificationsOf(q: Queryable, registrantId: string): Promise<Verification[]> {
  return (
    await q.query(`SELECT ${VERIFICATION_COLS} FROM offender_verifications WHERE registrant_id = $1 ORDER BY year`, [
      registrantId,
    ])
  ).map(toVerification);
}

export interface Change {
  id: number;
  kind: "name" | "address";
  changedOn: PlainDate;
  dueOn: PlainDate;
  source: string;
  reportedOn: PlainDate | null;
  late: boolean | null;
  previous: Record<string, unknown>;
  current: Record<string, unknown>;
  flaggedOn: PlainDate | null;
}
export const toChange = (r: Record<string, any>): Change => ({
  id: Number(r.id),
  kind: r.kind,
  changedOn: r.changed_on,
  dueOn: r.due_on,
  source: r.source,
  reportedOn: r.reported_on,
  late: r.late,
  previous: r.previous,
  current: r.current,
  flaggedOn: r.flagged_on,
});
export async function changesOf(q: Queryable, registrantId: string): Promise<Change[]> {
  return (
    await q.query(
      "SELECT id, kind, changed_on, due_on, source, reported_on, late, previous, current, flagged_on FROM offender_changes WHERE registrant_id = $1 ORDER BY id",
      [registrantId],
    )
  ).map(toChange);
}

export interface Noncompliance {
  id: number;
  registrantId: string;
  registrantNumber: string;
  firstName: string;
  lastName: string;
  birthDate: PlainDate;
  kind: "missed-registration" | "missed-verification" | "unreported-change" | "late-change-report";
  town: string | null;
  dueOn: PlainDate;
  detectedOn: PlainDate;
  offense: string;
  citation: string;
  caseId: string | null;
  caseNumber: string | null;
  resolvedOn: PlainDate | null;
}
export const NONCOMPLIANCE_SELECT = `SELECT n.id, n.registrant_id::text, r.number AS registrant_number, coalesce(r.current_first_name, p.first_name) AS first_name, coalesce(r.current_last_name, p.last_name) AS last_name, p.birth_date, n.kind, n.town, n.due_on, n.detected_on,
  n.offense, n.citation, n.case_id::text, c.number AS case_number, n.resolved_on
  FROM offender_noncompliance n JOIN offender_registrants r ON r.id = n.registrant_id JOIN people p ON p.id = r.person_id LEFT JOIN cases c ON c.id = n.case_id`;
export const toNoncompliance = (r: Record<string, any>): Noncompliance => ({
  id: Number(r.id),
  registrantId: r.registrant_id,
  registrantNumber: r.registrant_number,
  firstName: r.first_name,
  lastName: r.last_name,
  birthDate: r.birth_date,
  kind: r.kind,
  town: r.town,
  dueOn: r.due_on,
  detectedOn: r.detected_on,
  offense: r.offense,
  citation: r.citation,
  caseId: r.case_id,
  caseNumber: r.case_number,
  resolvedOn: r.resolved_on,
});

export async function historyOf(q: Queryable, registrantId: string) {
  const r = await q.query(
    "SELECT action, from_status, to_status, on_date, details, at FROM offender_actions WHERE registrant_id = $1 ORDER BY id",
    [registrantId],
  );
  return r.map((x) => ({
    action: x.action as string,
    fromStatus: x.from_status as string | null,
    toStatus: x.to_status as string | null,
    onDate: x.on_date as PlainDate,
    details: x.details as Record<string, unknown>,
    at: x.at as string,
  }));
}
