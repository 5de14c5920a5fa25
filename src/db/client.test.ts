/**
 * The database client on a PostgreSQL server: a connection that dies in the
 * middle of a transaction fails that transaction (and only it); the process
 * lives on and the next transaction gets a fresh connection.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshDb } from "../../test/helpers.ts";
import type { Db } from "./client.ts";
import { isDatabaseUnavailable, write } from "./client.ts";

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
          // set_config opens the transaction (a plain read would run before it, on the pool: see readsOnly).
          const [me] = await q.query<{ pid: number }>(
            "SELECT set_config('stateline.test', 'x', true) AS s, pg_backend_pid() AS pid",
          );
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

const server = { skip: !onServer && "needs a PostgreSQL server (DATABASE_URL)" };

test(
  "a transaction's plain reads before its first write run outside it; from the first write on, one connection",
  server,
  async () => {
    await db.query("CREATE TABLE IF NOT EXISTS tx_probe (id int PRIMARY KEY, note text)");
    const seen = await db.tx(async (q) => {
      const clock = "SELECT pg_backend_pid() AS pid, now()::text AS tx_time";
      const before = await q.query<{ pid: number; tx_time: string }>(clock);
      await new Promise((r) => setTimeout(r, 20));
      await q.query("INSERT INTO tx_probe (id, note) VALUES (1, 'a') ON CONFLICT (id) DO NOTHING");
      const after1 = await q.query<{ pid: number; tx_time: string }>(clock);
      await new Promise((r) => setTimeout(r, 20));
      const after2 = await q.query<{ pid: number; tx_time: string }>(clock);
      return { before: before[0]!, after1: after1[0]!, after2: after2[0]! };
    });
    // now() is the start of the statement's transaction: the read before the write was not in the
    // transaction (which began later, with the write); the statements after it share one.
    assert.ok(seen.before.tx_time < seen.after1.tx_time, `${seen.before.tx_time} < ${seen.after1.tx_time}`);
    assert.equal(seen.after1.tx_time, seen.after2.tx_time);
    assert.equal(seen.after1.pid, seen.after2.pid);
  },
);

test(
  "a deferred write that fails fails its transaction: nothing of it is committed, and its error is the one thrown",
  server,
  async () => {
    await db.query("CREATE TABLE IF NOT EXISTS tx_probe2 (id int PRIMARY KEY)");
    await db.query("INSERT INTO tx_probe2 (id) VALUES (1) ON CONFLICT DO NOTHING");
    const e = await db
      .tx(async (q) => {
        await write(q, "INSERT INTO tx_probe2 (id) VALUES (2)");
        await write(q, "INSERT INTO tx_probe2 (id) VALUES (1)"); // duplicate key
        await write(q, "INSERT INTO tx_probe2 (id) VALUES (3)");
        return "committed";
      })
      .then(
        () => undefined,
        (err: unknown) => err as { code?: string },
      );
    assert.equal(e?.code, "23505", "the duplicate key is the transaction's error");
    const rows = await db.query<{ id: number }>("SELECT id FROM tx_probe2 ORDER BY id");
    assert.deepEqual(
      rows.map((r) => r.id),
      [1],
    );
  },
);

test("a deferred write's failure is reported at the next read, not as 'transaction aborted'", server, async () => {
  await db.query("CREATE TABLE IF NOT EXISTS tx_probe3 (id int PRIMARY KEY)");
  await db.query("INSERT INTO tx_probe3 (id) VALUES (1) ON CONFLICT DO NOTHING");
  // Both answers often arrive in one packet, and which rejection JavaScript runs first then depends
  // on microtask turns: ask many times, alone and beside other reads and writes.
  for (let i = 0; i < 60; i++) {
    const e = await db
      .tx(async (q) => {
        await write(q, "INSERT INTO tx_probe3 (id) VALUES (1)");
        if (i % 3 === 1) await write(q, "INSERT INTO tx_probe3 (id) VALUES ($1)", [1000 + i]);
        if (i % 2) await Promise.all([q.query("SELECT 1"), q.query("SELECT 2")]);
        else await q.query("SELECT 1");
      })
      .then(
        () => undefined,
        (err: unknown) => err as { code?: string },
      );
    assert.equal(e?.code, "23505", `attempt ${i + 1}`);
  }
  assert.equal(
    (await db.query("SELECT 1 FROM tx_probe3 WHERE id >= 1000")).length,
    0,
    "nothing after the failure was kept",
  );
});

test("the prelude goes first when the transaction opens, and not at all when nothing is written", server, async () => {
  await db.query("CREATE TABLE IF NOT EXISTS tx_probe4 (id int PRIMARY KEY, n int)");
  const prelude = { text: "INSERT INTO tx_probe4 (id, n) VALUES (10, 0)", params: [] };
  await db.tx(async (q) => q.query("SELECT 1"), { prelude });
  assert.equal((await db.query("SELECT * FROM tx_probe4 WHERE id = 10")).length, 0);
  await db.tx(async (q) => write(q, "UPDATE tx_probe4 SET n = n + 1 WHERE id = 10"), { prelude });
  const [r] = await db.query<{ n: number }>("SELECT n FROM tx_probe4 WHERE id = 10");
  assert.equal(r!.n, 1, "the prelude's row existed before the update");
});

test("many transactions with deferred writes at once: each commits whole, the pool is not exhausted", async () => {
  await db.query("CREATE TABLE IF NOT EXISTS tx_probe5 (id int PRIMARY KEY, k int NOT NULL)");
  await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      db.tx(async (q) => {
        await write(q, "INSERT INTO tx_probe5 (id, k) VALUES ($1, 0)", [i * 2]);
        const [r] = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM tx_probe5 WHERE id = $1", [i * 2]);
        assert.equal(r!.n, 1, "a transaction reads its own deferred write");
        await write(q, "INSERT INTO tx_probe5 (id, k) VALUES ($1, 1)", [i * 2 + 1]);
      }),
    ),
  );
  const [n] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tx_probe5");
  assert.equal(n!.n, 80);
});

test(
  "statements asked together outside a transaction share one connection; each keeps its own answer or error",
  server,
  async () => {
    const pid = "SELECT pg_backend_pid() AS pid, $1::int AS n";
    const [a, b, bad, c] = await Promise.allSettled([
      db.query<{ pid: number; n: number }>(pid, [1]),
      db.query<{ pid: number; n: number }>(pid, [2]),
      db.query("SELECT 1 / 0 AS boom"),
      db.query<{ pid: number; n: number }>(pid, [3]),
    ]);
    assert.equal(bad.status, "rejected", "the failing statement is rejected");
    assert.equal((bad as PromiseRejectedResult).reason.code, "22012");
    const rows = [a, b, c].map((r) => {
      assert.equal(r.status, "fulfilled", "a neighbour's failure does not fail the others (each has its own Sync)");
      return (r as PromiseFulfilledResult<{ pid: number; n: number }[]>).value[0]!;
    });
    assert.deepEqual(
      rows.map((r) => r.n),
      [1, 2, 3],
      "each statement gets its own answer",
    );
    assert.equal(new Set(rows.map((r) => r.pid)).size, 1, "asked in one turn, they ran on one connection");
    // Asked in different turns (one after the other's answer), they may use any connection; the pool still works.
    const [later] = await db.query<{ n: number }>(pid, [4]);
    assert.equal(later!.n, 4);
  },
);

test(
  "a sequence's next value is drawn outside the transaction, before BEGIN; a rollback does not return it",
  server,
  async () => {
    await db.query("CREATE SEQUENCE IF NOT EXISTS tx_probe_seq");
    await db.query("CREATE TABLE IF NOT EXISTS tx_probe6 (id int PRIMARY KEY)");
    let drawn = 0;
    const e = await db
      .tx(async (q) => {
        const [r] = await q.query<{ n: number; tx: string }>("SELECT nextval('tx_probe_seq') AS n, now()::text AS tx");
        drawn = r!.n;
        await new Promise((res) => setTimeout(res, 20));
        await q.query("INSERT INTO tx_probe6 (id) VALUES ($1)", [drawn]);
        const [t] = await q.query<{ tx: string }>("SELECT now()::text AS tx");
        // now() is the start of the statement's transaction: the draw's was over before this one began.
        assert.ok(r!.tx < t!.tx, `${r!.tx} < ${t!.tx}`);
        throw new Error("roll back");
      })
      .catch((err: unknown) => err as Error);
    assert.equal(e?.message, "roll back");
    assert.equal(
      (await db.query("SELECT 1 FROM tx_probe6 WHERE id = $1", [drawn])).length,
      0,
      "the insert rolled back",
    );
    const [next] = await db.query<{ n: number }>("SELECT nextval('tx_probe_seq') AS n");
    assert.equal(next!.n, drawn + 1, "the number drawn stays spent, as in any PostgreSQL transaction");
  },
);

test(
  "a read asked before its transaction opens keeps its place in the pool's queue: a full pool does not deadlock",
  server,
  async () => {
    await db.query("CREATE TABLE IF NOT EXISTS tx_probe7 (id int PRIMARY KEY)");
    // As an ammunition sale does: the acting seller is asked first, outside the transaction; the
    // transaction then opens (a lock) and waits for that read. More requests than the pool has
    // connections arrive in one turn (as several requests' bytes are read in one poll of the event
    // loop): were the transactions' connections handed out before the reads', every connection
    // would wait on a read that cannot get one, until the pool's 5 s checkout timeout.
    const runs: Promise<number>[] = [];
    for (let i = 0; i < 20; i++) {
      const outside = db.query<{ n: number }>("SELECT $1::int AS n", [i]);
      runs.push(
        db.tx(async (q) => {
          const [, rows] = await Promise.all([q.query("SELECT pg_advisory_xact_lock(4242, $1)", [i]), outside]);
          await write(q, "INSERT INTO tx_probe7 (id) VALUES ($1)", [rows[0]!.n]);
          return rows[0]!.n;
        }),
      );
    }
    const settled = await Promise.allSettled(runs);
    const failed = settled.filter((s) => s.status === "rejected") as PromiseRejectedResult[];
    assert.equal(failed.length, 0, `failed: ${failed.map((f) => String(f.reason?.message)).join("; ")}`);
    const [n] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tx_probe7");
    assert.equal(n!.n, 20);
  },
);
