// Stateline test runner: node's test runner (node:test run()) with a spec reporter for people and
// the runner's own event stream for counting, ending with exactly one line
//
//   [label: ]N passed, N failed[, N skipped]
//
// Usage:
//   node scripts/run-tests.ts [--label NAME] [--name PATTERN] [GLOB ...]
//
// Default globs: src/**/*.test.ts and test/**/*.test.ts, excluding test/browser/**.
// Explicit globs are used as given (so 'test/browser/**/*.test.ts' works). node_modules is always skipped.
//
// Environment:
//   TEST_CONCURRENCY     test files run at once, each in its own process (default 2)
//   TEST_TIMEOUT_MS      time limit for each test (default 600000); 0 means none
//   TEST_EXIT_GRACE_MS   a test file whose tests have all finished but whose process has not exited
//                        after this long (open pool, server, timer...) is killed and counted as one
//                        failure; its tests keep their results (default 30000)
//   TEST_RUN_TIMEOUT_MS  time limit for the whole run; what is left is cancelled and counted as
//                        failed, and the summary line is still printed (default 0: none)
//   DATABASE_URL etc. are passed through to the test processes unchanged.
//
// Exit code: 1 if any test failed or was cancelled (a file that crashes, does not load or does not
// exit counts as a failed test), or if no test ran at all; 0 otherwise. Skipped and todo tests are
// not failures.
//
// Why not --test-force-exit: on Node 24 it makes the runner drop tests of a file at random (the
// process exits before all of its tests are reported), so hung files are handled by the watchdog
// below instead, which kills only the test process that has finished its tests and lingers.

import { globSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { run } from "node:test";
import { spec } from "node:test/reporters";

const DEFAULT_GLOBS = ["src/**/*.test.ts", "test/**/*.test.ts"];
const DEFAULT_EXCLUDES = ["test/browser/**"];

interface Options {
  label: string | undefined;
  names: string[];
  globs: string[];
}

function usage(message: string): never {
  process.stderr.write(
    `run-tests: ${message}\nusage: node scripts/run-tests.ts [--label NAME] [--name PATTERN] [GLOB ...]\n`,
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { label: undefined, names: [], globs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const take = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${arg} needs a value`);
      return v;
    };
    if (arg === "--label") opts.label = take();
    else if (arg.startsWith("--label=")) opts.label = arg.slice("--label=".length);
    else if (arg === "--name") opts.names.push(take());
    else if (arg.startsWith("--name=")) opts.names.push(arg.slice("--name=".length));
    else if (arg === "--") continue;
    else if (arg.startsWith("--")) usage(`unknown option ${arg}`);
    else opts.globs.push(arg);
  }
  if (opts.label !== undefined && !/^[A-Za-z0-9_-]+$/.test(opts.label)) {
    usage("--label must be one word (letters, digits, - or _)");
  }
  return opts;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) usage(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return n;
}

function findFiles(globs: string[], excludes: string[]): string[] {
  const cwd = process.cwd();
  const found = globSync(globs, {
    cwd,
    exclude: (p: string) => {
      const rel = p.split(path.sep).join("/");
      return rel === "node_modules" || rel.includes("node_modules/") || rel.endsWith("/node_modules");
    },
  });
  const excluded = excludes.length > 0 ? new Set(globSync(excludes, { cwd })) : new Set<string>();
  return [...new Set(found)]
    .filter((f) => !excluded.has(f))
    .map((f) => path.resolve(cwd, f))
    .sort();
}

/** The pids of this process's children that run the given test file (Linux /proc). */
function testProcessesFor(file: string): number[] {
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^[0-9]+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid !== process.pid) continue;
      const argv = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (argv.includes(file)) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

interface FileState {
  started: boolean;
  finished: boolean;
  killed: boolean;
  enqueued: number;
  dequeued: number;
  completed: number;
  lastEvent: number;
}

interface Counts {
  passed: number;
  failed: number;
  cancelled: number;
  skipped: number;
  todo: number;
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const prefix = opts.label ? `${opts.label}: ` : "";
  const concurrency = Math.max(1, intFromEnv("TEST_CONCURRENCY", 2));
  const timeout = intFromEnv("TEST_TIMEOUT_MS", 600_000);
  const exitGrace = Math.max(1000, intFromEnv("TEST_EXIT_GRACE_MS", 30_000));
  const runTimeout = intFromEnv("TEST_RUN_TIMEOUT_MS", 0);

  const usingDefaults = opts.globs.length === 0;
  const globs = usingDefaults ? DEFAULT_GLOBS : opts.globs;
  const files = findFiles(globs, usingDefaults ? DEFAULT_EXCLUDES : []);

  const say = (line: string) => process.stdout.write(`${line}\n`);
  if (files.length === 0) {
    say(`run-tests: no test files match ${globs.join(" ")}`);
    say(`${prefix}0 passed, 0 failed`);
    return 1;
  }
  say(`run-tests: ${files.length} file(s), concurrency ${concurrency}${timeout ? `, test timeout ${timeout} ms` : ""}`);

  // Our own tally from the events, used if the runner's final summary does not arrive.
  const own: Counts = { passed: 0, failed: 0, cancelled: 0, skipped: 0, todo: 0 };
  let final: Counts | undefined;

  const abort = new AbortController();
  const stream = run({
    files,
    concurrency,
    isolation: "process",
    signal: abort.signal,
    ...(timeout > 0 ? { timeout } : {}),
    ...(opts.names.length > 0 ? { testNamePatterns: opts.names } : {}),
  });

  stream.on("test:pass", (data) => {
    if (data.details.type === "suite") return;
    if (data.skip !== undefined) own.skipped++;
    else if (data.todo !== undefined) own.todo++;
    else own.passed++;
  });
  stream.on("test:fail", (data) => {
    if (data.details.type === "suite") return;
    // A failing todo test is not a failure (node agrees).
    if (data.todo !== undefined) own.todo++;
    else if ((data.details.error as { failureType?: string } | undefined)?.failureType === "cancelledByParent")
      own.cancelled++;
    else own.failed++;
  });
  stream.on("test:summary", (data) => {
    // One summary per file, then one for the whole run (no file): that one is authoritative.
    if (data.file === undefined) {
      // `failed` is in the runtime data but missing from @types/node; derive it if ever absent.
      const c = data.counts as typeof data.counts & { failed?: number };
      const failed = c.failed ?? c.tests - c.passed - c.cancelled - c.skipped - c.todo;
      final = { passed: c.passed, failed, cancelled: c.cancelled, skipped: c.skipped, todo: c.todo };
    }
  });

  // Watchdog. Per file we follow the runner's real-time events: test:enqueue/dequeue/complete (dequeue
  // is when a test starts running, complete when it ends). The file itself is a test named by its
  // path at nesting 0, completed when its process exits.
  const fileStates = new Map<string, FileState>();
  const stateOf = (file: string): FileState => {
    let st = fileStates.get(file);
    if (!st) {
      st = {
        started: false,
        finished: false,
        killed: false,
        enqueued: 0,
        dequeued: 0,
        completed: 0,
        lastEvent: Date.now(),
      };
      fileStates.set(file, st);
    }
    return st;
  };
  type QueueEvent = { file?: string | undefined; name: string; nesting: number };
  const track = (kind: "enqueue" | "dequeue" | "complete") => (data: QueueEvent) => {
    if (data.file === undefined) return;
    const st = stateOf(data.file);
    st.lastEvent = Date.now();
    if (data.nesting === 0 && data.name === data.file) {
      if (kind === "dequeue") st.started = true;
      if (kind === "complete") st.finished = true;
      return;
    }
    if (kind === "enqueue") st.enqueued++;
    else if (kind === "dequeue") st.dequeued++;
    else st.completed++;
  };
  stream.on("test:enqueue", track("enqueue"));
  stream.on("test:dequeue", track("dequeue"));
  stream.on("test:complete", track("complete"));

  const kill = (file: string, why: string) => {
    const st = stateOf(file);
    st.killed = true;
    const rel = path.relative(process.cwd(), file);
    const pids = testProcessesFor(file);
    say(`run-tests: ${rel}: ${why}; killing ${pids.length > 0 ? `pid ${pids.join(", ")}` : "(process not found)"}`);
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // already gone
      }
      setTimeout(() => {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // gone
        }
      }, 5000).unref();
    }
  };
  const watchdog = setInterval(() => {
    const now = Date.now();
    for (const [file, st] of fileStates) {
      if (!st.started || st.finished || st.killed) continue;
      const idle = now - st.lastEvent;
      const busy = st.enqueued > st.dequeued || st.dequeued > st.completed;
      if (!busy && st.completed > 0 && idle > exitGrace) {
        kill(
          file,
          `all its tests finished ${Math.round(idle / 1000)} s ago but the process has not exited (an open pool, server, socket or timer? close it in after())`,
        );
      } else if (timeout > 0 && idle > timeout + 30_000) {
        kill(file, `no progress for ${Math.round(idle / 1000)} s (a blocked event loop, or a hang while loading?)`);
      }
    }
  }, 1000);
  watchdog.unref();
  const runTimer =
    runTimeout > 0
      ? setTimeout(() => {
          say(`run-tests: the run took longer than ${runTimeout} ms (TEST_RUN_TIMEOUT_MS): cancelling what is left`);
          abort.abort(new Error(`run timeout (${runTimeout} ms)`));
        }, runTimeout)
      : undefined;
  runTimer?.unref();

  // Stream the spec reporter's output as it comes; we print our line only after it has all been written.
  let runnerError: unknown;
  try {
    for await (const chunk of stream.compose(spec)) {
      process.stdout.write(chunk as string | Uint8Array);
    }
  } catch (err) {
    runnerError = err;
    process.stderr.write(
      `run-tests: the test runner failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
  clearInterval(watchdog);
  if (runTimer) clearTimeout(runTimer);

  const counts: Counts = final ?? own;
  if (final === undefined) say("run-tests: no final summary from the runner; using counts from events");
  const failed = counts.failed + counts.cancelled + (runnerError === undefined ? 0 : 1);
  const skipped = counts.skipped + counts.todo;
  const ran = counts.passed + failed;

  say(`${prefix}${counts.passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
  if (ran === 0) {
    process.stderr.write("run-tests: no test ran\n");
    return 1;
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`run-tests: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.stdout.write("0 passed, 1 failed\n");
    process.exitCode = 1;
  },
);
