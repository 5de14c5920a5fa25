/** Wiring: open the database, migrate, (optionally) seed, build the server. Used by the CLI and tests. */
import type { Config } from "./config.ts";
import type { Services } from "./context.ts";
import { systemCtx } from "./context.ts";
import { openDb, type Db } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import { ensureTowns } from "./db/reference-data.ts";
import { isSeeded, seed } from "./db/seed.ts";
import { simulatedAdapters, type Adapters } from "./adapters/index.ts";
import { systemClock, type Clock } from "./lib/clock.ts";
import { buildServer } from "./http/server.ts";
import type { FastifyInstance } from "fastify";
import { sealAudit, startAuditSealer } from "./modules/audit/service.ts";
import { startSalesWorkers } from "./modules/sales/index.ts";

export async function openServices(config: Config, opts: { clock?: Clock; adapters?: Adapters; db?: Db } = {}): Promise<Services> {
  const db = opts.db ?? (await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrate(db);
  await ensureTowns(db);
  return { db, config, clock: opts.clock ?? systemClock(config.today), adapters: opts.adapters ?? simulatedAdapters() };
}

export async function seedIfEmpty(s: Services, onProgress?: (d: number, t: number, l: string) => void): Promise<boolean> {
  const ctx = systemCtx(s);
  if (await isSeeded(ctx)) return false;
  await seed(ctx, onProgress ? { onProgress } : {});
  return true;
}

export async function startServer(s: Services, opts: { logger?: boolean } = {}): Promise<{ app: FastifyInstance; url: string; stop: () => Promise<void> }> {
  const app = await buildServer(s, opts);
  const stopSealer = startAuditSealer(s.db, 250, (e) => app.log.error({ err: e }, "audit sealer"));
  const stopSales = startSalesWorkers(s, { onError: (e, job) => app.log.error({ err: e, job }, "sales worker") });
  app.addHook("onClose", async () => { stopSales(); stopSealer(); await sealAudit(s.db).catch(() => {}); });
  await app.listen({ port: s.config.port, host: s.config.host });
  const addr = app.server.address();
  const port = typeof addr === "object" && addr ? addr.port : s.config.port;
  return { app, url: `http://${s.config.host}:${port}`, stop: async () => { await app.close(); } };
}
