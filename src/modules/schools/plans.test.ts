/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * Plans, assessments, drills and committees (§§ 86-88), behaviour reports that parents and
 * guardians cannot see, mental health first aid training (§ 90), the lists of missing items for
 * DESPP and the daily reminders with their boundary dates.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectProblem, expectStatus, json, type Call } from "../../../test/api/support.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { runDueJobs } from "../jobs/index.ts";
import * as svc from "./service.ts";
import { dutiesAsOf, sendReminders } from "./duties.ts";
import { schoolsModule } from "./module.ts";
import { district, parentOf, state, type TestDistrict } from "./testkit.ts";

let env: TestEnv;
let call: Call;
let d: TestDistrict;
let other: TestDistrict;
let parent: { username: string };
const PURPOSE = { "stateline-purpose": "audit-review; weekly review of the committee's reports" };

before(async () => {
  env = await createTestEnv({ today: "2014-07-01" });
  call = caller(env);
  d = await district(env, { town: "Ansonia", rank: 163, schools: ["Ansonia High School"] });
  other = await district(env, { town: "Fairfield", rank: 19, schools: ["Fairfield Ludlowe"] });
  parent = { username: (await parentOf(env, d.id)).username };
});
after(async () => {
  await env.close();
});

const u = (x: TestDistrict) => ({ username: x.user.username });
const school = () => d.schools[0]!.id;
const outbox = async (like: string) =>
  env.services.db.query("SELECT recipient, subject, dedupe_key FROM outbox WHERE dedupe_key LIKE $1 ORDER BY id", [
    like,
  ]);
const FULL = [
  "local-police-officer",
  "local-first-responder",
  "teacher-at-school",
  "administrator-at-school",
  "school-psychologist",
];

describe("committee (§ 87)", () => {
  test("a committee missing the parent seat is flagged by the rulebook's question", async () => {
    for (const [i, role] of FULL.entries())
      expectStatus(
        await call(u(d), {
          method: "POST",
          url: `/api/v1/schools/schools/${school()}/committee`,
          payload: { name: `Member ${i}`, role, joinedOn: "2014-07-01" },
        }),
        201,
      );
    const s = json(await call(u(d), { method: "GET", url: `/api/v1/schools/schools/${school()}` }));
    assert.equal(s.committee.outcome, "no");
    assert.deepEqual(s.committee.missingSeats, ["parent-or-guardian"]);
    assert.equal(s.committee.findings[0].source.section, "§ 87");
    const m = json(
      await call(u(d), {
        method: "POST",
        url: `/api/v1/schools/schools/${school()}/committee`,
        payload: { name: "Pat Parent", role: "parent-or-guardian", joinedOn: "2014-07-01" },
      }),
    );
    const s2 = json(await call(u(d), { method: "GET", url: `/api/v1/schools/schools/${school()}` }));
    assert.equal(s2.committee.outcome, "yes");
    // A member who leaves no longer counts from the day they leave.
    expectStatus(
      await call(u(d), {
        method: "POST",
        url: `/api/v1/schools/committee-members/${m.member.id}/leave`,
        payload: { leftOn: "2014-07-01" },
      }),
      200,
    );
    assert.equal(
      json(await call(u(d), { method: "GET", url: `/api/v1/schools/schools/${school()}` })).committee.outcome,
      "no",
    );
    await call(u(d), {
      method: "POST",
      url: `/api/v1/schools/schools/${school()}/committee`,
      payload: { name: "Pat Parent", role: "parent-or-guardian", joinedOn: "2014-07-01" },
    });
  });
  test("access: another district, a dealer, and bad input", async () => {
    expectProblem(await call(u(other), { method: "GET", url: `/api/v1/schools/schools/${school()}` }), 403);
    expectProblem(
      await call(u(other), {
        method: "POST",
        url: `/api/v1/schools/schools/${school()}/committee`,
        payload: { name: "X Y", role: "other", joinedOn: "2014-07-01" },
      }),
      403,
    );
    expectProblem(await call("dealer", { method: "GET", url: `/api/v1/schools/schools/${school()}` }), 403);
    expectProblem(await call(null, { method: "GET", url: `/api/v1/schools/schools/${school()}` }), 401);
    expectProblem(
      await call(u(d), {
        method: "POST",
        url: `/api/v1/schools/schools/${school()}/committee`,
        payload: { name: "X Y", role: "janitor", joinedOn: "2014-07-01" },
      }),
      400,
      "role",
    );
    expectProblem(
      await call(parent, {
        method: "POST",
        url: `/api/v1/schools/schools/${school()}/committee`,
        payload: { name: "X Y", role: "other", joinedOn: "2014-07-01" },
      }),
      403,
    );
    expectStatus(await call("school_safety_staff", { method: "GET", url: `/api/v1/schools/schools/${school()}` }), 200);
  });
});

describe("behaviour reports (§§ 86-88)", () => {
  test("district staff report and read them with a purpose (audited); a parent on the committee cannot, and the refusal is audited", async () => {
    expectStatus(
      await call(u(d), {
        method: "POST",
        url: `/api/v1/schools/schools/${school()}/behavior-reports`,
        payload: { reportedOn: "2014-07-01", summary: "Threatening note found in a locker" },
      }),
      201,
    );
    expectProblem(
      await call(u(d), { method: "GET", url: `/api/v1/schools/schools/${school()}/behavior-reports` }),
      400,
      "header.stateline-purpose",
    );
    const r = json(
      await call(u(d), {
        method: "GET",
        url: `/api/v1/schools/schools/${school()}/behavior-reports`,
        headers: PURPOSE,
      }),
    );
    assert.equal(r.items.length, 1);
    const p = expectProblem(
      await call(parent, {
        method: "GET",
        url: `/api/v1/schools/schools/${school()}/behavior-reports`,
        headers: PURPOSE,
      }),
      403,
    );
    assert.match(p.detail, /parents and guardians/);
    expectProblem(
      await call(parent, {
        method: "POST",
        url: `/api/v1/schools/schools/${school()}/behavior-reports`,
        payload: { reportedOn: "2014-07-01", summary: "something" },
      }),
      403,
    );
    expectProblem(
      await call("school_safety_staff", {
        method: "GET",
        url: `/api/v1/schools/schools/${school()}/behavior-reports`,
        headers: PURPOSE,
      }),
      403,
    );
    const audit = await env.services.db.query(
      "SELECT outcome, actor_id::text FROM audit_log WHERE action = 'schools.behavior.read' ORDER BY seq",
    );
    assert.deepEqual(
      audit.map((a) => a.outcome),
      ["success", "denied", "denied"],
    );
    // The parent sees the school (committee, plans) but not even the count of reports.
    const s = json(await call(parent, { method: "GET", url: `/api/v1/schools/schools/${school()}` }));
    assert.equal(s.behaviorReports, null);
  });
});

describe("plans, drills, assessments and what is missing", () => {
  test("plan for 2014-15 due 2015-06-30: due on that day, late the day after; filing clears it", async () => {
    const on = (x: string) => dutiesAsOf(env.services.db, x as PlainDate, { districtId: d.id });
    const item = (list: Awaited<ReturnType<typeof on>>, key: string) => list.find((x) => x.item === key);
    assert.equal(item(await on("2014-06-30"), "safety-plan:2014-15"), undefined);
    assert.equal(item(await on("2015-06-30"), "safety-plan:2014-15")?.state, "due");
    assert.equal(item(await on("2015-07-01"), "safety-plan:2014-15")?.state, "late");
    assert.equal(item(await on("2015-07-01"), "drill-report:fire:2014-15")?.state, "late");
    assert.equal(item(await on("2015-07-01"), "assessment:2015-06-30")?.state, "late");
    expectStatus(
      await call(u(d), {
        method: "POST",
        url: `/api/v1/schools/schools/${school()}/plans`,
        payload: { schoolYear: "2014-15", summary: "All-hazards plan" },
      }),
      201,
    );
    assert.equal(item(await on("2015-07-01"), "safety-plan:2014-15")?.state, "done");
    // A drill report without the police and fire evaluation does not count.
    await call(u(d), {
      method: "POST",
      url: `/api/v1/schools/schools/${school()}/drills`,
      payload: {
        schoolYear: "2014-15",
        kind: "fire",
        drilledOn: "2014-07-01",
        evaluatedByPolice: true,
        evaluatedByFire: false,
      },
    });
    assert.equal(item(await on("2015-07-01"), "drill-report:fire:2014-15")?.state, "late");
    await call(u(d), {
      method: "POST",
      url: `/api/v1/schools/schools/${school()}/drills`,
      payload: {
        schoolYear: "2014-15",
        kind: "fire",
        drilledOn: "2014-07-01",
        evaluatedByPolice: true,
        evaluatedByFire: true,
      },
    });
    assert.equal(item(await on("2015-07-01"), "drill-report:fire:2014-15")?.state, "done");
    expectProblem(
      await call(u(d), {
        method: "POST",
        url: `/api/v1/schools/schools/${school()}/drills`,
        payload: {
          schoolYear: "2014-15",
          kind: "fire",
          drilledOn: "2015-07-01",
          evaluatedByPolice: true,
          evaluatedByFire: true,
        },
      }),
      400,
      "drilledOn",
    );
    expectProblem(
      await call(u(d), {
        method: "POST",
        url: `/api/v1/schools/schools/${school()}/plans`,
        payload: { schoolYear: "2014-16" },
      }),
      400,
      "schoolYear",
    );
    // Biennial assessment: assessed 2014-07-01, next due 2016-07-01.
    await svc.recordAssessment(d.ctx(), school(), {
      assessedOn: "2014-07-01" as PlainDate,
      supervisedByLocalPolice: true,
      usedSafeSchoolsChecklist: true,
      entranceSecurity: "full",
    });
    assert.equal(item(await on("2016-07-01"), "assessment:2016-07-01")?.state, "due");
    assert.equal(item(await on("2016-07-02"), "assessment:2016-07-01")?.state, "late");
  });
  test("DESPP sees every district's missing items; a district only its own", async () => {
    const all = json(
      await call("school_safety_staff", { method: "GET", url: "/api/v1/schools/missing?on=2015-07-01" }),
    );
    assert.ok(all.items.some((x: any) => x.entityName.includes("Fairfield Ludlowe")));
    assert.ok(all.items.some((x: any) => x.entityName.includes("Ansonia High School")));
    const mine = json(await call(u(other), { method: "GET", url: "/api/v1/schools/missing?on=2015-07-01" }));
    assert.ok(mine.items.length > 0 && mine.items.every((x: any) => x.entityName.includes("Fairfield")));
    expectProblem(await call("dealer", { method: "GET", url: "/api/v1/schools/missing" }), 403);
    expectProblem(
      await call("school_safety_staff", { method: "GET", url: "/api/v1/schools/missing?on=2015-02-30" }),
      400,
      "query.on",
    );
  });
});

describe("reminders (jobs) at their boundaries", () => {
  test("31 days before a due date: nothing; 30 days before: a reminder, once; on the day: no lateness; the day after: a lateness notice, once", async () => {
    const dd = await district(env, { town: "Derby", rank: 160, schools: ["Derby High School"] });
    const key = `schools:%:${dd.schools[0]!.id}:safety-plan:2014-15:%`;
    await sendReminders(state(env), "2015-05-30" as PlainDate);
    assert.equal((await outbox(key)).length, 0);
    await sendReminders(state(env), "2015-05-31" as PlainDate);
    assert.equal((await outbox(key)).length, 1);
    await sendReminders(state(env), "2015-06-01" as PlainDate);
    await sendReminders(state(env), "2015-06-30" as PlainDate);
    assert.equal((await outbox(key)).length, 1);
    await sendReminders(state(env), "2015-07-01" as PlainDate);
    const sent = await outbox(key);
    assert.equal(sent.length, 2);
    assert.match(sent[1]!.subject, /^Late/);
    assert.match(sent[0]!.recipient, /^district\d+@example.test$/);
    await sendReminders(state(env), "2015-07-02" as PlainDate);
    assert.equal((await outbox(key)).length, 2);
  });
  test("the daily job runs the reminders", async () => {
    env.clock.set("2015-07-01" as PlainDate);
    const r = await runDueJobs(env.services, schoolsModule.jobs!);
    assert.ok(JSON.stringify(r).length > 0);
    const late = await env.services.db.query("SELECT count(*)::int AS n FROM outbox WHERE template = 'schools-late'");
    assert.ok(late[0]!.n > 0);
    env.clock.set("2014-07-01" as PlainDate);
  });
});

describe("mental health first aid training (§ 90)", () => {
  test("2014-15 coordinators must complete it; nobody twice; 2015-16 only those who have not; later years not", async () => {
    const a = json(
      await call(u(d), {
        method: "POST",
        url: `/api/v1/schools/districts/${d.id}/coordinators`,
        payload: { name: "Casey Coordinator", schoolYear: "2014-15", appointedOn: "2014-07-01" },
      }),
    ).coordinator;
    const b = json(
      await call(u(d), {
        method: "POST",
        url: `/api/v1/schools/districts/${d.id}/coordinators`,
        payload: { name: "Jordan Newcomer", schoolYear: "2015-16", appointedOn: "2014-07-01" },
      }),
    ).coordinator;
    const c = json(
      await call(u(d), {
        method: "POST",
        url: `/api/v1/schools/districts/${d.id}/coordinators`,
        payload: { name: "Riley Later", schoolYear: "2016-17", appointedOn: "2014-07-01" },
      }),
    ).coordinator;
    const must = async (on: string) =>
      (await dutiesAsOf(env.services.db, on as PlainDate, { districtId: d.id }))
        .filter((x) => x.item.startsWith("mhfa:"))
        .map((x) => `${x.entityName.split(" (")[0]} ${x.item} ${x.state}`);
    assert.deepEqual(await must("2015-06-30"), [
      "Casey Coordinator mhfa:2014-15 due",
      "Jordan Newcomer mhfa:2015-16 due",
    ]);
    assert.deepEqual(await must("2015-07-01"), [
      "Casey Coordinator mhfa:2014-15 late",
      "Jordan Newcomer mhfa:2015-16 due",
    ]);
    expectStatus(
      await call(u(d), {
        method: "POST",
        url: `/api/v1/schools/coordinators/${a.id}/training`,
        payload: { completedOn: "2014-07-01", provider: "DMHAS" },
      }),
      201,
    );
    expectProblem(
      await call(u(d), {
        method: "POST",
        url: `/api/v1/schools/coordinators/${a.id}/training`,
        payload: { completedOn: "2014-07-01", provider: "DMHAS" },
      }),
      409,
    );
    // Casey serves again in 2015-16: already trained, not listed.
    expectStatus(
      await call(u(d), {
        method: "POST",
        url: `/api/v1/schools/coordinators/${a.id}/appointments`,
        payload: { schoolYear: "2015-16", appointedOn: "2014-07-01" },
      }),
      201,
    );
    assert.deepEqual(await must("2015-07-01"), ["Jordan Newcomer mhfa:2015-16 due"]);
    assert.ok(c.id);
    expectProblem(
      await call(u(other), {
        method: "POST",
        url: `/api/v1/schools/coordinators/${b.id}/training`,
        payload: { completedOn: "2014-07-01", provider: "DMHAS" },
      }),
      403,
    );
    const list = json(await call("school_safety_staff", { method: "GET", url: "/api/v1/schools/coordinators" }));
    assert.equal(list.items.length, 3);
    assert.equal(json(await call(u(other), { method: "GET", url: "/api/v1/schools/coordinators" })).items.length, 0);
  });
});
