/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * Review of ammunition checks that need review (issue 9), through the API:
 * a one-letter typo in the buyer's last name sends the check to review;
 * licensing staff (and nobody else) read the entries beside the record with a
 * purpose that is audited, then authorize (the sale may be recorded that day),
 * deny with a reason, or send it back naming only the kinds of entry to
 * re-check; the seller sees the result, never the record, corrects the entry
 * and a new check runs. Each step is appended once (idempotent retries), is
 * refused out of turn (409), and reaches a firearm dealer's webhook without
 * personal data.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectProblem, expectStatus, json, type Call } from "../../../test/api/support.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { checkBody, holder, saleLines, setupSellers, type Sellers } from "./testkit.ts";

const TODAY = "2026-11-20" as PlainDate;
const PURPOSE = { "stateline-purpose": "licensing-review; review of a check that needs review" };

let env: TestEnv;
let call: Call;
let sellers: Sellers;

before(async () => {
  env = await createTestEnv({ today: TODAY });
  call = caller(env);
  sellers = await setupSellers(env);
});
after(async () => {
  await env.close();
});

/** A holder "Lindqvist" and a check entered as "Lindquist": needs review. */
async function typoCheck(who: any = "ammunition_vendor") {
  const h = await holder(env.services.db, TODAY, { lastName: "Lindqvist" });
  const r = await call(who, {
    method: "POST",
    url: "/api/v1/ammunition/checks",
    payload: checkBody(h, undefined, { lastName: "Lindquist" }),
  });
  expectStatus(r, 201, "typo check");
  const c = json(r).check;
  assert.equal(c.outcome, "needs-review");
  return { h, id: c.id as string, number: c.number as string };
}
const review = (id: string, who: any = "licensing_staff", headers: Record<string, string> = PURPOSE) =>
  call(who, { method: "GET", url: `/api/v1/ammunition/checks/${id}/review`, headers });
const act = (id: string, path: string, payload: unknown, who: any = "licensing_staff", key?: string) =>
  call(who, {
    method: "POST",
    url: `/api/v1/ammunition/checks/${id}/${path}`,
    payload,
    ...(key ? { headers: { "idempotency-key": key } } : {}),
  });
const own = (id: string, who: any = "ammunition_vendor") =>
  call(who, { method: "GET", url: `/api/v1/ammunition/checks/${id}` });
const sell = (id: string, who: any = "ammunition_vendor") =>
  call(who, {
    method: "POST",
    url: "/api/v1/ammunition/sales",
    payload: { checkId: id, lines: saleLines([{ type: "centerfire-pistol", quantity: 100 }]) },
  });
const actions = async (id: string) =>
  env.services.db.query("SELECT action FROM ammunition_check_actions WHERE check_id = $1 ORDER BY id", [id]);

describe("who may review", () => {
  test("401 without a session; 403 for every role but licensing staff, and the refusal is audited", async () => {
    const { id } = await typoCheck();
    expectProblem(await call(null, { method: "GET", url: `/api/v1/ammunition/checks/${id}/review` }), 401);
    for (const who of ["dealer", "ammunition_vendor", "law_enforcement", "resident", "auditor", "admin"] as const) {
      expectProblem(await review(id, who), 403);
      expectProblem(await act(id, "review/authorize", { credentialId: id, note: "identity checked here" }, who), 403);
      expectProblem(await act(id, "review/deny", { reason: "no such buyer here" }, who), 403);
      expectProblem(await act(id, "review/return", { recheck: ["name"] }, who), 403);
    }
    assert.equal((await actions(id)).length, 0, "nothing was written");
  });

  test("the review needs a purpose (400 naming the header), and the read is audited with it", async () => {
    const { id, h } = await typoCheck();
    expectProblem(await review(id, "licensing_staff", {}), 400, "header.stateline-purpose");
    const r = await review(id);
    expectStatus(r, 200);
    const b = json(r);
    assert.equal(b.state, "awaiting-staff");
    assert.deepEqual(b.mismatches, ["name"]);
    assert.equal(b.byNumber.holder.lastName, "Lindqvist");
    assert.equal(b.check.buyer.lastName, "Lindquist");
    assert.deepEqual(b.next, ["review-authorize", "review-deny", "review-return"]);
    const audit = await env.services.db.query(
      "SELECT purpose, details FROM audit_log WHERE action = 'ammunition.check.review.read' AND entity_id = $1",
      [id],
    );
    assert.equal(audit.length, 1);
    assert.match(audit[0]!.purpose, /review of a check that needs review/);
    assert.ok(audit[0]!.details.personIds.includes(h.person.id));
  });
});

describe("authorize, deny, send back", () => {
  test("authorized on review: the seller sees it approved (not staff's note) and records the sale today", async () => {
    const { id, h } = await typoCheck();
    expectProblem(await sell(id), 409, "checkId");
    const body = { credentialId: h.credential.id, note: "Driver's license shows Lindqvist; a one-letter typo." };
    const r = await act(id, "review/authorize", body, "licensing_staff", `auth-${id}`);
    expectStatus(r, 200);
    assert.equal(json(r).review.outcome, "approved");
    const again = await act(id, "review/authorize", body, "licensing_staff", `auth-${id}`);
    assert.equal(again.headers["idempotent-replayed"], "true");
    assert.equal((await actions(id)).length, 1, "stored once");
    expectProblem(await act(id, "review/authorize", body), 409);
    const seen = json(await own(id));
    assert.equal(seen.review.state, "authorized");
    assert.equal(seen.review.validOn, TODAY);
    assert.doesNotMatch(JSON.stringify(seen), /Lindqvist/, "the seller is not shown the record or staff's note");
    const s = await sell(id);
    expectStatus(s, 201);
    assert.equal(json(s).sale.credentialKind, "long-gun-eligibility-certificate");
    const stored = await env.services.db.query("SELECT person_id::text FROM ammunition_sales WHERE check_id = $1", [
      id,
    ]);
    assert.equal(stored[0]!.person_id, h.person.id);
  });

  test("an approval on review allows the sale that day only", async () => {
    const { id, h } = await typoCheck();
    expectStatus(
      await act(id, "review/authorize", { credentialId: h.credential.id, note: "confirmed at the counter by ID" }),
      200,
    );
    env.clock.set("2026-11-21" as PlainDate);
    try {
      expectProblem(await sell(id), 409, "checkId");
    } finally {
      env.clock.set(TODAY);
    }
  });

  test("denied with a reason the seller reads; no sale; no second decision", async () => {
    const { id } = await typoCheck();
    expectProblem(await act(id, "review/deny", { reason: "short" }), 400, "reason");
    expectStatus(await act(id, "review/deny", { reason: "The buyer could not be identified as a holder." }), 200);
    const seen = json(await own(id));
    assert.equal(seen.review.state, "denied");
    assert.equal(seen.review.reason, "The buyer could not be identified as a holder.");
    expectProblem(await sell(id), 409, "checkId");
    expectProblem(await act(id, "review/return", { recheck: ["name"] }), 409);
  });

  test("sent back: the seller is told to re-check the name, not shown the record, corrects it and a new check is approved", async () => {
    const { id, h } = await typoCheck();
    expectProblem(await act(id, "review/return", { recheck: ["address"] }), 400, "recheck.0");
    expectStatus(await act(id, "review/return", { recheck: ["name"], note: "Compare with the licence." }), 200);
    const seen = json(await own(id));
    assert.equal(seen.review.state, "awaiting-seller");
    assert.deepEqual(seen.review.recheck, ["name"]);
    assert.match(seen.review.note, /re-check the buyer's name .* Compare with the licence\./);
    assert.doesNotMatch(JSON.stringify(seen), /Lindqvist/);
    // Another shop cannot correct it; nothing unchanged is a correction.
    expectProblem(
      await act(id, "correction", { buyer: { lastName: "Lindqvist" } }, { username: sellers.otherUser.username }),
      404,
    );
    const correct = (lastName: string) => act(id, "correction", { buyer: { lastName } }, "ammunition_vendor");
    expectProblem(await correct("Lindquist"), 400, "buyer");
    expectProblem(await act(id, "correction", { buyer: { lastName: "Lindqvist" } }), 403, undefined);
    const fixed = await correct("Lindqvist");
    expectStatus(fixed, 201);
    const nb = json(fixed);
    assert.equal(nb.correctedCheckId, id);
    assert.equal(nb.check.outcome, "approved");
    assert.notEqual(nb.check.id, id);
    assert.equal(json(await own(id)).review.state, "corrected");
    expectProblem(await correct("Lindqvist"), 409);
    expectStatus(await sell(nb.check.id), 201);
    assert.deepEqual(
      (await actions(id)).map((a) => a.action),
      ["review-return", "correct"],
    );
    void h;
  });

  test("a check approved or refused at the counter is not reviewed (409)", async () => {
    const h = await holder(env.services.db, TODAY);
    const c = json(
      await call("ammunition_vendor", { method: "POST", url: "/api/v1/ammunition/checks", payload: checkBody(h) }),
    );
    assert.equal(c.check.outcome, "approved");
    expectProblem(await act(c.check.id, "review/deny", { reason: "nothing to review here at all" }), 409);
  });

  test("a firearm dealer's webhook hears of the send-back and the approval, without personal data", async () => {
    await env.services.db.query(
      "INSERT INTO dealer_webhooks (dealer_id, url, secret, active) VALUES ($1, 'https://example.org/hook', 'v1.aaaa.bbbb.cccc', true) ON CONFLICT (dealer_id) DO UPDATE SET active = true",
      [sellers.shop.id],
    );
    const { id, h } = await typoCheck("dealer");
    expectStatus(await act(id, "review/return", { recheck: ["name", "dateOfBirth"] }), 200);
    expectStatus(
      await act(id, "review/authorize", { credentialId: h.credential.id, note: "confirmed by phone with the shop" }),
      200,
    );
    const rows = await env.services.db.query(
      "SELECT event, body FROM webhook_deliveries WHERE dealer_id = $1 AND event LIKE 'ammunition-check.%' ORDER BY id",
      [sellers.shop.id],
    );
    assert.deepEqual(
      rows.map((r) => r.event),
      ["ammunition-check.correction-requested", "ammunition-check.authorized"],
    );
    const first = JSON.parse(rows[0]!.body);
    assert.deepEqual(first.data.recheck, ["name", "dateOfBirth"]);
    assert.equal(first.data.checkId, id);
    for (const r of rows) assert.doesNotMatch(r.body, /Lindq|1980-02-02/);
  });
});
