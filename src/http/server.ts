/**
 * The HTTP server: one Fastify instance serving the API, its OpenAPI document,
 * the web UI and static assets. Each request gets an id, a user (from an API
 * key or a session cookie) and a fixed "today".
 */
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type preHandlerHookHandler,
} from "fastify";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type { Ctx, Services } from "../context.ts";
import { findSession, findUserByApiKey } from "../modules/auth/service.ts";
import type { User } from "../modules/auth/roles.ts";
import { AppError } from "../lib/errors.ts";
import { cleanInput } from "../lib/text.ts";
import { findStaffMembership } from "../modules/dealers/index.ts";
import { knownError, problem, statusOf } from "./errors.ts";
import { LOGIN_CSRF_COOKIE, SESSION_COOKIE, parseCookies } from "./cookies.ts";
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

/**
 * Look-ups that could be used to probe confidential records (a credential's
 * holder, a date of birth): limited per API key or user, per seller and per
 * client address (issue 8, finding 8). Pages and API routes alike.
 */
export const RATE_LIMITED: ReadonlySet<string> = new Set([
  "POST /api/v1/verifications",
  "POST /api/v1/ammunition/checks",
  "POST /verify",
  "POST /ammunition/check",
]);

const sameToken = (a: unknown, b: string | undefined) =>
  typeof a === "string" && b !== undefined && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function buildServer(services: Services, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: services.config.logLevel,
          // Personal data never reaches the logs: no bodies are logged, and credentials in headers are redacted.
          redact: {
            paths: [
              "req.headers.authorization",
              "req.headers.cookie",
              'res.headers["set-cookie"]',
              "req.query",
              "req.body",
            ],
            censor: "[redacted]",
          },
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
      void (reply as FastifyReply)
        .code(status)
        .type("application/problem+json")
        .send({ ...problem(e, req.id, req.url), status });
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

  // Fastify reads text/plain bodies by default; no route takes one, so such a body is 415, not a 400 about its fields.
  app.removeContentTypeParser("text/plain");

  app.addHook("onRequest", async (req, reply) => {
    reply.header("X-Request-Id", req.id);
    req.today = services.clock.today();
    const auth = req.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(sl_[A-Za-z0-9_-]{10,})$/.exec(auth);
      if (!m) throw new AppError("unauthenticated", "Authorization must be `Bearer sl_...` with a Stateline API key");
      // API keys on the primary; while it is unreachable, from the replica (src/db/replica.ts).
      const user = await findUserByApiKey(services.replica?.primaryFirst ?? services.db, m[1]!);
      if (!user) throw new AppError("unauthenticated", "this API key is not valid");
      req.user = user;
      req.authVia = "api-key";
      return;
    }
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (token && /^[A-Za-z0-9_-]{20,100}$/.test(token)) {
      const s = await findSession(
        services.db,
        services.clock.now(),
        { idleMinutes: services.config.sessionIdleMinutes, absoluteMinutes: services.config.sessionAbsoluteMinutes },
        token,
      );
      if (s) {
        req.user = s.user;
        req.sessionToken = token;
        req.csrfToken = s.csrfToken;
        req.authVia = "session";
      }
    }
  });

  // The one input rule (src/lib/text.ts) for every entry point: API, web forms, page query strings
  // and path parameters. Unstorable text is a 400 naming the field; the rest is normalised.
  app.addHook("preHandler", async (req) => {
    req.query = cleanInput(req.query, "query");
    req.params = cleanInput(req.params, "params");
    if (req.body !== undefined && req.body !== null && typeof req.body === "object")
      req.body = cleanInput(req.body, "");
  });

  // Login CSRF: the sign-in form echoes the random value of its cookie, so another site cannot
  // sign a browser in to an account of the attacker's choosing.
  app.addHook("preHandler", async (req) => {
    if (req.method !== "POST" || req.routeOptions.url !== "/login") return;
    const body = req.body as Record<string, unknown> | undefined;
    const sent = body && typeof body === "object" ? body._csrf : undefined;
    if (!sameToken(sent, parseCookies(req.headers.cookie)[LOGIN_CSRF_COOKIE])) {
      throw new AppError(
        "forbidden",
        "the sign-in form's security token is missing or out of date; reload the page and try again",
      );
    }
  });

  // A browser session must prove a state-changing request came from our own page.
  app.addHook("preHandler", async (req) => {
    if (req.authVia !== "session" || ["GET", "HEAD", "OPTIONS"].includes(req.method)) return;
    const body = req.body as Record<string, unknown> | undefined;
    const sent = req.headers["x-csrf-token"] ?? (body && typeof body === "object" ? body._csrf : undefined);
    if (sent !== req.csrfToken)
      throw new AppError(
        "forbidden",
        "the form's security token is missing or out of date; reload the page and try again",
      );
  });

  app.setErrorHandler(async (err, req, reply) => {
    let e: AppError;
    const known = knownError(err);
    if (known) e = known;
    else if (
      typeof (err as { statusCode?: number }).statusCode === "number" &&
      (err as { statusCode: number }).statusCode < 500
    ) {
      const sc = (err as { statusCode: number }).statusCode;
      const code =
        sc === 415
          ? "unsupported_media_type"
          : sc === 404
            ? "not_found"
            : sc === 401
              ? "unauthenticated"
              : sc === 403
                ? "forbidden"
                : "validation";
      e = new AppError(code, (err as Error).message, { fields: [{ field: "body", message: (err as Error).message }] });
      if (sc === 413) {
        reply.code(413);
      }
    } else {
      req.log.error({ err }, "unhandled error");
      e = new AppError("internal", "something went wrong on our side; the request id identifies it in our logs");
    }
    if (e.retryAfterSeconds) reply.header("Retry-After", String(e.retryAfterSeconds));
    const status = reply.statusCode === 413 ? 413 : statusOf(e);
    if (!req.url.startsWith("/api/") && (req.headers.accept ?? "").includes("text/html")) {
      const { renderErrorPage } = await import("../web/errors.ts");
      return reply
        .code(status)
        .type("text/html; charset=utf-8")
        .send(renderErrorPage(req, e, status));
    }
    return reply
      .code(status)
      .type("application/problem+json")
      .send({ ...problem(e, req.id, req.url), status });
  });

  app.setNotFoundHandler(async (req, reply) => {
    const e = new AppError("not_found", `no route ${req.method} ${req.url.split("?")[0]}`);
    if (!req.url.startsWith("/api/") && (req.headers.accept ?? "").includes("text/html")) {
      const { renderErrorPage } = await import("../web/errors.ts");
      return reply
        .code(404)
        .type("text/html; charset=utf-8")
        .send(renderErrorPage(req, e, 404));
    }
    return reply
      .code(404)
      .type("application/problem+json")
      .send(problem(e, req.id, req.url));
  });

  // Security headers (issue 8, finding 9). The pages use no inline script or style, so the policy is strict.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        ...(services.config.secureCookies ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    strictTransportSecurity: services.config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
    frameguard: { action: "deny" },
    crossOriginEmbedderPolicy: false,
  });

  // Rate limits on the look-ups (RATE_LIMITED): per API key or user, per seller, per client address.
  // (One preHandler checks all three: the plugin's own handlers stop after the first one per request.)
  await app.register(rateLimit, { global: false, hook: "preHandler" });
  const limits: { name: "address" | "key" | "seller"; check: ReturnType<FastifyInstance["createRateLimit"]> }[] = (
    [
      ["address", (c) => c.perAddressPerMinute, (req) => req.ip],
      [
        "key",
        (c) => c.perKeyPerMinute,
        (req) =>
          req.authVia === "api-key"
            ? createHash("sha256")
                .update(req.headers.authorization ?? "")
                .digest("hex")
            : (req.user?.id ?? req.ip),
      ],
      [
        "seller",
        (c) => c.perSellerPerMinute,
        async (req) =>
          req.user ? ((await findStaffMembership(services.db, req.user.id))?.dealerId ?? req.user.id) : req.ip,
      ],
    ] as const satisfies readonly (readonly [
      string,
      (c: Services["config"]["rateLimit"]) => number,
      (req: FastifyRequest) => string | Promise<string>,
    ])[]
  ).map(([name, perMinute, key]) => ({
    name,
    check: app.createRateLimit({
      timeWindow: 60_000,
      max: () => perMinute(services.config.rateLimit),
      keyGenerator: async (req) => `${name}:${await key(req)}`,
    }),
  }));
  const WHOSE = { address: "from this address", key: "with this key or account", seller: "for this seller" } as const;
  const lookupLimits: preHandlerHookHandler[] = [
    async (req, reply) => {
      if (!services.config.rateLimit.enabled) return;
      for (const l of limits) {
        const r = await l.check(req);
        if (!r.isAllowed && r.isExceeded) {
          const seconds = Math.max(1, r.ttlInSeconds);
          void reply.header("Retry-After", String(seconds));
          throw new AppError(
            "rate_limited",
            `too many look-ups (${r.max} a minute ${WHOSE[l.name]}); try again in ${seconds} s`,
            { retryAfterSeconds: seconds },
          );
        }
      }
    },
  ];
  app.addHook("onRoute", (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    if (!methods.some((m) => RATE_LIMITED.has(`${m} ${r.url}`))) return;
    const own = r.preHandler ? (Array.isArray(r.preHandler) ? r.preHandler : [r.preHandler]) : [];
    r.preHandler = [...lookupLimits, ...own];
  });

  const makeCtx = (req: FastifyRequest): Ctx => ({
    ...services,
    user: req.user,
    today: req.today as Ctx["today"],
    requestId: req.id,
  });

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
