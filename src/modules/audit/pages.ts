/**
 * * The audit trail for auditors and administrators: recent entries, newest
 * first, paged with ?before=seq, and a check of the hash chain.
 */
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type Ctx } from "../../context.ts";
import { forbidden } from "../../lib/errors.ts";
import { type User, ROLE_LABELS } from "../auth/index.ts";
import { listAudit, verifyAudit, type AuditBreak } from "./service.ts";
import { html, queryParam, sendPage, signedIn, when } from "../../web/kit.ts";

type MakeCtx = (req: FastifyRequest) => Ctx;
const PAGE = 50;

function requireAuditor(user: User): void {
  if (user.role !== "auditor" && user.role !== "admin")
    throw forbidden("only auditors and administrators read the audit trail");
}

async function auditPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  verified?: { checked: number; breaks: AuditBreak[]; pending?: number },
) {
  requireAuditor(user);
  const ctx = makeCtx(req);
  const b = Number.parseInt(queryParam(req, "before"), 10);
  const before = Number.isSafeInteger(b) && b > 0 ? b : undefined;
  const rows = await listAudit(ctx.db, { limit: PAGE, ...(before ? { before } : {}) });
  const oldest = rows.at(-1)?.seq;
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
    ${
      rows.length
        ? html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--borderless usa-table--compact">
      <caption>${before ? `Entries before number ${before}` : "The most recent entries"}, newest first</caption>
      <thead><tr><th scope="col">No.</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Record</th><th scope="col">Purpose</th><th scope="col">Outcome</th></tr></thead>
      <tbody>${rows.map(
        (r) => html`<tr>
        <th scope="row">${r.seq}</th><td>${when(r.at)}</td>
        <td>${r.actorRole ? (ROLE_LABELS[r.actorRole as keyof typeof ROLE_LABELS] ?? r.actorRole) : "System"}${r.actorId ? html`<br><span class="font-mono-3xs">${r.actorId}</span>` : ""}</td>
        <td><code>${r.action}</code></td>
        <td>${r.entityType ?? ""}${r.entityId ? html`<br><span class="font-mono-3xs">${r.entityId}</span>` : ""}</td>
        <td>${r.purpose ?? ""}</td><td>${r.outcome}</td></tr>`,
      )}</tbody>
    </table></div>`
        : html`<p>No entries${before ? " before this point" : ""}.</p>`
    }
    <nav aria-label="Audit trail pages" class="margin-y-2">
      ${before ? html`<a class="usa-button usa-button--outline" href="/audit">Newest entries</a>` : ""}
      ${rows.length === PAGE && oldest && oldest > 1 ? html`<a class="usa-button usa-button--outline" href="/audit?before=${oldest}">Older entries</a>` : ""}
    </nav>`,
  );
}

export function registerAuditPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get(
    "/audit",
    signedIn((req, reply, user) => auditPage(req, reply, makeCtx, user)),
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
