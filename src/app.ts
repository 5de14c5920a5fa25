/** Wiring: open the database, migrate, (optionally) seed, build the server. Used by the CLI and tests. */
import type { Config } from "./config.ts";
import type { Services } from "./context.ts";
import { systemCtx } from "./context.ts";
import { openDb, type Db } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import { openReplicaRoute, replaySpool, startSpoolReplayer } from "./db/replica.ts";
import { ensureTowns } from "./db/reference-data.ts";
import { isSeeded, seed } from "./db/seed.ts";
import { simulatedAdapters, type Adapters } from "./adapters/index.ts";
import { systemClock, type Clock } from "./lib/clock.ts";
import { buildServer } from "./http/server.ts";
import type { FastifyInstance } from "fastify";
import { sealAudit, startAuditSealer } from "./modules/audit/service.ts";
import { MODULES, allJobs } from "./modules/index.ts";
import { startJobRunner } from "./modules/jobs/index.ts";

export async function openServices(
  config: Config,
  opts: { clock?: Clock; adapters?: Adapters; db?: Db } = {},
): Promise<Services> {
  const db = opts.db ?? (await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrate(db);
  await ensureTowns(db);
  const services: Services = {
    db,
    config,
    clock: opts.clock ?? systemClock(config.today),
    adapters: opts.adapters ?? simulatedAdapters(),
  };
  if (config.databaseReplicaUrl && db.kind === "postgres")
    services.replica = await openReplicaRoute(db, config.databaseReplicaUrl, config.spoolDir);
  // Audit entries kept while the primary was unreachable go in first (also after a failover, when the
  // promoted server is the new primary and no replica is configured yet).
  if (db.kind === "postgres") await replaySpool(db, config.spoolDir);
  return services;
}

export async function seedIfEmpty(
  s: Services,
  onProgress?: (d: number, t: number, l: string) => void,
): Promise<boolean> {
  const ctx = systemCtx(s);
  if (await isSeeded(ctx)) return false;
  await seed(ctx, onProgress ? { onProgress } : {});
  // Each capability's demo data, acting as the licensing staff's demo login.
  const [staff] = await ctx.db.query<Record<string, string | null>>(
    "SELECT id::text, username, display_name, role, person_id::text, organization FROM users WHERE username = 'staff'",
  );
  const staffCtx = staff
    ? {
        ...ctx,
        user: {
          id: staff.id!,
          username: staff.username!,
          displayName: staff.display_name!,
          role: "licensing_staff" as const,
          personId: null,
          organization: staff.organization ?? null,
        },
      }
    : ctx;
  for (const m of MODULES) {
    // One capability's demo data failing must not leave Stateline without the others': say so and go on.
    if (m.seed)
      await m
        .seed(staffCtx)
        .catch((e: unknown) =>
          process.stderr.write(`demo data of ${m.name} not loaded: ${e instanceof Error ? e.message : String(e)}\n`),
        );
  }
  return true;
}

/**
 * Starts all background work in one place (for `serve`): the job runner
 * over every module's jobs, and the audit sealer. The sealer is the one loop that is not a job:
 * it seals new audit entries into the hash chain every 250 ms, and one job row per run would
 * add more writes than the entries it seals (see src/modules/jobs/README.md).
 */
export function startBackground(
  s: Services,
  onError: (e: unknown, job: string) => void = () => {},
): () => Promise<void> {
  const stopSealer = startAuditSealer(s.db, 250, (e) => onError(e, "audit.seal"));
  const stopJobs = startJobRunner(s, allJobs(), { intervalMs: 1000, onError });
  const stopReplayer = s.replica
    ? startSpoolReplayer(s.db, s.config.spoolDir, 1000, (e) => onError(e, "audit.spool"))
    : () => {};
  return async () => {
    await stopJobs();
    stopReplayer();
    stopSealer();
    await sealAudit(s.db).catch(() => {});
  };
}

export async function startServer(
  s: Services,
  opts: { logger?: boolean } = {},
): Promise<{ app: FastifyInstance; url: string; stop: () => Promise<void> }> {
  const app = await buildServer(s, opts);
  const stopBackground = startBackground(s, (e, job) => app.log.error({ err: e, job }, "background job"));
  app.addHook("onClose", stopBackground);
  await app.listen({ port: s.config.port, host: s.config.host });
  const addr = app.server.address();
  const port = typeof addr === "object" && addr ? addr.port : s.config.port;
  return {
    app,
    url: `http://${s.config.host}:${port}`,
    stop: async () => {
      await app.close();
    },
  };
}
