/**
 * * Resident pages: my credentials, applications, obligations and address
 * (/me), applying online (/apply), an application's decision, and renewal.
 * A resident sees only their own records.
 *
 * * Licensing staff pages: the queue, an application with its decision and the
 * actions its status allows, a credential with its history and surrender,
 * recording a prohibiting event, and the outbox with the daily jobs.
 * Opening an application or a credential is an audited read ("licensing review").
 *
 * * Verification at the counter (/verify): credential number, the buyer's last
 * name and date of birth, and the purpose. The answer is only "valid for this
 * purpose today" or "not valid", with a reference: nothing else about the holder.
 * The form posts (names and birth dates stay out of URLs) and the answer is
 * shown on the response; nothing changes but the audit trail.
 */
import { statusOf } from "../../http/errors.ts";
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type Ctx } from "../../context.ts";
import { forbidden } from "../../lib/errors.ts";
import { type User } from "../auth/index.ts";
import {
  applicationHistory,
  applicationsOfPerson,
  CREDENTIAL_KINDS,
  CREDENTIAL_NAMES,
  credentialsOfPerson,
  getApplication,
  getCredential,
  getDecision,
  NEXT,
  submitApplication,
  withdrawApplication,
  type Application,
  type ApplicationStatus,
  type Credential,
  credentialHistory,
  denyApplication,
  issueCredential,
  recordProhibitingEvent,
  recordSurrender,
  runBackgroundCheck,
  runDailyJobs,
  type ProhibitingEventInput,
  verifyCredential,
  type Purpose,
  eventSummaries,
  type EventSummary,
} from "./service.ts";
import { policy } from "./policy.ts";

import { addressHistory, changeAddress, getPerson, findPeopleByIdentity, type Person } from "../people/index.ts";
import { citationLabel } from "../../law/core/rules.ts";
import {
  applicationFee,
  confirmationsRequired,
  lateSurrenderPenalty,
  renewalNotice,
  type CredentialKind,
  PURPOSES,
} from "../../law/ct/credentials/index.ts";
import { type ApplicationDocument, confirmationsOf, documentsOf } from "./attachments.ts";
import { RULES } from "../../law/ct/index.ts";
import {
  html,
  type Html,
  csrfField,
  checkboxField,
  checkDate,
  dateField,
  errorsFrom,
  errorSummary,
  findingsList,
  formBody,
  idParam,
  isFormError,
  money,
  outcomeTag,
  queryParam,
  radioGroup,
  requiredNote,
  selectField,
  sendPage,
  signedIn,
  statusLabel,
  statusTag,
  summaryList,
  textField,
  townOptions,
  when,
  type Flash,
  type FormErrors,
  textareaField,
  UUID,
  yesNoUnknown,
  postedPurpose,
  recallPurpose,
  sendPurposeGate,
  humanField,
  findingText,
} from "../../web/kit.ts";
import { auditRead, auditRefusedRead } from "../audit/index.ts";
import { purposeLine } from "../../lib/purpose.ts";

/** The resident's own person record, or 403 for anyone else. */
function ownPersonId(user: User): string {
  if (!policy.listOwnCredentials(user) || !user.personId)
    throw forbidden("only a resident with a person record has these pages");
  return user.personId;
}

const ATTESTATION_RULE = RULES.find((r) => r.id === "credentials.temporary-permit-attestation");
const CONSENT_RULE = RULES.find((r) => r.id === "credentials.background-check-consent");
const LAWFUL_RULE = RULES.find((r) => r.id === "credentials.lawful-presence");

/** The applicant's statement of citizenship or lawful presence: a required yes/no. */
function lawfulPresenceField(value: string | undefined, error: string | undefined): Html {
  return radioGroup({
    name: "citizenOrLawfulResident",
    label: "Are you a citizen of the United States or otherwise lawfully present in the United States?",
    required: true,
    value,
    error,
    hint: `${LAWFUL_RULE?.description ?? ""} (${ruleCitations(LAWFUL_RULE)})`,
    options: [
      { value: "yes", label: "Yes" },
      { value: "no", label: "No" },
    ],
  });
}

const LAWFUL_ERROR = "Answer whether you are a citizen or lawfully present in the United States";

const ruleCitations = (r: (typeof RULES)[number] | undefined) =>
  r
    ? r.citations
        .map((c) => citationLabel(c))
        .filter((v, i, a) => a.indexOf(v) === i)
        .join("; ")
    : "";

const NEXT_STEP: Record<ApplicationStatus, string> = {
  submitted:
    "Your background check has not finished yet. Licensing staff will run it again; you do not need to do anything.",
  approvable:
    "Every requirement the system checks is met. Licensing staff will review your application (the suitability finding and the safety course are theirs to confirm) and then issue your credential. You will get a letter or email when it is issued.",
  "needs-review":
    "Some facts are not known yet (listed above), so a member of the licensing staff will review your application by hand. They may contact you for documents. Nothing is denied without a person looking at it.",
  ineligible:
    "At least one requirement is not met (see the findings marked 'Not met'). Licensing staff will review the records; unless they are corrected, the application will be denied in writing, and you may then appeal to the Board of Firearms Permit Examiners (CGS § 29-32b). You may withdraw the application.",
  issued: "Your credential was issued. It is listed on your My credentials page with its number and expiry date.",
  denied:
    "Your application was denied. The letter gives the reasons and explains how to appeal to the Board of Firearms Permit Examiners within 90 days (CGS § 29-32b).",
  withdrawn: "You withdrew this application. You may apply again at any time.",
};

// ---------------------------------------------------------------- /me

interface AddressValues {
  street?: string;
  town?: string;
  zip?: string;
  effectiveOn?: string;
}

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
      ${c.revocationReasons?.length ? html`<p class="margin-y-0">Reasons:</p><ul>${c.revocationReasons.map((r) => html`<li>${findingText(r.because)} (<cite>${r.citation}</cite>)</li>`)}</ul>` : ""}
      ${c.surrenderedOn ? html`<p class="margin-y-0">Surrendered on ${c.surrenderedOn}.</p>` : html`<p class="margin-y-0">Surrender due by ${c.surrenderDueOn}.</p>`}
      ${c.lateSurrenderFlaggedOn ? html`<p class="margin-y-0">Late surrender recorded on ${c.lateSurrenderFlaggedOn}.</p>` : ""}`;
  }
  if (c.status === "active" || c.status === "expired") {
    const pdf =
      c.status === "active"
        ? html`<a href="/me/credentials/${c.id}/credential.pdf" download>Print (PDF)<span class="usa-sr-only"> ${c.number}</span></a> `
        : html``;
    return c.kind === "temporary-state-permit"
      ? pdf
      : html`${pdf}<a href="/me/credentials/${c.id}/renew">Renew<span class="usa-sr-only"> ${c.number}</span></a>`;
  }
  return html``;
}

async function renderMe(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: (req: FastifyRequest) => Ctx,
  user: User,
  opts: { errors?: FormErrors; values?: AddressValues; flash?: Flash; status?: number } = {},
) {
  const personId = ownPersonId(user);
  const ctx = makeCtx(req);
  const [person, creds, apps, towns, moves] = await Promise.all([
    getPerson(ctx.db, personId),
    credentialsOfPerson(ctx.db, personId),
    applicationsOfPerson(ctx.db, personId),
    townOptions(ctx.db),
    addressHistory(ctx.db, personId),
  ]);
  const errors = opts.errors ?? {};
  const v = opts.values ?? {};
  const duties = obligations(creds);
  const flash =
    opts.flash ??
    (queryParam(req, "done") === "address"
      ? { text: "Your new address was recorded.", type: "success" as const }
      : undefined);
  return sendPage(
    reply,
    req,
    "My credentials",
    html`<h1>My credentials</h1>
    <p class="usa-intro">${person.firstName} ${person.lastName}, born ${person.birthDate}</p>

    <h2 id="obligations">Obligations and deadlines</h2>
    ${duties.length ? html`<ul class="usa-list">${duties}</ul>` : html`<p>You have no deadlines right now.</p>`}

    <h2 id="credentials">Credentials</h2>
    ${
      creds.length
        ? html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--borderless">
      <caption>Your credentials, newest first</caption>
      <thead><tr><th scope="col">Number</th><th scope="col">Credential</th><th scope="col">Status</th><th scope="col">Issued</th><th scope="col">Expires</th><th scope="col">Notes</th></tr></thead>
      <tbody>${creds.map((c) => html`<tr><th scope="row">${c.number}</th><td>${CREDENTIAL_NAMES[c.kind]}</td><td>${statusTag(c.status)}</td><td>${c.issuedOn}</td><td>${c.expiresOn}</td><td>${credentialNotes(c)}</td></tr>`)}</tbody>
    </table></div>`
        : html`<p>You hold no credential yet. <a href="/apply">Apply for one</a>.</p>`
    }

    <h2 id="applications">Applications</h2>
    ${
      apps.length
        ? html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--borderless">
      <caption>Your applications, newest first</caption>
      <thead><tr><th scope="col">Number</th><th scope="col">Credential</th><th scope="col">Submitted</th><th scope="col">Status</th></tr></thead>
      <tbody>${apps.map((a) => html`<tr><th scope="row"><a href="/me/applications/${a.id}">${a.number}</a></th><td>${CREDENTIAL_NAMES[a.credentialKind]}${a.kind === "renewal" ? " (renewal)" : ""}</td><td>${a.submittedOn}</td><td>${statusTag(a.status)}</td></tr>`)}</tbody>
    </table></div>`
        : html`<p>You have not applied for anything yet.</p>`
    }
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
    </form>`,
    { status: opts.status, flash },
  );
}

// ---------------------------------------------------------------- /apply

interface ApplyValues {
  credentialKind?: string;
  residenceTown?: string;
  lawful?: string;
  attested?: boolean;
  consent?: boolean;
  feePaid?: boolean;
}

function feeLine(kind: CredentialKind, today: Ctx["today"]): string {
  const f = applicationFee(kind, today);
  return `Fee: ${money(f.amountCents)} (${f.note}; ${citationLabel(f.source)})`;
}

async function renderApply(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: (req: FastifyRequest) => Ctx,
  user: User,
  opts: { errors?: FormErrors; values?: ApplyValues; status?: number } = {},
) {
  const personId = ownPersonId(user);
  if (!policy.applyOnline(user)) throw forbidden();
  const ctx = makeCtx(req);
  const [person, towns] = await Promise.all([getPerson(ctx.db, personId), townOptions(ctx.db)]);
  const errors = opts.errors ?? {};
  const v = opts.values ?? {};
  return sendPage(
    reply,
    req,
    "Apply for a credential",
    html`<h1>Apply for a credential</h1>
    <p class="usa-intro">Your application is checked against the law as soon as you send it. You will see every requirement, whether it is met, and the section of the law it comes from.</p>
    <form class="usa-form usa-form--large" method="post" action="/apply" novalidate>
      ${requiredNote}
      ${errorSummary(errors, { credentialKind: "Credential", residenceTown: "Town of residence", citizenOrLawfulResident: "Citizenship or lawful presence", attestedNoTemporaryPermitIn12Months: "Temporary state permit statement", backgroundCheckConsent: "Background check consent", feePaid: "Fee" }, { credentialKind: "credentialKind-0", citizenOrLawfulResident: "citizenOrLawfulResident-0" })}
      ${csrfField(req)}
      ${radioGroup({
        name: "credentialKind",
        label: "Which credential are you applying for?",
        required: true,
        tile: true,
        value: v.credentialKind,
        error: errors.credentialKind,
        options: CREDENTIAL_KINDS.map((k) => ({
          value: k,
          label: CREDENTIAL_NAMES[k],
          description: feeLine(k, ctx.today),
        })),
      })}
      ${selectField({ name: "residenceTown", label: "Town of residence", value: v.residenceTown ?? person.town ?? "", options: towns, empty: "- Select your town -", required: true, error: errors.residenceTown, hint: "The town where you permanently live. A temporary state permit is issued by that town's chief of police or first selectman." })}
      ${lawfulPresenceField(v.lawful, errors.citizenOrLawfulResident)}
      <fieldset class="usa-fieldset margin-top-3">
        <legend class="usa-legend">Temporary state permit only</legend>
        <p>${ATTESTATION_RULE?.description ?? "The applicant must state that no temporary state permit application was made within the past 12 months."}
          <span class="font-sans-2xs">(<cite>${ruleCitations(ATTESTATION_RULE)}</cite>)</span></p>
        ${checkboxField({
          name: "attestedNoTemporaryPermitIn12Months",
          label: "I have not applied for a temporary state permit within the past 12 months",
          checked: v.attested ?? false,
          description:
            "I make this statement under penalty of false statement. Required when applying for a temporary state permit.",
          error: errors.attestedNoTemporaryPermitIn12Months,
        })}
      </fieldset>
      <fieldset class="usa-fieldset margin-top-3">
        <legend class="usa-legend">Background check and fee</legend>
        ${checkboxField({
          name: "backgroundCheckConsent",
          label: "I consent to the state and national criminal history background check",
          checked: v.consent ?? false,
          required: true,
          description: `${CONSENT_RULE?.description ?? "The applicant must consent to the background check."} (${ruleCitations(CONSENT_RULE)})`,
          error: errors.backgroundCheckConsent,
        })}
        ${checkboxField({
          name: "feePaid",
          label: "I have paid the application fee for the credential I chose",
          checked: v.feePaid ?? false,
          error: errors.feePaid,
          description:
            "The fee for each credential is shown next to it above. An application whose fee is not paid does not meet the fee requirement.",
        })}
      </fieldset>
      <button class="usa-button" type="submit">Send application</button>
    </form>`,
    { status: opts.status },
  );
}

// ---------------------------------------------------------------- an application

const OPEN_STATUSES: readonly ApplicationStatus[] = ["submitted", "approvable", "needs-review", "ineligible"];

/** The applicant's checklist: fee, safety course certificate (with its upload), fingerprints, the local authority. */
function nextSteps(req: FastifyRequest, app: Application, documents: ApplicationDocument[]): Html {
  if (!OPEN_STATUSES.includes(app.status)) return html``;
  const needsCourse = confirmationsRequired(app.credentialKind, app.kind).includes("safety-course");
  const done = (b: boolean) =>
    b ? html`<span class="usa-tag bg-green">Done</span> ` : html`<span class="usa-tag">To do</span> `;
  return html`<h3>Your checklist</h3>
    <ol class="usa-process-list">
      <li class="usa-process-list__item"><h4 class="usa-process-list__heading">${done(app.feePaid)}Fee</h4>
        <p>${money(app.feeCents)}: ${app.feePaid ? "paid." : "not paid yet. Pay it at a DESPP licensing office or by mail with the application number; staff record the payment."}</p></li>
      ${
        needsCourse
          ? html`<li class="usa-process-list__item"><h4 class="usa-process-list__heading">${done(documents.length > 0)}Safety course certificate</h4>
        <p>The law requires an approved firearms safety course (CGS §§ 29-28(b), 29-36f, 29-37p). ${documents.length ? html`On file: ${documents.map((d) => html`<a href="/me/applications/${app.id}/documents/${d.id}">${d.filename}</a> `)}` : "Upload your certificate (PDF, PNG or JPEG, at most 5 MB), or bring it to the licensing office."}</p>
        <form class="usa-form" method="post" action="/me/applications/${app.id}/documents" enctype="multipart/form-data" novalidate>
          ${csrfField(req)}
          <label class="usa-label" for="file">Safety course certificate</label>
          <input class="usa-file-input" id="file" name="file" type="file" accept="application/pdf,image/png,image/jpeg">
          <button class="usa-button usa-button--outline" type="submit">Upload certificate</button>
        </form></li>`
          : ""
      }
      <li class="usa-process-list__item"><h4 class="usa-process-list__heading">Fingerprints</h4>
        <p>Have your fingerprints taken for the state and national criminal history check (at a State Police troop or your local police department), quoting application ${app.number}.</p></li>
      ${
        app.credentialKind === "temporary-state-permit"
          ? html`<li class="usa-process-list__item"><h4 class="usa-process-list__heading">Your town's issuing authority</h4>
        <p>The chief of police of ${app.residenceTown} (or the first selectman or warden where there is no police department) decides the temporary state permit within eight weeks; once approved, DESPP issues the five-year state permit (PA 13-3 §§ 57-58).</p></li>`
          : ""
      }
    </ol>`;
}

async function renderApplication(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: (req: FastifyRequest) => Ctx,
  user: User,
  app: Application,
  opts: { flash?: Flash; status?: number } = {},
) {
  const ctx = makeCtx(req);
  const [decision, history] = await Promise.all([
    app.latestDecisionId ? getDecision(ctx.db, app.latestDecisionId) : Promise.resolve(undefined),
    applicationHistory(ctx.db, app.id),
  ]);
  const done = queryParam(req, "done");
  const flash =
    opts.flash ??
    (done === "submitted"
      ? { text: `Application ${app.number} was received and checked.`, type: "success" as const }
      : done === "withdrawn"
        ? { text: `Application ${app.number} was withdrawn.`, type: "info" as const }
        : done === "uploaded"
          ? { text: "Your safety course certificate was uploaded.", type: "success" as const }
          : undefined);
  return sendPage(
    reply,
    req,
    `Application ${app.number}`,
    html`<h1>Application ${app.number}</h1>
    ${summaryList([
      ["Credential", `${CREDENTIAL_NAMES[app.credentialKind]}${app.kind === "renewal" ? " (renewal)" : ""}`],
      ["Status", statusTag(app.status)],
      ["Submitted", app.submittedOn],
      ["Town of residence", app.residenceTown],
      ["Fee", `${money(app.feeCents)} (${app.feePaid ? "paid" : "not paid"})`],
    ])}
    <h2>Decision</h2>
    ${
      decision
        ? html`<p>${outcomeTag(decision.outcome, { eligibility: true })}</p>
      <p class="usa-hint">Decided on ${decision.decidedOn} under rulebook ${decision.rulebookVersion}.</p>
      ${(() => {
        const missing = [...new Set(decision.findings.flatMap((f) => f.missing ?? []))];
        return missing.length
          ? html`<div class="usa-summary-box margin-bottom-2" role="region" aria-labelledby="missing-heading"><div class="usa-summary-box__body">
          <h3 class="usa-summary-box__heading" id="missing-heading">Missing facts</h3>
          <ul class="usa-list">${missing.map((m) => html`<li>${humanField(m)}</li>`)}</ul></div></div>`
          : "";
      })()}
      <h3>Every requirement</h3>
      ${findingsList(decision.findings, 4)}`
        : html`<p>The background check has not run yet.</p>`
    }
    <h2>What happens next</h2>
    <p>${NEXT_STEP[app.status]}</p>
    ${nextSteps(req, app, await documentsOf(makeCtx(req).db, app.id))}
    <h2>Large capacity magazines</h2>
    <p>If you possess large capacity magazines (more than ten rounds) that you had before the law changed, you may declare them with this application (PA 13-3 § 24).
    <a href="/registries/new?kind=lcm-declaration&amp;application=${app.id}">Declare magazines with application ${app.number}</a></p>
    ${NEXT[app.status].includes("withdraw") ? html`<form method="post" action="/me/applications/${app.id}/withdraw" class="margin-y-2">${csrfField(req)}<button class="usa-button usa-button--secondary" type="submit">Withdraw application ${app.number}</button></form>` : ""}
    <h2>History</h2>
    <table class="usa-table usa-table--borderless">
      <caption>What happened to this application</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">Status after</th></tr></thead>
      <tbody>${history.map((h) => html`<tr><td>${when(h.at)}</td><td>${h.action}</td><td>${statusLabel(h.toStatus)}</td></tr>`)}</tbody>
    </table>
    <p><a href="/me">Back to my credentials</a></p>`,
    { status: opts.status, flash },
  );
}

async function ownApplication(
  makeCtx: (req: FastifyRequest) => Ctx,
  req: FastifyRequest,
  user: User,
): Promise<Application> {
  ownPersonId(user);
  const app = await getApplication(makeCtx(req).db, idParam(req, "application"));
  if (!policy.viewApplication(user, app)) throw forbidden("this is not your application");
  return app;
}

// ---------------------------------------------------------------- renewal

interface RenewValues {
  residenceTown?: string;
  lawful?: string;
  consent?: boolean;
  feePaid?: boolean;
}

async function ownCredential(
  makeCtx: (req: FastifyRequest) => Ctx,
  req: FastifyRequest,
  user: User,
): Promise<Credential> {
  ownPersonId(user);
  const c = await getCredential(makeCtx(req).db, idParam(req, "credential"));
  if (!policy.renew(user, c)) throw forbidden("this is not your credential");
  return c;
}

async function renderRenew(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: (req: FastifyRequest) => Ctx,
  user: User,
  c: Credential,
  opts: { errors?: FormErrors; values?: RenewValues; status?: number } = {},
) {
  const ctx = makeCtx(req);
  const [person, towns] = await Promise.all([getPerson(ctx.db, c.personId), townOptions(ctx.db)]);
  const errors = opts.errors ?? {};
  const v = opts.values ?? {};
  const renewable = c.kind !== "temporary-state-permit" && (c.status === "active" || c.status === "expired");
  return sendPage(
    reply,
    req,
    `Renew ${c.number}`,
    html`<h1>Renew ${CREDENTIAL_NAMES[c.kind]} ${c.number}</h1>
    ${summaryList([
      ["Status", statusTag(c.status)],
      ["Issued", c.issuedOn],
      ["Expires", c.expiresOn],
    ])}
    ${
      renewable
        ? html`<p>A renewal is checked against the law like a new application. If it is issued before ${c.expiresOn}, the new credential runs on from that date.</p>
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
    </form>`
        : html`<div class="usa-alert usa-alert--info"><div class="usa-alert__body"><p class="usa-alert__text">${c.kind === "temporary-state-permit" ? "A temporary state permit is not renewed: it leads to the state permit." : `A ${statusLabel(c.status).toLowerCase()} credential cannot be renewed. You may apply for a new one.`}</p></div></div>`
    }
    <p><a href="/me">Back to my credentials</a></p>`,
    { status: opts.status },
  );
}

// ---------------------------------------------------------------- routes

export function registerResidentPages(app: FastifyInstance, makeCtx: (req: FastifyRequest) => Ctx): void {
  app.get(
    "/me",
    signedIn((req, reply, user) => renderMe(req, reply, makeCtx, user)),
  );

  app.post(
    "/me/address",
    signedIn(async (req, reply, user) => {
      const personId = ownPersonId(user);
      const b = formBody(req);
      const ctx = makeCtx(req);
      if (!policy.changeAddress(user, personId)) throw forbidden();
      const values: AddressValues = {
        street: (b.street ?? "").trim(),
        town: b.town ?? "",
        zip: (b.zip ?? "").trim(),
        effectiveOn: (b.effectiveOn ?? "").trim(),
      };
      const errors: FormErrors = {};
      if (values.street!.length < 3 || values.street!.length > 200)
        errors.street = "Enter your street address (3 to 200 characters)";
      const towns = await townOptions(ctx.db);
      if (!towns.some((t) => t.value === values.town)) errors.town = "Choose your town from the list";
      if (values.zip && !/^\d{5}$/.test(values.zip)) errors.zip = "The ZIP code must be five digits";
      const effectiveOn = checkDate(errors, "effectiveOn", values.effectiveOn!, "date you moved", { required: true });
      if (effectiveOn && effectiveOn > ctx.today) errors.effectiveOn = "The date you moved cannot be in the future";
      if (Object.keys(errors).length) return renderMe(req, reply, makeCtx, user, { errors, values, status: 400 });
      try {
        await changeAddress(ctx, personId, {
          street: values.street!,
          town: values.town!,
          state: "CT",
          zip: values.zip || undefined,
          effectiveOn: effectiveOn!,
        });
      } catch (e) {
        if (isFormError(e))
          return renderMe(req, reply, makeCtx, user, {
            errors: errorsFrom(e, ["street", "town", "zip", "effectiveOn"]),
            values,
            status: statusOf(e),
          });
        throw e;
      }
      return reply.redirect("/me?done=address#address", 303);
    }),
  );

  app.get(
    "/apply",
    signedIn((req, reply, user) => renderApply(req, reply, makeCtx, user)),
  );

  app.post(
    "/apply",
    signedIn(async (req, reply, user) => {
      ownPersonId(user);
      if (!policy.applyOnline(user)) throw forbidden();
      const ctx = makeCtx(req);
      const b = formBody(req);
      const values: ApplyValues = {
        credentialKind: b.credentialKind ?? "",
        residenceTown: b.residenceTown ?? "",
        lawful: b.citizenOrLawfulResident ?? "",
        attested: b.attestedNoTemporaryPermitIn12Months === "yes",
        consent: b.backgroundCheckConsent === "yes",
        feePaid: b.feePaid === "yes",
      };
      const errors: FormErrors = {};
      const kind = CREDENTIAL_KINDS.find((k) => k === values.credentialKind);
      if (!kind) errors.credentialKind = "Choose the credential you are applying for";
      if (!(await townOptions(ctx.db)).some((t) => t.value === values.residenceTown))
        errors.residenceTown = "Choose your town of residence from the list";
      if (values.lawful !== "yes" && values.lawful !== "no") errors.citizenOrLawfulResident = LAWFUL_ERROR;
      if (kind === "temporary-state-permit" && !values.attested)
        errors.attestedNoTemporaryPermitIn12Months =
          "A temporary state permit application must include this statement; no one may apply for a temporary state permit more than once in 12 months";
      if (!values.consent) errors.backgroundCheckConsent = "An application needs your consent to the background check";
      if (Object.keys(errors).length) return renderApply(req, reply, makeCtx, user, { errors, values, status: 400 });
      try {
        const r = await submitApplication(ctx, {
          credentialKind: kind!,
          residenceTown: values.residenceTown!,
          citizenOrLawfulResident: values.lawful === "yes",
          backgroundCheckConsent: true,
          feePaid: values.feePaid!,
          ...(kind === "temporary-state-permit" ? { attestedNoTemporaryPermitIn12Months: values.attested } : {}),
        });
        return reply.redirect(`/me/applications/${r.application.id}?done=submitted`, 303);
      } catch (e) {
        if (isFormError(e))
          return renderApply(req, reply, makeCtx, user, {
            errors: errorsFrom(e, [
              "credentialKind",
              "residenceTown",
              "citizenOrLawfulResident",
              "attestedNoTemporaryPermitIn12Months",
              "backgroundCheckConsent",
              "feePaid",
            ]),
            values,
            status: statusOf(e),
          });
        throw e;
      }
    }),
  );

  app.get(
    "/me/applications/:id",
    signedIn(async (req, reply, user) => {
      if (user.role === "licensing_staff")
        return reply.redirect(`/staff/applications/${idParam(req, "application")}`, 303);
      return renderApplication(req, reply, makeCtx, user, await ownApplication(makeCtx, req, user));
    }),
  );

  app.post(
    "/me/applications/:id/withdraw",
    signedIn(async (req, reply, user) => {
      const a = await ownApplication(makeCtx, req, user);
      try {
        await withdrawApplication(makeCtx(req), a.id);
      } catch (e) {
        if (isFormError(e))
          return renderApplication(req, reply, makeCtx, user, a, {
            flash: { text: e.message, type: "error" },
            status: statusOf(e),
          });
        throw e;
      }
      return reply.redirect(`/me/applications/${a.id}?done=withdrawn`, 303);
    }),
  );

  app.get(
    "/me/credentials/:id/renew",
    signedIn(async (req, reply, user) =>
      renderRenew(req, reply, makeCtx, user, await ownCredential(makeCtx, req, user)),
    ),
  );

  app.post(
    "/me/credentials/:id/renew",
    signedIn(async (req, reply, user) => {
      const c = await ownCredential(makeCtx, req, user);
      const ctx = makeCtx(req);
      const b = formBody(req);
      const values: RenewValues = {
        residenceTown: b.residenceTown ?? "",
        lawful: b.citizenOrLawfulResident ?? "",
        consent: b.backgroundCheckConsent === "yes",
        feePaid: b.feePaid === "yes",
      };
      const errors: FormErrors = {};
      if (!(await townOptions(ctx.db)).some((t) => t.value === values.residenceTown))
        errors.residenceTown = "Choose your town of residence from the list";
      if (values.lawful !== "yes" && values.lawful !== "no") errors.citizenOrLawfulResident = LAWFUL_ERROR;
      if (!values.consent) errors.backgroundCheckConsent = "A renewal needs your consent to the background check";
      if (Object.keys(errors).length) return renderRenew(req, reply, makeCtx, user, c, { errors, values, status: 400 });
      try {
        const r = await submitApplication(ctx, {
          credentialKind: c.kind,
          renewsCredentialId: c.id,
          residenceTown: values.residenceTown!,
          citizenOrLawfulResident: values.lawful === "yes",
          backgroundCheckConsent: true,
          feePaid: values.feePaid!,
        });
        return reply.redirect(`/me/applications/${r.application.id}?done=submitted`, 303);
      } catch (e) {
        if (isFormError(e))
          return renderRenew(req, reply, makeCtx, user, c, {
            errors: errorsFrom(e, [
              "residenceTown",
              "citizenOrLawfulResident",
              "backgroundCheckConsent",
              "feePaid",
              "credentialKind",
              "renewsCredentialId",
            ]),
            values,
            status: statusOf(e),
          });
        throw e;
      }
    }),
  );
}

type MakeCtx = (req: FastifyRequest) => Ctx;

function requireStaff(user: User): void {
  if (!policy.workQueue(user)) throw forbidden("only licensing staff work the queue");
}

const fullName = (p: { firstName: string; middleName?: string | null; lastName: string }) =>
  [p.firstName, p.middleName, p.lastName].filter(Boolean).join(" ");
const address = (p: Person) => [p.street, p.town, `${p.state} ${p.zip ?? ""}`.trim()].filter(Boolean).join(", ");

// The queue, finding a person and the prohibiting events list are in search-pages.ts.

// ---------------------------------------------------------------- an application

interface ActionState {
  form?: "issue" | "deny";
  errors?: FormErrors;
  reviewNote?: string;
  confirmed?: { safetyCourse?: boolean; suitability?: boolean };
  reason?: string;
  flash?: Flash;
  status?: number;
}

async function applicationPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  st: ActionState = {},
) {
  requireStaff(user);
  const ctx = makeCtx(req);
  const app = await getApplication(ctx.db, idParam(req, "application"));
  if (!policy.viewApplication(user, app))
    throw await auditRefusedRead(ctx, {
      action: "application.read",
      entityType: "application",
      entityId: app.id,
      personIds: [app.personId],
    });
  // Staff are asked why, in a posted form, before the applicant's record is shown (issue 8, finding 5).
  const purpose = recallPurpose(req, `application:${app.id}`);
  if (!purpose)
    return sendPurposeGate(reply, req, {
      title: `Application ${app.number}`,
      action: req.method === "GET" ? req.url : `/staff/applications/${app.id}`,
      intro:
        "The application carries the applicant's identity, address and background check. Say why you need it; the purpose is recorded with each view.",
    });
  await ctx.db.tx((q) =>
    auditRead(q, ctx, purpose, {
      action: "application.read",
      entityType: "application",
      entityId: app.id,
      personIds: [app.personId],
    }),
  );
  const [person, decision, history, creds, documents, confirmations] = await Promise.all([
    getPerson(ctx.db, app.personId),
    app.latestDecisionId ? getDecision(ctx.db, app.latestDecisionId) : Promise.resolve(undefined),
    applicationHistory(ctx.db, app.id),
    app.status === "issued" ? credentialsOfPerson(ctx.db, app.personId) : Promise.resolve([] as Credential[]),
    documentsOf(ctx.db, app.id),
    confirmationsOf(ctx.db, app.id),
  ]);
  const toConfirm = confirmationsRequired(app.credentialKind, app.kind);
  const issued = creds.find((c) => c.applicationId === app.id);
  const next = NEXT[app.status];
  const unknown = decision?.outcome === "unknown";
  const errors = st.errors ?? {};
  const done = queryParam(req, "done");
  const flash =
    st.flash ??
    (done === "checked"
      ? { text: "The background check ran again; the decision below is the new one.", type: "success" as const }
      : done === "denied"
        ? {
            text: `Application ${app.number} was denied; the applicant's letter is in the outbox.`,
            type: "success" as const,
          }
        : done === "withdrawn"
          ? { text: `Application ${app.number} was withdrawn.`, type: "info" as const }
          : undefined);
  return sendPage(
    reply,
    req,
    `Application ${app.number}`,
    html`<h1>Application ${app.number}: ${fullName(person)}</h1>
    <p>${statusTag(app.status)} <span class="usa-hint">Opening this page is recorded in the audit trail (purpose: ${purposeLine(purpose)}).</span></p>
    <div class="grid-row grid-gap">
      <div class="tablet:grid-col-6">
        <h2>Applicant</h2>
        ${summaryList([
          ["Name", fullName(person)],
          ["Date of birth", person.birthDate],
          ["Address", address(person)],
        ])}
      </div>
      <div class="tablet:grid-col-6">
        <h2>Application</h2>
        ${summaryList([
          ["Credential", CREDENTIAL_NAMES[app.credentialKind]],
          ["Kind", app.kind === "renewal" ? "Renewal" : "New"],
          ["Channel", app.channel === "paper" ? "Paper" : "Online"],
          ["Submitted", app.submittedOn],
          ["Town of residence", app.residenceTown],
          ["Fee", `${money(app.feeCents)} (${app.feePaid ? "paid" : "not paid"})`],
          ["Citizen or lawfully present (applicant's statement)", app.citizenOrLawfulResident ? "Yes" : "No"],
          ["Background check consent", app.backgroundCheckConsent ? "Given" : "Not given"],
          [
            "Temporary permit statement",
            app.attestedNoTemporaryPermitIn12Months === null
              ? null
              : app.attestedNoTemporaryPermitIn12Months
                ? "Made"
                : "Not made",
          ],
          ["Credential issued", issued ? html`<a href="/staff/credentials/${issued.id}">${issued.number}</a>` : null],
        ])}
      </div>
    </div>
    <h2>Decision</h2>
    ${
      decision
        ? html`<p>${outcomeTag(decision.outcome, { eligibility: true })}</p>
      <p class="usa-hint">Decided on ${decision.decidedOn} under rulebook ${decision.rulebookVersion}.</p>
      ${(() => {
        const missing = [...new Set(decision.findings.flatMap((f) => f.missing ?? []))];
        return missing.length
          ? html`<p>Missing facts: ${missing.map((m, i) => html`${i ? ", " : ""}<code>${m}</code>`)}</p>`
          : "";
      })()}
      ${findingsList(decision.findings, 3)}`
        : html`<p>No decision yet: run the background check.</p>`
    }
    <h2>Documents and confirmations</h2>
    ${
      documents.length
        ? html`<ul class="usa-list">${documents.map((d) => html`<li><a href="/staff/applications/${app.id}/documents/${d.id}">${d.filename}</a> (safety course certificate, ${Math.ceil(d.size / 1024)} KB, uploaded ${when(d.uploadedAt)})</li>`)}</ul>`
        : html`<p>No document was uploaded with this application.</p>`
    }
    ${
      toConfirm.length
        ? html`<ul class="usa-list">${toConfirm.map((item) => {
            const c = confirmations.find((x) => x.item === item);
            const label = item === "safety-course" ? "Safety course" : "Suitability";
            return html`<li>${label}: ${c ? html`confirmed by ${c.confirmedBy} on ${when(c.confirmedAt)}` : "to be confirmed by the person who issues"}</li>`;
          })}</ul>`
        : html`<p>Nothing to confirm by hand for this credential.</p>`
    }
    <h2>Actions</h2>
    ${
      next.length
        ? html`<div class="grid-row grid-gap">
      ${
        next.includes("issue")
          ? html`<div class="tablet:grid-col-6"><form class="usa-form" method="post" action="/staff/applications/${app.id}/issue" novalidate>
        <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Issue the credential</legend>
        <p class="usa-hint">The law is asked again today before the credential is issued; an applicant found not eligible cannot be issued one.</p>
        ${st.form === "issue" ? errorSummary(errors, { reviewNote: "Review note", confirmSafetyCourse: "Safety course", confirmSuitability: "Suitability" }) : ""}
        ${csrfField(req)}
        ${toConfirm.includes("safety-course") ? checkboxField({ name: "confirmSafetyCourse", label: "I checked that the applicant completed an approved firearms safety course", description: documents.length ? `Certificate uploaded: ${documents.map((d) => d.filename).join(", ")}` : "No certificate was uploaded: check the paper one", required: true, checked: st.confirmed?.safetyCourse ?? false, error: st.form === "issue" ? errors.confirmSafetyCourse : undefined }) : ""}
        ${toConfirm.includes("suitability") ? checkboxField({ name: "confirmSuitability", label: "I found the applicant a suitable person to hold a permit (CGS § 29-28(b))", required: true, checked: st.confirmed?.suitability ?? false, error: st.form === "issue" ? errors.confirmSuitability : undefined }) : ""}
        ${textareaField({ name: "reviewNote", label: unknown ? "Review note: how the review resolved the unknown facts" : "Review note (optional)", required: unknown, value: st.form === "issue" ? st.reviewNote : "", error: st.form === "issue" ? errors.reviewNote : undefined, rows: 3 })}
        <button class="usa-button" type="submit">Issue</button></fieldset></form></div>`
          : ""
      }
      ${
        next.includes("deny")
          ? html`<div class="tablet:grid-col-6"><form class="usa-form" method="post" action="/staff/applications/${app.id}/deny" novalidate>
        <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Deny the application</legend>
        <p class="usa-hint">The applicant's letter lists the findings not met and how to appeal.</p>
        ${st.form === "deny" ? errorSummary(errors, { reason: "Reason for denial" }) : ""}
        ${csrfField(req)}
        ${textareaField({ name: "reason", label: "Reason for denial", required: true, value: st.form === "deny" ? st.reason : "", error: st.form === "deny" ? errors.reason : undefined, rows: 3 })}
        <button class="usa-button usa-button--secondary" type="submit">Deny</button></fieldset></form></div>`
          : ""
      }
    </div>
    <div class="margin-y-2">
      ${next.includes("check") ? html`<form class="stateline-inline-form" method="post" action="/staff/applications/${app.id}/check">${csrfField(req)}<button class="usa-button usa-button--outline" type="submit">Re-run background check</button></form>` : ""}
      ${next.includes("withdraw") ? html`<form class="stateline-inline-form" method="post" action="/staff/applications/${app.id}/withdraw">${csrfField(req)}<button class="usa-button usa-button--outline" type="submit">Withdraw (at the applicant's request)</button></form>` : ""}
    </div>`
        : html`<p>No further action: the application is ${statusLabel(app.status).toLowerCase()}.</p>`
    }
    <h2>History</h2>
    <div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--borderless">
      <caption>Every action on this application, oldest first</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">From</th><th scope="col">To</th><th scope="col">By</th><th scope="col">Note</th></tr></thead>
      <tbody>${history.map((h) => html`<tr><td>${when(h.at)}</td><td>${h.action}</td><td>${h.fromStatus ? statusLabel(h.fromStatus) : ""}</td><td>${statusLabel(h.toStatus)}</td><td>${h.actor ?? "system"}</td><td>${h.note ?? ""}</td></tr>`)}</tbody>
    </table></div>
    <p><a href="/staff/queue">Back to the queue</a></p>`,
    { status: st.status, flash },
  );
}

async function staffApplication(req: FastifyRequest, makeCtx: MakeCtx, user: User): Promise<Application> {
  requireStaff(user);
  return getApplication(makeCtx(req).db, idParam(req, "application"));
}

// ---------------------------------------------------------------- a credential

/** A prohibiting event as staff read it: its kind, date and statute (never its internal id). */
function eventText(e: EventSummary): string {
  const kind = EVENT_KINDS.find((k) => k.value === e.kind)?.label ?? e.kind;
  return `${kind} of ${e.eventOn}, ${e.statute ? `statute ${e.statute}` : "no statute recorded"}`;
}

function describeDetails(
  d: Record<string, unknown> | null | undefined,
  events: ReadonlyMap<string, EventSummary> = new Map(),
): Html {
  if (!d) return html``;
  const items: Html[] = [];
  for (const [k, v] of Object.entries(d)) {
    if (k === "decisionId" || v === null || v === undefined) continue;
    if (k === "eventId") {
      const e = typeof v === "string" ? events.get(v) : undefined;
      if (e) items.push(html`<li>Prohibiting event: ${eventText(e)}</li>`);
      continue;
    }
    // Internal ids are never shown as text.
    if (typeof v === "string" && UUID.test(v)) continue;
    if (k === "reasons" && Array.isArray(v)) {
      items.push(
        html`<li>Reasons: ${(v as { because: string; citation: string }[]).map((r, i) => html`${i ? "; " : ""}${findingText(r.because)} (<cite>${r.citation}</cite>)`)}</li>`,
      );
    } else if (k === "surrender" && typeof v === "object") {
      const s = v as { dueOn?: string; citation?: string };
      items.push(html`<li>Surrender due by ${s.dueOn ?? ""} (<cite>${s.citation ?? ""}</cite>)</li>`);
    } else if (k === "missing" && Array.isArray(v)) {
      items.push(html`<li>Missing facts: ${v.join(", ")}</li>`);
    } else {
      const label = k.replace(/([A-Z])/g, " $1").toLowerCase();
      items.push(html`<li>${label}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}</li>`);
    }
  }
  return items.length ? html`<ul class="usa-list usa-list--unstyled">${items}</ul>` : html``;
}

interface SurrenderState {
  errors?: FormErrors;
  surrenderedOn?: string;
  flash?: Flash;
  status?: number;
}

async function credentialPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  st: SurrenderState = {},
) {
  requireStaff(user);
  const ctx = makeCtx(req);
  const c = await getCredential(ctx.db, idParam(req, "credential"));
  if (!policy.viewCredential(user, c))
    throw await auditRefusedRead(ctx, {
      action: "credential.read",
      entityType: "credential",
      entityId: c.id,
      personIds: [c.personId],
    });
  const purpose = recallPurpose(req, `credential:${c.id}`);
  if (!purpose)
    return sendPurposeGate(reply, req, {
      title: `Credential ${c.number}`,
      action: req.method === "GET" ? req.url : `/staff/credentials/${c.id}`,
      intro:
        "The credential carries its holder's identity and history. Say why you need it; the purpose is recorded with each view.",
    });
  await ctx.db.tx((q) =>
    auditRead(q, ctx, purpose, {
      action: "credential.read",
      entityType: "credential",
      entityId: c.id,
      personIds: [c.personId],
    }),
  );
  const [person, history] = await Promise.all([getPerson(ctx.db, c.personId), credentialHistory(ctx.db, c.id)]);
  const events = await eventSummaries(
    ctx.db,
    history.map((h) => h.details?.eventId),
  );
  const flagged =
    history.find((h) => h.action === "late-surrender-flagged") ??
    history.find((h) => h.action === "surrendered" && h.details?.late === true);
  const fallback = lateSurrenderPenalty(c.kind);
  const penalty = flagged?.details?.penalty
    ? {
        offense: String(flagged.details.penalty),
        classification: String(flagged.details.classification ?? ""),
        citation: String(flagged.details.citation ?? ""),
      }
    : { offense: fallback.offense, classification: fallback.classification, citation: citationLabel(fallback.source) };
  const errors = st.errors ?? {};
  const done = queryParam(req, "done");
  const flash =
    st.flash ??
    (done === "issued"
      ? {
          text: `${CREDENTIAL_NAMES[c.kind]} ${c.number} was issued; the holder's notice is in the outbox.`,
          type: "success" as const,
        }
      : done === "surrendered"
        ? { text: `The surrender of ${c.number} was recorded.`, type: "success" as const }
        : undefined);
  return sendPage(
    reply,
    req,
    `Credential ${c.number}`,
    html`<h1>${CREDENTIAL_NAMES[c.kind]} ${c.number}</h1>
    <p>${statusTag(c.status)} <span class="usa-hint">Opening this page is recorded in the audit trail (purpose: ${purposeLine(purpose)}).</span></p>
    ${
      c.lateSurrenderFlaggedOn
        ? html`<div class="usa-alert usa-alert--warning" role="region" aria-labelledby="late-heading"><div class="usa-alert__body">
      <h2 class="usa-alert__heading" id="late-heading">Late surrender flagged on ${c.lateSurrenderFlaggedOn}</h2>
      <p class="usa-alert__text">Not surrendered by ${c.surrenderDueOn}. Penalty: ${penalty.offense}, a ${penalty.classification} (<cite>${penalty.citation}</cite>).</p>
    </div></div>`
        : ""
    }
    ${summaryList([
      ["Holder", `${fullName(person)}, born ${person.birthDate}`],
      ["Number", c.number],
      ["Status", statusLabel(c.status)],
      ["Issued", c.issuedOn],
      ["Expires", c.expiresOn],
      ["Fee", money(c.feeCents)],
      [
        "Application",
        c.applicationId ? html`<a href="/staff/applications/${c.applicationId}">Open the application</a>` : null,
      ],
      ["Renewal notice sent", c.renewalNoticeSentOn],
      ["Revoked", c.revokedOn],
      [
        "Revocation reasons",
        c.revocationReasons?.length
          ? html`<ul class="usa-list">${c.revocationReasons.map((r) => html`<li>${findingText(r.because)} (<cite>${r.citation}</cite>)</li>`)}</ul>`
          : null,
      ],
      ["Surrender due by", c.surrenderDueOn],
      ["Surrendered", c.surrenderedOn],
      [
        "Late surrender flagged",
        c.lateSurrenderFlaggedOn ? `${c.lateSurrenderFlaggedOn}: ${penalty.classification}` : null,
      ],
    ])}
    ${
      c.status === "revoked" && !c.surrenderedOn
        ? html`<form class="usa-form" method="post" action="/staff/credentials/${c.id}/surrender" novalidate>
      <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Record the surrender</legend>
      ${errorSummary(errors, { surrenderedOn: "Date surrendered" })}
      ${csrfField(req)}
      ${dateField({ name: "surrenderedOn", label: "Date surrendered", value: st.surrenderedOn ?? ctx.today, error: errors.surrenderedOn, required: true })}
      <button class="usa-button" type="submit">Record surrender</button></fieldset></form>`
        : ""
    }
    <h2>History</h2>
    <div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--borderless">
      <caption>Every action on this credential, oldest first</caption>
      <thead><tr><th scope="col">Date</th><th scope="col">Action</th><th scope="col">Details</th></tr></thead>
      <tbody>${history.map((h) => html`<tr><td>${h.onDate}</td><td>${h.action}</td><td>${describeDetails(h.details, events)}</td></tr>`)}</tbody>
    </table></div>
    <p><a href="/staff/queue">Back to the queue</a></p>`,
    { status: st.status, flash },
  );
}

// ---------------------------------------------------------------- prohibiting events

const EVENT_KINDS: { value: ProhibitingEventInput["kind"]; label: string }[] = [
  { value: "conviction", label: "Conviction" },
  { value: "probate-commitment", label: "Psychiatric commitment by a probate court" },
  { value: "voluntary-admission", label: "Voluntary psychiatric admission" },
  { value: "ngri-discharge", label: "Discharge after a not-guilty-by-reason-of-insanity finding" },
  { value: "protective-order", label: "Protective order" },
  { value: "restraining-order", label: "Restraining order" },
  { value: "foreign-order", label: "Foreign order of protection" },
  { value: "firearms-seizure-order", label: "Firearms seizure order" },
  { value: "federal-prohibitor", label: "Federal prohibitor" },
];

type EventValues = Partial<
  Record<
    | "kind"
    | "eventOn"
    | "statute"
    | "felony"
    | "offenseOn"
    | "solelyAlcoholOrDrug"
    | "expiresOn"
    | "active"
    | "category"
    | "source"
    | "reference",
    string
  >
>;

function canRecordEvents(user: User): void {
  if (!policy.recordProhibitingEvent(user))
    throw forbidden("only licensing staff and administrators record prohibiting events");
}

async function findPersonPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  st: { lastName?: string; birthDate?: string; errors?: FormErrors; results?: Person[]; status?: number } = {},
) {
  canRecordEvents(user);
  const errors = st.errors ?? {};
  return sendPage(
    reply,
    req,
    "Record a prohibiting event",
    html`<h1>Record a prohibiting event</h1>
    <p class="usa-intro">Step 1 of 2: find the person. Every active credential of the person is decided again as soon as the event is recorded.</p>
    <form class="usa-form" method="post" action="/staff/events/search" novalidate>
      ${requiredNote}
      ${errorSummary(errors, { lastName: "Last name", birthDate: "Date of birth" })}
      ${csrfField(req)}
      ${textField({ name: "lastName", label: "Last name", value: st.lastName, error: errors.lastName, required: true, autocomplete: "off" })}
      ${dateField({ name: "birthDate", label: "Date of birth", value: st.birthDate, error: errors.birthDate, required: true })}
      <button class="usa-button" type="submit">Find person</button>
    </form>
    ${
      st.results
        ? st.results.length
          ? html`<table class="usa-table usa-table--borderless">
      <caption>People named ${st.lastName} born ${st.birthDate}</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Date of birth</th><th scope="col">Town</th><th scope="col"><span class="usa-sr-only">Choose</span></th></tr></thead>
      <tbody>${st.results.map((p) => html`<tr><th scope="row">${fullName(p)}</th><td>${p.birthDate}</td><td>${p.town ?? ""}</td><td><a class="usa-button usa-button--outline" href="/staff/events/new?personId=${p.id}">Choose ${fullName(p)}</a></td></tr>`)}</tbody>
    </table>`
          : html`<div class="usa-alert usa-alert--info usa-alert--slim" role="status"><div class="usa-alert__body"><p class="usa-alert__text">Nobody named ${st.lastName} born ${st.birthDate} is on record.</p></div></div>`
        : ""
    }`,
    { status: st.status },
  );
}

async function eventFormPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  person: Person,
  st: { values?: EventValues; errors?: FormErrors; status?: number } = {},
) {
  canRecordEvents(user);
  const ctx = makeCtx(req);
  const active = (await credentialsOfPerson(ctx.db, person.id)).filter((c) => c.status === "active");
  const v = st.values ?? {};
  const errors = st.errors ?? {};
  return sendPage(
    reply,
    req,
    "Record a prohibiting event",
    html`<h1>Record a prohibiting event</h1>
    <p class="usa-intro">Step 2 of 2: the event for ${fullName(person)}, born ${person.birthDate}${person.town ? `, of ${person.town}` : ""}. <a href="/staff/events/new">Choose a different person</a></p>
    <p>${active.length ? html`Active credentials: ${active.map((c, i) => html`${i ? ", " : ""}${c.number} (${CREDENTIAL_NAMES[c.kind]})`)}.` : "This person holds no active credential."}</p>
    <form class="usa-form usa-form--large" method="post" action="/staff/events" novalidate>
      ${requiredNote}
      ${errorSummary(errors, { kind: "Kind of event", eventOn: "Date of the event", statute: "Statute", felony: "Felony", offenseOn: "Date of the offense", solelyAlcoholOrDrug: "Solely for alcohol or drugs", expiresOn: "Order expires", active: "In force", category: "Federal category", source: "Source", reference: "Reference" }, { felony: "felony-0", solelyAlcoholOrDrug: "solelyAlcoholOrDrug-0", active: "active-0" })}
      ${csrfField(req)}
      <input type="hidden" name="personId" value="${person.id}">
      ${selectField({ name: "kind", label: "Kind of event", value: v.kind ?? "", options: EVENT_KINDS, empty: "- Select -", required: true, error: errors.kind })}
      ${dateField({ name: "eventOn", label: "Date of the event", value: v.eventOn, required: true, error: errors.eventOn, hint: "The conviction date, the date of commitment, admission or discharge, or the date the order was issued. Written YYYY-MM-DD." })}
      <fieldset class="usa-fieldset margin-top-3"><legend class="usa-legend">Conviction</legend>
        ${textField({ name: "statute", label: "Statute violated", value: v.statute, error: errors.statute, hint: "Connecticut statute, for example 53a-61 or 21a-279(c)", width: "md" })}
        ${yesNoUnknown({ name: "felony", label: "Is the offense a felony?", value: v.felony, error: errors.felony })}
        ${dateField({ name: "offenseOn", label: "Date of the offense", value: v.offenseOn, error: errors.offenseOn })}
      </fieldset>
      <fieldset class="usa-fieldset margin-top-3"><legend class="usa-legend">Voluntary admission</legend>
        ${yesNoUnknown({ name: "solelyAlcoholOrDrug", label: "Was the admission solely for alcohol or drug dependence?", value: v.solelyAlcoholOrDrug, error: errors.solelyAlcoholOrDrug })}
      </fieldset>
      <fieldset class="usa-fieldset margin-top-3"><legend class="usa-legend">Court orders</legend>
        ${dateField({ name: "expiresOn", label: "Order expires", value: v.expiresOn, error: errors.expiresOn })}
        ${yesNoUnknown({ name: "active", label: "Is the order in force today?", value: v.active, error: errors.active })}
      </fieldset>
      <fieldset class="usa-fieldset margin-top-3"><legend class="usa-legend">Federal prohibitor</legend>
        ${textField({ name: "category", label: "Federal category", value: v.category, error: errors.category, hint: "For example 922(g)(4) or 922(n)", width: "md" })}
      </fieldset>
      <fieldset class="usa-fieldset margin-top-3"><legend class="usa-legend">Where the record comes from</legend>
        ${textField({ name: "source", label: "Source", value: v.source, error: errors.source, required: true, hint: "For example: Superior Court, Hartford; Probate Court; DMHAS" })}
        ${textField({ name: "reference", label: "Reference", value: v.reference, error: errors.reference, hint: "Docket or case number" })}
      </fieldset>
      <button class="usa-button" type="submit">Record event</button>
    </form>`,
    { status: st.status },
  );
}

const yn = (s: string | undefined): boolean | undefined => (s === "yes" ? true : s === "no" ? false : undefined);

function parseEvent(
  b: Record<string, string>,
  today: string,
): { values: EventValues; errors: FormErrors; input?: Omit<ProhibitingEventInput, "personId"> } {
  const t = (k: keyof EventValues) => (b[k] ?? "").trim();
  const values: EventValues = {
    kind: t("kind"),
    eventOn: t("eventOn"),
    statute: t("statute"),
    felony: t("felony"),
    offenseOn: t("offenseOn"),
    solelyAlcoholOrDrug: t("solelyAlcoholOrDrug"),
    expiresOn: t("expiresOn"),
    active: t("active"),
    category: t("category"),
    source: t("source"),
    reference: t("reference"),
  };
  const errors: FormErrors = {};
  const kind = EVENT_KINDS.find((k) => k.value === values.kind)?.value;
  if (!kind) errors.kind = "Choose the kind of event";
  const eventOn = checkDate(errors, "eventOn", values.eventOn!, "date of the event", { required: true });
  if (eventOn && eventOn > today) errors.eventOn = "The date of the event cannot be in the future";
  const offenseOn = checkDate(errors, "offenseOn", values.offenseOn!, "date of the offense");
  if (kind === "conviction" && offenseOn && eventOn && offenseOn > eventOn)
    errors.offenseOn = "The offense cannot come after the conviction";
  const expiresOn = checkDate(errors, "expiresOn", values.expiresOn!, "expiry date of the order");
  if (values.statute!.length > 40) errors.statute = "The statute must be at most 40 characters";
  if (values.category!.length > 100) errors.category = "The category must be at most 100 characters";
  if (values.source!.length < 2 || values.source!.length > 100)
    errors.source = "Say where the record comes from (2 to 100 characters)";
  if (values.reference!.length > 100) errors.reference = "The reference must be at most 100 characters";
  for (const k of ["felony", "solelyAlcoholOrDrug", "active"] as const)
    if (values[k] && !["yes", "no"].includes(values[k]!)) errors[k] = "Choose yes, no or not known";
  if (Object.keys(errors).length || !kind || !eventOn) return { values, errors };
  const input: Omit<ProhibitingEventInput, "personId"> = {
    kind,
    eventOn,
    source: values.source!,
    ...(values.reference ? { reference: values.reference } : {}),
  };
  if (kind === "conviction")
    Object.assign(input, {
      ...(values.statute ? { statute: values.statute } : {}),
      ...(yn(values.felony) !== undefined ? { felony: yn(values.felony) } : {}),
      ...(offenseOn ? { offenseOn } : {}),
    });
  if (kind === "voluntary-admission" && yn(values.solelyAlcoholOrDrug) !== undefined)
    input.solelyAlcoholOrDrug = yn(values.solelyAlcoholOrDrug);
  if (["protective-order", "restraining-order", "foreign-order"].includes(kind) && expiresOn)
    input.expiresOn = expiresOn;
  if (
    ["protective-order", "restraining-order", "foreign-order", "firearms-seizure-order"].includes(kind) &&
    yn(values.active) !== undefined
  )
    input.active = yn(values.active);
  if (kind === "federal-prohibitor" && values.category) input.category = values.category;
  return { values, errors, input };
}

const OUTCOME_LABELS = {
  revoked: "Revoked",
  "flagged-for-review": "Flagged for review",
  unaffected: "Unaffected",
} as const;

async function recordedPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User) {
  canRecordEvents(user);
  const ctx = makeCtx(req);
  const personId = queryParam(req, "personId");
  if (!UUID.test(personId)) return reply.redirect("/staff/events/new", 303);
  const person = await getPerson(ctx.db, personId);
  const outcomes = queryParam(req, "outcomes")
    .split(",")
    .filter(Boolean)
    .slice(0, 50)
    .map((s) => s.split("~"))
    .filter(([id, action]) => UUID.test(id ?? "") && (action ?? "") in OUTCOME_LABELS) as [
    string,
    keyof typeof OUTCOME_LABELS,
  ][];
  const rows = (
    await Promise.all(outcomes.map(async ([id, action]) => ({ c: await getCredential(ctx.db, id), action })))
  ).filter((r) => r.c.personId === person.id);
  const canOpen = policy.workQueue(user);
  return sendPage(
    reply,
    req,
    "Prohibiting event recorded",
    html`<h1>Prohibiting event recorded</h1>
    <p class="usa-intro">The event was recorded for ${fullName(person)}, born ${person.birthDate}, and every active credential was decided again.</p>
    ${
      rows.length
        ? html`<table class="usa-table usa-table--borderless">
      <caption>What happened to each credential</caption>
      <thead><tr><th scope="col">Number</th><th scope="col">Credential</th><th scope="col">Result</th><th scope="col">Surrender due by</th></tr></thead>
      <tbody>${rows.map(
        ({ c, action }) => html`<tr>
        <th scope="row">${canOpen ? html`<a href="/staff/credentials/${c.id}">${c.number}</a>` : c.number}</th>
        <td>${CREDENTIAL_NAMES[c.kind]}</td>
        <td><span class="usa-tag stateline-tag stateline-tag--${action === "revoked" ? "bad" : action === "unaffected" ? "good" : "warn"}">${OUTCOME_LABELS[action]}</span>
          ${action === "revoked" && c.revocationReasons?.length ? html`<ul class="usa-list">${c.revocationReasons.map((r) => html`<li>${findingText(r.because)} (<cite>${r.citation}</cite>)</li>`)}</ul>` : ""}
          ${action === "flagged-for-review" ? html`<p class="margin-y-05">Some facts are unknown; review the credential.</p>` : ""}</td>
        <td>${action === "revoked" ? (c.surrenderDueOn ?? "") : ""}</td></tr>`,
      )}</tbody>
    </table>
    ${rows.some((r) => r.action === "revoked") ? html`<p>The holder's revocation notice, with the surrender deadline and how to appeal, is in the <a href="/staff/outbox">outbox</a>.</p>` : ""}`
        : html`<p>${fullName(person)} held no active credential, so no credential changed.</p>`
    }
    <p><a class="usa-button usa-button--outline" href="/staff/events/new">Record another event</a></p>`,
    { flash: { text: "The prohibiting event was recorded.", type: "success" } },
  );
}

// ---------------------------------------------------------------- routes

export function registerStaffPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get(
    "/staff/applications/:id",
    signedIn((req, reply, user) => applicationPage(req, reply, makeCtx, user)),
  );
  // The purpose gate posts here; a valid purpose is remembered for the record (post, redirect, get).
  app.post(
    "/staff/applications/:id",
    signedIn(async (req, reply, user) => {
      requireStaff(user);
      const id = idParam(req, "application");
      const p = postedPurpose(req, `application:${id}`);
      if (!p.purpose)
        return sendPurposeGate(reply, req, {
          title: "Why do you need this record?",
          action: `/staff/applications/${id}`,
          intro: "Say why you need this record.",
          errors: p.errors,
          values: formBody(req),
        });
      // Back to the page as it was asked for (its query holds only notices such as ?done=issued).
      return reply.redirect(req.url, 303);
    }),
  );

  app.post(
    "/staff/applications/:id/check",
    signedIn(async (req, reply, user) => {
      const a = await staffApplication(req, makeCtx, user);
      if (!policy.decideApplication(user)) throw forbidden();
      try {
        await runBackgroundCheck(makeCtx(req), a.id);
      } catch (e) {
        if (isFormError(e))
          return applicationPage(req, reply, makeCtx, user, {
            flash: { text: e.message, type: "error" },
            status: statusOf(e),
          });
        throw e;
      }
      return reply.redirect(`/staff/applications/${a.id}?done=checked`, 303);
    }),
  );

  app.post(
    "/staff/applications/:id/issue",
    signedIn(async (req, reply, user) => {
      const ctx = makeCtx(req);
      const a = await staffApplication(req, makeCtx, user);
      const b = formBody(req);
      const reviewNote = (b.reviewNote ?? "").trim();
      const confirmed = { safetyCourse: b.confirmSafetyCourse === "yes", suitability: b.confirmSuitability === "yes" };
      const errors: FormErrors = {};
      if (reviewNote.length > 2000) errors.reviewNote = "The review note must be at most 2,000 characters";
      const last = a.latestDecisionId ? await getDecision(ctx.db, a.latestDecisionId) : undefined;
      if (last?.outcome === "unknown" && !reviewNote)
        errors.reviewNote = `Some facts are unknown (${[...new Set(last.findings.flatMap((f) => f.missing ?? []))].join(", ")}); say how the review resolved them`;
      if (Object.keys(errors).length)
        return applicationPage(req, reply, makeCtx, user, {
          form: "issue",
          errors,
          reviewNote,
          confirmed,
          status: 400,
        });
      try {
        const c = await issueCredential(ctx, a.id, { ...(reviewNote ? { reviewNote } : {}), confirmations: confirmed });
        return reply.redirect(`/staff/credentials/${c.id}?done=issued`, 303);
      } catch (e) {
        if (isFormError(e) && e.code === "conflict")
          return applicationPage(req, reply, makeCtx, user, {
            flash: { text: `Not issued: ${e.message}`, type: "error" },
            status: statusOf(e),
          });
        if (isFormError(e))
          return applicationPage(req, reply, makeCtx, user, {
            form: "issue",
            errors: errorsFrom(e, ["reviewNote", "confirmSafetyCourse", "confirmSuitability"], {
              "confirmations.safetyCourse": "confirmSafetyCourse",
              "confirmations.suitability": "confirmSuitability",
            }),
            reviewNote,
            confirmed,
            status: statusOf(e),
          });
        throw e;
      }
    }),
  );

  app.post(
    "/staff/applications/:id/deny",
    signedIn(async (req, reply, user) => {
      const a = await staffApplication(req, makeCtx, user);
      const reason = (formBody(req).reason ?? "").trim();
      const errors: FormErrors = {};
      if (reason.length < 5 || reason.length > 2000)
        errors.reason = "Write the reason for the denial (5 to 2,000 characters); the applicant's letter quotes it";
      if (Object.keys(errors).length)
        return applicationPage(req, reply, makeCtx, user, { form: "deny", errors, reason, status: 400 });
      try {
        await denyApplication(makeCtx(req), a.id, reason);
      } catch (e) {
        if (isFormError(e) && e.code === "conflict")
          return applicationPage(req, reply, makeCtx, user, {
            flash: { text: `Not denied: ${e.message}`, type: "error" },
            status: statusOf(e),
          });
        if (isFormError(e))
          return applicationPage(req, reply, makeCtx, user, {
            form: "deny",
            errors: errorsFrom(e, ["reason"]),
            reason,
            status: statusOf(e),
          });
        throw e;
      }
      return reply.redirect(`/staff/applications/${a.id}?done=denied`, 303);
    }),
  );

  app.post(
    "/staff/applications/:id/withdraw",
    signedIn(async (req, reply, user) => {
      const a = await staffApplication(req, makeCtx, user);
      try {
        await withdrawApplication(makeCtx(req), a.id);
      } catch (e) {
        if (isFormError(e))
          return applicationPage(req, reply, makeCtx, user, {
            flash: { text: e.message, type: "error" },
            status: statusOf(e),
          });
        throw e;
      }
      return reply.redirect(`/staff/applications/${a.id}?done=withdrawn`, 303);
    }),
  );

  app.get(
    "/staff/credentials/:id",
    signedIn((req, reply, user) => credentialPage(req, reply, makeCtx, user)),
  );
  // The purpose gate posts here; a valid purpose is remembered for the record (post, redirect, get).
  app.post(
    "/staff/credentials/:id",
    signedIn(async (req, reply, user) => {
      requireStaff(user);
      const id = idParam(req, "credential");
      const p = postedPurpose(req, `credential:${id}`);
      if (!p.purpose)
        return sendPurposeGate(reply, req, {
          title: "Why do you need this record?",
          action: `/staff/credentials/${id}`,
          intro: "Say why you need this record.",
          errors: p.errors,
          values: formBody(req),
        });
      return reply.redirect(req.url, 303);
    }),
  );

  app.post(
    "/staff/credentials/:id/surrender",
    signedIn(async (req, reply, user) => {
      requireStaff(user);
      if (!policy.recordSurrender(user)) throw forbidden();
      const ctx = makeCtx(req);
      const id = idParam(req, "credential");
      const value = (formBody(req).surrenderedOn ?? "").trim();
      const errors: FormErrors = {};
      const on = checkDate(errors, "surrenderedOn", value, "date surrendered", { required: true });
      if (on && on > ctx.today) errors.surrenderedOn = "The date surrendered cannot be in the future";
      if (Object.keys(errors).length)
        return credentialPage(req, reply, makeCtx, user, { errors, surrenderedOn: value, status: 400 });
      try {
        await recordSurrender(ctx, id, on!);
      } catch (e) {
        if (isFormError(e) && e.code === "conflict")
          return credentialPage(req, reply, makeCtx, user, {
            flash: { text: `Not recorded: ${e.message}`, type: "error" },
            status: statusOf(e),
          });
        if (isFormError(e))
          return credentialPage(req, reply, makeCtx, user, {
            errors: errorsFrom(e, ["surrenderedOn"]),
            surrenderedOn: value,
            status: statusOf(e),
          });
        throw e;
      }
      return reply.redirect(`/staff/credentials/${id}?done=surrendered`, 303);
    }),
  );

  app.get(
    "/staff/events/new",
    signedIn(async (req, reply, user) => {
      canRecordEvents(user);
      const personId = queryParam(req, "personId");
      if (personId && UUID.test(personId))
        return eventFormPage(req, reply, makeCtx, user, await getPerson(makeCtx(req).db, personId));
      return findPersonPage(req, reply, makeCtx, user);
    }),
  );

  // A search, not a change: posted so that names and birth dates stay out of URLs and logs.
  app.post(
    "/staff/events/search",
    signedIn(async (req, reply, user) => {
      canRecordEvents(user);
      const b = formBody(req);
      const lastName = (b.lastName ?? "").trim();
      const birth = (b.birthDate ?? "").trim();
      const errors: FormErrors = {};
      if (!lastName || lastName.length > 100) errors.lastName = "Enter the person's last name";
      const birthDate = checkDate(errors, "birthDate", birth, "date of birth", { required: true });
      if (Object.keys(errors).length)
        return findPersonPage(req, reply, makeCtx, user, { lastName, birthDate: birth, errors, status: 400 });
      const results = await findPeopleByIdentity(makeCtx(req).db, lastName, birthDate!);
      return findPersonPage(req, reply, makeCtx, user, { lastName, birthDate: birth, results });
    }),
  );

  app.post(
    "/staff/events",
    signedIn(async (req, reply, user) => {
      canRecordEvents(user);
      const ctx = makeCtx(req);
      const b = formBody(req);
      const personId = b.personId ?? "";
      if (!UUID.test(personId)) return reply.redirect("/staff/events/new", 303);
      const person = await getPerson(ctx.db, personId);
      const { values, errors, input } = parseEvent(b, ctx.today);
      if (!input) return eventFormPage(req, reply, makeCtx, user, person, { values, errors, status: 400 });
      try {
        const r = await recordProhibitingEvent(ctx, { ...input, personId: person.id });
        const outcomes = r.credentials.map((c) => `${c.credentialId}~${c.action}`).join(",");
        return reply.redirect(`/staff/events/recorded?${new URLSearchParams({ personId: person.id, outcomes })}`, 303);
      } catch (e) {
        if (isFormError(e))
          return eventFormPage(req, reply, makeCtx, user, person, {
            values,
            errors: errorsFrom(e, Object.keys(values)),
            status: statusOf(e),
          });
        throw e;
      }
    }),
  );

  app.get(
    "/staff/events/recorded",
    signedIn((req, reply, user) => recordedPage(req, reply, makeCtx, user)),
  );

  app.post(
    "/staff/jobs/daily",
    signedIn(async (req, reply, user) => {
      if (!policy.runJobs(user)) throw forbidden();
      const r = await runDailyJobs(makeCtx(req));
      return sendPage(
        reply,
        req,
        "Daily jobs",
        html`<h1>Daily jobs</h1><p><a href="/staff/queue">Back to the queue</a></p>`,
        {
          flash: {
            text: `Daily jobs ran for ${makeCtx(req).today}: ${r.expired} credentials expired, ${r.renewalNotices} renewal notices queued, ${r.lateSurrenders} late surrenders flagged.`,
            type: "success",
          },
        },
      );
    }),
  );
}

export const PURPOSE_LABELS: Record<Purpose, string> = {
  "handgun-purchase": "handgun purchase",
  "long-gun-purchase": "long gun purchase",
  "ammunition-purchase": "ammunition purchase",
  "magazine-purchase": "ammunition magazine purchase",
};

const NUMBER = /^[A-Za-z]{2}-?\d{4,12}$/;

interface Values {
  credentialNumber?: string;
  lastName?: string;
  birthDate?: string;
  purpose?: string;
}
interface Result {
  valid: boolean;
  purpose: Purpose;
  checkedOn: string;
  reference: string;
}

function render(
  req: FastifyRequest,
  reply: FastifyReply,
  user: User,
  st: { values?: Values; errors?: FormErrors; result?: Result; status?: number } = {},
) {
  if (!policy.verify(user))
    throw forbidden("only dealers, ammunition vendors, law enforcement and licensing staff verify credentials");
  const v = st.values ?? {};
  const errors = st.errors ?? {};
  const r = st.result;
  const title = user.role === "law_enforcement" ? "Check a credential" : "Verify a buyer's credential";
  return sendPage(
    reply,
    req,
    title,
    html`<h1>${title}</h1>
    ${
      r
        ? html`<div class="usa-alert ${r.valid ? "usa-alert--success" : "usa-alert--error"}" role="status" aria-live="polite" id="result"><div class="usa-alert__body">
      <h2 class="usa-alert__heading">${r.valid ? "Valid" : "Not valid"} for ${PURPOSE_LABELS[r.purpose]} today</h2>
      <p class="usa-alert__text">Checked on ${r.checkedOn}. Reference: <strong>${r.reference}</strong>. Keep the reference with the sale record.</p>
      ${r.valid && r.purpose !== "handgun-purchase" && r.purpose !== "long-gun-purchase" ? html`<p class="usa-alert__text">An ammunition certificate must be shown with a government-issued photo identification giving the date of birth.</p>` : ""}
    </div></div>`
        : ""
    }
    <p class="usa-intro">The answer says only whether the credential is valid for this purpose today. Every check is recorded in the audit trail.</p>
    <form class="usa-form usa-form--large" method="post" action="/verify" novalidate>
      ${requiredNote}
      ${errorSummary(errors, { credentialNumber: "Credential number", lastName: "Buyer's last name", birthDate: "Buyer's date of birth", purpose: "Purpose" })}
      ${csrfField(req)}
      ${textField({ name: "credentialNumber", label: "Credential number", value: v.credentialNumber, error: errors.credentialNumber, required: true, hint: "As printed on the credential, for example LE-1000001", autocomplete: "off", width: "md" })}
      ${textField({ name: "lastName", label: "Buyer's last name", value: v.lastName, error: errors.lastName, required: true, autocomplete: "off" })}
      ${textField({ name: "birthDate", label: "Buyer's date of birth", type: "date", value: v.birthDate, error: errors.birthDate, required: true, hint: "From the buyer's photo identification. Written YYYY-MM-DD.", width: "md" })}
      ${selectField({ name: "purpose", label: "Purpose", value: v.purpose ?? "", empty: "- Select -", required: true, error: errors.purpose, options: PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] })) })}
      <button class="usa-button" type="submit">Verify</button>
    </form>`,
    { status: st.status },
  );
}

export function registerVerifyPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get(
    "/verify",
    signedIn(async (req, reply, user) => render(req, reply, user)),
  );

  app.post(
    "/verify",
    signedIn(async (req, reply, user) => {
      if (!policy.verify(user)) throw forbidden();
      const b = formBody(req);
      const values: Values = {
        credentialNumber: (b.credentialNumber ?? "").trim(),
        lastName: (b.lastName ?? "").trim(),
        birthDate: (b.birthDate ?? "").trim(),
        purpose: b.purpose ?? "",
      };
      const errors: FormErrors = {};
      if (!NUMBER.test(values.credentialNumber!))
        errors.credentialNumber =
          "Enter the credential number as printed, two letters and digits, for example LE-1000001";
      if (!values.lastName || values.lastName.length > 100) errors.lastName = "Enter the buyer's last name";
      const birthDate = checkDate(errors, "birthDate", values.birthDate!, "buyer's date of birth", { required: true });
      const purpose = PURPOSES.find((p) => p === values.purpose);
      if (!purpose) errors.purpose = "Choose the purpose of the check";
      if (Object.keys(errors).length) return render(req, reply, user, { values, errors, status: 400 });
      try {
        const number = values.credentialNumber!.toUpperCase().replace(/^([A-Z]{2})-?/, "$1-");
        const result = await verifyCredential(makeCtx(req), {
          credentialNumber: number,
          lastName: values.lastName!,
          birthDate: birthDate!,
          purpose: purpose!,
        });
        // The form is left empty for the next buyer; only the answer is shown.
        return render(req, reply, user, { result });
      } catch (e) {
        if (isFormError(e))
          return render(req, reply, user, {
            values,
            errors: errorsFrom(e, ["credentialNumber", "lastName", "birthDate", "purpose"]),
            status: statusOf(e),
          });
        throw e;
      }
    }),
  );
}
