/**
 * The credentials module's list queries for licensing staff: finding a person (by name with
 * partial and nickname matches, credential number, application number, date of birth, town),
 * the queue sorted by age, and the prohibiting events list. Each is one page at a time
 * (LIMIT/OFFSET) with its total.
 */
import type { Queryable } from "../../db/client.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { nameVariants } from "../identity/index.ts";

// ---------------------------------------------------------------- finding a person

export interface PersonSearch {
  /** Words of the name in any order: each must start a first, middle or last name, be inside the last name, or be a nickname of the first name. */
  name?: string | undefined;
  birthDate?: PlainDate | undefined;
  town?: string | undefined;
  credentialNumber?: string | undefined;
  applicationNumber?: string | undefined;
}

export interface PersonHit {
  person: {
    id: string;
    firstName: string;
    middleName: string | null;
    lastName: string;
    birthDate: PlainDate;
    town: string | null;
  };
  credentials: { id: string; number: string; kind: string; status: string; expiresOn: PlainDate }[];
  applications: { id: string; number: string; credentialKind: string; status: string; submittedOn: PlainDate }[];
}

const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The name's words: lower case, at most four, punctuation other than ' and - dropped. */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\- ]+/gu, " ")
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 4);
}

/** People matching every criterion given, by last name, first name and date of birth. */
export async function searchPeople(
  q: Queryable,
  s: PersonSearch,
  page: { limit: number; offset: number },
): Promise<{ items: PersonHit[]; total: number }> {
  const where: string[] = [];
  const args: unknown[] = [];
  const arg = (v: unknown) => {
    args.push(v);
    return `$${args.length}`;
  };
  for (const w of nameWords(s.name ?? "")) {
    const inside = arg(`%${like(w)}%`);
    const starts = arg(`${like(w)}%`);
    const variants = arg(nameVariants(w));
    where.push(
      `(lower(p.last_name) LIKE ${inside} OR lower(p.first_name) LIKE ${starts} OR lower(coalesce(p.middle_name, '')) LIKE ${starts}
        OR regexp_replace(lower(p.first_name), '[^a-z0-9]', '', 'g') = ANY(${variants}::text[]))`,
    );
  }
  if (s.birthDate) where.push(`p.birth_date = ${arg(s.birthDate)}`);
  if (s.town) where.push(`lower(p.town) = lower(${arg(s.town)})`);
  if (s.credentialNumber)
    where.push(
      `EXISTS (SELECT 1 FROM credentials c WHERE c.person_id = p.id AND upper(c.number) = upper(${arg(s.credentialNumber)}))`,
    );
  if (s.applicationNumber)
    where.push(
      `EXISTS (SELECT 1 FROM applications a WHERE a.person_id = p.id AND upper(a.number) = upper(${arg(s.applicationNumber)}))`,
    );
  if (!where.length) return { items: [], total: 0 };
  const rows = await q.query(
    `SELECT p.id::text, p.first_name, p.middle_name, p.last_name, p.birth_date, p.town, count(*) OVER () AS total
     FROM people p WHERE ${where.join(" AND ")}
     ORDER BY lower(p.last_name), lower(p.first_name), p.birth_date, p.id LIMIT ${arg(page.limit)} OFFSET ${arg(page.offset)}`,
    args,
  );
  const ids = rows.map((r) => r.id as string);
  const [creds, apps] = ids.length
    ? await Promise.all([
        q.query(
          `SELECT id::text, number, person_id::text, kind, status, expires_on FROM credentials WHERE person_id = ANY($1::uuid[])
           ORDER BY issued_on DESC, number DESC`,
          [ids],
        ),
        q.query(
          `SELECT id::text, number, person_id::text, credential_kind, status, submitted_on FROM applications WHERE person_id = ANY($1::uuid[])
           ORDER BY submitted_on DESC, number DESC`,
          [ids],
        ),
      ])
    : [[], []];
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      person: {
        id: r.id,
        firstName: r.first_name,
        middleName: r.middle_name,
        lastName: r.last_name,
        birthDate: r.birth_date,
        town: r.town,
      },
      credentials: creds
        .filter((c) => c.person_id === r.id)
        .map((c) => ({ id: c.id, number: c.number, kind: c.kind, status: c.status, expiresOn: c.expires_on })),
      applications: apps
        .filter((a) => a.person_id === r.id)
        .map((a) => ({
          id: a.id,
          number: a.number,
          credentialKind: a.credential_kind,
          status: a.status,
          submittedOn: a.submitted_on,
        })),
    })),
  };
}

// ---------------------------------------------------------------- the queue

export type QueueSort = "oldest" | "newest";

export interface QueueFilter {
  statuses: readonly string[];
  credentialKind?: string | undefined;
  channel?: "online" | "paper" | undefined;
  town?: string | undefined;
  /** Submitted on or before this day (the longest waiting). */
  submittedTo?: PlainDate | undefined;
  sort: QueueSort;
}

export interface QueueRow {
  id: string;
  number: string;
  credentialKind: string;
  kind: string;
  channel: string;
  status: string;
  submittedOn: PlainDate;
  residenceTown: string;
  person: { firstName: string; lastName: string };
}

/** Applications by age in the queue (oldest first unless asked otherwise). */
export async function queuePage(
  q: Queryable,
  f: QueueFilter,
  page: { limit: number; offset: number },
): Promise<{ items: QueueRow[]; total: number }> {
  const dir = f.sort === "newest" ? "DESC" : "ASC";
  const rows = await q.query(
    `SELECT a.id::text, a.number, a.credential_kind, a.kind, a.channel, a.status, a.submitted_on, a.residence_town,
            p.first_name, p.last_name, count(*) OVER () AS total
     FROM applications a JOIN people p ON p.id = a.person_id
     WHERE a.status = ANY($1::text[]) AND ($2::text IS NULL OR a.credential_kind = $2) AND ($3::text IS NULL OR a.channel = $3)
       AND ($4::text IS NULL OR lower(a.residence_town) = lower($4)) AND ($5::date IS NULL OR a.submitted_on <= $5)
     ORDER BY a.submitted_on ${dir}, a.number ${dir} LIMIT $6 OFFSET $7`,
    [
      f.statuses,
      f.credentialKind ?? null,
      f.channel ?? null,
      f.town ?? null,
      f.submittedTo ?? null,
      page.limit,
      page.offset,
    ],
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      credentialKind: r.credential_kind,
      kind: r.kind,
      channel: r.channel,
      status: r.status,
      submittedOn: r.submitted_on,
      residenceTown: r.residence_town,
      person: { firstName: r.first_name, lastName: r.last_name },
    })),
  };
}

// ---------------------------------------------------------------- prohibiting events

export interface EventFilter {
  kind?: string | undefined;
  /** "in-force" (not lifted) or "lifted"; both when absent. */
  state?: "in-force" | "lifted" | undefined;
  from?: PlainDate | undefined;
  to?: PlainDate | undefined;
}

export interface EventRow {
  id: string;
  kind: string;
  eventOn: PlainDate;
  source: string;
  reference: string | null;
  recordedAt: string;
  liftedAt: string | null;
  person: { id: string; firstName: string; lastName: string; birthDate: PlainDate };
  recordedBy: { username: string; displayName: string } | null;
  credentials: { id: string; number: string; status: string }[];
}

/** Prohibiting events, newest event first, with the person's credentials. */
export async function listEvents(
  q: Queryable,
  f: EventFilter,
  page: { limit: number; offset: number },
): Promise<{ items: EventRow[]; total: number }> {
  const rows = await q.query(
    `SELECT e.id::text, e.kind, e.event_on, e.source, e.reference, e.recorded_at, e.lifted_at, p.id::text AS person_id,
            p.first_name, p.last_name, p.birth_date, u.username, u.display_name, count(*) OVER () AS total
     FROM prohibiting_events e JOIN people p ON p.id = e.person_id LEFT JOIN users u ON u.id = e.recorded_by
     WHERE ($1::text IS NULL OR e.kind = $1)
       AND ($2::text IS NULL OR ($2 = 'lifted') = (e.lifted_at IS NOT NULL))
       AND ($3::date IS NULL OR e.event_on >= $3) AND ($4::date IS NULL OR e.event_on <= $4)
     ORDER BY e.event_on DESC, e.recorded_at DESC, e.id LIMIT $5 OFFSET $6`,
    [f.kind ?? null, f.state ?? null, f.from ?? null, f.to ?? null, page.limit, page.offset],
  );
  const people = [...new Set(rows.map((r) => r.person_id as string))];
  const creds = people.length
    ? await q.query(
        "SELECT id::text, number, status, person_id::text FROM credentials WHERE person_id = ANY($1::uuid[]) ORDER BY issued_on DESC",
        [people],
      )
    : [];
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      eventOn: r.event_on,
      source: r.source,
      reference: r.reference,
      recordedAt: new Date(r.recorded_at).toISOString(),
      liftedAt: r.lifted_at ? new Date(r.lifted_at).toISOString() : null,
      person: { id: r.person_id, firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date },
      recordedBy: r.username ? { username: r.username, displayName: r.display_name } : null,
      credentials: creds
        .filter((c) => c.person_id === r.person_id)
        .map((c) => ({ id: c.id, number: c.number, status: c.status })),
    })),
  };
}
