/**
 * The ammunition counter in the browser: a vendor checks a buyer (named
 * errors first), the check is approved, the sale is recorded within what the
 * check approved and confirmed; a second send records nothing twice; a
 * buyer whose facts are missing or do not match needs review (never
 * refused), a revoked credential is refused with its citation, and the
 * ammunition limit refuses as policy, not statute. Another seller cannot
 * open the check; a firearm dealer uses the same counter. axe-core checks
 * every page visited.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { findCheck } from "../../src/modules/ammunition/queries.ts";
import { setLimitSettings } from "../../src/modules/ammunition/service.ts";
import {
  holder,
  sellerWithLogin,
  setupSellers,
  type Holder,
  type Sellers,
} from "../../src/modules/ammunition/testkit.ts";
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
let sellers: Sellers;

before(async () => {
  be = await startBrowserEnv();
  sellers = await setupSellers(be.env);
});
after(async () => {
  await be?.close();
});

type Line = { type: string; caliber: string; brand: string; quantity: number };

async function fillCheck(page: Page, h: Holder, lines: Line[], o: { lastName?: string; photoId?: boolean } = {}) {
  await page.getByLabel("Buyer's first name").fill(h.person.firstName);
  await page.getByLabel("Buyer's last name").fill(o.lastName ?? h.person.lastName);
  await page.getByLabel("Buyer's date of birth").fill(h.person.birthDate);
  await page.getByLabel("Credential number").fill(h.credential.number);
  if (o.photoId) {
    await page.getByLabel("Photo identification").selectOption("drivers-license");
    await page.getByLabel("Identification number").fill("D7654321");
    await tick(page.getByLabel("The identification shows the date of birth"));
  }
  for (const [i, l] of lines.entries()) {
    await page.selectOption(`#type-${i}`, l.type);
    await page.fill(`#caliber-${i}`, l.caliber);
    await page.fill(`#brand-${i}`, l.brand);
    await page.fill(`#quantity-${i}`, String(l.quantity));
  }
}

const checkButton = (page: Page) => page.getByRole("button", { name: "Check buyer" });
const checkId = (page: Page) => /^\/ammunition\/checks\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];

test("check, approved, record within what was approved, confirmation; nothing recorded twice", async () => {
  const { env } = be;
  const h = await holder(env.services.db, env.clock.today(), { kind: "long-gun-eligibility-certificate" });
  const { context, page } = await newPage(be);
  await signIn(page, "ammunition-vendor");
  await clickAndLoad(
    page,
    page.getByRole("navigation", { name: "Primary navigation" }).getByRole("link", { name: "Ammunition check" }),
  );
  assert.equal(new URL(page.url()).pathname, "/ammunition/check");
  assert.equal(await page.locator("fieldset legend", { hasText: /^Purchase line/ }).count(), 3, "three line rows");
  await expectAccessible(page, be);

  // Nothing entered: each missing answer is named.
  assert.equal(await clickAndLoad(page, checkButton(page)), 400);
  assert.match(await page.locator("#firstName-error").innerText(), /buyer's first name/);
  assert.match(await page.locator("#credentialNumber-error").innerText(), /two letters and digits/);
  assert.match(await page.locator("#type-0-error").innerText(), /at least one purchase line/);
  await expectAccessible(page, be);

  // A line without its quantity is named by its row; what was typed stays.
  await fillCheck(page, h, [
    { type: "centerfire-pistol", caliber: "9mm Luger", brand: "Winchester", quantity: 100 },
    { type: "rimfire", caliber: ".22 LR", brand: "CCI", quantity: 50 },
  ]);
  await page.fill("#quantity-1", "");
  assert.equal(await clickAndLoad(page, checkButton(page)), 400);
  assert.match(await page.locator("#quantity-1-error").innerText(), /quantity of line 2/);
  assert.equal(await page.locator("#caliber-1").inputValue(), ".22 LR");
  await page.fill("#quantity-1", "50");
  assert.equal(await clickAndLoad(page, checkButton(page)), 200);
  const id = checkId(page);
  assert.ok(id, page.url());
  const check = (await findCheck(env.services.db, id))!;
  assert.equal(check.outcome, "approved");
  const text = await mainText(page);
  assert.match(text, new RegExp(`Ammunition check ${check.number}`));
  assert.match(await page.locator("#answer").innerText(), /^Approved/);
  // Every finding with its citation; the limit is marked as policy, not statute.
  assert.match(text, /Citation: PA 13-3/);
  assert.match(
    text,
    /Policy, not statute Ammunition purchase limit \(policy, not statute\) the ammunition limit is switched off .* Source: Policy Ammunition limit \(the Department's policy, not a statute\)/i,
  );
  await expectAccessible(page, be);

  // Record: more than approved is refused at the line; the lines as approved are offered.
  assert.equal(await page.locator("#quantity-0").inputValue(), "100");
  assert.equal(await page.locator("#brand-1").inputValue(), "CCI");
  await page.fill("#quantity-0", "150");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Record sale" })), 400);
  assert.match(await page.locator("#quantity-0-error").innerText(), /At most 100 rounds: the check approved no more/);
  assert.equal(await page.locator("#quantity-0").inputValue(), "150");
  await expectAccessible(page, be);
  await page.fill("#quantity-0", "80");
  await page.fill("#quantity-1", "0");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Record sale" })), 200);
  const saleId = /^\/ammunition\/sales\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
  assert.ok(saleId);
  const rows = await env.services.db.query<{ number: string; total_rounds: number }>(
    "SELECT number, total_rounds FROM ammunition_sales WHERE check_id = $1",
    [id],
  );
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.total_rounds, 80);
  const sold = await mainText(page);
  assert.match(sold, new RegExp(`Sale ${rows[0]!.number} was recorded`));
  assert.match(
    (await page.locator("#lines").innerText()).replace(/\s+/g, " "),
    /centerfire pistol ammunition 9mm Luger Winchester 80 rounds/,
  );
  assert.doesNotMatch(await page.locator("#lines").innerText(), /rimfire/);
  assert.match(sold, new RegExp(`Long gun eligibility certificate …${h.credential.number.slice(-4)}`));
  assert.doesNotMatch(sold, new RegExp(h.person.lastName), "no buyer name on the seller's record");
  await expectAccessible(page, be);

  // Sent again (a reload of the form, a double click): the one sale is shown, nothing is recorded twice.
  const csrf = await page.locator("input[name=_csrf]").first().getAttribute("value");
  const again = await page.request.post(`/ammunition/checks/${id}/sale`, {
    form: { _csrf: csrf ?? "", "quantity-0": "80", "brand-0": "Winchester", "quantity-1": "0", "brand-1": "CCI" },
  });
  assert.equal(again.status(), 200);
  assert.match(await again.text(), /was already recorded against this check; nothing was recorded twice/);
  assert.equal((await env.services.db.query("SELECT 1 FROM ammunition_sales WHERE check_id = $1", [id])).length, 1);
  assert.equal(await visit(page, `/ammunition/checks/${id}`), 200);
  assert.match(await mainText(page), new RegExp(`Sale ${rows[0]!.number} was recorded against this check`));
  assert.equal(await page.getByRole("button", { name: "Record sale" }).count(), 0);

  // The seller's own sales.
  await clickAndLoad(
    page,
    page.getByRole("navigation", { name: "Primary navigation" }).getByRole("link", { name: "Sales", exact: true }),
  );
  assert.equal(new URL(page.url()).pathname, "/ammunition/sales");
  const row = (await page.getByRole("row", { name: new RegExp(rows[0]!.number) }).innerText()).replace(/\s+/g, " ");
  assert.match(
    row,
    new RegExp(
      `${rows[0]!.number} 2026-11-20 Long gun eligibility certificate …${h.credential.number.slice(-4)} 80 centerfire pistol ammunition \\(9mm Luger, Winchester\\) 80 0`,
    ),
  );
  await expectAccessible(page, be);
  assert.equal(await visit(page, "/ammunition/sales?from=2026-11-21&to=2026-11-01"), 400);
  assert.match(await page.locator("#from-error").innerText(), /on or before the last/);
  await expectAccessible(page, be);
  await context.close();

  // Another seller cannot open the check or the sale.
  const o = await sellerWithLogin(env, "ammunition-vendor");
  const other = await newPage(be);
  await signIn(other.page, o.user.username);
  assert.equal(await visit(other.page, `/ammunition/checks/${id}`), 404);
  assert.equal(await visit(other.page, `/ammunition/sales/${saleId}`), 404);
  await expectAccessible(other.page, be);
  await other.context.close();
});

test("missing or mismatched facts need review (never refused); a revoked credential is refused with its citation", async () => {
  const { env } = be;
  const today = env.clock.today();
  const { context, page } = await newPage(be);
  await signIn(page, "ammunition-vendor");
  const line = [{ type: "shotshell", caliber: "12 gauge", brand: "Federal", quantity: 25 }];

  // An ammunition certificate without the photo identification: needs review, with what to fix.
  const ac = await holder(env.services.db, today, { kind: "ammunition-certificate" });
  assert.equal(await visit(page, "/ammunition/check"), 200);
  await fillCheck(page, ac, line);
  assert.equal(await clickAndLoad(page, checkButton(page)), 200);
  assert.equal((await findCheck(env.services.db, checkId(page)!))!.outcome, "needs-review");
  assert.match(await page.locator("#answer").innerText(), /^Needs review\s+Nothing has been refused/);
  assert.ok((await page.locator("#what-to-fix li").count()) >= 1);
  assert.equal(await page.getByRole("button", { name: "Record sale" }).count(), 0);
  await expectAccessible(page, be);

  // With the identification shown: approved.
  assert.equal(await visit(page, "/ammunition/check"), 200);
  await fillCheck(page, ac, line, { photoId: true });
  assert.equal(await clickAndLoad(page, checkButton(page)), 200);
  assert.equal((await findCheck(env.services.db, checkId(page)!))!.outcome, "approved");

  // A last name that does not match the record: review, not refusal.
  assert.equal(await visit(page, "/ammunition/check"), 200);
  await fillCheck(page, ac, line, { photoId: true, lastName: "Somebodyelse" });
  assert.equal(await clickAndLoad(page, checkButton(page)), 200);
  assert.equal((await findCheck(env.services.db, checkId(page)!))!.outcome, "needs-review");
  assert.match(await page.locator("#answer").innerText(), /^Needs review/);

  // A revoked credential: refused, with the reason and its citation.
  const revoked = await holder(env.services.db, today, { kind: "long-gun-eligibility-certificate", status: "revoked" });
  assert.equal(await visit(page, "/ammunition/check"), 200);
  await fillCheck(page, revoked, line);
  assert.equal(await clickAndLoad(page, checkButton(page)), 200);
  assert.equal((await findCheck(env.services.db, checkId(page)!))!.outcome, "refused");
  const answer = (await page.locator("#answer").innerText()).replace(/\s+/g, " ");
  assert.match(answer, /^Refused Do not sell\. Why:/);
  assert.match(
    await mainText(page),
    // The seller learns which credential was presented and that it is not valid, never why (revoked is the record's business).
    /Not met Ammunition: a credential, or an ammunition certificate with photo ID the buyer presented .* which is not valid for this purchase Citation: PA 13-3 §§ 14-17/i,
  );
  await expectAccessible(page, be);
  await context.close();
});

test("the ammunition limit refuses as policy, not statute; a firearm dealer uses the same counter", async () => {
  const { env } = be;
  await setLimitSettings(env.ctx("admin"), {
    settings: { enabled: true, roundsPerRolling30Days: 200 },
    note: "browser test: a 200-round limit",
  });
  const h = await holder(env.services.db, env.clock.today(), { kind: "state-handgun-permit" });
  const { context, page } = await newPage(be);
  assert.equal(await signIn(page, "dealer"), "/dealer");
  await clickAndLoad(
    page,
    page.getByRole("navigation", { name: "Primary navigation" }).getByRole("link", { name: "Ammunition" }),
  );
  assert.match(await mainText(page), new RegExp(sellers.shop.name));
  await fillCheck(page, h, [{ type: "centerfire-rifle", caliber: ".223 Remington", brand: "Hornady", quantity: 500 }]);
  assert.equal(await clickAndLoad(page, checkButton(page)), 200);
  assert.equal((await findCheck(env.services.db, checkId(page)!))!.outcome, "refused");
  const answer = (await page.locator("#answer").innerText()).replace(/\s+/g, " ");
  assert.match(answer, /^Refused Do not sell\. Why: \[Policy, not statute\] /);
  assert.match(answer, /The ammunition limit is the Department's policy, not a statute/);
  assert.doesNotMatch(
    answer,
    /ask the Department of Emergency Services and Public Protection to correct it/,
    "no statute finding to correct",
  );
  await expectAccessible(page, be);
  await context.close();
});
