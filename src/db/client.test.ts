/**
 * The database client on a PostgreSQL server: a connection that dies in the
 * middle of a transaction fails that transaction (and only it); the process
 * lives on and the next transaction gets a fresh connection.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshDb } from "../../test/helpers.ts";
import type { Db } from "./client.ts";
import { isDatabaseUnavailable } from "./client.ts";

const onServer = Boolean(process.env.DATABASE_URL);
let db: Db;
let drop: () => Promise<void>;

before(async () => {
  ({ db, drop } = await freshDb());
});
after(async () => {
  await drop();
});

test(
  "a connection killed mid-transaction rejects that transaction; the next one works",
  { skip: !onServer && "needs a PostgreSQL server (DATABASE_URL)" },
  async () => {
    let uncaught: unknown;
    const onUncaught = (e: unknown) => {
      uncaught = e;
    };
    process.on("uncaughtException", onUncaught);
    try {
      const failed = await db
        .tx(async (q) => {
          const [me] = await q.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
          // Another connection ends this one, as a server restart would.
          await db.query("SELECT pg_terminate_backend($1)", [me!.pid]);
          await new Promise((r) => setTimeout(r, 200));
          await q.query("SELECT 1");
          return "committed";
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      assert.ok(failed, "the transaction on the killed connection must fail");
      assert.ok(
        isDatabaseUnavailable(failed),
        `a lost connection is reported as unavailable, got ${String((failed as Error).message)}`,
      );
      const [r] = await db.tx((q) => q.query<{ ok: number }>("SELECT 1 AS ok"));
      assert.equal(r!.ok, 1);
      assert.equal(uncaught, undefined, "no uncaught error escaped");
    } finally {
      process.removeListener("uncaughtException", onUncaught);
    }
  },
);

test("the same statement runs many times with different values (prepared once per connection)", async () => {
  for (let i = 0; i < 20; i++) {
    const [r] = await db.query<{ n: number }>("SELECT $1::int + 1 AS n", [i]);
    assert.equal(r!.n, i + 1);
  }
});
