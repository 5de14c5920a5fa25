/**
 * The outbox page: shown in answer to a posted purpose, filtered by delivery status, 50 a page
 * with pages posted (the purpose never in the address), each page an audited read; bad filters a
 * 400 naming the field.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { searchAudit } from "../audit/reads.ts";

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
  for (let i = 1; i <= 60; i++)
    await env.services.db.query(
      "INSERT INTO outbox (channel, person_id, recipient, template, subject, body) VALUES ('letter', $1, $2, 'test', $3, 'body')",
      [env.resident.id, "Robin Testperson\n1 Main Street", `Test notice ${i}`],
    );
});
after(async () => {
  await env.close();
});

const post = (role: Parameters<TestEnv["as"]>[0], fields: Record<string, string>) =>
  env.as(role, {
    method: "POST",
    url: "/staff/outbox",
    payload: new URLSearchParams(fields).toString(),
    headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
  });
const PURPOSE = { purposeCode: "licensing-review", purposeText: "checking the letters went out" };
const subjects = (body: string) => [...body.matchAll(/>Test notice (\d+)</g)].map((m) => Number(m[1]));

describe("the outbox page", () => {
  test("licensing staff and administrators only; others are refused (403)", async () => {
    for (const role of ["dealer", "resident", "auditor", "law_enforcement"] as const)
      assert.equal((await post(role, PURPOSE)).statusCode, 403, role);
    assert.equal((await post("admin", PURPOSE)).statusCode, 200);
  });

  test("50 a page, newest first; the next page is posted with the purpose and audited again", async () => {
    const before = (await searchAudit(env.services.db, { action: "notice.list" }, { limit: 100 })).length;
    const p1 = await post("licensing_staff", PURPOSE);
    assert.equal(p1.statusCode, 200);
    const s1 = subjects(p1.body);
    assert.equal(s1.length, 50);
    assert.equal(s1[0], 60);
    assert.match(p1.body, /Page 1 of 2 \(\d+ in all\)/);
    assert.match(p1.body, /<button[^>]*name="page" value="2">Next page<\/button>/);
    assert.match(p1.body, /<input type="hidden" name="purposeCode" value="licensing-review">/);
    const p2 = await post("licensing_staff", { ...PURPOSE, page: "2" });
    const s2 = subjects(p2.body);
    assert.deepEqual(s2, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const after = (await searchAudit(env.services.db, { action: "notice.list" }, { limit: 100 })).length;
    assert.equal(after - before, 2, "each page is an audited read");
  });

  test("filter by delivery status; bad values a 400 naming the field", async () => {
    const sent = await post("licensing_staff", { ...PURPOSE, status: "sent" });
    assert.equal(sent.statusCode, 200);
    assert.deepEqual(subjects(sent.body), []);
    for (const [fields, field] of [
      [{ status: "lost" }, "status"],
      [{ page: "0" }, "page"],
      [{ page: "x" }, "page"],
    ] as const) {
      const r = await post("licensing_staff", { ...PURPOSE, ...fields });
      assert.equal(r.statusCode, 400, JSON.stringify(fields));
      assert.match(r.body, new RegExp(`href="#${field}"`));
    }
    const noPurpose = await post("licensing_staff", { status: "sent" });
    assert.equal(noPurpose.statusCode, 400);
    assert.doesNotMatch(noPurpose.body, /Test notice/);
  });
});
