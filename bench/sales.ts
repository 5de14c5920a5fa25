/**
 * bench/sales: point-of-sale throughput on PostgreSQL, beside a `pgbench`
 * TPC-B baseline measured in the same run on the same server.
 *
 *   npm run bench:sales
 *   BENCH_SCALE=0.05 BENCH_SECONDS=10 npm run bench:sales      (a quick run)
 *
 * It starts a throwaway PostgreSQL 15 cluster (with pg_stat_statements),
 * runs pgbench TPC-B (scale 10, BENCH_CONCURRENCY clients), loads the
 * Connecticut-scale data set (bench/dataset.ts, BENCH_SCALE, default 1),
 * starts `stateline serve` as a separate process and drives each target
 * through the real HTTP API with sellers' API keys and a fresh
 * Idempotency-Key per request, from BENCH_CONCURRENCY keep-alive connections
 * for BENCH_SECONDS. Targets (BENCH_TARGETS, comma-separated):
 *   sales          POST /api/v1/sales: verify credential, law, NICS simulator, store sale + decision + audit
 *   ammo-checks    POST /api/v1/ammunition/checks: credential, limits and purchase patterns
 *   ammo-sales     POST /api/v1/ammunition/sales
 *   verifications  POST /api/v1/verifications (the harness check; bench:verify is its benchmark)
 *   applications   POST /api/v1/applications (paper applications keyed in by staff)
 * For each it reports requests/s, latency percentiles, the server's and the
 * database's CPU per request, and the database time per request by statement
 * (pg_stat_statements), and writes the table to BENCHMARKS.md.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRng, type Rng } from "../src/lib/random.ts";
import { openPostgres, type Db } from "../src/db/client.ts";
import { loadConfig } from "../src/config.ts";
import { systemClock } from "../src/lib/clock.ts";
import { simulatedAdapters } from "../src/adapters/index.ts";
import { createApiKey, createUser } from "../src/modules/auth/service.ts";
import {
  BENCH_TODAY,
  createSellerLogins,
  freshDatabase,
  loadDataset,
  reportTable,
  type Dataset,
  type Holder,
  type SellerLogin,
} from "./dataset.ts";
import {
  fmt,
  load,
  log,
  pgbench,
  psql,
  startPostgres,
  startStateline,
  treeCpu,
  writeSection,
  type HttpAnswer,
  type HttpRequest,
  type LoadResult,
  type PgServer,
} from "./lib.ts";

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const TARGETS = (process.env.BENCH_TARGETS ?? "sales,ammo-checks,ammo-sales")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);

// ------------------------------------------------------------------ CPU accounting from /proc

const TICK = 100; // USER_HZ on Linux

/** utime+stime (and reaped children's, with `children`) of a process, in seconds; 0 when gone. */
export function procCpu(pid: number, children = false): number {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
    // f[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
    const t = Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
    return t / TICK;
  } catch {
    return 0;
  }
}

/** CPU seconds of a PostgreSQL server: the postmaster, its reaped children, and its live children. */
export function postgresCpu(pg: PgServer): number {
  if (!pg.dir) return 0;
  let pm: number;
  try {
    pm = Number(readFileSync(join(pg.dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return 0;
  }
  let total = procCpu(pm, true);
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, "utf8");
      const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
      if (Number(f[1]) === pm) total += (Number(f[11]) + Number(f[12])) / TICK;
    } catch {
      /* gone */
    }
  }
  return total;
}

// ------------------------------------------------------------------ targets

export type Request = HttpRequest;

export interface Target {
  name: string;
  label: string;
  /** The route the target needs (checked against the server's OpenAPI document). */
  path: string;
  /** One request per iteration... */
  next?: (i: number) => Request;
  /** ...or several, timed as one transaction. */
  flow?: (i: number, send: (r: Request) => Promise<HttpAnswer>) => Promise<HttpAnswer>;
  ok: (status: number, body: string) => boolean;
  /** Names an answer for the tally (authorized, delayed, approved, ...). */
  classify: (status: number, body: string) => string;
  /** What one iteration does, for the report. */
  does: string;
}

export interface Fixture {
  data: Dataset;
  active: Holder[];
  dealers: SellerLogin[];
  vendors: SellerLogin[];
  staffKey: string;
  staffId: string;
  personIds: string[];
}

const PURPOSE: Record<string, string> = {
  "state-handgun-permit": "handgun-purchase",
  "handgun-eligibility-certificate": "handgun-purchase",
  "long-gun-eligibility-certificate": "long-gun-purchase",
  "ammunition-certificate": "ammunition-purchase",
};

const json = (key: string, idem = randomUUID()) => ({
  authorization: `Bearer ${key}`,
  "content-type": "application/json",
  "idempotency-key": idem,
});
const parse = (body: string): any => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};
const codeOf = (status: number, body: string) => `${status} ${parse(body)?.code ?? ""}`.trim();

/** Serial numbers unique across runs and processes. */
let serialSeq = 0;
const runTag = randomUUID().slice(0, 6).toUpperCase();
export const nextSerial = () => `BX${runTag}${(serialSeq++).toString(36).toUpperCase().padStart(6, "0")}`;

const HANDGUNS = [
  { make: "GLC", model: "19 Gen5", caliber: "9", type: "PI" },
  { make: "SW", model: "M&P9 2.0", caliber: "9", type: "PI" },
  { make: "SIG", model: "P365", caliber: "9", type: "PI" },
  { make: "SR", model: "LCR", caliber: "38", type: "PR" },
  { make: "SW", model: "686", caliber: "357", type: "PR" },
  { make: "CLT", model: "1911 Government", caliber: "45", type: "PI" },
  { make: "SR", model: "Mark IV", caliber: "22", type: "PI" },
  { make: "BER", model: "92FS", caliber: "9", type: "PI" },
];
const LONG_GUNS = [
  { make: "REM", model: "870 Express", caliber: "12", type: "SP" },
  { make: "MOS", model: "500", caliber: "20", type: "SP" },
  { make: "SAV", model: "110", caliber: "308", type: "RB" },
  { make: "HRR", model: "H001", caliber: "22", type: "RL" },
  { make: "WIN", model: "Model 70", caliber: "3006", type: "RB" },
  { make: "BRO", model: "Citori", caliber: "12", type: "SO" },
  { make: "MAR", model: "336", caliber: "30", type: "RL" },
  { make: "SR", model: "American", caliber: "270", type: "RB" },
];

/** Request bodies, following the routes' schemas (src/modules/sales/routes.ts, src/modules/ammunition/routes.ts). */
export const bodies = {
  sale: (h: Holder, rng: Rng): Record<string, unknown> => {
    const canHandgun = h.kind === "state-handgun-permit" || h.kind === "handgun-eligibility-certificate";
    const handgun = canHandgun && rng.chance(0.7);
    const f = rng.pick(handgun ? HANDGUNS : LONG_GUNS);
    return {
      kind: handgun ? "retail-handgun" : "retail-long-gun",
      buyer: {
        firstName: h.firstName,
        lastName: h.lastName,
        birthDate: h.birthDate,
        birthPlace: "Hartford, CT",
        street: h.street,
        town: h.town,
        state: "CT",
        zip: h.zip,
        credentialNumber: h.number,
        idDocument: {
          type: "drivers-license",
          number: String(rng.int(100_000_000, 999_999_999)),
          issuer: "Connecticut DMV",
        },
      },
      firearm: {
        ...f,
        serialNumber: nextSerial(),
        semiautomatic: f.type === "PI",
        centerfire: f.caliber !== "22",
        acceptsMagazineOverFiveRounds: f.type === "PI",
        antique: false,
      },
    };
  },
  ammoCheck: (h: Holder, rng: Rng): Record<string, unknown> => {
    const lines = [
      rng.pick([
        { type: "centerfire-pistol", caliber: "9mm Luger", quantity: 50 },
        { type: "centerfire-pistol", caliber: ".45 ACP", quantity: 100 },
        { type: "rimfire", caliber: ".22 LR", quantity: 500 },
        { type: "shotshell", caliber: "12 gauge", quantity: 25 },
        { type: "centerfire-rifle", caliber: ".308 Winchester", quantity: 20 },
      ]),
    ].map((l) => ({ ...l, brand: rng.pick(["Federal", "Winchester", "CCI", "Remington"]) }));
    return {
      buyer: {
        firstName: h.firstName,
        lastName: h.lastName,
        birthDate: h.birthDate,
        credentialNumber: h.number,
        photoId: { type: "drivers-license", number: String(rng.int(100_000_000, 999_999_999)), showsBirthDate: true },
      },
      lines,
    };
  },
};

export function makeTargets(f: Fixture, rng: Rng): Record<string, Target> {
  const holder = () => f.active[rng.int(0, f.active.length - 1)]!;
  const gunHolders = f.active.filter((h) => h.kind !== "ammunition-certificate");
  const gunHolder = () => gunHolders[rng.int(0, gunHolders.length - 1)]!;
  const dealer = () => f.dealers[rng.int(0, f.dealers.length - 1)]!;
  const vendor = () => f.vendors[rng.int(0, f.vendors.length - 1)]!;
  const kinds = [
    "temporary-state-permit",
    "state-handgun-permit",
    "handgun-eligibility-certificate",
    "long-gun-eligibility-certificate",
    "ammunition-certificate",
  ];
  let appSeq = 0;
  const ammoCheckOf = (status: number, body: string) =>
    status === 201 ? `check ${parse(body)?.check?.outcome}` : codeOf(status, body);
  return {
    verifications: {
      name: "verifications",
      label: "credential verifications",
      path: "/api/v1/verifications",
      does: "authenticates the API key, reads the credential and person, asks the rulebook, appends an audit entry",
      next: () => {
        const h = holder();
        return {
          method: "POST",
          path: "/api/v1/verifications",
          headers: json(dealer().key),
          body: JSON.stringify({
            credentialNumber: h.number,
            lastName: h.lastName,
            birthDate: h.birthDate,
            purpose: PURPOSE[h.kind],
          }),
        };
      },
      ok: (s) => s === 200,
      classify: (s, b) => (s === 200 ? `valid ${parse(b)?.valid}` : codeOf(s, b)),
    },
    applications: {
      name: "applications",
      label: "applications (paper, keyed in by staff)",
      path: "/api/v1/applications",
      does: "stores the application, runs the background check (NICS simulator, rulebook), stores the decision, actions and audit entries",
      next: () => {
        const n = appSeq++;
        const person = f.personIds[n % f.personIds.length]!;
        const kind = kinds[Math.floor(n / f.personIds.length) % kinds.length]!;
        return {
          method: "POST",
          path: "/api/v1/applications",
          headers: json(f.staffKey),
          body: JSON.stringify({
            credentialKind: kind,
            residenceTown: "Hartford",
            citizenOrLawfulResident: true,
            backgroundCheckConsent: true,
            feePaid: true,
            personId: person,
            ...(kind === "temporary-state-permit" ? { attestedNoTemporaryPermitIn12Months: true } : {}),
          }),
        };
      },
      ok: (s) => s === 201,
      classify: (s, b) => (s === 201 ? `application ${parse(b)?.application?.status}` : codeOf(s, b)),
    },
    sales: {
      name: "sales",
      label: "firearm sale authorizations",
      path: "/api/v1/sales",
      does: "verifies the buyer's credential, asks the rulebook, runs the NICS simulator (Proceed), stores the sale, its NICS check, decision, action, receipt, the two reports and the audit entry in one transaction",
      next: () => ({
        method: "POST",
        path: "/api/v1/sales",
        headers: json(dealer().key),
        body: JSON.stringify(bodies.sale(gunHolder(), rng)),
      }),
      ok: (s, b) => s === 201 && parse(b)?.answer === "authorized",
      classify: (s, b) =>
        s === 201
          ? `${parse(b)?.answer}${parse(b)?.sale?.delayReason ? ` (${parse(b).sale.delayReason})` : ""}`
          : codeOf(s, b),
    },
    "ammo-checks": {
      name: "ammo-checks",
      label: "ammunition sale checks",
      path: "/api/v1/ammunition/checks",
      does: "matches the buyer's credential, applies PA 13-3 §§ 14-17 and the monthly limit (reading the buyer's purchases of the last 30 days), stores both decisions, the check and its audit entry",
      next: () => ({
        method: "POST",
        path: "/api/v1/ammunition/checks",
        headers: json(vendor().key),
        body: JSON.stringify(bodies.ammoCheck(holder(), rng)),
      }),
      ok: (s) => s === 201,
      classify: ammoCheckOf,
    },
    "ammo-sales": {
      name: "ammo-sales",
      label: "ammunition counter transactions (check, then sale)",
      path: "/api/v1/ammunition/sales",
      does: "the check above, then the sale against it: the limit applied again under the buyer's lock, the sale, its lines, decision and audit entry, and the purchase-pattern (lead) detectors for the buyer",
      flow: async (_i, send) => {
        const v = vendor();
        const body = bodies.ammoCheck(holder(), rng);
        const c = await send({
          method: "POST",
          path: "/api/v1/ammunition/checks",
          headers: json(v.key),
          body: JSON.stringify(body),
        });
        const check = c.status === 201 ? parse(c.body)?.check : undefined;
        if (check?.outcome !== "approved") return c;
        return send({
          method: "POST",
          path: "/api/v1/ammunition/sales",
          headers: json(v.key),
          body: JSON.stringify({ checkId: check.id, lines: body.lines }),
        });
      },
      ok: (s) => s === 201,
      classify: (s, b) => (s === 201 && parse(b)?.sale ? "sold" : ammoCheckOf(s, b)),
    },
  };
}

/** The limit the bench switches on: generous enough that most buyers stay under it. */
export const AMMO_LIMIT = {
  enabled: true,
  roundsPerRolling30Days: 5000,
  magazinesPerRolling30Days: 12,
  byClass: { "centerfire-rifle": { perCalendarMonth: 2000 } },
};

/** Logins and keys the targets use: dealers, vendors, one licensing clerk; and some person ids. */
export async function makeFixture(url: string, data: Dataset, sellers = 8): Promise<Fixture> {
  const db = await openPostgres(url, 2);
  try {
    const dealers = await createSellerLogins(db, data.sellers, "firearm-dealer", sellers);
    const vendors = await createSellerLogins(db, data.sellers, "ammunition-vendor", sellers);
    const staff = await createUser(db, {
      username: `bench-staff-${randomUUID().slice(0, 6)}`,
      displayName: "Bench Licensing Clerk",
      role: "licensing_staff",
      password: "bench-password-123",
      passwordCost: 10,
    });
    const ctx = {
      db,
      config: { ...loadConfig({}), passwordCost: 10 },
      clock: systemClock(BENCH_TODAY),
      adapters: simulatedAdapters(),
      user: staff,
      today: BENCH_TODAY,
      requestId: "bench",
    };
    const staffKey = (await createApiKey(ctx, staff.id, "bench")).key;
    const personIds = (
      await db.query<{ id: string }>(
        "SELECT id::text FROM people WHERE birth_date < $1::date - interval '21 years' ORDER BY id LIMIT 50000",
        [BENCH_TODAY],
      )
    ).map((r) => r.id);
    // The ammunition limit switched on (a Department policy setting), so every check and sale applies it.
    await db.query(
      `INSERT INTO policy_settings (key, version, value, effective_on, note)
       SELECT 'ammunition-limit', coalesce(max(version), 0) + 1, $1::jsonb, $2, 'bench: a monthly limit switched on' FROM policy_settings WHERE key = 'ammunition-limit'`,
      [JSON.stringify(AMMO_LIMIT), BENCH_TODAY],
    );
    const active = data.holders.filter((h) => h.status === "active");
    return { data, active, dealers, vendors, staffKey, staffId: staff.id, personIds };
  } finally {
    await db.close();
  }
}

// ------------------------------------------------------------------ where the server's CPU goes (--cpu-prof)

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
export interface ProfileSummary {
  samples: number;
  categories: { name: string; share: number }[];
  functions: { name: string; where: string; share: number }[];
}

function category(url: string, fn: string): string {
  if (fn === "(garbage collector)") return "garbage collection";
  if (fn === "(idle)") return "idle";
  if (fn === "(program)") return "native (V8, libuv, syscalls)";
  if (/node_modules\/(pg|pg-protocol|pg-pool|pg-types|pgpass|postgres-)/.test(url))
    return "pg driver (protocol, row parsing)";
  if (
    /node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request|fast-json-stringify|secure-json-parse|pino|abstract-logging|fast-uri|ajv)/.test(
      url,
    )
  )
    return "Fastify";
  if (/node_modules\/zod/.test(url)) return "zod (validation)";
  if (/\/src\/law\//.test(url)) return "rulebook (src/law)";
  if (/\/src\/modules\/audit\//.test(url)) return "audit chain (hashing, sealer)";
  if (/\/src\//.test(url)) return "Stateline routes and services";
  if (/^node:/.test(url)) return "Node internals (http, net, streams, crypto)";
  if (/^(writev|writeBuffer|writeUtf8String|writeLatin1String|writeAsciiString)$/.test(fn))
    return "socket writes (write syscalls: one per pg query, one per HTTP answer)";
  if (url === "") return "other native builtins (JSON, crypto, RegExp, ...)";
  return "other modules";
}

export function summarizeProfile(file: string): ProfileSummary {
  const p = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[] };
  const cats = new Map<string, number>();
  const fns = new Map<string, { name: string; where: string; hits: number }>();
  let total = 0;
  for (const n of p.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits || n.callFrame.functionName === "(idle)") continue;
    total += hits;
    const cat = category(n.callFrame.url, n.callFrame.functionName);
    cats.set(cat, (cats.get(cat) ?? 0) + hits);
    const where = `${n.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|src)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;
    const key = `${n.callFrame.functionName}|${where}`;
    const f = fns.get(key) ?? { name: n.callFrame.functionName || "(anonymous)", where, hits: 0 };
    f.hits += hits;
    fns.set(key, f);
  }
  return {
    samples: total,
    categories: [...cats.entries()].sort((a, b) => b[1] - a[1]).map(([name, h]) => ({ name, share: h / total })),
    functions: [...fns.values()]
      .sort((a, b) => b.hits - a.hits)
      .slice(0, 12)
      .map((f) => ({ name: f.name, where: f.where, share: f.hits / total })),
  };
}

// ------------------------------------------------------------------ database time per request

interface Stmt {
  query: string;
  calls: number;
  totalMs: number;
  meanMs: number;
  planMs: number;
}

const OUR_DB = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database())";

async function topStatements(db: Db, limit = 12): Promise<Stmt[]> {
  const r = await db.query(
    `SELECT query, calls::float8 AS calls, total_exec_time AS total, mean_exec_time AS mean, total_plan_time AS plan FROM pg_stat_statements
     WHERE ${OUR_DB} ORDER BY total_exec_time + total_plan_time DESC LIMIT $1`,
    [limit],
  );
  return r.map((x) => ({
    query: String(x.query).replace(/\s+/g, " ").slice(0, 140),
    calls: Number(x.calls),
    totalMs: Number(x.total),
    meanMs: Number(x.mean),
    planMs: Number(x.plan),
  }));
}

async function statementTotals(db: Db): Promise<{
  calls: number;
  totalMs: number;
  planMs: number;
  walBytes: number;
  walRecords: number;
  walSyncs: number;
  walFpi: number;
}> {
  const r = await db.query(
    `SELECT coalesce(sum(calls),0)::float8 AS calls, coalesce(sum(total_exec_time),0)::float8 AS total, coalesce(sum(total_plan_time),0)::float8 AS plan FROM pg_stat_statements WHERE ${OUR_DB}`,
  );
  const w = await db.query(
    "SELECT wal_bytes::float8 AS bytes, wal_records::float8 AS records, wal_sync::float8 AS syncs, wal_fpi::float8 AS fpi FROM pg_stat_wal",
  );
  return {
    calls: Number(r[0]!.calls),
    totalMs: Number(r[0]!.total),
    planMs: Number(r[0]!.plan),
    walBytes: Number(w[0]!.bytes),
    walRecords: Number(w[0]!.records),
    walSyncs: Number(w[0]!.syncs),
    walFpi: Number(w[0]!.fpi),
  };
}

export interface TargetResult {
  target: Target;
  r: LoadResult;
  serverCpuPerReq: number;
  pgCpuPerReq: number;
  genCpuPerReq: number;
  cpuBusy: number;
  dbMsPerReq: number;
  planMsPerReq: number;
  stmtsPerReq: number;
  walBytesPerReq: number;
  walSyncsPerReq: number;
  walFpiPerReq: number;
  top: Stmt[];
  profile?: ProfileSummary;
}

async function runTarget(pgs: PgServer, db: Db, serverPid: number, url: string, t: Target): Promise<TargetResult> {
  log(`${t.name}: warm-up`);
  const drive = {
    url,
    concurrency: CONCURRENCY,
    ok: t.ok,
    classify: t.classify,
    ...(t.next ? { next: t.next } : {}),
    ...(t.flow ? { flow: t.flow } : {}),
  };
  await load({ ...drive, seconds: 3 });
  await db.query("SELECT pg_stat_statements_reset()");
  await db.query("SELECT pg_stat_reset_shared('wal')");
  const s0 = treeCpu(serverPid),
    p0 = postgresCpu(pgs),
    g0 = process.cpuUsage();
  log(`${t.name}: ${SECONDS} s with ${CONCURRENCY} workers`);
  const r = await load({ ...drive, seconds: SECONDS });
  const s1 = treeCpu(serverPid),
    p1 = postgresCpu(pgs),
    g1 = process.cpuUsage(g0);
  const totals = await statementTotals(db);
  const top = await topStatements(db);
  const gen = (g1.user + g1.system) / 1e6;
  const res: TargetResult = {
    target: t,
    r,
    serverCpuPerReq: ((s1 - s0) * 1000) / r.requests,
    pgCpuPerReq: ((p1 - p0) * 1000) / r.requests,
    genCpuPerReq: (gen * 1000) / r.requests,
    cpuBusy: (s1 - s0 + p1 - p0 + gen) / r.seconds,
    dbMsPerReq: totals.totalMs / r.requests,
    planMsPerReq: totals.planMs / r.requests,
    stmtsPerReq: totals.calls / r.requests,
    walBytesPerReq: totals.walBytes / r.requests,
    walSyncsPerReq: totals.walSyncs / r.requests,
    walFpiPerReq: totals.walFpi / r.requests,
    top,
  };
  log(
    `${t.name}: answers ${JSON.stringify(r.answers)}${r.errorSamples.length ? `; first errors: ${r.errorSamples.join(" | ")}` : ""}`,
  );
  log(
    `${t.name}: ${fmt(r.perSecond)}/s, p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms, errors ${r.errors}; CPU ms/request: server ${fmt(res.serverCpuPerReq, 2)}, postgres ${fmt(res.pgCpuPerReq, 2)}, load generator ${fmt(res.genCpuPerReq, 2)}; DB ${fmt(res.dbMsPerReq, 2)} ms (+ ${fmt(res.planMsPerReq, 2)} ms planning) in ${fmt(res.stmtsPerReq, 1)} statements, ${fmt(res.walBytesPerReq)} WAL bytes`,
  );
  return res;
}

export function resultTable(results: TargetResult[], tps: number): string {
  const target = tps / 2;
  const rows = results.map(({ target: t, r }) => {
    const met = r.perSecond >= target && r.p99 < 50;
    const how = met
      ? "yes"
      : `no: ${fmt((r.perSecond / tps) * 100, 1)} % of TPC-B (needs 50 %)${r.p99 >= 50 ? `, p99 ${fmt(r.p99, 1)} ms` : ""}`;
    return `| ${t.label} | ${fmt(r.perSecond)} | ${fmt(r.p50, 1)} / ${fmt(r.p90, 1)} / ${fmt(r.p99, 1)} / ${fmt(r.max, 1)} | ${fmt(r.requests)} / ${fmt(r.errors)} | ${Object.entries(
      r.answers,
    )
      .map(([k, v]) => `${k}: ${fmt(v)}`)
      .join(", ")} | ≥ ${fmt(target)}/s, p99 < 50 ms | ${how} |`;
  });
  return `| figure | per second | latency p50 / p90 / p99 / max (ms) | requests / errors | answers | target | met? |
|---|---|---|---|---|---|---|
| \`pgbench\` TPC-B baseline (scale 10, ${CONCURRENCY} clients) | ${fmt(tps)} | | | | | |
${rows.join("\n")}`;
}

export function profileTable(results: TargetResult[]): string {
  const rows = results.map(
    (x) =>
      `| ${x.target.label} | ${fmt(x.serverCpuPerReq, 2)} | ${fmt(x.pgCpuPerReq, 2)} | ${fmt(x.genCpuPerReq, 2)} | ${fmt(x.serverCpuPerReq + x.pgCpuPerReq + x.genCpuPerReq, 2)} | ${fmt(x.cpuBusy, 2)} | ${fmt(x.dbMsPerReq, 2)} + ${fmt(x.planMsPerReq, 2)} | ${fmt(x.stmtsPerReq, 1)} | ${fmt(x.walBytesPerReq)} (${fmt(x.walFpiPerReq, 1)}) |`,
  );
  return `| target | server CPU ms/req | PostgreSQL CPU ms/req | load generator CPU ms/req | total CPU ms/req | cores used by these three (of 2) | DB execution + planning ms/req (pg_stat_statements) | statements/req | WAL bytes/req (full-page images/req) |
|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}`;
}

function statementsTable(x: TargetResult): string {
  const all = Math.max(1e-9, (x.dbMsPerReq + x.planMsPerReq) * x.r.requests);
  return `Top statements for ${x.target.label} (by execution + planning time during the measured run):

| statement | calls/request | mean execution ms | planning ms/call | share of DB time |
|---|---|---|---|---|
${x.top
  .slice(0, 10)
  .map(
    (s) =>
      `| \`${s.query.replace(/\|/g, "\\|")}\` | ${fmt(s.calls / x.r.requests, 2)} | ${fmt(s.meanMs, 3)} | ${fmt(s.planMs / Math.max(1, s.calls), 3)} | ${fmt(((s.totalMs + s.planMs) / all) * 100, 1)} % |`,
  )
  .join("\n")}`;
}

function profileSection(x: TargetResult): string {
  if (!x.profile) return "";
  const p = x.profile;
  return `Server CPU profile for ${x.target.label} (node --cpu-prof, separate ${PROFILE_SECONDS} s run; share of busy samples):

| where | share |
|---|---|
${p.categories
  .slice(0, 9)
  .map((c) => `| ${c.name} | ${fmt(c.share * 100, 1)} % |`)
  .join("\n")}

| hottest functions (self time) | where | share |
|---|---|---|
${p.functions
  .slice(0, 8)
  .map((f) => `| \`${f.name}\` | ${f.where} | ${fmt(f.share * 100, 1)} % |`)
  .join("\n")}`;
}

/** The plain-words verdict: how far, and the CPU arithmetic that says why. */
export function analysis(results: TargetResult[], tps: number): string {
  const need = tps / 2;
  return results
    .map((x) => {
      const total = x.serverCpuPerReq + x.pgCpuPerReq + x.genCpuPerReq;
      const ceiling = 2000 / total;
      const budget = 2000 / need;
      const overhead = x.pgCpuPerReq - x.dbMsPerReq - x.planMsPerReq;
      const far =
        x.r.perSecond >= need
          ? "meets the throughput target"
          : `reaches ${fmt((x.r.perSecond / need) * 100, 0)} % of the target (${fmt(x.r.perSecond)} of ${fmt(need)}/s: ${fmt(need / x.r.perSecond, 1)}× short)`;
      const top = x.profile?.categories
        .filter((c) => c.name !== "idle")
        .slice(0, 3)
        .map((c) => `${c.name} ${fmt(c.share * 100, 0)} %`)
        .join(", ");
      return (
        `- **${x.target.label}** ${far}; p99 ${fmt(x.r.p99, 1)} ms against 50 ms. One request costs ${fmt(total, 2)} ms of CPU in all (server ${fmt(x.serverCpuPerReq, 2)}, PostgreSQL ${fmt(x.pgCpuPerReq, 2)}, load generator ${fmt(x.genCpuPerReq, 2)}), so 2 cores cap it near ${fmt(ceiling)}/s even fully used; the target leaves a budget of ${fmt(budget, 2)} ms per request, ${fmt(total / budget, 1)}× less than now. ` +
        `PostgreSQL spends ${fmt(x.dbMsPerReq, 2)} ms executing and ${fmt(x.planMsPerReq, 2)} ms planning ${fmt(x.stmtsPerReq, 1)} statements per request; the other ${fmt(Math.max(0, overhead), 2)} ms of its CPU is per-statement protocol work (one round trip each; bind and execute of statements prepared once per connection), transaction begin/commit, WAL (${fmt(x.walBytesPerReq)} bytes per request, ${fmt(x.walFpiPerReq, 1)} of them full-page images of about 8 kB each (the first change to a page after a checkpoint, frequent when inserts land on random pages of an index: random-UUID keys such as the clients' idempotency keys, and secondary indexes on buyers and serial numbers; sales and decisions have UUIDv7 keys that append), and ${fmt(x.walSyncsPerReq, 2)} fsyncs) and background work (the audit sealer, autovacuum). ` +
        (top
          ? `In the server, ${top} of CPU samples${x.profile?.categories.some((c) => c.name.startsWith("socket writes") && c.share > 0.2) ? " (the profiler samples the thread whenever it is not idle: a write to the loopback socket runs the receiving side's TCP processing and wakes a PostgreSQL backend, which on 2 shared cores often takes the CPU before the write returns; so this share measures round trips and context switches, one per statement, rather than Stateline's own computation)" : ""}.`
          : "") +
        (x.cpuBusy < 1.8
          ? ` Our three processes kept only ${fmt(x.cpuBusy, 2)} of 2 cores busy: the rest went to waiting (commit fsyncs, lock and pool waits) or to other work on this shared machine.`
          : "")
      );
    })
    .join("\n");
}

/** EXPLAIN ANALYZE of the hot reads, with a heavy buyer's parameters: the plan's first lines, planning and execution time. */
async function explainHot(db: Db): Promise<string> {
  const out: string[] = [];
  const from = "2026-10-22",
    to = BENCH_TODAY;
  const heavyAmmo = (
    await db
      .query("SELECT person_id::text AS id FROM ammunition_sales GROUP BY person_id ORDER BY count(*) DESC LIMIT 1")
      .catch(() => [])
  )[0]?.id;
  const heavyGun = (
    await db
      .query(
        "SELECT buyer_person_id::text AS id FROM sales WHERE buyer_person_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
      )
      .catch(() => [])
  )[0]?.id;
  const cred =
    (await db.query("SELECT number FROM credentials ORDER BY number LIMIT 1 OFFSET 1000").catch(() => []))[0]?.number ??
    "SP-3000001";
  const queries: [string, string, unknown[]][] = [
    [
      "credential lookup (every sale and check)",
      "SELECT c.id::text, c.kind, c.person_id::text, p.last_name, p.birth_date FROM credentials c JOIN people p ON p.id = c.person_id WHERE c.number = $1",
      [cred],
    ],
    [
      "a buyer's ammunition in the limit's window (every check and sale; the heaviest buyer)",
      "SELECT s.sold_on, l.type, sum(l.quantity)::int AS quantity FROM ammunition_sales s JOIN ammunition_sale_lines l ON l.sale_id = s.id WHERE s.person_id = $1 AND s.sold_on BETWEEN $2 AND $3 GROUP BY s.sold_on, l.type ORDER BY s.sold_on",
      [heavyAmmo, from, to],
    ],
    [
      "a buyer's firearm attempts (lead detectors after each sale; the heaviest buyer)",
      "SELECT id::text, number, sale_on, firearm_class, status FROM sales WHERE buyer_person_id = $1 AND sale_on BETWEEN $2 AND $3 ORDER BY sale_on, number",
      [heavyGun, "2025-11-20", to],
    ],
    [
      "the sales table's columns (leads module, on every firearm sale)",
      "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'sales'",
      [],
    ],
  ];
  for (const [label, sql, params] of queries) {
    if (params.some((p) => p === undefined)) continue;
    try {
      const rows = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      const lines = rows.map((r) => r["QUERY PLAN"]);
      const planning = lines.find((l) => l.startsWith("Planning Time"));
      const execution = lines.find((l) => l.startsWith("Execution Time"));
      const nodes = lines
        .filter((l) => /->|^\S/.test(l) && !/^(Planning|Execution)/.test(l))
        .slice(0, 4)
        .map((l) => l.trim().replace(/\s+\(cost=[^)]*\)/, ""));
      out.push(`- ${label}: ${planning}; ${execution}. Plan: ${nodes.map((n) => `\`${n}\``).join(" → ")}`);
    } catch (e) {
      out.push(`- ${label}: EXPLAIN failed (${(e as Error).message})`);
    }
  }
  return out.join("\n");
}

async function serverHas(url: string, path: string): Promise<boolean> {
  const r = await fetch(`${url}/api/openapi.json`).catch(() => undefined);
  if (!r?.ok) return true;
  const doc = (await r.json()) as { paths?: Record<string, unknown> };
  return !doc.paths || path in doc.paths;
}

const PROFILE_SECONDS = Number(process.env.BENCH_PROFILE_SECONDS ?? 8);

async function main(): Promise<void> {
  const pgs = startPostgres(Number(process.env.BENCH_PG_PORT ?? 54362), { statStatements: true });
  const keepProfiles = process.env.BENCH_PROFILE_DIR;
  const profDir = keepProfiles ?? mkdtempSync(join(tmpdir(), "stateline-prof."));
  try {
    log(`pgbench TPC-B baseline: scale 10, ${CONCURRENCY} clients`);
    const tps = pgbench(pgs.baseUrl, {
      selectOnly: false,
      clients: CONCURRENCY,
      seconds: Math.min(SECONDS, 15),
      scale: 10,
      init: true,
    });
    log(`pgbench TPC-B: ${fmt(tps)} tps`);
    psql(pgs.baseUrl, "postgres", "DROP DATABASE pgbench");

    const url = await freshDatabase(pgs.baseUrl, "stateline_bench");
    log(`loading the data set at scale ${SCALE}`);
    const data = await loadDataset(url, { scale: SCALE });
    const fixture = await makeFixture(url, data);
    const db = await openPostgres(url, 2);
    await db.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    // The daily lead sweep computes the population baseline the after-sale detectors compare against.
    let sweepSeconds: number | undefined;
    try {
      const { runLeadSweep } = await import("../src/modules/leads/service.ts");
      const ts = performance.now();
      await runLeadSweep({
        db,
        config: { ...loadConfig({}), passwordCost: 10 },
        clock: systemClock(BENCH_TODAY),
        adapters: simulatedAdapters(),
        user: null,
        today: BENCH_TODAY,
        requestId: "bench-sweep",
      });
      sweepSeconds = (performance.now() - ts) / 1000;
      log(`lead sweep over the history: ${fmt(sweepSeconds, 1)} s`);
    } catch (e) {
      log(`lead sweep not run: ${(e as Error).message}`);
    }
    // BENCH_EXTRA_SQL: statements run on the loaded database before the server starts, for A/B trials of a schema change.
    if (process.env.BENCH_EXTRA_SQL) {
      log(`extra SQL: ${process.env.BENCH_EXTRA_SQL}`);
      await db.query(process.env.BENCH_EXTRA_SQL);
    }
    // BENCH_DB_SOCKET=1: the server reaches PostgreSQL over its Unix socket instead of TCP on 127.0.0.1.
    const serverDbUrl =
      process.env.BENCH_DB_SOCKET === "1" && pgs.dir
        ? `postgres://postgres@localhost:${pgs.port}/stateline_bench?host=${encodeURIComponent(pgs.dir)}`
        : url;
    const env = {
      DATABASE_URL: serverDbUrl,
      STATELINE_TODAY: BENCH_TODAY,
      STATELINE_LOG: "0",
      // A load test is many requests from one client and a few keys: the per-client rate limits would refuse them.
      STATELINE_RATE_LIMITS: "0",
      PORT: process.env.BENCH_PORT ?? "3998",
    };
    const results: TargetResult[] = [];
    const skipped: string[] = [];
    let explained = "";
    const targets = makeTargets(fixture, createRng(11));
    try {
      const server = await startStateline(env);
      try {
        for (const name of TARGETS) {
          const t = targets[name];
          if (!t) throw new Error(`unknown target ${name}; one of ${Object.keys(targets).join(", ")}`);
          if (!(await serverHas(server.url, t.path))) {
            log(`${name}: the server has no ${t.path} yet; skipped`);
            skipped.push(`${t.label} (${t.path} not there yet)`);
            continue;
          }
          results.push(await runTarget(pgs, db, server.child.pid!, server.url, t));
        }
      } finally {
        await server.stop();
      }
      if (PROFILE_SECONDS > 0) {
        for (const x of results) {
          const name = `${x.target.name}.cpuprofile`;
          const ps = await startStateline(env, ["--cpu-prof", `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${name}`]);
          const t = x.target;
          log(`${t.name}: CPU profile, ${PROFILE_SECONDS} s`);
          await load({
            url: ps.url,
            concurrency: CONCURRENCY,
            seconds: PROFILE_SECONDS,
            ok: t.ok,
            classify: t.classify,
            ...(t.next ? { next: t.next } : {}),
            ...(t.flow ? { flow: t.flow } : {}),
          });
          await ps.stop();
          try {
            x.profile = summarizeProfile(join(profDir, name));
            log(
              `${t.name}: ${x.profile.categories
                .slice(0, 5)
                .map((c) => `${c.name} ${fmt(c.share * 100, 1)} %`)
                .join(", ")}`,
            );
          } catch (e) {
            log(`${t.name}: no profile (${(e as Error).message})`);
          }
        }
      }
      explained = await explainHot(db);
    } finally {
      await db.close();
    }
    const heldActive = fixture.active.length;
    const historyRows = data.report
      .filter((r) => /\(history\)/.test(r.table) && /sales|checks/.test(r.table))
      .map((r) => `${fmt(r.rows)} ${r.table.replace(" (history)", "")}`)
      .join(", ");
    writeSection(
      process.env.BENCH_SECTION ?? "Point of sale (bench/sales)",
      `
Run: \`npm run bench:sales\` on ${new Date().toISOString().slice(0, 10)}: data set scale ${SCALE} (${fmt(data.report.find((r) => r.table === "people")?.rows ?? 0)} people, ${fmt(heldActive)} active credentials, ${fmt(data.sellers.length)} sellers${historyRows ? `; a year of history: ${historyRows}` : ""}),
${CONCURRENCY} concurrent keep-alive connections for ${SECONDS} s per target after a 3 s warm-up, ${fixture.dealers.length} dealer and ${fixture.vendors.length} vendor API keys, a fresh Idempotency-Key per request; the ammunition limit switched on (${JSON.stringify(AMMO_LIMIT)})${sweepSeconds !== undefined ? ` and the lead baseline computed by one sweep (${fmt(sweepSeconds, 1)} s)` : ""}.
PostgreSQL 15 throwaway cluster (fsync and synchronous_commit on, shared_buffers 256MB, pg_stat_statements), \`stateline serve\` (one Node process, pool of 10 connections, to PostgreSQL over ${serverDbUrl === url ? "TCP on 127.0.0.1" : "its Unix socket"}) and the load generator share the machine's 2 cores (and whatever else runs on this shared machine at the time).
The TPC-B baseline ran in the same run on the same server before the data set was loaded.${skipped.length ? `\nNot measured: ${skipped.join("; ")}.` : ""}

${resultTable(results, tps)}

What one iteration does: ${results.map((x) => `*${x.target.label}*: ${x.target.does}`).join("; ")}.

How far from the target, and why:

${analysis(results, tps)}

Where the time goes (CPU from /proc for the server process and every PostgreSQL process; database time from pg_stat_statements with planning tracked; WAL from pg_stat_wal):

${profileTable(results)}

${results.map((x) => [statementsTable(x), profileSection(x)].filter(Boolean).join("\n\n")).join("\n\n")}

The hot reads, \`EXPLAIN (ANALYZE, BUFFERS)\` after the runs:

${explained}

Data set load (bench/dataset at scale ${SCALE}):

${reportTable(data)}
`,
    );
  } finally {
    pgs.stop();
    if (!keepProfiles) rmSync(profDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
