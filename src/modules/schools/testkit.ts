/** Test helpers for the schools module: districts with their own staff users, schools, assessments, rounds. */
import type { TestEnv } from "../../../test/helpers.ts";
import { PASSWORD } from "../../../test/helpers.ts";
import type { Ctx } from "../../context.ts";
import { createUser, type User } from "../auth/index.ts";
import * as svc from "./service.ts";
import type * as S from "./schemas.ts";

let n = 0;
export const state = (env: TestEnv): Ctx => env.ctx("school_safety_staff");
export const as = (env: TestEnv, u: User): Ctx => ({ ...env.ctx("district_staff"), user: u });

export interface TestDistrict {
  id: string;
  name: string;
  user: User;
  ctx: () => Ctx;
  schools: { id: string; name: string }[];
}

/** A local district for a town with a wealth rank, its staff user and schools. */
export async function district(
  env: TestEnv,
  o: {
    town: string;
    rank?: number;
    schools?: string[];
    priority?: boolean;
    email?: string | null;
    regional?: { town: string; rank: number; pupils: number }[];
  },
): Promise<TestDistrict> {
  n += 1;
  const st = state(env);
  const towns = o.regional ?? [{ town: o.town, rank: o.rank ?? 100, pupils: 0 }];
  for (const t of towns) await svc.setWealthRank(st, t.town, { rank: t.rank, source: "test" });
  const input: S.DistrictInput = {
    code: `T${n}`,
    name: o.regional ? `Regional ${n}` : `${o.town} Public Schools`,
    kind: o.regional ? "regional" : "local",
    towns: towns.map((t) => ({ town: t.town, pupils: t.pupils })),
    ...(o.priority !== undefined ? { priorityDistrict: o.priority } : {}),
    ...(o.email === null ? {} : { contactEmail: o.email ?? `district${n}@example.test` }),
  };
  const d = await svc.createDistrict(st, input);
  const user = await createUser(env.services.db, {
    username: `district-${n}`,
    displayName: `District user ${n}`,
    role: "district_staff",
    password: PASSWORD,
    passwordCost: 10,
  });
  await svc.linkMember(st, { userId: user.id, districtId: d.id, parentOrGuardian: false });
  const schools = [];
  for (const name of o.schools ?? ["Central School"])
    schools.push(await svc.addSchool(st, d.id, { name, town: towns[0]!.town }));
  const ctx = () => ({ ...env.ctx("district_staff"), user });
  return { id: d.id, name: d.name, user, ctx, schools: schools.map((s) => ({ id: s.id, name: s.name })) };
}

/** A parent or guardian user of a district. */
export async function parentOf(env: TestEnv, districtId: string): Promise<User> {
  n += 1;
  const user = await createUser(env.services.db, {
    username: `parent-${n}`,
    displayName: `Parent ${n}`,
    role: "district_staff",
    password: PASSWORD,
    passwordCost: 10,
  });
  await svc.linkMember(state(env), { userId: user.id, districtId, parentOrGuardian: true });
  return user;
}

export async function assessment(d: TestDistrict, schoolIdx = 0, o: Partial<S.AssessmentInput> = {}) {
  return svc.recordAssessment(d.ctx(), d.schools[schoolIdx]!.id, {
    assessedOn: d.ctx().today,
    supervisedByLocalPolice: true,
    usedSafeSchoolsChecklist: true,
    entranceSecurity: "partial",
    ...o,
  });
}

export async function round(env: TestEnv, budget: number, name = `Round ${++n}`) {
  const today = env.clock.today();
  return svc.createRound(state(env), { name, budget, opensOn: today, closesOn: "2015-06-30" as typeof today });
}

/** Applies for one school with one expense of `amount` dollars; returns the application view. */
export async function apply(
  d: TestDistrict,
  roundId: string,
  amount: number,
  o: { entrance?: "none" | "partial" | "full"; schoolIdx?: number } = {},
) {
  const a = await assessment(d, o.schoolIdx ?? 0, { entranceSecurity: o.entrance ?? "partial" });
  return svc.submitApplication(d.ctx(), {
    roundId,
    emergencyPlanWithFirstResponders: true,
    planPracticed: true,
    practiceFrequency: "monthly lockdown drills",
    schools: [
      {
        schoolId: d.schools[o.schoolIdx ?? 0]!.id,
        assessmentId: a.id,
        expenses: [
          {
            category: "surveillance-cameras",
            description: "Entrance cameras",
            amount,
            incurredOn: "2013-09-15" as never,
          },
        ],
      },
    ],
  });
}
export const approve = (env: TestEnv, id: string, mostInNeed?: Record<string, boolean>) =>
  svc.reviewApplication(state(env), id, {
    decision: "approve",
    reason: "meets the requirements",
    ...(mostInNeed ? { mostInNeed } : {}),
  });

// ---------------------------------------------------------------- the API access matrix and fuzzer (test/api/route-requests.ts)

interface Req {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}
interface RouteCase {
  allowed: readonly User["role"][] | "all" | "public";
  request(role: User["role"] | null): Promise<Req>;
}

/**
 * One valid request per schools API route and who may make it. The test users `district-staff`
 * and `campus-staff` are linked to a fixture district and campus on first use.
 */
export function schoolRouteCases(env: TestEnv): Record<string, RouteCase> {
  const STATE = ["school_safety_staff"] as const;
  const DISTRICT = ["district_staff"] as const;
  const CAMPUS = ["campus_staff"] as const;
  let fx: Promise<{ districtId: string; schoolId: string; campusId: string; roundId: string }> | undefined;
  const k = () => ++n;
  const today = () => env.clock.today();
  const dctx = () => env.ctx("district_staff");
  const fixture = () =>
    (fx ??= (async () => {
      const st = state(env);
      await svc.setWealthRank(st, "Ansonia", { rank: 163, source: "fixture" });
      const d = await svc.createDistrict(st, {
        code: `FX${k()}`,
        name: "Fixture Public Schools",
        kind: "local",
        contactEmail: "fx@example.test",
        towns: [{ town: "Ansonia", pupils: 100 }],
      });
      await svc.linkMember(st, { userId: env.users.district_staff.id, districtId: d.id, parentOrGuardian: false });
      const s = await svc.addSchool(st, d.id, { name: "Fixture School", town: "Ansonia" });
      const c = await svc.createCampus(st, {
        institution: "Fixture University",
        name: `Campus ${k()}`,
        town: "Mansfield",
        system: "independent",
      });
      await svc.linkMember(st, { userId: env.users.campus_staff.id, campusId: c.id, parentOrGuardian: false });
      const r = await svc.createRound(st, {
        name: `Fixture round ${k()}`,
        budget: 1_000_000,
        opensOn: today(),
        closesOn: "2199-12-31" as never,
      });
      return { districtId: d.id, schoolId: s.id, campusId: c.id, roundId: r.id };
    })());
  const assessmentId = async () =>
    (
      await svc.recordAssessment(dctx(), (await fixture()).schoolId, {
        assessedOn: today(),
        supervisedByLocalPolice: true,
        usedSafeSchoolsChecklist: true,
        entranceSecurity: "none",
      })
    ).id;
  const applicationBody = async () => ({
    roundId: (await fixture()).roundId,
    emergencyPlanWithFirstResponders: true,
    planPracticed: true,
    schools: [
      {
        schoolId: (await fixture()).schoolId,
        assessmentId: await assessmentId(),
        expenses: [{ category: "panic-alarms", description: "Panic alarms", amount: 100, incurredOn: today() }],
      },
    ],
  });
  const application = async () =>
    (await svc.submitApplication(dctx(), (await applicationBody()) as never)).application.id;
  const approved = async () => {
    const id = await application();
    await svc.reviewApplication(state(env), id, { decision: "approve", reason: "fixture approval" });
    return id;
  };
  const claimed = async () => {
    const id = await approved();
    await svc.runAllocation(state(env), (await fixture()).roundId, { reason: "fixture" });
    await svc.recordPayment(dctx(), id, { kind: "claim", amount: 10, on: today() });
    return id;
  };
  const get = (url: string, headers?: Record<string, string>): Req => ({
    method: "GET",
    url,
    ...(headers ? { headers } : {}),
  });
  const post = (url: string, payload: unknown = {}): Req => ({ method: "POST", url, payload });
  const F = fixture;
  return {
    "PUT /api/v1/schools/wealth-ranks/{town}": {
      allowed: STATE,
      request: async () => ({
        method: "PUT",
        url: "/api/v1/schools/wealth-ranks/Derby",
        payload: { rank: 160, source: "fixture" },
      }),
    },
    "GET /api/v1/schools/wealth-ranks": { allowed: "all", request: async () => get("/api/v1/schools/wealth-ranks") },
    "POST /api/v1/schools/districts": {
      allowed: STATE,
      request: async () =>
        post("/api/v1/schools/districts", {
          code: `NEW${k()}`,
          name: "New District",
          kind: "local",
          towns: [{ town: "Derby", pupils: 10 }],
        }),
    },
    "GET /api/v1/schools/districts": {
      allowed: [...STATE, ...DISTRICT],
      request: async () => {
        await F();
        return get("/api/v1/schools/districts");
      },
    },
    "GET /api/v1/schools/districts/{id}": {
      allowed: [...STATE, ...DISTRICT],
      request: async () => get(`/api/v1/schools/districts/${(await F()).districtId}`),
    },
    "POST /api/v1/schools/districts/{id}/schools": {
      allowed: STATE,
      request: async () =>
        post(`/api/v1/schools/districts/${(await F()).districtId}/schools`, { name: `School ${k()}`, town: "Ansonia" }),
    },
    "POST /api/v1/schools/campuses": {
      allowed: STATE,
      request: async () =>
        post("/api/v1/schools/campuses", {
          institution: "Fixture College",
          name: `Campus ${k()}`,
          town: "Hartford",
          system: "independent",
        }),
    },
    "GET /api/v1/schools/campuses": {
      allowed: [...STATE, ...CAMPUS],
      request: async () => {
        await F();
        return get("/api/v1/schools/campuses");
      },
    },
    "PUT /api/v1/schools/members": {
      allowed: [...STATE, "admin"],
      request: async () => {
        const u = await createUser(env.services.db, {
          username: `member-${k()}`,
          displayName: "Member",
          role: "district_staff",
          password: PASSWORD,
          passwordCost: 10,
        });
        return {
          method: "PUT",
          url: "/api/v1/schools/members",
          payload: { userId: u.id, districtId: (await F()).districtId },
        };
      },
    },
    "GET /api/v1/schools/documents/{id}": {
      allowed: [...STATE, ...DISTRICT, ...CAMPUS],
      request: async (role) => {
        const f = await F();
        const doc =
          role === "campus_staff"
            ? await svc.uploadDocument(
                { ...env.ctx("campus_staff") },
                {
                  kind: "protocol-plan",
                  fileName: "plan.txt",
                  contentType: "text/plain",
                  data: new TextEncoder().encode("plan"),
                },
              )
            : await svc.uploadDocument(dctx(), {
                kind: "assessment",
                fileName: "a.txt",
                contentType: "text/plain",
                data: new TextEncoder().encode("assessment"),
              });
        void f;
        return get(`/api/v1/schools/documents/${doc.id}`);
      },
    },
    "POST /api/v1/schools/schools/{id}/assessments": {
      allowed: DISTRICT,
      request: async () =>
        post(`/api/v1/schools/schools/${(await F()).schoolId}/assessments`, {
          assessedOn: today(),
          supervisedByLocalPolice: true,
          usedSafeSchoolsChecklist: true,
          entranceSecurity: "partial",
        }),
    },
    "POST /api/v1/schools/grant-rounds": {
      allowed: STATE,
      request: async () =>
        post("/api/v1/schools/grant-rounds", { name: `Round ${k()}`, budget: 1, opensOn: today(), closesOn: today() }),
    },
    "GET /api/v1/schools/grant-rounds": {
      allowed: [...STATE, ...DISTRICT],
      request: async () => {
        await F();
        return get("/api/v1/schools/grant-rounds");
      },
    },
    "GET /api/v1/schools/grant-rounds/{id}": {
      allowed: [...STATE, ...DISTRICT],
      request: async () => get(`/api/v1/schools/grant-rounds/${(await F()).roundId}`),
    },
    "POST /api/v1/schools/grant-rounds/{id}/allocate": {
      allowed: STATE,
      request: async () => post(`/api/v1/schools/grant-rounds/${(await F()).roundId}/allocate`, { reason: "matrix" }),
    },
    "POST /api/v1/schools/grant-applications": {
      allowed: DISTRICT,
      request: async () => post("/api/v1/schools/grant-applications", await applicationBody()),
    },
    "GET /api/v1/schools/grant-applications": {
      allowed: [...STATE, ...DISTRICT],
      request: async () => {
        await F();
        return get("/api/v1/schools/grant-applications");
      },
    },
    "GET /api/v1/schools/grant-applications/{id}": {
      allowed: [...STATE, ...DISTRICT],
      request: async () => get(`/api/v1/schools/grant-applications/${await application()}`),
    },
    "POST /api/v1/schools/grant-applications/{id}/review": {
      allowed: STATE,
      request: async () =>
        post(`/api/v1/schools/grant-applications/${await application()}/review`, {
          decision: "deny",
          reason: "fixture denial",
        }),
    },
    "POST /api/v1/schools/grant-applications/{id}/withdraw": {
      allowed: [...STATE, ...DISTRICT],
      request: async () =>
        post(`/api/v1/schools/grant-applications/${await application()}/withdraw`, { reason: "fixture withdrawal" }),
    },
    "POST /api/v1/schools/grant-applications/{id}/payments": {
      allowed: [...STATE, ...DISTRICT],
      request: async (role) =>
        role === "school_safety_staff"
          ? post(`/api/v1/schools/grant-applications/${await claimed()}/payments`, {
              kind: "payment",
              amount: 10,
              on: today(),
            })
          : post(
              `/api/v1/schools/grant-applications/${await (async () => {
                const id = await approved();
                await svc.runAllocation(state(env), (await F()).roundId, { reason: "fixture" });
                return id;
              })()}/payments`,
              { kind: "claim", amount: 10, on: today() },
            ),
    },
    "GET /api/v1/schools/schools/{id}": {
      allowed: [...STATE, ...DISTRICT],
      request: async () => get(`/api/v1/schools/schools/${(await F()).schoolId}`),
    },
    "POST /api/v1/schools/schools/{id}/plans": {
      allowed: DISTRICT,
      request: async () => post(`/api/v1/schools/schools/${(await F()).schoolId}/plans`, { schoolYear: "2026-27" }),
    },
    "POST /api/v1/schools/schools/{id}/drills": {
      allowed: DISTRICT,
      request: async () =>
        post(`/api/v1/schools/schools/${(await F()).schoolId}/drills`, {
          schoolYear: "2026-27",
          kind: "fire",
          drilledOn: "2026-09-01",
          reportedOn: "2026-09-02",
          evaluatedByPolice: true,
          evaluatedByFire: true,
        }),
    },
    "POST /api/v1/schools/schools/{id}/committee": {
      allowed: DISTRICT,
      request: async () =>
        post(`/api/v1/schools/schools/${(await F()).schoolId}/committee`, {
          name: "Fixture Member",
          role: "teacher-at-school",
          joinedOn: "2026-09-01",
        }),
    },
    "POST /api/v1/schools/committee-members/{id}/leave": {
      allowed: DISTRICT,
      request: async () =>
        post(
          `/api/v1/schools/committee-members/${(await svc.addCommitteeMember(dctx(), (await F()).schoolId, { name: "Leaving Member", role: "other", joinedOn: "2026-09-01" as never })).id}/leave`,
          { leftOn: "2026-10-01" },
        ),
    },
    "POST /api/v1/schools/schools/{id}/behavior-reports": {
      allowed: DISTRICT,
      request: async () =>
        post(`/api/v1/schools/schools/${(await F()).schoolId}/behavior-reports`, {
          reportedOn: "2026-10-01",
          summary: "Fixture report",
        }),
    },
    "GET /api/v1/schools/schools/{id}/behavior-reports": {
      allowed: DISTRICT,
      request: async () =>
        get(`/api/v1/schools/schools/${(await F()).schoolId}/behavior-reports`, {
          "stateline-purpose": "audit-review; access matrix fixture read",
        }),
    },
    "GET /api/v1/schools/missing": {
      allowed: [...STATE, ...DISTRICT, ...CAMPUS],
      request: async () => {
        await F();
        return get("/api/v1/schools/missing");
      },
    },
    "POST /api/v1/schools/reminders": {
      allowed: [...STATE, "admin"],
      request: async () => post("/api/v1/schools/reminders"),
    },
    "GET /api/v1/schools/coordinators": {
      allowed: [...STATE, ...DISTRICT],
      request: async () => {
        await F();
        return get("/api/v1/schools/coordinators");
      },
    },
    "POST /api/v1/schools/districts/{id}/coordinators": {
      allowed: DISTRICT,
      request: async () =>
        post(`/api/v1/schools/districts/${(await F()).districtId}/coordinators`, {
          name: "Fixture Coordinator",
          schoolYear: "2026-27",
          appointedOn: "2026-07-01",
        }),
    },
    "POST /api/v1/schools/coordinators/{id}/appointments": {
      allowed: DISTRICT,
      request: async () =>
        post(
          `/api/v1/schools/coordinators/${(await svc.appointCoordinator(dctx(), (await F()).districtId, { name: "Fixture Coordinator", schoolYear: "2025-26", appointedOn: "2025-07-01" as never })).id}/appointments`,
          { schoolYear: "2026-27", appointedOn: "2026-07-01" },
        ),
    },
    "POST /api/v1/schools/coordinators/{id}/training": {
      allowed: [...STATE, ...DISTRICT],
      request: async () =>
        post(
          `/api/v1/schools/coordinators/${(await svc.appointCoordinator(dctx(), (await F()).districtId, { name: "Fixture Trainee", schoolYear: "2026-27", appointedOn: "2026-07-01" as never })).id}/training`,
          { completedOn: "2026-10-01", provider: "DMHAS" },
        ),
    },
    "GET /api/v1/schools/consultants": { allowed: "public", request: async () => get("/api/v1/schools/consultants") },
    "POST /api/v1/schools/consultants": {
      allowed: "public",
      request: async () =>
        post("/api/v1/schools/consultants", {
          name: `Consultant ${k()}`,
          employer: "Fixture LLC",
          town: "Hartford",
          services: "Assessments",
          email: "c@example.test",
        }),
    },
    "GET /api/v1/schools/consultants/all": {
      allowed: STATE,
      request: async () => get("/api/v1/schools/consultants/all"),
    },
    "POST /api/v1/schools/consultants/{id}/{action}": {
      allowed: STATE,
      request: async () =>
        post(
          `/api/v1/schools/consultants/${(await svc.registerConsultant(state(env), { name: `Consultant ${k()}`, employer: "Fixture LLC", town: "Hartford", services: "Assessments", email: "c@example.test" })).id}/renew`,
        ),
    },
    "POST /api/v1/schools/standards": {
      allowed: STATE,
      request: async () =>
        post("/api/v1/schools/standards", {
          kind: "ssic-infrastructure",
          title: "Infrastructure standards",
          submittedOn: "2014-01-01",
          topics: ["entryways", "cameras"],
        }),
    },
    "GET /api/v1/schools/standards": { allowed: "all", request: async () => get("/api/v1/schools/standards") },
    "POST /api/v1/schools/construction-reviews": {
      allowed: STATE,
      request: async () =>
        post("/api/v1/schools/construction-reviews", {
          districtId: (await F()).districtId,
          project: "New wing",
          compliesWithStandards: true,
          decision: "approved",
          reason: "complies",
        }),
    },
    "GET /api/v1/schools/construction-reviews": {
      allowed: [...STATE, ...DISTRICT],
      request: async () => {
        await F();
        return get("/api/v1/schools/construction-reviews");
      },
    },
    "GET /api/v1/schools/campuses/{id}": {
      allowed: [...STATE, ...CAMPUS],
      request: async () => get(`/api/v1/schools/campuses/${(await F()).campusId}`),
    },
    "POST /api/v1/schools/campuses/{id}/protocol-plans": {
      allowed: CAMPUS,
      request: async () =>
        post(`/api/v1/schools/campuses/${(await F()).campusId}/protocol-plans`, {
          kind: "revision",
          cycleYear: 2025,
          reviewedWithPoliceChief: true,
        }),
    },
    "POST /api/v1/schools/campuses/{id}/team": {
      allowed: CAMPUS,
      request: async () =>
        post(`/api/v1/schools/campuses/${(await F()).campusId}/team`, {
          name: "Fixture Member",
          seat: "faculty",
          trained: true,
          joinedOn: "2026-01-01",
        }),
    },
    "POST /api/v1/schools/team-members/{id}/leave": {
      allowed: CAMPUS,
      request: async () =>
        post(
          `/api/v1/schools/team-members/${(await svc.addTeamMember(env.ctx("campus_staff"), (await F()).campusId, { name: "Leaving", seat: "faculty", trained: true, joinedOn: "2026-01-01" as never })).id}/leave`,
          { leftOn: "2026-02-01" },
        ),
    },
  };
}
