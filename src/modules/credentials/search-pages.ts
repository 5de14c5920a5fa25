/**
 * * Licensing staff's lists: the queue with filters and sorted by age in the queue
 * (/staff/queue), finding a person (/staff/search) and the prohibiting events (/staff/events).
 *
 * Finding a person reads personal data, so the search is a posted form: the name, date of birth
 * and the purpose travel in the body, never in the address, and each search is audited with the
 * purpose and the people shown. The purpose is remembered for the records in the results, so a
 * result opens without asking again (each view is still audited by the record's page).
 * Lists show numbers (A-..., credential numbers) as links, never ids, and people by name.
 */
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type Ctx } from "../../context.ts";
import { forbidden } from "../../lib/errors.ts";
import { DateFilter, EnumFilter, TextFilter, checkRange, listQuery, pageWindow } from "../../lib/paging.ts";
import { purposeLine, type ReadPurpose } from "../../lib/purpose.ts";
import { daysBetween, type PlainDate } from "../../law/core/dates.ts";
import { type User } from "../auth/index.ts";
import { appendAudit, auditRead, auditRefusedRead } from "../audit/index.ts";
import { policy } from "./policy.ts";
import { CREDENTIAL_KINDS, CREDENTIAL_NAMES, type ApplicationStatus } from "./service.ts";
import type { CredentialKind } from "../../law/ct/credentials/index.ts";
import { listEvents, queuePage, searchPeople, type PersonHit, type PersonSearch } from "./queries.ts";
import {
  checkDate,
  csrfField,
  dateField,
  errorSummary,
  formBody,
  html,
  listFilters,
  listHref,
  pager,
  postedPager,
  purposeFields,
  purposeFromForm,
  rememberPurpose,
  selectField,
  sendPage,
  signedIn,
  statusLabel,
  statusTag,
  textField,
  townOptions,
  when,
  type FormErrors,
  type Html,
} from "../../web/kit.ts";

type MakeCtx = (req: FastifyRequest) => Ctx;
const PAGE_SIZE = 50;
const SEARCH_PAGE_SIZE = 25;

const OPEN: ApplicationStatus[] = ["submitted", "approvable", "needs-review", "ineligible"];
const ALL_STATUSES = [
  "submitted",
  "approvable",
  "needs-review",
  "ineligible",
  "issued",
  "denied",
  "withdrawn",
] as const satisfies readonly ApplicationStatus[];

function requireStaff(user: User): void {
  if (!policy.workQueue(user)) throw forbidden("only licensing staff work the queue");
}

const personName = (p: { firstName: string; middleName?: string | null; lastName: string }) =>
  [p.firstName, p.middleName, p.lastName].filter(Boolean).join(" ");

// ---------------------------------------------------------------- the queue

const QueueQuery = listQuery({
  status: EnumFilter(ALL_STATUSES),
  kind: EnumFilter(CREDENTIAL_KINDS as unknown as readonly [CredentialKind, ...CredentialKind[]]),
  channel: EnumFilter(["online", "paper"] as const),
  town: TextFilter(100),
  waitingSince: DateFilter,
  sort: EnumFilter(["oldest", "newest"] as const),
});

async function queueListPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User) {
  requireStaff(user);
  const ctx = makeCtx(req);
  const f = listFilters(req, QueueQuery);
  const sort = f.sort ?? "oldest";
  const { items, total } = await queuePage(
    ctx.db,
    {
      statuses: f.status ? [f.status] : OPEN,
      credentialKind: f.kind,
      channel: f.channel,
      town: f.town,
      submittedTo: f.waitingSince,
      sort,
    },
    pageWindow(f.page, PAGE_SIZE),
  );
  const filters = {
    status: f.status,
    kind: f.kind,
    channel: f.channel,
    town: f.town,
    waitingSince: f.waitingSince,
    sort: f.sort,
  };
  const towns = await townOptions(ctx.db);
  return sendPage(
    reply,
    req,
    "Licensing queue",
    html`<h1>Licensing queue</h1>
    <p><a class="usa-button usa-button--outline" href="/staff/search">Find a person</a> <a class="usa-button usa-button--outline" href="/staff/events">Prohibiting events</a></p>
    <form class="usa-form stateline-filter" method="get" action="/staff/queue" aria-label="Filter the queue">
      ${selectField({ name: "status", label: "Show applications that are", value: f.status ?? "", empty: "Open (any status awaiting action)", options: ALL_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })) })}
      ${selectField({ name: "kind", label: "Credential", value: f.kind ?? "", empty: "Any credential", options: CREDENTIAL_KINDS.map((k) => ({ value: k, label: CREDENTIAL_NAMES[k] })) })}
      ${selectField({
        name: "channel",
        label: "Channel",
        value: f.channel ?? "",
        empty: "Online and paper",
        options: [
          { value: "online", label: "Online" },
          { value: "paper", label: "Paper" },
        ],
      })}
      ${selectField({ name: "town", label: "Town of residence", value: f.town ?? "", empty: "Any town", options: towns })}
      ${dateField({ name: "waitingSince", label: "Submitted on or before", value: f.waitingSince, hint: "The longest waiting. Written YYYY-MM-DD." })}
      ${selectField({
        name: "sort",
        label: "Order",
        value: sort,
        options: [
          { value: "oldest", label: "Longest in the queue first" },
          { value: "newest", label: "Newest first" },
        ],
      })}
      <button class="usa-button usa-button--outline" type="submit">Filter</button>
    </form>
    ${
      items.length
        ? html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--striped" id="queue">
      <caption>${f.status ? `${statusLabel(f.status)} applications` : "Open applications"}, ${sort === "oldest" ? "longest in the queue first" : "newest first"}: ${total} in all</caption>
      <thead><tr><th scope="col">Number</th><th scope="col">Applicant</th><th scope="col">Credential</th><th scope="col">Town</th><th scope="col">Submitted</th><th scope="col">Days in queue</th><th scope="col">Status</th></tr></thead>
      <tbody>${items.map(
        (i) => html`<tr>
        <th scope="row"><a href="/staff/applications/${i.id}">${i.number}</a></th>
        <td>${i.person.lastName}, ${i.person.firstName}</td>
        <td>${CREDENTIAL_NAMES[i.credentialKind as CredentialKind] ?? i.credentialKind}${i.kind === "renewal" ? " (renewal)" : ""}${i.channel === "paper" ? " (paper)" : ""}</td>
        <td>${i.residenceTown}</td>
        <td>${i.submittedOn}</td>
        <td>${Math.max(0, daysBetween(i.submittedOn, ctx.today))}</td>
        <td>${statusTag(i.status)}</td></tr>`,
      )}</tbody>
    </table></div>`
        : html`<p>No ${f.status ? statusLabel(f.status).toLowerCase() : "open"} applications match.</p>`
    }
    ${pager({ page: f.page, total, size: PAGE_SIZE, href: (p) => listHref("/staff/queue", filters, p), label: "Queue pages" })}`,
  );
}

// ---------------------------------------------------------------- finding a person

interface SearchValues {
  name?: string;
  birthDate?: string;
  town?: string;
  credentialNumber?: string;
  applicationNumber?: string;
  purposeCode?: string;
  purposeText?: string;
}

const SEARCH_LABELS = {
  name: "Name",
  birthDate: "Date of birth",
  town: "Town",
  credentialNumber: "Credential number",
  applicationNumber: "Application number",
  purposeCode: "Purpose",
  purposeText: "In your words",
};

function searchForm(
  req: FastifyRequest,
  v: SearchValues,
  errors: FormErrors,
  towns: { value: string; label: string }[],
): Html {
  return html`<form class="usa-form usa-form--large" method="post" action="/staff/search" novalidate aria-label="Find a person">
    ${csrfField(req)}
    <p class="usa-hint">Fill in one or more; a person must match all of them.</p>
    ${textField({ name: "name", label: "Name", value: v.name, error: errors.name, hint: "Whole or partial names in any order; a first name also finds its nicknames (Bob finds Robert)", autocomplete: "off", width: "xl" })}
    ${dateField({ name: "birthDate", label: "Date of birth", value: v.birthDate, error: errors.birthDate })}
    ${selectField({ name: "town", label: "Town", value: v.town, error: errors.town, empty: "Any town", options: towns })}
    ${textField({ name: "credentialNumber", label: "Credential number", value: v.credentialNumber, error: errors.credentialNumber, hint: "For example LE-1000001", width: "md", autocomplete: "off" })}
    ${textField({ name: "applicationNumber", label: "Application number", value: v.applicationNumber, error: errors.applicationNumber, hint: "For example A-1000001", width: "md", autocomplete: "off" })}
    ${purposeFields(errors, v)}
    <button class="usa-button" type="submit">Search</button>
  </form>`;
}

const NUMBER = /^[A-Za-z]{1,3}-?\d{1,12}$/;

function parseSearch(
  b: Record<string, string>,
  towns: { value: string }[],
): { values: SearchValues; errors: FormErrors; search?: PersonSearch; purpose?: ReadPurpose } {
  const t = (k: keyof SearchValues) => (b[k] ?? "").trim();
  const values: SearchValues = {
    name: t("name"),
    birthDate: t("birthDate"),
    town: t("town"),
    credentialNumber: t("credentialNumber"),
    applicationNumber: t("applicationNumber"),
    purposeCode: t("purposeCode"),
    purposeText: b.purposeText ?? "",
  };
  const errors: FormErrors = {};
  const p = purposeFromForm(b);
  Object.assign(errors, p.errors);
  if (values.name!.length > 100) errors.name = "The name must be at most 100 characters";
  else if (values.name && values.name.replace(/[^\p{L}\p{N}]/gu, "").length < 2)
    errors.name = "Write at least two letters of the name";
  const birthDate = checkDate(errors, "birthDate", values.birthDate!, "date of birth");
  if (values.town && !towns.some((x) => x.value === values.town))
    errors.town = "Choose a Connecticut town from the list";
  for (const k of ["credentialNumber", "applicationNumber"] as const)
    if (values[k] && !NUMBER.test(values[k]!))
      errors[k] =
        `Write the ${k === "credentialNumber" ? "credential" : "application"} number as printed, for example ${k === "credentialNumber" ? "LE-1000001" : "A-1000001"}`;
  const given = !!(
    values.name ||
    values.birthDate ||
    values.town ||
    values.credentialNumber ||
    values.applicationNumber
  );
  if (!given && !Object.keys(errors).some((k) => k !== "purposeCode" && k !== "purposeText"))
    errors.name = "Fill in a name, date of birth, town, credential number or application number";
  if (Object.keys(errors).length || !p.purpose) return { values, errors };
  return {
    values,
    errors,
    purpose: p.purpose,
    search: {
      name: values.name || undefined,
      birthDate: birthDate as PlainDate | undefined,
      town: values.town || undefined,
      credentialNumber: values.credentialNumber || undefined,
      applicationNumber: values.applicationNumber || undefined,
    },
  };
}

function resultsTable(hits: PersonHit[], total: number): Html {
  return html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--striped" id="results">
    <caption>${total} ${total === 1 ? "person matches" : "people match"}, by name</caption>
    <thead><tr><th scope="col">Name</th><th scope="col">Date of birth</th><th scope="col">Town</th><th scope="col">Credentials</th><th scope="col">Applications</th></tr></thead>
    <tbody>${hits.map(
      (h) => html`<tr>
      <th scope="row">${personName(h.person)}</th><td>${h.person.birthDate}</td><td>${h.person.town ?? ""}</td>
      <td>${h.credentials.length ? html`<ul class="usa-list usa-list--unstyled">${h.credentials.map((c) => html`<li><a href="/staff/credentials/${c.id}">${c.number}</a> ${CREDENTIAL_NAMES[c.kind as CredentialKind] ?? c.kind} ${statusTag(c.status)}</li>`)}</ul>` : "None"}</td>
      <td>${h.applications.length ? html`<ul class="usa-list usa-list--unstyled">${h.applications.map((a) => html`<li><a href="/staff/applications/${a.id}">${a.number}</a> ${CREDENTIAL_NAMES[a.credentialKind as CredentialKind] ?? a.credentialKind}, ${a.submittedOn} ${statusTag(a.status)}</li>`)}</ul>` : "None"}</td></tr>`,
    )}</tbody>
  </table></div>`;
}

async function searchPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  posted: Record<string, string> | null,
) {
  const ctx = makeCtx(req);
  if (!policy.workQueue(user))
    throw await auditRefusedRead(
      ctx,
      { action: "person.search", entityType: "people" },
      "only licensing staff search people",
    );
  const towns = await townOptions(ctx.db);
  const intro = html`<h1>Find a person</h1>
    <p class="usa-intro">Search the people Stateline knows by name, date of birth, town, credential number or application number, and open their credentials and applications.</p>`;
  if (!posted) return sendPage(reply, req, "Find a person", html`${intro}${searchForm(req, {}, {}, towns)}`);
  const { values, errors, search, purpose } = parseSearch(posted, towns);
  if (!search || !purpose)
    return sendPage(
      reply,
      req,
      "Find a person",
      html`${errorSummary(errors, SEARCH_LABELS)}${intro}${searchForm(req, values, errors, towns)}`,
      { status: 400 },
    );
  const pageNo = Math.max(1, Math.min(1000, Number.parseInt(posted.page ?? "1", 10) || 1));
  const r = await searchPeople(ctx.db, search, pageWindow(pageNo, SEARCH_PAGE_SIZE));
  await ctx.db.tx((q) =>
    auditRead(q, ctx, purpose, {
      action: "person.search",
      entityType: "people",
      personIds: r.items.map((h) => h.person.id),
      details: {
        // Which criteria were used, and the record numbers (not the name or date of birth).
        criteria: Object.entries(search)
          .filter(([, v]) => v !== undefined)
          .map(([k]) => k),
        credentialNumber: search.credentialNumber ?? null,
        applicationNumber: search.applicationNumber ?? null,
        page: pageNo,
        total: r.total,
      },
    }),
  );
  // The stated purpose stands for opening the records found (each view is audited there).
  for (const h of r.items) {
    for (const c of h.credentials) rememberPurpose(req, `credential:${c.id}`, purpose);
    for (const a of h.applications) rememberPurpose(req, `application:${a.id}`, purpose);
  }
  return sendPage(
    reply,
    req,
    "Find a person",
    html`${intro}
    ${r.items.length ? resultsTable(r.items, r.total) : html`<div class="usa-alert usa-alert--info usa-alert--slim" role="status"><div class="usa-alert__body"><p class="usa-alert__text">Nobody matches. Try part of the name, or fewer criteria.</p></div></div>`}
    <form method="post" action="/staff/search" aria-label="Pages of results">
      ${csrfField(req)}
      ${Object.entries(values).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v ?? ""}">`)}
      ${postedPager({ page: pageNo, total: r.total, size: SEARCH_PAGE_SIZE, label: "Pages of results" })}
    </form>
    <h2>Search again</h2>
    ${searchForm(req, values, {}, towns)}
    <p class="usa-hint">Each search is recorded in the audit trail with its purpose, as is each record opened from the results.</p>`,
  );
}

// ---------------------------------------------------------------- prohibiting events

const EVENT_KIND_LABELS: Record<string, string> = {
  conviction: "Conviction",
  "probate-commitment": "Psychiatric commitment by a probate court",
  "voluntary-admission": "Voluntary psychiatric admission",
  "ngri-discharge": "Discharge after a not-guilty-by-reason-of-insanity finding",
  "protective-order": "Protective order",
  "restraining-order": "Restraining order",
  "foreign-order": "Foreign order of protection",
  "firearms-seizure-order": "Firearms seizure order",
  "federal-prohibitor": "Federal prohibitor",
};
const EVENT_KIND_IDS = Object.keys(EVENT_KIND_LABELS) as [string, ...string[]];

const EventsQuery = listQuery({
  kind: EnumFilter(EVENT_KIND_IDS),
  state: EnumFilter(["in-force", "lifted"] as const),
  from: DateFilter,
  to: DateFilter,
}).superRefine((v, c) => checkRange(v, c));

async function eventsPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User) {
  const ctx = makeCtx(req);
  if (!policy.workQueue(user))
    throw await auditRefusedRead(
      ctx,
      { action: "prohibiting-event.list", entityType: "prohibiting_events" },
      "only licensing staff see the prohibiting events",
    );
  const f = listFilters(req, EventsQuery);
  const r = await listEvents(
    ctx.db,
    { kind: f.kind, state: f.state, from: f.from, to: f.to },
    pageWindow(f.page, PAGE_SIZE),
  );
  // Names with court and health records: the list is an audited read (licensing staff work these events).
  await appendAudit(ctx.db, ctx, {
    action: "prohibiting-event.list",
    entityType: "prohibiting_events",
    purpose: purposeLine({ code: "licensing-review", text: "licensing staff work the prohibiting events list" }),
    details: {
      personIds: [...new Set(r.items.map((e) => e.person.id))],
      page: f.page,
      filters: { kind: f.kind ?? null, state: f.state ?? null, from: f.from ?? null, to: f.to ?? null },
    },
  });
  const filters = { kind: f.kind, state: f.state, from: f.from, to: f.to };
  return sendPage(
    reply,
    req,
    "Prohibiting events",
    html`<h1>Prohibiting events</h1>
    <p><a class="usa-button" href="/staff/events/new">Record a prohibiting event</a></p>
    <form class="usa-form stateline-filter" method="get" action="/staff/events" aria-label="Filter the events">
      ${selectField({ name: "kind", label: "Kind of event", value: f.kind ?? "", empty: "Any kind", options: EVENT_KIND_IDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k]! })) })}
      ${selectField({
        name: "state",
        label: "In force or lifted",
        value: f.state ?? "",
        empty: "Both",
        options: [
          { value: "in-force", label: "In force" },
          { value: "lifted", label: "Lifted" },
        ],
      })}
      ${dateField({ name: "from", label: "Event from", value: f.from })}
      ${dateField({ name: "to", label: "Event to", value: f.to })}
      <button class="usa-button usa-button--outline" type="submit">Filter</button>
    </form>
    ${
      r.items.length
        ? html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--striped" id="events">
      <caption>Prohibiting events, newest first: ${r.total} in all</caption>
      <thead><tr><th scope="col">Date</th><th scope="col">Kind</th><th scope="col">Person</th><th scope="col">Credentials</th><th scope="col">Source</th><th scope="col">Recorded</th><th scope="col">State</th></tr></thead>
      <tbody>${r.items.map(
        (e) => html`<tr>
        <th scope="row">${e.eventOn}</th><td>${EVENT_KIND_LABELS[e.kind] ?? e.kind}</td>
        <td>${e.person.lastName}, ${e.person.firstName} (born ${e.person.birthDate})</td>
        <td>${e.credentials.length ? e.credentials.map((c, i) => html`${i ? ", " : ""}<a href="/staff/credentials/${c.id}">${c.number}</a> (${statusLabel(c.status).toLowerCase()})`) : "None"}</td>
        <td>${e.source}${e.reference ? html`<br><span class="usa-hint">${e.reference}</span>` : ""}</td>
        <td>${when(e.recordedAt)}${e.recordedBy ? html`<br><span class="usa-hint">by ${e.recordedBy.displayName} (${e.recordedBy.username})</span>` : html`<br><span class="usa-hint">by a record feed</span>`}</td>
        <td>${e.liftedAt ? html`<span class="usa-tag stateline-tag stateline-tag--neutral">Lifted</span> ${when(e.liftedAt)}` : html`<span class="usa-tag stateline-tag stateline-tag--bad">In force</span>`}</td></tr>`,
      )}</tbody>
    </table></div>`
        : html`<p>No prohibiting events match.</p>`
    }
    ${pager({ page: f.page, total: r.total, size: PAGE_SIZE, href: (p) => listHref("/staff/events", filters, p), label: "Event pages" })}`,
  );
}

export function registerStaffListPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get(
    "/staff/queue",
    signedIn((req, reply, user) => queueListPage(req, reply, makeCtx, user)),
  );
  app.get(
    "/staff/search",
    signedIn((req, reply, user) => searchPage(req, reply, makeCtx, user, null)),
  );
  // A search, not a change: posted so that names, dates of birth and the purpose stay out of URLs and logs.
  app.post(
    "/staff/search",
    signedIn((req, reply, user) => searchPage(req, reply, makeCtx, user, formBody(req))),
  );
  app.get(
    "/staff/events",
    signedIn((req, reply, user) => eventsPage(req, reply, makeCtx, user)),
  );
}
