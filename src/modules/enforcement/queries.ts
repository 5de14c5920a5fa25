/** The enforcement module's own SQL (reads). Writes sit beside their use case in the service files. */
import type { Queryable } from "../../db/client.ts";
import type { FeedSource, RecordKind, RecordState } from "../../adapters/courts/contract.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import type { MatchCandidate } from "./matcher.ts";

export type RecordStatus = "unmatched" | "review" | "matched" | "lifted";

export interface StoredRecord {
  id: string;
  number: string;
  source: FeedSource;
  sourceRecordId: string;
  kind: RecordKind;
  version: number;
  contentHash: string;
  subject: Record<string, any>;
  details: Record<string, any>;
  recordState: RecordState;
  status: RecordStatus;
  personId: string | null;
  matchHow: "automatic" | "manual" | null;
  matchProbability: number | null;
  prohibitingEventId: string | null;
  eventOn: PlainDate;
  receivedOn: PlainDate;
  receivedAt: string;
}

export const REC_COLS = `id::text, number, source, source_record_id, kind, version, content_hash, subject, details, record_state, status, person_id::text,
  match_how, match_probability, prohibiting_event_id::text, event_on, received_on, received_at`;

export const toRecord = (r: Record<string, any>): StoredRecord => ({
  id: r.id,
  number: r.number,
  source: r.source,
  sourceRecordId: r.source_record_id,
  kind: r.kind,
  version: r.version,
  contentHash: r.content_hash,
  subject: r.subject,
  details: r.details,
  recordState: r.record_state,
  status: r.status,
  personId: r.person_id,
  matchHow: r.match_how,
  matchProbability: r.match_probability,
  prohibitingEventId: r.prohibiting_event_id,
  eventOn: r.event_on,
  receivedOn: r.received_on,
  receivedAt: r.received_at,
});

export async function findRecord(q: Queryable, id: string, forUpdate = false): Promise<StoredRecord | undefined> {
  const r = await q.query(`SELECT ${REC_COLS} FROM feed_records WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`, [id]);
  return r[0] ? toRecord(r[0]) : undefined;
}

export async function findRecordBySourceId(
  q: Queryable,
  source: FeedSource,
  sourceRecordId: string,
  forUpdate = false,
): Promise<StoredRecord | undefined> {
  const r = await q.query(
    `SELECT ${REC_COLS} FROM feed_records WHERE source = $1 AND source_record_id = $2${forUpdate ? " FOR UPDATE" : ""}`,
    [source, sourceRecordId],
  );
  return r[0] ? toRecord(r[0]) : undefined;
}

export async function listRecords(
  q: Queryable,
  f: { status?: RecordStatus | undefined; personId?: string | undefined; limit: number; offset: number },
): Promise<{ items: StoredRecord[]; total: number }> {
  const r = await q.query(
    `SELECT ${REC_COLS}, count(*) OVER () AS total FROM feed_records WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR person_id = $2)
     ORDER BY received_at DESC, number DESC LIMIT $3 OFFSET $4`,
    [f.status ?? null, f.personId ?? null, f.limit, f.offset],
  );
  return { items: r.map(toRecord), total: r[0]?.total ?? 0 };
}

export async function recordHistory(
  q: Queryable,
  id: string,
): Promise<
  {
    action: string;
    version: number;
    actor: string | null;
    actorRole: string | null;
    details: Record<string, unknown>;
    at: string;
  }[]
> {
  const r = await q.query(
    `SELECT a.action, a.version, u.display_name, u.role, a.details, a.at FROM feed_record_actions a LEFT JOIN users u ON u.id = a.actor_id WHERE a.feed_record_id = $1 ORDER BY a.id`,
    [id],
  );
  return r.map((x) => ({
    action: x.action,
    version: x.version,
    actor: x.display_name,
    actorRole: x.role,
    details: x.details,
    at: x.at,
  }));
}

export async function recordVersions(
  q: Queryable,
  id: string,
): Promise<
  { version: number; kind: string; recordState: string; subject: unknown; details: unknown; receivedAt: string }[]
> {
  const r = await q.query(
    "SELECT version, kind, record_state, subject, details, received_at FROM feed_record_versions WHERE feed_record_id = $1 ORDER BY version",
    [id],
  );
  return r.map((x) => ({
    version: x.version,
    kind: x.kind,
    recordState: x.record_state,
    subject: x.subject,
    details: x.details,
    receivedAt: x.received_at,
  }));
}

// ---------------------------------------------------------------- reviews

export type ReviewStatus = "open" | "matched" | "not-a-match" | "withdrawn";

export interface Review {
  id: string;
  feedRecordId: string;
  version: number;
  candidates: MatchCandidate[];
  status: ReviewStatus;
  personId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  openedOn: PlainDate;
}

const REVIEW_COLS =
  "r.id::text, r.feed_record_id::text, r.version, r.candidates, r.status, r.person_id::text, u.display_name AS decided_by, r.decided_at, r.note, r.opened_on";
const toReview = (r: Record<string, any>): Review => ({
  id: r.id,
  feedRecordId: r.feed_record_id,
  version: r.version,
  candidates: r.candidates,
  status: r.status,
  personId: r.person_id,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  note: r.note,
  openedOn: r.opened_on,
});

export async function findReview(q: Queryable, id: string, forUpdate = false): Promise<Review | undefined> {
  const r = await q.query(
    `SELECT ${REVIEW_COLS} FROM match_reviews r LEFT JOIN users u ON u.id = r.decided_by WHERE r.id = $1${forUpdate ? " FOR UPDATE OF r" : ""}`,
    [id],
  );
  return r[0] ? toReview(r[0]) : undefined;
}

export async function listReviews(
  q: Queryable,
  f: { status?: ReviewStatus | undefined; feedRecordId?: string | undefined; limit: number; offset: number },
): Promise<{ items: (Review & { recordNumber: string; kind: string; source: string })[]; total: number }> {
  const r = await q.query(
    `SELECT ${REVIEW_COLS}, f.number AS record_number, f.kind, f.source, count(*) OVER () AS total FROM match_reviews r JOIN feed_records f ON f.id = r.feed_record_id
     LEFT JOIN users u ON u.id = r.decided_by WHERE ($1::text IS NULL OR r.status = $1) AND ($2::uuid IS NULL OR r.feed_record_id = $2)
     ORDER BY r.opened_at, r.id LIMIT $3 OFFSET $4`,
    [f.status ?? null, f.feedRecordId ?? null, f.limit, f.offset],
  );
  return {
    items: r.map((x) => ({ ...toReview(x), recordNumber: x.record_number, kind: x.kind, source: x.source })),
    total: r[0]?.total ?? 0,
  };
}

// ---------------------------------------------------------------- people (read through people's own columns only for display)

export interface PersonView {
  id: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  birthDate: PlainDate;
  street: string | null;
  town: string | null;
  zip: string | null;
}

export async function peopleByIds(q: Queryable, ids: readonly string[]): Promise<Map<string, PersonView>> {
  if (!ids.length) return new Map();
  const r = await q.query(
    "SELECT id::text, first_name, middle_name, last_name, birth_date, street, town, zip FROM people WHERE id = ANY($1::uuid[])",
    [ids],
  );
  return new Map(
    r.map((x) => [
      x.id,
      {
        id: x.id,
        firstName: x.first_name,
        middleName: x.middle_name,
        lastName: x.last_name,
        birthDate: x.birth_date,
        street: x.street,
        town: x.town,
        zip: x.zip,
      },
    ]),
  );
}

// ---------------------------------------------------------------- obligations

export type ObligationStatus = "open" | "complied" | "overdue" | "escalated" | "lifted";

export interface Holdings {
  firearms: {
    source: "sale" | "registration";
    reference: string;
    description: string;
    serialNumber: string | null;
    on: string | null;
  }[];
  ammunition: { purchases: number; rounds: number; lastOn: PlainDate | null };
  /** Registrations the registries module marked (assault weapon certificates, magazine declarations). */
  registrations: { reference: string; kind: string; description: string }[];
  /** What a protective or restraining order says the respondent possesses (§ 36 ammunition indication; firearms). */
  indicated?: { firearms: boolean; ammunition: boolean; by: string };
}

export interface Obligation {
  id: string;
  number: string;
  personId: string;
  feedRecordId: string;
  eventOn: PlainDate;
  openedOn: PlainDate;
  dueOn: PlainDate;
  covers: string[];
  holdings: Holdings;
  armed: boolean;
  status: ObligationStatus;
  reminderSentOn: PlainDate | null;
  caseId: string | null;
  closedOn: PlainDate | null;
  decisionId: string | null;
}

export const OBL_COLS = `id::text, number, person_id::text, feed_record_id::text, event_on, opened_on, due_on, covers, holdings, armed, status, reminder_sent_on, case_id::text, closed_on, decision_id::text`;
export const toObligation = (r: Record<string, any>): Obligation => ({
  id: r.id,
  number: r.number,
  personId: r.person_id,
  feedRecordId: r.feed_record_id,
  eventOn: r.event_on,
  openedOn: r.opened_on,
  dueOn: r.due_on,
  covers: r.covers,
  holdings: r.holdings,
  armed: r.armed,
  status: r.status,
  reminderSentOn: r.reminder_sent_on,
  caseId: r.case_id,
  closedOn: r.closed_on,
  decisionId: r.decision_id,
});

export async function findObligation(q: Queryable, id: string, forUpdate = false): Promise<Obligation | undefined> {
  const r = await q.query(
    `SELECT ${OBL_COLS} FROM surrender_obligations WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`,
    [id],
  );
  return r[0] ? toObligation(r[0]) : undefined;
}

export async function obligationsOfPerson(q: Queryable, personId: string): Promise<Obligation[]> {
  const r = await q.query(
    `SELECT ${OBL_COLS} FROM surrender_obligations WHERE person_id = $1 ORDER BY opened_on DESC, number DESC`,
    [personId],
  );
  return r.map(toObligation);
}

export async function obligationHistory(
  q: Queryable,
  id: string,
): Promise<
  { action: string; onDate: PlainDate; actor: string | null; details: Record<string, unknown>; at: string }[]
> {
  const r = await q.query(
    "SELECT a.action, a.on_date, u.display_name, a.details, a.at FROM obligation_actions a LEFT JOIN users u ON u.id = a.actor_id WHERE a.obligation_id = $1 ORDER BY a.id",
    [id],
  );
  return r.map((x) => ({ action: x.action, onDate: x.on_date, actor: x.display_name, details: x.details, at: x.at }));
}

export const LIVE_OBLIGATION = ["open", "overdue", "escalated"] as const;

/** The armed-and-prohibited list: people with a live obligation whose records show firearms. */
export async function listArmedProhibited(
  q: Queryable,
  f: { town?: string | undefined; limit: number; offset: number },
) {
  const r = await q.query(
    `SELECT o.${OBL_COLS.split(", ").join(", o.")}, p.first_name, p.last_name, p.birth_date, p.town, count(*) OVER () AS total
     FROM surrender_obligations o JOIN people p ON p.id = o.person_id
     WHERE o.status IN ('open','overdue','escalated') AND o.armed AND ($1::text IS NULL OR p.town = $1)
     ORDER BY o.due_on, o.number LIMIT $2 OFFSET $3`,
    [f.town ?? null, f.limit, f.offset],
  );
  return {
    total: r[0]?.total ?? 0,
    items: r.map((x) => ({
      obligation: toObligation(x),
      person: {
        id: x.person_id,
        firstName: x.first_name,
        lastName: x.last_name,
        birthDate: x.birth_date as PlainDate,
        town: x.town as string | null,
      },
    })),
  };
}

/** Supervisors' counts: live obligations by town and by age of the case (days since opened). */
export async function obligationCounts(
  q: Queryable,
  today: PlainDate,
): Promise<{
  byTown: { town: string; open: number; overdue: number; escalated: number }[];
  byAge: { band: string; count: number }[];
}> {
  const byTown = await q.query(
    `SELECT coalesce(p.town, '(unknown)') AS town, count(*) FILTER (WHERE o.status = 'open')::int AS open, count(*) FILTER (WHERE o.status = 'overdue')::int AS overdue,
       count(*) FILTER (WHERE o.status = 'escalated')::int AS escalated
     FROM surrender_obligations o JOIN people p ON p.id = o.person_id WHERE o.status IN ('open','overdue','escalated') GROUP BY 1 ORDER BY 1`,
  );
  const byAge = await q.query(
    `SELECT CASE WHEN $1::date - opened_on <= 2 THEN '0-2 days' WHEN $1::date - opened_on <= 7 THEN '3-7 days' WHEN $1::date - opened_on <= 30 THEN '8-30 days'
       WHEN $1::date - opened_on <= 90 THEN '31-90 days' ELSE 'over 90 days' END AS band, count(*)::int AS count
     FROM surrender_obligations WHERE status IN ('open','overdue','escalated') GROUP BY 1`,
    [today],
  );
  const order = ["0-2 days", "3-7 days", "8-30 days", "31-90 days", "over 90 days"];
  return {
    byTown: byTown.map((x) => ({ town: x.town, open: x.open, overdue: x.overdue, escalated: x.escalated })),
    byAge: order.map((band) => ({ band, count: byAge.find((x) => x.band === band)?.count ?? 0 })),
  };
}

// ---------------------------------------------------------------- seizures

export type SeizureStatus =
  | "held"
  | "hearing-scheduled"
  | "ordered-held"
  | "ordered-returned"
  | "forfeited"
  | "returned"
  | "destroyed"
  | "auctioned";

export interface Seizure {
  id: string;
  number: string;
  personId: string | null;
  feedRecordId: string | null;
  basis: "risk-warrant" | "domestic-violence" | "recovered";
  seizedOn: PlainDate;
  agency: string;
  status: SeizureStatus;
  hearingOn: PlainDate | null;
  hearingDueOn: PlainDate | null;
  heldUntil: PlainDate | null;
  items: {
    id: number;
    itemKind: "firearm" | "ammunition";
    description: string;
    serialNumber: string | null;
    quantity: number;
    stolen: boolean;
    rightfulOwner: string | null;
    returnedToOwnerOn: PlainDate | null;
  }[];
}

const SEIZURE_COLS =
  "id::text, number, person_id::text, feed_record_id::text, basis, seized_on, agency, status, hearing_on, hearing_due_on, held_until";

export async function findSeizure(q: Queryable, id: string, forUpdate = false): Promise<Seizure | undefined> {
  const r = await q.query(`SELECT ${SEIZURE_COLS} FROM seizures WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`, [id]);
  if (!r[0]) return undefined;
  const items = await q.query(
    "SELECT id, item_kind, description, serial_number, quantity, stolen, rightful_owner, returned_to_owner_on FROM seizure_items WHERE seizure_id = $1 ORDER BY id",
    [id],
  );
  const s = r[0];
  return {
    id: s.id,
    number: s.number,
    personId: s.person_id,
    feedRecordId: s.feed_record_id,
    basis: s.basis,
    seizedOn: s.seized_on,
    agency: s.agency,
    status: s.status,
    hearingOn: s.hearing_on,
    hearingDueOn: s.hearing_due_on,
    heldUntil: s.held_until,
    items: items.map((i) => ({
      id: Number(i.id),
      itemKind: i.item_kind,
      description: i.description,
      serialNumber: i.serial_number,
      quantity: i.quantity,
      stolen: i.stolen,
      rightfulOwner: i.rightful_owner,
      returnedToOwnerOn: i.returned_to_owner_on,
    })),
  };
}

export async function listSeizures(
  q: Queryable,
  f: { status?: SeizureStatus | undefined; personId?: string | undefined; limit: number; offset: number },
) {
  const r = await q.query(
    `SELECT s.id::text, s.number, s.person_id::text, s.basis, s.seized_on, s.agency, s.status, s.hearing_on, s.hearing_due_on, p.first_name, p.last_name,
       (SELECT count(*) FROM seizure_items i WHERE i.seizure_id = s.id)::int AS items, count(*) OVER () AS total
     FROM seizures s LEFT JOIN people p ON p.id = s.person_id WHERE ($1::text IS NULL OR s.status = $1) AND ($2::uuid IS NULL OR s.person_id = $2)
     ORDER BY s.seized_on DESC, s.number DESC LIMIT $3 OFFSET $4`,
    [f.status ?? null, f.personId ?? null, f.limit, f.offset],
  );
  return {
    total: r[0]?.total ?? 0,
    items: r.map((x) => ({
      id: x.id as string,
      number: x.number as string,
      personId: x.person_id as string | null,
      person: x.first_name ? `${x.first_name} ${x.last_name}` : null,
      basis: x.basis as string,
      seizedOn: x.seized_on as PlainDate,
      agency: x.agency as string,
      status: x.status as SeizureStatus,
      hearingOn: x.hearing_on as PlainDate | null,
      hearingDueOn: x.hearing_due_on as PlainDate | null,
      items: x.items as number,
    })),
  };
}

export async function seizureHistory(q: Queryable, id: string) {
  const r = await q.query(
    "SELECT a.action, a.from_status, a.to_status, a.on_date, u.display_name, a.details, a.at FROM seizure_actions a LEFT JOIN users u ON u.id = a.actor_id WHERE a.seizure_id = $1 ORDER BY a.id",
    [id],
  );
  return r.map((x) => ({
    action: x.action as string,
    fromStatus: x.from_status as string | null,
    toStatus: x.to_status as string,
    onDate: x.on_date as PlainDate,
    actor: x.display_name as string | null,
    details: x.details as Record<string, unknown>,
    at: x.at as string,
  }));
}

/** Every automatic and manual match, newest first, with who made it (for auditors). */
export async function matchLog(q: Queryable, f: { limit: number; offset: number }) {
  const r = await q.query(
    `SELECT a.feed_record_id::text, f.number, f.kind, f.source, a.action, a.details, a.at, u.display_name, u.role, count(*) OVER () AS total
     FROM feed_record_actions a JOIN feed_records f ON f.id = a.feed_record_id LEFT JOIN users u ON u.id = a.actor_id
     WHERE a.action IN ('matched','review-decided') ORDER BY a.id DESC LIMIT $1 OFFSET $2`,
    [f.limit, f.offset],
  );
  return {
    total: r[0]?.total ?? 0,
    items: r.map((x) => ({
      recordId: x.feed_record_id as string,
      recordNumber: x.number as string,
      kind: x.kind as string,
      source: x.source as string,
      action: x.action as string,
      details: x.details as Record<string, unknown>,
      at: x.at as string,
      actor: x.display_name as string | null,
      actorRole: x.role as string | null,
    })),
  };
}
