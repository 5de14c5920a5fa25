/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * The Board's docket through its API: 401/403/400 first; an appeal filed online from a denial
 * (findings attached) and on paper; the 90-day filing period on both sides; scheduling in order
 * of filing; the 10-day statement of reasons on both sides (over Christmas) with automatic relief
 * and the credential issued by the Board's order; one continuance for good cause; a revocation
 * restored; the public figures without personal data; and the Board seeing its docket only.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import {
  applicationBody,
  caller,
  count,
  expectProblem,
  expectStatus,
  issueFor,
  json,
  newResident,
  ROLES,
  type Call,
} from "../../../test/api/support.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { appealJobs } from "./jobs.ts";
import { attachTestAuthority } from "../local-permits/testkit.ts";
import { expectedHearing } from "./service.ts";

const TODAY = "2026-11-02" as PlainDate;
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
async function job(name: string) {
  for (const j of appealJobs.filter((x) => x.name === name))
    await (j.run as (...a: unknown[]) => Promise<unknown>)(env.ctx(null), {}, { id: 0, attempt: 1, maxAttempts: 1 });
}

/** A resident whose long gun certificate application staff denied today. */
async function denied(first: string, opts: { kind?: string; town?: string; zip?: string } = {}) {
  const r = await newResident(env, {
    firstName: first,
    lastName: "Appellant",
    town: opts.town ?? "Hartford",
    street: "3 Main Street",
    zip: opts.zip ?? "06103",
  });
  const a = await call(
    { username: r.username },
    {
      method: "POST",
      url: "/api/v1/applications",
      payload: applicationBody((opts.kind ?? "long-gun-eligibility-certificate") as never, {
        residenceTown: opts.town ?? "Hartford",
      }),
    },
  );
  expectStatus(a, 201, "apply");
  const id = json(a).application.id;
  expectStatus(
    await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/applications/${id}/deny`,
      payload: { reason: "false statement on the application form" },
    }),
    200,
    "deny",
  );
  return { ...r, applicationId: id as string };
}

async function fileOnline(who: { username: string }, subjectId: string, subjectType = "application") {
  const res = await call(who, {
    method: "POST",
    url: "/api/v1/appeals",
    payload: { subjectType, subjectId, grounds: "The statement on my form was true; I can show the records." },
  });
  expectStatus(res, 201, "file");
  return json(res).appeal;
}

async function meeting(on: string, slots = 5) {
  const res = await call("board_member", {
    method: "POST",
    url: "/api/v1/appeals/meetings",
    payload: { meetingOn: on, hearingSlots: slots, location: "Middletown" },
  });
  expectStatus(res, 201, `meeting ${on}`);
  return json(res).meeting;
}

const getAppeal = async (id: string, who: any = "board_member") =>
  json(await call(who, { method: "GET", url: `/api/v1/appeals/${id}` })).appeal;

describe("authentication, authorization and bad input first", () => {
  test("401, 403 and 400 naming the field", async () => {
    expectProblem(await call(null, { method: "POST", url: "/api/v1/appeals", payload: {} }), 401);
    expectProblem(await call(null, { method: "GET", url: "/api/v1/appeals/docket" }), 401);
    const d = await denied("Bad");
    for (const role of ["dealer", "law_enforcement", "licensing_staff", "board_member", "auditor"] as const) {
      expectProblem(
        await call(role, {
          method: "POST",
          url: "/api/v1/appeals",
          payload: {
            subjectType: "application",
            subjectId: d.applicationId,
            grounds: "I disagree with the denial entirely.",
          },
        }),
        403,
      );
    }
    const me = { username: d.username };
    expectProblem(
      await call(me, {
        method: "POST",
        url: "/api/v1/appeals",
        payload: { subjectType: "application", subjectId: "nope", grounds: "I disagree with the denial entirely." },
      }),
      400,
      "subjectId",
    );
    expectProblem(
      await call(me, {
        method: "POST",
        url: "/api/v1/appeals",
        payload: { subjectType: "application", subjectId: d.applicationId, grounds: "no" },
      }),
      400,
      "grounds",
    );
    expectProblem(
      await call(me, {
        method: "POST",
        url: "/api/v1/appeals",
        payload: { subjectType: "permit", subjectId: d.applicationId, grounds: "I disagree with the denial entirely." },
      }),
      400,
      "subjectType",
    );
    expectProblem(
      await call(me, {
        method: "POST",
        url: "/api/v1/appeals",
        payload: {
          subjectType: "application",
          subjectId: d.applicationId,
          grounds: "I disagree with the denial entirely.",
          extra: 1,
        },
      }),
      400,
      "extra",
    );
    // Someone else's denial is not theirs to appeal.
    const other = await denied("Other");
    expectProblem(
      await call(me, {
        method: "POST",
        url: "/api/v1/appeals",
        payload: {
          subjectType: "application",
          subjectId: other.applicationId,
          grounds: "I disagree with the denial entirely.",
        },
      }),
      400,
      "subjectId",
    );
    expectProblem(
      await call("board_member", {
        method: "POST",
        url: "/api/v1/appeals/meetings",
        payload: { meetingOn: "2026-02-30", hearingSlots: 3 },
      }),
      400,
      "meetingOn",
    );
    expectProblem(
      await call("board_member", {
        method: "POST",
        url: "/api/v1/appeals/meetings",
        payload: { meetingOn: "2026-12-01", hearingSlots: 0 },
      }),
      400,
      "hearingSlots",
    );
    expectProblem(
      await call("board_member", {
        method: "POST",
        url: "/api/v1/appeals/meetings",
        payload: { meetingOn: "2026-10-01", hearingSlots: 3 },
      }),
      400,
      "meetingOn",
    );
  });
});

describe("filing", () => {
  test("online from the denial letter: the decision's reason and findings are attached; a second appeal of it is refused", async () => {
    const d = await denied("Online");
    const list = json(await call({ username: d.username }, { method: "GET", url: "/api/v1/appeals/appealable" })).items;
    const item = list.find((x: any) => x.subjectId === d.applicationId);
    assert.ok(item, JSON.stringify(list));
    assert.equal(item.filingDueOn, "2027-01-31");
    const a = await fileOnline({ username: d.username }, d.applicationId);
    assert.equal(a.status, "filed");
    assert.equal(a.channel, "online");
    assert.equal(a.subject.reason, "false statement on the application form");
    assert.ok(Array.isArray(a.subject.findings));
    assert.equal(a.filedLate, false);
    assert.equal(a.issuingAuthority.includes("DESPP"), true);
    expectProblem(
      await call(
        { username: d.username },
        {
          method: "POST",
          url: "/api/v1/appeals",
          payload: {
            subjectType: "application",
            subjectId: d.applicationId,
            grounds: "Filing the same appeal a second time.",
          },
        },
      ),
      409,
    );
    assert.equal(await count(env, "outbox WHERE template = 'appeal-filed' AND person_id = $1", [d.person.id]), 1);
  });

  test("paper appeals: received on the 90th day in time; on the 91st marked late (accepted for the Board to decide)", async () => {
    const a = await denied("PaperOn");
    const b = await denied("PaperLate");
    at("2027-02-01");
    const onTime = await call("board_member", {
      method: "POST",
      url: "/api/v1/appeals/paper",
      payload: {
        personId: a.person.id,
        subjectType: "application",
        subjectId: a.applicationId,
        grounds: "Letter of appeal received by mail.",
        filedOn: "2027-01-31",
      },
    });
    expectStatus(onTime, 201);
    assert.deepEqual(
      [json(onTime).appeal.filingDueOn, json(onTime).appeal.filedLate, json(onTime).appeal.channel],
      ["2027-01-31", false, "paper"],
    );
    const late = await call("board_member", {
      method: "POST",
      url: "/api/v1/appeals/paper",
      payload: {
        personId: b.person.id,
        subjectType: "application",
        subjectId: b.applicationId,
        grounds: "Letter of appeal received by mail.",
        filedOn: "2027-02-01",
      },
    });
    expectStatus(late, 201);
    assert.equal(json(late).appeal.filedLate, true);
    for (const role of ROLES.filter((r) => r !== "board_member")) {
      expectProblem(
        await call(role, {
          method: "POST",
          url: "/api/v1/appeals/paper",
          payload: {
            personId: b.person.id,
            subjectType: "application",
            subjectId: b.applicationId,
            grounds: "Letter of appeal received by mail.",
            filedOn: "2027-02-01",
          },
        }),
        403,
      );
    }
    // Withdraw both so they do not take hearing slots in the tests below.
    expectStatus(
      await call("board_member", { method: "POST", url: `/api/v1/appeals/${json(onTime).appeal.id}/withdraw` }),
      200,
    );
    expectStatus(
      await call("board_member", { method: "POST", url: `/api/v1/appeals/${json(late).appeal.id}/withdraw` }),
      200,
    );
    at(TODAY);
  });
});

describe("the hearing: scheduling, the statement of reasons, automatic relief, continuance, decisions", () => {
  test("scheduled in order of filing at meetings at least 21 days ahead; the 10-day statement missing gives automatic relief over Christmas, and the credential is issued by the Board's order", async () => {
    at("2026-11-02");
    // Close the earlier tests' open appeals out of the way.
    for (const x of json(await call("board_member", { method: "GET", url: "/api/v1/appeals/docket?status=filed" }))
      .items) {
      await call("board_member", { method: "POST", url: `/api/v1/appeals/${x.id}/withdraw` });
    }
    const first = await denied("First");
    const second = await denied("Second");
    const a1 = await fileOnline({ username: first.username }, first.applicationId);
    env.clock.advance(60_000);
    const a2 = await fileOnline({ username: second.username }, second.applicationId);
    await meeting("2026-11-22", 5); // 20 days ahead: too soon
    await meeting("2027-01-04", 1); // statement due 2026-12-25 (Christmas)
    await meeting("2027-02-01", 5);
    const s = await call("board_member", { method: "POST", url: "/api/v1/appeals/schedule" });
    expectStatus(s, 200);
    assert.equal(json(s).scheduled, 2);
    const g1 = await getAppeal(a1.id);
    const g2 = await getAppeal(a2.id);
    assert.deepEqual([g1.hearingOn, g1.statementDueBy], ["2027-01-04", "2026-12-25"]);
    assert.equal(g2.hearingOn, "2027-02-01", "one slot on 4 January: the later filing goes to February");
    assert.equal(
      await count(env, "outbox WHERE template = 'appeal-statement-request' AND body LIKE '%2026-12-25%'"),
      1,
    );
    // On the due day (a holiday: calendar days, not moved) nothing; the day after, automatic relief.
    at("2026-12-25");
    await job("appeals.statement-deadline");
    assert.equal((await getAppeal(a1.id)).status, "scheduled");
    at("2026-12-26");
    await job("appeals.statement-deadline");
    const done = await getAppeal(a1.id);
    assert.deepEqual(
      [done.status, done.outcome, done.order.kind, done.order.carriedOutOn],
      ["decided", "automatic-relief", "issue", "2026-12-26"],
    );
    const cred = await env.services.db.query(
      "SELECT status, kind, application_id::text FROM credentials WHERE id = $1",
      [done.order.credentialId],
    );
    assert.deepEqual(
      [cred[0]!.status, cred[0]!.kind, cred[0]!.application_id],
      ["active", "long-gun-eligibility-certificate", first.applicationId],
    );
    assert.equal(await count(env, "applications WHERE id = $1 AND status = 'issued'", [first.applicationId]), 1);
    assert.equal(await count(env, "outbox WHERE template = 'board-order' AND person_id = $1", [first.person.id]), 1);
    // The second appeal's statement is due 2027-01-22; a statement received on that day is in time.
    at("2027-01-22");
    const st = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/appeals/${a2.id}/statement`,
      payload: { text: "The applicant made a false statement on the form (CGS § 29-37e)." },
    });
    expectStatus(st, 200);
    assert.equal(json(st).appeal.status, "scheduled");
    at("2027-01-23");
    await job("appeals.statement-deadline");
    assert.equal((await getAppeal(a2.id)).status, "scheduled");
    // Decided at the hearing: relief denied; no order.
    expectProblem(
      await call("board_member", {
        method: "POST",
        url: `/api/v1/appeals/${a2.id}/decision`,
        payload: { outcome: "relief-denied", reason: "The false statement is shown." },
      }),
      409,
    );
    at("2027-02-01");
    const dec = await call("board_member", {
      method: "POST",
      url: `/api/v1/appeals/${a2.id}/decision`,
      payload: { outcome: "relief-denied", reason: "The false statement is shown." },
    });
    expectStatus(dec, 200);
    assert.deepEqual([json(dec).appeal.outcome, json(dec).appeal.order], ["relief-denied", null]);
    at(TODAY);
  });

  test("a statement received 9 days before the hearing is late: relief at once", async () => {
    at("2027-02-02");
    const d = await denied("LateStatement");
    const a = await fileOnline({ username: d.username }, d.applicationId);
    await meeting("2027-03-01", 3);
    expectStatus(await call("board_member", { method: "POST", url: "/api/v1/appeals/schedule" }), 200);
    assert.equal((await getAppeal(a.id)).hearingOn, "2027-03-01");
    at("2027-02-20");
    const st = await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/appeals/${a.id}/statement`,
      payload: { text: "The applicant made a false statement on the form (CGS § 29-37e).", receivedOn: "2027-02-20" },
    });
    expectStatus(st, 200);
    assert.equal(json(st).appeal.outcome, "automatic-relief");
    at(TODAY);
  });

  test("one continuance for good cause to the next meeting; a second, or one without good cause, is refused; the 10 days count from the new date", async () => {
    at("2027-03-02");
    const d = await denied("Continued");
    const a = await fileOnline({ username: d.username }, d.applicationId);
    await meeting("2027-04-05", 3);
    await meeting("2027-05-03", 3);
    await meeting("2027-06-07", 3);
    expectStatus(await call("board_member", { method: "POST", url: "/api/v1/appeals/schedule" }), 200);
    assert.equal((await getAppeal(a.id)).hearingOn, "2027-04-05");
    expectProblem(
      await call("board_member", {
        method: "POST",
        url: `/api/v1/appeals/${a.id}/continuance`,
        payload: { requestedBy: "issuing-authority", goodCause: false, reason: "the officer is busy" },
      }),
      409,
    );
    for (const role of ROLES.filter((r) => r !== "board_member")) {
      expectProblem(
        await call(role, {
          method: "POST",
          url: `/api/v1/appeals/${a.id}/continuance`,
          payload: {
            requestedBy: "issuing-authority",
            goodCause: true,
            reason: "the investigating officer is on medical leave",
          },
        }),
        403,
      );
    }
    const c = await call("board_member", {
      method: "POST",
      url: `/api/v1/appeals/${a.id}/continuance`,
      payload: {
        requestedBy: "issuing-authority",
        goodCause: true,
        reason: "the investigating officer is on medical leave",
      },
    });
    expectStatus(c, 200);
    assert.deepEqual(
      [json(c).appeal.hearingOn, json(c).appeal.statementDueBy, json(c).appeal.continuances],
      ["2027-05-03", "2027-04-23", 1],
    );
    expectProblem(
      await call("board_member", {
        method: "POST",
        url: `/api/v1/appeals/${a.id}/continuance`,
        payload: { requestedBy: "issuing-authority", goodCause: true, reason: "a second request from the officer" },
      }),
      409,
    );
    // The old due date (2027-03-26) passes without relief; the appellant may still ask for one.
    at("2027-03-27");
    await job("appeals.statement-deadline");
    assert.equal((await getAppeal(a.id)).status, "scheduled");
    const byAppellant = await call("board_member", {
      method: "POST",
      url: `/api/v1/appeals/${a.id}/continuance`,
      payload: { requestedBy: "appellant", goodCause: true, reason: "the appellant's lawyer is in trial" },
    });
    expectStatus(byAppellant, 200);
    assert.equal(json(byAppellant).appeal.hearingOn, "2027-06-07");
    at(TODAY);
  });

  test("relief on a revocation restores the credential", async () => {
    at("2027-06-08");
    const r = await newResident(env, {
      firstName: "Revoked",
      lastName: "Holder",
      town: "Hartford",
      street: "5 Main Street",
      zip: "06103",
    });
    const { credential } = await issueFor(call, r.person.id, "long-gun-eligibility-certificate");
    expectStatus(
      await call("licensing_staff", {
        method: "POST",
        url: "/api/v1/prohibiting-events",
        payload: {
          personId: r.person.id,
          kind: "protective-order",
          eventOn: "2027-06-08",
          active: true,
          source: "Superior Court",
        },
      }),
      201,
    );
    const rev = await env.services.db.query("SELECT status FROM credentials WHERE id = $1", [credential.id]);
    assert.equal(rev[0]!.status, "revoked");
    const list = json(await call({ username: r.username }, { method: "GET", url: "/api/v1/appeals/appealable" })).items;
    assert.ok(
      list.some((x: any) => x.subjectId === credential.id && x.action === "revocation" && x.findings.length > 0),
      JSON.stringify(list),
    );
    const a = await fileOnline({ username: r.username }, credential.id, "credential");
    await meeting("2027-07-12", 3);
    expectStatus(await call("board_member", { method: "POST", url: "/api/v1/appeals/schedule" }), 200);
    at("2027-07-01");
    expectStatus(
      await call("licensing_staff", {
        method: "POST",
        url: `/api/v1/appeals/${a.id}/statement`,
        payload: { text: "A protective order was issued against the holder on 2027-06-08." },
      }),
      200,
    );
    at("2027-07-12");
    const dec = await call("board_member", {
      method: "POST",
      url: `/api/v1/appeals/${a.id}/decision`,
      payload: { outcome: "relief-granted", reason: "The order was vacated on 2027-06-30." },
    });
    expectStatus(dec, 200);
    assert.equal(json(dec).appeal.order.kind, "restore");
    const after = await env.services.db.query("SELECT status, revoked_on FROM credentials WHERE id = $1", [
      credential.id,
    ]);
    assert.deepEqual([after[0]!.status, after[0]!.revoked_on], ["active", null]);
    assert.equal(
      await count(env, "credential_actions WHERE credential_id = $1 AND action = 'restored-by-board-order'", [
        credential.id,
      ]),
      1,
    );
    at(TODAY);
  });
});

describe("numbers and access", () => {
  test("expected hearing date: calendar slots first, then the Board's pace", () => {
    const meetings = [
      { meetingOn: "2027-01-04" as PlainDate, free: 2 },
      { meetingOn: "2027-02-01" as PlainDate, free: 1 },
    ];
    const e = (position: number) =>
      expectedHearing({ position, today: "2026-12-01" as PlainDate, meetings, perMeeting: 4, daysBetweenMeetings: 28 });
    assert.equal(e(0), "2027-01-04");
    assert.equal(e(1), "2027-01-04");
    assert.equal(e(2), "2027-02-01");
    assert.equal(e(3), "2027-03-01");
    assert.equal(e(6), "2027-03-01");
    assert.equal(e(7), "2027-03-29");
    assert.equal(
      expectedHearing({
        position: 0,
        today: "2026-12-01" as PlainDate,
        meetings: [],
        perMeeting: 0,
        daysBetweenMeetings: 30,
      }),
      null,
    );
  });

  test("the public figures carry no personal data", async () => {
    at("2027-07-13");
    const res = await call(null, { method: "GET", url: "/api/v1/appeals/numbers" });
    expectStatus(res, 200);
    const n = json(res);
    assert.equal(typeof n.backlog, "number");
    assert.ok(
      n.outcomes["automatic-relief"] >= 1 && n.outcomes["relief-denied"] >= 1 && n.outcomes["relief-granted"] >= 1,
      JSON.stringify(n.outcomes),
    );
    for (const secret of ["Appellant", "Holder", "Robin", "BFPE-", "LE-", "@"])
      assert.ok(!res.body.includes(secret), `public figures leak ${secret}`);
    const board = json(await call(null, { method: "GET", url: "/api/v1/appeals/board" }));
    assert.equal(board.seats.length, 9);
    assert.equal(board.seatsByLaw, 9);
    assert.ok(board.seats.some((s: any) => s.appointedBy === "Chief Court Administrator"));
    assert.ok(board.seats.some((s: any) => s.nominatedBy === "Department of Mental Health and Addiction Services"));
    at(TODAY);
  });

  test("the docket: the Board and the issuing authority; an appellant sees only their own; others nothing", async () => {
    const d = await denied("Access");
    const a = await fileOnline({ username: d.username }, d.applicationId);
    for (const role of ROLES) {
      const res = await call(role, { method: "GET", url: "/api/v1/appeals/docket" });
      if (role === "board_member" || role === "licensing_staff" || role === "local_authority")
        expectStatus(res, 200, role);
      else expectProblem(res, 403);
    }
    expectStatus(await call({ username: d.username }, { method: "GET", url: `/api/v1/appeals/${a.id}` }), 200);
    expectProblem(await call("resident", { method: "GET", url: `/api/v1/appeals/${a.id}` }), 404);
    expectProblem(await call("dealer", { method: "GET", url: `/api/v1/appeals/${a.id}` }), 403);
    // A local authority sees temporary permit appeals only.
    expectProblem(await call("local_authority", { method: "GET", url: `/api/v1/appeals/${a.id}` }), 404);
  });

  test("a town's issuing authority sees only its own residents' temporary permit appeals (§§ 57-58)", async () => {
    await attachTestAuthority(env);
    const mine = await denied("Hartfordian", { kind: "temporary-state-permit" });
    const theirs = await denied("Havenite", { kind: "temporary-state-permit", town: "New Haven", zip: "06510" });
    const a = await fileOnline({ username: mine.username }, mine.applicationId);
    const b = await fileOnline({ username: theirs.username }, theirs.applicationId);
    const docket = json(await call("local_authority", { method: "GET", url: "/api/v1/appeals/docket" }));
    const numbers = docket.items.map((x: { number: string }) => x.number);
    assert.ok(numbers.includes(a.number), "its own town's appeal is on its docket");
    assert.ok(!numbers.includes(b.number), "another town's appeal is not");
    expectStatus(await call("local_authority", { method: "GET", url: `/api/v1/appeals/${a.id}` }), 200);
    expectProblem(await call("local_authority", { method: "GET", url: `/api/v1/appeals/${b.id}` }), 404);
    // The Board sees both.
    const all = json(await call("board_member", { method: "GET", url: "/api/v1/appeals/docket?limit=200" }));
    assert.ok(all.items.some((x: { number: string }) => x.number === b.number));
  });

  test("Board members see their docket, not the rest of Stateline", async () => {
    const PURPOSE = { code: "appeal-review", text: "checking an appellant's registry entry" };
    const refused = [
      await call("board_member", {
        method: "POST",
        url: "/api/v1/offenders/lookup",
        payload: { lastName: "Appellant", purpose: PURPOSE },
      }),
      await call("board_member", { method: "GET", url: "/api/v1/leads" }),
      await call("board_member", { method: "GET", url: "/api/v1/applications" }),
      await call("board_member", { method: "GET", url: "/api/v1/outbox" }),
      await call("board_member", {
        method: "POST",
        url: "/api/v1/prohibiting-events",
        payload: { personId: env.resident.id, kind: "conviction", eventOn: TODAY, source: "Board" },
      }),
    ];
    for (const r of refused) assert.equal(r.statusCode, 403, r.body.slice(0, 200));
  });
});

describe("pages", () => {
  test("the appellant files from their letter page; the Board sees the docket; the public page has figures only", async () => {
    at(TODAY);
    const d = await denied("Paged");
    const mine = await call(
      { username: d.username },
      { method: "GET", url: "/appeals", headers: { accept: "text/html" } },
    );
    expectStatus(mine, 200);
    assert.ok(mine.body.includes("false statement on the application form"), "the decision's reason is shown");
    const s = await env.login(d.username);
    const res = await env.app.inject({
      method: "POST",
      url: "/appeals/new",
      headers: { cookie: s.cookie, "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
      payload: new URLSearchParams({
        _csrf: s.csrf,
        subjectType: "application",
        subjectId: d.applicationId,
        grounds: "The form was filled in correctly; see my records.",
      }).toString(),
    });
    assert.equal(res.statusCode, 303);
    const docket = await call("board_member", { method: "GET", url: "/board", headers: { accept: "text/html" } });
    expectStatus(docket, 200);
    assert.match(docket.body, /in order of filing/);
    for (const role of ["dealer", "law_enforcement", "resident"] as const)
      assert.equal(
        (await call(role, { method: "GET", url: "/board", headers: { accept: "text/html" } })).statusCode,
        403,
        role,
      );
    const pub = await call(null, { method: "GET", url: "/board/numbers", headers: { accept: "text/html" } });
    expectStatus(pub, 200);
    assert.ok(!pub.body.includes("Paged") && !pub.body.includes("BFPE-"), "no personal data on the public page");
    expectStatus(
      await call("board_member", { method: "GET", url: "/board/meetings", headers: { accept: "text/html" } }),
      200,
    );
  });
});

describe("demo seed", () => {
  test("seedAppeals fills the seats, the meeting calendar and a docket from revocations, once", async () => {
    const env2 = await createTestEnv({ today: "2026-11-20" });
    try {
      const call2 = caller(env2);
      for (let i = 0; i < 3; i += 1) {
        const p = await newResident(env2, { firstName: `Seed${i}`, lastName: "Holder" });
        await issueFor(call2, p.person.id, "long-gun-eligibility-certificate");
      }
      const { seedAppeals } = await import("./seed.ts");
      const r = await seedAppeals(env2.ctx(null));
      assert.equal(r.meetings, 7);
      assert.ok((r.appeals ?? 0) >= 3, JSON.stringify(r));
      assert.equal(await count(env2, "board_seats WHERE member_name IS NOT NULL"), 9);
      assert.ok((await count(env2, "appeals WHERE status = 'scheduled'")) >= 2);
      assert.deepEqual(await seedAppeals(env2.ctx(null)), { skipped: 1 });
    } finally {
      await env2.close();
    }
  });
});
