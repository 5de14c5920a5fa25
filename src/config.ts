/**
 * Configuration, parsed once at start-up from the environment. Nothing else
 * reads process.env.
 */
import { isPlainDate, type PlainDate } from "./law/core/dates.ts";

export interface Config {
  /** PostgreSQL server URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  /** Pin "today" (YYYY-MM-DD) for demos and tests; otherwise the calendar date in America/New_York. */
  today: PlainDate | undefined;
  sessionIdleMinutes: number;
  maxFailedLogins: number;
  logLevel: string;
  /** Cost parameter for scrypt password hashes (log2 N). */
  passwordCost: number;
  /** Structured JSON request logs on stdout (personal data redacted). STATELINE_LOG=0 turns them off. */
  requestLogs: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got ${env.PORT}`);
  if (env.STATELINE_TODAY !== undefined && !isPlainDate(env.STATELINE_TODAY)) throw new ConfigError(`STATELINE_TODAY must be YYYY-MM-DD, got ${env.STATELINE_TODAY}`);
  const cost = Number(env.STATELINE_PASSWORD_COST ?? 15);
  if (!Number.isInteger(cost) || cost < 10 || cost > 20) throw new ConfigError("STATELINE_PASSWORD_COST must be an integer from 10 to 20");
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || "./data/pglite",
    port,
    host: env.HOST || "127.0.0.1",
    today: env.STATELINE_TODAY as PlainDate | undefined,
    sessionIdleMinutes: 30,
    maxFailedLogins: 5,
    logLevel: env.LOG_LEVEL || "info",
    passwordCost: cost,
    requestLogs: env.STATELINE_LOG !== "0",
  };
}
