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

export interface TestDistrict { id: string; name: string; user: User; ctx: () => Ctx; schools: { id: string; name: string }[] }

/** A local district for a town with a wealth rank, its staff user and schools. */
export async function district(env: TestEnv, o: { town: string; rank?: number; schools?: string[]; priority?: boolean; email?: string | null; regional?: { town: string; rank: number; pupils: number }[] }): Promise<TestDistrict> {
  n += 1;
  const st = state(env);
  const towns = o.regional ?? [{ town: o.town, rank: o.rank ?? 100, pupils: 0 }];
  for (const t of towns) await svc.setWealthRank(st, t.town, { rank: t.rank, source: "test" });
  const input: S.DistrictInput = {
    code: `T${n}`, name: o.regional ? `Regional ${n}` : `${o.town} Public Schools`, kind: o.regional ? "regional" : "local",
    towns: towns.map((t) => ({ town: t.town, pupils: t.pupils })), ...(o.priority !== undefined ? { priorityDistrict: o.priority } : {}),
    ...(o.email === null ? {} : { contactEmail: o.email ?? `district${n}@example.test` }),
  };
  const d = await svc.createDistrict(st, input);
  const user = await createUser(env.services.db, { username: `district-${n}`, displayName: `District user ${n}`, role: "district_staff", password: PASSWORD, passwordCost: 10 });
  await svc.linkMember(st, { userId: user.id, districtId: d.id, parentOrGuardian: false });
  const schools = [];
  for (const name of o.schools ?? ["Central School"]) schools.push(await svc.addSchool(st, d.id, { name, town: towns[0]!.town }));
  const ctx = () => ({ ...env.ctx("district_staff"), user });
  return { id: d.id, name: d.name, user, ctx, schools: schools.map((s) => ({ id: s.id, name: s.name })) };
}

/** A parent or guardian user of a district. */
export async function parentOf(env: TestEnv, districtId: string): Promise<User> {
  n += 1;
  const user = await createUser(env.services.db, { username: `parent-${n}`, displayName: `Parent ${n}`, role: "district_staff", password: PASSWORD, passwordCost: 10 });
  await svc.linkMember(state(env), { userId: user.id, districtId, parentOrGuardian: true });
  return user;
}

export async function assessment(d: TestDistrict, schoolIdx = 0, o: Partial<S.AssessmentInput> = {}) {
  return svc.recordAssessment(d.ctx(), d.schools[schoolIdx]!.id, { assessedOn: d.ctx().today, supervisedByLocalPolice: true, usedSafeSchoolsChecklist: true, entranceSecurity: "partial", ...o });
}

export async function round(env: TestEnv, budget: number, name = `Round ${++n}`) {
  const today = env.clock.today();
  return svc.createRound(state(env), { name, budget, opensOn: today, closesOn: "2015-06-30" as typeof today });
}

/** Applies for one school with one expense of `amount` dollars; returns the application view. */
export async function apply(d: TestDistrict, roundId: string, amount: number, o: { entrance?: "none" | "partial" | "full"; schoolIdx?: number } = {}) {
  const a = await assessment(d, o.schoolIdx ?? 0, { entranceSecurity: o.entrance ?? "partial" });
  return svc.submitApplication(d.ctx(), {
    roundId, emergencyPlanWithFirstResponders: true, planPracticed: true, practiceFrequency: "monthly lockdown drills",
    schools: [{ schoolId: d.schools[o.schoolIdx ?? 0]!.id, assessmentId: a.id, expenses: [{ category: "surveillance-cameras", description: "Entrance cameras", amount, incurredOn: "2013-09-15" as never }] }],
  });
}
export const approve = (env: TestEnv, id: string, mostInNeed?: Record<string, boolean>) => svc.reviewApplication(state(env), id, { decision: "approve", reason: "meets the requirements", ...(mostInNeed ? { mostInNeed } : {}) });
