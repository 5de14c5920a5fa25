/**
 * The public and the phone: a resident answers "Can I get a permit or certificate?" without JSON;
 * the navigation and sign-out work at 375 px without JavaScript, with no sideways scrolling; a
 * missing page is a 404 in words. Each page is checked with axe (WCAG 2.1 AA).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
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
before(async () => {
  be = await startBrowserEnv();
});
after(async () => {
  await be?.close();
});

test("the public asks 'Can I get a permit or certificate?' in plain language and gets the answer with its rules", async () => {
  const { context, page } = await newPage(be);
  assert.equal(await visit(page, "/check"), 200);
  await expectAccessible(page, be);
  assert.equal(
    await clickAndLoad(page, page.getByRole("link", { name: "Start: Can I get a permit or certificate?" })),
    200,
  );
  await page.getByLabel("Which permit or certificate?").selectOption("long-gun-eligibility-certificate");
  await page.getByLabel("Your date of birth").fill("2012-03-01");
  await page.getByLabel("The Connecticut town where you live").fill("Hartford");
  // Nothing typed as JSON: a missing required answer is named first.
  await page.getByLabel("Which permit or certificate?").selectOption("");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Answer" })), 400);
  assert.match(await page.locator("#error-summary").innerText(), /Which permit or certificate\?: Answer this question/);
  await expectAccessible(page, be);
  await page.getByLabel("Which permit or certificate?").selectOption("long-gun-eligibility-certificate");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Answer" })), 200);
  const answer = await page.locator("#answer").innerText();
  assert.match(answer, /you cannot be issued it/);
  assert.match(answer, /Minimum age/);
  assert.match(answer, /Citation: /);
  await expectAccessible(page, be);

  // An assault weapon by its features alone.
  assert.equal(await visit(page, "/check/assault-weapon"), 200);
  await page.getByLabel("What kind of firearm?").selectOption("rifle");
  for (const group of ["Is it semiautomatic?", "Is it centerfire?", "Does it accept a detachable magazine?"]) {
    await tick(page.getByRole("group", { name: group }).getByLabel("Yes", { exact: true }));
  }
  await tick(page.getByLabel("A folding or telescoping stock"));
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Answer" })), 200);
  assert.match(await page.locator("#answer").innerText(), /The rules behind it/);
  await expectAccessible(page, be);
  await context.close();
});

test("on a phone, the menu opens without JavaScript, signs out, and no page scrolls sideways", async () => {
  const context = await be.browser.newContext({
    baseURL: be.base,
    viewport: { width: 375, height: 812 },
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  await signIn(page, "resident");
  for (const path of ["/me", "/me/notices", "/rules", "/check"]) {
    assert.equal(await visit(page, path), 200, path);
    const wide = await page.evaluate("document.documentElement.scrollWidth");
    assert.ok((wide as number) <= 376, `${path} is ${wide} px wide at 375 px`);
  }
  const menu = page.locator("details.stateline-menu");
  assert.ok(await menu.isVisible(), "the menu button is shown on a phone");
  assert.equal(
    await page.locator("nav.stateline-nav").isVisible(),
    false,
    "the desktop navigation is hidden on a phone",
  );
  await menu.locator("summary").click();
  assert.ok(await menu.getByRole("link", { name: "My credentials" }).isVisible());
  assert.equal(await clickAndLoad(page, menu.getByRole("button", { name: /Sign out/ })), 200);
  assert.match((await page.locator("details.stateline-menu").textContent()) ?? "", /Sign in/);
  assert.doesNotMatch((await page.locator("details.stateline-menu").textContent()) ?? "", /Sign out/);
  await context.close();
});

test("a missing page is a 404 that says so in words", async () => {
  const { context, page } = await newPage(be);
  assert.equal(await visit(page, "/no-such-page"), 404);
  const text = await mainText(page);
  assert.match(text, /There is no page at this address/);
  assert.doesNotMatch(text, /no route GET/);
  await expectAccessible(page, be);
  await context.close();
});
