/**
 * Same serial number authorized twice in a few minutes (serial-warning.ts):
 * the second answer carries a warning (the other shop's sale number is not
 * shown), the dealer's sale page shows it; outside the window, or for a sale
 * not authorized, there is none.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectStatus, json, type Call } from "../../../test/api/support.ts";
import { attachStaff } from "../dealers/service.ts";
import { buyerWithCredential, saleBody, setupShop } from "./test-support.ts";
import { SAME_SERIAL_WINDOW_MINUTES } from "./serial-warning.ts";

let env: TestEnv;
let call: Call;
let other: { username: string };

before(async () => {
  env = await createTestEnv();
  call = caller(env);
  const shop = await setupShop(env);
  await attachStaff(env.services.db, env.users.dealer.id, shop.dealerId, "owner");
  other = await setupShop(env);
});
after(async () => {
  await env.close();
});

const sell = async (who: Parameters<Call>[0], serialNumber: string) => {
  const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
  const r = await call(who, {
    method: "POST",
    url: "/api/v1/sales",
    payload: saleBody(b, { firearm: { serialNumber } }),
  });
  expectStatus(r, 201);
  return json(r);
};

describe("same serial number authorized twice", () => {
  test("the second answer warns, without the other shop's sale number; the first answer had no warning", async () => {
    const first = await sell("dealer", "DUP-1001");
    assert.equal(first.answer, "authorized");
    assert.equal(first.warnings, undefined);
    env.clock.advance(4 * 60_000);
    const second = await sell({ username: other.username }, "dup-1001");
    assert.equal(second.answer, "authorized");
    assert.equal(second.warnings?.length, 1);
    assert.equal(second.warnings[0].code, "same-serial-recently-authorized");
    assert.equal(second.warnings[0].otherSaleNumber, null);
    assert.doesNotMatch(second.warnings[0].message, new RegExp(first.sale.number));
    assert.match(second.warnings[0].message, /4 minutes/);
  });

  test("the same shop sees its own other sale's number, on the answer and on the sale page", async () => {
    const first = await sell("dealer", "DUP-2001");
    const second = await sell("dealer", "DUP-2001");
    assert.equal(second.warnings[0].otherSaleNumber, first.sale.number);
    const page = await call("dealer", { method: "GET", url: `/dealer/sales/${second.sale.id}` });
    assert.match(page.body, /Check the serial number\./);
    assert.match(page.body, new RegExp(`your sale ${first.sale.number}`));
  });

  test(`no warning when the two are more than ${SAME_SERIAL_WINDOW_MINUTES} minutes apart`, async () => {
    await sell("dealer", "DUP-3001");
    env.clock.advance((SAME_SERIAL_WINDOW_MINUTES + 1) * 60_000);
    assert.equal((await sell("dealer", "DUP-3001")).warnings, undefined);
  });
});
