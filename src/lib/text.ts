/**
 * The one input rule for every entry point (API bodies, path parameters and
 * query strings, web forms, the CLI): text PostgreSQL cannot store is refused
 * with a 400 naming the field, and every other string is normalised the same way:
 *
 * - trimmed of surrounding white space,
 * - line endings made LF (CRLF and lone CR become LF),
 * - Unicode NFC (a name typed with a combining accent equals the precomposed one).
 *
 * Secrets (passwords, tokens, keys) are checked but never changed: a password is
 * compared byte for byte with what was set.
 */
import { AppError } from "./errors.ts";

/** A string PostgreSQL text cannot store: one holding NUL, or not well-formed Unicode (a lone surrogate). */
export function isUnstorable(s: string): boolean {
  return s.includes("\u0000") || !s.isWellFormed();
}

export const UNSTORABLE_MESSAGE =
  "must be well-formed Unicode text without the NUL character (U+0000) or a lone surrogate";

/** Field names whose values are passed through unchanged (only checked). */
const SECRET_FIELD = /(password|secret|token|csrf|apikey|api_key|idempotency)/i;

/** Trim, CRLF/CR → LF, NFC. */
export function normalizeText(s: string): string {
  return s.replace(/\r\n?/g, "\n").normalize("NFC").trim();
}

/** The path of the first string or key that PostgreSQL cannot store, or undefined. */
export function findUnstorable(v: unknown, path: string, depth = 0): string | undefined {
  if (typeof v === "string") return isUnstorable(v) ? path : undefined;
  if (depth > 64 || v === null || typeof v !== "object") return undefined;
  // Only parsed input is walked (plain objects and arrays), not uploaded files or streams.
  if (!isParsed(v)) return undefined;
  for (const [k, x] of Object.entries(v)) {
    const p = path ? `${path}.${k}` : k;
    if (isUnstorable(k)) return p;
    const hit = findUnstorable(x, p, depth + 1);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** The 400 for text that cannot be stored, naming the field. */
export function unstorableError(field: string): AppError {
  const f = field || "body";
  return new AppError("validation", `${f}: ${UNSTORABLE_MESSAGE}`, {
    fields: [{ field: f, message: UNSTORABLE_MESSAGE }],
  });
}

/**
 * Parsed input: arrays and plain objects, including the null-prototype objects
 * of the query-string parser (whose prototype's prototype is null); not Buffers,
 * streams or other class instances (uploaded files).
 */
function isParsed(v: object): boolean {
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

function normalizeDeep(v: unknown, key: string, depth: number): unknown {
  if (typeof v === "string") return SECRET_FIELD.test(key) ? v : normalizeText(v);
  if (depth > 64 || v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => normalizeDeep(x, key, depth + 1));
  // Only plain objects (parsed JSON, form fields, query strings) are rebuilt.
  if (!isParsed(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = normalizeDeep(x, k, depth + 1);
  return out;
}

/**
 * The input rule: throws a 400 naming the first field PostgreSQL cannot store
 * (`where` prefixes the path: "query", "params", "" for a body), otherwise
 * returns the value with every string normalised.
 */
export function cleanInput<T>(value: T, where: string): T {
  const at = findUnstorable(value, where);
  if (at !== undefined) throw unstorableError(at);
  // A body that is one string is an opaque payload (a signed request): checked, never changed.
  if (typeof value === "string") return value;
  return normalizeDeep(value, "", 0) as T;
}

/** The rule for one string (CLI arguments, single form fields). */
export function cleanText(value: string, field: string): string {
  if (isUnstorable(value)) throw unstorableError(field);
  return SECRET_FIELD.test(field) ? value : normalizeText(value);
}
