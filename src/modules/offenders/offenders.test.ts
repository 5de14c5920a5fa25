/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * The Deadly Weapon Offender Registry through its API: 401/403/400 first, who must register
 * (yes, no, unknown), the registration and its term, each clock on both sides of its boundary
 * (registration due, annual notice, 20-day window and deferral, police report, five-business-day
 * change grace over Connecticut holidays, term end), suspension withdrawing from police view,
 * the access matrix (police and registry staff; the registrant's own record; nobody else), and
 * idempotent retries.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import {
  caller,
  count,
  expectProblem,
  expectStatus,
  json,
  newPerson,
  newResident,
  ROLES,
  type Call,
} from "../../../test/api/support.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { runDueJobs } from "../jobs/index.ts";
import { offenderJobs } from "./jobs.ts";

const TODAY = "2026-06-01" as PlainDate;
const PURPOSE = { code: "criminal-investigation", text: "case 26-1234, checking a suspect's registration" };
const PURPOSE_HEADER = { "stateline-purpose": `${PURPOSE.code}; ${PURPOSE.text}` };

let env: TestEnv;
let call: Call;

before(async () => {
  env = await createTestEnv({ today: TODAY });
  call = caller(env);
});
after(async () => {
  await env.close();
});

const at = (d: string) => env.clock.set(d as PlainDate);
/** Every registry job through the job runner (schedules move forward only: used while the test clock only advances). */
const clocksViaRunner = () => runDueJobs(env.services, offenderJobs);
/** The named jobs' own code as of the test clock's today (the clock jumps back between tests, which schedules would not follow). */
async function clocks(...names: string[]) {
  for (const j of offenderJobs.filter((x) => !names.length || names.includes(x.name)))
    await (j.run as (...a: unknown[]) => Promise<unknown>)(env.ctx(null), {}, { id: 0, attempt: 1, maxAttempts: 1 });
}

function record(personId: string, extra: Record<string, unknown> = {}) {
  return {
    personId,
    statute: "53a-217c",
    disposition: "convicted",
    dispositionOn: "2026-01-10",
    releasedOn: "2026-05-20",
    fromDocCustody: false,
    source: "staff",
    ...extra,
  };
}

const REGISTRATION = {
  physicalDescription: "5 ft 10 in, brown eyes, scar on left hand",
  homeStreet: "12 Elm Street",
  homeTown: "Hartford",
  homeZip: "06103",
  criminalHistoryReference: "SPBI-778812",
  fingerprintAppointmentOn: "2026-06-02",
  fingerprintReference: "AFIS-55120",
  dnaStatus: "on-file",
  signed: true,
};

async function enter(personId: string, extra: Record<string, unknown> = {}) {
  const res = await call("licensing_staff", {
    method: "POST",
    url: "/api/v1/offenders/court-records",
    payload: record(personId, extra),
  });
  expectStatus(res, 201);
  return json(res);
}

async function register(id: string, extra: Record<string, unknown> = {}) {
  const res = await call("licensing_staff", {
    method: "POST",
    url: `/api/v1/offenders/registrants/${id}/registration`,
    payload: { ...REGISTRATION, ...extra },
  });
  expectStatus(res, 200);
  return json(res).registrant;
}

const readAs = (role: any, id: string) =>
  call(role, { method: "GET", url: `/api/v1/offenders/registrants/${id}`, headers: PURPOSE_HEADER });

describe("authentication, authorization and bad input come first", () => {
  test("401 without signing in", async () => {
    expectProblem(
      await call(null, {
        method: "POST",
        url: "/api/v1/offenders/lookup",
        payload: { lastName: "X", purpose: PURPOSE },
      }),
      401,
    );
    expectProblem(await call(null, { method: "GET", url: "/api/v1/offenders/me" }), 401);
  });

  test("a look-up without a purpose, with a short one, or without criteria is a 400 naming the field", async () => {
    expectProblem(
      await call("law_enforcement", {
        method: "POST",
        url: "/api/v1/offenders/lookup",
        payload: { lastName: "Smith" },
      }),
      400,
      "purpose",
    );
    expectProblem(
      await call("law_enforcement", {
        method: "POST",
        url: "/api/v1/offenders/lookup",
        payload: { lastName: "Smith", purpose: { code: "criminal-investigation", text: "short" } },
      }),
      400,
      "purpose.text",
    );
    expectProblem(
      await call("law_enforcement", { method: "POST", url: "/api/v1/offenders/lookup", payload: { purpose: PURPOSE } }),
      400,
      "lastName",
    );
    expectProblem(
      await call("law_enforcement", {
        method: "POST",
        url: "/api/v1/offenders/lookup",
        payload: { lastName: "Smith", birthDate: "2026-02-30", purpose: PURPOSE },
      }),
      400,
      "birthDate",
    );
    expectProblem(
      await call("law_enforcement", {
        method: "POST",
        url: "/api/v1/offenders/lookup",
        payload: { lastName: "Smith", purpose: PURPOSE, ssn: "1" },
      }),
      400,
      "ssn",
    );
  });

  test("a read without the Stateline-Purpose header is a 400 naming it", async () => {
    const p = await newPerson(env, { firstName: "Header", lastName: "Less" });
    const e = await enter(p.id);
    expectProblem(
      await call("law_enforcement", { method: "GET", url: `/api/v1/offenders/registrants/${e.registrant.id}` }),
      400,
      "header.stateline-purpose",
    );
    expectProblem(
      await call("law_enforcement", {
        method: "GET",
        url: `/api/v1/offenders/registrants/${e.registrant.id}`,
        headers: { "stateline-purpose": "gossip; just curious about it" },
      }),
      400,
      "header.stateline-purpose.code",
    );
  });

  test("malformed court records get a 4xx naming the field, never a 5xx", async () => {
    const p = await newPerson(env, { firstName: "Bad", lastName: "Input" });
    const cases: [Record<string, unknown>, string][] = [
      [{ ...record(p.id), dispositionOn: "yesterday" }, "dispositionOn"],
      [{ ...record(p.id), releasedOn: "9999-01-01" }, "releasedOn"],
      [{ ...record(p.id), disposition: "guilty" }, "disposition"],
      [{ ...record(p.id), statute: "" }, "statute"],
      [{ ...record(p.id), personId: "not-a-uuid" }, "personId"],
      [{ ...record(p.id), person: { firstName: "A", lastName: "B", birthDate: "1990-01-01" } }, "personId"],
      [{ ...record(p.id), personId: "00000000-0000-4000-8000-000000000000" }, "personId"],
      [{ ...record(p.id), dispositionOn: "2026-12-01" }, "dispositionOn"],
      [{ ...record(p.id), fromDocCustody: "yes" }, "fromDocCustody"],
    ];
    for (const [body, field] of cases) {
      expectProblem(
        await call("licensing_staff", { method: "POST", url: "/api/v1/offenders/court-records", payload: body }),
        400,
        field,
      );
    }
    const e = await enter(p.id);
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/offenders/registrants/${e.registrant.id}/registration`,
        payload: { ...REGISTRATION, signed: false },
      }),
      400,
      "signed",
    );
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/offenders/registrants/${e.registrant.id}/registration`,
        payload: { ...REGISTRATION, homeTown: "Gotham" },
      }),
      400,
      "homeTown",
    );
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: "/api/v1/offenders/registrants/nope/registration",
        payload: REGISTRATION,
      }),
      400,
      "params.id",
    );
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/offenders/registrants/${e.registrant.id}/photo`,
        payload: {
          contentType: "image/png",
          dataBase64: Buffer.from("not a png").toString("base64"),
          takenBy: "DESPP",
          takenOn: "2026-05-30",
        },
      }),
      400,
      "photo",
    );
  });
});

describe("who must register (the rulebook's offender-registration question)", () => {
  test("a Table 1 conviction: awaiting registration, due 14 calendar days after release; the duty letter is mailed", async () => {
    const p = await newPerson(env, { firstName: "Table", lastName: "One" });
    const e = await enter(p.id);
    assert.equal(e.outcome, "yes");
    assert.equal(e.registrant.status, "awaiting-registration");
    assert.equal(e.registrant.registrationDueOn, "2026-06-03");
    assert.equal(e.registrant.offense.basis, "table-1");
    assert.equal(await count(env, "outbox WHERE template = 'offender-duty' AND person_id = $1", [p.id]), 1);
  });

  test("from DOC custody the registration is due before release (the release day)", async () => {
    const p = await newPerson(env, { firstName: "Doc", lastName: "Custody" });
    const e = await enter(p.id, { fromDocCustody: true, releasedOn: "2026-07-15", source: "corrections" });
    assert.equal(e.registrant.registrationDueOn, "2026-07-15");
  });

  test("a felony with the court's firearm finding registers by the catch-all row", async () => {
    const p = await newPerson(env, { firstName: "Catch", lastName: "All" });
    const e = await enter(p.id, { statute: "53a-134", isFelony: true, courtFoundFirearm: true });
    assert.equal(e.outcome, "yes");
    assert.equal(e.registrant.offense.basis, "felony-with-firearm-finding");
  });

  test("unknown facts create nothing and name what a person must resolve; a non-listed misdemeanor is no", async () => {
    const p = await newPerson(env, { firstName: "Un", lastName: "Known" });
    const u = await enter(p.id, { statute: "29-33" });
    assert.equal(u.outcome, "unknown");
    assert.equal(u.registrant, null);
    assert.ok(
      u.missing.some((m: string) => m.includes("subsection")),
      JSON.stringify(u.missing),
    );
    const n = await enter(p.id, { statute: "53a-61", isFelony: false });
    assert.equal(n.outcome, "no");
    assert.equal(await count(env, "offender_registrants WHERE person_id = $1", [p.id]), 0);
  });

  test("released before 2014-01-01: no duty", async () => {
    const p = await newPerson(env, { firstName: "Old", lastName: "Release" });
    const res = await call("licensing_staff", {
      method: "POST",
      url: "/api/v1/offenders/court-records",
      payload: record(p.id, { dispositionOn: "2012-01-10", releasedOn: "2013-12-31" }),
    });
    // The table refuses a release before the registry began; either the rulebook says no or the table refuses it as a 400.
    assert.ok(res.statusCode === 201 ? json(res).outcome === "no" : res.statusCode === 400, res.body);
  });

  test("the same record twice (a retried feed) gives the same registrant; an idempotent retry stores once", async () => {
    const p = await newPerson(env, { firstName: "Twice", lastName: "Sent" });
    const a = await enter(p.id);
    const b = await enter(p.id);
    assert.equal(a.registrant.id, b.registrant.id);
    assert.equal(b.created, false);
    const key = { "idempotency-key": "offender-retry-0001" };
    const p2 = await newPerson(env, { firstName: "Retry", lastName: "Key" });
    const r1 = await call("licensing_staff", {
      method: "POST",
      url: "/api/v1/offenders/court-records",
      payload: record(p2.id),
      headers: key,
    });
    const r2 = await call("licensing_staff", {
      method: "POST",
      url: "/api/v1/offenders/court-records",
      payload: record(p2.id),
      headers: key,
    });
    expectStatus(r1, 201);
    expectStatus(r2, 201);
    assert.equal(r2.headers["idempotent-replayed"], "true");
    assert.equal(await count(env, "offender_registrants WHERE person_id = $1", [p2.id]), 1);
    assert.equal(
      await count(
        env,
        "offender_actions a JOIN offender_registrants r ON r.id = a.registrant_id WHERE r.person_id = $1",
        [p2.id],
      ),
      1,
    );
  });
});

describe("clocks, each on both sides of its boundary", () => {
  test("registration due: nothing on the due day, flagged with a case the day after", async () => {
    at("2026-06-01");
    const p = await newPerson(env, { firstName: "Late", lastName: "Registrant", town: "Bristol" });
    const e = await enter(p.id, { releasedOn: "2026-06-01" });
    assert.equal(e.registrant.registrationDueOn, "2026-06-15");
    at("2026-06-15");
    await clocksViaRunner();
    assert.equal(await count(env, "offender_noncompliance WHERE registrant_id = $1", [e.registrant.id]), 0);
    at("2026-06-16");
    await clocksViaRunner();
    const rows = await env.services.db.query(
      "SELECT n.kind, n.due_on::text, n.offense, c.number FROM offender_noncompliance n JOIN cases c ON c.id = n.case_id WHERE n.registrant_id = $1",
      [e.registrant.id],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.kind, "missed-registration");
    assert.match(rows[0]!.offense, /class D felony/);
    // Running again flags nothing new.
    await clocksViaRunner();
    assert.equal(await count(env, "offender_noncompliance WHERE registrant_id = $1", [e.registrant.id]), 1);
    // Registering late resolves the list entry; the case stays for the police.
    await register(e.registrant.id);
    assert.equal(
      await count(env, "offender_noncompliance WHERE registrant_id = $1 AND resolved_on IS NULL", [e.registrant.id]),
      0,
    );
    at(TODAY);
  });

  test("registration: five-year term, four annual updates; notice 45 days before (by the 30-day mark), 20-day window, police report within 30 days", async () => {
    at("2026-06-01");
    const p = await newPerson(env, { firstName: "Annual", lastName: "Cycle" });
    const e = await enter(p.id);
    const r = await register(e.registrant.id);
    assert.equal(r.registeredOn, "2026-06-01");
    assert.equal(r.endsOn, "2031-05-31");
    const v = await env.services.db.query(
      "SELECT year, anniversary_on::text, closes_on::text, notice_mail_by::text, report_due_by::text FROM offender_verifications WHERE registrant_id = $1 ORDER BY year",
      [r.id],
    );
    assert.deepEqual(
      v.map((x) => x.anniversary_on),
      ["2027-06-01", "2028-06-01", "2029-06-01", "2030-06-01"],
    );
    assert.equal(v[0]!.closes_on, "2027-06-21");
    assert.equal(v[0]!.notice_mail_by, "2027-05-02");
    assert.equal(v[0]!.report_due_by, "2027-07-01");
    const notices = () =>
      count(env, "outbox WHERE template LIKE 'offender-annual-notice%' AND (body LIKE $1 OR subject LIKE $1)", [
        `%${r.number}%`,
      ]);
    at("2027-04-16"); // 46 days before
    await clocks();
    assert.equal(await notices(), 0);
    at("2027-04-17"); // 45 days before
    await clocks();
    assert.equal(await notices(), 2, "registrant and police");
    const sent = await env.services.db.query(
      "SELECT notice_sent_on::text, notice_late FROM offender_verifications WHERE registrant_id = $1 AND year = 1",
      [r.id],
    );
    assert.deepEqual([sent[0]!.notice_sent_on, sent[0]!.notice_late], ["2027-04-17", false]);
    // The window: the last day (21 June) nothing; the day after, flagged.
    at("2027-06-21");
    await clocks();
    assert.equal(await count(env, "offender_noncompliance WHERE registrant_id = $1", [r.id]), 0);
    at("2027-06-22");
    await clocks();
    assert.equal(
      await count(env, "offender_noncompliance WHERE registrant_id = $1 AND kind = 'missed-verification'", [r.id]),
      1,
    );
    // The police report: due by 1 July; on it nothing, the day after flagged for DESPP (not a registrant offense).
    at("2027-07-01");
    await clocks();
    assert.equal(
      await count(env, "offender_verifications WHERE registrant_id = $1 AND report_overdue_flagged_on IS NOT NULL", [
        r.id,
      ]),
      0,
    );
    at("2027-07-02");
    await clocks();
    assert.equal(
      await count(env, "offender_verifications WHERE registrant_id = $1 AND report_overdue_flagged_on = '2027-07-02'", [
        r.id,
      ]),
      1,
    );
    assert.equal(await count(env, "offender_noncompliance WHERE registrant_id = $1", [r.id]), 1);
    // A late appearance resolves the list entry.
    const rep = await call("law_enforcement", {
      method: "POST",
      url: `/api/v1/offenders/registrants/${r.id}/verifications`,
      payload: { year: 1, outcome: "appeared", appearedOn: "2027-07-02", agency: "Hartford Police Department" },
    });
    expectStatus(rep, 200);
    assert.equal(
      await count(env, "offender_noncompliance WHERE registrant_id = $1 AND resolved_on IS NULL", [r.id]),
      0,
    );
    // The term ends: on 2031-05-31 still registered, the day after ended.
    at("2031-05-31");
    await clocks("offenders.term-end");
    assert.equal(await count(env, "offender_registrants WHERE id = $1 AND status = 'registered'", [r.id]), 1);
    at("2031-06-01");
    await clocks("offenders.term-end");
    assert.equal(await count(env, "offender_registrants WHERE id = $1 AND status = 'ended'", [r.id]), 1);
    at(TODAY);
  });

  test("a notice the job could only send after the 30-day mark is recorded as late", async () => {
    at("2026-06-01");
    const p = await newPerson(env, { firstName: "Late", lastName: "Notice" });
    const r = await register((await enter(p.id)).registrant.id);
    at("2027-05-03"); // the job was down until 29 days before
    await clocks("offenders.annual-notices");
    const v = await env.services.db.query(
      "SELECT notice_late FROM offender_verifications WHERE registrant_id = $1 AND year = 1",
      [r.id],
    );
    assert.equal(v[0]!.notice_late, true);
    at(TODAY);
  });

  test("a deferral for good cause moves the last day to the new date; flagged only after it", async () => {
    at("2026-06-01");
    const p = await newPerson(env, { firstName: "Deferred", lastName: "Appearance" });
    const r = await register((await enter(p.id)).registrant.id);
    at("2027-06-10");
    const bad = await call("law_enforcement", {
      method: "POST",
      url: `/api/v1/offenders/registrants/${r.id}/verifications`,
      payload: { year: 1, outcome: "deferred", deferredTo: "2027-07-15", agency: "Troop H" },
    });
    expectProblem(bad, 400, "deferralCause");
    const early = await call("law_enforcement", {
      method: "POST",
      url: `/api/v1/offenders/registrants/${r.id}/verifications`,
      payload: {
        year: 1,
        outcome: "deferred",
        deferredTo: "2027-06-20",
        deferralCause: "hospitalized after surgery",
        agency: "Troop H",
      },
    });
    expectProblem(early, 400, "deferredTo");
    const ok = await call("law_enforcement", {
      method: "POST",
      url: `/api/v1/offenders/registrants/${r.id}/verifications`,
      payload: {
        year: 1,
        outcome: "deferred",
        deferredTo: "2027-07-15",
        deferralCause: "hospitalized after surgery",
        agency: "Troop H",
      },
    });
    expectStatus(ok, 200);
    assert.equal(json(ok).verification.closesOn, "2027-07-15");
    at("2027-07-15");
    await clocks("offenders.update-window");
    assert.equal(await count(env, "offender_noncompliance WHERE registrant_id = $1", [r.id]), 0);
    at("2027-07-16");
    await clocks("offenders.update-window");
    assert.equal(
      await count(env, "offender_noncompliance WHERE registrant_id = $1 AND kind = 'missed-verification'", [r.id]),
      1,
    );
    at(TODAY);
  });

  test("an address change: five business days skip Thanksgiving; a police-known move is flagged only after the grace", async () => {
    at("2026-11-20");
    const p = await newPerson(env, { firstName: "Moving", lastName: "Person" });
    const r = await register(
      (await enter(p.id, { dispositionOn: "2026-01-10", releasedOn: "2026-11-10" })).registrant.id,
    );
    // Moved Wednesday 2026-11-25; Thursday 26 November is Thanksgiving: the five business days end Thursday 3 December.
    at("2026-11-27");
    const res = await call("law_enforcement", {
      method: "POST",
      url: `/api/v1/offenders/registrants/${r.id}/changes`,
      payload: { kind: "address", changedOn: "2026-11-25", street: "4 Oak Road", town: "Bristol", state: "CT" },
    });
    expectStatus(res, 201);
    const c = json(res).change;
    assert.equal(c.dueOn, "2026-12-03");
    assert.equal(c.reportedOn, null);
    // Old and new police are told.
    assert.equal(
      await count(env, "outbox WHERE dedupe_key IN ($1, $2)", [
        `offender-move-old:${c.id}`,
        `offender-move-new:${c.id}`,
      ]),
      2,
    );
    at("2026-12-03");
    await clocks("offenders.change-grace");
    assert.equal(await count(env, "offender_noncompliance WHERE registrant_id = $1", [r.id]), 0);
    at("2026-12-04");
    await clocks("offenders.change-grace");
    const nc = await env.services.db.query("SELECT kind, town FROM offender_noncompliance WHERE registrant_id = $1", [
      r.id,
    ]);
    assert.deepEqual(
      nc.map((x) => [x.kind, x.town]),
      [["unreported-change", "Bristol"]],
    );
    at(TODAY);
  });

  test("a registrant's own report: on the fifth business day (over Christmas) in time; the day after, late and flagged", async () => {
    const { person, username } = await newResident(env, { firstName: "Self", lastName: "Reporter" });
    at("2026-12-01");
    const r = await register((await enter(person.id, { releasedOn: "2026-11-30" })).registrant.id);
    // Changed Wednesday 23 December; Christmas Friday 25 December is a holiday: due Thursday 31 December.
    at("2026-12-31");
    const ok = await call(
      { username },
      {
        method: "POST",
        url: `/api/v1/offenders/registrants/${r.id}/changes`,
        payload: { kind: "address", changedOn: "2026-12-23", street: "9 Pine Lane", town: "Hartford", state: "CT" },
      },
    );
    expectStatus(ok, 201);
    assert.deepEqual(
      [json(ok).change.dueOn, json(ok).change.late, json(ok).change.source],
      ["2026-12-31", false, "registrant"],
    );
    at("2027-01-12");
    // Changed Tuesday 5 January: due Tuesday 12 January on time; reported the 13th is late.
    at("2027-01-13");
    const late = await call(
      { username },
      {
        method: "POST",
        url: `/api/v1/offenders/registrants/${r.id}/changes`,
        payload: { kind: "name", changedOn: "2027-01-05", lastName: "Newname" },
      },
    );
    expectStatus(late, 201);
    assert.deepEqual([json(late).change.dueOn, json(late).change.late], ["2027-01-12", true]);
    assert.equal(
      await count(
        env,
        "offender_noncompliance WHERE registrant_id = $1 AND kind = 'late-change-report' AND case_id IS NOT NULL",
        [r.id],
      ),
      1,
    );
    // The name change goes out under the protocol, and the old name is kept as an alias.
    assert.ok(
      (await count(env, "outbox WHERE template = 'offender-name-change-protocol' AND body LIKE '%Newname%'")) >= 3,
    );
    const look = await call("law_enforcement", {
      method: "POST",
      url: "/api/v1/offenders/lookup",
      payload: { lastName: "Reporter", purpose: PURPOSE },
    });
    assert.ok(
      json(look).items.some((h: any) => h.id === r.id && h.lastName === "Newname"),
      "found by the old name (alias)",
    );
    at(TODAY);
  });
});

describe("access: law enforcement and registry staff; the registrant's own record; nobody else", () => {
  let id: string;
  let mine: string;
  before(async () => {
    at(TODAY);
    const p = await newPerson(env, { firstName: "Access", lastName: "Matrix", town: "Hartford" });
    id = (await register((await enter(p.id)).registrant.id)).id;
    // The test resident is a registrant too.
    mine = (await register((await enter(env.resident.id, { statute: "29-35(a)" })).registrant.id)).id;
  });

  test("look-up and read: law enforcement and licensing staff only; every other role 403 (audited as denied)", async () => {
    for (const role of ROLES) {
      const look = await call(role, {
        method: "POST",
        url: "/api/v1/offenders/lookup",
        payload: { lastName: "Matrix", purpose: PURPOSE },
      });
      const read = await readAs(role, id);
      const nc = await call(role, {
        method: "GET",
        url: "/api/v1/offenders/noncompliance?town=Hartford",
        headers: PURPOSE_HEADER,
      });
      if (role === "law_enforcement" || role === "licensing_staff") {
        expectStatus(look, 200, role);
        assert.ok(json(look).items.some((h: any) => h.id === id));
        expectStatus(read, 200, role);
        assert.equal(json(read).registrant.home.street, "12 Elm Street");
        expectStatus(nc, 200, role);
      } else {
        expectProblem(look, 403);
        expectProblem(read, 403);
        expectProblem(nc, 403);
        assert.ok(!look.body.includes("Matrix") && !read.body.includes("Elm Street"), `${role} saw registry data`);
      }
    }
    assert.ok(
      (await count(
        env,
        "audit_log WHERE action = 'offender.lookup' AND outcome = 'denied' AND actor_role = 'dealer'",
      )) >= 1,
    );
    assert.ok(
      (await count(
        env,
        "audit_log WHERE action = 'offender.read' AND outcome = 'success' AND entity_id = $1 AND purpose LIKE 'criminal-investigation:%'",
        [id],
      )) >= 1,
    );
  });

  test("the registrant sees their own record and obligations, and cannot read anyone's by id", async () => {
    const me = await call("resident", { method: "GET", url: "/api/v1/offenders/me" });
    expectStatus(me, 200);
    const items = json(me).items;
    assert.equal(items.length, 1);
    assert.equal(items[0].verifications.length, 4);
    assert.ok(items[0].obligations.some((o: any) => o.what.includes("Annual update 1")));
    assert.ok(
      !JSON.stringify(items[0]).includes("caseNumber") && !me.body.includes("criminalHistoryReference"),
      "no internal fields",
    );
    expectProblem(await readAs("resident", mine), 403);
    expectProblem(await readAs("resident", id), 403);
    // Another resident who is not a registrant has nothing and cannot report a change on someone else's registration.
    const other = await newResident(env, { firstName: "Not", lastName: "Registrant" });
    const none = await call({ username: other.username }, { method: "GET", url: "/api/v1/offenders/me" });
    assert.deepEqual(json(none).items, []);
    expectProblem(
      await call(
        { username: other.username },
        {
          method: "POST",
          url: `/api/v1/offenders/registrants/${mine}/changes`,
          payload: { kind: "address", changedOn: TODAY, street: "1 X St", town: "Hartford", state: "CT" },
        },
      ),
      403,
    );
  });

  test("keying records and registrations is registry staff's; the police cannot, nor anyone else", async () => {
    const p = await newPerson(env, { firstName: "Keyed", lastName: "ByWhom" });
    for (const role of ROLES.filter((r) => r !== "licensing_staff")) {
      expectProblem(
        await call(role, { method: "POST", url: "/api/v1/offenders/court-records", payload: record(p.id) }),
        403,
      );
    }
  });

  test("a suspended registration is withdrawn from police view, keeps its expiry, and returns on reinstatement", async () => {
    const s = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/offenders/registrants/${id}/suspend`,
      payload: { ground: "incarcerated" },
    });
    expectStatus(s, 200);
    const endsOn = json(s).registrant.endsOn;
    const look = await call("law_enforcement", {
      method: "POST",
      url: "/api/v1/offenders/lookup",
      payload: { lastName: "Matrix", purpose: PURPOSE },
    });
    assert.ok(!json(look).items.some((h: any) => h.id === id));
    expectProblem(await readAs("law_enforcement", id), 404);
    expectStatus(await readAs("licensing_staff", id), 200);
    expectProblem(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/offenders/registrants/${id}/suspend`,
        payload: { ground: "incarcerated" },
      }),
      409,
    );
    const back = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/offenders/registrants/${id}/reinstate`,
      payload: {},
    });
    expectStatus(back, 200);
    assert.equal(json(back).registrant.endsOn, endsOn);
    expectStatus(await readAs("law_enforcement", id), 200);
  });

  test("photographs: a real JPEG is kept and read back with a purpose; only police and staff read it", async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);
    const up = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/offenders/registrants/${id}/photo`,
      payload: { contentType: "image/jpeg", dataBase64: jpeg.toString("base64"), takenBy: "DOC", takenOn: TODAY },
    });
    expectStatus(up, 200);
    const got = await call("law_enforcement", {
      method: "GET",
      url: `/api/v1/offenders/registrants/${id}/photo`,
      headers: PURPOSE_HEADER,
    });
    expectStatus(got, 200);
    assert.equal(json(got).contentType, "image/jpeg");
    assert.deepEqual(Buffer.from(json(got).dataBase64, "base64"), jpeg);
    expectProblem(
      await call("dealer", {
        method: "GET",
        url: `/api/v1/offenders/registrants/${id}/photo`,
        headers: PURPOSE_HEADER,
      }),
      403,
    );
  });
});

describe("pages", () => {
  const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
  async function post(role: any, url: string, o: Record<string, string>) {
    const s = await env.login(typeof role === "string" ? env.users[role as "law_enforcement"].username : role.username);
    return env.app.inject({
      method: "POST",
      url,
      headers: { cookie: s.cookie, "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
      payload: form({ ...o, _csrf: s.csrf }),
    });
  }
  test("police look up with a purpose in the form (not the URL) and open the record; others are refused", async () => {
    at(TODAY);
    const p = await newPerson(env, { firstName: "Paged", lastName: "Lookup" });
    const r = await register((await enter(p.id)).registrant.id);
    const page = await call("law_enforcement", { method: "GET", url: "/offenders", headers: { accept: "text/html" } });
    expectStatus(page, 200);
    assert.match(page.body, /name="purposeText"/);
    const noPurpose = await post("law_enforcement", "/offenders/lookup", { lastName: "Lookup" });
    assert.equal(noPurpose.statusCode, 400);
    const hits = await post("law_enforcement", "/offenders/lookup", {
      lastName: "Lookup",
      purposeCode: "criminal-investigation",
      purposeText: "traffic stop, checking the driver",
    });
    expectStatus(hits, 200);
    assert.ok(hits.body.includes(r.number));
    const rec = await post("law_enforcement", `/offenders/registrants/${r.id}`, {
      purposeCode: "criminal-investigation",
      purposeText: "traffic stop, checking the driver",
    });
    expectStatus(rec, 200);
    assert.ok(rec.body.includes("12 Elm Street") && rec.body.includes("Annual updates"));
    for (const role of ["dealer", "board_member", "resident", "auditor"] as const) {
      const res = await call(role, { method: "GET", url: "/offenders", headers: { accept: "text/html" } });
      assert.equal(res.statusCode, 403, role);
    }
    const nc = await post("law_enforcement", "/offenders/noncompliance", {
      town: "Hartford",
      purposeCode: "registry-verification",
      purposeText: "monthly compliance sweep for Hartford",
    });
    expectStatus(nc, 200);
  });
  test("the registrant's page lists their obligations; staff key a court record through the form", async () => {
    const me = await call("resident", { method: "GET", url: "/offenders/me", headers: { accept: "text/html" } });
    expectStatus(me, 200);
    assert.match(me.body, /What you must do/);
    const p = await newPerson(env, { firstName: "Form", lastName: "Keyed" });
    const res = await post("licensing_staff", "/offenders/new", {
      personId: p.id,
      statute: "53a-217c",
      disposition: "convicted",
      dispositionOn: "2026-01-10",
      releasedOn: "2026-05-25",
    });
    expectStatus(res, 201);
    assert.match(res.body, /Must register/);
    const bad = await post("licensing_staff", "/offenders/new", {
      personId: p.id,
      statute: "",
      disposition: "convicted",
      dispositionOn: "2026-13-10",
      releasedOn: "2026-05-25",
    });
    assert.equal(bad.statusCode, 400);
  });
});

describe("demo seed", () => {
  test("seedOffenders makes registrants in every state once, and the clocks flag the missed registration and the unreported move", async () => {
    const env2 = await createTestEnv({ today: TODAY });
    try {
      const { seedOffenders } = await import("./seed.ts");
      const r = await seedOffenders(env2.ctx(null));
      assert.equal(r.registrants, 6);
      assert.equal(await count(env2, "offender_registrants"), 6);
      assert.equal(
        await count(
          env2,
          "offender_registrants r JOIN people p ON p.id = r.person_id WHERE p.last_name = 'Vellucci' AND r.status = 'awaiting-registration'",
        ),
        1,
      );
      assert.equal(
        await count(
          env2,
          "offender_registrants r JOIN people p ON p.id = r.person_id WHERE p.last_name = 'Oquendo' AND r.status = 'suspended'",
        ),
        1,
      );
      assert.equal(
        await count(
          env2,
          "offender_noncompliance n JOIN offender_registrants r ON r.id = n.registrant_id JOIN people p ON p.id = r.person_id WHERE p.last_name IN ('Marlowe','Castellano')",
        ),
        2,
      );
      assert.deepEqual(await seedOffenders(env2.ctx(null)), { skipped: 1 });
    } finally {
      await env2.close();
    }
  });
});
