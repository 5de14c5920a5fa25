/**
 * Private sales through the state's own route, in the web pages: licensing
 * staff fill the sale form with the state's kinds, the sale is stored on the
 * state channel and shown at once; dealers and residents are refused.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { listSales } from "./queries.ts";
import { buyerWithCredential } from "./test-support.ts";

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(async () => {
  await env.close();
});

const form = (o: Record<string, string>) => ({
  payload: new URLSearchParams(o).toString(),
  headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
});

describe("staff-processed private sales (pages)", () => {
  test("the form is for licensing staff only", async () => {
    assert.equal(
      (
        await env.as("licensing_staff", {
          method: "GET",
          url: "/staff/sales/private/new",
          headers: { accept: "text/html" },
        })
      ).statusCode,
      200,
    );
    for (const role of ["dealer", "resident", "law_enforcement"] as const) {
      assert.equal(
        (await env.as(role, { method: "GET", url: "/staff/sales/private/new", headers: { accept: "text/html" } }))
          .statusCode,
        403,
        role,
      );
      assert.equal(
        (
          await env.as(role, {
            method: "POST",
            url: "/staff/sales/private",
            ...form({ kind: "private-long-gun-via-state" }),
          })
        ).statusCode,
        403,
        role,
      );
    }
  });

  test("a private long gun sale is authorized through the state and shown at once; a missing seller is named", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const fields = {
      kind: "private-long-gun-via-state",
      buyerFirstName: b.person.firstName,
      buyerLastName: b.person.lastName,
      buyerBirthDate: b.person.birthDate,
      buyerBirthPlace: "New Haven, CT",
      buyerStreet: "1 Elm Street",
      buyerTown: "New Haven",
      buyerState: "CT",
      buyerCredentialNumber: b.credentialNumber,
      idType: "state-id",
      idNumber: "S1234567",
      idIssuer: "CT DMV",
      make: "MOS",
      model: "500",
      serialNumber: "STATE-1001",
      type: "SP",
      caliber: "12",
    };
    const bad = await env.as("licensing_staff", { method: "POST", url: "/staff/sales/private", ...form(fields) });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /private seller/);
    const ok = await env.as("licensing_staff", {
      method: "POST",
      url: "/staff/sales/private",
      ...form({
        ...fields,
        sellerName: "Lou Neighbor",
        sellerStreet: "3 Shore Road",
        sellerTown: "Madison",
        sellerState: "CT",
      }),
    });
    assert.equal(ok.statusCode, 303);
    const s = (await listSales(env.services.db, { serialNumber: "STATE-1001", limit: 1, offset: 0 })).items[0]!;
    assert.equal(s.channel, "state");
    assert.equal(s.kind, "private-long-gun-via-state");
    assert.equal(s.status, "authorized");
    assert.equal(ok.headers.location, `/staff/sales/${s.id}`);
    const page = await env.as("licensing_staff", {
      method: "GET",
      url: `/staff/sales/${s.id}`,
      headers: { accept: "text/html" },
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /id="authorization-number"/);
  });
});
