/**
 * One database interface over two engines: PGlite (PostgreSQL in WebAssembly,
 * in-process, the embedded default) and a PostgreSQL server through `pg`.
 * The same SQL runs on both. Dates come back as `YYYY-MM-DD` strings,
 * timestamps as ISO strings, bigints as numbers.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";

export type Row = Record<string, any>;

export interface Queryable {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Present inside a transaction on a PostgreSQL server: sends a write whose rows nobody reads
   * without waiting for its answer (pipelined behind the statements before it). Its answer is
   * checked at the transaction's next read and at commit; a failure fails the transaction.
   * Call it through `write(q, ...)`, which falls back to an awaited query elsewhere.
   */
  defer?(text: string, params?: readonly unknown[]): void;
}

/**
 * A write whose rows nobody reads (an audit entry, a decision, a record). In a PostgreSQL
 * transaction it costs no round trip of its own: it travels with the next statement or the
 * COMMIT. Elsewhere (PGlite, outside a transaction) it is an awaited query.
 */
export async function write(q: Queryable, text: string, params?: readonly unknown[]): Promise<void> {
  if (q.defer) q.defer(text, params);
  else await q.query(text, params);
}

/**
 * Statements a transaction on a PostgreSQL server may run before it has begun: plain reads
 * (READ COMMITTED gives each statement its own snapshot, inside a transaction or not). The
 * first other statement opens the transaction, so a use case that reads, then waits on an
 * outside system (NICS), then writes holds no connection while it waits.
 */
const PLAIN_READ = /^\s*SELECT\b/i;
const TAKES_LOCK_OR_WRITES =
  /\b(FOR\s+(UPDATE|SHARE|NO\s+KEY\s+UPDATE|KEY\s+SHARE)|pg_advisory\w*|setval|pg_notify|set_config)\b/i;
// `nextval` may run outside too: a sequence is not transactional (a number drawn in a transaction
// that rolls back is spent either way), so drawing the next number before BEGIN changes nothing.
export const readsOnly = (text: string): boolean => PLAIN_READ.test(text) && !TAKES_LOCK_OR_WRITES.test(text);

export interface TxOptions {
  /**
   * A statement that must be the transaction's first write (an idempotency key's claim). On a
   * PostgreSQL server it goes out with BEGIN when the transaction opens, which may be after the
   * use case's reads and outside calls; elsewhere it runs first.
   */
  prelude?: { text: string; params: readonly unknown[] };
}

/** Runs a transaction inside an already open one (nested `db.tx` calls join it). */
export async function joinTx<T>(q: Queryable, fn: (q: Queryable) => Promise<T>, opts?: TxOptions): Promise<T> {
  if (opts?.prelude) await q.query(opts.prelude.text, opts.prelude.params);
  return fn(q);
}

export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>, opts?: TxOptions): Promise<T>;
  close(): Promise<void>;
}

const OID = { int8: 20, date: 1082, timestamp: 1114, timestamptz: 1184, numeric: 1700 } as const;
const toIso = (v: string) =>
  new Date(v.includes("T") || v.includes("+") || v.endsWith("Z") ? v : `${v}Z`).toISOString();
const parsers: Record<number, (v: string) => unknown> = {
  [OID.int8]: (v) => Number(v),
  [OID.date]: (v) => v,
  [OID.timestamp]: toIso,
  [OID.timestamptz]: (v) => new Date(v).toISOString(),
  [OID.numeric]: (v) => Number(v),
};

export async function openPglite(dataDir?: string): Promise<Db> {
  // pg_trgm and fuzzystrmatch (identity matching's blocking) ship with PostgreSQL's contrib; PGlite loads them here.
  // PGlite creates only the last folder of the path; a fresh clone has no ./data yet.
  if (dataDir && !dataDir.includes("://")) mkdirSync(dirname(resolve(dataDir)), { recursive: true });
  const db = await PGlite.create(dataDir ?? "memory://", { parsers, extensions: { pg_trgm, fuzzystrmatch } });
  const wrap = (q: { query: PGlite["query"] }): Queryable => ({
    async query<T extends Row>(text: string, params?: readonly unknown[]) {
      const r = await q.query<T>(text, params as unknown[] | undefined);
      return r.rows;
    },
  });
  return {
    kind: "pglite",
    ...wrap(db),
    tx: (fn, opts) => db.transaction((t) => joinTx(wrap(t), fn, opts)),
    close: () => db.close(),
  };
}

/**
 * Statements are sent as named prepared statements (one name per SQL text), so
 * each connection plans a statement once instead of on every call. Only plain
 * DML is named; DDL and scripts go unnamed.
 */
const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;
const statementNames = new Map<string, string>();
function statementName(text: string): string | undefined {
  if (!PREPARABLE.test(text)) return undefined;
  let name = statementNames.get(text);
  if (!name) {
    name = `s${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

export async function openPostgres(url: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // Statements are written without waiting for the answer before (transactions use it; see pipelinedTx).
    pipeline: true,
    connectionTimeoutMillis: 5000,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  const outside: Queryable = { query: sharedConnection(pool) };
  return {
    kind: "postgres",
    ...outside,
    tx: (fn, opts) => pipelinedTx(pool, outside, fn, opts),
    close: () => pool.end(),
  };
}

/**
 * Statements outside a transaction, each its own implicit transaction (pg sends a Sync after
 * each): those asked in one turn of the event loop share one pooled connection and leave in one
 * socket write, pipelined, instead of taking one connection and one write each. A use case's
 * independent reads, asked together, so cost one round trip on one connection. The price is that
 * they are answered one after the other, so a slow statement delays the others of its turn.
 */
function sharedConnection(pool: pg.Pool): Queryable["query"] {
  type Waiting = {
    text: string;
    params?: readonly unknown[];
    resolve: (rows: Row[]) => void;
    reject: (e: unknown) => void;
  };
  let waiting: Waiting[] | null = null;
  const run = async (batch: Waiting[]) => {
    // The connection is asked for at once, so the batch keeps its place in the pool's queue: a
    // transaction that opens later (the same request's, waiting on these reads) cannot take the
    // last connection ahead of it. The batch takes the statements asked in the rest of this turn
    // (until setImmediate: after this turn's promise callbacks and ticks, before new I/O is read).
    const connection = pool.connect();
    connection.catch(() => {});
    await new Promise((r) => setImmediate(r));
    waiting = null;
    let c: pg.PoolClient;
    try {
      c = await connection;
    } catch (e) {
      // No connection: every statement of the batch hears why.
      for (const w of batch) w.reject(e);
      return;
    }
    let lost: Error | undefined;
    const onError = (e: Error) => {
      lost = e;
    };
    c.on("error", onError);
    corked(c);
    await Promise.all(
      batch.map(async (w) => {
        const name = statementName(w.text);
        const values = w.params as unknown[] | undefined;
        try {
          w.resolve((await c.query(name ? { name, text: w.text, values } : { text: w.text, values })).rows as Row[]);
        } catch (e) {
          // A failure without an SQLSTATE is the connection's own (dropped, timed out): it is not reused.
          if (!(e as { code?: string }).code) lost ??= e as Error;
          w.reject(e);
        }
      }),
    );
    c.removeListener("error", onError);
    c.release(lost ?? false);
  };
  return <T extends Row>(text: string, params?: readonly unknown[]) =>
    new Promise<T[]>((resolve, reject) => {
      const w: Waiting = { text, params, resolve: resolve as (rows: Row[]) => void, reject };
      if (waiting) waiting.push(w);
      else void run((waiting = [w]));
    });
}

/**
 * Statements sent in one turn of the event loop leave in one socket write: the socket is corked
 * at the first and uncorked when the turn's promise callbacks have run (process.nextTick runs
 * after them), so a pipelined batch costs one write system call, not one per statement.
 */
function corked(c: pg.PoolClient): void {
  const stream = (
    c as unknown as {
      connection?: { stream?: NodeJS.WritableStream & { cork?(): void; uncork?(): void; writableCorked?: number } };
    }
  ).connection?.stream;
  if (!stream?.cork || stream.writableCorked) return;
  stream.cork();
  process.nextTick(() => stream.uncork?.());
}

/**
 * One transaction on a pipelined connection (pg's pipeline mode: each statement is written at
 * once, answers come back in order). Reads before the first write run on the pool, outside
 * the transaction (`readsOnly`); the first other statement checks out a connection and sends
 * BEGIN with it, and the transaction's statements after that travel back to back: `write`s are
 * not awaited, independent reads may be awaited together, and COMMIT goes out behind the last
 * deferred write. A deferred write that failed is the error the transaction throws.
 */
async function pipelinedTx<T>(
  pool: pg.Pool,
  outside: Queryable,
  fn: (q: Queryable) => Promise<T>,
  opts?: TxOptions,
): Promise<T> {
  let client: pg.PoolClient | undefined;
  let opening: Promise<pg.PoolClient> | undefined;
  let broken: Error | undefined;
  let failed: Error | undefined;
  const deferred: Promise<unknown>[] = [];
  const onError = (e: Error) => {
    broken = e;
  };
  const send = (c: pg.PoolClient, text: string, params?: readonly unknown[]) => {
    const name = statementName(text);
    const values = params as unknown[] | undefined;
    corked(c);
    return c.query(name ? { name, text, values } : { text, values });
  };
  const open = () =>
    (opening ??= (async () => {
      const c = await pool.connect();
      c.on("error", onError);
      client = c;
      // Not awaited: BEGIN (and the prelude) travel with the transaction's first statement.
      corked(c);
      track(c.query("BEGIN"));
      if (opts?.prelude) track(send(c, opts.prelude.text, opts.prelude.params));
      return c;
    })());
  /**
   * The transaction's cause of failure: the first error that is not "current transaction is
   * aborted" (25P02), whichever promise's rejection JavaScript happens to run first (a deferred
   * write's rejection takes more microtask turns than an awaited read's, though it was answered first).
   */
  const note = (e: Error) => {
    if (!failed || ((failed as { code?: string }).code === "25P02" && (e as { code?: string }).code !== "25P02"))
      failed = e;
  };
  const track = (p: Promise<unknown>) => {
    deferred.push(p.catch(note));
  };
  // The first failure in the transaction is its cause; later statements only report the aborted transaction.
  const cause = (e: unknown) => failed ?? e;
  const q: Queryable = {
    async query<R extends Row>(text: string, params?: readonly unknown[]) {
      if (!opening && readsOnly(text)) return outside.query<R>(text, params);
      const c = await open();
      try {
        return (await send(c, text, params)).rows as R[];
      } catch (e) {
        // The statements before this one have been answered (answers come in order): hear their failures first.
        await Promise.all(deferred);
        note(e as Error);
        throw cause(e);
      }
    },
    defer(text, params) {
      track(open().then((c) => send(c, text, params)));
    },
  };
  try {
    const out = await fn(q);
    if (client || opening) {
      const c = await open();
      corked(c);
      const commit = c.query("COMMIT");
      await Promise.all(deferred);
      await commit.catch(note);
      // COMMIT of a transaction a deferred write aborted answers ROLLBACK: nothing was written.
      if (failed) throw failed;
    }
    return out;
  } catch (e) {
    // A connection still being checked out (a deferred write's) is waited for, so it is rolled back and returned.
    await opening?.catch(() => undefined);
    if (client && !broken) {
      await Promise.all(deferred);
      await client.query("ROLLBACK").catch((err: Error) => {
        broken = err;
      });
    }
    const err = cause(e);
    // The connection itself failed: nothing was committed; say so as "unavailable".
    if (broken)
      throw Object.assign(new Error(`database connection lost: ${(err as Error).message}`), {
        code: "08006",
        cause: err,
      });
    throw err;
  } finally {
    if (client) {
      client.removeListener("error", onError);
      client.release(broken ?? false);
    }
  }
}

export async function openDb(opts: { databaseUrl?: string | undefined; dataDir?: string | undefined }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

/** Errors that mean the database cannot be reached right now (answer 503, retry later). */
export function isDatabaseUnavailable(e: unknown): boolean {
  // A closed embedded database (or an ended pool, during shutdown) cannot answer either.
  if (e instanceof Error && /^(PGlite is closed|Cannot use a pool after calling end on the pool)/.test(e.message))
    return true;
  // node-postgres reports a connection dropped under a query without a code.
  if (e instanceof Error && /^(Connection terminated|Client has encountered a connection error)/.test(e.message))
    return true;
  const code = (e as { code?: string } | null)?.code;
  if (!code) return false;
  return [
    "ECONNREFUSED",
    "ECONNRESET",
    "ETIMEDOUT",
    "EPIPE",
    "57P01",
    "57P02",
    "57P03",
    "08000",
    "08003",
    "08006",
    "08001",
    "08004",
    "53300",
  ].includes(code);
}
