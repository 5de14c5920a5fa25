/**
 * `stateline serve` with STATELINE_WORKERS=2 on a PostgreSQL server (skipped on PGlite): the first
 * process migrates, two workers share the port, a session made by one is honoured by the other
 * (sessions live in the database; node:cluster hands connections out in turn, so a run of
 * requests on fresh connections reaches both), and SIGTERM stops them all. And the environment a
 * worker gets: its index, and the primary's made-up secret key (webhook secrets are sealed with it).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openPostgres } from "../db/client.ts";
import { createUser } from "../modules/auth/service.ts";
import { loadConfig } from "../config.ts";
import { workerEnv } from "./main.ts";

const url = process.env.DATABASE_URL;
const PASSWORD = "two processes, one secret";

test("a worker's environment: its index, and the key the primary made up (none when one was given)", () => {
  const made = loadConfig({});
  assert.equal(made.secretKeyGenerated, true);
  const env = workerEnv(made, 1);
  assert.equal(env.STATELINE_WORKER_INDEX, "1");
  // The worker reads the same key from it.
  assert.deepEqual(loadConfig(env).secretKey, made.secretKey);
  assert.equal(loadConfig(env).secretKeyGenerated, false);
  const given = loadConfig({ STATELINE_SECRET_KEY: "ab".repeat(32) });
  assert.deepEqual(workerEnv(given, 0), { STATELINE_WORKER_INDEX: "0" });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

/** A request on a new connection each time (no keep-alive), so the cluster's turn-taking spreads them. */
async function get(base: string, path: string, cookie?: string) {
  const res = await fetch(base + path, {
    headers: { connection: "close", ...(cookie ? { cookie } : {}) },
    redirect: "manual",
  });
  return { status: res.status, body: await res.text(), setCookie: res.headers.get("set-cookie") ?? "" };
}

test(
  "STATELINE_WORKERS=2: two processes on one port, one session for both, SIGTERM stops them",
  { skip: !url && "needs a PostgreSQL server (DATABASE_URL)", timeout: 120_000 },
  async () => {
    const name = `stl_workers_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const dbUrl = new URL(url!);
    dbUrl.pathname = `/${name}`;
    const spool = mkdtempSync(join(tmpdir(), "stateline-workers-"));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: dbUrl.toString(),
      STATELINE_WORKERS: "2",
      STATELINE_SPOOL_DIR: spool,
      PORT: String(port),
      HOST: "127.0.0.1",
      STATELINE_PASSWORD_COST: "10",
    };
    delete env.STATELINE_SECRET_KEY;
    delete env.DATABASE_REPLICA_URL;
    const child = spawn(process.execPath, ["bin/stateline.js", "serve", "--no-seed"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.stderr.on("data", (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 90_000;
      while (!/2 server processes/.test(out)) {
        if (child.exitCode !== null) assert.fail(`serve ended early:\n${out}`);
        if (Date.now() > deadline) assert.fail(`no ready line:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const base = `http://127.0.0.1:${port}`;

      const db = await openPostgres(dbUrl.toString(), 1);
      try {
        await createUser(db, {
          username: "clerk",
          displayName: "Two Process Clerk",
          role: "licensing_staff",
          password: PASSWORD,
          passwordCost: 10,
        });
      } finally {
        await db.close();
      }

      // Sign in: the form's CSRF cookie comes from one process, the POST may land on the other.
      const form = await get(base, "/login");
      const formCookie = form.setCookie.split(";")[0]!;
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? "";
      const login = await fetch(`${base}/login`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: formCookie, connection: "close" },
        body: `username=clerk&password=${encodeURIComponent(PASSWORD)}&_csrf=${encodeURIComponent(token)}`,
        redirect: "manual",
      });
      assert.equal(login.status, 303, await login.text());
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;

      // Ten fresh connections: the two processes take turns, and every one knows the session.
      for (let i = 0; i < 10; i++) {
        const who = await get(base, "/whoami", cookie);
        assert.equal(who.status, 200);
        assert.match(who.body, /Two Process Clerk/, `request ${i + 1} was not signed in`);
      }
      assert.equal((await get(base, "/healthz")).status, 200);
    } finally {
      child.kill("SIGTERM");
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r("still running"), 10_000))]);
      if (code === "still running") child.kill("SIGKILL");
      rmSync(spool, { recursive: true, force: true });
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      assert.notEqual(code, "still running", "SIGTERM stopped the primary and its workers");
    }
  },
);
