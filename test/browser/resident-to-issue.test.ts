/**
 * From application to credential in the browser: a resident applies online
 * for a long gun eligibility certificate and sees the decision with its
 * citations; licensing staff find it in the queue and issue it; the resident
 * sees the credential with its number and expiry.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { citationLabel } from "../../src/law/core/rules.ts";
import { credentialTerm } from "../../src/law/ct/credentials/index.ts";
import { listAudit } from "../../src/modules/audit/service.ts";
import { applicationsOfPerson, credentialsOfPerson, getDecision } from "../../src/modules/credentials/service.ts";
import {
  clickAndLoad,
  expectAccessible,
  mainText,
  newPage,
  signIn,
  startBrowserEnv,
  statePurpose,
  tick,
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

test("a resident applies, staff issue, the resident sees the credential", async () => {
  const { env } = be;
  const today = env.clock.today();

  // The resident signs in through the form and lands on their own page.
  const { context: residentCtx, page: rp } = await newPage(be);
  assert.equal(await signIn(rp, "resident"), "/me");
  assert.match(await mainText(rp), /You hold no credential yet/);
  await expectAccessible(rp, be);

  // The application form: without consent it comes back naming the field.
  await clickAndLoad(
    rp,
    rp.getByRole("navigation", { name: "Primary navigation" }).getByRole("link", { name: "Apply", exact: true }),
  );
  assert.equal(new URL(rp.url()).pathname, "/apply");
  assert.match(await mainText(rp), /Long gun eligibility certificate Fee: \$35\.00/);
  await expectAccessible(rp, be);
  await tick(rp.getByLabel("Long gun eligibility certificate"));
  await tick(rp.getByRole("group", { name: /citizen of the United States/ }).getByLabel("Yes"));
  await tick(rp.getByLabel(/I have paid the application fee/));
  assert.equal(await clickAndLoad(rp, rp.getByRole("button", { name: "Send application" })), 400);
  assert.match(
    await rp.locator("#backgroundCheckConsent-error").innerText(),
    /needs your consent to the background check/,
  );
  assert.ok(await rp.getByLabel("Long gun eligibility certificate").isChecked(), "the choice survives the error");
  await expectAccessible(rp, be);
  assert.equal((await applicationsOfPerson(env.services.db, env.resident.id)).length, 0, "nothing was stored");

  // Consent given: the application is checked at once and its decision shown.
  assert.equal(await rp.getByLabel("Town of residence").inputValue(), "Hartford");
  await tick(rp.getByLabel(/I consent to the state and national/));
  assert.equal(await clickAndLoad(rp, rp.getByRole("button", { name: "Send application" })), 200);
  assert.match(new URL(rp.url()).pathname, /^\/me\/applications\/[0-9a-f-]{36}$/);
  const [app] = await applicationsOfPerson(env.services.db, env.resident.id);
  assert.ok(app && app.latestDecisionId);
  assert.equal(app.credentialKind, "long-gun-eligibility-certificate");
  const decision = await getDecision(env.services.db, app.latestDecisionId);
  const text = await mainText(rp);
  assert.match(text, new RegExp(`Application ${app.number}`));
  assert.match(text, /received and checked/);
  assert.ok(decision.findings.length >= 10, "every requirement is listed");
  for (const f of decision.findings) {
    assert.ok(text.includes(f.because), `finding ${f.id} shows its reason: ${f.because}`);
    assert.ok(
      text.includes(`Citation: ${citationLabel(f.source)}`),
      `finding ${f.id} shows its citation ${citationLabel(f.source)}`,
    );
  }
  assert.match(text, /Citation: PA 13-3 §§ 2-7/);
  assert.match(text, /What happens next/);
  assert.equal(await rp.locator(".stateline-finding").count(), decision.findings.length);
  await expectAccessible(rp, be);

  // The checklist: the fee is paid; the safety course certificate is uploaded from the page.
  assert.match(text, /Your checklist/);
  const dir = mkdtempSync(join(tmpdir(), "course-"));
  const file = join(dir, "safety-course.pdf");
  writeFileSync(file, "%PDF-1.4\n% course completion certificate\n");
  await rp.getByLabel("Safety course certificate").setInputFiles(file);
  assert.equal(await clickAndLoad(rp, rp.getByRole("button", { name: "Upload certificate" })), 200);
  assert.match(await mainText(rp), /Your safety course certificate was uploaded/);
  assert.ok(await rp.getByRole("link", { name: "safety-course.pdf" }).isVisible());
  await expectAccessible(rp, be);

  // Staff, in their own browser context, find it in the queue and open it.
  const { context: staffCtx, page: sp } = await newPage(be);
  assert.equal(await signIn(sp, "licensing-staff"), "/staff/queue");
  const row = sp.getByRole("row", { name: new RegExp(app.number) });
  assert.match((await row.innerText()).replace(/\s+/g, " "), /Testperson, Robin Long gun eligibility certificate/);
  await expectAccessible(sp, be);
  await clickAndLoad(sp, sp.getByRole("link", { name: app.number, exact: true }));
  assert.equal(await statePurpose(sp), 200, "staff say why before the record is shown");
  assert.equal(new URL(sp.url()).pathname, `/staff/applications/${app.id}`);
  const staffText = await mainText(sp);
  assert.match(staffText, /Robin Testperson/);
  assert.match(staffText, /Date of birth 1980-06-15/);
  assert.match(staffText, /1 Main Street, Hartford, CT 06103/);
  for (const f of decision.findings) assert.ok(staffText.includes(f.because), `staff see finding ${f.id}`);
  await expectAccessible(sp, be);
  const reads = await listAudit(env.services.db, { limit: 20, entityId: app.id });
  assert.ok(
    reads.some(
      (r) =>
        r.action === "application.read" &&
        r.purpose === "licensing-review: licensing review in the browser test" &&
        r.actorRole === "licensing_staff",
    ),
    "the read is audited with its purpose",
  );

  // Issue it, with a review note (required if any fact was unknown). The safety course is confirmed
  // explicitly: without the tick the page comes back naming it.
  assert.match(staffText, /Certificate uploaded: safety-course\.pdf/);
  await sp.getByLabel(/Review note/).fill("Identity and residence confirmed from the applicant's driver's license.");
  assert.equal(await clickAndLoad(sp, sp.getByRole("button", { name: "Issue", exact: true })), 400);
  assert.match(await mainText(sp), /approved firearms safety course/);
  await expectAccessible(sp, be);
  await tick(sp.getByLabel(/completed an approved firearms safety course/));
  assert.equal(await clickAndLoad(sp, sp.getByRole("button", { name: "Issue", exact: true })), 200);
  assert.match(new URL(sp.url()).pathname, /^\/staff\/credentials\/[0-9a-f-]{36}$/);
  assert.equal(await statePurpose(sp), 200, "the new credential's page asks why too");
  const [cred] = await credentialsOfPerson(env.services.db, env.resident.id);
  assert.ok(cred);
  assert.match(cred.number, /^LE-\d+$/);
  assert.equal(cred.status, "active");
  assert.equal(cred.issuedOn, today);
  assert.equal(cred.expiresOn, credentialTerm("long-gun-eligibility-certificate", today).expiresOn);
  const credText = await mainText(sp);
  assert.match(credText, new RegExp(`Long gun eligibility certificate ${cred.number} was issued`));
  assert.match(credText, new RegExp(`Expires ${cred.expiresOn}`));
  await expectAccessible(sp, be);

  // The resident sees the credential with its number and expiry, and the application as issued.
  assert.equal(await visit(rp, "/me"), 200);
  const credRow = (await rp.getByRole("row", { name: new RegExp(cred.number) }).innerText()).replace(/\s+/g, " ");
  assert.match(
    credRow,
    new RegExp(`${cred.number} Long gun eligibility certificate Active ${today} ${cred.expiresOn}`, "i"),
  ); // tags are upper-cased by CSS
  assert.match(
    await mainText(rp),
    new RegExp(`Renew your Long gun eligibility certificate ${cred.number} before it expires on ${cred.expiresOn}`),
  );
  const appRow = (await rp.getByRole("row", { name: new RegExp(app.number) }).innerText()).replace(/\s+/g, " ");
  assert.match(appRow, /Issued/i);
  await expectAccessible(rp, be);

  await residentCtx.close();
  await staffCtx.close();
});

test("a resident reports an address change; a bad date is named", async () => {
  const { env } = be;
  const { context, page } = await newPage(be);
  await signIn(page, "resident");
  await page.getByLabel("Street address").fill("22 Elm Street");
  await page.getByLabel("Town").selectOption("New Haven");
  await page.getByLabel("ZIP code").fill("06510");
  await page.getByLabel("Date you moved").fill("2099-01-01");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Report address change" })), 400);
  assert.match(await page.locator("#effectiveOn-error").innerText(), /cannot be in the future/);
  await expectAccessible(page, be);
  await page.getByLabel("Date you moved").fill(env.clock.today());
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Report address change" })), 200);
  const text = await mainText(page);
  assert.match(text, /Your new address was recorded/);
  assert.match(text, /Your address on file: 22 Elm Street, New Haven, CT 06510/);
  await context.close();
});
