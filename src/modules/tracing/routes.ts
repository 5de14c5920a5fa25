/** HTTP routes for tracing. Thin: validate, authorize (in the service), call, present. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { badField } from "../../lib/errors.ts";
import { purposeFromHeader, ReadPurpose } from "../../lib/purpose.ts";
import { answerPartnerRequest, PARTNER_PATH } from "./exchange.ts";
import { presentAnswer, presentTrace, presentTraceDetail } from "./present.ts";
import { TraceRequest } from "./schemas.ts";
import * as svc from "./service.ts";

const INVESTIGATORS = ["law_enforcement", "trafficking_task_force"];
const Id = z.object({ id: z.uuid() });

/** The read purpose from the `Stateline-Purpose` header (never the URL). */
export function headerPurpose(headers: Record<string, string | string[] | undefined>): ReadPurpose {
  const raw = purposeFromHeader(headers);
  if (raw === undefined) throw badField("header.stateline-purpose", "say why you read this (Stateline-Purpose: <code>; <text>); it is audited");
  const p = ReadPurpose.safeParse(raw);
  if (!p.success) throw badField("header.stateline-purpose", p.error.issues.map((i) => `${i.path.join(".") || "purpose"}: ${i.message}`).join("; "));
  return p.data;
}

export const tracingRoutes = [
  route({
    method: "POST", url: "/api/v1/tracing/traces", tags: ["tracing"], auth: "user", roles: INVESTIGATORS, idempotent: true,
    summary: "Ask a trace for a recovered firearm; answered at once from Stateline's own records, the rest referred to ATF and partner states",
    description: "The answer names the first retail sale and later transfers recorded here (dealer, buyer, dates), lost or stolen reports, registrations, the time to crime and whether the possessor is the purchaser. The purpose of reading these sale records is audited.",
    body: TraceRequest,
    handler: async (ctx, { body }) => {
      const r = await svc.requestTrace(ctx, body);
      return { trace: presentTrace(r.trace), answer: presentAnswer(r.answer), referredTo: r.referrals };
    },
  }),
  route({
    method: "GET", url: "/api/v1/tracing/traces", tags: ["tracing"], auth: "user", roles: INVESTIGATORS,
    summary: "Traces, newest first (send Stateline-Purpose; the read is audited)",
    query: z.object({
      status: z.enum(["answered", "referred", "completed", "no-record", "untraceable"]).optional(),
      serial: z.string().trim().min(1).max(60).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }).strict(),
    handler: async (ctx, { query, headers }) => {
      const r = await svc.listTraces(ctx, query, headerPurpose(headers));
      return { total: r.total, items: r.items.map(presentTrace) };
    },
  }),
  route({
    method: "GET", url: "/api/v1/tracing/traces/{id}", tags: ["tracing"], auth: "user", roles: INVESTIGATORS,
    summary: "One trace with every answer (own records, ATF, partners) and its referrals (send Stateline-Purpose; audited)",
    params: Id,
    handler: async (ctx, { params, headers }) => presentTraceDetail(await svc.getTrace(ctx, params.id, headerPurpose(headers))),
  }),
  route({
    method: "POST", url: PARTNER_PATH, tags: ["tracing"], auth: "public", successStatus: 200,
    summary: "Partner-state exchange: a trace request from a partner's Stateline instance (RFC 9421 signature, Ed25519)",
    description: "Content-Type application/vnd.stateline.trace+json; signed with Signature-Input / Signature over @method, @authority, @path, content-digest and content-type, with created, nonce and keyid. Answers only the fields of the partner's data-sharing agreement.",
    body: z.string().max(20_000).describe("the JSON request, as signed"),
    handler: async (ctx, { body, headers }, req) => answerPartnerRequest(ctx, {
      method: req.method, url: `${req.protocol}://${req.headers.host ?? "localhost"}${req.url}`, headers, body,
    }),
  }),
];
