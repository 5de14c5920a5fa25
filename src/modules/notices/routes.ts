/** HTTP routes for notices. Thin: validate, call the service (which authorizes and audits), present. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { AppError } from "../../lib/errors.ts";
import { ReadPurpose, purposeFromHeader } from "../../lib/purpose.ts";
import { NoticeId, NoticeListQuery } from "./schemas.ts";
import * as svc from "./service.ts";

/** The `Stateline-Purpose` header, parsed; a malformed one is a 400 naming the header. */
function headerPurpose(headers: Record<string, string | string[] | undefined>): ReadPurpose | undefined {
  const raw = purposeFromHeader(headers);
  if (raw === undefined) return undefined;
  const r = ReadPurpose.safeParse(raw);
  if (!r.success) {
    const msg = r.error.issues.map((i) => i.message).join("; ");
    throw new AppError("validation", `header.stateline-purpose: ${msg}`, {
      fields: [{ field: "header.stateline-purpose", message: `send "<code>; <at least 10 characters>": ${msg}` }],
    });
  }
  return r.data;
}

const PURPOSE_DOC =
  "Send the purpose in the `Stateline-Purpose` header: `<code>; <why, at least 10 characters>` (codes: see ReadPurpose). The read is audited.";

export const noticeRoutes = [
  route({
    method: "GET",
    url: "/api/v1/outbox",
    tags: ["notices"],
    auth: "user",
    roles: ["licensing_staff", "admin"],
    summary: "Letters and e-mails with their delivery status (queued, sent, failed, dead); a purpose is required",
    description: PURPOSE_DOC,
    query: NoticeListQuery,
    handler: async (ctx, { query, headers }) => svc.listNotices(ctx, query, headerPurpose(headers)),
  }),
  route({
    method: "GET",
    url: "/api/v1/me/notices",
    tags: ["notices"],
    auth: "user",
    roles: ["resident"],
    summary: "My own letters and e-mails",
    handler: async (ctx) => ({ items: await svc.myNotices(ctx) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/notices/{id}/pdf",
    tags: ["notices"],
    auth: "user",
    roles: ["resident", "licensing_staff", "admin"],
    summary: "One letter as PDF: for its addressee, or for staff with a purpose",
    description: PURPOSE_DOC,
    params: NoticeId,
    handler: async (ctx, { params, headers }, _req, reply) => {
      const r = await svc.noticePdf(ctx, params.id, headerPurpose(headers));
      return reply
        .type("application/pdf")
        .header("Content-Disposition", `attachment; filename="${r.filename}"`)
        .header("Cache-Control", "no-store")
        .send(r.pdf);
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/notices/{id}/retry",
    tags: ["notices"],
    auth: "user",
    roles: ["admin"],
    idempotent: true,
    successStatus: 200,
    summary: "Queue a failed or dead delivery again",
    params: NoticeId,
    body: z.object({}).strict().optional(),
    handler: async (ctx, { params }) => svc.retryNotice(ctx, params.id),
  }),
];
