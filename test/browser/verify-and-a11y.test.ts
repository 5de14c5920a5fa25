/**
 * A dealer verifies a buyer's credential (valid, then not valid) and sees
 * nothing else about the holder; and axe-core finds no WCAG 2.1 AA violation
 * on any page visited, for every role, including error states.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { listAudit } from "../../src/modules/audit/service.ts";
import { listQuestions } from "../../src/modules/decisions/service.ts";
import {
  issueCredential,
  submitApplication,
  type Application,
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
  visit,
  type BrowserEnv,
} from "./support.ts";

let be: BrowserEnv;
let cred: Credential;
let openApp: Application;

before(async () => {
  be = await startBrowserEnv();
  const { env } = be;
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
  // An application left open for the staff pages.
  openApp = (
    await submitApplication(env.ctx("resident"), {
      credentialKind: "ammunition-certificate",
      residenceTown: "Hartford",
      citizenOrLawfulResident: true,
      backgroundCheckConsent: true,
      feePaid: false,
    })
  ).application;
});
after(async () => {
  await be?.close();
});

async function verify(
  page: import("playwright-core").Page,
  o: { number: string; lastName: string; birthDate: string; purpose: string },
): Promise<number | undefined> {
  await page.getByLabel("Credential number").fill(o.number);
  await page.getByLabel("Buyer's last name").fill(o.lastName);
  await page.getByLabel("Buyer's date of birth").fill(o.birthDate);
  await page.getByLabel("Purpose").selectOption({ label: o.purpose });
  return clickAndLoad(page, page.getByRole("button", { name: "Verify" }));
}

test("the axe helper fails on an inaccessible page", async () => {
  const { context, page } = await newPage(be);
  await page.setContent(
    `<!DOCTYPE html><html lang="en"><head><title>bad</title></head><body><main><h1>Bad</h1><input type="text"><img src="x.png"></main></body></html>`,
  );
  await assert.rejects(expectAccessible(page), /label|image-alt/);
  await context.close();
});

test("a dealer verifies a buyer: valid, then not valid; nothing else about the holder", async () => {
  const { env } = be;
  const { context, page } = await newPage(be);
  // The "dealer" test user is attached to no shop: its home (/dealer) refuses it; verification needs no shop.
  assert.equal(await signIn(page, "dealer", undefined, { landing: 403 }), "/dealer");
  assert.equal(await visit(page, "/verify"), 200);
  await expectAccessible(page, be);

  // A malformed number is named, and nothing is checked.
  assert.equal(
    await verify(page, { number: "12", lastName: "Testperson", birthDate: "1980-06-15", purpose: "long gun purchase" }),
    400,
  );
  assert.match(await page.locator("#credentialNumber-error").innerText(), /two letters and digits/);
  await expectAccessible(page, be);

  // Valid: typed without the hyphen, in lower case, with the name in capitals.
  assert.equal(
    await verify(page, {
      number: cred.number.replace("-", "").toLowerCase(),
      lastName: "TESTPERSON",
      birthDate: "1980-06-15",
      purpose: "long gun purchase",
    }),
    200,
  );
  const result = page.locator("#result");
  const valid = (await result.innerText()).replace(/\s+/g, " ");
  assert.match(valid, /^Valid for long gun purchase today/);
  const ref = /Reference: (V-[0-9A-F]{8})/.exec(valid)?.[1];
  assert.ok(ref, `a reference is shown: ${valid}`);
  const text = await mainText(page);
  for (const secret of [
    "Robin",
    "1 Main Street",
    "06103",
    "Hartford",
    cred.expiresOn,
    "1980-06-15",
    "Long gun eligibility certificate",
    "Active",
  ]) {
    assert.ok(!text.includes(secret), `the answer does not reveal ${secret}`);
  }
  assert.equal(await page.getByLabel("Credential number").inputValue(), "", "the form is cleared for the next buyer");
  await expectAccessible(page, be);
  const audit = await listAudit(env.services.db, { limit: 5 });
  assert.ok(
    audit.some(
      (a) => a.action === "credential.verify" && a.actorRole === "dealer" && a.purpose === "long-gun-purchase",
    ),
    "the check is audited",
  );

  // Not valid: the wrong birth date; and a long gun certificate does not buy a handgun.
  assert.equal(
    await verify(page, {
      number: cred.number,
      lastName: "Testperson",
      birthDate: "1980-06-16",
      purpose: "long gun purchase",
    }),
    200,
  );
  assert.match(
    (await result.innerText()).replace(/\s+/g, " "),
    /^Not valid for long gun purchase today .*Reference: V-[0-9A-F]{8}/,
  );
  await expectAccessible(page, be);
  assert.equal(
    await verify(page, {
      number: cred.number,
      lastName: "Testperson",
      birthDate: "1980-06-15",
      purpose: "handgun purchase",
    }),
    200,
  );
  assert.match((await result.innerText()).replace(/\s+/g, " "), /^Not valid for handgun purchase today/);
  assert.doesNotMatch(await mainText(page), /Robin|1 Main Street/);

  // The dealer may not open a resident's or the staff's pages.
  assert.equal(await visit(page, "/staff/queue"), 403);
  assert.equal(await visit(page, "/me"), 403);
  await expectAccessible(page, be);
  await context.close();
});

test("public pages pass axe: start, sign-in, rules, a question, self-check, API reference", async () => {
  const { context, page } = await newPage(be);
  for (const path of [
    "/",
    "/login",
    "/rules",
    "/rules/questions/credential-eligibility",
    "/check",
    "/check/json",
    "/check/permit",
    "/api/docs",
  ]) {
    assert.equal(await visit(page, path), 200, path);
    assert.equal(await page.locator("h1").count(), 1, `one h1 on ${path}`);
    await expectAccessible(page, be);
  }
  assert.equal(await visit(page, "/rules"), 200);
  assert.match(await mainText(page), /Minimum age .*In force from 2013-07-01/);

  // The self-check: the selected question's example is prefilled and decided.
  assert.equal(await visit(page, "/check/json"), 200);
  const questionId = await page.getByLabel("Question").inputValue();
  const question = listQuestions().find((q) => q.id === questionId);
  assert.ok(question, `the selected question ${questionId} exists`);
  assert.deepEqual(
    JSON.parse(await page.getByLabel("Facts (JSON)").inputValue()),
    JSON.parse(JSON.stringify(question.example)),
  );
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Check" })), 200);
  const answer = await page.locator("#answer").innerText();
  assert.match(answer, /Answer: /);
  assert.match(answer, /Citation: /);
  await expectAccessible(page, be);

  // Bad JSON is a 400 that names the facts field.
  await page.getByLabel("Facts (JSON)").fill("{ not json");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Check" })), 400);
  assert.match(await page.locator("#facts-error").innerText(), /not valid JSON/);
  assert.match(await page.locator(".usa-alert--error").innerText(), /Facts/);
  await expectAccessible(page, be);

  // A JSON value that is not an object is named.
  await page.getByLabel("Facts (JSON)").fill("[1, 2]");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Check" })), 400);
  assert.match(await page.locator("#facts-error").innerText(), /must be a JSON object/);

  // Facts the question's schema rejects are named with their path: a plain-typed fact given an object.
  const props = (question.factsSchema as { properties?: Record<string, { type?: string }> }).properties ?? {};
  const key = Object.keys(props).find((k) => ["string", "number", "integer", "boolean"].includes(props[k]?.type ?? ""));
  assert.ok(key, `${question.id} has a plain-typed fact to spoil`);
  await page
    .getByLabel("Facts (JSON)")
    .fill(JSON.stringify({ ...(question.example as object), [key]: { spoiled: true } }));
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Check" })), 400);
  assert.match(await page.locator("#facts-error").innerText(), new RegExp(`facts\\.${key}`));
  await expectAccessible(page, be);

  // A missing page is an accessible 404.
  assert.equal(await visit(page, "/no/such/page"), 404);
  await expectAccessible(page, be);
  await context.close();
});

test("signed-in pages pass axe for every role", async () => {
  const resident = await newPage(be);
  await signIn(resident.page, "resident");
  for (const path of ["/me", "/apply", `/me/applications/${openApp.id}`, `/me/credentials/${cred.id}/renew`]) {
    assert.equal(await visit(resident.page, path), 200, path);
    await expectAccessible(resident.page, be);
  }
  // The empty application form names every missing answer.
  assert.equal(await visit(resident.page, "/apply"), 200);
  assert.equal(await clickAndLoad(resident.page, resident.page.getByRole("button", { name: "Send application" })), 400);
  const errors = await resident.page.locator(".usa-alert--error").innerText();
  for (const f of ["Credential", "Citizenship or lawful presence", "Background check consent"])
    assert.match(errors, new RegExp(f));
  await expectAccessible(resident.page, be);
  await resident.context.close();

  const staff = await newPage(be);
  await signIn(staff.page, "licensing-staff");
  for (const path of [
    "/staff/queue",
    "/staff/queue?status=issued",
    `/staff/applications/${openApp.id}`,
    `/staff/credentials/${cred.id}`,
    "/staff/events/new",
    `/staff/events/new?personId=${be.env.resident.id}`,
    "/staff/outbox",
    "/verify",
    "/rules",
  ]) {
    assert.equal(await visit(staff.page, path), 200, path);
    await expectAccessible(staff.page, be);
  }
  // A denial without a reason is named.
  assert.equal(await visit(staff.page, `/staff/applications/${openApp.id}`), 200);
  await statePurpose(staff.page);
  assert.equal(await clickAndLoad(staff.page, staff.page.getByRole("button", { name: "Deny", exact: true })), 400);
  assert.match(await staff.page.locator("#reason-error").innerText(), /reason for the denial/);
  await expectAccessible(staff.page, be);
  await staff.context.close();

  const auditor = await newPage(be);
  assert.equal(await signIn(auditor.page, "auditor"), "/audit");
  assert.match(await mainText(auditor.page), /application\.read/);
  await expectAccessible(auditor.page, be);
  assert.equal(await clickAndLoad(auditor.page, auditor.page.getByRole("button", { name: "Verify chain" })), 200);
  assert.match(await auditor.page.locator("#verify-result").innerText(), /The chain is intact/);
  await expectAccessible(auditor.page, be);
  assert.equal(await visit(auditor.page, "/admin/users"), 403);
  await auditor.context.close();

  const admin = await newPage(be);
  assert.equal(await signIn(admin.page, "admin"), "/admin/users");
  await expectAccessible(admin.page, be);
  for (const path of ["/audit", "/staff/outbox"]) {
    assert.equal(await visit(admin.page, path), 200, path);
    await expectAccessible(admin.page, be);
  }
  await admin.context.close();

  for (const path of [
    "/",
    "/login",
    "/rules",
    "/check",
    "/api/docs",
    "/me",
    "/apply",
    "/staff/queue",
    `/staff/applications/${openApp.id}`,
    "/verify",
    "/audit",
  ]) {
    assert.ok(be.checked.has(path), `axe checked ${path}`);
  }
});
