/**
 * Shared benchmark plumbing: a throwaway PostgreSQL cluster, pgbench baselines,
 * an HTTP load generator with latency percentiles, and BENCHMARKS.md sections.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { cpus } from "node:os";

export function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

/** Starts (or reuses, when DATABASE_URL is set) a PostgreSQL server; returns its base URL without a database. */
export function startPostgres(port: number): { baseUrl: string; stop: () => void } {
  if (process.env.BENCH_DATABASE_URL) {
    const u = new URL(process.env.BENCH_DATABASE_URL);
    u.pathname = "/";
    return { baseUrl: u.toString().replace(/\/$/, ""), stop: () => {} };
  }
  const out = execFileSync("bash", ["scripts/pg-cluster.sh", "start"], { env: { ...process.env, PG_PORT: String(port) }, encoding: "utf8" });
  const url = /DATABASE_URL=(\S+)/.exec(out)?.[1];
  if (!url) throw new Error(`pg-cluster did not print a DATABASE_URL: ${out}`);
  const u = new URL(url);
  u.pathname = "/";
  return {
    baseUrl: u.toString().replace(/\/$/, ""),
    stop: () => { execFileSync("bash", ["scripts/pg-cluster.sh", "stop"], { env: { ...process.env, PG_PORT: String(port) }, stdio: "inherit" }); },
  };
}

export function psql(baseUrl: string, db: string, sql: string): string {
  return execFileSync("psql", [`${baseUrl}/${db}`, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql], { encoding: "utf8" });
}

const PGBENCH = ["/usr/lib/postgresql/15/bin/pgbench", "pgbench"].find((p) => p === "pgbench" || existsSync(p))!;

/** Runs pgbench (select-only with -S) and returns transactions per second (excluding connection time). */
export function pgbench(baseUrl: string, opts: { selectOnly: boolean; clients: number; seconds: number; scale: number; init: boolean }): number {
  const u = new URL(baseUrl);
  const args = ["-h", u.hostname, "-p", u.port, "-U", u.username || "postgres"];
  if (opts.init) {
    try { psql(baseUrl, "postgres", "CREATE DATABASE pgbench"); } catch { /* exists */ }
    execFileSync(PGBENCH, [...args, "-i", "-q", "-s", String(opts.scale), "pgbench"], { stdio: ["ignore", "ignore", "inherit"] });
  }
  const out = execFileSync(PGBENCH, [...args, ...(opts.selectOnly ? ["-S"] : []), "-c", String(opts.clients), "-j", String(Math.min(opts.clients, cpus().length)), "-T", String(opts.seconds), "pgbench"], { encoding: "utf8" });
  const m = /tps = ([\d.]+) \((?:without initial connection time|excluding connections establishing)\)/.exec(out);
  if (!m) throw new Error(`could not read pgbench output:\n${out}`);
  return Number(m[1]);
}

export interface LoadResult { requests: number; errors: number; seconds: number; perSecond: number; p50: number; p90: number; p99: number; max: number }

/** Sends requests from `concurrency` workers for `seconds`; each call to `next()` gives a request. */
export async function load(opts: { url: string; concurrency: number; seconds: number; next: (i: number) => { method: string; path: string; body?: string; headers: Record<string, string> }; ok?: (status: number, body: string) => boolean }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const base = new URL(opts.url);
  const lat: number[] = [];
  let errors = 0;
  let seq = 0;
  const end = performance.now() + opts.seconds * 1000;
  const one = (r: ReturnType<typeof opts.next>) => new Promise<void>((resolve) => {
    const t0 = performance.now();
    const req = http.request({ agent, host: base.hostname, port: base.port, method: r.method, path: r.path, headers: { ...r.headers, ...(r.body ? { "content-length": Buffer.byteLength(r.body) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        lat.push(performance.now() - t0);
        const body = Buffer.concat(chunks).toString();
        if (!(opts.ok ?? ((s) => s < 400))(res.statusCode ?? 0, body)) errors += 1;
        resolve();
      });
    });
    req.on("error", () => { errors += 1; resolve(); });
    if (r.body) req.write(r.body);
    req.end();
  });
  const started = performance.now();
  await Promise.all(Array.from({ length: opts.concurrency }, async () => {
    while (performance.now() < end) await one(opts.next(seq++));
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] ?? 0;
  return { requests: lat.length, errors, seconds, perSecond: lat.length / seconds, p50: pct(50), p90: pct(90), p99: pct(99), max: lat[lat.length - 1] ?? 0 };
}

/** Starts `stateline serve` as a child process and waits until it answers /healthz. */
export async function startStateline(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = env.PORT ?? "3999";
  const child = spawn(process.execPath, ["bin/stateline.js", "serve", "--no-seed"], { env: { ...process.env, ...env, PORT: port, HOST: "127.0.0.1" }, stdio: ["ignore", "inherit", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch { /* not yet */ }
    if (child.exitCode !== null) throw new Error(`stateline exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, stop: () => new Promise((resolve) => { child.once("exit", () => resolve()); child.kill("SIGTERM"); }) };
}

/** Replaces (or appends) the section headed `## title` in BENCHMARKS.md. */
export function writeSection(title: string, body: string): void {
  const file = "BENCHMARKS.md";
  const head = "# Benchmarks\n\nMeasured on this project's own machines (2 cores, shared by the load generator, the server and the database). Each figure sits beside a baseline measured in the same run. Regenerate a section with its npm script.\n";
  let text = existsSync(file) ? readFileSync(file, "utf8") : head;
  const section = `## ${title}\n\n${body.trim()}\n`;
  const re = new RegExp(`## ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\n[\\s\\S]*?(?=\\n## |$)`);
  text = re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}`;
  writeFileSync(file, text.endsWith("\n") ? text : `${text}\n`);
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
