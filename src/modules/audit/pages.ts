/**
 * * The audit trail for auditors and administrators: entries newest first, filtered by who
 * (username), action (or the start of one, "sale."), record kind and id, outcome and a date
 * range (Connecticut days), paged by entry number (?before=seq); the same filters export as
 * CSV (/audit/export.csv), and the export is itself written to the trail. A check of the hash
 * chain.
 */
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { z } from "zod";
import { type Ctx } from "../../context.ts";
import { badField, forbidden } from "../../lib/errors.ts";
import { DateFilter, EnumFilter, TextFilter, blank, checkRange, listQuery } from "../../lib/paging.ts";
import { type User, ROLE_LABELS, listUsers } from "../auth/index.ts";
import { verifyAudit, appendAudit, type AuditBreak } from "./service.ts";
import { recordNumbers, searchAudit, type AuditFilter, type AuditTrailRow } from "./reads.ts";
import {
  dateField,
  html,
  listFilters,
  listHref,
  selectField,
  sendPage,
  signedIn,
  textField,
  when,
} from "../../web/kit.ts";

type MakeCtx = (req: FastifyRequest) => Ctx;
const PAGE = 50;
/** The most entries one CSV export carries; narrow the filters for more. */
export const EXPORT_LIMIT = 50_000;

const OUTCOMES = ["success", "denied", "failure"] as const;
const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  success: "Done",
  denied: "Refused",
  failure: "Failed",
};

const AuditQuery = listQuery({
  actor: blank(
    z
      .string()
      .max(64, "must be at most 64 characters")
      .regex(/^[A-Za-z0-9._@-]+$/, "must be a username (letters, digits, . _ @ -)"),
  ),
  action: blank(
    z
      .string()
      .max(100, "must be at most 100 characters")
      .regex(/^[A-Za-z0-9._-]+$/, "must be an action such as sale.read, or its start such as sale."),
  ),
  entityType: blank(
    z
      .string()
      .max(60, "must be at most 60 characters")
      .regex(/^[A-Za-z0-9._-]+$/, "must be a record kind such as sale or person"),
  ),
  entityId: TextFilter(100),
  outcome: EnumFilter(OUTCOMES),
  from: DateFilter,
  to: DateFilter,
  before: blank(
    z.coerce
      .number({ message: "must be an entry number" })
      .int("must be an entry number")
      .min(1)
      .max(Number.MAX_SAFE_INTEGER),
  ),
}).superRefine((v, c) => checkRange(v, c));
type AuditQuery = z.infer<typeof AuditQuery>;

function requireAuditor(user: User): void {
  if (user.role !== "auditor" && user.role !== "admin")
    throw forbidden("only auditors and administrators read the audit trail");
}

/** The filters as the trail's query, with the username resolved to the user (an unknown one is a 400 naming the field). */
async function resolve(ctx: Ctx, f: AuditQuery): Promise<{ filter: AuditFilter; people: Map<string, User> }> {
  const users = await listUsers(ctx.db);
  const people = new Map(users.map((u) => [u.id, u as User]));
  let actorId: string | undefined;
  if (f.actor) {
    actorId = users.find((u) => u.username === f.actor!.toLowerCase())?.id;
    if (!actorId) throw badField("actor", "no user has this username");
  }
  return {
    filter: {
      actorId,
      action: f.action,
      entityType: f.entityType,
      entityId: f.entityId,
      outcome: f.outcome,
      from: f.from,
      to: f.to,
    },
    people,
  };
}

const roleLabel = (r: string | null) => (r ? (ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r) : "");
/** A person by name and username; the system when nobody acted. */
function actorText(r: AuditTrailRow, people: Map<string, User>): string {
  if (!r.actorId) return "System";
  const u = people.get(r.actorId);
  return u ? `${u.displayName} (${u.username})` : `${roleLabel(r.actorRole)} (user no longer on record)`;
}

const filterValues = (f: AuditQuery) => ({
  actor: f.actor,
  action: f.action,
  entityType: f.entityType,
  entityId: f.entityId,
  outcome: f.outcome,
  from: f.from,
  to: f.to,
});

async function auditPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  verified?: { checked: number; breaks: AuditBreak[]; pending?: number },
) {
  requireAuditor(user);
  const ctx = makeCtx(req);
  const f = listFilters(req, AuditQuery);
  const { filter, people } = await resolve(ctx, f);
  const rows = await searchAudit(ctx.db, filter, { limit: PAGE, before: f.before });
  const numbers = await recordNumbers(ctx.db, rows);
  const oldest = rows.at(-1)?.seq;
  const values = filterValues(f);
  const filtered = Object.values(values).some((v) => v !== undefined);
  return sendPage(
    reply,
    req,
    "Audit trail",
    html`<h1>Audit trail</h1>
    <p class="usa-intro">Every change and every read of confidential records, each entry chained to the one before by its hash.</p>
    ${
      verified
        ? html`<div class="usa-alert ${verified.breaks.length ? "usa-alert--error" : "usa-alert--success"}" role="status" id="verify-result"><div class="usa-alert__body">
      <h2 class="usa-alert__heading">${verified.breaks.length ? `The chain is broken in ${verified.breaks.length} ${verified.breaks.length === 1 ? "place" : "places"}` : "The chain is intact"}</h2>
      <p class="usa-alert__text">${verified.checked} entries checked on ${when(ctx.clock.now())}.${verified.pending ? ` ${verified.pending} entries written while the check ran wait for the next seal; they are not breaks.` : ""}</p>
      ${verified.breaks.length ? html`<ul class="usa-list">${verified.breaks.slice(0, 100).map((x) => html`<li>Entry ${x.seq}: ${x.problem}</li>`)}</ul>` : ""}
    </div></div>`
        : ""
    }
    <form method="get" action="/audit/verify" class="margin-y-2">
      <button class="usa-button usa-button--outline" type="submit">Verify chain</button>
      <span class="usa-hint">Recomputes every entry's hash and reports any entry altered, removed or reordered.</span>
    </form>
    <form class="usa-form stateline-filter-form" method="get" action="/audit">
      <fieldset class="usa-fieldset">
        <legend class="usa-legend stateline-legend">Filter the entries</legend>
        <div class="stateline-filter-grid">
          ${textField({ name: "actor", label: "Who (username)", value: f.actor, hint: "For example staff or police", autocomplete: "off" })}
          ${textField({ name: "action", label: "Action", value: f.action, hint: "sale.read, or sale. for every sale action" })}
          ${textField({ name: "entityType", label: "Kind of record", value: f.entityType, hint: "For example sale, application, school" })}
          ${textField({ name: "entityId", label: "Record id", value: f.entityId, hint: "Set by a record's link in the table" })}
          ${selectField({ name: "outcome", label: "Outcome", value: f.outcome ?? "", empty: "Any outcome", options: OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] })) })}
          ${dateField({ name: "from", label: "From (day)", value: f.from, hint: "YYYY-MM-DD, Connecticut time" })}
          ${dateField({ name: "to", label: "To (day, included)", value: f.to, hint: "YYYY-MM-DD, Connecticut time" })}
        </div>
        <div class="stateline-filter-actions">
          <button class="usa-button" type="submit">Filter</button>
          ${filtered ? html`<a class="usa-button usa-button--unstyled" href="/audit">Clear the filters</a>` : ""}
        </div>
      </fieldset>
    </form>
    <p><a class="usa-button usa-button--outline" href="${listHref("/audit/export.csv", values)}" download>Download these entries as CSV</a>
      <span class="usa-hint">Every entry matching the filters (up to ${EXPORT_LIMIT.toLocaleString("en-US")}); the download is recorded in the trail.</span></p>
    ${
      rows.length
        ? html`<div class="stateline-table-fit"><table class="usa-table usa-table--borderless usa-table--compact stateline-audit-table" id="audit-entries">
      <caption>${filtered ? "Matching entries" : "The most recent entries"}${f.before ? `, before number ${f.before}` : ""}, newest first</caption>
      <colgroup><col class="stateline-col-no"><col class="stateline-col-when"><col class="stateline-col-who"><col class="stateline-col-action"><col class="stateline-col-record"><col><col class="stateline-col-outcome"></colgroup>
      <thead><tr><th scope="col">No.</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Record</th><th scope="col">Purpose</th><th scope="col">Outcome</th></tr></thead>
      <tbody>${rows.map(
        (r) => html`<tr>
        <th scope="row">${r.seq}</th><td>${when(r.at)}</td>
        <td>${actorText(r, people)}${r.actorRole ? html`<br><span class="usa-hint">${roleLabel(r.actorRole)}</span>` : ""}</td>
        <td><code>${r.action}</code></td>
        <td>${r.entityType ?? ""}${r.entityId ? html`<br><a href="${listHref("/audit", { entityId: r.entityId })}" title="Every entry about this record">${numbers.get(`${r.entityType}:${r.entityId}`) ?? html`<span class="font-mono-3xs">${r.entityId}</span>`}</a>` : ""}</td>
        <td>${r.purpose ?? html`<span class="usa-hint">none</span>`}</td><td>${OUTCOME_LABELS[r.outcome as keyof typeof OUTCOME_LABELS] ?? r.outcome}</td></tr>`,
      )}</tbody>
    </table></div>`
        : html`<p>No entries${f.before ? " before this point" : ""}${filtered ? " match these filters" : ""}.${filtered ? html` <a href="/audit">Clear the filters</a> to see the most recent entries.` : ""}</p>`
    }
    <nav aria-label="Audit trail pages" class="margin-y-2">
      ${f.before ? html`<a class="usa-button usa-button--outline" href="${listHref("/audit", values)}">Newest entries</a>` : ""}
      ${rows.length === PAGE && oldest && oldest > 1 ? html`<a class="usa-button usa-button--outline" href="${listHref("/audit", { ...values, before: oldest })}">Older entries</a>` : ""}
    </nav>`,
  );
}

/** A CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet does not run it as a formula. */
function cell(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? "" : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

async function exportCsv(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User) {
  requireAuditor(user);
  const ctx = makeCtx(req);
  const f = listFilters(req, AuditQuery);
  const { filter, people } = await resolve(ctx, f);
  const lines = [
    [
      "entry",
      "at",
      "actor_username",
      "actor_name",
      "actor_role",
      "action",
      "entity_type",
      "entity_id",
      "purpose",
      "outcome",
      "request_id",
    ]
      .map(cell)
      .join(","),
  ];
  let before = f.before;
  let count = 0;
  while (count < EXPORT_LIMIT) {
    const rows = await searchAudit(ctx.db, filter, { limit: Math.min(5000, EXPORT_LIMIT - count), before });
    for (const r of rows) {
      const u = r.actorId ? people.get(r.actorId) : undefined;
      lines.push(
        [
          r.seq,
          r.at,
          u?.username,
          u?.displayName,
          r.actorRole,
          r.action,
          r.entityType,
          r.entityId,
          r.purpose,
          r.outcome,
          r.requestId,
        ]
          .map(cell)
          .join(","),
      );
    }
    count += rows.length;
    if (rows.length < 5000) break;
    before = rows.at(-1)!.seq;
  }
  // The export is itself a read of the trail: recorded with its filters and size.
  await appendAudit(ctx.db, ctx, {
    action: "audit.export",
    entityType: "audit_log",
    details: { filters: filterValues(f), before: f.before ?? null, rows: count, truncated: count >= EXPORT_LIMIT },
  });
  const stamp = ctx.today;
  return reply
    .type("text/csv; charset=utf-8")
    .header("Content-Disposition", `attachment; filename="audit-trail-${stamp}.csv"`)
    .header("Cache-Control", "no-store")
    .send(`${lines.join("\r\n")}\r\n`);
}

export function registerAuditPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get(
    "/audit",
    signedIn((req, reply, user) => auditPage(req, reply, makeCtx, user)),
  );
  app.get(
    "/audit/export.csv",
    signedIn((req, reply, user) => exportCsv(req, reply, makeCtx, user)),
  );
  // Verifying reads only, so it is a GET form: safe to reload.
  app.get(
    "/audit/verify",
    signedIn(async (req, reply, user) => {
      requireAuditor(user);
      const r = await verifyAudit(makeCtx(req).db);
      return auditPage(req, reply, makeCtx, user, r);
    }),
  );
}
