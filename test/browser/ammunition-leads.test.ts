/**
 * Investigators in the browser: ammunition bought from three sellers in a
 * few days raises a lead; law enforcement give the purpose of the review
 * (audited), see the lead's reason and evidence with the purchases, and open
 * a case; licensing staff dismiss another lead with a reason (a short reason
 * is named). Sellers never see leads. axe-core checks every page visited.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { addDays } from "../../src/law/core/dates.ts";
import { listAudit } from "../../src/modules/audit/service.ts";
import { holder, registerSeller, seedSale, setupSellers, type Holder } from "../../src/modules/ammunition/testkit.ts";
import { runLeadSweep } from "../../src/modules/leads/service.ts";
import {
  clickAndLoad,
  expectAccessible,
  mainText,
  newPage,
  signIn,
  statePurpose,
  startBrowserEnv,
  visit,
  type BrowserEnv,
} from "./support.ts";

let be: BrowserEnv;
let busy: Holder;
let other: Holder;

before(async () => {
  be = await startBrowserEnv();
  const { env } = be;
  const today = env.clock.today();
  await setupSellers(env);
  const shops = [
    await registerSeller(env, "ammunition-vendor", "Hartford"),
    await registerSeller(env, "ammunition-vendor", "Bristol"),
    await registerSeller(env, "firearm-dealer", "Enfield"),
  ];
  busy = await holder(env.services.db, today, { firstName: "Morgan", lastName: "Manyshops" });
  other = await holder(env.services.db, today, { firstName: "Jamie", lastName: "Alsobusy" });
  for (const h of [busy, other]) {
    for (const [i, d] of shops.entries())
      await seedSale(env.services.db, {
        personId: h.person.id,
        credentialId: h.credential.id,
        dealerId: d.id,
        on: addDays(today, i - 3),
        rounds: 200,
      });
  }
  const r = await runLeadSweep(env.ctx("licensing_staff"));
  assert.equal(r.raised["many-vendors"], 2);
});
after(async () => {
  await be?.close();
});

const PURPOSE_TEXT = "Trafficking investigation HPD-26-0042";
const PURPOSE = `criminal-investigation: ${PURPOSE_TEXT}`;

test("law enforcement review leads with a purpose, see the evidence and open a case", async () => {
  const { env } = be;
  const { context, page } = await newPage(be);
  await signIn(page, "law-enforcement");
  await clickAndLoad(
    page,
    page.getByRole("navigation", { name: "Primary navigation" }).getByRole("link", { name: "Leads" }),
  );
  assert.equal(new URL(page.url()).pathname, "/leads");
  assert.match(await mainText(page), /Say why you are reviewing them/);
  assert.equal(await page.locator("#leads").count(), 0, "nothing is shown without a purpose");
  await expectAccessible(page, be);

  // Too short a purpose is named; the purpose is posted, never put in the address.
  assert.equal(await statePurpose(page, "x", "criminal-investigation"), 400);
  assert.ok(await page.locator("#purposeText-error").count(), "the purpose's error is shown beside it");
  await expectAccessible(page, be);

  assert.equal(await statePurpose(page, PURPOSE_TEXT, "criminal-investigation"), 200);
  assert.doesNotMatch(page.url(), /purpose|Trafficking/);
  const row = (await page.getByRole("row", { name: /Manyshops/ }).innerText()).replace(/\s+/g, " ");
  assert.match(
    row,
    /Manyshops, Morgan \(born 1980-02-02\) Purchases across many sellers in a short window bought from 3 different sellers between 2026-11-17 and 2026-11-19 \(3 sales, 600 rounds\)/,
  );
  assert.match(row, /Open/i);
  await expectAccessible(page, be);
  const listRead = (await listAudit(env.services.db, { limit: 50 })).find((a) => a.action === "leads.read");
  assert.equal(listRead?.purpose, PURPOSE);

  await clickAndLoad(page, page.getByRole("row", { name: /Manyshops/ }).getByRole("link"));
  assert.match(new URL(page.url()).pathname, /^\/leads\/[0-9a-f-]{36}$/);
  const leadId = new URL(page.url()).pathname.split("/")[2]!;
  const text = await mainText(page);
  assert.match(text, /Purchases across many sellers in a short window/);
  assert.match(await page.locator("#lead-reason").innerText(), /bought from 3 different sellers/);
  assert.match(text, new RegExp(`Opening this lead is recorded in the audit trail \\(purpose: ${PURPOSE}\\)`));
  const evidence = (await page.locator("#evidence").innerText()).replace(/\s+/g, " ");
  assert.match(evidence, /Ammunition sales 3 records \(listed below\)/);
  assert.doesNotMatch(evidence, /[0-9a-f]{8}-[0-9a-f]{4}-/, "no internal ids");
  assert.match(evidence, /Rounds 600/);
  assert.match(
    evidence,
    /Sellers Test Ammunition \d+ \(Hartford\); Test Ammunition \d+ \(Bristol\); Test Arms \d+ \(Enfield\)|Sellers .*\(Bristol\)/,
  );
  assert.equal(
    await page.locator("#ammunition tbody tr").count(),
    3,
    "the purchases in the window, with their sellers",
  );
  assert.match(await page.locator("#ammunition").innerText(), /Test Ammunition \d+, Bristol/);
  assert.ok(
    (await listAudit(env.services.db, { limit: 20, entityId: leadId })).some(
      (a) => a.action === "lead.read" && a.purpose === PURPOSE && a.actorRole === "law_enforcement",
    ),
  );
  await expectAccessible(page, be);

  // In another session, without a purpose, the lead's page asks for one first.
  const fresh = await newPage(be);
  await signIn(fresh.page, "law-enforcement");
  assert.equal(await visit(fresh.page, `/leads/${leadId}`), 200);
  assert.doesNotMatch(await mainText(fresh.page), /Manyshops/);
  assert.equal(await statePurpose(fresh.page, PURPOSE_TEXT, "criminal-investigation"), 200);
  assert.match(await mainText(fresh.page), /Manyshops/);
  await fresh.context.close();
  assert.equal(await visit(page, `/leads/${leadId}`), 200);

  await page.getByLabel("Case title").fill("Straw purchasing, Hartford County");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Open case" })), 200);
  const after = await mainText(page);
  const caseNumber = /Case (C-\d+) was opened with lead/.exec(after)?.[1];
  assert.ok(caseNumber, after);
  assert.match(after, /Case opened/i);
  assert.equal(
    await page.getByRole("button", { name: "Dismiss lead" }).count(),
    0,
    "a lead in a case is not dismissed",
  );
  await expectAccessible(page, be);
  await clickAndLoad(page, page.getByRole("link", { name: caseNumber }));
  assert.match(await mainText(page), new RegExp(`Case ${caseNumber}: Straw purchasing, Hartford County`));
  await expectAccessible(page, be);
  await context.close();
});

test("licensing staff dismiss a lead with a reason; sellers never see leads", async () => {
  const { env } = be;
  const { context, page } = await newPage(be);
  await signIn(page, "licensing-staff");
  assert.equal(await visit(page, "/leads"), 200);
  assert.equal(await statePurpose(page, "Quarterly review of leads"), 200);
  await clickAndLoad(page, page.getByRole("row", { name: /Alsobusy/ }).getByRole("link"));
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Dismiss lead" })), 400);
  assert.match(await page.locator("#reason-error").innerText(), /Say why the lead is dismissed/);
  await expectAccessible(page, be);
  await page.getByLabel("Why is the lead dismissed?").fill("Buyer is a licensed range officer buying for club matches");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Dismiss lead" })), 200);
  assert.match(await mainText(page), /Lead L-\d+ was dismissed/);
  assert.match(
    (await page.locator("#history").innerText()).replace(/\s+/g, " "),
    /Dismissed Test licensing_staff Buyer is a licensed range officer/,
  );
  await expectAccessible(page, be);
  // The open list no longer shows it; "any status" does.
  assert.equal(await visit(page, "/leads"), 200);
  assert.doesNotMatch(await mainText(page), /Alsobusy/);
  assert.equal(await visit(page, "/leads?status=all"), 200);
  assert.match(await mainText(page), /Alsobusy/);
  await context.close();

  for (const who of ["ammunition-vendor", "dealer", "resident", "auditor"]) {
    const p = await newPage(be);
    await signIn(p.page, who);
    assert.equal(await visit(p.page, "/leads"), 403, who);
    await p.context.close();
  }
  void env;
});
