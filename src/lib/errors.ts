/**
 * One error class with a fixed set of codes. Errors are for bad input, refused
 * access and faults; "ineligible" is a normal result, never an error. Services
 * throw these; `src/http/errors.ts` maps each code to its HTTP status, so no
 * module needs to know about HTTP.
 */
export const ERROR_CODES = [
  "validation",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "unsupported_media_type",
  "idempotency_mismatch",
  "locked",
  "rate_limited",
  "internal",
  "unavailable",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the field, e.g. "applicant.birthDate"; "" for the body as a whole. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  readonly retryAfterSeconds: number | undefined;
  constructor(code: ErrorCode, message: string, opts: { fields?: FieldError[]; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = opts.fields ?? [];
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export const badField = (field: string, message: string) =>
  new AppError("validation", `${field}: ${message}`, { fields: [{ field, message }] });
export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (why = "your role may not do this") => new AppError("forbidden", why);
export const unauthenticated = () => new AppError("unauthenticated", "sign in or send an API key");

/**
 * A fault inside Stateline, not the caller's: for example facts gathered by a
 * service that the rulebook refuses. Answered as 500 and logged.
 */
export const fault = (message: string) => new AppError("internal", message);
