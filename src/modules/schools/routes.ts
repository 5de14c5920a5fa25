/** The schools API: a few lines per route (validate, call the service, present). */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { badField, forbidden } from "../../lib/errors.ts";
import { purposeFromHeader, ReadPurpose } from "../../lib/purpose.ts";
import { PlainDateSchema } from "../../law/core/schema.ts";
import * as S from "./schemas.ts";
import * as svc from "./service.ts";
import { missingItems, sendReminders } from "./duties.ts";
import * as P from "./present.ts";
import * as std from "./standards.ts";
import { StandardKind } from "../../law/ct/schools/standards.ts";

const STATE = ["school_safety_staff"];
const DISTRICT = ["district_staff"];
const CAMPUS = ["campus_staff"];
const Id = z.object({ id: z.uuid() });
const TAGS = ["schools"];

const headerPurpose = (headers: Record<string, string | string[] | undefined>): ReadPurpose => {
  const raw = purposeFromHeader(headers);
  if (raw === undefined)
    throw badField(
      "header.stateline-purpose",
      "say why you read this (Stateline-Purpose: <code>; <text>); it is audited",
    );
  const p = ReadPurpose.safeParse(raw);
  if (!p.success)
    throw badField(
      "header.stateline-purpose",
      p.error.issues.map((i) => `${i.path.join(".") || "purpose"}: ${i.message}`).join("; "),
    );
  return p.data;
};

/** A file from a multipart request; `data` is not enumerable, so input scans do not walk its bytes. */
export class UploadedFile {
  declare readonly data: Uint8Array;
  readonly fileName: string;
  readonly contentType: string;
  constructor(fileName: string, contentType: string, data: Uint8Array) {
    this.fileName = fileName;
    this.contentType = contentType;
    Object.defineProperty(this, "data", { value: data, enumerable: false });
  }
}

/** The multipart upload as the module's multipart parser leaves it (see module.ts). */
export function uploadedFile(body: unknown): {
  kind: "assessment" | "safety-plan" | "protocol-plan";
  fileName: string;
  contentType: string;
  data: Uint8Array;
} {
  const b = (body ?? {}) as Record<string, unknown>;
  const kind = z.enum(["assessment", "safety-plan", "protocol-plan"]).safeParse(b.kind);
  if (!kind.success) throw badField("kind", "one of assessment, safety-plan, protocol-plan");
  const f = b.file;
  if (!(f instanceof UploadedFile)) throw badField("file", "send the file as multipart/form-data field `file`");
  return { kind: kind.data, fileName: f.fileName, contentType: f.contentType, data: f.data };
}

/**
 * The upload route runs in the module's own encapsulated context with the multipart parser
 * (module.ts), so it is registered there and not in the shared route list.
 */
export const uploadRoutes = [
  route({
    method: "POST",
    url: "/api/v1/schools/documents",
    tags: TAGS,
    auth: "user",
    roles: [...DISTRICT, ...CAMPUS],
    summary:
      "Upload an assessment, plan or protocol plan (multipart/form-data: `kind`, `file`; PDF, PNG, JPEG, text or .docx, up to 10 MB)",
    description:
      "Send `multipart/form-data` with a `kind` field (assessment, safety-plan or protocol-plan) and a `file` field. Answers the document's id, to name in an assessment, a plan or a protocol plan.",
    handler: async (ctx, _i, req) => ({ document: await svc.uploadDocument(ctx, uploadedFile(req.body)) }),
  }),
];

export const schoolRoutes = [
  // ---------------------------------------------------------------- set-up (state staff)
  route({
    method: "PUT",
    url: "/api/v1/schools/wealth-ranks/{town}",
    tags: TAGS,
    auth: "user",
    roles: STATE,
    summary: "Record a town's wealth rank (1 = wealthiest .. 169), as the state publishes it (CGS § 10-285a)",
    params: z.object({ town: z.string().min(2).max(100) }),
    body: S.WealthRankInput,
    handler: (ctx, { params, body }) => svc.setWealthRank(ctx, params.town, body),
  }),
  route({
    method: "GET",
    url: "/api/v1/schools/wealth-ranks",
    tags: TAGS,
    auth: "user",
    summary: "Towns' wealth ranks on record",
    handler: async (ctx) => ({ items: await svc.listWealthRanks(ctx) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/districts",
    tags: TAGS,
    auth: "user",
    roles: STATE,
    idempotent: true,
    summary: "Add a local or regional school district with its town(s)",
    body: S.DistrictInput,
    handler: async (ctx, { body }) => {
      const d = await svc.createDistrict(ctx, body);
      return { district: P.presentDistrict(d, svc.rateOf(d)) };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/schools/districts",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...DISTRICT],
    summary: "Districts (state staff: all; district staff: their own) with their reimbursement rate",
    handler: async (ctx) => ({ items: (await svc.listDistricts(ctx)).map((d) => P.presentDistrict(d, svc.rateOf(d))) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/schools/districts/{id}",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...DISTRICT],
    summary: "A district, its schools and its rate (how it was computed)",
    params: Id,
    handler: async (ctx, { params }) => {
      const r = await svc.getDistrict(ctx, params.id);
      return { district: P.presentDistrict(r.district, r.rate), schools: r.schools.map(P.presentSchool) };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/districts/{id}/schools",
    tags: TAGS,
    auth: "user",
    roles: STATE,
    idempotent: true,
    summary: "Add a school to a district",
    params: Id,
    body: S.SchoolInput,
    handler: async (ctx, { params, body }) => ({ school: P.presentSchool(await svc.addSchool(ctx, params.id, body)) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/campuses",
    tags: TAGS,
    auth: "user",
    roles: STATE,
    idempotent: true,
    summary: "Add a college or university campus (§ 92)",
    body: S.CampusInput,
    handler: async (ctx, { body }) => ({ campus: P.presentCampus(await svc.createCampus(ctx, body)) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/schools/campuses",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...CAMPUS],
    summary: "Campuses (state staff: all; campus staff: their own)",
    handler: async (ctx) => ({ items: (await svc.listCampuses(ctx)).map(P.presentCampus) }),
  }),
  route({
    method: "PUT",
    url: "/api/v1/schools/members",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, "admin"],
    successStatus: 200,
    summary:
      "Link a district or campus staff user to their district or campus (and mark parents or guardians on committees)",
    body: S.MemberInput,
    handler: (ctx, { body }) => svc.linkMember(ctx, body),
  }),

  // ---------------------------------------------------------------- documents and assessments
  route({
    method: "GET",
    url: "/api/v1/schools/documents/{id}",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...DISTRICT, ...CAMPUS],
    summary:
      "An uploaded document's description and its content in base64 (its district's or campus's staff, state staff); the web page /schools/documents/{id} downloads the file",
    params: Id,
    handler: async (ctx, { params }) => {
      const d = await svc.getDocument(ctx, params.id);
      return { document: d.meta, contentBase64: Buffer.from(d.content).toString("base64") };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/schools/{id}/assessments",
    tags: TAGS,
    auth: "user",
    roles: DISTRICT,
    idempotent: true,
    summary:
      "Record a school's security assessment (§§ 84, 86): under local police supervision, with the Safe Schools Facilities Check List",
    params: Id,
    body: S.AssessmentInput,
    handler: async (ctx, { params, body }) => ({
      assessment: P.presentAssessment(await svc.recordAssessment(ctx, params.id, body)),
    }),
  }),

  // ---------------------------------------------------------------- grants (§§ 84-85)
  route({
    method: "POST",
    url: "/api/v1/schools/grant-rounds",
    tags: TAGS,
    auth: "user",
    roles: STATE,
    idempotent: true,
    summary: "Open a funding round (all rounds together at most the $15 million bond authorization)",
    body: S.RoundInput,
    handler: async (ctx, { body }) => ({ round: P.presentRound(await svc.createRound(ctx, body)) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/schools/grant-rounds",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...DISTRICT],
    summary: "Funding rounds",
    handler: async (ctx) => ({ items: (await svc.listRounds(ctx)).map(P.presentRound) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/schools/grant-rounds/{id}",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...DISTRICT],
    summary:
      "A round: its applications and the allocation in force, explained line by line (districts see their own lines)",
    params: Id,
    handler: async (ctx, { params }) => {
      const r = await svc.getRound(ctx, params.id);
      return {
        round: P.presentRound(r.round),
        applications: r.applications.map(P.presentApplicationSummary),
        allocation: r.allocation ? P.presentAllocation(r.allocation) : null,
        runs: r.runs,
      };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/grant-rounds/{id}/allocate",
    tags: TAGS,
    auth: "user",
    roles: STATE,
    idempotent: true,
    successStatus: 200,
    summary:
      "Allocate the round's money among approved applications (full percentages, or by the statute's priority when short)",
    params: Id,
    body: S.AllocateInput.default({ reason: "allocation" }),
    handler: async (ctx, { params, body }) => ({
      allocation: P.presentAllocation(await svc.runAllocation(ctx, params.id, body)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/grant-applications",
    tags: TAGS,
    auth: "user",
    roles: DISTRICT,
    idempotent: true,
    summary:
      "A board of education applies for its town or member towns: schools, assessments, emergency plan, expenses",
    body: S.ApplicationInput,
    handler: async (ctx, { body }) => ({ application: P.presentApplication(await svc.submitApplication(ctx, body)) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/schools/grant-applications",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...DISTRICT],
    summary: "Applications (state staff: all; district staff: their own)",
    query: z.object({ roundId: z.uuid().optional() }).strict(),
    handler: async (ctx, { query }) => ({
      items: (await svc.listApplications(ctx, query)).map(P.presentApplicationSummary),
    }),
  }),
  route({
    method: "GET",
    url: "/api/v1/schools/grant-applications/{id}",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...DISTRICT],
    summary: "An application: eligibility findings, rate, award, claims, payments, history, next actions",
    params: Id,
    handler: async (ctx, { params }) => ({
      application: P.presentApplication(await svc.getApplication(ctx, params.id)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/grant-applications/{id}/review",
    tags: TAGS,
    auth: "user",
    roles: STATE,
    idempotent: true,
    successStatus: 200,
    summary: "Approve or deny with reasons, with the state's finding of need per school",
    params: Id,
    body: S.ReviewInput,
    handler: async (ctx, { params, body }) => ({
      application: P.presentApplication(await svc.reviewApplication(ctx, params.id, body)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/grant-applications/{id}/withdraw",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...DISTRICT],
    idempotent: true,
    successStatus: 200,
    summary: "Withdraw an application (the round's allocation, if any, is re-run without it)",
    params: Id,
    body: S.WithdrawInput,
    handler: async (ctx, { params, body }) => ({
      application: P.presentApplication(await svc.withdrawApplication(ctx, params.id, body)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/grant-applications/{id}/payments",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...DISTRICT],
    idempotent: true,
    summary: "A district's claim or the state's payment against the award",
    params: Id,
    body: S.PaymentInput,
    handler: async (ctx, { params, body }) => ({
      application: P.presentApplication(await svc.recordPayment(ctx, params.id, body)),
    }),
  }),

  // ---------------------------------------------------------------- plans, drills, committees (§§ 86-88)
  route({
    method: "GET",
    url: "/api/v1/schools/schools/{id}",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...DISTRICT],
    summary: "A school: assessments, plans, drill reports, committee with the rulebook's check",
    params: Id,
    handler: async (ctx, { params }) => {
      const r = await svc.getSchool(ctx, params.id);
      return {
        school: P.presentSchool(r.school),
        assessments: r.assessments.map(P.presentAssessment),
        plans: r.plans,
        drills: r.drills,
        committee: {
          members: r.committee.members.map((m) => ({ id: m.id, name: m.name, role: m.role, joinedOn: m.joinedOn })),
          outcome: r.committee.answer.outcome,
          missingSeats: r.committee.answer.result.missingSeats,
          findings: r.committee.answer.findings,
        },
        behaviorReports: r.behaviorReportCount,
      };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/schools/{id}/plans",
    tags: TAGS,
    auth: "user",
    roles: DISTRICT,
    idempotent: true,
    summary: "Submit (or update) a school's safety and security plan for a school year (§ 87)",
    params: Id,
    body: S.PlanInput,
    handler: async (ctx, { params, body }) => ({ plan: await svc.submitPlan(ctx, params.id, body) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/schools/{id}/drills",
    tags: TAGS,
    auth: "user",
    roles: DISTRICT,
    idempotent: true,
    summary: "Report a fire or crisis response drill with the local police and fire evaluation (§ 86)",
    params: Id,
    body: S.DrillInput,
    handler: async (ctx, { params, body }) => ({ drill: await svc.reportDrill(ctx, params.id, body) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/schools/{id}/committee",
    tags: TAGS,
    auth: "user",
    roles: DISTRICT,
    idempotent: true,
    summary: "Add a member to the school security and safety committee (§ 87)",
    params: Id,
    body: S.CommitteeMemberInput,
    handler: async (ctx, { params, body }) => ({ member: await svc.addCommitteeMember(ctx, params.id, body) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/committee-members/{id}/leave",
    tags: TAGS,
    auth: "user",
    roles: DISTRICT,
    successStatus: 200,
    summary: "A committee member leaves",
    params: Id,
    body: S.LeaveInput,
    handler: async (ctx, { params, body }) => ({ member: await svc.endCommitteeMember(ctx, params.id, body) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/schools/{id}/behavior-reports",
    tags: TAGS,
    auth: "user",
    roles: DISTRICT,
    idempotent: true,
    summary: "Record a report of disturbing or threatening behaviour from the safe school climate committee (§§ 86-88)",
    params: Id,
    body: S.BehaviorReportInput,
    handler: async (ctx, { params, body }) => ({ report: await svc.reportBehavior(ctx, params.id, body) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/schools/schools/{id}/behavior-reports",
    tags: TAGS,
    auth: "user",
    roles: DISTRICT,
    summary:
      "Behaviour reports (confidential: the district's staff only, never parents or guardians; send Stateline-Purpose; audited)",
    params: Id,
    handler: async (ctx, { params, headers }) => ({
      items: await svc.listBehaviorReports(ctx, params.id, headerPurpose(headers)),
    }),
  }),
  route({
    method: "GET",
    url: "/api/v1/schools/missing",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...DISTRICT, ...CAMPUS],
    summary:
      "Outstanding plans, assessments, drill reports, training, campus plans and teams, with due dates (DESPP: all; others: their own)",
    query: z.object({ on: PlainDateSchema.optional() }).strict(),
    handler: async (ctx, { query }) => ({ items: (await missingItems(ctx, query.on ?? ctx.today)).map(P.presentDuty) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/reminders",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, "admin"],
    successStatus: 200,
    summary: "Send today's reminders now (the daily job does this too)",
    handler: async (ctx) => {
      if (!["school_safety_staff", "admin"].includes(ctx.user!.role))
        throw forbidden("only state school-safety staff and administrators send reminders");
      return sendReminders(ctx);
    },
  }),

  // ---------------------------------------------------------------- mental health first aid (§ 90)
  route({
    method: "GET",
    url: "/api/v1/schools/coordinators",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...DISTRICT],
    summary: "Safe school climate coordinators and their training",
    handler: async (ctx) => ({ items: (await svc.listCoordinators(ctx)).map(P.presentCoordinator) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/districts/{id}/coordinators",
    tags: TAGS,
    auth: "user",
    roles: DISTRICT,
    idempotent: true,
    summary: "Appoint a district safe school climate coordinator for a school year",
    params: Id,
    body: S.CoordinatorInput,
    handler: async (ctx, { params, body }) => ({
      coordinator: P.presentCoordinator(await svc.appointCoordinator(ctx, params.id, body)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/coordinators/{id}/appointments",
    tags: TAGS,
    auth: "user",
    roles: DISTRICT,
    idempotent: true,
    summary: "Appoint the same coordinator for another school year",
    params: Id,
    body: z.object({ schoolYear: z.string().regex(/^\d{4}-\d{2}$/), appointedOn: PlainDateSchema }).strict(),
    handler: async (ctx, { params, body }) => ({
      coordinator: P.presentCoordinator(await svc.reappointCoordinator(ctx, params.id, body)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/coordinators/{id}/training",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...DISTRICT],
    idempotent: true,
    summary: "Record that a coordinator completed mental health first aid training (once per person)",
    params: Id,
    body: S.CompletionInput,
    handler: async (ctx, { params, body }) => ({
      coordinator: P.presentCoordinator(await svc.recordTraining(ctx, params.id, body)),
    }),
  }),

  // ---------------------------------------------------------------- consultant registry (§ 91)
  route({
    method: "GET",
    url: "/api/v1/schools/consultants",
    tags: TAGS,
    auth: "public",
    summary: "The public school security consultant registry (names, employers, town, services; no contact details)",
    handler: async (ctx) => ({ items: (await svc.publicRegistry(ctx)).map(P.presentConsultantPublic) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/consultants",
    tags: TAGS,
    auth: "public",
    summary: "Apply to be listed (DESPP reviews; staff entries are listed at once)",
    body: S.ConsultantInput,
    handler: async (ctx, { body }) => ({
      consultant: P.presentConsultantStaff(await svc.registerConsultant(ctx, body), ctx.today),
    }),
  }),
  route({
    method: "GET",
    url: "/api/v1/schools/consultants/all",
    tags: TAGS,
    auth: "user",
    roles: STATE,
    summary: "Every registry entry with contact details and status (DESPP)",
    handler: async (ctx) => ({
      items: (await svc.listConsultantsForStaff(ctx)).map((c) => P.presentConsultantStaff(c, ctx.today)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/consultants/{id}/{action}",
    tags: TAGS,
    auth: "user",
    roles: STATE,
    successStatus: 200,
    summary: "Approve, renew (the annual update) or withdraw an entry",
    params: z.object({ id: z.uuid(), action: z.enum(["approve", "renew", "withdraw"]) }),
    handler: async (ctx, { params }) => ({
      consultant: P.presentConsultantStaff(await svc.actOnConsultant(ctx, params.id, params.action), ctx.today),
    }),
  }),

  // ---------------------------------------------------------------- standards and construction review (§§ 80-83, 86)
  route({
    method: "POST",
    url: "/api/v1/schools/standards",
    tags: TAGS,
    auth: "user",
    roles: STATE,
    idempotent: true,
    summary: "Record a version of the SSIC infrastructure standards (§ 80) or DESPP's plan standards (§ 86)",
    body: z
      .object({
        kind: StandardKind,
        title: z.string().trim().min(3).max(300),
        submittedOn: PlainDateSchema,
        topics: z.array(z.string().max(100)).max(20),
        summary: z.string().trim().max(8000).optional(),
      })
      .strict(),
    handler: async (ctx, { body }) => ({ standards: await std.recordStandards(ctx, body) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/schools/standards",
    tags: TAGS,
    auth: "user",
    summary: "Every version of the standards, with the topics each lacks and when the next is due",
    handler: (ctx) => std.listStandards(ctx),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/construction-reviews",
    tags: TAGS,
    auth: "user",
    roles: STATE,
    idempotent: true,
    summary: "DCS's review of a school construction application against the standards in force (§§ 81-82)",
    body: z
      .object({
        districtId: z.uuid(),
        project: z.string().trim().min(3).max(300),
        reviewedOn: PlainDateSchema.optional(),
        compliesWithStandards: z.boolean().optional(),
        decision: z.enum(["approved", "disapproved"]),
        reason: z.string().trim().min(3).max(4000),
      })
      .strict(),
    handler: async (ctx, { body }) => ({ review: await std.reviewConstruction(ctx, body) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/schools/construction-reviews",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...DISTRICT],
    summary: "Construction reviews (state staff: all; district staff: their own)",
    handler: async (ctx) => ({ items: await std.listConstructionReviews(ctx) }),
  }),

  // ---------------------------------------------------------------- campuses (§ 92)
  route({
    method: "GET",
    url: "/api/v1/schools/campuses/{id}",
    tags: TAGS,
    auth: "user",
    roles: [...STATE, ...CAMPUS],
    summary: "A campus: protocol plans and threat assessment team with the rulebook's check",
    params: Id,
    handler: async (ctx, { params }) => {
      const r = await svc.getCampus(ctx, params.id);
      return {
        campus: P.presentCampus(r.campus),
        plans: r.plans,
        team: {
          members: r.team.members,
          outcome: r.team.answer.outcome,
          missingSeats: r.team.answer.result.missingSeats,
          findings: r.team.answer.findings,
        },
      };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/campuses/{id}/protocol-plans",
    tags: TAGS,
    auth: "user",
    roles: CAMPUS,
    idempotent: true,
    summary: "File the security protocol plan or a biennial revision (reviewed with the chief of police or security)",
    params: Id,
    body: S.ProtocolPlanInput,
    handler: async (ctx, { params, body }) => ({ plan: await svc.submitProtocolPlan(ctx, params.id, body) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/campuses/{id}/team",
    tags: TAGS,
    auth: "user",
    roles: CAMPUS,
    idempotent: true,
    summary: "Add a threat assessment team member",
    params: Id,
    body: S.TeamMemberInput,
    handler: async (ctx, { params, body }) => ({ member: await svc.addTeamMember(ctx, params.id, body) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/schools/team-members/{id}/leave",
    tags: TAGS,
    auth: "user",
    roles: CAMPUS,
    successStatus: 200,
    summary: "A team member leaves",
    params: Id,
    body: S.LeaveInput,
    handler: async (ctx, { params, body }) => ({ member: await svc.endTeamMember(ctx, params.id, body) }),
  }),
];
