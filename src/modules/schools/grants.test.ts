/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * Security infrastructure grants (PA 13-3 §§ 84-85): the rate at both ends of the wealth
 * ranking, a regional district, full funding, a short round where priority decides, ties,
 * a withdrawal re-run, review, claims and payments, uploads, and who may do what.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectProblem, expectStatus, json, type Call } from "../../../test/api/support.ts";
import * as svc from "./service.ts";
import { apply, approve, assessment, district, round, state, type TestDistrict } from "./testkit.ts";

let env: TestEnv;
let call: Call;
let rich: TestDistrict, poor: TestDistrict, mid: TestDistrict;

before(async () => {
  env = await createTestEnv({ today: "2014-03-03" });
  call = caller(env);
  rich = await district(env, { town: "Greenwich", rank: 1, schools: ["Central Middle School", "North Street School"] });
  poor = await district(env, { town: "New Britain", rank: 169, schools: ["Slade Middle School"] });
  mid = await district(env, { town: "Fairfield", rank: 19, schools: ["Tomlinson Middle School"] });
});
after(async () => {
  await env.close();
});

const u = (d: TestDistrict) => ({ username: d.user.username });

describe("access and input", () => {
  test("401 without sign-in, 403 for other roles, 400 naming the field", async () => {
    expectProblem(await call(null, { method: "GET", url: "/api/v1/schools/grant-rounds" }), 401);
    expectProblem(
      await call("dealer", { method: "GET", url: "/api/v1/schools/grant-rounds/00000000-0000-0000-0000-000000000000" }),
      403,
    );
    expectProblem(
      await call("district_staff", {
        method: "POST",
        url: "/api/v1/schools/grant-rounds",
        payload: { name: "x round", budget: 1, opensOn: "2014-01-01", closesOn: "2014-12-31" },
      }),
      403,
    );
    expectProblem(
      await call("school_safety_staff", {
        method: "POST",
        url: "/api/v1/schools/grant-rounds",
        payload: { name: "bad round", budget: 1, opensOn: "2014-02-30", closesOn: "2014-12-31" },
      }),
      400,
      "opensOn",
    );
    expectProblem(
      await call("school_safety_staff", {
        method: "POST",
        url: "/api/v1/schools/grant-rounds",
        payload: { name: "big round", budget: 15_000_001, opensOn: "2014-01-01", closesOn: "2014-12-31" },
      }),
      400,
      "budget",
    );
    expectProblem(
      await call(u(rich), { method: "POST", url: "/api/v1/schools/grant-applications", payload: { roundId: "nope" } }),
      400,
      "roundId",
    );
  });
  test("a district user not linked to a district cannot apply; another district's application is refused", async () => {
    const r = await round(env, 1_000_000);
    const v = await apply(rich, r.id, 1000);
    expectProblem(
      await call("district_staff", { method: "GET", url: `/api/v1/schools/grant-applications/${v.application.id}` }),
      403,
    );
    expectProblem(
      await call(u(poor), { method: "GET", url: `/api/v1/schools/grant-applications/${v.application.id}` }),
      403,
    );
    expectStatus(
      await call(u(rich), { method: "GET", url: `/api/v1/schools/grant-applications/${v.application.id}` }),
      200,
    );
    expectStatus(
      await call("school_safety_staff", {
        method: "GET",
        url: `/api/v1/schools/grant-applications/${v.application.id}`,
      }),
      200,
    );
    const list = json(await call(u(poor), { method: "GET", url: "/api/v1/schools/grant-applications" }));
    assert.ok(!list.items.some((a: any) => a.id === v.application.id));
  });
  test("after the modelled program years the rulebook cannot answer: the application is kept for a person to decide", async () => {
    const r = await svc.createRound(state(env), {
      name: "A later round",
      budget: 1_000,
      opensOn: "2014-03-03" as never,
      closesOn: "2016-12-31" as never,
    });
    env.clock.set("2016-01-04" as never);
    try {
      const a0 = await assessment(mid);
      const v = await svc.submitApplication(mid.ctx(), {
        roundId: r.id,
        emergencyPlanWithFirstResponders: true,
        planPracticed: true,
        schools: [
          {
            schoolId: mid.schools[0]!.id,
            assessmentId: a0.id,
            expenses: [
              { category: "panic-alarms", description: "Panic alarms", amount: 100, incurredOn: "2015-10-01" as never },
            ],
          },
        ],
      });
      assert.equal(v.application.decision.outcome, "unknown");
      assert.equal(v.application.status, "submitted");
    } finally {
      env.clock.set("2014-03-03" as never);
    }
  });
  test("the bond authorization bounds all rounds together", async () => {
    const used = await env.services.db.query<{ n: number }>(
      "SELECT coalesce(sum(budget_cents),0)::bigint AS n FROM grant_rounds",
    );
    const left = (15_000_000_00 - used[0]!.n) / 100;
    await assert.rejects(
      svc.createRound(state(env), {
        name: "too much",
        budget: left + 1,
        opensOn: "2014-03-03" as never,
        closesOn: "2014-12-31" as never,
      }),
      /15 million/,
    );
  });
});

describe("rate", () => {
  test("20 % for the wealthiest town, 80 % for the least wealthy, 26.43 % for Fairfield (rank 19)", async () => {
    const r = await round(env, 100_000);
    assert.equal((await apply(rich, r.id, 1000)).application.ratePercent, 20);
    assert.equal((await apply(poor, r.id, 1000)).application.ratePercent, 80);
    assert.equal((await apply(mid, r.id, 1000)).application.ratePercent, 26.43);
  });
  test("a regional district: member towns weighted by pupils (QUESTION(legal))", async () => {
    const reg = await district(env, {
      town: "Andover",
      regional: [
        { town: "Andover", rank: 60, pupils: 300 },
        { town: "Hebron", rank: 40, pupils: 100 },
        { town: "Marlborough", rank: 30, pupils: 100 },
      ],
    });
    const r = await round(env, 100_000);
    const v = await apply(reg, r.id, 1000);
    // (300 x 41.07 + 100 x 33.93 + 100 x 30.36) / 500
    assert.equal(v.application.ratePercent, 37.5);
    assert.match(v.application.rateBecause, /weighted|regional district/);
  });
  test("no rank recorded: the application is refused with the reason (state staff must record it)", async () => {
    const st = state(env);
    const d = await svc.createDistrict(st, {
      code: "NORANK",
      name: "Bolton Public Schools",
      kind: "local",
      towns: [{ town: "Bolton", pupils: 0 }],
    });
    assert.equal(svc.rateOf(d).rate, null);
  });
});

describe("allocation", () => {
  test("full funding: every approved school gets its full percentage", async () => {
    const r = await round(env, 10_000);
    const a = await apply(poor, r.id, 5000); // 80 %: 4,000
    const b = await apply(rich, r.id, 10000); // 20 %: 2,000
    await approve(env, a.application.id);
    await approve(env, b.application.id);
    const res = json(
      await call("school_safety_staff", {
        method: "POST",
        url: `/api/v1/schools/grant-rounds/${r.id}/allocate`,
        payload: {},
      }),
    );
    assert.equal(res.allocation.fullyFunded, true);
    assert.deepEqual(res.allocation.lines.map((l: any) => l.awarded).sort(), [2000, 4000]);
    const mine = json(
      await call(u(poor), { method: "GET", url: `/api/v1/schools/grant-applications/${a.application.id}` }),
    );
    assert.equal(mine.application.award, 4000);
    // The district sees only its own lines of the round.
    const seen = json(await call(u(poor), { method: "GET", url: `/api/v1/schools/grant-rounds/${r.id}` }));
    assert.equal(seen.allocation.lines.length, 1);
    assert.equal(seen.allocation.lines[0].districtName, "New Britain Public Schools");
  });

  test("a short round: no entrance security first, then priority school districts; withdrawal re-runs", async () => {
    const r = await round(env, 5_000);
    const nb = await district(env, { town: "New Haven", rank: 150, schools: ["Wilbur Cross"] }); // a priority school district
    assert.equal((await svc.getDistrict(state(env), nb.id)).district.priorityDistrict, true);
    const noEntrance = await apply(rich, r.id, 10_000, { entrance: "none" }); // 20 %: 2,000, tier 1
    const prio = await apply(nb, r.id, 4_000, { entrance: "partial" }); // rate of rank 150: 73.21 %: 2,928.40, tier 2
    const other = await apply(mid, r.id, 10_000, { entrance: "partial" }); // 26.43 %: 2,643, tier 3
    for (const v of [noEntrance, prio, other]) await approve(env, v.application.id);
    const alloc = await svc.runAllocation(state(env), r.id, { reason: "first run" });
    const by = Object.fromEntries(alloc.lines.map((l) => [l.applicationId, l]));
    assert.equal(alloc.fullyFunded, false);
    assert.equal(by[noEntrance.application.id]!.awardedCents, 2000_00);
    assert.equal(by[noEntrance.application.id]!.tier, 1);
    assert.equal(by[prio.application.id]!.awardedCents, 2928_40);
    assert.equal(by[prio.application.id]!.tier, 2);
    assert.equal(by[other.application.id]!.awardedCents, 71_60); // what is left: 5,000 - 2,000 - 2,928.40
    assert.match(by[other.application.id]!.because, /pro rata|left/);
    // Withdrawal of the tier-2 applicant re-runs the allocation: tier 3 now gets its full percentage.
    const w = json(
      await call(u(nb), {
        method: "POST",
        url: `/api/v1/schools/grant-applications/${prio.application.id}/withdraw`,
        payload: { reason: "project cancelled by the board" },
      }),
    );
    assert.equal(w.application.status, "withdrawn");
    const after = json(
      await call("school_safety_staff", { method: "GET", url: `/api/v1/schools/grant-rounds/${r.id}` }),
    );
    assert.equal(after.allocation.runNo, 2);
    assert.match(after.allocation.reason, /withdrew/);
    const lines = Object.fromEntries(after.allocation.lines.map((l: any) => [l.applicationId, l.awarded]));
    assert.equal(lines[other.application.id], 2643);
    assert.equal(lines[prio.application.id], undefined);
    assert.equal(after.runs.length, 2);
  });

  test("ties: schools of equal priority share what is left pro rata, not by filing order", async () => {
    const r = await round(env, 1_000);
    const a = await apply(poor, r.id, 1_000, { entrance: "none" }); // 80 %: 800
    const b = await apply(mid, r.id, 3_026.86, { entrance: "none" }); // 26.43 %: 800.00
    for (const v of [a, b]) await approve(env, v.application.id);
    const alloc = await svc.runAllocation(state(env), r.id, { reason: "tie" });
    assert.deepEqual(
      alloc.lines.map((l) => l.awardedCents),
      [500_00, 500_00],
    );
    assert.ok(alloc.lines.every((l) => l.tier === 1));
  });

  test("the state's finding of need decides: not most in need goes last", async () => {
    const r = await round(env, 1_000);
    const a = await apply(poor, r.id, 1_000, { entrance: "partial" }); // 800
    const b = await apply(mid, r.id, 3_026.86, { entrance: "partial" }); // 800
    await approve(env, a.application.id, { [poor.schools[0]!.id]: false });
    await approve(env, b.application.id);
    const alloc = await svc.runAllocation(state(env), r.id, { reason: "need" });
    const by = Object.fromEntries(alloc.lines.map((l) => [l.applicationId, l]));
    assert.equal(by[b.application.id]!.awardedCents, 800_00);
    assert.equal(by[a.application.id]!.awardedCents, 200_00);
    assert.equal(by[a.application.id]!.tier, 4);
  });
});

describe("review, claims and payments", () => {
  test("denial needs a reason; an ineligible application cannot be approved", async () => {
    const r = await round(env, 10_000);
    const a0 = await assessment(mid, 0, { supervisedByLocalPolice: false });
    const v = await svc.submitApplication(mid.ctx(), {
      roundId: r.id,
      emergencyPlanWithFirstResponders: true,
      planPracticed: true,
      schools: [
        {
          schoolId: mid.schools[0]!.id,
          assessmentId: a0.id,
          expenses: [
            {
              category: "ballistic-glass",
              description: "Front office glass",
              amount: 500,
              incurredOn: "2013-10-01" as never,
            },
          ],
        },
      ],
    });
    assert.equal(v.application.decision.outcome, "no");
    expectProblem(
      await call("school_safety_staff", {
        method: "POST",
        url: `/api/v1/schools/grant-applications/${v.application.id}/review`,
        payload: { decision: "approve", reason: "looks fine" },
      }),
      409,
    );
    expectProblem(
      await call("school_safety_staff", {
        method: "POST",
        url: `/api/v1/schools/grant-applications/${v.application.id}/review`,
        payload: { decision: "deny" },
      }),
      400,
      "reason",
    );
    const d = json(
      await call("school_safety_staff", {
        method: "POST",
        url: `/api/v1/schools/grant-applications/${v.application.id}/review`,
        payload: { decision: "deny", reason: "the assessment was not supervised by the local police" },
      }),
    );
    assert.equal(d.application.status, "denied");
    assert.equal(d.application.decisionReason, "the assessment was not supervised by the local police");
    assert.deepEqual(d.application.next, []);
    // District sees the status and the reason.
    const seen = json(
      await call(u(mid), { method: "GET", url: `/api/v1/schools/grant-applications/${v.application.id}` }),
    );
    assert.equal(seen.application.status, "denied");
  });
  test("expenses on or before 2013-04-04 are refused, naming the line", async () => {
    const r = await round(env, 10_000);
    const a0 = await assessment(mid);
    const res = await call(u(mid), {
      method: "POST",
      url: "/api/v1/schools/grant-applications",
      payload: {
        roundId: r.id,
        emergencyPlanWithFirstResponders: true,
        planPracticed: true,
        schools: [
          {
            schoolId: mid.schools[0]!.id,
            assessmentId: a0.id,
            expenses: [{ category: "ballistic-glass", description: "glass", amount: 10, incurredOn: "2013-04-04" }],
          },
        ],
      },
    });
    expectProblem(res, 400, "schools.0.expenses.0.incurredOn");
  });
  test("claims up to the award, payments up to the claims; idempotent retry stores once", async () => {
    const r = await round(env, 100_000);
    const v = await apply(poor, r.id, 1_000); // 800
    await approve(env, v.application.id);
    expectProblem(
      await call(u(poor), {
        method: "POST",
        url: `/api/v1/schools/grant-applications/${v.application.id}/payments`,
        payload: { kind: "claim", amount: 100, on: "2014-03-03" },
      }),
      409,
    );
    await svc.runAllocation(state(env), r.id, { reason: "run" });
    const key = { "idempotency-key": "claim-key-0001" };
    const c1 = await call(u(poor), {
      method: "POST",
      url: `/api/v1/schools/grant-applications/${v.application.id}/payments`,
      payload: { kind: "claim", amount: 600, on: "2014-03-03" },
      headers: key,
    });
    expectStatus(c1, 201);
    const c2 = await call(u(poor), {
      method: "POST",
      url: `/api/v1/schools/grant-applications/${v.application.id}/payments`,
      payload: { kind: "claim", amount: 600, on: "2014-03-03" },
      headers: key,
    });
    assert.equal(c2.headers["idempotent-replayed"], "true");
    expectProblem(
      await call(u(poor), {
        method: "POST",
        url: `/api/v1/schools/grant-applications/${v.application.id}/payments`,
        payload: { kind: "claim", amount: 300, on: "2014-03-03" },
      }),
      400,
      "amount",
    );
    expectProblem(
      await call(u(poor), {
        method: "POST",
        url: `/api/v1/schools/grant-applications/${v.application.id}/payments`,
        payload: { kind: "payment", amount: 100, on: "2014-03-03" },
      }),
      403,
    );
    expectProblem(
      await call("school_safety_staff", {
        method: "POST",
        url: `/api/v1/schools/grant-applications/${v.application.id}/payments`,
        payload: { kind: "payment", amount: 700, on: "2014-03-03" },
      }),
      400,
      "amount",
    );
    const p = json(
      await call("school_safety_staff", {
        method: "POST",
        url: `/api/v1/schools/grant-applications/${v.application.id}/payments`,
        payload: { kind: "payment", amount: 600, on: "2014-03-04" },
      }),
    );
    assert.equal(p.application.claimed, 600);
    assert.equal(p.application.paid, 600);
  });
});

describe("uploads", () => {
  const multipart = (fields: Record<string, string>, file?: { name: string; type: string; data: string }) => {
    const b = "----stateline" + Math.random().toString(16).slice(2);
    const parts = Object.entries(fields).map(
      ([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    );
    if (file)
      parts.push(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.data}\r\n`,
      );
    return {
      payload: parts.join("") + `--${b}--\r\n`,
      headers: { "content-type": `multipart/form-data; boundary=${b}` },
    };
  };
  test("an assessment file is uploaded, dated in its assessment, and only its district reads it", async () => {
    const m = multipart(
      { kind: "assessment" },
      { name: "assessment.pdf", type: "application/pdf", data: "%PDF-1.4 checklist" },
    );
    const res = await call(u(rich), { method: "POST", url: "/api/v1/schools/documents", ...m });
    expectStatus(res, 201);
    const doc = json(res).document;
    assert.equal(doc.fileName, "assessment.pdf");
    assert.match(doc.sha256, /^[0-9a-f]{64}$/);
    const a = json(
      await call(u(rich), {
        method: "POST",
        url: `/api/v1/schools/schools/${rich.schools[0]!.id}/assessments`,
        payload: {
          assessedOn: "2014-02-01",
          supervisedByLocalPolice: true,
          usedSafeSchoolsChecklist: true,
          entranceSecurity: "none",
          documentId: doc.id,
        },
      }),
    );
    assert.equal(a.assessment.documentId, doc.id);
    const dl = json(await call(u(rich), { method: "GET", url: `/api/v1/schools/documents/${doc.id}` }));
    assert.equal(Buffer.from(dl.contentBase64, "base64").toString(), "%PDF-1.4 checklist");
    const file = await call(u(rich), {
      method: "GET",
      url: `/schools/documents/${doc.id}`,
      headers: { accept: "text/html" },
    });
    expectStatus(file, 200);
    assert.equal(file.body, "%PDF-1.4 checklist");
    expectProblem(await call(u(poor), { method: "GET", url: `/api/v1/schools/documents/${doc.id}` }), 403);
    expectProblem(
      await call(u(poor), {
        method: "POST",
        url: `/api/v1/schools/schools/${poor.schools[0]!.id}/assessments`,
        payload: {
          assessedOn: "2014-02-01",
          supervisedByLocalPolice: true,
          usedSafeSchoolsChecklist: true,
          entranceSecurity: "none",
          documentId: doc.id,
        },
      }),
      400,
      "documentId",
    );
  });
  test("bad uploads: no file, wrong type, wrong kind", async () => {
    expectProblem(
      await call(u(rich), { method: "POST", url: "/api/v1/schools/documents", ...multipart({ kind: "assessment" }) }),
      400,
      "file",
    );
    expectProblem(
      await call(u(rich), {
        method: "POST",
        url: "/api/v1/schools/documents",
        ...multipart({ kind: "assessment" }, { name: "x.exe", type: "application/x-msdownload", data: "MZ" }),
      }),
      400,
      "file",
    );
    expectProblem(
      await call(u(rich), {
        method: "POST",
        url: "/api/v1/schools/documents",
        ...multipart({ kind: "nope" }, { name: "a.pdf", type: "application/pdf", data: "x" }),
      }),
      400,
      "kind",
    );
    expectProblem(
      await call(u(rich), { method: "POST", url: "/api/v1/schools/documents", payload: { kind: "assessment" } }),
      400,
      "file",
    );
    expectProblem(
      await call("dealer", {
        method: "POST",
        url: "/api/v1/schools/documents",
        ...multipart({ kind: "assessment" }, { name: "a.pdf", type: "application/pdf", data: "x" }),
      }),
      403,
    );
  });
});
