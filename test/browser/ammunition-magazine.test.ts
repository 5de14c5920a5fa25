/**
 * Refused magazine sale at the counter (issue 11): a vendor checks a buyer
 * for a 30-round magazine; the check is refused and says why in plain words
 * (a large capacity magazine, PA 13-3 § 23, and who may buy one). A magazine
 * without its capacity is named as missing. With a § 23 exemption shown (a
 * police department's member) the same magazine is approved; a 10-round
 * magazine is approved for anyone. axe-core checks every page, at 1280 px and
 * at 375 px.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { holder, setupSellers, type Holder } from "../../src/modules/ammunition/testkit.ts";
import {
  clickAndLoad,
  expectAccessible,
  mainText,
  newPage,
  signIn,
  startBrowserEnv,
  visit as visitPath,
  type BrowserEnv,
} from "./support.ts";

let be: BrowserEnv;

before(async () => {
  be = await startBrowserEnv();
  await setupSellers(be.env);
});
after(async () => {
  await be?.close();
});

async function fill(page: Page, h: Holder, capacity: string, exemption?: string) {
  await page.getByLabel("Buyer's first name").fill(h.person.firstName);
  await page.getByLabel("Buyer's last name").fill(h.person.lastName);
  await page.getByLabel("Buyer's date of birth").fill(h.person.birthDate);
  await page.getByLabel("Credential number").fill(h.credential.number);
  if (exemption) await page.selectOption("#exemption", exemption);
  await page.selectOption("#type-0", "magazine");
  await page.fill("#caliber-0", "9mm");
  await page.fill("#brand-0", "Magpul");
  await page.fill("#quantity-0", "1");
  await page.fill("#capacity-0", capacity);
}
const visit = (page: Page) => visitPath(page, "/ammunition/check");
const checkButton = (page: Page) => page.getByRole("button", { name: "Check buyer" });

for (const width of [1280, 375]) {
  test(`at ${width} px: refused magazine sale at the counter, with the rule in plain words`, async () => {
    const h = await holder(be.env.services.db, be.env.clock.today());
    const { context, page } = await newPage(be);
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, "ammunition-vendor");
    assert.equal(await visit(page), 200);
    await expectAccessible(page, be);

    // A magazine without its capacity is named.
    await fill(page, h, "");
    assert.equal(await clickAndLoad(page, checkButton(page)), 400);
    assert.match(await page.locator("#capacity-0-error").innerText(), /how many rounds the magazine of line 1 holds/);
    await expectAccessible(page, be);

    await page.fill("#capacity-0", "30");
    assert.equal(await clickAndLoad(page, checkButton(page)), 200);
    const answer = await page.locator("#answer").innerText();
    assert.match(answer, /^Refused/);
    assert.match(answer, /Do not sell/);
    assert.match(answer, /a 9mm magazine holding 30 rounds is a large capacity magazine/);
    assert.match(answer, /PA 13-3 § 23/);
    assert.match(answer, /members and employees of DESPP, police departments/);
    assert.match(answer, /sell a magazine that holds 10 rounds or fewer/);
    const text = await mainText(page);
    assert.match(text, /Magazines: no sale of a large capacity magazine except to the buyers § 23 lists/);
    assert.match(text, /Citation: PA 13-3 § 23 \(CGS § 53-202w\)/);
    assert.equal(await page.getByRole("button", { name: "Record sale" }).count(), 0, "nothing to record");
    await expectAccessible(page, be);
    await context.close();
  });
}

test("with a § 23 exemption shown the 30-round magazine is approved; a 10-round one is approved for anyone", async () => {
  const h = await holder(be.env.services.db, be.env.clock.today());
  const { context, page } = await newPage(be);
  await signIn(page, "ammunition-vendor");
  assert.equal(await visit(page), 200);
  await fill(page, h, "30", "police-member-or-employee");
  assert.equal(await clickAndLoad(page, checkButton(page)), 200);
  assert.match(await page.locator("#answer").innerText(), /^Approved/);
  assert.match(await mainText(page), /the buyer is exempt/);
  assert.match(await page.locator("#lines").innerText(), /30-round magazine/);
  await expectAccessible(page, be);
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Record sale" })), 200);
  assert.match(await mainText(page), /was recorded/);

  const other = await holder(be.env.services.db, be.env.clock.today());
  assert.equal(await visit(page), 200);
  await fill(page, other, "10");
  assert.equal(await clickAndLoad(page, checkButton(page)), 200);
  assert.match(await page.locator("#answer").innerText(), /^Approved/);
  assert.match(await mainText(page), /not a large capacity magazine/);
  await context.close();
});
