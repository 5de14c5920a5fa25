import { test } from "node:test";
import assert from "node:assert/strict";
import { ConfigError, loadConfig } from "./config.ts";

test("STATELINE_WORKERS: one process by default; several only on a PostgreSQL server; each worker has its own spool folder", () => {
  assert.equal(loadConfig({}).workers, 1);
  const pg = { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/stateline" };
  assert.equal(loadConfig({ ...pg, STATELINE_WORKERS: "2" }).workers, 2);
  assert.throws(
    () => loadConfig({ STATELINE_WORKERS: "2" }),
    (e) => e instanceof ConfigError && /DATABASE_URL/.test(e.message),
  );
  for (const bad of ["0", "1.5", "65", "two"])
    assert.throws(
      () => loadConfig({ ...pg, STATELINE_WORKERS: bad }),
      /STATELINE_WORKERS must be an integer from 1 to 64/,
    );
  assert.equal(loadConfig({ STATELINE_SPOOL_DIR: "/var/spool/st" }).spoolDir, "/var/spool/st");
  assert.equal(
    loadConfig({ ...pg, STATELINE_SPOOL_DIR: "/var/spool/st", STATELINE_WORKER_INDEX: "1" }).spoolDir,
    "/var/spool/st/worker-1",
  );
});
