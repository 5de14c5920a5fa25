/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * The local issuing authority (PA 13-3 §§ 57-58; CGS §§ 29-28(b), 29-28a): who may act, town
 * isolation (a chief never sees another town's applicants), approve (temporary permit issued, the
 * application handed to the state), deny (letter with reasons and the appeal route), the eight-week
 * clocks on both sides of their boundary, the flags, idempotent retries, and the pages.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, PASSWORD, type TestEnv } from "../../../test/helpers.ts";
import { caller, count, expectProblem, expectStatus, json, newPerson, type Call } from "../../../test/api/support.ts";
import { addDays, type PlainDate } from "../../law/core/dates.ts";
import { ROLES, createUser, type User } from "../auth/index.ts";
import { issueCredential, submitApplication } from "../credentials/index.ts";
import { runDueJobs } from "../jobs/index.ts";
import { localDecisionClock, stateDecisionClock } from "./clock.ts";
import { localPermitsModule } from "./module.ts";
import * as svc from "./service.ts";

const TODAY = "2026-11-20" as PlainDate;
const PURPOSE = { "stateline-purpose": "licensing-review; temporary state permit decision" };

let env: TestEnv;
let call: Call;
let newHavenChief: User;
let unattached: User;
let n = 0;

/** A temporary state permit application from a resident of `town`, keyed in by staff `daysAgo` days ago. */
async function applicant(town: string, daysAgo = 0, opts: { denyNics?: boolean } = {}) {
  n += 1;
  const person = await newPerson(env, {
    firstName: `Applicant${String.fromCharCode(65 + (n % 26))}${n}`,
    lastName: `Resident${n}`,
    birthDate: "1980-02-02" as PlainDate,
    town,
  });
  if (opts.denyNics) env.nics.deny(person);
  const r = await submitApplication(
    { ...env.ctx("licensing_staff"), today: addDays(env.clock.today(), -daysAgo) },
    {
      credentialKind: "temporary-state-permit",
      residenceTown: town,
      attestedNoTemporaryPermitIn12Months: true,
      citizenOrLawfulResident: true,
      backgroundCheckConsent: true,
      feePaid: true,
      personId: person.id,
    },
  );
  return { person, app: r.application };
}

before(async () => {
  env = await createTestEnv({ today: TODAY });
  call = caller(env);
  // The test's local_authority user is Hartford's chief of police (attached through the admin route).
  expectStatus(
    await call("admin", {
      method: "POST",
      url: "/api/v1/local-permits/authorities",
      payload: { userId: env.users.local_authority.id, town: "Hartford", office: "chief-of-police" },
    }),
    200,
  );
  newHavenChief = await createUser(env.services.db, {
    username: "chief-new-haven",
    displayName: "Chief New Haven",
    role: "local_authority",
    password: PASSWORD,
    personId: null,
    passwordCost: 10,
  });
  await svc.attachAuthority(env.ctx("admin"), {
    userId: newHavenChief.id,
    town: "New Haven",
    office: "chief-of-police",
  });
  unattached = await createUser(env.services.db, {
    username: "selectman-nowhere",
    displayName: "Unattached Selectman",
    role: "local_authority",
    password: PASSWORD,
    personId: null,
    passwordCost: 10,
  });
});
after(async () => {
  await env.close();
});

describe("the clock (pure)", () => {
  test("eight weeks: due on the 56th day after the application, overdue from the 57th", () => {
    const made = "2026-01-01" as PlainDate;
    const onDue = localDecisionClock(made, "2026-02-26" as PlainDate);
    assert.equal(onDue.dueOn, "2026-02-26");
    assert.equal(onDue.daysLeft, 0);
    assert.equal(onDue.overdue, false);
    const dayAfter = localDecisionClock(made, "2026-02-27" as PlainDate);
    assert.equal(dayAfter.overdue, true);
    assert.equal(dayAfter.daysLeft, -1);
    assert.match(onDue.source.section, /29-28a\(b\)/);
    assert.equal(stateDecisionClock(made, made).dueOn, "2026-02-26");
  });
});

describe("who may act", () => {
  test("401 without signing in; 403 for every role but the local authority; 403 for one not attached to a town", async () => {
    const app = (await applicant("Hartford")).app;
    expectProblem(await call(null, { method: "GET", url: "/api/v1/local-permits/queue", headers: PURPOSE }), 401);
    for (const role of ROLES) {
      if (role === "local_authority") continue;
      expectProblem(
        await call(role, { method: "GET", url: "/api/v1/local-permits/queue", headers: PURPOSE }),
        403,
        undefined,
      );
      expectProblem(
        await call(role, { method: "POST", url: `/api/v1/local-permits/applications/${app.id}/approve`, payload: {} }),
        403,
      );
      expectProblem(
        await call(role, {
          method: "POST",
          url: `/api/v1/local-permits/applications/${app.id}/deny`,
          payload: { reasons: "not a suitable person, see report" },
        }),
        403,
      );
      if (role !== "licensing_staff")
        expectProblem(await call(role, { method: "GET", url: "/api/v1/local-permits/stages", headers: PURPOSE }), 403);
      if (role !== "admin")
        expectProblem(
          await call(role, {
            method: "POST",
            url: "/api/v1/local-permits/authorities",
            payload: { userId: unattached.id, town: "Hartford", office: "first-selectman" },
          }),
          403,
        );
    }
    expectProblem(
      await call(
        { username: unattached.username },
        { method: "GET", url: "/api/v1/local-permits/queue", headers: PURPOSE },
      ),
      403,
    );
    // The service refuses other roles too, whatever the route says.
    await assert.rejects(() => svc.approve(env.ctx("licensing_staff"), app.id, {}), { code: "forbidden" });
    await assert.rejects(() => svc.deny(env.ctx("admin"), app.id, "reasons enough here"), { code: "forbidden" });
    assert.equal(await count(env, "local_permit_actions WHERE application_id = $1", [app.id]), 0);
  });

  test("400s name the field: purpose missing or in the URL, short reasons, unknown fields, bad id, bad town", async () => {
    const app = (await applicant("Hartford")).app;
    expectProblem(
      await call("local_authority", { method: "GET", url: "/api/v1/local-permits/queue" }),
      400,
      "header.stateline-purpose",
    );
    expectProblem(
      await call("local_authority", { method: "GET", url: "/api/v1/local-permits/queue?purpose=x" }),
      400,
      "query.purpose",
    );
    expectProblem(
      await call("local_authority", {
        method: "POST",
        url: `/api/v1/local-permits/applications/${app.id}/deny`,
        payload: { reasons: "no" },
      }),
      400,
      "reasons",
    );
    expectProblem(
      await call("local_authority", {
        method: "POST",
        url: `/api/v1/local-permits/applications/${app.id}/approve`,
        payload: { reviewNote: "ok", extra: 1 },
      }),
      400,
    );
    expectProblem(
      await call("local_authority", {
        method: "POST",
        url: "/api/v1/local-permits/applications/nope/approve",
        payload: {},
      }),
      400,
      "params.id",
    );
    expectProblem(
      await call("admin", {
        method: "POST",
        url: "/api/v1/local-permits/authorities",
        payload: { userId: unattached.id, town: "Atlantis", office: "warden" },
      }),
      400,
      "town",
    );
    expectProblem(
      await call("admin", {
        method: "POST",
        url: "/api/v1/local-permits/authorities",
        payload: { userId: env.users.dealer.id, town: "Hartford", office: "warden" },
      }),
      400,
      "userId",
    );
    assert.equal(await count(env, "local_permit_actions WHERE application_id = $1", [app.id]), 0);
  });
});

describe("a chief never sees another town's applicants", () => {
  test("queues are per town; another town's applicant is refused (403, audited) for reading and for deciding", async () => {
    const hartford = (await applicant("Hartford")).app;
    const newHaven = (await applicant("New Haven")).app;
    const q = json(
      await call("local_authority", { method: "GET", url: "/api/v1/local-permits/queue", headers: PURPOSE }),
    );
    assert.equal(q.town, "Hartford");
    const numbers = q.open.map((x: any) => x.number);
    assert.ok(numbers.includes(hartford.number));
    assert.ok(!numbers.includes(newHaven.number));
    assert.ok(q.open.every((x: any) => x.town === "Hartford"));
    const nh = json(
      await call(
        { username: newHavenChief.username },
        { method: "GET", url: "/api/v1/local-permits/queue", headers: PURPOSE },
      ),
    );
    assert.ok(nh.open.some((x: any) => x.number === newHaven.number));
    assert.ok(!nh.open.some((x: any) => x.number === hartford.number));

    const before = await count(env, "audit_log WHERE outcome = 'denied' AND entity_id = $1", [newHaven.id]);
    expectProblem(
      await call("local_authority", {
        method: "GET",
        url: `/api/v1/local-permits/applications/${newHaven.id}`,
        headers: PURPOSE,
      }),
      403,
    );
    assert.equal(await count(env, "audit_log WHERE outcome = 'denied' AND entity_id = $1", [newHaven.id]), before + 1);
    expectProblem(
      await call("local_authority", {
        method: "POST",
        url: `/api/v1/local-permits/applications/${newHaven.id}/approve`,
        payload: {},
      }),
      403,
    );
    expectProblem(
      await call("local_authority", {
        method: "POST",
        url: `/api/v1/local-permits/applications/${newHaven.id}/deny`,
        payload: { reasons: "trying to deny another town's applicant" },
      }),
      403,
    );
    assert.equal(await count(env, "credentials WHERE application_id = $1", [newHaven.id]), 0);
    // A state permit application is not the local authority's, even from its own town.
    const own = json(
      await call("local_authority", {
        method: "GET",
        url: `/api/v1/local-permits/applications/${hartford.id}`,
        headers: PURPOSE,
      }),
    );
    assert.equal(own.number, hartford.number);
    assert.equal(own.applicant.lastName.startsWith("Resident"), true);
    assert.ok(own.decision.findings.length > 0, "the rulebook's findings are shown");
    assert.ok(own.decision.findings.every((f: any) => typeof f.citation === "string" && f.citation.length > 0));
    assert.deepEqual(own.next, ["approve", "deny"]);
  });
});

describe("the state does not decide in the town's place", () => {
  test("licensing staff cannot issue a temporary permit to a resident of a town with an issuing authority (409); they can where none is attached", async () => {
    const { app } = await applicant("Hartford", 2);
    await assert.rejects(
      issueCredential(env.ctx("licensing_staff"), app.id, {
        reviewNote: "staff trying the local stage",
        confirmations: { safetyCourse: true, suitability: true },
      }),
      (e: { code?: string; message?: string }) =>
        e.code === "conflict" && /Hartford's issuing authority/.test(e.message ?? ""),
    );
    assert.equal(await count(env, "credentials WHERE application_id = $1", [app.id]), 0);
    const { app: other } = await applicant("Willington", 2);
    const c = await issueCredential(env.ctx("licensing_staff"), other.id, {
      reviewNote: "no local authority in Stateline for this town yet",
      confirmations: { safetyCourse: true, suitability: true },
    });
    assert.equal(c.kind, "temporary-state-permit");
  });
});

describe("approve and deny", () => {
  test("approve: the temporary permit issues, the application goes to the state with its own eight weeks; a retry stores once", async () => {
    const { app, person } = await applicant("Hartford", 10);
    const key = "approve-once-1";
    const first = await call("local_authority", {
      method: "POST",
      url: `/api/v1/local-permits/applications/${app.id}/approve`,
      payload: {
        reviewNote: "identity and safety course certificate seen in person",
        confirmations: { safetyCourse: true, suitability: true },
      },
      headers: { "idempotency-key": key },
    });
    expectStatus(first, 200);
    const body = json(first);
    assert.equal(body.credential.kind, "temporary-state-permit");
    assert.ok(body.stateApplicationId);
    const retry = await call("local_authority", {
      method: "POST",
      url: `/api/v1/local-permits/applications/${app.id}/approve`,
      payload: {
        reviewNote: "identity and safety course certificate seen in person",
        confirmations: { safetyCourse: true, suitability: true },
      },
      headers: { "idempotency-key": key },
    });
    expectStatus(retry, 200);
    assert.equal(json(retry).credential.id, body.credential.id);
    assert.equal(await count(env, "credentials WHERE application_id = $1", [app.id]), 1);
    // Another approval (a new key) is a conflict.
    expectProblem(
      await call("local_authority", {
        method: "POST",
        url: `/api/v1/local-permits/applications/${app.id}/approve`,
        payload: {},
      }),
      409,
    );
    // The state permit application exists, forwarded, with the state's clock from today.
    const state = await env.services.db.query(
      "SELECT credential_kind, status, channel FROM applications WHERE id = $1 AND person_id = $2",
      [body.stateApplicationId, person.id],
    );
    assert.equal(state[0]!.credential_kind, "state-handgun-permit");
    assert.equal(state[0]!.status, "approvable", "holds the temporary permit now, so the state permit is approvable");
    const stages = json(
      await call("licensing_staff", { method: "GET", url: "/api/v1/local-permits/stages", headers: PURPOSE }),
    );
    const row = stages.atState.find((s: any) => s.applicationId === app.id);
    assert.ok(row, "the state staff's view shows it at the state stage");
    assert.equal(row.stage, "at-state");
    assert.equal(row.stateApplication.id, body.stateApplicationId);
    assert.equal(row.clock.dueOn, addDays(TODAY, 56));
    assert.ok(!stages.atLocal.some((s: any) => s.applicationId === app.id));
    // The applicant is told (outbox), and the chief's queue shows the decision and the stage.
    assert.equal(await count(env, "outbox WHERE person_id = $1 AND template = 'credential-issued'", [person.id]), 1);
    const q = json(
      await call("local_authority", { method: "GET", url: "/api/v1/local-permits/queue", headers: PURPOSE }),
    );
    assert.ok(!q.open.some((x: any) => x.applicationId === app.id));
    assert.equal(q.decided.find((x: any) => x.applicationId === app.id).stage, "at-state");
    // The forwarding job finds nothing left to do.
    await runDueJobs(env.services, localPermitsModule.jobs!);
    assert.equal(
      await count(env, "applications WHERE person_id = $1 AND credential_kind = 'state-handgun-permit'", [person.id]),
      1,
    );
  });

  test("an applicant the rulebook finds not eligible cannot be approved (409); the authority denies with reasons and the letter carries the appeal route", async () => {
    const { app, person } = await applicant("Hartford", 3, { denyNics: true });
    expectProblem(
      await call("local_authority", {
        method: "POST",
        url: `/api/v1/local-permits/applications/${app.id}/approve`,
        payload: {},
      }),
      409,
    );
    assert.equal(await count(env, "credentials WHERE application_id = $1", [app.id]), 0);
    const reasons = "NICS denied the transfer; the applicant is not a suitable person (report 26-118)";
    expectStatus(
      await call("local_authority", {
        method: "POST",
        url: `/api/v1/local-permits/applications/${app.id}/deny`,
        payload: { reasons },
      }),
      200,
    );
    const letter = await env.services.db.query(
      "SELECT body FROM outbox WHERE person_id = $1 AND template = 'application-denied'",
      [person.id],
    );
    assert.equal(letter.length, 1);
    assert.match(letter[0]!.body, /Decided by: Test local_authority, chief of police of Hartford/);
    assert.ok(letter[0]!.body.includes(reasons));
    assert.match(letter[0]!.body, /Board of Firearms Permit Examiners/);
    assert.equal(
      (await env.services.db.query("SELECT status FROM applications WHERE id = $1", [app.id]))[0]!.status,
      "denied",
    );
    assert.equal(
      await count(env, "applications WHERE person_id = $1 AND credential_kind = 'state-handgun-permit'", [person.id]),
      0,
      "a denied temporary permit is never forwarded",
    );
    expectProblem(
      await call("local_authority", {
        method: "POST",
        url: `/api/v1/local-permits/applications/${app.id}/deny`,
        payload: { reasons },
      }),
      409,
    );
    // The action history is append-only.
    await assert.rejects(() =>
      env.services.db.query("DELETE FROM local_permit_actions WHERE application_id = $1", [app.id]),
    );
  });

  test("an applicant found eligible may still be denied on the authority's suitability finding", async () => {
    const { app } = await applicant("Hartford", 1);
    await svc.deny(env.ctx("local_authority"), app.id, "arrest report shows the applicant is not a suitable person");
    const q = json(
      await call("local_authority", { method: "GET", url: "/api/v1/local-permits/queue", headers: PURPOSE }),
    );
    assert.equal(q.decided.find((x: any) => x.applicationId === app.id).stage, "denied-by-local-authority");
  });
});

describe("the clocks and their flags", () => {
  test("local: not flagged on the 56th day, flagged once from the 57th", async () => {
    const onTime = (await applicant("Hartford", 56)).app;
    const late = (await applicant("Hartford", 57)).app;
    const r1 = await svc.flagOverdue(env.ctx(null));
    assert.ok(r1.local >= 1);
    const flags = async (id: string) =>
      count(env, "local_permit_actions WHERE application_id = $1 AND action = 'flag-local-overdue'", [id]);
    assert.equal(await flags(onTime.id), 0);
    assert.equal(await flags(late.id), 1);
    await svc.flagOverdue(env.ctx(null));
    assert.equal(await flags(late.id), 1, "flagged once");
    const q = json(
      await call("local_authority", { method: "GET", url: "/api/v1/local-permits/queue", headers: PURPOSE }),
    );
    const lateRow = q.open.find((x: any) => x.applicationId === late.id);
    assert.equal(lateRow.clock.overdue, true);
    assert.equal(lateRow.flaggedOverdue, true);
    const onTimeRow = q.open.find((x: any) => x.applicationId === onTime.id);
    assert.equal(onTimeRow.clock.overdue, false);
    assert.equal(onTimeRow.clock.daysLeft, 0);
  });

  test("state: the eight weeks from the hand-off; flagged from the 57th day if the state permit is still open", async () => {
    const { app } = await applicant("Hartford", 2);
    const r = await svc.approve(env.ctx("local_authority"), app.id, {
      reviewNote: "seen in person",
      confirmations: { safetyCourse: true, suitability: true },
    });
    assert.ok(r.stateApplicationId);
    const stateFlags = () =>
      count(env, "local_permit_actions WHERE application_id = $1 AND action = 'flag-state-overdue'", [app.id]);
    env.clock.set(addDays(TODAY, 56));
    try {
      await svc.flagOverdue({ ...env.ctx(null), today: env.clock.today() });
      assert.equal(await stateFlags(), 0);
      env.clock.set(addDays(TODAY, 57));
      await runDueJobs(env.services, localPermitsModule.jobs!);
      await svc.flagOverdue({ ...env.ctx(null), today: env.clock.today() });
      assert.equal(await stateFlags(), 1);
    } finally {
      env.clock.set(TODAY);
    }
  });
});

describe("pages", () => {
  test("the chief's queue page lists only its town; another town's applicant page is 403; staff see the stage", async () => {
    const hartford = (await applicant("Hartford")).app;
    const newHaven = (await applicant("New Haven")).app;
    const page = await call("local_authority", { method: "GET", url: "/local", headers: { accept: "text/html" } });
    expectStatus(page, 200);
    assert.ok(page.body.includes(hartford.number));
    assert.ok(!page.body.includes(newHaven.number));
    const other = await call("local_authority", {
      method: "GET",
      url: `/local/applications/${newHaven.id}`,
      headers: { accept: "text/html" },
    });
    assert.equal(other.statusCode, 403);
    assert.ok(!other.body.includes(newHaven.number));
    const gate = await call("local_authority", {
      method: "GET",
      url: `/local/applications/${hartford.id}`,
      headers: { accept: "text/html" },
    });
    expectStatus(gate, 200);
    assert.match(gate.body, /Why do you need/);
    const staff = await call("licensing_staff", { method: "GET", url: "/local", headers: { accept: "text/html" } });
    assert.equal(staff.statusCode, 403);
    const stages = await call("licensing_staff", {
      method: "GET",
      url: "/staff/permit-stages",
      headers: { accept: "text/html" },
    });
    expectStatus(stages, 200);
    assert.ok(stages.body.includes(hartford.number));
    assert.ok(stages.body.includes(newHaven.number));
    const chiefStages = await call("local_authority", {
      method: "GET",
      url: "/staff/permit-stages",
      headers: { accept: "text/html" },
    });
    assert.equal(chiefStages.statusCode, 403);
  });
});

describe("concurrency and the web forms", () => {
  test("two approvals at once store one temporary permit and one hand-off", async () => {
    const { app } = await applicant("Hartford", 4);
    const results = await Promise.allSettled([
      svc.approve(env.ctx("local_authority"), app.id, {
        reviewNote: "first tab",
        confirmations: { safetyCourse: true, suitability: true },
      }),
      svc.approve(env.ctx("local_authority"), app.id, {
        reviewNote: "second tab",
        confirmations: { safetyCourse: true, suitability: true },
      }),
    ]);
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    assert.equal(failed.reason.code, "conflict");
    assert.equal(await count(env, "credentials WHERE application_id = $1", [app.id]), 1);
    assert.equal(
      await count(env, "local_permit_actions WHERE application_id = $1 AND action = 'approve'", [app.id]),
      1,
    );
    assert.equal(
      await count(env, "local_permit_actions WHERE application_id = $1 AND action = 'forward'", [app.id]),
      1,
    );
  });

  test("the deny form: short reasons are a 400 naming the field and nothing changes; then a denial", async () => {
    const { app, person } = await applicant("Hartford", 5);
    const s = await env.login(env.users.local_authority.username);
    const headers = { cookie: s.cookie, "content-type": "application/x-www-form-urlencoded", accept: "text/html" };
    // The purpose gate first (remembered for the session), then the form.
    const gate = await env.app.inject({
      method: "POST",
      url: `/local/applications/${app.id}`,
      headers,
      payload: new URLSearchParams({
        _csrf: s.csrf,
        purposeCode: "licensing-review",
        purposeText: "deciding the temporary permit",
      }).toString(),
    });
    assert.equal(gate.statusCode, 303);
    const short = await env.app.inject({
      method: "POST",
      url: `/local/applications/${app.id}/deny`,
      headers,
      payload: new URLSearchParams({ _csrf: s.csrf, reasons: "no" }).toString(),
    });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /id="reasons"[^>]*aria-invalid|Give the detailed reasons/);
    assert.equal(await count(env, "local_permit_actions WHERE application_id = $1", [app.id]), 0);
    const ok = await env.app.inject({
      method: "POST",
      url: `/local/applications/${app.id}/deny`,
      headers,
      payload: new URLSearchParams({
        _csrf: s.csrf,
        reasons: "domestic disturbance reports show the applicant unsuitable",
      }).toString(),
    });
    assert.equal(ok.statusCode, 303);
    assert.match(String(ok.headers.location), /^\/local\?done=denied/);
    assert.equal(await count(env, "outbox WHERE person_id = $1 AND template = 'application-denied'", [person.id]), 1);
    // Without the CSRF token the form is refused.
    const forged = await env.app.inject({
      method: "POST",
      url: `/local/applications/${app.id}/approve`,
      headers,
      payload: new URLSearchParams({ reviewNote: "x" }).toString(),
    });
    assert.equal(forged.statusCode, 403);
  });

  test("an applicant who already has an open state permit application: that one is handed on, no second one opens", async () => {
    const { app, person } = await applicant("Hartford", 6);
    const early = await submitApplication(env.ctx("licensing_staff"), {
      credentialKind: "state-handgun-permit",
      residenceTown: "Hartford",
      citizenOrLawfulResident: true,
      backgroundCheckConsent: true,
      feePaid: true,
      personId: person.id,
    });
    const r = await svc.approve(env.ctx("local_authority"), app.id, {
      reviewNote: "seen in person",
      confirmations: { safetyCourse: true, suitability: true },
    });
    assert.equal(r.stateApplicationId, early.application.id);
    assert.equal(
      await count(env, "applications WHERE person_id = $1 AND credential_kind = 'state-handgun-permit'", [person.id]),
      1,
    );
    // Forwarding again answers the same application and records nothing more.
    assert.equal(await svc.forwardToState(env.ctx("local_authority"), app.id), early.application.id);
    assert.equal(
      await count(env, "local_permit_actions WHERE application_id = $1 AND action = 'forward'", [app.id]),
      1,
    );
  });
});
