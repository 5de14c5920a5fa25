/**
 * Enforcement in the browser (with axe on every page): a court record with a typo in the first
 * name waits in the review queue and is matched by staff side by side; the record revokes the
 * holder's two credentials, marks a magazine declaration and opens the § 34 obligation; police
 * record proof of transfer for one holder; a missed deadline is escalated to a police case.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import type { PlainDate } from "../../src/law/core/dates.ts";
import { createCourtSimulator } from "../../src/adapters/courts/simulator.ts";
import {
  addCredential,
  holder,
  registerSeller,
  seedFirearmSale,
  seedSale,
} from "../../src/modules/ammunition/testkit.ts";
import { exactMatcher, identityMatcher, useMatcher } from "../../src/modules/enforcement/matcher.ts";
import { receiveRecord } from "../../src/modules/enforcement/service.ts";
import { runEnforcementSweep } from "../../src/modules/enforcement/jobs.ts";
import { clickAndLoad, expectAccessible, mainText, signIn, startBrowserEnv, tick, type BrowserEnv } from "./support.ts";

/** A fresh context that lets axe's injected script run under the site's Content-Security-Policy. */
async function newPage(b: BrowserEnv) {
  const context = await b.browser.newContext({
    baseURL: b.base,
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  return { context, page: await context.newPage() };
}

let be: BrowserEnv;
const court = createCourtSimulator({ seed: 41 });
const TODAY = "2026-11-20" as PlainDate;

async function armed(firstName: string, lastName: string, birthDate: string) {
  const { env } = be;
  const h = await holder(env.services.db, TODAY, {
    kind: "state-handgun-permit",
    firstName,
    lastName,
    birthDate: birthDate as PlainDate,
    town: "Meriden",
  });
  const second = await addCredential(env.services.db, TODAY, h.person.id, "long-gun-eligibility-certificate");
  const shop = await registerSeller(env, "firearm-dealer", "Meriden");
  const vendor = await registerSeller(env, "ammunition-vendor", "Meriden");
  await seedFirearmSale(env.services.db, {
    personId: h.person.id,
    dealerId: shop.id,
    on: "2026-05-01" as PlainDate,
    handgun: true,
    status: "proceeded",
  });
  await seedSale(env.services.db, {
    personId: h.person.id,
    credentialId: h.credential.id,
    dealerId: vendor.id,
    on: "2026-08-01" as PlainDate,
    rounds: 100,
  });
  await env.services.db.query(
    `INSERT INTO registrations (kind, number, person_id, status, magazine_count, magazine_capacity, magazine_caliber, holder_first_name, holder_last_name, holder_birth_on, submitted_on)
     VALUES ('lcm-declaration', $1, $2, 'declared', 2, 30, '5.56mm', $3, $4, $5, '2014-01-02')`,
    [`LCM-${String(Math.floor(Math.random() * 900000) + 100000)}`, h.person.id, firstName, lastName, birthDate],
  );
  return { ...h, second };
}

/** Answers the purpose form that stands before every enforcement page. */
async function givePurpose(page: Page, text = "Reviewing court record for the firearms unit") {
  await page.getByLabel("Purpose").selectOption("licensing-review");
  await page.getByLabel("Why you need these records").fill(text);
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Show" })), 200);
}

before(async () => {
  be = await startBrowserEnv({ today: TODAY });
  useMatcher(exactMatcher);
});
after(async () => {
  useMatcher(identityMatcher);
  await be?.close();
});

test("a court record with a typo is matched through review; it revokes two credentials and a registration and opens the § 34 obligation; proof of transfer closes it", async () => {
  const { env } = be;
  const h = await armed("Robert", "Ellingsworth", "1974-04-04");
  const rec = court.conviction(
    { firstName: "Rboert", lastName: "Ellingsworth", birthDate: "1974-04-04" },
    { statute: "53a-134", offenseOn: "2026-06-01", convictionOn: "2026-11-19", felony: true },
  );
  const r = await receiveRecord(env.ctx("court_source"), "court", rec);
  assert.equal(r.status, "review");

  const { context, page } = await newPage(be);
  await signIn(page, "licensing-staff");
  await clickAndLoad(page, page.getByRole("link", { name: "Match reviews" }));
  await expectAccessible(page, be);
  await givePurpose(page);
  await expectAccessible(page, be);
  await clickAndLoad(page, page.getByRole("button", { name: `Review ${r.record.number}` }));
  let text = await mainText(page);
  assert.match(text, /Rboert Ellingsworth/);
  assert.match(text, /Robert Ellingsworth/);
  assert.match(text, /first name differs/);
  await expectAccessible(page, be);
  // Nothing chosen: the error names the question; nothing happened to the holder.
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Record the decision" })), 400);
  await expectAccessible(page, be);
  await tick(page.getByRole("group", { name: /Whose record is this/ }).getByLabel(/Robert Ellingsworth/));
  await page.getByLabel("Why").fill("Same date of birth and address; the first name is mistyped");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Record the decision" })), 200);
  text = await mainText(page);
  assert.match(text, /2 credentials revoked/);
  assert.match(text, /obligation OB-\d+ due 2026-11-23/);
  await expectAccessible(page, be);
  const statuses = await env.services.db.query("SELECT status FROM credentials WHERE person_id = $1 ORDER BY number", [
    h.person.id,
  ]);
  assert.deepEqual(
    statuses.map((s) => s.status),
    ["revoked", "revoked"],
  );
  const reg = await env.services.db.query("SELECT status FROM registrations WHERE person_id = $1", [h.person.id]);
  assert.equal(reg[0]!.status, "surrender-required");
  await context.close();

  // Police: the list, the person, the obligation, and proof of transfer to an eligible person.
  const friend = await holder(env.services.db, TODAY, {
    kind: "handgun-eligibility-certificate",
    firstName: "Dana",
    lastName: "Eligibleton",
    birthDate: "1982-02-02" as PlainDate,
  });
  const p2 = await newPage(be);
  await signIn(p2.page, "law-enforcement");
  await clickAndLoad(p2.page, p2.page.getByRole("link", { name: "Armed and prohibited" }));
  await givePurpose(p2.page, "Hartford PD follow-up on a prohibited person");
  text = await mainText(p2.page);
  assert.match(text, /Robert Ellingsworth/);
  assert.match(text, /1 firearms, 1 registrations, 100 rounds/);
  await expectAccessible(p2.page, be);
  await clickAndLoad(p2.page, p2.page.getByRole("button", { name: "Robert Ellingsworth" }));
  text = await mainText(p2.page);
  assert.match(text, /review-decided/);
  assert.match(text, /Test licensing_staff/);
  await expectAccessible(p2.page, be);
  await clickAndLoad(p2.page, p2.page.getByRole("button", { name: /^OB-\d+$/ }));
  await expectAccessible(p2.page, be);
  const form = p2.page.locator("form", { has: p2.page.getByRole("button", { name: "Record transfer" }) });
  await form.getByLabel("Transferred on").fill("2026-11-20");
  await form.getByLabel("Transferee's first name").fill("Dana");
  await form.getByLabel("Transferee's last name").fill("Eligibleton");
  await form.getByLabel("Transferee's date of birth").fill("1982-02-02");
  await form.getByLabel("Transferee's credential number").fill(friend.credential.number);
  await form.getByLabel("Items transferred (one a line)").fill("Glock 19 pistol\nammunition 100 rounds 9mm");
  await tick(form.getByRole("group", { name: /Does this cover everything left/ }).getByLabel(/^Yes/));
  assert.equal(await clickAndLoad(p2.page, form.getByRole("button", { name: "Record transfer" })), 200);
  text = await mainText(p2.page);
  assert.match(text, /Transfer recorded/);
  assert.match(text, /Complied/i);
  await expectAccessible(p2.page, be);
  await p2.context.close();
});

test("a missed deadline is escalated to a police case and shows on the list", async () => {
  const { env } = be;
  const h = await armed("Wilhelmina", "Deadlinemiss", "1966-06-06");
  const r = await receiveRecord(
    env.ctx("court_source"),
    "court",
    court.conviction(
      { firstName: "Wilhelmina", lastName: "Deadlinemiss", birthDate: "1966-06-06" },
      { statute: "53a-134", offenseOn: "2026-06-01", convictionOn: "2026-11-20", felony: true },
    ),
  );
  assert.equal(r.status, "matched");
  assert.equal(r.effects?.obligation?.dueOn, "2026-11-24");
  env.clock.set("2026-11-25" as PlainDate);
  try {
    const sweep = await runEnforcementSweep(env.ctx(null));
    assert.ok(sweep.escalated >= 1);
    const { context, page } = await newPage(be);
    await signIn(page, "law-enforcement");
    await clickAndLoad(page, page.getByRole("link", { name: "Armed and prohibited" }));
    await givePurpose(page, "Hartford PD follow-up on overdue surrenders");
    const row = (await page.getByRole("row", { name: /Deadlinemiss/ }).innerText()).replace(/\s+/g, " ");
    assert.match(row, /Escalated/i);
    await expectAccessible(page, be);
    const cases = await env.services.db.query("SELECT title FROM cases WHERE person_id = $1", [h.person.id]);
    assert.match(cases[0]!.title, /§ 34 transfer or surrender overdue/);
    await context.close();
  } finally {
    env.clock.set(TODAY);
  }
});
