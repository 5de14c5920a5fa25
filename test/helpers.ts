/**
 * Test harness: a fresh database per test file (PGlite in memory by default;
 * a new database on the PostgreSQL server named by DATABASE_URL otherwise),
 * migrated, with one user per role, and a Fastify app to inject requests into.
 */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { loadConfig, type Config } from "../src/config.ts";
import { openServices } from "../src/app.ts";
import type { Ctx, Services } from "../src/context.ts";
import { openPglite, openPostgres, type Db } from "../src/db/client.ts";
import { buildServer } from "../src/http/server.ts";
import { fixedClock } from "../src/lib/clock.ts";
import { createNicsSimulator, type NicsSimulator } from "../src/adapters/nics/simulator.ts";
import { createUser, createApiKey } from "../src/modules/auth/service.ts";
import { ROLES, type Role, type User } from "../src/modules/auth/roles.ts";
import { createPerson, type Person } from "../src/modules/people/service.ts";
import type { PlainDate } from "../src/law/core/dates.ts";

export const PASSWORD = "correct horse battery staple";

export async function freshDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openPglite();
    return { db, drop: () => db.close() };
  }
  const name = `stl_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 5);
  return {
    db,
    drop: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export interface TestEnv {
  services: Services;
  app: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
  nics: NicsSimulator;
  users: Record<Role, User>;
  resident: Person;
  ctx(role?: Role | null): Ctx;
  /** Signs in through the web form; returns the cookie header and CSRF token. */
  login(username: string, password?: string): Promise<{ cookie: string; csrf: string }>;
  /** Injects a request as a role (via a session cookie with its CSRF token, or an API key when `apiKey` is set). */
  as(
    role: Role | null,
    opts: { method: string; url: string; payload?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  apiKey(role: Role): Promise<string>;
  close(): Promise<void>;
}

export async function createTestEnv(opts: { today?: string } = {}): Promise<TestEnv> {
  const { db, drop } = await freshDb();
  const clock = fixedClock((opts.today ?? "2026-11-20") as PlainDate);
  const nics = createNicsSimulator({ now: () => clock.now() });
  const base = loadConfig({});
  // Tests send webhooks to local receivers (the loopback switch) and fire thousands of look-ups (rate limits off; test/api/security.test.ts turns them on).
  const config: Config = {
    ...base,
    passwordCost: 10,
    webhookAllowLoopback: true,
    rateLimit: { ...base.rateLimit, enabled: false },
  };
  const services = await openServices(config, { clock, adapters: { nics }, db });
  const resident = await createPerson(db, {
    firstName: "Robin",
    lastName: "Testperson",
    birthDate: "1980-06-15" as PlainDate,
    street: "1 Main Street",
    town: "Hartford",
    zip: "06103",
    email: "robin@example.test",
  });
  const users = {} as Record<Role, User>;
  for (const role of ROLES) {
    users[role] = await createUser(db, {
      username: role.replace(/_/g, "-"),
      displayName: `Test ${role}`,
      role,
      password: PASSWORD,
      personId: role === "resident" ? resident.id : null,
      passwordCost: 10,
    });
  }
  const app = await buildServer(services);
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const keys = new Map<Role, string>();
  const env: TestEnv = {
    services,
    app,
    clock,
    nics,
    users,
    resident,
    ctx: (role = "licensing_staff") => ({
      ...services,
      user: role ? users[role] : null,
      today: clock.today(),
      requestId: "test",
    }),
    async login(username, password = PASSWORD) {
      // The sign-in form carries a CSRF token bound to a cookie (login CSRF): fetch the form first.
      const form = await app.inject({ method: "GET", url: "/login" });
      const formCookie = String([form.headers["set-cookie"] ?? []].flat()[0] ?? "").split(";")[0]!;
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? "";
      const res = await app.inject({
        method: "POST",
        url: "/login",
        payload: `username=${encodeURIComponent(username)}&password=${encodeURIComponent(password)}&_csrf=${encodeURIComponent(token)}`,
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: formCookie },
      });
      const set = res.headers["set-cookie"];
      const cookie = (Array.isArray(set) ? set[0] : set)?.split(";")[0];
      if (res.statusCode !== 303 || !cookie)
        throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const page = await app.inject({ method: "GET", url: "/whoami", headers: { cookie } });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
      return { cookie, csrf };
    },
    async apiKey(role) {
      let k = keys.get(role);
      if (!k) {
        k = (await createApiKey(env.ctx(role), users[role].id, "test")).key;
        keys.set(role, k);
      }
      return k;
    },
    async as(role, o) {
      const headers: Record<string, string> = { accept: "application/json", ...(o.headers ?? {}) };
      if (role) {
        let s = sessions.get(role);
        if (!s) {
          s = await env.login(users[role].username);
          sessions.set(role, s);
        }
        headers.cookie = s.cookie;
        headers["x-csrf-token"] = s.csrf;
        if (o.method !== "GET" && !Object.keys(headers).some((h) => h.toLowerCase() === "idempotency-key"))
          headers["idempotency-key"] = randomBytes(12).toString("hex");
      }
      return app.inject({
        method: o.method as "GET",
        url: o.url,
        headers,
        ...(o.payload !== undefined ? { payload: o.payload as string } : {}),
      });
    },
    async close() {
      await app.close();
      await drop();
    },
  };
  return env;
}
