/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * Dealer accountability (figures, ranking, a dealer sees only its own), trafficking leads (each
 * detector raises its lead with reason and evidence; dismiss; open a case; de-duplication), and
 * § 41 returns of stolen property.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectProblem, expectStatus, json, type Call } from "../../../test/api/support.ts";
import type { Dealer } from "../dealers/index.ts";
import { configure, person, PURPOSE_HEADER, sale, shop, traceBody } from "./testkit.ts";
import { setRegistriesForTests } from "./seams.ts";

let env: TestEnv, call: Call, mine: Dealer, other: Dealer;
const trace = async (
  b: Record<string, unknown>,
  who: "law_enforcement" | "trafficking_task_force" = "law_enforcement",
) => {
  const r = await call(who, { method: "POST", url: "/api/v1/tracing/traces", payload: b });
  expectStatus(r, 201);
  return json(r);
};

before(async () => {
  env = await createTestEnv({ today: "2026-11-20" });
  call = caller(env);
  configure(env);
  mine = await shop(env, { name: "Own Shop", staff: true });
  other = await shop(env, { name: "Busy Traces LLC" });
  // Busy Traces: 4 sales in the year, 3 of them traced (2 within three years); Own Shop: 2 sales, none traced.
  const straw = await person(env.services.db, { firstName: "Terry", lastName: "Straw" });
  for (const [i, on] of ["2026-01-10", "2026-02-10", "2026-03-10", "2026-04-10"].entries())
    await sale(env.services.db, { dealerId: other.id, buyer: straw, on, serial: `BUSY${i}` });
  const plain = await person(env.services.db);
  await sale(env.services.db, { dealerId: mine.id, buyer: plain, on: "2026-05-01", serial: "OWNSHOP1" });
  await sale(env.services.db, {
    dealerId: mine.id,
    buyer: plain,
    on: "2026-05-02",
    serial: "OWNSHOP2",
    handgun: false,
  });
  await sale(env.services.db, { dealerId: other.id, buyer: straw, on: "2019-01-01", serial: "OLD1" });
  for (const s of ["BUSY0", "BUSY1"])
    await trace(traceBody({ serial: s, possessor: { firstName: "Someone", lastName: "Else" } }));
  await trace(traceBody({ serial: "OLD1", possessor: { firstName: "Another", lastName: "Person" } }));
});
after(() => env.close());

describe("dealer accountability", () => {
  test("the ranking: traces per 1,000 sales, short time to crime, multiple sales", async () => {
    const r = await call("trafficking_task_force", { method: "GET", url: "/api/v1/tracing/dealers" });
    expectStatus(r, 200);
    const b = json(r);
    const busy = b.dealers.find((d: any) => d.dealerId === other.id);
    assert.equal(busy.sales, 4);
    assert.equal(busy.traces, 3);
    assert.equal(busy.tracesPer1000Sales, 750);
    assert.equal(busy.shortTimeToCrime, 2);
    assert.equal(busy.shortTimeToCrimeShare, 0.667);
    assert.equal(busy.multipleSales, 0, "a month apart is not a multiple sale");
    assert.equal(b.dealers[0].dealerId, other.id, "ranked first");
    const own = b.dealers.find((d: any) => d.dealerId === mine.id);
    assert.deepEqual([own.sales, own.traces, own.tracesPer1000Sales], [2, 0, 0]);
  });

  test("a dealer sees only its own figures", async () => {
    const own = await call("dealer", { method: "GET", url: "/api/v1/tracing/my-dealer" });
    expectStatus(own, 200);
    assert.equal(json(own).dealerId, mine.id);
    assert.equal(json(own).name, "Own Shop");
    expectStatus(await call("dealer", { method: "GET", url: `/api/v1/tracing/dealers/${mine.id}` }), 200);
    expectProblem(await call("dealer", { method: "GET", url: `/api/v1/tracing/dealers/${other.id}` }), 403);
    expectProblem(await call("dealer", { method: "GET", url: "/api/v1/tracing/dealers" }), 403);
    const denied = await env.services.db.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'tracing.dealer-figures.read' AND outcome = 'denied' AND entity_id = $1",
      [other.id],
    );
    assert.equal(denied[0]!.n, 1);
    expectProblem(await call("resident", { method: "GET", url: "/api/v1/tracing/my-dealer" }), 403);
    expectProblem(await call(null, { method: "GET", url: "/api/v1/tracing/my-dealer" }), 401);
  });

  test("a period that ends before it starts, or a bad date, is 400", async () => {
    expectProblem(
      await call("law_enforcement", { method: "GET", url: "/api/v1/tracing/dealers?from=2026-05-01&to=2026-04-01" }),
      400,
      "query.from",
    );
    expectProblem(
      await call("law_enforcement", { method: "GET", url: "/api/v1/tracing/dealers?from=2026-13-01" }),
      400,
      "query.from",
    );
  });

  test("out-of-state dealers named by ATF answers appear in their own list", async () => {
    const { atf } = configure(env);
    atf.knowGun({
      make: "SW",
      serialNumber: "OOS1",
      dealer: { name: "Southern Pawn", fflNumber: "1-57-002-01-1A-00001", state: "SC" },
      purchasedOn: "2026-06-01",
    });
    const t = await trace(traceBody({ serial: "OOS1" }));
    const { processReferral, pollAtfReferrals } = await import("./referrals.ts");
    const ref = await env.services.db.query("SELECT id::text FROM trace_referrals WHERE trace_id = $1", [t.trace.id]);
    await processReferral(env.ctx(null), ref[0]!.id);
    env.clock.advance(86_400_000);
    await pollAtfReferrals(env.ctx(null));
    const b = json(await call("law_enforcement", { method: "GET", url: "/api/v1/tracing/dealers?to=2026-11-21" }));
    assert.deepEqual(
      b.outOfState.map((d: any) => [d.name, d.state, d.traces, d.shortTimeToCrime]),
      [["Southern Pawn", "SC", 1, 1]],
    );
    env.clock.set("2026-11-20" as never);
  });
});

describe("trafficking leads", () => {
  test("the sweep raises a straw-purchase lead with its reason and evidence, once", async () => {
    expectProblem(await call("dealer", { method: "POST", url: "/api/v1/tracing/leads/sweep", payload: {} }), 403);
    const r = json(
      await call("trafficking_task_force", { method: "POST", url: "/api/v1/tracing/leads/sweep", payload: {} }),
    );
    assert.equal(r.raised["straw-purchase"], 1);
    const again = json(
      await call("trafficking_task_force", { method: "POST", url: "/api/v1/tracing/leads/sweep", payload: {} }),
    );
    assert.equal(again.raised["straw-purchase"], 0, "not raised twice");
    const list = json(
      await call("trafficking_task_force", {
        method: "GET",
        url: "/api/v1/tracing/leads?kind=straw-purchase",
        headers: PURPOSE_HEADER,
      }),
    );
    assert.equal(list.total, 1);
    const l = list.items[0];
    assert.equal(l.subject.label, "Terry Straw");
    assert.match(l.reason, /2 guns bought by Terry Straw were recovered in someone else's hands/);
    assert.equal(l.evidence.traceIds.length, 2);
    expectProblem(
      await call("trafficking_task_force", { method: "GET", url: "/api/v1/tracing/leads" }),
      400,
      "header.stateline-purpose",
    );
  });

  test("privately made guns by town and online sellers named in traces", async () => {
    for (let i = 0; i < 3; i++) await trace(traceBody({ serialStatus: "privately-made", town: "Waterbury" }));
    await trace(traceBody({ serialStatus: "privately-made", town: "Bristol" }));
    for (const s of ["ONL1", "ONL2"])
      await trace(traceBody({ serial: s, acquisition: { channel: "online", seller: "GunDeals4U" } }));
    await trace(traceBody({ serial: "ONL3", acquisition: { channel: "online", seller: "gundeals4u" } }));
    const r = json(await call("law_enforcement", { method: "POST", url: "/api/v1/tracing/leads/sweep", payload: {} }));
    assert.equal(r.raised["privately-made-cluster"], 1);
    assert.equal(r.raised["online-seller"], 1);
    const list = json(
      await call("law_enforcement", {
        method: "GET",
        url: "/api/v1/tracing/leads?kind=online-seller",
        headers: PURPOSE_HEADER,
      }),
    );
    assert.equal(list.items[0].evidence.traceIds.length, 3, "seller names match without regard to case");
    const pm = json(
      await call("law_enforcement", {
        method: "GET",
        url: "/api/v1/tracing/leads?kind=privately-made-cluster",
        headers: PURPOSE_HEADER,
      }),
    );
    assert.equal(pm.items[0].subject.label, "Waterbury");
  });

  test("unlicensed dealing: many guns of one model to one buyer", async () => {
    const p = await person(env.services.db, { firstName: "Morgan", lastName: "Bulk" });
    for (let i = 0; i < 3; i++)
      await sale(env.services.db, {
        dealerId: mine.id,
        buyer: p,
        on: `2026-0${i + 6}-15`,
        serial: `BULK${i}`,
        model: "G19",
        make: "GLK",
      });
    const r = json(await call("law_enforcement", { method: "POST", url: "/api/v1/tracing/leads/sweep", payload: {} }));
    assert.equal(r.raised["unlicensed-dealing"], 1);
  });

  test("dismiss with a reason, open a case, and what may follow", async () => {
    const list = json(
      await call("trafficking_task_force", {
        method: "GET",
        url: "/api/v1/tracing/leads?status=open",
        headers: PURPOSE_HEADER,
      }),
    );
    const [a, b] = list.items;
    expectProblem(
      await call("trafficking_task_force", {
        method: "POST",
        url: `/api/v1/tracing/leads/${a.id}/dismiss`,
        payload: { reason: "no" },
      }),
      400,
      "reason",
    );
    const d = json(
      await call("trafficking_task_force", {
        method: "POST",
        url: `/api/v1/tracing/leads/${a.id}/dismiss`,
        payload: { reason: "explained by a licensed collector's records" },
      }),
    );
    assert.equal(d.lead.status, "dismissed");
    expectProblem(
      await call("trafficking_task_force", {
        method: "POST",
        url: `/api/v1/tracing/leads/${a.id}/open-case`,
        payload: {},
      }),
      409,
    );
    const c = json(
      await call("trafficking_task_force", {
        method: "POST",
        url: `/api/v1/tracing/leads/${b.id}/open-case`,
        payload: { title: "Operation Test" },
      }),
    );
    assert.equal(c.lead.status, "case-opened");
    assert.match(c.lead.case.number, /^TC-/);
    expectProblem(
      await call("dealer", {
        method: "POST",
        url: `/api/v1/tracing/leads/${b.id}/dismiss`,
        payload: { reason: "not mine to dismiss" },
      }),
      403,
    );
  });
});

describe("§ 41: returning stolen property", () => {
  test("a recovered gun reported stolen is flagged for return with the owner's record and the ammunition; the return is recorded once", async () => {
    const owner = await person(env.services.db, { firstName: "Rightful", lastName: "Owner" });
    setRegistriesForTests({
      lostStolenBySerial: async (_q, serial) =>
        serial.toUpperCase() === "STOLEN1"
          ? [
              {
                id: "00000000-0000-4000-8000-000000000041",
                kind: "stolen" as const,
                reportedAt: "2026-09-01T12:00:00Z",
                personId: owner.id,
              },
            ]
          : [],
    });
    try {
      const t = await trace(traceBody({ serial: "STOLEN1", ammunitionRecovered: 15 }));
      assert.equal(t.trace.reportedStolen, true);
      assert.deepEqual(t.trace.return, { status: "flagged", ownerPersonId: owner.id });
      assert.equal(t.answer.lostStolen.reports[0].reportedOn, "2026-09-01");
      const list = json(
        await call("law_enforcement", { method: "GET", url: "/api/v1/tracing/returns", headers: PURPOSE_HEADER }),
      );
      const item = list.items.find((i: any) => i.traceId === t.trace.id);
      assert.equal(item.owner.lastName, "Owner");
      assert.equal(item.ammunitionRecovered, 15);
      assert.equal(item.citation, "PA 13-3 § 41");
      expectProblem(
        await call("dealer", { method: "GET", url: "/api/v1/tracing/returns", headers: PURPOSE_HEADER }),
        403,
      );
      const url = `/api/v1/tracing/traces/${t.trace.id}/return`;
      expectProblem(
        await call("law_enforcement", { method: "POST", url, payload: { returnedOn: "2026-10-31" } }),
        400,
        "returnedOn",
      );
      expectProblem(
        await call("law_enforcement", { method: "POST", url, payload: { returnedOn: "2026-11-21" } }),
        400,
        "returnedOn",
      );
      const done = json(
        await call("law_enforcement", {
          method: "POST",
          url,
          payload: { returnedOn: "2026-11-20", note: "handed over at headquarters" },
        }),
      );
      assert.equal(done.trace.return.status, "returned");
      expectProblem(await call("law_enforcement", { method: "POST", url, payload: { returnedOn: "2026-11-20" } }), 409);
    } finally {
      setRegistriesForTests(null);
    }
  });
});
