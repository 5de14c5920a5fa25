/**
 * The tracing pages: an urgent trace asked through the form and answered from Stateline's own
 * records, a trace opened with a posted purpose, the source-state map with its table, the dealer
 * ranking and pages (a dealer sees only its own), and the leads page behind a purpose.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import type { Dealer } from "../dealers/index.ts";
import { configure, person, sale, shop } from "./testkit.ts";

let env: TestEnv, mine: Dealer, other: Dealer;
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const postForm = (role: Parameters<TestEnv["as"]>[0], url: string, o: Record<string, string>) =>
  env.as(role, {
    method: "POST",
    url,
    payload: form(o),
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
  });
const getPage = (role: Parameters<TestEnv["as"]>[0], url: string) =>
  env.as(role, { method: "GET", url, headers: { accept: "text/html" } });

before(async () => {
  env = await createTestEnv({ today: "2026-11-20" });
  configure(env);
  mine = await shop(env, { name: "Own Shop", staff: true });
  other = await shop(env, { name: "Other Shop" });
  const b = await person(env.services.db, { firstName: "Casey", lastName: "Form" });
  await sale(env.services.db, { dealerId: mine.id, buyer: b, on: "2026-03-01", serial: "PAGE1" });
});
after(() => env.close());

describe("trace pages", () => {
  test("an urgent trace through the form is answered at once; a bad form comes back with errors", async () => {
    const page = await getPage("law_enforcement", "/tracing");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Ask a trace/);
    const ok = await postForm("law_enforcement", "/tracing/traces", {
      priority: "urgent",
      make: "SW",
      serialStatus: "present",
      serialNumber: "PAGE1",
      recoveredOn: "2026-11-01",
      crimeCode: "5212",
      town: "Hartford",
      purposeCode: "firearm-trace",
      purposeText: "Shooting on Main Street, case 26-77",
    });
    assert.equal(ok.statusCode, 200, ok.body.slice(0, 500));
    assert.match(ok.body, /Answered from Stateline&#39;s records|Answered from Stateline's records/);
    assert.match(ok.body, /Own Shop/);
    assert.match(ok.body, /245 days/);
    const bad = await postForm("law_enforcement", "/tracing/traces", {
      priority: "urgent",
      make: "SW",
      serialStatus: "present",
      recoveredOn: "2026-13-01",
      crimeCode: "5212",
      purposeCode: "firearm-trace",
      purposeText: "short",
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /usa-error-message|usa-alert--error/);
  });
  test("a dealer may not open the trace pages", async () => {
    assert.equal((await getPage("dealer", "/tracing")).statusCode, 403);
  });
  test("opening a trace needs a posted purpose", async () => {
    const t = await env.services.db.query<{ id: string }>("SELECT id::text FROM traces LIMIT 1");
    const url = `/tracing/traces/${t[0]!.id}`;
    assert.equal((await postForm("law_enforcement", url, {})).statusCode, 400);
    const r = await postForm("law_enforcement", url, {
      purposeCode: "firearm-trace",
      purposeText: "Shooting on Main Street, case 26-77",
    });
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /PAGE1/);
  });
});

describe("analytics page", () => {
  test("the map and chart for a chosen year, each with its table, and the CSV link", async () => {
    const r = await getPage("trafficking_task_force", "/tracing/analytics?year=2019&state=CT");
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /<svg[^>]*role="img"/);
    assert.match(r.body, /<caption>Source states \(data for the map\)<\/caption>/);
    assert.match(r.body, /<caption>Top out-of-state sources \(data for the chart\)<\/caption>/);
    assert.match(r.body, /Georgia/);
    assert.match(r.body, /source-states\.csv\?year=2019&(amp;)?state=CT/);
    assert.equal((await getPage("trafficking_task_force", "/tracing/analytics?year=1999")).statusCode, 400);
    assert.equal((await getPage("resident", "/tracing/analytics")).statusCode, 403);
  });
});

describe("dealer pages", () => {
  test("the ranking for investigators; a dealer's own page and not another's", async () => {
    const r = await getPage("trafficking_task_force", "/tracing/dealers");
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /Own Shop/);
    const d = await getPage("trafficking_task_force", `/tracing/dealers/${mine.id}`);
    assert.match(d.body, /Traces per 1,000 sales/);
    const own = await getPage("dealer", "/tracing/my-dealer");
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /Own Shop \(your figures\)/);
    assert.equal((await getPage("dealer", `/tracing/dealers/${other.id}`)).statusCode, 403);
    assert.equal((await getPage("dealer", "/tracing/dealers")).statusCode, 403);
  });
});

describe("leads page", () => {
  test("shown only after a purpose is posted", async () => {
    assert.equal((await getPage("trafficking_task_force", "/tracing/leads")).statusCode, 200);
    assert.equal((await postForm("trafficking_task_force", "/tracing/leads", {})).statusCode, 400);
    const r = await postForm("trafficking_task_force", "/tracing/leads", {
      purposeCode: "criminal-investigation",
      purposeText: "Weekly review of trafficking leads",
    });
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /Trafficking leads/);
  });
});
