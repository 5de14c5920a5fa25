/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * The school security consultant registry (§ 91): applications, DESPP's approval, the public
 * list and CSV without contact details, the annual renewal notice and lapse. Campuses (§ 92):
 * protocol plans and biennial revisions by their dates, threat assessment teams, lateness.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, PASSWORD, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectProblem, expectStatus, json, type Call } from "../../../test/api/support.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { createUser } from "../auth/index.ts";
import * as svc from "./service.ts";
import { dutiesAsOf, sendReminders } from "./duties.ts";
import { state } from "./testkit.ts";

let env: TestEnv;
let call: Call;
const CONSULTANT = {
  name: "Alex Guard",
  employer: "Safe Entry LLC",
  town: "Hartford",
  services: "Entrance security assessments",
  email: "alex@safe-entry.example",
  phone: "860-555-0100",
};

before(async () => {
  env = await createTestEnv({ today: "2024-03-01" });
  call = caller(env);
});
after(async () => {
  await env.close();
});

describe("consultant registry (§ 91)", () => {
  test("an application is not published until DESPP approves; the public sees no e-mail or telephone", async () => {
    const res = await call(null, { method: "POST", url: "/api/v1/schools/consultants", payload: CONSULTANT });
    expectStatus(res, 201);
    const id = json(res).consultant.id;
    assert.equal(json(await call(null, { method: "GET", url: "/api/v1/schools/consultants" })).items.length, 0);
    expectProblem(
      await call("district_staff", { method: "POST", url: `/api/v1/schools/consultants/${id}/approve` }),
      403,
    );
    expectProblem(await call(null, { method: "GET", url: "/api/v1/schools/consultants/all" }), 401);
    expectStatus(
      await call("school_safety_staff", { method: "POST", url: `/api/v1/schools/consultants/${id}/approve` }),
      200,
    );
    const pub = await call(null, { method: "GET", url: "/api/v1/schools/consultants" });
    const items = json(pub).items;
    assert.equal(items.length, 1);
    assert.deepEqual(Object.keys(items[0]).sort(), [
      "currentUntil",
      "employer",
      "name",
      "registeredOn",
      "services",
      "town",
    ]);
    assert.ok(!pub.body.includes("alex@") && !pub.body.includes("555"));
    const csv = await call(null, { method: "GET", url: "/schools/consultants.csv" });
    expectStatus(csv, 200);
    assert.match(String(csv.headers["content-type"]), /text\/csv/);
    assert.equal(csv.body.split("\r\n")[0], "name,employer,town,services,registered_on,current_until");
    assert.ok(csv.body.includes("Alex Guard,Safe Entry LLC,Hartford"));
    assert.ok(!csv.body.includes("alex@") && !csv.body.includes("555"));
    const staff = json(await call("school_safety_staff", { method: "GET", url: "/api/v1/schools/consultants/all" }));
    assert.equal(staff.items[0].email, "alex@safe-entry.example");
    expectProblem(
      await call(null, {
        method: "POST",
        url: "/api/v1/schools/consultants",
        payload: { ...CONSULTANT, email: "nope" },
      }),
      400,
      "email",
    );
    expectProblem(
      await call(null, { method: "POST", url: "/api/v1/schools/consultants", payload: { ...CONSULTANT, extra: 1 } }),
      400,
      "extra",
    );
  });
  test("renewal notice from 30 days before the anniversary, once; lapsed the day after; renewal republishes", async () => {
    const c = await svc.registerConsultant(state(env), {
      ...CONSULTANT,
      name: "Sam Shield",
      email: "sam@shield.example",
    });
    const notices = async () =>
      (
        await env.services.db.query("SELECT count(*)::int AS n FROM outbox WHERE dedupe_key LIKE $1", [
          `schools:consultant-renewal:${c.id}:%`,
        ])
      )[0]!.n;
    await sendReminders(state(env), "2025-01-29" as PlainDate); // 31 days before 2025-03-01
    assert.equal(await notices(), 0);
    await sendReminders(state(env), "2025-01-30" as PlainDate);
    assert.equal(await notices(), 1);
    await sendReminders(state(env), "2025-02-15" as PlainDate);
    assert.equal(await notices(), 1);
    const names = async (on: string) =>
      (await svc.publicRegistry({ db: env.services.db, today: on as PlainDate })).map((x) => x.name);
    assert.ok((await names("2025-03-01")).includes("Sam Shield"));
    assert.ok(!(await names("2025-03-02")).includes("Sam Shield"));
    env.clock.set("2025-03-02" as PlainDate);
    expectStatus(
      await call("school_safety_staff", { method: "POST", url: `/api/v1/schools/consultants/${c.id}/renew` }),
      200,
    );
    assert.ok((await names("2025-03-02")).includes("Sam Shield"));
    env.clock.set("2024-03-01" as PlainDate);
  });
});

describe("campuses (§ 92)", () => {
  let campusId: string;
  let staff: { username: string };
  before(async () => {
    const c = await svc.createCampus(state(env), {
      institution: "University of Connecticut",
      name: "Storrs",
      town: "Mansfield",
      system: "uconn",
      contactEmail: "police@uconn.example",
    });
    campusId = c.id;
    const u = await createUser(env.services.db, {
      username: "campus-storrs",
      displayName: "Storrs staff",
      role: "campus_staff",
      password: PASSWORD,
      passwordCost: 10,
    });
    await svc.linkMember(state(env), { userId: u.id, campusId, parentOrGuardian: false });
    staff = { username: u.username };
  });
  const item = async (on: string, key: string) =>
    (await dutiesAsOf(env.services.db, on as PlainDate, { campusId })).find((x) => x.item === key);

  test("the initial plan (2013-10-01) and each revision (August 1 of 2015, 2017, ...) are late the day after", async () => {
    assert.equal((await item("2013-10-01", "protocol-plan:initial"))?.state, "due");
    assert.equal((await item("2013-10-02", "protocol-plan:initial"))?.state, "late");
    assert.equal(await item("2014-12-31", "protocol-plan:revision-2015"), undefined);
    assert.equal((await item("2015-08-01", "protocol-plan:revision-2015"))?.state, "due");
    assert.equal((await item("2015-08-02", "protocol-plan:revision-2015"))?.state, "late");
    expectStatus(
      await call(staff, {
        method: "POST",
        url: `/api/v1/schools/campuses/${campusId}/protocol-plans`,
        payload: {
          kind: "revision",
          cycleYear: 2017,
          submittedOn: "2017-07-15",
          reviewedWithPoliceChief: true,
          chiefName: "Chief Hans Rhynhart",
        },
      }),
      201,
    );
    assert.equal((await item("2017-08-02", "protocol-plan:revision-2017"))?.state, "done");
    expectProblem(
      await call(staff, {
        method: "POST",
        url: `/api/v1/schools/campuses/${campusId}/protocol-plans`,
        payload: { kind: "revision", cycleYear: 2016, reviewedWithPoliceChief: true },
      }),
      400,
      "cycleYear",
    );
    // A revision not reviewed with the chief does not count.
    await call(staff, {
      method: "POST",
      url: `/api/v1/schools/campuses/${campusId}/protocol-plans`,
      payload: { kind: "revision", cycleYear: 2019, submittedOn: "2019-07-01", reviewedWithPoliceChief: false },
    });
    assert.equal((await item("2019-08-02", "protocol-plan:revision-2019"))?.state, "late");
  });
  test("the threat assessment team: required from 2014-01-01, every seat and trained", async () => {
    assert.equal((await item("2013-12-31", "threat-assessment-team"))?.state, "due");
    assert.equal((await item("2014-01-02", "threat-assessment-team"))?.state, "late");
    for (const seat of ["campus-police-or-security", "administration", "faculty", "senior-staff"]) {
      expectStatus(
        await call(staff, {
          method: "POST",
          url: `/api/v1/schools/campuses/${campusId}/team`,
          payload: { name: `Member ${seat}`, seat, trained: true, joinedOn: "2014-01-01" },
        }),
        201,
      );
    }
    const c = json(await call(staff, { method: "GET", url: `/api/v1/schools/campuses/${campusId}` }));
    assert.deepEqual(c.team.missingSeats, ["mid-level-staff"]);
    await call(staff, {
      method: "POST",
      url: `/api/v1/schools/campuses/${campusId}/team`,
      payload: { name: "Mid Level", seat: "mid-level-staff", trained: true, joinedOn: "2014-01-01" },
    });
    assert.equal((await item("2024-03-01", "threat-assessment-team"))?.state, "done");
  });
  test("access: campus staff see only their campus; DESPP sees who is late", async () => {
    const other = await svc.createCampus(state(env), {
      institution: "Yale University",
      name: "New Haven",
      town: "New Haven",
      system: "independent",
    });
    expectProblem(await call(staff, { method: "GET", url: `/api/v1/schools/campuses/${other.id}` }), 403);
    expectProblem(
      await call(staff, {
        method: "POST",
        url: `/api/v1/schools/campuses/${other.id}/team`,
        payload: { name: "X Y", seat: "faculty", trained: true, joinedOn: "2014-01-01" },
      }),
      403,
    );
    expectProblem(await call("district_staff", { method: "GET", url: `/api/v1/schools/campuses/${campusId}` }), 403);
    const late = json(await call("school_safety_staff", { method: "GET", url: "/api/v1/schools/missing" })).items;
    assert.ok(late.some((x: any) => x.entityName.startsWith("Yale University") && x.state === "late"));
    const mine = json(await call(staff, { method: "GET", url: "/api/v1/schools/missing" })).items;
    assert.ok(mine.every((x: any) => x.entityName.startsWith("University of Connecticut")));
  });
});
