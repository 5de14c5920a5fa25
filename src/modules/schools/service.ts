/**
 * Schools and campuses: use cases. Each function gathers facts, asks the rulebook
 * (src/law/ct/schools), stores, audits in the same transaction, and returns plain records
 * (present.ts decides what leaves). PA 13-3 §§ 80-92.
 */
import { createHash } from "node:crypto";
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import type { ReadPurpose } from "../../lib/purpose.ts";
import { purposeLine } from "../../lib/purpose.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { addDays } from "../../law/core/dates.ts";
import { type Finding, NotInForce, unknown } from "../../law/core/rules.ts";
import { RULEBOOK_VERSION } from "../../law/ct/index.ts";
import { schoolSecurityGrant } from "../../law/ct/schools/school-security-grant.ts";
import { PROGRAM } from "../../law/ct/schools/grant-eligibility.ts";
import { reimbursementAmount } from "../../law/ct/schools/reimbursement-rate.ts";
import { districtRatePercent } from "../../law/ct/schools/regional-rate.ts";
import { allocateRound, BOND_AUTHORIZATION_CENTS } from "../../law/ct/schools/grant-allocation.ts";
import { schoolSafetyCommittee } from "../../law/ct/schools/safety-committee.ts";
import { CommitteeRole } from "../../law/ct/schools/safety-committee.ts";
import { threatAssessmentTeam, isRevisionYear, type TeamSeat } from "../../law/ct/schools/campus-security.ts";
import { parseSchoolYear } from "../../law/ct/schools/school-year.ts";
import { isCurrent } from "../../law/ct/schools/consultant-registry.ts";
import { appendAudit } from "../audit/index.ts";
import type { User } from "../auth/index.ts";
import { schoolsPolicy } from "./policy.ts";
import * as db from "./queries.ts";
import type { z } from "zod";
import type * as S from "./schemas.ts";

export type { District, School, Campus, Application, AllocationRow, Consultant } from "./queries.ts";

/** Priority school districts (FY2025 list, CGS § 10-266p), by town. */
export const PRIORITY_DISTRICT_TOWNS: readonly string[] = [
  "Ansonia",
  "Bridgeport",
  "Danbury",
  "Derby",
  "East Hartford",
  "Hartford",
  "Manchester",
  "Meriden",
  "New Britain",
  "New Haven",
  "New London",
  "Norwalk",
  "Norwich",
  "Stamford",
  "Waterbury",
  "Windham",
];

const cents = (dollars: number) => Math.round(dollars * 100);
const user = (ctx: Ctx): User => {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in or send an API key");
  return ctx.user;
};
const now = (ctx: Ctx) => ctx.clock.now().toISOString();

export async function orgOf(ctx: Ctx): Promise<db.Org | null> {
  return ctx.user ? db.findOrg(ctx.db, ctx.user.id) : null;
}

async function requireDistrictRead(ctx: Ctx, districtId: string): Promise<db.Org | null> {
  const org = await orgOf(ctx);
  if (!schoolsPolicy.readDistrict(user(ctx), org, districtId))
    throw forbidden("only this district's staff and state school-safety staff see its records");
  return org;
}
async function requireDistrictWrite(ctx: Ctx, districtId: string): Promise<void> {
  const org = await orgOf(ctx);
  if (!schoolsPolicy.writeDistrict(user(ctx), org, districtId))
    throw forbidden("only this district's own staff (not parents or guardians on its committees) may do this");
}
async function requireCampusRead(ctx: Ctx, campusId: string): Promise<void> {
  if (!schoolsPolicy.readCampus(user(ctx), await orgOf(ctx), campusId))
    throw forbidden("only this campus's staff and state school-safety staff see its records");
}
async function requireCampusWrite(ctx: Ctx, campusId: string): Promise<void> {
  if (!schoolsPolicy.writeCampus(user(ctx), await orgOf(ctx), campusId))
    throw forbidden("only this campus's own staff may do this");
}
function requireState(ctx: Ctx): void {
  if (!schoolsPolicy.setup(user(ctx))) throw forbidden("only state school-safety staff may do this");
}
async function getSchoolRow(ctx: Ctx, schoolId: string): Promise<db.School> {
  const s = await db.findSchool(ctx.db, schoolId);
  if (!s) throw notFound("school");
  return s;
}

// ---------------------------------------------------------------- set-up

export async function setWealthRank(ctx: Ctx, town: string, input: z.infer<typeof S.WealthRankInput>) {
  requireState(ctx);
  if (!(await db.townExists(ctx.db, town))) throw badField("town", "not a Connecticut town");
  await ctx.db.tx(async (q) => {
    await db.setWealthRank(q, town, input.rank, input.source, ctx.today);
    await appendAudit(q, ctx, {
      action: "schools.wealth-rank.set",
      entityType: "town",
      entityId: town,
      details: { ...input },
    });
  });
  return { town, rank: input.rank, source: input.source, recordedOn: ctx.today };
}
export const listWealthRanks = (ctx: Ctx) => db.listWealthRanks(ctx.db);

export async function createDistrict(ctx: Ctx, input: S.DistrictInput): Promise<db.District> {
  requireState(ctx);
  if (input.kind === "local" && input.towns.length !== 1)
    throw badField("towns", "a local district serves exactly one town");
  for (const [i, t] of input.towns.entries())
    if (!(await db.townExists(ctx.db, t.town))) throw badField(`towns.${i}.town`, "not a Connecticut town");
  const priority =
    input.priorityDistrict ?? (input.kind === "local" && PRIORITY_DISTRICT_TOWNS.includes(input.towns[0]!.town));
  const id = await ctx.db.tx(async (q) => {
    if ((await q.query("SELECT 1 FROM school_districts WHERE code = $1", [input.code])).length)
      throw new AppError("conflict", `district code ${input.code} is taken`, {
        fields: [{ field: "code", message: "already used" }],
      });
    const id = await db.insertDistrict(q, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      priorityDistrict: priority,
      contactEmail: input.contactEmail ?? null,
      towns: input.towns,
    });
    await appendAudit(q, ctx, {
      action: "schools.district.create",
      entityType: "school_district",
      entityId: id,
      details: { code: input.code },
    });
    return id;
  });
  return (await db.findDistrict(ctx.db, id))!;
}

const only = (u: User, roles: readonly User["role"][], what: string) => {
  if (!roles.includes(u.role)) throw forbidden(`only ${what} see this`);
};

export async function listDistricts(ctx: Ctx): Promise<db.District[]> {
  const u = user(ctx);
  only(u, ["school_safety_staff", "district_staff"], "state school-safety staff and district staff");
  if (schoolsPolicy.oversee(u)) return db.listDistricts(ctx.db);
  const org = await orgOf(ctx);
  return org?.districtId && u.role === "district_staff" ? db.listDistricts(ctx.db, org.districtId) : [];
}

export async function getDistrict(ctx: Ctx, id: string) {
  const d = await db.findDistrict(ctx.db, id);
  if (!d) throw notFound("district");
  await requireDistrictRead(ctx, id);
  const schools = await db.listSchools(ctx.db, id);
  return { district: d, schools, rate: rateOf(d) };
}

/** The district's reimbursement rate from its towns' wealth ranks, or the reason it cannot be computed. */
export function rateOf(d: db.District): { rate: number; because: string } | { rate: null; because: string } {
  const missing = d.towns.filter((t) => t.rank === null).map((t) => t.town);
  if (missing.length) return { rate: null, because: `the wealth rank of ${missing.join(", ")} is not recorded` };
  try {
    return districtRatePercent(d.towns.map((t) => ({ town: t.town, rank: t.rank!, pupils: t.pupils })));
  } catch (e) {
    return { rate: null, because: (e as Error).message };
  }
}

export async function addSchool(
  ctx: Ctx,
  districtId: string,
  input: z.infer<typeof S.SchoolInput>,
): Promise<db.School> {
  requireState(ctx);
  if (!(await db.findDistrict(ctx.db, districtId))) throw notFound("district");
  if (!(await db.townExists(ctx.db, input.town))) throw badField("town", "not a Connecticut town");
  const id = await ctx.db.tx(async (q) => {
    if ((await q.query("SELECT 1 FROM schools WHERE district_id = $1 AND name = $2", [districtId, input.name])).length)
      throw new AppError("conflict", "the district already has a school of that name", {
        fields: [{ field: "name", message: "already used in this district" }],
      });
    const id = await db.insertSchool(q, districtId, input.name, input.town);
    await appendAudit(q, ctx, {
      action: "schools.school.create",
      entityType: "school",
      entityId: id,
      details: { districtId },
    });
    return id;
  });
  return (await db.findSchool(ctx.db, id))!;
}

export async function createCampus(ctx: Ctx, input: S.CampusInput): Promise<db.Campus> {
  requireState(ctx);
  if (!(await db.townExists(ctx.db, input.town))) throw badField("town", "not a Connecticut town");
  const id = await ctx.db.tx(async (q) => {
    if (
      (await q.query("SELECT 1 FROM campuses WHERE institution = $1 AND name = $2", [input.institution, input.name]))
        .length
    )
      throw new AppError("conflict", "that campus exists", {
        fields: [{ field: "name", message: "already used for this institution" }],
      });
    const id = await db.insertCampus(q, { ...input, contactEmail: input.contactEmail ?? null });
    await appendAudit(q, ctx, { action: "schools.campus.create", entityType: "campus", entityId: id });
    return id;
  });
  return (await db.listCampuses(ctx.db, id))[0]!;
}
export async function listCampuses(ctx: Ctx): Promise<db.Campus[]> {
  const u = user(ctx);
  only(u, ["school_safety_staff", "campus_staff"], "state school-safety staff and campus staff");
  if (schoolsPolicy.oversee(u)) return db.listCampuses(ctx.db);
  const org = await orgOf(ctx);
  return org?.campusId && u.role === "campus_staff" ? db.listCampuses(ctx.db, org.campusId) : [];
}

export async function linkMember(
  ctx: Ctx,
  input: { userId: string; districtId?: string | undefined; campusId?: string | undefined; parentOrGuardian: boolean },
) {
  if (!schoolsPolicy.linkUsers(user(ctx)))
    throw forbidden("only state school-safety staff and administrators link users");
  const target = (await ctx.db.query("SELECT role FROM users WHERE id = $1", [input.userId]))[0];
  if (!target) throw badField("userId", "no such user");
  if (input.districtId && target.role !== "district_staff")
    throw badField("userId", "only district staff users act for a district");
  if (input.campusId && target.role !== "campus_staff")
    throw badField("userId", "only campus staff users act for a campus");
  if (input.districtId && !(await db.findDistrict(ctx.db, input.districtId)))
    throw badField("districtId", "no such district");
  if (input.campusId && !(await db.listCampuses(ctx.db, input.campusId)).length)
    throw badField("campusId", "no such campus");
  const org = {
    districtId: input.districtId ?? null,
    campusId: input.campusId ?? null,
    parentOrGuardian: input.parentOrGuardian,
  };
  await ctx.db.tx(async (q) => {
    await db.upsertOrg(q, input.userId, org, now(ctx));
    await appendAudit(q, ctx, {
      action: "schools.member.link",
      entityType: "user",
      entityId: input.userId,
      details: org,
    });
  });
  return { userId: input.userId, ...org };
}

// ---------------------------------------------------------------- documents and assessments

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const ALLOWED_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "text/plain",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];

export async function uploadDocument(
  ctx: Ctx,
  input: {
    kind: "assessment" | "safety-plan" | "protocol-plan";
    fileName: string;
    contentType: string;
    data: Uint8Array;
  },
) {
  const u = user(ctx);
  const org = await orgOf(ctx);
  const forCampus = input.kind === "protocol-plan";
  const districtId =
    !forCampus && org?.districtId && schoolsPolicy.writeDistrict(u, org, org.districtId) ? org.districtId : null;
  const campusId = forCampus && org?.campusId && schoolsPolicy.writeCampus(u, org, org.campusId) ? org.campusId : null;
  if (!districtId && !campusId)
    throw forbidden(
      forCampus ? "only campus staff upload protocol plans" : "only district staff upload assessments and plans",
    );
  if (!input.data.byteLength) throw badField("file", "the file is empty");
  if (input.data.byteLength > MAX_UPLOAD_BYTES) throw badField("file", "the file is larger than 10 MB");
  if (!ALLOWED_TYPES.includes(input.contentType))
    throw badField("file", `must be PDF, PNG, JPEG, plain text or Word (.docx), not ${input.contentType}`);
  const fileName = input.fileName.replace(/[^\w .()-]/g, "_").slice(0, 255) || "upload";
  const sha256 = createHash("sha256").update(input.data).digest("hex");
  const id = await ctx.db.tx(async (q) => {
    const id = await db.insertDocument(q, {
      kind: input.kind,
      districtId,
      campusId,
      fileName,
      contentType: input.contentType,
      sha256,
      content: input.data,
      by: u.id,
      at: now(ctx),
    });
    await appendAudit(q, ctx, {
      action: "schools.document.upload",
      entityType: "school_document",
      entityId: id,
      details: { kind: input.kind, sha256, size: input.data.byteLength },
    });
    return id;
  });
  return (await db.findDocumentMeta(ctx.db, id))!;
}

export async function getDocument(ctx: Ctx, id: string) {
  const meta = await db.findDocumentMeta(ctx.db, id);
  if (!meta) throw notFound("document");
  if (meta.districtId) await requireDistrictRead(ctx, meta.districtId);
  else await requireCampusRead(ctx, meta.campusId!);
  return { meta, content: (await db.documentContent(ctx.db, id))! };
}

async function checkDocument(
  ctx: Ctx,
  documentId: string | undefined,
  owner: { districtId?: string; campusId?: string },
  field = "documentId",
): Promise<void> {
  if (!documentId) return;
  const m = await db.findDocumentMeta(ctx.db, documentId);
  if (
    !m ||
    (owner.districtId && m.districtId !== owner.districtId) ||
    (owner.campusId && m.campusId !== owner.campusId)
  )
    throw badField(field, "no such document of yours");
}

export async function recordAssessment(ctx: Ctx, schoolId: string, input: S.AssessmentInput): Promise<db.Assessment> {
  const s = await getSchoolRow(ctx, schoolId);
  await requireDistrictWrite(ctx, s.districtId);
  if (input.assessedOn > ctx.today) throw badField("assessedOn", "cannot be in the future");
  await checkDocument(ctx, input.documentId, { districtId: s.districtId });
  return ctx.db.tx(async (q) => {
    const a = await db.insertAssessment(q, schoolId, input, user(ctx).id, now(ctx));
    await appendAudit(q, ctx, {
      action: "schools.assessment.record",
      entityType: "school",
      entityId: schoolId,
      details: { assessmentId: a.id, assessedOn: a.assessedOn, entranceSecurity: a.entranceSecurity },
    });
    return a;
  });
}

// ---------------------------------------------------------------- grants (§§ 84-85)

/** Application status -> the actions that may follow. */
export const NEXT: Record<
  db.Application["status"],
  readonly ("approve" | "deny" | "withdraw" | "claim" | "payment")[]
> = {
  submitted: ["approve", "deny", "withdraw"],
  approved: ["withdraw", "claim", "payment"],
  denied: [],
  withdrawn: [],
};

export async function createRound(ctx: Ctx, input: S.RoundInput): Promise<db.Round> {
  requireState(ctx);
  if (input.closesOn < input.opensOn) throw badField("closesOn", "must be on or after opensOn");
  const budgetCents = cents(input.budget);
  const id = await ctx.db.tx(async (q) => {
    const used = await db.totalBudgetCents(q, true);
    if (used + budgetCents > BOND_AUTHORIZATION_CENTS)
      throw badField(
        "budget",
        `the rounds together may not exceed the $15 million bond authorization (PA 13-3 §§ 84-85); $${((BOND_AUTHORIZATION_CENTS - used) / 100).toFixed(2)} remains`,
      );
    if ((await q.query("SELECT 1 FROM grant_rounds WHERE name = $1", [input.name])).length)
      throw new AppError("conflict", "a round of that name exists", {
        fields: [{ field: "name", message: "already used" }],
      });
    const id = await db.insertRound(
      q,
      { name: input.name, budgetCents, opensOn: input.opensOn, closesOn: input.closesOn },
      user(ctx).id,
      now(ctx),
    );
    await appendAudit(q, ctx, {
      action: "schools.round.create",
      entityType: "grant_round",
      entityId: id,
      details: { budgetCents },
    });
    return id;
  });
  return (await db.listRounds(ctx.db, id))[0]!;
}
export async function listRounds(ctx: Ctx): Promise<db.Round[]> {
  only(user(ctx), ["school_safety_staff", "district_staff"], "state school-safety staff and district staff");
  return db.listRounds(ctx.db);
}

/** A board of education applies for its town or member towns (§§ 84-85). */
export async function submitApplication(ctx: Ctx, input: S.ApplicationInput) {
  const u = user(ctx);
  const org = await orgOf(ctx);
  if (u.role !== "district_staff" || !org?.districtId)
    throw forbidden("only a district's own staff apply for its grant");
  const districtId = org.districtId;
  await requireDistrictWrite(ctx, districtId);
  const round = (await db.listRounds(ctx.db, input.roundId))[0];
  if (!round) throw badField("roundId", "no such grant round");
  if (ctx.today < round.opensOn || ctx.today > round.closesOn)
    throw new AppError("conflict", `the round takes applications from ${round.opensOn} to ${round.closesOn}`, {
      fields: [{ field: "roundId", message: "the round is not open today" }],
    });
  const district = (await db.findDistrict(ctx.db, districtId))!;
  const rate = rateOf(district);
  if (rate.rate === null)
    throw new AppError(
      "conflict",
      `the reimbursement rate cannot be computed: ${rate.because}; state staff record the wealth ranks`,
    );
  const seen = new Set<string>();
  const assessments: db.Assessment[] = [];
  for (const [i, sc] of input.schools.entries()) {
    if (seen.has(sc.schoolId)) throw badField(`schools.${i}.schoolId`, "school listed twice");
    seen.add(sc.schoolId);
    const s = await db.findSchool(ctx.db, sc.schoolId);
    if (!s || s.districtId !== districtId) throw badField(`schools.${i}.schoolId`, "not a school of your district");
    const a = await db.findAssessment(ctx.db, sc.assessmentId);
    if (!a || a.schoolId !== sc.schoolId)
      throw badField(`schools.${i}.assessmentId`, "not an assessment of this school");
    assessments.push(a);
    for (const [j, e] of sc.expenses.entries()) {
      if (e.incurredOn > ctx.today) throw badField(`schools.${i}.expenses.${j}.incurredOn`, "cannot be in the future");
      if (e.incurredOn <= PROGRAM[0]!.value.expensesAfter)
        throw badField(
          `schools.${i}.expenses.${j}.incurredOn`,
          `only expenses incurred after ${PROGRAM[0]!.value.expensesAfter} are eligible (PA 13-3 §§ 84-85)`,
        );
    }
  }
  const facts = {
    conductedSecurityAssessment: true,
    assessmentSupervisedByLocalLawEnforcement: assessments.every((a) => a.supervisedByLocalPolice),
    assessmentUsedSafeSchoolsChecklist: assessments.every((a) => a.usedSafeSchoolsChecklist),
    hasEmergencyPlanWithFirstResponders: input.emergencyPlanWithFirstResponders,
    practicesPlanPeriodically: input.planPracticed,
    expensesIncurredOn: input.schools.flatMap((s) => s.expenses.map((e) => e.incurredOn)).sort()[0]!,
    townWealthRank: district.kind === "local" ? district.towns[0]!.rank! : undefined,
  };
  let answer: { outcome: "yes" | "no" | "unknown"; findings: Finding[] };
  try {
    answer = schoolSecurityGrant.decide(facts, ctx.today);
  } catch (err) {
    if (!(err instanceof NotInForce)) throw err;
    // Outside the modelled program years the rulebook cannot answer: a person decides (never an automatic denial).
    answer = {
      outcome: "unknown",
      findings: [
        unknown(
          "schools.school-security-grant",
          PROGRAM[0]!.source,
          ["decisionDate"],
          `the grant program is modelled for applications from 2013-04-04 to 2015-06-30 (funding for FYs 13-15); on ${ctx.today} state staff decide from the facts`,
        ),
      ],
    };
  }
  const decision = {
    question: schoolSecurityGrant.id,
    on: ctx.today,
    rulebookVersion: RULEBOOK_VERSION,
    outcome: answer.outcome,
    findings: answer.findings,
    ratePercent: rate.rate,
    rateBecause: rate.because,
  };
  const created = await ctx.db.tx(async (q) => {
    const app = await db.insertApplication(q, {
      roundId: round.id,
      districtId,
      submittedOn: ctx.today,
      emergencyPlanWithFirstResponders: input.emergencyPlanWithFirstResponders,
      emergencyPlanOn: input.emergencyPlanOn,
      planPracticed: input.planPracticed,
      practiceFrequency: input.practiceFrequency,
      ratePercent: rate.rate,
      rateBecause: rate.because,
      decision,
    });
    for (const [i, sc] of input.schools.entries()) {
      // The state's finding of need defaults to what the assessment found; reviewers may change it.
      await db.insertAppSchool(q, app.id, sc.schoolId, sc.assessmentId, assessments[i]!.entranceSecurity !== "full");
      for (const e of sc.expenses)
        await db.insertExpense(q, app.id, sc.schoolId, {
          category: e.category,
          description: e.description,
          amountCents: cents(e.amount),
          incurredOn: e.incurredOn,
        });
    }
    await db.insertApplicationAction(q, {
      applicationId: app.id,
      action: "submit",
      from: null,
      to: "submitted",
      actorId: u.id,
      details: { outcome: answer.outcome },
      on: ctx.today,
      at: now(ctx),
    });
    await appendAudit(q, ctx, {
      action: "schools.application.submit",
      entityType: "grant_application",
      entityId: app.id,
      details: { number: app.number, outcome: answer.outcome, ratePercent: rate.rate },
    });
    return app;
  });
  return getApplication(ctx, created.id);
}

async function loadApplication(ctx: Ctx, id: string): Promise<db.Application> {
  const a = (await db.listApplications(ctx.db, { id }))[0];
  if (!a) throw notFound("grant application");
  return a;
}

/** The award of an application in the latest allocation of its round (cents), or null before any allocation. */
async function awardOf(q: Queryable, a: db.Application): Promise<number | null> {
  const alloc = await db.latestAllocation(q, a.roundId);
  if (!alloc) return null;
  return alloc.lines.filter((l) => l.applicationId === a.id).reduce((s, l) => s + l.awardedCents, 0);
}

export async function getApplication(ctx: Ctx, id: string) {
  const a = await loadApplication(ctx, id);
  await requireDistrictRead(ctx, a.districtId);
  const schools = await db.listAppSchools(ctx.db, [id]);
  const expenses = await db.listExpenses(ctx.db, [id]);
  const actions = await db.listApplicationActions(ctx.db, id);
  const payments = await db.listPayments(ctx.db, id);
  const award = await awardOf(ctx.db, a);
  const requestedCents = schools.reduce(
    (s, sc) =>
      s +
      reimbursementCents(
        expenses.filter((e) => e.applicationId === id && e.schoolId === sc.schoolId),
        a.ratePercent,
      ),
    0,
  );
  const alloc = await db.latestAllocation(ctx.db, a.roundId);
  const lines = alloc ? alloc.lines.filter((l) => l.applicationId === id) : [];
  return {
    application: a,
    schools,
    expenses,
    actions,
    payments,
    requestedCents,
    awardCents: award,
    allocationLines: lines,
    claimedCents: payments.filter((p) => p.kind === "claim").reduce((s, p) => s + p.amountCents, 0),
    paidCents: payments.filter((p) => p.kind === "payment").reduce((s, p) => s + p.amountCents, 0),
    next: NEXT[a.status],
  };
}
export type ApplicationView = Awaited<ReturnType<typeof getApplication>>;

/** Full percentage for one school's expenses: the sum of its expenses x the rate, to the cent. */
export function reimbursementCents(expenses: readonly { amountCents: number }[], ratePercent: number): number {
  const total = expenses.reduce((s, e) => s + e.amountCents, 0);
  return Math.round(reimbursementAmount(total / 100, ratePercent) * 100);
}

export async function listApplications(ctx: Ctx, f: { roundId?: string | undefined } = {}) {
  const u = user(ctx);
  only(u, ["school_safety_staff", "district_staff"], "state school-safety staff and district staff");
  if (schoolsPolicy.oversee(u)) return db.listApplications(ctx.db, { roundId: f.roundId });
  const org = await orgOf(ctx);
  if (u.role !== "district_staff" || !org?.districtId) return [];
  return db.listApplications(ctx.db, { roundId: f.roundId, districtId: org.districtId });
}

export async function reviewApplication(ctx: Ctx, id: string, input: z.infer<typeof S.ReviewInput>) {
  if (!schoolsPolicy.review(user(ctx))) throw forbidden("only state school-safety staff review applications");
  await ctx.db.tx(async (q) => {
    const a = (await db.listApplications(q, { id, forUpdate: true }))[0];
    if (!a) throw notFound("grant application");
    if (!NEXT[a.status].includes(input.decision))
      throw new AppError(
        "conflict",
        `an application that is ${a.status} cannot be ${input.decision === "approve" ? "approved" : "denied"}`,
      );
    if (input.decision === "approve" && a.decision.outcome === "no")
      throw new AppError(
        "conflict",
        "the rulebook found this application does not meet the grant's requirements (see its findings); deny it with reasons instead",
        { fields: [{ field: "decision", message: "requirements not met" }] },
      );
    const schools = await db.listAppSchools(q, [id]);
    for (const [schoolId, v] of Object.entries(input.mostInNeed ?? {})) {
      if (!schools.some((s) => s.schoolId === schoolId))
        throw badField(`mostInNeed.${schoolId}`, "not a school of this application");
      await db.setMostInNeed(q, id, schoolId, v);
    }
    const to = input.decision === "approve" ? "approved" : "denied";
    await db.setApplicationStatus(q, id, to, { on: ctx.today, reason: input.reason });
    await db.insertApplicationAction(q, {
      applicationId: id,
      action: input.decision,
      from: a.status,
      to,
      actorId: user(ctx).id,
      reason: input.reason,
      details: { mostInNeed: input.mostInNeed ?? {} },
      on: ctx.today,
      at: now(ctx),
    });
    await appendAudit(q, ctx, {
      action: `schools.application.${input.decision}`,
      entityType: "grant_application",
      entityId: id,
      details: { reason: input.reason },
    });
  });
  return getApplication(ctx, id);
}

/** Withdraws an application; if its round was allocated, the allocation is re-run without it. */
export async function withdrawApplication(ctx: Ctx, id: string, input: { reason: string }) {
  const a = await loadApplication(ctx, id);
  const u = user(ctx);
  if (!schoolsPolicy.review(u)) await requireDistrictWrite(ctx, a.districtId);
  await ctx.db.tx(async (q) => {
    const cur = (await db.listApplications(q, { id, forUpdate: true }))[0]!;
    if (!NEXT[cur.status].includes("withdraw"))
      throw new AppError("conflict", `an application that is ${cur.status} cannot be withdrawn`);
    await db.setApplicationStatus(q, id, "withdrawn");
    await db.insertApplicationAction(q, {
      applicationId: id,
      action: "withdraw",
      from: cur.status,
      to: "withdrawn",
      actorId: u.id,
      reason: input.reason,
      on: ctx.today,
      at: now(ctx),
    });
    await appendAudit(q, ctx, {
      action: "schools.application.withdraw",
      entityType: "grant_application",
      entityId: id,
      details: { reason: input.reason },
    });
    if (await db.latestAllocation(q, cur.roundId))
      await allocateIn(q, ctx, cur.roundId, `re-run after ${cur.number} (${cur.districtName}) withdrew`);
  });
  return getApplication(ctx, id);
}

async function allocateIn(q: Queryable, ctx: Ctx, roundId: string, reason: string): Promise<db.AllocationRow> {
  const round = (await db.listRounds(q, roundId))[0];
  if (!round) throw notFound("grant round");
  const apps = (await db.listApplications(q, { roundId })).filter((a) => a.status === "approved");
  const ids = apps.map((a) => a.id);
  const schools = await db.listAppSchools(q, ids);
  const expenses = await db.listExpenses(q, ids);
  const districts = new Map((await db.listDistricts(q)).map((d) => [d.id, d]));
  const units = apps.flatMap((a) =>
    schools
      .filter((s) => s.applicationId === a.id)
      .map((s) => ({
        key: `${a.id}:${s.schoolId}`,
        label: `${a.districtName}: ${s.schoolName}`,
        requestedCents: reimbursementCents(
          expenses.filter((e) => e.applicationId === a.id && e.schoolId === s.schoolId),
          a.ratePercent,
        ),
        mostInNeedOfEntranceSecurity: s.mostInNeed,
        noEntranceSecurityInfrastructure: s.entranceSecurity === "none",
        inPrioritySchoolDistrict: districts.get(a.districtId)?.priorityDistrict ?? false,
        app: a,
        school: s,
      })),
  );
  const r = allocateRound(round.budgetCents, units);
  const lines: db.AllocLine[] = r.lines.map((l, i) => {
    const u = units[i]!;
    return {
      key: l.key,
      label: l.label,
      applicationId: u.app.id,
      applicationNumber: u.app.number,
      districtId: u.app.districtId,
      districtName: u.app.districtName,
      schoolId: u.school.schoolId,
      ratePercent: u.app.ratePercent,
      tier: l.tier,
      requestedCents: l.requestedCents,
      awardedCents: l.awardedCents,
      because: l.because,
    };
  });
  const row = await db.insertAllocation(
    q,
    {
      roundId,
      reason,
      runOn: ctx.today,
      budgetCents: r.budgetCents,
      requestedCents: r.requestedCents,
      awardedCents: r.awardedCents,
      fullyFunded: r.fullyFunded,
      lines,
      summary: r.summary,
    },
    ctx.user?.id ?? null,
    now(ctx),
  );
  await appendAudit(q, ctx, {
    action: "schools.round.allocate",
    entityType: "grant_round",
    entityId: roundId,
    details: { runNo: row.runNo, reason, awardedCents: r.awardedCents, fullyFunded: r.fullyFunded },
  });
  return row;
}

export async function runAllocation(ctx: Ctx, roundId: string, input: { reason: string }) {
  if (!schoolsPolicy.review(user(ctx))) throw forbidden("only state school-safety staff allocate a round");
  try {
    return await ctx.db.tx((q) => allocateIn(q, ctx, roundId, input.reason));
  } catch (e) {
    if (e instanceof RangeError)
      throw new AppError("conflict", `the allocation needs a person's finding first: ${e.message}`);
    throw e;
  }
}

/** A round with its applications and latest allocation; a district sees only its own lines. */
export async function getRound(ctx: Ctx, roundId: string) {
  const u = user(ctx);
  const state = schoolsPolicy.oversee(u);
  const org = await orgOf(ctx);
  if (!state && !(u.role === "district_staff" && org?.districtId))
    throw forbidden("only state staff and district staff see grant rounds");
  const round = (await db.listRounds(ctx.db, roundId))[0];
  if (!round) throw notFound("grant round");
  const apps = await db.listApplications(ctx.db, { roundId, ...(state ? {} : { districtId: org!.districtId! }) });
  const alloc = await db.latestAllocation(ctx.db, roundId);
  const mine = (l: db.AllocLine) => state || l.districtId === org?.districtId;
  return {
    round,
    applications: apps,
    allocation: alloc ? { ...alloc, lines: alloc.lines.filter(mine), summary: state ? alloc.summary : [] } : null,
    runs: state ? await db.allocationRuns(ctx.db, roundId) : [],
  };
}

export async function recordPayment(ctx: Ctx, id: string, input: z.infer<typeof S.PaymentInput>) {
  const a = await loadApplication(ctx, id);
  const u = user(ctx);
  if (input.kind === "claim") await requireDistrictWrite(ctx, a.districtId);
  else if (!schoolsPolicy.review(u)) throw forbidden("only state school-safety staff record payments");
  const amount = cents(input.amount);
  await ctx.db.tx(async (q) => {
    const cur = (await db.listApplications(q, { id, forUpdate: true }))[0]!;
    if (cur.status !== "approved")
      throw new AppError(
        "conflict",
        `claims and payments are recorded against approved applications; this one is ${cur.status}`,
      );
    const award = await awardOf(q, cur);
    if (award === null)
      throw new AppError("conflict", "the round has not been allocated yet: there is no award to claim against");
    const ps = await db.listPayments(q, id);
    const claimed = ps.filter((p) => p.kind === "claim").reduce((s, p) => s + p.amountCents, 0);
    const paid = ps.filter((p) => p.kind === "payment").reduce((s, p) => s + p.amountCents, 0);
    if (input.kind === "claim" && claimed + amount > award)
      throw badField(
        "amount",
        `claims would exceed the award of $${(award / 100).toFixed(2)} ($${(claimed / 100).toFixed(2)} claimed)`,
      );
    if (input.kind === "payment" && paid + amount > Math.min(award, claimed))
      throw badField(
        "amount",
        `payments may not exceed what was claimed ($${(claimed / 100).toFixed(2)}) or the award ($${(award / 100).toFixed(2)}); $${(paid / 100).toFixed(2)} paid`,
      );
    await db.insertPayment(q, {
      applicationId: id,
      kind: input.kind,
      amountCents: amount,
      on: input.on,
      reference: input.reference,
      actorId: u.id,
      at: now(ctx),
    });
    await appendAudit(q, ctx, {
      action: `schools.application.${input.kind}`,
      entityType: "grant_application",
      entityId: id,
      details: { amountCents: amount, on: input.on },
    });
  });
  return getApplication(ctx, id);
}

// ---------------------------------------------------------------- plans, drills, committees (§§ 86-88)

export async function submitPlan(ctx: Ctx, schoolId: string, input: z.infer<typeof S.PlanInput>) {
  const s = await getSchoolRow(ctx, schoolId);
  await requireDistrictWrite(ctx, s.districtId);
  const start = parseSchoolYear(input.schoolYear);
  if (start === undefined) throw badField("schoolYear", "must be a school year written 2014-15");
  await checkDocument(ctx, input.documentId, { districtId: s.districtId });
  const submittedOn = input.submittedOn ?? ctx.today;
  if (submittedOn > ctx.today) throw badField("submittedOn", "cannot be in the future");
  return ctx.db.tx(async (q) => {
    const p = await db.insertPlan(q, schoolId, { ...input, submittedOn }, user(ctx).id, now(ctx));
    await appendAudit(q, ctx, {
      action: "schools.plan.submit",
      entityType: "school",
      entityId: schoolId,
      details: { schoolYear: p.schoolYear, version: p.version },
    });
    return p;
  });
}

export async function reportDrill(ctx: Ctx, schoolId: string, input: z.infer<typeof S.DrillInput>) {
  const s = await getSchoolRow(ctx, schoolId);
  await requireDistrictWrite(ctx, s.districtId);
  const start = parseSchoolYear(input.schoolYear);
  if (start === undefined) throw badField("schoolYear", "must be a school year written 2014-15");
  if (input.drilledOn < `${start}-07-01` || input.drilledOn > `${start + 1}-06-30`)
    throw badField("drilledOn", `must fall in the ${input.schoolYear} school year`);
  const reportedOn = input.reportedOn ?? ctx.today;
  if (reportedOn < input.drilledOn) throw badField("reportedOn", "cannot be before the drill");
  if (reportedOn > ctx.today) throw badField("reportedOn", "cannot be in the future");
  return ctx.db.tx(async (q) => {
    const id = await db.insertDrill(q, schoolId, { ...input, reportedOn }, user(ctx).id, now(ctx));
    await appendAudit(q, ctx, {
      action: "schools.drill.report",
      entityType: "school",
      entityId: schoolId,
      details: { drillId: id, kind: input.kind, schoolYear: input.schoolYear },
    });
    return { id, schoolId, ...input, reportedOn };
  });
}

export async function addCommitteeMember(ctx: Ctx, schoolId: string, input: z.infer<typeof S.CommitteeMemberInput>) {
  const s = await getSchoolRow(ctx, schoolId);
  await requireDistrictWrite(ctx, s.districtId);
  return ctx.db.tx(async (q) => {
    const id = await db.insertCommitteeMember(q, schoolId, input);
    await appendAudit(q, ctx, {
      action: "schools.committee.add",
      entityType: "school",
      entityId: schoolId,
      details: { memberId: id, role: input.role },
    });
    return (await db.findCommitteeMember(q, id))!;
  });
}
export async function endCommitteeMember(ctx: Ctx, memberId: string, input: { leftOn: PlainDate }) {
  const m = await db.findCommitteeMember(ctx.db, memberId);
  if (!m) throw notFound("committee member");
  const s = await getSchoolRow(ctx, m.schoolId);
  await requireDistrictWrite(ctx, s.districtId);
  if (m.leftOn) throw new AppError("conflict", `this member left on ${m.leftOn}`);
  if (input.leftOn < m.joinedOn) throw badField("leftOn", "cannot be before the member joined");
  await ctx.db.tx(async (q) => {
    await db.endCommitteeMember(q, memberId, input.leftOn);
    await appendAudit(q, ctx, {
      action: "schools.committee.end",
      entityType: "school",
      entityId: m.schoolId,
      details: { memberId, leftOn: input.leftOn },
    });
  });
  return { ...m, leftOn: input.leftOn };
}

/** The committee on `on` checked by the rulebook's `school-safety-committee` question (§ 87). */
export async function committeeCheck(q: Queryable, schoolId: string, on: PlainDate) {
  const members = await db.listCommittee(q, [schoolId], on);
  const roles = members.map((m) => CommitteeRole.parse(m.role));
  const answer = schoolSafetyCommittee.decide({ members: roles }, on);
  return { members, answer };
}

export async function getSchool(ctx: Ctx, schoolId: string) {
  const s = await getSchoolRow(ctx, schoolId);
  const org = await requireDistrictRead(ctx, s.districtId);
  const [assessments, plans, drills, committee] = await Promise.all([
    db.listAssessments(ctx.db, schoolId),
    db.listPlans(ctx.db, [schoolId]),
    db.listDrills(ctx.db, [schoolId]),
    committeeCheck(ctx.db, schoolId, ctx.today),
  ]);
  const mayReadBehavior = schoolsPolicy.readBehavior(user(ctx), org, s.districtId);
  return {
    school: s,
    assessments,
    plans,
    drills,
    committee,
    mayReadBehavior,
    behaviorReportCount: mayReadBehavior ? await db.countBehaviorReports(ctx.db, schoolId) : null,
  };
}

export async function reportBehavior(ctx: Ctx, schoolId: string, input: z.infer<typeof S.BehaviorReportInput>) {
  const s = await getSchoolRow(ctx, schoolId);
  const org = await orgOf(ctx);
  if (!schoolsPolicy.readBehavior(user(ctx), org, s.districtId))
    throw forbidden(
      "only the district's staff (not parents or guardians on its committees) report disturbing or threatening behaviour",
    );
  if (input.reportedOn > ctx.today) throw badField("reportedOn", "cannot be in the future");
  return ctx.db.tx(async (q) => {
    const id = await db.insertBehaviorReport(q, schoolId, input, user(ctx).id, now(ctx));
    await appendAudit(q, ctx, {
      action: "schools.behavior.report",
      entityType: "school",
      entityId: schoolId,
      details: { reportId: id },
    });
    return { id, schoolId, reportedOn: input.reportedOn };
  });
}

/** Behaviour reports: a confidential read with a purpose, audited; refused (and audited) for parents, guardians and everyone else (§ 87). */
export async function listBehaviorReports(ctx: Ctx, schoolId: string, purpose: ReadPurpose) {
  const s = await getSchoolRow(ctx, schoolId);
  const org = await orgOf(ctx);
  if (!schoolsPolicy.readBehavior(user(ctx), org, s.districtId)) {
    await appendAudit(ctx.db, ctx, {
      action: "schools.behavior.read",
      entityType: "school",
      entityId: schoolId,
      purpose: purposeLine(purpose),
      outcome: "denied",
      details: { parentOrGuardian: org?.parentOrGuardian ?? false },
    });
    throw forbidden(
      org?.parentOrGuardian
        ? "parents and guardians on school committees may not see reports of disturbing or threatening behaviour (PA 13-3 § 87)"
        : "only the district's own staff see behaviour reports",
    );
  }
  return ctx.db.tx(async (q) => {
    const reports = await db.listBehaviorReports(q, schoolId);
    await appendAudit(q, ctx, {
      action: "schools.behavior.read",
      entityType: "school",
      entityId: schoolId,
      purpose: purposeLine(purpose),
      details: { count: reports.length },
    });
    return reports;
  });
}

// ---------------------------------------------------------------- mental health first aid (§ 90)

export async function appointCoordinator(ctx: Ctx, districtId: string, input: z.infer<typeof S.CoordinatorInput>) {
  await requireDistrictWrite(ctx, districtId);
  if (parseSchoolYear(input.schoolYear) === undefined)
    throw badField("schoolYear", "must be a school year written 2014-15");
  return ctx.db.tx(async (q) => {
    const id = await db.insertCoordinator(q, districtId, input.name, input.email ?? null);
    await db.insertAppointment(q, id, input.schoolYear, input.appointedOn);
    await appendAudit(q, ctx, {
      action: "schools.coordinator.appoint",
      entityType: "mhfa_coordinator",
      entityId: id,
      details: { schoolYear: input.schoolYear },
    });
    return (await db.listCoordinators(q, { id }))[0]!;
  });
}
export async function reappointCoordinator(
  ctx: Ctx,
  coordinatorId: string,
  input: { schoolYear: string; appointedOn: PlainDate },
) {
  const c = (await db.listCoordinators(ctx.db, { id: coordinatorId }))[0];
  if (!c) throw notFound("coordinator");
  await requireDistrictWrite(ctx, c.districtId);
  if (parseSchoolYear(input.schoolYear) === undefined)
    throw badField("schoolYear", "must be a school year written 2014-15");
  return ctx.db.tx(async (q) => {
    if (!(await db.insertAppointment(q, coordinatorId, input.schoolYear, input.appointedOn)))
      throw new AppError("conflict", `already appointed for ${input.schoolYear}`);
    await appendAudit(q, ctx, {
      action: "schools.coordinator.appoint",
      entityType: "mhfa_coordinator",
      entityId: coordinatorId,
      details: { schoolYear: input.schoolYear },
    });
    return (await db.listCoordinators(q, { id: coordinatorId }))[0]!;
  });
}
export async function recordTraining(
  ctx: Ctx,
  coordinatorId: string,
  input: { completedOn: PlainDate; provider: string },
) {
  const c = (await db.listCoordinators(ctx.db, { id: coordinatorId }))[0];
  if (!c) throw notFound("coordinator");
  if (!schoolsPolicy.review(user(ctx))) await requireDistrictWrite(ctx, c.districtId);
  if (input.completedOn > ctx.today) throw badField("completedOn", "cannot be in the future");
  return ctx.db.tx(async (q) => {
    if (!(await db.insertCompletion(q, coordinatorId, input.completedOn, input.provider, user(ctx).id, now(ctx))))
      throw new AppError(
        "conflict",
        `${c.name} completed the training on ${c.completedOn}; no one needs it twice (PA 13-3 § 90)`,
      );
    await appendAudit(q, ctx, {
      action: "schools.coordinator.trained",
      entityType: "mhfa_coordinator",
      entityId: coordinatorId,
      details: { completedOn: input.completedOn },
    });
    return (await db.listCoordinators(q, { id: coordinatorId }))[0]!;
  });
}
export async function listCoordinators(ctx: Ctx, f: { districtId?: string | undefined } = {}) {
  const u = user(ctx);
  only(u, ["school_safety_staff", "district_staff"], "state school-safety staff and district staff");
  if (schoolsPolicy.oversee(u)) return db.listCoordinators(ctx.db, { districtId: f.districtId });
  const org = await orgOf(ctx);
  if (u.role !== "district_staff" || !org?.districtId) return [];
  return db.listCoordinators(ctx.db, { districtId: org.districtId });
}

// ---------------------------------------------------------------- consultant registry (§ 91)

/** A consultant applies (public); DESPP staff enter them directly as registered. */
export async function registerConsultant(ctx: Ctx, input: S.ConsultantInput) {
  const staff = ctx.user && schoolsPolicy.registry(ctx.user);
  return ctx.db.tx(async (q) => {
    const c = await db.insertConsultant(q, input, staff ? "active" : "pending", ctx.today);
    await db.insertConsultantAction(q, c.id, staff ? "register" : "apply", ctx.user?.id ?? null, ctx.today, now(ctx));
    await appendAudit(q, ctx, {
      action: staff ? "schools.consultant.register" : "schools.consultant.apply",
      entityType: "security_consultant",
      entityId: c.id,
    });
    return c;
  });
}
export async function actOnConsultant(ctx: Ctx, id: string, action: "approve" | "renew" | "withdraw") {
  if (!ctx.user || !schoolsPolicy.registry(ctx.user))
    throw forbidden("only DESPP school-safety staff keep the consultant registry");
  const c = (await db.listConsultants(ctx.db, { id }))[0];
  if (!c) throw notFound("consultant");
  const allowed: Record<string, string[]> = {
    approve: ["pending"],
    renew: ["active"],
    withdraw: ["pending", "active"],
  };
  if (!allowed[action]!.includes(c.status))
    throw new AppError(
      "conflict",
      `a ${c.status} entry cannot be ${action === "approve" ? "approved" : action === "renew" ? "renewed" : "withdrawn"}`,
    );
  return ctx.db.tx(async (q) => {
    const set =
      action === "approve"
        ? { status: "active", registeredOn: ctx.today, lastConfirmedOn: ctx.today }
        : action === "renew"
          ? { lastConfirmedOn: ctx.today }
          : { status: "withdrawn" };
    const out = (await db.updateConsultant(q, id, set))!;
    await db.insertConsultantAction(
      q,
      id,
      action === "approve" ? "register" : action,
      ctx.user!.id,
      ctx.today,
      now(ctx),
    );
    await appendAudit(q, ctx, {
      action: `schools.consultant.${action}`,
      entityType: "security_consultant",
      entityId: id,
    });
    return out;
  });
}
export async function listConsultantsForStaff(ctx: Ctx) {
  if (!ctx.user || !schoolsPolicy.registry(ctx.user))
    throw forbidden("only DESPP school-safety staff see the full registry");
  return db.listConsultants(ctx.db);
}
/** The published registry on a day: active entries confirmed within the year (§ 91). */
export async function publicRegistry(ctx: Pick<Ctx, "db" | "today">): Promise<db.Consultant[]> {
  return (await db.listConsultants(ctx.db, { status: "active" })).filter((c) =>
    isCurrent(c.lastConfirmedOn, ctx.today),
  );
}

// ---------------------------------------------------------------- campuses (§ 92)

export async function submitProtocolPlan(ctx: Ctx, campusId: string, input: z.infer<typeof S.ProtocolPlanInput>) {
  await requireCampusWrite(ctx, campusId);
  if (input.kind === "initial" && input.cycleYear !== undefined)
    throw badField("cycleYear", "only revisions have a cycle year");
  if (input.kind === "revision" && (input.cycleYear === undefined || !isRevisionYear(input.cycleYear)))
    throw badField("cycleYear", "a revision is for 2015, 2017, 2019, ... (every two years from 2015)");
  await checkDocument(ctx, input.documentId, { campusId });
  const submittedOn = input.submittedOn ?? ctx.today;
  if (submittedOn > ctx.today) throw badField("submittedOn", "cannot be in the future");
  return ctx.db.tx(async (q) => {
    const id = await db.insertProtocolPlan(
      q,
      campusId,
      {
        kind: input.kind,
        cycleYear: input.cycleYear ?? null,
        submittedOn,
        reviewedWithPoliceChief: input.reviewedWithPoliceChief,
        chiefName: input.chiefName ?? null,
        summary: input.summary ?? null,
        documentId: input.documentId ?? null,
      },
      user(ctx).id,
      now(ctx),
    );
    await appendAudit(q, ctx, {
      action: "schools.protocol-plan.submit",
      entityType: "campus",
      entityId: campusId,
      details: { planId: id, kind: input.kind, cycleYear: input.cycleYear ?? null },
    });
    return { id, campusId, ...input, submittedOn };
  });
}
export async function addTeamMember(ctx: Ctx, campusId: string, input: z.infer<typeof S.TeamMemberInput>) {
  await requireCampusWrite(ctx, campusId);
  return ctx.db.tx(async (q) => {
    const id = await db.insertTeamMember(q, campusId, input);
    await appendAudit(q, ctx, {
      action: "schools.team.add",
      entityType: "campus",
      entityId: campusId,
      details: { memberId: id, seat: input.seat },
    });
    return (await db.findTeamMember(q, id))!;
  });
}
export async function endTeamMember(ctx: Ctx, memberId: string, input: { leftOn: PlainDate }) {
  const m = await db.findTeamMember(ctx.db, memberId);
  if (!m) throw notFound("team member");
  await requireCampusWrite(ctx, m.campusId);
  if (m.leftOn) throw new AppError("conflict", `this member left on ${m.leftOn}`);
  if (input.leftOn < m.joinedOn) throw badField("leftOn", "cannot be before the member joined");
  await ctx.db.tx(async (q) => {
    await db.endTeamMember(q, memberId, input.leftOn);
    await appendAudit(q, ctx, {
      action: "schools.team.end",
      entityType: "campus",
      entityId: m.campusId,
      details: { memberId },
    });
  });
  return { ...m, leftOn: input.leftOn };
}
export async function teamCheck(q: Queryable, campusId: string, on: PlainDate) {
  const members = await db.listTeam(q, [campusId], on);
  return {
    members,
    answer: threatAssessmentTeam.decide(
      { members: members.map((m) => ({ seat: m.seat as TeamSeat, trained: m.trained })) },
      on,
    ),
  };
}
export async function getCampus(ctx: Ctx, campusId: string) {
  const c = (await db.listCampuses(ctx.db, campusId))[0];
  if (!c) throw notFound("campus");
  await requireCampusRead(ctx, campusId);
  return {
    campus: c,
    plans: await db.listProtocolPlans(ctx.db, [campusId]),
    team: await teamCheck(ctx.db, campusId, ctx.today),
  };
}

export const dayBefore = (d: PlainDate) => addDays(d, -1);
