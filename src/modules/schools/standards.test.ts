/** Standards as dated versions (§§ 80, 86) and DCS's construction review on both sides of 2014-07-01 (§§ 81-82). */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectProblem, expectStatus, json, type Call } from "../../../test/api/support.ts";
import { district, type TestDistrict } from "./testkit.ts";

let env: TestEnv;
let call: Call;
let d: TestDistrict;
before(async () => {
  env = await createTestEnv({ today: "2014-09-01" });
  call = caller(env);
  d = await district(env, { town: "Ansonia", rank: 163 });
});
after(async () => {
  await env.close();
});

test("standards versions: numbered, topics checked, the next due date each January 1", async () => {
  const a = json(
    await call("school_safety_staff", {
      method: "POST",
      url: "/api/v1/schools/standards",
      payload: {
        kind: "ssic-infrastructure",
        title: "School Safety Infrastructure Standards 2014",
        submittedOn: "2014-01-01",
        topics: ["entryways", "cameras", "vestibules"],
      },
    }),
  );
  assert.equal(a.standards.version, 1);
  assert.deepEqual(a.standards.missingTopics, ["other-improvements"]);
  expectProblem(
    await call("school_safety_staff", {
      method: "POST",
      url: "/api/v1/schools/standards",
      payload: { kind: "ssic-infrastructure", title: "x standards", submittedOn: "2014-01-01", topics: ["moats"] },
    }),
    400,
    "topics",
  );
  expectProblem(
    await call("district_staff", {
      method: "POST",
      url: "/api/v1/schools/standards",
      payload: { kind: "ssic-infrastructure", title: "x standards", submittedOn: "2014-01-01", topics: [] },
    }),
    403,
  );
  const list = json(await call("district_staff", { method: "GET", url: "/api/v1/schools/standards" }));
  assert.equal(list.items.length, 1);
  assert.equal(list.nextDue["ssic-infrastructure"], "2015-01-01");
});

test("construction review: before 2014-07-01 DCS may not disapprove for the standards; from that day a non-compliant application may be", async () => {
  const body = {
    districtId: d.id,
    project: "Ansonia High School addition",
    compliesWithStandards: false,
    reason: "entrances lack vestibules",
  };
  expectProblem(
    await call("school_safety_staff", {
      method: "POST",
      url: "/api/v1/schools/construction-reviews",
      payload: { ...body, reviewedOn: "2014-06-30", decision: "disapproved" },
    }),
    409,
    "decision",
  );
  const ok = json(
    await call("school_safety_staff", {
      method: "POST",
      url: "/api/v1/schools/construction-reviews",
      payload: { ...body, reviewedOn: "2014-07-01", decision: "disapproved" },
    }),
  );
  assert.equal(ok.review.rulebook.result.mayDisapprove, true);
  assert.equal(ok.review.rulebook.findings[0].source.section, "§§ 81-82");
  expectProblem(
    await call("school_safety_staff", {
      method: "POST",
      url: "/api/v1/schools/construction-reviews",
      payload: { ...body, compliesWithStandards: true, reviewedOn: "2014-07-01", decision: "disapproved" },
    }),
    409,
  );
  expectStatus(
    await call("school_safety_staff", {
      method: "POST",
      url: "/api/v1/schools/construction-reviews",
      payload: { ...body, compliesWithStandards: true, decision: "approved", reason: "complies" },
    }),
    201,
  );
  const mine = json(
    await call({ username: d.user.username }, { method: "GET", url: "/api/v1/schools/construction-reviews" }),
  );
  assert.equal(mine.items.length, 2);
  expectProblem(await call("dealer", { method: "GET", url: "/api/v1/schools/construction-reviews" }), 403);
});
