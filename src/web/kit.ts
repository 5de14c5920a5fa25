/**
 * The web kit every module's pages use: the escaping `html` tag, the page frame, and the form
 * kit (fields with error states, the error summary, findings, status tags, formatters).
 * Pages import from here only; nothing in `src/web/` knows about a capability.
 */
export * from "./html.ts";
export { page, csrfField, layout, type PageOptions } from "./layout.ts";
export * from "./form-kit.ts";
