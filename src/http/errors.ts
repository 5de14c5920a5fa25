/**
 * HTTP's view of Stateline's errors: one table from error code to status, and
 * RFC 9457 problem details. Modules throw `AppError` from `src/lib/errors.ts`;
 * only `src/http/` and `src/web/` know about statuses.
 */
import type { AppError, ErrorCode } from "../lib/errors.ts";

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
