/**
 * Web pages of the tracing module:
 * - investigators and the task force: ask a trace and see the answer from Stateline's own records
 *   at once (/tracing), open a trace with a purpose (posted, never in the URL; audited);
 * - source-state analytics (/tracing/analytics?year=&state=): the map and the chart, each with its
 *   data table beside it, and CSV downloads;
 * - dealer accountability (/tracing/dealers, /tracing/dealers/:id), and a dealer's own figures
 *   (/tracing/my-dealer);
 * - trafficking leads (/tracing/leads, posted with a purpose) with dismiss and open-case.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MakeCtx } from "../../lib/module.ts";
import { AppError } from "../../lib/errors.ts";
import type { ReadPurpose } from "../../lib/purpose.ts";
import {
  html,
  raw,
  type Html,
  csrfField,
  dateField,
  errorsFrom,
  errorSummary,
  formBody,
  idParam,
  isFormError,
  purposeFields,
  purposeFromForm,
  queryParam,
  selectField,
  sendPage,
  signedIn,
  summaryList,
  textareaField,
  textField,
  when,
  type FormErrors,
} from "../../web/kit.ts";
import { ATF_ATTRIBUTION, ATF_YEARS, sourceStatesCsv } from "./analytics.ts";
import { sourceStatesFor } from "./analytics-service.ts";
import { barChartSvg, sourceMapSvg } from "./charts.ts";
import { dealerFigures, dealerRanking, ownDealerFigures, periodOf, type DealerFigures } from "./dealers.ts";
import { tracingPolicy } from "./policy.ts";
import { TraceRequest } from "./schemas.ts";
import { getTrace, requestTrace, type OwnRecordsAnswer, type Trace } from "./service.ts";
import { EXCHANGE_CONTENT_TYPE } from "./signing.ts";
import { STATES } from "./states.ts";
import {
  dismissTraffickingLead,
  listTraffickingLeads,
  openTraffickingCase,
  type TraffickingLead,
} from "./trafficking-leads.ts";

const forbid = (ok: boolean, why: string) => {
  if (!ok) throw new AppError("forbidden", why);
};
const str = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
const pct = (x: number | null) => (x === null ? "-" : `${(x * 100).toFixed(1)}%`);
const hiddenPurpose = (p: ReadPurpose) =>
  html`<input type="hidden" name="purposeCode" value="${p.code}"><input type="hidden" name="purposeText" value="${p.text}">`;

const STATUS_TEXT: Record<string, string> = {
  answered: "Answered from Stateline's records",
  referred: "Referred to ATF and partner states",
  completed: "Completed",
  "no-record": "No record found",
  untraceable: "Untraceable (no serial number)",
};

// ---------------------------------------------------------------- asking a trace

function traceForm(req: FastifyRequest, b: Record<string, string>, errors: FormErrors): Html {
  return html`<h2>Ask a trace</h2>
    ${errorSummary(errors)}
    <form class="usa-form usa-form--large" method="post" action="/tracing/traces" novalidate>
      ${csrfField(req)}
      ${selectField({
        name: "priority",
        label: "Priority",
        value: b.priority ?? "routine",
        required: true,
        error: errors.priority,
        options: [
          { value: "urgent", label: "Urgent (answer within a day)" },
          { value: "routine", label: "Routine" },
        ],
      })}
      ${textField({ name: "requestingAgency", label: "Requesting agency", value: b.requestingAgency, error: errors.requestingAgency })}
      <fieldset class="usa-fieldset"><legend class="usa-legend">The recovered firearm</legend>
        ${textField({ name: "make", label: "Make (NCIC code or maker)", value: b.make, required: true, error: errors["firearm.make"] })}
        ${textField({ name: "model", label: "Model", value: b.model, error: errors["firearm.model"] })}
        ${selectField({
          name: "serialStatus",
          label: "Serial number",
          value: b.serialStatus ?? "present",
          error: errors["firearm.serialStatus"],
          options: [
            { value: "present", label: "Present" },
            { value: "obliterated", label: "Obliterated" },
            { value: "privately-made", label: "None: privately made" },
            { value: "none", label: "None" },
          ],
        })}
        ${textField({ name: "serialNumber", label: "Serial number (when present)", value: b.serialNumber, error: errors["firearm.serialNumber"] })}
        ${textField({ name: "caliber", label: "Caliber", value: b.caliber, error: errors["firearm.caliber"], width: "sm" })}
        ${textField({ name: "type", label: "Type (NCIC code, e.g. PI)", value: b.type, error: errors["firearm.type"], width: "sm" })}
      </fieldset>
      <fieldset class="usa-fieldset"><legend class="usa-legend">The recovery</legend>
        ${dateField({ name: "recoveredOn", label: "Date recovered", value: b.recoveredOn, required: true, error: errors["recovery.date"] })}
        ${textField({ name: "town", label: "Town", value: b.town, error: errors["recovery.town"] })}
        ${textField({ name: "address", label: "Address", value: b.address, error: errors["recovery.address"], width: "2xl" })}
        ${textField({ name: "crimeCode", label: "Crime code (NCIC offense code)", value: b.crimeCode, required: true, error: errors["recovery.crimeCode"], width: "sm" })}
        ${textField({ name: "possessorFirstName", label: "Possessor's first name (if known)", value: b.possessorFirstName, error: errors["recovery.possessor.firstName"] })}
        ${textField({ name: "possessorLastName", label: "Possessor's last name (if known)", value: b.possessorLastName, error: errors["recovery.possessor.lastName"] })}
      </fieldset>
      ${purposeFields(errors, b)}
      <button class="usa-button" type="submit">Trace</button>
    </form>`;
}

function traceInput(b: Record<string, string>): unknown {
  const possessor = str(b.possessorLastName)
    ? { firstName: str(b.possessorFirstName) ?? "", lastName: str(b.possessorLastName) }
    : undefined;
  const serialStatus = b.serialStatus || "present";
  return {
    priority: b.priority,
    ...(str(b.requestingAgency) ? { requestingAgency: str(b.requestingAgency) } : {}),
    firearm: {
      make: b.make ?? "",
      ...(str(b.model) ? { model: str(b.model) } : {}),
      serialStatus,
      ...(serialStatus === "present" || str(b.serialNumber) ? { serialNumber: str(b.serialNumber) } : {}),
      ...(str(b.caliber) ? { caliber: str(b.caliber) } : {}),
      ...(str(b.type) ? { type: str(b.type) } : {}),
    },
    recovery: {
      date: b.recoveredOn ?? "",
      state: "CT",
      ...(str(b.town) ? { town: str(b.town) } : {}),
      ...(str(b.address) ? { address: str(b.address) } : {}),
      crimeCode: b.crimeCode ?? "",
      ...(possessor ? { possessor } : {}),
    },
    purpose: { code: b.purposeCode ?? "", text: b.purposeText ?? "" },
  };
}

function answerPanel(t: Trace, a: OwnRecordsAnswer | null): Html {
  const f = a?.firstRetailSale;
  return html`<h2>Trace ${t.number}: ${STATUS_TEXT[t.status] ?? t.status}</h2>
    ${summaryList([
      [
        "Firearm",
        `${t.firearm.make ?? ""} ${t.firearm.model ?? ""} ${t.firearm.serialNumber ? `serial ${t.firearm.serialNumber}` : `(${t.firearm.serialStatus})`}`,
      ],
      [
        "Recovered",
        `${t.recovery.date}${t.recovery.town ? `, ${t.recovery.town}` : ""}, ${t.recovery.state}; crime code ${t.recovery.crimeCode}`,
      ],
      ["Source state", t.sourceState ?? "not known yet"],
      [
        "First retail sale",
        f
          ? `${f.date} at ${f.dealer?.name ?? "?"} (FFL ${f.dealer?.fflNumber ?? "?"}) to ${f.buyer.firstName} ${f.buyer.lastName}`
          : t.firstSale
            ? `${t.firstSale.date ?? "?"} at ${t.firstSale.dealerName ?? "?"} (FFL ${t.firstSale.dealerFfl ?? "?"}), answered by ${t.answeredBy}`
            : "none recorded here",
      ],
      ["Time to crime", t.timeToCrimeDays === null ? "-" : `${t.timeToCrimeDays} days`],
      ["Possessor is the purchaser", t.possessorIsPurchaser ?? "unknown"],
      [
        "Reported stolen",
        t.reportedStolen ? html`yes; flagged for return to the owner (PA 13-3 § 41)` : "no report found",
      ],
    ])}
    ${
      a && a.laterTransfers.length
        ? html`<table class="usa-table"><caption>Later transfers recorded here</caption><thead><tr><th scope="col">Date</th><th scope="col">Dealer</th><th scope="col">Buyer</th><th scope="col">Private seller</th></tr></thead>
      <tbody>${a.laterTransfers.map((x) => html`<tr><td>${x.date}</td><td>${x.dealer?.name ?? "state"}</td><td>${x.buyer.firstName} ${x.buyer.lastName}</td><td>${x.privateSeller ?? ""}</td></tr>`)}</tbody></table>`
        : ""
    }`;
}

async function home(
  req: FastifyRequest,
  reply: FastifyReply,
  user: { role: string },
  b: Record<string, string> = {},
  errors: FormErrors = {},
  result?: Html,
) {
  const links = html`<ul class="usa-list"><li><a href="/tracing/analytics">Source-state analytics</a></li><li><a href="/tracing/dealers">Dealer accountability</a></li><li><a href="/tracing/leads">Trafficking leads</a></li></ul>`;
  return sendPage(
    reply,
    req,
    "Traces",
    html`<h1>Crime gun traces</h1>
    <p class="usa-intro">Stateline answers at once from Connecticut's own sale records; what it cannot answer goes to ATF (eTrace) and to the partner states.</p>
    ${result ?? ""}${links}${traceForm(req, b, errors)}`,
    { status: Object.keys(errors).length ? 400 : 200 },
  );
}

// ---------------------------------------------------------------- analytics

async function analyticsPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx) {
  const year = Number(queryParam(req, "year") || 2019);
  const state = queryParam(req, "state") || "CT";
  const ctx = makeCtx(req);
  const s = await sourceStatesFor(ctx, Number.isInteger(year) ? year : 0, state);
  const top = s.rows.filter((r) => !r.inState).slice(0, 10);
  const chart = await barChartSvg(
    top.map((r) => ({ label: r.sourceName, value: r.firearms })),
    { title: `Top out-of-state sources, ${s.recoveryName} ${s.year}`, valueTitle: "Firearms" },
  );
  const years = Array.from({ length: ATF_YEARS.to - ATF_YEARS.from + 1 }, (_, i) => String(ATF_YEARS.from + i));
  return sendPage(
    reply,
    req,
    "Source-state analytics",
    html`<h1>Where crime guns recovered in ${s.recoveryName} came from, ${s.year}</h1>
    <form class="usa-form" method="get" action="/tracing/analytics">
      ${selectField({ name: "year", label: "Year", value: String(s.year), options: years.map((y) => ({ value: y, label: y })) })}
      ${selectField({ name: "state", label: "Recovery state", value: s.recovery, options: Object.entries(STATES).map(([c, n]) => ({ value: c, label: n })) })}
      <button class="usa-button" type="submit">Show</button>
    </form>
    ${summaryList([
      ["Traced firearms", s.total],
      ["First sold in-state", `${s.inState} (${pct(s.inStateShare)})`],
      ["From states with weaker laws", `${s.fromWeakerStates} (${pct(s.weakerShare)})`],
      ["From the I-95 iron pipeline (FL, GA, SC, NC, VA)", s.ironPipeline],
    ])}
    <p class="usa-hint">${s.weakerDefinition}</p>
    <div class="grid-row grid-gap">
      <div class="grid-col-12 desktop:grid-col-8"><figure>${raw(sourceMapSvg(s))}<figcaption>Map: darker states were the source of more firearms; ${s.recoveryName} is outlined.</figcaption></figure></div>
      <div class="grid-col-12 desktop:grid-col-4"><table class="usa-table usa-table--compact"><caption>Source states (data for the map)</caption>
        <thead><tr><th scope="col">Source state</th><th scope="col">Firearms</th><th scope="col">Share</th></tr></thead>
        <tbody>${s.rows.map((r) => html`<tr><th scope="row">${r.sourceName}${r.weaker ? " *" : ""}</th><td>${r.firearms}</td><td>${pct(r.share)}</td></tr>`)}</tbody></table>
        <p class="usa-hint">* a state with weaker laws, as defined above.</p></div>
    </div>
    <div class="grid-row grid-gap">
      <div class="grid-col-12 desktop:grid-col-8"><figure>${raw(chart)}</figure></div>
      <div class="grid-col-12 desktop:grid-col-4"><table class="usa-table usa-table--compact"><caption>Top out-of-state sources (data for the chart)</caption>
        <thead><tr><th scope="col">State</th><th scope="col">Firearms</th></tr></thead><tbody>${top.map((r) => html`<tr><th scope="row">${r.sourceName}</th><td>${r.firearms}</td></tr>`)}</tbody></table></div>
    </div>
    <h2>Stateline's own traces</h2>
    ${s.stateline.length ? html`<table class="usa-table"><caption>Traces of guns recovered in ${s.recoveryName} in ${s.year}, by source state found</caption><thead><tr><th scope="col">Source state</th><th scope="col">Traces</th></tr></thead><tbody>${s.stateline.map((x) => html`<tr><th scope="row">${STATES[x.source] ?? x.source}</th><td>${x.traces}</td></tr>`)}</tbody></table>` : html`<p>No traces with a source state for this year.</p>`}
    <p><a class="usa-link" href="/tracing/analytics/source-states.csv?year=${String(s.year)}&state=${s.recovery}" download>Download the table as CSV</a></p>
    <p class="usa-hint">${ATF_ATTRIBUTION}</p>`,
  );
}

// ---------------------------------------------------------------- dealers

const figuresRows = (f: DealerFigures): [string, string | number][] => [
  ["Retail sales in the period", f.sales],
  ["Traces of its guns", f.traces],
  ["Traces per 1,000 sales", f.tracesPer1000Sales ?? "-"],
  ["Time to crime under three years", `${f.shortTimeToCrime} (${pct(f.shortTimeToCrimeShare)})`],
  ["Handguns sold with another to the same buyer within 7 days", f.multipleSales],
  ["Denials here of buyers also denied elsewhere within 30 days", f.repeatedDenials],
  ["Traced guns reported stolen", f.tracedGunsReportedStolen],
  ["Inventory loss and theft reports", f.inventoryLossReports ?? "not recorded yet"],
];

function dealerPage(
  req: FastifyRequest,
  reply: FastifyReply,
  f: DealerFigures,
  period: { from: string; to: string },
  own: boolean,
) {
  return sendPage(
    reply,
    req,
    f.name,
    html`<h1>${f.name}${own ? " (your figures)" : ""}</h1>
    <p class="usa-intro">FFL ${f.fflNumber ?? "-"}, ${f.town}. Period ${period.from} to ${period.to}.</p>
    ${summaryList(figuresRows(f))}
    <p class="usa-hint">These are signals for a conversation, not findings: a large shop's ordinary business can produce traces.</p>`,
  );
}

// ---------------------------------------------------------------- leads

function leadsPage(req: FastifyRequest, p: ReadPurpose, items: TraffickingLead[]): Html {
  return html`<h1>Trafficking leads</h1>
    <table class="usa-table"><caption>Open and recent leads (this read is in the audit trail)</caption>
      <thead><tr><th scope="col">Lead</th><th scope="col">Kind</th><th scope="col">About</th><th scope="col">Reason</th><th scope="col">Status</th><th scope="col">Action</th></tr></thead>
      <tbody>${items.map(
        (
          l,
        ) => html`<tr><td>${l.number}</td><td>${l.kind}</td><td>${l.subject.label}</td><td>${l.reason}</td><td>${l.status}${l.case ? ` (${l.case.number})` : ""}</td>
        <td>${
          l.status === "open"
            ? html`<form method="post" action="/tracing/leads/${l.id}/open-case">${csrfField(req)}${hiddenPurpose(p)}<button class="usa-button usa-button--outline" type="submit">Open a case</button></form>
          <form method="post" action="/tracing/leads/${l.id}/dismiss">${csrfField(req)}${hiddenPurpose(p)}${textareaField({ name: "reason", label: "Reason to dismiss", rows: 2 })}<button class="usa-button usa-button--unstyled" type="submit">Dismiss</button></form>`
            : ""
        }</td></tr>`,
      )}</tbody></table>`;
}

export function registerTracingPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  // The partner exchange keeps the exact bytes that were signed (its own media type, parsed as a string).
  app.addContentTypeParser(EXCHANGE_CONTENT_TYPE, { parseAs: "string" }, (_req, body, done) => done(null, body));

  app.get(
    "/tracing",
    signedIn(async (req, reply, user) => {
      forbid(
        tracingPolicy.request(user),
        "traces are for police, the Attorney General's office and the trafficking task force",
      );
      return home(req, reply, user);
    }),
  );

  app.post(
    "/tracing/traces",
    signedIn(async (req, reply, user) => {
      forbid(
        tracingPolicy.request(user),
        "traces are for police, the Attorney General's office and the trafficking task force",
      );
      const b = formBody(req);
      const parsed = TraceRequest.safeParse(traceInput(b));
      if (!parsed.success) {
        const errors: FormErrors = {};
        for (const i of parsed.error.issues) {
          const k = i.path.join(".");
          errors[k === "purpose.code" ? "purposeCode" : k === "purpose.text" ? "purposeText" : k || "form"] ??=
            i.message;
        }
        return home(req, reply, user, b, errors);
      }
      try {
        const r = await requestTrace(makeCtx(req), parsed.data);
        const open = html`<form method="post" action="/tracing/traces/${r.trace.id}">${csrfField(req)}${hiddenPurpose(parsed.data.purpose)}<button class="usa-button usa-button--outline" type="submit">Open trace ${r.trace.number} (with its referrals)</button></form>`;
        return home(req, reply, user, {}, {}, html`${answerPanel(r.trace, r.answer)}${open}`);
      } catch (e) {
        if (isFormError(e))
          return home(req, reply, user, b, errorsFrom(e, ["recovery.date", "recovery.possessor.birthDate"]));
        throw e;
      }
    }),
  );

  app.post(
    "/tracing/traces/:id",
    signedIn(async (req, reply, user) => {
      forbid(tracingPolicy.read(user), "only investigators read traces");
      const id = idParam(req, "trace");
      const { purpose, errors } = purposeFromForm(formBody(req));
      if (!purpose)
        return sendPage(
          reply,
          req,
          "Open a trace",
          html`<h1>Open a trace</h1>${errorSummary(errors)}<form class="usa-form" method="post" action="/tracing/traces/${id}">${csrfField(req)}${purposeFields(errors, formBody(req))}<button class="usa-button" type="submit">Open</button></form>`,
          { status: 400 },
        );
      const d = await getTrace(makeCtx(req), id, purpose);
      return sendPage(
        reply,
        req,
        d.trace.number,
        html`${answerPanel(d.trace, null)}
      <table class="usa-table"><caption>Referrals</caption><thead><tr><th scope="col">To</th><th scope="col">Status</th><th scope="col">Their reference</th></tr></thead>
      <tbody>${d.referrals.map((r) => html`<tr><td>${r.target === "atf" ? "ATF eTrace" : r.target.replace("partner:", "Partner state ")}</td><td>${r.status}</td><td>${r.externalReference ?? ""}</td></tr>`)}</tbody></table>
      <p>Requested ${when(d.trace.requestedAt)}</p>`,
      );
    }),
  );

  app.get(
    "/tracing/analytics",
    signedIn(async (req, reply, user) => {
      forbid(
        tracingPolicy.analytics(user),
        "source-state analytics are for investigators, the task force and licensing staff",
      );
      return analyticsPage(req, reply, makeCtx);
    }),
  );

  // The CSV download of the analytics table (a file, not an API answer; the same figures are in /api/v1/tracing/analytics/source-states).
  app.get(
    "/tracing/analytics/source-states.csv",
    signedIn(async (req, reply, user) => {
      forbid(
        tracingPolicy.analytics(user),
        "source-state analytics are for investigators, the task force and licensing staff",
      );
      const year = Number(queryParam(req, "year"));
      const s = await sourceStatesFor(
        makeCtx(req),
        Number.isInteger(year) ? year : 0,
        queryParam(req, "state") || "CT",
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="atf-source-states-${s.recovery}-${s.year}.csv"`)
        .send(sourceStatesCsv(s));
    }),
  );

  app.get(
    "/tracing/dealers",
    signedIn(async (req, reply, user) => {
      forbid(
        tracingPolicy.dealerRanking(user),
        "the dealer ranking is for investigators, the task force and licensing staff",
      );
      const ctx = makeCtx(req);
      const r = await dealerRanking(ctx, periodOf(ctx));
      return sendPage(
        reply,
        req,
        "Dealer accountability",
        html`<h1>Dealer accountability</h1>
      <p class="usa-intro">Period ${r.period.from} to ${r.period.to}. Ranked by traces per 1,000 retail sales.</p>
      <table class="usa-table"><caption>Connecticut dealers</caption><thead><tr><th scope="col">Dealer</th><th scope="col">Sales</th><th scope="col">Traces</th><th scope="col">Per 1,000 sales</th><th scope="col">Under 3 years</th><th scope="col">Multiple sales</th><th scope="col">Repeated denials</th></tr></thead>
      <tbody>${r.dealers.map((d) => html`<tr><th scope="row"><a href="/tracing/dealers/${d.dealerId}">${d.name}</a></th><td>${d.sales}</td><td>${d.traces}</td><td>${d.tracesPer1000Sales ?? "-"}</td><td>${pct(d.shortTimeToCrimeShare)}</td><td>${d.multipleSales}</td><td>${d.repeatedDenials}</td></tr>`)}</tbody></table>
      <table class="usa-table"><caption>Out-of-state dealers named in traces</caption><thead><tr><th scope="col">Dealer</th><th scope="col">FFL</th><th scope="col">State</th><th scope="col">Traces</th><th scope="col">Under 3 years</th></tr></thead>
      <tbody>${r.outOfState.map((d) => html`<tr><th scope="row">${d.name}</th><td>${d.fflNumber ?? ""}</td><td>${d.state ?? ""}</td><td>${d.traces}</td><td>${d.shortTimeToCrime}</td></tr>`)}</tbody></table>`,
      );
    }),
  );

  app.get(
    "/tracing/dealers/:id",
    signedIn(async (req, reply) => {
      const ctx = makeCtx(req);
      const p = periodOf(ctx);
      return dealerPage(req, reply, await dealerFigures(ctx, idParam(req, "dealer"), p), p, false);
    }),
  );

  app.get(
    "/tracing/my-dealer",
    signedIn(async (req, reply) => {
      const ctx = makeCtx(req);
      const p = periodOf(ctx);
      return dealerPage(req, reply, await ownDealerFigures(ctx, p), p, true);
    }),
  );

  const leadsForm = (
    req: FastifyRequest,
    errors: FormErrors,
    b: Record<string, string> = {},
  ) => html`<h1>Trafficking leads</h1>${errorSummary(errors)}
    <form class="usa-form" method="post" action="/tracing/leads">${csrfField(req)}${purposeFields(errors, b)}<button class="usa-button" type="submit">Show leads</button></form>`;
  app.get(
    "/tracing/leads",
    signedIn(async (req, reply, user) => {
      forbid(tracingPolicy.leads(user), "trafficking leads are for investigators and the task force");
      return sendPage(reply, req, "Trafficking leads", leadsForm(req, {}));
    }),
  );
  app.post(
    "/tracing/leads",
    signedIn(async (req, reply, user) => {
      forbid(tracingPolicy.leads(user), "trafficking leads are for investigators and the task force");
      const b = formBody(req);
      const { purpose, errors } = purposeFromForm(b);
      if (!purpose) return sendPage(reply, req, "Trafficking leads", leadsForm(req, errors, b), { status: 400 });
      const r = await listTraffickingLeads(makeCtx(req), { limit: 100, offset: 0 }, purpose);
      return sendPage(reply, req, "Trafficking leads", leadsPage(req, purpose, r.items));
    }),
  );
  for (const action of ["dismiss", "open-case"] as const) {
    app.post(
      `/tracing/leads/:id/${action}`,
      signedIn(async (req, reply, user) => {
        forbid(tracingPolicy.leads(user), "trafficking leads are for investigators and the task force");
        const id = idParam(req, "lead");
        const b = formBody(req);
        const ctx = makeCtx(req);
        const { purpose } = purposeFromForm(b);
        try {
          if (action === "dismiss") await dismissTraffickingLead(ctx, id, b.reason ?? "");
          else await openTraffickingCase(ctx, id, {});
        } catch (e) {
          if (!isFormError(e)) throw e;
          return sendPage(
            reply,
            req,
            "Trafficking leads",
            html`<h1>Trafficking leads</h1><div class="usa-alert usa-alert--error"><div class="usa-alert__body"><p class="usa-alert__text">${e.message}</p></div></div>`,
            { status: 400 },
          );
        }
        if (!purpose) return reply.redirect("/tracing/leads", 303);
        const r = await listTraffickingLeads(ctx, { limit: 100, offset: 0 }, purpose);
        return sendPage(reply, req, "Trafficking leads", leadsPage(req, purpose, r.items), {
          flash: { text: action === "dismiss" ? "Lead dismissed." : "Case opened.", type: "success" },
        });
      }),
    );
  }
}
