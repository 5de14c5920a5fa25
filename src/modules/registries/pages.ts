/**
 * The registries' pages, for every audience:
 * - residents: their registrations, drafts and windows (/registries); a new certificate
 *   application or magazine declaration (/registries/new?kind=…), saved as a draft or submitted,
 *   with a one-time token so a double click stores once; one registration (/registries/:id) with
 *   the draft's form, the thumbprint upload and the PDF; a lost or stolen report
 *   (/registries/lost-stolen/new);
 * - licensing staff: the queue (/staff/registries), one registration opened with a purpose
 *   (audited) with issue, refuse and not-covered, and the missed windows (/staff/registries/windows);
 * - dealers: their certificates of transfer and a new one (/dealer/transfer-certificates);
 * - police: registrations and lost or stolen reports of a serial, with a purpose (/police/registries).
 */
import { randomUUID } from "node:crypto";
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Ctx } from "../../context.ts";
import { statusOf } from "../../http/errors.ts";
import { parseWith, runIdempotent } from "../../http/route.ts";
import { AppError } from "../../lib/errors.ts";
import type { MakeCtx } from "../../lib/module.ts";
import { PURPOSE_CODES, PURPOSE_LABELS, ReadPurpose } from "../../lib/purpose.ts";
import type { User } from "../auth/index.ts";
import { CREDENTIAL_NAMES, applicationsOfPerson } from "../credentials/index.ts";
import {
  html,
  type Html,
  csrfField,
  errorSummary,
  errorsFrom,
  formBody,
  idParam,
  isFormError,
  queryParam,
  requiredNote,
  selectField,
  sendPage,
  signedIn,
  statusTag,
  summaryList,
  textField,
  textareaField,
  dateField,
  type Flash,
  type FormErrors,
  findingTitle,
  statusLabel,
} from "../../web/kit.ts";
import { certificatePdf } from "./pdf.ts";
import { registriesPolicy as policy } from "./policy.ts";
import { type Registration, listObligations, listQueue, lostStolenBySerial as lsBySerial } from "./queries.ts";
import { reportLostStolen } from "./lost-stolen.ts";
import { LostStolenInput, TransferCertificateInput, DraftInput } from "./schemas.ts";
import * as svc from "./service.ts";
import { executeTransferCertificate, listTransferCertificatesFor } from "./transfers.ts";

const KIND_LABEL = {
  "aw-certificate": "Assault weapon certificate of possession",
  "lcm-declaration": "Large capacity magazine declaration",
} as const;
const ROUTE_OPTIONS = [
  { value: "general", label: "I had it before the law changed (deadline 2014-01-01)" },
  { value: "service-member-return", label: "Service member back from out-of-state duty (90 days after returning)" },
  { value: "service-member-transferred", label: "Service member transferred to Connecticut (90 days after arriving)" },
  { value: "heir", label: "I inherited it (90 days)" },
  { value: "earlier-certificate", label: "I had a certificate before 2013-04-04" },
];

/** The resident's credential applications a declaration may ride on (§ 24), by number. */
async function applicationChoices(ctx: Ctx, user: User): Promise<{ value: string; label: string }[]> {
  if (!user.personId) return [];
  const apps = await applicationsOfPerson(ctx.db, user.personId);
  return apps
    .filter((a) => a.status !== "withdrawn")
    .map((a) => ({
      value: a.id,
      label: `${a.number}: ${CREDENTIAL_NAMES[a.credentialKind]} (${statusLabel(a.status)})`,
    }));
}

const num = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : Number(s));
const str = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : s.trim());

/** The form's values as the draft schema's shape (only what was filled in). */
function draftFromForm(kind: "aw-certificate" | "lcm-declaration", b: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = { kind };
  if (str(b.route)) out.route = b.route;
  if (str(b.routeEventOn)) out.routeEventOn = str(b.routeEventOn);
  if (str(b.credentialApplicationId)) out.credentialApplicationId = str(b.credentialApplicationId);
  if (kind === "aw-certificate") {
    const f: Record<string, unknown> = {};
    for (const k of ["make", "model", "serialNumber", "caliber", "type", "identificationMarks"])
      if (str(b[k])) f[k] = str(b[k]);
    const facts: Record<string, unknown> = {};
    if (["semiautomatic", "selective-fire", "other"].includes(b.action ?? "")) facts.action = b.action;
    if (b.centerfire === "yes" || b.centerfire === "no") facts.centerfire = b.centerfire === "yes";
    if (b.detachable === "yes" || b.detachable === "no") facts.acceptsDetachableMagazine = b.detachable === "yes";
    if (Object.keys(facts).length) f.facts = facts;
    if (Object.keys(f).length) out.firearm = f;
    if (str(b.appointmentOn)) out.thumbprint = { kind: "appointment", on: str(b.appointmentOn) };
  } else {
    const m: Record<string, unknown> = {};
    if (str(b.count)) m.count = num(b.count);
    if (str(b.capacity)) m.capacity = num(b.capacity);
    if (str(b.magazineCaliber)) m.caliber = str(b.magazineCaliber);
    if (str(b.description)) m.description = str(b.description);
    if (Object.keys(m).length) out.magazine = m;
  }
  return out;
}

const FIELD_ALIAS: Record<string, string> = {
  "firearm.make": "make",
  "firearm.model": "model",
  "firearm.serialNumber": "serialNumber",
  "firearm.caliber": "caliber",
  "firearm.type": "type",
  "firearm.identificationMarks": "identificationMarks",
  "magazine.count": "count",
  "magazine.capacity": "capacity",
  "magazine.caliber": "magazineCaliber",
  "magazine.description": "description",
  "thumbprint.on": "appointmentOn",
  thumbprint: "appointmentOn",
};
const FORM_FIELDS = [
  "route",
  "routeEventOn",
  "make",
  "model",
  "serialNumber",
  "caliber",
  "type",
  "identificationMarks",
  "appointmentOn",
  "count",
  "capacity",
  "magazineCaliber",
  "description",
  "credentialApplicationId",
];

function registrationForm(
  csrf: Html,
  kind: "aw-certificate" | "lcm-declaration",
  v: Record<string, string>,
  errors: FormErrors,
  action: string,
  token: string,
  draftVersion?: number,
  applications: readonly { value: string; label: string }[] = [],
): Html {
  const aw = kind === "aw-certificate";
  return html`<form class="usa-form usa-form--large" method="post" action="${action}" novalidate>
    ${errorSummary(errors)}
    ${requiredNote}
    ${csrf}
    <input type="hidden" name="_submission" value="${token}">
    ${draftVersion ? html`<input type="hidden" name="draftVersion" value="${String(draftVersion)}">` : ""}
    ${selectField({ name: "route", label: "How you came to have it", options: ROUTE_OPTIONS, value: v.route ?? "general", error: errors.route })}
    ${dateField({ name: "routeEventOn", label: "The day you returned, arrived or inherited (90-day windows only)", value: v.routeEventOn, error: errors.routeEventOn })}
    ${
      aw
        ? html`
      <fieldset class="usa-fieldset"><legend class="usa-legend usa-legend--large">The firearm</legend>
      ${textField({ name: "make", label: "Make", required: true, value: v.make, error: errors.make })}
      ${textField({ name: "model", label: "Model", required: true, value: v.model, error: errors.model })}
      ${textField({ name: "serialNumber", label: "Serial number", required: true, value: v.serialNumber, error: errors.serialNumber })}
      ${textField({ name: "caliber", label: "Caliber", required: true, value: v.caliber, error: errors.caliber, width: "md" })}
      ${selectField({
        name: "type",
        label: "Type",
        required: true,
        empty: "- Select -",
        options: [
          { value: "rifle", label: "Rifle" },
          { value: "pistol", label: "Pistol" },
          { value: "shotgun", label: "Shotgun" },
          { value: "other", label: "Other" },
        ],
        value: v.type,
        error: errors.type,
      })}
      ${selectField({
        name: "action",
        label: "Action",
        empty: "Not known",
        options: [
          { value: "semiautomatic", label: "Semiautomatic" },
          { value: "selective-fire", label: "Selective fire (automatic or burst at the user's option)" },
          { value: "other", label: "Other (bolt, lever, pump, revolver, single shot)" },
        ],
        value: v.action,
      })}
      ${selectField({
        name: "centerfire",
        label: "Centerfire",
        empty: "Not known",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No (rimfire)" },
        ],
        value: v.centerfire,
      })}
      ${selectField({
        name: "detachable",
        label: "Accepts a detachable magazine",
        empty: "Not known",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
        value: v.detachable,
      })}
      ${textareaField({ name: "identificationMarks", label: "All other identification marks", hint: "Engravings, import marks, proof marks", value: v.identificationMarks, error: errors.identificationMarks })}
      </fieldset>
      ${dateField({ name: "appointmentOn", label: "Fingerprinting appointment (or upload a thumbprint after saving)", value: v.appointmentOn, error: errors.appointmentOn })}`
        : html`
      <fieldset class="usa-fieldset"><legend class="usa-legend usa-legend--large">The magazines</legend>
      ${textField({ name: "count", label: "How many", required: true, inputmode: "numeric", width: "sm", value: v.count, error: errors.count })}
      ${textField({ name: "capacity", label: "Rounds each holds", required: true, inputmode: "numeric", width: "sm", value: v.capacity, error: errors.capacity })}
      ${textField({ name: "magazineCaliber", label: "Caliber", hint: "Or describe them below", value: v.magazineCaliber, error: errors.magazineCaliber, width: "md" })}
      ${textareaField({ name: "description", label: "Description", value: v.description, error: errors.description })}
      ${
        applications.length
          ? selectField({
              name: "credentialApplicationId",
              label: "Declare on one of your credential applications (optional, § 24)",
              hint: "The declaration is then filed with that application.",
              value: v.credentialApplicationId,
              empty: "- On its own -",
              options: applications,
              error: errors.credentialApplicationId,
            })
          : ""
      }
      </fieldset>`
    }
    <button class="usa-button usa-button--outline" type="submit" name="intent" value="save">Save draft</button>
    <button class="usa-button" type="submit" name="intent" value="submit">Submit</button>
  </form>`;
}

function valuesOf(r: Registration): Record<string, string> {
  const s = (x: unknown) => (x === null || x === undefined ? "" : String(x));
  return {
    route: r.route,
    routeEventOn: s(r.routeEventOn),
    make: s(r.firearm.make),
    model: s(r.firearm.model),
    serialNumber: s(r.firearm.serialNumber),
    caliber: s(r.firearm.caliber),
    type: s(r.firearm.type),
    identificationMarks: s(r.firearm.identificationMarks),
    action: s(r.firearm.facts?.action),
    centerfire: r.firearm.facts?.centerfire === undefined ? "" : r.firearm.facts.centerfire ? "yes" : "no",
    detachable:
      r.firearm.facts?.acceptsDetachableMagazine === undefined
        ? ""
        : r.firearm.facts.acceptsDetachableMagazine
          ? "yes"
          : "no",
    appointmentOn: s(r.thumbprint.appointmentOn),
    count: s(r.magazine.count),
    capacity: s(r.magazine.capacity),
    magazineCaliber: s(r.magazine.caliber),
    description: s(r.magazine.description),
    credentialApplicationId: s(r.credentialApplicationId),
  };
}

function describe(r: Registration): string {
  return r.kind === "aw-certificate"
    ? [r.firearm.make, r.firearm.model, r.firearm.serialNumber ? `serial ${r.firearm.serialNumber}` : null]
        .filter(Boolean)
        .join(" ") || "(not described yet)"
    : r.magazine.count !== null
      ? `${r.magazine.count} × ${r.magazine.capacity ?? "?"} rounds${r.magazine.caliber ? `, ${r.magazine.caliber}` : ""}`
      : "(not described yet)";
}

function registrationTable(rows: Registration[], href: (r: Registration) => string): Html {
  if (!rows.length) return html`<p>None yet.</p>`;
  return html`<table class="usa-table usa-table--borderless"><thead><tr><th scope="col">Number</th><th scope="col">Kind</th><th scope="col">Item</th><th scope="col">Status</th><th scope="col">Submitted</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr><td><a href="${href(r)}">${r.certificateNumber ?? r.number ?? "Draft"}</a></td><td>${KIND_LABEL[r.kind]}</td><td>${describe(r)}</td><td>${statusTag(r.status)}</td><td>${r.submittedOn ?? ""}</td></tr>`)}</tbody></table>`;
}

function findingsBlock(
  decisions: { question: string; outcome: string; findings: { id: string; status: string; because: string }[] }[],
): Html {
  return html`${decisions.map(
    (d) => html`<h3>${d.question === "declaration-deadline" ? "The window" : "Classification"}: ${d.outcome}</h3>
    <ul class="usa-list">${d.findings.filter((f) => f.status !== "not-applicable").map((f) => html`<li>${statusTag(f.status)} <strong>${findingTitle(f.id)}</strong>: ${f.because}</li>`)}</ul>`,
  )}`;
}

async function handleRegistrationPost(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  existing: Registration | null,
  kind: "aw-certificate" | "lcm-declaration",
) {
  const ctx = makeCtx(req);
  const b = formBody(req);
  const intent = b.intent === "submit" ? "submit" : "save";
  const draft = draftFromForm(kind, b);
  // A save that went through before a failed submit moves the draft's version on; the form carries the current one.
  let version = existing?.draftVersion;
  let savedId = existing?.id;
  const apps = kind === "lcm-declaration" ? await applicationChoices(ctx, user) : [];
  const rerender = (errors: FormErrors, status: number) =>
    sendPage(
      reply,
      req,
      KIND_LABEL[kind],
      html`<h1>${KIND_LABEL[kind]}</h1>${registrationForm(csrfField(req), kind, b, errors, savedId ? `/registries/${savedId}` : `/registries/new?kind=${kind}`, randomUUID(), version, apps)}`,
      { status },
    );
  try {
    const token = b._submission && /^[0-9a-f-]{36}$/.test(b._submission) ? b._submission : undefined;
    const once = async <T>(key: string, payload: unknown, fn: (c: Ctx) => Promise<T>): Promise<T> =>
      token ? ((await runIdempotent(ctx, user, key, `${token}:${key}`, payload, fn, 200)).response as T) : fn(ctx);
    let id: string;
    if (existing) {
      const input = parseWith(DraftInput.omit({ kind: true }), (({ kind: _k, ...rest }) => rest)(draft), "body");
      const saved = await once(`PUT /registries/${existing.id}`, input, async (c) => {
        const r = await svc.updateDraft(c, existing.id, {
          ...input,
          draftVersion: Number(b.draftVersion) || existing.draftVersion,
        });
        return { id: r.id, draftVersion: r.draftVersion };
      });
      id = saved.id;
      version = saved.draftVersion;
    } else {
      const input = parseWith(DraftInput, draft, "body");
      const created = await once("POST /registries/new", input, async (c) => {
        const r = await svc.createDraft(c, input);
        return { id: r.id, draftVersion: r.draftVersion };
      });
      id = created.id;
      savedId = id;
      version = created.draftVersion;
    }
    if (intent === "submit") {
      await once(`POST /registries/${id}/submit`, { id }, async (c) => ({
        id: (await svc.submitDraft(c, id)).registration.id,
      }));
      return reply.redirect(`/registries/${id}?done=submitted`, 303);
    }
    return reply.redirect(`/registries/${id}?done=saved`, 303);
  } catch (e) {
    if (isFormError(e)) return rerender(errorsFrom(e, FORM_FIELDS, FIELD_ALIAS), statusOf(e));
    throw e;
  }
}

/** Detects the image type from its first bytes (the upload's stated type is not trusted). */
function imageType(b: Buffer): "image/png" | "image/jpeg" | "image/tiff" | null {
  if (b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return "image/png";
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length > 4 && ((b[0] === 0x49 && b[1] === 0x49) || (b[0] === 0x4d && b[1] === 0x4d))) return "image/tiff";
  return null;
}

function purposeForm(action: string, extra: Html, errors: FormErrors, codes: readonly string[]): Html {
  return html`<form class="usa-form usa-form--large" method="post" action="${action}">
    ${errorSummary(errors)}
    ${extra}
    ${selectField({ name: "purposeCode", label: "Purpose", required: true, empty: "- Select -", options: codes.map((c) => ({ value: c, label: PURPOSE_LABELS[c as keyof typeof PURPOSE_LABELS] })), error: errors.purposeCode })}
    ${textareaField({ name: "purposeText", label: "Why you need this record", required: true, hint: "At least 10 characters; recorded in the audit trail", error: errors.purposeText })}
    <button class="usa-button" type="submit">Open</button>
  </form>`;
}

function purposeFrom(b: Record<string, string>): { purpose?: ReadPurpose; errors: FormErrors } {
  const p = ReadPurpose.safeParse({ code: b.purposeCode, text: b.purposeText ?? "" });
  if (p.success) return { purpose: p.data, errors: {} };
  const errors: FormErrors = {};
  for (const i of p.error.issues)
    errors[i.path[0] === "code" ? "purposeCode" : "purposeText"] =
      i.path[0] === "code" ? "Choose a purpose" : "Say in at least 10 characters why you need this record";
  return { errors };
}

export function registerRegistryPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  // ---------------------------------------------------------------- residents
  app.get(
    "/registries",
    signedIn(async (req, reply, user) => {
      if (!policy.apply(user)) throw new AppError("forbidden", "the weapons registry pages are for residents");
      const ctx = makeCtx(req);
      const mine = await svc.myRegistrations(ctx);
      const done = queryParam(req, "done");
      return sendPage(
        reply,
        req,
        "Weapons registry",
        html`<h1>Weapons registry</h1>
      <p>Apply for an assault weapon certificate of possession or declare large capacity magazines (PA 13-3 §§ 24, 27). Drafts are saved until you submit them.</p>
      <p><a class="usa-button" href="/registries/new?kind=aw-certificate">Apply for a certificate</a> <a class="usa-button usa-button--outline" href="/registries/new?kind=lcm-declaration">Declare magazines</a>
         <a class="usa-button usa-button--secondary" href="/registries/lost-stolen/new">Report a lost or stolen firearm</a></p>
      <h2>My applications and declarations</h2>${registrationTable(mine.registrations, (r) => `/registries/${r.id}`)}
      <h2>My deadlines</h2>${mine.obligations.length ? html`<ul class="usa-list">${mine.obligations.map((o) => html`<li>${o.item.replace(/-/g, " ")}: ${o.actions.join(", ").replace(/-/g, " ")} by <strong>${o.dueOn}</strong> ${statusTag(o.status)}</li>`)}</ul>` : html`<p>No open deadlines.</p>`}`,
        { flash: done === "reported" ? { text: "Your report was filed.", type: "success" } : undefined },
      );
    }),
  );

  app.get(
    "/registries/new",
    signedIn(async (req, reply, user) => {
      if (!policy.apply(user)) throw new AppError("forbidden", "residents apply and declare for themselves");
      const kind = queryParam(req, "kind") === "lcm-declaration" ? "lcm-declaration" : "aw-certificate";
      const apps = kind === "lcm-declaration" ? await applicationChoices(makeCtx(req), user) : [];
      // A link from a credential application preselects it (§ 24: declare on any credential application).
      const onApp = queryParam(req, "application");
      const values: Record<string, string> = { route: "general" };
      if (onApp && apps.some((a) => a.value === onApp)) values.credentialApplicationId = onApp;
      return sendPage(
        reply,
        req,
        KIND_LABEL[kind],
        html`<h1>${KIND_LABEL[kind]}</h1>
      <p>Your name, address and date of birth are taken from your record when you submit.</p>
      ${registrationForm(csrfField(req), kind, values, {}, `/registries/new?kind=${kind}`, randomUUID(), undefined, apps)}`,
      );
    }),
  );

  app.post(
    "/registries/new",
    signedIn(async (req, reply, user) => {
      const kind = queryParam(req, "kind") === "lcm-declaration" ? "lcm-declaration" : "aw-certificate";
      return handleRegistrationPost(req, reply, makeCtx, user, null, kind);
    }),
  );

  app.get(
    "/registries/:id",
    signedIn(async (req, reply, user) => {
      const ctx = makeCtx(req);
      const id = idParam(req, "registration");
      const r = (await svc.myRegistrations(ctx)).registrations.find((x) => x.id === id);
      if (!r) throw new AppError("not_found", "registration not found");
      const view = await svc.readRegistration(ctx, id, undefined);
      const apps = r.kind === "lcm-declaration" ? await applicationChoices(ctx, user) : [];
      const done = queryParam(req, "done");
      const flash: Flash | undefined =
        done === "submitted"
          ? { text: `Submitted as ${r.number}.`, type: "success" }
          : done === "saved"
            ? { text: "Draft saved.", type: "success" }
            : done === "thumbprint"
              ? { text: "Thumbprint uploaded.", type: "success" }
              : undefined;
      return sendPage(
        reply,
        req,
        `${KIND_LABEL[r.kind]} ${r.number ?? "(draft)"}`,
        html`<h1>${KIND_LABEL[r.kind]} ${r.certificateNumber ?? r.number ?? "(draft)"}</h1>
      <p>${statusTag(r.status)}</p>
      ${r.reasons.length ? html`<div class="usa-alert usa-alert--info"><div class="usa-alert__body"><ul class="usa-list">${r.reasons.map((x) => html`<li>${x}</li>`)}</ul></div></div>` : ""}
      ${r.status === "refused" ? html`<p>Appeal: ${svc.APPEAL_ROUTE.to}: ${svc.APPEAL_ROUTE.how} (${svc.APPEAL_ROUTE.citation}).</p>` : ""}
      ${
        r.status === "draft"
          ? registrationForm(
              csrfField(req),
              r.kind,
              valuesOf(r),
              {},
              `/registries/${r.id}`,
              randomUUID(),
              r.draftVersion,
              apps,
            )
          : summaryList([
              ["Item", describe(r)],
              ...(r.credentialApplicationId
                ? ([
                    [
                      "Filed with",
                      apps.find((a) => a.value === r.credentialApplicationId)?.label ?? "a credential application",
                    ],
                  ] as [string, string][])
                : []),
              ["Submitted", r.submittedOn],
              ["Issued", r.issuedOn],
            ])
      }
      ${
        r.kind === "aw-certificate" && (r.status === "draft" || r.status === "submitted" || r.status === "needs-review")
          ? html`
        <h2>Thumbprint</h2><p>${r.thumbprint.kind === "upload" ? "A thumbprint is on file." : r.thumbprint.kind === "appointment" ? `Appointment on ${r.thumbprint.appointmentOn}.` : "None yet."}</p>
        <form class="usa-form" method="post" action="/registries/${r.id}/thumbprint" enctype="multipart/form-data">
          ${csrfField(req)}
          <div class="usa-form-group"><label class="usa-label" for="thumbprint">Thumbprint image (PNG, JPEG or TIFF, up to 2 MB)</label>
          <input class="usa-file-input" id="thumbprint" name="thumbprint" type="file" accept="image/png,image/jpeg,image/tiff"></div>
          <button class="usa-button usa-button--outline" type="submit">Upload</button>
        </form>`
          : ""
      }
      ${r.status === "issued" ? html`<p><a class="usa-button" href="/registries/${r.id}/certificate.pdf">Download the certificate (PDF)</a></p>` : ""}
      ${findingsBlock(view.decisions)}
      <p><a href="/registries">Back to the registry</a></p>`,
        { flash },
      );
    }),
  );

  // The certificate as a PDF, for its holder (a document download, not an API route).
  app.get(
    "/registries/:id/certificate.pdf",
    signedIn(async (req, reply) => {
      const ctx = makeCtx(req);
      const id = idParam(req, "registration");
      const r = (await svc.myRegistrations(ctx)).registrations.find((x) => x.id === id);
      if (!r || (r.status !== "issued" && r.status !== "surrender-required") || !r.certificateNumber)
        throw new AppError("not_found", "certificate not found");
      const pdf = await certificatePdf(r, ctx.clock.now());
      return reply
        .type("application/pdf")
        .header("Content-Disposition", `inline; filename="${r.certificateNumber}.pdf"`)
        .header("Cache-Control", "no-store")
        .send(pdf);
    }),
  );

  app.post(
    "/registries/:id",
    signedIn(async (req, reply, user) => {
      const ctx = makeCtx(req);
      const id = idParam(req, "registration");
      const r = (await svc.myRegistrations(ctx)).registrations.find((x) => x.id === id);
      if (!r) throw new AppError("not_found", "registration not found");
      return handleRegistrationPost(req, reply, makeCtx, user, r, r.kind);
    }),
  );

  // The thumbprint upload: multipart only here, in its own encapsulated context. Another module may
  // register a multipart parser for the whole server (schools does); then its hook has already put
  // the fields on the body and ours leaves them alone.
  void app.register(async (child) => {
    if (!child.hasContentTypeParser("multipart/form-data"))
      await child.register(multipart, { limits: { fileSize: 2 * 1024 * 1024, files: 1, fields: 5 } });
    child.addHook("preValidation", async (req) => {
      if (req.body !== undefined && req.body !== null) return;
      if (!req.isMultipart()) return;
      const body: Record<string, unknown> = {};
      for await (const part of req.parts()) {
        if (part.type === "file") body[part.fieldname] = await part.toBuffer();
        else if (typeof part.value === "string") body[part.fieldname] = part.value;
      }
      req.body = body;
    });
    child.post(
      "/registries/:id/thumbprint",
      signedIn(async (req, reply) => {
        const ctx = makeCtx(req);
        const id = idParam(req, "registration");
        const body = req.body as Record<string, unknown> | undefined;
        const file = body?.thumbprint as unknown;
        const data = Buffer.isBuffer(file)
          ? file
          : file && typeof file === "object" && Buffer.isBuffer((file as { data?: unknown }).data)
            ? (file as { data: Buffer }).data
            : null;
        const type = data ? imageType(data) : null;
        if (!data || !type) {
          return sendPage(
            reply,
            req,
            "Thumbprint",
            html`<h1>Thumbprint</h1>${errorSummary({ thumbprint: "Choose a PNG, JPEG or TIFF image of your thumbprint" })}<p><a href="/registries/${id}">Back</a></p>`,
            { status: 400 },
          );
        }
        await svc.uploadThumbprint(ctx, id, { contentType: type, bytes: data });
        return reply.redirect(`/registries/${id}?done=thumbprint`, 303);
      }),
    );
  });

  app.get(
    "/registries/lost-stolen/new",
    signedIn(async (req, reply, user) => {
      if (!policy.reportLostStolen(user))
        throw new AppError("forbidden", "owners, police and licensing staff report lost or stolen firearms");
      return sendPage(
        reply,
        req,
        "Report a lost or stolen firearm",
        lostStolenForm(csrfField(req), {}, {}, randomUUID()),
      );
    }),
  );

  app.post(
    "/registries/lost-stolen/new",
    signedIn(async (req, reply, user) => {
      const ctx = makeCtx(req);
      const b = formBody(req);
      const discovered =
        b.discoveredOn && b.discoveredTime
          ? `${b.discoveredOn}T${b.discoveredTime}:00-05:00`
          : b.discoveredOn
            ? `${b.discoveredOn}T00:00:00-05:00`
            : "";
      const raw = {
        kind: b.kind || undefined,
        serialNumber: str(b.serialNumber),
        make: str(b.make),
        model: str(b.model),
        caliber: str(b.caliber),
        circumstances: str(b.circumstances),
        town: str(b.town),
        discoveredAt: discovered || undefined,
      };
      try {
        const input = parseWith(
          LostStolenInput,
          Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
          "body",
        );
        const token = b._submission && /^[0-9a-f-]{36}$/.test(b._submission) ? b._submission : undefined;
        const out = token
          ? ((
              await runIdempotent(
                ctx,
                user,
                "POST /registries/lost-stolen/new",
                token,
                input,
                (c) => reportLostStolen(c, input),
                201,
              )
            ).response as { report: { number: string; late: boolean } })
          : await reportLostStolen(ctx, input);
        return sendPage(
          reply,
          req,
          "Report filed",
          html`<h1>Report ${out.report.number} filed</h1>
        ${out.report.late ? html`<div class="usa-alert usa-alert--warning"><div class="usa-alert__body"><p>This report was made more than 72 hours after the loss or theft was discovered (CGS § 53-202g).</p></div></div>` : ""}
        <p><a href="/registries">Back to the registry</a></p>`,
          { status: 201 },
        );
      } catch (e) {
        if (isFormError(e))
          return sendPage(
            reply,
            req,
            "Report a lost or stolen firearm",
            lostStolenForm(
              csrfField(req),
              b,
              errorsFrom(
                e,
                ["kind", "serialNumber", "circumstances", "discoveredAt", "make", "model", "caliber", "town"],
                { discoveredAt: "discoveredOn" },
              ),
              b._submission ?? randomUUID(),
            ),
            { status: statusOf(e) },
          );
        throw e;
      }
    }),
  );

  // ---------------------------------------------------------------- licensing staff
  app.get(
    "/staff/registries",
    signedIn(async (req, reply, user) => {
      if (!policy.work(user)) throw new AppError("forbidden", "licensing staff work the registry queues");
      const ctx = makeCtx(req);
      const status = queryParam(req, "status");
      const q = await listQueue(ctx.db, {
        status: ([
          "submitted",
          "needs-review",
          "issued",
          "declared",
          "refused",
          "not-covered",
          "surrender-required",
        ].includes(status)
          ? status
          : undefined) as never,
        limit: 100,
        offset: 0,
      });
      return sendPage(
        reply,
        req,
        "Registry queue",
        html`<h1>Registry queue</h1>
      <p><a href="/staff/registries?status=submitted">Ready to decide</a> · <a href="/staff/registries?status=needs-review">Needs review</a> · <a href="/staff/registries/windows">Missed windows</a></p>
      ${registrationTable(q.items, (r) => `/staff/registries/${r.id}`)}`,
      );
    }),
  );

  app.get(
    "/staff/registries/windows",
    signedIn(async (req, reply, user) => {
      if (!policy.obligations(user)) throw new AppError("forbidden", "licensing staff list the windows");
      const ctx = makeCtx(req);
      const rows = await listObligations(ctx.db, {
        status: queryParam(req, "status") || "missed",
        limit: 200,
        offset: 0,
      });
      return sendPage(
        reply,
        req,
        "Windows missed",
        html`<h1>Windows missed</h1>
      ${
        rows.items.length
          ? html`<table class="usa-table"><thead><tr><th scope="col">Rule</th><th scope="col">Item</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
      <tbody>${rows.items.map((o) => html`<tr><td>${findingTitle(o.rule)}</td><td>${o.item}</td><td>${o.dueOn}</td><td>${statusTag(o.status)}</td></tr>`)}</tbody></table>`
          : html`<p>None.</p>`
      }`,
      );
    }),
  );

  app.get(
    "/staff/registries/:id",
    signedIn(async (req, reply, user) => {
      if (!policy.work(user)) throw new AppError("forbidden", "licensing staff work the registry queues");
      const id = idParam(req, "registration");
      return sendPage(
        reply,
        req,
        "Open a registration",
        html`<h1>Open a registration</h1><p>The holder's name and address are confidential (§ 24); say why you open it.</p>
      ${purposeForm(`/staff/registries/${id}/open`, csrfField(req), {}, ["licensing-review", "registry-verification", "appeal-review"])}`,
      );
    }),
  );

  app.post(
    "/staff/registries/:id/open",
    signedIn(async (req, reply, user) => {
      if (!policy.work(user)) throw new AppError("forbidden", "licensing staff work the registry queues");
      const id = idParam(req, "registration");
      const b = formBody(req);
      const { purpose, errors } = purposeFrom(b);
      if (!purpose)
        return sendPage(
          reply,
          req,
          "Open a registration",
          html`<h1>Open a registration</h1>${purposeForm(`/staff/registries/${id}/open`, csrfField(req), errors, ["licensing-review", "registry-verification", "appeal-review"])}`,
          { status: 400 },
        );
      return staffView(req, reply, makeCtx, id, purpose);
    }),
  );

  app.post(
    "/staff/registries/:id/decide",
    signedIn(async (req, reply, user) => {
      if (!policy.work(user)) throw new AppError("forbidden", "licensing staff decide registrations");
      const ctx = makeCtx(req);
      const id = idParam(req, "registration");
      const b = formBody(req);
      let flash: Flash;
      try {
        if (b.decision === "issue") await svc.issueRegistration(ctx, id, str(b.note));
        else if (b.decision === "refuse") {
          const reasons = (b.reasons ?? "")
            .split("\n")
            .map((x) => x.trim())
            .filter((x) => x.length >= 3);
          if (!reasons.length)
            throw new AppError("validation", "reasons: give at least one reason", {
              fields: [{ field: "reasons", message: "give at least one reason" }],
            });
          await svc.refuseRegistration(ctx, id, reasons);
        } else if (b.decision === "eligible")
          await svc.reviewRegistration(ctx, id, {
            eligibleForCertificate: true,
            ...(str(b.note) ? { note: str(b.note)! } : {}),
          });
        else
          throw new AppError("validation", "decision: choose issue, eligible or refuse", {
            fields: [{ field: "decision", message: "choose" }],
          });
        flash = { text: "Recorded.", type: "success" };
      } catch (e) {
        if (!isFormError(e)) throw e;
        flash = { text: e.message, type: "error" };
      }
      return staffView(
        req,
        reply,
        makeCtx,
        id,
        { code: "licensing-review", text: "deciding the registration after this action" },
        flash,
      );
    }),
  );

  // ---------------------------------------------------------------- dealers
  app.get(
    "/dealer/transfer-certificates",
    signedIn(async (req, reply, user) => {
      if (!policy.dealer(user)) throw new AppError("forbidden", "firearm dealers execute certificates of transfer");
      return dealerPage(req, reply, makeCtx, {}, {});
    }),
  );

  app.post(
    "/dealer/transfer-certificates",
    signedIn(async (req, reply, user) => {
      if (!policy.dealer(user)) throw new AppError("forbidden", "firearm dealers execute certificates of transfer");
      const ctx = makeCtx(req);
      const b = formBody(req);
      const raw = {
        item: b.item || undefined,
        transferOn: b.transferOn || undefined,
        count: num(b.count) ?? 1,
        description: str(b.description),
        serialNumber: str(b.serialNumber),
        transferor: {
          name: str(b.transferorName),
          address: str(b.transferorAddress),
          ...(str(b.transferorIdNumber) ? { idKind: "drivers-license", idNumber: str(b.transferorIdNumber) } : {}),
        },
      };
      try {
        const input = parseWith(TransferCertificateInput, JSON.parse(JSON.stringify(raw)), "body");
        const token = b._submission && /^[0-9a-f-]{36}$/.test(b._submission) ? b._submission : undefined;
        const tc = token
          ? ((
              await runIdempotent(
                ctx,
                user,
                "POST /dealer/transfer-certificates",
                token,
                input,
                (c) => executeTransferCertificate(c, input),
                201,
              )
            ).response as { number: string })
          : await executeTransferCertificate(ctx, input);
        return dealerPage(
          req,
          reply,
          makeCtx,
          {},
          {},
          { text: `Certificate of transfer ${tc.number} executed.`, type: "success" },
        );
      } catch (e) {
        if (isFormError(e))
          return dealerPage(
            req,
            reply,
            makeCtx,
            b,
            errorsFrom(
              e,
              [
                "item",
                "transferOn",
                "count",
                "description",
                "serialNumber",
                "transferorName",
                "transferorAddress",
                "transferorIdNumber",
              ],
              {
                "transferor.name": "transferorName",
                "transferor.address": "transferorAddress",
                "transferor.idNumber": "transferorIdNumber",
              },
            ),
            undefined,
            statusOf(e),
          );
        throw e;
      }
    }),
  );

  // ---------------------------------------------------------------- police
  app.get(
    "/police/registries",
    signedIn(async (req, reply, user) => {
      if (!policy.identityRole(user) || user.role === "licensing_staff")
        throw new AppError("forbidden", "this search is for law enforcement, probation officers and DMHAS");
      return sendPage(
        reply,
        req,
        "Registry search",
        html`<h1>Registry search</h1><p>Certificates, declarations and lost or stolen reports of a serial number. Every search is recorded with its purpose (§ 24).</p>
      ${purposeForm(
        "/police/registries",
        html`${csrfField(req)}${textField({ name: "serialNumber", label: "Serial number", required: true })}`,
        {},
        PURPOSE_CODES.filter((c) => policy.readIdentity(user, c)),
      )}`,
      );
    }),
  );

  app.post(
    "/police/registries",
    signedIn(async (req, reply, user) => {
      const ctx = makeCtx(req);
      const b = formBody(req);
      const { purpose, errors } = purposeFrom(b);
      const serial = str(b.serialNumber);
      if (!serial) errors.serialNumber = "Enter a serial number";
      const codes = PURPOSE_CODES.filter((c) => policy.readIdentity(user, c));
      if (!purpose || !serial)
        return sendPage(
          reply,
          req,
          "Registry search",
          html`<h1>Registry search</h1>${purposeForm("/police/registries", html`${csrfField(req)}${textField({ name: "serialNumber", label: "Serial number", required: true, value: b.serialNumber, error: errors.serialNumber })}`, errors, codes)}`,
          { status: 400 },
        );
      const regs = await svc.searchRegistrations(ctx, { serialNumber: serial }, purpose);
      const reports = policy.readLostStolen(user) ? await lsBySerial(ctx.db, serial) : [];
      return sendPage(
        reply,
        req,
        "Registry search",
        html`<h1>Serial ${serial}</h1>
      <h2>Certificates and declarations</h2>
      ${regs.length ? html`<ul class="usa-list">${regs.map((r) => html`<li>${r.certificateNumber ?? r.number} ${statusTag(r.status)}: ${describe(r)}; holder ${r.holder.firstName} ${r.holder.lastName}, ${r.holder.street}, ${r.holder.town} (born ${r.holder.birthDate})</li>`)}</ul>` : html`<p>None.</p>`}
      <h2>Lost and stolen reports</h2>
      ${reports.length ? html`<ul class="usa-list">${reports.map((r) => html`<li>${r.number}: ${r.kind}, reported ${r.reportedAt.slice(0, 10)}${r.late ? " (late)" : ""}: ${r.circumstances}</li>`)}</ul>` : html`<p>None.</p>`}`,
      );
    }),
  );
}

function lostStolenForm(csrf: Html, v: Record<string, string>, errors: FormErrors, token: string): Html {
  return html`<h1>Report a lost or stolen firearm</h1>
    <p>Report within 72 hours of discovering the loss or theft (CGS § 53-202g).</p>
    <form class="usa-form usa-form--large" method="post" action="/registries/lost-stolen/new" novalidate>
      ${errorSummary(errors)}${requiredNote}${csrf}
      <input type="hidden" name="_submission" value="${token}">
      ${selectField({
        name: "kind",
        label: "Lost or stolen",
        required: true,
        empty: "- Select -",
        options: [
          { value: "lost", label: "Lost" },
          { value: "stolen", label: "Stolen" },
        ],
        value: v.kind,
        error: errors.kind,
      })}
      ${textField({ name: "serialNumber", label: "Serial number", required: true, value: v.serialNumber, error: errors.serialNumber })}
      ${textField({ name: "make", label: "Make", value: v.make, error: errors.make })}
      ${textField({ name: "model", label: "Model", value: v.model, error: errors.model })}
      ${textField({ name: "caliber", label: "Caliber", value: v.caliber, error: errors.caliber, width: "md" })}
      ${dateField({ name: "discoveredOn", label: "The day you discovered it", required: true, value: v.discoveredOn, error: errors.discoveredOn })}
      ${textField({ name: "discoveredTime", label: "About what time (HH:MM)", value: v.discoveredTime, width: "sm" })}
      ${textField({ name: "town", label: "Town where it happened", value: v.town, error: errors.town })}
      ${textareaField({ name: "circumstances", label: "What happened", required: true, value: v.circumstances, error: errors.circumstances })}
      <button class="usa-button" type="submit">File the report</button>
    </form>`;
}

async function staffView(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  id: string,
  purpose: ReadPurpose,
  flash?: Flash,
) {
  const ctx = makeCtx(req);
  const v = await svc.readRegistration(ctx, id, purpose);
  const r = v.registration;
  const h = r.holder;
  return sendPage(
    reply,
    req,
    `${KIND_LABEL[r.kind]} ${r.number}`,
    html`<h1>${KIND_LABEL[r.kind]} ${r.certificateNumber ?? r.number}</h1>
    <p>${statusTag(r.status)}</p>
    ${summaryList([
      ["Holder", [h.firstName, h.middleName, h.lastName].filter(Boolean).join(" ")],
      ["Address", `${h.street ?? ""}, ${h.town ?? ""}, ${h.state ?? ""} ${h.zip ?? ""}`],
      ["Date of birth", h.birthDate],
      ["Item", describe(r)],
      ["Route", r.route],
      ["Submitted", r.submittedOn],
      ["Thumbprint", r.thumbprint.kind ?? (r.kind === "aw-certificate" ? "none" : null)],
    ])}
    ${r.reasons.length ? html`<h2>Reasons</h2><ul class="usa-list">${r.reasons.map((x) => html`<li>${x}</li>`)}</ul>` : ""}
    ${findingsBlock(v.decisions)}
    ${
      svc.NEXT[r.status].some((a) => a === "issue" || a === "accept" || a === "refuse")
        ? html`
      <form class="usa-form usa-form--large" method="post" action="/staff/registries/${r.id}/decide">
        ${csrfField(req)}
        ${selectField({
          name: "decision",
          label: "Decision",
          required: true,
          options: [
            { value: "issue", label: r.kind === "aw-certificate" ? "Issue the certificate" : "Accept the declaration" },
            { value: "eligible", label: "Record the holder as eligible and ask the law again" },
            { value: "refuse", label: "Refuse (give reasons)" },
          ],
        })}
        ${textareaField({ name: "reasons", label: "Reasons (one a line, for a refusal)" })}
        ${textField({ name: "note", label: "Note" })}
        <button class="usa-button" type="submit">Record</button>
      </form>`
        : ""
    }
    <p><a href="/staff/registries">Back to the queue</a></p>`,
    { flash },
  );
}

async function dealerPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  v: Record<string, string>,
  errors: FormErrors,
  flash?: Flash,
  status = 200,
) {
  const ctx = makeCtx(req);
  const list = await listTransferCertificatesFor(ctx, { limit: 100, offset: 0 });
  return sendPage(
    reply,
    req,
    "Certificates of transfer",
    html`<h1>Certificates of transfer</h1>
    <p>Execute a certificate when an owner transfers a large capacity magazine or an assault weapon to you (PA 13-3 § 24). From 2014-01-01 each is delivered to DESPP.</p>
    <form class="usa-form usa-form--large" method="post" action="/dealer/transfer-certificates" novalidate>
      ${errorSummary(errors)}${requiredNote}${csrfField(req)}
      <input type="hidden" name="_submission" value="${randomUUID()}">
      ${selectField({
        name: "item",
        label: "Item",
        required: true,
        empty: "- Select -",
        options: [
          { value: "large-capacity-magazine", label: "Large capacity magazine" },
          { value: "assault-weapon", label: "Assault weapon" },
        ],
        value: v.item,
        error: errors.item,
      })}
      ${dateField({ name: "transferOn", label: "Date of transfer", required: true, value: v.transferOn, error: errors.transferOn })}
      ${textField({ name: "count", label: "How many", inputmode: "numeric", width: "sm", value: v.count ?? "1", error: errors.count })}
      ${textareaField({ name: "description", label: "Description", required: true, value: v.description, error: errors.description })}
      ${textField({ name: "serialNumber", label: "Serial number (assault weapons)", value: v.serialNumber, error: errors.serialNumber })}
      ${textField({ name: "transferorName", label: "Transferor's name", required: true, value: v.transferorName, error: errors.transferorName })}
      ${textField({ name: "transferorAddress", label: "Transferor's address", required: true, value: v.transferorAddress, error: errors.transferorAddress })}
      ${textField({ name: "transferorIdNumber", label: "Transferor's driver's licence number", value: v.transferorIdNumber, error: errors.transferorIdNumber })}
      <button class="usa-button" type="submit">Execute the certificate</button>
    </form>
    <h2>Your certificates</h2>
    ${
      list.items.length
        ? html`<table class="usa-table"><thead><tr><th scope="col">Number</th><th scope="col">Date</th><th scope="col">Item</th><th scope="col">Transferor</th><th scope="col">Delivery</th></tr></thead>
      <tbody>${list.items.map((t) => html`<tr><td>${t.number}</td><td>${t.transferOn}</td><td>${t.count} × ${t.item.replace(/-/g, " ")}</td><td>${t.transferor.name}</td><td>${t.delivery === "monthly-report" ? "monthly report" : t.deliveredAt ? "delivered to DESPP" : "to be delivered"}</td></tr>`)}</tbody></table>`
        : html`<p>None yet.</p>`
    }`,
    { status, flash },
  );
}
