/**
 * Who may call what. Every API route (read from `apiRoutes`, so a new route
 * without an entry fails here) is called as every role and anonymously:
 * allowed roles get the route's documented success status; other roles get 403,
 * anonymous callers 401 (public routes answer everyone), and a refused request
 * changes nothing in the database. Then the finer points: what a dealer's
 * verification reveals, residents and other people's records, purposes and the
 * audit trail of confidential reads, and the auditor's reach.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../helpers.ts";
import { allRoutes } from "../../src/modules/index.ts";
const apiRoutes = allRoutes();
import type { RouteDef } from "../../src/http/route.ts";
import { ROLES, type Role } from "../../src/modules/auth/roles.ts";
import { makeFixtures, routeCases, routeKey, type Fixtures, type RouteCase } from "./route-requests.ts";
import {
  applicationBody,
  caller,
  count,
  expectProblem,
  expectStatus,
  issueFor,
  json,
  newResident,
  rowCounts,
  type Call,
} from "./support.ts";

const routes = apiRoutes as RouteDef[];
const WHO: (Role | null)[] = [...ROLES, null];

let env: TestEnv;
let call: Call;
let fx: Fixtures;
let cases: Record<string, RouteCase>;

before(async () => {
  env = await createTestEnv();
  call = caller(env);
  fx = await makeFixtures(env, call);
  cases = routeCases(env, call, fx);
  // Sign every role in now, so the sign-in's own rows do not count as a refused request's writes.
  for (const role of ROLES) expectStatus(await call(role, { method: "GET", url: "/api/v1/me" }), 200, role);
});
after(async () => {
  await env.close();
});

const allows = (c: RouteCase, who: Role | null): boolean =>
  c.allowed === "public" || (who !== null && (c.allowed === "all" || c.allowed.includes(who)));

describe("access matrix: every route × every role and anonymous", () => {
  test("every route in apiRoutes has an entry, and every entry is a route", () => {
    const keys = routes.map(routeKey);
    assert.equal(new Set(keys).size, keys.length, "no route is registered twice");
    const c = cases; // the cases built once in before(): building them again would reconfigure what they set up (partner keys)
    assert.deepEqual(
      keys.filter((k) => !(k in c)),
      [],
      "routes without an access entry in test/api/route-requests.ts",
    );
    assert.deepEqual(
      Object.keys(c).filter((k) => !keys.includes(k)),
      [],
      "access entries for routes that do not exist",
    );
  });

  for (const r of routes) {
    const key = routeKey(r);
    test(`${key}`, async () => {
      const c = cases[key];
      assert.ok(c, `no access entry for ${key}`);
      // The roles documented on the route (OpenAPI x-roles) are the roles the matrix allows.
      if (r.roles)
        assert.deepEqual(
          [...r.roles].sort(),
          c.allowed === "all" || c.allowed === "public" ? [...ROLES].sort() : [...c.allowed].sort(),
          "documented roles",
        );
      assert.equal(
        r.auth === "public",
        c.allowed === "public",
        "public routes and only they are open to anonymous callers",
      );
      const success = r.successStatus ?? (r.method === "POST" ? 201 : 200);
      for (const who of WHO) {
        const req = await c.request(who);
        const label = `${key} as ${who ?? "anonymous"}`;
        if (allows(c, who)) {
          const res = await call(who, req);
          expectStatus(res, success, label);
          // JSON, or a document a route exists to deliver (a letter as PDF).
          assert.match(String(res.headers["content-type"]), /^application\/(json|pdf)/, label);
        } else {
          const before = await rowCounts(env);
          const res = await call(who, req);
          const p = expectProblem(res, who === null ? 401 : 403);
          assert.equal(
            p.type,
            `https://stateline.example/problems/${who === null ? "unauthenticated" : "forbidden"}`,
            label,
          );
          assert.deepEqual(await rowCounts(env), before, `${label}: a refused request writes nothing`);
        }
      }
    });
  }
});

describe("what each role sees", () => {
  test("a dealer's or vendor's verification reveals nothing but validity", async () => {
    for (const who of ["dealer", "ammunition_vendor"] as const) {
      const r = await call(who, {
        method: "POST",
        url: "/api/v1/verifications",
        payload: {
          credentialNumber: fx.residentCredential.number,
          lastName: "Testperson",
          birthDate: "1980-06-15",
          purpose: "handgun-purchase",
        },
      });
      expectStatus(r, 200);
      const v = json(r);
      assert.deepEqual(Object.keys(v).sort(), ["checkedOn", "purpose", "reference", "valid"]);
      assert.equal(v.valid, true);
      for (const leak of [
        "Robin",
        "Hartford",
        "Main Street",
        fx.residentCredential.id,
        env.resident.id,
        "handgun-eligibility-certificate",
        "2031-",
        "expires",
        "status",
      ]) {
        assert.ok(!r.body.includes(leak), `${who}'s verification reveals ${leak}`);
      }
    }
    // A dealer cannot look the credential up directly either.
    expectProblem(
      await call("dealer", {
        method: "GET",
        url: `/api/v1/credentials/${fx.residentCredential.id}`,
        headers: { "stateline-purpose": "registry-verification; a sale at the counter" },
      }),
      403,
    );
  });

  test("a resident cannot see or act on another person's application or credential", async () => {
    const other = await newResident(env, { firstName: "Casey", lastName: "Otherperson" });
    const as = { username: other.username };
    const p1 = expectProblem(
      await call(as, { method: "GET", url: `/api/v1/applications/${fx.residentApplicationId}` }),
      403,
    );
    assert.ok(!JSON.stringify(p1).includes("Testperson"));
    expectProblem(await call(as, { method: "GET", url: `/api/v1/credentials/${fx.residentCredential.id}` }), 403);
    expectProblem(
      await call(as, { method: "POST", url: `/api/v1/applications/${fx.residentApplicationId}/withdraw` }),
      403,
    );
    expectProblem(
      await call(as, {
        method: "POST",
        url: `/api/v1/credentials/${fx.residentCredential.id}/renew`,
        payload: {
          residenceTown: "Hartford",
          citizenOrLawfulResident: true,
          backgroundCheckConsent: true,
          feePaid: true,
        },
      }),
      403,
    );
    expectProblem(
      await call(as, {
        method: "POST",
        url: `/api/v1/people/${env.resident.id}/address-changes`,
        payload: { street: "1 Sneaky Lane", town: "Hartford", effectiveOn: env.clock.today() },
      }),
      403,
    );
    const apps = json(await call(as, { method: "GET", url: "/api/v1/applications" }));
    assert.deepEqual(apps, { total: 0, items: [] }, "the list holds only the resident's own (none)");
    assert.deepEqual(json(await call(as, { method: "GET", url: "/api/v1/credentials" })), { items: [] });

    // Naming another person on an application does not apply for them.
    const before = await count(env, "applications WHERE person_id = $1", [env.resident.id]);
    const r = await call(as, {
      method: "POST",
      url: "/api/v1/applications",
      payload: applicationBody("long-gun-eligibility-certificate", { personId: env.resident.id }),
    });
    assert.ok([201, 400, 403].includes(r.statusCode), `${r.statusCode}`);
    assert.equal(
      await count(env, "applications WHERE person_id = $1", [env.resident.id]),
      before,
      "no application was made for Robin by someone else",
    );
    // The resident's own still reads fine.
    expectStatus(
      await call("resident", { method: "GET", url: `/api/v1/applications/${fx.residentApplicationId}` }),
      200,
    );
  });

  test("law enforcement must give a purpose to read a credential; the read is audited with it and shows only what police need", async () => {
    const url = `/api/v1/credentials/${fx.residentCredential.id}`;
    const auditedBefore = await count(env, "audit_log WHERE action = 'credential.read'");
    expectProblem(await call("law_enforcement", { method: "GET", url }), 400, "header.stateline-purpose");
    expectProblem(
      await call("law_enforcement", {
        method: "GET",
        url,
        headers: { "stateline-purpose": "criminal-investigation; ab" },
      }),
      400,
      "header.stateline-purpose",
    );
    // Never in the URL (issue 8, finding 5): URLs end up in logs and browser history.
    expectProblem(
      await call("law_enforcement", {
        method: "GET",
        url: `${url}?purpose=${encodeURIComponent("traffic stop, Hartford PD case 26-4411")}`,
      }),
      400,
      "query.purpose",
    );
    assert.equal(
      await count(env, "audit_log WHERE action = 'credential.read'"),
      auditedBefore,
      "a refused read is not a read",
    );

    const purpose = "criminal-investigation: traffic stop, Hartford PD case 26-4411";
    const r = await call("law_enforcement", {
      method: "GET",
      url,
      headers: { "stateline-purpose": "criminal-investigation; traffic stop, Hartford PD case 26-4411" },
    });
    expectStatus(r, 200);
    const body = json(r);
    assert.deepEqual(Object.keys(body.credential).sort(), [
      "expiresOn",
      "issuedOn",
      "kind",
      "number",
      "revokedOn",
      "status",
      "surrenderDueOn",
      "surrenderedOn",
    ]);
    assert.deepEqual(body.holder, { firstName: "Robin", lastName: "Testperson", birthDate: "1980-06-15" });
    assert.equal(body.history, undefined, "police do not get the credential's internal history");
    const rows = await env.services.db.query(
      "SELECT actor_id::text, actor_role, entity_type, entity_id, purpose, outcome FROM audit_log WHERE action = 'credential.read' ORDER BY seq DESC LIMIT 1",
    );
    assert.deepEqual(rows[0], {
      actor_id: env.users.law_enforcement.id,
      actor_role: "law_enforcement",
      entity_type: "credential",
      entity_id: fx.residentCredential.id,
      purpose,
      outcome: "success",
    });
    assert.equal(await count(env, "audit_log WHERE action = 'credential.read'"), auditedBefore + 1);

    // Staff give a purpose too; the holder reading their own credential does not need one.
    expectProblem(await call("licensing_staff", { method: "GET", url }), 400, "header.stateline-purpose");
    expectStatus(await call("resident", { method: "GET", url }), 200);
  });

  test("staff reading an application state a purpose (no default) and the read is audited with it", async () => {
    const url = `/api/v1/applications/${fx.residentApplicationId}`;
    const r = await call("licensing_staff", {
      method: "GET",
      url,
      headers: { "stateline-purpose": "appeal-review; appeal file 2026-17" },
    });
    expectStatus(r, 200);
    assert.equal(json(r).applicant.lastName, "Testperson");
    const rows = await env.services.db.query(
      "SELECT actor_role, entity_id, purpose FROM audit_log WHERE action = 'application.read' ORDER BY seq DESC LIMIT 1",
    );
    assert.deepEqual(rows[0], {
      actor_role: "licensing_staff",
      entity_id: fx.residentApplicationId,
      purpose: "appeal-review: appeal file 2026-17",
    });
    expectProblem(await call("licensing_staff", { method: "GET", url }), 400, "header.stateline-purpose");
  });

  test("the auditor reads the audit trail (with purposes) but not applications or credentials", async () => {
    const r = await call("auditor", { method: "GET", url: `/api/v1/audit?entityId=${fx.residentCredential.id}` });
    expectStatus(r, 200);
    const items = json(r).items as { action: string; purpose: string | null; actorRole: string }[];
    assert.ok(
      items.some(
        (i) =>
          i.action === "credential.read" &&
          i.actorRole === "law_enforcement" &&
          i.purpose === "criminal-investigation: traffic stop, Hartford PD case 26-4411",
      ),
      JSON.stringify(items.slice(0, 5)),
    );
    assert.ok(
      items.every((i) => !("details" in i)),
      "the list does not carry entry details",
    );
    expectProblem(await call("auditor", { method: "GET", url: "/api/v1/applications" }), 403);
    expectProblem(
      await call("auditor", { method: "GET", url: `/api/v1/applications/${fx.residentApplicationId}` }),
      403,
    );
    expectProblem(
      await call("auditor", {
        method: "GET",
        url: `/api/v1/credentials/${fx.residentCredential.id}`,
        headers: { "stateline-purpose": "audit-review; checking the audit trail" },
      }),
      403,
    );
    expectStatus(await call("auditor", { method: "POST", url: "/api/v1/audit/verify" }), 200);
  });

  test("an API key carries its user's role: the same refusals apply", async () => {
    const dealerKey = { apiKey: await env.apiKey("dealer") };
    expectProblem(await call(dealerKey, { method: "GET", url: "/api/v1/applications" }), 403);
    expectProblem(await call(dealerKey, { method: "GET", url: "/api/v1/audit" }), 403);
    const residentKey = { apiKey: await env.apiKey("resident") };
    expectProblem(
      await call(residentKey, {
        method: "POST",
        url: "/api/v1/verifications",
        headers: { "idempotency-key": "resident-verify-0001" },
        payload: {
          credentialNumber: fx.residentCredential.number,
          lastName: "Testperson",
          birthDate: "1980-06-15",
          purpose: "handgun-purchase",
        },
      }),
      403,
    );
    const ok = await call(dealerKey, {
      method: "POST",
      url: "/api/v1/verifications",
      headers: { "idempotency-key": "dealer-verify-0001" },
      payload: {
        credentialNumber: fx.residentCredential.number,
        lastName: "Testperson",
        birthDate: "1980-06-15",
        purpose: "handgun-purchase",
      },
    });
    expectStatus(ok, 200);
    assert.equal(json(ok).valid, true);
  });

  test("a seller's owner manages only their own shop's staff, and only staff add an owner", async () => {
    const body = (position: string) => ({
      username: `own-${position}-${Date.now() % 100000}`,
      displayName: "Someone",
      password: "a long enough password",
      position,
    });
    expectProblem(
      await call("dealer", { method: "POST", url: `/api/v1/dealers/${fx.vendorId}/staff`, payload: body("clerk") }),
      403,
    );
    expectProblem(
      await call("dealer", { method: "POST", url: `/api/v1/dealers/${fx.shopId}/staff`, payload: body("owner") }),
      400,
      "position",
    );
    const mine = await call("dealer", { method: "GET", url: "/api/v1/dealers/mine" });
    expectStatus(mine, 200);
    assert.equal(json(mine).dealer.id, fx.shopId);
    assert.equal(json(mine).position, "owner");
  });

  test("a credential of someone else is still refused to a resident after it changes hands through staff", async () => {
    // A credential issued to another person by staff is not the signed-in resident's.
    const other = await newResident(env, { firstName: "Jordan", lastName: "Third" });
    const { credential } = await issueFor(call, other.person.id, "long-gun-eligibility-certificate");
    expectProblem(await call("resident", { method: "GET", url: `/api/v1/credentials/${credential.id}` }), 403);
    expectStatus(
      await call({ username: other.username }, { method: "GET", url: `/api/v1/credentials/${credential.id}` }),
      200,
    );
  });
});
