/**
 * * The ammunition counter (ammunition vendors' and firearm dealers' staff):
 * check a buyer (/ammunition/check) → the answer on the check's own page
 * (/ammunition/checks/:id): approved, refused with findings and citations
 * (policy findings labelled as policy, not statute), or needs review with
 * what to fix; when approved, record the sale within what the check approved
 * → the sale's confirmation (/ammunition/sales/:id); and the seller's own
 * sales (/ammunition/sales), without buyers' names.
 */
import { statusOf } from "../../http/errors.ts";
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type Ctx } from "../../context.ts";
import { forbidden, notFound } from "../../lib/errors.ts";
import { isPlainDate, type PlainDate } from "../../law/core/dates.ts";
import { type Finding } from "../../law/core/rules.ts";
import { CLASS_LABELS, PURCHASE_TYPES, type PurchaseType } from "../../law/ct/policy/ammunition-limit.ts";
import { type User } from "../auth/index.ts";
import { ammunitionPolicy } from "./policy.ts";
import { maskCredentialNumber, presentFindingForSeller } from "./present.ts";
import {
  checkActions,
  findCheck,
  findCredentialOnFile,
  findSale,
  findSaleOfCheck,
  type Check,
  type Sale,
} from "./queries.ts";
import { effectiveCheck } from "./review-state.ts";
import { registerCheckReviewPages, reviewPanel } from "./review-pages.ts";
import { listSalesFor, PHOTO_ID_TYPES, presentedCredential, recordSale, runCheck, type CheckInput } from "./service.ts";
import {
  BULLET_KINDS,
  BULLET_LABELS,
  LCM_BUYERS_IN_WORDS,
  LCM_EXEMPTION_LABELS,
  LCM_EXEMPTIONS,
  MAGAZINE_FEATURE_LABELS,
  MAGAZINE_FEATURES,
} from "./items.ts";
import { getActingDealer, type Dealer } from "../dealers/index.ts";
import { findDecision } from "../sales/index.ts";
import {
  html,
  type Html,
  csrfField,
  checkboxField,
  checkDate,
  dateField,
  errorsFrom,
  errorSummary,
  formBody,
  idParam,
  isFormError,
  queryParam,
  requiredNote,
  selectField,
  sendPage,
  signedIn,
  summaryList,
  textField,
  when,
  type Flash,
  type FormErrors,
  findingTitle,
} from "../../web/kit.ts";

type MakeCtx = (req: FastifyRequest) => Ctx;

const LINES = 3;
const CREDENTIAL = /^[A-Za-z]{2}[\s-]?\d{4,12}$/;

const TYPE_LABELS: Record<PurchaseType, string> = {
  "centerfire-rifle": "Centerfire rifle ammunition (rounds)",
  "centerfire-pistol": "Centerfire pistol ammunition (rounds)",
  rimfire: "Rimfire ammunition (rounds)",
  shotshell: "Shotshells (rounds)",
  magazine: "Magazines (units)",
};
const PHOTO_LABELS: Record<(typeof PHOTO_ID_TYPES)[number], string> = {
  "drivers-license": "Driver's license",
  passport: "Passport",
  "state-id": "State identity card",
  "military-id": "Military identification",
  other: "Other",
};
const OUTCOME: Record<Check["outcome"], { label: string; tone: string; alert: string }> = {
  approved: { label: "Approved", tone: "good", alert: "success" },
  refused: { label: "Refused", tone: "bad", alert: "error" },
  "needs-review": { label: "Needs review", tone: "warn", alert: "warning" },
};
const CREDENTIAL_KINDS: Record<string, string> = {
  "state-handgun-permit": "State handgun permit",
  "handgun-eligibility-certificate": "Handgun eligibility certificate",
  "long-gun-eligibility-certificate": "Long gun eligibility certificate",
  "ammunition-certificate": "Ammunition certificate",
  "temporary-state-permit": "Temporary state permit",
};

/** The seller the signed-in clerk acts for (dealers and ammunition vendors). */
async function sellerOf(ctx: Ctx, user: User): Promise<Dealer> {
  if (!ammunitionPolicy.check(user))
    throw forbidden("only a dealer's or an ammunition vendor's staff use the ammunition counter");
  return getActingDealer(ctx);
}

const unitOf = (t: PurchaseType) => (t === "magazine" ? "magazines" : "rounds");

// ---------------------------------------------------------------- the check form

type Values = Record<string, string>;

const LABELS: Record<string, string> = {
  firstName: "Buyer's first name",
  lastName: "Buyer's last name",
  birthDate: "Buyer's date of birth",
  credentialNumber: "Credential number",
  photoIdType: "Photo identification",
  photoIdNumber: "Identification number",
  photoIdShowsBirthDate: "The identification shows the date of birth",
  photoIdExpiresOn: "Identification expires on",
  exemption: "Large capacity magazine exemption shown (§ 23)",
  lines: "Purchase",
  ...Object.fromEntries(
    Array.from({ length: LINES }, (_, i) => [
      [`type-${i}`, `Line ${i + 1}: type`],
      [`caliber-${i}`, `Line ${i + 1}: caliber`],
      [`brand-${i}`, `Line ${i + 1}: brand`],
      [`quantity-${i}`, `Line ${i + 1}: quantity`],
      [`capacity-${i}`, `Line ${i + 1}: magazine capacity`],
      [`feature-${i}`, `Line ${i + 1}: about the magazine`],
      [`bullet-${i}`, `Line ${i + 1}: bullet`],
    ]).flat(),
  ),
};

async function checkPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  st: { values?: Values; errors?: FormErrors; status?: number } = {},
) {
  const seller = await sellerOf(makeCtx(req), user);
  const v = st.values ?? {};
  const e = st.errors ?? {};
  return sendPage(
    reply,
    req,
    "Ammunition check",
    html`<h1>Ammunition check</h1>
    <p class="usa-intro">${seller.name}: check the buyer before every sale of ammunition or magazines. The credential is matched with the state's record by number, last name and date of birth; the law (PA 13-3 §§ 14-17) and the Department's ammunition limit (policy, not statute) are applied. A check that is approved allows one sale, here, today.</p>
    <form class="usa-form usa-form--large stateline-wide-form" method="post" action="/ammunition/check" novalidate>
      ${requiredNote}
      ${errorSummary(e, LABELS, { lines: "type-0" })}
      ${csrfField(req)}
      <fieldset class="usa-fieldset">
        <legend class="usa-legend stateline-legend">Buyer</legend>
        ${textField({ name: "firstName", label: LABELS.firstName!, value: v.firstName, error: e.firstName, required: true, autocomplete: "off" })}
        ${textField({ name: "lastName", label: LABELS.lastName!, value: v.lastName, error: e.lastName, required: true, autocomplete: "off" })}
        ${dateField({ name: "birthDate", label: LABELS.birthDate!, value: v.birthDate, error: e.birthDate, required: true, hint: "From the buyer's identification. Written YYYY-MM-DD." })}
        ${textField({ name: "credentialNumber", label: LABELS.credentialNumber!, value: v.credentialNumber, error: e.credentialNumber, required: true, width: "md", autocomplete: "off", hint: "The permit or certificate shown, as printed, for example AC-1000001" })}
      </fieldset>
      <fieldset class="usa-fieldset margin-top-4">
        <legend class="usa-legend stateline-legend">Photo identification</legend>
        <p class="usa-hint">Required with an ammunition certificate: a government-issued photo identification showing the date of birth. Optional with a permit or eligibility certificate.</p>
        ${selectField({ name: "photoIdType", label: LABELS.photoIdType!, value: v.photoIdType ?? "", error: e.photoIdType, empty: "- None shown -", options: PHOTO_ID_TYPES.map((t) => ({ value: t, label: PHOTO_LABELS[t] })) })}
        ${textField({ name: "photoIdNumber", label: LABELS.photoIdNumber!, value: v.photoIdNumber, error: e.photoIdNumber, width: "lg", autocomplete: "off" })}
        ${checkboxField({ name: "photoIdShowsBirthDate", label: LABELS.photoIdShowsBirthDate!, checked: v.photoIdShowsBirthDate === "yes", error: e.photoIdShowsBirthDate })}
        ${dateField({ name: "photoIdExpiresOn", label: LABELS.photoIdExpiresOn!, value: v.photoIdExpiresOn, error: e.photoIdExpiresOn, hint: "Optional: lets the system check it has not expired. Written YYYY-MM-DD." })}
      </fieldset>
      <fieldset class="usa-fieldset margin-top-4">
        <legend class="usa-legend stateline-legend">Magazines over 10 rounds</legend>
        <p class="usa-hint" id="exemption-about">A magazine that holds more than 10 rounds is a large capacity magazine: the law (PA 13-3 § 23) allows selling one only to ${LCM_BUYERS_IN_WORDS}. Choose the exemption only when the buyer shows proof of it.</p>
        ${selectField({ name: "exemption", label: LABELS.exemption!, value: v.exemption ?? "", error: e.exemption, empty: "- None shown -", options: LCM_EXEMPTIONS.map((x) => ({ value: x, label: LCM_EXEMPTION_LABELS[x] })) })}
      </fieldset>
      ${Array.from(
        { length: LINES },
        (_, i) => html`<fieldset class="usa-fieldset margin-top-4">
        <legend class="usa-legend stateline-legend">Purchase line ${i + 1}${i === 0 ? "" : " (optional)"}</legend>
        ${i === 0 && e.lines ? html`<span class="usa-error-message" id="lines-error">${e.lines}</span>` : ""}
        ${selectField({ name: `type-${i}`, label: "Type", value: v[`type-${i}`] ?? "", error: e[`type-${i}`], empty: i === 0 ? "- Select -" : "- No line -", required: i === 0, options: PURCHASE_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] })) })}
        ${textField({ name: `caliber-${i}`, label: "Caliber", value: v[`caliber-${i}`], error: e[`caliber-${i}`], required: i === 0, width: "lg", hint: i === 0 ? 'For example "9mm Luger", ".223 Remington", "12 gauge"' : undefined })}
        ${textField({ name: `brand-${i}`, label: "Brand", value: v[`brand-${i}`], error: e[`brand-${i}`], required: i === 0, width: "lg" })}
        ${textField({ name: `quantity-${i}`, label: "Quantity", value: v[`quantity-${i}`], error: e[`quantity-${i}`], required: i === 0, width: "sm", inputmode: "numeric", hint: i === 0 ? "Rounds for ammunition, units for magazines" : undefined })}
        ${textField({ name: `capacity-${i}`, label: "Magazine capacity (rounds it holds)", value: v[`capacity-${i}`], error: e[`capacity-${i}`], width: "sm", inputmode: "numeric", hint: "Magazines only: needed for every magazine" })}
        ${selectField({ name: `feature-${i}`, label: "About the magazine", value: v[`feature-${i}`] ?? "", error: e[`feature-${i}`], empty: "A standard magazine", options: MAGAZINE_FEATURES.map((f) => ({ value: f, label: MAGAZINE_FEATURE_LABELS[f] })) })}
        ${selectField({ name: `bullet-${i}`, label: "Bullet", value: v[`bullet-${i}`] ?? "", error: e[`bullet-${i}`], empty: "Standard (ammunition), or a magazine", options: BULLET_KINDS.filter((b) => b !== "standard").map((b) => ({ value: b, label: BULLET_LABELS[b] })) })}
      </fieldset>`,
      )}
      <button class="usa-button margin-top-4" type="submit">Check buyer</button>
    </form>`,
    { status: st.status },
  );
}

function parseCheck(b: Record<string, string>): { values: Values; errors: FormErrors; input?: CheckInput } {
  const values: Values = {};
  for (const k of [
    "firstName",
    "lastName",
    "birthDate",
    "credentialNumber",
    "photoIdType",
    "photoIdNumber",
    "photoIdExpiresOn",
    "exemption",
  ])
    values[k] = (b[k] ?? "").trim();
  values.photoIdShowsBirthDate = b.photoIdShowsBirthDate === "yes" ? "yes" : "";
  for (let i = 0; i < LINES; i++)
    for (const f of ["type", "caliber", "brand", "quantity", "capacity", "feature", "bullet"])
      values[`${f}-${i}`] = (b[`${f}-${i}`] ?? "").trim();
  const exemption = LCM_EXEMPTIONS.find((x) => x === values.exemption);
  const errors: FormErrors = {};
  if (!values.firstName || values.firstName.length > 100) errors.firstName = "Enter the buyer's first name";
  if (!values.lastName || values.lastName.length > 100) errors.lastName = "Enter the buyer's last name";
  const birthDate = checkDate(errors, "birthDate", values.birthDate!, "buyer's date of birth", { required: true });
  if (!CREDENTIAL.test(values.credentialNumber!))
    errors.credentialNumber = "Enter the credential number as printed, two letters and digits, for example AC-1000001";
  const photoType = PHOTO_ID_TYPES.find((t) => t === values.photoIdType);
  if (values.photoIdType && !photoType) errors.photoIdType = "Choose the kind of identification from the list";
  if (
    photoType &&
    (!values.photoIdNumber || !/[A-Za-z0-9]/.test(values.photoIdNumber) || values.photoIdNumber.length > 40)
  )
    errors.photoIdNumber = "Enter the number of the identification shown";
  if (!photoType && values.photoIdNumber)
    errors.photoIdType = "Choose the kind of identification the number belongs to";
  const expiresOn = checkDate(
    errors,
    "photoIdExpiresOn",
    values.photoIdExpiresOn!,
    "expiry date of the identification",
  );
  if (values.exemption && !exemption) errors.exemption = "Choose the exemption from the list";
  const lines: CheckInput["lines"] = [];
  for (let i = 0; i < LINES; i++) {
    const type = PURCHASE_TYPES.find((t) => t === values[`type-${i}`]);
    const filled = ["type", "caliber", "brand", "quantity", "capacity", "feature", "bullet"].some(
      (f) => values[`${f}-${i}`],
    );
    if (!filled) continue;
    if (!type) {
      errors[`type-${i}`] = `Choose the type of line ${i + 1}`;
      continue;
    }
    const caliber = values[`caliber-${i}`]!,
      brand = values[`brand-${i}`]!,
      q = values[`quantity-${i}`]!;
    if (!caliber || caliber.length > 40)
      errors[`caliber-${i}`] = `Enter the caliber of line ${i + 1} (up to 40 characters)`;
    if (!brand || brand.length > 80) errors[`brand-${i}`] = `Enter the brand of line ${i + 1} (up to 80 characters)`;
    const quantity = /^\d{1,6}$/.test(q) ? Number(q) : NaN;
    if (!(quantity >= 1 && quantity <= 100_000))
      errors[`quantity-${i}`] =
        `Enter the quantity of line ${i + 1}, a whole number from 1 to 100,000 (${unitOf(type)})`;
    const capRaw = values[`capacity-${i}`]!;
    const capacity = /^\d{1,4}$/.test(capRaw) ? Number(capRaw) : NaN;
    const feature = MAGAZINE_FEATURES.find((f) => f === values[`feature-${i}`]);
    const bullet = BULLET_KINDS.find((x) => x === values[`bullet-${i}`]);
    if (type === "magazine") {
      if (!(capacity >= 1 && capacity <= 1000))
        errors[`capacity-${i}`] =
          `Enter how many rounds the magazine of line ${i + 1} holds, a whole number from 1 to 1,000`;
      if (values[`feature-${i}`] && !feature) errors[`feature-${i}`] = "Choose from the list";
      if (values[`bullet-${i}`]) errors[`bullet-${i}`] = `Line ${i + 1} is a magazine: leave the bullet empty`;
      lines.push({ type, caliber, brand, quantity, capacity, ...(feature ? { features: [feature] } : {}) });
      continue;
    }
    if (capRaw) errors[`capacity-${i}`] = `Only a magazine has a capacity: leave it empty for line ${i + 1}`;
    if (values[`feature-${i}`]) errors[`feature-${i}`] = `Line ${i + 1} is not a magazine: leave this empty`;
    if (values[`bullet-${i}`] && !bullet) errors[`bullet-${i}`] = "Choose from the list";
    lines.push({ type, caliber, brand, quantity, ...(bullet ? { bullet } : {}) });
  }
  if (!lines.length && !Object.keys(errors).some((k) => k.startsWith("type-")))
    errors["type-0"] = "Enter at least one purchase line";
  if (Object.keys(errors).length) return { values, errors };
  return {
    values,
    errors,
    input: {
      buyer: {
        firstName: values.firstName!,
        lastName: values.lastName!,
        birthDate: birthDate!,
        credentialNumber: values.credentialNumber!,
        ...(photoType
          ? {
              photoId: {
                type: photoType,
                number: values.photoIdNumber!,
                showsBirthDate: values.photoIdShowsBirthDate === "yes",
                ...(expiresOn ? { expiresOn } : {}),
              },
            }
          : {}),
        ...(exemption ? { exemption } : {}),
      },
      lines,
    },
  };
}

// ---------------------------------------------------------------- a check's answer

/** The findings of a check in the order the service gave them: the record match, the law, then the limit. */
/** As the seller sees them (present.ts): "matches" or "does not match", reason categories and citations, never the record. */
type SellerFinding = {
  id: string;
  status: string;
  because: string;
  citation: string;
  basis: string;
  remedy?: string | undefined;
  missing?: string[] | undefined;
};

async function checkFindings(ctx: Ctx, c: Check): Promise<SellerFinding[]> {
  const [law, limit] = await Promise.all([
    findDecision(ctx.db, c.lawDecisionId),
    findDecision(ctx.db, c.limitDecisionId),
  ]);
  const raw = [
    ...(c.matchFindings as Finding[]),
    ...(law?.findings ?? []),
    ...(limit?.findings ?? []),
    ...(c.itemFindings as Finding[]),
  ];
  const record = c.personId ? await findCredentialOnFile(ctx.db, c.credentialNumber) : undefined;
  const presented = presentedCredential(record, c.personId !== null, c.checkedOn);
  return raw.map((f) => presentFindingForSeller(f, presented) as SellerFinding);
}

function findingItems(findings: readonly SellerFinding[]): Html {
  const label: Record<string, string> = {
    met: "Met",
    "not-met": "Not met",
    unknown: "Unknown",
    "not-applicable": "Not applicable",
  };
  const tone: Record<string, string> = { met: "good", "not-met": "bad", unknown: "warn", "not-applicable": "neutral" };
  return html`<ul class="usa-list usa-list--unstyled stateline-findings">${findings.map(
    (f) => html`<li class="stateline-finding stateline-finding--${f.status}">
    <span class="usa-tag stateline-tag stateline-tag--${tone[f.status] ?? "neutral"}">${label[f.status] ?? f.status}</span>
    ${f.basis === "policy" ? html`<span class="usa-tag stateline-tag stateline-tag--info">Policy, not statute</span>` : ""}
    <h3 class="margin-y-05 font-sans-sm">${findingTitle(f.id)}</h3>
    <p class="margin-y-05">${f.because}</p>
    <p class="margin-y-05 font-sans-2xs">${f.basis === "policy" ? "Source" : "Citation"}: <cite>${f.citation}</cite>${f.basis === "policy" ? " (the Department's policy, not a statute)" : ""}</p>
    ${f.missing?.length ? html`<p class="margin-y-05 font-sans-2xs">Missing facts: ${f.missing.map((m, i) => html`${i ? ", " : ""}<code>${m}</code>`)}</p>` : ""}
    ${f.remedy ? html`<p class="margin-y-05 font-sans-2xs">What would change this: ${f.remedy}</p>` : ""}
  </li>`,
  )}</ul>`;
}

function answer(c: Check, findings: readonly SellerFinding[]): Html {
  const o = OUTCOME[c.outcome];
  const open = findings.filter((f) => f.status === (c.outcome === "refused" ? "not-met" : "unknown"));
  const policy = open.some((f) => f.basis === "policy");
  const statute = open.some((f) => f.basis !== "policy");
  return html`<div class="usa-alert usa-alert--${o.alert}" id="answer"><div class="usa-alert__body">
    <h2 class="usa-alert__heading">${o.label}</h2>
    ${c.outcome === "approved" ? html`<p class="usa-alert__text">The sale may be recorded here today (${c.checkedOn}), for at most the lines below. Record it before handing over the ammunition.</p>` : ""}
    ${
      c.outcome === "refused"
        ? html`<p class="usa-alert__text">Do not sell. Why:</p>
      <ul class="usa-list">${open.map((f) => html`<li>${f.basis === "policy" ? html`<strong>[Policy, not statute]</strong> ` : ""}${f.because}${f.remedy ? html`. ${f.remedy}` : ""}</li>`)}</ul>
      ${statute ? html`<p class="usa-alert__text">A buyer who believes a record is wrong may ask the Department of Emergency Services and Public Protection to correct it.</p>` : ""}
      ${policy ? html`<p class="usa-alert__text">The ammunition limit is the Department's policy, not a statute; the finding says when the quantity could be bought.</p>` : ""}`
        : ""
    }
    ${
      c.outcome === "needs-review"
        ? html`<p class="usa-alert__text">Nothing has been refused, but the sale cannot be made on this check. What to fix:</p>
      <ul class="usa-list" id="what-to-fix">${open.map((f) => html`<li>${f.basis === "policy" ? html`<strong>[Policy, not statute]</strong> ` : ""}${f.remedy ?? f.because}${f.missing?.length ? ` (missing: ${f.missing.join(", ")})` : ""}</li>`)}</ul>
      <p class="usa-alert__text">Once the record or the entry is put right, <a href="/ammunition/check">run the check again</a>.</p>`
        : ""
    }
  </div></div>`;
}

async function checkResultPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  st: { values?: Values; errors?: FormErrors; flash?: Flash; status?: number } = {},
) {
  const ctx = makeCtx(req);
  const seller = await sellerOf(ctx, user);
  const c = await findCheck(ctx.db, idParam(req, "check"));
  // Another seller's check is "not found", as in the service, so that ids reveal nothing across shops.
  if (!c || c.dealerId !== seller.id) throw notFound("ammunition check");
  const [findings, sold, actions] = await Promise.all([
    checkFindings(ctx, c),
    findSaleOfCheck(ctx.db, c.id),
    checkActions(ctx.db, c.id),
  ]);
  // After review the check stands as staff left it (review-state.ts).
  const eff = effectiveCheck(c, actions);
  const shown = eff.state === "authorized" ? { ...c, outcome: eff.outcome, checkedOn: eff.validOn } : c;
  const o = OUTCOME[eff.outcome];
  const e = st.errors ?? {};
  const v = st.values ?? {};
  const canRecord = eff.outcome === "approved" && !sold && eff.validOn === ctx.today;
  return sendPage(
    reply,
    req,
    `Ammunition check ${c.number}`,
    html`<h1>Ammunition check ${c.number}</h1>
    <p><span class="usa-tag stateline-tag stateline-tag--${o.tone}">${o.label}</span> Checked ${when(c.checkedAt)} for ${c.buyer.firstName} ${c.buyer.lastName}, credential ${c.credentialNumber}.</p>
    ${reviewPanel(req, c, eff, st)}
    ${answer(shown, findings)}
    ${sold ? html`<p>Sale <a href="/ammunition/sales/${sold.id}">${sold.number}</a> was recorded against this check.</p>` : ""}
    ${eff.outcome === "approved" && !sold && eff.validOn !== ctx.today ? html`<p>This check allowed a sale on ${eff.validOn}; a check is good for that day only. <a href="/ammunition/check">Run a new check</a>.</p>` : ""}
    ${
      canRecord
        ? html`<form class="usa-form usa-form--large stateline-wide-form" method="post" action="/ammunition/checks/${c.id}/sale" novalidate>
      <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Record the sale</legend>
        <p class="usa-hint">The lines the check approved. Lower a quantity if the buyer takes less; set it to 0 to leave a line out. A quantity cannot be raised above what was approved.</p>
        ${errorSummary(
          e,
          Object.fromEntries(
            c.lines.flatMap((l, i) => [
              [`quantity-${i}`, `Line ${i + 1} quantity`],
              [`brand-${i}`, `Line ${i + 1} brand`],
            ]),
          ),
        )}
        ${csrfField(req)}
        ${c.lines.map(
          (l, i) => html`<fieldset class="usa-fieldset margin-top-2">
          <legend class="usa-legend">Line ${i + 1}: ${TYPE_LABELS[l.type]}, ${l.caliber}${l.capacity ? `, ${l.capacity} rounds` : ""}</legend>
          ${textField({ name: `brand-${i}`, label: "Brand", value: v[`brand-${i}`] ?? l.brand ?? "", error: e[`brand-${i}`], required: true, width: "lg" })}
          ${textField({ name: `quantity-${i}`, label: `Quantity (${unitOf(l.type)}, at most ${l.quantity})`, value: v[`quantity-${i}`] ?? String(l.quantity), error: e[`quantity-${i}`], required: true, width: "sm", inputmode: "numeric" })}
        </fieldset>`,
        )}
        <button class="usa-button margin-top-2" type="submit">Record sale</button>
      </fieldset>
    </form>`
        : ""
    }
    <h2>Purchase checked</h2>
    ${lineTable(c.lines, "Lines checked")}
    <h2>Every finding</h2>
    ${findingItems(findings)}
    <p><a class="usa-button usa-button--outline" href="/ammunition/check">Check another buyer</a> <a href="/ammunition/sales">Sales</a></p>`,
    { status: st.status, flash: st.flash },
  );
}

function lineTable(
  lines: readonly {
    type: PurchaseType;
    caliber: string;
    brand: string | null;
    quantity: number;
    capacity?: number | null | undefined;
  }[],
  caption: string,
): Html {
  return html`<table class="usa-table usa-table--borderless" id="lines">
    <caption>${caption}</caption>
    <thead><tr><th scope="col">Type</th><th scope="col">Caliber</th><th scope="col">Brand</th><th scope="col">Quantity</th></tr></thead>
    <tbody>${lines.map((l) => html`<tr><th scope="row">${CLASS_LABELS[l.type]}</th><td>${l.caliber}${l.capacity ? `, ${l.capacity}-round magazine` : ""}</td><td>${l.brand ?? ""}</td><td>${l.quantity} ${unitOf(l.type)}</td></tr>`)}</tbody>
  </table>`;
}

// ---------------------------------------------------------------- sales

async function salePage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User) {
  const ctx = makeCtx(req);
  const seller = await sellerOf(ctx, user);
  const s = await findSale(ctx.db, idParam(req, "sale"));
  if (!s || s.dealerId !== seller.id) throw notFound("ammunition sale");
  const done = queryParam(req, "done");
  const flash =
    done === "recorded"
      ? { text: `Sale ${s.number} was recorded.`, type: "success" as const }
      : done === "already"
        ? {
            text: `Sale ${s.number} was already recorded against this check; nothing was recorded twice.`,
            type: "info" as const,
          }
        : undefined;
  return sendPage(
    reply,
    req,
    `Ammunition sale ${s.number}`,
    html`<h1>Ammunition sale ${s.number}</h1>
    ${summaryList([
      ["Sold on", s.soldOn],
      ["Recorded", when(s.recordedAt)],
      ["Seller", `${s.dealerName}, ${s.town}`],
      [
        "Credential",
        `${CREDENTIAL_KINDS[s.credentialKind] ?? s.credentialKind} ${maskCredentialNumber(s.credentialNumber)}`,
      ],
      ["Total", `${s.totalRounds} rounds, ${s.totalMagazines} magazines`],
    ])}
    ${lineTable(s.lines, "What was sold")}
    <p><a class="usa-button" href="/ammunition/check">Check the next buyer</a> <a href="/ammunition/sales">All sales</a></p>`,
    { flash },
  );
}

async function salesPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User) {
  const ctx = makeCtx(req);
  const seller = await sellerOf(ctx, user);
  const errors: FormErrors = {};
  const fromRaw = queryParam(req, "from"),
    toRaw = queryParam(req, "to");
  const from = fromRaw && isPlainDate(fromRaw) ? (fromRaw as PlainDate) : undefined;
  const to = toRaw && isPlainDate(toRaw) ? (toRaw as PlainDate) : undefined;
  if (fromRaw && !from) errors.from = "Write the date YYYY-MM-DD";
  if (toRaw && !to) errors.to = "Write the date YYYY-MM-DD";
  if (from && to && from > to) errors.from = "The first day must be on or before the last";
  const r = Object.keys(errors).length
    ? { total: 0, items: [] as Sale[] }
    : await listSalesFor(ctx, { from, to, limit: 100, offset: 0 });
  return sendPage(
    reply,
    req,
    "Ammunition sales",
    html`<h1>Ammunition sales of ${seller.name}</h1>
    <p class="usa-intro">Your own sales, newest first (a year back unless you choose dates). Buyers' names are not shown; credential numbers are shortened.</p>
    <form class="usa-form stateline-filter" method="get" action="/ammunition/sales" novalidate>
      ${dateField({ name: "from", label: "From", value: fromRaw, error: errors.from })}
      ${dateField({ name: "to", label: "To", value: toRaw, error: errors.to })}
      <button class="usa-button usa-button--outline" type="submit">Show</button>
    </form>
    ${
      r.items.length
        ? html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--striped" id="sales">
      <caption>${r.total} sale${r.total === 1 ? "" : "s"}${r.total > r.items.length ? `, the newest ${r.items.length} shown` : ""}</caption>
      <thead><tr><th scope="col">Number</th><th scope="col">Sold on</th><th scope="col">Credential</th><th scope="col">What</th><th scope="col">Rounds</th><th scope="col">Magazines</th></tr></thead>
      <tbody>${r.items.map(
        (s) => html`<tr><th scope="row"><a href="/ammunition/sales/${s.id}">${s.number}</a></th><td>${s.soldOn}</td>
        <td>${CREDENTIAL_KINDS[s.credentialKind] ?? s.credentialKind} ${maskCredentialNumber(s.credentialNumber)}</td>
        <td>${s.lines.map((l, i) => html`${i ? "; " : ""}${l.quantity} ${CLASS_LABELS[l.type]} (${l.caliber}, ${l.brand})`)}</td>
        <td>${s.totalRounds}</td><td>${s.totalMagazines}</td></tr>`,
      )}</tbody>
    </table></div>`
        : html`<p>No sales in this period.</p>`
    }
    <p><a class="usa-button" href="/ammunition/check">Check a buyer</a></p>`,
    { status: Object.keys(errors).length ? 400 : 200 },
  );
}

// ---------------------------------------------------------------- routes

export function registerAmmunitionPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  registerCheckReviewPages(app, makeCtx, (req, reply, user, st) => checkResultPage(req, reply, makeCtx, user, st));
  app.get(
    "/ammunition/check",
    signedIn((req, reply, user) => checkPage(req, reply, makeCtx, user)),
  );

  app.post(
    "/ammunition/check",
    signedIn(async (req, reply, user) => {
      const ctx = makeCtx(req);
      await sellerOf(ctx, user);
      const { values, errors, input } = parseCheck(formBody(req));
      if (!input) return checkPage(req, reply, makeCtx, user, { values, errors, status: 400 });
      try {
        const r = await runCheck(ctx, input);
        return reply.redirect(`/ammunition/checks/${r.check.id}`, 303);
      } catch (e) {
        if (isFormError(e)) {
          return checkPage(req, reply, makeCtx, user, {
            values,
            status: statusOf(e),
            errors: errorsFrom(e, Object.keys(LABELS), {
              "buyer.firstName": "firstName",
              "buyer.lastName": "lastName",
              "buyer.birthDate": "birthDate",
              "buyer.credentialNumber": "credentialNumber",
              "buyer.photoId": "photoIdType",
              "buyer.exemption": "exemption",
            }),
          });
        }
        throw e;
      }
    }),
  );

  app.get(
    "/ammunition/checks/:id",
    signedIn((req, reply, user) => checkResultPage(req, reply, makeCtx, user)),
  );

  app.post(
    "/ammunition/checks/:id/sale",
    signedIn(async (req, reply, user) => {
      const ctx = makeCtx(req);
      const seller = await sellerOf(ctx, user);
      if (!ammunitionPolicy.recordSale(user)) throw forbidden();
      const c = await findCheck(ctx.db, idParam(req, "check"));
      if (!c || c.dealerId !== seller.id) throw notFound("ammunition check");
      // Sent twice (a double click, a reload): the check allows one sale, so show the one recorded.
      const already = await findSaleOfCheck(ctx.db, c.id);
      if (already) return reply.redirect(`/ammunition/sales/${already.id}?done=already`, 303);
      const b = formBody(req);
      const values: Values = {};
      const errors: FormErrors = {};
      const lines: {
        type: PurchaseType;
        caliber: string;
        brand: string;
        quantity: number;
        capacity?: number | null | undefined;
      }[] = [];
      const index: number[] = [];
      c.lines.forEach((l, i) => {
        const q = (values[`quantity-${i}`] = (b[`quantity-${i}`] ?? "").trim());
        const brand = (values[`brand-${i}`] = (b[`brand-${i}`] ?? "").trim());
        const n = /^\d{1,6}$/.test(q) ? Number(q) : NaN;
        if (Number.isNaN(n)) {
          errors[`quantity-${i}`] = `Enter a whole number from 0 to ${l.quantity}`;
          return;
        }
        if (n > l.quantity) {
          errors[`quantity-${i}`] = `At most ${l.quantity} ${unitOf(l.type)}: the check approved no more`;
          return;
        }
        if (n === 0) return;
        if (!brand || brand.length > 80) {
          errors[`brand-${i}`] = "Enter the brand (up to 80 characters)";
          return;
        }
        lines.push({
          type: l.type,
          caliber: l.caliber,
          brand,
          quantity: n,
          ...(l.type === "magazine" ? { capacity: l.capacity } : {}),
        });
        index.push(i);
      });
      if (!Object.keys(errors).length && !lines.length)
        errors["quantity-0"] = "Sell at least one line: every quantity is 0";
      if (Object.keys(errors).length)
        return checkResultPage(req, reply, makeCtx, user, { values, errors, status: 400 });
      try {
        const s = await recordSale(ctx, { checkId: c.id, lines });
        return reply.redirect(`/ammunition/sales/${s.id}?done=recorded`, 303);
      } catch (e) {
        if (isFormError(e)) {
          // Service fields name the lines it was given ("lines.0.quantity"): map them back to the check's rows.
          const alias = Object.fromEntries(
            index.flatMap((row, k) => [
              [`lines.${k}.quantity`, `quantity-${row}`],
              [`lines.${k}.brand`, `brand-${row}`],
            ]),
          );
          const errs = errorsFrom(e, [], alias);
          delete errs[""]; // said in the message above the page
          return checkResultPage(req, reply, makeCtx, user, {
            values,
            errors: errs,
            status: statusOf(e),
            flash: { text: `Not recorded: ${e.message}`, type: "error" },
          });
        }
        throw e;
      }
    }),
  );

  app.get(
    "/ammunition/sales",
    signedIn((req, reply, user) => salesPage(req, reply, makeCtx, user)),
  );

  app.get(
    "/ammunition/sales/:id",
    signedIn((req, reply, user) => salePage(req, reply, makeCtx, user)),
  );
}
