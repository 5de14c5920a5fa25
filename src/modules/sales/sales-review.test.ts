/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * The review of a sale waiting for licensing staff (review.ts): refusals
 * first (401/403, a purpose, malformed input naming the field), then a typo'd
 * sale cleared by staff and seen authorized by the dealer (answer, sale page,
 * webhook), sent back to the seller and corrected, denied with a reason, and
 * an idempotent retry that stores once.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectProblem, expectStatus, json, type Call } from "../../../test/api/support.ts";
import { attachStaff } from "../dealers/service.ts";
import { buyerWithCredential, mistype, saleBody, setupShop, startReceiver, type Buyer } from "./test-support.ts";
import { deliverDueWebhooks } from "./webhooks.ts";

const SECRET = "whsec_test_secret_for_the_review_0001";
const PURPOSE = { "stateline-purpose": "licensing-review; clearing a sale that waits for review" };

let env: TestEnv;
let call: Call;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

before(async () => {
  env = await createTestEnv();
  call = caller(env);
  const shop = await setupShop(env);
  await attachStaff(env.services.db, env.users.dealer.id, shop.dealerId, "owner");
  receiver = await startReceiver(SECRET, { now: () => Math.floor(env.clock.now().getTime() / 1000) });
  expectStatus(
    await call("dealer", {
      method: "POST",
      url: "/api/v1/dealers/webhook",
      payload: { url: receiver.url, secret: SECRET },
    }),
    200,
  );
});
after(async () => {
  await receiver.close();
  await env.close();
});

/** A sale whose buyer entry has a typo: `lastName` one letter off, or the credential number one digit off. */
async function typoSale(typo: "lastName" | "credentialNumber" = "lastName"): Promise<{ b: Buyer; sale: any }> {
  const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate", lastName: "Marchetti" });
  const buyer = typo === "lastName" ? { lastName: "Marchetty" } : { credentialNumber: mistype(b.credentialNumber) };
  const r = await call("dealer", { method: "POST", url: "/api/v1/sales", payload: saleBody(b, { buyer }) });
  expectStatus(r, 201);
  const a = json(r);
  assert.equal(a.answer, "delayed");
  assert.equal(a.sale.delayReason, "needs-review");
  return { b, sale: a.sale };
}

const dealerView = async (id: string) => json(await call("dealer", { method: "GET", url: `/api/v1/sales/${id}` }));
const webhookBodies = async (saleId: string) => {
  await deliverDueWebhooks(env.services);
  return receiver.received.map((x) => JSON.parse(x.body)).filter((x) => x.data.saleId === saleId);
};

describe("refusals first", () => {
  test("401 without sign-in; 403 for every role but licensing staff (the dealer may not clear its own sale)", async () => {
    const { b, sale } = await typoSale();
    const body = { credentialId: b.credentialId, note: "identity confirmed by driver's license" };
    expectProblem(
      await call(null, { method: "POST", url: `/api/v1/sales/${sale.id}/review/authorize`, payload: body }),
      401,
    );
    for (const role of ["dealer", "resident", "law_enforcement", "auditor", "admin", "ammunition_vendor"] as const) {
      expectProblem(
        await call(role, { method: "POST", url: `/api/v1/sales/${sale.id}/review/authorize`, payload: body }),
        403,
      );
      expectProblem(await call(role, { method: "GET", url: `/api/v1/sales/${sale.id}/review`, headers: PURPOSE }), 403);
    }
    assert.equal((await dealerView(sale.id)).sale.status, "delayed");
  });

  test("the review needs a purpose (header), and is audited with it", async () => {
    const { sale } = await typoSale();
    expectProblem(await call("licensing_staff", { method: "GET", url: `/api/v1/sales/${sale.id}/review` }), 400);
    const r = json(
      await call("licensing_staff", { method: "GET", url: `/api/v1/sales/${sale.id}/review`, headers: PURPOSE }),
    );
    assert.deepEqual(r.mismatches, ["name"]);
    assert.equal(r.byNumber.lastName, "Marchetti");
    assert.equal(r.entered.lastName, "Marchetty");
    assert.deepEqual(r.next, ["review-authorize", "review-deny", "review-return"]);
    const audit = await env.services.db.query(
      "SELECT purpose FROM audit_log WHERE action = 'sale.review.read' AND entity_id = $1",
      [sale.id],
    );
    assert.match(String(audit[0]?.purpose), /licensing-review/);
  });

  test("malformed input is a 400 naming the field; the sale is unchanged", async () => {
    const { sale } = await typoSale();
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/sales/${sale.id}/review/authorize`,
        payload: { credentialId: "nope", note: "identity confirmed" },
      }),
      400,
      "credentialId",
    );
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/sales/${sale.id}/review/deny`,
        payload: { reason: "no" },
      }),
      400,
      "reason",
    );
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/sales/${sale.id}/review/return`,
        payload: { recheck: [] },
      }),
      400,
      "recheck",
    );
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/sales/${sale.id}/review/return`,
        payload: { recheck: ["address"] },
      }),
      400,
      "recheck.0",
    );
    expectProblem(
      await call("dealer", {
        method: "POST",
        url: `/api/v1/sales/${sale.id}/correction`,
        payload: { buyer: { birthDate: "1979-13-40" } },
      }),
      400,
      "buyer.birthDate",
    );
    assert.equal((await dealerView(sale.id)).sale.delayReason, "needs-review");
  });

  test("a sale not waiting for review cannot be reviewed (409), nor corrected before it is sent back", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const ok = json(await call("dealer", { method: "POST", url: "/api/v1/sales", payload: saleBody(b) }));
    assert.equal(ok.answer, "authorized");
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/sales/${ok.sale.id}/review/deny`,
        payload: { reason: "should not be possible here" },
      }),
      409,
    );
    const { sale } = await typoSale();
    expectProblem(
      await call("dealer", {
        method: "POST",
        url: `/api/v1/sales/${sale.id}/correction`,
        payload: { buyer: { lastName: "Marchetti" } },
      }),
      409,
    );
  });
});

describe("staff clear a review-delayed sale", () => {
  test("authorized on review: the dealer sees it authorized, with the state's number, on the sale and by webhook; a retry stores once", async () => {
    const { b, sale } = await typoSale();
    const key = "review-authorize-0001";
    const body = {
      credentialId: b.credentialId,
      note: "driver's license shows Marchetti; one-letter typo in the entry",
    };
    const r = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/sales/${sale.id}/review/authorize`,
      payload: body,
      headers: { "idempotency-key": key },
    });
    expectStatus(r, 200);
    const a = json(r);
    assert.equal(a.answer, "authorized");
    assert.match(a.authorizationNumber, /^LG-\d+$/);
    const again = json(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/sales/${sale.id}/review/authorize`,
        payload: body,
        headers: { "idempotency-key": key },
      }),
    );
    assert.equal(again.authorizationNumber, a.authorizationNumber);
    const actions = await env.services.db.query(
      "SELECT count(*)::int AS n FROM sale_actions WHERE sale_id = $1 AND action = 'review-authorize'",
      [sale.id],
    );
    assert.equal(actions[0]!.n, 1);

    const seen = await dealerView(sale.id);
    assert.equal(seen.sale.status, "authorized");
    assert.equal(seen.sale.authorizationNumber, a.authorizationNumber);
    assert.ok(seen.history.some((h: any) => h.action === "review-authorize"));
    assert.ok(seen.record, "the receipt is written");
    const hooks = await webhookBodies(sale.id);
    assert.ok(hooks.some((h) => h.type === "sale.authorized" && h.data.authorizationNumber === a.authorizationNumber));
  });

  test("sent back to the seller: told which kind of entry to re-check, not the record; corrected, it is authorized", async () => {
    const { sale } = await typoSale();
    const r = json(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/sales/${sale.id}/review/return`,
        payload: { recheck: ["name"] },
      }),
    );
    assert.equal(r.answer, "delayed");
    const seen = await dealerView(sale.id);
    const back = seen.history.find((h: any) => h.action === "review-return");
    assert.match(back.note, /re-check the buyer's name/);
    assert.doesNotMatch(back.note, /Marchetti/, "the record's value is not shown to the seller");
    const hooks = await webhookBodies(sale.id);
    const hook = hooks.find((h) => h.type === "sale.correction-requested");
    assert.deepEqual(hook?.data.recheck, ["name"]);
    assert.doesNotMatch(JSON.stringify(hook), /Marchett/);
    // Staff wait for the seller now: a second send-back is refused.
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/sales/${sale.id}/review/return`,
        payload: { recheck: ["name"] },
      }),
      409,
    );

    const checksBefore = env.nics.checks;
    const c = await call("dealer", {
      method: "POST",
      url: `/api/v1/sales/${sale.id}/correction`,
      payload: { buyer: { lastName: "Marchetti" } },
    });
    expectStatus(c, 200);
    const fixed = json(c);
    assert.equal(fixed.answer, "authorized");
    assert.equal(env.nics.checks, checksBefore + 1, "a corrected name runs a new NICS check");
    assert.equal((await dealerView(sale.id)).sale.buyer.lastName, "Marchetti");
  });

  test("a corrected credential number needs no new NICS check", async () => {
    const { b, sale } = await typoSale("credentialNumber");
    const rv = json(
      await call("licensing_staff", { method: "GET", url: `/api/v1/sales/${sale.id}/review`, headers: PURPOSE }),
    );
    assert.deepEqual(rv.mismatches, ["credentialNumber"]);
    assert.ok(
      rv.candidates.some((c: any) => c.credentialId === b.credentialId),
      "the holder is found by name and date of birth",
    );
    expectStatus(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/sales/${sale.id}/review/return`,
        payload: { recheck: ["credentialNumber"], note: "Check the number on the certificate." },
      }),
      200,
    );
    const checksBefore = env.nics.checks;
    const fixed = json(
      await call("dealer", {
        method: "POST",
        url: `/api/v1/sales/${sale.id}/correction`,
        payload: { buyer: { credentialNumber: b.credentialNumber } },
      }),
    );
    assert.equal(fixed.answer, "authorized");
    assert.equal(env.nics.checks, checksBefore);
  });

  test("denied on review with a reason: the dealer sees it denied, and hears by webhook", async () => {
    const { sale } = await typoSale();
    const r = json(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/sales/${sale.id}/review/deny`,
        payload: { reason: "The buyer could not be identified as the holder of the credential shown." },
      }),
    );
    assert.equal(r.answer, "denied");
    const seen = await dealerView(sale.id);
    assert.equal(seen.sale.status, "denied");
    assert.match(seen.history.find((h: any) => h.action === "review-deny").note, /could not be identified/);
    assert.ok((await webhookBodies(sale.id)).some((h) => h.type === "sale.denied"));
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/sales/${sale.id}/review/return`,
        payload: { recheck: ["name"] },
      }),
      409,
    );
  });

  test("another shop may not correct the sale", async () => {
    const { sale } = await typoSale();
    expectStatus(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/sales/${sale.id}/review/return`,
        payload: { recheck: ["name"] },
      }),
      200,
    );
    const other = await setupShop(env);
    expectProblem(
      await call(
        { username: other.username },
        { method: "POST", url: `/api/v1/sales/${sale.id}/correction`, payload: { buyer: { lastName: "Marchetti" } } },
      ),
      403,
    );
  });
});
