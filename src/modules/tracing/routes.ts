/** HTTP routes for tracing. Thin: validate, authorize (in the service), call, present. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { AppError, badField } from "../../lib/errors.ts";
import { purposeFromHeader, ReadPurpose } from "../../lib/purpose.ts";
import { answerPartnerRequest, PARTNER_PATH } from "./exchange.ts";
import { presentAnswer, presentTrace, presentTraceDetail } from "./present.ts";
import { TraceRequest } from "./schemas.ts";
import * as svc from "./service.ts";
import { ATF_ATTRIBUTION } from "./analytics.ts";
import { corridorsFor, sourceStatesFor, trendFor } from "./analytics-service.ts";
import { dealerFigures, dealerRanking, ownDealerFigures, periodOf } from "./dealers.ts";
import {
  dismissTraffickingLead,
  getTraffickingLead,
  listTraffickingLeads,
  NEXT as LEAD_NEXT,
  openTraffickingCase,
  runTraffickingSweep,
  TRAFFICKING_KINDS,
} from "./trafficking-leads.ts";
import { listReturns, recordReturn } from "./returns.ts";
import { PlainDateSchema } from "../../law/core/schema.ts";

const INVESTIGATORS = ["law_enforcement", "trafficking_task_force"];
const Id = z.object({ id: z.uuid() });
const ANALYSTS = ["law_enforcement", "trafficking_task_force", "licensing_staff", "admin"];
const Year = z.coerce.number().int().min(1900).max(2200);
const Period = z.object({ from: PlainDateSchema.optional(), to: PlainDateSchema.optional() }).strict();
const State = z.string().regex(/^[A-Z]{2}$/, "two capital letters (USPS state code)");

/** The read purpose from the `Stateline-Purpose` header (never the URL). */
export function headerPurpose(headers: Record<string, string | string[] | undefined>): ReadPurpose {
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
}

export const tracingRoutes = [
  route({
    method: "POST",
    url: "/api/v1/tracing/traces",
    tags: ["tracing"],
    auth: "user",
    roles: INVESTIGATORS,
    idempotent: true,
    summary:
      "Ask a trace for a recovered firearm; answered at once from Stateline's own records, the rest referred to ATF and partner states",
    description:
      "The answer names the first retail sale and later transfers recorded here (dealer, buyer, dates), lost or stolen reports, registrations, the time to crime and whether the possessor is the purchaser. The purpose of reading these sale records is audited.",
    body: TraceRequest,
    handler: async (ctx, { body }) => {
      const r = await svc.requestTrace(ctx, body);
      return { trace: presentTrace(r.trace), answer: presentAnswer(r.answer), referredTo: r.referrals };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/tracing/traces",
    tags: ["tracing"],
    auth: "user",
    roles: INVESTIGATORS,
    summary: "Traces, newest first (send Stateline-Purpose; the read is audited)",
    query: z
      .object({
        status: z.enum(["answered", "referred", "completed", "no-record", "untraceable"]).optional(),
        serial: z.string().trim().min(1).max(60).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
    handler: async (ctx, { query, headers }) => {
      const r = await svc.listTraces(ctx, query, headerPurpose(headers));
      return { total: r.total, items: r.items.map(presentTrace) };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/tracing/traces/{id}",
    tags: ["tracing"],
    auth: "user",
    roles: INVESTIGATORS,
    summary:
      "One trace with every answer (own records, ATF, partners) and its referrals (send Stateline-Purpose; audited)",
    params: Id,
    handler: async (ctx, { params, headers }) =>
      presentTraceDetail(await svc.getTrace(ctx, params.id, headerPurpose(headers))),
  }),
  route({
    method: "POST",
    url: PARTNER_PATH,
    tags: ["tracing"],
    auth: "public",
    successStatus: 200,
    summary:
      "Partner-state exchange: a trace request from a partner's Stateline instance (RFC 9421 signature, Ed25519)",
    description:
      "Content-Type application/vnd.stateline.trace+json; signed with Signature-Input / Signature over @method, @authority, @path, content-digest and content-type, with created, nonce and keyid. Answers only the fields of the partner's data-sharing agreement.",
    body: z.unknown().describe("the JSON request as signed, sent as application/vnd.stateline.trace+json"),
    handler: async (ctx, { body, headers }, req) => {
      if (typeof body !== "string")
        throw new AppError("unsupported_media_type", "send the signed request as application/vnd.stateline.trace+json");
      if (body.length > 20_000) throw badField("body", "at most 20,000 characters");
      return answerPartnerRequest(ctx, {
        method: req.method,
        url: `${req.protocol}://${req.headers.host ?? "localhost"}${req.url}`,
        headers,
        body,
      });
    },
  }),

  route({
    method: "GET",
    url: "/api/v1/tracing/analytics/source-states",
    tags: ["tracing"],
    auth: "user",
    roles: ANALYSTS,
    summary:
      "Where crime guns recovered in a state in a year were first sold (ATF's table), with Stateline's own traces beside",
    description: ATF_ATTRIBUTION,
    query: z.object({ year: Year, state: State.default("CT") }).strict(),
    handler: async (ctx, { query }) => sourceStatesFor(ctx, query.year, query.state),
  }),
  route({
    method: "GET",
    url: "/api/v1/tracing/analytics/trend",
    tags: ["tracing"],
    auth: "user",
    roles: ANALYSTS,
    summary: "A recovery state's in-state, weaker-law and iron-pipeline shares for every year of ATF's table",
    query: z.object({ state: State.default("CT") }).strict(),
    handler: async (ctx, { query }) => ({
      state: query.state,
      years: await trendFor(ctx, query.state),
      attribution: ATF_ATTRIBUTION,
    }),
  }),
  route({
    method: "GET",
    url: "/api/v1/tracing/analytics/corridors",
    tags: ["tracing"],
    auth: "user",
    roles: ANALYSTS,
    summary:
      "The largest interstate flows into Connecticut, New York, New Jersey and Massachusetts (the iron pipeline)",
    query: z.object({ from: Year.default(2010), to: Year.default(2020) }).strict(),
    handler: async (ctx, { query }) => ({
      from: query.from,
      to: query.to,
      corridors: await corridorsFor(ctx, query.from, query.to),
      attribution: ATF_ATTRIBUTION,
    }),
  }),

  route({
    method: "GET",
    url: "/api/v1/tracing/dealers",
    tags: ["tracing"],
    auth: "user",
    roles: ["law_enforcement", "trafficking_task_force", "licensing_staff"],
    summary:
      "Dealer accountability: every Connecticut dealer ranked by traces per 1,000 sales, and out-of-state dealers named in traces",
    query: Period,
    handler: async (ctx, { query }) => dealerRanking(ctx, periodOf(ctx, query.from, query.to)),
  }),
  route({
    method: "GET",
    url: "/api/v1/tracing/dealers/{id}",
    tags: ["tracing"],
    auth: "user",
    roles: ["law_enforcement", "trafficking_task_force", "licensing_staff", "dealer"],
    summary: "One dealer's figures (a dealer's staff: their own shop only)",
    params: Id,
    query: Period,
    handler: async (ctx, { params, query }) => dealerFigures(ctx, params.id, periodOf(ctx, query.from, query.to)),
  }),
  route({
    method: "GET",
    url: "/api/v1/tracing/my-dealer",
    tags: ["tracing"],
    auth: "user",
    roles: ["dealer"],
    summary: "The signed-in dealer's own figures",
    query: Period,
    handler: async (ctx, { query }) => ownDealerFigures(ctx, periodOf(ctx, query.from, query.to)),
  }),
  route({
    method: "GET",
    url: "/api/v1/tracing/leads",
    tags: ["tracing"],
    auth: "user",
    roles: INVESTIGATORS,
    summary:
      "Trafficking leads (straw purchasing, unlicensed dealing, privately made guns by town, online sellers); send Stateline-Purpose",
    query: z
      .object({
        status: z.enum(["open", "dismissed", "case-opened"]).optional(),
        kind: z.enum(TRAFFICKING_KINDS).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
    handler: async (ctx, { query, headers }) => listTraffickingLeads(ctx, query, headerPurpose(headers)),
  }),
  route({
    method: "GET",
    url: "/api/v1/tracing/leads/{id}",
    tags: ["tracing"],
    auth: "user",
    roles: INVESTIGATORS,
    summary: "One trafficking lead with its evidence (send Stateline-Purpose; audited)",
    params: Id,
    handler: async (ctx, { params, headers }) => {
      const l = await getTraffickingLead(ctx, params.id, headerPurpose(headers));
      return { lead: l, next: LEAD_NEXT[l.status] };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/tracing/leads/sweep",
    tags: ["tracing"],
    auth: "user",
    roles: INVESTIGATORS,
    successStatus: 200,
    summary: "Run the trafficking detectors over the last year (answers counts only)",
    body: z.object({ on: PlainDateSchema.optional() }).strict().default({}),
    handler: async (ctx, { body }) => runTraffickingSweep(ctx, body.on),
  }),
  route({
    method: "POST",
    url: "/api/v1/tracing/leads/{id}/dismiss",
    tags: ["tracing"],
    auth: "user",
    roles: INVESTIGATORS,
    successStatus: 200,
    idempotent: true,
    summary: "Dismiss an open trafficking lead with a reason",
    params: Id,
    body: z.object({ reason: z.string().trim().min(5, "say why the lead is dismissed").max(2000) }).strict(),
    handler: async (ctx, { params, body }) => ({ lead: await dismissTraffickingLead(ctx, params.id, body.reason) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/tracing/leads/{id}/open-case",
    tags: ["tracing"],
    auth: "user",
    roles: INVESTIGATORS,
    idempotent: true,
    summary: "Open a trafficking case from a lead, or add it to an open case about the same subject",
    params: Id,
    body: z
      .object({
        title: z.string().trim().min(3).max(200).optional(),
        note: z.string().trim().min(1).max(2000).optional(),
        caseId: z.uuid().optional(),
      })
      .strict()
      .default({}),
    handler: async (ctx, { params, body }) => ({ lead: await openTraffickingCase(ctx, params.id, body) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/tracing/returns",
    tags: ["tracing"],
    auth: "user",
    roles: INVESTIGATORS,
    summary:
      "Recovered stolen guns and ammunition flagged for return to their rightful owners (PA 13-3 § 41), with the owner's record; send Stateline-Purpose",
    query: z.object({ status: z.enum(["flagged", "returned"]).default("flagged") }).strict(),
    handler: async (ctx, { query, headers }) => ({
      items: await listReturns(ctx, query.status, headerPurpose(headers)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/tracing/traces/{id}/return",
    tags: ["tracing"],
    auth: "user",
    roles: INVESTIGATORS,
    successStatus: 200,
    idempotent: true,
    summary: "Record that flagged stolen property was returned to its owner (PA 13-3 § 41)",
    params: Id,
    body: z.object({ returnedOn: PlainDateSchema, note: z.string().trim().min(1).max(2000).optional() }).strict(),
    handler: async (ctx, { params, body }) => ({ trace: presentTrace(await recordReturn(ctx, params.id, body)) }),
  }),
];
