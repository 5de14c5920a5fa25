/**
 * One error class with a fixed set of codes and one table mapping them to HTTP
 * status. Errors are for bad input, refused access and faults; "ineligible" is
 * a normal result, never an error.
 */
export const ERROR_STATUS = {
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
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

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
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const badField = (field: string, message: string) => new AppError("validation", `${field}: ${message}`, { fields: [{ field, message }] });
export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (why = "your role may not do this") => new AppError("forbidden", why);
export const unauthenticated = () => new AppError("unauthenticated", "sign in or send an API key");

/** RFC 9457 problem details. */
export function problem(e: AppError, requestId: string, instance: string) {
  return {
    type: `https://stateline.example/problems/${e.code}`,
    title: e.code.replace(/_/g, " "),
    status: e.status,
    detail: e.message,
    instance,
    requestId,
    ...(e.fields.length ? { errors: e.fields } : {}),
  };
}
