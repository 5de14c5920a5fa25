/**
 * The police serial-number search page: law enforcement only (a refused attempt audited), the
 * serial number and purpose posted, the sales of that serial shown with seller, buyer and
 * firearm, and each search audited with its purpose; bad entries a 400 naming the field.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectStatus, json, type Call } from "../../../test/api/support.ts";
import { attachStaff } from "../dealers/service.ts";
import { searchAudit } from "../audit/reads.ts";
import { buyerWithCredential, saleBody, setupShop } from "./test-support.ts";

let env: TestEnv;
let call: Call;
let saleNumber = "";

before(async () => {
  env = await createTestEnv();
  call = caller(env);
  const shop = await setupShop(env);
  await attachStaff(env.services.db, env.users.dealer.id, shop.dealerId, "owner");
  const b = await buyerWithCredential(env, {
    kind: "long-gun-eligibility-certificate",
    firstName: "Serena",
    lastName: "Serialton",
  });
  const r = await call("dealer", {
    method: "POST",
    url: "/api/v1/sales",
    payload: saleBody(b, { firearm: { serialNumber: "SN-4242" } }),
  });
  expectStatus(r, 201);
  saleNumber = json(r).sale.number;
  assert.match(saleNumber, /^S-/);
});
after(async () => {
  await env.close();
});

const post = (role: Parameters<TestEnv["as"]>[0], fields: Record<string, string>) =>
  env.as(role, {
    method: "POST",
    url: "/police/serial-search",
    payload: new URLSearchParams(fields).toString(),
    headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
  });
const PURPOSE = { purposeCode: "criminal-investigation", purposeText: "recovered at a scene, case 26-1234" };

describe("serial number search (police)", () => {
  test("sign-in first; law enforcement only, refusals audited", async () => {
    const anon = await env.as(null, { method: "GET", url: "/police/serial-search", headers: { accept: "text/html" } });
    assert.equal(anon.statusCode, 303);
    for (const role of ["dealer", "resident", "licensing_staff", "auditor"] as const)
      assert.equal((await post(role, { ...PURPOSE, serialNumber: "SN-4242" })).statusCode, 403, role);
    const denied = await searchAudit(
      env.services.db,
      { action: "sale.lookup-by-serial", outcome: "denied" },
      { limit: 10 },
    );
    assert.equal(denied.length, 4);
    const page = await env.as("law_enforcement", {
      method: "GET",
      url: "/police/serial-search",
      headers: { accept: "text/html" },
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /method="post" action="\/police\/serial-search"/);
  });

  test("the sales of the serial number (any case), with seller, buyer and firearm; the search is audited with its purpose", async () => {
    const r = await post("law_enforcement", { ...PURPOSE, serialNumber: "sn-4242" });
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /1 sale of serial number sn-4242/);
    assert.match(r.body, /Serena Serialton, born 1979-04-12/);
    assert.match(r.body, /SN-4242/);
    assert.match(r.body, new RegExp(`Sale ${saleNumber}`));
    const audit = await searchAudit(
      env.services.db,
      { action: "sale.lookup-by-serial", outcome: "success" },
      { limit: 5 },
    );
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.entityId, "sn-4242");
    assert.equal(audit[0]!.purpose, `criminal-investigation: ${PURPOSE.purposeText}`);
    const none = await post("law_enforcement", { ...PURPOSE, serialNumber: "NOPE-1" });
    assert.match(none.body, /No sale of a firearm with this serial number/);
  });

  test("a purpose and a serial number are required; bad entries are a 400 naming the field", async () => {
    for (const [fields, field] of [
      [{ serialNumber: "SN-4242" }, "purposeCode"],
      [{ ...PURPOSE, serialNumber: "" }, "serialNumber"],
      [{ ...PURPOSE, serialNumber: "x".repeat(41) }, "serialNumber"],
      [{ ...PURPOSE, purposeText: "short", serialNumber: "SN-4242" }, "purposeText"],
      [{ ...PURPOSE, serialNumber: "SN-4242", page: "0" }, "page"],
    ] as const) {
      const r = await post("law_enforcement", fields);
      assert.equal(r.statusCode, 400, JSON.stringify(fields));
      assert.match(r.body, new RegExp(`href="#${field}"`), JSON.stringify(fields));
      assert.doesNotMatch(r.body, /Serialton/);
    }
  });
});
