/**
 * Pages of the Deadly Weapon Offender Registry (PA 13-3 §§ 18-22):
 * - police and registry staff: look-up (/offenders, posted with a purpose: never in the URL),
 *   a registrant's record (posted with the purpose; audited), the annual update report, changes,
 *   the non-compliance list per town (/offenders/noncompliance);
 * - registry staff: key a court record (/offenders/new), the registration, photographs (a
 *   multipart upload in its own encapsulated context), suspension and reinstatement;
 * - registrants: their own record and obligations, and reporting a change (/offenders/me).
 */
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MakeCtx } from "../../lib/module.ts";
import { AppError } from "../../lib/errors.ts";
import { PURPOSE_CODES, PURPOSE_LABELS, ReadPurpose } from "../../lib/purpose.ts";
import { parseWith } from "../../http/route.ts";
import { type User } from "../auth/index.ts";
import {
  html,
  type Html,
  csrfField,
  errorsFrom,
  errorSummary,
  formBody,
  idParam,
  isFormError,
  selectField,
  sendPage,
  signedIn,
  summaryList,
  textareaField,
  textField,
  dateField,
  checkboxField,
  type Flash,
  type FormErrors,
} from "../../web/kit.ts";
import { offenderPolicy } from "./policy.ts";
import {
  ChangeInput,
  CourtRecord,
  LookupInput,
  RegistrationInput,
  SuspendInput,
  VerificationReport,
} from "./schemas.ts";
import * as svc from "./service.ts";
import type { Noncompliance } from "./queries.ts";

const STATUS: Record<string, string> = {
  "awaiting-registration": "Awaiting registration",
  registered: "Registered",
  suspended: "Suspended",
  ended: "Ended",
};
const tag = (s: string, tone = s === "registered" ? "good" : s === "suspended" || s === "ended" ? "neutral" : "warn") =>
  html`<span class="usa-tag stateline-tag stateline-tag--${tone}">${STATUS[s] ?? s}</span>`;
const str = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

function forbid(user: User, ok: boolean): void {
  if (!ok)
    throw new AppError(
      "forbidden",
      `the offender registry is not open to your role (${user.role}); it is not a public record (CGS § 54-280a)`,
    );
}

// ---------------------------------------------------------------- purpose (carried in forms, never in URLs)

function purposeFields(b: Record<string, string>, errors: FormErrors): Html {
  return html`<fieldset class="usa-fieldset"><legend class="usa-legend">Purpose of this read</legend>
    <p class="usa-hint">Every read of the registry is recorded in the audit trail with its purpose.</p>
    ${selectField({ name: "purposeCode", label: "Purpose", value: b.purposeCode ?? "criminal-investigation", options: PURPOSE_CODES.filter((c) => c !== "own-record").map((c) => ({ value: c, label: PURPOSE_LABELS[c] })), error: errors.purposeCode })}
    ${textField({ name: "purposeText", label: "Why (case or complaint number and reason)", value: b.purposeText, error: errors.purposeText, required: true, width: "2xl" })}
  </fieldset>`;
}
const hiddenPurpose = (p: ReadPurpose) =>
  html`<input type="hidden" name="purposeCode" value="${p.code}"><input type="hidden" name="purposeText" value="${p.text}">`;

function readPurpose(b: Record<string, string>): { purpose?: ReadPurpose; errors: FormErrors } {
  const r = ReadPurpose.safeParse({ code: b.purposeCode ?? "", text: b.purposeText ?? "" });
  if (r.success) return { purpose: r.data, errors: {} };
  const errors: FormErrors = {};
  for (const i of r.error.issues) errors[i.path[0] === "code" ? "purposeCode" : "purposeText"] ??= i.message;
  return { errors };
}

// ---------------------------------------------------------------- look-up

function lookupForm(
  req: FastifyRequest,
  user: User,
  b: Record<string, string>,
  errors: FormErrors,
  results?: Html,
): Html {
  return html`<h1>Deadly Weapon Offender Registry</h1>
    <p class="usa-intro">For law enforcement only. The registry is not a public record (CGS § 54-280a); suspended registrations are withdrawn from view.</p>
    ${errorSummary(errors)}
    <form class="usa-form usa-form--large" method="post" action="/offenders/lookup" novalidate>
      ${csrfField(req)}
      ${textField({ name: "lastName", label: "Last name or alias", value: b.lastName, error: errors.lastName })}
      ${textField({ name: "firstName", label: "First name (beginning)", value: b.firstName, error: errors.firstName })}
      ${dateField({ name: "birthDate", label: "Date of birth", value: b.birthDate, error: errors.birthDate })}
      ${textField({ name: "town", label: "Town", value: b.town, error: errors.town })}
      ${purposeFields(b, errors)}
      <button class="usa-button" type="submit">Look up</button>
    </form>
    <p><a href="/offenders/noncompliance">Non-compliance list by town</a>${offenderPolicy.maintain(user) ? html` · <a href="/offenders/new">Key a court record</a>` : ""}</p>
    ${results ?? ""}`;
}

function openButton(req: FastifyRequest, id: string, p: ReadPurpose, label: string): Html {
  return html`<form method="post" action="/offenders/registrants/${id}" class="stateline-inline-form">${csrfField(req)}${hiddenPurpose(p)}<button class="usa-button usa-button--unstyled" type="submit">${label}</button></form>`;
}

// ---------------------------------------------------------------- the record

async function recordPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  id: string,
  p: ReadPurpose,
  flash?: Flash,
  errors: FormErrors = {},
  status = 200,
) {
  const d = await svc.getRegistrant(makeCtx(req), id, p);
  const r = d.registrant;
  const keeper = offenderPolicy.maintain(user);
  const action = (path: string, body: Html, button: string) =>
    html`<form class="usa-form" method="post" action="/offenders/registrants/${r.id}/${path}" novalidate>${csrfField(req)}${hiddenPurpose(p)}${body}<button class="usa-button" type="submit">${button}</button></form>`;
  const openYear = d.verifications.find((v) => v.outcome !== "appeared" && v.anniversaryOn <= makeCtx(req).today);
  return sendPage(
    reply,
    req,
    `Registrant ${r.number}`,
    html`<h1>${r.firstName} ${r.lastName} <span class="usa-hint">${r.number}</span> ${tag(r.status)}</h1>
    ${errorSummary(errors)}
    ${summaryList([
      ["Born", r.birthDate],
      ["Aliases", r.aliases.join("; ")],
      ["Description", r.physicalDescription],
      [
        "Offense",
        `${r.offenseDescription} (CGS § ${r.offenseStatute}), ${r.disposition.replaceAll("-", " ")} ${r.dispositionOn}`,
      ],
      ["Released", `${r.releasedOn}${r.fromDocCustody ? " (from DOC custody)" : ""}`],
      ["Registration due", r.registrationDueOn],
      ["Registered", r.registeredOn],
      ["Registered through", r.endsOn],
      ["Suspended", r.suspensionGround],
      ["Home", [r.homeStreet, r.homeTown, r.homeState, r.homeZip].filter(Boolean).join(", ")],
      ["E-mail", r.email],
      [
        "Fingerprints",
        [r.fingerprintAppointmentOn ? `appointment ${r.fingerprintAppointmentOn}` : "", r.fingerprintReference ?? ""]
          .filter(Boolean)
          .join(", "),
      ],
      ["Criminal history", r.criminalHistoryReference],
      [
        "Photograph",
        r.photoReference ? `${r.photoTakenBy ?? ""} ${r.photoTakenOn ?? ""} (${r.photoReference})` : "none",
      ],
      ["DNA sample", r.dnaStatus],
    ])}
    <h2>Annual updates</h2>
    <table class="usa-table usa-table--borderless"><caption class="usa-sr-only">Annual updates</caption><thead><tr><th scope="col">Year</th><th scope="col">Anniversary</th><th scope="col">Last day</th><th scope="col">Notice</th><th scope="col">Report due</th><th scope="col">Outcome</th></tr></thead><tbody>
      ${d.verifications.map((v) => html`<tr><td>${v.year}</td><td>${v.anniversaryOn}</td><td>${v.closesOn}</td><td>${v.noticeSentOn ? `${v.noticeSentOn}${v.noticeLate ? " (late)" : ""}` : `by ${v.noticeMailBy}`}</td><td>${v.reportDueBy}</td><td>${v.outcome ?? (v.missedFlaggedOn ? "missed" : "")}${v.deferredTo ? ` to ${v.deferredTo}: ${v.deferralCause ?? ""}` : ""}${v.appearedOn ? ` ${v.appearedOn}` : ""}</td></tr>`)}
    </tbody></table>
    ${d.changes.length ? html`<h2>Changes</h2><ul class="usa-list">${d.changes.map((c) => html`<li>${c.kind} change of ${c.changedOn} (${c.source}): due ${c.dueOn}; ${c.reportedOn ? `reported ${c.reportedOn}${c.late ? ", late" : ""}` : "not reported by the registrant"}</li>`)}</ul>` : ""}
    ${d.noncompliance.length ? html`<h2>Non-compliance</h2><ul class="usa-list">${d.noncompliance.map((n) => html`<li>${n.offense}, due ${n.dueOn}; case ${n.caseNumber ?? ""}${n.resolvedOn ? `; resolved ${n.resolvedOn}` : ""} (${n.citation})</li>`)}</ul>` : ""}
    ${
      r.status === "awaiting-registration" && keeper
        ? html`<h2>Record the registration</h2>${action(
            "register",
            html`
      ${textareaField({ name: "physicalDescription", label: "Physical description", required: true, error: errors.physicalDescription })}
      ${textField({ name: "aliases", label: "Aliases (separated by semicolons)", error: errors.aliases })}
      ${textField({ name: "homeStreet", label: "Home street address", required: true, error: errors.homeStreet })}
      ${textField({ name: "homeTown", label: "Town", required: true, error: errors.homeTown })}
      ${textField({ name: "homeZip", label: "ZIP code", error: errors.homeZip, width: "sm" })}
      ${textField({ name: "email", label: "E-mail address", type: "email", error: errors.email })}
      ${dateField({ name: "fingerprintAppointmentOn", label: "Fingerprint appointment", error: errors.fingerprintAppointmentOn })}
      ${textField({ name: "fingerprintReference", label: "Fingerprint reference", error: errors.fingerprintReference })}
      ${textField({ name: "criminalHistoryReference", label: "Criminal history record reference", required: true, error: errors.criminalHistoryReference })}
      ${selectField({ name: "dnaStatus", label: "DNA sample", value: "unknown", options: ["unknown", "not-required", "required-not-taken", "collected", "on-file"].map((v) => ({ value: v, label: v.replaceAll("-", " ") })) })}
      ${checkboxField({ name: "signed", label: "The registrant signed and dated the registration", required: true, error: errors.signed })}`,
            "Record registration",
          )}`
        : ""
    }
    ${
      openYear && r.status === "registered"
        ? html`<h2>Annual update ${openYear.year}: report</h2>${action(
            "verification",
            html`<input type="hidden" name="year" value="${openYear.year}">
      ${selectField({
        name: "outcome",
        label: "Outcome",
        value: "appeared",
        options: [
          { value: "appeared", label: "Appeared" },
          { value: "did-not-appear", label: "Did not appear" },
          { value: "deferred", label: "Deferred for good cause" },
        ],
        error: errors.outcome,
      })}
      ${dateField({ name: "appearedOn", label: "Day appeared", error: errors.appearedOn })}
      ${dateField({ name: "deferredTo", label: "Deferred to", error: errors.deferredTo })}
      ${textareaField({ name: "deferralCause", label: "Good cause for the deferral", error: errors.deferralCause })}
      ${textField({ name: "agency", label: "Police department or troop", required: true, error: errors.agency })}`,
            "Send report",
          )}`
        : ""
    }
    ${
      r.status === "registered" || r.status === "suspended"
        ? html`<h2>Record a change of address</h2>${action(
            "change",
            html`
      ${dateField({ name: "changedOn", label: "Day of the change", required: true, error: errors.changedOn })}
      ${textField({ name: "street", label: "New street address", required: true, error: errors.street })}
      ${textField({ name: "town", label: "Town", error: errors.town })}
      ${textField({ name: "state", label: "State", value: "CT", width: "sm", error: errors.state })}`,
            "Record change",
          )}`
        : ""
    }
    ${
      keeper && r.status === "registered"
        ? html`<h2>Suspend</h2>${action(
            "suspend",
            selectField({
              name: "ground",
              label: "Ground",
              options: [
                { value: "incarcerated", label: "Incarcerated" },
                { value: "civil-commitment", label: "Under civil commitment" },
                { value: "out-of-state", label: "Living out of state" },
              ],
            }),
            "Suspend registration",
          )}`
        : ""
    }
    ${keeper && r.status === "suspended" ? html`<h2>Reinstate</h2>${action("reinstate", html``, "Reinstate registration")}` : ""}
    ${
      keeper
        ? html`<h2>Photograph</h2><form class="usa-form" method="post" action="/offenders/registrants/${r.id}/photo" enctype="multipart/form-data">${csrfField(req)}${hiddenPurpose(p)}
      <div class="usa-form-group"><label class="usa-label" for="photo">Photograph (JPEG or PNG, at most 2 MB)</label><input class="usa-file-input" id="photo" name="photo" type="file" accept="image/jpeg,image/png"></div>
      ${selectField({ name: "takenBy", label: "Taken by", options: ["DESPP", "DOC", "law-enforcement", "CSSD"].map((v) => ({ value: v, label: v })) })}
      ${dateField({ name: "takenOn", label: "Day taken", required: true })}
      <button class="usa-button" type="submit">Upload photograph</button></form>`
        : ""
    }
    <h2>History</h2><ul class="usa-list">${d.history.map((h) => html`<li>${h.onDate}: ${h.action.replaceAll("-", " ")}${h.toStatus && h.toStatus !== h.fromStatus ? ` → ${STATUS[h.toStatus] ?? h.toStatus}` : ""}</li>`)}</ul>
    <p><a href="/offenders">New look-up</a></p>`,
    { status, ...(flash ? { flash } : {}) },
  );
}

// ---------------------------------------------------------------- non-compliance

function noncomplianceTable(items: Noncompliance[]): Html {
  if (!items.length) return html`<p>No open non-compliance.</p>`;
  return html`<table class="usa-table usa-table--borderless"><caption>Open non-compliance</caption><thead><tr><th scope="col">Town</th><th scope="col">Registrant</th><th scope="col">Born</th><th scope="col">Failure</th><th scope="col">Due</th><th scope="col">Case</th><th scope="col">Citation</th></tr></thead><tbody>
    ${items.map((n) => html`<tr><td>${n.town ?? ""}</td><td>${n.firstName} ${n.lastName} (${n.registrantNumber})</td><td>${n.birthDate}</td><td>${n.offense}</td><td>${n.dueOn}</td><td>${n.caseNumber ?? ""}</td><td>${n.citation}</td></tr>`)}
  </tbody></table>`;
}

// ---------------------------------------------------------------- staff: key a court record

function courtRecordForm(req: FastifyRequest, b: Record<string, string>, errors: FormErrors): Html {
  return html`<h1>Key a court record</h1>
    <p class="usa-intro">A conviction or a finding of not guilty by reason of mental disease or defect, from the court or corrections, until the court feed lands. The rulebook decides whether the person must register (PA 13-3 §§ 18-22, Table 1).</p>
    ${errorSummary(errors)}
    <form class="usa-form usa-form--large" method="post" action="/offenders/new" novalidate>${csrfField(req)}
      ${textField({ name: "personId", label: "Person id (if known to Stateline)", value: b.personId, error: errors.personId })}
      ${textField({ name: "firstName", label: "First name", value: b.firstName, error: errors["person.firstName"] })}
      ${textField({ name: "lastName", label: "Last name", value: b.lastName, error: errors["person.lastName"] })}
      ${dateField({ name: "birthDate", label: "Date of birth", value: b.birthDate, error: errors["person.birthDate"] })}
      ${textField({ name: "statute", label: "Statute violated (e.g. 53a-217c or 29-33(c))", value: b.statute, required: true, error: errors.statute })}
      ${selectField({
        name: "isFelony",
        label: "A felony?",
        value: b.isFelony,
        empty: "Not known",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
      })}
      ${selectField({
        name: "courtFoundFirearm",
        label: "Court found a firearm used, threatened, displayed or represented?",
        value: b.courtFoundFirearm,
        empty: "Not known",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
      })}
      ${selectField({
        name: "disposition",
        label: "Disposition",
        value: b.disposition ?? "convicted",
        options: [
          { value: "convicted", label: "Convicted" },
          {
            value: "not-guilty-by-reason-of-mental-disease-or-defect",
            label: "Not guilty by reason of mental disease or defect",
          },
          { value: "other", label: "Other" },
        ],
        error: errors.disposition,
      })}
      ${dateField({ name: "dispositionOn", label: "Date of the disposition", value: b.dispositionOn, required: true, error: errors.dispositionOn })}
      ${textField({ name: "courtDocket", label: "Docket number", value: b.courtDocket, error: errors.courtDocket })}
      ${dateField({ name: "releasedOn", label: "Release into the community (past or planned)", value: b.releasedOn, required: true, error: errors.releasedOn })}
      ${checkboxField({ name: "fromDocCustody", label: "Released from Department of Correction custody", checked: b.fromDocCustody === "yes" })}
      ${selectField({
        name: "source",
        label: "Source",
        value: b.source ?? "staff",
        options: [
          { value: "staff", label: "Paper record keyed by staff" },
          { value: "corrections", label: "Department of Correction" },
        ],
      })}
      <button class="usa-button" type="submit">Decide and enter</button>
    </form>`;
}

const yn = (v: string | undefined) => (v === "yes" ? true : v === "no" ? false : undefined);

// ---------------------------------------------------------------- registration

export function registerOffenderPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get(
    "/offenders",
    signedIn(async (req, reply, user) => {
      forbid(user, offenderPolicy.read(user));
      return sendPage(reply, req, "Offender registry", lookupForm(req, user, {}, {}));
    }),
  );

  app.post(
    "/offenders/lookup",
    signedIn(async (req, reply, user) => {
      forbid(user, offenderPolicy.read(user));
      const b = formBody(req);
      const { purpose, errors } = readPurpose(b);
      try {
        const input = parseWith(
          LookupInput,
          {
            lastName: str(b.lastName),
            firstName: str(b.firstName),
            birthDate: str(b.birthDate),
            town: str(b.town),
            purpose: purpose ?? { code: b.purposeCode, text: b.purposeText },
          },
          "body",
        );
        const hits = await svc.lookup(makeCtx(req), input);
        return sendPage(
          reply,
          req,
          "Offender registry",
          lookupForm(
            req,
            user,
            b,
            {},
            html`<h2>${hits.length} result${hits.length === 1 ? "" : "s"}</h2>
        <table class="usa-table usa-table--borderless"><caption class="usa-sr-only">Results</caption><thead><tr><th scope="col">Name</th><th scope="col">Born</th><th scope="col">Town</th><th scope="col">Status</th><th scope="col">Record</th></tr></thead><tbody>
        ${hits.map((h) => html`<tr><td>${h.firstName} ${h.lastName}</td><td>${h.birthDate}</td><td>${h.homeTown ?? ""}</td><td>${tag(h.status)}</td><td>${openButton(req, h.id, input.purpose, `Open ${h.number}`)}</td></tr>`)}
        </tbody></table>`,
          ),
        );
      } catch (e) {
        if (isFormError(e))
          return sendPage(
            reply,
            req,
            "Offender registry",
            lookupForm(req, user, b, {
              ...errorsFrom(e, ["lastName", "firstName", "birthDate", "town"], {
                "purpose.code": "purposeCode",
                "purpose.text": "purposeText",
                purpose: "purposeText",
              }),
              ...errors,
            }),
            { status: 400 },
          );
        throw e;
      }
    }),
  );

  app.post(
    "/offenders/registrants/:id",
    signedIn(async (req, reply, user) => {
      forbid(user, offenderPolicy.read(user));
      const id = idParam(req, "registrant");
      const { purpose, errors } = readPurpose(formBody(req));
      if (!purpose)
        return sendPage(reply, req, "Offender registry", lookupForm(req, user, formBody(req), errors), { status: 400 });
      return recordPage(req, reply, makeCtx, user, id, purpose);
    }),
  );

  // Actions on a record: each form carries the purpose, so the record is shown again after it.
  const actions: Record<string, (ctx: ReturnType<MakeCtx>, id: string, b: Record<string, string>) => Promise<string>> =
    {
      register: async (ctx, id, b) => {
        const input = parseWith(
          RegistrationInput,
          {
            physicalDescription: str(b.physicalDescription),
            aliases: (b.aliases ?? "")
              .split(";")
              .map((x) => x.trim())
              .filter(Boolean),
            homeStreet: str(b.homeStreet),
            homeTown: str(b.homeTown),
            homeZip: str(b.homeZip),
            email: str(b.email),
            fingerprintAppointmentOn: str(b.fingerprintAppointmentOn),
            fingerprintReference: str(b.fingerprintReference),
            criminalHistoryReference: str(b.criminalHistoryReference),
            dnaStatus: str(b.dnaStatus),
            signed: b.signed === "yes" ? true : undefined,
          },
          "body",
        );
        const r = await svc.completeRegistration(ctx, id, input);
        return `Registered on ${r.registeredOn}; registered through ${r.endsOn}`;
      },
      verification: async (ctx, id, b) => {
        const input = parseWith(
          VerificationReport,
          {
            year: Number(b.year),
            outcome: str(b.outcome),
            appearedOn: str(b.appearedOn),
            deferredTo: str(b.deferredTo),
            deferralCause: str(b.deferralCause),
            agency: str(b.agency),
          },
          "body",
        );
        const v = await svc.reportVerification(ctx, id, input);
        return `Annual update ${v.year}: ${v.outcome}${v.deferredTo ? `, deferred to ${v.deferredTo}` : ""}`;
      },
      change: async (ctx, id, b) => {
        const input = parseWith(
          ChangeInput,
          {
            kind: "address",
            changedOn: str(b.changedOn),
            street: str(b.street),
            town: str(b.town),
            state: str(b.state),
          },
          "body",
        );
        const c = await svc.recordChange(ctx, id, input);
        return `Change recorded; the registrant's notice is due by ${c.dueOn}${c.late ? " (reported late: flagged)" : ""}`;
      },
      suspend: async (ctx, id, b) => {
        await svc.suspend(ctx, id, parseWith(SuspendInput, { ground: str(b.ground) }, "body"));
        return "Registration suspended";
      },
      reinstate: async (ctx, id) => {
        await svc.reinstate(ctx, id, {});
        return "Registration reinstated";
      },
    };
  for (const [name, run] of Object.entries(actions)) {
    app.post(
      `/offenders/registrants/:id/${name}`,
      signedIn(async (req, reply, user) => {
        forbid(user, offenderPolicy.read(user));
        const id = idParam(req, "registrant");
        const b = formBody(req);
        const { purpose, errors } = readPurpose(b);
        if (!purpose)
          return sendPage(reply, req, "Offender registry", lookupForm(req, user, b, errors), { status: 400 });
        try {
          const text = await run(makeCtx(req), id, b);
          return recordPage(req, reply, makeCtx, user, id, purpose, { text, type: "success" });
        } catch (e) {
          if (isFormError(e))
            return recordPage(
              req,
              reply,
              makeCtx,
              user,
              id,
              purpose,
              { text: e.message, type: "error" },
              errorsFrom(e, Object.keys(b)),
              e.code === "conflict" ? 409 : 400,
            );
          throw e;
        }
      }),
    );
  }

  // The photograph upload: multipart only here, in its own encapsulated context.
  void app.register(async (child) => {
    await child.register(multipart, {
      attachFieldsToBody: "keyValues",
      limits: { fileSize: 2 * 1024 * 1024, files: 1, fields: 8 },
    });
    child.post(
      "/offenders/registrants/:id/photo",
      signedIn(async (req, reply, user) => {
        forbid(user, offenderPolicy.read(user));
        const id = idParam(req, "registrant");
        const body = (req.body ?? {}) as Record<string, unknown>;
        const b = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "string")) as Record<
          string,
          string
        >;
        const { purpose, errors } = readPurpose(b);
        if (!purpose)
          return sendPage(reply, req, "Offender registry", lookupForm(req, user, b, errors), { status: 400 });
        const bytes = Buffer.isBuffer(body.photo) ? body.photo : null;
        const type =
          bytes && bytes[0] === 0xff && bytes[1] === 0xd8
            ? "image/jpeg"
            : bytes && bytes[0] === 0x89 && bytes[1] === 0x50
              ? "image/png"
              : null;
        try {
          if (!bytes || !type)
            throw new AppError("validation", "photo: choose a JPEG or PNG image", {
              fields: [{ field: "photo", message: "choose a JPEG or PNG image" }],
            });
          const takenOn = str(b.takenOn) ?? "";
          if (!/^\d{4}-\d{2}-\d{2}$/.test(takenOn))
            throw new AppError("validation", "takenOn: give the day taken", {
              fields: [{ field: "takenOn", message: "give the day taken, YYYY-MM-DD" }],
            });
          const takenBy =
            (["DESPP", "DOC", "law-enforcement", "CSSD"] as const).find((x) => x === b.takenBy) ?? "DESPP";
          await svc.addPhoto(makeCtx(req), id, {
            contentType: type,
            bytes,
            takenBy,
            takenOn: svc.parseDate(takenOn, "takenOn"),
          });
          return recordPage(req, reply, makeCtx, user, id, purpose, { text: "Photograph stored", type: "success" });
        } catch (e) {
          if (isFormError(e))
            return recordPage(
              req,
              reply,
              makeCtx,
              user,
              id,
              purpose,
              { text: e.message, type: "error" },
              errorsFrom(e, ["photo", "takenOn"]),
              400,
            );
          throw e;
        }
      }),
    );
  });

  app.get(
    "/offenders/noncompliance",
    signedIn(async (req, reply, user) => {
      forbid(user, offenderPolicy.noncompliance(user));
      return sendPage(
        reply,
        req,
        "Non-compliance",
        html`<h1>Non-compliance by town</h1>
      <form class="usa-form" method="post" action="/offenders/noncompliance" novalidate>${csrfField(req)}
        ${textField({ name: "town", label: "Town (blank for all)" })}${purposeFields({}, {})}<button class="usa-button" type="submit">Show list</button></form>`,
      );
    }),
  );

  app.post(
    "/offenders/noncompliance",
    signedIn(async (req, reply, user) => {
      forbid(user, offenderPolicy.noncompliance(user));
      const b = formBody(req);
      const { purpose, errors } = readPurpose(b);
      const form = html`<form class="usa-form" method="post" action="/offenders/noncompliance" novalidate>${csrfField(req)}
        ${textField({ name: "town", label: "Town (blank for all)", value: b.town })}${purposeFields(b, errors)}<button class="usa-button" type="submit">Show list</button></form>`;
      if (!purpose)
        return sendPage(
          reply,
          req,
          "Non-compliance",
          html`<h1>Non-compliance by town</h1>${errorSummary(errors)}${form}`,
          { status: 400 },
        );
      const items = await svc.listNoncompliance(makeCtx(req), { town: str(b.town), purpose });
      return sendPage(
        reply,
        req,
        "Non-compliance",
        html`<h1>Non-compliance by town</h1>${form}
      <p>Each failure to register, to appear for the annual update, or to report a change within five business days is a class D felony (CGS § 54-280a); each has a case.</p>
      ${noncomplianceTable(items)}`,
      );
    }),
  );

  app.get(
    "/offenders/new",
    signedIn(async (req, reply, user) => {
      forbid(user, offenderPolicy.maintain(user));
      return sendPage(reply, req, "Key a court record", courtRecordForm(req, {}, {}));
    }),
  );

  app.post(
    "/offenders/new",
    signedIn(async (req, reply, user) => {
      forbid(user, offenderPolicy.maintain(user));
      const b = formBody(req);
      try {
        const personId = str(b.personId);
        const input = parseWith(
          CourtRecord,
          {
            ...(personId
              ? { personId }
              : { person: { firstName: str(b.firstName), lastName: str(b.lastName), birthDate: str(b.birthDate) } }),
            statute: str(b.statute),
            isFelony: yn(b.isFelony),
            courtFoundFirearm: yn(b.courtFoundFirearm),
            disposition: str(b.disposition),
            dispositionOn: str(b.dispositionOn),
            courtDocket: str(b.courtDocket),
            releasedOn: str(b.releasedOn),
            fromDocCustody: b.fromDocCustody === "yes",
            source: str(b.source) ?? "staff",
          },
          "body",
        );
        const r = await svc.keyCourtRecord(makeCtx(req), input);
        return sendPage(
          reply,
          req,
          "Court record",
          html`<h1>${r.outcome === "yes" ? "Must register" : r.outcome === "no" ? "No duty to register" : "Needs review: facts missing"}</h1>
        ${r.registrant ? html`<p>Registrant ${r.registrant.number}: registration due by ${r.registrant.registrationDueOn}. The duty notice was mailed.</p>` : ""}
        ${r.missing.length ? html`<p>Missing facts: ${r.missing.join(", ")}</p>` : ""}
        <ul class="usa-list">${r.findings.map((f) => html`<li>${f.status}: ${f.because} (${f.citation})</li>`)}</ul>
        <p><a href="/offenders/new">Key another</a> · <a href="/offenders">Look up</a></p>`,
          { status: 201 },
        );
      } catch (e) {
        if (isFormError(e))
          return sendPage(
            reply,
            req,
            "Key a court record",
            courtRecordForm(
              req,
              b,
              errorsFrom(e, [
                "personId",
                "person.firstName",
                "person.lastName",
                "person.birthDate",
                "statute",
                "disposition",
                "dispositionOn",
                "releasedOn",
                "courtDocket",
              ]),
            ),
            { status: 400 },
          );
        throw e;
      }
    }),
  );

  // ---------------------------------------------------------------- registrants

  const mePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    flash?: Flash,
    errors: FormErrors = {},
    status = 200,
  ) => {
    const mine = await svc.myRegistrations(makeCtx(req));
    return sendPage(
      reply,
      req,
      "My registration",
      html`<h1>My registration</h1>
      ${errorSummary(errors)}
      ${mine.length ? "" : html`<p>You have no registration in the Deadly Weapon Offender Registry.</p>`}
      ${mine.map(
        (d) => html`<h2>Registration ${d.registrant.number} ${tag(d.registrant.status)}</h2>
        ${summaryList([
          ["Offense", `${d.registrant.offenseDescription} (CGS § ${d.registrant.offenseStatute})`],
          ["Registered", d.registrant.registeredOn],
          ["Registered through", d.registrant.endsOn],
          ["Home", [d.registrant.homeStreet, d.registrant.homeTown, d.registrant.homeState].filter(Boolean).join(", ")],
        ])}
        <h3>What you must do</h3>
        <ul class="usa-list">${d.obligations.map((o) => html`<li>${o.what}${o.dueOn ? html` <strong>by ${o.dueOn}</strong>` : ""} (${o.status}; ${o.citation})</li>`)}</ul>
        ${
          d.registrant.status === "registered" || d.registrant.status === "suspended"
            ? html`<h3>Report a change</h3>
        <form class="usa-form" method="post" action="/offenders/me/change" novalidate>${csrfField(req)}<input type="hidden" name="registrantId" value="${d.registrant.id}">
          ${selectField({
            name: "kind",
            label: "What changed",
            options: [
              { value: "address", label: "My address" },
              { value: "name", label: "My name" },
            ],
          })}
          ${dateField({ name: "changedOn", label: "Day of the change", required: true, error: errors.changedOn })}
          ${textField({ name: "street", label: "New street address", error: errors.street })}
          ${textField({ name: "town", label: "Town", error: errors.town })}
          ${textField({ name: "state", label: "State", value: "CT", width: "sm", error: errors.state })}
          ${textField({ name: "firstName", label: "New first name", error: errors.firstName })}
          ${textField({ name: "lastName", label: "New last name", error: errors.lastName })}
          <button class="usa-button" type="submit">Send my written notice</button></form>`
            : ""
        }`,
      )}`,
      { status, ...(flash ? { flash } : {}) },
    );
  };

  app.get(
    "/offenders/me",
    signedIn(async (req, reply, user) => {
      forbid(user, offenderPolicy.own(user));
      return mePage(req, reply);
    }),
  );

  app.post(
    "/offenders/me/change",
    signedIn(async (req, reply, user) => {
      forbid(user, offenderPolicy.own(user));
      const b = formBody(req);
      try {
        const id = str(b.registrantId) ?? "";
        if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("not_found", "registration not found");
        const input = parseWith(
          ChangeInput,
          {
            kind: str(b.kind),
            changedOn: str(b.changedOn),
            street: str(b.street),
            town: str(b.town),
            state: str(b.state),
            firstName: str(b.firstName),
            lastName: str(b.lastName),
          },
          "body",
        );
        const c = await svc.recordChange(makeCtx(req), id, input);
        return mePage(req, reply, {
          text: c.late
            ? `Your notice was received; it is late (due ${c.dueOn}).`
            : `Your notice was received in time (due ${c.dueOn}).`,
          type: c.late ? "warning" : "success",
        });
      } catch (e) {
        if (isFormError(e))
          return mePage(
            req,
            reply,
            undefined,
            errorsFrom(e, ["changedOn", "street", "town", "state", "firstName", "lastName"]),
            400,
          );
        throw e;
      }
    }),
  );
}
