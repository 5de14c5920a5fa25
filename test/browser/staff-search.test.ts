/**
 * Finding things (issue 9), in Chromium with axe at 1280 and 375 px: licensing staff find a person
 * by a nickname and open the record from the results without being asked the purpose again; an
 * auditor filters the audit trail to that search and downloads the filtered entries as CSV.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import type { PlainDate } from "../../src/law/core/dates.ts";
import { createPerson } from "../../src/modules/people/service.ts";
import {
  clickAndLoad,
  expectAccessible,
  mainText,
  signIn,
  startBrowserEnv,
  visit,
  type BrowserEnv,
} from "./support.ts";

let be: BrowserEnv;
before(async () => {
  be = await startBrowserEnv();
});
after(async () => {
  await be?.close();
});

async function pageAt(width: number): Promise<Page> {
  const context = await be.browser.newContext({ baseURL: be.base, viewport: { width, height: 900 } });
  return context.newPage();
}

/** A holder named Robert with an issued credential; returns its number. */
async function holder(lastName: string): Promise<string> {
  const { env } = be;
  const p = await createPerson(env.services.db, {
    firstName: "Robert",
    lastName,
    birthDate: "1971-05-09" as PlainDate,
    street: "12 Chapel Street",
    town: "New Haven",
    zip: "06510",
  });
  // Issued directly (this test is about finding it, not about issuing it).
  const number = `LE-${lastName.length}${Date.now() % 1_000_000}`;
  await env.services.db.query(
    `INSERT INTO credentials (number, person_id, kind, status, issued_on, expires_on, fee_cents)
     VALUES ($1, $2, 'long-gun-eligibility-certificate', 'active', '2025-06-01', '2030-06-01', 0)`,
    [number, p.id],
  );
  return number;
}

for (const width of [1280, 375]) {
  test(`staff find a person by a nickname and open the record; an auditor filters the trail and downloads it as CSV (${width} px)`, async () => {
    const lastName = width === 1280 ? "Quillfeather" : "Quillmore";
    const number = await holder(lastName);

    // Licensing staff: "Bob" finds Robert.
    const staff = await pageAt(width);
    assert.equal(await signIn(staff, "licensing-staff"), "/staff/queue");
    await expectAccessible(staff, be);
    if (width === 1280) {
      assert.equal(await clickAndLoad(staff, staff.getByRole("link", { name: "Find a person" }).first()), 200);
    } else {
      assert.equal(await visit(staff, "/staff/search"), 200);
    }
    assert.equal(new URL(staff.url()).pathname, "/staff/search");
    await expectAccessible(staff, be);
    await staff.getByLabel("Name", { exact: true }).fill(`Bob ${lastName}`);
    await staff.locator("#purposeCode").selectOption("licensing-review");
    await staff.locator("#purposeText").fill("a caller asked about his permit");
    assert.equal(await clickAndLoad(staff, staff.getByRole("button", { name: "Search", exact: true })), 200);
    assert.equal(new URL(staff.url()).search, "", "nothing searched for is in the address");
    const results = await mainText(staff);
    assert.match(results, new RegExp(`1 person matches`));
    assert.match(results, new RegExp(`Robert ${lastName}`));
    await expectAccessible(staff, be);

    // The credential number is a link; the record opens without the purpose gate.
    assert.equal(await clickAndLoad(staff, staff.getByRole("link", { name: number })), 200);
    assert.match(new URL(staff.url()).pathname, /^\/staff\/credentials\/[0-9a-f-]{36}$/);
    const record = await mainText(staff);
    assert.match(record, new RegExp(number));
    assert.doesNotMatch(record, /Why do you need this record/);
    await expectAccessible(staff, be);
    await staff.context().close();

    // The auditor: the trail filtered to staff's searches, then the CSV of the same entries.
    const auditor = await pageAt(width);
    assert.equal(await signIn(auditor, "auditor"), "/audit");
    await expectAccessible(auditor, be);
    await auditor.getByLabel("Who (username)").fill("licensing-staff");
    await auditor.getByLabel("Action", { exact: true }).fill("person.search");
    await auditor.getByLabel("From (day)").fill(be.env.clock.today());
    assert.equal(await clickAndLoad(auditor, auditor.getByRole("button", { name: "Filter", exact: true })), 200);
    const trail = await mainText(auditor);
    assert.match(trail, /person\.search/);
    assert.match(trail, /Test licensing_staff \(licensing-staff\)/);
    assert.match(trail, /licensing-review: a caller asked about his permit/);
    assert.doesNotMatch(trail, /credential\.read/, "the filter leaves other actions out");
    await expectAccessible(auditor, be);
    const href = await auditor.getByRole("link", { name: "Download these entries as CSV" }).getAttribute("href");
    assert.ok(href?.startsWith("/audit/export.csv?"), href ?? "");
    const csv = await auditor.context().request.get(href!);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()["content-type"] ?? "", /^text\/csv/);
    const lines = (await csv.text()).trim().split("\r\n");
    assert.match(lines[0]!, /^"entry","at","actor_username"/);
    assert.ok(lines.length >= 2);
    assert.ok(
      lines.slice(1).every((l) => l.includes('"person.search"') && l.includes('"licensing-staff"')),
      lines.join("\n"),
    );
    // The download itself is in the trail.
    assert.equal(await visit(auditor, "/audit?action=audit.export"), 200);
    assert.match(await mainText(auditor), /audit\.export/);
    await auditor.context().close();
  });
}
