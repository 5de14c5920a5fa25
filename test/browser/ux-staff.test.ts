/**
 * Staff pages in the browser, as a clerk at a 1280 px screen sees them, every page checked with axe:
 * the audit trail fits the screen (no sideways scrolling hides its Purpose and Outcome columns) and
 * stacks its rows on a phone; its filter is a fieldset headed by its legend; school records in the
 * trail are named, not shown by id; the licensing staff's twenty-odd links are grouped under
 * headings, each reachable, the page shown marked aria-current; the schools pages show no internal
 * ids (uuids) anywhere in their text.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { PASSWORD } from "../helpers.ts";
import { appendAudit } from "../../src/modules/audit/index.ts";
import { seedSchools } from "../../src/modules/schools/seed.ts";
import { navFor } from "../../src/web/nav.ts";
import { errorSummary, html, layout } from "../../src/web/kit.ts";
import {
  clickAndLoad,
  expectAccessible,
  mainText,
  signIn,
  startBrowserEnv,
  visit,
  type BrowserEnv,
} from "./support.ts";

const UUID_SHAPE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let be: BrowserEnv;
before(async () => {
  be = await startBrowserEnv({ today: "2014-02-12" });
  await seedSchools(be.env.ctx("admin"), { password: PASSWORD });
  // Entries that are hard to fit: a long purpose, a long unbroken word, a long action name.
  const staff = be.env.ctx("licensing_staff");
  await appendAudit(be.env.services.db, staff, {
    action: "credentials.application.supporting-document.read",
    entityType: "application",
    entityId: "0b7c6a1e-3f55-4c1e-9d7a-1a2b3c4d5e6f",
    purpose:
      "licensing-review: reviewing the applicant's supporting documents after a telephone call from the applicant's attorney asking whether the hunter safety course certificate had been received, and comparing it with the course provider's roster",
  });
  await appendAudit(be.env.services.db, staff, {
    action: "sale.read",
    entityType: "sale",
    entityId: "5d1f2e3a-4b5c-4d6e-8f70-8192a3b4c5d6",
    purpose:
      "investigation: https://records.example.ct.gov/cases/2014/HFD-000123456789/attachments/serial-trace-report",
  });
});
after(async () => {
  await be?.close();
});

async function pageAt(width: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await be.browser.newContext({ baseURL: be.base, viewport: { width, height: 900 } });
  return { page: await context.newPage(), close: () => context.close() };
}

/**
 * What sticks out sideways: the document, a table's container, a column heading past the right
 * edge, or any element of a table past its container's right edge. Empty when everything fits.
 */
async function overflow(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push("document " + doc.scrollWidth + " > " + doc.clientWidth);
    for (const t of document.querySelectorAll("main table")) {
      const box = t.parentElement;
      if (box.scrollWidth > box.clientWidth) {
        const edge = box.getBoundingClientRect().right;
        const past = [...t.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > edge + 0.5);
        const what = past.slice(-1).map((e) => e.tagName + " " + (e.textContent || "").slice(0, 60));
        out.push("#" + (t.id || "table") + ": " + box.scrollWidth + " > " + box.clientWidth + " " + what.join());
      }
      for (const th of t.querySelectorAll("thead th"))
        if (th.getBoundingClientRect().right > doc.clientWidth + 0.5)
          out.push("column " + th.textContent + " ends at " + th.getBoundingClientRect().right);
    }
    return out;
  })()`)) as string[];
}

test("the audit trail fits at 1280 px: every column on screen, nothing scrolls sideways; the filter is a fieldset", async () => {
  const { page, close } = await pageAt(1280);
  await signIn(page, "auditor");
  assert.equal(await visit(page, "/audit"), 200);
  assert.deepEqual(await overflow(page), []);
  const purpose = page.locator("#audit-entries thead th", { hasText: "Purpose" });
  const outcome = page.locator("#audit-entries thead th", { hasText: "Outcome" });
  assert.ok(await purpose.isVisible());
  assert.ok(await outcome.isVisible());
  assert.match(await mainText(page), /hunter safety course certificate/);
  // The filter: one fieldset, its legend first, every field inside it.
  const fieldset = page.locator("form[action='/audit'] fieldset");
  assert.equal(await fieldset.count(), 1);
  assert.equal(await fieldset.locator("> legend").innerText(), "Filter the entries");
  for (const label of ["Who (username)", "Action", "Kind of record", "Record id", "Outcome", "From (day)"])
    assert.equal(await fieldset.getByLabel(label, { exact: true }).count(), 1, label);
  // Dates are typed as written everywhere (YYYY-MM-DD), not in the browser's mm/dd/yyyy box.
  assert.equal(await page.locator("#from").getAttribute("type"), "text");
  await expectAccessible(page, be);
  // Filtering keeps the layout; times are written YYYY-MM-DD.
  await page.getByLabel("Kind of record").fill("school");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Filter", exact: true })), 200);
  assert.deepEqual(await overflow(page), []);
  const text = await mainText(page);
  assert.match(text, /Fairfield Ludlowe High School \(Fairfield\)/, "school records are named");
  assert.match(text, /2014-02-12 \d{1,2}:\d{2}\s[AP]M/);
  assert.doesNotMatch(text, UUID_SHAPE, "no school record is shown by its id");
  await expectAccessible(page, be);
  await close();
});

test("on a phone the audit trail stacks its rows, each value labelled, and nothing scrolls sideways", async () => {
  const { page, close } = await pageAt(375);
  await signIn(page, "auditor");
  assert.equal(await visit(page, "/audit"), 200);
  assert.deepEqual(await overflow(page), []);
  const cell = page.locator("#audit-entries tbody td[data-label='Purpose']").first();
  assert.equal(
    await cell.evaluate(
      (e) =>
        (
          e.ownerDocument.defaultView as unknown as { getComputedStyle(x: unknown): { display: string } }
        ).getComputedStyle(e).display,
    ),
    "block",
  );
  await expectAccessible(page, be);
  await close();
});

test("licensing staff see their links grouped under headings, every one reachable, the page shown marked current", async () => {
  const { page, close } = await pageAt(1280);
  await signIn(page, "licensing-staff");
  assert.equal(await visit(page, "/staff/sales"), 200);
  const nav = page.getByRole("navigation", { name: "Primary navigation", exact: true });
  const headings = await nav.locator(".stateline-nav__heading").allInnerTexts();
  assert.deepEqual(headings, [
    "Licensing",
    "Sales and ammunition",
    "Enforcement",
    "Registries",
    "Appeals",
    "Reports and rules",
  ]);
  // Each group is a list named by its heading; together they hold every link the role has.
  const expected = navFor("licensing_staff");
  assert.ok(expected.length >= 18, `licensing staff have ${expected.length} links`);
  const hrefs = await nav.locator("ul[aria-labelledby] a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual([...hrefs].sort(), expected.map((e) => e.href).sort());
  assert.ok(await nav.getByRole("list", { name: "Enforcement" }).getByRole("link", { name: "Seizures" }).isVisible());
  // The current page, and only it.
  const current = nav.locator("[aria-current]");
  assert.equal(await current.count(), 1);
  assert.equal(await current.getAttribute("href"), "/staff/sales");
  assert.equal(await current.getAttribute("aria-current"), "page");
  await expectAccessible(page, be);
  // Another page from the menu: the mark moves with it.
  assert.equal(await clickAndLoad(page, nav.getByRole("link", { name: "Private sale" })), 200);
  assert.equal(await nav.locator("[aria-current]").getAttribute("href"), "/staff/sales/private/new");
  assert.equal(await nav.getByRole("link", { name: "Sales", exact: true }).getAttribute("aria-current"), null);
  assert.deepEqual(await overflow(page), []);
  await close();
  // A role with a few links keeps one list.
  const auditor = await pageAt(1280);
  await signIn(auditor.page, "auditor");
  assert.equal(await auditor.page.locator("nav.stateline-nav .stateline-nav__heading").count(), 0);
  assert.equal(
    await auditor.page
      .getByRole("navigation", { name: "Primary navigation", exact: true })
      .getByRole("link", { name: "Audit trail" })
      .getAttribute("aria-current"),
    "page",
  );
  await auditor.close();
});

test("on a phone the grouped menu opens without JavaScript and keeps the headings", async () => {
  const context = await be.browser.newContext({
    baseURL: be.base,
    viewport: { width: 375, height: 812 },
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  await signIn(page, "licensing-staff");
  const menu = page.locator("details.stateline-menu");
  await menu.locator("summary").click();
  assert.ok(await menu.getByText("Sales and ammunition").isVisible());
  assert.ok(await menu.getByRole("list", { name: "Licensing" }).getByRole("link", { name: "Queue" }).isVisible());
  assert.equal(await clickAndLoad(page, menu.getByRole("link", { name: "Seizures" })), 200);
  assert.equal(new URL(page.url()).pathname, "/enforcement/seizures");
  const wide = (await page.evaluate("document.documentElement.scrollWidth")) as number;
  assert.ok(wide <= 376, `the page is ${wide} px wide at 375 px`);
  await context.close();
});

test("the schools pages show no internal ids: every record by its name or number", async () => {
  const { page, close } = await pageAt(1280);
  const seen = new Set<string>();
  for (const [user, home] of [
    ["schoolsafety", "/schools/state"],
    ["district", "/schools/district"],
    ["campus", "/schools/campus"],
    ["district-ff", "/schools/district"],
  ] as const) {
    await page.context().clearCookies();
    await signIn(page, user);
    const queue = [home];
    const visited = new Set<string>();
    while (queue.length) {
      const path = queue.shift()!;
      if (visited.has(path)) continue;
      visited.add(path);
      assert.equal(await visit(page, path), 200, `${user} ${path}`);
      const text = await mainText(page);
      assert.doesNotMatch(text, UUID_SHAPE, `${user} ${path} shows an id`);
      assert.deepEqual(await overflow(page), [], `${user} ${path}`);
      if (!seen.has(path.replace(UUID_SHAPE, ":id"))) {
        seen.add(path.replace(UUID_SHAPE, ":id"));
        await expectAccessible(page, be);
      }
      const links = await page
        .locator("main a[href^='/schools/']")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      for (const l of links) if (!/\/documents\/|\.csv$/.test(l) && !visited.has(l)) queue.push(l);
    }
    assert.ok(visited.size >= (user === "campus" ? 1 : 2), `${user} reached ${visited.size} pages`);
  }
  for (const shape of ["/schools/state", "/schools/districts/:id", "/schools/schools/:id", "/schools/rounds/:id"])
    assert.ok(seen.has(shape), `checked ${shape}`);
  await close();
});

/** The error summary's links whose field is not on the page (empty when every link reaches its field). */
async function brokenSummaryLinks(page: Page): Promise<string[]> {
  return (await page.evaluate(`[...document.querySelectorAll("#error-summary a[href^='#']")]
    .map((a) => a.getAttribute("href").slice(1))
    .filter((id) => !document.getElementById(id))`)) as string[];
}

test("error summaries link to the fields that failed, also where the field's id is not its name", async () => {
  const { page, close } = await pageAt(1280);
  // A district's grant application sent empty: the radio groups' errors link to their first option.
  await signIn(page, "district-ff");
  assert.equal(await visit(page, "/schools/district"), 200);
  assert.equal(await page.locator("#apply").count(), 1, "a round is open on this day");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Submit the application" })), 400);
  assert.ok(await page.locator("#error-summary a").count(), "the summary lists the problems");
  assert.deepEqual(await brokenSummaryLinks(page), []);
  await expectAccessible(page, be);
  // A school's plan sent with a bad year: the link goes to the plan's year, not the drill's.
  await page.context().clearCookies();
  await signIn(page, "district");
  assert.equal(await visit(page, "/schools/district"), 200);
  await clickAndLoad(page, page.locator("main a[href^='/schools/schools/']").first());
  await page.locator("#plan-year").fill("not a year");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Submit the plan to DESPP" })), 400);
  assert.equal(await page.locator("#error-summary a").first().getAttribute("href"), "#plan-year");
  assert.deepEqual(await brokenSummaryLinks(page), []);
  await close();
});

test("the page kit points a summary link at the field when the field's id is not its name", () => {
  const body = html`${errorSummary({ schoolYear: "must be like 2013-14", seat: "choose one", gone: "x" })}
    <input class="usa-input" name="schoolYear" id="plan-year">
    <input type="radio" id="seat-0" name="seat" value="a"><input type="radio" id="seat-1" name="seat" value="b">`;
  const page = layout({ title: "t", user: null, body }).value;
  assert.match(page, /href="#plan-year">School year<\/a>/);
  assert.match(page, /href="#seat-0">Seat<\/a>/);
  assert.match(page, /href="#gone">/, "a field not on the page keeps its link (nothing better to point at)");
});
