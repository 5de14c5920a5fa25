/**
 * The offender registry in the browser: staff key a court record (the rulebook decides the duty),
 * record the registration; a year later the police look the registrant up with a purpose and
 * report a deferral of the annual update for good cause; the registrant reports a move late and
 * is flagged. Every page is checked with axe.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { PlainDate } from "../../src/law/core/dates.ts";
import {
  clickAndLoad,
  expectAccessible,
  mainText,
  signIn,
  startBrowserEnv,
  tick,
  visit,
  type BrowserEnv,
} from "./support.ts";

/** A fresh browser context; axe is injected as a script, which the site's Content-Security-Policy would refuse. */
async function newPage(b: BrowserEnv) {
  const context = await b.browser.newContext({
    baseURL: b.base,
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  return { context, page: await context.newPage() };
}

let be: BrowserEnv;
before(async () => {
  be = await startBrowserEnv({ today: "2026-06-01" });
});
after(async () => {
  await be?.close();
});

test("from a court record to the first annual update with a deferral; a late change report flagged", async () => {
  const { env } = be;
  const staff = await newPage(be);
  await signIn(staff.page, "licensing-staff");
  // Step 1: key the court record for Robin (the test resident), released a week ago.
  assert.equal(await visit(staff.page, "/offenders/new"), 200);
  await expectAccessible(staff.page, be);
  await staff.page.getByLabel("Person id (if known to Stateline)").fill(env.resident.id);
  await staff.page.getByLabel("Statute violated (e.g. 53a-217c or 29-33(c))").fill("53a-217c");
  await staff.page.getByLabel("Date of the disposition").fill("2026-01-12");
  await staff.page.getByLabel("Release into the community (past or planned)").fill("2026-05-25");
  assert.equal(await clickAndLoad(staff.page, staff.page.getByRole("button", { name: "Decide and enter" })), 201);
  assert.match(await mainText(staff.page), /Must register.*registration due by 2026-06-08/);
  await expectAccessible(staff.page, be);

  // Step 2: look the registrant up with a purpose and record the registration.
  assert.equal(await visit(staff.page, "/offenders"), 200);
  await staff.page.getByLabel("Last name or alias").fill("Testperson");
  await staff.page.getByLabel("Why (case or complaint number and reason)").fill("registration appointment at DESPP");
  await staff.page.getByLabel("Purpose", { exact: true }).selectOption("registry-verification");
  assert.equal(await clickAndLoad(staff.page, staff.page.getByRole("button", { name: "Look up" })), 200);
  await expectAccessible(staff.page, be);
  assert.equal(await clickAndLoad(staff.page, staff.page.getByRole("button", { name: /^Open DWO-/ })), 200);
  await expectAccessible(staff.page, be);
  await staff.page.getByLabel("Physical description").fill("5 ft 9 in, brown hair, scar on the left hand");
  await staff.page.getByLabel("Home street address").fill("1 Main Street");
  await staff.page.getByLabel(/^Town/).first().fill("Hartford");
  await staff.page.getByLabel("Criminal history record reference").fill("SPBI-44120");
  await tick(staff.page.getByLabel(/The registrant signed and dated/));
  assert.equal(await clickAndLoad(staff.page, staff.page.getByRole("button", { name: "Record registration" })), 200);
  assert.match(await mainText(staff.page), /Registered on 2026-06-01; registered through 2031-05-31/);
  await staff.context.close();

  // Step 3: a year later, the police defer the annual appearance for good cause.
  env.clock.set("2027-06-10" as PlainDate);
  const police = await newPage(be);
  await signIn(police.page, "law-enforcement");
  assert.equal(await visit(police.page, "/offenders"), 200);
  await police.page.getByLabel("Last name or alias").fill("Testperson");
  await police.page
    .getByLabel("Why (case or complaint number and reason)")
    .fill("annual update appearance, Hartford PD");
  await police.page.getByLabel("Purpose", { exact: true }).selectOption("registry-verification");
  await clickAndLoad(police.page, police.page.getByRole("button", { name: "Look up" }));
  assert.ok(!police.page.url().includes("purpose"), "the purpose never travels in the URL");
  await clickAndLoad(police.page, police.page.getByRole("button", { name: /^Open DWO-/ }));
  await police.page.getByLabel("Outcome").selectOption("deferred");
  await police.page.getByLabel("Deferred to").fill("2027-07-15");
  await police.page.getByLabel("Good cause for the deferral").fill("in hospital after surgery until July");
  await police.page.getByLabel("Police department or troop").fill("Hartford Police Department");
  assert.equal(await clickAndLoad(police.page, police.page.getByRole("button", { name: "Send report" })), 200);
  assert.match(await mainText(police.page), /Annual update 1: deferred, deferred to 2027-07-15/);
  await expectAccessible(police.page, be);
  await police.context.close();

  // Step 4: the registrant reports a move eight business days late; it is flagged.
  env.clock.set("2027-06-21" as PlainDate);
  const me = await newPage(be);
  await signIn(me.page, "resident");
  assert.equal(await visit(me.page, "/offenders/me"), 200);
  assert.match(await mainText(me.page), /What you must do/);
  await expectAccessible(me.page, be);
  await me.page.getByLabel("Day of the change").fill("2027-06-07");
  await me.page.getByLabel("New street address").fill("22 Oak Street");
  await me.page.getByLabel(/^Town/).first().fill("Hartford");
  assert.equal(await clickAndLoad(me.page, me.page.getByRole("button", { name: "Send my written notice" })), 200);
  assert.match(await mainText(me.page), /it is late \(due 2027-06-14\)/);
  await expectAccessible(me.page, be);
  const flagged = await env.services.db.query(
    "SELECT kind, case_id FROM offender_noncompliance WHERE kind = 'late-change-report'",
  );
  assert.equal(flagged.length, 1);
  assert.ok(flagged[0]!.case_id);
  await me.context.close();
});
