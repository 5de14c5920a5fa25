/**
 * A route reads as a pipeline: authenticate, validate, authorize, act, present.
 * `defineRoutes` registers each route with Fastify and records it for the
 * OpenAPI document, so the document cannot drift from the routes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { joinTx, write, type Db, type Queryable } from "../db/client.ts";
import type { User } from "../modules/auth/roles.ts";
import { parseWith, zodFields } from "../lib/validation.ts";
import { AppError, unauthenticated } from "../lib/errors.ts";
import { canonicalJson } from "../modules/audit/chain.ts";
import { cleanInput } from "../lib/text.ts";

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  headers: Record<string, string | string[] | undefined>;
}

export interface RouteDef<P = any, Q = any, B = any, R = any> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  summary: string;
  description?: string;
  tags: string[];
  /** "public": no sign-in; "user": any signed-in user (the handler's policy decides the rest). */
  auth: "public" | "user";
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Documented success response. */
  response?: z.ZodType<R>;
  /** A request body for the reference (checked against `body`; otherwise one is drawn from the schema). */
  example?: unknown;
  successStatus?: number;
  /** Writes from software must carry an Idempotency-Key header; a retry returns the first answer. */
  idempotent?: boolean;
  /** Roles documented as allowed (the handler's policy enforces it). */
  roles?: string[];
  handler: (ctx: Ctx, input: RouteInput<P, Q, B>, req: FastifyRequest, reply: FastifyReply) => Promise<R>;
}

export { parseWith, zodFields };

export function route<P, Q, B, R>(def: RouteDef<P, Q, B, R>): RouteDef<P, Q, B, R> {
  return def;
}

/** A Db whose transactions reuse one open transaction (for routes that must commit as one). */
export function txScopedDb(base: Db, q: Queryable): Db {
  return {
    kind: base.kind,
    query: q.query.bind(q),
    ...(q.defer ? { defer: q.defer.bind(q) } : {}),
    tx: (fn, opts) => joinTx(q, fn, opts),
    close: async () => {},
  };
}

export function defineRoutes(app: FastifyInstance, defs: RouteDef[], makeCtx: (req: FastifyRequest) => Ctx): void {
  for (const def of defs) {
    app.route({
      method: def.method,
      url: def.url.replace(/\{(\w+)\}/g, ":$1"),
      handler: async (req, reply) => {
        const ctx = makeCtx(req);
        if (def.auth === "user" && !ctx.user) throw unauthenticated();
        // The one input rule (src/lib/text.ts): unstorable text is a 400 naming the field; the rest is normalised.
        const params = parseWith(def.params, cleanInput(req.params, "params"), "params");
        const query = parseWith(def.query, cleanInput(req.query, "query"), "query");
        const body = parseWith(def.body, cleanInput(req.body, ""), "body");
        const input = { params, query, body, headers: req.headers };
        const status = def.successStatus ?? (def.method === "POST" ? 201 : 200);
        if (def.idempotent) {
          const key = req.headers["idempotency-key"];
          if (typeof key === "string") {
            if (key.length < 8 || key.length > 200)
              throw new AppError("validation", "Idempotency-Key must be 8 to 200 characters", {
                fields: [{ field: "header.idempotency-key", message: "must be 8 to 200 characters" }],
              });
            const out = await runIdempotent(
              ctx,
              ctx.user!,
              `${def.method} ${def.url}`,
              key,
              { params, query, body },
              (c) => def.handler(c, input, req, reply),
              status,
            );
            reply.header("Idempotency-Key", key);
            if (out.replayed) reply.header("Idempotent-Replayed", "true");
            reply.code(out.status);
            return out.response;
          } else {
            // Every write is keyed, whether it comes with an API key or a browser session: ten parallel
            // posts without a key would otherwise store ten writes.
            throw new AppError(
              "validation",
              "writes must carry an Idempotency-Key header (8 to 200 characters, new for each write, the same on a retry)",
              { fields: [{ field: "header.idempotency-key", message: "required" }] },
            );
          }
        }
        const result = await def.handler(ctx, input, req, reply);
        if (reply.sent) return reply;
        reply.code(status);
        return result;
      },
    });
  }
}

/**
 * Runs a write once per (actor, key). The stored answer is written in the same
 * transaction as the write itself, so a crash leaves either both or neither.
 * A concurrent retry waits on the key's row lock and then returns the stored answer
 * (see the claim below for when the lock is taken).
 */
export async function runIdempotent(
  ctx: Ctx,
  user: User,
  routeKey: string,
  key: string,
  request: unknown,
  act: (c: Ctx) => Promise<unknown>,
  status: number,
): Promise<{ response: unknown; status: number; replayed: boolean }> {
  const requestHash = createHash("sha256").update(routeKey).update(canonicalJson(request)).digest("hex");
  const lookup = async (q: Queryable) =>
    (
      await q.query<{ request_hash: string; response: unknown; status_code: number }>(
        "SELECT request_hash, response, status_code FROM idempotency_keys WHERE actor_id = $1 AND key = $2",
        [user.id, key],
      )
    )[0];
  const replay = (row: { request_hash: string; response: unknown; status_code: number }) => {
    if (row.request_hash !== requestHash)
      throw new AppError("idempotency_mismatch", "this Idempotency-Key was already used for a different request", {
        fields: [{ field: "header.idempotency-key", message: "reused with a different request" }],
      });
    return { response: row.response, status: row.status_code, replayed: true };
  };
  const existing = await lookup(ctx.db);
  if (existing) return replay(existing);
  try {
    return await ctx.db.tx(
      async (q) => {
        const response = await act({ ...ctx, db: txScopedDb(ctx.db, q) });
        // The answer as stored and as a replay returns it (JSON: undefined fields dropped), serialized once.
        const text = JSON.stringify(response ?? null);
        const json = JSON.parse(text);
        await write(q, "UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE actor_id = $1 AND key = $2", [
          user.id,
          key,
          status,
          text,
        ]);
        return { response: json, status, replayed: false };
      },
      {
        // The key is claimed by the transaction's first write. On a PostgreSQL server that is after
        // the use case's reads and outside calls (a sale's NICS check), so no connection is held
        // while they run; a concurrent duplicate then blocks at its own claim until this one ends,
        // fails on the key and answers with the stored response (having repeated only the reads and
        // the outside call, never a write). On PGlite the claim runs first.
        prelude: {
          text: "INSERT INTO idempotency_keys (actor_id, key, route, request_hash, status_code, response) VALUES ($1,$2,$3,$4,0,'null'::jsonb)",
          params: [user.id, key, routeKey, requestHash],
        },
      },
    );
  } catch (e) {
    // A concurrent duplicate's claim fails on the key (23505). Its use case may have turned that
    // failure into an answer of its own (a 409 for a record that exists), so any failed write is
    // looked up once: a stored answer means another request with this key committed first.
    if ((e as { code?: string }).code === "23505" || e instanceof AppError) {
      const row = await lookup(ctx.db).catch(() => undefined);
      if (row) return replay(row);
    }
    throw e;
  }
}
