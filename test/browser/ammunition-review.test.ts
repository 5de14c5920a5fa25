/**
 * An ammunition check that needs review, cleared in the browser (issue 9):
 * the vendor's entry has a one-letter typo in the buyer's last name, so the
 * check needs review. Licensing staff find it in the review queue (after
 * stating a purpose), see the entry beside the record, confirm the credential
 * and approve; the vendor sees the check approved after review and records
 * the sale. A second check is sent back naming "name": the vendor is told
 * what to re-check, not shown the record, corrects it and the new check is
 * approved. axe-core checks every page, at 1280 px and at 375 px.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { runCheck } from "../../src/modules/ammunition/service.ts";
import { checkBody, holder, setupSellers, type Holder } from "../../src/modules/ammunition/testkit.ts";
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

before(async () => {
  be = await startBrowserEnv();
  await setupSellers(be.env);
});
after(async () => {
  await be?.close();
});

async function typoCheck(): Promise<{ h: Holder; id: string; number: string }> {
  const h = await holder(be.env.services.db, be.env.clock.today(), { lastName: "Lindqvist" });
  const r = await runCheck(
    be.env.ctx("ammunition_vendor"),
    checkBody(h, undefined, { lastName: "Lindquist" }) as never,
  );
  assert.equal(r.check.outcome, "needs-review");
  return { h, id: r.check.id, number: r.check.number };
}

for (const width of [1280, 375]) {
  test(`at ${width} px: staff approve an ammunition check that needs review and the vendor sees it approved`, async () => {
    const { h, id, number } = await typoCheck();
    const staff = await newPage(be);
    await staff.page.setViewportSize({ width, height: 900 });
    await signIn(staff.page, "licensing-staff");
    assert.equal(await visit(staff.page, "/staff/ammunition-review"), 200);
    await statePurpose(staff.page);
    assert.match(await mainText(staff.page), new RegExp(number));
    await expectAccessible(staff.page, be);
    assert.equal(await clickAndLoad(staff.page, staff.page.getByRole("link", { name: number })), 200);
    await statePurpose(staff.page);
    assert.match(await staff.page.locator("#mismatches").innerText(), /Name/);
    assert.match(await mainText(staff.page), /Lindqvist/);
    await expectAccessible(staff.page, be);
    await tick(staff.page.getByLabel(new RegExp(`^${h.credential.number}:`)));
    await staff.page.fill("#note", "Driver's license shows Lindqvist; the entry had a one-letter typo.");
    assert.equal(await clickAndLoad(staff.page, staff.page.locator("#authorize")), 200);
    assert.match(await staff.page.locator("#review-state").innerText(), /Approved on review/);
    await expectAccessible(staff.page, be);
    await staff.context.close();

    const vendor = await newPage(be);
    await vendor.page.setViewportSize({ width, height: 900 });
    await signIn(vendor.page, "ammunition-vendor");
    assert.equal(await visit(vendor.page, `/ammunition/checks/${id}`), 200);
    assert.match(await vendor.page.locator("#answer").innerText(), /Approved/);
    assert.match(
      await vendor.page.locator("#review-result").innerText(),
      /Reviewed by licensing staff: buyer confirmed/,
    );
    assert.doesNotMatch(await mainText(vendor.page), /Lindqvist/, "the record and staff's note are not shown");
    await expectAccessible(vendor.page, be);
    assert.equal(await clickAndLoad(vendor.page, vendor.page.getByRole("button", { name: "Record sale" })), 200);
    assert.match(await mainText(vendor.page), /was recorded/);
    await expectAccessible(vendor.page, be);
    await vendor.context.close();
  });
}

test("staff send a check back; the vendor is told to re-check the name (not shown the record) and corrects it", async () => {
  const { id } = await typoCheck();
  const staff = await newPage(be);
  await signIn(staff.page, "licensing-staff");
  assert.equal(await visit(staff.page, `/staff/ammunition/checks/${id}/review`), 200);
  await statePurpose(staff.page);
  assert.ok(await staff.page.locator("#recheck-name").isChecked(), "the mismatch is ticked");
  assert.equal(await clickAndLoad(staff.page, staff.page.locator("#send-back")), 200);
  assert.match(await staff.page.locator("#review-state").innerText(), /Sent back to the seller/);
  await staff.context.close();

  const vendor = await newPage(be);
  await signIn(vendor.page, "ammunition-vendor");
  assert.equal(await visit(vendor.page, `/ammunition/checks/${id}`), 200);
  assert.match(await vendor.page.locator("#correction").innerText(), /re-check the buyer's name/);
  assert.doesNotMatch(await mainText(vendor.page), /Lindqvist/, "the record is not shown to the seller");
  await expectAccessible(vendor.page, be);
  await vendor.page.fill("#lastName", "Lindqvist");
  assert.equal(await clickAndLoad(vendor.page, vendor.page.locator("#send-correction")), 200);
  assert.notEqual(new URL(vendor.page.url()).pathname, `/ammunition/checks/${id}`, "the new check's page");
  assert.match(await vendor.page.locator("#answer").innerText(), /^Approved/);
  await expectAccessible(vendor.page, be);
  await vendor.context.close();
});
