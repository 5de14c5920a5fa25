/**
 * A sale delayed for review cleared in the browser: the dealer's buyer entry
 * has a one-letter typo in the last name, so the sale waits for licensing
 * staff. Staff find it in the review queue (after stating a purpose), see the
 * entry beside the record, send it back naming "name"; the dealer sees what
 * to re-check (not the record), and corrects it; a second sale staff authorize
 * on the confirmed credential, and the dealer sees it authorized with the
 * state's number. axe-core checks every page, at 1280 px and at 375 px.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { attachStaff } from "../../src/modules/dealers/service.ts";
import { requestSale } from "../../src/modules/sales/service.ts";
import { buyerWithCredential, saleBody, setupShop } from "../../src/modules/sales/test-support.ts";
import { getSale } from "../../src/modules/sales/queries.ts";
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
let shop: { dealerId: string; username: string };

before(async () => {
  be = await startBrowserEnv();
  shop = await setupShop(be.env, { position: "clerk" });
  await attachStaff(be.env.services.db, be.env.users.dealer.id, shop.dealerId, "owner");
});
after(async () => {
  await be?.close();
});

async function typoSale(serial: string) {
  const b = await buyerWithCredential(be.env, { kind: "long-gun-eligibility-certificate", lastName: "Lindqvist" });
  const s = (
    await requestSale(
      be.env.ctx("dealer"),
      saleBody(b, { buyer: { lastName: "Lindquist" }, firearm: { serialNumber: serial } }) as never,
    )
  ).sale;
  assert.equal(s.delayReason, "needs-review");
  return { b, s };
}

for (const width of [1280, 375]) {
  test(`at ${width} px: staff authorize a review-delayed sale and the dealer sees it authorized`, async () => {
    const { b, s } = await typoSale(`RV-A-${width}`);
    const staff = await newPage(be);
    await staff.page.setViewportSize({ width, height: 900 });
    await signIn(staff.page, "licensing-staff");
    assert.equal(await visit(staff.page, "/staff/sales-review"), 200);
    await statePurpose(staff.page);
    assert.match(await mainText(staff.page), new RegExp(s.number));
    await expectAccessible(staff.page, be);
    assert.equal(await clickAndLoad(staff.page, staff.page.getByRole("link", { name: s.number })), 200);
    await statePurpose(staff.page);
    assert.match(await staff.page.locator("#mismatches").innerText(), /Name/);
    assert.match(await mainText(staff.page), /Lindqvist/);
    await expectAccessible(staff.page, be);
    await tick(staff.page.getByLabel(new RegExp(`^${b.credentialNumber}:`)));
    await staff.page.fill("#note", "State ID shows Lindqvist; the entry had a one-letter typo.");
    assert.equal(await clickAndLoad(staff.page, staff.page.locator("#authorize")), 200);
    assert.match(
      await staff.page.locator("#review-state").innerText(),
      /Not waiting for review: the sale is authorized \(authorization LG-\d+\)/,
    );
    await expectAccessible(staff.page, be);
    await staff.context.close();

    const stored = await getSale(be.env.services.db, s.id);
    assert.equal(stored.status, "authorized");
    const dealer = await newPage(be);
    await dealer.page.setViewportSize({ width, height: 900 });
    await signIn(dealer.page, shop.username);
    assert.equal(await visit(dealer.page, `/dealer/sales/${s.id}`), 200);
    assert.match(await dealer.page.locator("#answer").innerText(), /Authorized/);
    assert.equal(await dealer.page.locator("#authorization-number").innerText(), stored.authorizationNumber);
    assert.match(await mainText(dealer.page), /Reviewed by licensing staff: buyer confirmed/);
    await expectAccessible(dealer.page, be);
    await dealer.context.close();
  });
}

test("staff send a sale back; the dealer is told to re-check the name (not shown the record) and corrects it", async () => {
  const { s } = await typoSale("RV-R-1");
  const staff = await newPage(be);
  await signIn(staff.page, "licensing-staff");
  assert.equal(await visit(staff.page, `/staff/sales/${s.id}/review`), 200);
  await statePurpose(staff.page);
  assert.ok(await staff.page.locator("#recheck-name").isChecked(), "the mismatch is ticked");
  assert.equal(await clickAndLoad(staff.page, staff.page.locator("#send-back")), 200);
  assert.match(await staff.page.locator("#review-state").innerText(), /Sent back to the seller/);
  await staff.context.close();

  const dealer = await newPage(be);
  await signIn(dealer.page, shop.username);
  assert.equal(await visit(dealer.page, `/dealer/sales/${s.id}`), 200);
  const panel = await dealer.page.locator("#correction").innerText();
  assert.match(panel, /re-check the buyer's name/);
  assert.doesNotMatch(await mainText(dealer.page), /Lindqvist/, "the record is not shown to the seller");
  await expectAccessible(dealer.page, be);
  await dealer.page.fill("#lastName", "Lindqvist");
  assert.equal(await clickAndLoad(dealer.page, dealer.page.locator("#send-correction")), 200);
  assert.match(await dealer.page.locator("#answer").innerText(), /Authorized/);
  assert.match(await mainText(dealer.page), /Corrected by the seller/);
  await expectAccessible(dealer.page, be);
  await dealer.context.close();
});
