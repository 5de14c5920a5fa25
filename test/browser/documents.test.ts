/**
 * Paper and print (issue 9), in the browser with axe at 1280 and 375 px: a resident downloads
 * the denial letter of their application as a PDF from their notices; a resident prints their
 * credential; a dealer downloads the receipt of an authorized sale. Each link is followed with
 * the page's own cookies, and each answer is checked to be a PDF that only its owner gets.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { denyApplication, submitApplication } from "../../src/modules/credentials/service.ts";
import { requestSale } from "../../src/modules/sales/service.ts";
import { buyerWithCredential, saleBody, setupShop } from "../../src/modules/sales/test-support.ts";
import { createUser, findUserById } from "../../src/modules/auth/service.ts";
import { PASSWORD } from "../helpers.ts";
import { expectAccessible, mainText, signIn, startBrowserEnv, visit, type BrowserEnv } from "./support.ts";

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

/** Follows a link with the page's cookies; returns the status, content type and first bytes. */
async function fetchLink(page: Page, href: string) {
  const r = await page.context().request.get(href);
  const body = await r.body();
  return { status: r.status(), type: r.headers()["content-type"] ?? "", head: body.subarray(0, 5).toString("latin1") };
}

for (const width of [1280, 375]) {
  test(`a resident downloads their denial letter as a PDF (${width} px)`, async () => {
    const { env } = be;
    const kind = width === 1280 ? "long-gun-eligibility-certificate" : "handgun-eligibility-certificate";
    const { application } = await submitApplication(env.ctx("resident"), {
      credentialKind: kind,
      residenceTown: "Hartford",
      citizenOrLawfulResident: true,
      backgroundCheckConsent: true,
      feePaid: true,
    } as Parameters<typeof submitApplication>[1]);
    await denyApplication(
      env.ctx("licensing_staff"),
      application.id,
      "The applicant did not complete the safety course.",
    );

    const page = await pageAt(width);
    await signIn(page, "resident");
    assert.equal(await visit(page, "/me/notices"), 200);
    await expectAccessible(page, be);
    assert.match(await mainText(page), new RegExp(`Your application ${application.number} was denied`));
    const item = page.locator("li", { hasText: `Your application ${application.number} was denied` });
    const link = item.getByRole("link", { name: /Download .* \(PDF\)/ });
    const href = await link.getAttribute("href");
    assert.ok(href, "a download link");
    const got = await fetchLink(page, href);
    assert.equal(got.status, 200);
    assert.match(got.type, /^application\/pdf/);
    assert.equal(got.head, "%PDF-");

    // Nobody else gets it: a second resident asking for the same file is refused.
    const someone = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const other = await createUser(env.services.db, {
      personId: someone.person.id,
      username: `other-resident-${width}`,
      displayName: "Other Resident",
      role: "resident",
      password: PASSWORD,
      passwordCost: 10,
    });
    assert.ok(other.id);
    const page2 = await pageAt(width);
    await signIn(page2, `other-resident-${width}`).catch(() => undefined);
    const theirs = await fetchLink(page2, href);
    assert.notEqual(theirs.status, 200);
    await page.context().close();
    await page2.context().close();
  });
}

test("a resident prints their active credential; a dealer downloads the receipt of an authorized sale", async () => {
  const { env } = be;
  // The resident's own credential.
  const residentCred = await env.services.db.query<{ id: string }>(
    `INSERT INTO credentials (number, person_id, kind, status, issued_on, expires_on, fee_cents)
     VALUES ('LE-7777001', $1, 'long-gun-eligibility-certificate', 'active', $2, $3, 3500) RETURNING id::text`,
    [env.resident.id, "2026-01-05", "2031-01-05"],
  );
  for (const width of [1280, 375]) {
    const page = await pageAt(width);
    await signIn(page, "resident");
    assert.equal(await visit(page, "/me"), 200);
    const print = page.getByRole("link", { name: /Print \(PDF\)/ });
    assert.equal(await print.getAttribute("href"), `/me/credentials/${residentCred[0]!.id}/credential.pdf`);
    await expectAccessible(page, be);
    const got = await fetchLink(page, `/me/credentials/${residentCred[0]!.id}/credential.pdf`);
    assert.equal(got.status, 200);
    assert.equal(got.head, "%PDF-");
    await page.context().close();
  }

  // The dealer's receipt.
  const shop = await setupShop(env);
  const buyer = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
  const user = (await findUserById(env.services.db, shop.userId))!;
  const out = await requestSale({ ...env.ctx("dealer"), user }, saleBody(buyer) as never);
  assert.equal(out.sale.status, "authorized", JSON.stringify(out.sale.status));
  const page = await pageAt(375);
  await signIn(page, shop.username);
  assert.equal(await visit(page, `/dealer/sales/${out.sale.id}`), 200);
  assert.match(await mainText(page), /Receipt/);
  const link = page.getByRole("link", { name: /Download the long gun receipt \(PDF\)/ });
  const href = await link.getAttribute("href");
  assert.equal(href, `/dealer/sales/${out.sale.id}/record.pdf`);
  await expectAccessible(page, be);
  const got = await fetchLink(page, href!);
  assert.equal(got.status, 200);
  assert.equal(got.head, "%PDF-");

  // Another shop cannot download it.
  const other = await setupShop(env);
  const page2 = await pageAt(1280);
  await signIn(page2, other.username);
  assert.equal((await fetchLink(page2, href!)).status, 403);
  await page.context().close();
  await page2.context().close();
});
