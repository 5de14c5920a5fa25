/**
 * The audit trail: every change and every read of confidential data, written
 * in the same transaction as the change, each entry chained to the one before
 * by its hash. `verifyAudit` walks the chain and reports any break.
 */
import { coalesce, coalescerFor, type Coalescer } from "../../db/batch.ts";
import { isDatabaseUnavailable, write, type Db, type Queryable } from "../../db/client.ts";
import type { Ctx } from "../../context.ts";
import { GENESIS, entryHash, type ChainedFields } from "./chain.ts";

const INSERT_ONE = `INSERT INTO audit_log (at, actor_id, actor_role, action, entity_type, entity_id, purpose, outcome, details, request_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`;

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  /** Why confidential data was read or a change was made (required for confidential reads). */
  purpose?: string;
  outcome?: "success" | "denied" | "failure";
  details?: Record<string, unknown>;
}

/**
 * Appends one entry. Call it with the transaction that makes the change, so the
 * entry commits (or rolls back) with it. The entry is chained by `sealAudit`
 * moments later; writers never wait on one another here.
 */
export async function appendAudit(
  q: Queryable,
  ctx: Pick<Ctx, "user" | "clock" | "requestId">,
  e: AuditEntry,
): Promise<void> {
  // No answer is read: in a transaction the entry travels with the next statement (see `write`).
  await write(q, INSERT_ONE, [
    ctx.clock.now().toISOString(),
    ctx.user?.id ?? null,
    ctx.user?.role ?? null,
    e.action,
    e.entityType ?? null,
    e.entityId ?? null,
    e.purpose ?? null,
    e.outcome ?? "success",
    JSON.stringify(e.details ?? {}),
    ctx.requestId,
  ]);
}

type Row = [
  string,
  string | null,
  string | null,
  string,
  string | null,
  string | null,
  string | null,
  string,
  string,
  string,
];
const grouped = new WeakMap<Queryable, Coalescer<Row, void>>();

/**
 * Appends one entry outside any transaction, sharing one multi-row INSERT (and one commit) with
 * the entries other requests append at the same moment (see src/db/batch.ts). The promise
 * settles when the entry is committed. For the busiest read, the counter's verification, whose
 * only write is its audit entry; a change's entries go with the change (`appendAudit`).
 */
export async function appendAuditGrouped(
  q: Queryable,
  ctx: Pick<Ctx, "user" | "clock" | "requestId">,
  e: AuditEntry,
): Promise<void> {
  const c = coalescerFor(grouped, q, () =>
    coalesce<Row, void>(async (rows) => {
      const col = (i: number) => rows.map((r) => r[i]);
      try {
        await q.query(
          `INSERT INTO audit_log (at, actor_id, actor_role, action, entity_type, entity_id, purpose, outcome, details, request_id)
         SELECT * FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::text[])`,
          [col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), col(8), col(9)],
        );
      } catch (err) {
        if (!isDatabaseUnavailable(err)) throw err;
        // The primary is down: one entry per statement, which a replica route spools (src/db/replica.ts).
        for (const r of rows) await q.query(INSERT_ONE, r);
      }
      return rows.map(() => undefined);
    }),
  );
  await c.run([
    ctx.clock.now().toISOString(),
    ctx.user?.id ?? null,
    ctx.user?.role ?? null,
    e.action,
    e.entityType ?? null,
    e.entityId ?? null,
    e.purpose ?? null,
    e.outcome ?? "success",
    JSON.stringify(e.details ?? {}),
    ctx.requestId,
  ]);
}

type StoredEntry = ChainedFields & {
  seq: number;
  chain_seq: number | null;
  prev_hash: string | null;
  hash: string | null;
};
const ENTRY_COLUMNS =
  "seq, chain_seq, at, actor_id::text, actor_role, action, entity_type, entity_id, purpose, outcome, details, request_id, prev_hash, hash";

function fieldsOf(r: StoredEntry): ChainedFields {
  return {
    at: new Date(r.at).toISOString(),
    actor_id: r.actor_id,
    actor_role: r.actor_role,
    action: r.action,
    entity_type: r.entity_type,
    entity_id: r.entity_id,
    purpose: r.purpose,
    outcome: r.outcome,
    details: r.details,
    request_id: r.request_id,
  };
}

/**
 * Seals committed entries into the chain, oldest first: each gets the next
 * chain position, the hash of the entry before and its own hash. One sealer
 * at a time (an advisory lock); safe to call from anywhere, any number of times.
 */
export async function sealAudit(db: Db, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.tx(async (q) => {
      await q.query("SELECT pg_advisory_xact_lock(727002)");
      const last = await q.query<{ chain_seq: number; hash: string }>(
        "SELECT chain_seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1",
      );
      let prev = last[0]?.hash ?? GENESIS;
      let pos = last[0]?.chain_seq ?? 0;
      const rows = await q.query<StoredEntry>(
        `SELECT ${ENTRY_COLUMNS} FROM audit_log WHERE chain_seq IS NULL ORDER BY seq LIMIT $1`,
        [batch],
      );
      if (!rows.length) return 0;
      const seqs: number[] = [],
        positions: number[] = [],
        prevs: string[] = [],
        hashes: string[] = [];
      for (const r of rows) {
        const hash = entryHash(prev, fieldsOf(r));
        pos += 1;
        seqs.push(r.seq);
        positions.push(pos);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      await q.query(
        `UPDATE audit_log a SET chain_seq = t.pos, prev_hash = t.prev, hash = t.hash
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS t(seq, pos, prev, hash) WHERE a.seq = t.seq`,
        [seqs, positions, prevs, hashes],
      );
      return rows.length;
    });
    total += n;
    if (n < batch) return total;
  }
}

/** Seals `db`'s audit entries every `ms` milliseconds until stopped. */
export function startAuditSealer(db: Db, ms = 250, onError: (e: unknown) => void = () => {}): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sealAudit(db)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}

export interface AuditBreak {
  seq: number;
  problem: string;
}

/**
 * Seals what is pending, then recomputes the whole chain in chain order.
 * Returns the entries checked and every break found.
 */
export async function verifyAudit(
  db: Db,
  onProgress?: (done: number, total: number) => void,
): Promise<{ checked: number; breaks: AuditBreak[]; pending: number }> {
  await sealAudit(db);
  const total = Number((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log"))[0]?.n ?? 0);
  const breaks: AuditBreak[] = [];
  let prev = GENESIS;
  let expectedPos = 1;
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.query<StoredEntry>(
      `SELECT ${ENTRY_COLUMNS} FROM audit_log WHERE chain_seq > $1 ORDER BY chain_seq LIMIT 5000`,
      [after],
    );
    if (!rows.length) break;
    for (const r of rows) {
      if (r.chain_seq !== expectedPos)
        breaks.push({
          seq: r.seq,
          problem: `chain position ${r.chain_seq} follows ${expectedPos - 1}: an entry was removed`,
        });
      if (r.prev_hash !== prev)
        breaks.push({
          seq: r.seq,
          problem: "prev_hash does not match the hash of the entry before (an entry was removed or reordered)",
        });
      if (entryHash(r.prev_hash ?? "", fieldsOf(r)) !== r.hash)
        breaks.push({ seq: r.seq, problem: "hash does not match the entry's contents (the entry was altered)" });
      prev = r.hash ?? "";
      expectedPos = (r.chain_seq ?? 0) + 1;
      after = r.chain_seq ?? after;
      checked += 1;
    }
    onProgress?.(checked, total);
  }
  // Entries committed while this ran wait for the next seal; they are not breaks.
  return { checked, breaks, pending: Math.max(0, total - checked) };
}

export interface AuditRow {
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

export async function listAudit(
  q: Queryable,
  opts: { limit: number; before?: number; entityId?: string },
): Promise<AuditRow[]> {
  const rows = await q.query(
    `SELECT seq, at, actor_id::text AS actor_id, actor_role, action, entity_type, entity_id, purpose, outcome FROM audit_log
     WHERE ($1::bigint IS NULL OR seq < $1) AND ($2::text IS NULL OR entity_id = $2) ORDER BY seq DESC LIMIT $3`,
    [opts.before ?? null, opts.entityId ?? null, opts.limit],
  );
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    purpose: r.purpose,
    outcome: r.outcome,
  }));
}
