/**
 * bench/verify: credential verifications per second on PostgreSQL, beside
 * `pgbench -S` (select-only) measured in the same run on the same server.
 *
 * It loads Connecticut-scale holders (180,000 people with credentials by
 * default; BENCH_HOLDERS to change), starts `stateline serve` against the
 * server, and drives POST /api/v1/verifications with a dealer's API key from
 * BENCH_CONCURRENCY workers for BENCH_SECONDS. Each verification reads the
 * credential and writes its audit entry (the read of confidential data is
 * audited), exactly as in production.
 */
import { randomUUID } from "node:crypto";
import { loadConfig } from "../src/config.ts";
import { openPostgres } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import { ensureTowns, loadNames, loadTowns } from "../src/db/reference-data.ts";
import { addDays, addYears, fromEpochDay, toEpochDay, type PlainDate } from "../src/law/core/dates.ts";
import { createRng, weightedPicker } from "../src/lib/random.ts";
import { systemClock } from "../src/lib/clock.ts";
import { simulatedAdapters } from "../src/adapters/index.ts";
import { createApiKey, createUser } from "../src/modules/auth/service.ts";
import { fmt, load, log, pgbench, psql, startPostgres, startStateline, writeSection } from "./lib.ts";

const HOLDERS = Number(process.env.BENCH_HOLDERS ?? 180_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const TODAY = "2026-11-20" as PlainDate;

export interface Holder {
  number: string;
  lastName: string;
  birthDate: string;
  kind: string;
}

/** Bulk-loads synthetic holders: people and one active credential each, 10,000 rows per statement. */
export async function loadHolders(
  db: Awaited<ReturnType<typeof openPostgres>>,
  count: number,
  seed = 7,
): Promise<Holder[]> {
  const rng = createRng(seed);
  const towns = loadTowns();
  const names = loadNames();
  const pickTown = weightedPicker(towns.map((t) => t.population));
  const kinds = [
    "state-handgun-permit",
    "handgun-eligibility-certificate",
    "long-gun-eligibility-certificate",
    "ammunition-certificate",
  ] as const;
  const prefix = {
    "state-handgun-permit": "SP",
    "handgun-eligibility-certificate": "HE",
    "long-gun-eligibility-certificate": "LE",
    "ammunition-certificate": "AC",
  } as const;
  const holders: Holder[] = [];
  for (let start = 0; start < count; start += 10_000) {
    const n = Math.min(10_000, count - start);
    const ids: string[] = [],
      first: string[] = [],
      last: string[] = [],
      birth: string[] = [],
      town: string[] = [];
    const numbers: string[] = [],
      ckind: string[] = [],
      issued: string[] = [],
      expires: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      const b = fromEpochDay(toEpochDay(addYears(TODAY, -80)) + rng.int(0, 58 * 365));
      const kind = rng.pick(kinds);
      const iss = addDays(TODAY, -rng.int(0, 4 * 365));
      const num = `${prefix[kind]}-${2_000_000 + start + i}`;
      ids.push(id);
      first.push(rng.pick(names.male));
      last.push(rng.pick(names.last));
      birth.push(b);
      town.push(towns[pickTown(rng.next())]!.name);
      numbers.push(num);
      ckind.push(kind);
      issued.push(iss);
      expires.push(addYears(iss, 5));
      holders.push({ number: num, lastName: last[last.length - 1]!, birthDate: b, kind });
    }
    await db.tx(async (q) => {
      await q.query(
        `INSERT INTO people (id, first_name, last_name, birth_date, town, state) SELECT a, b, c, d, e, 'CT' FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::text[]) AS t(a,b,c,d,e)`,
        [ids, first, last, birth, town],
      );
      await q.query(
        `INSERT INTO credentials (number, person_id, kind, status, issued_on, expires_on, fee_cents) SELECT a, b, c, 'active', d, e, 7000 FROM unnest($1::text[], $2::uuid[], $3::text[], $4::date[], $5::date[]) AS t(a,b,c,d,e)`,
        [numbers, ids, ckind, issued, expires],
      );
    });
    log(`loaded ${fmt(start + n)} / ${fmt(count)} holders`);
  }
  await db.query("ANALYZE people");
  await db.query("ANALYZE credentials");
  return holders;
}

const PURPOSE: Record<string, string> = {
  "state-handgun-permit": "handgun-purchase",
  "handgun-eligibility-certificate": "handgun-purchase",
  "long-gun-eligibility-certificate": "long-gun-purchase",
  "ammunition-certificate": "ammunition-purchase",
};

async function main(): Promise<void> {
  const pgPort = Number(process.env.BENCH_PG_PORT ?? 54340);
  const pgs = startPostgres(pgPort);
  try {
    log("pgbench -S baseline");
    const clients = CONCURRENCY;
    const selectTps = pgbench(pgs.baseUrl, {
      selectOnly: true,
      clients,
      seconds: Math.min(SECONDS, 15),
      scale: 10,
      init: true,
    });
    log(`pgbench -S: ${fmt(selectTps)} tps`);

    try {
      psql(pgs.baseUrl, "postgres", "DROP DATABASE IF EXISTS stateline_bench WITH (FORCE)");
    } catch {
      /* first run */
    }
    psql(pgs.baseUrl, "postgres", "CREATE DATABASE stateline_bench");
    const url = `${pgs.baseUrl}/stateline_bench`;
    const db = await openPostgres(url);
    await migrate(db);
    await ensureTowns(db);
    const t0 = performance.now();
    const holders = await loadHolders(db, HOLDERS);
    const loadSeconds = (performance.now() - t0) / 1000;
    const config = { ...loadConfig({}), passwordCost: 10 };
    const dealer = await createUser(db, {
      username: "bench-dealer",
      displayName: "Bench Dealer",
      role: "dealer",
      password: "bench-password-123",
      passwordCost: 10,
    });
    const ctx = {
      db,
      config,
      clock: systemClock(TODAY),
      adapters: simulatedAdapters(),
      user: dealer,
      today: TODAY,
      requestId: "bench",
    };
    const key = (await createApiKey(ctx, dealer.id, "bench")).key;
    await db.close();

    const server = await startStateline({
      DATABASE_URL: url,
      STATELINE_TODAY: TODAY,
      STATELINE_LOG: "0",
      // A load test is many requests from one client and a few keys: the per-client rate limits would refuse them.
      STATELINE_RATE_LIMITS: "0",
      PORT: process.env.BENCH_PORT ?? "3999",
    });
    try {
      const rng = createRng(11);
      const next = () => {
        const h = holders[rng.int(0, holders.length - 1)]!;
        const wrong = rng.chance(0.1);
        return {
          method: "POST",
          path: "/api/v1/verifications",
          headers: {
            authorization: `Bearer ${key}`,
            "content-type": "application/json",
            "idempotency-key": randomUUID(),
          },
          body: JSON.stringify({
            credentialNumber: h.number,
            lastName: wrong ? "Nobody" : h.lastName,
            birthDate: h.birthDate,
            purpose: PURPOSE[h.kind],
          }),
        };
      };
      log("warm-up");
      await load({ url: server.url, concurrency: CONCURRENCY, seconds: 3, next });
      log(`verifications for ${SECONDS} s with ${CONCURRENCY} workers`);
      const r = await load({ url: server.url, concurrency: CONCURRENCY, seconds: SECONDS, next, ok: (s) => s === 200 });
      log(`${fmt(r.perSecond)} verifications/s, p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms, errors ${r.errors}`);
      const ratio = r.perSecond / selectTps;
      const target = selectTps / 3;
      writeSection(
        "Credential verification (bench/verify)",
        `
Run: \`npm run bench:verify\` on ${new Date().toISOString().slice(0, 10)}. PostgreSQL 15 throwaway cluster (fsync on), ${fmt(HOLDERS)} holders bulk-loaded in ${fmt(loadSeconds, 1)} s,
\`stateline serve\` as a separate process, load generator in a third process, ${CONCURRENCY} concurrent keep-alive connections for ${SECONDS} s.
Each verification authenticates the dealer's API key (cached for 30 s), reads the credential and person in one statement, asks the rulebook whether the credential is valid for the purpose, and appends its audit entry (one INSERT, committed with fsync; the hash chain is sealed after commit by the sealer). A verification is a read, so it carries no idempotency key.
Why it falls short: two statements and one durable commit per request are cheap for PostgreSQL, but each request also costs a full HTTP parse, zod validation and JSON answer in one Node process sharing 2 cores with the database and the load generator; \`pgbench -S\` is one prepared SELECT from a C client with no HTTP and no write. Serving verification reads from replicas and running several Node processes are the scale path (\`docs/ARCHITECTURE.md\`).

| figure | measured | baseline (same run) | target | met? |
|---|---|---|---|---|
| credential verifications per second | ${fmt(r.perSecond)} | \`pgbench -S\` ${fmt(selectTps)} tps (${CONCURRENCY} clients, scale 10) | at least a third of \`pgbench -S\`: ${fmt(target)} | ${r.perSecond >= target ? "yes" : `no (${fmt(ratio * 100, 1)} % of pgbench -S)`} |
| latency p50 / p90 / p99 / max (ms) | ${fmt(r.p50, 1)} / ${fmt(r.p90, 1)} / ${fmt(r.p99, 1)} / ${fmt(r.max, 1)} | | | |
| requests / non-200 answers | ${fmt(r.requests)} / ${fmt(r.errors)} | | | |
`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    pgs.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
