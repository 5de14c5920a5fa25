/**
 * The staff sales list's filters through the shared paging schema: good filters narrow the list,
 * a bad one is a 400 with the error beside its field (never a 500, never silently ignored).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectStatus, type Call } from "../../../test/api/support.ts";
import { attachStaff } from "../dealers/service.ts";
import { buyerWithCredential, saleBody, setupShop } from "./test-support.ts";

let env: TestEnv;
let call: Call;

before(async () => {
  env = await createTestEnv();
  call = caller(env);
  const shop = await setupShop(env);
  await attachStaff(env.services.db, env.users.dealer.id, shop.dealerId, "owner");
  for (const [last, serial] of [
    ["Filterby", "FLT-1"],
    ["Otherone", "FLT-2"],
  ] as const) {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate", lastName: last });
    expectStatus(
      await call("dealer", {
        method: "POST",
        url: "/api/v1/sales",
        payload: saleBody(b, { firearm: { serialNumber: serial } }),
      }),
      201,
    );
  }
  // The purpose, posted once and remembered for the list.
  const gate = await env.as("licensing_staff", {
    method: "POST",
    url: "/staff/sales",
    payload: new URLSearchParams({
      purposeCode: "licensing-review",
      purposeText: "reviewing sales in a test",
    }).toString(),
    headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
  });
  assert.equal(gate.statusCode, 303);
});
after(async () => {
  await env.close();
});

const get = (url: string) => env.as("licensing_staff", { method: "GET", url, headers: { accept: "text/html" } });

describe("staff sales list filters", () => {
  test("a serial number narrows the list; sale numbers are links", async () => {
    const all = await get("/staff/sales");
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /Filterby/);
    assert.match(all.body, /Otherone/);
    const one = await get("/staff/sales?serialNumber=flt-1&status=&from=");
    assert.equal(one.statusCode, 200);
    assert.match(one.body, /Filterby/);
    assert.doesNotMatch(one.body, /Otherone/);
    assert.match(one.body, /<a href="\/staff\/sales\/[0-9a-f-]{36}">S-\d+<\/a>/);
  });

  test("bad filters are a 400 with the error beside the field", async () => {
    for (const [url, field] of [
      ["/staff/sales?from=2026-13-01", "from"],
      ["/staff/sales?status=stolen", "status"],
      ["/staff/sales?dealerId=not-a-dealer", "dealerId"],
      ["/staff/sales?from=2026-11-20&to=2026-11-01", "from"],
      ["/staff/sales?page=0", "page"],
      ["/staff/sales?purpose=x", "purpose"],
    ] as const) {
      const r = await get(url);
      assert.equal(r.statusCode, 400, url);
      assert.match(r.body, new RegExp(`href="#${field}"`), url);
      assert.doesNotMatch(r.body, /Filterby/, url);
    }
    assert.match((await get("/staff/sales?from=2026-13-01")).body, /id="from-error"/);
  });
});
