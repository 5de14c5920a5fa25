/**
 * Users, web sessions and API keys.
 * Sessions end after 30 idle minutes; an account locks after 5 failed logins
 * in a row and stays locked until an administrator unlocks it.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Ctx } from "../../context.ts";
import type { Db, Queryable } from "../../db/client.ts";
import { AppError, badField } from "../../lib/errors.ts";
import { appendAudit } from "../audit/service.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { ROLES, type Role, type User } from "./roles.ts";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

function toUser(r: Record<string, any>): User {
  return { id: r.id, username: r.username, displayName: r.display_name, role: r.role, personId: r.person_id ?? null, organization: r.organization ?? null };
}

const USER_COLUMNS = "id::text, username, display_name, role, person_id::text, organization";

export async function createUser(q: Queryable, input: { username: string; displayName: string; role: Role; password: string; personId?: string | null; organization?: string | null; passwordCost?: number }): Promise<User> {
  if (!ROLES.includes(input.role)) throw badField("role", `must be one of ${ROLES.join(", ")}`);
  if (input.password.length < 12) throw badField("password", "must be at least 12 characters");
  const exists = await q.query("SELECT 1 FROM users WHERE username = $1", [input.username]);
  if (exists.length) throw new AppError("conflict", `username ${input.username} is taken`, { fields: [{ field: "username", message: "already taken" }] });
  const hash = await hashPassword(input.password, input.passwordCost);
  const rows = await q.query(
    `INSERT INTO users (username, display_name, role, password_hash, person_id, organization) VALUES ($1,$2,$3,$4,$5,$6) RETURNING ${USER_COLUMNS}`,
    [input.username, input.displayName, input.role, hash, input.personId ?? null, input.organization ?? null]);
  return toUser(rows[0]!);
}

export async function findUserById(q: Queryable, id: string): Promise<User | undefined> {
  const rows = await q.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : undefined;
}

export async function listUsers(q: Queryable): Promise<(User & { locked: boolean })[]> {
  const rows = await q.query(`SELECT ${USER_COLUMNS}, locked_at IS NOT NULL AS locked FROM users ORDER BY role, username`);
  return rows.map((r) => ({ ...toUser(r), locked: r.locked }));
}

export interface LoginResult { token: string; csrfToken: string; user: User }

/** Checks a password. Failed attempts count toward the lock; the error never says which part was wrong. */
export async function login(ctx: Ctx, username: string, password: string): Promise<LoginResult> {
  const rows = await ctx.db.query(`SELECT ${USER_COLUMNS}, password_hash, failed_logins, locked_at FROM users WHERE username = $1`, [username]);
  const row = rows[0];
  const fail = new AppError("unauthenticated", "username or password is wrong");
  if (!row) {
    await verifyPassword(password, "scrypt$14$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="); // even out timing
    throw fail;
  }
  const user = toUser(row);
  if (row.locked_at) {
    await ctx.db.tx((q) => appendAudit(q, { ...ctx, user }, { action: "auth.login", entityType: "user", entityId: user.id, outcome: "denied", details: { reason: "account locked" } }));
    throw new AppError("locked", "this account is locked after too many failed sign-ins; ask an administrator to unlock it");
  }
  const ok = await verifyPassword(password, row.password_hash);
  if (!ok) {
    await ctx.db.tx(async (q) => {
      const r = await q.query<{ failed_logins: number }>(
        `UPDATE users SET failed_logins = failed_logins + 1, locked_at = CASE WHEN failed_logins + 1 >= $2 THEN now() ELSE locked_at END WHERE id = $1 RETURNING failed_logins`,
        [user.id, ctx.config.maxFailedLogins]);
      await appendAudit(q, { ...ctx, user }, { action: "auth.login", entityType: "user", entityId: user.id, outcome: "denied", details: { failedLogins: r[0]?.failed_logins } });
    });
    throw fail;
  }
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await ctx.db.tx(async (q) => {
    await q.query("UPDATE users SET failed_logins = 0 WHERE id = $1", [user.id]);
    await q.query("INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at) VALUES ($1,$2,$3,$4,$4)", [sha256(token), user.id, csrfToken, ctx.clock.now().toISOString()]);
    await appendAudit(q, { ...ctx, user }, { action: "auth.login", entityType: "user", entityId: user.id });
  });
  return { token, csrfToken, user };
}

export interface SessionInfo { user: User; csrfToken: string; sessionId: string }

/** The session for a cookie token, or undefined when absent, ended or idle for too long (which ends it). */
export async function findSession(db: Db, now: Date, idleMinutes: number, token: string): Promise<SessionInfo | undefined> {
  const id = sha256(token);
  const rows = await db.query(
    `SELECT s.csrf_token, s.last_seen_at, s.ended_at, ${USER_COLUMNS.split(", ").map((c) => "u." + c).join(", ")}, u.locked_at
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`, [id]);
  const r = rows[0];
  if (!r || r.ended_at || r.locked_at) return undefined;
  const idleMs = now.getTime() - new Date(r.last_seen_at).getTime();
  if (idleMs > idleMinutes * 60_000) {
    await db.query("UPDATE sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL", [id, now.toISOString()]);
    return undefined;
  }
  // Touch at most once a minute to keep reads cheap.
  if (idleMs > 60_000) await db.query("UPDATE sessions SET last_seen_at = $2 WHERE id = $1", [id, now.toISOString()]);
  return { user: toUser(r), csrfToken: r.csrf_token, sessionId: id };
}

export async function logout(db: Db, now: Date, token: string): Promise<void> {
  await db.query("UPDATE sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL", [sha256(token), now.toISOString()]);
}

/** Issues an API key for a user's software. The key is shown once; only its hash is kept. */
export async function createApiKey(ctx: Ctx, userId: string, label: string): Promise<{ id: string; key: string }> {
  const key = `sl_${randomBytes(24).toString("base64url")}`;
  return ctx.db.tx(async (q) => {
    const r = await q.query<{ id: string }>("INSERT INTO api_keys (user_id, key_hash, prefix, label) VALUES ($1,$2,$3,$4) RETURNING id::text", [userId, sha256(key), key.slice(0, 7), label]);
    await appendAudit(q, ctx, { action: "auth.api-key.create", entityType: "user", entityId: userId, details: { label, prefix: key.slice(0, 7) } });
    return { id: r[0]!.id, key };
  });
}

/**
 * API keys seen recently, so a dealer's software does not cost a lookup per request.
 * An entry lives 30 seconds: a revoked key or locked user stops working within that time.
 */
const apiKeyCache = new Map<string, { user: User; until: number }>();
const API_KEY_CACHE_MS = 30_000;

export async function findUserByApiKey(db: Db, key: string, nowMs = Date.now()): Promise<User | undefined> {
  const hit = apiKeyCache.get(key);
  if (hit && hit.until > nowMs) return hit.user;
  const user = await lookupApiKey(db, key);
  if (user) {
    if (apiKeyCache.size > 10_000) apiKeyCache.clear();
    apiKeyCache.set(key, { user, until: nowMs + API_KEY_CACHE_MS });
  } else apiKeyCache.delete(key);
  return user;
}

async function lookupApiKey(db: Db, key: string): Promise<User | undefined> {
  const rows = await db.query(
    `SELECT ${USER_COLUMNS.split(", ").map((c) => "u." + c).join(", ")} FROM api_keys k JOIN users u ON u.id = k.user_id
     WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND u.locked_at IS NULL`, [sha256(key)]);
  return rows[0] ? toUser(rows[0]) : undefined;
}

export async function unlockUser(ctx: Ctx, username: string): Promise<void> {
  await ctx.db.tx(async (q) => {
    const r = await q.query<{ id: string }>("UPDATE users SET locked_at = NULL, failed_logins = 0 WHERE username = $1 RETURNING id::text", [username]);
    if (!r[0]) throw new AppError("not_found", `no user ${username}`);
    await appendAudit(q, ctx, { action: "auth.unlock", entityType: "user", entityId: r[0].id });
  });
}
