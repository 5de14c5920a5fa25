/**
 * Malformed input to every schools route, sent by a role the route allows: each top-level body
 * field replaced by a wrong type, an impossible date, a huge string or a NUL, fields removed,
 * unknown fields, bad path parameters. Never a 5xx; every 400 names a field.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, type Call } from "../../../test/api/support.ts";
import type { Role } from "../auth/index.ts";
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

const BAD: unknown[] = [
  null,
  7,
  -1.5,
  "x",
  "",
  "2013-02-30",
  "\u0000",
  "a".repeat(20_000),
  true,
  [],
  {},
  [1, "2"],
  { nested: { deep: [null] } },
  1e308,
];

test("no schools route answers 5xx to malformed input; 400s name a field", async () => {
  const cases = schoolRouteCases(env);
  let sent = 0;
  for (const r of schoolRoutes) {
    const key = `${r.method} ${r.url}`;
    const c = cases[key]!;
    const who: Role | null =
      c.allowed === "public" ? null : c.allowed === "all" ? "school_safety_staff" : c.allowed[0]!;
    const req = await c.request(who);
    const variants: { url: string; payload?: unknown }[] = [];
    const body =
      req.payload && typeof req.payload === "object" && !Array.isArray(req.payload)
        ? (req.payload as Record<string, unknown>)
        : undefined;
    if (body) {
      for (const k of Object.keys(body)) {
        for (const b of BAD) variants.push({ url: req.url, payload: { ...body, [k]: b } });
        const { [k]: _drop, ...rest } = body;
        variants.push({ url: req.url, payload: rest });
      }
      variants.push({ url: req.url, payload: { ...body, unexpected: 1 } });
    }
    if (r.method !== "GET") for (const b of BAD.slice(0, 6)) variants.push({ url: req.url, payload: b as never });
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
    if (uuid.test(req.url))
      for (const p of ["nope", "00000000-0000-0000-0000-000000000000", "%00", "1".repeat(300)])
        variants.push({
          url: req.url.replace(uuid, p),
          ...(req.payload !== undefined ? { payload: req.payload } : {}),
        });
    if (r.method === "GET")
      variants.push({ url: `${req.url}${req.url.includes("?") ? "&" : "?"}on=2013-02-30&roundId=x&zzz=1` });
    for (const v of variants) {
      const res = await call(who, {
        method: req.method,
        url: v.url,
        ...(v.payload !== undefined ? { payload: v.payload } : {}),
        ...(req.headers ? { headers: req.headers } : {}),
      });
      sent++;
      assert.ok(
        res.statusCode < 500,
        `${key} ${v.url} ${JSON.stringify(v.payload)?.slice(0, 200)}: ${res.statusCode} ${res.body.slice(0, 300)}`,
      );
      if (res.statusCode === 400) {
        const p = JSON.parse(res.body) as { errors?: { field: string }[] };
        assert.ok(p.errors && p.errors.length > 0, `${key}: a 400 without errors: ${res.body.slice(0, 200)}`);
      }
    }
  }
  assert.ok(sent > 500, `sent ${sent}`);
});
