/**
 * Shared pieces for the capability pages: sign-in guard, form parsing, USWDS
 * form fields with error states, status tags, findings and small formatters.
 * Every page reads as: authenticate, authorize, validate, act, render.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../lib/errors.ts";
import type { User } from "../modules/auth/roles.ts";
import type { Queryable } from "../db/client.ts";
import { isPlainDate, type PlainDate } from "../law/core/dates.ts";
import { citationLabel, type Citation, type Finding, type Outcome } from "../law/core/rules.ts";
import { RULES } from "../law/ct/index.ts";
import { html, raw, type Html } from "./html.ts";
import { PURPOSE_CODES, PURPOSE_LABELS, ReadPurpose } from "../lib/purpose.ts";
import { page } from "./layout.ts";
import { UUID } from "../lib/validation.ts";

export type Flash = { text: string; type?: "success" | "error" | "info" | "warning" };

// ---------------------------------------------------------------- request and response

/** Wraps a page handler: anyone not signed in is sent to the sign-in page. */
export function signedIn(h: (req: FastifyRequest, reply: FastifyReply, user: User) => Promise<unknown>) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.user) {
      // A page asked for by address returns there after signing in (only GETs: a form post can't be replayed).
      const next = req.method === "GET" ? safeNext(req.url) : undefined;
      return reply.redirect(next ? `/login?next=${encodeURIComponent(next)}` : "/login", 303);
    }
    return h(req, reply, req.user);
  };
}

/**
 * A local path to return to after signing in, or undefined: only same-site paths ("/x", never
 * "//host" or "/\\host"), never the sign-in page itself, at most 500 characters.
 */
export function safeNext(v: unknown): string | undefined {
  if (typeof v !== "string" || v.length > 500) return undefined;
  if (!v.startsWith("/") || v.startsWith("//") || v.includes("\\") || [...v].some((c) => c.charCodeAt(0) < 0x20))
    return undefined;
  if (v === "/login" || v.startsWith("/login?") || v.startsWith("/logout")) return undefined;
  return v;
}

/** Sends a full HTML page. */
export function sendPage(
  reply: FastifyReply,
  req: FastifyRequest,
  title: string,
  body: Html,
  opts: { status?: number; flash?: Flash | undefined } = {},
) {
  return reply
    .code(opts.status ?? 200)
    .type("text/html; charset=utf-8")
    .header("Cache-Control", "no-store")
    .send(page(req, title, body, opts.flash));
}

/** The posted form as single strings (the first value of a repeated field). */
export function formBody(req: FastifyRequest): Record<string, string> {
  const body = req.body;
  const out: Record<string, string> = {};
  if (!body || typeof body !== "object") return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === "string") out[k] = first;
  }
  return out;
}

/** A query parameter as a string, or "" when absent. */
export function queryParam(req: FastifyRequest, name: string): string {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? first : "";
}

export { UUID };

/**
 * A finding's reason as a page shows it. The rulebook names an event by its place in the facts it
 * was asked about (`events[0]: felony conviction ...`), which helps an API caller find the fact but
 * means nothing to a person reading a page.
 */
export const findingText = (because: string): string => because.replace(/^events\[\d+\]:\s*/, "");

/** The :id route parameter, which must be a uuid (anything else is a 404, not a database error). */
export function idParam(req: FastifyRequest, what: string): string {
  const id = (req.params as { id?: string }).id ?? "";
  if (!UUID.test(id)) throw new AppError("not_found", `${what} not found`);
  return id;
}

// ---------------------------------------------------------------- validation

/** Field name → message. "" holds a message for the form as a whole. */
export type FormErrors = Record<string, string>;

/** Errors from a service's AppError, keyed by the form's own field names. */
export function errorsFrom(e: AppError, known: readonly string[], alias: Record<string, string> = {}): FormErrors {
  const out: FormErrors = {};
  for (const f of e.fields) {
    const path = f.field.replace(/^(body|query|params)\.?/, "");
    const key =
      alias[path] ?? (known.includes(path) ? path : known.find((k) => path === k || path.startsWith(`${k}.`)));
    if (key) out[key] ??= f.message;
    else
      out[""] = out[""]
        ? `${out[""]}; ${f.field ? `${f.field}: ` : ""}${f.message}`
        : `${f.field ? `${f.field}: ` : ""}${f.message}`;
  }
  if (!Object.keys(out).length) out[""] = e.message;
  else if (!out[""] && e.code === "conflict") out[""] = e.message;
  return out;
}

/** True for errors a form shows to the person (bad input, a state that does not allow the action). */
export const isFormError = (e: unknown): e is AppError =>
  e instanceof AppError && (e.code === "validation" || e.code === "conflict");

export function checkDate(
  errors: FormErrors,
  field: string,
  value: string,
  label: string,
  opts: { required?: boolean } = {},
): PlainDate | undefined {
  if (!value) {
    if (opts.required) errors[field] = `Enter the ${label} (YYYY-MM-DD)`;
    return undefined;
  }
  if (!isPlainDate(value)) {
    errors[field] = `The ${label} must be a real date written YYYY-MM-DD`;
    return undefined;
  }
  return value;
}

// ---------------------------------------------------------------- form fields (USWDS)

interface FieldBase {
  name: string;
  label: string | Html;
  id?: string;
  error?: string | undefined;
  hint?: string | Html | undefined;
  required?: boolean;
}

function describedBy(id: string, o: FieldBase): string {
  return [o.hint ? `${id}-hint` : "", o.error ? `${id}-error` : ""].filter(Boolean).join(" ");
}

const requiredMark = (required?: boolean) =>
  required ? html` <abbr title="required" class="usa-hint usa-hint--required">*</abbr>` : "";

function group(id: string, o: FieldBase, control: Html): Html {
  return html`<div class="usa-form-group${o.error ? " usa-form-group--error" : ""}">
    <label class="usa-label${o.error ? " usa-label--error" : ""}" for="${id}">${o.label}${requiredMark(o.required)}</label>
    ${o.hint ? html`<div class="usa-hint" id="${id}-hint">${o.hint}</div>` : ""}
    ${o.error ? html`<span class="usa-error-message" id="${id}-error">${o.error}</span>` : ""}
    ${control}
  </div>`;
}

function ariaAttrs(id: string, o: FieldBase): Html {
  const d = describedBy(id, o);
  return html`${d ? html` aria-describedby="${d}"` : ""}${o.required ? raw(' aria-required="true"') : ""}${o.error ? raw(' aria-invalid="true"') : ""}`;
}

export function textField(
  o: FieldBase & {
    value?: string | undefined;
    type?: string;
    autocomplete?: string;
    inputmode?: string;
    width?: "sm" | "md" | "lg" | "xl" | "2xl";
  },
): Html {
  const id = o.id ?? o.name;
  return group(
    id,
    o,
    html`<input class="usa-input${o.width ? ` usa-input--${o.width}` : ""}${o.error ? " usa-input--error" : ""}" id="${id}" name="${o.name}" type="${o.type ?? "text"}" value="${o.value ?? ""}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ""}${o.inputmode ? html` inputmode="${o.inputmode}"` : ""}${ariaAttrs(id, o)}>`,
  );
}

/**
 * A calendar date, typed as YYYY-MM-DD. A plain text box, not the browser's date input: that one
 * shows the date in the computer's locale (mm/dd/yyyy in the US) right under a hint that says
 * YYYY-MM-DD, and clerks type what they see. The server checks the date either way.
 */
export function dateField(o: FieldBase & { value?: string | undefined }): Html {
  return textField({
    ...o,
    type: "text",
    width: "md",
    autocomplete: "off",
    hint: o.hint ?? "Written YYYY-MM-DD, for example 2026-01-31",
  });
}

export function textareaField(o: FieldBase & { value?: string | undefined; rows?: number; className?: string }): Html {
  const id = o.id ?? o.name;
  return group(
    id,
    o,
    html`<textarea class="usa-textarea${o.className ? ` ${o.className}` : ""}${o.error ? " usa-input--error" : ""}" id="${id}" name="${o.name}" rows="${o.rows ?? 4}"${ariaAttrs(id, o)}>${o.value ?? ""}</textarea>`,
  );
}

export function selectField(
  o: FieldBase & { value?: string | undefined; options: readonly { value: string; label: string }[]; empty?: string },
): Html {
  const id = o.id ?? o.name;
  return group(
    id,
    o,
    html`<select class="usa-select${o.error ? " usa-input--error" : ""}" id="${id}" name="${o.name}"${ariaAttrs(id, o)}>
    ${o.empty !== undefined ? html`<option value="">${o.empty}</option>` : ""}
    ${o.options.map((op) => html`<option value="${op.value}"${op.value === o.value ? raw(" selected") : ""}>${op.label}</option>`)}
  </select>`,
  );
}

/** A radio group in a fieldset with a legend. */
export function radioGroup(
  o: FieldBase & {
    value?: string | undefined;
    options: readonly { value: string; label: string | Html; description?: string | Html }[];
    tile?: boolean;
  },
): Html {
  const id = o.id ?? o.name;
  const d = describedBy(id, o);
  return html`<div class="usa-form-group${o.error ? " usa-form-group--error" : ""}">
    <fieldset class="usa-fieldset"${d ? html` aria-describedby="${d}"` : ""}>
      <legend class="usa-legend${o.error ? " usa-label--error" : ""}">${o.label}${requiredMark(o.required)}</legend>
      ${o.hint ? html`<div class="usa-hint" id="${id}-hint">${o.hint}</div>` : ""}
      ${o.error ? html`<span class="usa-error-message" id="${id}-error">${o.error}</span>` : ""}
      ${o.options.map(
        (op, i) => html`<div class="usa-radio">
        <input class="usa-radio__input${o.tile ? " usa-radio__input--tile" : ""}" id="${id}-${i}" type="radio" name="${o.name}" value="${op.value}"${op.value === o.value ? raw(" checked") : ""}>
        <label class="usa-radio__label" for="${id}-${i}">${op.label}${op.description ? html`<span class="usa-checkbox__label-description">${op.description}</span>` : ""}</label>
      </div>`,
      )}
    </fieldset>
  </div>`;
}

/** Yes / No / Not known, for optional facts. */
export function yesNoUnknown(o: FieldBase & { value?: string | undefined }): Html {
  return radioGroup({
    ...o,
    options: [
      { value: "yes", label: "Yes" },
      { value: "no", label: "No" },
      { value: "", label: "Not known" },
    ],
    value: o.value ?? "",
  });
}

export function checkboxField(o: FieldBase & { checked?: boolean; value?: string; description?: string | Html }): Html {
  const id = o.id ?? o.name;
  const d = describedBy(id, o);
  return html`<div class="usa-form-group${o.error ? " usa-form-group--error" : ""}">
    ${o.hint ? html`<div class="usa-hint" id="${id}-hint">${o.hint}</div>` : ""}
    ${o.error ? html`<span class="usa-error-message" id="${id}-error">${o.error}</span>` : ""}
    <div class="usa-checkbox">
      <input class="usa-checkbox__input" id="${id}" type="checkbox" name="${o.name}" value="${o.value ?? "yes"}"${o.checked ? raw(" checked") : ""}${d ? html` aria-describedby="${d}"` : ""}${o.error ? raw(' aria-invalid="true"') : ""}>
      <label class="usa-checkbox__label" for="${id}">${o.label}${requiredMark(o.required)}${o.description ? html`<span class="usa-checkbox__label-description">${o.description}</span>` : ""}</label>
    </div>
  </div>`;
}

/** The alert at the top of a form listing each problem, linked to its field. */
/** "applicant.birthDate" → "Applicant birth date": no internal path reaches a person. */
export function humanField(f: string): string {
  const words = f
    .replace(/\[(\d+)\]|\.(\d+)(?=\.|$)/g, " $1$2")
    .split(/[.\s]+/)
    .filter(Boolean)
    .map((w) =>
      /^\d+$/.test(w)
        ? `#${Number(w) + 1}`
        : w
            .replace(/([a-z])([A-Z])/g, "$1 $2")
            .replace(/-/g, " ")
            .toLowerCase(),
    );
  const s = words.join(" ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function errorSummary(
  errors: FormErrors,
  labels: Record<string, string> = {},
  anchors: Record<string, string> = {},
): Html {
  const entries = Object.entries(errors);
  if (!entries.length) return html``;
  return html`<div data-error-summary id="error-summary" tabindex="-1" class="usa-alert usa-alert--error stateline-error-summary" role="alert"><div class="usa-alert__body">
    <h2 class="usa-alert__heading">Please check your entry</h2>
    <ul class="usa-list">${entries.map(([f, m]) => html`<li>${f ? html`<a href="#${anchors[f] ?? f}">${labels[f] ?? humanField(f)}</a>: ` : ""}${m}</li>`)}</ul>
  </div></div><!--/error-summary-->`;
}

export const requiredNote = html`<p class="usa-hint">Fields marked with an asterisk (<abbr title="required" class="usa-hint usa-hint--required">*</abbr>) are required.</p>`;

// ---------------------------------------------------------------- display

const STATUS_LABELS: Record<string, string> = {
  submitted: "Submitted",
  approvable: "Approvable",
  "needs-review": "Needs review",
  ineligible: "Ineligible",
  issued: "Issued",
  denied: "Denied",
  withdrawn: "Withdrawn",
  active: "Active",
  revoked: "Revoked",
  expired: "Expired",
  superseded: "Superseded",
  met: "Met",
  "not-met": "Not met",
  unknown: "Unknown",
  "not-applicable": "Not applicable",
};
const STATUS_TONE: Record<string, "good" | "bad" | "warn" | "neutral" | "info"> = {
  submitted: "info",
  approvable: "good",
  "needs-review": "warn",
  ineligible: "bad",
  issued: "good",
  denied: "bad",
  withdrawn: "neutral",
  active: "good",
  revoked: "bad",
  expired: "neutral",
  superseded: "neutral",
  met: "good",
  "not-met": "bad",
  unknown: "warn",
  "not-applicable": "neutral",
};

export const statusLabel = (s: string) => STATUS_LABELS[s] ?? s;

export function statusTag(s: string): Html {
  return html`<span class="usa-tag stateline-tag stateline-tag--${STATUS_TONE[s] ?? "neutral"}">${statusLabel(s)}</span>`;
}

const ELIGIBILITY_TEXT: Record<Outcome, string> = {
  yes: "every requirement is met",
  no: "at least one requirement is not met",
  unknown: "some facts are missing, so a person must review",
};

/** The outcome as a tag; `eligibility` adds the wording for a yes/no on requirements (credentials). */
export function outcomeTag(o: Outcome, opts: { eligibility?: boolean } = {}): Html {
  const tone = o === "yes" ? "good" : o === "no" ? "bad" : "warn";
  const text = opts.eligibility
    ? ELIGIBILITY_TEXT[o]
    : o === "unknown"
      ? "not known yet: some facts are missing or conflict"
      : "";
  return html`<span class="usa-tag stateline-tag stateline-tag--${tone}">${o === "yes" ? "Yes" : o === "no" ? "No" : "Unknown"}</span>${text ? html` ${text[0]!.toUpperCase()}${text.slice(1)}` : ""}`;
}

const RULE_TITLES = new Map(RULES.map((r) => [r.id, r.title]));
export const ruleTitle = (id: string) => RULE_TITLES.get(id) ?? id;

export function citationText(c: Citation): Html {
  return html`<cite>${citationLabel(c)}</cite>${c.text ? html`: <q>${c.text}</q>` : ""}`;
}

/** Every finding with its status, plain-language reason, citation, missing facts and remedy. */
export function findingsList(findings: readonly Finding[], headingLevel: 3 | 4 = 3): Html {
  const h = (s: string) =>
    headingLevel === 3
      ? html`<h3 class="margin-y-05 font-sans-sm">${s}</h3>`
      : html`<h4 class="margin-y-05 font-sans-sm">${s}</h4>`;
  return html`<ul class="usa-list usa-list--unstyled stateline-findings">
    ${findings.map(
      (f) => html`<li class="stateline-finding stateline-finding--${f.status}">
      ${statusTag(f.status)} ${h(ruleTitle(f.id))}
      <p class="margin-y-05">${f.because}</p>
      <p class="margin-y-05 font-sans-2xs">Citation: <cite>${citationLabel(f.source)}</cite></p>
      ${f.missing?.length ? html`<p class="margin-y-05 font-sans-2xs">Missing facts: ${f.missing.map((m, i) => html`${i ? ", " : ""}<code>${m}</code>`)}</p>` : ""}
      ${f.remedy ? html`<p class="margin-y-05 font-sans-2xs">What would change this: ${f.remedy}</p>` : ""}
    </li>`,
    )}
  </ul>`;
}

export const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;

const CT_TIME = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/New_York",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
});

/**
 * A timestamp shown as a Connecticut date and time, the date written YYYY-MM-DD like every other
 * date on the pages: "2026-12-07 1:31 PM".
 */
export function when(iso: string | Date | null | undefined): string {
  if (!iso) return "";
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = Object.fromEntries(CT_TIME.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}\u00a0${p.dayPeriod}`;
}

/** A summary list (definition list) of label/value rows. */
export function summaryList(rows: readonly (readonly [string, Html | string | number | null | undefined])[]): Html {
  return html`<dl class="stateline-dl">${rows.filter(([, v]) => v !== null && v !== undefined && v !== "").map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

/** The CT towns for a select (reference data loaded at start-up). */
export async function townOptions(q: Queryable): Promise<{ value: string; label: string }[]> {
  const rows = await q.query<{ name: string }>("SELECT name FROM towns ORDER BY name");
  return rows.map((r) => ({ value: r.name, label: r.name }));
}

/** A finding's title: its rule's title, or the nearest enclosing rule's. */
export function findingTitle(id: string): string {
  if (id === "ammunition.record-match") return "The credential matches the state's record";
  if (/\.buyer-may-possess$/.test(id) && ruleTitle("sales.buyer-may-possess") !== "sales.buyer-may-possess")
    return ruleTitle("sales.buyer-may-possess");
  for (let parts = id.split("."); parts.length > 1; parts = parts.slice(0, -1)) {
    const key = parts.join(".");
    if (ruleTitle(key) !== key) return ruleTitle(key);
  }
  return id;
}

// ---------------------------------------------------------------- read purposes (src/lib/purpose.ts)

/** The two fields every confidential read asks for: a purpose code and a sentence. Posted, never in the URL. */
export function purposeFields(
  errors: FormErrors,
  values: { purposeCode?: string | undefined; purposeText?: string | undefined } = {},
): Html {
  return html`<fieldset class="usa-fieldset"><legend class="usa-legend">Why you need these records (recorded in the audit trail)</legend>
    ${selectField({ name: "purposeCode", label: "Purpose", value: values.purposeCode, empty: "- Select -", required: true, error: errors.purposeCode, options: PURPOSE_CODES.map((c) => ({ value: c, label: PURPOSE_LABELS[c] })) })}
    ${textField({ name: "purposeText", label: "In your words (at least 10 characters)", value: values.purposeText, required: true, error: errors.purposeText, width: "2xl" })}
  </fieldset>`;
}

/** Reads the purpose fields of a posted form. */
export function purposeFromForm(b: Record<string, string>): { purpose?: ReadPurpose; errors: FormErrors } {
  const r = ReadPurpose.safeParse({ code: b.purposeCode ?? "", text: b.purposeText ?? "" });
  if (r.success) return { purpose: r.data, errors: {} };
  const errors: FormErrors = {};
  for (const i of r.error.issues)
    errors[i.path[0] === "code" ? "purposeCode" : "purposeText"] ??=
      i.path[0] === "code" ? "Choose a purpose" : i.message;
  return { errors };
}
