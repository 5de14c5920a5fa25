/**
 * Users, web sessions and API keys.
 *
 * Sessions end after 30 idle minutes and, however active, 12 hours after
 * sign-in (config.sessionAbsoluteMinutes).
 *
 * Sign-in is throttled, never locked indefinitely (issue 8, finding 7): failures
 * are counted per name typed (whether or not such a user exists) and per client
 * address; after `loginThrottle.failuresBeforeLock` failures the name (or after
 * `addressFailuresBeforeLock` the address) is refused for 10 minutes, twice as
 * long after each further lock, up to a day, then released by itself (CJIS allows
 * a lock of at least 10 minutes, then automatic release). Known and unknown names
 * get the same answers, the same password-hash cost and the same writes; each
 * lock writes an audit entry.
 *
 * API keys are for point-of-sale software: created only by a signed-in person
 * (a session, never another key), stored as a hash and shown once, listed and
 * revoked by their owner or an administrator; revocation takes effect on the
 * next request.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Config } from "../../config.ts";
import type { Ctx } from "../../context.ts";
import type { Db, Queryable } from "../../db/client.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { appendAudit } from "../audit/index.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { ROLES, type Role, type User } from "./roles.ts";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

function toUser(r: Record<string, any>): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    personId: r.person_id ?? null,
    organization: r.organization ?? null,
  };
}

const USER_COLUMNS = "id::text, username, display_name, role, person_id::text, organization";

export async function createUser(
  q: Queryable,
  input: {
    username: string;
    displayName: string;
    role: Role;
    password: string;
    personId?: string | null;
    organization?: string | null;
    passwordCost?: number;
  },
): Promise<User> {
  if (!ROLES.includes(input.role)) throw badField("role", `must be one of ${ROLES.join(", ")}`);
  if (input.password.length < 12) throw badField("password", "must be at least 12 characters");
  const exists = await q.query("SELECT 1 FROM users WHERE username = $1", [input.username]);
  if (exists.length)
    throw new AppError("conflict", `username ${input.username} is taken`, {
      fields: [{ field: "username", message: "already taken" }],
    });
  const hash = await hashPassword(input.password, input.passwordCost);
  const rows = await q.query(
    `INSERT INTO users (username, display_name, role, password_hash, person_id, organization) VALUES ($1,$2,$3,$4,$5,$6) RETURNING ${USER_COLUMNS}`,
    [input.username, input.displayName, input.role, hash, input.personId ?? null, input.organization ?? null],
  );
  return toUser(rows[0]!);
}

export async function findUserById(q: Queryable, id: string): Promise<User | undefined> {
  const rows = await q.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : undefined;
}

export async function listUsers(q: Queryable): Promise<(User & { locked: boolean })[]> {
  const rows = await q.query(
    `SELECT ${USER_COLUMNS}, locked_at IS NOT NULL AS locked FROM users ORDER BY role, username`,
  );
  return rows.map((r) => ({ ...toUser(r), locked: r.locked }));
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: User;
}

const dummyHashes = new Map<number, Promise<string>>();
/** A hash of a random password at the configured cost, so an unknown name costs what a known one does. */
function dummyHash(cost: number): Promise<string> {
  let h = dummyHashes.get(cost);
  if (!h) {
    h = hashPassword(randomBytes(16).toString("base64url"), cost);
    dummyHashes.set(cost, h);
  }
  return h;
}

const nameKey = (username: string) => `name:${sha256(username.normalize("NFC").toLowerCase())}`;
const addressKey = (address: string) => `addr:${address.slice(0, 100)}`;

interface ThrottleRow {
  key: string;
  failures: number;
  locks: number;
  locked_until: string | null;
}

/** Minutes of the next lock: 10, 20, 40 ... up to a day. */
export function lockMinutes(locksBefore: number, t: Config["loginThrottle"]): number {
  return Math.min(t.lockMinutes * 2 ** Math.min(locksBefore, 20), t.maxLockMinutes);
}

const tooMany = (until: Date, now: Date) => {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(
    "rate_limited",
    `too many failed sign-ins with this name or from this address; try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? "s" : ""}`,
    { retryAfterSeconds: seconds },
  );
};

/**
 * Checks a password. Failures count toward a time-limited lock of the name and
 * of the client address; the answer never says whether the name exists, nor
 * which part was wrong.
 */
export async function login(
  ctx: Ctx,
  username: string,
  password: string,
  opts: { address?: string | undefined } = {},
): Promise<LoginResult> {
  const now = ctx.clock.now();
  const keys = [nameKey(username), ...(opts.address ? [addressKey(opts.address)] : [])];
  const throttles = await ctx.db.query<ThrottleRow>(
    "SELECT key, failures, locks, locked_until FROM login_throttle WHERE key = ANY($1::text[])",
    [keys],
  );
  const lockedUntil = throttles
    .map((t) => (t.locked_until ? new Date(t.locked_until) : null))
    .filter((d): d is Date => d !== null && d > now);
  if (lockedUntil.length) throw tooMany(new Date(Math.max(...lockedUntil.map((d) => d.getTime()))), now);

  const rows = await ctx.db.query(`SELECT ${USER_COLUMNS}, password_hash, locked_at FROM users WHERE username = $1`, [
    username,
  ]);
  const row = rows[0];
  // The same hash cost whether or not the name exists.
  const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash(ctx.config.passwordCost)));
  const user = row ? toUser(row) : null;
  if (!user || !ok || row!.locked_at) {
    await ctx.db.tx(async (q) => {
      const t = ctx.config.loginThrottle;
      for (const key of keys) {
        const threshold = key.startsWith("name:") ? t.failuresBeforeLock : t.addressFailuresBeforeLock;
        const r = await q.query<{ failures: number; locks: number }>(
          `INSERT INTO login_throttle (key, failures, last_failure_at) VALUES ($1, 1, $2)
           ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures + 1, last_failure_at = $2 RETURNING failures, locks`,
          [key, now.toISOString()],
        );
        const { failures, locks } = r[0]!;
        if (failures >= threshold) {
          const minutes = lockMinutes(locks, t);
          const until = new Date(now.getTime() + minutes * 60_000).toISOString();
          await q.query("UPDATE login_throttle SET failures = 0, locks = locks + 1, locked_until = $2 WHERE key = $1", [
            key,
            until,
          ]);
          await appendAudit(
            q,
            { ...ctx, user },
            {
              action: "auth.lock",
              entityType: key.startsWith("name:") ? "login-name" : "client-address",
              entityId:
                user && key.startsWith("name:") ? user.id : key.startsWith("addr:") ? key.slice(5) : key.slice(5, 21),
              outcome: "denied",
              details: {
                scope: key.startsWith("name:") ? "name" : "address",
                minutes,
                until,
                failures,
                lockNumber: locks + 1,
              },
            },
          );
        }
      }
      // Known and unknown names write the same entry (the name's id, or nothing).
      await appendAudit(
        q,
        { ...ctx, user },
        {
          action: "auth.login",
          entityType: "user",
          entityId: user?.id ?? "unknown",
          outcome: "denied",
          details: { reason: "wrong name or password" },
        },
      );
    });
    throw new AppError("unauthenticated", "username or password is wrong");
  }
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await ctx.db.tx(async (q) => {
    await q.query("UPDATE users SET failed_logins = 0 WHERE id = $1", [user.id]);
    // A success clears the name's count and the address's running count (not a lock in force).
    await q.query("DELETE FROM login_throttle WHERE key = $1", [keys[0]]);
    if (keys[1]) await q.query("UPDATE login_throttle SET failures = 0 WHERE key = $1", [keys[1]]);
    await q.query("INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at) VALUES ($1,$2,$3,$4,$4)", [
      sha256(token),
      user.id,
      csrfToken,
      now.toISOString(),
    ]);
    await appendAudit(q, { ...ctx, user }, { action: "auth.login", entityType: "user", entityId: user.id });
  });
  return { token, csrfToken, user };
}

export interface SessionInfo {
  user: User;
  csrfToken: string;
  sessionId: string;
}

/**
 * The session for a cookie token, or undefined when absent, ended, idle for too
 * long or older than the absolute lifetime (either of which ends it).
 */
export async function findSession(
  db: Db,
  now: Date,
  limitsOrIdle: { idleMinutes: number; absoluteMinutes: number } | number,
  token: string,
): Promise<SessionInfo | undefined> {
  const limits =
    typeof limitsOrIdle === "number" ? { idleMinutes: limitsOrIdle, absoluteMinutes: 12 * 60 } : limitsOrIdle;
  const id = sha256(token);
  const rows = await db.query(
    `SELECT s.csrf_token, s.created_at, s.last_seen_at, s.ended_at, ${USER_COLUMNS.split(", ")
      .map((c) => "u." + c)
      .join(", ")}, u.locked_at
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r || r.ended_at || r.locked_at) return undefined;
  const idleMs = now.getTime() - new Date(r.last_seen_at).getTime();
  const ageMs = now.getTime() - new Date(r.created_at).getTime();
  if (idleMs > limits.idleMinutes * 60_000 || ageMs > limits.absoluteMinutes * 60_000) {
    await db.query("UPDATE sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL", [id, now.toISOString()]);
    return undefined;
  }
  // Touch at most once a minute to keep reads cheap.
  if (idleMs > 60_000) await db.query("UPDATE sessions SET last_seen_at = $2 WHERE id = $1", [id, now.toISOString()]);
  return { user: toUser(r), csrfToken: r.csrf_token, sessionId: id };
}

export async function logout(db: Db, now: Date, token: string): Promise<void> {
  await db.query("UPDATE sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL", [
    sha256(token),
    now.toISOString(),
  ]);
}

/** Issues an API key for a user's software. The key is shown once; only its hash is kept. */
export async function createApiKey(ctx: Ctx, userId: string, label: string): Promise<{ id: string; key: string }> {
  const key = `sl_${randomBytes(24).toString("base64url")}`;
  return ctx.db.tx(async (q) => {
    const r = await q.query<{ id: string }>(
      "INSERT INTO api_keys (user_id, key_hash, prefix, label) VALUES ($1,$2,$3,$4) RETURNING id::text",
      [userId, sha256(key), key.slice(0, 7), label],
    );
    await appendAudit(q, ctx, {
      action: "auth.api-key.create",
      entityType: "user",
      entityId: userId,
      details: { keyId: r[0]!.id, label, prefix: key.slice(0, 7) },
    });
    return { id: r[0]!.id, key };
  });
}

export interface ApiKeyView {
  id: string;
  owner: string;
  label: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Keys of one user (`username`), or of everyone for an administrator who names nobody. Never the key itself. */
export async function listApiKeys(ctx: Ctx, opts: { username?: string | undefined } = {}): Promise<ApiKeyView[]> {
  const me = ctx.user;
  if (!me) throw new AppError("unauthenticated", "sign in first");
  const username = opts.username ?? (me.role === "admin" ? undefined : me.username);
  if (username !== me.username && me.role !== "admin")
    throw forbidden("only the key's owner or an administrator lists keys");
  const rows = await ctx.db.query(
    `SELECT k.id::text, u.username, k.label, k.prefix, k.created_at, k.revoked_at FROM api_keys k JOIN users u ON u.id = k.user_id
     WHERE ($1::text IS NULL OR u.username = $1) ORDER BY k.created_at DESC, k.id LIMIT 1000`,
    [username ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    owner: r.username,
    label: r.label,
    prefix: r.prefix,
    createdAt: new Date(r.created_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  }));
}

/** Revokes a key (its owner or an administrator). Effective on the next request: the cache entry is dropped. */
export async function revokeApiKey(ctx: Ctx, keyId: string): Promise<ApiKeyView> {
  const me = ctx.user;
  if (!me) throw new AppError("unauthenticated", "sign in first");
  if (!/^[0-9a-f-]{36}$/i.test(keyId)) throw badField("id", "must be a key id (UUID)");
  const view = await ctx.db.tx(async (q) => {
    const rows = await q.query(
      `SELECT k.id::text, k.user_id::text, u.username, k.label, k.prefix, k.created_at, k.revoked_at FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.id = $1 FOR UPDATE OF k`,
      [keyId],
    );
    const k = rows[0];
    if (!k || (k.user_id !== me.id && me.role !== "admin")) {
      // Someone else's key is "not found" to a non-administrator: ids are not confirmed.
      if (k)
        await appendAudit(q, ctx, {
          action: "auth.api-key.revoke",
          entityType: "api-key",
          entityId: keyId,
          outcome: "denied",
        });
      throw notFound("API key");
    }
    let revokedAt = k.revoked_at ? new Date(k.revoked_at).toISOString() : null;
    if (!revokedAt) {
      revokedAt = ctx.clock.now().toISOString();
      await q.query(
        "UPDATE api_keys SET revoked_at = $2, revoked_by = (SELECT id FROM users WHERE id = $3::uuid) WHERE id = $1",
        [keyId, revokedAt, me.id],
      );
      await appendAudit(q, ctx, {
        action: "auth.api-key.revoke",
        entityType: "user",
        entityId: k.user_id,
        details: { keyId, prefix: k.prefix, byOwner: k.user_id === me.id },
      });
    }
    return {
      id: k.id,
      owner: k.username,
      label: k.label,
      prefix: k.prefix,
      createdAt: new Date(k.created_at).toISOString(),
      revokedAt,
    };
  });
  forgetApiKeys((e) => e.keyId === keyId);
  return view;
}

/**
 * API keys seen recently, so a dealer's software does not cost a lookup per
 * request. Keyed by the key's hash. Revoking a key, and any change to its
 * owner's access, drops the entries at once (`forgetApiKeys`), so the next
 * request is refused; the time limit only bounds how stale an entry can be when
 * the change is made by another Stateline process.
 */
const apiKeyCache = new Map<string, { user: User; keyId: string; until: number }>();
const API_KEY_CACHE_MS = 30_000;

export function forgetApiKeys(match: (e: { user: User; keyId: string }) => boolean = () => true): void {
  for (const [k, e] of apiKeyCache) if (match(e)) apiKeyCache.delete(k);
}

export async function findUserByApiKey(db: Queryable, key: string, nowMs = Date.now()): Promise<User | undefined> {
  const hash = sha256(key);
  const hit = apiKeyCache.get(hash);
  if (hit && hit.until > nowMs) return hit.user;
  const found = await lookupApiKey(db, hash);
  if (found) {
    if (apiKeyCache.size > 10_000) apiKeyCache.clear();
    apiKeyCache.set(hash, { ...found, until: nowMs + API_KEY_CACHE_MS });
  } else apiKeyCache.delete(hash);
  return found?.user;
}

async function lookupApiKey(db: Queryable, hash: string): Promise<{ user: User; keyId: string } | undefined> {
  const rows = await db.query(
    `SELECT k.id::text AS key_id, ${USER_COLUMNS.split(", ")
      .map((c) => "u." + c)
      .join(", ")} FROM api_keys k JOIN users u ON u.id = k.user_id
     WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND u.locked_at IS NULL`,
    [hash],
  );
  return rows[0] ? { user: toUser(rows[0]), keyId: rows[0].key_id } : undefined;
}

/** Ends a lock before its time (an administrator): the account's flag and the name's sign-in throttle. */
export async function unlockUser(ctx: Ctx, username: string): Promise<void> {
  await ctx.db.tx(async (q) => {
    const r = await q.query<{ id: string }>(
      "UPDATE users SET locked_at = NULL, failed_logins = 0 WHERE username = $1 RETURNING id::text",
      [username],
    );
    if (!r[0]) throw new AppError("not_found", `no user ${username}`);
    await q.query("DELETE FROM login_throttle WHERE key = $1", [nameKey(username)]);
    await appendAudit(q, ctx, { action: "auth.unlock", entityType: "user", entityId: r[0].id });
  });
}
