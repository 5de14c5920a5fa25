/**
 * The Board's docket in the browser: a resident appeals a denial from their appeals page (the
 * decision's reason and findings shown), the Board adds a meeting and schedules the docket, the
 * issuing authority gives no statement, the clock passes the 10-day mark and the appellant is
 * granted relief automatically: the credential is issued by the Board's order. Axe on each page.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { PlainDate } from "../../src/law/core/dates.ts";
import { denyApplication, submitApplication } from "../../src/modules/credentials/service.ts";
import { appealJobs } from "../../src/modules/appeals/jobs.ts";
import {
  clickAndLoad,
  expectAccessible,
  mainText,
  signIn,
  startBrowserEnv,
  visit,
  type BrowserEnv,
} from "./support.ts";

/** A fresh browser context; axe is injected as a script, which the site's Content-Security-Policy would refuse. */
async function newPage(b: BrowserEnv) {
  const context = await b.browser.newContext({
    baseURL: b.base,
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  return { context, page: await context.newPage() };
}

let be: BrowserEnv;
let applicationId: string;
before(async () => {
  be = await startBrowserEnv({ today: "2026-11-02" });
  const r = await submitApplication(be.env.ctx("resident"), {
    credentialKind: "long-gun-eligibility-certificate",
    residenceTown: "Hartford",
    citizenOrLawfulResident: true,
    backgroundCheckConsent: true,
    feePaid: true,
  });
  applicationId = r.application.id;
  await denyApplication(be.env.ctx("licensing_staff"), applicationId, "false statement on the application form");
});
after(async () => {
  await be?.close();
});

test("an appeal filed from a denial; no statement of reasons; automatic relief; the credential issued by the Board's order", async () => {
  const { env } = be;
  // Step 1: the resident files from the appeals page.
  const me = await newPage(be);
  await signIn(me.page, "resident");
  assert.equal(await visit(me.page, "/appeals"), 200);
  assert.match(await mainText(me.page), /Reason: false statement on the application form/);
  await expectAccessible(me.page, be);
  await me.page
    .getByLabel(/Why the decision was wrong/)
    .fill("Every statement on my form was true; I have the records.");
  assert.equal(await clickAndLoad(me.page, me.page.getByRole("button", { name: "File appeal" })), 200);
  assert.match(await mainText(me.page), /Appeal BFPE-\d+ Filed/i);
  await expectAccessible(me.page, be);

  // Step 2: the Board adds a meeting and schedules the docket in order of filing.
  const board = await newPage(be);
  await signIn(board.page, "board-member");
  assert.equal(await visit(board.page, "/board/meetings"), 200);
  await expectAccessible(board.page, be);
  await board.page.getByLabel(/^Date/).fill("2027-01-04");
  await board.page.getByLabel(/^Hearing slots/).fill("6");
  assert.equal(await clickAndLoad(board.page, board.page.getByRole("button", { name: "Add meeting" })), 200);
  assert.match(await mainText(board.page), /Meeting on 2027-01-04 added/);
  assert.equal(await visit(board.page, "/board"), 200);
  assert.equal(
    await clickAndLoad(board.page, board.page.getByRole("button", { name: /Schedule waiting appeals/ })),
    200,
  );
  assert.match(await mainText(board.page), /1 appeal\(s\) scheduled/);
  await expectAccessible(board.page, be);
  await clickAndLoad(board.page, board.page.getByRole("link", { name: /^BFPE-/ }).first());
  assert.match(await mainText(board.page), /Statement of reasons due 2026-12-25/);
  await expectAccessible(board.page, be);

  // Step 3: no statement by 25 December (a holiday; calendar days); on the 26th relief is automatic.
  env.clock.set("2026-12-26" as PlainDate);
  for (const j of appealJobs.filter((x) => x.name === "appeals.statement-deadline"))
    await (j.run as (...a: unknown[]) => Promise<unknown>)(env.ctx(null), {}, { id: 0, attempt: 1, maxAttempts: 1 });
  const me2 = await newPage(be);
  await signIn(me2.page, "resident");
  assert.equal(await visit(me2.page, "/appeals"), 200);
  await clickAndLoad(me2.page, me2.page.getByRole("link", { name: /^BFPE-/ }).first());
  const text = await mainText(me2.page);
  assert.match(text, /automatic relief on 2026-12-26/);
  assert.match(text, /issue the credential, carried out 2026-12-26/);
  await expectAccessible(me2.page, be);
  const cred = await env.services.db.query("SELECT status FROM credentials WHERE application_id = $1", [applicationId]);
  assert.equal(cred[0]?.status, "active");

  // The public page: figures only.
  const pub = await newPage(be);
  assert.equal(await visit(pub.page, "/board/numbers"), 200);
  assert.ok(!(await mainText(pub.page)).includes("Testperson"));
  await expectAccessible(pub.page, be);
  for (const c of [me, board, me2, pub]) await c.context.close();
});
