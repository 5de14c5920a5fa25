/**
 * The audit trail: every change and every read of confidential data, written
 * in the same transaction as the change, each entry chained to the one before
 * by its hash. `verifyAudit` walks the chain and reports any break.
 */
import type { Queryable } from "../../db/client.ts";
import type { Ctx } from "../../context.ts";
import { GENESIS, entryHash, type ChainedFields } from "./chain.ts";

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  /** Why confidential data was read or a change was made (required for confidential reads). */
  purpose?: string;
  outcome?: "success" | "denied" | "failure";
  details?: Record<string, unknown>;
}

/** Appends one entry. Call it with the transaction that makes the change. */
export async function appendAudit(q: Queryable, ctx: Pick<Ctx, "user" | "clock" | "requestId">, e: AuditEntry): Promise<void> {
  // One writer at a time extends the chain; the lock is released when the transaction ends.
  await q.query("SELECT pg_advisory_xact_lock(727002)");
  const last = await q.query<{ hash: string }>("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  const prev = last[0]?.hash ?? GENESIS;
  const fields: ChainedFields = {
    at: ctx.clock.now().toISOString(),
    actor_id: ctx.user?.id ?? null,
    actor_role: ctx.user?.role ?? null,
    action: e.action,
    entity_type: e.entityType ?? null,
    entity_id: e.entityId ?? null,
    purpose: e.purpose ?? null,
    outcome: e.outcome ?? "success",
    details: e.details ?? {},
    request_id: ctx.requestId,
  };
  const hash = entryHash(prev, fields);
  await q.query(
    `INSERT INTO audit_log (at, actor_id, actor_role, action, entity_type, entity_id, purpose, outcome, details, request_id, prev_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [fields.at, fields.actor_id, fields.actor_role, fields.action, fields.entity_type, fields.entity_id, fields.purpose, fields.outcome, JSON.stringify(fields.details), fields.request_id, prev, hash],
  );
}

export interface AuditBreak { seq: number; problem: string }

/** Recomputes the chain. Returns the entries checked and every break found. */
export async function verifyAudit(q: Queryable, onProgress?: (done: number, total: number) => void): Promise<{ checked: number; breaks: AuditBreak[] }> {
  const total = Number((await q.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log"))[0]?.n ?? 0);
  const breaks: AuditBreak[] = [];
  let prev = GENESIS;
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await q.query<ChainedFields & { seq: number; prev_hash: string; hash: string }>(
      `SELECT seq, at, actor_id::text, actor_role, action, entity_type, entity_id, purpose, outcome, details, request_id, prev_hash, hash
       FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT 5000`, [after]);
    if (!rows.length) break;
    for (const r of rows) {
      if (r.prev_hash !== prev) breaks.push({ seq: r.seq, problem: "prev_hash does not match the hash of the entry before (an entry was removed or reordered)" });
      const { seq: _s, prev_hash: _p, hash, ...fields } = r;
      const recomputed = entryHash(r.prev_hash, { ...fields, at: new Date(fields.at).toISOString() });
      if (recomputed !== hash) breaks.push({ seq: r.seq, problem: "hash does not match the entry's contents (the entry was altered)" });
      prev = hash;
      after = r.seq;
      checked += 1;
    }
    onProgress?.(checked, total);
  }
  return { checked, breaks };
}

export interface AuditRow { seq: number; at: string; actorId: string | null; actorRole: string | null; action: string; entityType: string | null; entityId: string | null; purpose: string | null; outcome: string }

export async function listAudit(q: Queryable, opts: { limit: number; before?: number; entityId?: string }): Promise<AuditRow[]> {
  const rows = await q.query(
    `SELECT seq, at, actor_id::text AS actor_id, actor_role, action, entity_type, entity_id, purpose, outcome FROM audit_log
     WHERE ($1::bigint IS NULL OR seq < $1) AND ($2::text IS NULL OR entity_id = $2) ORDER BY seq DESC LIMIT $3`,
    [opts.before ?? null, opts.entityId ?? null, opts.limit]);
  return rows.map((r) => ({ seq: r.seq, at: r.at, actorId: r.actor_id, actorRole: r.actor_role, action: r.action, entityType: r.entity_type, entityId: r.entity_id, purpose: r.purpose, outcome: r.outcome }));
}
