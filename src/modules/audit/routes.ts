/** The audit trail, for auditors. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { forbidden } from "../../lib/errors.ts";
import { PlainDateSchema } from "../../law/core/schema.ts";
import { verifyAudit } from "./service.ts";
import { readsOfPerson, searchAudit } from "./reads.ts";

export const auditRoutes = [
  route({
    method: "GET",
    url: "/api/v1/audit",
    tags: ["audit"],
    auth: "user",
    roles: ["auditor", "admin"],
    summary: "Audit entries, newest first, filtered by actor, action (or its start), record, outcome and dates",
    query: z
      .object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        before: z.coerce.number().int().min(1).optional(),
        actorId: z.uuid().optional(),
        action: z
          .string()
          .max(100)
          .regex(/^[A-Za-z0-9._-]+$/)
          .optional()
          .describe("an action, or its start: `sale.` finds every sale action"),
        entityType: z.string().max(60).optional(),
        entityId: z.string().max(100).optional(),
        outcome: z.enum(["success", "denied", "failure"]).optional(),
        from: PlainDateSchema.optional().describe("first Connecticut day, included"),
        to: PlainDateSchema.optional().describe("last Connecticut day, included"),
      })
      .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["from"], message: "must be on or before to" }),
    handler: async (ctx, { query }) => {
      if (!["auditor", "admin"].includes(ctx.user!.role)) throw forbidden();
      const { limit, before, ...filter } = query;
      return { items: await searchAudit(ctx.db, filter, { limit, before }) };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/audit/people/{personId}/reads",
    tags: ["audit"],
    auth: "user",
    roles: ["auditor", "admin"],
    summary:
      "Every read of one person's records, with who read, when and the purpose they stated, and every refused attempt (auditors)",
    params: z.object({ personId: z.uuid() }),
    query: z
      .object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        before: z.coerce.number().int().min(1).optional(),
      })
      .strict(),
    handler: async (ctx, { params, query }) => {
      if (!["auditor", "admin"].includes(ctx.user!.role)) throw forbidden();
      return { personId: params.personId, items: await readsOfPerson(ctx.db, params.personId, query) };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/audit/verify",
    tags: ["audit"],
    auth: "user",
    roles: ["auditor", "admin"],
    successStatus: 200,
    summary: "Walk the hash chain and report any break",
    handler: async (ctx) => {
      if (!["auditor", "admin"].includes(ctx.user!.role)) throw forbidden();
      return verifyAudit(ctx.db);
    },
  }),
];
