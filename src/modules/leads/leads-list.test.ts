/**
 * The leads list's filters through the shared paging schema: a bad status, detector or page is a
 * 400 with the error beside its field, and nothing is listed (or audited as shown) for it.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(async () => {
  await env.close();
});

const get = (url: string) => env.as("law_enforcement", { method: "GET", url, headers: { accept: "text/html" } });
const P = "x=1";

describe("the purpose of the review", () => {
  test("asked in a posted form before anything is listed, never taken from the address", async () => {
    const first = await get("/leads?purpose=Quarterly+review+of+leads");
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /action="\/leads\?purpose=/);
    assert.doesNotMatch(first.body, /id="leads"/, "a purpose in the URL is not taken as one");
    const bad = await env.as("law_enforcement", {
      method: "POST",
      url: "/leads",
      payload: new URLSearchParams({ purposeCode: "criminal-investigation", purposeText: "short" }).toString(),
      headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
    });
    assert.equal(bad.statusCode, 400);
    const ok = await env.as("law_enforcement", {
      method: "POST",
      url: "/leads",
      payload: new URLSearchParams({
        purposeCode: "criminal-investigation",
        purposeText: "Quarterly review of leads",
      }).toString(),
      headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, "/leads");
    const after = await get("/leads");
    assert.equal(after.statusCode, 200);
    assert.match(after.body, /Suspicious purchase leads/);
    assert.doesNotMatch(after.body, /name="purposeCode"/, "remembered for the session");
  });
});

describe("leads list filters", () => {
  test("good filters answer 200", async () => {
    for (const q of ["", "&status=all", "&status=dismissed", "&status=", "&page=2"])
      assert.equal((await get(`/leads?${P}${q}`)).statusCode, 200, q);
  });

  test("bad filters are a 400 naming the field", async () => {
    for (const [q, field] of [
      ["&status=closed", "status"],
      ["&detector=psychic", "detector"],
      ["&page=0", "page"],
      ["&page=many", "page"],
    ] as const) {
      const r = await get(`/leads?${P}${q}`);
      assert.equal(r.statusCode, 400, q);
      assert.match(r.body, new RegExp(`href="#${field}"`), q);
      assert.doesNotMatch(r.body, /id="leads"/, q);
    }
  });
});
