/**
 * Configuration, parsed once at start-up from the environment. Nothing else
 * reads process.env.
 */
import { randomBytes } from "node:crypto";
import { isPlainDate, type PlainDate } from "./law/core/dates.ts";

export interface Config {
  /** PostgreSQL server URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  /**
   * A streaming replica of that server (DATABASE_REPLICA_URL): the sellers' credential verification reads
   * go there, their audit entries to the primary (spooled in `spoolDir` while the primary is unreachable).
   * Needs DATABASE_URL; with PGlite every read goes to the one database. See src/db/replica.ts.
   */
  databaseReplicaUrl: string | undefined;
  /** Where audit entries of replica reads wait while the primary is unreachable (STATELINE_SPOOL_DIR, default ./data/spool). */
  spoolDir: string;
  /**
   * Server processes (STATELINE_WORKERS, default 1): `stateline serve` forks this many, sharing one
   * port, so the server's own work can use more than one core. PostgreSQL server only (PGlite lives
   * in one process). Each process keeps its own spool folder, `spoolDir/worker-N`.
   */
  workers: number;
  dataDir: string;
  port: number;
  host: string;
  /** Pin "today" (YYYY-MM-DD) for demos and tests; otherwise the calendar date in America/New_York. */
  today: PlainDate | undefined;
  /** "development" (the default for `npm start`) or "production" (STATELINE_ENV=production or NODE_ENV=production). */
  environment: "development" | "production";
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in however active it is (STATELINE_SESSION_HOURS, default 12). */
  sessionAbsoluteMinutes: number;
  /** The session cookie carries `Secure` (STATELINE_SECURE_COOKIES=1/0; on by default outside development). */
  secureCookies: boolean;
  /**
   * Sign-in throttling instead of an indefinite lock: after `failuresBeforeLock` failures in a row for a
   * name (known or not) the name is refused for `lockMinutes`, doubling with each further lock up to
   * `maxLockMinutes`; the same for a client address after `addressFailuresBeforeLock` failures.
   */
  loginThrottle: {
    failuresBeforeLock: number;
    addressFailuresBeforeLock: number;
    lockMinutes: number;
    maxLockMinutes: number;
  };
  /** Kept for compatibility: the number of failures before a name is throttled. */
  maxFailedLogins: number;
  /**
   * Rate limits on the look-ups that could be used to probe confidential records (credential
   * verification, ammunition checks): per API key or user, per seller, per client address, each per
   * minute. `enabled` may be switched off for load benchmarks (STATELINE_RATE_LIMITS=0).
   */
  rateLimit: {
    enabled: boolean;
    perKeyPerMinute: number;
    perSellerPerMinute: number;
    perAddressPerMinute: number;
    failedChecksAlert: number;
  };
  /** Webhooks: plain http and loopback addresses are refused unless this is on (tests only: STATELINE_WEBHOOK_ALLOW_LOOPBACK=1). */
  webhookAllowLoopback: boolean;
  /** 32-byte key encrypting secrets at rest (webhook secrets): STATELINE_SECRET_KEY, 64 hex digits or base64. */
  secretKey: Buffer;
  /** True when no key was given and one was generated for this run (development only). */
  secretKeyGenerated: boolean;
  logLevel: string;
  /** Cost parameter for scrypt password hashes (log2 N). */
  passwordCost: number;
  /** Structured JSON request logs on stdout (personal data redacted). STATELINE_LOG=0 turns them off. */
  requestLogs: boolean;
  /**
   * Notices: the SMTP server mail goes through (SMTP_URL, e.g. smtp://user:pass@mail.example:587);
   * when absent in development, an in-process SMTP catcher receives it (see src/adapters/mail).
   * MAIL_FROM is the sender; REPORTS_TO the address receiving sale reports to the state, and
   * POLICE_REPORTS_DOMAIN the domain of the local police departments' report addresses.
   */
  mail: { smtpUrl: string | undefined; from: string; stateReportsTo: string; policeReportsDomain: string };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, got ${env.PORT}`);
  if (env.STATELINE_TODAY !== undefined && !isPlainDate(env.STATELINE_TODAY))
    throw new ConfigError(`STATELINE_TODAY must be YYYY-MM-DD, got ${env.STATELINE_TODAY}`);
  const cost = Number(env.STATELINE_PASSWORD_COST ?? 15);
  if (!Number.isInteger(cost) || cost < 10 || cost > 20)
    throw new ConfigError("STATELINE_PASSWORD_COST must be an integer from 10 to 20");
  const environment =
    env.STATELINE_ENV === "production" || (env.STATELINE_ENV === undefined && env.NODE_ENV === "production")
      ? "production"
      : "development";
  if (env.STATELINE_ENV !== undefined && !["production", "development"].includes(env.STATELINE_ENV))
    throw new ConfigError("STATELINE_ENV must be production or development");
  const flag = (name: string, dflt: boolean) => {
    const v = env[name];
    if (v === undefined || v === "") return dflt;
    if (!["0", "1", "true", "false"].includes(v)) throw new ConfigError(`${name} must be 1 or 0`);
    return v === "1" || v === "true";
  };
  const int = (name: string, dflt: number, min: number, max: number) => {
    const n = Number(env[name] ?? dflt);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new ConfigError(`${name} must be an integer from ${min} to ${max}`);
    return n;
  };
  let secretKey: Buffer;
  let secretKeyGenerated = false;
  if (env.STATELINE_SECRET_KEY) {
    const v = env.STATELINE_SECRET_KEY.trim();
    secretKey = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, "hex") : Buffer.from(v, "base64");
    if (secretKey.length !== 32)
      throw new ConfigError(
        "STATELINE_SECRET_KEY must be 32 bytes: 64 hex digits or 44 base64 characters (openssl rand -hex 32)",
      );
  } else if (environment === "production") {
    throw new ConfigError("STATELINE_SECRET_KEY is required in production (32 bytes: openssl rand -hex 32)");
  } else {
    secretKey = randomBytes(32);
    secretKeyGenerated = true;
  }
  if (Number(env.STATELINE_WORKERS ?? 1) > 1 && !env.DATABASE_URL)
    throw new ConfigError("STATELINE_WORKERS above 1 needs DATABASE_URL (the embedded database lives in one process)");
  if (env.DATABASE_REPLICA_URL && !env.DATABASE_URL)
    throw new ConfigError("DATABASE_REPLICA_URL needs DATABASE_URL (the PostgreSQL primary it replicates)");
  const failures = int("STATELINE_LOGIN_FAILURES", 5, 3, 100);
  return {
    environment,
    sessionAbsoluteMinutes: int("STATELINE_SESSION_HOURS", 12, 1, 24) * 60,
    secureCookies: flag("STATELINE_SECURE_COOKIES", environment !== "development"),
    loginThrottle: {
      failuresBeforeLock: failures,
      addressFailuresBeforeLock: int("STATELINE_LOGIN_ADDRESS_FAILURES", 20, 5, 1000),
      lockMinutes: int("STATELINE_LOGIN_LOCK_MINUTES", 10, 10, 1440),
      maxLockMinutes: 24 * 60,
    },
    rateLimit: {
      enabled: flag("STATELINE_RATE_LIMITS", true),
      perKeyPerMinute: int("STATELINE_RATE_PER_KEY", 30, 1, 100_000),
      perSellerPerMinute: int("STATELINE_RATE_PER_SELLER", 60, 1, 100_000),
      perAddressPerMinute: int("STATELINE_RATE_PER_ADDRESS", 120, 1, 100_000),
      failedChecksAlert: int("STATELINE_FAILED_CHECKS_ALERT", 10, 2, 10_000),
    },
    webhookAllowLoopback: flag("STATELINE_WEBHOOK_ALLOW_LOOPBACK", false),
    secretKey,
    secretKeyGenerated,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || undefined,
    spoolDir:
      (env.STATELINE_SPOOL_DIR || "./data/spool") +
      (env.STATELINE_WORKER_INDEX ? `/worker-${env.STATELINE_WORKER_INDEX}` : ""),
    workers: int("STATELINE_WORKERS", 1, 1, 64),
    dataDir: env.DATA_DIR || "./data/pglite",
    port,
    host: env.HOST || "127.0.0.1",
    today: env.STATELINE_TODAY as PlainDate | undefined,
    sessionIdleMinutes: 30,
    maxFailedLogins: failures,
    logLevel: env.LOG_LEVEL || "info",
    passwordCost: cost,
    requestLogs: env.STATELINE_LOG !== "0",
    mail: {
      smtpUrl: env.SMTP_URL || undefined,
      from: env.MAIL_FROM || "Stateline <no-reply@stateline.ct.example>",
      stateReportsTo: env.REPORTS_TO || "firearms-unit@despp.ct.example",
      policeReportsDomain: env.POLICE_REPORTS_DOMAIN || "police.ct.example",
    },
  };
}
