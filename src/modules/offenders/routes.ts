/**
 * HTTP routes of the Deadly Weapon Offender Registry (PA 13-3 §§ 18-22). Each reads as a
 * pipeline: authenticate (route), validate (schemas), authorize and act (service), present.
 * Reads of registry data carry a purpose: in the body, or in the `Stateline-Purpose:
 * <code>; <text>` header for GETs (never in the URL).
 */
import { z } from "zod";
import { route, zodFields } from "../../http/route.ts";
import { AppError } from "../../lib/errors.ts";
import { ReadPurpose, purposeFromHeader } from "../../lib/purpose.ts";
import {
  CourtRecord,
  LookupInput,
  NoncomplianceQuery,
  PhotoInput,
  RegistrationInput,
  SuspendInput,
  ChangeInput,
  VerificationReport,
} from "./schemas.ts";
import {
  presentChange,
  presentDetail,
  presentHit,
  presentNoncompliance,
  presentOwn,
  presentRegistrant,
  presentVerification,
} from "./present.ts";
import * as svc from "./service.ts";

const POLICE = ["law_enforcement", "licensing_staff"];
const KEEPERS = ["licensing_staff"];
const Id = z.object({ id: z.uuid() });

/** The read purpose from the `Stateline-Purpose` header, or a 400 naming it. */
export function headerPurpose(headers: Record<string, string | string[] | undefined>): ReadPurpose {
  const raw = purposeFromHeader(headers);
  if (raw === undefined)
    throw new AppError(
      "validation",
      "say why you read this record: send the Stateline-Purpose header (`<code>; <text>`)",
      { fields: [{ field: "header.stateline-purpose", message: "required" }] },
    );
  const p = ReadPurpose.safeParse(raw);
  if (!p.success) {
    const fields = zodFields(p.error, "header.stateline-purpose");
    throw new AppError("validation", `Stateline-Purpose: ${fields.map((f) => f.message).join("; ")}`, { fields });
  }
  return p.data;
}

const dutyOut = (r: svc.DutyResult) => ({
  outcome: r.outcome,
  created: r.created,
  decisionId: r.decisionId,
  missing: r.missing,
  findings: r.findings,
  registrant: r.registrant ? presentRegistrant(r.registrant) : null,
});

export const offenderRoutes = [
  route({
    method: "POST",
    url: "/api/v1/offenders/court-records",
    tags: ["offenders"],
    auth: "user",
    roles: KEEPERS,
    idempotent: true,
    summary:
      "Key a conviction or not-guilty-by-reason finding; the rulebook decides whether the person must register (§§ 18-22)",
    description:
      "Yes enters the person as awaiting registration with the due date (14 calendar days after release, or before release from DOC custody) and mails the duty notice. Unknown stores nothing but the decision and names the missing facts for a person to resolve. The same record twice answers the existing registrant.",
    body: CourtRecord,
    handler: async (ctx, { body }) => dutyOut(await svc.keyCourtRecord(ctx, body)),
  }),
  route({
    method: "POST",
    url: "/api/v1/offenders/registrants/{id}/registration",
    tags: ["offenders"],
    auth: "user",
    roles: KEEPERS,
    idempotent: true,
    successStatus: 200,
    summary:
      "Record the registration: identifying information, addresses, fingerprints, criminal history, DNA status; the five-year term and four annual updates follow",
    params: Id,
    body: RegistrationInput,
    handler: async (ctx, { params, body }) => ({
      registrant: presentRegistrant(await svc.completeRegistration(ctx, params.id, body)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/offenders/registrants/{id}/photo",
    tags: ["offenders"],
    auth: "user",
    roles: [...KEEPERS, "law_enforcement"],
    idempotent: true,
    successStatus: 200,
    summary:
      "Add a photograph (JPEG or PNG, base64, at most 2 MB) taken by DESPP, DOC, a police agency or CSSD; the most recent is the registry's photograph",
    params: Id,
    body: PhotoInput,
    handler: async (ctx, { params, body }) => {
      const bytes = Buffer.from(body.dataBase64, "base64");
      return {
        registrant: presentRegistrant(
          await svc.addPhoto(ctx, params.id, {
            contentType: body.contentType,
            bytes,
            takenBy: body.takenBy,
            takenOn: body.takenOn,
          }),
        ),
      };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/offenders/registrants/{id}/photo",
    tags: ["offenders"],
    auth: "user",
    roles: POLICE,
    summary:
      "The registry's current photograph of a registrant, base64 (purpose in the Stateline-Purpose header; audited)",
    params: Id,
    handler: async (ctx, { params, headers }) => {
      const p = await svc.getPhoto(ctx, params.id, headerPurpose(headers));
      return { contentType: p.contentType, dataBase64: Buffer.from(p.bytes).toString("base64") };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/offenders/lookup",
    tags: ["offenders"],
    auth: "user",
    roles: POLICE,
    successStatus: 200,
    summary:
      "Look up registrants by last name (or alias), first name, date of birth, town (purpose in the body; audited)",
    description: "Suspended registrations are withdrawn from law enforcement's view (§ 54-280a). At most 100 results.",
    body: LookupInput,
    handler: async (ctx, { body }) => ({ items: (await svc.lookup(ctx, body)).map(presentHit) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/offenders/registrants/{id}",
    tags: ["offenders"],
    auth: "user",
    roles: POLICE,
    summary:
      "One registrant's record, annual updates, changes, non-compliance and history (purpose in the Stateline-Purpose header; audited)",
    params: Id,
    handler: async (ctx, { params, headers }) =>
      presentDetail(await svc.getRegistrant(ctx, params.id, headerPurpose(headers))),
  }),
  route({
    method: "POST",
    url: "/api/v1/offenders/registrants/{id}/verifications",
    tags: ["offenders"],
    auth: "user",
    roles: POLICE,
    idempotent: true,
    successStatus: 200,
    summary:
      "The police department's or troop's report: appeared, did not appear, or deferred for good cause with the new date",
    params: Id,
    body: VerificationReport,
    handler: async (ctx, { params, body }) => ({
      verification: presentVerification(await svc.reportVerification(ctx, params.id, body)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/offenders/registrants/{id}/changes",
    tags: ["offenders"],
    auth: "user",
    roles: [...POLICE, "resident"],
    idempotent: true,
    summary:
      "Report or record a change of name or address (registrants report their own; a felony only after five business days)",
    params: Id,
    body: ChangeInput,
    handler: async (ctx, { params, body }) => ({ change: presentChange(await svc.recordChange(ctx, params.id, body)) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/offenders/registrants/{id}/suspend",
    tags: ["offenders"],
    auth: "user",
    roles: KEEPERS,
    idempotent: true,
    successStatus: 200,
    summary:
      "Suspend a registration (incarcerated, civil commitment, living out of state): withdrawn from police view, same expiry",
    params: Id,
    body: SuspendInput,
    handler: async (ctx, { params, body }) => ({
      registrant: presentRegistrant(await svc.suspend(ctx, params.id, body)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/offenders/registrants/{id}/reinstate",
    tags: ["offenders"],
    auth: "user",
    roles: KEEPERS,
    idempotent: true,
    successStatus: 200,
    summary: "Reinstate a suspended registration and redistribute it to the police where the registrant lives",
    params: Id,
    body: z
      .object({ note: z.string().trim().min(3).max(2000).optional() })
      .strict()
      .default({}),
    handler: async (ctx, { params, body }) => ({
      registrant: presentRegistrant(await svc.reinstate(ctx, params.id, body)),
    }),
  }),
  route({
    method: "GET",
    url: "/api/v1/offenders/noncompliance",
    tags: ["offenders"],
    auth: "user",
    roles: POLICE,
    summary:
      "Non-compliance list (per town, or all): missed registration, missed update, unreported or late change; each a class D felony with its case (purpose header; audited)",
    query: NoncomplianceQuery,
    handler: async (ctx, { query, headers }) => ({
      items: (
        await svc.listNoncompliance(ctx, {
          town: query.town,
          includeResolved: query.includeResolved === "true",
          purpose: headerPurpose(headers),
        })
      ).map(presentNoncompliance),
    }),
  }),
  route({
    method: "GET",
    url: "/api/v1/offenders/me",
    tags: ["offenders"],
    auth: "user",
    roles: ["resident"],
    summary: "A registrant's own registration and obligations",
    handler: async (ctx) => ({ items: (await svc.myRegistrations(ctx)).map(presentOwn) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/offenders/clocks",
    tags: ["offenders"],
    auth: "user",
    roles: [...KEEPERS, "admin"],
    successStatus: 200,
    summary: "Run every registry clock now, as of today (answers counts only; the jobs run them on schedule)",
    handler: async (ctx) => {
      if (!ctx.user || !["licensing_staff", "admin"].includes(ctx.user.role))
        throw new AppError("forbidden", "only registry staff and administrators run the clocks");
      return svc.runClocks(ctx);
    },
  }),
];
