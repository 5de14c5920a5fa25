/**
 * Schools in the browser, on the demo seed (seedSchools), every page checked with axe:
 * a district's grant application from the assessment (uploaded) to the award; a school's
 * committee missing a required member flagged; a parent on a committee who cannot see behaviour
 * reports; the public consultant registry.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { PlainDate } from "../../src/law/core/dates.ts";
import { PASSWORD } from "../helpers.ts";
import { seedSchools } from "../../src/modules/schools/seed.ts";
import {
  clickAndLoad,
  expectAccessible,
  mainText,
  signIn,
  startBrowserEnv,
  tick,
  visit,
  type BrowserEnv,
} from "./support.ts";

async function newPage(b: BrowserEnv) {
  const context = await b.browser.newContext({
    baseURL: b.base,
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  return { context, page: await context.newPage() };
}

let be: BrowserEnv;
before(async () => {
  be = await startBrowserEnv({ today: "2014-02-12" });
  await seedSchools(be.env.ctx("admin"), { password: PASSWORD });
});
after(async () => {
  await be?.close();
});

test("a district's grant application: assessment with its file, application, approval, allocation, award", async () => {
  const district = await newPage(be);
  await signIn(district.page, "district-ff");
  assert.equal(await visit(district.page, "/schools/district"), 200);
  await expectAccessible(district.page, be);
  assert.match(await mainText(district.page), /26\.43 %/);
  await clickAndLoad(district.page, district.page.getByRole("link", { name: "Fairfield Ludlowe High School" }));
  await expectAccessible(district.page, be);
  await district.page.getByLabel("Assessed on").fill("2014-02-03");
  await district.page.getByLabel("Entrance security infrastructure found").selectOption("none");
  await district.page.setInputFiles("#file", {
    name: "ludlowe-assessment.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4 Safe Schools checklist"),
  });
  assert.equal(
    await clickAndLoad(district.page, district.page.getByRole("button", { name: "Record the assessment" })),
    200,
  );
  assert.match(await mainText(district.page), /2014-02-03: entrance security none/);
  assert.equal(await visit(district.page, "/schools/district"), 200);
  await district.page.locator("#schoolId").selectOption({ label: "Fairfield Ludlowe High School" });
  await district.page.locator("#assessmentId").selectOption({ index: 1 });
  await tick(district.page.locator("#emergencyPlan-yes"));
  await tick(district.page.locator("#planPracticed-yes"));
  await district.page.locator("#category0").selectOption("surveillance-cameras");
  await district.page.locator("#description0").fill("Cameras at every entrance");
  await district.page.locator("#amount0").fill("100000");
  await district.page.locator("#incurredOn0").fill("2014-01-15");
  assert.equal(
    await clickAndLoad(district.page, district.page.getByRole("button", { name: "Submit the application" })),
    200,
  );
  await expectAccessible(district.page, be);
  const appUrl = new URL(district.page.url()).pathname;
  assert.match(await mainText(district.page), /Submitted.*26\.43 %/);

  const staff = await newPage(be);
  await signIn(staff.page, "schoolsafety");
  assert.equal(await visit(staff.page, appUrl), 200);
  await expectAccessible(staff.page, be);
  await staff.page.getByLabel("Decision").selectOption("approve");
  await staff.page.getByLabel("Reasons").fill("Assessment under police supervision; no entrance security at all");
  assert.equal(await clickAndLoad(staff.page, staff.page.getByRole("button", { name: "Record the decision" })), 200);
  await clickAndLoad(staff.page, staff.page.getByRole("link", { name: "The round" }));
  await expectAccessible(staff.page, be);
  assert.equal(await clickAndLoad(staff.page, staff.page.getByRole("button", { name: /allocation/ })), 200);
  assert.match(await mainText(staff.page), /Fairfield Ludlowe High School/);
  assert.equal(await staff.page.locator("svg[role=img]").count(), 1);
  await expectAccessible(staff.page, be);

  assert.equal(await visit(district.page, appUrl), 200);
  assert.match(await mainText(district.page), /Award \$\d/);
  await district.context.close();
  await staff.context.close();
});

test("a committee missing a member is flagged; a parent on the committee does not see behaviour reports", async () => {
  be.env.clock.set("2014-09-30" as PlainDate);
  const staff = await newPage(be);
  await signIn(staff.page, "district");
  assert.equal(await visit(staff.page, "/schools/district"), 200);
  await clickAndLoad(staff.page, staff.page.getByRole("link", { name: "Ansonia Middle School" }));
  assert.match(
    await mainText(staff.page),
    /The committee is missing: local-first-responder, mental-health-professional, parent-or-guardian/,
  );
  await expectAccessible(staff.page, be);
  await staff.context.close();

  const parent = await newPage(be);
  await signIn(parent.page, "parent");
  assert.equal(await visit(parent.page, "/schools/district"), 200);
  await clickAndLoad(parent.page, parent.page.getByRole("link", { name: "Ansonia High School" }));
  const text = await mainText(parent.page);
  assert.match(text, /not shown to parents and guardians/);
  assert.ok(!text.includes("threatening posts"));
  assert.equal(await parent.page.getByRole("button", { name: "Show the reports" }).count(), 0);
  await expectAccessible(parent.page, be);
  await parent.context.close();
});

test("the public consultant registry and its CSV", async () => {
  const pub = await newPage(be);
  assert.equal(await visit(pub.page, "/schools/consultants"), 200);
  await expectAccessible(pub.page, be);
  const text = await mainText(pub.page);
  assert.match(text, /Demo Consultant One/);
  assert.ok(!text.includes("@demo.example"));
  const csv = await pub.page.request.get("/schools/consultants.csv");
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), /^name,employer,town,services,registered_on,current_until/);
  await pub.context.close();
});
