/**
 * Licensing staff's lists: finding a person (partial names, nicknames, credential and application
 * numbers, date of birth, town; posted with a purpose, audited), the queue with filters and
 * sorted by age, and the prohibiting events list; who may see them; bad filters a 400 naming the
 * field; numbers as links, never ids.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { createPerson } from "../people/index.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { recordProhibitingEvent, submitApplication } from "./service.ts";
import { searchAudit } from "../audit/reads.ts";

let env: TestEnv;
const ids: Record<string, string> = {};
let appNumber = "";
let appId = "";
const CRED = "LE-7000123";

before(async () => {
  env = await createTestEnv({ today: "2026-11-20" });
  const db = env.services.db;
  const robert = await createPerson(db, {
    firstName: "Robert",
    lastName: "Kowalczyk",
    birthDate: "1975-02-03" as PlainDate,
    street: "3 Oak Street",
    town: "Stamford",
    zip: "06901",
  });
  const roberta = await createPerson(db, {
    firstName: "Roberta",
    lastName: "Kowalski",
    birthDate: "1990-07-08" as PlainDate,
    street: "5 Elm Street",
    town: "Hartford",
    zip: "06103",
  });
  const william = await createPerson(db, {
    firstName: "William",
    lastName: "Kowalczyk",
    birthDate: "1960-01-01" as PlainDate,
    street: "9 Pine Street",
    town: "Hartford",
    zip: "06103",
  });
  ids.robert = robert.id;
  ids.roberta = roberta.id;
  ids.william = william.id;
  const c = await db.query<{ id: string }>(
    `INSERT INTO credentials (number, person_id, kind, status, issued_on, expires_on, fee_cents) VALUES ($1,$2,'long-gun-eligibility-certificate','active','2025-01-01','2030-01-01',0) RETURNING id::text`,
    [CRED, robert.id],
  );
  ids.credential = c[0]!.id;
  // Two paper applications a week apart: William's waits longer.
  env.clock.set("2026-11-01" as PlainDate);
  await submitApplication(env.ctx("licensing_staff"), {
    credentialKind: "long-gun-eligibility-certificate",
    residenceTown: "Hartford",
    citizenOrLawfulResident: true,
    backgroundCheckConsent: true,
    feePaid: true,
    personId: william.id,
  });
  env.clock.set("2026-11-08" as PlainDate);
  const a = await submitApplication(env.ctx("licensing_staff"), {
    credentialKind: "ammunition-certificate",
    residenceTown: "Hartford",
    citizenOrLawfulResident: true,
    backgroundCheckConsent: true,
    feePaid: true,
    personId: roberta.id,
  });
  appNumber = a.application.number;
  appId = a.application.id;
  env.clock.set("2026-11-20" as PlainDate);
  await recordProhibitingEvent(env.ctx("licensing_staff"), {
    personId: robert.id,
    kind: "protective-order",
    eventOn: "2026-11-19" as PlainDate,
    source: "Superior Court, Stamford",
    active: true,
  });
});
after(async () => {
  await env.close();
});

const html = { accept: "text/html" };
const get = (role: Parameters<TestEnv["as"]>[0], url: string) => env.as(role, { method: "GET", url, headers: html });
const search = (role: Parameters<TestEnv["as"]>[0], fields: Record<string, string>) =>
  env.as(role, {
    method: "POST",
    url: "/staff/search",
    payload: new URLSearchParams({
      purposeCode: "licensing-review",
      purposeText: "checking an applicant's record",
      ...fields,
    }).toString(),
    headers: { ...html, "content-type": "application/x-www-form-urlencoded" },
  });
const names = (body: string) =>
  [...body.matchAll(/<th[^>]*scope="row"[^>]*>([^<]+)<\/th><td[^>]*>\d{4}-/g)].map((m) => m[1]!);

describe("finding a person", () => {
  test("sign-in first; licensing staff only, and a refused search is audited", async () => {
    const anon = await get(null, "/staff/search");
    assert.equal(anon.statusCode, 303);
    for (const role of ["law_enforcement", "dealer", "resident", "auditor"] as const) {
      assert.equal((await get(role, "/staff/search")).statusCode, 403, role);
      assert.equal((await search(role, { name: "Kowal" })).statusCode, 403, role);
    }
    const denied = await searchAudit(env.services.db, { action: "person.search", outcome: "denied" }, { limit: 20 });
    assert.ok(denied.length >= 4);
    assert.equal((await get("licensing_staff", "/staff/search")).statusCode, 200);
  });

  test("a purpose is required, in the body; nothing searched without one", async () => {
    const r = await env.as("licensing_staff", {
      method: "POST",
      url: "/staff/search",
      payload: new URLSearchParams({ name: "Kowal" }).toString(),
      headers: { ...html, "content-type": "application/x-www-form-urlencoded" },
    });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /href="#purposeCode">Purpose<\/a>/);
    assert.doesNotMatch(r.body, /Kowalczyk/);
  });

  test("a partial last name finds everyone whose last name contains it, by name", async () => {
    const r = await search("licensing_staff", { name: "kowal" });
    assert.equal(r.statusCode, 200);
    assert.deepEqual(names(r.body), ["Robert Kowalczyk", "William Kowalczyk", "Roberta Kowalski"]);
  });

  test("a nickname finds the full first name (Bob finds Robert, not Roberta)", async () => {
    const r = await search("licensing_staff", { name: "Bob Kowalczyk" });
    assert.deepEqual(names(r.body), ["Robert Kowalczyk"]);
    // The list (carltonnorthern/nicknames) also gives "Bill" to Robert; "Will" is William's alone.
    const will = await search("licensing_staff", { name: "will kowal" });
    assert.deepEqual(names(will.body), ["William Kowalczyk"]);
  });

  test("by credential number, application number, date of birth and town; numbers are links", async () => {
    const byCred = await search("licensing_staff", { credentialNumber: CRED.toLowerCase() });
    assert.deepEqual(names(byCred.body), ["Robert Kowalczyk"]);
    assert.match(byCred.body, new RegExp(`<a href="/staff/credentials/${ids.credential}">${CRED}</a>`));
    const byApp = await search("licensing_staff", { applicationNumber: appNumber });
    assert.deepEqual(names(byApp.body), ["Roberta Kowalski"]);
    assert.match(byApp.body, new RegExp(`<a href="/staff/applications/${appId}">${appNumber}</a>`));
    assert.deepEqual(names((await search("licensing_staff", { birthDate: "1960-01-01" })).body), ["William Kowalczyk"]);
    assert.deepEqual(names((await search("licensing_staff", { name: "kowal", town: "Hartford" })).body), [
      "William Kowalczyk",
      "Roberta Kowalski",
    ]);
    // No raw ids as text anywhere in the results.
    assert.doesNotMatch(byCred.body, new RegExp(`>${ids.robert}<`));
  });

  test("the record opens from the results without asking the purpose again, and both reads are audited", async () => {
    await search("licensing_staff", { credentialNumber: CRED });
    const open = await get("licensing_staff", `/staff/credentials/${ids.credential}`);
    assert.equal(open.statusCode, 200);
    assert.match(open.body, new RegExp(CRED));
    assert.doesNotMatch(open.body, /Why do you need this record/);
    const searches = await searchAudit(env.services.db, { action: "person.search", outcome: "success" }, { limit: 50 });
    assert.ok(searches.length >= 1);
    assert.match(searches[0]!.purpose ?? "", /^licensing-review: checking an applicant's record$/);
  });

  test("bad entries are a 400 naming the field", async () => {
    for (const [fields, field] of [
      [{ birthDate: "1990-02-30" }, "birthDate"],
      [{ name: "K" }, "name"],
      [{ town: "Atlantis" }, "town"],
      [{ credentialNumber: "not a number" }, "credentialNumber"],
      [{}, "name"],
    ] as const) {
      const r = await search("licensing_staff", fields);
      assert.equal(r.statusCode, 400, JSON.stringify(fields));
      assert.match(r.body, new RegExp(`href="#${field}"`), JSON.stringify(fields));
    }
  });
});

describe("the queue", () => {
  test("sorted by age in the queue, with days waiting; newest first on request", async () => {
    const r = await get("licensing_staff", "/staff/queue");
    assert.equal(r.statusCode, 200);
    const order = [...r.body.matchAll(/<td[^>]*>(Kowal[a-z]+), ([A-Za-z]+)<\/td>/g)].map((m) => m[2]);
    assert.deepEqual(order, ["William", "Roberta"]);
    assert.match(r.body, /<td[^>]*>2026-11-01<\/td>\s*<td[^>]*>19<\/td>/);
    const newest = await get("licensing_staff", "/staff/queue?sort=newest");
    assert.deepEqual(
      [...newest.body.matchAll(/<td[^>]*>(Kowal[a-z]+), ([A-Za-z]+)<\/td>/g)].map((m) => m[2]),
      ["Roberta", "William"],
    );
  });

  test("filters: credential, channel, town, waiting since; bad values a 400 naming the field", async () => {
    const ammo = await get("licensing_staff", "/staff/queue?kind=ammunition-certificate");
    assert.match(ammo.body, /Kowalski, Roberta/);
    assert.doesNotMatch(ammo.body, /Kowalczyk, William/);
    const waiting = await get("licensing_staff", "/staff/queue?waitingSince=2026-11-01");
    assert.match(waiting.body, /Kowalczyk, William/);
    assert.doesNotMatch(waiting.body, /Kowalski, Roberta/);
    const before = await get("licensing_staff", "/staff/queue?waitingSince=2026-10-31");
    assert.match(before.body, /No open applications match/);
    assert.equal((await get("licensing_staff", "/staff/queue?channel=online")).body.includes("Kowal"), false);
    for (const [url, field] of [
      ["/staff/queue?status=lost", "Status"],
      ["/staff/queue?kind=bazooka", "Kind"],
      ["/staff/queue?waitingSince=2026-13-01", "Waiting since"],
      ["/staff/queue?page=-2", "Page"],
      ["/staff/queue?sort=sideways", "Sort"],
    ] as const) {
      const r = await get("licensing_staff", url);
      assert.equal(r.statusCode, 400, url);
      assert.match(r.body, new RegExp(`<strong>${field}</strong>`), url);
    }
    assert.equal((await get("dealer", "/staff/queue")).statusCode, 403);
  });
});

describe("prohibiting events", () => {
  test("the list shows the event with the person by name, the credential number as a link and who recorded it", async () => {
    const r = await get("licensing_staff", "/staff/events");
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /Protective order/);
    assert.match(r.body, /Kowalczyk, Robert \(born 1975-02-03\)/);
    assert.match(r.body, new RegExp(`<a href="/staff/credentials/${ids.credential}">${CRED}</a>`));
    assert.match(r.body, /by Test licensing_staff \(licensing-staff\)/);
    const reads = await searchAudit(env.services.db, { action: "prohibiting-event.list" }, { limit: 5 });
    assert.ok(reads.length >= 1, "the list is an audited read");
  });

  test("filters by kind, state and dates (both ends); bad values a 400; staff only", async () => {
    assert.match((await get("licensing_staff", "/staff/events?kind=protective-order")).body, /Kowalczyk, Robert/);
    assert.match((await get("licensing_staff", "/staff/events?kind=conviction")).body, /No prohibiting events match/);
    assert.match((await get("licensing_staff", "/staff/events?state=lifted")).body, /No prohibiting events match/);
    assert.match((await get("licensing_staff", "/staff/events?from=2026-11-19&to=2026-11-19")).body, /Kowalczyk/);
    assert.match((await get("licensing_staff", "/staff/events?from=2026-11-20")).body, /No prohibiting events match/);
    assert.match((await get("licensing_staff", "/staff/events?to=2026-11-18")).body, /No prohibiting events match/);
    for (const url of [
      "/staff/events?kind=parking",
      "/staff/events?from=2026-11-20&to=2026-11-01",
      "/staff/events?to=x",
    ])
      assert.equal((await get("licensing_staff", url)).statusCode, 400, url);
    for (const role of ["law_enforcement", "dealer", "resident"] as const)
      assert.equal((await get(role, "/staff/events")).statusCode, 403, role);
  });
});
