/**
 * A magazine declaration made with a credential application (PA 13-3 § 24: "declare ... on any
 * credential application"), in the browser with axe, at desktop and phone widths: the resident
 * opens their application, follows its link to declare, finds the application already chosen,
 * submits, and sees the declaration filed with that application number.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { submitApplication } from "../../src/modules/credentials/service.ts";
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
  be = await startBrowserEnv({ today: "2013-12-10" });
});
after(async () => {
  await be?.close();
});

const KINDS = { 1280: "long-gun-eligibility-certificate", 375: "handgun-eligibility-certificate" } as const;
for (const width of [1280, 375] as const) {
  test(`a resident declares magazines with a credential application (${width} px)`, async () => {
    const { env } = be;
    const { application } = await submitApplication(env.ctx("resident"), {
      credentialKind: KINDS[width],
      residenceTown: "Hartford",
      citizenOrLawfulResident: true,
      backgroundCheckConsent: true,
      feePaid: true,
    } as Parameters<typeof submitApplication>[1]);

    const context = await be.browser.newContext({ baseURL: be.base, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signIn(page, "resident");
    assert.equal(await visit(page, `/me/applications/${application.id}`), 200);
    await expectAccessible(page, be);
    await clickAndLoad(
      page,
      page.getByRole("link", { name: `Declare magazines with application ${application.number}` }),
    );
    assert.equal(new URL(page.url()).pathname, "/registries/new");
    // The application is already chosen, by its number and not an internal id.
    const chosen = page.getByLabel(/Declare on one of your credential applications/);
    assert.equal(await chosen.inputValue(), application.id);
    assert.match(await chosen.locator("option:checked").innerText(), new RegExp(application.number));
    await expectAccessible(page, be);

    // Submitting without the capacity names it, and the chosen application survives the error.
    await page.getByLabel(/^How many/).fill("4");
    assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Submit" })), 400);
    assert.match(await mainText(page), /Rounds each holds|capacity/i);
    assert.equal(await page.getByLabel(/Declare on one of your credential applications/).inputValue(), application.id);
    await expectAccessible(page, be);

    await page.getByLabel(/^Rounds each holds/).fill("30");
    await page.getByLabel(/^Caliber/).fill("5.56 mm");
    assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Submit" })), 200);
    const text = await mainText(page);
    assert.match(text, /Submitted as [A-Z]+-\d+/);
    assert.match(text, new RegExp(`Filed with\\s+${application.number}`));
    await expectAccessible(page, be);

    // Stored once, linked to the application.
    const rows = await env.services.db.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM registrations WHERE credential_application_id = $1",
      [application.id],
    );
    assert.equal(rows[0]!.n, "1");
    await context.close();
  });
}
