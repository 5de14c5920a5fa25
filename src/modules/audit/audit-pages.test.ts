/**
 * The audit trail page for auditors: who may see it, filters by actor, action, record, outcome
 * and Connecticut days (both ends of the range), bad filters as a 400 naming the field, people
 * shown by name and username, and the CSV export with the same filters, itself audited.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { appendAudit } from "./service.ts";
import { searchAudit } from "./reads.ts";
import type { PlainDate } from "../../law/core/dates.ts";

let env: TestEnv;
before(async () => {
  env = await createTestEnv({ today: "2026-03-01" });
  // Entries on three days, by two people, with distinct actions and records.
  env.clock.set("2026-03-01" as PlainDate);
  await appendAudit(env.services.db, env.ctx("licensing_staff"), {
    action: "zz.read",
    entityType: "zzsale",
    entityId: "S-000001",
    purpose: "licensing-review: test entry one",
  });
  env.clock.set("2026-03-02" as PlainDate);
  await appendAudit(env.services.db, env.ctx("law_enforcement"), {
    action: "zz.lookup",
    entityType: "zzsale",
    entityId: "S-000002",
    purpose: "criminal-investigation: =HYPERLINK(bad)",
  });
  await appendAudit(env.services.db, env.ctx("law_enforcement"), {
    action: "zz.list",
    entityType: "zzleads",
    outcome: "denied",
  });
  env.clock.set("2026-03-03" as PlainDate);
  await appendAudit(env.services.db, env.ctx("licensing_staff"), {
    action: "yy.issue",
    entityType: "zzapplication",
    entityId: "A-000003",
  });
});
after(async () => {
  await env.close();
});

const get = (role: Parameters<TestEnv["as"]>[0], url: string) =>
  env.as(role, { method: "GET", url, headers: { accept: "text/html" } });
const entries = (body: string) => [...body.matchAll(/<code>((?:zz|yy)\.[a-z]+)<\/code>/g)].map((m) => m[1]!);

describe("the audit trail page", () => {
  test("sign-in first; only auditors and administrators", async () => {
    const anon = await get(null, "/audit");
    assert.equal(anon.statusCode, 303);
    assert.match(String(anon.headers.location), /^\/login/);
    for (const role of ["licensing_staff", "law_enforcement", "resident", "dealer"] as const) {
      assert.equal((await get(role, "/audit")).statusCode, 403, role);
      assert.equal((await get(role, "/audit/export.csv")).statusCode, 403, role);
    }
    assert.equal((await get("auditor", "/audit")).statusCode, 200);
    assert.equal((await get("admin", "/audit")).statusCode, 200);
  });

  test("records are shown by the number people use, not their internal id", async () => {
    await appendAudit(env.services.db, env.ctx("licensing_staff"), {
      action: "xx.user",
      entityType: "user",
      entityId: env.users.dealer.id,
    });
    const r = await get("auditor", "/audit?action=xx.user");
    assert.match(r.body, new RegExp(`>${env.users.dealer.username}</a>`));
    assert.doesNotMatch(r.body, new RegExp(`>${env.users.dealer.id}</a>`));
  });

  test("people are shown by name and username, not role and id", async () => {
    const r = await get("auditor", "/audit?action=zz.");
    assert.match(r.body, /Test licensing_staff \(licensing-staff\)/);
    assert.match(r.body, /Test law_enforcement \(law-enforcement\)/);
    assert.doesNotMatch(r.body, new RegExp(env.users.licensing_staff.id));
  });

  test("filters: actor, action (or its start), record kind, record id, outcome", async () => {
    assert.deepEqual(entries((await get("auditor", "/audit?actor=law-enforcement&action=zz.")).body), [
      "zz.list",
      "zz.lookup",
    ]);
    assert.deepEqual(entries((await get("auditor", "/audit?action=zz.read")).body), ["zz.read"]);
    assert.deepEqual(entries((await get("auditor", "/audit?entityType=zzsale")).body), ["zz.lookup", "zz.read"]);
    assert.deepEqual(entries((await get("auditor", "/audit?entityId=A-000003")).body), ["yy.issue"]);
    assert.deepEqual(entries((await get("auditor", "/audit?outcome=denied&action=zz.")).body), ["zz.list"]);
  });

  test("date range: Connecticut days, both ends included", async () => {
    assert.deepEqual(entries((await get("auditor", "/audit?from=2026-03-02&to=2026-03-02")).body), [
      "zz.list",
      "zz.lookup",
    ]);
    assert.deepEqual(entries((await get("auditor", "/audit?from=2026-03-03")).body), ["yy.issue"]);
    assert.deepEqual(entries((await get("auditor", "/audit?to=2026-03-01")).body), ["zz.read"]);
    assert.deepEqual(entries((await get("auditor", "/audit?to=2026-02-28")).body), []);
  });

  test("bad filters are a 400 page naming the field", async () => {
    for (const [url, field] of [
      ["/audit?from=2026-02-30", "From"],
      ["/audit?from=2026-03-03&to=2026-03-01", "From"],
      ["/audit?outcome=maybe", "Outcome"],
      ["/audit?actor=nobody-here", "Actor"],
      ["/audit?actor=%3Cscript%3E", "Actor"],
      ["/audit?before=-1", "Before"],
      ["/audit?purpose=audit-review", "Purpose"],
    ] as const) {
      const r = await get("auditor", url);
      assert.equal(r.statusCode, 400, url);
      assert.match(r.body, new RegExp(`<strong>${field}</strong>`), url);
    }
    const api = await env.as("auditor", { method: "GET", url: "/api/v1/audit?outcome=maybe" });
    assert.equal(api.statusCode, 400);
    assert.equal(JSON.parse(api.body).errors[0].field, "query.outcome");
  });

  test("the CSV export carries the filtered entries, neutralises formulas, and is itself audited", async () => {
    const r = await get("auditor", "/audit/export.csv?action=zz.&actor=law-enforcement");
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers["content-type"]), /^text\/csv/);
    assert.match(String(r.headers["content-disposition"]), /attachment; filename="audit-trail-2026-03-03\.csv"/);
    const lines = r.body.trim().split("\r\n");
    assert.match(lines[0]!, /^"entry","at","actor_username","actor_name"/);
    assert.equal(lines.length, 3, r.body);
    assert.ok(lines.slice(1).every((l) => l.includes('"law-enforcement"')));
    assert.ok(r.body.includes(`"criminal-investigation: =HYPERLINK(bad)"`));
    assert.ok(!/(^|,)"=/.test(r.body), "no cell starts with =");
    const exported = await searchAudit(env.services.db, { action: "audit.export" }, { limit: 5 });
    assert.equal(exported.length, 1);
    assert.equal(exported[0]!.actorId, env.users.auditor.id);
    // The page links the download with the same filters.
    const page = await get("auditor", "/audit?action=zz.&actor=law-enforcement");
    assert.match(page.body, /href="\/audit\/export\.csv\?actor=law-enforcement&amp;action=zz\."/);
  });

  test("keyset paging: older entries keep the filters", async () => {
    for (let i = 0; i < 55; i++)
      await appendAudit(env.services.db, env.ctx("licensing_staff"), { action: "ww.bulk", entityType: "zzbulk" });
    const first = await get("auditor", "/audit?action=ww.");
    assert.equal([...first.body.matchAll(/<code>ww\.bulk<\/code>/g)].length, 50);
    const older = /href="(\/audit\?action=ww\.&amp;before=\d+)"/.exec(first.body);
    assert.ok(older, "an Older entries link with the filter");
    const second = await get("auditor", older[1]!.replace(/&amp;/g, "&"));
    assert.equal([...second.body.matchAll(/<code>ww\.bulk<\/code>/g)].length, 5);
  });
});
