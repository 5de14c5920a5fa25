/**
 * Revocation in the browser: staff record a felony conviction for a holder,
 * see the credential revoked with its surrender deadline; once the deadline
 * has passed, the daily jobs flag the late surrender with its penalty.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { addDays, type PlainDate } from "../../src/law/core/dates.ts";
import { lateSurrenderPenalty, surrenderDeadline } from "../../src/law/ct/credentials/index.ts";
import {
  getCredential,
  issueCredential,
  submitApplication,
  type Credential,
} from "../../src/modules/credentials/service.ts";
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
let cred: Credential;

before(async () => {
  be = await startBrowserEnv();
  const { env } = be;
  // The holder: a long gun eligibility certificate issued through the services.
  const r = await submitApplication(env.ctx("resident"), {
    credentialKind: "long-gun-eligibility-certificate",
    residenceTown: "Hartford",
    citizenOrLawfulResident: true,
    backgroundCheckConsent: true,
    feePaid: true,
  });
  cred = await issueCredential(env.ctx("licensing_staff"), r.application.id, {
    reviewNote: "identity confirmed",
    confirmations: { safetyCourse: true, suitability: true },
  });
  assert.equal(cred.status, "active");
});
after(async () => {
  await be?.close();
});

test("a felony conviction revokes the credential; a late surrender is flagged with its penalty", async () => {
  const { env } = be;
  const today = env.clock.today();
  const due = surrenderDeadline(cred.kind, today).dueOn;
  const penalty = lateSurrenderPenalty(cred.kind);

  const { context, page } = await newPage(be);
  assert.equal(await signIn(page, "licensing-staff"), "/staff/queue");

  // Step 1: find the person by last name and date of birth.
  await clickAndLoad(page, page.getByRole("link", { name: "Record event" }));
  assert.equal(new URL(page.url()).pathname, "/staff/events/new");
  await expectAccessible(page, be);
  await page.getByLabel("Last name").fill("TESTPERSON");
  await page.getByLabel("Date of birth").fill("1980-06-15");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Find person" })), 200);
  await expectAccessible(page, be);
  await clickAndLoad(page, page.getByRole("link", { name: "Choose Robin Testperson" }));
  assert.match(
    await mainText(page),
    new RegExp(`Active credentials: ${cred.number} \\(Long gun eligibility certificate\\)`),
  );
  await expectAccessible(page, be);

  // Step 2: a missing source is named, then the conviction is recorded.
  await page.getByLabel("Kind of event").selectOption("conviction");
  await page.getByLabel("Date of the event").fill(today);
  await page.getByLabel("Statute violated").fill("53a-59");
  await tick(page.getByRole("group", { name: /Is the offense a felony/ }).getByLabel("Yes"));
  await page.getByLabel("Date of the offense").fill("2026-03-02");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Record event" })), 400);
  assert.match(await page.locator("#source-error").innerText(), /Say where the record comes from/);
  assert.equal(await page.getByLabel("Statute violated").inputValue(), "53a-59", "entries survive the error");
  await expectAccessible(page, be);
  await page.getByLabel("Source", { exact: false }).first().fill("Superior Court, Hartford");
  await page.getByLabel("Reference").fill("HHD-CR26-0001234");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Record event" })), 200);
  assert.equal(new URL(page.url()).pathname, "/staff/events/recorded");

  // What happened to the credential: revoked, with the surrender deadline.
  const row = (await page.getByRole("row", { name: new RegExp(cred.number) }).innerText()).replace(/\s+/g, " ");
  assert.match(row, /Revoked/i);
  assert.match(row, /felony/i);
  assert.ok(row.endsWith(due), `the surrender due date ${due} is shown: ${row}`);
  assert.equal((await getCredential(env.services.db, cred.id)).status, "revoked");
  await expectAccessible(page, be);

  // The credential page shows the revocation and the deadline; no late flag yet.
  await clickAndLoad(page, page.getByRole("link", { name: cred.number }));
  await statePurpose(page);
  let text = await mainText(page);
  assert.match(text, new RegExp(`Surrender due by ${due}`));
  assert.match(text, /Revocation reasons .*felony/i);
  assert.doesNotMatch(text, /Late surrender flagged/);
  await expectAccessible(page, be);

  // The holder sees the obligation and its deadline on their own page.
  const holder = await newPage(be);
  await signIn(holder.page, "resident");
  const mine = await mainText(holder.page);
  assert.match(mine, new RegExp(`Surrender your Long gun eligibility certificate ${cred.number} by ${due}`));
  assert.match(mine, new RegExp(penalty.classification));
  await holder.context.close();

  // The day after the deadline: the session has gone idle, so sign in again and run the daily jobs.
  const dayAfter = addDays(due as PlainDate, 1);
  env.clock.set(dayAfter);
  assert.equal(await visit(page, "/staff/outbox"), 200);
  assert.equal(new URL(page.url()).pathname, "/login", "an idle session ends");
  await signIn(page, "licensing-staff");
  assert.equal(await visit(page, "/staff/outbox"), 200);
  // The outbox holds names and home addresses: it opens only with a stated purpose.
  assert.equal(
    await statePurpose(page, "checking the revocation letter went out", "licensing-review", "Show the outbox"),
    200,
  );
  assert.match(
    await mainText(page),
    new RegExp(`Your Long gun eligibility certificate ${cred.number} is revoked`),
    "the revocation notice is in the outbox",
  );
  await expectAccessible(page, be);
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Run daily jobs" })), 200);
  assert.match(
    await mainText(page),
    new RegExp(
      `Daily jobs ran for ${dayAfter}: 0 credentials expired, 0 renewal notices queued, 1 late surrenders flagged`,
    ),
  );

  assert.equal(await visit(page, `/staff/credentials/${cred.id}`), 200);
  await statePurpose(page);
  text = await mainText(page);
  assert.match(text, new RegExp(`Late surrender flagged on ${dayAfter}`));
  assert.ok(
    text.includes(`Penalty: ${penalty.offense}, a ${penalty.classification}`),
    `the penalty is shown: ${penalty.offense}`,
  );
  assert.match(text, /late-surrender-flagged/);
  // The history names the event that revoked the credential, not its internal id.
  assert.match(text, new RegExp(`Prohibiting event: Conviction of ${today}, statute 53a-59`));
  assert.match(text, new RegExp(`Reasons: felony conviction under 53a-59 on ${today}`), "reasons read as sentences");
  assert.doesNotMatch(text, /events\[\d+\]/, "no fact paths on a staff page");
  assert.doesNotMatch(
    text,
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i,
    "no internal ids on the page",
  );
  await expectAccessible(page, be);

  // Recording the (late) surrender.
  await page.getByLabel("Date surrendered").fill(dayAfter);
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Record surrender" })), 200);
  text = await mainText(page);
  assert.match(text, new RegExp(`The surrender of ${cred.number} was recorded`));
  assert.match(text, new RegExp(`Surrendered ${dayAfter}`));
  assert.equal((await getCredential(env.services.db, cred.id)).surrenderedOn, dayAfter);
  await context.close();
});
