/** HTTP routes for leads and cases. Thin: validate, authorize (in the service), call, present. */
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { route } from "../../http/route.ts";
import { badField } from "../../lib/errors.ts";
import { ReadPurpose, purposeFromHeader, purposeLine } from "../../lib/purpose.ts";
import { PlainDateSchema } from "../../law/core/schema.ts";
import { DETECTOR_IDS } from "./detectors.ts";
import { presentCase, presentLead, presentLeadDetail } from "./present.ts";
import * as svc from "./service.ts";

const INVESTIGATORS = ["law_enforcement", "licensing_staff"];
const Id = z.object({ id: z.uuid() });
const Purpose = z.string().trim().min(3, "say why you need this record").max(200);

/**
 * The purpose of a read: the `Stateline-Purpose: <code>; <text>` header (kept out of URLs and access
 * logs), or the older `purpose` query parameter, which stays accepted for existing clients.
 */
function readPurpose(req: FastifyRequest, fromQuery: string | undefined): string | undefined {
  const raw = purposeFromHeader(req.headers);
  if (raw === undefined) return fromQuery;
  const p = ReadPurpose.safeParse(raw);
  if (!p.success)
    throw badField(
      "header.stateline-purpose",
      p.error.issues.map((x) => `${x.path.join(".") || "purpose"}: ${x.message}`).join("; "),
    );
  return purposeLine(p.data);
}

export const leadRoutes = [
  route({
    method: "GET",
    url: "/api/v1/leads",
    tags: ["leads"],
    auth: "user",
    roles: INVESTIGATORS,
    summary: "Suspicious purchase leads, newest first (investigators; the purpose is audited)",
    description:
      "Each lead names its detector, the person, the window of activity, the reason in words with the numbers used, and (in the detail) the ids of the records that raised it. A lead is a pointer for an investigator, never a finding against anyone.",
    query: z
      .object({
        status: z.enum(["open", "dismissed", "case-opened"]).optional(),
        detector: z.enum(DETECTOR_IDS).optional(),
        personId: z.uuid().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        purpose: Purpose.optional(),
      })
      .strict(),
    handler: async (ctx, { query }, req) => {
      const r = await svc.listLeads(ctx, { ...query, purpose: readPurpose(req, query.purpose) });
      return { total: r.total, items: r.items.map(presentLead) };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/leads/{id}",
    tags: ["leads"],
    auth: "user",
    roles: INVESTIGATORS,
    summary: "One lead with its evidence and history (the purpose is audited)",
    params: Id,
    query: z.object({ purpose: Purpose.optional() }).strict(),
    handler: async (ctx, { params, query }, req) => {
      const r = await svc.getLead(ctx, params.id, readPurpose(req, query.purpose));
      return { lead: presentLeadDetail(r.lead), history: r.history, next: svc.NEXT[r.lead.status] };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/leads/{id}/dismiss",
    tags: ["leads"],
    auth: "user",
    roles: INVESTIGATORS,
    successStatus: 200,
    summary: "Dismiss an open lead with a reason",
    params: Id,
    body: z.object({ reason: z.string().trim().min(5, "say why the lead is dismissed").max(2000) }).strict(),
    handler: async (ctx, { params, body }) => ({
      lead: presentLead(await svc.dismissLead(ctx, params.id, body.reason)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/leads/{id}/open-case",
    tags: ["leads"],
    auth: "user",
    roles: INVESTIGATORS,
    idempotent: true,
    summary: "Open a case from a lead, or add the lead to an open case about the same person",
    params: Id,
    body: z
      .object({
        title: z.string().trim().min(3).max(200).optional(),
        note: z.string().trim().min(1).max(2000).optional(),
        caseId: z.uuid().optional().describe("an open case about the same person, to add this lead to"),
      })
      .strict()
      .default({}),
    handler: async (ctx, { params, body }) => {
      const r = await svc.openCaseFromLead(ctx, params.id, body);
      return { lead: presentLead(r.lead), case: presentCase(r.case) };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/leads/sweep",
    tags: ["leads"],
    auth: "user",
    roles: [...INVESTIGATORS, "admin"],
    successStatus: 200,
    summary: "Run every detector over everyone with recent activity (answers counts only)",
    body: z
      .object({ on: PlainDateSchema.optional().describe("the day to sweep as of; today by default") })
      .strict()
      .default({}),
    handler: async (ctx, { body }) => svc.runLeadSweep(ctx, body),
  }),
  route({
    method: "GET",
    url: "/api/v1/cases/{id}",
    tags: ["leads"],
    auth: "user",
    roles: INVESTIGATORS,
    summary: "A case with its leads and appended actions (the purpose is audited)",
    params: Id,
    query: z.object({ purpose: Purpose.optional() }).strict(),
    handler: async (ctx, { params, query }, req) => {
      const r = await svc.getCase(ctx, params.id, readPurpose(req, query.purpose));
      return { case: presentCase(r.case), person: r.person, leads: r.leads.map(presentLeadDetail), actions: r.actions };
    },
  }),
];
