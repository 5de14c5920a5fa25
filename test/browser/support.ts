/**
 * Browser test support: a test environment served on a free port, one
 * Chromium per test file, sign-in through the real form, waiting on page
 * loads (never on timers), and axe-core's WCAG 2.1 AA check of a page.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Response } from "playwright-core";
import { createTestEnv, PASSWORD, type TestEnv } from "../helpers.ts";

const AXE_SOURCE = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface BrowserEnv {
  env: TestEnv;
  base: string;
  browser: Browser;
  /** Every path axe checked in this file, for a final look at coverage. */
  checked: Set<string>;
  close(): Promise<void>;
}

export async function startBrowserEnv(opts: { today?: string } = {}): Promise<BrowserEnv> {
  const env = await createTestEnv(opts);
  const base = await env.app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return {
    env,
    base,
    browser,
    checked: new Set(),
    async close() {
      await browser.close();
      await env.close();
    },
  };
}

/** A fresh browser context (its own cookies) with one page. */
export async function newPage(be: BrowserEnv): Promise<{ context: BrowserContext; page: Page }> {
  const context = await be.browser.newContext({ baseURL: be.base, viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

/** Navigates and returns the final response's status. */
export async function visit(page: Page, path: string): Promise<number> {
  const r = await page.goto(path);
  assert.ok(r, `no response for ${path}`);
  return r.status();
}

/**
 * Clicks something that loads a new document (a link or a form's submit button)
 * and waits for that document to load. Returns the status of the last
 * main-frame response (after any redirect).
 */
export async function clickAndLoad(page: Page, target: Locator): Promise<number | undefined> {
  let status: number | undefined;
  const onResponse = (r: Response) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) status = r.status();
  };
  page.on("response", onResponse);
  try {
    await Promise.all([page.waitForEvent("load"), target.click()]);
  } finally {
    page.off("response", onResponse);
  }
  return status;
}

/** Signs in through the /login form and returns the page the role lands on. */
/**
 * Signs in through the form and returns where the role landed. A seller's account that is attached
 * to no shop lands on its home page refused (403, "not attached to a dealer"): pass `landing: 403`.
 */
export async function signIn(
  page: Page,
  username: string,
  password = PASSWORD,
  opts: { landing?: number } = {},
): Promise<string> {
  assert.equal(await visit(page, "/login"), 200);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  const status = await clickAndLoad(page, page.getByRole("button", { name: "Sign in" }));
  assert.equal(status, opts.landing ?? 200, `sign-in as ${username} should land on a page`);
  return new URL(page.url()).pathname;
}

/** The visible text of the main content, whitespace collapsed. */
export async function mainText(page: Page): Promise<string> {
  return (await page.locator("main").innerText()).replace(/\s+/g, " ");
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the current page and fails on any violation. */
export async function expectAccessible(page: Page, be?: BrowserEnv): Promise<void> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the pages' Content-Security-Policy
  // (script-src 'self') rightly refuses inline scripts, and the test must not switch it off.
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ["violations"] })`,
  )) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
  };
  const problems = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(" ")} — ${n.failureSummary ?? ""}`.replace(/\s+/g, " "))
        .join("\n    ")}`,
  );
  assert.deepEqual(problems, [], `accessibility violations on ${page.url()}`);
  be?.checked.add(new URL(page.url()).pathname);
}

/**
 * Ticks a USWDS radio button or checkbox the way a person does, by clicking its
 * label (USWDS hides the native input and draws its own).
 */
export async function tick(target: Locator): Promise<void> {
  const id = await target.getAttribute("id");
  assert.ok(id, "the input has an id");
  await target.page().locator(`label[for="${id}"]`).click();
  assert.ok(await target.isChecked(), `#${id} is now checked`);
}

/**
 * Answers a page's purpose gate (issue 8, finding 5: staff say why before a record with personal
 * data is shown), when the page shows one; returns the status of the page shown after it.
 */
export async function statePurpose(
  page: Page,
  text = "licensing review in the browser test",
  code = "licensing-review",
  button = "Show the record",
): Promise<number | undefined> {
  if (!(await page.locator("#purposeCode").count())) return undefined;
  await page.locator("#purposeCode").selectOption(code);
  await page.locator("#purposeText").fill(text);
  return clickAndLoad(page, page.getByRole("button", { name: button }));
}
