/**
 * A lost database connection is answered 503 "delayed: the state system is unavailable, retry after"
 * with a Retry-After header, never a raw 500, and nothing is written.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestEnv, type TestEnv } from "../../test/helpers.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../lib/errors.ts";
import { DATABASE_RETRY_AFTER_SECONDS, knownError, statusOf } from "./errors.ts";
import { attachStaff } from "../modules/dealers/service.ts";
import { buyerWithCredential, saleBody, setupShop } from "../modules/sales/test-support.ts";

const failures: [string, Error][] = [
  ["connection refused", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
  [
    "server shutting down",
    Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
  ],
  ["connection dropped under a query", new Error("Connection terminated unexpectedly")],
  ["pool connect timeout", new Error("timeout exceeded when trying to connect")],
  ["server in recovery", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
];

for (const [name, err] of failures) {
  test(`${name} maps to 503 with Retry-After and the delayed wording`, () => {
    const e = knownError(err);
    assert.ok(e);
    assert.equal(statusOf(e), 503);
    assert.equal(e.retryAfterSeconds, DATABASE_RETRY_AFTER_SECONDS);
    assert.match(e.message, /^delayed: the state system is unavailable, retry after \d+ seconds/);
  });
}

test("other errors are not mistaken for a lost database", () => {
  assert.equal(knownError(new Error("boom")), undefined);
  assert.equal(knownError(Object.assign(new Error("duplicate key"), { code: "23505" })), undefined);
  const own = new AppError("conflict", "x");
  assert.equal(knownError(own), own);
});

let env: TestEnv;
let body: Record<string, unknown>;
before(async () => {
  env = await createTestEnv();
  const shop = await setupShop(env);
  await attachStaff(env.services.db, env.users.dealer.id, shop.dealerId, "owner");
  body = saleBody(await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" })) as Record<
    string,
    unknown
  >;
});
after(async () => {
  await env.close();
});

test("a sale while the database is lost: 503 with Retry-After and nothing stored; the retry with the same key stores it once", async () => {
  const key = await env.apiKey("dealer");
  const sale = (idempotencyKey: string, payload: unknown) =>
    env.app.inject({
      method: "POST",
      url: "/api/v1/sales",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        "idempotency-key": idempotencyKey,
      },
      payload: JSON.stringify(payload),
    });
  const count = async (sql: string, params: unknown[] = []) =>
    (await env.services.db.query<{ n: number }>(sql, params))[0]!.n;
  // A first sale works (and the API key is now known to the server without the database).
  const first = await sale("lost-db-0", body);
  assert.equal(first.statusCode, 201, first.body);
  const salesBefore = await count("SELECT count(*)::int AS n FROM sales");

  const real = env.services.db;
  const lost = () =>
    Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
  env.services.db = { ...real, query: lost, tx: lost } as Db;
  const second = { ...body, firearm: { ...(body.firearm as object), serialNumber: "LOSTDB12345" } };
  let r;
  try {
    r = await sale("lost-db-1", second);
  } finally {
    env.services.db = real;
  }
  assert.equal(r.statusCode, 503, r.body);
  assert.equal(r.headers["retry-after"], String(DATABASE_RETRY_AFTER_SECONDS));
  assert.match(String(r.headers["content-type"]), /application\/problem\+json/);
  const p = JSON.parse(r.body) as { type: string; detail: string; status: number };
  assert.equal(p.status, 503);
  assert.match(p.type, /unavailable$/);
  assert.match(p.detail, /^delayed: the state system is unavailable, retry after 5 seconds; nothing was saved/);
  assert.equal(await count("SELECT count(*)::int AS n FROM sales"), salesBefore, "nothing written");
  assert.equal(await count("SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'lost-db-1'"), 0);

  // The database is back: the client's retry with the same key is stored once.
  const retry = await sale("lost-db-1", second);
  assert.equal(retry.statusCode, 201, retry.body);
  const again = await sale("lost-db-1", second);
  assert.equal(again.statusCode, 201);
  assert.equal(JSON.parse(again.body).sale.id, JSON.parse(retry.body).sale.id);
  assert.equal(await count("SELECT count(*)::int AS n FROM sales"), salesBefore + 1);
  assert.equal(await count("SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'lost-db-1'"), 1);
});
