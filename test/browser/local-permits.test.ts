/**
 * The town's issuing authority in the browser (PA 13-3 §§ 57-58): the chief of police of Hartford
 * (the demo seed's applicants) signs in and lands on its queue, which holds only Hartford's
 * applicants; it opens one (stating a purpose), sees the rulebook's findings, approves, and the
 * state's licensing staff see the application at the state stage with the state's eight weeks.
 * Another town's applicant is refused. axe-core checks every page, at 1280 px and at 375 px.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { addDays } from "../../src/law/core/dates.ts";
import { seedLocalPermits } from "../../src/modules/local-permits/seed.ts";
import {
  clickAndLoad,
  expectAccessible,
  mainText,
  newPage,
  signIn,
  tick,
  startBrowserEnv,
  statePurpose,
  visit,
  type BrowserEnv,
} from "./support.ts";

let be: BrowserEnv;

before(async () => {
  be = await startBrowserEnv();
  const r = await seedLocalPermits(be.env.ctx("admin"), { username: "local-authority", town: "Hartford" });
  assert.equal(r.applications, 4);
});
after(async () => {
  await be?.close();
});

async function applicationOf(lastName: string): Promise<{ id: string; number: string }> {
  const r = await be.env.services.db.query<{ id: string; number: string }>(
    `SELECT a.id::text, a.number FROM applications a JOIN people p ON p.id = a.person_id
     WHERE p.last_name = $1 AND a.credential_kind = 'temporary-state-permit'`,
    [lastName],
  );
  assert.equal(r.length, 1, `one application of ${lastName}`);
  return r[0]!;
}

const APPROVED_AT: Record<number, string> = { 1280: "Quintero", 375: "Achterberg" };

for (const width of [1280, 375]) {
  test(`at ${width} px: the chief sees only its town, approves one, and state staff see it at the state stage`, async () => {
    const mine = await applicationOf(APPROVED_AT[width]!);
    const otherTown = await applicationOf("Maddox");
    const chief = await newPage(be);
    await chief.page.setViewportSize({ width, height: 900 });
    assert.equal(await signIn(chief.page, "local-authority"), "/local");
    const queue = await mainText(chief.page);
    assert.match(queue, /Temporary state permit applications: Hartford/);
    assert.ok(queue.includes(mine.number), "its own town's applicant is listed");
    assert.ok(!queue.includes(otherTown.number), "another town's applicant is not");
    assert.ok(!queue.includes("Maddox"));
    if (width === 1280) assert.match(queue, /Overdue/i, "the 61-day-old application is past the eight weeks");
    await expectAccessible(chief.page, be);

    // Another town's applicant, even by its address: refused.
    assert.equal(await visit(chief.page, `/local/applications/${otherTown.id}`), 403);
    assert.ok(!(await mainText(chief.page)).includes("Maddox"));

    assert.equal(await visit(chief.page, "/local"), 200);
    assert.equal(await clickAndLoad(chief.page, chief.page.getByRole("link", { name: mine.number })), 200);
    assert.equal(await statePurpose(chief.page, "temporary state permit decision for a Hartford resident"), 200);
    const detail = await mainText(chief.page);
    assert.match(detail, new RegExp(`Application ${mine.number}`));
    assert.match(detail, /What the rulebook found/);
    assert.match(detail, /Citation:/);
    await expectAccessible(chief.page, be);
    await chief.page.fill("#review-note", "Identity and the safety course certificate seen in person.");
    // Without confirming the course and suitability, the approval comes back naming them.
    assert.equal(await clickAndLoad(chief.page, chief.page.getByRole("button", { name: "Approve and issue" })), 400);
    assert.match(await mainText(chief.page), /approved firearms safety course/);
    await expectAccessible(chief.page, be);
    await tick(chief.page.getByLabel(/completed an approved firearms safety course/));
    await tick(chief.page.getByLabel(/suitable person to hold a permit/));
    assert.equal(await clickAndLoad(chief.page, chief.page.getByRole("button", { name: "Approve and issue" })), 200);
    assert.equal(new URL(chief.page.url()).pathname, "/local");
    const after = await mainText(chief.page);
    assert.match(after, new RegExp(`Application ${mine.number} was approved`));
    assert.match(after, /At the state \(state permit\)/i);
    await expectAccessible(chief.page, be);
    await chief.context.close();

    const staff = await newPage(be);
    await staff.page.setViewportSize({ width, height: 900 });
    await signIn(staff.page, "licensing-staff");
    assert.equal(await visit(staff.page, "/staff/permit-stages"), 200);
    const row = (await staff.page.locator("#stage-state tr", { hasText: mine.number }).innerText()).replace(
      /\s+/g,
      " ",
    );
    assert.match(row, /At the state \(state permit\)/i);
    assert.match(row, /Hartford/);
    assert.ok(row.includes(`Due ${addDays(be.env.clock.today(), 56)}`), row);
    assert.match(row, /A-\d+/);
    assert.ok(!(await staff.page.locator("#stage-local").innerText()).includes(mine.number));
    assert.ok((await staff.page.locator("#stage-local").innerText()).includes(otherTown.number));
    await expectAccessible(staff.page, be);
    await staff.context.close();
  });
}
