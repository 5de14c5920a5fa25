/**
 * The job runner: a job runs once; a failure is retried with backoff and then dead-lettered; an
 * administrator retries a dead job; a recurring job runs on its schedule; and a job whose worker
 * died holding the lease is taken over by another worker once the lease runs out.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import type { JobDef } from "../../lib/module.ts";
import { claimJob, enqueueJob, finishJob, listJobs, retryDeadJob, runDueJobs } from "./service.ts";

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(() => env.close());

const ran: string[] = [];
let failNext = 0;
const defs: JobDef[] = [
  { name: "test.echo", run: async (_ctx, p: { v: string }) => void ran.push(p.v) },
  {
    name: "test.flaky",
    maxAttempts: 3,
    backoffSeconds: 10,
    run: async () => {
      if (failNext-- > 0) throw new Error("not now");
      return "ok";
    },
  },
  { name: "test.tick", every: { seconds: 60 }, maxAttempts: 1, run: async () => void ran.push("tick") },
  { name: "test.slow", leaseSeconds: 30, run: async (_ctx, p: { v: string }) => void ran.push(p.v) },
];
const enqueue = (name: string, payload: unknown, opts = {}) =>
  enqueueJob(env.services.db, env.clock.now(), name, payload, opts);
const job = async (id: number) =>
  (
    await env.services.db.query<{ status: string; attempts: number; run_at: string }>(
      "SELECT status, attempts, run_at FROM jobs WHERE id = $1",
      [id],
    )
  )[0]!;

describe("the job runner", () => {
  it("runs a queued job once, and a dedupe key queues it once", async () => {
    const a = await enqueue("test.echo", { v: "one" }, { dedupeKey: "echo:one" });
    assert.equal(await enqueue("test.echo", { v: "one" }, { dedupeKey: "echo:one" }), null);
    await runDueJobs(env.services, defs);
    assert.equal(ran.filter((v) => v === "one").length, 1);
    assert.equal((await job(a!)).status, "done");
    await runDueJobs(env.services, defs);
    assert.equal(ran.filter((v) => v === "one").length, 1, "not run twice");
  });

  it("retries with exponential backoff, dead-letters after the last attempt, and an administrator retries it", async () => {
    failNext = 3;
    const id = (await enqueue("test.flaky", {}, { maxAttempts: 3 }))!;
    await runDueJobs(env.services, defs);
    let j = await job(id);
    assert.equal(j.status, "queued");
    const first = new Date(j.run_at).getTime() - env.clock.now().getTime();
    assert.equal(first, 10_000);
    env.clock.advance(first);
    await runDueJobs(env.services, defs);
    j = await job(id);
    assert.equal(new Date(j.run_at).getTime() - env.clock.now().getTime(), 20_000, "the backoff doubles");
    env.clock.advance(20_000);
    await runDueJobs(env.services, defs);
    assert.equal((await job(id)).status, "dead");
    const dead = await listJobs(env.ctx("admin"), { status: "dead" });
    assert.ok(dead.some((d) => d.id === id && d.lastError === "not now"));
    await assert.rejects(retryDeadJob(env.ctx("licensing_staff"), id), { code: "forbidden" });
    await retryDeadJob(env.ctx("admin"), id);
    await runDueJobs(env.services, defs);
    assert.equal((await job(id)).status, "done");
    const outcomes = await env.services.db.query("SELECT outcome FROM job_attempts WHERE job_id = $1 ORDER BY id", [
      id,
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.outcome),
      ["failed", "failed", "dead", "retried-by-admin", "done"],
    );
  });

  it("runs a recurring job when its schedule is due, not before", async () => {
    env.clock.advance(61_000); // earlier runs already started the schedule
    const before = ran.filter((v) => v === "tick").length;
    await runDueJobs(env.services, defs);
    assert.equal(ran.filter((v) => v === "tick").length, before + 1);
    await runDueJobs(env.services, defs);
    assert.equal(ran.filter((v) => v === "tick").length, before + 1, "not again within the minute");
    env.clock.advance(61_000);
    await runDueJobs(env.services, defs);
    assert.equal(ran.filter((v) => v === "tick").length, before + 2);
  });

  it("hands a job to another worker when its worker dies holding the lease", async () => {
    const id = (await enqueue("test.slow", { v: "taken-over" }))!;
    const byName = new Map(defs.map((d) => [d.name, d]));
    const claimed = await claimJob(env.services.db, env.clock.now(), "worker-that-dies", byName);
    assert.equal(claimed?.id, id);
    // The worker is killed here: it never finishes. Within the lease nobody else takes the job.
    assert.equal((await runDueJobs(env.services, defs, { worker: "worker-b" })).ran, 0);
    env.clock.advance(31_000);
    await runDueJobs(env.services, defs, { worker: "worker-b" });
    assert.ok(ran.includes("taken-over"));
    assert.equal((await job(id)).status, "done");
    // If the first worker comes back, its late answer changes nothing.
    assert.equal(
      await finishJob(env.services.db, claimed!, "worker-that-dies", env.clock.now(), env.clock.now(), {
        ok: true,
        result: null,
      }),
      "lost-lease",
    );
    assert.equal((await job(id)).status, "done");
  });
});
