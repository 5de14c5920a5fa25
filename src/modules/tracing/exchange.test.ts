/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * The partner-state exchange with two instances side by side: Connecticut and New York, each its
 * own database and Fastify server, New York listening on loopback. A gun sold in New York and
 * recovered in Connecticut is traced through the signed exchange; New York answers only the fields
 * of its agreement with Connecticut; both sides audit. Then the refusals: unsigned, tampered,
 * replayed, unknown key, malformed.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectProblem, expectStatus, json, type Call } from "../../../test/api/support.ts";
import { runDueJobs } from "../jobs/index.ts";
import { tracingModule } from "./module.ts";
import { configure, FIELDS_MINIMAL, keyPair, person, PURPOSE_HEADER, sale, shop, traceBody } from "./testkit.ts";
import { partner } from "./config.ts";
import { PARTNER_PATH } from "./exchange.ts";
import { signRequest } from "./signing.ts";

let ct: TestEnv, ny: TestEnv, callCt: Call, nyUrl: string;
const ctKeys = keyPair(),
  nyKeys = keyPair(),
  strangerKeys = keyPair();

before(async () => {
  [ct, ny] = await Promise.all([createTestEnv({ today: "2026-11-20" }), createTestEnv({ today: "2026-11-20" })]);
  callCt = caller(ct);
  nyUrl = await ny.app.listen({ port: 0, host: "127.0.0.1" });
  // New York's agreement with Connecticut: the dealer, the sale date and the time to crime; no purchaser.
  configure(ny, {
    state: "NY",
    keyId: "ny-1",
    privateKey: nyKeys.privateKey,
    partners: [
      partner({
        code: "CT",
        name: "Connecticut",
        url: "http://127.0.0.1:9",
        keyId: "ct-1",
        publicKey: ctKeys.publicKey,
        receives: FIELDS_MINIMAL,
      }),
    ],
  });
  configure(ct, {
    state: "CT",
    keyId: "ct-1",
    privateKey: ctKeys.privateKey,
    partners: [
      partner({
        code: "NY",
        name: "New York",
        url: nyUrl,
        keyId: "ny-1",
        publicKey: nyKeys.publicKey,
        receives: FIELDS_MINIMAL,
      }),
    ],
  });
});
after(async () => {
  await ct.close();
  await ny.close();
});

describe("a gun sold in New York, recovered in Connecticut", () => {
  test("traced through the signed exchange; New York sends only its agreement's fields; both sides audit", async () => {
    const d = await shop(ny, { name: "Empire Arms" });
    const buyer = await person(ny.services.db, { firstName: "Quinn", lastName: "Upstate", birthDate: "1988-08-08" });
    await sale(ny.services.db, { dealerId: d.id, buyer, on: "2025-11-20", serial: "NYGUN1", make: "RUG" });

    const r = await callCt("law_enforcement", {
      method: "POST",
      url: "/api/v1/tracing/traces",
      payload: traceBody({ serial: "NYGUN1", make: "RUG", possessor: { firstName: "Quinn", lastName: "Upstate" } }),
    });
    expectStatus(r, 201);
    const b = json(r);
    assert.equal(b.trace.status, "referred");
    assert.deepEqual(b.referredTo.sort(), ["atf", "partner:NY"]);

    await runDueJobs(ct.services, tracingModule.jobs ?? []);
    const got = json(
      await callCt("law_enforcement", {
        method: "GET",
        url: `/api/v1/tracing/traces/${b.trace.id}`,
        headers: PURPOSE_HEADER,
      }),
    );
    assert.equal(got.trace.status, "completed");
    assert.equal(got.trace.answeredBy, "partner");
    assert.equal(got.trace.sourceState, "NY");
    assert.equal(got.trace.firstSale.dealerName, "Empire Arms");
    assert.equal(got.trace.timeToCrimeDays, 346);
    assert.equal(
      got.trace.possessorIsPurchaser,
      "unknown",
      "New York did not send the purchaser's name, so Connecticut cannot say",
    );
    const nyRef = got.referrals.find((x: any) => x.target === "partner:NY");
    assert.equal(nyRef.status, "answered");
    assert.deepEqual(Object.keys(nyRef.answer.answer).sort(), ["dealer", "saleDate", "timeToCrimeDays"]);
    assert.ok(
      !JSON.stringify(nyRef.answer).includes("Quinn"),
      "no purchaser name crosses without the agreement naming it",
    );

    // New York audited its answer (with the fields sent) and kept the request as a trace of its dealer's gun.
    const nyAudit = await ny.services.db.query(
      "SELECT details, purpose FROM audit_log WHERE action = 'tracing.partner.answer'",
    );
    assert.equal(nyAudit.length, 1);
    assert.deepEqual(nyAudit[0]!.details.fieldsSent, FIELDS_MINIMAL);
    assert.equal(nyAudit[0]!.details.partner, "CT");
    const nyTrace = await ny.services.db.query(
      "SELECT origin, partner_code, first_dealer_id::text, recovery_state FROM traces",
    );
    assert.deepEqual(
      nyTrace.map((t) => [t.origin, t.partner_code, t.first_dealer_id, t.recovery_state]),
      [["partner", "CT", d.id, "CT"]],
    );
    // Connecticut audited the question and the answer it received.
    const ctAudit = await ct.services.db.query("SELECT details FROM audit_log WHERE action = 'tracing.partner.ask'");
    assert.equal(ctAudit.length, 1);
    assert.deepEqual(ctAudit[0]!.details.fieldsReceived, FIELDS_MINIMAL);
  });

  test("with purchaserName in the agreement, the name crosses and possessor = purchaser is answered", async () => {
    configure(ny, {
      state: "NY",
      keyId: "ny-1",
      privateKey: nyKeys.privateKey,
      partners: [
        partner({
          code: "CT",
          name: "Connecticut",
          url: "http://127.0.0.1:9",
          keyId: "ct-1",
          publicKey: ctKeys.publicKey,
          receives: [...FIELDS_MINIMAL, "purchaserName"],
        }),
      ],
    });
    const d = await shop(ny);
    const buyer = await person(ny.services.db, { firstName: "Rory", lastName: "Named" });
    await sale(ny.services.db, { dealerId: d.id, buyer, on: "2026-01-01", serial: "NYGUN2" });
    const b = json(
      await callCt("law_enforcement", {
        method: "POST",
        url: "/api/v1/tracing/traces",
        payload: traceBody({ serial: "NYGUN2", possessor: { firstName: "Rory", lastName: "Named" } }),
      }),
    );
    await runDueJobs(ct.services, tracingModule.jobs ?? []);
    const t = await ct.services.db.query("SELECT possessor_is_purchaser, source_state FROM traces WHERE id = $1", [
      b.trace.id,
    ]);
    assert.deepEqual([t[0]!.possessor_is_purchaser, t[0]!.source_state], ["yes", "NY"]);
    const ans = await ct.services.db.query(
      "SELECT answer FROM trace_referrals WHERE trace_id = $1 AND target = 'partner:NY'",
      [b.trace.id],
    );
    assert.deepEqual(
      ans[0]!.answer.answer.purchaser,
      { firstName: "Rory", lastName: "Named" },
      "the name and nothing else of the purchaser",
    );
  });
});

describe("the partner endpoint refuses what is not properly signed", () => {
  const body = JSON.stringify({
    reference: "TR-CT-1",
    requestingState: "CT",
    priority: "urgent",
    firearm: { make: "RUG", serialNumber: "X1" },
    recovery: { date: "2026-11-01", state: "CT", crimeCode: "5212" },
  });
  const url = () => `${nyUrl}${PARTNER_PATH}`;
  const send = (headers: Record<string, string>, b = body) => fetch(url(), { method: "POST", headers, body: b });
  const signed = (o: { key?: typeof ctKeys.privateKey; keyId?: string; b?: string; nonce?: string; now?: Date } = {}) =>
    signRequest({
      method: "POST",
      url: url(),
      body: o.b ?? body,
      keyId: o.keyId ?? "ct-1",
      privateKey: o.key ?? ctKeys.privateKey,
      now: o.now ?? ny.clock.now(),
      ...(o.nonce ? { nonce: o.nonce } : {}),
    });

  test("unsigned: 401", async () => {
    assert.equal((await send({ "content-type": "application/vnd.stateline.trace+json" })).status, 401);
  });
  test("a tampered body: 401", async () => {
    const h = signed();
    assert.equal((await send(h, body.replace("X1", "X2"))).status, 401);
  });
  test("signed by a key New York does not hold for Connecticut: 401", async () => {
    assert.equal((await send(signed({ key: strangerKeys.privateKey }))).status, 401);
    assert.equal((await send(signed({ keyId: "zz-9" }))).status, 401);
  });
  test("a signature older than the window: 401", async () => {
    assert.equal((await send(signed({ now: new Date(ny.clock.now().getTime() - 301_000) }))).status, 401);
  });
  test("a replayed request: 409 the second time", async () => {
    const h = signed({ nonce: "replay-nonce-0001" });
    assert.equal((await send(h)).status, 200);
    assert.equal((await send(h)).status, 409);
  });
  test("signed but malformed: 400 naming the field", async () => {
    const bad = body.replace('"urgent"', '"whenever"');
    const r = await send(signed({ b: bad }), bad);
    assert.equal(r.status, 400);
    assert.ok(JSON.stringify(await r.json()).includes("priority"));
  });
  test("a plain JSON post is refused as not the exchange's media type (4xx)", async () => {
    const r = await ny.app.inject({
      method: "POST",
      url: PARTNER_PATH,
      payload: JSON.parse(body),
      headers: { "content-type": "application/json" },
    });
    assert.ok(r.statusCode >= 400 && r.statusCode < 500, `got ${r.statusCode}`);
  });
  test("refusals are audited", async () => {
    const n = await ny.services.db.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'tracing.partner.refused' AND outcome = 'denied'",
    );
    assert.ok(n[0]!.n >= 4);
  });
  test("a Connecticut investigator cannot call the exchange as a user either", async () => {
    expectProblem(
      await callCt("law_enforcement", {
        method: "POST",
        url: PARTNER_PATH,
        payload: body,
        headers: { "content-type": "application/vnd.stateline.trace+json" },
      }),
      401,
    );
  });
});
