/**
 * The public rules catalogue: search by words, filter by area and by date in force, paging, one
 * page per rule (text, citations, versions, the questions that use it), and bad filters as a 400
 * page naming the field.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { RULES } from "../../law/ct/index.ts";

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(async () => {
  await env.close();
});

const get = (url: string) => env.as(null, { method: "GET", url, headers: { accept: "text/html" } });
const ruleLinks = (body: string) => [...body.matchAll(/<a href="\/rules\/([a-z0-9.-]+)">/g)].map((m) => m[1]!);

describe("/rules", () => {
  test("the first page shows 20 rules with a pager, not every rule at once", async () => {
    const r = await get("/rules");
    assert.equal(r.statusCode, 200);
    const links = ruleLinks(r.body).filter((id) => !id.startsWith("questions"));
    assert.equal(links.length, 20);
    assert.match(r.body, new RegExp(`Page 1 of ${Math.ceil(RULES.length / 20)}`));
    assert.match(r.body, /href="\/rules\?page=2"/);
    const p2 = await get("/rules?page=2");
    assert.equal(p2.statusCode, 200);
    assert.notDeepEqual(ruleLinks(p2.body).slice(0, 3), links.slice(0, 3));
  });

  test("search by words finds the rule and keeps the filters in the pager", async () => {
    const r = await get("/rules?q=waiting+period");
    assert.equal(r.statusCode, 200);
    assert.ok(ruleLinks(r.body).includes("sales.long-gun.waiting-period"), "the waiting-period rule is found");
    const none = await get("/rules?q=zzzz-no-such-rule");
    assert.equal(none.statusCode, 200);
    assert.match(none.body, /0 rules match/);
    assert.match(none.body, /No rule matches/);
  });

  test("filter by area shows only that area's rules", async () => {
    const r = await get("/rules?area=safe-storage");
    assert.equal(r.statusCode, 200);
    const ids = ruleLinks(r.body).filter((id) => !id.startsWith("questions"));
    assert.ok(ids.length > 0);
    assert.ok(
      ids.every((id) => id.startsWith("storage.")),
      ids.join(","),
    );
  });

  test("filter by date in force: the day before a rule stops applying shows it, that day does not", async () => {
    // storage.strict-liability applied from 2013-04-04 until 2019-10-01 (exclusive).
    const on = await get("/rules?area=safe-storage&on=2019-09-30");
    assert.ok(ruleLinks(on.body).includes("storage.strict-liability"));
    const off = await get("/rules?area=safe-storage&on=2019-10-01");
    assert.ok(!ruleLinks(off.body).includes("storage.strict-liability"));
    // Before a rule starts it is not in force.
    const early = await get("/rules?area=sales&on=2013-04-03");
    assert.ok(!ruleLinks(early.body).includes("sales.long-gun.waiting-period"));
  });

  test("bad filters are a 400 page naming the field, never a 500", async () => {
    for (const [url, field] of [
      ["/rules?on=2019-02-30", "On"],
      ["/rules?area=nowhere", "Area"],
      ["/rules?page=0", "Page"],
      ["/rules?page=abc", "Page"],
      [`/rules?q=${"x".repeat(101)}`, "Q"],
    ] as const) {
      const r = await get(url);
      assert.equal(r.statusCode, 400, url);
      assert.match(r.body, new RegExp(`<strong>${field}</strong>`), url);
    }
  });

  test("one page per rule: text, citation, versions and the questions that use it", async () => {
    const r = await get("/rules/sales.long-gun.waiting-period");
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /<h2>What it says<\/h2>/);
    assert.match(r.body, /<h2>Where it comes from<\/h2>[\s\S]*<cite>/);
    assert.match(r.body, /<h2>Versions<\/h2>[\s\S]*2013-04-04[\s\S]*2014-04-01/);
    assert.match(
      r.body,
      /<h2>Questions that use it<\/h2>\s*<ul class="usa-list"><li><a href="\/rules\/questions\/[a-z-]+">/,
    );
    // Two versions of one requirement link to each other.
    const before = await get("/rules/corrections.violent-offender-parole.before");
    assert.equal(before.statusCode, 200);
    assert.match(before.body, /href="\/rules\/corrections.violent-offender-parole"/);
  });

  test("an unknown rule is a 404 page", async () => {
    const r = await get("/rules/no.such-rule");
    assert.equal(r.statusCode, 404);
    const q = await get("/rules/questions/credential-eligibility");
    assert.equal(q.statusCode, 200, "question pages still answer under /rules/questions/");
  });
});
