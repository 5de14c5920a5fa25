/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * Firearm sale authorizations through the API, on PGlite (and PostgreSQL when
 * DATABASE_URL is set): refusals first, then retail and private sales, denials
 * with citations, credentials that do not fit, idempotency, and who sees what.
 * Delayed checks, outages, webhooks and retention are in sales-nics.test.ts.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, count, expectProblem, expectStatus, json, type Call } from "../../../test/api/support.ts";
import { attachStaff } from "../dealers/service.ts";
import { buyerWithCredential, saleBody, setupShop, SALES_TABLES } from "./test-support.ts";

let env: TestEnv;
let call: Call;
let shop: { dealerId: string };

before(async () => {
  env = await createTestEnv();
  call = caller(env);
  shop = await setupShop(env);
  await attachStaff(env.services.db, env.users.dealer.id, shop.dealerId, "owner");
});
after(async () => {
  await env.close();
});

const post = (who: Parameters<Call>[0], payload: unknown, headers: Record<string, string> = {}) =>
  call(who, { method: "POST", url: "/api/v1/sales", payload, headers });
const tables = async () =>
  Object.fromEntries(await Promise.all(SALES_TABLES.map(async (t) => [t, await count(env, t)] as const)));

describe("refusals come first", () => {
  test("anonymous callers get 401; residents, vendors and police 403; nothing is written", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const before = await tables();
    expectProblem(await post(null, saleBody(b)), 401);
    for (const role of [
      "resident",
      "ammunition_vendor",
      "law_enforcement",
      "licensing_staff",
      "auditor",
      "admin",
    ] as const)
      expectProblem(await post(role, saleBody(b)), 403);
    assert.deepEqual(await tables(), before);
  });

  test("a dealer login attached to no shop is refused", async () => {
    const { username } = await setupShop(env);
    await env.services.db.query("DELETE FROM dealer_staff WHERE user_id = (SELECT id FROM users WHERE username = $1)", [
      username,
    ]);
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    expectProblem(await post({ username }, saleBody(b)), 403);
  });

  test("an NCIC code outside the tables is a 400 naming the field", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const before = await tables();
    expectProblem(await post("dealer", saleBody(b, { firearm: { make: "ACME" } })), 400, "firearm.make");
    expectProblem(await post("dealer", saleBody(b, { firearm: { caliber: "9MMX" } })), 400, "firearm.caliber");
    expectProblem(await post("dealer", saleBody(b, { firearm: { type: "QQ" } })), 400, "firearm.type");
    expectProblem(await post("dealer", saleBody(b, { firearm: { type: "PI" } })), 400, "firearm.type");
    expectProblem(await post("dealer", saleBody(b, { firearm: { type: "MA" } })), 400, "firearm.type");
    expectProblem(await post("dealer", saleBody(b, { firearm: { make: "ZZZ" } })), 400, "firearm.description");
    assert.deepEqual(await tables(), before);
  });

  test("codes are accepted in lower case", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const r = await post("dealer", saleBody(b, { firearm: { make: "rem", type: "sp", caliber: "12" } }));
    expectStatus(r, 201);
    assert.equal(json(r).sale.firearm.make, "REM");
  });

  test("other bad input: a future sale date, a private sale without its seller, a retail sale with one, an unknown town", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    expectProblem(await post("dealer", saleBody(b, { saleDate: "2026-11-21" })), 400, "saleDate");
    expectProblem(
      await post("dealer", saleBody(b, { kind: "private-long-gun-via-dealer", seller: null })),
      400,
      "seller",
    );
    expectProblem(
      await post("dealer", {
        ...saleBody(b),
        seller: { name: "Someone Else", street: "1 Main St", town: "Hartford", state: "CT" },
      }),
      400,
      "seller",
    );
    expectProblem(await post("dealer", saleBody(b, { buyer: { town: "Atlantis" } })), 400, "buyer.town");
    expectProblem(
      await post("dealer", saleBody(b, { kind: "private-long-gun-via-dealer", buyer: { sex: undefined } })),
      400,
      "buyer.sex",
    );
    expectProblem(await post("dealer", { ...saleBody(b), extra: 1 }), 400, "extra");
  });
});

describe("retail sales", () => {
  test("a retail long gun sale is authorized, with the receipt, the reports, the decision, the history and the audit", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate", town: "Bridgeport" });
    const r = await post("dealer", saleBody(b, { buyer: { town: "Bridgeport", zip: "06604" } }));
    expectStatus(r, 201);
    const a = json(r);
    assert.equal(a.answer, "authorized");
    assert.match(a.authorizationNumber, /^LG-\d+$/);
    assert.match(a.nicsTransactionNumber, /^[0-9A-Z]{10}$/);
    assert.deepEqual(a.credentialCheck, { verified: true, validForPurpose: true });
    assert.equal(a.decision.outcome, "yes");
    assert.ok(a.decision.findings.every((f: any) => f.status === "met" || f.status === "not-applicable"));
    assert.ok(a.citations.some((c: string) => c.includes("PA 13-3 § 1")));
    assert.equal(a.proceedAfter, null);
    assert.equal(a.appeal, undefined);
    const id = a.sale.id;
    const one = json(await call("dealer", { method: "GET", url: `/api/v1/sales/${id}` }));
    assert.equal(one.record.form, "long-gun-receipt");
    for (const f of [
      "buyer.name",
      "buyer.address",
      "buyer.dateOfBirth",
      "buyer.placeOfBirth",
      "firearm.make",
      "firearm.model",
      "firearm.serialNumber",
      "firearm.caliber",
      "firearm.description",
      "transferDate",
      "authorizationNumber",
    ]) {
      assert.ok(one.record.requiredFields.includes(f), `${f} is required`);
      assert.ok(one.record.fields[f], `${f} is filled`);
    }
    assert.equal(one.record.fields["buyer.placeOfBirth"], "New Haven, CT");
    assert.deepEqual(
      one.history.map((h: any) => [h.action, h.toStatus]),
      [["request", "authorized"]],
    );
    assert.equal(one.sale.buyer.personId, undefined, "the dealer does not see Stateline's person id");
    assert.equal(one.sale.buyer.sex, undefined);
    const reports = await env.services.db.query(
      "SELECT recipient, town FROM sale_reports WHERE sale_id = $1 ORDER BY recipient",
      [id],
    );
    assert.deepEqual(reports, [
      { recipient: "local-police", town: "Bridgeport" },
      { recipient: "state", town: null },
    ]);
    assert.equal(
      await count(env, "decisions WHERE subject_type = 'sale' AND subject_id = $1 AND outcome = 'yes'", [id]),
      1,
    );
    assert.equal(await count(env, "audit_log WHERE action = 'sale.request' AND entity_id = $1", [id]), 1);
    const staff = json(
      await call("licensing_staff", {
        method: "GET",
        url: `/api/v1/sales/${id}`,
        headers: { "stateline-purpose": "licensing-review; reviewing the sale record" },
      }),
    );
    assert.equal(staff.sale.buyer.personId, b.person.id);
    assert.equal(staff.sale.buyer.credentialId, b.credentialId);
    assert.equal(staff.reports.length, 2);
  });

  test("a retail handgun sale to a handgun eligibility certificate holder is authorized", async () => {
    const b = await buyerWithCredential(env, { kind: "handgun-eligibility-certificate" });
    const a = json(await post("dealer", saleBody(b, { kind: "retail-handgun" })));
    assert.equal(a.answer, "authorized");
    assert.match(a.authorizationNumber, /^HG-\d+$/);
    const rec = await env.services.db.query("SELECT form, fields FROM sale_records WHERE sale_id = $1", [a.sale.id]);
    assert.equal(rec[0]!.form, "handgun-transfer-record");
    const check = await env.services.db.query(
      "SELECT purpose, transaction_type FROM sale_nics_checks WHERE sale_id = $1",
      [a.sale.id],
    );
    assert.deepEqual(check[0], { purpose: "retail-sale", transaction_type: "HANDGUN" });
  });

  test("a long gun eligibility certificate is not valid for a handgun: denied by the law with its citation and remedy, never a 5xx", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const checks = env.nics.checks;
    const r = await post("dealer", saleBody(b, { kind: "retail-handgun" }));
    expectStatus(r, 201);
    const a = json(r);
    assert.equal(a.answer, "denied");
    assert.deepEqual(a.credentialCheck, { verified: true, validForPurpose: false });
    const f = a.decision.findings.find((x: any) => x.id === "sales.handgun.buyer-credential");
    assert.equal(f.status, "not-met");
    assert.match(f.citation, /29-36j/);
    assert.match(f.remedy, /handgun eligibility certificate/);
    assert.ok(a.citations.some((c: string) => /29-36j/.test(c)));
    assert.equal(a.appeal[0].to, "Board of Firearms Permit Examiners");
    assert.equal(env.nics.checks, checks, "a sale the state refuses needs no NICS check");
    assert.equal(
      json(await call("dealer", { method: "GET", url: `/api/v1/sales/${a.sale.id}` })).record,
      null,
      "no receipt for a denied sale",
    );
    const letter = await env.services.db.query("SELECT template, body FROM outbox WHERE person_id = $1", [b.person.id]);
    assert.equal(letter[0]!.template, "sale-denied");
    assert.match(letter[0]!.body, /Board of Firearms Permit Examiners/);
  });

  test("a credential that does not match the buyer's name or date of birth is never a denial: the sale waits for review", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const a = json(await post("dealer", saleBody(b, { buyer: { birthDate: "1979-04-13" } })));
    assert.equal(a.answer, "delayed");
    assert.equal(a.sale.delayReason, "needs-review");
    assert.deepEqual(a.credentialCheck, { verified: false, validForPurpose: null });
    assert.equal(a.mayProceedOn, null);
    const proceed = await call("dealer", { method: "POST", url: `/api/v1/sales/${a.sale.id}/proceed` });
    expectProblem(proceed, 409);
  });

  test("a revoked credential is denied; the dealer sees the rule, the buyer's letter the record", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    await env.services.db.query(
      "INSERT INTO prohibiting_events (person_id, kind, event_on, statute, felony, source) VALUES ($1,'conviction','2026-01-10','53a-101',true,'Superior Court')",
      [b.person.id],
    );
    const a = json(await post("dealer", saleBody(b)));
    assert.equal(a.answer, "denied");
    const f = a.decision.findings.find((x: any) => x.id === "sales.long-gun.buyer-may-possess");
    assert.equal(f.status, "not-met");
    assert.doesNotMatch(JSON.stringify(f), /53a-101|felony/i, "the dealer does not see the buyer's record");
    assert.match(f.because, /record in the state's files/);
    const staff = json(
      await call("licensing_staff", {
        method: "GET",
        url: `/api/v1/sales/${a.sale.id}`,
        headers: { "stateline-purpose": "licensing-review; reviewing the sale record" },
      }),
    );
    assert.match(
      JSON.stringify(staff.decision.findings.find((x: any) => x.id === "sales.long-gun.buyer-may-possess")),
      /felony/i,
    );
    const letter = await env.services.db.query(
      "SELECT body FROM outbox WHERE person_id = $1 AND template = 'sale-denied'",
      [b.person.id],
    );
    assert.match(letter[0]!.body, /felony/i);
  });

  test("NICS Denied: denied, with the NICS appeal and the NICS transaction number", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    env.nics.deny(b.person);
    const a = json(await post("dealer", saleBody(b)));
    assert.equal(a.answer, "denied");
    assert.match(a.nicsTransactionNumber, /^[0-9A-Z]{10}$/);
    assert.ok(a.appeal.some((x: any) => x.citation === "28 C.F.R. § 25.10"));
    const f = a.decision.findings.find((x: any) => x.id === "sales.long-gun.despp-authorization");
    assert.equal(f.status, "not-met");
    assert.match(f.citation, /PA 13-3 § 1/);
    assert.equal(await count(env, "sale_records WHERE sale_id = $1", [a.sale.id]), 0);
  });

  test("a fault from NICS (not an outage) rolls everything back: no half-written sale", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const nics = env.services.adapters.nics;
    const original = nics.check.bind(nics);
    const before = await tables();
    nics.check = async () => {
      throw new Error("NICS answered with a malformed message");
    };
    try {
      assert.equal((await post("dealer", saleBody(b))).statusCode, 500);
      const key = await env.apiKey("dealer");
      assert.equal(
        (await post({ apiKey: key }, saleBody(b), { "idempotency-key": "sale-fault-0001" })).statusCode,
        500,
      );
    } finally {
      nics.check = original;
    }
    assert.deepEqual(await tables(), before);
    assert.equal(await count(env, "idempotency_keys WHERE key = 'sale-fault-0001'"), 0);
  });
});

describe("idempotency", () => {
  test("a retry with the same key returns the first answer and stores one sale; the same key with another body is 422", async () => {
    const key = await env.apiKey("dealer");
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const body = saleBody(b);
    const first = await post({ apiKey: key }, body, { "idempotency-key": "sale-retry-000001" });
    expectStatus(first, 201);
    const checks = env.nics.checks;
    const again = await post({ apiKey: key }, body, { "idempotency-key": "sale-retry-000001" });
    expectStatus(again, 201);
    assert.equal(again.headers["idempotent-replayed"], "true");
    assert.deepEqual(json(again), json(first));
    assert.equal(env.nics.checks, checks, "the retry runs no second NICS check");
    assert.equal(await count(env, "sales WHERE firearm_serial_number = $1", [body.firearm.serialNumber]), 1);
    const other = await post(
      { apiKey: key },
      { ...body, firearm: { ...body.firearm, model: "Other" } },
      { "idempotency-key": "sale-retry-000001" },
    );
    expectProblem(other, 422, "header.idempotency-key");
    expectProblem(await post({ apiKey: key }, body), 400, "header.idempotency-key");
  });
});

describe("who sees what", () => {
  test("a dealer sees only its own sales", async () => {
    const other = await setupShop(env);
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const mine = json(await post("dealer", saleBody(b))).sale;
    const theirs = json(
      await post(
        { username: other.username },
        saleBody(await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" })),
      ),
    ).sale;
    const list = json(await call("dealer", { method: "GET", url: "/api/v1/sales?limit=200" }));
    assert.ok(list.items.some((s: any) => s.id === mine.id));
    assert.ok(!list.items.some((s: any) => s.id === theirs.id));
    expectProblem(await call("dealer", { method: "GET", url: `/api/v1/sales/${theirs.id}` }), 403);
    expectProblem(
      await call("dealer", {
        method: "POST",
        url: `/api/v1/sales/${theirs.id}/cancel`,
        payload: { reason: "not mine to cancel" },
      }),
      403,
    );
    const theirList = json(await call({ username: other.username }, { method: "GET", url: "/api/v1/sales" }));
    assert.deepEqual(
      theirList.items.map((s: any) => s.id),
      [theirs.id],
    );
    const all = json(
      await call("licensing_staff", {
        method: "GET",
        url: `/api/v1/sales?dealerId=${other.dealerId}`,
        headers: { "stateline-purpose": "licensing-review; reviewing the sale record" },
      }),
    );
    assert.deepEqual(
      all.items.map((s: any) => s.id),
      [theirs.id],
    );
  });

  test("law enforcement look up by serial number with a purpose, audited; they see no identification or NICS details", async () => {
    const b = await buyerWithCredential(env, { kind: "handgun-eligibility-certificate" });
    const s = json(await post("dealer", saleBody(b, { kind: "retail-handgun" }))).sale;
    expectProblem(await call("law_enforcement", { method: "GET", url: "/api/v1/sales" }), 400, "query.serialNumber");
    expectProblem(
      await call("law_enforcement", { method: "GET", url: `/api/v1/sales?serialNumber=${s.firearm.serialNumber}` }),
      400,
      "header.stateline-purpose",
    );
    const r = json(
      await call("law_enforcement", {
        method: "GET",
        url: `/api/v1/sales?serialNumber=${s.firearm.serialNumber.toLowerCase()}`,
        headers: { "stateline-purpose": "criminal-investigation; recovered at scene, case 26-0042" },
      }),
    );
    assert.equal(r.total, 1);
    assert.equal(r.items[0].buyer.lastName, b.person.lastName);
    assert.equal(r.items[0].buyer.idDocument, undefined);
    assert.equal(r.items[0].nics, undefined);
    assert.equal(r.items[0].buyer.credentialNumber, undefined);
    const audit = await env.services.db.query(
      "SELECT purpose FROM audit_log WHERE action = 'sale.lookup-by-serial' AND entity_id = $1",
      [s.firearm.serialNumber.toLowerCase()],
    );
    assert.equal(audit[0]!.purpose, "criminal-investigation: recovered at scene, case 26-0042");
    expectProblem(
      await call("law_enforcement", { method: "GET", url: `/api/v1/sales/${s.id}` }),
      400,
      "header.stateline-purpose",
    );
    const one = json(
      await call("law_enforcement", {
        method: "GET",
        url: `/api/v1/sales/${s.id}`,
        headers: { "stateline-purpose": "criminal-investigation; case 26-0042" },
      }),
    );
    assert.equal(one.sale.buyer.idDocument, undefined);
    expectProblem(await call("resident", { method: "GET", url: "/api/v1/sales" }), 403);
  });

  test("a dealer cancels its authorized sale; the authorization is void and a second cancel is a conflict", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const s = json(await post("dealer", saleBody(b))).sale;
    expectProblem(
      await call("dealer", { method: "POST", url: `/api/v1/sales/${s.id}/cancel`, payload: {} }),
      400,
      "reason",
    );
    const c = json(
      await call("dealer", {
        method: "POST",
        url: `/api/v1/sales/${s.id}/cancel`,
        payload: { reason: "the buyer changed their mind" },
      }),
    );
    assert.equal(c.answer, "cancelled");
    assert.equal(c.authorizationNumber, null);
    expectProblem(
      await call("dealer", { method: "POST", url: `/api/v1/sales/${s.id}/cancel`, payload: { reason: "again" } }),
      409,
    );
    expectProblem(await call("dealer", { method: "POST", url: `/api/v1/sales/${s.id}/proceed` }), 409);
  });

  test("licensing staff authorize a private sale through the state's route; dealers may not", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const body = { ...saleBody(b, { kind: "private-long-gun-via-dealer" }), kind: "private-long-gun" };
    expectProblem(
      await call("dealer", { method: "POST", url: "/api/v1/sales/private-state-authorization", payload: body }),
      403,
    );
    const a = json(
      await call("licensing_staff", {
        method: "POST",
        url: "/api/v1/sales/private-state-authorization",
        payload: body,
      }),
    );
    assert.equal(a.answer, "authorized");
    assert.equal(a.sale.kind, "private-long-gun-via-state");
    assert.equal(a.sale.dealer, null);
    assert.ok(a.decision.findings.some((f: any) => f.id === "sales.long-gun.private-transfer" && f.status === "met"));
    const check = await env.services.db.query(
      "SELECT purpose, transaction_type FROM sale_nics_checks WHERE sale_id = $1",
      [a.sale.id],
    );
    assert.deepEqual(check[0], { purpose: "private-sale", transaction_type: "28" });
  });
});
