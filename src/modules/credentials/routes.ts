/** HTTP routes for applications, credentials, verification and prohibiting events. Thin: validate, authorize, call, present. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { forbidden } from "../../lib/errors.ts";
import { PlainDateSchema } from "../../law/core/schema.ts";
import { appendAudit, auditRead, auditRefusedRead, requirePurpose } from "../audit/index.ts";
import type { Ctx } from "../../context.ts";
import { isDatabaseUnavailable } from "../../db/client.ts";
import { getPerson } from "../people/index.ts";
import { policy } from "./policy.ts";
import { presentApplication, presentCredentialForPolice, presentCredentialFull, presentDecision } from "./present.ts";
import * as svc from "./service.ts";

const Kind = z.enum(svc.CREDENTIAL_KINDS);
const Id = z.object({ id: z.uuid() });
/** Kept in the query's schema only to refuse it with a clear answer: purposes go in a header or body (audit/reads.ts). */
const NoPurposeInUrl = z.unknown().optional().describe("refused: send the purpose in the Stateline-Purpose header");
const PURPOSE_DOC =
  "Staff and police send why they need the record in the `Stateline-Purpose: <code>; <why, at least 10 characters>` header (never in the URL); the read is audited, and a refused attempt too. Residents reading their own records send none.";

export const ApplicationBody = z
  .object({
    credentialKind: Kind,
    residenceTown: z.string().trim().min(2).max(100),
    attestedNoTemporaryPermitIn12Months: z.boolean().optional(),
    citizenOrLawfulResident: z.boolean().describe("the applicant states they are a US citizen or lawfully present"),
    backgroundCheckConsent: z.boolean(),
    feePaid: z.boolean(),
    personId: z.uuid().optional().describe("staff only: the person a paper application is for"),
    renewsCredentialId: z.uuid().optional(),
  })
  .strict();

const Finding = z.object({
  id: z.string(),
  status: z.enum(["met", "not-met", "unknown", "not-applicable"]),
  because: z.string(),
  citation: z.string(),
  missing: z.array(z.string()).optional(),
});
const ApplicationOut = z.object({
  application: z.object({ id: z.string(), number: z.string(), status: z.string() }).loose(),
  decision: z.object({ outcome: z.enum(["yes", "no", "unknown"]), findings: z.array(Finding) }).loose(),
});

/**
 * Probing the verification database (issue 8, finding 8: 40 look-ups recovered a holder's date of
 * birth): each time one user's answers of "not valid" in the last hour reach a multiple of
 * `config.rateLimit.failedChecksAlert`, an alert entry goes into the audit trail.
 */
async function alertOnFailedVerifications(ctx: Ctx): Promise<void> {
  const since = new Date(ctx.clock.now().getTime() - 3_600_000).toISOString();
  const r = await ctx.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_log WHERE action = 'credential.verify' AND actor_id = $1 AND at > $2 AND details->>'valid' = 'false'",
    [ctx.user!.id, since],
  );
  const n = r[0]?.n ?? 0;
  const every = ctx.config.rateLimit.failedChecksAlert;
  if (n > 0 && n % every === 0) {
    await ctx.db.tx((q) =>
      appendAudit(q, ctx, {
        action: "security.alert",
        entityType: "user",
        entityId: ctx.user!.id,
        outcome: "denied",
        details: { reason: "failed credential verifications are piling up", failedLastHour: n, threshold: every },
      }),
    );
  }
}

export const credentialRoutes = [
  route({
    method: "POST",
    url: "/api/v1/applications",
    tags: ["credentials"],
    auth: "user",
    roles: ["resident", "licensing_staff"],
    idempotent: true,
    summary: "Apply for a credential (residents online; staff key in paper applications)",
    description:
      "Submits the application and runs the background check at once. The answer carries the decision with every finding and its citation: approvable, needs-review (facts unknown: a person will look) or ineligible. Nothing is denied automatically.",
    body: ApplicationBody,
    response: ApplicationOut,
    handler: async (ctx, { body }) => {
      const r = await svc.submitApplication(ctx, body);
      return { application: presentApplication(r.application), decision: presentDecision(r.decision) };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/applications",
    tags: ["credentials"],
    auth: "user",
    roles: ["licensing_staff", "resident"],
    summary: "The licensing queue (staff, with a purpose, audited) or your own applications (residents)",
    description: PURPOSE_DOC,
    query: z.object({
      status: z
        .enum(["submitted", "approvable", "needs-review", "ineligible", "issued", "denied", "withdrawn"])
        .optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      purpose: NoPurposeInUrl,
    }),
    handler: async (ctx, { query, headers }) => {
      const u = ctx.user!;
      if (policy.workQueue(u)) {
        const purpose = requirePurpose({ headers, query });
        const r = await svc.listQueue(ctx.db, query);
        await ctx.db.tx((q) =>
          auditRead(q, ctx, purpose, {
            action: "application.list",
            entityType: "applications",
            personIds: r.items.map((i) => i.application.personId),
            details: { status: query.status ?? null, shown: r.items.length },
          }),
        );
        return {
          total: r.total,
          items: r.items.map((i) => ({ ...presentApplication(i.application), applicant: i.person })),
        };
      }
      if (u.role === "resident" && u.personId) {
        const apps = await svc.applicationsOfPerson(ctx.db, u.personId);
        return { total: apps.length, items: apps.map(presentApplication) };
      }
      throw await auditRefusedRead(ctx, { action: "application.list", entityType: "applications" });
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/applications/{id}",
    tags: ["credentials"],
    auth: "user",
    roles: ["licensing_staff", "resident"],
    summary: "One application with its decision, findings and history",
    description: PURPOSE_DOC,
    params: Id,
    query: z.object({ purpose: NoPurposeInUrl }),
    handler: async (ctx, { params, query, headers }) => {
      const app = await svc.getApplication(ctx.db, params.id);
      if (!policy.viewApplication(ctx.user!, app))
        throw await auditRefusedRead(ctx, {
          action: "application.read",
          entityType: "application",
          entityId: app.id,
          personIds: [app.personId],
        });
      const own = ctx.user!.role === "resident";
      // Staff state a purpose: no default is assumed (issue 8, finding 5).
      const purpose = own ? undefined : requirePurpose({ headers, query });
      const person = await getPerson(ctx.db, app.personId);
      if (purpose)
        await ctx.db.tx((q) =>
          auditRead(q, ctx, purpose, {
            action: "application.read",
            entityType: "application",
            entityId: app.id,
            personIds: [app.personId],
          }),
        );
      const decision = app.latestDecisionId
        ? presentDecision(await svc.getDecision(ctx.db, app.latestDecisionId))
        : null;
      return {
        application: presentApplication(app),
        applicant: {
          firstName: person.firstName,
          middleName: person.middleName,
          lastName: person.lastName,
          birthDate: person.birthDate,
          street: person.street,
          town: person.town,
          state: person.state,
          zip: person.zip,
        },
        decision,
        history: await svc.applicationHistory(ctx.db, app.id),
        next: svc.NEXT[app.status],
      };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/applications/{id}/check",
    tags: ["credentials"],
    auth: "user",
    roles: ["licensing_staff"],
    successStatus: 200,
    summary: "Run the background check again (for example after NICS returns)",
    params: Id,
    handler: async (ctx, { params }) => {
      if (!policy.decideApplication(ctx.user!)) throw forbidden();
      const r = await svc.runBackgroundCheck(ctx, params.id);
      return { application: presentApplication(r.application), decision: presentDecision(r.decision) };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/applications/{id}/issue",
    tags: ["credentials"],
    auth: "user",
    roles: ["licensing_staff"],
    idempotent: true,
    summary: "Issue the credential (the law is asked again on the day of issue)",
    description:
      "The issuing person confirms what the rulebook cannot check (rule credentials.staff-confirmations): the firearms safety course for a first permit or eligibility certificate, and suitability for a permit to carry. A missing confirmation is a 400 naming confirmations.safetyCourse or confirmations.suitability.",
    params: Id,
    body: z
      .object({
        reviewNote: z.string().trim().max(2000).optional(),
        confirmations: z
          .object({
            safetyCourse: z.boolean().optional().describe("the applicant completed an approved firearms safety course"),
            suitability: z.boolean().optional().describe("the applicant is a suitable person (permits to carry)"),
          })
          .strict()
          .optional(),
      })
      .strict()
      .default({}),
    example: {
      reviewNote: "Course certificate checked against the instructor's roster",
      confirmations: { safetyCourse: true, suitability: true },
    },
    handler: async (ctx, { params, body }) => ({
      credential: presentCredentialFull(await svc.issueCredential(ctx, params.id, body)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/applications/{id}/deny",
    tags: ["credentials"],
    auth: "user",
    roles: ["licensing_staff"],
    successStatus: 200,
    summary: "Deny the application with a written reason",
    params: Id,
    body: z.object({ reason: z.string().trim().min(5).max(2000) }).strict(),
    handler: async (ctx, { params, body }) => ({
      application: presentApplication(await svc.denyApplication(ctx, params.id, body.reason)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/applications/{id}/withdraw",
    tags: ["credentials"],
    auth: "user",
    roles: ["resident", "licensing_staff"],
    successStatus: 200,
    summary: "Withdraw an open application",
    params: Id,
    handler: async (ctx, { params }) => ({
      application: presentApplication(await svc.withdrawApplication(ctx, params.id)),
    }),
  }),
  route({
    method: "GET",
    url: "/api/v1/credentials",
    tags: ["credentials"],
    auth: "user",
    roles: ["resident"],
    summary: "Your own credentials",
    handler: async (ctx) => {
      const u = ctx.user!;
      if (!policy.listOwnCredentials(u) || !u.personId) throw forbidden();
      return { items: (await svc.credentialsOfPerson(ctx.db, u.personId)).map(presentCredentialFull) };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/credentials/{id}",
    tags: ["credentials"],
    auth: "user",
    roles: ["resident", "licensing_staff", "law_enforcement"],
    summary: "One credential with its history (police and staff give a purpose, which is audited)",
    description: PURPOSE_DOC,
    params: Id,
    query: z.object({ purpose: NoPurposeInUrl }),
    handler: async (ctx, { params, query, headers }) => {
      const u = ctx.user!;
      const c = await svc.getCredential(ctx.db, params.id);
      if (!policy.viewCredential(u, c))
        throw await auditRefusedRead(ctx, {
          action: "credential.read",
          entityType: "credential",
          entityId: c.id,
          personIds: [c.personId],
        });
      if (u.role === "law_enforcement" || u.role === "licensing_staff") {
        const purpose = requirePurpose({ headers, query });
        await ctx.db.tx((q) =>
          auditRead(q, ctx, purpose, {
            action: "credential.read",
            entityType: "credential",
            entityId: c.id,
            personIds: [c.personId],
          }),
        );
      } else if (query.purpose !== undefined) requirePurpose({ headers, query });
      if (u.role === "law_enforcement") {
        const p = await getPerson(ctx.db, c.personId);
        return {
          credential: presentCredentialForPolice(c),
          holder: { firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate },
        };
      }
      return { credential: presentCredentialFull(c), history: await svc.credentialHistory(ctx.db, c.id) };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/credentials/{id}/renew",
    tags: ["credentials"],
    auth: "user",
    roles: ["resident"],
    idempotent: true,
    summary: "Renew your credential online",
    params: Id,
    body: z
      .object({
        residenceTown: z.string().trim().min(2).max(100),
        citizenOrLawfulResident: z.boolean(),
        backgroundCheckConsent: z.boolean(),
        feePaid: z.boolean(),
      })
      .strict(),
    handler: async (ctx, { params, body }) => {
      const c = await svc.getCredential(ctx.db, params.id);
      if (!policy.renew(ctx.user!, c)) throw forbidden();
      const r = await svc.submitApplication(ctx, { credentialKind: c.kind, renewsCredentialId: c.id, ...body });
      return { application: presentApplication(r.application), decision: presentDecision(r.decision) };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/credentials/{id}/surrender",
    tags: ["credentials"],
    auth: "user",
    roles: ["licensing_staff", "law_enforcement"],
    successStatus: 200,
    summary: "Record the surrender of a revoked credential (late surrenders are flagged with the penalty)",
    params: Id,
    body: z.object({ surrenderedOn: PlainDateSchema }).strict(),
    handler: async (ctx, { params, body }) => ({
      credential: presentCredentialFull(await svc.recordSurrender(ctx, params.id, body.surrenderedOn)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/verifications",
    tags: ["point of sale"],
    auth: "user",
    roles: ["dealer", "ammunition_vendor", "law_enforcement", "licensing_staff"],
    successStatus: 200,
    summary: "Check a buyer's credential at the counter: valid for this purpose today, or not — nothing else",
    body: z
      .object({
        credentialNumber: z
          .string()
          .trim()
          .min(3)
          .max(20)
          .regex(/^[A-Za-z]{2}-?\d{4,12}$/, "looks like SP-1000001"),
        lastName: z.string().trim().min(1).max(100),
        birthDate: PlainDateSchema,
        purpose: z.enum(["handgun-purchase", "long-gun-purchase", "ammunition-purchase", "magazine-purchase"]),
      })
      .strict(),
    response: z.object({ valid: z.boolean(), purpose: z.string(), checkedOn: z.string(), reference: z.string() }),
    handler: async (ctx, { body }) => {
      const r = await svc.verifyCredential(ctx, {
        ...body,
        credentialNumber: body.credentialNumber.toUpperCase().replace(/^([A-Z]{2})-?/, "$1-"),
      });
      // With a replica configured, verification answers while the primary is down; the probing alert
      // (which counts the primary's audit entries) waits for the primary and is skipped meanwhile.
      if (!r.valid)
        await alertOnFailedVerifications(ctx).catch((e: unknown) => {
          if (!(ctx.replica && isDatabaseUnavailable(e))) throw e;
        });
      return r;
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/prohibiting-events",
    tags: ["enforcement"],
    auth: "user",
    roles: ["licensing_staff", "admin"],
    idempotent: true,
    summary: "Record a prohibiting event; every active credential of the person is re-decided at once",
    body: z
      .object({
        personId: z.uuid(),
        kind: z.enum([
          "conviction",
          "probate-commitment",
          "voluntary-admission",
          "ngri-discharge",
          "protective-order",
          "restraining-order",
          "foreign-order",
          "firearms-seizure-order",
          "federal-prohibitor",
        ]),
        eventOn: PlainDateSchema,
        statute: z.string().trim().max(40).optional(),
        felony: z.boolean().optional(),
        offenseOn: PlainDateSchema.optional(),
        solelyAlcoholOrDrug: z.boolean().optional(),
        expiresOn: PlainDateSchema.optional(),
        active: z.boolean().optional(),
        category: z.string().trim().max(100).optional(),
        source: z.string().trim().min(2).max(100),
        reference: z.string().trim().max(100).optional(),
      })
      .strict(),
    handler: async (ctx, { body }) => svc.recordProhibitingEvent(ctx, body),
  }),
  route({
    method: "POST",
    url: "/api/v1/jobs/daily",
    tags: ["credentials"],
    auth: "user",
    roles: ["admin", "licensing_staff"],
    successStatus: 200,
    summary: "Run the daily sweep now: expiries, renewal notices, late surrenders",
    handler: async (ctx) => {
      if (!policy.runJobs(ctx.user!)) throw forbidden();
      return svc.runDailyJobs(ctx);
    },
  }),
];
