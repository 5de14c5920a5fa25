/**
 * The HTTP server: one Fastify instance serving the API, its OpenAPI document,
 * the web UI and static assets. Each request gets an id, a user (from an API
 * key or a session cookie) and a fixed "today".
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { randomUUID } from "node:crypto";
import type { Ctx, Services } from "../context.ts";
import { isDatabaseUnavailable } from "../db/client.ts";
import { findSession, findUserByApiKey } from "../modules/auth/service.ts";
import type { User } from "../modules/auth/roles.ts";
import { AppError } from "../lib/errors.ts";
import { problem, statusOf } from "./errors.ts";
import { buildOpenApi } from "./openapi.ts";
import { defineRoutes, type RouteDef } from "./route.ts";
import { RULEBOOK_VERSION } from "../law/ct/index.ts";
import { MODULES, allNav, allRoutes } from "../modules/index.ts";
import { setNav } from "../web/nav.ts";
import { registerWeb } from "../web/index.ts";
import { registerDocsPage } from "./docs.ts";

declare module "fastify" {
  interface FastifyRequest {
    user: User | null;
    sessionToken: string | null;
    csrfToken: string | null;
    authVia: "session" | "api-key" | null;
    today: string;
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) {
      try { out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim()); } catch { /* ignore a malformed cookie */ }
    }
  }
  return out;
}

export const SESSION_COOKIE = "sl_session";

export async function buildServer(services: Services, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: services.config.logLevel,
          // Personal data never reaches the logs: no bodies are logged, and credentials in headers are redacted.
          redact: { paths: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]', "req.query", "req.body"], censor: "[redacted]" },
        }
      : false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    // Errors Fastify raises before routing (a malformed percent-escape, an over-long path parameter)
    // are answered as problem details too, like every other error.
    frameworkErrors: (err, req, reply) => {
      const status = err.code === "FST_ERR_MAX_PARAM_LENGTH" ? 414 : 400;
      const e = new AppError("validation", err.message, { fields: [{ field: "url", message: err.message }] });
      void (reply as FastifyReply).code(status).type("application/problem+json").send({ ...problem(e, req.id, req.url), status });
    },
  });

  app.decorateRequest("user", null);
  app.decorateRequest("sessionToken", null);
  app.decorateRequest("csrfToken", null);
  app.decorateRequest("authVia", null);
  app.decorateRequest("today", "");

  // HTML forms post application/x-www-form-urlencoded; parse it to a plain object.
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
    const obj: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(body as string)) {
      const prev = obj[k];
      obj[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    done(null, obj);
  });

  app.addHook("onRequest", async (req, reply) => {
    reply.header("X-Request-Id", req.id);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "same-origin");
    reply.header("X-Frame-Options", "DENY");
    req.today = services.clock.today();
    const auth = req.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(sl_[A-Za-z0-9_-]{10,})$/.exec(auth);
      if (!m) throw new AppError("unauthenticated", "Authorization must be `Bearer sl_...` with a Stateline API key");
      const user = await findUserByApiKey(services.db, m[1]!);
      if (!user) throw new AppError("unauthenticated", "this API key is not valid");
      req.user = user;
      req.authVia = "api-key";
      return;
    }
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (token && /^[A-Za-z0-9_-]{20,100}$/.test(token)) {
      const s = await findSession(services.db, services.clock.now(), services.config.sessionIdleMinutes, token);
      if (s) {
        req.user = s.user;
        req.sessionToken = token;
        req.csrfToken = s.csrfToken;
        req.authVia = "session";
      }
    }
  });

  // A browser session must prove a state-changing request came from our own page.
  app.addHook("preHandler", async (req) => {
    if (req.authVia !== "session" || ["GET", "HEAD", "OPTIONS"].includes(req.method)) return;
    const body = req.body as Record<string, unknown> | undefined;
    const sent = req.headers["x-csrf-token"] ?? (body && typeof body === "object" ? body._csrf : undefined);
    if (sent !== req.csrfToken) throw new AppError("forbidden", "the form's security token is missing or out of date; reload the page and try again");
  });

  app.setErrorHandler(async (err, req, reply) => {
    let e: AppError;
    if (err instanceof AppError) e = err;
    else if (isDatabaseUnavailable(err)) e = new AppError("unavailable", "the database is unavailable; nothing was saved, try again shortly", { retryAfterSeconds: 5 });
    else if (typeof (err as { statusCode?: number }).statusCode === "number" && (err as { statusCode: number }).statusCode < 500) {
      const sc = (err as { statusCode: number }).statusCode;
      const code = sc === 415 ? "unsupported_media_type" : sc === 404 ? "not_found" : sc === 401 ? "unauthenticated" : sc === 403 ? "forbidden" : "validation";
      e = new AppError(code, (err as Error).message, { fields: [{ field: "body", message: (err as Error).message }] });
      if (sc === 413) { reply.code(413); }
    } else {
      req.log.error({ err }, "unhandled error");
      e = new AppError("internal", "something went wrong on our side; the request id identifies it in our logs");
    }
    if (e.retryAfterSeconds) reply.header("Retry-After", String(e.retryAfterSeconds));
    const status = reply.statusCode === 413 ? 413 : statusOf(e);
    if (!req.url.startsWith("/api/") && (req.headers.accept ?? "").includes("text/html")) {
      const { renderErrorPage } = await import("../web/errors.ts");
      return reply.code(status).type("text/html; charset=utf-8").send(renderErrorPage(req, e, status));
    }
    return reply.code(status).type("application/problem+json").send({ ...problem(e, req.id, req.url), status });
  });

  app.setNotFoundHandler(async (req, reply) => {
    const e = new AppError("not_found", `no route ${req.method} ${req.url.split("?")[0]}`);
    if (!req.url.startsWith("/api/") && (req.headers.accept ?? "").includes("text/html")) {
      const { renderErrorPage } = await import("../web/errors.ts");
      return reply.code(404).type("text/html; charset=utf-8").send(renderErrorPage(req, e, 404));
    }
    return reply.code(404).type("application/problem+json").send(problem(e, req.id, req.url));
  });

  const makeCtx = (req: FastifyRequest): Ctx => ({ ...services, user: req.user, today: req.today as Ctx["today"], requestId: req.id });

  const apiRoutes = allRoutes() as RouteDef[];
  defineRoutes(app, apiRoutes, makeCtx);

  let openapi: Record<string, unknown> | undefined;
  app.get("/api/openapi.json", async () => (openapi ??= buildOpenApi(apiRoutes, RULEBOOK_VERSION)));
  app.get("/healthz", async () => {
    await services.db.query("SELECT 1");
    return { ok: true, database: services.db.kind, rulebookVersion: RULEBOOK_VERSION };
  });

  registerWeb(app);
  registerDocsPage(app);
  setNav(allNav());
  for (const m of MODULES) m.pages?.(app, makeCtx);
  return app;
}
