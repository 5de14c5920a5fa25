/** Sign-in for software (sessions are for the web UI), API keys, and user administration. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { forbidden } from "../../lib/errors.ts";
import { ROLES } from "./roles.ts";
import { appendAudit } from "../audit/index.ts";
import { createApiKey, createUser, listApiKeys, listUsers, revokeApiKey, unlockUser } from "./service.ts";

const ApiKeyOut = z.object({
  id: z.string(),
  owner: z.string(),
  label: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const authRoutes = [
  route({
    method: "GET",
    url: "/api/v1/me",
    tags: ["access"],
    auth: "user",
    summary: "Who you are signed in as",
    handler: async (ctx) => {
      const u = ctx.user!;
      return { username: u.username, displayName: u.displayName, role: u.role, organization: u.organization };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/api-keys",
    tags: ["access"],
    auth: "user",
    roles: ["dealer", "ammunition_vendor", "admin"],
    summary:
      "Create an API key for your point-of-sale software (shown once; signed-in people only, never with another key)",
    body: z.object({ label: z.string().trim().min(2).max(80) }).strict(),
    handler: async (ctx, { body }, req) => {
      const u = ctx.user!;
      if (!["dealer", "ammunition_vendor", "admin"].includes(u.role)) throw forbidden();
      // A key must not mint more keys: a stolen key would otherwise outlive its revocation.
      if (req.authVia !== "session")
        throw forbidden("API keys are created by a signed-in person in the web UI, not with another API key");
      const k = await createApiKey(ctx, u.id, body.label);
      return { id: k.id, key: k.key, label: body.label };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/api-keys",
    tags: ["access"],
    auth: "user",
    summary: "API keys: your own, or (administrators) everyone's or one user's; never the key itself",
    query: z.object({ username: z.string().min(3).max(64).optional() }).strict(),
    response: z.object({ items: z.array(ApiKeyOut) }),
    handler: async (ctx, { query }) => ({ items: await listApiKeys(ctx, query) }),
  }),
  route({
    method: "POST",
    url: "/api/v1/api-keys/{id}/revoke",
    tags: ["access"],
    auth: "user",
    successStatus: 200,
    summary: "Revoke an API key (its owner or an administrator); refused from the next request on",
    params: z.object({ id: z.uuid() }),
    response: ApiKeyOut,
    handler: async (ctx, { params }) => revokeApiKey(ctx, params.id),
  }),
  route({
    method: "GET",
    url: "/api/v1/users",
    tags: ["access"],
    auth: "user",
    roles: ["admin"],
    summary: "All users (administrators)",
    handler: async (ctx) => {
      if (ctx.user!.role !== "admin") throw forbidden();
      return {
        items: (await listUsers(ctx.db)).map((u) => ({
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          organization: u.organization,
          locked: u.locked,
        })),
      };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/users",
    tags: ["access"],
    auth: "user",
    roles: ["admin"],
    summary: "Create a user (administrators)",
    body: z
      .object({
        username: z.string().regex(/^[a-z0-9._@-]{3,64}$/, "3-64 lowercase letters, digits or . _ @ -"),
        displayName: z.string().trim().min(1).max(100),
        role: z.enum(ROLES),
        password: z.string().min(12).max(200),
        personId: z.uuid().optional(),
        organization: z.string().max(100).optional(),
      })
      .strict(),
    handler: async (ctx, { body }) => {
      if (ctx.user!.role !== "admin") throw forbidden();
      const u = await ctx.db.tx(async (q) => {
        const created = await createUser(q, { ...body, passwordCost: ctx.config.passwordCost });
        await appendAudit(q, ctx, {
          action: "user.create",
          entityType: "user",
          entityId: created.id,
          details: { role: created.role },
        });
        return created;
      });
      return { id: u.id, username: u.username, role: u.role };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/users/{username}/unlock",
    tags: ["access"],
    auth: "user",
    roles: ["admin"],
    successStatus: 200,
    summary: "End a sign-in lock before its time (locks also end by themselves)",
    params: z.object({ username: z.string().min(3).max(64) }),
    handler: async (ctx, { params }) => {
      if (ctx.user!.role !== "admin") throw forbidden();
      await unlockUser(ctx, params.username);
      return { unlocked: params.username };
    },
  }),
];
