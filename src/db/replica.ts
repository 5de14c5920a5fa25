/**
 * Reads from a streaming replica (DATABASE_REPLICA_URL), and the audit entries of those reads kept
 * while the primary is unreachable.
 *
 * One shape: `ctx.replica` (set only when Stateline runs on PostgreSQL with a replica configured)
 * carries two query functions:
 *
 * - `read`: read-only statements on the replica. If the replica cannot answer (down, restarting),
 *   the same statement goes to the primary, so a lost replica costs capacity, never answers.
 * - `primaryFirst`: reads that should be fresh (API keys): the primary, the replica while it is down.
 * - `audit`: the single INSERT INTO audit_log that records such a read. It goes to the primary; while
 *   the primary is unreachable it is appended to a local spool file (fsynced before the answer
 *   leaves) and replayed into audit_log, exactly once, when the primary answers again
 *   (`replaySpool`, run at start-up and every second by the background loop). Only audit entries may
 *   be spooled: anything else still fails with "unavailable", so a sale is never half-written.
 *
 * QUESTION(legal): a verification answered while the primary is down has its audit entry written
 * durably to the local spool before the answer, and entered into the audit trail (and its hash chain)
 * when the primary returns. We read "every read of confidential data is audited" as satisfied by that
 * durable record; the alternative reading (no answer without the entry in the trail itself) would mean
 * refusing verifications, and so sales, during every outage of the primary.
 *
 * Services use `readerOf(ctx)` and `auditWriterOf(ctx)`, which are `ctx.db` when no replica is set
 * (PGlite, or PostgreSQL without DATABASE_REPLICA_URL): behaviour is then exactly as before.
 * See docs/OPERATIONS.md (replica, spool, failover) and docs/ARCHITECTURE.md (scale path).
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { isDatabaseUnavailable, openPostgres, type Db, type Queryable, type Row } from "./client.ts";

export interface ReplicaRoute {
  /** Read-only statements: on the replica, or on the primary when the replica cannot answer. */
  read: Queryable;
  /** Audit entries of replica reads: on the primary, or spooled while the primary is unreachable. */
  audit: Queryable;
  /**
   * Reads that should see the latest writes (API keys, for revocations): on the primary, or on the
   * replica while the primary is unreachable, so that sellers can still verify credentials then.
   */
  primaryFirst: Queryable;
  /** How many reads went to the replica / fell back to the primary; entries spooled (for benchmarks and tests). */
  stats: { replicaReads: number; fallbackReads: number; spooled: number };
  close(): Promise<void>;
}

/** What services need from their context to route reads; `replica` is absent without a replica. */
interface Routed {
  db: Queryable;
  replica?: ReplicaRoute | undefined;
}

/** The query function for reads that may be served by the replica (the primary when none is set). */
export const readerOf = (ctx: Routed): Queryable => ctx.replica?.read ?? ctx.db;

/** The query function for the audit entry of such a read (the primary, spooling while it is down). */
export const auditWriterOf = (ctx: Routed): Queryable => ctx.replica?.audit ?? ctx.db;

/**
 * Builds the route from a primary and a replica query function (the replica need not be a pool of
 * its own in tests). `spoolDir` holds `audit-spool.jsonl`; one folder per server process.
 */
export function replicaRoute(
  primary: Db,
  replica: Queryable & { close?: () => Promise<void> },
  spoolDir: string,
): ReplicaRoute {
  const stats = { replicaReads: 0, fallbackReads: 0, spooled: 0 };
  const read: Queryable = {
    async query<T extends Row = Row>(text: string, params?: readonly unknown[]) {
      try {
        const rows = await replica.query<T>(text, params);
        stats.replicaReads += 1;
        return rows;
      } catch (e) {
        if (!isDatabaseUnavailable(e)) throw e;
        stats.fallbackReads += 1;
        return primary.query<T>(text, params);
      }
    },
  };
  const primaryFirst: Queryable = {
    async query<T extends Row = Row>(text: string, params?: readonly unknown[]) {
      try {
        return await primary.query<T>(text, params);
      } catch (e) {
        if (!isDatabaseUnavailable(e)) throw e;
        return replica.query<T>(text, params);
      }
    },
  };
  const audit: Queryable = {
    async query<T extends Row = Row>(text: string, params?: readonly unknown[]) {
      try {
        return await primary.query<T>(text, params);
      } catch (e) {
        if (!isDatabaseUnavailable(e) || !AUDIT_INSERT.test(text)) throw e;
        spoolStatement(spoolDir, text, params ?? []);
        stats.spooled += 1;
        return [] as T[];
      }
    },
  };
  return { read, audit, primaryFirst, stats, close: async () => replica.close?.() };
}

/** Opens the replica's pool (PostgreSQL only) and builds the route. */
export async function openReplicaRoute(primary: Db, replicaUrl: string, spoolDir: string): Promise<ReplicaRoute> {
  if (primary.kind !== "postgres") throw new Error("DATABASE_REPLICA_URL needs DATABASE_URL (a PostgreSQL primary)");
  return replicaRoute(primary, await openPostgres(replicaUrl), spoolDir);
}

// ---------------------------------------------------------------- the spool

// One entry per statement (VALUES): a grouped multi-row insert falls back to these when the primary is down.
const AUDIT_INSERT = /^\s*INSERT INTO audit_log\s*\(([^)]+)\)\s*VALUES/i;
const SPOOL = "audit-spool.jsonl";

interface Spooled {
  id: string;
  text: string;
  params: readonly unknown[];
}

function spoolStatement(dir: string, text: string, params: readonly unknown[]): void {
  mkdirSync(dir, { recursive: true });
  const line = JSON.stringify({ id: randomUUID(), text, params } satisfies Spooled) + "\n";
  const fd = openSync(join(dir, SPOOL), "a", 0o600);
  try {
    writeSync(fd, line);
    // Durable before the answer leaves: an acknowledged read's audit entry survives a crash.
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Entries waiting in the spool (not yet replayed). */
export function spoolLength(dir: string): number {
  let n = 0;
  for (const f of spoolFiles(dir, true)) n += readEntries(join(dir, f)).length;
  return n;
}

function spoolFiles(dir: string, includeCurrent: boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((f) => f.startsWith("replaying-") || (includeCurrent && f === SPOOL)).sort();
}

function readEntries(file: string): Spooled[] {
  const out: Spooled[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as Spooled);
    } catch {
      // A torn last line: the process died inside the write, before the fsync, so it was never acknowledged.
    }
  }
  return out;
}

/**
 * Replays spooled audit entries into the primary, in spool order, one transaction per file. The file
 * is renamed first (new entries go to a fresh file) and removed after its transaction commits; an
 * entry already present (same request, action, entity and time: a crash between commit and removal)
 * is not inserted twice. Returns the number of entries inserted; throws "unavailable" if the primary
 * is still down (the files stay for the next try).
 */
export async function replaySpool(primary: Db, dir: string): Promise<number> {
  try {
    renameSync(join(dir, SPOOL), join(dir, `replaying-${Date.now()}-${randomUUID().slice(0, 8)}.jsonl`));
  } catch {
    /* nothing new */
  }
  let inserted = 0;
  for (const f of spoolFiles(dir, false)) {
    const file = join(dir, f);
    const entries = readEntries(file).flatMap((e) => {
      const cols = AUDIT_INSERT.exec(e.text)?.[1]
        ?.split(",")
        .map((c) => c.trim());
      if (!cols) return [];
      const v = (c: string) => String(cols.includes(c) ? (e.params[cols.indexOf(c)] ?? "") : "");
      // What identifies an entry: its entity, action, request and time (the same request may audit twice).
      return [{ e, type: v("entity_type"), id: v("entity_id"), key: [v("action"), v("request_id"), v("at")] }];
    });
    inserted += await primary.tx(async (q) => {
      // One replay at a time (across processes too): the check for entries already present then holds.
      await q.query("SELECT pg_advisory_xact_lock(727003)");
      // Entries already present (a crash between commit and removal), found through the entity index
      // (audit_entity). Spooled entries always name their entity (credential verifications).
      const present = await q.query<{ t: string; i: string; a: string; r: string | null; at: string }>(
        `SELECT coalesce(entity_type, '') AS t, coalesce(entity_id, '') AS i, action AS a, request_id AS r, at
           FROM audit_log WHERE (entity_type, entity_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [entries.map((x) => x.type), entries.map((x) => x.id)],
      );
      const seen = new Set(
        present.map((p) => JSON.stringify([p.t, p.i, p.a, p.r ?? "", new Date(p.at).toISOString()])),
      );
      let n = 0;
      for (const x of entries) {
        const at = x.key[2] ? new Date(x.key[2]).toISOString() : "";
        const id = JSON.stringify([x.type, x.id, x.key[0], x.key[1], at]);
        if (seen.has(id)) continue;
        await q.query(x.e.text, x.e.params);
        seen.add(id);
        n += 1;
      }
      return n;
    });
    rmSync(file, { force: true });
  }
  return inserted;
}

/** Replays the spool every `intervalMs` while there is one (quietly retrying while the primary is down). */
export function startSpoolReplayer(
  primary: Db,
  dir: string,
  intervalMs = 1000,
  onError: (e: unknown) => void = () => {},
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running || spoolFiles(dir, true).length === 0) return;
    running = true;
    // A connection attempt made while the primary is starting up can hang (seen in the primary-loss
    // drill): give up waiting after 60 s so that the next tick tries again. A late finisher does no
    // harm: replays take an advisory lock and skip entries already present.
    let timeout: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((resolve) => {
      timeout = setTimeout(resolve, 60_000);
    });
    Promise.race([replaySpool(primary, dir), gaveUp])
      .catch((e: unknown) => {
        // Primary still unreachable: the files stay, the next tick tries again. Anything else is reported.
        if (!isDatabaseUnavailable(e)) onError(e);
      })
      .finally(() => {
        clearTimeout(timeout);
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
