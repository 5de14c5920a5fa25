/**
 * Reads of personal data (issue 8, finding 5). Every read states a purpose
 * (`ReadPurpose`: a code and at least 10 characters), sent in the request body
 * or the `Stateline-Purpose` header, never in the URL; the read writes an audit
 * entry naming the people whose records were shown (`details.personIds`), so an
 * auditor can list every read of one person's record. A refused attempt (403)
 * is written too, with outcome "denied".
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { AppError } from "../../lib/errors.ts";
import { ReadPurpose, purposeFromHeader, purposeLine } from "../../lib/purpose.ts";
import { appendAudit } from "./service.ts";

const HEADER_FIELD = "header.stateline-purpose";

/**
 * The purpose of a read: from the body's `purpose` (an object {code, text}) or
 * the `Stateline-Purpose: <code>; <text>` header. Undefined when neither is sent;
 * a malformed one, or one in the URL's query string, is a 400 naming the field.
 */
export function purposeOf(input: {
  headers: Record<string, string | string[] | undefined>;
  query?: unknown;
  body?: unknown;
}): ReadPurpose | undefined {
  const q = input.query as Record<string, unknown> | undefined;
  if (q && typeof q === "object" && q.purpose !== undefined) {
    throw new AppError(
      "validation",
      "query.purpose: a purpose goes in the Stateline-Purpose header or the request body, never in the URL (URLs end up in logs and browser history)",
      {
        fields: [
          {
            field: "query.purpose",
            message: "send it in the Stateline-Purpose header: `<code>; <why, at least 10 characters>`",
          },
        ],
      },
    );
  }
  const b = input.body as Record<string, unknown> | undefined;
  const [raw, field] =
    b && typeof b === "object" && b.purpose !== undefined
      ? [b.purpose, "purpose"]
      : [purposeFromHeader(input.headers), HEADER_FIELD];
  if (raw === undefined) return undefined;
  const r = ReadPurpose.safeParse(raw);
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join(".") || "purpose"}: ${i.message}`).join("; ");
    throw new AppError("validation", `${field}: ${msg}`, {
      fields: [{ field, message: `a purpose code and why, in at least 10 characters (${msg})` }],
    });
  }
  return r.data;
}

/** The purpose, or a 400 naming the header: this role reads personal data only with one. */
export function requirePurpose(input: Parameters<typeof purposeOf>[0]): ReadPurpose {
  const p = purposeOf(input);
  if (!p) {
    throw new AppError(
      "validation",
      `${HEADER_FIELD}: say why you need this record (a purpose code and at least 10 characters)`,
      {
        fields: [
          { field: HEADER_FIELD, message: "required: `Stateline-Purpose: <code>; <why, at least 10 characters>`" },
        ],
      },
    );
  }
  return p;
}

export interface ReadEntry {
  action: string;
  entityType: string;
  entityId?: string | undefined;
  personIds: readonly (string | null | undefined)[];
  details?: Record<string, unknown>;
}

/** Writes the audit entry of a read, with its purpose and the people whose records were shown. */
export async function auditRead(
  q: Queryable,
  ctx: Pick<Ctx, "user" | "clock" | "requestId">,
  purpose: ReadPurpose,
  e: ReadEntry,
): Promise<void> {
  const personIds = [...new Set(e.personIds.filter((x): x is string => !!x))];
  await appendAudit(q, ctx, {
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    purpose: purposeLine(purpose),
    details: { ...(e.details ?? {}), personIds },
  });
}

/** Writes a refused attempt to read personal data (outcome "denied"), in its own transaction, and returns the 403 to throw. */
export async function auditRefusedRead(
  ctx: Ctx,
  e: Omit<ReadEntry, "personIds"> & { personIds?: ReadEntry["personIds"] },
  why?: string,
): Promise<AppError> {
  const personIds = [...new Set((e.personIds ?? []).filter((x): x is string => !!x))];
  await ctx.db.tx((q) =>
    appendAudit(q, ctx, {
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      outcome: "denied",
      details: { ...(e.details ?? {}), personIds },
    }),
  );
  return new AppError("forbidden", why ?? "your role may not read this record");
}

export interface PersonReadRow {
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  purpose: string | null;
  outcome: string;
}

/** Every read (and refused attempt) of one person's records, newest first: for auditors. */
export async function readsOfPerson(
  q: Queryable,
  personId: string,
  opts: { limit: number; before?: number | undefined },
): Promise<PersonReadRow[]> {
  const rows = await q.query(
    `SELECT seq, at, actor_id::text AS actor_id, actor_role, action, entity_type, entity_id, purpose, outcome FROM audit_log
     WHERE (purpose IS NOT NULL OR outcome = 'denied')
       AND ((entity_type = 'person' AND entity_id = $1) OR details->>'personId' = $1 OR details->'personIds' ? $1)
       AND ($2::bigint IS NULL OR seq < $2)
     ORDER BY seq DESC LIMIT $3`,
    [personId, opts.before ?? null, opts.limit],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorRole: r.actor_role,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    purpose: r.purpose,
    outcome: r.outcome,
  }));
}

// ---------------------------------------------------------------- the trail, filtered (auditors)

/** Filters of the audit trail page and its CSV export. Dates are Connecticut calendar days. */
export interface AuditFilter {
  actorId?: string | undefined;
  /** An action, or the start of one: "sale." finds every sale action. */
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  outcome?: "success" | "denied" | "failure" | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditTrailRow extends PersonReadRow {
  requestId: string | null;
}

const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Entries matching the filter, newest first, `limit` at a time before entry `before` (keyset
 * paging on the entry number, so a page stays put while new entries are written).
 */
export async function searchAudit(
  q: Queryable,
  f: AuditFilter,
  page: { limit: number; before?: number | undefined },
): Promise<AuditTrailRow[]> {
  const rows = await q.query(
    `SELECT seq, at, actor_id::text AS actor_id, actor_role, action, entity_type, entity_id, purpose, outcome, request_id FROM audit_log
     WHERE ($1::bigint IS NULL OR seq < $1)
       AND ($2::uuid IS NULL OR actor_id = $2)
       AND ($3::text IS NULL OR action LIKE $3)
       AND ($4::text IS NULL OR entity_type = $4)
       AND ($5::text IS NULL OR entity_id = $5)
       AND ($6::text IS NULL OR outcome = $6)
       AND ($7::date IS NULL OR at >= ($7::date::timestamp AT TIME ZONE 'America/New_York'))
       AND ($8::date IS NULL OR at < (($8::date + 1)::timestamp AT TIME ZONE 'America/New_York'))
     ORDER BY seq DESC LIMIT $9`,
    [
      page.before ?? null,
      f.actorId ?? null,
      f.action ? likePrefix(f.action) : null,
      f.entityType ?? null,
      f.entityId ?? null,
      f.outcome ?? null,
      f.from ?? null,
      f.to ?? null,
      page.limit,
    ],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorRole: r.actor_role,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    purpose: r.purpose,
    outcome: r.outcome,
    requestId: r.request_id,
  }));
}

/**
 * The number people use for each record an audit page lists (A-…, S-…, credential numbers), so the
 * trail shows numbers and not internal ids. Read by SQL from the capabilities' tables: the audit
 * trail names records of every module, and importing each module here would make audit depend on all
 * of them. Records without a number (people, obligations) keep their id.
 */
const NUMBERED: Record<string, { table: string; column: string }> = {
  application: { table: "applications", column: "number" },
  credential: { table: "credentials", column: "number" },
  sale: { table: "sales", column: "number" },
  "ammunition-check": { table: "ammunition_checks", column: "number" },
  appeal: { table: "appeals", column: "number" },
  registration: { table: "registrations", column: "number" },
  lead: { table: "leads", column: "number" },
  case: { table: "cases", column: "number" },
  trace: { table: "traces", column: "number" },
  "lost-stolen-report": { table: "lost_stolen_reports", column: "number" },
  seizure: { table: "seizures", column: "number" },
  "offender-registrant": { table: "offender_registrants", column: "number" },
  user: { table: "users", column: "username" },
  dealer: { table: "dealers", column: "name" },
  // Schools (PA 13-3 §§ 80-92): records people know by name; grant applications by number.
  school: { table: "schools", column: "name || ' (' || town || ')'" },
  campus: { table: "campuses", column: "institution || ', ' || name" },
  school_district: { table: "school_districts", column: "name" },
  grant_round: { table: "grant_rounds", column: "name" },
  grant_application: { table: "grant_applications", column: "number" },
  security_consultant: { table: "security_consultants", column: "name" },
  mhfa_coordinator: { table: "mhfa_coordinators", column: "name" },
  school_document: { table: "school_documents", column: "file_name" },
  construction_review: { table: "construction_reviews", column: "project" },
  school_standards: { table: "school_standards", column: "title || ' (version ' || version || ')'" },
};

export async function recordNumbers(
  q: Queryable,
  rows: readonly { entityType: string | null; entityId: string | null }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byType = new Map<string, Set<string>>();
  for (const r of rows)
    if (r.entityType && r.entityId && NUMBERED[r.entityType] && /^[0-9a-f-]{36}$/i.test(r.entityId))
      (byType.get(r.entityType) ?? byType.set(r.entityType, new Set()).get(r.entityType)!).add(r.entityId);
  for (const [type, ids] of byType) {
    const { table, column } = NUMBERED[type]!;
    const found = await q.query<{ id: string; n: string }>(
      `SELECT id::text AS id, (${column})::text AS n FROM ${table} WHERE id = ANY($1::uuid[])`,
      [[...ids]],
    );
    for (const f of found) out.set(`${type}:${f.id}`, f.n);
  }
  return out;
}
