/** The sellers' registry. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { forbidden } from "../../lib/errors.ts";
import * as svc from "./service.ts";

const Id = z.object({ id: z.uuid() });

export const dealerRoutes = [
  route({
    method: "GET",
    url: "/api/v1/dealers",
    tags: ["dealers"],
    auth: "user",
    roles: ["licensing_staff", "admin", "law_enforcement", "auditor"],
    summary: "The registry of dealers and ammunition vendors",
    query: z.object({
      kind: z.enum(["firearm-dealer", "ammunition-vendor"]).optional(),
      status: z.enum(["active", "suspended", "revoked"]).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    handler: async (ctx, { query }) => {
      if (!svc.dealerPolicy.viewRegistry(ctx.user!)) throw forbidden();
      return { items: await svc.listDealers(ctx.db, query) };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/dealers",
    tags: ["dealers"],
    auth: "user",
    roles: ["licensing_staff", "admin"],
    idempotent: true,
    summary: "Register a dealer or ammunition vendor",
    body: z
      .object({
        name: z.string().trim().min(2).max(200),
        kind: z.enum(["firearm-dealer", "ammunition-vendor"]),
        fflNumber: z
          .string()
          .regex(
            /^\d-\d{2}-\d{3}-\d{2}-[0-9A-Z]{2}-\d{5}$/,
            "a federal firearms licence number like 6-06-001-01-7A-00001",
          )
          .optional(),
        statePermitNumber: z.string().trim().min(3).max(40).optional(),
        town: z.string().trim().min(2).max(100),
        street: z.string().trim().min(3).max(200),
        zip: z
          .string()
          .regex(/^\d{5}$/, "five digits")
          .optional(),
      })
      .strict(),
    handler: async (ctx, { body }) => ({ dealer: await svc.registerDealer(ctx, body) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/dealers/mine",
    tags: ["dealers"],
    auth: "user",
    roles: ["dealer", "ammunition_vendor"],
    summary: "The seller you act for, and its staff",
    handler: async (ctx) => {
      const d = await svc.getActingDealer(ctx);
      const m = await svc.findStaffMembership(ctx.db, ctx.user!.id);
      return {
        dealer: d,
        position: m?.position,
        staff: m?.position === "clerk" ? [] : await svc.listDealerStaff(ctx.db, d.id),
      };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/dealers/{id}/status",
    tags: ["dealers"],
    auth: "user",
    roles: ["licensing_staff", "admin"],
    successStatus: 200,
    summary: "Suspend, reinstate or revoke a seller",
    params: Id,
    body: z
      .object({ status: z.enum(["active", "suspended", "revoked"]), note: z.string().trim().min(3).max(1000) })
      .strict(),
    handler: async (ctx, { params, body }) => ({
      dealer: await svc.changeDealerStatus(ctx, params.id, body.status, body.note),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/dealers/{id}/staff",
    tags: ["dealers"],
    auth: "user",
    roles: ["licensing_staff", "admin", "dealer", "ammunition_vendor"],
    summary: "Add a login for a seller's owner, manager or clerk",
    params: Id,
    body: z
      .object({
        username: z.string().regex(/^[a-z0-9._@-]{3,64}$/, "3-64 lowercase letters, digits or . _ @ -"),
        displayName: z.string().trim().min(1).max(100),
        password: z.string().min(12).max(200),
        position: z.enum(["owner", "manager", "clerk"]),
      })
      .strict(),
    handler: async (ctx, { params, body }) => {
      const u = await svc.addDealerStaff(ctx, params.id, body);
      return { userId: u.id, username: u.username, role: u.role, position: body.position };
    },
  }),
];
