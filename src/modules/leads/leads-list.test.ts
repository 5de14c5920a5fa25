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
const P = "purpose=Quarterly+review+of+leads";

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
