/**
 * Delayed sales in the dealer portal: NICS answers Delayed (the page shows
 * the NICS transaction number and the day the dealer may proceed); one
 * resolves when NICS answers Proceed and the sales workers run; another
 * proceeds when the dealer clicks Proceed after the three business days; a
 * private long gun sale never offers Proceed. axe-core checks every page.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import type { PlainDate } from "../../src/law/core/dates.ts";
import { runSalesWorkersOnce } from "../../src/modules/sales/index.ts";
import { getNicsCheck, listSales } from "../../src/modules/sales/queries.ts";
import { buyerWithCredential, setupShop, type Buyer } from "../../src/modules/sales/test-support.ts";
import {
  clickAndLoad,
  expectAccessible,
  mainText,
  newPage,
  signIn,
  startBrowserEnv,
  tick,
  visit,
  type BrowserEnv,
} from "./support.ts";

let be: BrowserEnv;
let shop: { dealerId: string; username: string };

before(async () => {
  be = await startBrowserEnv();
  shop = await setupShop(be.env, { position: "clerk" });
});
after(async () => {
  await be?.close();
});

/** A sale through the form (fields by id); returns the sale as stored. */
async function requestThroughForm(page: Page, b: Buyer, o: { serial: string; private?: boolean }) {
  assert.equal(await visit(page, "/dealer/sales/new"), 200);
  await tick(page.locator(o.private ? "#kind-2" : "#kind-0"));
  await page.fill("#buyerFirstName", b.person.firstName);
  await page.fill("#buyerLastName", b.person.lastName);
  await page.fill("#buyerBirthDate", b.person.birthDate);
  await page.fill("#buyerBirthPlace", "New Haven, CT");
  await page.fill("#buyerStreet", b.person.street ?? "1 Elm Street");
  await page.fill("#buyerTown", b.person.town ?? "New Haven");
  await page.fill("#buyerCredentialNumber", b.credentialNumber);
  await page.selectOption("#idType", "state-id");
  await page.fill("#idNumber", "S99887766");
  if (o.private) {
    await page.selectOption("#buyerSex", "M");
    await page.selectOption("#buyerRace", "U");
    await page.fill("#sellerName", "Lou Neighbor");
    await page.fill("#sellerStreet", "3 Shore Road");
    await page.fill("#sellerTown", "Madison");
  }
  await page.selectOption("#make", "MOS");
  await page.fill("#model", "500");
  await page.fill("#serialNumber", o.serial);
  await page.selectOption("#type", "SP");
  await page.selectOption("#caliber", "12");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Request authorization" })), 200);
  return (await listSales(be.env.services.db, { dealerId: shop.dealerId, serialNumber: o.serial, limit: 1, offset: 0 }))
    .items[0]!;
}

test("a delayed sale shows the NICS number and the day it may proceed; NICS answers Proceed and the workers authorize it", async () => {
  const { env } = be;
  const buyer = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
  env.nics.delay(buyer.person);
  const { context, page } = await newPage(be);
  await signIn(page, shop.username);
  const sale = await requestThroughForm(page, buyer, { serial: "DL-1001" });
  assert.equal(sale.status, "delayed");
  const nics = await getNicsCheck(env.services.db, sale.id);
  assert.match(nics.transactionNumber ?? "", /^[0-9A-Z]{10}$/);
  const answer = (await page.locator("#answer").innerText()).replace(/\s+/g, " ");
  assert.match(answer, /^Delayed NICS answered Delayed/);
  assert.equal(await page.locator("#nics-reference").innerText(), nics.transactionNumber);
  // Friday 2026-11-20: the three business days end on Wednesday the 25th.
  assert.match(
    await page.locator("#may-proceed").innerText(),
    /you may proceed from 2026-11-26 \(three business days after the check began end on 2026-11-25/,
  );
  assert.equal(await page.getByRole("button", { name: "Proceed" }).count(), 0, "not before the day");
  assert.match(await mainText(page), /You may proceed from 2026-11-26 if NICS has not answered by then/);
  assert.match(await mainText(page), /No receipt or transfer form yet/);
  await expectAccessible(page, be);

  // NICS answers; the worker asks again after its poll interval.
  env.nics.resolve(nics.transactionNumber!, "proceed");
  env.clock.advance(61_000);
  assert.equal((await runSalesWorkersOnce(env.services)).nics.answered, 1);
  assert.equal(await visit(page, `/dealer/sales/${sale.id}`), 200);
  const now = (
    await listSales(env.services.db, { dealerId: shop.dealerId, serialNumber: "DL-1001", limit: 1, offset: 0 })
  ).items[0]!;
  assert.equal(now.status, "authorized");
  assert.equal(await page.locator("#authorization-number").innerText(), now.authorizationNumber);
  assert.match(
    (await page.locator("#history").innerText()).replace(/\s+/g, " "),
    /Requested Delayed .*NICS answered Delayed to Authorized/,
  );
  assert.match((await page.locator("#record").innerText()).replace(/\s+/g, " "), /Long gun receipt/);
  await expectAccessible(page, be);
  await context.close();
});

test("after the three business days the dealer proceeds and the sale is authorized; a private long gun sale never offers Proceed", async () => {
  const { env } = be;
  const buyer = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
  const privateBuyer = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
  env.nics.delay(buyer.person);
  env.nics.delay(privateBuyer.person);
  const { context, page } = await newPage(be);
  await signIn(page, shop.username);
  const sale = await requestThroughForm(page, buyer, { serial: "DL-2002" });
  assert.equal(sale.status, "delayed");
  assert.equal(sale.mayProceedOn, "2026-11-26");
  const ntn = (await getNicsCheck(env.services.db, sale.id)).transactionNumber!;
  assert.equal(await page.locator("#nics-reference").innerText(), ntn);
  const priv = await requestThroughForm(page, privateBuyer, { serial: "DL-2003", private: true });
  assert.equal(priv.status, "delayed");
  assert.match(await mainText(page), /the three-business-day rule does not apply to it/);
  await expectAccessible(page, be);

  // The day comes: the Proceed button appears on the delayed retail sale only.
  env.clock.set("2026-11-26" as PlainDate);
  await signIn(page, shop.username); // six days on, the session has ended
  assert.equal(await visit(page, `/dealer/sales/${priv.id}`), 200);
  assert.equal(await page.getByRole("button", { name: "Proceed" }).count(), 0);
  assert.equal(await visit(page, `/dealer/sales/${sale.id}`), 200);
  assert.match(await page.locator("#may-proceed").innerText(), /That day has come/);
  await expectAccessible(page, be);
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Proceed" })), 200);
  const done = (
    await listSales(env.services.db, { dealerId: shop.dealerId, serialNumber: "DL-2002", limit: 1, offset: 0 })
  ).items[0]!;
  assert.equal(done.status, "proceeded");
  assert.match(done.authorizationNumber ?? "", /^LG-\d+$/);
  const text = await mainText(page);
  assert.match(text, /You proceeded with sale/);
  assert.match(text, /Authorized State authorization number: /);
  assert.equal(await page.locator("#authorization-number").innerText(), done.authorizationNumber);
  assert.match(text, /Authorized when the dealer proceeded after NICS left the check Delayed for three business days/);
  assert.match(
    (await page.locator("#record").innerText()).replace(/\s+/g, " "),
    new RegExp(`Long gun receipt, completed 2026-11-26 .* State authorization number ${done.authorizationNumber}`),
  );
  assert.match(
    (await page.locator("#history").innerText()).replace(/\s+/g, " "),
    /Proceeded Delayed to Authorized \(proceeded\)/,
  );
  await expectAccessible(page, be);

  // The list tags each sale with its status.
  assert.equal(await visit(page, "/dealer/sales?status=delayed"), 200);
  const rows = await page.locator("#sales tbody tr").allInnerTexts();
  assert.deepEqual(
    rows.map((r) => r.split(/\s+/)[0]),
    [priv.number],
  );
  await expectAccessible(page, be);
  await context.close();
});
