/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * For a dealer's developer and for anyone following a link: request examples and curl lines in
 * the API reference (each accepted by its route's schema), NCIC codes as enums, 415 for a body
 * that is not JSON, and the return to a deep link after signing in (never to another site).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { PASSWORD, createTestEnv, type TestEnv } from "../helpers.ts";
import { allRoutes } from "../../src/modules/index.ts";
import { NCIC_MAKES } from "../../src/modules/sales/ncic.ts";

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(async () => {
  await env.close();
});

describe("the API reference", () => {
  test("every published example is accepted by its route's body schema, and most routes with a body have one", async () => {
    const doc = (await env.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as any;
    let withBody = 0;
    let withExample = 0;
    for (const r of allRoutes()) {
      if (!r.url.startsWith("/api/") || !r.body) continue;
      withBody++;
      const op = doc.paths[r.url][r.method.toLowerCase()];
      const ex = op.requestBody.content["application/json"].example;
      assert.equal(typeof op["x-curl"], "string", `${r.method} ${r.url}: curl line`);
      if (ex === undefined) continue;
      withExample++;
      const parsed = r.body.safeParse(ex);
      assert.ok(parsed.success, `${r.method} ${r.url}: its example is refused: ${JSON.stringify(ex)}`);
      assert.ok(op["x-curl"].includes("-d '"), `${r.method} ${r.url}: the curl line sends the example`);
    }
    assert.ok(withBody > 50, `routes with a body: ${withBody}`);
    assert.ok(withExample / withBody >= 0.6, `examples for ${withExample} of ${withBody} routes with a body`);
  });

  test("a sale's firearm make, type and caliber are NCIC enums in the document; the sale has an example and a curl line", async () => {
    const doc = (await env.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as any;
    const op = doc.paths["/api/v1/sales"].post;
    const firearm = op.requestBody.content["application/json"].schema.properties.firearm;
    assert.deepEqual(firearm.properties.make.enum, Object.keys(NCIC_MAKES));
    assert.ok(firearm.properties.type.enum.includes("PR"));
    assert.ok(firearm.properties.caliber.enum.length > 10);
    assert.equal(op.requestBody.content["application/json"].example.kind, "retail-handgun");
    assert.match(op["x-curl"], /Authorization: Bearer/);
    assert.match(op["x-curl"], /-d '\{"kind":"retail-handgun"/);
    assert.match(op["x-curl"], /Idempotency-Key/);
    const page = await env.app.inject({ method: "GET", url: "/api/docs" });
    assert.match(
      page.body,
      /curl -X POST &quot;https:\/\/stateline\.example\.gov\/api\/v1\/sales&quot;|curl -X POST "https:\/\/stateline\.example\.gov\/api\/v1\/sales"/,
    );
    assert.match(page.body, /href="\/account\/api-keys"/);
  });
});

describe("media types", () => {
  test("a text/plain body is 415 and names the body; JSON with the same content is a 400 about fields", async () => {
    const key = await env.apiKey("dealer");
    const r = await env.app.inject({
      method: "POST",
      url: "/api/v1/sales",
      headers: { authorization: `Bearer ${key}`, "content-type": "text/plain", "idempotency-key": "k-text-plain-1" },
      payload: "buyer=someone",
    });
    assert.equal(r.statusCode, 415, r.body);
    assert.match(String(r.headers["content-type"]), /problem\+json/);
    const j = r.json() as any;
    assert.equal(j.errors[0].field, "body");
    const r2 = await env.app.inject({
      method: "POST",
      url: "/api/v1/sales",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        "idempotency-key": "k-text-plain-2",
      },
      payload: "{}",
    });
    assert.equal(r2.statusCode, 400);
  });
});

describe("signing in from a deep link", () => {
  async function signInWith(next: string | undefined) {
    const form = await env.app.inject({
      method: "GET",
      url: next === undefined ? "/login" : `/login?next=${encodeURIComponent(next)}`,
    });
    const cookie = String([form.headers["set-cookie"] ?? []].flat()[0] ?? "").split(";")[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? "";
    const hidden = /name="next" value="([^"]*)"/.exec(form.body)?.[1];
    const body = new URLSearchParams({
      username: env.users.licensing_staff.username,
      password: PASSWORD,
      _csrf: token,
    });
    if (hidden !== undefined) body.set("next", hidden.replace(/&amp;/g, "&"));
    const res = await env.app.inject({
      method: "POST",
      url: "/login",
      payload: body.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    });
    return { status: res.statusCode, location: res.headers.location, hidden };
  }

  test("a signed-out visit to a page is sent to sign in with the page to return to, and comes back there", async () => {
    const r = await env.app.inject({ method: "GET", url: "/staff/queue?status=approvable" });
    assert.equal(r.statusCode, 303);
    assert.equal(r.headers.location, `/login?next=${encodeURIComponent("/staff/queue?status=approvable")}`);
    const back = await signInWith("/staff/queue?status=approvable");
    assert.equal(back.status, 303);
    assert.equal(back.location, "/staff/queue?status=approvable");
  });

  test("without a link, or with a link to another site, signing in lands on the role's home", async () => {
    const home = (await signInWith(undefined)).location;
    assert.ok(home && home.startsWith("/") && !home.startsWith("//"));
    for (const evil of [
      "//evil.example/x",
      "https://evil.example/",
      "/\\evil.example",
      "/login",
      "javascript:alert(1)",
    ]) {
      const r = await signInWith(evil);
      assert.equal(r.hidden, undefined, `${evil} is not carried in the form`);
      assert.equal(r.location, home, `${evil} is not followed`);
    }
  });
});
