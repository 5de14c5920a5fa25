/**
 * Enforcement pages for licensing staff, law enforcement and auditors: the review queue (a record
 * and its candidates side by side with the reasons, and the decision), a person's enforcement
 * record with every match decision and who made it, the armed-and-prohibited list with counts by
 * town and case age, one § 34 obligation with proof of transfer and surrender receipts, seizures,
 * and the auditors' log of every automatic and manual match.
 *
 * Court, probate and health records are confidential: each page first asks why (a purpose, posted
 * in the form and never put in the URL), and the read is audited. Record sources see no page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Ctx } from "../../context.ts";
import { AppError } from "../../lib/errors.ts";
import type { MakeCtx } from "../../lib/module.ts";
import { PURPOSE_CODES, PURPOSE_LABELS, ReadPurpose } from "../../lib/purpose.ts";
import { type User } from "../auth/index.ts";
import {
  csrfField,
  dateField,
  errorsFrom,
  errorSummary,
  formBody,
  html,
  idParam,
  isFormError,
  radioGroup,
  selectField,
  sendPage,
  signedIn,
  statusTag,
  summaryList,
  textareaField,
  textField,
  when,
  type FormErrors,
  type Html,
} from "../../web/kit.ts";
import { recordCompliance } from "./obligations.ts";
import { enforcementPolicy as policy } from "./policy.ts";
import * as reads from "./reads.ts";
import type { StoredRecord } from "./queries.ts";
import { actOnSeizure, recordSeizure } from "./seizures.ts";
import { CompliancePayload, NewSeizure, SeizureAction } from "./schemas.ts";
import { decideReview } from "./service.ts";

/** Accepts batch files sent as text/csv (the feeds' batch route parses them). */
function acceptCsv(app: FastifyInstance): void {
  if (!app.hasContentTypeParser("text/csv"))
    app.addContentTypeParser("text/csv", { parseAs: "string" }, (_req, body, done) => done(null, body));
}

const KIND_LABELS: Record<string, string> = {
  conviction: "Conviction",
  "protective-order": "Protective order",
  "restraining-order": "Restraining order",
  "probate-commitment": "Probate commitment",
  "voluntary-admission": "Voluntary admission",
  "risk-warrant": "Risk warrant / seizure order",
  "federal-prohibitor": "Federal prohibitor",
};

function refuseSources(user: User): void {
  if (policy.isSource(user)) throw new AppError("forbidden", "record sources send records and never read them");
}

// ---------------------------------------------------------------- the purpose gate

interface Gate {
  purpose: ReadPurpose;
  hidden: Html;
}

/**
 * On GET: the purpose form. On POST: the purpose from the form (errors shown again), then the
 * page. The purpose travels on in hidden fields of the page's own forms, never in the URL.
 */
type Rendered = Html | { body: Html; status: number };

async function withPurpose(
  req: FastifyRequest,
  reply: FastifyReply,
  title: string,
  intro: string,
  render: (g: Gate) => Promise<Rendered>,
): Promise<unknown> {
  const body = req.method === "POST" ? formBody(req) : {};
  let error: string | undefined;
  if (req.method === "POST") {
    const p = ReadPurpose.safeParse({ code: body.purposeCode, text: body.purposeText ?? "" });
    if (p.success) {
      const hidden = html`<input type="hidden" name="purposeCode" value="${p.data.code}"><input type="hidden" name="purposeText" value="${p.data.text}">`;
      const out = await render({ purpose: p.data, hidden });
      return "status" in out
        ? sendPage(reply, req, title, out.body, { status: out.status })
        : sendPage(reply, req, title, out);
    }
    error = p.error.issues.map((i) => i.message).join("; ");
  }
  return sendPage(
    reply,
    req,
    title,
    html`<h1>${title}</h1><p class="usa-intro">${intro}</p>
    ${error ? errorSummary({ purposeText: error }, { purposeText: "Purpose" }) : ""}
    <form class="usa-form usa-form--large" method="post" novalidate>${csrfField(req)}
      ${selectField({ name: "purposeCode", label: "Purpose", value: body.purposeCode, options: PURPOSE_CODES.map((c) => ({ value: c, label: PURPOSE_LABELS[c] })) })}
      ${textField({ name: "purposeText", label: "Why you need these records", value: body.purposeText, error, required: true, width: "2xl", hint: "At least 10 characters, for example a case number and why. Recorded in the audit trail." })}
      <button class="usa-button" type="submit">Show</button>
    </form>`,
    { status: error ? 400 : 200 },
  );
}

const subjectText = (s: Record<string, any>) => [s.firstName, s.middleName, s.lastName].filter(Boolean).join(" ");

function recordSummary(r: StoredRecord): Html {
  const d = r.details;
  return summaryList([
    ["Record", `${r.number} (${r.source} ${r.sourceRecordId}, version ${r.version})`],
    ["Kind", KIND_LABELS[r.kind] ?? r.kind],
    ["Name as sent", subjectText(r.subject)],
    ["Date of birth as sent", r.subject.birthDate],
    ["Address as sent", [r.subject.street, r.subject.town, r.subject.zip].filter(Boolean).join(", ") || "none"],
    ["Event date", r.eventOn],
    ...(d.statute ? [["Statute", `${d.statute}${d.felony ? " (felony)" : ""}`] as const] : []),
    ...(d.expiresOn ? [["Expires", d.expiresOn] as const] : []),
    ...(d.ammunitionIndicated !== undefined
      ? [["Ammunition indicated (§ 36)", d.ammunitionIndicated ? "yes" : "no"] as const]
      : []),
    ...(d.solelyAlcoholOrDrug !== undefined
      ? [["Solely for alcohol or drug treatment", d.solelyAlcoholOrDrug ? "yes" : "no"] as const]
      : []),
    ["State", r.recordState],
    ["Status", statusTag(r.status)],
  ]);
}

// ---------------------------------------------------------------- review queue and one review

async function reviewQueue(ctx: Ctx, g: Gate, req: FastifyRequest): Promise<Html> {
  const r = await reads.getReviewQueue(ctx, { status: "open", limit: 100, offset: 0 }, () => g.purpose);
  return html`<h1>Match reviews</h1>
    <p class="usa-intro">Records whose person is uncertain. Nothing is revoked or denied until you decide.</p>
    ${
      r.items.length === 0
        ? html`<p>No open reviews.</p>`
        : html`<table class="usa-table usa-table--borderless usa-table--stacked"><caption>${r.total} open</caption>
      <thead><tr><th scope="col">Record</th><th scope="col">Kind</th><th scope="col">Source</th><th scope="col">Candidates</th><th scope="col">Since</th><th scope="col"></th></tr></thead>
      <tbody>${r.items.map(
        (
          x,
        ) => html`<tr><th scope="row">${x.recordNumber}</th><td>${KIND_LABELS[x.kind] ?? x.kind}</td><td>${x.source}</td><td>${x.candidates.length}</td><td>${x.openedOn}</td>
        <td><form method="post" action="/enforcement/reviews/${x.id}">${csrfField(req)}${g.hidden}<button class="usa-button usa-button--unstyled" type="submit">Review ${x.recordNumber}</button></form></td></tr>`,
      )}</tbody></table>`
    }`;
}

async function reviewPage(
  ctx: Ctx,
  g: Gate,
  req: FastifyRequest,
  id: string,
  errors: FormErrors = {},
  values: Record<string, string> = {},
): Promise<Html> {
  const r = await reads.getReview(ctx, id, () => g.purpose);
  const open = r.review.status === "open";
  return html`<h1>Review of record ${r.record.number}</h1>
    ${errorSummary(errors, { decision: "Decision", personId: "Person", note: "Note" })}
    <div class="grid-row grid-gap">
      <div class="grid-col-12 tablet:grid-col-5"><h2>The record</h2>${recordSummary(r.record)}</div>
      <div class="grid-col-12 tablet:grid-col-7"><h2>Candidates</h2>
        ${r.candidates.map(
          (
            c,
          ) => html`<div class="usa-card__container margin-bottom-2 padding-2"><h3 class="margin-top-0">${c.person ? `${c.person.firstName} ${c.person.lastName}` : c.personId}</h3>
          ${summaryList([
            ["Date of birth", c.person?.birthDate ?? ""],
            ["Address", [c.person?.street, c.person?.town, c.person?.zip].filter(Boolean).join(", ")],
            ["Probability", `${(c.probability * 100).toFixed(1)} %`],
            ["Weight", c.weight.toFixed(2)],
            ["Matcher says", c.decision],
          ])}
          <h4>Reasons</h4><ul>${c.reasons.map((x) => html`<li>${x}</li>`)}</ul></div>`,
        )}
      </div>
    </div>
    ${
      open
        ? html`<h2>Decision</h2><form class="usa-form usa-form--large" method="post" action="/enforcement/reviews/${id}/decision" novalidate>${csrfField(req)}${g.hidden}
      ${radioGroup({
        name: "choice",
        label: "Whose record is this?",
        value: values.choice,
        error: errors.decision ?? errors.personId,
        required: true,
        options: [
          ...r.candidates.map((c) => ({
            value: c.personId,
            label: c.person ? `${c.person.firstName} ${c.person.lastName}, born ${c.person.birthDate}` : c.personId,
          })),
          { value: "none", label: "None of them: not a match" },
        ],
      })}
      ${textareaField({ name: "note", label: "Why", value: values.note, error: errors.note, hint: "What settled it (address, middle name, licence number)." })}
      <button class="usa-button" type="submit">Record the decision</button></form>`
        : html`<p>Decided: ${statusTag(r.review.status)} by ${r.review.decidedBy ?? "unknown"} ${when(r.review.decidedAt)}${r.review.note ? ` — ${r.review.note}` : ""}</p>`
    }`;
}

// ---------------------------------------------------------------- person, list, obligation

async function personPage(ctx: Ctx, g: Gate, req: FastifyRequest, id: string): Promise<Html> {
  const r = await reads.getPersonRecord(ctx, id, () => g.purpose);
  const p = r.person;
  return html`<h1>${p.firstName} ${p.lastName}</h1>
    ${summaryList([
      ["Date of birth", p.birthDate],
      ["Town", p.town ?? ""],
    ])}
    <h2>Records matched to this person</h2>
    ${
      r.records.length === 0
        ? html`<p>None.</p>`
        : r.records.map(
            (
              x,
            ) => html`<h3>${x.record.number}: ${KIND_LABELS[x.record.kind] ?? x.record.kind} ${statusTag(x.record.status)}</h3>
      ${recordSummary(x.record)}
      <table class="usa-table usa-table--borderless"><caption>What happened to the record, and who did it</caption><thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">By</th><th scope="col">Details</th></tr></thead>
      <tbody>${x.history.map((h) => html`<tr><td>${when(h.at)}</td><td>${h.action}</td><td>${h.actor ?? "Stateline"}${h.actorRole ? ` (${h.actorRole})` : ""}</td><td>${String(h.details.how ?? h.details.decision ?? h.details.reason ?? "")}</td></tr>`)}</tbody></table>`,
          )
    }
    <h2>Match reviews about this person</h2>
    ${r.reviews.length === 0 ? html`<p>None.</p>` : html`<ul>${r.reviews.map((v) => html`<li>${v.recordNumber}: ${v.status}${v.decidedBy ? ` by ${v.decidedBy}` : ""} ${when(v.decidedAt)}${v.note ? ` — ${v.note}` : ""}</li>`)}</ul>`}
    <h2>Credentials</h2>
    ${r.credentials.length === 0 ? html`<p>None.</p>` : html`<ul>${r.credentials.map((c) => html`<li>${c.number} ${statusTag(c.status)}${c.surrenderDueOn ? ` surrender due ${c.surrenderDueOn}` : ""}${c.surrenderedOn ? `, surrendered ${c.surrenderedOn}` : ""}</li>`)}</ul>`}
    <h2>§ 34 obligations</h2>
    ${r.obligations.length === 0 ? html`<p>None.</p>` : html`<ul>${r.obligations.map((o) => html`<li><form method="post" action="/enforcement/obligations/${o.id}" class="display-inline">${csrfField(req)}${g.hidden}<button class="usa-button usa-button--unstyled" type="submit">${o.number}</button></form> ${statusTag(o.status)} due ${o.dueOn}</li>`)}</ul>`}
    <h2>Seizures</h2>
    ${r.seizures.length === 0 ? html`<p>None.</p>` : html`<ul>${r.seizures.map((s) => html`<li>${s.number}: ${s.basis}, ${s.seizedOn}, ${statusTag(s.status)}</li>`)}</ul>`}`;
}

async function listPage(ctx: Ctx, g: Gate, req: FastifyRequest): Promise<Html> {
  const town = formBody(req).town?.trim() || undefined;
  const r = await reads.getArmedProhibited(ctx, { town, limit: 200, offset: 0 }, () => g.purpose);
  return html`<h1>Armed and prohibited</h1>
    <p class="usa-intro">People whose records show firearms and who became prohibited: each has two business days to transfer or surrender firearms and ammunition (§ 34).</p>
    <form class="usa-form" method="post" novalidate>${csrfField(req)}${g.hidden}${textField({ name: "town", label: "Town", value: town ?? "" })}<button class="usa-button usa-button--outline" type="submit">Filter</button></form>
    <table class="usa-table usa-table--borderless usa-table--stacked"><caption>${r.total} people</caption>
      <thead><tr><th scope="col">Person</th><th scope="col">Town</th><th scope="col">Owns (records)</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col"></th></tr></thead>
      <tbody>${r.items.map(
        (
          x,
        ) => html`<tr><th scope="row"><form method="post" action="/enforcement/people/${x.person.id}">${csrfField(req)}${g.hidden}<button class="usa-button usa-button--unstyled" type="submit">${x.person.firstName} ${x.person.lastName}</button></form></th>
        <td>${x.person.town ?? ""}</td><td>${x.obligation.holdings.firearms.length} firearms, ${x.obligation.holdings.registrations.length} registrations, ${x.obligation.holdings.ammunition.rounds} rounds</td>
        <td>${x.obligation.dueOn}</td><td>${statusTag(x.obligation.status)}</td>
        <td><form method="post" action="/enforcement/obligations/${x.obligation.id}">${csrfField(req)}${g.hidden}<button class="usa-button usa-button--unstyled" type="submit">Obligation ${x.obligation.number}</button></form></td></tr>`,
      )}</tbody></table>
    <h2>Counts by town</h2>
    <table class="usa-table usa-table--borderless"><thead><tr><th scope="col">Town</th><th scope="col">Open</th><th scope="col">Overdue</th><th scope="col">Escalated</th></tr></thead>
      <tbody>${r.counts.byTown.map((t) => html`<tr><th scope="row">${t.town}</th><td>${t.open}</td><td>${t.overdue}</td><td>${t.escalated}</td></tr>`)}</tbody></table>
    <h2>Age of the cases</h2>
    <table class="usa-table usa-table--borderless"><thead><tr><th scope="col">Age</th><th scope="col">Obligations</th></tr></thead>
      <tbody>${r.counts.byAge.map((a) => html`<tr><th scope="row">${a.band}</th><td>${a.count}</td></tr>`)}</tbody></table>`;
}

async function obligationPage(
  ctx: Ctx,
  g: Gate,
  req: FastifyRequest,
  id: string,
  errors: FormErrors = {},
  values: Record<string, string> = {},
  flash?: string,
): Promise<Html> {
  const r = await reads.getObligation(ctx, id, () => g.purpose);
  const o = r.obligation;
  const live = r.next.length > 0;
  return html`<h1>Obligation ${o.number} ${statusTag(o.status)}</h1>
    ${flash ? html`<div class="usa-alert usa-alert--success usa-alert--slim"><div class="usa-alert__body"><p class="usa-alert__text">${flash}</p></div></div>` : ""}
    ${errorSummary(errors)}
    ${summaryList([
      ["Person", `${r.person.firstName} ${r.person.lastName}, born ${r.person.birthDate}`],
      ["Event", o.eventOn],
      ["Transfer or surrender by", o.dueOn],
      ["Covers", o.covers.join(", ")],
      ["Days past due", r.daysPastDue],
    ])}
    <h2>What the records say they own</h2>
    <ul>${o.holdings.firearms.map((f) => html`<li>${f.description}${f.serialNumber ? `, serial ${f.serialNumber}` : ""} (sale ${f.reference}${f.on ? `, ${f.on}` : ""})</li>`)}
      ${o.holdings.registrations.map((x) => html`<li>${x.description}</li>`)}
      ${o.holdings.ammunition.purchases ? html`<li>${o.holdings.ammunition.rounds} rounds of ammunition in ${o.holdings.ammunition.purchases} purchases (last ${o.holdings.ammunition.lastOn})</li>` : ""}
      ${o.holdings.indicated ? html`<li>${[o.holdings.indicated.firearms ? "Firearms" : "", o.holdings.indicated.ammunition ? "ammunition" : ""].filter(Boolean).join(" and ")} indicated in ${o.holdings.indicated.by} (§ 36)</li>` : ""}</ul>
    <h2>History</h2>
    <table class="usa-table usa-table--borderless"><thead><tr><th scope="col">Date</th><th scope="col">Action</th><th scope="col">By</th></tr></thead>
      <tbody>${r.history.map((h) => html`<tr><td>${h.onDate}</td><td>${h.action}</td><td>${h.actor ?? "Stateline"}</td></tr>`)}</tbody></table>
    ${
      live && policy.recordCompliance(ctx.user!)
        ? html`
    <h2>Record proof of transfer</h2>
    <form class="usa-form usa-form--large" method="post" action="/enforcement/obligations/${id}/compliance" novalidate>${csrfField(req)}${g.hidden}<input type="hidden" name="kind" value="transfer">
      ${dateField({ name: "transferredOn", label: "Transferred on", value: values.transferredOn, error: errors.transferredOn, required: true })}
      ${textField({ name: "transfereeFirstName", label: "Transferee's first name", value: values.transfereeFirstName, error: errors["transferee.firstName"], required: true })}
      ${textField({ name: "transfereeLastName", label: "Transferee's last name", value: values.transfereeLastName, error: errors["transferee.lastName"], required: true })}
      ${dateField({ name: "transfereeBirthDate", label: "Transferee's date of birth", value: values.transfereeBirthDate, error: errors["transferee.birthDate"], required: true })}
      ${textField({ name: "transfereeCredential", label: "Transferee's credential number", value: values.transfereeCredential, error: errors["transferee.credentialNumber"], required: true, hint: "Checked today: the transferee must be eligible." })}
      ${textareaField({ name: "items", id: "transfer-items", label: "Items transferred (one a line)", value: values.items, error: errors.items, required: true })}
      ${radioGroup({
        name: "final",
        id: "transfer-final",
        label: "Does this cover everything left?",
        value: values.final,
        options: [
          { value: "yes", label: "Yes: close the obligation" },
          { value: "no", label: "No: more to come" },
        ],
      })}
      <button class="usa-button" type="submit">Record transfer</button></form>
    <h2>Record a surrender receipt</h2>
    <form class="usa-form usa-form--large" method="post" action="/enforcement/obligations/${id}/compliance" novalidate>${csrfField(req)}${g.hidden}<input type="hidden" name="kind" value="surrender">
      ${dateField({ name: "surrenderedOn", label: "Surrendered on", value: values.surrenderedOn, error: errors.surrenderedOn, required: true })}
      ${textField({ name: "receiptNumber", label: "Receipt number", value: values.receiptNumber, error: errors.receiptNumber, required: true })}
      ${textField({ name: "agency", label: "Receiving agency", value: values.agency, error: errors.agency, required: true })}
      ${textareaField({ name: "items", id: "surrender-items", label: "Items surrendered (one a line)", value: values.items, error: errors.items, required: true })}
      ${radioGroup({
        name: "final",
        id: "surrender-final",
        label: "Does this cover everything left?",
        value: values.final,
        options: [
          { value: "yes", label: "Yes: close the obligation" },
          { value: "no", label: "No: more to come" },
        ],
      })}
      <button class="usa-button" type="submit">Record surrender</button></form>`
        : ""
    }`;
}

/** Items typed one a line: "ammunition ..." lines are ammunition, the rest firearms. */
function itemsFrom(text: string) {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const ammo = /^(ammunition|ammo|rounds?|\d+\s+rounds?)/i.test(l);
      return { itemKind: ammo ? "ammunition" : "firearm", description: l.slice(0, 300), quantity: 1 };
    });
}

function complianceFrom(b: Record<string, string>): unknown {
  const items = itemsFrom(b.items ?? "");
  const final = b.final === "yes";
  if (b.kind === "surrender")
    return {
      kind: "surrender",
      surrenderedOn: b.surrenderedOn,
      receiptNumber: b.receiptNumber,
      agency: b.agency,
      items,
      final,
    };
  return {
    kind: "transfer",
    transferredOn: b.transferredOn,
    transferee: {
      kind: "person",
      firstName: b.transfereeFirstName,
      lastName: b.transfereeLastName,
      birthDate: b.transfereeBirthDate,
      credentialNumber: b.transfereeCredential ?? "",
    },
    items,
    final,
  };
}

// ---------------------------------------------------------------- seizures and the match log

async function seizuresPage(
  ctx: Ctx,
  g: Gate,
  req: FastifyRequest,
  errors: FormErrors = {},
  values: Record<string, string> = {},
  flash?: string,
): Promise<Html> {
  const r = await reads.getSeizures(ctx, { limit: 100, offset: 0 }, () => g.purpose);
  return html`<h1>Seizures</h1>
    ${flash ? html`<div class="usa-alert usa-alert--success usa-alert--slim"><div class="usa-alert__body"><p class="usa-alert__text">${flash}</p></div></div>` : ""}
    <table class="usa-table usa-table--borderless usa-table--stacked"><caption>${r.total} seizures</caption>
      <thead><tr><th scope="col">Number</th><th scope="col">Basis</th><th scope="col">Person</th><th scope="col">Seized</th><th scope="col">Hearing</th><th scope="col">Status</th></tr></thead>
      <tbody>${r.items.map(
        (
          s,
        ) => html`<tr><th scope="row"><form method="post" action="/enforcement/seizures/${s.id}">${csrfField(req)}${g.hidden}<button class="usa-button usa-button--unstyled" type="submit">${s.number}</button></form></th>
        <td>${s.basis}</td><td>${s.person ?? ""}</td><td>${s.seizedOn}</td><td>${s.hearingOn ?? (s.hearingDueOn ? `due by ${s.hearingDueOn}` : "")}</td><td>${statusTag(s.status)}</td></tr>`,
      )}</tbody></table>
    <h2>Record a seizure</h2>
    ${errorSummary(errors)}
    <form class="usa-form usa-form--large" method="post" action="/enforcement/seizures/new" novalidate>${csrfField(req)}${g.hidden}
      ${selectField({
        name: "basis",
        label: "Basis",
        value: values.basis,
        options: [
          { value: "risk-warrant", label: "Risk warrant (§ 33)" },
          { value: "domestic-violence", label: "Domestic violence investigation (§ 37)" },
          { value: "recovered", label: "Recovered" },
        ],
      })}
      ${dateField({ name: "seizedOn", label: "Seized on", value: values.seizedOn, error: errors.seizedOn, required: true })}
      ${textField({ name: "agency", label: "Agency", value: values.agency, error: errors.agency, required: true })}
      ${textareaField({ name: "items", label: "Inventory (one item a line; lines starting with 'ammunition' are ammunition)", value: values.items, error: errors.items, required: true })}
      <button class="usa-button" type="submit">Record seizure</button></form>`;
}

async function seizurePage(
  ctx: Ctx,
  g: Gate,
  req: FastifyRequest,
  id: string,
  errors: FormErrors = {},
  flash?: string,
): Promise<Html> {
  const r = await reads.getSeizure(ctx, id, () => g.purpose);
  const s = r.seizure;
  return html`<h1>Seizure ${s.number} ${statusTag(s.status)}</h1>
    ${flash ? html`<div class="usa-alert usa-alert--success usa-alert--slim"><div class="usa-alert__body"><p class="usa-alert__text">${flash}</p></div></div>` : ""}
    ${errorSummary(errors)}
    ${summaryList([
      ["Basis", s.basis],
      ["Seized on", s.seizedOn],
      ["Agency", s.agency],
      ["Hearing", s.hearingOn ?? (s.hearingDueOn ? `to be held by ${s.hearingDueOn}` : "none")],
      ["Held until", s.heldUntil ?? ""],
    ])}
    <table class="usa-table usa-table--borderless"><caption>Inventory</caption><thead><tr><th scope="col">Item</th><th scope="col">Serial</th><th scope="col">Quantity</th><th scope="col">Stolen</th></tr></thead>
      <tbody>${s.items.map((i) => html`<tr><th scope="row">${i.itemKind}: ${i.description}</th><td>${i.serialNumber ?? ""}</td><td>${i.quantity}</td><td>${i.stolen ? `yes${i.returnedToOwnerOn ? `, returned to ${i.rightfulOwner} on ${i.returnedToOwnerOn}` : ""}` : "no"}</td></tr>`)}</tbody></table>
    <h2>History</h2><ul>${r.history.map((h) => html`<li>${h.onDate}: ${h.action} → ${h.toStatus} (${h.actor ?? "Stateline"})</li>`)}</ul>
    ${
      r.next.length
        ? html`<h2>Next step</h2>
    <form class="usa-form usa-form--large" method="post" action="/enforcement/seizures/${id}/act" novalidate>${csrfField(req)}${g.hidden}
      ${selectField({ name: "action", label: "Action", error: errors.action, options: r.next.filter((a) => a !== "return-stolen").map((a) => ({ value: a, label: a })) })}
      ${dateField({ name: "on", label: "Date (hearing date, or the day of the return, destruction or auction)", error: errors.on ?? errors.hearingOn })}
      ${selectField({
        name: "outcome",
        label: "Hearing outcome (for 'record-outcome')",
        empty: "—",
        options: [
          { value: "return", label: "Return" },
          { value: "hold", label: "Hold" },
          { value: "forfeit", label: "Forfeit (§ 39)" },
        ],
      })}
      ${dateField({ name: "heldUntil", label: "Held until (for a hold)", error: errors.heldUntil })}
      ${textField({ name: "to", label: "Returned to (for a return)", error: errors.to })}
      ${textField({ name: "buyerCredentialNumber", label: "Auction buyer's long gun eligibility certificate (§ 9)", error: errors.buyerCredentialNumber })}
      <button class="usa-button" type="submit">Record</button></form>`
        : ""
    }`;
}

function seizureActionFrom(b: Record<string, string>): unknown {
  switch (b.action) {
    case "schedule-hearing":
      return { action: b.action, hearingOn: b.on };
    case "record-outcome":
      return { action: b.action, outcome: b.outcome, ...(b.heldUntil ? { heldUntil: b.heldUntil } : {}) };
    case "return":
      return { action: b.action, on: b.on, to: b.to };
    case "auction":
      return {
        action: b.action,
        on: b.on,
        ...(b.buyerCredentialNumber ? { buyerCredentialNumber: b.buyerCredentialNumber } : {}),
      };
    default:
      return { action: b.action, on: b.on };
  }
}

async function matchLogPage(ctx: Ctx, g: Gate): Promise<Html> {
  const r = await reads.getMatchLog(ctx, { limit: 200, offset: 0 }, () => g.purpose);
  return html`<h1>Match log</h1><p class="usa-intro">Every automatic and manual match, newest first, with who made it.</p>
    <table class="usa-table usa-table--borderless usa-table--stacked"><caption>${r.total} entries</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Record</th><th scope="col">Kind</th><th scope="col">Action</th><th scope="col">How</th><th scope="col">By</th></tr></thead>
      <tbody>${r.items.map(
        (
          x,
        ) => html`<tr><td>${when(x.at)}</td><th scope="row">${x.recordNumber}</th><td>${KIND_LABELS[x.kind] ?? x.kind}</td><td>${x.action}</td>
        <td>${String(x.details.how ?? x.details.decision ?? "")}</td><td>${x.actor ?? "Stateline"}${x.actorRole ? ` (${x.actorRole})` : ""}</td></tr>`,
      )}</tbody></table>`;
}

// ---------------------------------------------------------------- registration

function parsed<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  v: unknown,
): T {
  const r = schema.safeParse(v);
  if (r.success) return r.data;
  throw new AppError("validation", "check the form", {
    fields: r.error.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message })),
  });
}

export function enforcementPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  acceptCsv(app);
  const gate = (
    path: string,
    title: string,
    intro: string,
    render: (ctx: Ctx, g: Gate, req: FastifyRequest) => Promise<Html>,
  ) => {
    const h = signedIn(async (req, reply, user) => {
      refuseSources(user);
      const ctx = makeCtx(req);
      return withPurpose(req, reply, title, intro, (g) => render(ctx, g, req));
    });
    app.get(path, h);
    app.post(path, h);
  };
  const purposeIntro =
    "These are confidential court, probate and health records. Say why you need them: the read is recorded in the audit trail.";
  gate("/enforcement/reviews", "Match reviews", purposeIntro, reviewQueue);
  gate("/enforcement/reviews/:id", "Match review", purposeIntro, (ctx, g, req) =>
    reviewPage(ctx, g, req, idParam(req, "review")),
  );
  gate("/enforcement/people/:id", "Enforcement record", purposeIntro, (ctx, g, req) =>
    personPage(ctx, g, req, idParam(req, "person")),
  );
  gate("/enforcement/armed-prohibited", "Armed and prohibited", purposeIntro, listPage);
  gate("/enforcement/obligations/:id", "Obligation", purposeIntro, (ctx, g, req) =>
    obligationPage(ctx, g, req, idParam(req, "obligation")),
  );
  gate("/enforcement/seizures", "Seizures", purposeIntro, (ctx, g, req) => seizuresPage(ctx, g, req));
  gate("/enforcement/seizures/:id", "Seizure", purposeIntro, (ctx, g, req) =>
    seizurePage(ctx, g, req, idParam(req, "seizure")),
  );
  gate("/enforcement/matches", "Match log", purposeIntro, (ctx, g) => matchLogPage(ctx, g));

  /** A form post that acts, then shows the page again (with the purpose it carried). */
  const act = (
    path: string,
    title: string,
    run: (ctx: Ctx, g: Gate, req: FastifyRequest, b: Record<string, string>) => Promise<Html>,
    onError: (ctx: Ctx, g: Gate, req: FastifyRequest, errors: FormErrors, b: Record<string, string>) => Promise<Html>,
  ) => {
    app.post(
      path,
      signedIn(async (req, reply, user) => {
        refuseSources(user);
        const ctx = makeCtx(req);
        const b = formBody(req);
        return withPurpose(req, reply, title, "Say why you need these records.", async (g) => {
          try {
            return await run(ctx, g, req, b);
          } catch (e) {
            if (!isFormError(e)) throw e;
            return {
              body: await onError(ctx, g, req, errorsFrom(e, Object.keys(b).concat(e.fields.map((f) => f.field))), b),
              status: e.code === "validation" ? 400 : 409,
            };
          }
        });
      }),
    );
  };
  act(
    "/enforcement/reviews/:id/decision",
    "Match review",
    async (ctx, g, req, b) => {
      const id = idParam(req, "review");
      if (!b.choice)
        throw new AppError("validation", "choose", {
          fields: [{ field: "decision", message: "Choose the person, or say it is not a match" }],
        });
      const r = await decideReview(
        ctx,
        id,
        b.choice === "none"
          ? { decision: "not-a-match", ...(b.note ? { note: b.note } : {}) }
          : { decision: "match", personId: b.choice, ...(b.note ? { note: b.note } : {}) },
      );
      const revoked = r.effects?.credentials.filter((c) => c.action === "revoked").length ?? 0;
      return html`<div class="usa-alert usa-alert--success"><div class="usa-alert__body"><h1 class="usa-alert__heading">Decision recorded</h1>
      <p class="usa-alert__text">Record ${r.record.number} is ${r.record.status}.${r.effects ? ` ${revoked} credentials revoked${r.effects.obligation ? `; obligation ${r.effects.obligation.number} due ${r.effects.obligation.dueOn}` : ""}.` : ""}</p></div></div>
      <form method="post" action="/enforcement/reviews">${csrfField(req)}${g.hidden}<button class="usa-button" type="submit">Back to the queue</button></form>`;
    },
    (ctx, g, req, errors, b) => reviewPage(ctx, g, req, idParam(req, "review"), errors, b),
  );
  act(
    "/enforcement/obligations/:id/compliance",
    "Obligation",
    async (ctx, g, req, b) => {
      const id = idParam(req, "obligation");
      const r = await recordCompliance(ctx, id, parsed(CompliancePayload, complianceFrom(b)));
      return obligationPage(
        ctx,
        g,
        req,
        id,
        {},
        {},
        `${b.kind === "surrender" ? "Surrender" : "Transfer"} recorded${r.late ? " (after the deadline)" : ""}.`,
      );
    },
    (ctx, g, req, errors, b) => obligationPage(ctx, g, req, idParam(req, "obligation"), errors, b),
  );
  act(
    "/enforcement/seizures/new",
    "Seizures",
    async (ctx, g, req, b) => {
      const s = await recordSeizure(
        ctx,
        parsed(NewSeizure, { basis: b.basis, seizedOn: b.seizedOn, agency: b.agency, items: itemsFrom(b.items ?? "") }),
      );
      return seizuresPage(ctx, g, req, {}, {}, `Seizure ${s.number} recorded.`);
    },
    (ctx, g, req, errors, b) => seizuresPage(ctx, g, req, errors, b),
  );
  act(
    "/enforcement/seizures/:id/act",
    "Seizure",
    async (ctx, g, req, b) => {
      const id = idParam(req, "seizure");
      await actOnSeizure(ctx, id, parsed(SeizureAction, seizureActionFrom(b)));
      return seizurePage(ctx, g, req, id, {}, "Recorded.");
    },
    (ctx, g, req, errors) => seizurePage(ctx, g, req, idParam(req, "seizure"), errors),
  );
}
