/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * bench/primary-loss: the primary-loss drill (issue 16; docs/OPERATIONS.md "Losing the primary").
 *
 * A throwaway PostgreSQL 15 primary with a data set (BENCH_SCALE, default 0.01), a streaming standby
 * beside it (scripts/pg-replica.sh), and `stateline serve` with DATABASE_REPLICA_URL. Under load from
 * sale workers (POST /api/v1/sales, each request with its own Idempotency-Key, retried with the same
 * key after a connection error or a 5xx, waiting as Retry-After says) and verification workers
 * (POST /api/v1/verifications, not retried), the primary is stopped (`pg_ctl stop -m immediate`) for
 * BENCH_OUTAGE_SECONDS (default 20) and then, by default, started again (crash recovery). With
 * BENCH_DRILL_MODE=promote the standby is promoted instead and Stateline restarted against it, as the
 * documented failover procedure does.
 *
 * Afterwards, with SQL: every acknowledged sale is stored once under its idempotency key, with all its
 * parts, nothing half-written; every verification acknowledged during the outage has its audit entry
 * exactly once (replayed from the spool); the audit chain verifies. Writes its BENCHMARKS.md section.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPostgres } from "../src/db/client.ts";
import { createRng } from "../src/lib/random.ts";
import { verifyAudit } from "../src/modules/audit/service.ts";
import { BENCH_TODAY, freshDatabase, loadDataset } from "./dataset.ts";
import { fmt, log, psql, startPostgres, writeSection } from "./lib.ts";
import { makeFixture, makeTargets, type Request } from "./sales.ts";
import { startReplica, waitForReplay } from "./verify.ts";

const SCALE = Number(process.env.BENCH_SCALE ?? 0.01);
const BEFORE = Number(process.env.BENCH_BEFORE_SECONDS ?? 15);
const OUTAGE = Number(process.env.BENCH_OUTAGE_SECONDS ?? 20);
const AFTER = Number(process.env.BENCH_AFTER_SECONDS ?? 20);
const GRACE = 30;
const SALE_WORKERS = Number(process.env.BENCH_SALE_WORKERS ?? 4);
const VERIFY_WORKERS = Number(process.env.BENCH_VERIFY_WORKERS ?? 4);
const MODE = process.env.BENCH_DRILL_MODE === "promote" ? "promote" : "restart";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  status: number;
  body: string;
  retryAfter: string | undefined;
  error?: string;
}

function send(agent: http.Agent, base: URL, r: Request, timeoutMs = 10_000): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: r.method,
        path: r.path,
        headers: { ...r.headers, ...(r.body ? { "content-length": Buffer.byteLength(r.body) } : {}) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            retryAfter: res.headers["retry-after"] as string | undefined,
          }),
        );
        res.on("error", (e) => resolve({ status: 0, body: "", retryAfter: undefined, error: e.message }));
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    req.on("error", (e) =>
      resolve({ status: 0, body: "", retryAfter: undefined, error: (e as NodeJS.ErrnoException).code ?? e.message }),
    );
    if (r.body) req.write(r.body);
    req.end();
  });
}

async function startServer(
  env: Record<string, string>,
  logFile: string,
): Promise<{ child: ChildProcess; url: string }> {
  const out = openSync(logFile, "a");
  const child = spawn(process.execPath, ["bin/stateline.js", "serve", "--no-seed"], {
    env: { ...process.env, ...env, HOST: "127.0.0.1" },
    stdio: ["ignore", out, out],
  });
  closeSync(out);
  const url = `http://127.0.0.1:${env.PORT}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`stateline exited with ${child.exitCode} (log ${logFile})`);
    try {
      if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok) return { child, url };
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error("stateline did not start");
}

const stopServer = (c: ChildProcess) =>
  new Promise<void>((r) => {
    if (c.exitCode !== null || c.signalCode !== null) return r();
    c.once("exit", () => r());
    c.kill("SIGTERM");
  });

type Phase = "before" | "outage" | "after";

interface SaleOutcome {
  key: string;
  actor: string;
  status: number;
  body: any;
  attempts: number;
}

async function main(): Promise<void> {
  const port = Number(process.env.BENCH_PG_PORT ?? 54366);
  const pgs = startPostgres(port);
  const work = mkdtempSync(join(tmpdir(), "stateline-drill."));
  const logFile = join(work, "server.log");
  const spoolDir = join(work, "spool");
  let replica: ReturnType<typeof startReplica> | undefined;
  let server: { child: ChildProcess; url: string } | undefined;
  try {
    const url = await freshDatabase(pgs.baseUrl, "stateline_drill");
    const data = await loadDataset(url, { scale: SCALE, onProgress: () => {} });
    const fixture = await makeFixture(url, data, 4);
    replica = startReplica(port, port + 1, "stateline_drill");
    await waitForReplay(pgs.baseUrl, replica.baseUrl, "stateline_drill");
    const replicaUrl = `${replica.baseUrl}/stateline_drill`;
    const env = {
      DATABASE_URL: url,
      DATABASE_REPLICA_URL: replicaUrl,
      STATELINE_SPOOL_DIR: spoolDir,
      STATELINE_TODAY: BENCH_TODAY,
      // Request logs on (to the log file): background errors (the spool replayer's) are logged there.
      STATELINE_LOG: "1",
      STATELINE_RATE_LIMITS: "0",
      PORT: process.env.BENCH_PORT ?? "3996",
    };
    server = await startServer(env, logFile);
    const targets = makeTargets(fixture, createRng(31));
    const sales = targets.sales!;
    const verifications = targets.verifications!;
    const keyToActor = new Map(fixture.dealers.map((l) => [l.key, l.userId]));
    const actorOf = (r: Request) => keyToActor.get(r.headers.authorization!.replace(/^Bearer /, ""))!;

    const t0 = Date.now();
    const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
    const events: string[] = [];
    let phase: Phase = "before";
    const phaseStart: Record<Phase | "end", number> = { before: 0, outage: 0, after: 0, end: 0 };
    const until = t0 + (BEFORE + OUTAGE + AFTER) * 1000;
    let base = new URL(server.url);

    // ---------------------------------------------------------------- the drill
    const drill = (async () => {
      await sleep(BEFORE * 1000);
      pgs.crash();
      phase = "outage";
      phaseStart.outage = Date.now() - t0;
      events.push(`${stamp()} primary stopped (pg_ctl stop -m immediate); the standby keeps serving reads`);
      log(events.at(-1)!);
      await sleep(OUTAGE * 1000);
      if (MODE === "restart") {
        pgs.start();
        replica!.reconnect();
        events.push(`${stamp()} primary started again (crash recovery)`);
      } else {
        // The outage phase ends here: what follows (promotion, Stateline's restart) is the failover itself,
        // reported in the next row (connection errors while Stateline restarts belong to procedure B).
        phase = "after";
        phaseStart.after = Date.now() - t0;
        replica!.promote();
        events.push(`${stamp()} standby promoted (scripts/pg-replica.sh promote: pg_ctl promote)`);
        // Procedure B, step 3: Stateline restarted against the promoted server (same port, same spool).
        await stopServer(server!.child);
        server = await startServer({ ...env, DATABASE_URL: replicaUrl, DATABASE_REPLICA_URL: "" }, logFile);
        base = new URL(server.url);
        events.push(
          `${stamp()} Stateline restarted with DATABASE_URL on the promoted server (no replica left: verification reads go to it too)`,
        );
      }
      if (MODE === "restart") {
        phase = "after";
        phaseStart.after = Date.now() - t0;
      }
      log(events.at(-1)!);
    })();

    // ---------------------------------------------------------------- sale workers (retry with the same key)
    const acked: SaleOutcome[] = [];
    const rejected: SaleOutcome[] = [];
    const inDoubt: SaleOutcome[] = [];
    const saleAnswers: Record<Phase, Record<string, number>> = { before: {}, outage: {}, after: {} };
    let without503RetryAfter = 0;
    let delayedWording = 0;
    let saleRetries = 0;
    const saleWorker = async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      while (Date.now() < until) {
        const r = sales.next!(0);
        const o: SaleOutcome = {
          key: r.headers["idempotency-key"]!,
          actor: actorOf(r),
          status: 0,
          body: null,
          attempts: 0,
        };
        for (;;) {
          o.attempts += 1;
          const p = phase;
          const a = await send(agent, base, r);
          const kind = a.error ?? `HTTP ${a.status}`;
          saleAnswers[p][kind] = (saleAnswers[p][kind] ?? 0) + 1;
          if (a.status >= 200 && a.status < 300) {
            o.status = a.status;
            o.body = JSON.parse(a.body);
            acked.push(o);
            break;
          }
          if (a.status >= 400 && a.status < 500) {
            o.status = a.status;
            o.body = a.body;
            rejected.push(o);
            break;
          }
          if (a.status >= 500) {
            if (a.status !== 503 || !a.retryAfter) without503RetryAfter += 1;
            else if (/delayed: the state system is unavailable, retry after/.test(a.body)) delayedWording += 1;
          }
          if (Date.now() > until + GRACE * 1000) {
            inDoubt.push(o);
            break;
          }
          saleRetries += 1;
          // As a client should: wait as Retry-After says (connection errors: a short pause).
          const wait = a.retryAfter ? Number(a.retryAfter) * 1000 : 250;
          await sleep(wait + Math.floor(Math.random() * 250));
        }
      }
      agent.destroy();
    };

    // ---------------------------------------------------------------- verification workers (no retries)
    const ver: Record<Phase, { n: number; ok: number; lat: number[]; other: Record<string, number> }> = {
      before: { n: 0, ok: 0, lat: [], other: {} },
      outage: { n: 0, ok: 0, lat: [], other: {} },
      after: { n: 0, ok: 0, lat: [], other: {} },
    };
    const references = new Map<string, number>();
    const outageRefs = new Set<string>();
    const verifyWorker = async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      while (Date.now() < until) {
        const p = phase;
        const s = performance.now();
        const a = await send(agent, base, verifications.next!(0));
        const v = ver[p];
        v.n += 1;
        v.lat.push(performance.now() - s);
        if (a.status === 200) {
          v.ok += 1;
          const ref = JSON.parse(a.body).reference as string;
          references.set(ref, (references.get(ref) ?? 0) + 1);
          if (p === "outage") outageRefs.add(ref);
        } else {
          const k = a.error ?? `HTTP ${a.status}`;
          v.other[k] = (v.other[k] ?? 0) + 1;
          if (!a.error) await sleep(100);
        }
        if (a.error) await sleep(100);
      }
      agent.destroy();
    };

    await Promise.all([
      ...Array.from({ length: SALE_WORKERS }, saleWorker),
      ...Array.from({ length: VERIFY_WORKERS }, verifyWorker),
      drill,
    ]);
    const elapsed = (Date.now() - t0) / 1000;
    phaseStart.end = Date.now() - t0;
    log(`load done after ${fmt(elapsed, 1)} s: ${acked.length} sales acknowledged, ${inDoubt.length} in doubt`);

    // The spool drains into the primary within a few seconds of its return.
    let spoolLeft = -1;
    for (let i = 0; i < 100; i++) {
      spoolLeft = (() => {
        try {
          return readdirSync(spoolDir).filter((f) => f.endsWith(".jsonl")).length;
        } catch {
          return 0;
        }
      })();
      if (spoolLeft === 0) break;
      await sleep(200);
    }
    events.push(`${stamp()} audit spool ${spoolLeft === 0 ? "empty (replayed into the primary)" : "NOT drained"}`);
    if (MODE === "restart") {
      const streaming = psql(
        pgs.baseUrl,
        "postgres",
        "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'",
      ).trim();
      events.push(`${stamp()} standbys streaming from the primary again: ${streaming}`);
    }
    // The sealer runs every 250 ms while the server runs: entries older than 10 s still unsealed mean it stopped.
    const unsealed = Number(
      psql(
        MODE === "restart" ? pgs.baseUrl : replica.baseUrl,
        "stateline_drill",
        "SELECT count(*) FROM audit_log WHERE chain_seq IS NULL AND at < now() - interval '10 seconds'",
      ).trim(),
    );
    events.push(`${stamp()} audit entries older than 10 s not yet sealed while the server runs: ${unsealed}`);
    await stopServer(server.child);
    server = undefined;

    // ---------------------------------------------------------------- reconciliation (SQL)
    const primaryUrl = MODE === "restart" ? url : replicaUrl;
    const db = await openPostgres(primaryUrl, 2);
    const checks: { name: string; bad: number }[] = [];
    let stored = 0;
    try {
      const actors = [...keyToActor.values()];
      const keys = await db.query<{ actor_id: string; key: string; status_code: number; response: any }>(
        "SELECT actor_id::text, key, status_code, response FROM idempotency_keys WHERE actor_id = ANY($1::uuid[]) AND route = 'POST /api/v1/sales'",
        [actors],
      );
      const byKey = new Map(keys.map((k) => [`${k.actor_id}|${k.key}`, k]));
      const writes = (
        await db.query<{ id: string }>("SELECT id::text FROM sales WHERE requested_by = ANY($1::uuid[])", [actors])
      ).map((r) => r.id);
      stored = writes.length;
      const storedSet = new Set(writes);
      let lost = 0,
        lostKey = 0,
        other = 0;
      for (const o of acked) {
        const id = o.body?.sale?.id as string | undefined;
        const k = byKey.get(`${o.actor}|${o.key}`);
        if (!k) lostKey += 1;
        else if (k.response?.sale?.id !== id) other += 1;
        if (!id || !storedSet.has(id)) lost += 1;
      }
      checks.push({ name: "acknowledged sales missing from the database (LOST)", bad: lost });
      checks.push({ name: "acknowledged sales whose idempotency key is not stored", bad: lostKey });
      checks.push({ name: "stored answer differs from the answer the client got", bad: other });
      const ids = acked.map((o) => o.body?.sale?.id as string);
      checks.push({ name: "one sale acknowledged for two client requests", bad: ids.length - new Set(ids).size });
      const answered = new Map<string, number>();
      let claimOnly = 0;
      for (const k of keys) {
        if (k.status_code === 0) claimOnly += 1;
        const id = k.response?.sale?.id as string | undefined;
        if (id) answered.set(id, (answered.get(id) ?? 0) + 1);
      }
      checks.push({
        name: "one sale answered under two idempotency keys",
        bad: [...answered.values()].filter((n) => n > 1).length,
      });
      checks.push({
        name: "sales with no stored answer (DUPLICATE or half-done request)",
        bad: writes.filter((id) => !answered.has(id)).length,
      });
      checks.push({ name: "idempotency keys claimed but never answered (half-written)", bad: claimOnly });
      const parts: [string, string][] = [
        [
          "sale without its NICS check row",
          "SELECT count(*)::int AS n FROM unnest($1::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM sale_nics_checks n WHERE n.sale_id = x.id)",
        ],
        [
          "sale without its request action",
          "SELECT count(*)::int AS n FROM unnest($1::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM sale_actions a WHERE a.sale_id = x.id AND a.action = 'request')",
        ],
        [
          "sale without its stored decision",
          "SELECT count(*)::int AS n FROM sales s WHERE s.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.id = s.latest_decision_id AND d.subject_type = 'sale' AND d.subject_id = s.id::text)",
        ],
        [
          "sale without its audit entry (sale.request)",
          "SELECT count(*)::int AS n FROM unnest($1::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.entity_type = 'sale' AND l.entity_id = x.id::text AND l.action = 'sale.request')",
        ],
      ];
      for (const [name, sql] of parts) checks.push({ name, bad: (await db.query<{ n: number }>(sql, [writes]))[0]!.n });

      // Verifications: each acknowledged answer's audit entry present exactly as often as it was acknowledged.
      const refs = [...references.keys()];
      const counts = new Map(
        (
          await db.query<{ ref: string; n: number }>(
            "SELECT details->>'reference' AS ref, count(*)::int AS n FROM audit_log WHERE action = 'credential.verify' AND details->>'reference' = ANY($1::text[]) GROUP BY 1",
            [refs],
          )
        ).map((r) => [r.ref, r.n]),
      );
      let missing = 0,
        extra = 0,
        missingOutage = 0;
      for (const [ref, n] of references) {
        const got = counts.get(ref) ?? 0;
        if (got < n) {
          missing += n - got;
          if (outageRefs.has(ref)) missingOutage += n - got;
        }
        if (got > n) extra += got - n;
      }
      checks.push({ name: "acknowledged verifications without their audit entry", bad: missing });
      checks.push({ name: "of which acknowledged during the outage (spooled)", bad: missingOutage });
      checks.push({ name: "verification audit entries written twice", bad: extra });
      const audit = await verifyAudit(db);
      checks.push({ name: "audit chain breaks", bad: audit.breaks.length });
      checks.push({ name: "5xx sale answers that were not 503 with Retry-After", bad: without503RetryAfter });
    } finally {
      await db.close();
    }
    const unhandled = (readFileSync(logFile, "utf8").match(/unhandled error/g) ?? []).length;
    checks.push({ name: 'server "unhandled error" log lines', bad: unhandled });

    const pct = (xs: number[], p: number) => {
      const s = [...xs].sort((a, b) => a - b);
      return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
    };
    const phases: Phase[] = ["before", "outage", "after"];
    const secs: Record<Phase, number> = {
      before: phaseStart.outage / 1000,
      outage: (phaseStart.after - phaseStart.outage) / 1000,
      after: (phaseStart.end - phaseStart.after) / 1000,
    };
    const tally = (m: Record<string, number>) =>
      Object.entries(m)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k}: ${fmt(v)}`)
        .join(", ") || "none";
    const failed = checks.filter((c) => c.bad > 0);
    const verifiedInOutage = ver.outage.n ? ver.outage.ok / ver.outage.n : 0;
    const verdict =
      failed.length === 0 && verifiedInOutage >= 0.99
        ? "PASS: verification kept answering from the replica; sales answered 503 with Retry-After while the primary was down; every acknowledged write is present once; nothing half-written"
        : `FAIL: ${[
            ...failed.map((c) => `${c.name}: ${c.bad}`),
            ...(verifiedInOutage < 0.99
              ? [`verifications answered during the outage: ${fmt(verifiedInOutage * 100, 1)} %`]
              : []),
          ].join("; ")}`;
    const report = `
Run: \`npm run bench:primary-loss\` on ${new Date().toISOString().slice(0, 10)}${MODE === "promote" ? " (BENCH_DRILL_MODE=promote)" : ""}: data set scale ${SCALE}, a PostgreSQL 15 primary (fsync on) and a streaming standby beside it (\`scripts/pg-replica.sh\`: pg_basebackup, hot standby on 127.0.0.1), \`stateline serve\` with \`DATABASE_REPLICA_URL\` on the standby.
${SALE_WORKERS} sale workers (\`POST /api/v1/sales\`, each request with its own Idempotency-Key, retried with the same key after a connection error or a 5xx, waiting as Retry-After says) and ${VERIFY_WORKERS} verification workers (\`POST /api/v1/verifications\`, not retried) for ${BEFORE + OUTAGE + AFTER} s; then up to ${GRACE} s for sale retries to finish.
The primary was stopped with \`pg_ctl stop -m immediate\` (as a crash or a lost machine: no checkpoint, connections cut) for ${OUTAGE} s; then ${MODE === "restart" ? "started again on the same data folder (`pg_ctl start`, crash recovery; on this busy machine start-up itself took a while: the phase ends when it had finished, see Events)" : "the standby was promoted and Stateline restarted against it (docs/OPERATIONS.md, failover)"}.
What Stateline does meanwhile (src/db/replica.ts): verification reads the replica; its audit entry, which cannot reach the primary, is appended to a local spool file (fsynced before the answer) and replayed into audit_log exactly once when the primary answers; API keys are read from the replica while the primary is unreachable; every write that needs the primary (a sale) fails as one transaction and is answered 503 "delayed: the state system is unavailable, retry after 5 seconds; nothing was saved" with \`Retry-After: 5\` (src/http/errors.ts).

Events:
- 0.0 s load starts
${events.map((e) => `- ${e}`).join("\n")}

| phase | seconds (measured) | verifications answered 200 / sent | verification p50 / p99 ms | other verification answers | sale attempts answered, by status |
|---|---|---|---|---|---|
${phases
  .map(
    (p) =>
      `| ${p === "outage" ? "**primary down**" : p === "before" ? "before" : MODE === "restart" ? "primary back" : "promotion, Stateline restarted, after"} | ${fmt(secs[p], 1)} | ${fmt(ver[p].ok)} / ${fmt(ver[p].n)} (${fmt(ver[p].n ? (ver[p].ok / ver[p].n) * 100 : 0, 1)} %) | ${fmt(pct(ver[p].lat, 50), 1)} / ${fmt(pct(ver[p].lat, 99), 1)} | ${tally(ver[p].other)} | ${tally(saleAnswers[p])} |`,
  )
  .join("\n")}

| sale clients saw | count |
|---|---|
| sales acknowledged (2xx) | ${fmt(acked.length)} |
| of which needed retries (the primary was down at the first try) | ${fmt(acked.filter((o) => o.attempts > 1).length)} |
| retries (same key) | ${fmt(saleRetries)} |
| 503 answers with Retry-After and the "delayed: the state system is unavailable, retry after" wording | ${fmt(delayedWording)} |
| rejected (4xx, not retried) | ${fmt(rejected.length)} |
| never acknowledged by the end (in doubt) | ${fmt(inDoubt.length)} |

| check (SQL, after the run) | problems |
|---|---|
${checks.map((c) => `| ${c.name} | ${c.bad} |`).join("\n")}
| sales stored by the drill's sellers / acknowledged | ${fmt(stored)} / ${fmt(acked.length)} |
| verification audit entries spooled during the outage and replayed | ${fmt([...outageRefs].length)} distinct references acknowledged while the primary was down |

**${verdict}.**
`;
    console.log(report);
    writeSection(
      MODE === "restart"
        ? "Losing the primary under load (bench/primary-loss)"
        : "Losing the primary: failover to the standby (bench/primary-loss, BENCH_DRILL_MODE=promote)",
      report,
    );
    if (failed.length || verifiedInOutage < 0.99) process.exitCode = 1;
  } finally {
    if (server) await stopServer(server.child).catch(() => {});
    try {
      replica?.stop();
    } catch (e) {
      log(`stopping the replica: ${String(e)}`);
    }
    pgs.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
