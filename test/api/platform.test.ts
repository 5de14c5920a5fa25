/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * The platform under the API: sessions and their idle limit, account locking,
 * API keys, CSRF, idempotent writes (replays, mismatches, concurrent duplicates),
 * the audit trail's hash chain and its append-only trigger, the OpenAPI document
 * and its rendered reference, the decision API and `stateline decide`, and the
 * answer when the database cannot be reached.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LightMyRequestResponse } from "fastify";
import { PASSWORD, createTestEnv, type TestEnv } from "../helpers.ts";
import { allRoutes } from "../../src/modules/index.ts";
const apiRoutes = allRoutes();
import type { RouteDef } from "../../src/http/route.ts";
import { buildServer } from "../../src/http/server.ts";
import { loadConfig } from "../../src/config.ts";
import { openServices } from "../../src/app.ts";
import { openPglite, openPostgres } from "../../src/db/client.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { simulatedAdapters } from "../../src/adapters/index.ts";
import { verifyAudit } from "../../src/modules/audit/service.ts";
import { createUser } from "../../src/modules/auth/service.ts";
import { CREDENTIAL_KINDS } from "../../src/law/ct/credentials/index.ts";
import type { PlainDate } from "../../src/law/core/dates.ts";
import {
  applicationBody,
  caller,
  count,
  expectProblem,
  expectStatus,
  issueFor,
  json,
  newPerson,
  type Call,
} from "./support.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const routes = apiRoutes as RouteDef[];

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();

/** Signs in through the form: fetches it for its CSRF token and cookie (login CSRF), then posts. */
async function signIn(env: TestEnv, username: string, password: string): Promise<LightMyRequestResponse> {
  const page = await env.app.inject({ method: "GET", url: "/login" });
  const cookie = String([page.headers["set-cookie"] ?? []].flat()[0] ?? "").split(";")[0]!;
  const _csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
  return env.app.inject({
    method: "POST",
    url: "/login",
    payload: form({ username, password, _csrf }),
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", cookie },
  });
}

const cookieOf = (res: LightMyRequestResponse): string => {
  const set = res.headers["set-cookie"];
  return String(Array.isArray(set) ? set[0] : set).split(";")[0]!;
};

describe("sessions, sign-in, API keys and CSRF", () => {
  let env: TestEnv;
  let call: Call;
  before(async () => {
    env = await createTestEnv();
    call = caller(env);
  });
  after(async () => {
    await env.close();
  });

  test("the session cookie is HttpOnly and SameSite", async () => {
    const res = await signIn(env, "dealer", PASSWORD);
    expectStatus(res, 303);
    const set = String(res.headers["set-cookie"]);
    assert.match(set, /^sl_session=[A-Za-z0-9_-]{40,}/);
    assert.match(set, /HttpOnly/);
    assert.match(set, /SameSite=Lax/);
  });

  test("a session ends after 30 idle minutes (30:00 is still fine; 30:01 is not), and stays ended", async () => {
    const { cookie } = await env.login("dealer");
    const me = () =>
      env.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie, accept: "application/json" } });
    expectStatus(await me(), 200);
    env.clock.advance(30 * 60_000);
    const ok = await me();
    expectStatus(ok, 200, "exactly 30 idle minutes");
    assert.equal(json(ok).role, "dealer");
    env.clock.advance(30 * 60_000 + 1_000);
    expectProblem(await me(), 401);
    env.clock.advance(-60 * 60_000);
    expectProblem(await me(), 401, undefined);
    const ended = await env.services.db.query(
      "SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'dealer' AND s.ended_at IS NOT NULL",
    );
    assert.ok(ended[0]!.n >= 1, "the idle session is ended, not merely refused");
    env.clock.set(env.clock.today());
    const again = await env.login("dealer");
    expectStatus(
      await env.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: again.cookie } }),
      200,
      "a new sign-in works",
    );
  });

  test("5 failed sign-ins lock a name for 10 minutes (then 20), known or not, with the same answers; the lock ends by itself and is audited", async () => {
    await createUser(env.services.db, {
      username: "lockme",
      displayName: "Lock Me",
      role: "dealer",
      password: PASSWORD,
      passwordCost: 10,
    });
    // Four failures then a success resets the count.
    for (let i = 0; i < 4; i++) expectStatus(await signIn(env, "lockme", "wrong password!"), 401);
    expectStatus(await signIn(env, "lockme", PASSWORD), 303);
    const session = cookieOf(await signIn(env, "lockme", PASSWORD));
    const answers: Record<string, string[]> = { lockme: [], "nobody-at-all": [] };
    for (const name of Object.keys(answers)) {
      for (let i = 1; i <= 5; i++) {
        const r = await signIn(env, name, "wrong password!");
        answers[name]!.push(`${r.statusCode} ${/username or password is wrong/.test(r.body)}`);
      }
      const locked = await signIn(env, name, name === "lockme" ? PASSWORD : "wrong password!");
      answers[name]!.push(`${locked.statusCode} ${/too many failed sign-ins/.test(locked.body)}`);
      assert.equal(locked.headers["retry-after"], "600", name);
    }
    // An unknown name cannot be told from a known one (issue 8, finding 7).
    assert.deepEqual(answers["nobody-at-all"], answers.lockme);
    assert.deepEqual(answers.lockme, ["401 true", "401 true", "401 true", "401 true", "401 true", "429 true"]);
    // The signed-in session of the locked name goes on: a lock stops guessing, not the person.
    expectStatus(
      await env.app.inject({
        method: "GET",
        url: "/api/v1/me",
        headers: { cookie: session, accept: "application/json" },
      }),
      200,
    );
    assert.equal(
      await count(env, "audit_log WHERE action = 'auth.lock' AND entity_type = 'login-name'"),
      2,
      "each lock is audited",
    );
    assert.equal(
      await count(
        env,
        "audit_log a JOIN users u ON u.id = a.actor_id WHERE u.username = 'lockme' AND a.action = 'auth.login' AND a.outcome = 'denied'",
      ),
      9,
    );
    // The lock ends by itself after 10 minutes; the next lock lasts 20.
    env.clock.advance(10 * 60_000 + 1_000);
    for (let i = 1; i <= 5; i++) expectStatus(await signIn(env, "lockme", "wrong password!"), 401);
    const second = await signIn(env, "lockme", PASSWORD);
    expectStatus(second, 429);
    assert.equal(second.headers["retry-after"], "1200");
    env.clock.advance(20 * 60_000 + 1_000);
    expectStatus(await signIn(env, "lockme", PASSWORD), 303, "released by itself");
    // An administrator may end a lock early.
    for (let i = 1; i <= 6; i++) await signIn(env, "lockme", "wrong password!");
    expectStatus(await signIn(env, "lockme", PASSWORD), 429);
    expectProblem(await call("dealer", { method: "POST", url: "/api/v1/users/lockme/unlock" }), 403);
    expectStatus(await call("admin", { method: "POST", url: "/api/v1/users/lockme/unlock" }), 200);
    expectStatus(await signIn(env, "lockme", PASSWORD), 303, "unlocked");
    expectProblem(await call("admin", { method: "POST", url: "/api/v1/users/nobody-here/unlock" }), 404);
    env.clock.set(env.clock.today());
  });

  test("an API key authenticates as its user; an unknown, malformed, revoked or locked user's key is 401", async () => {
    const key = await env.apiKey("ammunition_vendor");
    const me = (authorization: string) =>
      env.app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization, accept: "application/json" } });
    const ok = await me(`Bearer ${key}`);
    expectStatus(ok, 200);
    assert.deepEqual(json(ok), {
      username: "ammunition-vendor",
      displayName: "Test ammunition_vendor",
      role: "ammunition_vendor",
      organization: null,
    });
    for (const bad of [
      `Bearer sl_${"A".repeat(32)}`,
      "Bearer not-a-key",
      `Basic ${Buffer.from("dealer:x").toString("base64")}`,
      "Bearer ",
      `Bearer ${key}x`,
      key,
    ]) {
      const p = expectProblem(await me(bad), 401);
      assert.equal(p.type, "https://stateline.example/problems/unauthenticated", bad);
    }
    // A key made through the API works too, and stops working when revoked.
    const made = await call("dealer", {
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { label: "Shop counter 1" },
    });
    expectStatus(made, 201);
    const k2 = json(made).key as string;
    assert.match(k2, /^sl_[A-Za-z0-9_-]{20,}$/);
    assert.equal(
      await count(env, "api_keys WHERE label = 'Shop counter 1' AND key_hash <> $1", [k2]),
      1,
      "only a hash is stored",
    );
    // (The server remembers a key it has seen for up to 30 s, so revocation and locking are checked on keys not used yet.)
    await env.services.db.query("UPDATE api_keys SET revoked_at = now() WHERE label = 'Shop counter 1'");
    expectProblem(await me(`Bearer ${k2}`), 401);
    // The key of a locked user does not work.
    const lockedKey = await env.apiKey("auditor");
    await env.services.db.query("UPDATE users SET locked_at = now() WHERE username = 'auditor'");
    expectProblem(await me(`Bearer ${lockedKey}`), 401);
    await env.services.db.query("UPDATE users SET locked_at = NULL WHERE username = 'auditor'");
    expectStatus(await me(`Bearer ${lockedKey}`), 200);
  });

  test("a browser session's write without the CSRF token (or with a wrong one) is 403 and does nothing", async () => {
    const before = await count(env, "api_keys");
    const p = expectProblem(
      await call("dealer", {
        method: "POST",
        url: "/api/v1/api-keys",
        payload: { label: "no token" },
        headers: { "x-csrf-token": "" },
      }),
      403,
    );
    assert.match(p.detail, /security token/);
    expectProblem(
      await call("dealer", {
        method: "POST",
        url: "/api/v1/api-keys",
        payload: { label: "wrong token" },
        headers: { "x-csrf-token": "0".repeat(32) },
      }),
      403,
    );
    // No header at all: sign in by hand, so the test helper adds nothing.
    const { cookie } = await env.login("dealer");
    expectProblem(
      await env.app.inject({
        method: "POST",
        url: "/api/v1/api-keys",
        payload: { label: "bare" },
        headers: { cookie, accept: "application/json" },
      }),
      403,
    );
    assert.equal(await count(env, "api_keys"), before);
    // Reads need no token; API keys need none (no cookie, so no cross-site forgery).
    expectStatus(await env.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } }), 200);
    // An API key needs no CSRF token; it may not mint another key though (issue 8, finding 6).
    const minted = expectProblem(
      await call(
        { apiKey: await env.apiKey("dealer") },
        {
          method: "POST",
          url: "/api/v1/api-keys",
          payload: { label: "from the POS" },
          headers: { "idempotency-key": "mint-0001" },
        },
      ),
      403,
    );
    assert.match(minted.detail, /not with another API key/);
  });
});

describe("idempotent writes", () => {
  let env: TestEnv;
  let call: Call;
  let staff: { apiKey: string };
  let pid: string;
  before(async () => {
    env = await createTestEnv();
    call = caller(env);
    staff = { apiKey: await env.apiKey("licensing_staff") };
    pid = (await newPerson(env, { firstName: "Idem", lastName: "Potent" })).id;
  });
  after(async () => {
    await env.close();
  });

  const apply = (key: string | undefined, kind: string) =>
    call(staff, {
      method: "POST",
      url: "/api/v1/applications",
      headers: key ? { "idempotency-key": key } : {},
      payload: applicationBody(kind, { personId: pid }),
    });

  test("an API-key write without an Idempotency-Key is refused naming the header", async () => {
    expectProblem(await apply(undefined, "long-gun-eligibility-certificate"), 400, "header.idempotency-key");
    expectProblem(await apply("short", "long-gun-eligibility-certificate"), 400, "header.idempotency-key");
    assert.equal(await count(env, "applications"), 0);
  });

  test("the same key and body twice: one application, the same answer, marked as a replay", async () => {
    const first = await apply("apply-lg-0001", "long-gun-eligibility-certificate");
    expectStatus(first, 201);
    assert.equal(first.headers["idempotent-replayed"], undefined);
    const second = await apply("apply-lg-0001", "long-gun-eligibility-certificate");
    expectStatus(second, 201);
    assert.equal(second.headers["idempotent-replayed"], "true");
    assert.equal(second.headers["idempotency-key"], "apply-lg-0001");
    assert.deepEqual(json(second), json(first));
    assert.equal(
      await count(env, "applications WHERE person_id = $1 AND credential_kind = 'long-gun-eligibility-certificate'", [
        pid,
      ]),
      1,
    );
    assert.equal(await count(env, "audit_log WHERE action = 'application.submit'"), 1);
    assert.equal(await count(env, "idempotency_keys WHERE key = 'apply-lg-0001'"), 1);
  });

  test("the same key with a different body is 422 and changes nothing", async () => {
    const before = await count(env, "applications");
    const p = expectProblem(await apply("apply-lg-0001", "ammunition-certificate"), 422, "header.idempotency-key");
    assert.equal(p.type, "https://stateline.example/problems/idempotency_mismatch");
    assert.equal(await count(env, "applications"), before);
  });

  test("concurrent duplicates: one application, every caller gets the same answer", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => apply("apply-ac-concurrent", "ammunition-certificate")),
    );
    for (const r of results) expectStatus(r, 201);
    const ids = new Set(results.map((r) => json(r).application.id));
    assert.equal(ids.size, 1, "one application id for all");
    assert.equal(
      results.filter((r) => r.headers["idempotent-replayed"] !== "true").length,
      1,
      "exactly one request did the work",
    );
    assert.equal(
      await count(env, "applications WHERE person_id = $1 AND credential_kind = 'ammunition-certificate'", [pid]),
      1,
    );
    assert.equal(await count(env, "decisions WHERE subject_id = $1", [[...ids][0]]), 1);
  });

  test("concurrent duplicate address changes are stored and audited once; the same key from another user is that user's own", async () => {
    const resident = { apiKey: await env.apiKey("resident") };
    const url = `/api/v1/people/${env.resident.id}/address-changes`;
    const body = { street: "9 Pearl Street", town: "Hartford", zip: "06103", effectiveOn: env.clock.today() };
    const change = (who: { apiKey: string }) =>
      call(who, { method: "POST", url, headers: { "idempotency-key": "moved-house-2026" }, payload: body });
    const rs = await Promise.all([change(resident), change(resident), change(resident), change(staff)]);
    for (const r of rs) expectStatus(r, 201);
    assert.deepEqual(json(rs[0]!), json(rs[1]!));
    assert.deepEqual(json(rs[0]!), json(rs[2]!));
    assert.equal(
      rs.slice(0, 3).filter((r) => r.headers["idempotent-replayed"] !== "true").length,
      1,
      "one of the resident's three did the work",
    );
    assert.equal(rs[3]!.headers["idempotent-replayed"], undefined, "staff's request with the same key is staff's own");
    assert.equal(await count(env, "address_changes WHERE person_id = $1", [env.resident.id]), 2);
    assert.equal(await count(env, "audit_log WHERE action = 'person.address-change'"), 2);
    assert.equal(await count(env, "idempotency_keys WHERE key = 'moved-house-2026'"), 2);
  });
});

describe("the audit trail", () => {
  let env: TestEnv;
  let call: Call;
  before(async () => {
    env = await createTestEnv();
    call = caller(env);
    const p = await newPerson(env, { firstName: "Audit", lastName: "Trail" });
    await issueFor(call, p.id, "long-gun-eligibility-certificate");
    await call("law_enforcement", { method: "GET", url: "/api/v1/me" });
  });
  after(async () => {
    await env.close();
  });

  test("the chain verifies from the first entry to the last", async () => {
    const n = await count(env, "audit_log");
    assert.ok(n >= 5, `${n} entries`);
    const v = await verifyAudit(env.services.db);
    assert.equal(v.checked, n, "every entry is sealed into the chain and checked");
    assert.deepEqual(v.breaks, []);
    assert.equal(await count(env, "audit_log WHERE hash IS NULL"), 0);
    const r = await call("auditor", { method: "POST", url: "/api/v1/audit/verify" });
    expectStatus(r, 200);
    assert.equal(json(r).breaks.length, 0);
    const first = await env.services.db.query("SELECT prev_hash FROM audit_log ORDER BY chain_seq LIMIT 1");
    assert.equal(first[0]!.prev_hash, "0".repeat(64));
  });

  test("UPDATE and DELETE on the audit log are refused by the trigger", async () => {
    const before = await env.services.db.query("SELECT * FROM audit_log ORDER BY seq");
    await assert.rejects(
      env.services.db.query("UPDATE audit_log SET action = 'nothing.happened' WHERE seq = 2"),
      /append-only/,
    );
    await assert.rejects(
      env.services.db.query("UPDATE audit_log SET hash = repeat('0', 64), prev_hash = repeat('0', 64) WHERE seq = 2"),
      /append-only/,
      "a sealed entry cannot be resealed",
    );
    await assert.rejects(env.services.db.query("DELETE FROM audit_log WHERE seq = 2"), /append-only/);
    await assert.rejects(env.services.db.query("DELETE FROM audit_log"), /append-only/);
    assert.deepEqual(await env.services.db.query("SELECT * FROM audit_log ORDER BY seq"), before);
  });

  test("a sealed entry altered behind the trigger's back is reported at its seq, and only there", async () => {
    await verifyAudit(env.services.db); // seals everything written so far
    const rows = await env.services.db.query<{ seq: number }>(
      "SELECT seq FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq",
    );
    const target = rows[Math.floor(rows.length / 2)]!.seq;
    await env.services.db.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
    try {
      await env.services.db.query(`UPDATE audit_log SET details = '{"tampered": true}'::jsonb WHERE seq = $1`, [
        target,
      ]);
    } finally {
      await env.services.db.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
    }
    const v = await verifyAudit(env.services.db);
    assert.equal(v.checked, rows.length);
    assert.equal(v.breaks.length, 1, JSON.stringify(v.breaks));
    assert.equal(v.breaks[0]!.seq, target);
    assert.match(v.breaks[0]!.problem, /altered/);
    const api = await call("auditor", { method: "POST", url: "/api/v1/audit/verify" });
    expectStatus(api, 200);
    assert.deepEqual(
      json(api).breaks.map((b: { seq: number }) => b.seq),
      [target],
    );
    // The trigger is back on.
    await assert.rejects(
      env.services.db.query("UPDATE audit_log SET details = '{}'::jsonb WHERE seq = $1", [target]),
      /append-only/,
    );
  });

  test("an entry removed behind the trigger's back is reported at the entry after it", async () => {
    await verifyAudit(env.services.db);
    const rows = await env.services.db.query<{ seq: number }>(
      "SELECT seq FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq",
    );
    const removed = rows[2]!.seq;
    await env.services.db.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
    try {
      await env.services.db.query("DELETE FROM audit_log WHERE seq = $1", [removed]);
    } finally {
      await env.services.db.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
    }
    const v = await verifyAudit(env.services.db);
    const next = rows[3]!.seq;
    assert.ok(
      v.breaks.some((b) => b.seq === next && /removed or reordered/.test(b.problem)),
      JSON.stringify(v.breaks),
    );
  });
});

describe("OpenAPI document and reference page", () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(async () => {
    await env.close();
  });

  test("GET /api/openapi.json is OpenAPI 3.1 and lists every route with its parameters, body, roles and security", async () => {
    const r = await env.app.inject({ method: "GET", url: "/api/openapi.json" });
    expectStatus(r, 200);
    const doc = json(r);
    assert.equal(doc.openapi, "3.1.0");
    assert.equal(typeof doc.info.version, "string");
    const ops = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([p, ms]) =>
      Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`),
    );
    assert.deepEqual(ops.sort(), routes.map((x) => `${x.method} ${x.url}`).sort());
    for (const route of routes) {
      const op = doc.paths[route.url][route.method.toLowerCase()];
      const what = `${route.method} ${route.url}`;
      assert.equal(op.summary, route.summary, what);
      const params = (op.parameters ?? []) as { name: string; in: string; required: boolean }[];
      for (const m of route.url.matchAll(/\{(\w+)\}/g))
        assert.ok(
          params.some((p) => p.in === "path" && p.name === m[1] && p.required),
          `${what}: path parameter ${m[1]}`,
        );
      assert.equal(
        params.some((p) => p.in === "header" && p.name === "Idempotency-Key"),
        route.idempotent === true,
        `${what}: Idempotency-Key`,
      );
      assert.equal(op.requestBody !== undefined, route.body !== undefined, `${what}: request body`);
      assert.deepEqual(
        op.security,
        route.auth === "user" ? [{ session: [] }, { apiKey: [] }] : [],
        `${what}: security`,
      );
      if (route.roles) assert.deepEqual(op["x-roles"], route.roles, what);
      assert.ok(
        op.responses[String(route.successStatus ?? (route.method === "POST" ? 201 : 200))],
        `${what}: success response`,
      );
      assert.ok(op.responses["400"], `${what}: 400 response`);
    }
    const verification = doc.paths["/api/v1/verifications"].post.responses["200"].content["application/json"].schema;
    assert.deepEqual(Object.keys(verification.properties).sort(), ["checkedOn", "purpose", "reference", "valid"]);
  });

  test("/api/docs renders every route", async () => {
    const r = await env.app.inject({ method: "GET", url: "/api/docs" });
    expectStatus(r, 200);
    assert.match(String(r.headers["content-type"]), /^text\/html/);
    assert.match(r.body, /<h1[^>]*>Stateline API/);
    for (const route of routes)
      assert.ok(r.body.includes(`${route.method} ${route.url}`), `the reference shows ${route.method} ${route.url}`);
  });
});

describe("decision API and `stateline decide`", () => {
  let env: TestEnv;
  let example: Record<string, unknown>;
  let dir: string;
  before(async () => {
    env = await createTestEnv();
    dir = mkdtempSync(join(tmpdir(), "stateline-decide-"));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await env.close();
  });

  const ask = (payload: unknown) =>
    env.app.inject({
      method: "POST",
      url: "/api/v1/decisions",
      payload: payload as string,
      headers: { accept: "application/json" },
    });

  test("GET /api/v1/decisions lists credential-eligibility with a JSON Schema of its facts", async () => {
    const r = await env.app.inject({ method: "GET", url: "/api/v1/decisions" });
    expectStatus(r, 200);
    const body = json(r);
    assert.equal(typeof body.rulebookVersion, "string");
    const q = body.questions.find((x: any) => x.id === "credential-eligibility");
    assert.ok(q, "credential-eligibility is listed");
    assert.equal(q.modelledFrom, "2013-07-01");
    assert.equal(q.factsSchema.type, "object");
    assert.deepEqual([...q.factsSchema.properties.credential.enum].sort(), [...CREDENTIAL_KINDS].sort());
    assert.deepEqual(q.factsSchema.required, ["credential"]);
    for (const k of ["applicant", "events", "nics", "backgroundCheckConsent", "feePaid", "recordsChecked"])
      assert.ok(k in q.factsSchema.properties, k);
    assert.deepEqual(Object.keys(q.result).sort(), ["credential", "disqualifiers", "eligible"]);
    assert.ok(q.citations.length > 0);
    example = q.example;
  });

  test("asking with the documented example answers yes with every finding cited; the same facts for a long gun certificate answer no", async () => {
    const r = await ask({ question: "credential-eligibility", on: "2026-01-01", facts: example });
    expectStatus(r, 200);
    const d = json(r);
    assert.equal(d.outcome, "yes");
    assert.equal(d.on, "2026-01-01");
    assert.deepEqual(d.missing, []);
    assert.equal(d.result.eligible, true);
    for (const f of d.findings) assert.match(f.citation, /^(PA 13-3|CGS) .*§/, f.id);
    const lg = json(
      await ask({
        question: "credential-eligibility",
        on: "2026-01-01",
        facts: { ...example, credential: "long-gun-eligibility-certificate" },
      }),
    );
    assert.equal(lg.outcome, "no");
    assert.deepEqual(lg.result.disqualifiers, ["credentials.listed-misdemeanor-conviction"]);
  });

  test("a bad date names `on`; an unknown question names `question`; a date before the rule is modelled names `on`; bad facts name the fact", async () => {
    expectProblem(await ask({ question: "credential-eligibility", on: "2013-02-30", facts: example }), 400, "on");
    expectProblem(await ask({ question: "credential-eligibility", on: "01/07/2014", facts: example }), 400, "on");
    expectProblem(await ask({ question: "no-such-question", on: "2026-01-01", facts: example }), 400, "question");
    // The example is an ammunition certificate, which the Act created on 2013-07-01: asked earlier, it does not exist yet (no).
    const early = json(await ask({ question: "credential-eligibility", on: "2013-06-30", facts: example }));
    assert.equal(early.outcome, "no");
    assert.deepEqual(early.result.disqualifiers, ["credentials.certificate-exists"]);
    const p = expectProblem(
      await ask({
        question: "credential-eligibility",
        on: "2013-06-30",
        facts: { ...example, credential: "state-handgun-permit" },
      }),
      400,
      "on",
    );
    assert.match(p.errors!.find((e) => e.field === "on")!.message, /2013-07-01/);
    expectStatus(
      await ask({ question: "credential-eligibility", on: "2013-07-01", facts: example }),
      200,
      "the first day modelled",
    );
    expectProblem(
      await ask({
        question: "credential-eligibility",
        on: "2026-01-01",
        facts: { ...example, credential: "bazooka-licence" },
      }),
      400,
      "facts.credential",
    );
    expectProblem(
      await ask({
        question: "credential-eligibility",
        on: "2026-01-01",
        facts: { ...example, applicant: { birthDate: "1990-02-30" } },
      }),
      400,
      "facts.applicant.birthDate",
    );
  });

  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["bin/stateline.js", ...args], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
    });

  test("`stateline decide` prints the outcome and every finding with its citation", async () => {
    const file = join(dir, "facts.json");
    writeFileSync(file, JSON.stringify(example));
    const out = cli(["decide", "credential-eligibility", "--on", "2026-01-01", "--facts", file]);
    assert.equal(out.status, 0, out.stderr);
    const lines = out.stdout.trim().split("\n");
    assert.match(lines[0]!, /^credential-eligibility on 2026-01-01: YES\s+\(rulebook [\w.-]+\)$/);
    const api = json(await ask({ question: "credential-eligibility", on: "2026-01-01", facts: example }));
    const findingLines = lines.filter((l) => /^\s+\[(met|not-met|unknown|not-applicable)\]/.test(l));
    assert.equal(findingLines.length, api.findings.length, "one line per finding");
    for (const [i, f] of api.findings.entries()) {
      assert.ok(findingLines[i]!.includes(`[${f.status}] ${f.because}`), findingLines[i]);
      assert.ok(findingLines[i]!.endsWith(f.citation), `${findingLines[i]} ends with ${f.citation}`);
    }
    const asJson = cli(["decide", "credential-eligibility", "--on", "2026-01-01", "--facts", file, "--json"]);
    assert.equal(asJson.status, 0, asJson.stderr);
    const d = JSON.parse(asJson.stdout);
    assert.equal(d.outcome, "yes");
    assert.equal(d.findings.length, api.findings.length);
  });

  test("`stateline decide` refuses a bad date, an unmodelled date and an unknown question", () => {
    const file = join(dir, "facts2.json");
    writeFileSync(file, JSON.stringify(example));
    const bad = cli(["decide", "credential-eligibility", "--on", "2013-02-30", "--facts", file]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--on YYYY-MM-DD/);
    writeFileSync(file, JSON.stringify({ ...example, credential: "state-handgun-permit" }));
    const early = cli(["decide", "credential-eligibility", "--on", "2013-06-30", "--facts", file]);
    assert.equal(early.status, 1);
    assert.match(early.stderr, /2013-07-01|not in force|model/i);
    const unknown = cli(["decide", "no-such-question", "--on", "2026-01-01", "--facts", file]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /unknown question/);
  });

  test("`stateline decide --list` and `--schema QUESTION` give what GET /api/v1/decisions gives", async () => {
    const api = json(await env.app.inject({ method: "GET", url: "/api/v1/decisions" }));
    const list = cli(["decide", "--list"]);
    assert.equal(list.status, 0, list.stderr);
    for (const q of api.questions) assert.match(list.stdout, new RegExp(`^${q.id} +from ${q.modelledFrom} `, "m"));
    const all = JSON.parse(cli(["decide", "--list", "--json"]).stdout);
    assert.deepEqual(
      all.map((q: any) => q.id),
      api.questions.map((q: any) => q.id),
    );
    const one = cli(["decide", "--schema", "penalty-by-class"]);
    assert.equal(one.status, 0, one.stderr);
    const s = JSON.parse(one.stdout);
    const listed = api.questions.find((q: any) => q.id === "penalty-by-class");
    assert.deepEqual(s.factsSchema, listed.factsSchema);
    assert.deepEqual(s.example, listed.example);
    assert.notEqual(cli(["decide", "--schema", "no-such-question"]).status, 0);
  });

  test("the questions issue 10 added are listed with schemas and examples, and each example is answered", async () => {
    const api = json(await env.app.inject({ method: "GET", url: "/api/v1/decisions" }));
    for (const id of [
      "penalty-by-class",
      "revoked-credential-surrender",
      "ineligible-transfer-deadline",
      "offender-change-notice",
      "offender-annual-update",
    ]) {
      const q = api.questions.find((x: any) => x.id === id);
      assert.ok(q, `${id} is listed`);
      assert.equal(q.factsSchema.type, "object", id);
      const r = await ask({ question: id, on: "2016-01-04", facts: q.example });
      expectStatus(r, 200, id);
    }
  });
});

describe("database unavailable", () => {
  const config = { ...loadConfig({}), passwordCost: 10 };

  test("PostgreSQL refusing connections: 503 problem with Retry-After, for API keys, sessions and public reads that need the database", async () => {
    // A port nothing listens on: take a free one and close it again.
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const db = await openPostgres(`postgres://postgres@127.0.0.1:${port}/stateline`, 1);
    const app = await buildServer({
      db,
      config,
      clock: fixedClock("2026-11-20" as PlainDate),
      adapters: simulatedAdapters(),
    });
    try {
      const requests = [
        { method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer sl_${"B".repeat(32)}` } },
        {
          method: "POST",
          url: "/api/v1/verifications",
          headers: { authorization: `Bearer sl_${"B".repeat(32)}`, "idempotency-key": "db-down-000001" },
          payload: {
            credentialNumber: "SP-1000001",
            lastName: "X",
            birthDate: "1980-01-01",
            purpose: "handgun-purchase",
          },
        },
        { method: "GET", url: "/api/v1/me", headers: { cookie: `sl_session=${"c".repeat(43)}` } },
      ];
      for (const req of requests) {
        const r = (await app.inject({
          ...req,
          headers: { ...req.headers, accept: "application/json" },
        } as never)) as unknown as LightMyRequestResponse;
        const p = expectProblem(r, 503);
        assert.equal(p.type, "https://stateline.example/problems/unavailable");
        assert.equal(r.headers["retry-after"], "5");
      }
      const h = await app.inject({ method: "GET", url: "/healthz" });
      assert.equal(h.statusCode, 503);
      assert.equal(h.headers["retry-after"], "5");
      // The rulebook needs no database: it still answers.
      expectStatus(await app.inject({ method: "GET", url: "/api/v1/rules" }), 200);
    } finally {
      await app.close();
      await db.close();
    }
  });

  test("the embedded database closed under a running server: 503 with Retry-After, not 500", async () => {
    const db = await openPglite();
    const services = await openServices(config, {
      db,
      clock: fixedClock("2026-11-20" as PlainDate),
      adapters: simulatedAdapters(),
    });
    await createUser(db, {
      username: "closer",
      displayName: "Closer",
      role: "dealer",
      password: PASSWORD,
      passwordCost: 10,
    });
    const app = await buildServer(services);
    try {
      expectStatus(await app.inject({ method: "GET", url: "/healthz" }), 200);
      await db.close();
      for (const req of [
        {
          method: "GET",
          url: "/api/v1/me",
          headers: { authorization: `Bearer sl_${"B".repeat(32)}`, accept: "application/json" },
        },
        { method: "GET", url: "/healthz", headers: { accept: "application/json" } },
      ]) {
        const r = (await app.inject(req as never)) as unknown as LightMyRequestResponse;
        expectProblem(r, 503);
        assert.equal(r.headers["retry-after"], "5");
      }
    } finally {
      await app.close();
    }
  });
});
