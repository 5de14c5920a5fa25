/**
 * The `stateline` command: serve, migrate, seed, decide, users, audit verify, jobs.
 * Each command has --help. All of them call the same services as the API.
 */
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig, type Config } from "../config.ts";
import { openServices, seedIfEmpty, startServer } from "../app.ts";
import { systemCtx } from "../context.ts";
import { migrate } from "../db/migrate.ts";
import { openDb } from "../db/client.ts";
import { DEMO_PASSWORD, DEMO_USERS, seed, isSeeded } from "../db/seed.ts";
import { isPlainDate, type PlainDate } from "../law/core/dates.ts";
import { citationLabel } from "../law/core/rules.ts";
import { AppError } from "../lib/errors.ts";
import { decide, listQuestions } from "../modules/decisions/service.ts";
import { verifyAudit } from "../modules/audit/service.ts";
import { createApiKey, createUser, listApiKeys, listUsers, revokeApiKey, unlockUser } from "../modules/auth/service.ts";
import { cleanText } from "../lib/text.ts";
import { ROLES, type Role } from "../modules/auth/roles.ts";
import { allJobs } from "../modules/index.ts";
import { listJobs, retryDeadJob, runDueJobs } from "../modules/jobs/index.ts";
import { IDENTITY_HELP, runIdentityCommand } from "../modules/identity/cli.ts";
import { progressBar } from "./progress.ts";

const HELP: Record<string, string> = {
  main: `stateline: Connecticut firearm law information system (Public Act 13-3)

Usage: stateline <command> [options]

Commands:
  serve          start the web UI and API (migrates, and seeds demo data on first start)
  migrate        apply database migrations
  seed           load synthetic demo data (once)
  decide         ask the rulebook a question
  users          list, create or unlock users; create API keys
  audit verify   check the audit trail's hash chain
  identity link  link two files of person records (FEBRL layout) with the matching model
  jobs           run due background jobs once; list dead jobs; retry one

Environment: DATABASE_URL (PostgreSQL server; default embedded PGlite), DATA_DIR (embedded data folder,
default ./data/pglite), PORT (default 3000), HOST (default 127.0.0.1), STATELINE_TODAY (pin today's date).
Run 'stateline <command> --help' for a command's options.`,
  serve: `stateline serve [--no-seed]

Starts Stateline. On an empty database it creates the schema and loads demo data, then prints the
address and the demo logins. --no-seed skips the demo data.`,
  migrate: "stateline migrate\n\nApplies the SQL migrations in src/db/migrations that have not run yet.",
  seed: "stateline seed [--seed N] [--people N]\n\nLoads synthetic demo people, credentials, applications and events. Deterministic for a given --seed (default 2013). Refuses a database that already has users.",
  decide: `stateline decide QUESTION --on YYYY-MM-DD --facts FILE|-  [--json]
stateline decide --list [--json]
stateline decide --schema QUESTION

Asks the rulebook QUESTION about the facts in FILE (JSON; - for standard input) on the date given.
Prints the outcome (yes / no / unknown), the result, every finding with its citation, and the missing facts.
--list prints every question (id, first date modelled, title); with --json, each with its facts schema,
result fields and an example, as GET /api/v1/decisions does. --schema QUESTION prints one question's
facts schema (JSON Schema), result fields and an example facts file.`,
  users: `stateline users list
stateline users create --username U --name "Display Name" --role ROLE [--password P] [--person-id UUID]
stateline users unlock --username U
stateline users api-key --username U --label "Shop POS"     (the key is shown once)
stateline users api-key --list [--username U]
stateline users api-key --revoke KEY-ID

Roles: ${ROLES.join(", ")}.`,
  audit:
    "stateline audit verify\n\nWalks the audit trail's hash chain from the first entry and reports any break. Exits 1 when it finds one.",
  identity: IDENTITY_HELP,
  jobs: "stateline jobs run | jobs dead | jobs retry ID\n\n  run         runs every background job that is due, once: the daily sweep (expiries, renewal notices 90 days ahead,\n              late surrenders), the suspicious-purchase lead sweep, NICS polling, webhook and notice deliveries, and\n              each module's clocks. Exit status 1 if a job died.\n  dead        lists the dead jobs (their last attempt failed): id, name, attempts, when, last error\n  retry ID    puts a dead job back in the queue with a fresh set of attempts (audited)\n\nWhile `stateline serve` runs, the same runner works continuously.",
};

function fail(msg: string, code = 2): never {
  process.stderr.write(`stateline: ${msg}\n`);
  process.exit(code);
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === "--help" || cmd === "-h" || cmd === "help") {
    console.log(HELP.main);
    return 0;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(HELP[cmd] ?? HELP.main);
    return 0;
  }
  const config = loadConfig();
  switch (cmd) {
    case "serve": {
      const { values } = parseArgs({ args: rest, options: { "no-seed": { type: "boolean" } } });
      const started = Date.now();
      if (config.workers > 1 && cluster.isPrimary) return serveWorkers(config, !values["no-seed"], started);
      const s = await openServices(config);
      if (!values["no-seed"]) {
        const seeded = await seedIfEmpty(s, progressBar("seeding demo data"));
        if (seeded) console.log("Loaded demo data.");
      }
      const { url } = await startServer(s, { logger: config.requestLogs });
      if (cluster.isWorker) return -1; // the first process reports for all
      console.log(
        `Stateline is running at ${url} (database: ${s.db.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL server"}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      if (await isSeeded(systemCtx(s))) {
        console.log(
          `Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(", ")}`,
        );
      }
      const shutdown = () => {
        s.db.close().finally(() => process.exit(0));
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
      return -1; // keep running
    }
    case "migrate": {
      const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const applied = await migrate(db, (m) => console.log(m));
      console.log(applied.length ? `${applied.length} migration(s) applied` : "database is up to date");
      await db.close();
      return 0;
    }
    case "seed": {
      const { values } = parseArgs({ args: rest, options: { seed: { type: "string" }, people: { type: "string" } } });
      const s = await openServices(config);
      const ctx = systemCtx(s);
      if (await isSeeded(ctx)) {
        console.log("database already has data; nothing done");
        await s.db.close();
        return 0;
      }
      const bar = progressBar("seeding");
      const r = await seed(ctx, {
        seed: values.seed ? Number(values.seed) : 2013,
        people: values.people ? Number(values.people) : 400,
        onProgress: (d, t) => bar(d, t),
      });
      console.log(
        `seeded ${r.people} people, ${r.credentials} credentials, ${r.users} users (password "${DEMO_PASSWORD}")`,
      );
      await s.db.close();
      return 0;
    }
    case "decide": {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          on: { type: "string" },
          facts: { type: "string" },
          json: { type: "boolean" },
          list: { type: "boolean" },
          schema: { type: "string" },
        },
      });
      if (values.list) {
        if (values.json) {
          console.log(JSON.stringify(listQuestions(), null, 2));
          return 0;
        }
        for (const q of listQuestions()) console.log(`${q.id.padEnd(36)} from ${q.modelledFrom}  ${q.title}`);
        console.log("\n'stateline decide --schema QUESTION' prints a question's facts schema and an example.");
        return 0;
      }
      if (values.schema !== undefined) {
        const q = listQuestions().find((x) => x.id === values.schema);
        if (!q) fail(`unknown question ${values.schema} (stateline decide --list shows them)`);
        const { id, title, modelledFrom, factsSchema, result, example } = q;
        console.log(JSON.stringify({ id, title, modelledFrom, factsSchema, result, example }, null, 2));
        return 0;
      }
      const question = positionals[0];
      if (!question) fail("name a question (stateline decide --list shows them)");
      if (!values.on || !isPlainDate(values.on)) fail("--on YYYY-MM-DD is required");
      if (!values.facts) fail("--facts FILE is required (use - for standard input)");
      let facts: unknown;
      try {
        facts = JSON.parse(readFileSync(values.facts === "-" ? 0 : values.facts, "utf8"));
      } catch (e) {
        fail(`cannot read facts: ${(e as Error).message}`);
      }
      try {
        const d = decide(question, values.on as PlainDate, facts);
        if (values.json) {
          console.log(JSON.stringify(d, null, 2));
          return 0;
        }
        console.log(`${d.question} on ${d.on}: ${d.outcome.toUpperCase()}   (rulebook ${d.rulebookVersion})`);
        console.log(`result: ${JSON.stringify(d.result)}`);
        for (const f of d.findings) console.log(`  [${f.status}] ${f.because}  — ${citationLabel(f.source)}`);
        if (d.missing.length) console.log(`missing facts: ${d.missing.join(", ")}`);
        return 0;
      } catch (e) {
        if (e instanceof AppError) fail(e.message, 1);
        throw e;
      }
    }
    case "users": {
      const [sub, ...args] = rest;
      const { values: raw } = parseArgs({
        args,
        options: {
          username: { type: "string" },
          name: { type: "string" },
          role: { type: "string" },
          password: { type: "string" },
          "person-id": { type: "string" },
          label: { type: "string" },
          list: { type: "boolean" },
          revoke: { type: "string" },
        },
      });
      // The one input rule (src/lib/text.ts), as for the API and the web forms.
      const values = Object.fromEntries(
        Object.entries(raw).map(([k, v]) => [k, typeof v === "string" ? cleanText(v, `--${k}`) : v]),
      ) as typeof raw;
      const s = await openServices(config);
      const ctx = systemCtx(s);
      try {
        if (sub === "list")
          for (const u of await listUsers(s.db))
            console.log(
              `${u.username.padEnd(16)} ${u.role.padEnd(18)} ${u.displayName}${u.locked ? "  [locked]" : ""}`,
            );
        else if (sub === "create") {
          if (!values.username || !values.name || !values.role) fail("--username, --name and --role are required");
          if (!ROLES.includes(values.role as Role)) fail(`--role must be one of ${ROLES.join(", ")}`);
          const password = values.password ?? (await import("node:crypto")).randomBytes(12).toString("base64url");
          const u = await createUser(s.db, {
            username: values.username,
            displayName: values.name,
            role: values.role as Role,
            password,
            personId: values["person-id"] ?? null,
            passwordCost: config.passwordCost,
          });
          console.log(`created ${u.username} (${u.role})${values.password ? "" : `; password: ${password}`}`);
        } else if (sub === "unlock") {
          if (!values.username) fail("--username is required");
          await unlockUser(ctx, values.username);
          console.log(`unlocked ${values.username}`);
        } else if (sub === "api-key" && (values.list || values.revoke)) {
          // The operator at the console acts as an administrator.
          const admin = {
            id: "00000000-0000-0000-0000-000000000000",
            username: "console",
            displayName: "Console operator",
            role: "admin" as const,
            personId: null,
            organization: null,
          };
          const c = { ...ctx, user: admin, requestId: "console" };
          if (values.revoke) {
            const k = await revokeApiKey(c, values.revoke);
            console.log(`revoked ${k.prefix}… "${k.label}" of ${k.owner} at ${k.revokedAt}`);
          } else {
            for (const k of await listApiKeys(c, { username: values.username }))
              console.log(
                `${k.id}  ${k.prefix}…  ${k.owner.padEnd(16)} ${k.label.padEnd(24)} created ${k.createdAt}${k.revokedAt ? `  REVOKED ${k.revokedAt}` : ""}`,
              );
          }
        } else if (sub === "api-key") {
          if (!values.username || !values.label) fail("--username and --label are required");
          const u = (await listUsers(s.db)).find((x) => x.username === values.username);
          if (!u) fail(`no user ${values.username}`);
          const k = await createApiKey({ ...ctx, user: u }, u.id, values.label);
          console.log(`API key for ${u.username} (shown once): ${k.key}`);
        } else fail(`unknown users command ${sub ?? ""}; see stateline users --help`);
      } catch (e) {
        if (e instanceof AppError) fail(e.message, 1);
        throw e;
      } finally {
        await s.db.close();
      }
      return 0;
    }
    case "audit": {
      if (rest[0] !== "verify") fail("usage: stateline audit verify");
      const s = await openServices(config);
      const r = await verifyAudit(s.db, progressBar("verifying audit trail"));
      await s.db.close();
      if (r.breaks.length) {
        console.log(`audit trail BROKEN: ${r.breaks.length} problem(s) in ${r.checked} entries`);
        for (const b of r.breaks) console.log(`  entry ${b.seq}: ${b.problem}`);
        return 1;
      }
      console.log(`audit trail intact: ${r.checked} entries, every hash matches`);
      return 0;
    }
    case "identity":
      return runIdentityCommand(rest);
    case "jobs": {
      const sub = rest[0];
      if (sub !== "run" && sub !== "dead" && sub !== "retry")
        fail("usage: stateline jobs run | jobs dead | jobs retry ID");
      const s = await openServices(config);
      try {
        if (sub === "run") {
          // Every recurring job is due on a first run; one-off jobs (deliveries) run when due.
          const r = await runDueJobs(s, allJobs(), {
            onError: (e, job) => process.stderr.write(`${job}: ${(e as Error).message}\n`),
          });
          console.log(`jobs run: ${r.ran} (done ${r.done}, to retry ${r.retried}, dead ${r.dead})`);
          return r.dead ? 1 : 0;
        }
        const admin = {
          ...systemCtx(s),
          user: {
            id: "00000000-0000-0000-0000-000000000000",
            username: "cli",
            displayName: "Command line",
            role: "admin" as const,
            personId: null,
            organization: null,
          },
        };
        if (sub === "dead") {
          for (const j of await listJobs(admin, { status: "dead", limit: 200 }))
            console.log(
              `${j.id}\t${j.name}\t${j.attempts}/${j.maxAttempts}\t${j.finishedAt ?? ""}\t${j.lastError ?? ""}`,
            );
          return 0;
        }
        const id = Number(rest[1]);
        if (!Number.isSafeInteger(id) || id < 1)
          fail("usage: stateline jobs retry ID (a job number from `stateline jobs dead`)");
        const j = await retryDeadJob(admin, id);
        console.log(`job ${j.id} (${j.name}) queued again`);
        return 0;
      } finally {
        await s.db.close();
      }
    }
    default:
      fail(`unknown command ${cmd}; run stateline --help`);
  }
}

/**
 * What a worker is started with beyond the primary's environment: its index (its own spool folder)
 * and, when no STATELINE_SECRET_KEY was given, the key the primary made up, so that a webhook
 * secret sealed by one process can be opened by the others.
 */
export function workerEnv(config: Config, index: number): Record<string, string> {
  return {
    STATELINE_WORKER_INDEX: String(index),
    ...(config.secretKeyGenerated ? { STATELINE_SECRET_KEY: config.secretKey.toString("hex") } : {}),
  };
}

/**
 * `stateline serve` with STATELINE_WORKERS above 1: this process migrates and seeds once, then
 * forks the workers, which share the port (node:cluster hands connections out in turn). Each
 * worker is a whole server: background jobs are claimed with SKIP LOCKED and the audit sealer
 * holds an advisory lock, so running them in every worker is safe. A worker that dies is replaced
 * under the same index (its spool folder stays its own).
 */
async function serveWorkers(config: Config, seedDemo: boolean, started: number): Promise<number> {
  const s = await openServices(config);
  if (seedDemo) await seedIfEmpty(s, progressBar("seeding demo data"));
  await s.db.close();
  const fork = (index: number) => {
    const w = cluster.fork(workerEnv(config, index));
    w.on("exit", (code, signal) => {
      if (stopping) return;
      console.error(`worker ${index} ended (${signal ?? code}); starting another`);
      fork(index);
    });
    return w;
  };
  let stopping = false;
  let ready = 0;
  for (let i = 0; i < config.workers; i++)
    fork(i).on("listening", () => {
      ready += 1;
      if (ready === config.workers)
        console.log(
          `Stateline is running at http://${config.host}:${config.port} (${config.workers} server processes; database: PostgreSQL server; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
    });
  const shutdown = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5000).unref();
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return -1;
}
