/**
 * * Investigators' pages (law enforcement and licensing staff): suspicious
 * purchase leads (/leads) with their reasons, one lead with its evidence
 * (/leads/:id), dismissing it with a reason or opening a case, and the case
 * (/cases/:id). Every read of leads gives a purpose, which is audited: the
 * purpose is asked in a posted form (never in the address) and remembered for
 * the session's reads of leads and cases.
 *
 * Licensing staff also see every firearm sale (/staff/sales, with filters)
 * and one sale in full with its reports (/staff/sales/:id, an audited read
 * for "licensing review"), and may cancel one not yet delivered.
 */
import { statusOf } from "../../http/errors.ts";
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type Ctx } from "../../context.ts";
import { forbidden } from "../../lib/errors.ts";
import { type User } from "../auth/index.ts";
import { ammunitionPolicy, listSalesFor } from "../ammunition/index.ts";
import { CLASS_LABELS } from "../../law/ct/policy/ammunition-limit.ts";
import { findDealer } from "../dealers/index.ts";
import { findCredential } from "../credentials/index.ts";
import { DETECTOR_IDS, DETECTORS, type DetectorId } from "./detectors.ts";
import { leadPolicy } from "./policy.ts";
import {
  dismissLead,
  getCase,
  getLead,
  listLeads,
  NEXT as LEAD_NEXT,
  openCaseFromLead,
  type Lead,
  type LeadStatus,
} from "./service.ts";
import { salesPolicy } from "../sales/index.ts";
import {
  html,
  type Html,
  csrfField,
  errorsFrom,
  errorSummary,
  formBody,
  idParam,
  isFormError,
  queryParam,
  selectField,
  sendPage,
  signedIn,
  summaryList,
  textareaField,
  textField,
  UUID,
  when,
  type Flash,
  type FormErrors,
  tryListFilters,
  postedPurpose,
  recallPurpose,
  sendPurposeGate,
} from "../../web/kit.ts";
import { purposeLine } from "../../lib/purpose.ts";
import { z } from "zod";
import { EnumFilter, PageNumber, pageWindow } from "../../lib/paging.ts";

type MakeCtx = (req: FastifyRequest) => Ctx;

const PAGE_SIZE = 50;
const DETECTOR_TITLES = Object.fromEntries(DETECTORS.map((d) => [d.id, d.title])) as Record<DetectorId, string>;
const LEAD_STATUSES: LeadStatus[] = ["open", "dismissed", "case-opened"];
const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  open: "Open",
  dismissed: "Dismissed",
  "case-opened": "Case opened",
};
const LEAD_TONE: Record<LeadStatus, string> = { open: "warn", dismissed: "neutral", "case-opened": "info" };
const leadTag = (s: LeadStatus) =>
  html`<span class="usa-tag stateline-tag stateline-tag--${LEAD_TONE[s]}">${LEAD_STATUS_LABELS[s]}</span>`;

function requireInvestigator(user: User): void {
  if (!leadPolicy.work(user)) throw forbidden("only investigators (law enforcement, licensing staff) see leads");
}

/**
 * The purpose of the read: asked in a posted form (never in the address) and remembered for this
 * session's reads of leads and cases (src/web/kit.ts), each read audited with it.
 */
const PURPOSE_SLOT = "leads";
function purposeOf(req: FastifyRequest): string | undefined {
  const p = recallPurpose(req, PURPOSE_SLOT);
  return p ? purposeLine(p) : undefined;
}

/** The gate that asks why before any lead or case is shown; it posts back to the page asked for. */
function gate(req: FastifyRequest, reply: FastifyReply, title: string, errors?: FormErrors) {
  return sendPurposeGate(reply, req, {
    title,
    action: req.url,
    intro:
      "Leads name people and their purchases. Say why you are reviewing them; the purpose is recorded with every lead and case you open in this session.",
    ...(errors ? { errors, values: formBody(req) } : {}),
  });
}

/** POST handler of a gate: remembers a valid purpose and shows the page asked for (post, redirect, get). */
async function postPurpose(req: FastifyRequest, reply: FastifyReply, user: User, title: string) {
  requireInvestigator(user);
  const p = postedPurpose(req, PURPOSE_SLOT);
  if (!p.purpose) return gate(req, reply, title, p.errors);
  return reply.redirect(req.url, 303);
}

// ---------------------------------------------------------------- /leads

const LeadsQuery = z.object({
  status: EnumFilter(["all", ...LEAD_STATUSES] as const),
  detector: EnumFilter(DETECTOR_IDS as unknown as readonly [DetectorId, ...DetectorId[]]),
  page: PageNumber,
});

async function leadsPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User) {
  requireInvestigator(user);
  const ctx = makeCtx(req);
  const purpose = purposeOf(req);
  if (!purpose) return gate(req, reply, "Suspicious purchase leads");
  // Filters through the shared paging schema: a bad status, detector or page is a 400 beside its field.
  const parsed = tryListFilters(req, LeadsQuery);
  const bad = parsed.errors ?? {};
  const f = parsed.filters ?? { page: 1, status: undefined, detector: undefined };
  // Open leads unless another status (or "all") is chosen.
  const status = f.status === undefined ? "open" : f.status === "all" ? undefined : f.status;
  const detector = f.detector;
  const pageNo = f.page;
  const r = !parsed.errors
    ? await listLeads(ctx, { status, detector, ...pageWindow(pageNo, PAGE_SIZE), purpose })
    : null;
  const pages = r ? Math.max(1, Math.ceil(r.total / PAGE_SIZE)) : 1;
  const q = (extra: Record<string, string>) =>
    new URLSearchParams({
      ...(status ? { status } : { status: "all" }),
      ...(detector ? { detector } : {}),
      ...extra,
    });
  return sendPage(
    reply,
    req,
    "Leads",
    html`${errorSummary(bad, { status: "Status", detector: "Detector", page: "Page" })}<h1>Suspicious purchase leads</h1>
    <p class="usa-intro">A lead points to purchases a person should look at. It is never a finding against anyone: nothing is refused or revoked because of one.</p>
    <form class="usa-form stateline-filter" method="get" action="/leads" novalidate>
      ${selectField({ name: "status", label: "Status", value: status ?? "all", error: bad.status, options: [{ value: "all", label: "Any status" }, ...LEAD_STATUSES.map((s) => ({ value: s, label: LEAD_STATUS_LABELS[s] }))] })}
      ${selectField({ name: "detector", label: "Detector", value: detector ?? "", error: bad.detector, empty: "Any detector", options: DETECTOR_IDS.map((d) => ({ value: d, label: DETECTOR_TITLES[d] })) })}
      <button class="usa-button" type="submit">Show leads</button>
    </form>
    ${
      !r
        ? html`<p>Correct the filters to see the leads.</p>`
        : r.items.length
          ? html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--striped usa-table--compact" id="leads">
        <caption>${status ? LEAD_STATUS_LABELS[status] : "All"} leads${detector ? ` of "${DETECTOR_TITLES[detector]}"` : ""}, newest first: ${r.total} in all${pages > 1 ? `, page ${pageNo} of ${pages}` : ""}</caption>
        <thead><tr><th scope="col">Lead</th><th scope="col">Person</th><th scope="col">Detector</th><th scope="col">Reason</th><th scope="col">Window</th><th scope="col">Status</th><th scope="col">Raised</th></tr></thead>
        <tbody>${r.items.map(
          (l) => html`<tr>
          <th scope="row" class="text-no-wrap"><a href="/leads/${l.id}">${l.number}</a></th>
          <td>${l.person.lastName}, ${l.person.firstName} (born ${l.person.birthDate})</td><td>${DETECTOR_TITLES[l.detector] ?? l.detector}</td><td>${l.reason}</td>
          <td>${l.windowStart} to ${l.windowEnd}</td><td>${leadTag(l.status)}${l.caseNumber ? html` ${l.caseNumber}` : ""}</td><td>${l.raisedOn}</td></tr>`,
        )}</tbody>
      </table></div>
      ${
        pages > 1
          ? html`<nav aria-label="Lead pages" class="margin-y-2">
        ${pageNo > 1 ? html`<a class="usa-button usa-button--outline" href="/leads?${q({ page: String(pageNo - 1) }).toString()}">Previous page</a>` : ""}
        ${pageNo < pages ? html`<a class="usa-button usa-button--outline" href="/leads?${q({ page: String(pageNo + 1) }).toString()}">Next page</a>` : ""}
      </nav>`
          : ""
      }`
          : html`<p>No ${status ? LEAD_STATUS_LABELS[status].toLowerCase() : ""} leads.</p>`
    }`,
    { status: parsed.errors ? 400 : 200 },
  );
}

// ---------------------------------------------------------------- /leads/:id

const EVIDENCE_LABELS: Record<string, string> = {
  ammunitionSaleIds: "Ammunition sales",
  firearmSaleIds: "Firearm sales (ids)",
  firearmSaleNumbers: "Firearm sales",
  dealerIds: "Sellers",
  rounds: "Rounds",
  history: "The person's history",
  baseline: "Population baseline",
  before: "Sales before the event",
  after: "Sales on or after the event",
  trigger: "Event",
  statuses: "Statuses",
  businessDaysThrough: "Business days through",
  periods: "Periods",
  mean: "Mean",
  sd: "Standard deviation",
  threshold: "Threshold",
  computedOn: "Computed on",
  population: "Buyers",
  p99: "99th percentile",
  kind: "Kind",
  on: "On",
  prohibitingEventId: "Prohibiting event",
  credentialId: "Credential",
  serialNumbers: "Serial numbers",
  otherBuyerIds: "Other buyers (ids)",
  minutesApart: "Minutes apart",
};

const isId = (x: unknown): x is string => typeof x === "string" && UUID.test(x);
const label = (k: string) => (EVIDENCE_LABELS[k] ?? k).replace(/ \(ids\)$/, "");

/**
 * One piece of evidence in words. Internal ids are never shown: a record the page knows by number
 * (`names`: ammunition sales in the window, the revoked credential) is shown by it, any other is
 * counted ("2 records"). A prohibiting event is named by its kind and date beside it.
 */
function evidenceValue(v: unknown, names: ReadonlyMap<string, string>): Html {
  if (Array.isArray(v)) {
    if (!v.length) return html`(none)`;
    const known = v.filter((x) => !isId(x) || names.has(x)).map((x) => (isId(x) ? names.get(x)! : String(x)));
    const unknown = v.length - known.length;
    const rest = unknown ? `${unknown} ${known.length ? "other " : ""}${unknown === 1 ? "record" : "records"}` : "";
    return html`${[...known, ...(rest ? [rest] : [])].join(", ")}`;
  }
  if (v && typeof v === "object")
    return html`<ul class="usa-list">${Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => !isId(x) || names.has(x))
      .map(([k, x]) => html`<li>${label(k)}: ${evidenceValue(x, names)}</li>`)}</ul>`;
  if (isId(v)) return html`${names.get(v) ?? "a record"}`;
  return html`${String(v)}`;
}

interface LeadState {
  errors?: FormErrors;
  values?: Record<string, string>;
  flash?: Flash;
  status?: number;
  form?: "dismiss" | "case";
}

async function leadPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User, st: LeadState = {}) {
  requireInvestigator(user);
  const ctx = makeCtx(req);
  const id = idParam(req, "lead");
  const purpose = purposeOf(req);
  if (!purpose) return gate(req, reply, "Lead");
  const { lead, history } = await getLead(ctx, id, purpose);
  const ammo = ammunitionPolicy.listAllSales(user)
    ? await listSalesFor(ctx, {
        personId: lead.person.id,
        from: lead.windowStart,
        to: lead.windowEnd,
        limit: 100,
        offset: 0,
        // The purpose given for the lead covers the purchases the lead is about.
        purpose: {
          code: user.role === "licensing_staff" ? "licensing-review" : "criminal-investigation",
          text: `review of lead ${lead.id}: ${purpose}`,
        },
      })
    : null;
  const staff = salesPolicy.listAll(user);
  const dealerIds = Array.isArray(lead.evidence.dealerIds)
    ? (lead.evidence.dealerIds as unknown[]).filter((x): x is string => typeof x === "string" && UUID.test(x))
    : [];
  const sellers = (await Promise.all(dealerIds.map((d) => findDealer(ctx.db, d)))).map((d, i) =>
    d ? `${d.name} (${d.town})` : dealerIds[i]!,
  );
  const ev = lead.evidence as { firearmSaleIds?: string[]; firearmSaleNumbers?: string[]; trigger?: unknown };
  // Records the evidence names by id, shown by their numbers.
  const names = new Map<string, string>((ammo?.items ?? []).map((s) => [s.id, s.number]));
  const revoked =
    ev.trigger && typeof ev.trigger === "object" ? (ev.trigger as { credentialId?: unknown }).credentialId : undefined;
  if (isId(revoked)) {
    const c = await findCredential(ctx.db, revoked);
    if (c) names.set(c.id, c.number);
  }
  const done = queryParam(req, "done");
  const flash =
    st.flash ??
    (done === "dismissed"
      ? { text: `Lead ${lead.number} was dismissed.`, type: "success" as const }
      : done === "case"
        ? { text: `Case ${lead.caseNumber} was opened with lead ${lead.number}.`, type: "success" as const }
        : undefined);
  const e = st.errors ?? {};
  const v = st.values ?? {};
  const next = LEAD_NEXT[lead.status];
  const back = "/leads";
  return sendPage(
    reply,
    req,
    `Lead ${lead.number}`,
    html`<h1>Lead ${lead.number}: ${DETECTOR_TITLES[lead.detector] ?? lead.detector}</h1>
    <p>${leadTag(lead.status)} <span class="usa-hint">Opening this lead is recorded in the audit trail (purpose: ${purpose}).</span></p>
    <h2>Why it was raised</h2>
    <p id="lead-reason">${lead.reason}</p>
    ${summaryList([
      ["Person", `${lead.person.firstName} ${lead.person.lastName}, born ${lead.person.birthDate}`],
      ["Window of activity", `${lead.windowStart} to ${lead.windowEnd}`],
      ["Raised", `${lead.raisedOn}, by the ${lead.raisedBy === "sale" ? "check after a sale" : "sweep"}`],
      ["Case", lead.caseId ? html`<a href="/cases/${lead.caseId}">${lead.caseNumber}</a>` : null],
    ])}
    <h2>Evidence</h2>
    <dl class="stateline-dl" id="evidence">${Object.entries(lead.evidence)
      // Internal ids are never shown: sale numbers stand for firearm sales, the purchases table below for ammunition.
      .filter(([k]) => !(k === "firearmSaleIds" && "firearmSaleNumbers" in lead.evidence))
      .map(
        ([k, x]) =>
          html`<dt>${label(k)}</dt><dd>${
            k === "dealerIds" && sellers.length
              ? sellers.join("; ")
              : k === "firearmSaleNumbers" && staff && Array.isArray(ev.firearmSaleIds)
                ? html`${(x as string[]).map((n, i) => html`${i ? ", " : ""}<a href="/staff/sales/${ev.firearmSaleIds![i]}">${n}</a>`)}`
                : /Ids$/.test(k) && Array.isArray(x)
                  ? `${x.length} ${x.length === 1 ? "record" : "records"}${k === "ammunitionSaleIds" && ammo ? " (listed below)" : ""}`
                  : evidenceValue(x, names)
          }</dd>`,
      )}</dl>
    ${
      ammo
        ? html`<h3>The person's ammunition purchases in the window</h3>
      ${
        ammo.items.length
          ? html`<table class="usa-table usa-table--borderless" id="ammunition">
        <caption>${ammo.total} sale${ammo.total === 1 ? "" : "s"} from ${lead.windowStart} to ${lead.windowEnd}</caption>
        <thead><tr><th scope="col">Sale</th><th scope="col">Sold on</th><th scope="col">Seller</th><th scope="col">What</th><th scope="col">Rounds</th><th scope="col">Magazines</th></tr></thead>
        <tbody>${ammo.items.map(
          (s) => html`<tr><th scope="row">${s.number}</th><td>${s.soldOn}</td><td>${s.dealerName}, ${s.town}</td>
          <td>${s.lines.map((l, i) => html`${i ? "; " : ""}${l.quantity} ${CLASS_LABELS[l.type]} (${l.caliber})`)}</td><td>${s.totalRounds}</td><td>${s.totalMagazines}</td></tr>`,
        )}</tbody>
      </table>`
          : html`<p>None.</p>`
      }`
        : ""
    }
    ${
      next.length
        ? html`<h2>Actions</h2>
      <div class="grid-row grid-gap">
        ${
          next.includes("open-case")
            ? html`<div class="tablet:grid-col-6"><form class="usa-form" method="post" action="/leads/${lead.id}/open-case" novalidate>
          <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Open a case</legend>
            ${st.form === "case" ? errorSummary(e, { title: "Case title", note: "Note" }) : ""}
            ${csrfField(req)}
            ${textField({ name: "title", label: "Case title", value: v.title, error: st.form === "case" ? e.title : undefined, hint: `Optional. By default: "${DETECTOR_TITLES[lead.detector]} (lead ${lead.number})"` })}
            ${textareaField({ name: "note", id: "case-note", label: "Note", value: v.note, error: st.form === "case" ? e.note : undefined, rows: 2, hint: "Optional" })}
            <button class="usa-button" type="submit">Open case</button>
          </fieldset>
        </form></div>`
            : ""
        }
        ${
          next.includes("dismiss")
            ? html`<div class="tablet:grid-col-6"><form class="usa-form" method="post" action="/leads/${lead.id}/dismiss" novalidate>
          <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Dismiss the lead</legend>
            ${st.form === "dismiss" ? errorSummary(e, { reason: "Why is the lead dismissed?" }) : ""}
            ${csrfField(req)}
            ${textareaField({ name: "reason", label: "Why is the lead dismissed?", value: v.reason, error: st.form === "dismiss" ? e.reason : undefined, required: true, rows: 3, hint: "At least 5 characters. A dismissed lead is not raised again for the same activity." })}
            <button class="usa-button usa-button--secondary" type="submit">Dismiss lead</button>
          </fieldset>
        </form></div>`
            : ""
        }
      </div>`
        : ""
    }
    <h2>History</h2>
    <table class="usa-table usa-table--borderless" id="history">
      <caption>Everything that happened to this lead, oldest first</caption>
      <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">By</th><th scope="col">Note</th></tr></thead>
      <tbody>${history.map((h) => html`<tr><td>${when(h.at)}</td><th scope="row">${h.action === "raise" ? "Raised" : h.action === "dismiss" ? "Dismissed" : h.action === "open-case" ? "Case opened" : h.action}</th><td>${h.actor ?? "Stateline"}</td><td>${h.note ?? ""}</td></tr>`)}</tbody>
    </table>
    <p><a href="${back}">Back to the leads</a></p>`,
    { flash, status: st.status },
  );
}

async function casePage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User) {
  requireInvestigator(user);
  const ctx = makeCtx(req);
  const id = idParam(req, "case");
  const purpose = purposeOf(req);
  if (!purpose) return gate(req, reply, "Case");
  const c = await getCase(ctx, id, purpose);
  return sendPage(
    reply,
    req,
    `Case ${c.case.number}`,
    html`<h1>Case ${c.case.number}: ${c.case.title}</h1>
    ${summaryList([
      ["Person", `${c.person.firstName} ${c.person.lastName}, born ${c.person.birthDate}`],
      ["Status", c.case.status === "open" ? "Open" : "Closed"],
      ["Opened", c.case.openedOn],
      ["Closed", c.case.closedOn],
    ])}
    <h2>Leads</h2>
    <ul class="usa-list">${c.leads.map((l: Lead) => html`<li><a href="/leads/${l.id}">${l.number}</a>: ${l.reason}</li>`)}</ul>
    <h2>History</h2>
    <ul class="usa-list">${c.actions.map((a) => html`<li>${when(a.at)}: ${a.action === "open" ? "Opened" : a.action === "add-lead" ? "Lead added" : a.action}${a.actor ? ` by ${a.actor}` : ""}${a.note ? `: ${a.note}` : ""}</li>`)}</ul>`,
  );
}

export function registerLeadPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get(
    "/leads",
    signedIn((req, reply, user) => leadsPage(req, reply, makeCtx, user)),
  );

  app.get(
    "/leads/:id",
    signedIn((req, reply, user) => leadPage(req, reply, makeCtx, user)),
  );

  // The purpose gates post to the page they guard.
  app.post(
    "/leads",
    signedIn((req, reply, user) => postPurpose(req, reply, user, "Suspicious purchase leads")),
  );
  app.post(
    "/leads/:id",
    signedIn((req, reply, user) => postPurpose(req, reply, user, "Lead")),
  );
  app.post(
    "/cases/:id",
    signedIn((req, reply, user) => postPurpose(req, reply, user, "Case")),
  );

  app.post(
    "/leads/:id/dismiss",
    signedIn(async (req, reply, user) => {
      requireInvestigator(user);
      const id = idParam(req, "lead");
      const b = formBody(req);
      if (!purposeOf(req)) return reply.redirect(`/leads/${id}`, 303);
      const reason = (b.reason ?? "").trim();
      if (reason.length < 5 || reason.length > 2000)
        return leadPage(req, reply, makeCtx, user, {
          form: "dismiss",
          values: { reason },
          errors: { reason: "Say why the lead is dismissed (5 to 2,000 characters)" },
          status: 400,
        });
      try {
        await dismissLead(makeCtx(req), id, reason);
      } catch (e) {
        if (isFormError(e) && e.code === "conflict")
          return leadPage(req, reply, makeCtx, user, {
            flash: { text: `Not dismissed: ${e.message}`, type: "error" },
            status: statusOf(e),
          });
        if (isFormError(e))
          return leadPage(req, reply, makeCtx, user, {
            form: "dismiss",
            values: { reason },
            errors: errorsFrom(e, ["reason"]),
            status: statusOf(e),
          });
        throw e;
      }
      return reply.redirect(`/leads/${id}?done=dismissed`, 303);
    }),
  );

  app.post(
    "/leads/:id/open-case",
    signedIn(async (req, reply, user) => {
      requireInvestigator(user);
      const id = idParam(req, "lead");
      const b = formBody(req);
      if (!purposeOf(req)) return reply.redirect(`/leads/${id}`, 303);
      const values = { title: (b.title ?? "").trim(), note: (b.note ?? "").trim() };
      const errors: FormErrors = {};
      if (values.title && (values.title.length < 3 || values.title.length > 200))
        errors.title = "A case title has 3 to 200 characters (or leave it empty)";
      if (values.note.length > 2000) errors.note = "The note has at most 2,000 characters";
      if (Object.keys(errors).length)
        return leadPage(req, reply, makeCtx, user, { form: "case", values, errors, status: 400 });
      try {
        await openCaseFromLead(makeCtx(req), id, {
          ...(values.title ? { title: values.title } : {}),
          ...(values.note ? { note: values.note } : {}),
        });
      } catch (e) {
        if (isFormError(e) && e.code === "conflict")
          return leadPage(req, reply, makeCtx, user, {
            flash: { text: `No case opened: ${e.message}`, type: "error" },
            status: statusOf(e),
          });
        if (isFormError(e))
          return leadPage(req, reply, makeCtx, user, {
            form: "case",
            values,
            errors: errorsFrom(e, ["title", "note"]),
            status: statusOf(e),
          });
        throw e;
      }
      return reply.redirect(`/leads/${id}?done=case`, 303);
    }),
  );

  app.get(
    "/cases/:id",
    signedIn((req, reply, user) => casePage(req, reply, makeCtx, user)),
  );
}
