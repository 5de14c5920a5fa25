/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * Helpers for the API tests: a caller that signs in as a role or a named user
 * (and signs in again after the test clock has moved past the session's idle
 * limit), JSON shortcuts, problem+json assertions, extra residents and row counts.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import type { TestEnv } from "../helpers.ts";
import { PASSWORD } from "../helpers.ts";
import { ROLES, type Role } from "../../src/modules/auth/roles.ts";
import { createUser } from "../../src/modules/auth/service.ts";
import { createPerson, type NewPerson, type Person } from "../../src/modules/people/service.ts";
import type { PlainDate } from "../../src/law/core/dates.ts";

export { ROLES, type Role };

/** Who makes a request: a role's test user, a named user, an API key holder, or nobody. */
export type Who = Role | null | { username: string } | { apiKey: string };

export interface Req {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export type Call = (who: Who, req: Req) => Promise<LightMyRequestResponse>;

/**
 * A caller that keeps one session per user and signs in again when the test
 * clock has moved more than ten minutes since that user's last request (the
 * server ends sessions idle for 30 minutes, and `env.clock.set` jumps days).
 */
export function caller(env: TestEnv): Call {
  const sessions = new Map<string, { cookie: string; csrf: string; lastUsed: number }>();
  async function session(username: string) {
    const now = env.clock.now().getTime();
    let s = sessions.get(username);
    if (!s || Math.abs(now - s.lastUsed) > 10 * 60_000) {
      s = { ...(await env.login(username)), lastUsed: now };
      sessions.set(username, s);
    }
    s.lastUsed = now;
    return s;
  }
  return async (who, req) => {
    const headers: Record<string, string> = { accept: "application/json", ...(req.headers ?? {}) };
    if (who !== null && typeof who === "object" && "apiKey" in who) {
      headers.authorization = `Bearer ${who.apiKey}`;
    } else if (who !== null) {
      const username = typeof who === "string" ? env.users[who].username : who.username;
      const s = await session(username);
      headers.cookie = s.cookie;
      if (!("x-csrf-token" in headers)) headers["x-csrf-token"] = s.csrf;
      // A browser's script, like software, keys every write (issue 8, finding 10); a test sends its own to test retries.
      if (req.method !== "GET" && !Object.keys(headers).some((h) => h.toLowerCase() === "idempotency-key"))
        headers["idempotency-key"] = randomUUID();
    }
    const payload = req.payload;
    return env.app.inject({
      method: req.method as "GET",
      url: req.url,
      headers,
      ...(payload !== undefined ? { payload: payload as string } : {}),
    });
  };
}

/** Parses a JSON body, failing the test with the body when it is not JSON. */
export function json<T = any>(res: LightMyRequestResponse): T {
  try {
    return JSON.parse(res.body) as T;
  } catch {
    assert.fail(`expected JSON, got ${res.statusCode} ${res.headers["content-type"]}: ${res.body.slice(0, 300)}`);
  }
}

/** Asserts a status, printing the body when it differs. */
export function expectStatus(res: LightMyRequestResponse, status: number, what = ""): void {
  assert.equal(
    res.statusCode,
    status,
    `${what ? what + ": " : ""}expected ${status}, got ${res.statusCode}: ${res.body.slice(0, 600)}`,
  );
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** Asserts an RFC 9457 problem with the status, and (when given) an entry in `errors` naming the field. */
export function expectProblem(res: LightMyRequestResponse, status: number, field?: string): Problem {
  expectStatus(res, status);
  assert.match(
    String(res.headers["content-type"]),
    /^application\/problem\+json/,
    "problem responses are application/problem+json",
  );
  const p = json<Problem>(res);
  assert.equal(p.status, status);
  if (field !== undefined) {
    assert.ok(
      p.errors?.some((e) => e.field === field),
      `expected errors to name ${field}: ${JSON.stringify(p.errors)}`,
    );
  }
  return p;
}

let counter = 0;

/** A new person with a resident account of their own; returns the person and the username to sign in with. */
export async function newResident(
  env: TestEnv,
  p: Partial<NewPerson> & { firstName: string; lastName: string },
): Promise<{ person: Person; username: string }> {
  const person = await createPerson(env.services.db, {
    birthDate: "1975-03-04" as PlainDate,
    street: "5 Elm Street",
    town: "New Haven",
    zip: "06510",
    ...p,
  });
  counter += 1;
  const username = `${p.firstName.toLowerCase().replace(/[^a-z]/g, "")}-${counter}`;
  await createUser(env.services.db, {
    username,
    displayName: `${p.firstName} ${p.lastName}`,
    role: "resident",
    password: PASSWORD,
    personId: person.id,
    passwordCost: 10,
  });
  return { person, username };
}

/** A new person without an account (staff key in paper applications for them). */
export async function newPerson(
  env: TestEnv,
  p: Partial<NewPerson> & { firstName: string; lastName: string },
): Promise<Person> {
  return createPerson(env.services.db, {
    birthDate: "1970-01-20" as PlainDate,
    street: "12 Oak Road",
    town: "Stamford",
    zip: "06901",
    ...p,
  });
}

export const COUNTED_TABLES = [
  "people",
  "address_changes",
  "users",
  "sessions",
  "api_keys",
  "audit_log",
  "idempotency_keys",
  "outbox",
  "decisions",
  "applications",
  "application_actions",
  "credentials",
  "credential_actions",
  "prohibiting_events",
  "nics_checks",
  "dealers",
  "dealer_locations",
  "dealer_staff",
  "dealer_actions",
  "ammunition_checks",
  "ammunition_sales",
  "ammunition_sale_lines",
  "policy_settings",
  "leads",
  "lead_actions",
  "cases",
  "case_actions",
  "lead_baselines",
  "sales",
  "sale_nics_checks",
  "sale_actions",
  "sale_records",
  "sale_reports",
  "dealer_webhooks",
  "webhook_deliveries",
] as const;

/** Row counts of every table a request could write to. */
export async function rowCounts(
  env: TestEnv,
  tables: readonly string[] = COUNTED_TABLES,
): Promise<Record<string, number>> {
  // A refused read of confidential data is audited (outcome "denied"); that entry is the one write a refusal makes.
  const sql = `SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}${t === "audit_log" ? " WHERE outcome IS DISTINCT FROM 'denied'" : ""}) AS ${t}`).join(", ")}`;
  const rows = await env.services.db.query(sql);
  return rows[0] as Record<string, number>;
}

export async function count(env: TestEnv, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await env.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return rows[0]!.n;
}

/** Days added to a YYYY-MM-DD date (UTC arithmetic on a calendar date; no time zone involved). */
export function plusDays(d: string, n: number): PlainDate {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10) as PlainDate;
}

export const APPLY = {
  residenceTown: "Hartford",
  citizenOrLawfulResident: true,
  backgroundCheckConsent: true,
  feePaid: true,
} as const;

/** Body for an application of a kind (the temporary state permit carries its statement). */
export function applicationBody(kind: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    credentialKind: kind,
    ...APPLY,
    ...(kind === "temporary-state-permit" ? { attestedNoTemporaryPermitIn12Months: true } : {}),
    ...extra,
  };
}

/** A review note staff give when issuing; harmless for an approvable application, required for needs-review. */
export const REVIEW_NOTE = "identity and safety course checked in person";

/**
 * Staff key in a paper application for a person and issue it (with a review note,
 * so the helper does not depend on every fact being known). Returns the credential.
 */
export async function issueFor(
  call: Call,
  personId: string,
  kind: string,
  extra: Record<string, unknown> = {},
): Promise<{ applicationId: string; credential: any }> {
  const a = await call("licensing_staff", {
    method: "POST",
    url: "/api/v1/applications",
    payload: applicationBody(kind, { personId, ...extra }),
  });
  expectStatus(a, 201, `apply ${kind}`);
  const applicationId = json(a).application.id as string;
  const i = await call("licensing_staff", {
    method: "POST",
    url: `/api/v1/applications/${applicationId}/issue`,
    payload: { reviewNote: REVIEW_NOTE, confirmations: { safetyCourse: true, suitability: true } },
  });
  expectStatus(i, 201, `issue ${kind}`);
  return { applicationId, credential: json(i).credential };
}
