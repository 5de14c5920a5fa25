/**
 * Resident pages: my credentials, applications, obligations and address
 * (/me), applying online (/apply), an application's decision, and renewal.
 * A resident sees only their own records.
 */
import { statusOf } from "../../http/errors.ts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Ctx } from "../../context.ts";
import { forbidden } from "../../lib/errors.ts";
import type { User } from "../../modules/auth/roles.ts";
import {
  applicationHistory, applicationsOfPerson, CREDENTIAL_KINDS, CREDENTIAL_NAMES, credentialsOfPerson, getApplication, getCredential, getDecision,
  NEXT, submitApplication, withdrawApplication, type Application, type ApplicationStatus, type Credential,
} from "../../modules/credentials/service.ts";
import { policy } from "../../modules/credentials/policy.ts";
import { addressHistory, changeAddress, getPerson } from "../../modules/people/service.ts";
import { citationLabel } from "../../law/core/rules.ts";
import { applicationFee, lateSurrenderPenalty, renewalNotice, type CredentialKind } from "../../law/ct/credentials/index.ts";
import { RULES } from "../../law/ct/index.ts";
import { html, type Html } from "../html.ts";
import { csrfField } from "../layout.ts";
import {
  checkboxField, checkDate, dateField, errorsFrom, errorSummary, findingsList, formBody, idParam, isFormError, money, outcomeTag, queryParam,
  radioGroup, requiredNote, selectField, sendPage, signedIn, statusLabel, statusTag, summaryList, textField, townOptions, when,
  type Flash, type FormErrors,
} from "./common.ts";

/** The resident's own person record, or 403 for anyone else. */
function ownPersonId(user: User): string {
  if (!policy.listOwnCredentials(user) || !user.personId) throw forbidden("only a resident with a person record has these pages");
  return user.personId;
}

const ATTESTATION_RULE = RULES.find((r) => r.id === "credentials.temporary-permit-attestation");
const CONSENT_RULE = RULES.find((r) => r.id === "credentials.background-check-consent");
const LAWFUL_RULE = RULES.find((r) => r.id === "credentials.lawful-presence");

/** The applicant's statement of citizenship or lawful presence: a required yes/no. */
function lawfulPresenceField(value: string | undefined, error: string | undefined): Html {
  return radioGroup({
    name: "citizenOrLawfulResident", label: "Are you a citizen of the United States or otherwise lawfully present in the United States?", required: true, value, error,
    hint: `${LAWFUL_RULE?.description ?? ""} (${ruleCitations(LAWFUL_RULE)})`,
    options: [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }],
  });
}

const LAWFUL_ERROR = "Answer whether you are a citizen or lawfully present in the United States";

const ruleCitations = (r: (typeof RULES)[number] | undefined) => (r ? r.citations.map((c) => citationLabel(c)).filter((v, i, a) => a.indexOf(v) === i).join("; ") : "");

const NEXT_STEP: Record<ApplicationStatus, string> = {
  submitted: "Your background check has not finished yet. Licensing staff will run it again; you do not need to do anything.",
  approvable: "Every requirement the system checks is met. Licensing staff will review your application (the suitability finding and the safety course are theirs to confirm) and then issue your credential. You will get a letter or email when it is issued.",
  "needs-review": "Some facts are not known yet (listed above), so a member of the licensing staff will review your application by hand. They may contact you for documents. Nothing is denied without a person looking at it.",
  ineligible: "At least one requirement is not met (see the findings marked 'Not met'). Licensing staff will review the records; unless they are corrected, the application will be denied in writing, and you may then appeal to the Board of Firearms Permit Examiners (CGS § 29-32b). You may withdraw the application.",
  issued: "Your credential was issued. It is listed on your My credentials page with its number and expiry date.",
  denied: "Your application was denied. The letter gives the reasons and explains how to appeal to the Board of Firearms Permit Examiners within 90 days (CGS § 29-32b).",
  withdrawn: "You withdrew this application. You may apply again at any time.",
};

// ---------------------------------------------------------------- /me

interface AddressValues { street?: string; town?: string; zip?: string; effectiveOn?: string }

function obligations(creds: Credential[]): Html[] {
  const out: Html[] = [];
  for (const c of creds) {
    const name = CREDENTIAL_NAMES[c.kind];
    if (c.status === "revoked" && !c.surrenderedOn) {
      const p = lateSurrenderPenalty(c.kind);
      out.push(html`<li><strong>Surrender your ${name} ${c.number} by ${c.surrenderDueOn ?? "the date in your notice"}.</strong>
        Not surrendering it in time is a ${p.classification} (${p.offense}; ${citationLabel(p.source)}).
        ${c.lateSurrenderFlaggedOn ? html`<span class="text-bold">It was not surrendered by the deadline; this was recorded on ${c.lateSurrenderFlaggedOn}.</span>` : ""}</li>`);
    } else if (c.status === "active") {
      const n = renewalNotice(c.kind, c.expiresOn);
      out.push(html`<li><strong>Renew your ${name} ${c.number} before it expires on ${c.expiresOn}.</strong>
        ${n.sendOn ? html`A renewal notice is due to be sent to you on ${n.sendOn} (${citationLabel(n.source)}).` : html`No renewal notice is sent for this credential (${citationLabel(n.source)}); remember the date yourself.`}
        ${c.kind !== "temporary-state-permit" ? html`<a href="/me/credentials/${c.id}/renew">Renew ${c.number} online</a>` : ""}</li>`);
    }
  }
  return out;
}

function credentialNotes(c: Credential): Html {
  if (c.status === "revoked") {
    return html`<p class="margin-y-0">Revoked on ${c.revokedOn}.</p>
      ${c.revocationReasons?.length ? html`<p class="margin-y-0">Reasons:</p><ul>${c.revocationReasons.map((r) => html`<li>${r.because} (<cite>${r.citation}</cite>)</li>`)}</ul>` : ""}
      ${c.surrenderedOn ? html`<p class="margin-y-0">Surrendered on ${c.surrenderedOn}.</p>` : html`<p class="margin-y-0">Surrender due by ${c.surrenderDueOn}.</p>`}
      ${c.lateSurrenderFlaggedOn ? html`<p class="margin-y-0">Late surrender recorded on ${c.lateSurrenderFlaggedOn}.</p>` : ""}`;
  }
  if (c.status === "active" || c.status === "expired") {
    return c.kind === "temporary-state-permit" ? html`` : html`<a href="/me/credentials/${c.id}/renew">Renew<span class="usa-sr-only"> ${c.number}</span></a>`;
  }
  return html``;
}

async function renderMe(req: FastifyRequest, reply: FastifyReply, makeCtx: (req: FastifyRequest) => Ctx, user: User, opts: { errors?: FormErrors; values?: AddressValues; flash?: Flash; status?: number } = {}) {
  const personId = ownPersonId(user);
  const ctx = makeCtx(req);
  const [person, creds, apps, towns, moves] = await Promise.all([
    getPerson(ctx.db, personId), credentialsOfPerson(ctx.db, personId), applicationsOfPerson(ctx.db, personId), townOptions(ctx.db), addressHistory(ctx.db, personId),
  ]);
  const errors = opts.errors ?? {};
  const v = opts.values ?? {};
  const duties = obligations(creds);
  const flash = opts.flash ?? (queryParam(req, "done") === "address" ? { text: "Your new address was recorded.", type: "success" as const } : undefined);
  return sendPage(reply, req, "My credentials", html`<h1>My credentials</h1>
    <p class="usa-intro">${person.firstName} ${person.lastName}, born ${person.birthDate}</p>

    <h2 id="obligations">Obligations and deadlines</h2>
    ${duties.length ? html`<ul class="usa-list">${duties}</ul>` : html`<p>You have no deadlines right now.</p>`}

    <h2 id="credentials">Credentials</h2>
    ${creds.length ? html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--borderless">
      <caption>Your credentials, newest first</caption>
      <thead><tr><th scope="col">Number</th><th scope="col">Credential</th><th scope="col">Status</th><th scope="col">Issued</th><th scope="col">Expires</th><th scope="col">Notes</th></tr></thead>
      <tbody>${creds.map((c) => html`<tr><th scope="row">${c.number}</th><td>${CREDENTIAL_NAMES[c.kind]}</td><td>${statusTag(c.status)}</td><td>${c.issuedOn}</td><td>${c.expiresOn}</td><td>${credentialNotes(c)}</td></tr>`)}</tbody>
    </table></div>` : html`<p>You hold no credential yet. <a href="/apply">Apply for one</a>.</p>`}

    <h2 id="applications">Applications</h2>
    ${apps.length ? html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--borderless">
      <caption>Your applications, newest first</caption>
      <thead><tr><th scope="col">Number</th><th scope="col">Credential</th><th scope="col">Submitted</th><th scope="col">Status</th></tr></thead>
      <tbody>${apps.map((a) => html`<tr><th scope="row"><a href="/me/applications/${a.id}">${a.number}</a></th><td>${CREDENTIAL_NAMES[a.credentialKind]}${a.kind === "renewal" ? " (renewal)" : ""}</td><td>${a.submittedOn}</td><td>${statusTag(a.status)}</td></tr>`)}</tbody>
    </table></div>` : html`<p>You have not applied for anything yet.</p>`}
    <p><a class="usa-button" href="/apply">Apply for a credential</a></p>

    <h2 id="address">Address</h2>
    <p>Your address on file: ${[person.street, person.town, `${person.state} ${person.zip ?? ""}`].filter(Boolean).join(", ")}</p>
    ${moves.length ? html`<details><summary>Earlier address changes (${moves.length})</summary><ul>${moves.map((m) => html`<li>${m.street}, ${m.town}, ${m.state} ${m.zip ?? ""}: from ${m.effectiveOn}</li>`)}</ul></details>` : ""}
    <form class="usa-form usa-form--large" method="post" action="/me/address" novalidate>
      <fieldset class="usa-fieldset">
        <legend class="usa-legend stateline-legend">Report a change of address</legend>
        <p class="usa-hint">A permit or certificate holder must report a new address within two business days of moving. Connecticut addresses only here; call the licensing unit if you moved out of state.</p>
        ${requiredNote}
        ${errorSummary(errors, { street: "Street address", town: "Town", zip: "ZIP code", effectiveOn: "Date you moved" })}
        ${csrfField(req)}
        ${textField({ name: "street", label: "Street address", value: v.street, error: errors.street, required: true, autocomplete: "street-address" })}
        ${selectField({ name: "town", label: "Town", value: v.town ?? "", options: towns, empty: "- Select your town -", error: errors.town, required: true })}
        ${textField({ name: "zip", label: "ZIP code", value: v.zip, error: errors.zip, width: "md", inputmode: "numeric", autocomplete: "postal-code", hint: "Five digits" })}
        ${dateField({ name: "effectiveOn", label: "Date you moved", value: v.effectiveOn, error: errors.effectiveOn, required: true })}
        <button class="usa-button" type="submit">Report address change</button>
      </fieldset>
    </form>`, { status: opts.status, flash });
}

// ---------------------------------------------------------------- /apply

interface ApplyValues { credentialKind?: string; residenceTown?: string; lawful?: string; attested?: boolean; consent?: boolean; feePaid?: boolean }

function feeLine(kind: CredentialKind, today: Ctx["today"]): string {
  const f = applicationFee(kind, today);
  return `Fee: ${money(f.amountCents)} (${f.note}; ${citationLabel(f.source)})`;
}

async function renderApply(req: FastifyRequest, reply: FastifyReply, makeCtx: (req: FastifyRequest) => Ctx, user: User, opts: { errors?: FormErrors; values?: ApplyValues; status?: number } = {}) {
  const personId = ownPersonId(user);
  if (!policy.applyOnline(user)) throw forbidden();
  const ctx = makeCtx(req);
  const [person, towns] = await Promise.all([getPerson(ctx.db, personId), townOptions(ctx.db)]);
  const errors = opts.errors ?? {};
  const v = opts.values ?? {};
  return sendPage(reply, req, "Apply for a credential", html`<h1>Apply for a credential</h1>
    <p class="usa-intro">Your application is checked against the law as soon as you send it. You will see every requirement, whether it is met, and the section of the law it comes from.</p>
    <form class="usa-form usa-form--large" method="post" action="/apply" novalidate>
      ${requiredNote}
      ${errorSummary(errors, { credentialKind: "Credential", residenceTown: "Town of residence", citizenOrLawfulResident: "Citizenship or lawful presence", attestedNoTemporaryPermitIn12Months: "Temporary state permit statement", backgroundCheckConsent: "Background check consent", feePaid: "Fee" }, { credentialKind: "credentialKind-0", citizenOrLawfulResident: "citizenOrLawfulResident-0" })}
      ${csrfField(req)}
      ${radioGroup({
        name: "credentialKind", label: "Which credential are you applying for?", required: true, tile: true, value: v.credentialKind, error: errors.credentialKind,
        options: CREDENTIAL_KINDS.map((k) => ({ value: k, label: CREDENTIAL_NAMES[k], description: feeLine(k, ctx.today) })),
      })}
      ${selectField({ name: "residenceTown", label: "Town of residence", value: v.residenceTown ?? person.town ?? "", options: towns, empty: "- Select your town -", required: true, error: errors.residenceTown, hint: "The town where you permanently live. A temporary state permit is issued by that town's chief of police or first selectman." })}
      ${lawfulPresenceField(v.lawful, errors.citizenOrLawfulResident)}
      <fieldset class="usa-fieldset margin-top-3">
        <legend class="usa-legend">Temporary state permit only</legend>
        <p>${ATTESTATION_RULE?.description ?? "The applicant must state that no temporary state permit application was made within the past 12 months."}
          <span class="font-sans-2xs">(<cite>${ruleCitations(ATTESTATION_RULE)}</cite>)</span></p>
        ${checkboxField({
          name: "attestedNoTemporaryPermitIn12Months", label: "I have not applied for a temporary state permit within the past 12 months", checked: v.attested ?? false,
          description: "I make this statement under penalty of false statement. Required when applying for a temporary state permit.", error: errors.attestedNoTemporaryPermitIn12Months,
        })}
      </fieldset>
      <fieldset class="usa-fieldset margin-top-3">
        <legend class="usa-legend">Background check and fee</legend>
        ${checkboxField({
          name: "backgroundCheckConsent", label: "I consent to the state and national criminal history background check", checked: v.consent ?? false, required: true,
          description: `${CONSENT_RULE?.description ?? "The applicant must consent to the background check."} (${ruleCitations(CONSENT_RULE)})`, error: errors.backgroundCheckConsent,
        })}
        ${checkboxField({
          name: "feePaid", label: "I have paid the application fee for the credential I chose", checked: v.feePaid ?? false, error: errors.feePaid,
          description: "The fee for each credential is shown next to it above. An application whose fee is not paid does not meet the fee requirement.",
        })}
      </fieldset>
      <button class="usa-button" type="submit">Send application</button>
    </form>`, { status: opts.status });
}

// ---------------------------------------------------------------- an application

async function renderApplication(req: FastifyRequest, reply: FastifyReply, makeCtx: (req: FastifyRequest) => Ctx, user: User, app: Application, opts: { flash?: Flash; status?: number } = {}) {
  const ctx = makeCtx(req);
  const [decision, history] = await Promise.all([app.latestDecisionId ? getDecision(ctx.db, app.latestDecisionId) : Promise.resolve(undefined), applicationHistory(ctx.db, app.id)]);
  const done = queryParam(req, "done");
  const flash = opts.flash ?? (done === "submitted" ? { text: `Application ${app.number} was received and checked.`, type: "success" as const } : done === "withdrawn" ? { text: `Application ${app.number} was withdrawn.`, type: "info" as const } : undefined);
  return sendPage(reply, req, `Application ${app.number}`, html`<h1>Application ${app.number}</h1>
    ${summaryList([
      ["Credential", `${CREDENTIAL_NAMES[app.credentialKind]}${app.kind === "renewal" ? " (renewal)" : ""}`],
      ["Status", statusTag(app.status)],
      ["Submitted", app.submittedOn],
      ["Town of residence", app.residenceTown],
      ["Fee", `${money(app.feeCents)} (${app.feePaid ? "paid" : "not paid"})`],
    ])}
    <h2>Decision</h2>
    ${decision ? html`<p>${outcomeTag(decision.outcome, { eligibility: true })}</p>
      <p class="usa-hint">Decided on ${decision.decidedOn} under rulebook ${decision.rulebookVersion}.</p>
      ${(() => {
        const missing = [...new Set(decision.findings.flatMap((f) => f.missing ?? []))];
        return missing.length ? html`<div class="usa-summary-box margin-bottom-2" role="region" aria-labelledby="missing-heading"><div class="usa-summary-box__body">
          <h3 class="usa-summary-box__heading" id="missing-heading">Missing facts</h3>
          <ul class="usa-list">${missing.map((m) => html`<li><code>${m}</code></li>`)}</ul></div></div>` : "";
      })()}
      <h3>Every requirement</h3>
      ${findingsList(decision.findings, 4)}` : html`<p>The background check has not run yet.</p>`}
    <h2>What happens next</h2>
    <p>${NEXT_STEP[app.status]}</p>
    ${NEXT[app.status].includes("withdraw") ? html`<form method="post" action="/me/applications/${app.id}/withdraw" class="margin-y-2">${csrfField(req)}<button class="usa-button usa-button--secondary" type="submit">Withdraw application ${app.number}</button></form>` : ""}
    <h2>History</h2>
    <table class="usa-table usa-table--borderless">
      <caption>What happened to this application</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">Status after</th></tr></thead>
      <tbody>${history.map((h) => html`<tr><td>${when(h.at)}</td><td>${h.action}</td><td>${statusLabel(h.toStatus)}</td></tr>`)}</tbody>
    </table>
    <p><a href="/me">Back to my credentials</a></p>`, { status: opts.status, flash });
}

async function ownApplication(makeCtx: (req: FastifyRequest) => Ctx, req: FastifyRequest, user: User): Promise<Application> {
  ownPersonId(user);
  const app = await getApplication(makeCtx(req).db, idParam(req, "application"));
  if (!policy.viewApplication(user, app)) throw forbidden("this is not your application");
  return app;
}

// ---------------------------------------------------------------- renewal

interface RenewValues { residenceTown?: string; lawful?: string; consent?: boolean; feePaid?: boolean }

async function ownCredential(makeCtx: (req: FastifyRequest) => Ctx, req: FastifyRequest, user: User): Promise<Credential> {
  ownPersonId(user);
  const c = await getCredential(makeCtx(req).db, idParam(req, "credential"));
  if (!policy.renew(user, c)) throw forbidden("this is not your credential");
  return c;
}

async function renderRenew(req: FastifyRequest, reply: FastifyReply, makeCtx: (req: FastifyRequest) => Ctx, user: User, c: Credential, opts: { errors?: FormErrors; values?: RenewValues; status?: number } = {}) {
  const ctx = makeCtx(req);
  const [person, towns] = await Promise.all([getPerson(ctx.db, c.personId), townOptions(ctx.db)]);
  const errors = opts.errors ?? {};
  const v = opts.values ?? {};
  const renewable = c.kind !== "temporary-state-permit" && (c.status === "active" || c.status === "expired");
  return sendPage(reply, req, `Renew ${c.number}`, html`<h1>Renew ${CREDENTIAL_NAMES[c.kind]} ${c.number}</h1>
    ${summaryList([["Status", statusTag(c.status)], ["Issued", c.issuedOn], ["Expires", c.expiresOn]])}
    ${renewable ? html`<p>A renewal is checked against the law like a new application. If it is issued before ${c.expiresOn}, the new credential runs on from that date.</p>
    <form class="usa-form usa-form--large" method="post" action="/me/credentials/${c.id}/renew" novalidate>
      ${requiredNote}
      ${errorSummary(errors, { residenceTown: "Town of residence", citizenOrLawfulResident: "Citizenship or lawful presence", backgroundCheckConsent: "Background check consent", credentialKind: "Credential", renewsCredentialId: "Credential" })}
      ${csrfField(req)}
      ${selectField({ name: "residenceTown", label: "Town of residence", value: v.residenceTown ?? person.town ?? "", options: towns, empty: "- Select your town -", required: true, error: errors.residenceTown })}
      ${lawfulPresenceField(v.lawful, errors.citizenOrLawfulResident)}
      ${checkboxField({ name: "backgroundCheckConsent", label: "I consent to the state and national criminal history background check", checked: v.consent ?? false, required: true, error: errors.backgroundCheckConsent, description: ruleCitations(CONSENT_RULE) })}
      ${checkboxField({ name: "feePaid", label: `I have paid the renewal fee`, checked: v.feePaid ?? false, description: feeLine(c.kind, ctx.today), error: errors.feePaid })}
      ${errors.credentialKind || errors.renewsCredentialId ? html`<p class="usa-error-message">${errors.credentialKind ?? errors.renewsCredentialId}</p>` : ""}
      <button class="usa-button" type="submit">Send renewal</button>
    </form>` : html`<div class="usa-alert usa-alert--info"><div class="usa-alert__body"><p class="usa-alert__text">${c.kind === "temporary-state-permit" ? "A temporary state permit is not renewed: it leads to the state permit." : `A ${statusLabel(c.status).toLowerCase()} credential cannot be renewed. You may apply for a new one.`}</p></div></div>`}
    <p><a href="/me">Back to my credentials</a></p>`, { status: opts.status });
}

// ---------------------------------------------------------------- routes

export function registerResidentPages(app: FastifyInstance, makeCtx: (req: FastifyRequest) => Ctx): void {
  app.get("/me", signedIn((req, reply, user) => renderMe(req, reply, makeCtx, user)));

  app.post("/me/address", signedIn(async (req, reply, user) => {
    const personId = ownPersonId(user);
    const b = formBody(req);
    const ctx = makeCtx(req);
    if (!policy.changeAddress(user, personId)) throw forbidden();
    const values: AddressValues = { street: (b.street ?? "").trim(), town: b.town ?? "", zip: (b.zip ?? "").trim(), effectiveOn: (b.effectiveOn ?? "").trim() };
    const errors: FormErrors = {};
    if (values.street!.length < 3 || values.street!.length > 200) errors.street = "Enter your street address (3 to 200 characters)";
    const towns = await townOptions(ctx.db);
    if (!towns.some((t) => t.value === values.town)) errors.town = "Choose your town from the list";
    if (values.zip && !/^\d{5}$/.test(values.zip)) errors.zip = "The ZIP code must be five digits";
    const effectiveOn = checkDate(errors, "effectiveOn", values.effectiveOn!, "date you moved", { required: true });
    if (effectiveOn && effectiveOn > ctx.today) errors.effectiveOn = "The date you moved cannot be in the future";
    if (Object.keys(errors).length) return renderMe(req, reply, makeCtx, user, { errors, values, status: 400 });
    try {
      await changeAddress(ctx, personId, { street: values.street!, town: values.town!, state: "CT", zip: values.zip || undefined, effectiveOn: effectiveOn! });
    } catch (e) {
      if (isFormError(e)) return renderMe(req, reply, makeCtx, user, { errors: errorsFrom(e, ["street", "town", "zip", "effectiveOn"]), values, status: statusOf(e) });
      throw e;
    }
    return reply.redirect("/me?done=address#address", 303);
  }));

  app.get("/apply", signedIn((req, reply, user) => renderApply(req, reply, makeCtx, user)));

  app.post("/apply", signedIn(async (req, reply, user) => {
    ownPersonId(user);
    if (!policy.applyOnline(user)) throw forbidden();
    const ctx = makeCtx(req);
    const b = formBody(req);
    const values: ApplyValues = {
      credentialKind: b.credentialKind ?? "", residenceTown: b.residenceTown ?? "", lawful: b.citizenOrLawfulResident ?? "",
      attested: b.attestedNoTemporaryPermitIn12Months === "yes", consent: b.backgroundCheckConsent === "yes", feePaid: b.feePaid === "yes",
    };
    const errors: FormErrors = {};
    const kind = CREDENTIAL_KINDS.find((k) => k === values.credentialKind);
    if (!kind) errors.credentialKind = "Choose the credential you are applying for";
    if (!(await townOptions(ctx.db)).some((t) => t.value === values.residenceTown)) errors.residenceTown = "Choose your town of residence from the list";
    if (values.lawful !== "yes" && values.lawful !== "no") errors.citizenOrLawfulResident = LAWFUL_ERROR;
    if (kind === "temporary-state-permit" && !values.attested) errors.attestedNoTemporaryPermitIn12Months = "A temporary state permit application must include this statement; no one may apply for a temporary state permit more than once in 12 months";
    if (!values.consent) errors.backgroundCheckConsent = "An application needs your consent to the background check";
    if (Object.keys(errors).length) return renderApply(req, reply, makeCtx, user, { errors, values, status: 400 });
    try {
      const r = await submitApplication(ctx, {
        credentialKind: kind!, residenceTown: values.residenceTown!, citizenOrLawfulResident: values.lawful === "yes", backgroundCheckConsent: true, feePaid: values.feePaid!,
        ...(kind === "temporary-state-permit" ? { attestedNoTemporaryPermitIn12Months: values.attested } : {}),
      });
      return reply.redirect(`/me/applications/${r.application.id}?done=submitted`, 303);
    } catch (e) {
      if (isFormError(e)) return renderApply(req, reply, makeCtx, user, { errors: errorsFrom(e, ["credentialKind", "residenceTown", "citizenOrLawfulResident", "attestedNoTemporaryPermitIn12Months", "backgroundCheckConsent", "feePaid"]), values, status: statusOf(e) });
      throw e;
    }
  }));

  app.get("/me/applications/:id", signedIn(async (req, reply, user) => {
    if (user.role === "licensing_staff") return reply.redirect(`/staff/applications/${idParam(req, "application")}`, 303);
    return renderApplication(req, reply, makeCtx, user, await ownApplication(makeCtx, req, user));
  }));

  app.post("/me/applications/:id/withdraw", signedIn(async (req, reply, user) => {
    const a = await ownApplication(makeCtx, req, user);
    try {
      await withdrawApplication(makeCtx(req), a.id);
    } catch (e) {
      if (isFormError(e)) return renderApplication(req, reply, makeCtx, user, a, { flash: { text: e.message, type: "error" }, status: statusOf(e) });
      throw e;
    }
    return reply.redirect(`/me/applications/${a.id}?done=withdrawn`, 303);
  }));

  app.get("/me/credentials/:id/renew", signedIn(async (req, reply, user) => renderRenew(req, reply, makeCtx, user, await ownCredential(makeCtx, req, user))));

  app.post("/me/credentials/:id/renew", signedIn(async (req, reply, user) => {
    const c = await ownCredential(makeCtx, req, user);
    const ctx = makeCtx(req);
    const b = formBody(req);
    const values: RenewValues = { residenceTown: b.residenceTown ?? "", lawful: b.citizenOrLawfulResident ?? "", consent: b.backgroundCheckConsent === "yes", feePaid: b.feePaid === "yes" };
    const errors: FormErrors = {};
    if (!(await townOptions(ctx.db)).some((t) => t.value === values.residenceTown)) errors.residenceTown = "Choose your town of residence from the list";
    if (values.lawful !== "yes" && values.lawful !== "no") errors.citizenOrLawfulResident = LAWFUL_ERROR;
    if (!values.consent) errors.backgroundCheckConsent = "A renewal needs your consent to the background check";
    if (Object.keys(errors).length) return renderRenew(req, reply, makeCtx, user, c, { errors, values, status: 400 });
    try {
      const r = await submitApplication(ctx, { credentialKind: c.kind, renewsCredentialId: c.id, residenceTown: values.residenceTown!, citizenOrLawfulResident: values.lawful === "yes", backgroundCheckConsent: true, feePaid: values.feePaid! });
      return reply.redirect(`/me/applications/${r.application.id}?done=submitted`, 303);
    } catch (e) {
      if (isFormError(e)) return renderRenew(req, reply, makeCtx, user, c, { errors: errorsFrom(e, ["residenceTown", "citizenOrLawfulResident", "backgroundCheckConsent", "feePaid", "credentialKind", "renewsCredentialId"]), values, status: statusOf(e) });
      throw e;
    }
  }));
}

