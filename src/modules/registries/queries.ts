/** The registries' own SQL. No other module touches these tables; they call index.ts. */
import type { Queryable } from "../../db/client.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { notFound } from "../../lib/errors.ts";
import type { RegistrationKind, RegistrationStatus, Route } from "./schemas.ts";

export interface Registration {
  id: string;
  kind: RegistrationKind;
  number: string | null;
  certificateNumber: string | null;
  personId: string;
  status: RegistrationStatus;
  route: Route;
  routeEventOn: PlainDate | null;
  credentialApplicationId: string | null;
  firearm: {
    make: string | null;
    model: string | null;
    serialNumber: string | null;
    caliber: string | null;
    type: string | null;
    identificationMarks: string | null;
    facts: Record<string, unknown> | null;
  };
  thumbprint: { kind: "upload" | "appointment" | null; appointmentOn: PlainDate | null };
  magazine: {
    count: number | null;
    capacity: number | null;
    caliber: string | null;
    description: string | null;
    facts: Record<string, unknown> | null;
  };
  holder: {
    firstName: string | null;
    middleName: string | null;
    lastName: string | null;
    birthDate: PlainDate | null;
    street: string | null;
    town: string | null;
    state: string | null;
    zip: string | null;
  };
  submittedOn: PlainDate | null;
  issuedOn: PlainDate | null;
  decidedOn: PlainDate | null;
  classificationDecisionId: string | null;
  deadlineDecisionId: string | null;
  reasons: string[];
  prohibitedEventId: string | null;
  draftVersion: number;
  createdAt: string;
  updatedAt: string;
}

export const REG_COLS = `id::text, kind, number, certificate_number, person_id::text, status, route, route_event_on::text, credential_application_id::text,
  make, model, serial_number, caliber, firearm_type, identification_marks, firearm_facts, thumbprint, thumbprint_appointment_on::text,
  magazine_count, magazine_capacity, magazine_caliber, magazine_description, magazine_facts,
  holder_first_name, holder_middle_name, holder_last_name, holder_birth_on::text, holder_street, holder_town, holder_state, holder_zip,
  submitted_on::text, issued_on::text, decided_on::text, classification_decision_id::text, deadline_decision_id::text, reasons, prohibited_event_id,
  draft_version, created_at, updated_at`;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database row, read column by column
export function toRegistration(r: Record<string, any>): Registration {
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    certificateNumber: r.certificate_number,
    personId: r.person_id,
    status: r.status,
    route: r.route,
    routeEventOn: r.route_event_on,
    credentialApplicationId: r.credential_application_id,
    firearm: {
      make: r.make,
      model: r.model,
      serialNumber: r.serial_number,
      caliber: r.caliber,
      type: r.firearm_type,
      identificationMarks: r.identification_marks,
      facts: r.firearm_facts,
    },
    thumbprint: { kind: r.thumbprint, appointmentOn: r.thumbprint_appointment_on },
    magazine: {
      count: r.magazine_count,
      capacity: r.magazine_capacity,
      caliber: r.magazine_caliber,
      description: r.magazine_description,
      facts: r.magazine_facts,
    },
    holder: {
      firstName: r.holder_first_name,
      middleName: r.holder_middle_name,
      lastName: r.holder_last_name,
      birthDate: r.holder_birth_on,
      street: r.holder_street,
      town: r.holder_town,
      state: r.holder_state,
      zip: r.holder_zip,
    },
    submittedOn: r.submitted_on,
    issuedOn: r.issued_on,
    decidedOn: r.decided_on,
    classificationDecisionId: r.classification_decision_id,
    deadlineDecisionId: r.deadline_decision_id,
    reasons: Array.isArray(r.reasons) ? r.reasons : [],
    prohibitedEventId: r.prohibited_event_id,
    draftVersion: Number(r.draft_version),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function findRegistration(q: Queryable, id: string): Promise<Registration | undefined> {
  const rows = await q.query(`SELECT ${REG_COLS} FROM registrations WHERE id = $1`, [id]);
  return rows[0] ? toRegistration(rows[0]) : undefined;
}

export async function getRegistration(q: Queryable, id: string, lock = false): Promise<Registration> {
  const rows = await q.query(`SELECT ${REG_COLS} FROM registrations WHERE id = $1${lock ? " FOR UPDATE" : ""}`, [id]);
  if (!rows[0]) throw notFound("registration");
  return toRegistration(rows[0]);
}

export async function findRegistrationByNumber(q: Queryable, number: string): Promise<Registration | undefined> {
  const rows = await q.query(`SELECT ${REG_COLS} FROM registrations WHERE number = $1 OR certificate_number = $1`, [
    number,
  ]);
  return rows[0] ? toRegistration(rows[0]) : undefined;
}

export async function registrationsOfPerson(q: Queryable, personId: string): Promise<Registration[]> {
  const rows = await q.query(`SELECT ${REG_COLS} FROM registrations WHERE person_id = $1 ORDER BY created_at DESC`, [
    personId,
  ]);
  return rows.map(toRegistration);
}

export async function registrationsBySerial(q: Queryable, serial: string): Promise<Registration[]> {
  const rows = await q.query(
    `SELECT ${REG_COLS} FROM registrations WHERE upper(serial_number) = upper($1) AND status <> 'draft' ORDER BY created_at`,
    [serial.trim()],
  );
  return rows.map(toRegistration);
}

export async function listQueue(
  q: Queryable,
  f: { kind?: RegistrationKind | undefined; status?: RegistrationStatus | undefined; limit: number; offset: number },
): Promise<{ items: Registration[]; total: number }> {
  const rows = await q.query(
    `SELECT ${REG_COLS}, count(*) OVER () AS total FROM registrations
     WHERE status <> 'draft' AND ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR status = $2)
     ORDER BY submitted_on, number LIMIT $3 OFFSET $4`,
    [f.kind ?? null, f.status ?? null, f.limit, f.offset],
  );
  return { items: rows.map(toRegistration), total: Number(rows[0]?.total ?? 0) };
}

export async function registrationHistory(
  q: Queryable,
  id: string,
): Promise<
  {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    note: string | null;
    details: Record<string, unknown>;
    at: string;
  }[]
> {
  const rows = await q.query(
    "SELECT action, from_status, to_status, note, details, at FROM registration_actions WHERE registration_id = $1 ORDER BY id",
    [id],
  );
  return rows.map((r) => ({
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    note: r.note,
    details: r.details,
    at: iso(r.at),
  }));
}

export async function appendAction(
  q: Queryable,
  a: {
    registrationId: string;
    action: string;
    from: string | null;
    to: string;
    actorId: string | null;
    decisionId?: string | null;
    note?: string | null;
    details?: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  await q.query(
    "INSERT INTO registration_actions (registration_id, action, from_status, to_status, actor_id, decision_id, note, details, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
    [
      a.registrationId,
      a.action,
      a.from,
      a.to,
      a.actorId,
      a.decisionId ?? null,
      a.note ?? null,
      JSON.stringify(a.details ?? {}),
      a.at.toISOString(),
    ],
  );
}

// ---------------------------------------------------------------- obligations

export interface Obligation {
  id: string;
  personId: string;
  registrationId: string | null;
  item: "large-capacity-magazine" | "assault-weapon";
  rule: string;
  actions: string[];
  dueOn: PlainDate;
  status: "open" | "met" | "missed" | "waived";
  metOn: PlainDate | null;
  metBy: string | null;
  decisionId: string | null;
  eventId: string | null;
}
const OBL_COLS =
  "id::text, person_id::text, registration_id::text, item, rule, actions, due_on::text, status, met_on::text, met_by, decision_id::text, event_id";
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database row, read column by column
const toObligation = (r: Record<string, any>): Obligation => ({
  id: r.id,
  personId: r.person_id,
  registrationId: r.registration_id,
  item: r.item,
  rule: r.rule,
  actions: r.actions,
  dueOn: r.due_on,
  status: r.status,
  metOn: r.met_on,
  metBy: r.met_by,
  decisionId: r.decision_id,
  eventId: r.event_id,
});

export async function insertObligation(
  q: Queryable,
  o: {
    personId: string;
    registrationId?: string | null;
    item: string;
    rule: string;
    actions: string[];
    dueOn: PlainDate;
    decisionId?: string | null;
    eventId?: string | null;
  },
): Promise<Obligation | undefined> {
  const rows = await q.query(
    `INSERT INTO registry_obligations (person_id, registration_id, item, rule, actions, due_on, decision_id, event_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
     ON CONFLICT DO NOTHING RETURNING ${OBL_COLS}`,
    [o.personId, o.registrationId ?? null, o.item, o.rule, o.actions, o.dueOn, o.decisionId ?? null, o.eventId ?? null],
  );
  return rows[0] ? toObligation(rows[0]) : undefined;
}

export async function obligationsOfPerson(q: Queryable, personId: string): Promise<Obligation[]> {
  return (
    await q.query(`SELECT ${OBL_COLS} FROM registry_obligations WHERE person_id = $1 ORDER BY due_on`, [personId])
  ).map(toObligation);
}

export async function listObligations(
  q: Queryable,
  f: { status?: string | undefined; limit: number; offset: number },
): Promise<{ items: Obligation[]; total: number }> {
  const rows = await q.query(
    `SELECT ${OBL_COLS}, count(*) OVER () AS total FROM registry_obligations WHERE ($1::text IS NULL OR status = $1) ORDER BY due_on, id LIMIT $2 OFFSET $3`,
    [f.status ?? null, f.limit, f.offset],
  );
  return { items: rows.map(toObligation), total: Number(rows[0]?.total ?? 0) };
}

export async function meetObligations(
  q: Queryable,
  personId: string,
  item: string,
  on: PlainDate,
  by: string,
  actionsAny: string[],
): Promise<number> {
  const rows = await q.query(
    `UPDATE registry_obligations SET status = 'met', met_on = $3, met_by = $4
     WHERE person_id = $1 AND item = $2 AND status = 'open' AND due_on >= $3 AND actions && $5::text[] RETURNING id`,
    [personId, item, on, by, actionsAny],
  );
  return rows.length;
}

export async function markMissed(q: Queryable, today: PlainDate): Promise<Obligation[]> {
  return (
    await q.query(
      `UPDATE registry_obligations SET status = 'missed' WHERE status = 'open' AND due_on < $1 RETURNING ${OBL_COLS}`,
      [today],
    )
  ).map(toObligation);
}

export async function dueWithin(q: Queryable, from: PlainDate, to: PlainDate): Promise<Obligation[]> {
  return (
    await q.query(
      `SELECT ${OBL_COLS} FROM registry_obligations WHERE status = 'open' AND due_on BETWEEN $1 AND $2 ORDER BY due_on`,
      [from, to],
    )
  ).map(toObligation);
}

// ---------------------------------------------------------------- transfer certificates

export interface TransferCertificate {
  id: string;
  number: string;
  dealerId: string;
  item: "large-capacity-magazine" | "assault-weapon";
  transferOn: PlainDate;
  count: number;
  description: string;
  serialNumber: string | null;
  transferor: { name: string; address: string; idKind: string | null; idNumber: string | null };
  dealer: { name: string; address: string; idNumber: string | null; ffl: string };
  registrationId: string | null;
  delivery: "monthly-report" | "deliver-to-despp";
  deliveredAt: string | null;
  createdAt: string;
}
const TC_COLS = `id::text, number, dealer_id::text, item, transfer_on::text, item_count, description, serial_number, transferor_name, transferor_address, transferor_id_kind, transferor_id_number,
  dealer_name, dealer_address, dealer_id_number, dealer_ffl, registration_id::text, delivery, delivered_at, created_at`;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database row, read column by column
const toTc = (r: Record<string, any>): TransferCertificate => ({
  id: r.id,
  number: r.number,
  dealerId: r.dealer_id,
  item: r.item,
  transferOn: r.transfer_on,
  count: Number(r.item_count),
  description: r.description,
  serialNumber: r.serial_number,
  transferor: {
    name: r.transferor_name,
    address: r.transferor_address,
    idKind: r.transferor_id_kind,
    idNumber: r.transferor_id_number,
  },
  dealer: { name: r.dealer_name, address: r.dealer_address, idNumber: r.dealer_id_number, ffl: r.dealer_ffl },
  registrationId: r.registration_id,
  delivery: r.delivery,
  deliveredAt: r.delivered_at ? iso(r.delivered_at) : null,
  createdAt: iso(r.created_at),
});

export async function insertTransferCertificate(
  q: Queryable,
  t: Omit<TransferCertificate, "id" | "number" | "deliveredAt" | "createdAt">,
  createdBy: string | null,
): Promise<TransferCertificate> {
  const n = (await q.query<{ n: string }>("SELECT nextval('transfer_certificate_number_seq')::text AS n"))[0]!.n;
  const rows = await q.query(
    `INSERT INTO transfer_certificates (number, dealer_id, item, transfer_on, item_count, description, serial_number, transferor_name, transferor_address, transferor_id_kind, transferor_id_number,
       dealer_name, dealer_address, dealer_id_number, dealer_ffl, registration_id, delivery, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18) RETURNING ${TC_COLS}`,
    [
      `TC-${n.padStart(6, "0")}`,
      t.dealerId,
      t.item,
      t.transferOn,
      t.count,
      t.description,
      t.serialNumber,
      t.transferor.name,
      t.transferor.address,
      t.transferor.idKind,
      t.transferor.idNumber,
      t.dealer.name,
      t.dealer.address,
      t.dealer.idNumber,
      t.dealer.ffl,
      t.registrationId,
      t.delivery,
      createdBy,
    ],
  );
  return toTc(rows[0]!);
}

export async function findTransferCertificate(q: Queryable, id: string): Promise<TransferCertificate | undefined> {
  const rows = await q.query(`SELECT ${TC_COLS} FROM transfer_certificates WHERE id = $1`, [id]);
  return rows[0] ? toTc(rows[0]) : undefined;
}

export async function findTransferCertificateByNumber(
  q: Queryable,
  number: string,
): Promise<TransferCertificate | undefined> {
  const rows = await q.query(`SELECT ${TC_COLS} FROM transfer_certificates WHERE number = $1`, [number]);
  return rows[0] ? toTc(rows[0]) : undefined;
}

export async function listTransferCertificates(
  q: Queryable,
  f: { dealerId?: string | undefined; limit: number; offset: number },
): Promise<{ items: TransferCertificate[]; total: number }> {
  const rows = await q.query(
    `SELECT ${TC_COLS}, count(*) OVER () AS total FROM transfer_certificates WHERE ($1::uuid IS NULL OR dealer_id = $1) ORDER BY transfer_on DESC, number DESC LIMIT $2 OFFSET $3`,
    [f.dealerId ?? null, f.limit, f.offset],
  );
  return { items: rows.map(toTc), total: Number(rows[0]?.total ?? 0) };
}

export async function markDelivered(q: Queryable, id: string, at: Date): Promise<boolean> {
  const rows = await q.query(
    "UPDATE transfer_certificates SET delivered_at = $2 WHERE id = $1 AND delivery = 'deliver-to-despp' AND delivered_at IS NULL RETURNING id",
    [id, at.toISOString()],
  );
  return rows.length > 0;
}

// ---------------------------------------------------------------- lost and stolen

export interface LostStolenReport {
  id: string;
  number: string;
  personId: string | null;
  kind: "lost" | "stolen";
  serialNumber: string;
  make: string | null;
  model: string | null;
  caliber: string | null;
  circumstances: string;
  town: string | null;
  discoveredAt: string;
  reportedAt: string;
  dueAt: string;
  late: boolean;
  penalty: string | null;
}
const LS_COLS =
  "id::text, number, person_id::text, kind, serial_number, make, model, caliber, circumstances, town, discovered_at, reported_at, due_at, late, penalty";
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database row, read column by column
const toLs = (r: Record<string, any>): LostStolenReport => ({
  id: r.id,
  number: r.number,
  personId: r.person_id,
  kind: r.kind,
  serialNumber: r.serial_number,
  make: r.make,
  model: r.model,
  caliber: r.caliber,
  circumstances: r.circumstances,
  town: r.town,
  discoveredAt: iso(r.discovered_at),
  reportedAt: iso(r.reported_at),
  dueAt: iso(r.due_at),
  late: r.late,
  penalty: r.penalty,
});

export async function insertLostStolen(
  q: Queryable,
  r: Omit<LostStolenReport, "id" | "number">,
  reportedBy: string | null,
): Promise<LostStolenReport> {
  const n = (await q.query<{ n: string }>("SELECT nextval('lost_stolen_number_seq')::text AS n"))[0]!.n;
  const rows = await q.query(
    `INSERT INTO lost_stolen_reports (number, person_id, reported_by, kind, serial_number, make, model, caliber, circumstances, town, discovered_at, reported_at, due_at, late, penalty)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING ${LS_COLS}`,
    [
      `LS-${n.padStart(6, "0")}`,
      r.personId,
      reportedBy,
      r.kind,
      r.serialNumber,
      r.make,
      r.model,
      r.caliber,
      r.circumstances,
      r.town,
      r.discoveredAt,
      r.reportedAt,
      r.dueAt,
      r.late,
      r.penalty,
    ],
  );
  return toLs(rows[0]!);
}

export async function lostStolenBySerial(
  q: Queryable,
  serial: string,
): Promise<(LostStolenReport & { links: { type: string; id: string }[] })[]> {
  const rows = await q.query(
    `SELECT ${LS_COLS}, coalesce((SELECT json_agg(json_build_object('type', l.target_type, 'id', l.target_id::text)) FROM lost_stolen_links l WHERE l.report_id = r.id), '[]'::json) AS links
     FROM lost_stolen_reports r WHERE upper(serial_number) = upper($1) ORDER BY reported_at`,
    [serial.trim()],
  );
  return rows.map((r) => ({ ...toLs(r), links: typeof r.links === "string" ? JSON.parse(r.links) : r.links }));
}

export async function lostStolenOfPerson(q: Queryable, personId: string): Promise<LostStolenReport[]> {
  return (
    await q.query(`SELECT ${LS_COLS} FROM lost_stolen_reports WHERE person_id = $1 ORDER BY reported_at DESC`, [
      personId,
    ])
  ).map(toLs);
}

export async function linkLostStolen(
  q: Queryable,
  reportId: string,
  type: "registration" | "sale",
  targetId: string,
): Promise<void> {
  await q.query(
    "INSERT INTO lost_stolen_links (report_id, target_type, target_id) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING",
    [reportId, type, targetId],
  );
}
