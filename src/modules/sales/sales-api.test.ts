/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * The sales routes by every role (the same entries the project's access matrix
 * uses), and generated malformed input to each of them (fast-check): never a
 * 5xx, every 4xx a problem document, every 400 naming a field, and a refused
 * write leaving the sales tables as they were.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, count, json, type Call } from "../../../test/api/support.ts";
import { ROLES, type Role } from "../auth/roles.ts";
import { attachStaff } from "../dealers/service.ts";
import { salesRoutes } from "./routes.ts";
import { SALES_TABLES, buyerWithCredential, saleBody, salesRouteCases, setupShop } from "./test-support.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

let env: TestEnv;
let call: Call;
let cases: ReturnType<typeof salesRouteCases>;

before(async () => {
  env = await createTestEnv();
  call = caller(env);
  const shop = await setupShop(env);
  await attachStaff(env.services.db, env.users.dealer.id, shop.dealerId, "owner");
  cases = salesRouteCases(env, { shopId: shop.dealerId });
});
after(async () => {
  await env.close();
});

const tables = async () =>
  Object.fromEntries(await Promise.all(SALES_TABLES.map(async (t) => [t, await count(env, t)] as const)));

describe("sales routes × roles", () => {
  test("every sales route has an access entry whose roles are the route's documented roles", () => {
    for (const r of salesRoutes) {
      const c = (cases as Record<string, { allowed: readonly string[] }>)[`${r.method} ${r.url}`];
      assert.ok(c, `${r.method} ${r.url}`);
      assert.deepEqual([...(r.roles ?? [])].sort(), [...c.allowed].sort());
    }
  });

  for (const r of salesRoutes) {
    test(`${r.method} ${r.url}`, async () => {
      const c = (
        cases as Record<
          string,
          {
            allowed: readonly string[];
            request: (who: Role | null) => Promise<{ method: string; url: string; payload?: unknown }>;
          }
        >
      )[`${r.method} ${r.url}`]!;
      const success = r.successStatus ?? (r.method === "POST" ? 201 : 200);
      for (const who of [...ROLES, null] as (Role | null)[]) {
        const req = await c.request(who);
        const before = await tables();
        const res = await call(who, req);
        const label = `${r.method} ${r.url} as ${who ?? "anonymous"}: ${res.body.slice(0, 300)}`;
        if (who !== null && c.allowed.includes(who)) {
          assert.equal(res.statusCode, success, label);
        } else {
          assert.equal(res.statusCode, who === null ? 401 : 403, label);
          assert.deepEqual(await tables(), before, `${label}: a refused request changes nothing`);
        }
      }
    });
  }
});

// ------------------------------------------------------------------ malformed input

const weird = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    "",
    " ",
    "\u0000",
    "2013-02-30",
    "9999-99-99",
    "x".repeat(5000),
    "☃",
    "'; DROP TABLE sales; --",
    [],
    {},
    [1, 2],
    { a: 1 },
  ),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
);

/** Every path to a leaf (and to each object) of a JSON value. */
function paths(v: unknown, base: string[] = []): string[][] {
  if (v === null || typeof v !== "object") return [base];
  const out: string[][] = base.length ? [base] : [];
  for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...base, k]));
  return out;
}

function mutate(body: any, path: string[], how: "set" | "drop" | "add", value: unknown): any {
  const copy = structuredClone(body);
  if (!path.length) return how === "set" ? value : copy;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
  const last = path.at(-1)!;
  if (how === "set") o[last] = value;
  else if (how === "drop") delete o[last];
  else if (o[last] !== null && typeof o[last] === "object" && !Array.isArray(o[last])) o[last].unexpected = value;
  else o[`${last}Extra`] = value;
  return copy;
}

async function assertGood(res: { statusCode: number; headers: Record<string, unknown>; body: string }, label: string) {
  assert.ok(res.statusCode < 500, `${label} → ${res.statusCode} ${res.body.slice(0, 400)}`);
  if (res.statusCode >= 400) {
    assert.match(String(res.headers["content-type"]), /^application\/problem\+json/, label);
    if (res.statusCode === 400) {
      const p = JSON.parse(res.body);
      assert.ok(
        Array.isArray(p.errors) && p.errors.length > 0 && p.errors.every((e: any) => typeof e.field === "string"),
        `${label}: a 400 names its fields: ${res.body.slice(0, 300)}`,
      );
    }
  }
}

describe("malformed input to the sales routes (property-based)", () => {
  test("POST /api/v1/sales and the state route: never a 5xx, 400s name a field, refusals write nothing", async () => {
    const b = await buyerWithCredential(env, { kind: "handgun-eligibility-certificate" });
    for (const [url, who, base] of [
      ["/api/v1/sales", "dealer", saleBody(b, { kind: "retail-handgun" })],
      [
        "/api/v1/sales/private-state-authorization",
        "licensing_staff",
        { ...saleBody(b, { kind: "private-handgun-via-dealer" }), kind: "private-handgun" },
      ],
    ] as const) {
      const all = paths(base);
      await fc.assert(
        fc.asyncProperty(
          fc.nat(all.length - 1),
          fc.constantFrom("set", "drop", "add") as fc.Arbitrary<"set" | "drop" | "add">,
          weird,
          async (i, how, value) => {
            const payload = mutate(base, all[i]!, how, value);
            const before = await tables();
            const res = await call(who, {
              method: "POST",
              url,
              payload: JSON.stringify(payload),
              headers: { "content-type": "application/json" },
            });
            await assertGood(res, `${how} ${all[i]!.join(".")} = ${JSON.stringify(value)?.slice(0, 60)}`);
            if (res.statusCode >= 400) assert.deepEqual(await tables(), before);
          },
        ),
        { numRuns: RUNS },
      );
    }
  });

  test("GET /api/v1/sales and one sale: bad queries and ids are 4xx naming a field", async () => {
    const keys = ["status", "from", "to", "dealerId", "serialNumber", "purpose", "limit", "offset"];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...keys),
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.constantFrom("-1", "1e9", "2013-02-30", "%00", "null", "x".repeat(2000)),
        ),
        fc.constantFrom("dealer", "licensing_staff", "law_enforcement") as fc.Arbitrary<Role>,
        async (k, v, who) => {
          const res = await call(who, {
            method: "GET",
            url: `/api/v1/sales?${k}=${encodeURIComponent(v)}&serialNumber=SN1`,
            headers: { "stateline-purpose": "firearm-trace; trace request 26-1" },
          });
          await assertGood(res, `${who} ${k}=${v.slice(0, 40)}`);
        },
      ),
      { numRuns: RUNS },
    );
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000", "%00", "x".repeat(150)]) {
      await assertGood(await call("licensing_staff", { method: "GET", url: `/api/v1/sales/${id}` }), id);
      await assertGood(await call("dealer", { method: "POST", url: `/api/v1/sales/${id}/proceed` }), id);
      await assertGood(
        await call("dealer", { method: "POST", url: `/api/v1/sales/${id}/cancel`, payload: { reason: "testing ids" } }),
        id,
      );
    }
  });

  test("cancel and webhook bodies", async () => {
    const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const sale = json(await call("dealer", { method: "POST", url: "/api/v1/sales", payload: saleBody(b) })).sale;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("reason", "url", "secret"), weird, async (k, value) => {
        const before = await tables();
        const res =
          k === "reason"
            ? await call("dealer", {
                method: "POST",
                url: `/api/v1/sales/${sale.id}/cancel`,
                payload: JSON.stringify({ reason: value }),
                headers: { "content-type": "application/json" },
              })
            : await call("dealer", {
                method: "POST",
                url: "/api/v1/dealers/webhook",
                payload: JSON.stringify({ url: "https://hooks.example.test/x", [k]: value }),
                headers: { "content-type": "application/json" },
              });
        await assertGood(res, `${k} = ${JSON.stringify(value)?.slice(0, 60)}`);
        if (res.statusCode >= 400) assert.deepEqual(await tables(), before);
      }),
      { numRuns: RUNS },
    );
  });
});
