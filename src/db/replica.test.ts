/**
 * Verification from a streaming replica (src/db/replica.ts): the credential is read through the
 * replica's query function and its audit entry is written to the primary; a replica that cannot
 * answer falls back to the primary; while the primary cannot be reached the audit entry waits in a
 * durable spool and is replayed exactly once. The "replica" here is a second database holding a
 * credential the primary does not have, so a valid answer proves which database was read.
 * Runs on PGlite, and on two PostgreSQL databases when DATABASE_URL is set.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { after, afterEach, before, test } from "node:test";
import { createTestEnv, freshDb, type TestEnv } from "../../test/helpers.ts";
import type { Db, Queryable } from "./client.ts";
import { migrate } from "./migrate.ts";
import { ensureTowns } from "./reference-data.ts";
import { readerOf, auditWriterOf, replaySpool, replicaRoute, spoolLength } from "./replica.ts";

let env: TestEnv;
let replica: Db;
let dropReplica: () => Promise<void>;
let spoolDir: string;

const ONLY_ON_REPLICA = { number: "SP-7700001", lastName: "Replicaholder", birthDate: "1975-03-04" };
const body = {
  credentialNumber: ONLY_ON_REPLICA.number,
  lastName: ONLY_ON_REPLICA.lastName,
  birthDate: ONLY_ON_REPLICA.birthDate,
  purpose: "handgun-purchase",
};

const lost = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

/** A query function that fails as an unreachable server does, counting its calls. */
function unreachable(): Queryable & { calls: number } {
  const q = {
    calls: 0,
    async query(): Promise<never> {
      q.calls += 1;
      throw lost();
    },
  };
  return q;
}

async function verify(): Promise<{ status: number; json: { valid?: boolean; reference?: string } }> {
  const r = await env.as("dealer", { method: "POST", url: "/api/v1/verifications", payload: body });
  return { status: r.statusCode, json: JSON.parse(r.body) as { valid?: boolean; reference?: string } };
}

const auditCount = async (db: Queryable, reference: string) =>
  (
    await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'credential.verify' AND details->>'reference' = $1",
      [reference],
    )
  )[0]!.n;

before(async () => {
  env = await createTestEnv();
  ({ db: replica, drop: dropReplica } = await freshDb());
  await migrate(replica);
  await ensureTowns(replica);
  const id = randomUUID();
  await replica.query(
    "INSERT INTO people (id, first_name, last_name, birth_date, town, state) VALUES ($1, 'Rita', $2, $3, 'Hartford', 'CT')",
    [id, ONLY_ON_REPLICA.lastName, ONLY_ON_REPLICA.birthDate],
  );
  await replica.query(
    "INSERT INTO credentials (number, person_id, kind, status, issued_on, expires_on, fee_cents) VALUES ($1, $2, 'state-handgun-permit', 'active', '2024-01-02', '2029-01-02', 7000)",
    [ONLY_ON_REPLICA.number, id],
  );
});
afterEach(() => {
  env.services.replica = undefined;
  if (spoolDir) rmSync(spoolDir, { recursive: true, force: true });
});
after(async () => {
  await env.close();
  await dropReplica();
});

const route = (primary: Db = env.services.db, rep: Queryable = replica) => {
  spoolDir = mkdtempSync(join(tmpdir(), "stateline-spool-"));
  return replicaRoute(primary, rep, spoolDir);
};

test("without a replica, reads and audit entries use the primary (the replica's credential is unknown)", async () => {
  assert.equal(readerOf(env.ctx("dealer")), env.services.db);
  assert.equal(auditWriterOf(env.ctx("dealer")), env.services.db);
  const r = await verify();
  assert.equal(r.status, 200);
  assert.equal(r.json.valid, false);
});

test("with a replica, the verification reads the replica and audits on the primary", async () => {
  const rr = route();
  env.services.replica = rr;
  const r = await verify();
  assert.equal(r.status, 200);
  assert.equal(r.json.valid, true, "only the replica holds this credential");
  assert.equal(rr.stats.replicaReads, 1);
  assert.equal(rr.stats.fallbackReads, 0);
  assert.equal(await auditCount(env.services.db, r.json.reference!), 1, "audit entry on the primary");
  assert.equal(await auditCount(replica, r.json.reference!), 0, "nothing written to the replica");
});

test("a replica that cannot answer: the read falls back to the primary", async () => {
  const down = unreachable();
  const rr = route(env.services.db, down);
  env.services.replica = rr;
  const r = await verify();
  assert.equal(r.status, 200);
  assert.equal(r.json.valid, false, "the primary does not hold the replica's credential");
  assert.equal(down.calls, 1);
  assert.equal(rr.stats.fallbackReads, 1);
  assert.equal(await auditCount(env.services.db, r.json.reference!), 1);
});

test("a replica read that fails for another reason is not retried on the primary", async () => {
  const rr = route(env.services.db, {
    query: () => Promise.reject(Object.assign(new Error("syntax error"), { code: "42601" })),
  });
  await assert.rejects(rr.read.query("SELECT 1"), /syntax error/);
  assert.equal(rr.stats.fallbackReads, 0);
});

test("primary unreachable: verification answers from the replica, its audit entry is spooled and replayed once", async () => {
  const primary = env.services.db;
  const down: Db = { ...primary, query: () => Promise.reject(lost()), tx: () => Promise.reject(lost()) };
  const rr = route(down);
  env.services.replica = rr;
  const r = await verify();
  assert.equal(r.status, 200);
  assert.equal(r.json.valid, true);
  assert.equal(rr.stats.spooled, 1);
  assert.equal(spoolLength(spoolDir), 1);
  assert.equal(await auditCount(primary, r.json.reference!), 0, "not on the primary yet");

  // Still down: the replay fails and keeps the spool.
  await assert.rejects(replaySpool(down, spoolDir));
  assert.equal(spoolLength(spoolDir), 1);

  // The primary is back.
  assert.equal(await replaySpool(primary, spoolDir), 1);
  assert.equal(await auditCount(primary, r.json.reference!), 1);
  assert.equal(spoolLength(spoolDir), 0);
  assert.equal(await replaySpool(primary, spoolDir), 0);
  assert.equal(await auditCount(primary, r.json.reference!), 1, "present once");
});

test("a spool replayed again after a crash between commit and removal does not insert twice", async () => {
  const primary = env.services.db;
  const down: Db = { ...primary, query: () => Promise.reject(lost()), tx: () => Promise.reject(lost()) };
  const rr = route(down);
  env.services.replica = rr;
  const r = await verify();
  assert.equal(r.status, 200);
  const [file] = readdirSync(spoolDir);
  const copy = join(spoolDir, "audit-spool.jsonl.copy");
  writeFileSync(copy, (await import("node:fs")).readFileSync(join(spoolDir, file!)));
  assert.equal(await replaySpool(primary, spoolDir), 1);
  // The same entries again, as if the file had not been removed after the commit; plus a torn last line.
  writeFileSync(
    join(spoolDir, "replaying-0-again.jsonl"),
    (await import("node:fs")).readFileSync(copy, "utf8") + '{"id":"torn',
  );
  rmSync(copy);
  assert.equal(await replaySpool(primary, spoolDir), 0);
  assert.equal(await auditCount(primary, r.json.reference!), 1);
});

test("only audit entries are spooled: any other write fails as unavailable (nothing half-written)", async () => {
  const primary = env.services.db;
  const down: Db = { ...primary, query: () => Promise.reject(lost()), tx: () => Promise.reject(lost()) };
  const rr = route(down);
  await assert.rejects(rr.audit.query("INSERT INTO sales (number) VALUES ($1)", ["X"]), /ECONNREFUSED/);
  await assert.rejects(rr.audit.query("SELECT 1"), /ECONNREFUSED/);
  assert.equal(rr.stats.spooled, 0);
  assert.equal(spoolLength(spoolDir), 0);
});

test("fresh reads (API keys) use the primary, and the replica only while the primary is unreachable", async () => {
  const sql = "SELECT count(*)::int AS n FROM credentials WHERE number = $1";
  const up = route();
  assert.equal((await up.primaryFirst.query<{ n: number }>(sql, [ONLY_ON_REPLICA.number]))[0]!.n, 0);
  const primary = env.services.db;
  const down = route({ ...primary, query: () => Promise.reject(lost()), tx: () => Promise.reject(lost()) });
  assert.equal((await down.primaryFirst.query<{ n: number }>(sql, [ONLY_ON_REPLICA.number]))[0]!.n, 1);
});
