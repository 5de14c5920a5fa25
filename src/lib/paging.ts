/**
 * Paging and list filters shared by every list (the licensing queue, prohibiting events, the
 * outbox, sales, leads, the audit trail, the rules). A list's query string is parsed with one zod
 * schema built from `listQuery({...filters})`: an empty field is "not given", a bad value is a 400
 * naming the field (never a 500), and the page becomes LIMIT/OFFSET for the module's queries.ts.
 * A purpose never travels in a query string (src/lib/purpose.ts); `listQuery` refuses one.
 */
import { z } from "zod";
import { isPlainDate, type PlainDate } from "../law/core/dates.ts";

/** The most pages any list offers (page × size stays far from integer limits). */
export const MAX_PAGE = 100_000;

/** Treats "" (an empty field of a GET form) as absent and takes the first of a repeated parameter. */
export function blank<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => {
    const first = Array.isArray(v) ? v[0] : v;
    return typeof first === "string" && first.trim() === ""
      ? undefined
      : typeof first === "string"
        ? first.trim()
        : first;
  }, schema.optional());
}

/** A page number: 1 when absent. */
export const PageNumber = z.preprocess(
  (v) => {
    const first = Array.isArray(v) ? v[0] : v;
    return first === undefined || first === "" ? 1 : first;
  },
  z.coerce
    .number({ message: "must be a page number" })
    .int("must be a whole page number")
    .min(1, "must be 1 or more")
    .max(MAX_PAGE, `must be at most ${MAX_PAGE}`),
);

/** A calendar date filter written YYYY-MM-DD. */
export const DateFilter = blank(
  z
    .string()
    .refine((s) => isPlainDate(s) && s >= "1800-01-01" && s <= "2199-12-31", "must be a real date written YYYY-MM-DD")
    .transform((s) => s as PlainDate),
);

/** A free-text filter of at most `max` characters. */
export const TextFilter = (max = 100) => blank(z.string().max(max, `must be at most ${max} characters`));

/** One of a fixed list of values (a select's options). */
export const EnumFilter = <const T extends readonly [string, ...string[]]>(values: T) =>
  blank(z.enum(values, { message: `must be one of: ${values.join(", ")}` }));

const NoPurpose = z
  .never({
    message: "a purpose is never put in the page's address; it is asked in a form and sent in the request body",
  })
  .optional();

/**
 * A list's query: its filters, the page, and the refusal of a purpose in the URL. Unknown
 * parameters (a notice such as ?done=issued) are ignored.
 */
export function listQuery<S extends z.ZodRawShape>(filters: S) {
  return z.object({ ...filters, page: PageNumber, purpose: NoPurpose });
}

/** LIMIT and OFFSET for a page of `size` rows. */
export function pageWindow(page: number, size: number): { limit: number; offset: number } {
  return { limit: size, offset: (page - 1) * size };
}

/** How many pages `total` rows make (at least 1). */
export const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(Number(total) / size));

/** Cross-field check: `from` on or before `to` (both optional). */
export function checkRange(
  v: { from?: string | undefined; to?: string | undefined },
  ctx: z.RefinementCtx,
  fields: [string, string] = ["from", "to"],
): void {
  if (v.from && v.to && v.from > v.to)
    ctx.addIssue({ code: "custom", path: [fields[0]], message: `must be on or before the ${fields[1]} date` });
}
