/**
 * The dealer portal in the browser: a retail long gun sale authorized with
 * the state's number and its receipt; a private long gun sale through the
 * dealer with its transfer form; a retail handgun sale; cancelling a sale;
 * the shop's page with its staff; a dealer refused another shop's sale; and
 * licensing staff seeing every sale. axe-core checks every page visited.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { listAudit } from "../../src/modules/audit/service.ts";
import { findUserById } from "../../src/modules/auth/service.ts";
import { listSales } from "../../src/modules/sales/queries.ts";
import { requestSale } from "../../src/modules/sales/service.ts";
import { buyerWithCredential, saleBody, setupShop, type Buyer } from "../../src/modules/sales/test-support.ts";
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
let shop: { dealerId: string; username: string };
let other: { dealerId: string; username: string; userId: string };

before(async () => {
  be = await startBrowserEnv();
  shop = await setupShop(be.env, { position: "owner" });
  other = await setupShop(be.env, { position: "owner" });
});
after(async () => {
  await be?.close();
});

const KIND_INDEX = {
  "retail-long-gun": 0,
  "retail-handgun": 1,
  "private-long-gun-via-dealer": 2,
  "private-handgun-via-dealer": 3,
} as const;

/** Fills the sale form for a buyer (fields by id: several labels share words). */
async function fillSale(
  page: Page,
  b: Buyer,
  o: {
    kind: keyof typeof KIND_INDEX;
    firearm: { make: string; model: string; serial: string; type: string; caliber: string };
    seller?: boolean;
    sexRace?: boolean;
  },
) {
  await tick(page.locator(`#kind-${KIND_INDEX[o.kind]}`));
  await page.fill("#buyerFirstName", b.person.firstName);
  await page.fill("#buyerLastName", b.person.lastName);
  await page.fill("#buyerBirthDate", b.person.birthDate);
  await page.fill("#buyerBirthPlace", "New Haven, CT");
  await page.fill("#buyerStreet", b.person.street ?? "1 Elm Street");
  await page.fill("#buyerTown", (b.person.town ?? "New Haven").toLowerCase()); // the town is matched whatever its case
  await page.fill("#buyerZip", "06510");
  if (o.sexRace) {
    await page.selectOption("#buyerSex", "F");
    await page.selectOption("#buyerRace", "W");
  }
  await page.fill("#buyerCredentialNumber", b.credentialNumber);
  await page.selectOption("#idType", "drivers-license");
  await page.fill("#idNumber", "D123456789");
  if (o.seller) {
    await page.fill("#sellerName", "Pat Privateseller");
    await page.fill("#sellerStreet", "9 Oak Lane");
    await page.fill("#sellerTown", "Guilford");
    await page.fill("#sellerZip", "06437");
  }
  await page.selectOption("#make", o.firearm.make);
  await page.fill("#model", o.firearm.model);
  await page.fill("#serialNumber", o.firearm.serial);
  await page.selectOption("#type", o.firearm.type);
  await page.selectOption("#caliber", o.firearm.caliber);
}

const send = (page: Page) => clickAndLoad(page, page.getByRole("button", { name: "Request authorization" }));
const saleIdOf = (page: Page) => /^\/dealer\/sales\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];

test("a retail long gun sale: named errors, then authorized with the state's number and the receipt", async () => {
  const { env } = be;
  const buyer = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
  const { context, page } = await newPage(be);
  await signIn(page, shop.username);
  await clickAndLoad(
    page,
    page.getByRole("navigation", { name: "Primary navigation" }).getByRole("link", { name: "Shop", exact: true }),
  );
  assert.equal(new URL(page.url()).pathname, "/dealer");
  assert.match(await mainText(page), /No sales yet/);
  await expectAccessible(page, be);

  await clickAndLoad(page, page.getByRole("link", { name: "New sale authorization" }));
  assert.equal(new URL(page.url()).pathname, "/dealer/sales/new");
  await expectAccessible(page, be);
  // The seller's fieldset is there without JavaScript, labelled for private sales.
  assert.equal(await page.getByRole("group", { name: "Private seller (private sales only)" }).count(), 1);
  // NCIC code tables in the selects.
  assert.equal(await page.locator("#make option[value='CLT']").innerText(), "CLT: Colt");
  assert.equal(await page.locator("#type option[value='MA']").count(), 0, "machine guns are not offered");

  // Nothing filled: each missing answer is named at its field and in the summary.
  assert.equal(await send(page), 400);
  assert.match(await page.locator("#kind-error").innerText(), /Choose the kind of sale/);
  assert.match(await page.locator("#buyerFirstName-error").innerText(), /buyer's first name/);
  assert.match(await page.locator("#serialNumber-error").innerText(), /serial number/);
  assert.match(await page.locator(".usa-alert--error").innerText(), /Buyer's date of birth/);
  await expectAccessible(page, be);
  assert.equal(
    (await listSales(env.services.db, { dealerId: shop.dealerId, limit: 10, offset: 0 })).total,
    0,
    "nothing was stored",
  );

  // A pistol type on a long gun sale is refused at the type field, entries kept.
  await fillSale(page, buyer, {
    kind: "retail-long-gun",
    firearm: { make: "SR", model: "American", serial: "RA-1001", type: "PI", caliber: "308" },
  });
  assert.equal(await send(page), 400);
  assert.match(
    await page.locator("#type-error").innerText(),
    /long gun sale needs a rifle, shotgun or combination type code/,
  );
  assert.equal(await page.locator("#buyerCredentialNumber").inputValue(), buyer.credentialNumber);
  await expectAccessible(page, be);

  await page.selectOption("#type", "RB");
  assert.equal(await send(page), 200);
  const id = saleIdOf(page);
  assert.ok(id, `on the sale's page: ${page.url()}`);
  const [sale] = (await listSales(env.services.db, { dealerId: shop.dealerId, limit: 10, offset: 0 })).items;
  assert.ok(sale && sale.id === id);
  assert.equal(sale.status, "authorized");
  assert.match(sale.authorizationNumber ?? "", /^LG-\d+$/);
  const text = await mainText(page);
  assert.match(text, new RegExp(`Sale ${sale.number}`));
  assert.match(text, /Authorized State authorization number: /);
  assert.equal(await page.locator("#authorization-number").innerText(), sale.authorizationNumber);
  // The receipt with the fields PA 13-3 § 1 names, and the authorization number.
  const receipt = (await page.locator("#record").innerText()).replace(/\s+/g, " ");
  assert.match(receipt, /Long gun receipt, completed 2026-11-20/);
  assert.match(receipt, new RegExp(`Buyer: name ${buyer.person.firstName} ${buyer.person.lastName}`));
  assert.match(receipt, /Buyer: date of birth 1979-04-12/);
  assert.match(receipt, /Buyer: place of birth New Haven, CT/);
  assert.match(receipt, /Firearm: serial number RA-1001/);
  assert.match(receipt, new RegExp(`State authorization number ${sale.authorizationNumber}`));
  assert.match((await page.locator("#history").innerText()).replace(/\s+/g, " "), /Requested Authorized/);
  assert.match(text, /Citation: /);
  assert.equal(await page.getByRole("button", { name: "Proceed" }).count(), 0, "nothing to proceed with");
  assert.equal(await page.getByRole("button", { name: "Cancel sale" }).count(), 1);
  await expectAccessible(page, be);

  // The shop's list and home show it.
  await clickAndLoad(
    page,
    page.getByRole("navigation", { name: "Primary navigation" }).getByRole("link", { name: "Sales", exact: true }),
  );
  const row = (await page.getByRole("row", { name: new RegExp(sale.number) }).innerText()).replace(/\s+/g, " ");
  assert.match(
    row,
    new RegExp(
      `${sale.number} 2026-11-20 Retail sale of a long gun ${buyer.person.lastName}, ${buyer.person.firstName} Sturm, Ruger & Co. \\(Southport\\) American, serial RA-1001 Authorized ${sale.authorizationNumber}`,
      "i",
    ),
  );
  await expectAccessible(page, be);
  assert.equal(await visit(page, "/dealer/sales?status=denied"), 200);
  assert.match(await mainText(page), /No denied sales/);
  assert.equal(await visit(page, "/dealer"), 200);
  assert.match(await mainText(page), new RegExp(sale.number));
  await context.close();
});

test("a private long gun sale through the dealer: the seller is required, then the transfer form carries the NICS number", async () => {
  const { env } = be;
  const buyer = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
  const { context, page } = await newPage(be);
  await signIn(page, shop.username);
  assert.equal(await visit(page, "/dealer/sales/new"), 200);
  await fillSale(page, buyer, {
    kind: "private-long-gun-via-dealer",
    firearm: { make: "REM", model: "870", serial: "PV-2002", type: "SP", caliber: "12" },
  });
  assert.equal(await send(page), 400);
  assert.match(await page.locator("#sellerName-error").innerText(), /private seller's name/);
  assert.match(await page.locator("#buyerSex-error").innerText(), /NICS check of a private long gun sale needs it/);
  await expectAccessible(page, be);

  await page.fill("#sellerName", "Pat Privateseller");
  await page.fill("#sellerStreet", "9 Oak Lane");
  await page.fill("#sellerTown", "Nowhereville");
  await page.selectOption("#buyerSex", "F");
  await page.selectOption("#buyerRace", "W");
  await page.fill("#saleDate", "2026-11-19");
  // The service's own check of the town is named at the field.
  assert.equal(await send(page), 400);
  assert.match(
    await page.locator("#sellerTown-error").innerText(),
    /Nowhereville is not one of Connecticut's 169 towns/,
  );
  assert.equal(await page.locator("#saleDate").inputValue(), "2026-11-19");
  await expectAccessible(page, be);
  await page.fill("#sellerTown", "Guilford");
  assert.equal(await send(page), 200);
  const id = saleIdOf(page);
  assert.ok(id);
  const sale = (
    await listSales(env.services.db, { dealerId: shop.dealerId, serialNumber: "PV-2002", limit: 1, offset: 0 })
  ).items[0]!;
  assert.equal(sale.kind, "private-long-gun-via-dealer");
  assert.equal(sale.saleOn, "2026-11-19");
  assert.equal(sale.status, "authorized");
  assert.ok(sale.nicsTransactionNumber);
  const text = await mainText(page);
  assert.match(text, /Private sale of a long gun, checked through this shop/);
  assert.match(text, new RegExp(`NICS transaction number: ${sale.nicsTransactionNumber}`));
  assert.match(text, /Private seller Name Pat Privateseller Address 9 Oak Lane, Guilford, CT/);
  const form = (await page.locator("#record").innerText()).replace(/\s+/g, " ");
  assert.match(form, /Private transfer form/);
  assert.match(form, /Transferor: name Pat Privateseller/);
  assert.match(form, new RegExp(`Transferee: credential number ${buyer.credentialNumber}`));
  assert.match(form, new RegExp(`NICS: transaction number ${sale.nicsTransactionNumber}`));
  await expectAccessible(page, be);
  await context.close();
});

test("a retail handgun sale to a holder of a handgun eligibility certificate", async () => {
  const { env } = be;
  const buyer = await buyerWithCredential(env, { kind: "handgun-eligibility-certificate" });
  const { context, page } = await newPage(be);
  await signIn(page, shop.username);
  assert.equal(await visit(page, "/dealer/sales/new"), 200);
  await fillSale(page, buyer, {
    kind: "retail-handgun",
    firearm: { make: "SW", model: "M&P9", serial: "HG-3003", type: "PI", caliber: "9" },
  });
  assert.equal(await send(page), 200);
  const sale = (
    await listSales(env.services.db, { dealerId: shop.dealerId, serialNumber: "HG-3003", limit: 1, offset: 0 })
  ).items[0]!;
  assert.equal(sale.status, "authorized");
  assert.match(sale.authorizationNumber ?? "", /^HG-\d+$/);
  const text = await mainText(page);
  assert.match(text, /Retail sale of a handgun/);
  assert.equal(await page.locator("#authorization-number").innerText(), sale.authorizationNumber);
  assert.match(text, /Write the authorization number on the transfer record/);
  assert.match((await page.locator("#record").innerText()).replace(/\s+/g, " "), /Handgun transfer record/);
  await expectAccessible(page, be);

  // A long gun certificate does not buy a handgun: denied, with the reason, its citation and how to appeal.
  const lg = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
  assert.equal(await visit(page, "/dealer/sales/new"), 200);
  await fillSale(page, lg, {
    kind: "retail-handgun",
    firearm: { make: "GLC", model: "19", serial: "HG-3004", type: "PI", caliber: "9" },
  });
  assert.equal(await send(page), 200);
  const denied = (
    await listSales(env.services.db, { dealerId: shop.dealerId, serialNumber: "HG-3004", limit: 1, offset: 0 })
  ).items[0]!;
  assert.equal(denied.status, "denied");
  const answer = (await page.locator("#answer").innerText()).replace(/\s+/g, " ");
  assert.match(answer, /^Denied Do not transfer the firearm/);
  assert.match(answer, /Why: .+\(.*(PA 13-3|CGS).*\)/);
  assert.doesNotMatch(answer, /DESPP has not yet issued/, "the pending authorization is not given as a reason");
  assert.match(await page.locator("#appeal").innerText(), /Board of Firearms Permit Examiners: .+CGS § 29-32b/);
  assert.equal(await page.getByRole("button", { name: "Cancel sale" }).count(), 0, "a denied sale has no actions");
  await expectAccessible(page, be);
  await context.close();
});

test("NICS denies the buyer: denied with the NICS transaction number and the federal appeal", async () => {
  const { env } = be;
  const buyer = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
  env.nics.deny(buyer.person);
  const { context, page } = await newPage(be);
  await signIn(page, shop.username);
  assert.equal(await visit(page, "/dealer/sales/new"), 200);
  await fillSale(page, buyer, {
    kind: "retail-long-gun",
    firearm: { make: "MOS", model: "500", serial: "ND-5005", type: "SP", caliber: "12" },
  });
  assert.equal(await send(page), 200);
  const sale = (
    await listSales(env.services.db, { dealerId: shop.dealerId, serialNumber: "ND-5005", limit: 1, offset: 0 })
  ).items[0]!;
  assert.equal(sale.status, "denied");
  const answer = (await page.locator("#answer").innerText()).replace(/\s+/g, " ");
  assert.match(
    answer,
    new RegExp(`^Denied Do not transfer the firearm\\. NICS transaction number: ${sale.nicsTransactionNumber}`),
  );
  assert.match(answer, /NICS answered Denied/);
  assert.match(await page.locator("#appeal").innerText(), /FBI NICS Section: .+28 C\.F\.R\. § 25\.10/);
  await expectAccessible(page, be);
  await context.close();
});

test("a sale is cancelled with a reason; its authorization number is void", async () => {
  const { env } = be;
  const buyer = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
  const user = (await findUserById(
    env.services.db,
    (
      await env.services.db.query<{ user_id: string }>("SELECT user_id::text FROM dealer_staff WHERE dealer_id = $1", [
        shop.dealerId,
      ])
    )[0]!.user_id,
  ))!;
  const o = await requestSale({ ...env.ctx("dealer"), user }, saleBody(buyer) as never);
  assert.equal(o.sale.status, "authorized");
  const { context, page } = await newPage(be);
  await signIn(page, shop.username);
  assert.equal(await visit(page, `/dealer/sales/${o.sale.id}`), 200);
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Cancel sale" })), 400);
  assert.match(await page.locator("#reason-error").innerText(), /Say why the sale is cancelled/);
  await expectAccessible(page, be);
  await page.getByLabel("Why is the sale cancelled?").fill("The buyer changed their mind");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Cancel sale" })), 200);
  const text = await mainText(page);
  assert.match(text, new RegExp(`Sale ${o.sale.number} was cancelled`));
  assert.match(text, new RegExp(`authorization number ${o.sale.authorizationNumber} is void`));
  assert.match(
    (await page.locator("#history").innerText()).replace(/\s+/g, " "),
    /Cancelled Authorized to Cancelled The buyer changed their mind/,
  );
  await expectAccessible(page, be);
  await context.close();
});

test("the owner adds a clerk; the clerk signs in and sees no staff list", async () => {
  const { context, page } = await newPage(be);
  await signIn(page, shop.username);
  assert.equal(await visit(page, "/dealer"), 200);
  await page.locator("#displayName").fill("Casey Clerk");
  await page.getByLabel("Username").fill("casey-clerk");
  await page.getByLabel("Temporary password").fill("short");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Add login" })), 400);
  assert.match(await page.locator("#password-error").innerText(), /at least 12 characters/);
  assert.equal(await page.getByLabel("Username").inputValue(), "casey-clerk");
  await expectAccessible(page, be);
  await page.getByLabel("Temporary password").fill("a temporary password 1");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Add login" })), 200);
  assert.match(await mainText(page), /The login casey-clerk was added/);
  assert.match(
    (await page.getByRole("row", { name: /casey-clerk/ }).innerText()).replace(/\s+/g, " "),
    /Casey Clerk casey-clerk clerk/,
  );
  await expectAccessible(page, be);
  // The same username again is named.
  await page.locator("#displayName").fill("Casey Again");
  await page.getByLabel("Username").fill("casey-clerk");
  await page.getByLabel("Temporary password").fill("a temporary password 2");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Add login" })), 409);
  assert.match(await page.locator("#username-error").innerText(), /already taken/);
  await context.close();

  const clerk = await newPage(be);
  await signIn(clerk.page, "casey-clerk", "a temporary password 1");
  assert.equal(await visit(clerk.page, "/dealer"), 200);
  assert.equal(await clerk.page.getByRole("button", { name: "Add login" }).count(), 0);
  assert.doesNotMatch(await mainText(clerk.page), /People who act for/);
  await expectAccessible(clerk.page, be);
  await clerk.context.close();
});

test("a dealer cannot open another shop's sale; other roles cannot use the portal", async () => {
  const { env } = be;
  const buyer = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
  const otherUser = (await findUserById(env.services.db, other.userId))!;
  const theirs = await requestSale({ ...env.ctx("dealer"), user: otherUser }, saleBody(buyer) as never);

  const { context, page } = await newPage(be);
  await signIn(page, shop.username);
  const status = await visit(page, `/dealer/sales/${theirs.sale.id}`);
  assert.ok(status === 403 || status === 404, `refused: ${status}`);
  assert.doesNotMatch(await mainText(page), new RegExp(buyer.person.lastName));
  await expectAccessible(page, be);
  assert.equal(await visit(page, "/dealer/sales"), 200);
  assert.doesNotMatch(await mainText(page), new RegExp(theirs.sale.number));
  // Acting on it is refused too, and changes nothing.
  const csrf = await page.locator("input[name=_csrf]").first().getAttribute("value");
  const r = await page.request.post(`/dealer/sales/${theirs.sale.id}/cancel`, {
    form: { _csrf: csrf ?? "", reason: "not mine to cancel" },
  });
  assert.ok(r.status() === 403 || r.status() === 404);
  assert.equal(
    (await listSales(env.services.db, { dealerId: other.dealerId, limit: 10, offset: 0 })).items.find(
      (s) => s.id === theirs.sale.id,
    )?.status,
    "authorized",
  );
  assert.equal(await visit(page, "/dealer/sales/not-a-uuid"), 404);
  await context.close();

  const vendor = await newPage(be);
  await signIn(vendor.page, "ammunition-vendor", undefined, { landing: 403 });
  assert.equal(await visit(vendor.page, "/dealer"), 403);
  assert.equal(await visit(vendor.page, `/dealer/sales/${theirs.sale.id}`), 403);
  await expectAccessible(vendor.page, be);
  await vendor.context.close();

  // The "dealer" test user is attached to no shop: refused, not an error.
  const loose = await newPage(be);
  await signIn(loose.page, "dealer", undefined, { landing: 403 });
  assert.equal(await visit(loose.page, "/dealer/sales/new"), 403);
  assert.match(await mainText(loose.page), /not attached to a dealer/);
  await loose.context.close();
});

test("licensing staff see every sale, filter them, and open one (an audited read) with its reports", async () => {
  const { env } = be;
  const { context, page } = await newPage(be);
  await signIn(page, "licensing-staff");
  await clickAndLoad(
    page,
    page.getByRole("navigation", { name: "Primary navigation" }).getByRole("link", { name: "Sales", exact: true }),
  );
  assert.equal(new URL(page.url()).pathname, "/staff/sales");
  await expectAccessible(page, be);
  assert.equal(await statePurpose(page), 200, "the list is shown once a purpose is given");
  assert.equal(new URL(page.url()).pathname, "/staff/sales");
  const all = await listSales(env.services.db, { limit: 100, offset: 0 });
  assert.ok(all.total >= 5);
  const text = await mainText(page);
  for (const s of all.items) assert.ok(text.includes(s.number), `lists ${s.number}`);
  await expectAccessible(page, be);

  await page.getByLabel("Serial number").fill("HG-3003");
  assert.equal(await clickAndLoad(page, page.getByRole("button", { name: "Filter" })), 200);
  const hg = all.items.find((s) => s.firearm.serialNumber === "HG-3003")!;
  assert.match(await page.locator("#sales caption").innerText(), /1 in all/);
  await clickAndLoad(page, page.getByRole("link", { name: hg.number, exact: true }));
  assert.equal(await statePurpose(page), 200);
  assert.equal(new URL(page.url()).pathname, `/staff/sales/${hg.id}`);
  const detail = await mainText(page);
  assert.match(detail, /Authorized/);
  assert.match(detail, /Dealer Sale Test Arms \d+, FFL /);
  assert.match(
    (await page.locator("#reports").innerText()).replace(/\s+/g, " "),
    /The state DESPP Special Licensing and Firearms Unit Transfer/,
  );
  assert.match(await page.locator("#history").innerText(), /Clerk \d+/);
  await expectAccessible(page, be);
  const reads = await listAudit(env.services.db, { limit: 20, entityId: hg.id });
  assert.ok(
    reads.some(
      (r) =>
        r.action === "sale.read" &&
        r.purpose === "licensing-review: licensing review in the browser test" &&
        r.actorRole === "licensing_staff",
    ),
  );

  assert.equal(await visit(page, "/staff/sales?from=2026-13-01"), 400);
  assert.match(await page.locator("#from-error").innerText(), /YYYY-MM-DD/);
  await expectAccessible(page, be);
  await context.close();

  // Dealers do not reach the staff pages.
  const d = await newPage(be);
  await signIn(d.page, shop.username);
  assert.equal(await visit(d.page, "/staff/sales"), 403);
  assert.equal(await visit(d.page, `/staff/sales/${hg.id}`), 403);
  await d.context.close();
});

test("a form sent twice (double click, resent page) stores one sale", async () => {
  const { env } = be;
  const buyer = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
  const { context, page } = await newPage(be);
  await signIn(page, shop.username);
  await visit(page, "/dealer/sales/new");
  await fillSale(page, buyer, {
    kind: "retail-long-gun",
    firearm: { make: "SR", model: "American", serial: "DBL123456", type: "RB", caliber: "308" },
  });
  const form = await page.locator("form[action='/dealer/sales']").evaluate((f) => {
    // Runs in the page: the browser's own FormData reads the form as it would be sent.
    const FormDataInPage = (globalThis as unknown as { FormData: new (form: unknown) => Iterable<[string, string]> })
      .FormData;
    return new URLSearchParams([...new FormDataInPage(f)]).toString();
  });
  assert.match(form, /_csrf=[^&]{10,}/, form.slice(0, 400));
  const before = (await listSales(env.services.db, { dealerId: shop.dealerId, limit: 500, offset: 0 })).total;
  const first = await page.request.post("/dealer/sales", {
    data: form,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    maxRedirects: 0,
  });
  const second = await page.request.post("/dealer/sales", {
    data: form,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    maxRedirects: 0,
  });
  assert.equal(first.status(), 303, (await first.text()).slice(0, 2000));
  assert.equal(second.status(), 303);
  assert.equal(second.headers().location, first.headers().location, "the resent form leads to the same sale");
  const afterCount = (await listSales(env.services.db, { dealerId: shop.dealerId, limit: 500, offset: 0 })).total;
  assert.equal(afterCount, before + 1);
  await context.close();
});
