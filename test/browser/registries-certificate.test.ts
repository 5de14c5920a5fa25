/**
 * The registries in the browser (with axe on every page): a resident's certificate application
 * from draft (saved, thumbprint uploaded) to submission; licensing staff open it with a purpose,
 * record eligibility and issue it; the resident sees the certificate. A dealer's certificate of
 * transfer, and a lost-gun report.
 */
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { setupShop } from "../../src/modules/sales/test-support.ts";
import {
  clickAndLoad,
  expectAccessible,
  mainText,
  signIn,
  startBrowserEnv,
  visit,
  type BrowserEnv,
} from "./support.ts";

/** A fresh context; CSP bypassed only so that axe can be injected (the pages themselves run no script). */
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
  be = await startBrowserEnv({ today: "2013-12-10" });
});
after(async () => {
  await be?.close();
});

test("a resident's certificate application from draft to issue", async () => {
  const { env } = be;
  const { page: rp } = await newPage(be);
  await signIn(rp, "resident");
  assert.equal(await visit(rp, "/registries"), 200);
  await expectAccessible(rp, be);
  await clickAndLoad(rp, rp.getByRole("link", { name: "Apply for a certificate" }));
  await expectAccessible(rp, be);
  await rp.getByLabel(/^Make/).fill("Bushmaster");
  await rp.getByLabel(/^Model/).fill("XM15");
  assert.equal(await clickAndLoad(rp, rp.getByRole("button", { name: "Save draft" })), 200);
  assert.match(await mainText(rp), /Draft saved/);
  await expectAccessible(rp, be);

  // Submitting without the serial number and thumbprint names them.
  assert.equal(await clickAndLoad(rp, rp.getByRole("button", { name: "Submit" })), 400);
  assert.match(await mainText(rp), /serialNumber|Serial number/);
  await expectAccessible(rp, be);
  await rp.getByLabel(/^Serial number/).fill("BR-5501");
  await rp.getByLabel(/^Caliber/).fill(".223");
  await rp.getByLabel(/^Type/).selectOption("rifle");
  await rp.getByLabel(/^Action/).selectOption("semiautomatic");
  await rp.getByLabel(/^Centerfire/).selectOption("yes");
  await clickAndLoad(rp, rp.getByRole("button", { name: "Save draft" }));
  const dir = mkdtempSync(join(tmpdir(), "thumb-"));
  const file = join(dir, "thumb.png");
  writeFileSync(
    file,
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("thumb")]),
  );
  await rp.getByLabel(/Thumbprint image/).setInputFiles(file);
  assert.equal(await clickAndLoad(rp, rp.getByRole("button", { name: "Upload" })), 200);
  assert.match(await mainText(rp), /A thumbprint is on file/);
  assert.equal(await clickAndLoad(rp, rp.getByRole("button", { name: "Submit" })), 200);
  assert.match(await mainText(rp), /Submitted as AWA-\d{6}/);
  await expectAccessible(rp, be);

  // Staff: the queue, open with a purpose, record eligibility, issue.
  const { page: sp } = await newPage(be);
  await signIn(sp, "licensing-staff");
  assert.equal(await visit(sp, "/staff/registries"), 200);
  await expectAccessible(sp, be);
  await clickAndLoad(sp, sp.getByRole("link", { name: /AWA-\d{6}/ }).first());
  await expectAccessible(sp, be);
  await sp.getByLabel("Purpose").selectOption("licensing-review");
  await sp.getByLabel(/Why you need this record/).fill("deciding the certificate application");
  assert.equal(await clickAndLoad(sp, sp.getByRole("button", { name: "Open" })), 200);
  assert.match(await mainText(sp), /Testperson/);
  await expectAccessible(sp, be);
  await sp.getByLabel("Decision").selectOption("eligible");
  await clickAndLoad(sp, sp.getByRole("button", { name: "Record" }));
  await sp.getByLabel("Decision").selectOption("issue");
  await clickAndLoad(sp, sp.getByRole("button", { name: "Record" }));
  assert.match(await mainText(sp), /AWC-\d{6}/);

  // The resident sees the certificate and its PDF link.
  await visit(rp, "/registries");
  assert.match(await mainText(rp), /AWC-\d{6}/);
  await clickAndLoad(rp, rp.getByRole("link", { name: /AWC-\d{6}/ }));
  assert.ok(await rp.getByRole("link", { name: /Download the certificate/ }).count());
  await expectAccessible(rp, be);
  void env;
});

test("a dealer's certificate of transfer and a lost-gun report", async () => {
  const shop = await setupShop(be.env);
  const { page: dp } = await newPage(be);
  await signIn(dp, shop.username);
  assert.equal(await visit(dp, "/dealer/transfer-certificates"), 200);
  await expectAccessible(dp, be);
  await dp.getByLabel(/^Item/).selectOption("large-capacity-magazine");
  await dp.getByLabel("Date of transfer").fill("2013-12-09");
  await dp.getByLabel(/^Description/).fill("three 30-round magazines");
  await dp.getByLabel("Transferor's name").fill("Pat Seller");
  await dp.getByLabel("Transferor's address").fill("9 Oak Street, Hartford");
  assert.equal(await clickAndLoad(dp, dp.getByRole("button", { name: "Execute the certificate" })), 200);
  assert.match(await mainText(dp), /TC-\d{6} executed/);
  await expectAccessible(dp, be);

  const { page: rp } = await newPage(be);
  await signIn(rp, "resident");
  assert.equal(await visit(rp, "/registries/lost-stolen/new"), 200);
  await expectAccessible(rp, be);
  await rp.getByLabel("Lost or stolen").selectOption("stolen");
  await rp.getByLabel(/^Serial number/).fill("BR-5501");
  await rp.getByLabel("The day you discovered it").fill("2013-12-10");
  await rp.getByLabel("What happened").fill("taken from my car overnight");
  assert.equal(await clickAndLoad(rp, rp.getByRole("button", { name: "File the report" })), 201);
  assert.match(await mainText(rp), /LS-\d{6} filed/);
  await expectAccessible(rp, be);
});
