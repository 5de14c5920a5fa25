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
}

export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
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
    tx: (fn) => db.transaction((t) => fn(wrap(t))),
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
    connectionTimeoutMillis: 5000,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(text: string, params?: readonly unknown[]) {
      const name = statementName(text);
      const r = await c.query(
        name
          ? { name, text, values: params as unknown[] | undefined }
          : { text, values: params as unknown[] | undefined },
      );
      return r.rows as T[];
    },
  });
  return {
    kind: "postgres",
    ...wrap(pool),
    async tx(fn) {
      const client = await pool.connect();
      // A connection that dies while checked out emits 'error' on the client: without a
      // listener that would end the process. Keep it, and throw it away on release.
      let broken: Error | undefined;
      const onError = (e: Error) => {
        broken = e;
      };
      client.on("error", onError);
      try {
        await client.query("BEGIN");
        const out = await fn(wrap(client));
        await client.query("COMMIT");
        return out;
      } catch (e) {
        if (!broken)
          await client.query("ROLLBACK").catch((err: Error) => {
            broken = err;
          });
        // The connection itself failed: nothing was committed; say so as "unavailable".
        if (broken)
          throw Object.assign(new Error(`database connection lost: ${(e as Error).message}`), {
            code: "08006",
            cause: e,
          });
        throw e;
      } finally {
        client.removeListener("error", onError);
        client.release(broken ?? false);
      }
    },
    close: () => pool.end(),
  };
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
