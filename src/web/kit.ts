/**
 * The web kit every module's pages use: the escaping `html` tag, the page frame, and the form
 * kit (fields with error states, the error summary, findings, status tags, formatters).
 * Pages import from here only; nothing in `src/web/` knows about a capability.
 */
export * from "./html.ts";
export { page, csrfField, layout, type PageOptions } from "./layout.ts";
export * from "./form-kit.ts";
export * from "./paging.ts";
import type { FastifyReply as _Reply, FastifyRequest as _Request } from "fastify";
import { createHash as _hash } from "node:crypto";
import type { ReadPurpose as _ReadPurpose } from "../lib/purpose.ts";
import {
  errorSummary as _errorSummary,
  purposeFields as _purposeFields,
  purposeFromForm as _purposeFromForm,
  sendPage as _sendPage,
  formBody as _formBody,
  type FormErrors as _FormErrors,
} from "./form-kit.ts";
import { csrfField as _csrfField } from "./layout.ts";
import { html as _html, type Html as _Html } from "./html.ts";

// ---------------------------------------------------------------- the purpose of a read, asked once per record

/**
 * Pages that show personal data ask for the purpose of the read (a code and at least 10
 * characters) in a posted form, never in the URL, and audit it (issue 8, finding 5). The purpose
 * is remembered for that record for the rest of the browser session (at most 30 minutes), so the
 * page can be reloaded or acted on without asking again; each view is still audited with it.
 */
const remembered = new Map<string, { purpose: _ReadPurpose; until: number }>();
const REMEMBER_MS = 30 * 60_000;
const slot = (req: _Request, what: string) =>
  req.sessionToken ? `${_hash("sha256").update(req.sessionToken).digest("hex")}:${what}` : undefined;

export function recallPurpose(req: _Request, what: string, nowMs = Date.now()): _ReadPurpose | undefined {
  const k = slot(req, what);
  const hit = k ? remembered.get(k) : undefined;
  if (!hit || hit.until < nowMs) return undefined;
  return hit.purpose;
}

export function rememberPurpose(req: _Request, what: string, purpose: _ReadPurpose, nowMs = Date.now()): void {
  const k = slot(req, what);
  if (!k) return;
  if (remembered.size > 50_000) remembered.clear();
  remembered.set(k, { purpose, until: nowMs + REMEMBER_MS });
}

/**
 * The posted purpose for `what`: remembered and returned when valid; otherwise undefined and
 * the errors to show. For the POST handler of a purpose gate.
 */
export function postedPurpose(req: _Request, what: string): { purpose?: _ReadPurpose; errors: _FormErrors } {
  const r = _purposeFromForm(_formBody(req));
  if (r.purpose) rememberPurpose(req, what, r.purpose);
  return r;
}

/** The page that asks why before showing a record; it posts to `action` (the record's own path). */
export function sendPurposeGate(
  reply: _Reply,
  req: _Request,
  o: { title: string; action: string; intro: _Html | string; errors?: _FormErrors; values?: Record<string, string> },
) {
  const errors = o.errors ?? {};
  return _sendPage(
    reply,
    req,
    o.title,
    _html`${_errorSummary(errors, { purposeCode: "Purpose", purposeText: "In your words" })}<h1>${o.title}</h1>
    <p class="usa-intro">${o.intro}</p>
    <form class="usa-form usa-form--large" method="post" action="${o.action}">
      ${_csrfField(req)}
      ${_purposeFields(errors, o.values ?? {})}
      <button class="usa-button" type="submit">Show the record</button>
    </form>
    <p class="usa-hint">The purpose is recorded in the audit trail with every view of this record, and is never put in the page's address.</p>`,
    { status: Object.keys(errors).length ? 400 : 200 },
  );
}
