/**
 * The schools pages on the demo seed: the public registry and its CSV, DESPP's overview, a round's
 * allocation as a table and a chart, a district's own pages, a parent who cannot see behaviour
 * reports, a committee flagged as missing a member, campus pages, and forms with errors.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, PASSWORD, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectStatus, type Call } from "../../../test/api/support.ts";
import { seedSchools } from "./seed.ts";

let env: TestEnv;
let call: Call;
let ids: { round: string; ahs: string; ams: string; slade: string; storrs: string; app: string };
const H = { accept: "text/html" };

before(async () => {
  env = await createTestEnv({ today: "2026-11-20" });
  call = caller(env);
  const r = await seedSchools(env.ctx("admin"), { password: PASSWORD });
  assert.ok(r);
  assert.equal(await seedSchools(env.ctx("admin"), { password: PASSWORD }), null, "the seed runs once");
  const one = async (sql: string) => (await env.services.db.query(sql))[0]!.id as string;
  ids = {
    round: await one("SELECT id::text AS id FROM grant_rounds LIMIT 1"),
    ahs: await one("SELECT id::text AS id FROM schools WHERE name = 'Ansonia High School'"),
    ams: await one("SELECT id::text AS id FROM schools WHERE name = 'Ansonia Middle School'"),
    slade: await one("SELECT id::text AS id FROM schools WHERE name = 'Slade Middle School'"),
    storrs: await one("SELECT id::text AS id FROM campuses WHERE name = 'Storrs'"),
    app: await one(
      "SELECT a.id::text AS id FROM grant_applications a JOIN school_districts d ON d.id = a.district_id WHERE d.code = 'ANSONIA'",
    ),
  };
});
after(async () => {
  await env.close();
});

const page = (who: Parameters<Call>[0], url: string) => call(who, { method: "GET", url, headers: H });

test("public registry page and CSV: names and employers, no contact details", async () => {
  const res = await page(null, "/schools/consultants");
  expectStatus(res, 200);
  assert.match(res.body, /Demo Consultant One/);
  assert.ok(!res.body.includes("one@demo.example") && !res.body.includes("555-0101"));
  const csv = await page(null, "/schools/consultants.csv");
  assert.match(csv.body, /Demo Consultant Two,Campus Safety Planning \(demo\),New Haven/);
});

test("DESPP overview: rounds, late items, districts with their real rates", async () => {
  const res = await page({ username: "schoolsafety" }, "/schools/state");
  expectStatus(res, 200);
  assert.match(res.body, /Ansonia Public Schools/);
  assert.match(res.body, /77\.86 %/);
  assert.match(res.body, /79\.29 %/);
  assert.match(res.body, /26\.43 %/);
  assert.match(res.body, /Late/);
  expectStatus(await page("district_staff", "/schools/state"), 403);
});

test("the round: allocation table with reasons and an SVG chart of awards by district and rate; re-run after the withdrawal", async () => {
  const res = await page({ username: "schoolsafety" }, `/schools/rounds/${ids.round}`);
  expectStatus(res, 200);
  assert.match(res.body, /<svg role="img"/);
  assert.match(res.body, /Awards by district and rate/);
  assert.match(res.body, /id="allocation"/);
  assert.match(res.body, /Run 2 on 2014-05-01/);
  assert.match(res.body, /withdrew/);
  // A district sees its own lines only.
  const mine = await page({ username: "district" }, `/schools/rounds/${ids.round}`);
  expectStatus(mine, 200);
  assert.match(mine.body, /Ansonia High School/);
  assert.ok(!mine.body.includes("Tomlinson Middle School"));
});

test("a district's own pages; another district's school is refused", async () => {
  const res = await page({ username: "district" }, "/schools/district");
  expectStatus(res, 200);
  assert.match(res.body, /wealth rank 163 of 169/);
  expectStatus(await page({ username: "district" }, `/schools/applications/${ids.app}`), 200);
  expectStatus(await page({ username: "district" }, `/schools/schools/${ids.slade}`), 403);
  expectStatus(await page({ username: "district-nb" }, `/schools/applications/${ids.app}`), 403);
});

test("a committee missing required members is flagged; adding one through the form", async () => {
  const res = await page({ username: "district" }, `/schools/schools/${ids.ams}`);
  assert.match(
    res.body,
    /The committee is missing: local-first-responder, mental-health-professional, parent-or-guardian/,
  );
  const bad = await call(
    { username: "district" },
    {
      method: "POST",
      url: `/schools/schools/${ids.ams}/committee`,
      payload: "name=&role=janitor",
      headers: { ...H, "content-type": "application/x-www-form-urlencoded" },
    },
  );
  expectStatus(bad, 400);
  assert.match(bad.body, /usa-alert--error/);
  const ok = await call(
    { username: "district" },
    {
      method: "POST",
      url: `/schools/schools/${ids.ams}/committee`,
      payload: "name=Firefighter+B.+Lee&role=local-first-responder&joinedOn=2026-11-20",
      headers: { ...H, "content-type": "application/x-www-form-urlencoded" },
    },
  );
  expectStatus(ok, 303);
  const after = await page({ username: "district" }, `/schools/schools/${ids.ams}`);
  assert.match(after.body, /The committee is missing: mental-health-professional, parent-or-guardian/);
});

test("a parent on the committee sees the school but not the behaviour reports; district staff see them with a reason", async () => {
  const p = await page({ username: "parent" }, `/schools/schools/${ids.ahs}`);
  expectStatus(p, 200);
  assert.match(p.body, /id="behavior-hidden"/);
  assert.ok(!p.body.includes("threatening posts"));
  const refused = await call(
    { username: "parent" },
    {
      method: "POST",
      url: `/schools/schools/${ids.ahs}/behavior-read`,
      payload: "purposeText=I+want+to+see+them+please",
      headers: { ...H, "content-type": "application/x-www-form-urlencoded" },
    },
  );
  expectStatus(refused, 403);
  const staff = await call(
    { username: "district" },
    {
      method: "POST",
      url: `/schools/schools/${ids.ahs}/behavior-read`,
      payload: "purposeText=Weekly+review+by+the+safety+committee",
      headers: { ...H, "content-type": "application/x-www-form-urlencoded" },
    },
  );
  expectStatus(staff, 200);
  assert.match(staff.body, /threatening posts/);
});

test("campus page: team missing mid-level staff, late revisions; other roles refused", async () => {
  const res = await page({ username: "campus" }, "/schools/campus");
  expectStatus(res, 200);
  assert.match(res.body, /Missing: mid-level-staff/);
  assert.match(res.body, /revision 2025/i);
  expectStatus(await page({ username: "district" }, `/schools/campuses/${ids.storrs}`), 403);
  expectStatus(await page({ username: "schoolsafety" }, `/schools/campuses/${ids.storrs}`), 200);
});
