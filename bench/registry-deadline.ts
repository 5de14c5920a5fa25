/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read field by field */
/**
 * bench/registry-deadline: the deadline week (Connecticut's 2014-01-01; California's online
 * registration collapsed in its) on PostgreSQL. Residents save drafts, then submit magazine
 * declarations and certificate applications as fast as the machine takes them, while the server
 * is SIGKILLed and started again and, later, PostgreSQL is crashed (immediate shutdown) and
 * started again. Afterwards, with SQL:
 *   - every acknowledged submission is stored, once, with the answer the client got;
 *   - no submission is stored that no stored answer accounts for (no duplicates);
 *   - every stored submission is whole (number, holder, submit and review actions, both
 *     decisions, audit entry);
 *   - every draft acknowledged before the crashes is intact (same version, same fields).
 * Then pgbench TPC-B on the same cluster, and the submissions per second and p99 beside it.
 *
 *   npm run bench:registry
 *   node bench/registry-deadline.ts --seconds 45 --workers 8 --residents 400
 *
 * Each request has its own Idempotency-Key and is retried with the SAME key and body after a
 * connection error, a timeout or a 5xx, until acknowledged or the run (plus grace) ends.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync } from "node:fs";
import http from "node:http";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import type { Ctx } from "../src/context.ts";
import { openPostgres, type Db } from "../src/db/client.ts";
import type { PlainDate } from "../src/law/core/dates.ts";
import { fixedClock } from "../src/lib/clock.ts";
import { createApiKey, createUser } from "../src/modules/auth/service.ts";
import { createPerson } from "../src/modules/people/service.ts";
import { freshDatabase } from "./dataset.ts";
import { fmt, log, pgbench, startPostgres, writeSection } from "./lib.ts";

const TODAY = "2013-12-28" as PlainDate;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Req {
  method: string;
  path: string;
  body: string;
  headers: Record<string, string>;
}
interface Answer {
  status: number;
  body: string;
}

function send(agent: http.Agent, base: URL, r: Req, timeoutMs: number): Promise<Answer | { error: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: r.method,
        path: r.path,
        headers: { ...r.headers, "content-type": "application/json", "content-length": Buffer.byteLength(r.body) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on("error", (e) => resolve({ error: e.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.write(r.body);
    req.end();
  });
}

// ------------------------------------------------------------------ the server, killable

class Server {
  child: ChildProcess | undefined;
  readonly url: string;
  private readonly env: Record<string, string>;
  private readonly logFile: string;
  constructor(env: Record<string, string>, logFile: string) {
    this.env = env;
    this.logFile = logFile;
    this.url = `http://127.0.0.1:${env.PORT}`;
  }
  async start(deadline = Date.now() + 60_000): Promise<void> {
    for (;;) {
      const out = openSync(this.logFile, "a");
      const child = spawn(process.execPath, ["bin/stateline.js", "serve", "--no-seed"], {
        env: { ...process.env, ...this.env, HOST: "127.0.0.1" },
        stdio: ["ignore", out, out],
      });
      closeSync(out);
      for (let i = 0; i < 200 && child.exitCode === null; i++) {
        try {
          if ((await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok) {
            this.child = child;
            return;
          }
        } catch {
          /* not yet */
        }
        await sleep(50);
      }
      if (child.exitCode === null) {
        child.kill("SIGKILL");
        await new Promise((r) => child.once("exit", r));
      }
      if (Date.now() > deadline) throw new Error("stateline did not start");
      await sleep(250);
    }
  }
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null) return;
    const done = new Promise((r) => c.once("exit", r));
    c.kill(signal);
    await done;
    this.child = undefined;
  }
}

// ------------------------------------------------------------------ residents

interface Resident {
  userId: string;
  personId: string;
  key: string;
}

async function makeResidents(url: string, n: number): Promise<Resident[]> {
  const db = await openPostgres(url, 4);
  const config = { ...loadConfig({}), passwordCost: 10 };
  const clock = fixedClock(TODAY);
  const out: Resident[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const person = await createPerson(db, {
        firstName: `Bench${i}`,
        lastName: "Declarant",
        birthDate: "1970-01-01" as PlainDate,
        street: `${i} Main Street`,
        town: "Hartford",
        zip: "06103",
      });
      const user = await createUser(db, {
        username: `bench-resident-${i}`,
        displayName: `Bench ${i}`,
        role: "resident",
        password: "bench password 123",
        personId: person.id,
        passwordCost: 10,
      });
      const ctx = { db, user, clock, today: TODAY, requestId: "bench", config, adapters: {} } as unknown as Ctx;
      out.push({ userId: user.id, personId: person.id, key: (await createApiKey(ctx, user.id, "bench")).key });
    }
  } finally {
    await db.close();
  }
  return out;
}

function submission(i: number): Record<string, unknown> {
  if (i % 3 === 0) {
    return {
      kind: "aw-certificate",
      firearm: {
        make: "Bushmaster",
        model: "XM15",
        serialNumber: `DL${i.toString(36).toUpperCase()}X${Math.floor(Math.random() * 1e6)}`,
        caliber: ".223",
        type: "rifle",
        facts: { action: "semiautomatic", centerfire: true },
      },
      thumbprint: { kind: "appointment", on: "2013-12-30" },
    };
  }
  return {
    kind: "lcm-declaration",
    magazine: { count: 1 + (i % 9), capacity: [15, 20, 30, 40][i % 4], caliber: ["9mm", "5.56", ".40 S&W"][i % 3] },
  };
}

// ------------------------------------------------------------------ clients

interface Outcome {
  key: string;
  actor: string;
  body: string;
  status: number;
  answer: any;
  attempts: number;
  latencyMs: number;
}
interface Stats {
  acked: Outcome[];
  rejected: Outcome[];
  inDoubt: Outcome[];
  retries: number;
  errors: Record<string, number>;
}

async function drive(opts: {
  url: string;
  workers: number;
  until: number;
  graceUntil: number;
  residents: Resident[];
  path: string;
  method?: string;
  make: (i: number) => Record<string, unknown>;
  count?: number;
}): Promise<Stats> {
  const s: Stats = { acked: [], rejected: [], inDoubt: [], retries: 0, errors: {} };
  const base = new URL(opts.url);
  let seq = 0;
  const worker = async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    while (Date.now() < opts.until && (opts.count === undefined || seq < opts.count)) {
      const i = seq++;
      const who = opts.residents[i % opts.residents.length]!;
      const key = randomUUID();
      const r: Req = {
        method: opts.method ?? "POST",
        path: opts.path,
        body: JSON.stringify(opts.make(i)),
        headers: { authorization: `Bearer ${who.key}`, "idempotency-key": key },
      };
      const o: Outcome = { key, actor: who.userId, body: r.body, status: 0, answer: null, attempts: 0, latencyMs: 0 };
      for (;;) {
        o.attempts += 1;
        const t = performance.now();
        const res = await send(agent, base, r, 10_000);
        o.latencyMs = performance.now() - t;
        if ("status" in res && res.status >= 200 && res.status < 300) {
          o.status = res.status;
          o.answer = JSON.parse(res.body);
          s.acked.push(o);
          break;
        }
        if ("status" in res && res.status < 500) {
          o.status = res.status;
          o.answer = res.body.slice(0, 300);
          s.rejected.push(o);
          break;
        }
        const why = "error" in res ? res.error : `HTTP ${res.status}`;
        s.errors[why] = (s.errors[why] ?? 0) + 1;
        if (Date.now() > opts.graceUntil) {
          s.inDoubt.push(o);
          break;
        }
        s.retries += 1;
        await sleep(50 + Math.floor(Math.random() * 200));
      }
    }
    agent.destroy();
  };
  await Promise.all(Array.from({ length: opts.workers }, worker));
  return s;
}

// ------------------------------------------------------------------ reconciliation

interface Check {
  name: string;
  bad: number;
  detail?: string;
}

async function reconcile(
  db: Db,
  actors: string[],
  subs: Stats,
  drafts: Stats,
): Promise<{ checks: Check[]; stored: number }> {
  const checks: Check[] = [];
  const keys = await db.query<{ actor_id: string; key: string; status_code: number; response: any }>(
    "SELECT actor_id::text, key, status_code, response FROM idempotency_keys WHERE actor_id = ANY($1::uuid[]) AND route = 'POST /api/v1/registries/submissions'",
    [actors],
  );
  const byKey = new Map(keys.map((k) => [`${k.actor_id}|${k.key}`, k]));
  const stored = (
    await db.query<{ id: string }>(
      "SELECT id::text FROM registrations WHERE created_by = ANY($1::uuid[]) AND status <> 'draft'",
      [actors],
    )
  ).map((r) => r.id);
  const storedSet = new Set(stored);
  let lost = 0,
    keyLost = 0,
    other = 0;
  for (const o of subs.acked) {
    const id = o.answer?.registration?.id as string | undefined;
    if (!id || !storedSet.has(id)) lost += 1;
    const k = byKey.get(`${o.actor}|${o.key}`);
    if (!k) keyLost += 1;
    else if (k.response?.registration?.id !== id) other += 1;
  }
  checks.push({ name: "acknowledged submissions missing from the database (LOST)", bad: lost });
  checks.push({ name: "acknowledged submissions whose idempotency key is not stored", bad: keyLost });
  checks.push({ name: "stored answer differs from the answer the client got", bad: other });
  const ackedIds = subs.acked.map((o) => o.answer?.registration?.id as string);
  checks.push({
    name: "one submission acknowledged for two client requests",
    bad: ackedIds.length - new Set(ackedIds).size,
  });
  const answered = new Set(keys.filter((k) => k.status_code !== 0).map((k) => k.response?.registration?.id as string));
  const unaccounted = stored.filter((id) => !answered.has(id));
  checks.push({
    name: "submissions with no stored answer (DUPLICATE or half-done)",
    bad: unaccounted.length,
    ...(unaccounted.length ? { detail: unaccounted.slice(0, 3).join(", ") } : {}),
  });
  checks.push({
    name: "idempotency keys claimed but never answered",
    bad: keys.filter((k) => k.status_code === 0).length,
  });
  const parts: [string, string][] = [
    [
      "submission without number, date or holder",
      "SELECT count(*) FROM registrations WHERE id = ANY($1::uuid[]) AND (number IS NULL OR submitted_on IS NULL OR holder_last_name IS NULL)",
    ],
    [
      "submission without its submit action",
      "SELECT count(*) FROM unnest($1::uuid[]) x(id) WHERE NOT EXISTS (SELECT 1 FROM registration_actions a WHERE a.registration_id = x.id AND a.action = 'submit')",
    ],
    [
      "submission without the rulebook's review",
      "SELECT count(*) FROM unnest($1::uuid[]) x(id) WHERE NOT EXISTS (SELECT 1 FROM registration_actions a WHERE a.registration_id = x.id AND a.action = 'review')",
    ],
    [
      "submission without both decisions",
      "SELECT count(*) FROM registrations r WHERE r.id = ANY($1::uuid[]) AND (SELECT count(*) FROM decisions d WHERE d.subject_type = 'registration' AND d.subject_id = r.id::text) < 2",
    ],
    [
      "submission whose status is not its last action's result",
      "SELECT count(*) FROM registrations r WHERE r.id = ANY($1::uuid[]) AND r.status IS DISTINCT FROM (SELECT a.to_status FROM registration_actions a WHERE a.registration_id = r.id ORDER BY a.id DESC LIMIT 1)",
    ],
    [
      "submission without its audit entry",
      "SELECT count(*) FROM unnest($1::uuid[]) x(id) WHERE NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.entity_type = 'registration' AND l.entity_id = x.id::text AND l.action = 'registration.submit')",
    ],
  ];
  for (const [name, sql] of parts)
    checks.push({ name, bad: Number((await db.query<{ count: number }>(sql, [stored]))[0]?.count ?? 0) });
  // Drafts saved before the crashes: each one present, still a draft, with the version and fields acknowledged.
  const draftIds = drafts.acked.map((o) => o.answer?.registration?.id as string);
  const rows = new Map(
    (
      await db.query<{
        id: string;
        status: string;
        draft_version: number;
        magazine_count: number | null;
        magazine_caliber: string | null;
      }>(
        "SELECT id::text, status, draft_version, magazine_count, magazine_caliber FROM registrations WHERE id = ANY($1::uuid[])",
        [draftIds],
      )
    ).map((r) => [r.id, r]),
  );
  let draftBad = 0;
  for (const o of drafts.acked) {
    const r = rows.get(o.answer.registration.id);
    const sent = JSON.parse(o.body) as { magazine: { count: number; caliber: string } };
    if (
      !r ||
      r.status !== "draft" ||
      Number(r.draft_version) !== o.answer.registration.draftVersion ||
      r.magazine_count !== sent.magazine.count ||
      r.magazine_caliber !== sent.magazine.caliber
    )
      draftBad += 1;
  }
  checks.push({ name: "drafts acknowledged before the crashes missing or changed", bad: draftBad });
  return { checks, stored: stored.length };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seconds: { type: "string" }, workers: { type: "string" }, residents: { type: "string" } },
  });
  const seconds = Number(values.seconds ?? 45);
  const workers = Number(values.workers ?? 8);
  const nResidents = Number(values.residents ?? 300);
  const grace = 20;
  const pg = startPostgres(Number(process.env.BENCH_PG_PORT ?? 54371));
  const logFile = join(mkdtempSync(join(tmpdir(), "stateline-registry.")), "server.log");
  let server: Server | undefined;
  try {
    const url = await freshDatabase(pg.baseUrl, "stateline_registry");
    log(`making ${nResidents} residents with API keys`);
    const residents = await makeResidents(url, nResidents);
    const actors = residents.map((r) => r.userId);
    server = new Server(
      {
        DATABASE_URL: url,
        STATELINE_TODAY: TODAY,
        STATELINE_LOG: "0",
        STATELINE_RATE_LIMITS: "0",
        PORT: process.env.BENCH_PORT ?? "3996",
      },
      logFile,
    );
    await server.start();

    // Drafts saved before anything goes wrong (one per resident).
    const drafts = await drive({
      url: server.url,
      workers,
      until: Date.now() + 60_000,
      graceUntil: Date.now() + 90_000,
      residents,
      path: "/api/v1/registries/drafts",
      count: nResidents,
      make: (i) => ({ kind: "lcm-declaration", magazine: { count: 1 + (i % 7), caliber: `draft-${i}` } }),
    });
    log(`${drafts.acked.length} drafts saved`);

    // The surge, with a server SIGKILL at a third and a PostgreSQL crash at two thirds.
    const t0 = Date.now();
    const until = t0 + seconds * 1000;
    const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
    const events: string[] = [];
    const chaos = (async () => {
      await sleep((seconds * 1000) / 3);
      await server!.kill();
      events.push(`${stamp()} server SIGKILL`);
      await sleep(300);
      await server!.start();
      events.push(`${stamp()} server started again`);
      await sleep(Math.max(0, t0 + (seconds * 1000 * 2) / 3 - Date.now()));
      pg.crash();
      events.push(`${stamp()} PostgreSQL immediate shutdown (server left running)`);
      await sleep(1000);
      pg.start();
      events.push(`${stamp()} PostgreSQL started again (crash recovery)`);
    })();
    const subs = await drive({
      url: server.url,
      workers,
      until,
      graceUntil: until + grace * 1000,
      residents,
      path: "/api/v1/registries/submissions",
      make: submission,
    });
    await chaos;
    const elapsed = (until - t0) / 1000;
    log(
      `surge done: ${subs.acked.length} acknowledged, ${subs.rejected.length} rejected, ${subs.inDoubt.length} in doubt, ${subs.retries} retries`,
    );

    // A steady minute-less window for the p99 at load, without crashes.
    const steadyUntil = Date.now() + 15_000;
    const steady = await drive({
      url: server.url,
      workers,
      until: steadyUntil,
      graceUntil: steadyUntil + 10_000,
      residents,
      path: "/api/v1/registries/submissions",
      make: (i) => submission(i + 1_000_000),
    });
    const steadySeconds = 15;
    await server.kill("SIGTERM");

    log("pgbench TPC-B (8 clients, 15 s)");
    const tpcb = pgbench(pg.baseUrl, { selectOnly: false, clients: 8, seconds: 15, scale: 10, init: true });

    const db = await openPostgres(url, 2);
    let rec: Awaited<ReturnType<typeof reconcile>>;
    try {
      const all: Stats = {
        acked: [...subs.acked, ...steady.acked],
        rejected: [...subs.rejected, ...steady.rejected],
        inDoubt: [...subs.inDoubt, ...steady.inDoubt],
        retries: subs.retries + steady.retries,
        errors: subs.errors,
      };
      rec = await reconcile(db, actors, all, drafts);
    } finally {
      await db.close();
    }
    const failed = rec.checks.filter((c) => c.bad > 0);
    const firstTry = subs.acked.filter((o) => o.attempts === 1).map((o) => o.latencyMs);
    const steadyLat = steady.acked.map((o) => o.latencyMs);
    const steadyRate = steady.acked.length / steadySeconds;
    const report = `
Run: \`npm run bench:registry\` on ${new Date().toISOString().slice(0, 10)}: the deadline week (server date ${TODAY}) on a throwaway PostgreSQL 15 cluster (fsync on), ${nResidents} residents with API keys, ${workers} client workers.
Each resident first saved a draft (${fmt(drafts.acked.length)} acknowledged); then ${seconds} s of submissions (two magazine declarations to one certificate application, POST /api/v1/registries/submissions: draft, number, identity from the record, both rulebook decisions, actions and audit in one transaction), with the server SIGKILLed at a third and PostgreSQL crashed (\`pg_ctl stop -m immediate\`) at two thirds; then 15 s of steady submissions; then \`pgbench\` TPC-B (scale 10, 8 clients, 15 s) on the same cluster.
Each request carried its own Idempotency-Key and was retried with the same key after a connection error, timeout or 5xx.

Events:
${events.map((e) => `- ${e}`).join("\n")}

| figure | value |
|---|---|
| submissions per second, steady (15 s, no crashes) | **${fmt(steadyRate, 0)}/s** |
| pgbench TPC-B in the same run | ${fmt(tpcb, 0)} tps (submissions are ${fmt((100 * steadyRate) / tpcb, 0)} % of it; each submission is about 12 statements and 10 rows) |
| p50 / p99 latency, steady | ${fmt(pct(steadyLat, 50), 1)} ms / **${fmt(pct(steadyLat, 99), 1)} ms** (target p99 < 100 ms) |
| submissions acknowledged during the surge with crashes | ${fmt(subs.acked.length)} (${fmt(subs.acked.length / elapsed, 0)}/s over ${seconds} s, outages included); p99 of first-try answers ${fmt(pct(firstTry, 99), 1)} ms |
| of which needed retries | ${fmt(subs.acked.filter((o) => o.attempts > 1).length)} (${fmt(subs.retries)} retries; causes: ${
      Object.entries(subs.errors)
        .map(([k, v]) => `${k}: ${v}`)
        .join(", ") || "none"
    }) |
| rejected (4xx) / never acknowledged (in doubt) | ${fmt(subs.rejected.length + steady.rejected.length)} / ${fmt(subs.inDoubt.length + steady.inDoubt.length)} |

| check (SQL, after the run) | problems |
|---|---|
${rec.checks.map((c) => `| ${c.name} | ${c.bad}${c.detail ? ` (${c.detail})` : ""} |`).join("\n")}
| submissions stored by the bench's residents / acknowledged | ${fmt(rec.stored)} / ${fmt(subs.acked.length + steady.acked.length)} |

**${failed.length === 0 ? "PASS: every acknowledged submission is present once, drafts saved before the crashes are intact, nothing half-written" : `FAIL: ${failed.map((c) => `${c.name}: ${c.bad}`).join("; ")}`}.**
`;
    console.log(report);
    writeSection("Registry deadline week (bench/registry-deadline)", report);
    if (failed.length) process.exitCode = 1;
  } finally {
    await server?.kill().catch(() => {});
    pg.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
