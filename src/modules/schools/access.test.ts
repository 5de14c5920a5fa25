/**
 * The schools routes × every role and anonymous, from the module's own route cases (the shared
 * matrix in test/api/access.test.ts uses the same cases once wired): allowed roles get the
 * documented success status as JSON, others 401 or 403 and nothing is written.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectProblem, expectStatus, type Call } from "../../../test/api/support.ts";
import { ROLES, type Role } from "../auth/index.ts";
import { schoolRoutes } from "./routes.ts";
import { schoolRouteCases } from "./testkit.ts";

let env: TestEnv;
let call: Call;
before(async () => {
  env = await createTestEnv();
  call = caller(env);
});
after(async () => {
  await env.close();
});

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const counts = async () =>
  JSON.stringify(
    await env.services.db
      .query(`SELECT (SELECT count(*) FROM grant_applications) a, (SELECT count(*) FROM grant_payments) p, (SELECT count(*) FROM school_committee_members) c,
  (SELECT count(*) FROM security_consultants) s, (SELECT count(*) FROM school_safety_plans) pl, (SELECT count(*) FROM grant_rounds) r, (SELECT count(*) FROM school_org_members) m, (SELECT count(*) FROM outbox) o`),
  );

test("every schools route has a case, and only routes", () => {
  const cases = schoolRouteCases(env);
  assert.deepEqual(
    schoolRoutes.map(key).filter((k) => !(k in cases)),
    [],
  );
  assert.deepEqual(
    Object.keys(cases).filter((k) => !schoolRoutes.map(key).includes(k)),
    [],
  );
});

test("access matrix: every schools route × every role", async () => {
  const cases = schoolRouteCases(env);
  for (const r of schoolRoutes) {
    const c = cases[key(r)]!;
    if (r.roles)
      assert.deepEqual(
        [...r.roles].sort(),
        c.allowed === "all" || c.allowed === "public" ? [...ROLES].sort() : [...c.allowed].sort(),
        `${key(r)}: documented roles`,
      );
    assert.equal(r.auth === "public", c.allowed === "public", key(r));
    const success = r.successStatus ?? (r.method === "POST" ? 201 : 200);
    for (const who of [...ROLES, null] as (Role | null)[]) {
      const req = await c.request(who);
      const ok = c.allowed === "public" || (who !== null && (c.allowed === "all" || c.allowed.includes(who)));
      const label = `${key(r)} as ${who ?? "anonymous"}`;
      if (ok) {
        const res = await call(who, req);
        expectStatus(res, success, label);
        assert.match(String(res.headers["content-type"]), /^application\/json/, label);
      } else {
        const before = await counts();
        expectProblem(await call(who, req), who === null ? 401 : 403);
        assert.equal(await counts(), before, `${label}: a refused request writes nothing`);
      }
    }
  }
});
