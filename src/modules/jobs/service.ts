/**
 * The job runner: every piece of background work in Stateline is a row in `jobs`.
 *
 * - `enqueueJob` adds one (in the caller's transaction, so work and its follow-up commit together);
 * - a worker claims a due job by taking a lease (`locked_by`, `locked_until`) with
 *   `FOR UPDATE SKIP LOCKED`, runs it outside any transaction, and marks it done;
 * - a failure schedules the next attempt with exponential backoff; after `maxAttempts` the job
 *   is dead (the dead-letter list), which administrators see and can retry;
 * - a worker that dies holding a lease leaves it to run out; the next worker takes the job over;
 * - recurring jobs (`every`) have a row in `job_schedules`; whichever worker moves its
 *   `next_run_at` forward enqueues one run (deduplicated by key, so runs never overlap).
 *
 * Why not pg-boss or graphile-worker: both need a `pg` connection pool and LISTEN/NOTIFY
 * sessions of their own; the embedded database (PGlite) is one in-process connection behind
 * Stateline's own `Db`. This runner is about 200 lines over that `Db` and runs the same SQL on
 * PGlite and PostgreSQL. See README.md.
 */
import { randomUUID } from "node:crypto";
import type { Ctx, Services } from "../../context.ts";
import { systemCtx } from "../../context.ts";
import type { Db, Queryable } from "../../db/client.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import type { JobDef } from "../../lib/module.ts";
import { appendAudit } from "../audit/index.ts";

export const DEFAULTS = { maxAttempts: 5, backoffSeconds: 30, leaseSeconds: 120, maxBackoffSeconds: 6 * 3600 } as const;

export interface EnqueueOptions {
  /** When to run it (ISO timestamp); now when absent. */
  runAt?: string;
  /** At most one queued or running job per key. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Adds a job. With a dedupe key already queued or running, adds nothing and returns null. */
export async function enqueueJob(
  q: Queryable,
  now: Date,
  name: string,
  payload: unknown = {},
  opts: EnqueueOptions = {},
): Promise<number | null> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO jobs (name, payload, dedupe_key, run_at, max_attempts) VALUES ($1, $2::jsonb, $3, $4, $5)
     ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('queued','running') DO NOTHING
     RETURNING id::text`,
    [
      name,
      JSON.stringify(payload ?? {}),
      opts.dedupeKey ?? null,
      opts.runAt ?? now.toISOString(),
      opts.maxAttempts ?? DEFAULTS.maxAttempts,
    ],
  );
  return rows[0] ? Number(rows[0].id) : null;
}

/** The backoff before attempt `attempts + 1`: base × 2^(attempts-1), capped. */
export function backoffSeconds(def: Pick<JobDef, "backoffSeconds">, attempts: number): number {
  const base = def.backoffSeconds ?? DEFAULTS.backoffSeconds;
  return Math.min(DEFAULTS.maxBackoffSeconds, base * 2 ** Math.max(0, attempts - 1));
}

const addSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000).toISOString();

/** Brings `job_schedules` in line with the recurring jobs (new ones are due at once). */
export async function ensureSchedules(q: Queryable, now: Date, defs: readonly JobDef[]): Promise<void> {
  for (const d of defs) {
    if (!d.every) continue;
    await q.query(
      `INSERT INTO job_schedules (name, every_seconds, next_run_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET every_seconds = EXCLUDED.every_seconds`,
      [d.name, d.every.seconds, now.toISOString()],
    );
  }
}

/** Enqueues one run of every recurring job whose time has come. */
export async function enqueueDueSchedules(q: Db, now: Date, names: readonly string[]): Promise<string[]> {
  return q.tx(async (t) => {
    const due = await t.query<{ name: string }>(
      `UPDATE job_schedules SET next_run_at = $1::timestamptz + make_interval(secs => every_seconds)
       WHERE next_run_at <= $1 AND name = ANY($2::text[]) RETURNING name`,
      [now.toISOString(), names],
    );
    for (const d of due) await enqueueJob(t, now, d.name, {}, { dedupeKey: `schedule:${d.name}`, maxAttempts: 1 });
    return due.map((d) => d.name);
  });
}

interface ClaimedJob {
  id: number;
  name: string;
  /** A run of a recurring job (enqueued by its schedule). */
  scheduled: boolean;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/** Takes the lease of one due job (queued and due, or running with a lease that ran out). */
export async function claimJob(
  q: Db,
  now: Date,
  worker: string,
  defs: ReadonlyMap<string, JobDef>,
): Promise<ClaimedJob | null> {
  return q.tx(async (t) => {
    const [row] = await t.query<{ id: string; name: string; dedupe_key: string | null }>(
      `SELECT id::text, name, dedupe_key FROM jobs
       WHERE name = ANY($2::text[]) AND ((status = 'queued' AND run_at <= $1) OR (status = 'running' AND locked_until < $1))
       ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now.toISOString(), [...defs.keys()]],
    );
    if (!row) return null;
    const lease = defs.get(row.name)?.leaseSeconds ?? DEFAULTS.leaseSeconds;
    const [j] = await t.query<{ payload: unknown; attempts: number; max_attempts: number }>(
      `UPDATE jobs SET status = 'running', locked_by = $2, locked_until = $3, attempts = attempts + 1
       WHERE id = $1 RETURNING payload, attempts, max_attempts`,
      [row.id, worker, addSeconds(now, lease)],
    );
    return {
      id: Number(row.id),
      name: row.name,
      scheduled: (row.dedupe_key ?? "").startsWith("schedule:"),
      payload: j!.payload,
      attempts: j!.attempts,
      maxAttempts: j!.max_attempts,
    };
  });
}

/** Records how a claimed job ended; does nothing when another worker has since taken the lease over. */
export async function finishJob(
  q: Db,
  job: ClaimedJob,
  worker: string,
  startedAt: Date,
  now: Date,
  outcome: { ok: true; result: unknown } | { ok: false; error: string; def: JobDef | undefined },
): Promise<"done" | "retry" | "dead" | "lost-lease"> {
  return q.tx(async (t) => {
    const [mine] = await t.query(`SELECT 1 FROM jobs WHERE id = $1 AND locked_by = $2 FOR UPDATE`, [job.id, worker]);
    if (!mine) return "lost-lease" as const;
    let state: "done" | "retry" | "dead";
    if (outcome.ok && job.scheduled) {
      // A recurring run that went well leaves no row behind (they come every few seconds).
      await t.query(`DELETE FROM jobs WHERE id = $1`, [job.id]);
      return "done" as const;
    }
    if (outcome.ok) {
      state = "done";
      await t.query(
        `UPDATE jobs SET status = 'done', locked_by = NULL, locked_until = NULL, finished_at = $2, result = $3::jsonb, last_error = NULL WHERE id = $1`,
        [job.id, now.toISOString(), JSON.stringify(outcome.result ?? null)],
      );
    } else if (job.attempts >= job.maxAttempts) {
      state = "dead";
      await t.query(
        `UPDATE jobs SET status = 'dead', locked_by = NULL, locked_until = NULL, finished_at = $2, last_error = $3 WHERE id = $1`,
        [job.id, now.toISOString(), outcome.error],
      );
    } else {
      state = "retry";
      await t.query(
        `UPDATE jobs SET status = 'queued', locked_by = NULL, locked_until = NULL, run_at = $2, last_error = $3 WHERE id = $1`,
        [job.id, addSeconds(now, backoffSeconds(outcome.def ?? {}, job.attempts)), outcome.error],
      );
    }
    await t.query(
      `INSERT INTO job_attempts (job_id, attempt, worker, started_at, finished_at, outcome, error) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [
        job.id,
        job.attempts,
        worker,
        startedAt.toISOString(),
        now.toISOString(),
        state === "retry" ? "failed" : state,
        outcome.ok ? null : outcome.error,
      ],
    );
    return state;
  });
}

export interface RunResult {
  ran: number;
  done: number;
  retried: number;
  dead: number;
}

/** Runs due jobs one at a time until none is due (or `limit` ran). Used by the loop, the CLI and tests. */
export async function runDueJobs(
  services: Services,
  defs: readonly JobDef[],
  opts: { worker?: string; limit?: number; onError?: (e: unknown, job: string) => void } = {},
): Promise<RunResult> {
  const worker = opts.worker ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const byName = new Map(defs.map((d) => [d.name, d]));
  const out: RunResult = { ran: 0, done: 0, retried: 0, dead: 0 };
  await ensureSchedules(services.db, services.clock.now(), defs);
  await enqueueDueSchedules(services.db, services.clock.now(), [...byName.keys()]);
  const limit = opts.limit ?? 500;
  while (out.ran < limit) {
    const job = await claimJob(services.db, services.clock.now(), worker, byName);
    if (!job) break;
    out.ran += 1;
    const def = byName.get(job.name);
    const started = services.clock.now();
    let outcome: Parameters<typeof finishJob>[5];
    try {
      if (!def) throw new Error(`no job named ${job.name}`);
      const result = await def.run(systemCtx(services, null, `job:${job.name}:${job.id}`), job.payload, {
        id: job.id,
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
      });
      outcome = { ok: true, result: result ?? null };
    } catch (e) {
      opts.onError?.(e, job.name);
      outcome = { ok: false, error: e instanceof Error ? e.message.slice(0, 1000) : String(e).slice(0, 1000), def };
    }
    const state = await finishJob(services.db, job, worker, started, services.clock.now(), outcome);
    if (state === "done") out.done += 1;
    else if (state === "retry") out.retried += 1;
    else if (state === "dead") out.dead += 1;
  }
  return out;
}

/** Starts the loop that runs due jobs every `intervalMs`. Returns a stop function. */
export function startJobRunner(
  services: Services,
  defs: readonly JobDef[],
  opts: { intervalMs?: number; onError?: (e: unknown, job: string) => void } = {},
): () => Promise<void> {
  const worker = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = runDueJobs(services, defs, { worker, limit: 100, ...(opts.onError ? { onError: opts.onError } : {}) })
      .catch((e) => opts.onError?.(e, "runner"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.intervalMs ?? 1000);
      });
  };
  let timer: NodeJS.Timeout = setTimeout(tick, 10);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running.catch(() => {});
  };
}

// ---------------------------------------------------------------- administrators: the job list and dead letters

export interface JobView {
  id: number;
  name: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const canAdminister = (ctx: Ctx) => ctx.user?.role === "admin";

export async function listJobs(
  ctx: Ctx,
  opts: { status?: "queued" | "running" | "done" | "dead"; limit?: number; offset?: number } = {},
): Promise<JobView[]> {
  if (!canAdminister(ctx)) throw forbidden("only administrators see the job list");
  const rows = await ctx.db.query<Record<string, any>>(
    `SELECT id::text, name, status, attempts, max_attempts, run_at, last_error, created_at, finished_at FROM jobs
     WHERE ($1::text IS NULL OR status = $1) ORDER BY id DESC LIMIT $2 OFFSET $3`,
    [opts.status ?? null, opts.limit ?? 50, opts.offset ?? 0],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: new Date(r.run_at).toISOString(),
    lastError: r.last_error,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  }));
}

/** Puts a dead job back in the queue with a fresh set of attempts; audited. */
export async function retryDeadJob(ctx: Ctx, id: number): Promise<JobView> {
  if (!canAdminister(ctx)) throw forbidden("only administrators retry jobs");
  if (!Number.isSafeInteger(id) || id < 1) throw badField("id", "must be a job number");
  const now = ctx.clock.now();
  await ctx.db.tx(async (q) => {
    const [j] = await q.query<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM jobs WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!j) throw notFound("job");
    if (j.status !== "dead") throw new AppError("conflict", `job ${id} is ${j.status}; only a dead job can be retried`);
    await q.query(`UPDATE jobs SET status = 'queued', attempts = 0, run_at = $2, finished_at = NULL WHERE id = $1`, [
      id,
      now.toISOString(),
    ]);
    await q.query(
      `INSERT INTO job_attempts (job_id, attempt, worker, started_at, finished_at, outcome, error) VALUES ($1,$2,$3,$4,$4,'retried-by-admin',NULL)`,
      [id, j.attempts, ctx.user!.username, now.toISOString()],
    );
    await appendAudit(q, ctx, { action: "job.retry", entityType: "job", entityId: String(id) });
  });
  return (await listJobs(ctx, { limit: 1000 })).find((j) => j.id === id)!;
}
