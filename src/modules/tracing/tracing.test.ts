/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * Traces: who may ask and read (401/403, refused reads audited), malformed input (4xx naming the
 * field), the answer from Stateline's own records (first retail sale, later transfers, time to
 * crime, possessor = purchaser), referral to ATF (the SIMULATOR) and its answer, privately made
 * guns, idempotent retries, and every read audited with its purpose.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, count, expectProblem, expectStatus, json, type Call } from "../../../test/api/support.ts";
import { runDueJobs } from "../jobs/index.ts";
import { tracingModule } from "./module.ts";
import { pollAtfReferrals } from "./referrals.ts";
import { configure, person, PURPOSE_HEADER, sale, shop, traceBody } from "./testkit.ts";
import type { AtfSimulator } from "../../adapters/atf/simulator.ts";
import type { PlainDate } from "../../law/core/dates.ts";

let env: TestEnv, call: Call, atf: AtfSimulator;
const post = (who: Parameters<Call>[0], payload: unknown, headers: Record<string, string> = {}) =>
  call(who, { method: "POST", url: "/api/v1/tracing/traces", payload, headers });

before(async () => {
  env = await createTestEnv({ today: "2026-11-20" });
  call = caller(env);
  ({ atf } = configure(env));
});
after(() => env.close());

describe("access", () => {
  test("401 without signing in", async () => {
    expectProblem(await post(null, traceBody()), 401);
  });
  test("403 for roles that do not ask traces", async () => {
    for (const role of ["dealer", "resident", "licensing_staff", "auditor", "ammunition_vendor"] as const)
      expectProblem(await post(role, traceBody()), 403);
  });
  test("police and the task force may ask", async () => {
    expectStatus(await post("law_enforcement", traceBody({ serial: "ACCESS1" })), 201);
    expectStatus(await post("trafficking_task_force", traceBody({ serial: "ACCESS2" })), 201);
  });
});

describe("malformed input gets a 4xx naming the field", () => {
  const cases: [string, (b: any) => void, string][] = [
    [
      "missing serial while present",
      (b) => {
        delete b.firearm.serialNumber;
      },
      "firearm.serialNumber",
    ],
    [
      "serial given for a privately made gun",
      (b) => {
        b.firearm.serialStatus = "privately-made";
      },
      "firearm.serialNumber",
    ],
    [
      "bad date",
      (b) => {
        b.recovery.date = "2026-02-30";
      },
      "recovery.date",
    ],
    [
      "unknown field",
      (b) => {
        b.extra = 1;
      },
      "extra",
    ],
    [
      "bad priority",
      (b) => {
        b.priority = "soon";
      },
      "priority",
    ],
    [
      "bad state",
      (b) => {
        b.recovery.state = "Connecticut";
      },
      "recovery.state",
    ],
    [
      "no purpose",
      (b) => {
        delete b.purpose;
      },
      "purpose",
    ],
    [
      "short purpose",
      (b) => {
        b.purpose.text = "why";
      },
      "purpose.text",
    ],
    [
      "coordinates out of range",
      (b) => {
        b.recovery.coordinates = { lat: 91, lon: 0 };
      },
      "recovery.coordinates.lat",
    ],
    [
      "serial with symbols",
      (b) => {
        b.firearm.serialNumber = "AB<script>";
      },
      "firearm.serialNumber",
    ],
  ];
  for (const [name, mutate, field] of cases) {
    test(name, async () => {
      const b = traceBody();
      mutate(b);
      expectProblem(await post("law_enforcement", b), 400, field);
    });
  }
  test("a recovery in the future is refused (today is allowed)", async () => {
    expectProblem(await post("law_enforcement", traceBody({ recoveredOn: "2026-11-21" })), 400, "recovery.date");
    expectStatus(await post("law_enforcement", traceBody({ recoveredOn: "2026-11-20", serial: "TODAY1" })), 201);
  });
  test("not JSON at all", async () => {
    const r = await call("law_enforcement", {
      method: "POST",
      url: "/api/v1/tracing/traces",
      payload: "{nope",
      headers: { "content-type": "application/json" },
    });
    assert.ok(r.statusCode >= 400 && r.statusCode < 500, `got ${r.statusCode}`);
  });
});

describe("answered at once from Stateline's own records", () => {
  test("first retail sale, a later private transfer, time to crime and possessor = purchaser", async () => {
    const d = await shop(env, { name: "Depot Arms" });
    const d2 = await shop(env, { name: "Second Shop" });
    const buyer = await person(env.services.db, { firstName: "Jordan", lastName: "Straw", birthDate: "1990-01-01" });
    const second = await person(env.services.db, { firstName: "Avery", lastName: "Next" });
    await sale(env.services.db, { dealerId: d.id, buyer, on: "2025-06-01", serial: "OWN100" });
    await sale(env.services.db, {
      dealerId: d2.id,
      buyer: second,
      on: "2026-01-15",
      serial: "OWN100",
      retail: false,
      sellerName: "Jordan Straw",
    });
    // a cancelled sale and a sale after the recovery are not part of the history
    await sale(env.services.db, {
      dealerId: d.id,
      buyer: second,
      on: "2025-05-01",
      serial: "OWN100",
      status: "cancelled",
    });
    // the same serial number under another maker is another gun
    await sale(env.services.db, { dealerId: d.id, buyer: second, on: "2024-01-01", serial: "OWN100", make: "RUG" });
    const res = await post(
      "law_enforcement",
      traceBody({ serial: "own100", recoveredOn: "2026-11-01", possessor: { firstName: "jordan", lastName: "STRAW" } }),
    );
    expectStatus(res, 201);
    const b = json(res);
    assert.equal(b.trace.status, "answered");
    assert.equal(b.trace.sourceState, "CT");
    assert.equal(b.answer.firstRetailSale.dealer.name, "Depot Arms");
    assert.equal(b.answer.firstRetailSale.date, "2025-06-01");
    assert.equal(b.answer.firstRetailSale.buyer.lastName, "Straw");
    assert.equal(b.answer.laterTransfers.length, 1);
    assert.equal(b.answer.laterTransfers[0].dealer.name, "Second Shop");
    assert.equal(b.answer.timeToCrimeDays, 518);
    assert.equal(b.answer.possessorIsPurchaser, "yes");
    assert.equal(
      typeof b.answer.lostStolen.available,
      "boolean",
      "whether the lost/stolen check ran is said, not hidden",
    );
    assert.deepEqual(b.answer.lostStolen.reports, []);
    assert.deepEqual(b.referredTo, []);
    const audits = await env.services.db.query(
      "SELECT purpose, details FROM audit_log WHERE action = 'trace.request' AND entity_id = $1",
      [b.trace.id],
    );
    assert.equal(audits.length, 1);
    assert.match(audits[0]!.purpose, /^firearm-trace: Recovered at a shooting scene/);
  });

  test("a possessor who is not the purchaser, and a birth date that differs", async () => {
    const d = await shop(env);
    const buyer = await person(env.services.db, { firstName: "Sam", lastName: "Owner", birthDate: "1970-03-03" });
    await sale(env.services.db, { dealerId: d.id, buyer, on: "2026-10-31", serial: "OWN200" });
    const other = json(
      await post(
        "law_enforcement",
        traceBody({ serial: "OWN200", possessor: { firstName: "Kim", lastName: "Other" } }),
      ),
    );
    assert.equal(other.answer.possessorIsPurchaser, "no");
    assert.equal(other.answer.timeToCrimeDays, 1, "sold the day before the recovery");
    const dob = json(
      await post(
        "law_enforcement",
        traceBody({ serial: "OWN200", possessor: { firstName: "Sam", lastName: "Owner", birthDate: "1971-03-03" } }),
      ),
    );
    assert.equal(dob.answer.possessorIsPurchaser, "no");
    const unknown = json(await post("law_enforcement", traceBody({ serial: "OWN200" })));
    assert.equal(unknown.answer.possessorIsPurchaser, "unknown");
  });

  test("a gun sold on the day of the recovery has a time to crime of 0; one sold the day after is not in its history", async () => {
    const d = await shop(env);
    const buyer = await person(env.services.db);
    await sale(env.services.db, { dealerId: d.id, buyer, on: "2026-11-01", serial: "SAMEDAY1" });
    await sale(env.services.db, { dealerId: d.id, buyer, on: "2026-11-02", serial: "NEXTDAY1" });
    assert.equal(json(await post("law_enforcement", traceBody({ serial: "SAMEDAY1" }))).answer.timeToCrimeDays, 0);
    const n = json(await post("law_enforcement", traceBody({ serial: "NEXTDAY1" })));
    assert.equal(n.trace.status, "referred");
    assert.equal(n.answer.firstRetailSale, null);
  });

  test("a privately made gun without a serial number is untraceable and not referred", async () => {
    const b = json(await post("law_enforcement", traceBody({ serialStatus: "privately-made", town: "New Haven" })));
    assert.equal(b.trace.status, "untraceable");
    assert.deepEqual(b.referredTo, []);
  });

  test("a retry with the same Idempotency-Key stores one trace", async () => {
    const before = await count(env, "traces");
    const h = { "idempotency-key": "trace-retry-0001" };
    const a = await post("law_enforcement", traceBody({ serial: "RETRY1" }), h);
    const b = await post("law_enforcement", traceBody({ serial: "RETRY1" }), h);
    expectStatus(a, 201);
    expectStatus(b, 201);
    assert.equal(json(a).trace.id, json(b).trace.id);
    assert.equal(await count(env, "traces"), before + 1);
  });
});

describe("referred to ATF when Stateline has no record", () => {
  test("the eTrace SIMULATOR answers an urgent trace after a day; the trace completes with the source state", async () => {
    atf.knowGun({
      make: "GLK",
      serialNumber: "ATF777",
      dealer: { name: "Peach State Guns", fflNumber: "1-58-001-01-1A-54321", state: "GA" },
      purchasedOn: "2025-11-01",
      purchaser: { firstName: "Lee", lastName: "Far" },
    });
    const b = json(
      await post(
        "trafficking_task_force",
        traceBody({ serial: "ATF777", make: "GLK", possessor: { firstName: "Lee", lastName: "Far" } }),
      ),
    );
    assert.equal(b.trace.status, "referred");
    assert.deepEqual(b.referredTo, ["atf"]);
    const run = await runDueJobs(env.services, tracingModule.jobs ?? []);
    assert.ok(run, "jobs ran");
    const ref = await env.services.db.query(
      "SELECT status, external_reference FROM trace_referrals WHERE trace_id = $1",
      [b.trace.id],
    );
    assert.equal(ref[0]!.status, "sent");
    assert.match(ref[0]!.external_reference, /^T\d{11}$/);
    assert.equal(await pollAtfReferrals(env.ctx(null)), 0, "not answered before a day has passed");
    env.clock.advance(86_400_000);
    assert.ok((await pollAtfReferrals(env.ctx(null))) >= 1);
    const got = json(
      await call("trafficking_task_force", {
        method: "GET",
        url: `/api/v1/tracing/traces/${b.trace.id}`,
        headers: PURPOSE_HEADER,
      }),
    );
    assert.equal(got.trace.status, "completed");
    assert.equal(got.trace.answeredBy, "atf");
    assert.equal(got.trace.sourceState, "GA");
    assert.equal(got.trace.timeToCrimeDays, 365);
    assert.equal(got.trace.possessorIsPurchaser, "yes");
    assert.ok(got.answers.some((a: any) => a.action === "answer-atf"));
    env.clock.set("2026-11-20" as PlainDate);
  });

  test("an unknown gun comes back as no record", async () => {
    const b = json(await post("law_enforcement", traceBody({ serial: "NOWHERE1", make: "HIP", priority: "routine" })));
    await runDueJobs(env.services, tracingModule.jobs ?? []);
    env.clock.advance(9 * 86_400_000);
    await pollAtfReferrals(env.ctx(null));
    const t = await env.services.db.query("SELECT status FROM traces WHERE id = $1", [b.trace.id]);
    assert.equal(t[0]!.status, "no-record");
    env.clock.set("2026-11-20" as PlainDate);
  });
});

describe("eTrace outage", () => {
  test("a referral waits while eTrace is down (the job fails and is retried) and is sent when it returns", async () => {
    const { processReferral } = await import("./referrals.ts");
    const b = json(await post("law_enforcement", traceBody({ serial: "OUTAGE1", make: "HIP" })));
    const ref = await env.services.db.query<{ id: string }>(
      "SELECT id::text FROM trace_referrals WHERE trace_id = $1 AND target = 'atf'",
      [b.trace.id],
    );
    atf.setOutage(true);
    try {
      await assert.rejects(processReferral(env.ctx(null), ref[0]!.id), /eTrace is not answering/);
    } finally {
      atf.setOutage(false);
    }
    const waiting = await env.services.db.query(
      "SELECT status, attempts, last_error FROM trace_referrals WHERE id = $1",
      [ref[0]!.id],
    );
    assert.deepEqual([waiting[0]!.status, waiting[0]!.attempts], ["pending", 1]);
    assert.equal(await processReferral(env.ctx(null), ref[0]!.id), "sent");
    assert.equal(await processReferral(env.ctx(null), ref[0]!.id), "sent", "a second run sends nothing more");
    assert.equal(atf.requests.filter((r) => r.firearm.serialNumber === "OUTAGE1").length, 1);
  });
});

describe("every trace read is audited with its purpose", () => {
  test("a read without a purpose is refused; with one it is audited; a refused role's read is audited as denied", async () => {
    const b = json(await post("law_enforcement", traceBody({ serial: "READ1" })));
    const url = `/api/v1/tracing/traces/${b.trace.id}`;
    expectProblem(await call("law_enforcement", { method: "GET", url }), 400, "header.stateline-purpose");
    expectProblem(
      await call("law_enforcement", { method: "GET", url, headers: { "stateline-purpose": "firearm-trace; short" } }),
      400,
      "header.stateline-purpose",
    );
    expectProblem(await call(null, { method: "GET", url, headers: PURPOSE_HEADER }), 401);
    const before = await count(env, "audit_log WHERE action = 'trace.read' AND entity_id = $1", [b.trace.id]);
    expectStatus(await call("law_enforcement", { method: "GET", url, headers: PURPOSE_HEADER }), 200);
    const rows = await env.services.db.query(
      "SELECT purpose, outcome FROM audit_log WHERE action = 'trace.read' AND entity_id = $1 ORDER BY seq",
      [b.trace.id],
    );
    assert.equal(rows.length, before + 1);
    assert.equal(rows.at(-1)!.outcome, "success");
    assert.match(rows.at(-1)!.purpose, /firearm-trace: Recovered at a shooting scene/);
    expectProblem(await call("dealer", { method: "GET", url, headers: PURPOSE_HEADER }), 403);
    const denied = await env.services.db.query(
      "SELECT outcome FROM audit_log WHERE action = 'trace.read' AND entity_id = $1 AND outcome = 'denied'",
      [b.trace.id],
    );
    assert.equal(denied.length, 1);
  });

  test("the list is audited with the ids shown", async () => {
    const r = await call("trafficking_task_force", {
      method: "GET",
      url: "/api/v1/tracing/traces?serial=READ1",
      headers: PURPOSE_HEADER,
    });
    expectStatus(r, 200);
    const ids = json(r).items.map((t: any) => t.id);
    assert.ok(ids.length >= 1);
    const a = await env.services.db.query(
      "SELECT details FROM audit_log WHERE action = 'traces.read' ORDER BY seq DESC LIMIT 1",
    );
    assert.deepEqual(a[0]!.details.shown, ids);
    expectProblem(
      await call("trafficking_task_force", {
        method: "GET",
        url: "/api/v1/tracing/traces?limit=0",
        headers: PURPOSE_HEADER,
      }),
      400,
      "query.limit",
    );
  });

  test("an unknown trace is 404 and a malformed id 400", async () => {
    expectProblem(
      await call("law_enforcement", {
        method: "GET",
        url: "/api/v1/tracing/traces/00000000-0000-4000-8000-000000000000",
        headers: PURPOSE_HEADER,
      }),
      404,
    );
    expectProblem(
      await call("law_enforcement", { method: "GET", url: "/api/v1/tracing/traces/nope", headers: PURPOSE_HEADER }),
      400,
      "params.id",
    );
  });
});
