/**
 * Tracing in the browser (Chromium, axe on every page): an urgent trace answered at once from
 * Stateline's own records; a trace answered by a partner instance (New York, a second server on
 * loopback) through the signed exchange; the source-state map for a chosen year with its table;
 * the dealer ranking, a dealer page, and a dealer's own figures.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestEnv, type TestEnv } from "../helpers.ts";
import { runDueJobs } from "../../src/modules/jobs/index.ts";
import { partner } from "../../src/modules/tracing/config.ts";
import { tracingModule } from "../../src/modules/tracing/module.ts";
import { configure, FIELDS_MINIMAL, keyPair, person, sale, shop } from "../../src/modules/tracing/testkit.ts";
import {
  clickAndLoad,
  expectAccessible,
  mainText,
  signIn,
  startBrowserEnv,
  visit,
  type BrowserEnv,
} from "./support.ts";
import type { Page } from "playwright-core";

let be: BrowserEnv, ny: TestEnv;

/** A fresh context; axe is injected as an inline script, which the pages' Content Security Policy (rightly) refuses, so tests bypass it. */
async function newPage(b: BrowserEnv) {
  const context = await b.browser.newContext({
    baseURL: b.base,
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  return { context, page: await context.newPage() };
}
let ownShopId = "",
  otherShopId = "";

before(async () => {
  be = await startBrowserEnv({ today: "2026-11-20" });
  ny = await createTestEnv({ today: "2026-11-20" });
  const nyUrl = await ny.app.listen({ port: 0, host: "127.0.0.1" });
  const ctKeys = keyPair(),
    nyKeys = keyPair();
  configure(ny, {
    state: "NY",
    keyId: "ny-1",
    privateKey: nyKeys.privateKey,
    partners: [
      partner({
        code: "CT",
        name: "Connecticut",
        url: be.base,
        keyId: "ct-1",
        publicKey: ctKeys.publicKey,
        receives: FIELDS_MINIMAL,
      }),
    ],
  });
  configure(be.env, {
    state: "CT",
    keyId: "ct-1",
    privateKey: ctKeys.privateKey,
    partners: [
      partner({
        code: "NY",
        name: "New York",
        url: nyUrl,
        keyId: "ny-1",
        publicKey: nyKeys.publicKey,
        receives: FIELDS_MINIMAL,
      }),
    ],
  });
  const own = await shop(be.env, { name: "Riverside Firearms", staff: true });
  const other = await shop(be.env, { name: "Northside Guns" });
  ownShopId = own.id;
  otherShopId = other.id;
  const buyer = await person(be.env.services.db, { firstName: "Alex", lastName: "Buyer" });
  await sale(be.env.services.db, { dealerId: own.id, buyer, on: "2026-02-01", serial: "CTB100" });
  const nyShop = await shop(ny, { name: "Empire Arms" });
  await sale(ny.services.db, {
    dealerId: nyShop.id,
    buyer: await person(ny.services.db),
    on: "2025-12-01",
    serial: "NYB200",
    make: "RUG",
  });
});
after(async () => {
  await be?.close();
  await ny?.close();
});

async function askTrace(page: Page, o: { make: string; serial: string; priority: string }) {
  await visit(page, "/tracing");
  await page.getByLabel("Priority").selectOption(o.priority);
  await page.getByLabel("Make (NCIC code or maker)").fill(o.make);
  await page.getByLabel("Serial number (when present)").fill(o.serial);
  await page.getByLabel("Date recovered").fill("2026-11-01");
  await page.getByLabel("Town").fill("Hartford");
  await page.getByLabel("Crime code (NCIC offense code)").fill("5212");
  await page.getByLabel("Purpose").selectOption("firearm-trace");
  await page.getByLabel("In your words (at least 10 characters)").fill("Shooting on Park Street, case HPD-26-0911");
  return clickAndLoad(page, page.getByRole("button", { name: "Trace" }));
}

test("an urgent trace is answered at once from Stateline's own records", async () => {
  const { context, page } = await newPage(be);
  await signIn(page, "law-enforcement");
  assert.equal(await askTrace(page, { make: "SW", serial: "CTB100", priority: "urgent" }), 200);
  const text = await mainText(page);
  assert.match(text, /Answered from Stateline's records/);
  assert.match(text, /Riverside Firearms/);
  assert.match(text, /273 days/);
  await expectAccessible(page, be);
  await context.close();
});

test("a trace Connecticut cannot answer is answered by the New York instance", async () => {
  const { context, page } = await newPage(be);
  await signIn(page, "trafficking-task-force");
  assert.equal(await askTrace(page, { make: "RUG", serial: "NYB200", priority: "routine" }), 200);
  assert.match(await mainText(page), /Referred to ATF and partner states/);
  await runDueJobs(be.env.services, tracingModule.jobs ?? []);
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: /Open trace/ })), 200);
  const text = await mainText(page);
  assert.match(text, /Completed/);
  assert.match(text, /Empire Arms/);
  assert.match(text, /Source state NY/);
  assert.match(text, /Partner state NY answered/);
  await expectAccessible(page, be);
  await context.close();
});

test("the source-state map for a chosen year, with its table and the CSV", async () => {
  const { context, page } = await newPage(be);
  await signIn(page, "trafficking-task-force");
  await visit(page, "/tracing/analytics");
  await page.getByLabel("Year").selectOption("2014");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Show" })), 200);
  assert.match(await page.locator("h1").innerText(), /Connecticut came from, 2014/);
  assert.equal(
    await page.getByRole("img", { name: /Source states of crime guns recovered in Connecticut, 2014/ }).count(),
    1,
  );
  const table = page.getByRole("table", { name: "Source states (data for the map)" });
  assert.match(await table.innerText(), /Texas\s+\*?\s*30/);
  assert.match(
    (await page.getByRole("link", { name: "Download the table as CSV" }).getAttribute("href")) ?? "",
    /year=2014/,
  );
  await expectAccessible(page, be);
  await context.close();
});

test("the dealer ranking and a dealer page; a dealer sees only its own figures", async () => {
  const a = await newPage(be);
  await signIn(a.page, "trafficking-task-force");
  await visit(a.page, "/tracing/dealers");
  await expectAccessible(a.page, be);
  assert.equal(await clickAndLoad(a.page, a.page.getByRole("link", { name: "Riverside Firearms" })), 200);
  assert.match(await mainText(a.page), /Traces per 1,000 sales/);
  await expectAccessible(a.page, be);
  await a.context.close();

  const d = await newPage(be);
  await signIn(d.page, "dealer");
  assert.equal(await visit(d.page, "/tracing/my-dealer"), 200);
  assert.match(await mainText(d.page), /Riverside Firearms \(your figures\)/);
  await expectAccessible(d.page, be);
  const st = await visit(d.page, `/tracing/dealers/${otherShopId}`);
  assert.equal(st, 403, await mainText(d.page));
  assert.equal(await visit(d.page, `/tracing/dealers/${ownShopId}`), 200);
  await d.context.close();
});
