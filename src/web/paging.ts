/**
 * The web side of paging and filters (src/lib/paging.ts holds the zod pieces): parse a list's
 * query string with its schema (a bad value is a 400 page naming the field, never a 500), build
 * the address of another page with the same filters, and render the pager.
 */
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { AppError } from "../lib/errors.ts";
import { zodFields } from "../lib/validation.ts";
import { pageCount } from "../lib/paging.ts";
import { html, type Html } from "./html.ts";

/** The request's query parsed with a list schema; a bad filter is a 400 naming the field. */
export function listFilters<T>(req: FastifyRequest, schema: z.ZodType<T>): T {
  const r = schema.safeParse(req.query ?? {});
  if (r.success) return r.data;
  const fields = zodFields(r.error, "");
  throw new AppError(
    "validation",
    `This list cannot be shown with these filters: ${fields.map((f) => `${f.field}: ${f.message}`).join("; ")}`,
    { fields },
  );
}

/**
 * For a list page that shows its filter form with the errors beside the fields: the filters, or
 * the errors by field name (the page answers 400 with them).
 */
export function tryListFilters<T>(
  req: FastifyRequest,
  schema: z.ZodType<T>,
): { filters: T; errors?: undefined } | { filters?: undefined; errors: Record<string, string> } {
  const r = schema.safeParse(req.query ?? {});
  if (r.success) return { filters: r.data };
  const errors: Record<string, string> = {};
  for (const f of zodFields(r.error, ""))
    errors[f.field || ""] ??= f.message.charAt(0).toUpperCase() + f.message.slice(1);
  return { errors };
}

/** The address of a list with these filters (empty ones left out) and page. */
export function listHref(path: string, filters: Record<string, unknown>, page?: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters))
    if (v !== undefined && v !== null && v !== "" && k !== "page" && k !== "purpose") p.set(k, String(v));
  if (page && page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

/** "Page 2 of 7" with previous and next links; nothing when everything fits on one page. */
export function pager(o: {
  page: number;
  total: number;
  size: number;
  href: (page: number) => string;
  label: string;
}): Html {
  const pages = pageCount(o.total, o.size);
  if (pages <= 1 && o.page <= 1) return html``;
  return html`<nav aria-label="${o.label}" class="margin-y-2 stateline-pager">
    <p class="margin-y-1">Page ${Math.min(o.page, Math.max(pages, o.page))} of ${pages} (${o.total} in all)</p>
    ${o.page > 1 ? html`<a class="usa-button usa-button--outline" href="${o.href(Math.min(o.page - 1, pages))}" rel="prev">Previous page</a>` : ""}
    ${o.page < pages ? html`<a class="usa-button usa-button--outline" href="${o.href(o.page + 1)}" rel="next">Next page</a>` : ""}
  </nav>`;
}

/** The same pager for a list shown in answer to a posted form (the outbox): buttons that post the page. */
export function postedPager(o: { page: number; total: number; size: number; label: string }): Html {
  const pages = pageCount(o.total, o.size);
  if (pages <= 1 && o.page <= 1) return html``;
  return html`<div class="margin-y-2 stateline-pager" role="group" aria-label="${o.label}">
    <p class="margin-y-1">Page ${o.page} of ${pages} (${o.total} in all)</p>
    ${o.page > 1 ? html`<button class="usa-button usa-button--outline" type="submit" name="page" value="${Math.min(o.page - 1, pages)}">Previous page</button>` : ""}
    ${o.page < pages ? html`<button class="usa-button usa-button--outline" type="submit" name="page" value="${o.page + 1}">Next page</button>` : ""}
  </div>`;
}
