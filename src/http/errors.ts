/**
 * HTTP's view of Stateline's errors: one table from error code to status, and
 * RFC 9457 problem details. Modules throw `AppError` from `src/lib/errors.ts`;
 * only `src/http/` and `src/web/` know about statuses.
 */
import { AppError, type ErrorCode } from "../lib/errors.ts";
import { isDatabaseUnavailable } from "../db/client.ts";

export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported_media_type: 415,
  idempotency_mismatch: 422,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export const statusOf = (e: AppError): number => ERROR_STATUS[e.code];

/** RFC 9457 problem details. */
export function problem(e: AppError, requestId: string, instance: string) {
  return {
    type: `https://stateline.example/problems/${e.code}`,
    title: e.code.replace(/_/g, " "),
    status: statusOf(e),
    detail: e.message,
    instance,
    requestId,
    ...(e.fields.length ? { errors: e.fields } : {}),
  };
}

/** Seconds a client is asked to wait when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The answer when the database (the primary) cannot be reached: 503 with Retry-After. Every write is
 * one transaction, so a request that meets a lost connection has saved nothing; the client retries
 * with the same Idempotency-Key and the write is stored once.
 */
export const databaseUnavailable = (): AppError =>
  new AppError(
    "unavailable",
    `delayed: the state system is unavailable, retry after ${DATABASE_RETRY_AFTER_SECONDS} seconds; nothing was saved`,
    { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
  );

/** Errors that mean the database cannot be reached now, including the pool's connect timeout (no code). */
export function isUnreachable(e: unknown): boolean {
  if (isDatabaseUnavailable(e)) return true;
  return e instanceof Error && /^timeout exceeded when trying to connect/.test(e.message);
}

/** Stateline's own errors as they are; a lost database connection as `databaseUnavailable()`; anything else undefined. */
export function knownError(e: unknown): AppError | undefined {
  if (e instanceof AppError) return e;
  if (isUnreachable(e)) return databaseUnavailable();
  return undefined;
}
