/**
 * Shared benchmark plumbing: a throwaway PostgreSQL cluster, pgbench baselines,
 * an HTTP load generator with latency percentiles, and BENCHMARKS.md sections.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import http from "node:http";
import net from "node:net";
import { cpus, tmpdir } from "node:os";

export function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

export interface PgServer {
  /** postgres://postgres@127.0.0.1:PORT (no database). */
  baseUrl: string;
  port: number;
  /** The cluster's folder (data/ inside), or undefined for a server given by BENCH_DATABASE_URL. */
  dir: string | undefined;
  /** Stops the server (and removes the folder when this process made it). */
  stop: () => void;
  /** Immediate shutdown (pg_ctl stop -m immediate: no checkpoint; the next start runs crash recovery). */
  crash: () => void;
  /** Starts the server again on the same folder and port (after `crash`). */
  start: () => void;
}

const PG_BIN = "/usr/lib/postgresql/15/bin";

/** Runs a command as the postgres user when we are root (PostgreSQL refuses root). */
function asPostgres(cmd: string, args: string[]): void {
  if (process.getuid?.() === 0)
    execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: ["ignore", "ignore", "inherit"] });
  else execFileSync(cmd, args, { stdio: ["ignore", "ignore", "inherit"] });
}

/**
 * Starts a throwaway PostgreSQL server (or uses BENCH_DATABASE_URL's server); returns its base URL without a database.
 * Refuses a port on which scripts/pg-cluster.sh already runs a cluster (someone else's, perhaps): set BENCH_PG_PORT.
 * `statStatements` loads pg_stat_statements (one extra restart at start-up).
 */
export function startPostgres(port: number, opts: { statStatements?: boolean } = {}): PgServer {
  if (process.env.BENCH_DATABASE_URL) {
    const u = new URL(process.env.BENCH_DATABASE_URL);
    u.pathname = "/";
    const fail = () => {
      throw new Error("crash/start need a throwaway cluster, not BENCH_DATABASE_URL");
    };
    return {
      baseUrl: u.toString().replace(/\/$/, ""),
      port: Number(u.port),
      dir: undefined,
      stop: () => {},
      crash: fail,
      start: fail,
    };
  }
  if (existsSync(`/tmp/stateline-pg-${port}.env`))
    throw new Error(
      `a pg-cluster already runs (or ran) on port ${port} (/tmp/stateline-pg-${port}.env): set BENCH_PG_PORT to a free port`,
    );
  // Our own folder, so that the cluster survives stop/start (pg-cluster.sh keeps a PG_DIR it was given).
  const dir = mkdtempSync(join(tmpdir(), "stateline-bench-pg."));
  const env = { ...process.env, PG_PORT: String(port), PG_DIR: dir };
  const start = () => {
    const out = execFileSync("bash", ["scripts/pg-cluster.sh", "start"], { env, encoding: "utf8" });
    if (!/DATABASE_URL=(\S+)/.test(out)) throw new Error(`pg-cluster did not print a DATABASE_URL: ${out}`);
  };
  const stopServer = () => {
    execFileSync("bash", ["scripts/pg-cluster.sh", "stop"], { env, stdio: ["ignore", "ignore", "inherit"] });
  };
  const baseUrl = `postgres://postgres@127.0.0.1:${port}`;
  try {
    start();
    if (opts.statStatements) {
      psql(baseUrl, "postgres", "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
      stopServer();
      start();
      psql(baseUrl, "postgres", "ALTER SYSTEM SET pg_stat_statements.track_planning = on");
      psql(baseUrl, "postgres", "SELECT pg_reload_conf()");
    }
  } catch (e) {
    try {
      stopServer();
    } catch {
      /* not running */
    }
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    baseUrl,
    port,
    dir,
    stop: () => {
      stopServer();
      rmSync(dir, { recursive: true, force: true });
    },
    crash: () => asPostgres(`${PG_BIN}/pg_ctl`, ["-D", join(dir, "data"), "stop", "-m", "immediate", "-w", "-t", "30"]),
    start,
  };
}

export function psql(baseUrl: string, db: string, sql: string): string {
  return execFileSync("psql", [`${baseUrl}/${db}`, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql], { encoding: "utf8" });
}

const PGBENCH = ["/usr/lib/postgresql/15/bin/pgbench", "pgbench"].find((p) => p === "pgbench" || existsSync(p))!;

/** Runs pgbench (select-only with -S) and returns transactions per second (excluding connection time). */
export function pgbench(
  baseUrl: string,
  opts: { selectOnly: boolean; clients: number; seconds: number; scale: number; init: boolean },
): number {
  const u = new URL(baseUrl);
  const args = ["-h", u.hostname, "-p", u.port, "-U", u.username || "postgres"];
  if (opts.init) {
    try {
      psql(baseUrl, "postgres", "CREATE DATABASE pgbench");
    } catch {
      /* exists */
    }
    execFileSync(PGBENCH, [...args, "-i", "-q", "-s", String(opts.scale), "pgbench"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  const out = execFileSync(
    PGBENCH,
    [
      ...args,
      ...(opts.selectOnly ? ["-S"] : []),
      "-c",
      String(opts.clients),
      "-j",
      String(Math.min(opts.clients, cpus().length)),
      "-T",
      String(opts.seconds),
      "pgbench",
    ],
    { encoding: "utf8" },
  );
  const m = /tps = ([\d.]+) \((?:without initial connection time|excluding connections establishing)\)/.exec(out);
  if (!m) throw new Error(`could not read pgbench output:\n${out}`);
  return Number(m[1]);
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errorSamples: string[];
  answers: Record<string, number>;
}

export interface HttpRequest {
  method: string;
  path: string;
  body?: string;
  headers: Record<string, string>;
}
export interface HttpAnswer {
  status: number;
  body: string;
}

/** Sends one request on a keep-alive agent; a connection error answers status 0 with the error's code as body. */
export function httpSend(agent: http.Agent, base: URL, r: HttpRequest, timeoutMs = 30_000): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: r.method,
        path: r.path,
        timeout: timeoutMs,
        headers: { ...r.headers, ...(r.body ? { "content-length": Buffer.byteLength(r.body) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on("error", (e) => resolve({ status: 0, body: (e as NodeJS.ErrnoException).code ?? e.message }));
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    req.on("error", (e) => resolve({ status: 0, body: (e as NodeJS.ErrnoException).code ?? e.message }));
    if (r.body) req.write(r.body);
    req.end();
  });
}

/**
 * A keep-alive HTTP/1.1 connection that sends one request at a time and reads answers framed by
 * Content-Length (what Stateline's server sends). The load generator shares the machine's cores
 * with the server and the database, as pgbench's C client does; node:http's client costs about
 * as much CPU per request as the server's own work, this one a fraction of it. A connection
 * error or a close answers status 0 and the next request opens a new connection.
 */
class LeanConnection {
  private socket: net.Socket | undefined;
  private buf: Buffer = Buffer.alloc(0);
  private waiting: ((a: HttpAnswer) => void) | undefined;
  private readonly base: URL;
  constructor(base: URL) {
    this.base = base;
  }

  send(r: HttpRequest): Promise<HttpAnswer> {
    const socket = this.socket ?? this.open();
    const body = r.body ?? "";
    let head = `${r.method} ${r.path} HTTP/1.1\r\nhost: ${this.base.host}\r\n`;
    for (const [k, v] of Object.entries(r.headers)) head += `${k}: ${v}\r\n`;
    head += `content-length: ${Buffer.byteLength(body)}\r\n\r\n`;
    return new Promise((resolve) => {
      this.waiting = resolve;
      socket.write(head + body);
    });
  }

  private open(): net.Socket {
    const socket = net.connect(Number(this.base.port), this.base.hostname);
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
      this.parse();
    });
    const fail = (why: string) => {
      if (this.socket === socket) this.socket = undefined;
      this.buf = Buffer.alloc(0);
      const w = this.waiting;
      this.waiting = undefined;
      w?.({ status: 0, body: why });
    };
    socket.on("error", (e: NodeJS.ErrnoException) => fail(e.code ?? e.message));
    socket.on("close", () => fail("ECONNRESET"));
    this.socket = socket;
    return socket;
  }

  private parse(): void {
    const end = this.buf.indexOf("\r\n\r\n");
    if (end < 0) return;
    const head = this.buf.subarray(0, end).toString("latin1");
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buf.length < end + 4 + length) return;
    const body = this.buf.subarray(end + 4, end + 4 + length).toString();
    this.buf = this.buf.subarray(end + 4 + length);
    const w = this.waiting;
    this.waiting = undefined;
    w?.({ status: Number(head.slice(9, 12)), body });
  }

  close(): void {
    this.socket?.destroy();
  }
}

/**
 * Drives load from `concurrency` workers for `seconds`. Each iteration is either one request (`next`)
 * or a `flow`: an async function making several requests with `send`, timed as one transaction.
 * `ok` decides success; `classify` (optional) names the answer for a tally (e.g. "authorized").
 */
export async function load(opts: {
  url: string;
  concurrency: number;
  seconds: number;
  next?: (i: number) => HttpRequest;
  flow?: (i: number, send: (r: HttpRequest) => Promise<HttpAnswer>) => Promise<HttpAnswer>;
  ok?: (status: number, body: string) => boolean;
  classify?: (status: number, body: string) => string;
}): Promise<LoadResult> {
  const base = new URL(opts.url);
  const lat: number[] = [];
  const errorSamples: string[] = [];
  const answers: Record<string, number> = {};
  let errors = 0;
  let seq = 0;
  const end = performance.now() + opts.seconds * 1000;
  // One connection per worker, as pgbench keeps one per client.
  const connections: LeanConnection[] = [];
  const one = async (conn: LeanConnection, i: number) => {
    const send = (r: HttpRequest) => conn.send(r);
    const t0 = performance.now();
    const a = opts.flow ? await opts.flow(i, send) : await send(opts.next!(i));
    lat.push(performance.now() - t0);
    if (!(opts.ok ?? ((s) => s > 0 && s < 400))(a.status, a.body)) {
      errors += 1;
      if (errorSamples.length < 3) errorSamples.push(`${a.status} ${a.body.slice(0, 400)}`);
    }
    if (opts.classify) {
      const k = opts.classify(a.status, a.body);
      answers[k] = (answers[k] ?? 0) + 1;
    }
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      const conn = new LeanConnection(base);
      connections.push(conn);
      while (performance.now() < end) await one(conn, seq++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const c of connections) c.close();
  lat.sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] ?? 0;
  return {
    requests: lat.length,
    errors,
    seconds,
    perSecond: lat.length / seconds,
    p50: pct(50),
    p90: pct(90),
    p99: pct(99),
    max: lat[lat.length - 1] ?? 0,
    errorSamples,
    answers,
  };
}

/** Starts `stateline serve` as a child process and waits until it answers /healthz. */
export async function startStateline(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = env.PORT ?? "3999";
  const child = spawn(process.execPath, [...nodeArgs, "bin/stateline.js", "serve", "--no-seed"], {
    env: { ...process.env, ...env, PORT: port, HOST: "127.0.0.1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (child.exitCode !== null) throw new Error(`stateline exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Replaces (or appends) the section headed `## title` in BENCHMARKS.md. */
export function writeSection(title: string, body: string): void {
  const file = "BENCHMARKS.md";
  const head =
    "# Benchmarks\n\nMeasured on this project's own machines (2 cores, shared by the load generator, the server and the database). Each figure sits beside a baseline measured in the same run. Regenerate a section with its npm script.\n";
  let text = existsSync(file) ? readFileSync(file, "utf8") : head;
  const section = `## ${title}\n\n${body.trim()}\n`;
  const re = new RegExp(`## ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\n[\\s\\S]*?(?=\\n## |$)`);
  text = re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}`;
  writeFileSync(file, text.endsWith("\n") ? text : `${text}\n`);
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** CPU seconds of a process (with its reaped children) and its live children: `stateline serve` with STATELINE_WORKERS forks its workers. */
export function treeCpu(pid: number): number {
  const ticks = (f: string[], children: boolean) =>
    Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
  const fields = (p: string) => {
    const s = readFileSync(`/proc/${p}/stat`, "utf8");
    return s.slice(s.lastIndexOf(")") + 2).split(" ");
  };
  let total: number;
  try {
    total = ticks(fields(String(pid)), true);
  } catch {
    return 0;
  }
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = fields(d);
      if (Number(f[1]) === pid) total += ticks(f, false);
    } catch {
      /* gone */
    }
  }
  return total / 100; // USER_HZ
}
