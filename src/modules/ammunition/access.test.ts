/**
 * The access matrix for the ammunition and leads routes: every route × every
 * role and anonymous. Allowed roles get the documented success status; others
 * 403 (anonymous 401; public routes answer everyone) and a refused request
 * writes nothing. The entries are the ones exported for test/api's matrix.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import {
  COUNTED_TABLES,
  caller,
  expectProblem,
  expectStatus,
  rowCounts,
  type Call,
} from "../../../test/api/support.ts";
import type { RouteDef } from "../../http/route.ts";
import { ROLES, type Role } from "../auth/roles.ts";
import { leadRoutes } from "../leads/routes.ts";
import { ammunitionRoutes } from "./routes.ts";
import { ammunitionReviewRoutes } from "./review-routes.ts";
import { AMMUNITION_TABLES, ammunitionRouteCases, leadRouteCases, setupSellers } from "./testkit.ts";

const routes = [...ammunitionRoutes, ...ammunitionReviewRoutes, ...leadRoutes] as RouteDef[];
let env: TestEnv;
let call: Call;

before(async () => {
  env = await createTestEnv();
  call = caller(env);
  await setupSellers(env);
  for (const role of ROLES) expectStatus(await call(role, { method: "GET", url: "/api/v1/me" }), 200, role);
});
after(async () => {
  await env.close();
});

describe("access matrix: ammunition and leads routes", () => {
  test("every route has an entry and every entry is a route", () => {
    const cases = { ...ammunitionRouteCases(env, call), ...leadRouteCases(env) };
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(
      keys.filter((k) => !(k in cases)),
      [],
    );
    assert.deepEqual(
      Object.keys(cases).filter((k) => !keys.includes(k)),
      [],
    );
  });

  for (const r of routes) {
    const key = `${r.method} ${r.url}`;
    test(key, async () => {
      const c = { ...ammunitionRouteCases(env, call), ...leadRouteCases(env) }[key]!;
      if (r.roles)
        assert.deepEqual(
          [...r.roles].sort(),
          c.allowed === "all" || c.allowed === "public" ? [...ROLES].sort() : [...c.allowed].sort(),
          "documented roles",
        );
      assert.equal(r.auth === "public", c.allowed === "public");
      const success = r.successStatus ?? (r.method === "POST" ? 201 : 200);
      for (const who of [...ROLES, null] as (Role | null)[]) {
        const req = await c.request(who);
        const allowed = c.allowed === "public" || (who !== null && (c.allowed === "all" || c.allowed.includes(who)));
        if (allowed) {
          expectStatus(await call(who, req), success, `${key} as ${who}`);
        } else {
          const tables = [...COUNTED_TABLES, ...AMMUNITION_TABLES];
          const before = await rowCounts(env, tables);
          expectProblem(await call(who, req), who === null ? 401 : 403);
          assert.deepEqual(await rowCounts(env, tables), before, `${key} as ${who}: a refused request writes nothing`);
        }
      }
    });
  }
});
