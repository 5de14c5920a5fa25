/**
 * Applies the SQL files in ./migrations in name order, each once, each in its
 * own transaction. The same files run on PGlite and PostgreSQL 15.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "./client.ts";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "migrations");

export function migrationFiles(): string[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
}

export async function migrate(db: Db, log: (msg: string) => void = () => {}): Promise<string[]> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const applied: string[] = [];
  for (const file of migrationFiles()) {
    const id = file.replace(/\.sql$/, "");
    const done = await db.tx(async (q) => {
      // one migrator at a time, even with several processes on one server
      await q.query("SELECT pg_advisory_xact_lock(727001)");
      const seen = await q.query("SELECT 1 FROM schema_migrations WHERE id = $1", [id]);
      if (seen.length) return false;
      const sql = readFileSync(join(DIR, file), "utf8");
      await execScript(q, sql);
      await q.query("INSERT INTO schema_migrations (id) VALUES ($1)", [id]);
      return true;
    });
    if (done) {
      applied.push(id);
      log(`applied ${id}`);
    }
  }
  return applied;
}

/** Runs a multi-statement script. Statements are split on `;` at line ends outside $$ bodies. */
async function execScript(q: { query: (t: string) => Promise<unknown> }, sql: string): Promise<void> {
  const statements: string[] = [];
  let cur = "";
  let inBody = false;
  for (const line of sql.split("\n")) {
    if (/^\s*--/.test(line) && !inBody) continue;
    cur += line + "\n";
    const dollars = (line.match(/\$\$/g) ?? []).length;
    if (dollars % 2 === 1) inBody = !inBody;
    if (!inBody && /;\s*$/.test(line)) {
      statements.push(cur.trim());
      cur = "";
    }
  }
  if (cur.trim()) statements.push(cur.trim());
  for (const s of statements) await q.query(s);
}
