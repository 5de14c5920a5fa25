/** Small helpers the enforcement service files share. */
import type { Ctx } from "../../context.ts";
import { withDb } from "../../context.ts";
import { joinTx, type Db, type Queryable } from "../../db/client.ts";
import { AppError } from "../../lib/errors.ts";
import { type User } from "../auth/index.ts";

export function requireUser(ctx: Ctx): User {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in or send an API key");
  return ctx.user;
}

/** The same context with every query (and nested `db.tx`) inside the open transaction `q`. */
export function inTx(ctx: Ctx, q: Queryable): Ctx {
  const db: Db = {
    kind: ctx.db.kind,
    query: q.query.bind(q),
    ...(q.defer ? { defer: q.defer.bind(q) } : {}),
    tx: (fn, opts) => joinTx(q, fn, opts),
    close: async () => {},
  };
  return withDb(ctx, db);
}
