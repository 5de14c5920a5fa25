/**
 * bench/crash: sustained writes while the server is SIGKILLed and PostgreSQL
 * is crashed (immediate shutdown, no checkpoint), several times; then a
 * reconciliation of what the clients were told against what is stored.
 *
 *   npm run bench:crash
 *   node bench/crash.ts --target applications --seconds 60 --workers 8
 *
 * Every client request carries its own Idempotency-Key and is retried with
 * the SAME key and body on a connection error, a timeout or a 5xx answer,
 * until it is acknowledged (2xx) or the run (plus a grace period for retries)
 * ends. Afterwards, with SQL:
 *   - none lost: every acknowledged write is stored, with the answer the client got;
 *   - none duplicated: one stored answer per key, one stored write per answer, no extra writes;
 *   - none half-written: every stored write has all its parts (decision, actions, records,
 *     reports, audit entry) and there are no orphan parts; the audit chain verifies.
 * Targets: sales (POST /api/v1/sales, the default when the server has it),
 * ammo-sales (POST /api/v1/ammunition/sales), applications (POST /api/v1/applications).
 * Only loopback traffic. The run is bounded and stops itself.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openPostgres, type Db } from "../src/db/client.ts";
import { createRng } from "../src/lib/random.ts";
import { verifyAudit } from "../src/modules/audit/service.ts";
import { BENCH_TODAY, freshDatabase, loadDataset } from "./dataset.ts";
import { fmt, log, startPostgres, writeSection } from "./lib.ts";
import { makeFixture, makeTargets, type Fixture, type Request } from "./sales.ts";

// ------------------------------------------------------------------ the server as a killable child

interface Server {
  child: ChildProcess;
  url: string;
}

async function startServer(env: Record<string, string>, logFile: string, deadline: number): Promise<Server> {
  const port = env.PORT!;
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    const out = openSync(logFile, "a");
    const child = spawn(process.execPath, ["bin/stateline.js", "serve", "--no-seed"], {
      env: { ...process.env, ...env, HOST: "127.0.0.1" },
      stdio: ["ignore", out, out],
    });
    closeSync(out);
    for (let i = 0; i < 200; i++) {
      if (child.exitCode !== null) break;
      try {
        const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
        if (r.ok) return { child, url };
      } catch {
        /* not yet */
      }
      await sleep(50);
    }
    // It could not start (the database is down, perhaps): try again until the deadline.
    if (child.exitCode === null) {
      child.kill("SIGKILL");
      await exited(child);
    }
    if (Date.now() > deadline) throw new Error("stateline did not start");
    await sleep(250);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exited = (c: ChildProcess) =>
  new Promise<void>((r) => {
    if (c.exitCode !== null || c.signalCode !== null) r();
    else c.once("exit", () => r());
  });

/**
 * Keeps one server running, as a process supervisor would: `kill()` is a
 * planned SIGKILL; any other exit is recorded (with the last error lines of
 * its log) and the server is started again.
 */
class Supervisor {
  current: Server | undefined;
  readonly deaths: { at: string; code: number | null; signal: string | null; why: string }[] = [];
  private planned = false;
  private stopped = false;
  private restarting: Promise<void> | undefined;
  private readonly env: Record<string, string>;
  private readonly logFile: string;
  private readonly stamp: () => string;
  constructor(env: Record<string, string>, logFile: string, stamp: () => string) {
    this.env = env;
    this.logFile = logFile;
    this.stamp = stamp;
  }
  async start(): Promise<Server> {
    const s = await startServer(this.env, this.logFile, Date.now() + 60_000);
    this.current = s;
    this.planned = false;
    s.child.once("exit", (code, signal) => {
      if (this.planned || this.stopped || this.current !== s) return;
      const tail = readFileSync(this.logFile, "utf8")
        .split("\n")
        .filter((l) => /Error|error/.test(l))
        .slice(-2)
        .join(" / ");
      this.deaths.push({ at: this.stamp(), code, signal, why: tail.slice(0, 300) });
      log(`server died on its own (code ${code}, signal ${signal}): ${tail.slice(0, 200)}`);
      this.restarting = (async () => {
        await sleep(200);
        if (!this.stopped) await this.start();
      })();
    });
    return s;
  }
  /** A planned SIGKILL. */
  async kill(): Promise<number | undefined> {
    await this.restarting;
    const s = this.current;
    if (!s) return undefined;
    this.planned = true;
    s.child.kill("SIGKILL");
    await exited(s.child);
    return s.child.pid;
  }
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    this.stopped = true;
    await this.restarting?.catch(() => {});
    const s = this.current;
    if (!s) return;
    s.child.kill(signal);
    await exited(s.child);
    this.current = undefined;
  }
}

// ------------------------------------------------------------------ clients that retry with the same key

interface Outcome {
  key: string;
  actor: string;
  request: Request;
  status: number;
  body: unknown;
  attempts: number;
  firstAt: number;
}

function send(
  agent: http.Agent,
  url: URL,
  r: Request,
  timeoutMs: number,
): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: r.method,
        path: r.path,
        headers: { ...r.headers, ...(r.body ? { "content-length": Buffer.byteLength(r.body) } : {}) },
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
    if (r.body) req.write(r.body);
    req.end();
  });
}

interface ClientStats {
  acked: Outcome[];
  rejected: Outcome[];
  inDoubt: Outcome[];
  retries: number;
  errors: Record<string, number>;
}

async function runClients(opts: {
  url: string;
  workers: number;
  until: number;
  graceUntil: number;
  next: (i: number) => Request;
  actorOf: (r: Request) => string;
}): Promise<ClientStats> {
  const s: ClientStats = { acked: [], rejected: [], inDoubt: [], retries: 0, errors: {} };
  const base = new URL(opts.url);
  let seq = 0;
  const worker = async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    while (Date.now() < opts.until) {
      const r = opts.next(seq++);
      const o: Outcome = {
        key: r.headers["idempotency-key"]!,
        actor: opts.actorOf(r),
        request: r,
        status: 0,
        body: null,
        attempts: 0,
        firstAt: Date.now(),
      };
      for (;;) {
        o.attempts += 1;
        const res = await send(agent, base, r, 10_000);
        if ("status" in res && res.status >= 200 && res.status < 300) {
          o.status = res.status;
          o.body = JSON.parse(res.body);
          s.acked.push(o);
          break;
        }
        if ("status" in res && res.status < 500) {
          o.status = res.status;
          try {
            o.body = JSON.parse(res.body);
          } catch {
            o.body = res.body;
          }
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

export interface Check {
  name: string;
  bad: number;
  detail?: string;
}

/** What each target writes, and how to tell whether all of it is there. */
interface Spec {
  route: string;
  /** The id of the stored write in an acknowledged answer. */
  idOf: (body: any) => string | undefined;
  /** SQL returning (id) of every write made by the given actors. */
  writesOfActors: string;
  /** Checks that return counts of broken writes among the given ids ($1::uuid[]); each is `SELECT count(*)`-style. */
  parts: { name: string; sql: string }[];
  /** Compares each acknowledged answer with the stored row ($1::uuid[] of acknowledged ids; rows carry `id`). */
  answer?: { sql: string; same: (body: any, row: any) => boolean; what: string };
}

const SPECS: Record<string, Spec> = {
  applications: {
    route: "POST /api/v1/applications",
    idOf: (b) => b?.application?.id,
    writesOfActors: "SELECT id::text FROM applications WHERE created_by = ANY($1::uuid[])",
    parts: [
      {
        name: "application without its submit action",
        sql: "SELECT count(*) FROM unnest($1::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM application_actions a WHERE a.application_id = x.id AND a.action = 'submit')",
      },
      {
        name: "application left unchecked (no check action / status submitted)",
        sql: "SELECT count(*) FROM applications a WHERE a.id = ANY($1::uuid[]) AND (a.status = 'submitted' OR NOT EXISTS (SELECT 1 FROM application_actions x WHERE x.application_id = a.id AND x.action = 'check'))",
      },
      {
        name: "application without a stored decision",
        sql: "SELECT count(*) FROM applications a WHERE a.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.id = a.latest_decision_id AND d.subject_type = 'application' AND d.subject_id = a.id::text)",
      },
      {
        name: "application without its audit entries (submit and check)",
        sql: "SELECT count(*) FROM unnest($1::uuid[]) AS x(id) WHERE (SELECT count(DISTINCT action) FROM audit_log l WHERE l.entity_type = 'application' AND l.entity_id = x.id::text AND l.action IN ('application.submit','application.check')) < 2",
      },
      {
        name: "more than one application per person and kind",
        sql: "SELECT count(*) FROM (SELECT person_id, credential_kind FROM applications WHERE id = ANY($1::uuid[]) GROUP BY 1,2 HAVING count(*) > 1) d",
      },
      {
        name: "orphan decisions (about an application that does not exist)",
        sql: "SELECT count(*) FROM decisions d WHERE d.subject_type = 'application' AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.id::text = d.subject_id)",
      },
      {
        name: "orphan audit entries (about an application that does not exist)",
        sql: "SELECT count(*) FROM audit_log l WHERE l.entity_type = 'application' AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.id::text = l.entity_id)",
      },
    ],
  },
};

SPECS.sales = {
  route: "POST /api/v1/sales",
  idOf: (b) => b?.sale?.id,
  writesOfActors: "SELECT id::text FROM sales WHERE requested_by = ANY($1::uuid[])",
  parts: [
    {
      name: "two sales for one client request (same serial number)",
      sql: "SELECT count(*) FROM (SELECT upper(firearm_serial_number) FROM sales WHERE id = ANY($1::uuid[]) GROUP BY 1 HAVING count(*) > 1) d",
    },
    {
      name: "sale without its NICS check row",
      sql: "SELECT count(*) FROM unnest($1::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM sale_nics_checks n WHERE n.sale_id = x.id)",
    },
    {
      name: "sale without its request action",
      sql: "SELECT count(*) FROM unnest($1::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM sale_actions a WHERE a.sale_id = x.id AND a.action = 'request')",
    },
    {
      name: "sale whose status is not its last action's result",
      sql: "SELECT count(*) FROM sales s WHERE s.id = ANY($1::uuid[]) AND s.status IS DISTINCT FROM (SELECT a.to_status FROM sale_actions a WHERE a.sale_id = s.id ORDER BY a.id DESC LIMIT 1)",
    },
    {
      name: "sale without its stored decision",
      sql: "SELECT count(*) FROM sales s WHERE s.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.id = s.latest_decision_id AND d.subject_type = 'sale' AND d.subject_id = s.id::text)",
    },
    {
      name: "authorized sale without its receipt / transfer form",
      sql: "SELECT count(*) FROM sales s WHERE s.id = ANY($1::uuid[]) AND s.status IN ('authorized','proceeded') AND NOT EXISTS (SELECT 1 FROM sale_records r WHERE r.sale_id = s.id)",
    },
    {
      name: "authorized sale without its reports (state, and local police for CT buyers)",
      sql: "SELECT count(*) FROM sales s WHERE s.id = ANY($1::uuid[]) AND s.status IN ('authorized','proceeded') AND (SELECT count(*) FROM sale_reports r WHERE r.sale_id = s.id AND r.reason = 'transfer') < CASE WHEN s.buyer_state = 'CT' THEN 2 ELSE 1 END",
    },
    {
      name: "sale without its audit entry (sale.request)",
      sql: "SELECT count(*) FROM unnest($1::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.entity_type = 'sale' AND l.entity_id = x.id::text AND l.action = 'sale.request')",
    },
    {
      name: "orphan decisions (about a sale that does not exist)",
      sql: "SELECT count(*) FROM decisions d WHERE d.subject_type = 'sale' AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.id::text = d.subject_id)",
    },
    {
      name: "orphan audit entries (about a sale that does not exist)",
      sql: "SELECT count(*) FROM audit_log l WHERE l.entity_type = 'sale' AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.id::text = l.entity_id)",
    },
  ],
  answer: {
    sql: "SELECT id::text, status, authorization_number FROM sales WHERE id = ANY($1::uuid[])",
    same: (b, row) => b.sale?.status === row.status && (b.authorizationNumber ?? null) === row.authorization_number,
    what: "stored status or authorization number differs from the answer",
  },
};

SPECS["ammo-checks"] = {
  route: "POST /api/v1/ammunition/checks",
  idOf: (b) => b?.check?.id,
  writesOfActors: "SELECT id::text FROM ammunition_checks WHERE clerk_id = ANY($1::uuid[])",
  parts: [
    {
      name: "check without its law decision",
      sql: "SELECT count(*) FROM ammunition_checks c WHERE c.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.id = c.law_decision_id AND d.subject_id = c.id::text)",
    },
    {
      name: "check without its limit decision",
      sql: "SELECT count(*) FROM ammunition_checks c WHERE c.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.id = c.limit_decision_id AND d.subject_id = c.id::text)",
    },
    {
      name: "check without its audit entry",
      sql: "SELECT count(*) FROM unnest($1::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.entity_type = 'ammunition-check' AND l.entity_id = x.id::text AND l.action = 'ammunition.check')",
    },
    {
      name: "orphan decisions (about a check that does not exist)",
      sql: "SELECT count(*) FROM decisions d WHERE d.subject_type = 'ammunition-check' AND NOT EXISTS (SELECT 1 FROM ammunition_checks c WHERE c.id::text = d.subject_id)",
    },
    {
      name: "orphan audit entries (about a check that does not exist)",
      sql: "SELECT count(*) FROM audit_log l WHERE l.entity_type = 'ammunition-check' AND NOT EXISTS (SELECT 1 FROM ammunition_checks c WHERE c.id::text = l.entity_id)",
    },
  ],
  answer: {
    sql: "SELECT id::text, outcome FROM ammunition_checks WHERE id = ANY($1::uuid[])",
    same: (b, row) => b.check?.outcome === row.outcome,
    what: "stored outcome differs from the answer",
  },
};

/** Registers a target's reconciliation (sales and ammunition specs are added by the modules' shapes). */
export function registerSpec(name: string, spec: Spec): void {
  SPECS[name] = spec;
}

async function reconcile(
  db: Db,
  spec: Spec,
  actors: string[],
  s: ClientStats,
): Promise<{ checks: Check[]; stored: number; ackedIds: number }> {
  const checks: Check[] = [];
  const keys = await db.query<{ actor_id: string; key: string; status_code: number; response: any; route: string }>(
    "SELECT actor_id::text, key, status_code, response, route FROM idempotency_keys WHERE actor_id = ANY($1::uuid[]) AND route = $2",
    [actors, spec.route],
  );
  const byKey = new Map(keys.map((k) => [`${k.actor_id}|${k.key}`, k]));
  const writes = (await db.query<{ id: string }>(spec.writesOfActors, [actors])).map((r) => r.id);
  const stored = new Set(writes);

  // Lost: acknowledged but not stored, or stored with another answer.
  let lostWrite = 0,
    lostKey = 0,
    otherAnswer = 0,
    noId = 0;
  const lostExamples: string[] = [];
  for (const o of s.acked) {
    const id = spec.idOf(o.body);
    if (!id) {
      noId += 1;
      continue;
    }
    const k = byKey.get(`${o.actor}|${o.key}`);
    if (!k) lostKey += 1;
    else if (spec.idOf(k.response) !== id) otherAnswer += 1;
    if (!stored.has(id)) {
      lostWrite += 1;
      if (lostExamples.length < 5) lostExamples.push(`${o.key} → ${id}`);
    }
  }
  checks.push({
    name: "acknowledged writes missing from the database (LOST)",
    bad: lostWrite,
    ...(lostExamples.length ? { detail: lostExamples.join(", ") } : {}),
  });
  checks.push({ name: "acknowledged requests whose idempotency key is not stored", bad: lostKey });
  checks.push({ name: "stored answer differs from the answer the client got", bad: otherAnswer });
  checks.push({ name: "acknowledged answers without an id", bad: noId });

  // Duplicated: two writes for one request, or writes no stored answer accounts for.
  const answered = new Map<string, number>();
  let claimOnly = 0;
  for (const k of keys) {
    if (k.status_code === 0) {
      claimOnly += 1;
      continue;
    }
    const id = spec.idOf(k.response);
    if (id) answered.set(id, (answered.get(id) ?? 0) + 1);
  }
  const ackedIds = s.acked.map((o) => spec.idOf(o.body)).filter(Boolean) as string[];
  checks.push({
    name: "one write acknowledged for two client requests",
    bad: ackedIds.length - new Set(ackedIds).size,
  });
  checks.push({
    name: "one write answered under two idempotency keys",
    bad: [...answered.values()].filter((n) => n > 1).length,
  });
  const unaccounted = writes.filter((id) => !answered.has(id));
  checks.push({
    name: "writes with no stored answer (DUPLICATE or half-done request)",
    bad: unaccounted.length,
    ...(unaccounted.length ? { detail: unaccounted.slice(0, 5).join(", ") } : {}),
  });
  checks.push({ name: "idempotency keys claimed but never answered (half-written)", bad: claimOnly });
  const inDoubtStored = s.inDoubt.filter((o) => byKey.has(`${o.actor}|${o.key}`)).length;

  // Half-written: every part of every write.
  for (const p of spec.parts) {
    const r = await db.query<{ count: number }>(p.sql, p.sql.includes("$1") ? [writes] : []);
    checks.push({ name: p.name, bad: Number(r[0]?.count ?? 0) });
  }
  if (spec.answer) {
    const rows = new Map((await db.query(spec.answer.sql, [ackedIds])).map((r) => [r.id as string, r]));
    let differ = 0;
    for (const o of s.acked) {
      const row = rows.get(spec.idOf(o.body) ?? "");
      if (row && !spec.answer.same(o.body, row)) differ += 1;
    }
    checks.push({ name: spec.answer.what, bad: differ });
  }
  const audit = await verifyAudit(db);
  checks.push({
    name: "audit chain breaks",
    bad: audit.breaks.length,
    ...(audit.breaks.length
      ? {
          detail: audit.breaks
            .slice(0, 3)
            .map((b) => `${b.seq}: ${b.problem}`)
            .join("; "),
        }
      : {}),
  });
  log(`in-doubt requests (never acknowledged): ${s.inDoubt.length}, of which stored: ${inDoubtStored}`);
  return { checks, stored: writes.length, ackedIds: ackedIds.length };
}

// ------------------------------------------------------------------ the run

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      target: { type: "string" },
      seconds: { type: "string" },
      workers: { type: "string" },
      scale: { type: "string" },
      crashes: { type: "string" },
    },
  });
  const seconds = Number(values.seconds ?? process.env.BENCH_CRASH_SECONDS ?? 75);
  const workers = Number(values.workers ?? process.env.BENCH_CRASH_WORKERS ?? 8);
  const scale = Number(values.scale ?? process.env.BENCH_SCALE ?? 0.01);
  const crashes = Number(values.crashes ?? 7);
  const grace = 20;
  const pgs = startPostgres(Number(process.env.BENCH_PG_PORT ?? 54363));
  const logDir = mkdtempSync(join(tmpdir(), "stateline-crash."));
  const logFile = join(logDir, "server.log");
  let sup: Supervisor | undefined;
  try {
    const url = await freshDatabase(pgs.baseUrl, "stateline_crash");
    const data = await loadDataset(url, { scale, onProgress: () => {} });
    const fixture: Fixture = await makeFixture(url, data, 4);
    const env = {
      DATABASE_URL: url,
      STATELINE_TODAY: BENCH_TODAY,
      STATELINE_LOG: "0",
      // A load test is many requests from one client and a few keys: the per-client rate limits would refuse them.
      STATELINE_RATE_LIMITS: "0",
      PORT: process.env.BENCH_PORT ?? "3997",
    };
    let t0 = Date.now();
    const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
    sup = new Supervisor(env, logFile, stamp);
    const first = await sup.start();
    const doc = (await (await fetch(`${first.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    const target = values.target ?? (doc.paths["/api/v1/sales"] && SPECS.sales ? "sales" : "applications");
    const spec = SPECS[target];
    const t = makeTargets(fixture, createRng(29))[target];
    if (t && !t.next) throw new Error(`${target} is a multi-request flow; the crash test drives single requests`);
    if (!spec || !t) throw new Error(`unknown target ${target}; one of ${Object.keys(SPECS).join(", ")}`);
    if (!doc.paths[t.path]) throw new Error(`the server has no ${t.path}`);
    const keyToActor = new Map<string, string>([...fixture.dealers, ...fixture.vendors].map((l) => [l.key, l.userId]));
    keyToActor.set(fixture.staffKey, fixture.staffId);
    const actorOf = (r: Request) => keyToActor.get(r.headers.authorization!.replace(/^Bearer /, ""))!;
    log(
      `target ${target} (${t.path}); ${workers} client workers for ${seconds} s; ${crashes} crashes; scale ${scale}; server log ${logFile}`,
    );

    t0 = Date.now();
    const until = t0 + seconds * 1000;
    const events: string[] = [];
    const chaos = (async () => {
      const kinds = ["server", "postgres", "server", "postgres", "both"] as const;
      const gap = (seconds * 1000) / (crashes + 1);
      for (let i = 0; i < crashes; i++) {
        await sleep(Math.max(0, t0 + gap * (i + 1) - Date.now()));
        if (Date.now() > until - 2000) break;
        const kind = kinds[i % kinds.length]!;
        if (kind === "server" || kind === "both") {
          const pid = await sup!.kill();
          events.push(`${stamp()} server SIGKILL (pid ${pid})`);
        }
        if (kind === "postgres" || kind === "both") {
          pgs.crash();
          events.push(`${stamp()} PostgreSQL immediate shutdown${kind === "postgres" ? " (server left running)" : ""}`);
          await sleep(1000);
          pgs.start();
          events.push(`${stamp()} PostgreSQL started again (crash recovery)`);
        }
        if (kind === "server" || kind === "both") {
          await sleep(300);
          const s = await sup!.start();
          events.push(`${stamp()} server started again (pid ${s.child.pid})`);
        }
        log(events.slice(-3).join("; "));
      }
    })();
    const stats = await runClients({
      url: first.url,
      workers,
      until,
      graceUntil: until + grace * 1000,
      next: t.next!,
      actorOf,
    });
    await chaos;
    const elapsed = (Date.now() - t0) / 1000;
    log(
      `clients done after ${fmt(elapsed, 1)} s: ${stats.acked.length} acknowledged, ${stats.rejected.length} rejected, ${stats.inDoubt.length} in doubt, ${stats.retries} retries`,
    );
    await sup.stop();
    for (const d of sup.deaths)
      events.push(`${d.at} **server process died on its own** (exit code ${d.code}, signal ${d.signal}): ${d.why}`);
    events.sort((a, b) => parseFloat(a) - parseFloat(b));

    const db = await openPostgres(url, 2);
    let rec: Awaited<ReturnType<typeof reconcile>>;
    try {
      rec = await reconcile(db, spec, [...keyToActor.values()], stats);
    } finally {
      await db.close();
    }
    const serverLog = readFileSync(logFile, "utf8");
    const unhandled = (serverLog.match(/unhandled error/g) ?? []).length;
    const failed = rec.checks.filter((c) => c.bad > 0);
    const dataVerdict =
      failed.length === 0
        ? "PASS: nothing lost, nothing duplicated, nothing half-written"
        : `FAIL: ${failed.map((c) => `${c.name}: ${c.bad}`).join("; ")}`;
    const deaths = sup.deaths.length;
    const verdict = deaths
      ? `${dataVerdict}. AVAILABILITY DEFECT: the server process died on its own ${deaths} time(s) when PostgreSQL went away (a supervisor restarted it; see Events)`
      : dataVerdict;
    const rejectedBy = Object.entries(
      stats.rejected.reduce<Record<string, number>>((m, o) => {
        const k = `${o.status} ${(o.body as any)?.code ?? (o.body as any)?.title ?? ""}`.trim();
        m[k] = (m[k] ?? 0) + 1;
        return m;
      }, {}),
    );
    const report = `
Run: \`npm run bench:crash\` on ${new Date().toISOString().slice(0, 10)}: target **${target}** (\`${t.path}\`), ${workers} client workers for ${seconds} s (then up to ${grace} s for retries to finish), data set scale ${scale}.
Each request had its own Idempotency-Key and was retried with the same key and body after a connection error, a timeout (10 s) or a 5xx, until acknowledged.
PostgreSQL 15 (fsync on) crashed with \`pg_ctl stop -m immediate\` and started again on the same data folder; the server killed with SIGKILL and started again.

Events:
${events.map((e) => `- ${e}`).join("\n")}

| clients saw | count |
|---|---|
| requests acknowledged (2xx) | ${fmt(stats.acked.length)} (${fmt(stats.acked.length / elapsed, 0)}/s over the run) |
| of which needed retries | ${fmt(stats.acked.filter((o) => o.attempts > 1).length)} |
| retries (same key) | ${fmt(stats.retries)} |
| failed attempts by cause | ${
      Object.entries(stats.errors)
        .map(([k, v]) => `${k}: ${v}`)
        .join(", ") || "none"
    } |
| rejected (4xx, not retried) | ${fmt(stats.rejected.length)}${rejectedBy.length ? ` (${rejectedBy.map(([k, v]) => `${k}: ${v}`).join(", ")})` : ""} |
| never acknowledged by the end (in doubt) | ${fmt(stats.inDoubt.length)} |
| server "unhandled error" log lines | ${unhandled} |
| server process deaths not caused by the test | ${deaths} |

| check (SQL, after the run) | problems |
|---|---|
${rec.checks.map((c) => `| ${c.name} | ${c.bad}${c.detail ? ` (${c.detail})` : ""} |`).join("\n")}
| writes stored by the bench's users / acknowledged | ${fmt(rec.stored)} / ${fmt(rec.ackedIds)} |

**${verdict}.**
`;
    console.log(report);
    writeSection("Crash and restart under load (bench/crash)", report);
    if (failed.length || deaths) process.exitCode = 1;
  } finally {
    await sup?.stop("SIGKILL").catch(() => {});
    pgs.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
