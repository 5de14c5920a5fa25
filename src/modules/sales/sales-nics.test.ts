/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * Sales and NICS over time: a delayed check that resolves (the dealer hears
 * through a signed webhook), a dealer proceeding after the federal three
 * business days, NICS outages (delayed, queued, re-submitted), retention of
 * NICS details, and private long gun sales through a dealer before and after
 * 1 January 2014. Each part has its own database and clock.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv } from "../../../test/helpers.ts";
import { caller, count, expectProblem, expectStatus, json, type Call } from "../../../test/api/support.ts";
import { attachStaff } from "../dealers/service.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { buyerWithCredential, saleBody, setupShop, startReceiver } from "./test-support.ts";
import { runSalesWorkersOnce } from "./workers.ts";
import { reassessPendingSales } from "./service.ts";
import { WEBHOOK_RETRY, deliverDueWebhooks } from "./webhooks.ts";

const SECRET = "whsec_test_secret_for_the_dealer_0001";

async function world(today?: string) {
  const env = await createTestEnv(today ? { today } : {});
  const call = caller(env);
  const shop = await setupShop(env);
  await attachStaff(env.services.db, env.users.dealer.id, shop.dealerId, "owner");
  const receiver = await startReceiver(SECRET, { now: () => Math.floor(env.clock.now().getTime() / 1000) });
  expectStatus(
    await call("dealer", {
      method: "POST",
      url: "/api/v1/dealers/webhook",
      payload: { url: receiver.url, secret: SECRET },
    }),
    200,
  );
  return {
    env,
    call,
    receiver,
    close: async () => {
      await receiver.close();
      await env.close();
    },
  };
}

const sale = (call: Call, payload: unknown) => call("dealer", { method: "POST", url: "/api/v1/sales", payload });
const getSale = async (call: Call, id: string) =>
  json(await call("dealer", { method: "GET", url: `/api/v1/sales/${id}` }));

describe("a delayed check that NICS resolves", () => {
  let w: Awaited<ReturnType<typeof world>>;
  before(async () => {
    w = await world();
  });
  after(async () => {
    await w.close();
  });

  test("delayed with the NTN and the three-business-day dates; resolves to authorized; the webhook arrives signed", async () => {
    const { env, call, receiver } = w;
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    env.nics.delay(b.person);
    const r = await sale(call, saleBody(b));
    expectStatus(r, 201);
    const a = json(r);
    assert.equal(a.answer, "delayed");
    assert.equal(a.sale.delayReason, "nics-delayed");
    assert.match(a.nicsTransactionNumber, /^[0-9A-Z]{10}$/);
    // Friday 2026-11-20: Monday 23, Tuesday 24, Wednesday 25 are the three business days.
    assert.equal(a.proceedAfter, "2026-11-25");
    assert.equal(a.mayProceedOn, "2026-11-26");
    assert.equal(a.authorizationNumber, null);
    assert.equal(await count(env, "sale_records WHERE sale_id = $1", [a.sale.id]), 0);

    // Nothing due yet: the worker asks NICS again only after the poll interval.
    assert.equal((await runSalesWorkersOnce(env.services)).nics.answered, 0);
    env.nics.resolve(a.nicsTransactionNumber, "proceed");
    env.clock.advance(61_000);
    const run = await runSalesWorkersOnce(env.services);
    assert.equal(run.nics.answered, 1);
    assert.equal(run.webhooks.delivered, 1);

    const now = await getSale(call, a.sale.id);
    assert.equal(now.sale.status, "authorized");
    assert.match(now.sale.authorizationNumber, /^LG-\d+$/);
    assert.equal(now.record.form, "long-gun-receipt");
    assert.deepEqual(
      now.history.map((h: any) => [h.action, h.toStatus]),
      [
        ["request", "delayed"],
        ["nics-answer", "authorized"],
      ],
    );

    assert.equal(receiver.received.length, 1);
    const got = receiver.received[0]!;
    assert.ok(got.verified, "the receiver verified the HMAC signature");
    assert.match(String(got.headers["stateline-signature"]), /^t=\d+,v1=[0-9a-f]{64}$/);
    const event = JSON.parse(got.body);
    assert.equal(event.type, "sale.authorized");
    assert.equal(event.data.saleId, a.sale.id);
    assert.equal(event.data.authorizationNumber, now.sale.authorizationNumber);
    assert.equal(got.headers["stateline-delivery"], event.id);
    assert.doesNotMatch(got.body, new RegExp(b.person.lastName), "no personal data in a webhook");
  });

  test("a webhook the receiver refuses is retried with backoff, then delivered", async () => {
    const { env, call, receiver } = w;
    const b = await buyerWithCredential(env, { kind: "handgun-eligibility-certificate" });
    env.nics.delay(b.person);
    const a = json(await sale(call, saleBody(b, { kind: "retail-handgun" })));
    env.nics.resolve(a.nicsTransactionNumber, "denied");
    env.clock.advance(61_000);
    let status = 503;
    const flaky = {
      send: async (req: any) => {
        const res = await fetch(req.url, { method: "POST", headers: req.headers, body: req.body });
        await res.arrayBuffer();
        return { status: status === 503 ? 503 : res.status };
      },
    };
    const before = receiver.received.length;
    const first = await runSalesWorkersOnce(env.services, { sender: flaky });
    assert.equal(first.webhooks.retried, 1);
    const row = (
      await env.services.db.query(
        "SELECT attempts, status, last_status_code FROM webhook_deliveries WHERE sale_id = $1",
        [a.sale.id],
      )
    )[0]!;
    assert.deepEqual(row, { attempts: 1, status: "pending", last_status_code: 503 });
    status = 0;
    assert.equal((await deliverDueWebhooks(env.services, { sender: flaky })).delivered, 0, "not before the backoff");
    env.clock.advance(WEBHOOK_RETRY.baseSeconds * 1000 + 1000);
    assert.equal((await deliverDueWebhooks(env.services, { sender: flaky })).delivered, 1);
    assert.equal(receiver.received.length, before + 2);
    assert.equal(JSON.parse(receiver.received.at(-1)!.body).type, "sale.denied");
    assert.equal((await getSale(call, a.sale.id)).sale.status, "denied");
  });

  test("a prohibiting event recorded while a sale waits reaches it at once", async () => {
    const { env, call, receiver } = w;
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    env.nics.delay(b.person);
    const a = json(await sale(call, saleBody(b)));
    assert.equal(a.answer, "delayed");
    const changed = await env.services.db.tx(async (q) => {
      await q.query(
        "INSERT INTO prohibiting_events (person_id, kind, event_on, source, active) VALUES ($1,'firearms-seizure-order',$2,'Superior Court',true)",
        [b.person.id, env.clock.today()],
      );
      return reassessPendingSales(env.ctx("licensing_staff"), q, b.person.id, "firearms seizure order recorded");
    });
    assert.deepEqual(changed, [{ saleId: a.sale.id, from: "delayed", to: "denied" }]);
    const now = await getSale(call, a.sale.id);
    assert.equal(now.sale.status, "denied");
    assert.deepEqual(
      now.history.map((h: any) => h.action),
      ["request", "reassess"],
    );
    const before = receiver.received.length;
    await runSalesWorkersOnce(env.services);
    assert.equal(JSON.parse(receiver.received.at(before)!.body).type, "sale.denied");
  });

  test("only the shop's owner or a manager sets the webhook; the URL must be https (or this machine)", async () => {
    const { env, call } = w;
    const clerk = await setupShop(env, { position: "clerk" });
    expectProblem(
      await call(
        { username: clerk.username },
        { method: "POST", url: "/api/v1/dealers/webhook", payload: { url: "https://example.test/hook" } },
      ),
      403,
    );
    expectProblem(
      await call("dealer", {
        method: "POST",
        url: "/api/v1/dealers/webhook",
        payload: { url: "http://example.test/hook" },
      }),
      400,
      "url",
    );
    const r = json(
      await call("dealer", {
        method: "POST",
        url: "/api/v1/dealers/webhook",
        payload: { url: "https://example.test/hook" },
      }),
    );
    assert.match(r.secret, /^whsec_/, "a generated secret is shown once");
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: "/api/v1/dealers/webhook",
        payload: { url: "https://example.test/hook" },
      }),
      403,
    );
  });
});

describe("the dealer proceeds after three business days", () => {
  let w: Awaited<ReturnType<typeof world>>;
  before(async () => {
    w = await world();
  });
  after(async () => {
    await w.close();
  });

  test("refused before the day after the third business day; then the state authorizes on the default proceed", async () => {
    const { env, call } = w;
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    env.nics.delay(b.person);
    const a = json(await sale(call, saleBody(b)));
    const url = `/api/v1/sales/${a.sale.id}/proceed`;
    const early = expectProblem(await call("dealer", { method: "POST", url }), 409);
    assert.match(early.detail, /2026-11-26/);
    env.clock.set("2026-11-25" as PlainDate);
    expectProblem(await call("dealer", { method: "POST", url }), 409);
    expectProblem(await call("licensing_staff", { method: "POST", url }), 403);
    env.clock.set("2026-11-26" as PlainDate);
    const r = await call("dealer", { method: "POST", url });
    expectStatus(r, 200);
    const p = json(r);
    assert.equal(p.answer, "authorized");
    assert.equal(p.sale.status, "proceeded");
    assert.match(p.authorizationNumber, /^LG-\d+$/);
    assert.equal(p.sale.authorizedOn, "2026-11-26");
    const one = await getSale(call, a.sale.id);
    assert.equal(one.record.fields.transferDate, "2026-11-26");
    assert.deepEqual(
      one.history.map((h: any) => h.action),
      ["request", "proceed"],
    );
    expectProblem(await call("dealer", { method: "POST", url }), 409);

    // NICS denies after the transfer: the sale is flagged for retrieval and reported.
    env.nics.resolve(a.nicsTransactionNumber, "denied");
    await runSalesWorkersOnce(env.services);
    const late = await getSale(call, a.sale.id);
    assert.equal(late.sale.status, "denied-after-transfer");
    const reports = await env.services.db.query(
      "SELECT recipient FROM sale_reports WHERE sale_id = $1 AND reason = 'denied-after-transfer' ORDER BY recipient",
      [a.sale.id],
    );
    assert.deepEqual(
      reports.map((x) => x.recipient),
      ["local-police", "state"],
    );
    assert.ok(w.receiver.received.some((x) => JSON.parse(x.body).type === "sale.denied-after-transfer"));
  });

  test("a NICS answer that came in is used when the dealer proceeds", async () => {
    const { env, call } = w;
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    env.nics.delay(b.person);
    const today = env.clock.today();
    const a = json(await sale(call, saleBody(b)));
    env.nics.resolve(a.nicsTransactionNumber, "denied");
    env.clock.set(a.mayProceedOn as PlainDate);
    const p = json(await call("dealer", { method: "POST", url: `/api/v1/sales/${a.sale.id}/proceed` }));
    assert.equal(p.answer, "denied");
    assert.ok(p.appeal.some((x: any) => x.citation === "28 C.F.R. § 25.10"));
    assert.ok(today < a.mayProceedOn);
  });
});

describe("NICS outages", () => {
  let w: Awaited<ReturnType<typeof world>>;
  before(async () => {
    w = await world();
  });
  after(async () => {
    await w.close();
  });

  test("NICS down: delayed under a Stateline reference, queued, backed off, re-submitted when NICS returns, authorized", async () => {
    const { env, call, receiver } = w;
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    env.nics.setOutage(true);
    let a: any;
    try {
      const r = await sale(call, saleBody(b));
      expectStatus(r, 201);
      a = json(r);
      assert.equal(a.answer, "delayed");
      assert.equal(a.sale.delayReason, "nics-unavailable");
      assert.match(a.nicsTransactionNumber, /^SL-20261120-\d{6}$/);
      assert.equal(a.sale.nics.reference, "stateline");
      assert.equal(a.mayProceedOn, "2026-11-26", "the three-business-day rule is applied from the first attempt");
      env.clock.advance(16_000);
      const still = await runSalesWorkersOnce(env.services);
      assert.equal(still.nics.waiting, 1);
      const q = (
        await env.services.db.query("SELECT status, attempts, last_error FROM sale_nics_checks WHERE sale_id = $1", [
          a.sale.id,
        ])
      )[0]!;
      assert.equal(q.status, "queued");
      assert.equal(q.attempts, 2);
      assert.match(q.last_error, /outage/);
    } finally {
      env.nics.setOutage(false);
    }
    assert.equal((await runSalesWorkersOnce(env.services)).nics.submitted, 0, "waits out its backoff");
    env.clock.advance(31_000);
    const back = await runSalesWorkersOnce(env.services);
    assert.equal(back.nics.submitted, 1);
    const now = await getSale(call, a.sale.id);
    assert.equal(now.sale.status, "authorized");
    assert.match(now.sale.nics.transactionNumber, /^[0-9A-Z]{10}$/);
    assert.equal(now.record.fields.authorizationNumber, now.sale.authorizationNumber);
    assert.deepEqual(
      now.history.map((h: any) => [h.action, h.toStatus]),
      [
        ["request", "delayed"],
        ["nics-resubmit", "authorized"],
      ],
    );
    assert.equal(JSON.parse(receiver.received.at(-1)!.body).type, "sale.authorized");
    const staff = json(
      await call("licensing_staff", {
        method: "GET",
        url: `/api/v1/sales/${a.sale.id}`,
        headers: { "stateline-purpose": "licensing-review; reviewing the sale record" },
      }),
    );
    assert.equal(staff.sale.nics.transactionNumber, now.sale.nics.transactionNumber);
  });

  test("slowness beyond the limit counts as down; a re-submitted check can come back delayed", async () => {
    const { env, call } = w;
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    env.nics.setOutage(true);
    const a = json(await sale(call, saleBody(b)));
    env.nics.setOutage(false);
    env.nics.delay(b.person);
    env.nics.setLatencyMs(80);
    try {
      env.clock.advance(16_000);
      const slow = await runSalesWorkersOnce(env.services, { nicsTimeoutMs: 20 });
      assert.equal(slow.nics.waiting, 1, "too slow: still queued");
    } finally {
      env.nics.setLatencyMs(0);
    }
    env.clock.advance(3_600_000);
    await runSalesWorkersOnce(env.services);
    const now = await getSale(call, a.sale.id);
    assert.equal(now.sale.status, "delayed");
    assert.equal(now.sale.delayReason, "nics-delayed");
    assert.match(now.sale.nics.transactionNumber, /^[0-9A-Z]{10}$/);
  });

  test("retention: 24 hours after a Proceed only the NTN and dates of the check remain; the state's record stays", async () => {
    const { env, call } = w;
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const a = json(await sale(call, saleBody(b)));
    const row = async () =>
      (
        await env.services.db.query(
          "SELECT transaction_number, request, response, responded_at, purged_at FROM sale_nics_checks WHERE sale_id = $1",
          [a.sale.id],
        )
      )[0]!;
    assert.ok((await row()).request);
    env.clock.advance(23 * 3600_000);
    await runSalesWorkersOnce(env.services);
    assert.ok((await row()).response, "kept for 24 hours");
    env.clock.advance(2 * 3600_000);
    const run = await runSalesWorkersOnce(env.services);
    assert.ok(run.purged >= 1);
    const after = await row();
    assert.equal(after.request, null);
    assert.equal(after.response, null);
    assert.equal(after.transaction_number, a.nicsTransactionNumber);
    assert.ok(after.responded_at && after.purged_at);
    const staff = json(
      await call("licensing_staff", {
        method: "GET",
        url: `/api/v1/sales/${a.sale.id}`,
        headers: { "stateline-purpose": "licensing-review; reviewing the sale record" },
      }),
    );
    assert.ok(staff.sale.nics.detailsPurgedAt);
    assert.equal(
      staff.record.fields["buyer.name"],
      `${b.person.firstName} ${b.person.lastName}`,
      "the state's record of the sale stays",
    );
    assert.ok(staff.history.some((h: any) => h.action === "nics-details-purged"));
  });
});

describe("private long gun sales through a consenting dealer, from 2014-01-01", () => {
  let w: Awaited<ReturnType<typeof world>>;
  before(async () => {
    w = await world("2014-06-02");
  });
  after(async () => {
    await w.close();
  });

  test("authorized, with the DESPP transfer form naming the seller and the NICS transaction number", async () => {
    const { env, call } = w;
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate", issuedOn: "2014-01-15" });
    const a = json(
      await sale(
        call,
        saleBody(b, {
          kind: "private-long-gun-via-dealer",
          seller: {
            name: "Pat Privateseller",
            street: "9 Oak Lane",
            town: "Guilford",
            state: "CT",
            zip: "06437",
            credentialNumber: "LE-1234567",
          },
        }),
      ),
    );
    assert.equal(a.answer, "authorized");
    assert.ok(
      a.decision.findings.some(
        (f: any) => f.id === "sales.long-gun.private-transfer.nics-response" && f.status === "met",
      ),
    );
    const one = await getSale(call, a.sale.id);
    assert.equal(one.record.form, "private-transfer-form");
    assert.equal(one.record.fields["nics.transactionNumber"], a.nicsTransactionNumber);
    assert.equal(one.record.fields["transferor.name"], "Pat Privateseller");
    assert.equal(one.record.fields["transferor.credentialNumber"], "LE-1234567");
    assert.equal(one.record.fields["transferee.placeOfBirth"], "New Haven, CT");
    const check = (
      await env.services.db.query("SELECT purpose, transaction_type FROM sale_nics_checks WHERE sale_id = $1", [
        a.sale.id,
      ])
    )[0]!;
    assert.deepEqual(check, { purpose: "private-sale", transaction_type: "28" });
  });

  test("a delayed check never proceeds on this route: the check must show the transferee eligible", async () => {
    const { env, call } = w;
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate", issuedOn: "2014-01-15" });
    env.nics.delay(b.person);
    const a = json(await sale(call, saleBody(b, { kind: "private-long-gun-via-dealer" })));
    assert.equal(a.answer, "delayed");
    assert.equal(a.proceedAfter, null);
    assert.match(a.sale.proceedNote, /three-business-day rule does not apply/);
    env.clock.set("2014-06-20" as PlainDate);
    expectProblem(await call("dealer", { method: "POST", url: `/api/v1/sales/${a.sale.id}/proceed` }), 409);
  });

  test("a private handgun transfer through a dealer is authorized", async () => {
    const { env, call } = w;
    const b = await buyerWithCredential(env, { kind: "state-handgun-permit", issuedOn: "2013-02-01" });
    const a = json(await sale(call, saleBody(b, { kind: "private-handgun-via-dealer" })));
    assert.equal(a.answer, "authorized");
    const one = await getSale(call, a.sale.id);
    assert.equal(one.record.form, "handgun-transfer-record");
    assert.equal(one.record.fields["transferor.name"], "Pat Privateseller");
  });
});

describe("private long gun sales through a dealer before 2014-01-01", () => {
  let w: Awaited<ReturnType<typeof world>>;
  before(async () => {
    w = await world("2013-12-20");
  });
  after(async () => {
    await w.close();
  });

  test("refused by the law, citing PA 13-3 § 1; no NICS check is run", async () => {
    const { env, call } = w;
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate", issuedOn: "2013-08-01" });
    const checks = env.nics.checks;
    const a = json(await sale(call, saleBody(b, { kind: "private-long-gun-via-dealer" })));
    assert.equal(a.answer, "denied");
    const f = a.decision.findings.find((x: any) => x.id === "sales.long-gun.private-transfer");
    assert.equal(f.status, "not-met");
    assert.match(f.because, /only from 2014-01-01/);
    assert.match(f.citation, /PA 13-3 § 1/);
    assert.equal(env.nics.checks, checks);
    assert.equal(a.nicsTransactionNumber, null);
  });

  test("the same buyer's retail purchase that day is authorized", async () => {
    const { env, call } = w;
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate", issuedOn: "2013-08-01" });
    const a = json(await sale(call, saleBody(b)));
    assert.equal(a.answer, "authorized");
  });
});
