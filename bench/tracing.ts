/**
 * bench/tracing: trace answers from Stateline's own records at Connecticut scale, beside a
 * `pgbench` TPC-B baseline measured in the same run, and the partner exchange round trip between
 * two local instances.
 *
 *   npm run bench:tracing
 *   BENCH_SCALE=0.05 BENCH_SECONDS=10 npm run bench:tracing      (a quick run)
 *
 * 1. A throwaway PostgreSQL 15 cluster (BENCH_PG_PORT, default 54343), pgbench TPC-B (scale 10).
 * 2. The Connecticut-scale data set (bench/dataset.ts: a year of sales at BENCH_SCALE) plus 5,000
 *    traces already asked (BENCH_TRACES).
 * 3. `stateline serve` as its own process; BENCH_CONCURRENCY clients POST /api/v1/tracing/traces
 *    (an investigator's API key, a fresh Idempotency-Key, the purpose in the body) for serial
 *    numbers of sold guns, each answered from the sale records at once, for BENCH_SECONDS.
 * 4. Two in-process instances (Connecticut and New York, embedded PGlite each, New York on a
 *    loopback port): BENCH_EXCHANGES signed trace requests, one after another; round-trip latency.
 * Results go to BENCHMARKS.md ("Tracing (bench/tracing)").
 */
import { randomUUID } from "node:crypto";
import { openPglite, openPostgres } from "../src/db/client.ts";
import { loadConfig } from "../src/config.ts";
import { systemClock } from "../src/lib/clock.ts";
import { simulatedAdapters } from "../src/adapters/index.ts";
import { openServices } from "../src/app.ts";
import { buildServer } from "../src/http/server.ts";
import { createApiKey, createUser } from "../src/modules/auth/service.ts";
import {
  configureTracing,
  findPartner,
  partner as checkPartner,
  tracingRuntime,
  type TracingConfig,
} from "../src/modules/tracing/config.ts";
import { askPartner } from "../src/modules/tracing/exchange.ts";
import type { Trace } from "../src/modules/tracing/service.ts";
import { generateKeyPairSync } from "node:crypto";
import { BENCH_TODAY, freshDatabase, loadDataset } from "./dataset.ts";
import { fmt, load, log, pgbench, startPostgres, startStateline, writeSection } from "./lib.ts";

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const TRACES = Number(process.env.BENCH_TRACES ?? 5000);
const EXCHANGES = Number(process.env.BENCH_EXCHANGES ?? 200);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54343);

async function exchangeRoundTrip(): Promise<{ n: number; p50: number; p99: number; perSecond: number }> {
  const ct = generateKeyPairSync("ed25519"),
    ny = generateKeyPairSync("ed25519");
  const base = { ...loadConfig({}), passwordCost: 10 };
  const [sCt, sNy] = await Promise.all([
    openServices({ ...base }, { db: await openPglite() }),
    openServices({ ...base }, { db: await openPglite() }),
  ]);
  const appNy = await buildServer(sNy);
  const nyUrl = await appNy.listen({ port: 0, host: "127.0.0.1" });
  const cfg = (o: Partial<TracingConfig>): TracingConfig => ({
    state: "CT",
    keyId: "ct-1",
    privateKey: null,
    partners: [],
    signatureWindowSeconds: 300,
    ...o,
  });
  configureTracing(sNy, {
    config: cfg({
      state: "NY",
      keyId: "ny-1",
      privateKey: ny.privateKey,
      partners: [
        checkPartner({
          code: "CT",
          name: "Connecticut",
          url: "http://127.0.0.1:9",
          keyId: "ct-1",
          publicKey: ct.publicKey,
          receives: ["dealer", "saleDate", "timeToCrime"],
        }),
      ],
    }),
  });
  configureTracing(sCt, {
    config: cfg({
      privateKey: ct.privateKey,
      partners: [
        checkPartner({
          code: "NY",
          name: "New York",
          url: nyUrl,
          keyId: "ny-1",
          publicKey: ny.publicKey,
          receives: ["dealer", "saleDate", "timeToCrime"],
        }),
      ],
    }),
  });
  const ctx = { ...sCt, user: null, today: sCt.clock.today(), requestId: "bench" };
  const p = findPartner(tracingRuntime(ctx).config, "NY")!;
  const lat: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < EXCHANGES; i++) {
    const t = {
      number: `TR-CT-B${i}`,
      priority: "urgent",
      firearm: {
        make: "SW",
        model: "M&P9",
        serialNumber: `BENCH${i}`,
        serialStatus: "present",
        caliber: "9",
        type: "PI",
      },
      recovery: { date: sCt.clock.today(), state: "CT", town: "Hartford", crimeCode: "5212" },
    } as unknown as Trace;
    const s = performance.now();
    await askPartner(ctx, p, t);
    lat.push(performance.now() - s);
  }
  const secs = (performance.now() - t0) / 1000;
  await appNy.close();
  await sCt.db.close();
  await sNy.db.close();
  lat.sort((a, b) => a - b);
  return {
    n: lat.length,
    p50: lat[Math.floor(lat.length * 0.5)]!,
    p99: lat[Math.min(lat.length - 1, Math.floor(lat.length * 0.99))]!,
    perSecond: lat.length / secs,
  };
}

async function main() {
  const pg = startPostgres(PG_PORT);
  try {
    log("pgbench TPC-B baseline");
    const tpcb = pgbench(pg.baseUrl, {
      selectOnly: false,
      clients: CONCURRENCY,
      seconds: SECONDS,
      scale: 10,
      init: true,
    });
    const url = await freshDatabase(pg.baseUrl, "bench_tracing");
    log(`loading the data set at scale ${SCALE}`);
    await loadDataset(url, { scale: SCALE });
    const db = await openPostgres(url, 2);
    const serials = await db.query<{ s: string; m: string; d: string }>(
      "SELECT firearm_serial_number AS s, firearm_make AS m, sale_on::text AS d FROM sales WHERE route = 'retail' AND status IN ('authorized','proceeded') ORDER BY random() LIMIT 20000",
    );
    const salesCount = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM sales"))[0]!.n;
    log(`${salesCount} sales; asking ${TRACES} traces first`);
    const config = { ...loadConfig({}), passwordCost: 10 };
    const user = await createUser(db, {
      username: `bench-police-${randomUUID().slice(0, 6)}`,
      displayName: "Bench Detective",
      role: "law_enforcement",
      password: "bench-password-123",
      passwordCost: 10,
    });
    const ctx = {
      db,
      config,
      clock: systemClock(BENCH_TODAY),
      adapters: simulatedAdapters(),
      user,
      today: BENCH_TODAY,
      requestId: "bench",
    };
    const key = (await createApiKey(ctx, user.id, "bench")).key;
    const { requestTrace } = await import("../src/modules/tracing/service.ts");
    for (let i = 0; i < Math.min(TRACES, serials.length); i++) {
      const s = serials[i]!;
      await requestTrace(ctx, {
        priority: "routine",
        firearm: { make: s.m, serialNumber: s.s, serialStatus: "present" },
        recovery: { date: BENCH_TODAY, state: "CT", crimeCode: "5212" },
        purpose: { code: "firearm-trace", text: "Benchmark: traces already asked" },
      });
    }
    await db.close();
    const server = await startStateline({
      DATABASE_URL: url,
      STATELINE_TODAY: BENCH_TODAY,
      PORT: "3997",
      STATELINE_LOG: "0",
      // A load test is many requests from one client and a few keys: the per-client rate limits would refuse them.
      STATELINE_RATE_LIMITS: "0",
    });
    try {
      log(`load: ${CONCURRENCY} clients for ${SECONDS} s`);
      let answered = 0;
      const r = await load({
        url: server.url,
        concurrency: CONCURRENCY,
        seconds: SECONDS,
        next: (i) => {
          const s = serials[i % serials.length]!;
          return {
            method: "POST",
            path: "/api/v1/tracing/traces",
            headers: {
              authorization: `Bearer ${key}`,
              "content-type": "application/json",
              "idempotency-key": randomUUID(),
            },
            body: JSON.stringify({
              priority: "urgent",
              firearm: { make: s.m, serialNumber: s.s },
              recovery: { date: BENCH_TODAY, state: "CT", crimeCode: "5212" },
              purpose: { code: "firearm-trace", text: "Benchmark: trace answered from own records" },
            }),
          };
        },
        classify: (status, body) => {
          if (status === 201 && body.includes('"status":"answered"')) answered += 1;
          return String(status);
        },
      });
      log("partner exchange round trip");
      const x = await exchangeRoundTrip();
      const body = `Run ${new Date().toISOString().slice(0, 16)}Z, BENCH_SCALE=${SCALE} (${fmt(salesCount)} sales), ${fmt(TRACES)} traces already asked, ${CONCURRENCY} clients, ${SECONDS} s, PostgreSQL 15 on the same 2 cores.

| figure | value |
|---|---|
| pgbench TPC-B (same run, same server) | ${fmt(tpcb)} tps |
| trace answers from own records | ${fmt(r.perSecond, 1)} /s (${fmt(r.requests)} requests, ${fmt(answered)} answered at once, ${r.errors} errors) |
| ... as a share of TPC-B | ${fmt((r.perSecond / tpcb) * 100, 1)} % |
| latency p50 / p90 / p99 | ${fmt(r.p50, 1)} / ${fmt(r.p90, 1)} / ${fmt(r.p99, 1)} ms |
| partner exchange round trip (two local instances, signed, PGlite each), p50 / p99 | ${fmt(x.p50, 1)} / ${fmt(x.p99, 1)} ms (${x.n} sequential, ${fmt(x.perSecond, 1)} /s) |

Each trace request verifies the API key, checks the Idempotency-Key, reads every sale of the serial number, asks the registries for lost/stolen reports and registrations, stores the trace with two appended actions and an audit entry, in one transaction. eTrace's published turnaround is under 24 hours for urgent traces and about 9 days for routine ones.${r.errorSamples.length ? `\n\nError samples: ${r.errorSamples.map((e) => `\`${e.slice(0, 200)}\``).join("; ")}` : ""}`;
      writeSection("Tracing (bench/tracing)", body);
      log(body);
    } finally {
      await server.stop();
    }
  } finally {
    pg.stop();
  }
}

await main();
