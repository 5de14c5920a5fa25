/**
 * * The dealer portal (firearm dealers' staff): the shop with its staff
 * (/dealer), a sale authorization (/dealer/sales/new) answered at once
 * (authorized with the state's number, denied with findings, citations and
 * how to appeal, or delayed with the NICS transaction number and the date the
 * dealer may proceed), one sale with its receipt or transfer form and history
 * (/dealer/sales/:id) with Proceed and Cancel, and the shop's own sales
 * (/dealer/sales). A dealer sees only its own shop's sales.
 *
 * The rendering pieces for one sale are exported for the licensing staff's
 * sale pages (leads.ts).
 *
 * Licensing staff: every sale, one sale, cancel. (was in leads pages)
 *
 * Investigators' pages (law enforcement and licensing staff): suspicious
 * purchase leads (/leads) with their reasons, one lead with its evidence
 * (/leads/:id), dismissing it with a reason or opening a case, and the case
 * (/cases/:id). Every read of leads gives a purpose, which is audited: the
 * purpose is asked on the page and carried from the list to each lead.
 *
 * Licensing staff also see every firearm sale (/staff/sales, with filters)
 * and one sale in full with its reports (/staff/sales/:id, an audited read
 * for "licensing review"), and may cancel one not yet delivered.
 */
import { statusOf } from "../../http/errors.ts";
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type Ctx } from "../../context.ts";
import { AppError, forbidden } from "../../lib/errors.ts";
import { renderFormPdf } from "../notices/index.ts";
import { parseWith, runIdempotent } from "../../http/route.ts";
import { type User } from "../auth/index.ts";
import {
  addDealerStaff,
  dealerPolicy,
  findStaffMembership,
  getActingDealer,
  listDealerStaff,
  type Dealer,
  getDealer,
  listDealers,
} from "../dealers/index.ts";
import { DEALER_KINDS, STATE_KINDS, type SaleKind, type SaleStatus } from "./evaluate.ts";
import { NCIC_CALIBERS, NCIC_MAKES, NCIC_TYPES, makeName, typeOf } from "./ncic.ts";
import { salesPolicy } from "./policy.ts";
import { presentDecision } from "./present.ts";
import {
  findDecision,
  findRecord,
  getNicsCheck,
  getSale,
  listSales,
  saleHistory,
  type NicsCheck,
  type Sale,
  type SaleDecision,
  saleReports,
} from "./queries.ts";
import { SaleBody, StateSaleBody } from "./routes.ts";
import {
  actingDealerId,
  appealsFor,
  cancelSale,
  NEXT,
  proceedSale,
  requestSale,
  requestStateAuthorization,
  type SaleRequest,
  NEXT as SALE_NEXT,
} from "./service.ts";
import {
  html,
  type Html,
  csrfField,
  checkDate,
  dateField,
  errorsFrom,
  errorSummary,
  formBody,
  idParam,
  isFormError,
  queryParam,
  radioGroup,
  requiredNote,
  selectField,
  sendPage,
  signedIn,
  summaryList,
  textareaField,
  textField,
  townOptions,
  when,
  type Flash,
  type FormErrors,
  findingTitle,
  postedPurpose,
  recallPurpose,
  rememberPurpose,
  sendPurposeGate,
  tryListFilters,
} from "../../web/kit.ts";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { auditRead, auditRefusedRead } from "../audit/index.ts";
import { purposeLine } from "../../lib/purpose.ts";
import { DateFilter, EnumFilter, TextFilter, blank, checkRange, listQuery, pageWindow } from "../../lib/paging.ts";
import { correctionPanel, registerSaleReviewPages } from "./review-pages.ts";
import { serialWarnings } from "./serial-warning.ts";

type MakeCtx = (req: FastifyRequest) => Ctx;

// ---------------------------------------------------------------- words

export const KIND_LABELS: Record<SaleKind, string> = {
  "retail-long-gun": "Retail sale of a long gun",
  "retail-handgun": "Retail sale of a handgun",
  "private-long-gun-via-dealer": "Private sale of a long gun, checked through this shop",
  "private-handgun-via-dealer": "Private sale of a handgun, through this shop",
  "private-long-gun-via-state": "Private sale of a long gun, authorized by the state",
  "private-handgun-via-state": "Private sale of a handgun, authorized by the state",
};

const KIND_HINTS: Partial<Record<SaleKind, string>> = {
  "retail-long-gun":
    "The shop sells from its own stock. The buyer shows a long gun eligibility certificate, handgun eligibility certificate or state handgun permit.",
  "retail-handgun":
    "The shop sells from its own stock. The buyer shows a handgun eligibility certificate or state handgun permit.",
  "private-long-gun-via-dealer":
    "Two private parties; this shop runs the NICS check (from 1 January 2014). The buyer's sex and race are needed for the check. Never proceeds on a Delayed check.",
  "private-handgun-via-dealer": "Two private parties; this shop processes the transfer.",
};

export const SALE_STATUS_LABELS: Record<SaleStatus, string> = {
  delayed: "Delayed",
  authorized: "Authorized",
  proceeded: "Authorized (proceeded)",
  denied: "Denied",
  "denied-after-transfer": "Denied after transfer",
  cancelled: "Cancelled",
};
const SALE_STATUS_TONE: Record<SaleStatus, string> = {
  delayed: "warn",
  authorized: "good",
  proceeded: "good",
  denied: "bad",
  "denied-after-transfer": "bad",
  cancelled: "neutral",
};
export const SALE_STATUSES = Object.keys(SALE_STATUS_LABELS) as SaleStatus[];

export function saleStatusTag(s: SaleStatus): Html {
  return html`<span class="usa-tag stateline-tag stateline-tag--${SALE_STATUS_TONE[s] ?? "neutral"}">${SALE_STATUS_LABELS[s] ?? s}</span>`;
}

const DELAY_TEXT: Record<string, string> = {
  "nics-delayed": "NICS answered Delayed: the FBI needs more time to look at the buyer's records.",
  "nics-unavailable":
    "NICS could not be reached. The check is queued under Stateline's reference and is sent again automatically when NICS answers.",
  "needs-review":
    "Some facts are not known (for example, the credential shown does not match the state's record). Licensing staff must review the sale; it cannot proceed until they have.",
  "waiting-period": "A waiting period applies before the transfer.",
};

const ID_TYPES = [
  { value: "drivers-license", label: "Driver's license" },
  { value: "state-id", label: "State identity card" },
  { value: "passport", label: "Passport" },
  { value: "military-id", label: "Military identification" },
] as const;
const SEXES = [
  { value: "M", label: "Male (M)" },
  { value: "F", label: "Female (F)" },
  { value: "X", label: "Not specified (X)" },
  { value: "U", label: "Unknown (U)" },
];
const RACES = [
  { value: "A", label: "Asian or Pacific Islander (A)" },
  { value: "B", label: "Black (B)" },
  { value: "I", label: "American Indian or Alaskan Native (I)" },
  { value: "W", label: "White (W)" },
  { value: "U", label: "Unknown (U)" },
];
const OFFICERS = [
  { value: "federal-marshal", label: "Federal marshal" },
  { value: "parole-officer", label: "Parole officer" },
  { value: "peace-officer", label: "Peace officer" },
];
const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

const MAKE_OPTIONS = Object.entries(NCIC_MAKES).map(([code, name]) => ({ value: code, label: `${code}: ${name}` }));
const TYPE_OPTIONS = Object.entries(NCIC_TYPES)
  .filter(([, t]) => t.class !== "other" && !t.automatic)
  .map(([code, t]) => ({
    value: code,
    label: `${code}: ${t.name}${t.class === "handgun" ? " (handgun)" : " (long gun)"}`,
  }));
const CALIBER_OPTIONS = Object.entries(NCIC_CALIBERS).map(([code, name]) => ({
  value: code,
  label: `${code}: ${name}`,
}));

const RECORD_FORMS: Record<string, string> = {
  "long-gun-receipt": "Long gun receipt",
  "private-transfer-form": "Private transfer form",
  "handgun-transfer-record": "Handgun transfer record",
};
const RECORD_HEADS: Record<string, string> = {
  buyer: "Buyer",
  transferee: "Transferee",
  transferor: "Transferor",
  firearm: "Firearm",
  nics: "NICS",
};
const ACTION_LABELS: Record<string, string> = {
  request: "Requested",
  "nics-answer": "NICS answered",
  "nics-resubmit": "NICS check sent again",
  proceed: "Proceeded",
  cancel: "Cancelled",
  "nics-denied-after-transfer": "NICS denied after transfer",
  reassess: "Decided again",
  "nics-details-purged": "NICS details removed",
  "review-authorize": "Reviewed by licensing staff: buyer confirmed",
  "review-deny": "Denied by licensing staff on review",
  "review-return": "Sent back to the seller to re-check",
  correct: "Corrected by the seller",
};

function recordFieldLabel(path: string): string {
  if (path === "transferDate") return "Transfer date";
  if (path === "authorizationNumber") return "State authorization number";
  const [head, field] = path.split(".") as [string, string | undefined];
  const words = (field ?? "").replace(/([A-Z])/g, " $1").toLowerCase();
  return `${RECORD_HEADS[head] ?? head}: ${words}`;
}

const fullName = (b: { firstName: string; middleName?: string | null; lastName: string }) =>
  [b.firstName, b.middleName, b.lastName].filter(Boolean).join(" ");
const addressOf = (a: { street: string; town: string; state: string; zip: string | null }) =>
  `${a.street}, ${a.town}, ${a.state}${a.zip ? ` ${a.zip}` : ""}`;
export const firearmLine = (s: Sale) =>
  `${makeName(s.firearm.make) ?? s.firearm.make} ${s.firearm.model}, serial ${s.firearm.serialNumber}`;

/**
 * A finding's title: its rule's, or the nearest rule it belongs to (findings
 * such as "sales.long-gun.buyer-may-possess" or "policy.ammunition-limit.rounds.rolling-30-days"
 * are parts of a rule).
 */
// ---------------------------------------------------------------- access

function requireDealer(user: User): void {
  if (!salesPolicy.listOwn(user)) throw forbidden("only a firearm dealer's staff use the dealer portal");
}

/** The shop the signed-in dealer acts for (403 when the login is attached to none, or to a seller that is not an active firearm dealer). */
async function shopOf(ctx: Ctx, user: User): Promise<Dealer> {
  requireDealer(user);
  return getActingDealer(ctx, "firearm-dealer");
}

/** A sale of this dealer's own shop; another shop's sale is refused. */
async function ownSale(req: FastifyRequest, makeCtx: MakeCtx, user: User): Promise<Sale> {
  requireDealer(user);
  const ctx = makeCtx(req);
  const dealerId = await actingDealerId(ctx);
  const s = await getSale(ctx.db, idParam(req, "sale"));
  if (!salesPolicy.view(user, s, dealerId)) throw forbidden("this sale belongs to another shop");
  return s;
}

// ---------------------------------------------------------------- shared sale views (dealer and staff)

/** The answer at the top of a sale's page: authorized, denied, delayed or cancelled, with what the dealer needs. */
export function answerPanel(s: Sale, nics: NicsCheck, d: SaleDecision | null, today: string): Html {
  const ref = nics.transactionNumber ?? nics.statelineReference;
  if (s.status === "authorized" || s.status === "proceeded") {
    return html`<div class="usa-alert usa-alert--success" id="answer"><div class="usa-alert__body">
      <h2 class="usa-alert__heading">Authorized</h2>
      <p class="usa-alert__text">State authorization number: <strong id="authorization-number">${s.authorizationNumber}</strong>, issued ${s.authorizedOn}.
        ${s.status === "proceeded" ? "Authorized when the dealer proceeded after NICS left the check Delayed for three business days." : "NICS answered Proceed."}
        ${ref ? html`NICS transaction number: <strong>${ref}</strong>.` : ""}</p>
      <p class="usa-alert__text">Write the authorization number on the ${s.firearmClass === "handgun" ? "transfer record" : "receipt"}; the firearm may be delivered.</p>
    </div></div>`;
  }
  if (s.status === "denied" || s.status === "denied-after-transfer") {
    const findings = d?.findings ?? [];
    const notMet = presentDecision(d, "dealer")?.findings.filter((f) => f.status === "not-met") ?? [];
    // "The state has not issued its number" only restates the denial; the other findings are the reasons.
    const reasons = notMet.filter((f) => !/despp-authorization$/.test(f.id));
    const shown = reasons.length ? reasons : notMet;
    const appeals = appealsFor(findings, nics.status === "denied");
    return html`<div class="usa-alert usa-alert--error" id="answer"><div class="usa-alert__body">
      <h2 class="usa-alert__heading">${s.status === "denied" ? "Denied" : "Denied after transfer"}</h2>
      <p class="usa-alert__text">${s.status === "denied" ? "Do not transfer the firearm." : "NICS denied the buyer after the firearm was delivered on the three-business-day rule. The state and the local police have been told, for its retrieval."}
        ${ref ? html`NICS transaction number: <strong>${ref}</strong>.` : ""}</p>
      ${nics.status === "denied" ? html`<p class="usa-alert__text" id="nics-denied">NICS answered Denied: federal law bars the transfer to this buyer.</p>` : ""}
      ${shown.length ? html`<p class="usa-alert__text">Why:</p><ul class="usa-list">${shown.map((f) => html`<li>${f.because} (<cite>${f.citation}</cite>)${f.remedy ? html`. ${f.remedy}` : ""}</li>`)}</ul>` : ""}
      <p class="usa-alert__text">The buyer is sent the reasons in writing. How the buyer may appeal:</p>
      <ul class="usa-list" id="appeal">${appeals.map((a) => html`<li><strong>${a.to}</strong>: ${a.how} (<cite>${a.citation}</cite>)</li>`)}</ul>
    </div></div>`;
  }
  if (s.status === "delayed") {
    const canProceedNow =
      s.route !== "private-dealer-nics" &&
      s.delayReason !== "needs-review" &&
      s.mayProceedOn !== null &&
      today >= s.mayProceedOn;
    return html`<div class="usa-alert usa-alert--warning" id="answer"><div class="usa-alert__body">
      <h2 class="usa-alert__heading">Delayed</h2>
      <p class="usa-alert__text">${DELAY_TEXT[s.delayReason ?? ""] ?? "The sale is waiting."} Do not transfer the firearm yet.</p>
      ${ref ? html`<p class="usa-alert__text">${nics.transactionNumber ? "NICS transaction number" : "Stateline reference (NICS not reached yet)"}: <strong id="nics-reference">${ref}</strong></p>` : ""}
      ${
        s.route === "private-dealer-nics"
          ? html`<p class="usa-alert__text">A private long gun sale through a dealer needs a NICS check that shows the buyer eligible; the three-business-day rule does not apply to it (PA 13-3 § 1, CGS § 29-37a). You will be told when NICS answers.</p>`
          : s.mayProceedOn
            ? html`<p class="usa-alert__text" id="may-proceed">If NICS has not answered, you may proceed from <strong>${s.mayProceedOn}</strong> (three business days after the check began end on ${s.proceedAfter}; 18 U.S.C. § 922(t)(1)(B)(ii)).${canProceedNow ? " That day has come." : ""}</p>`
            : ""
      }
    </div></div>`;
  }
  return html`<div class="usa-alert usa-alert--info" id="answer"><div class="usa-alert__body">
    <h2 class="usa-alert__heading">Cancelled</h2>
    <p class="usa-alert__text">The sale was cancelled on ${s.cancelledOn}${s.authorizationNumber ? html`; authorization number ${s.authorizationNumber} is void` : ""}. Do not transfer the firearm.</p>
  </div></div>`;
}

/** The buyer, the private seller and the firearm. */
export function saleDetails(s: Sale, extra: readonly (readonly [string, Html | string | null])[] = []): Html {
  return html`<div class="grid-row grid-gap">
    <div class="tablet:grid-col-6">
      <h2>Sale</h2>
      ${summaryList([["Number", s.number], ["Kind", KIND_LABELS[s.kind]], ["Sale date", s.saleOn], ["Requested", when(s.requestedAt)], ...extra])}
      <h2>Buyer</h2>
      ${summaryList([
        ["Name", fullName(s.buyer)],
        ["Date of birth", s.buyer.birthDate],
        ["Place of birth", s.buyer.birthPlace],
        ["Address", addressOf(s.buyer)],
        ["Credential shown", s.buyer.credentialNumber],
        [
          "Identification",
          `${ID_TYPES.find((t) => t.value === s.buyer.idDocument.type)?.label ?? s.buyer.idDocument.type} ${s.buyer.idDocument.number}, issued by ${s.buyer.idDocument.issuer}`,
        ],
      ])}
    </div>
    <div class="tablet:grid-col-6">
      ${
        s.seller
          ? html`<h2>Private seller</h2>${summaryList([
              ["Name", s.seller.name],
              ["Address", addressOf(s.seller)],
              ["Credential", s.seller.credentialNumber],
            ])}`
          : ""
      }
      <h2>Firearm</h2>
      ${summaryList([
        ["Make", `${s.firearm.make}: ${makeName(s.firearm.make) ?? ""}`],
        ["Model", s.firearm.model],
        ["Serial number", s.firearm.serialNumber],
        ["Type", `${s.firearm.type}: ${typeOf(s.firearm.type)?.name ?? ""}`],
        ["Caliber", `${s.firearm.caliber}: ${NCIC_CALIBERS[s.firearm.caliber] ?? ""}`],
        ["Description", s.firearm.description],
      ])}
    </div>
  </div>`;
}

/** The rules that decided the sale, as the audience may see them. */
export function saleFindings(d: SaleDecision | null, audience: "dealer" | "staff"): Html {
  const p = presentDecision(d, audience);
  if (!p) return html`<p>No decision is stored yet.</p>`;
  const label: Record<string, string> = {
    met: "Met",
    "not-met": "Not met",
    unknown: "Unknown",
    "not-applicable": "Not applicable",
  };
  const tone: Record<string, string> = { met: "good", "not-met": "bad", unknown: "warn", "not-applicable": "neutral" };
  return html`<p class="usa-hint">Decided on ${p.decidedOn} under rulebook ${p.rulebookVersion}.</p>
    <ul class="usa-list usa-list--unstyled stateline-findings">
    ${p.findings.map(
      (f) => html`<li class="stateline-finding stateline-finding--${f.status}">
      <span class="usa-tag stateline-tag stateline-tag--${tone[f.status] ?? "neutral"}">${label[f.status] ?? f.status}</span> <h3 class="margin-y-05 font-sans-sm">${findingTitle(f.id)}</h3>
      <p class="margin-y-05">${f.because}</p>
      <p class="margin-y-05 font-sans-2xs">Citation: <cite>${f.citation}</cite></p>
      ${"missing" in f && Array.isArray(f.missing) && f.missing.length ? html`<p class="margin-y-05 font-sans-2xs">Missing facts: ${f.missing.map((m, i) => html`${i ? ", " : ""}<code>${m}</code>`)}</p>` : ""}
      ${f.remedy ? html`<p class="margin-y-05 font-sans-2xs">What would change this: ${f.remedy}</p>` : ""}
    </li>`,
    )}
  </ul>`;
}

/** The receipt or transfer form as written when the sale was authorized. */
export function recordTable(r: Awaited<ReturnType<typeof findRecord>>, pdfHref?: string): Html {
  if (!r) return html`<p>No receipt or transfer form yet: it is written when the sale is authorized.</p>`;
  return html`<table class="usa-table usa-table--borderless" id="record">
    <caption>${RECORD_FORMS[r.form] ?? r.form}, completed ${r.completedOn}</caption>
    <thead><tr><th scope="col">Field</th><th scope="col">Value</th></tr></thead>
    <tbody>${r.requiredFields.map((f) => html`<tr><th scope="row">${recordFieldLabel(f)}</th><td>${r.fields[f] ?? "(none)"}</td></tr>`)}</tbody>
  </table>
  ${pdfHref ? html`<p><a class="usa-button usa-button--outline" href="${pdfHref}" download>Download the ${(RECORD_FORMS[r.form] ?? r.form).toLowerCase()} (PDF) to print</a></p>` : ""}`;
}

/** The receipt or transfer record as a PDF, grouped by who or what each field describes. */
export async function recordPdf(
  r: NonNullable<Awaited<ReturnType<typeof findRecord>>>,
  reference: string,
): Promise<Buffer> {
  const sections = new Map<string, [string, string][]>();
  for (const f of r.requiredFields) {
    const head = f.includes(".") ? (RECORD_HEADS[f.split(".")[0]!] ?? "Sale") : "Sale";
    const label = recordFieldLabel(f).replace(/^[^:]+: /, "");
    const rows = sections.get(head) ?? [];
    rows.push([label.charAt(0).toUpperCase() + label.slice(1), r.fields[f] ?? "(none)"]);
    sections.set(head, rows);
  }
  return renderFormPdf({
    title: RECORD_FORMS[r.form] ?? r.form,
    reference,
    date: r.completedOn,
    subtitle:
      r.form === "handgun-transfer-record"
        ? "Record of the sale, delivery or transfer of a pistol or revolver (CGS § 29-33, PA 13-3)"
        : "Receipt for the sale, delivery or transfer of a long gun (CGS § 29-37a, PA 13-3 §§ 1-2)",
    sections: [...sections].map(([heading, rows]) => ({ heading, rows })),
    notes: ["Keep this record for at least 20 years (CGS § 29-37a). The state and the local police receive a copy."],
  });
}

export function historyTable(h: Awaited<ReturnType<typeof saleHistory>>, opts: { actors?: boolean } = {}): Html {
  return html`<table class="usa-table usa-table--borderless" id="history">
    <caption>Everything that happened to this sale, oldest first</caption>
    <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Status</th><th scope="col">Note</th>${opts.actors ? html`<th scope="col">By</th>` : ""}</tr></thead>
    <tbody>${h.map(
      (x) => html`<tr><td>${when(x.at)}</td><th scope="row">${ACTION_LABELS[x.action] ?? x.action}</th>
      <td>${x.fromStatus && x.fromStatus !== x.toStatus ? html`${SALE_STATUS_LABELS[x.fromStatus as SaleStatus] ?? x.fromStatus} to ` : ""}${SALE_STATUS_LABELS[x.toStatus as SaleStatus] ?? x.toStatus}</td>
      <td>${x.note ?? ""}</td>${opts.actors ? html`<td>${x.actor ?? "Stateline"}</td>` : ""}</tr>`,
    )}</tbody>
  </table>`;
}

/** The cancel form (dealers and staff). */
export function cancelForm(req: FastifyRequest, action: string, errors: FormErrors, reason: string | undefined): Html {
  return html`<form class="usa-form" method="post" action="${action}" novalidate>
    <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Cancel the sale</legend>
      ${csrfField(req)}
      <p class="usa-hint">Before delivery only. An authorization number becomes void.</p>
      ${textareaField({ name: "reason", label: "Why is the sale cancelled?", value: reason, error: errors.reason, required: true, rows: 2 })}
      <button class="usa-button usa-button--secondary" type="submit">Cancel sale</button>
    </fieldset>
  </form>`;
}

// ---------------------------------------------------------------- /dealer

interface StaffValues {
  username?: string;
  displayName?: string;
  position?: string;
}

async function homePage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  st: { values?: StaffValues; errors?: FormErrors; status?: number; flash?: Flash } = {},
) {
  const ctx = makeCtx(req);
  const shop = await shopOf(ctx, user);
  const me = await findStaffMembership(ctx.db, user.id);
  const manages = dealerPolicy.manageOwnStaff(user, me, shop.id);
  const [staff, recent] = await Promise.all([
    manages ? listDealerStaff(ctx.db, shop.id) : Promise.resolve([]),
    listSales(ctx.db, { dealerId: shop.id, limit: 10, offset: 0 }),
  ]);
  const errors = st.errors ?? {};
  const v = st.values ?? {};
  const added = queryParam(req, "added");
  const flash =
    st.flash ??
    (added
      ? {
          text: `The login ${added} was added. Give the password to the clerk in person; they should change it.`,
          type: "success" as const,
        }
      : undefined);
  return sendPage(
    reply,
    req,
    shop.name,
    html`<h1>${shop.name}</h1>
    ${summaryList([
      ["Federal firearms licence", shop.fflNumber],
      ["State permit", shop.statePermitNumber],
      ["Premises", `${shop.street}, ${shop.town}${shop.zip ? ` ${shop.zip}` : ""}`],
      ["Your position", me?.position ? me.position[0]!.toUpperCase() + me.position.slice(1) : null],
    ])}
    <p>
      <a class="usa-button" href="/dealer/sales/new">New sale authorization</a>
      <a class="usa-button usa-button--outline" href="/dealer/sales">All sales</a>
      <a class="usa-button usa-button--outline" href="/ammunition/check">Ammunition check</a>
      <a class="usa-button usa-button--outline" href="/verify">Verify a buyer</a>
    </p>
    <h2>Recent sales</h2>
    ${recent.items.length ? salesTable(recent.items, `The shop's 10 most recent sales (${recent.total} in all)`) : html`<p>No sales yet.</p>`}
    ${
      manages
        ? html`<h2>Staff</h2>
      <table class="usa-table usa-table--borderless">
        <caption>People who act for ${shop.name}</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Username</th><th scope="col">Position</th></tr></thead>
        <tbody>${staff.map((s) => html`<tr><th scope="row">${s.displayName}</th><td>${s.username}</td><td>${s.position}</td></tr>`)}</tbody>
      </table>
      <form class="usa-form usa-form--large" method="post" action="/dealer/staff" novalidate>
        <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Add a clerk or manager</legend>
          ${requiredNote}
          ${errorSummary(errors, { username: "Username", displayName: "Name", password: "Password", position: "Position" })}
          ${csrfField(req)}
          ${textField({ name: "displayName", label: "Name", value: v.displayName, error: errors.displayName, required: true, autocomplete: "off" })}
          ${textField({ name: "username", label: "Username", value: v.username, error: errors.username, required: true, autocomplete: "off", hint: "3 to 64 lowercase letters, digits or . _ @ -" })}
          ${textField({ name: "password", label: "Temporary password", type: "password", error: errors.password, required: true, autocomplete: "new-password", hint: "At least 12 characters" })}
          ${selectField({
            name: "position",
            label: "Position",
            value: v.position ?? "clerk",
            error: errors.position,
            required: true,
            options: [
              { value: "clerk", label: "Clerk" },
              { value: "manager", label: "Manager" },
            ],
          })}
          <button class="usa-button" type="submit">Add login</button>
        </fieldset>
      </form>`
        : ""
    }`,
    { status: st.status, flash },
  );
}

export function salesTable(
  items: readonly (Sale & { nicsTransactionNumber?: string | null; dealerName?: string | null })[],
  caption: string,
  opts: { href?: (s: Sale) => string; dealer?: boolean } = {},
): Html {
  const href = opts.href ?? ((s: Sale) => `/dealer/sales/${s.id}`);
  return html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--striped usa-table--compact" id="sales">
    <caption>${caption}</caption>
    <thead><tr><th scope="col">Number</th><th scope="col">Date</th>${opts.dealer ? html`<th scope="col">Dealer</th>` : ""}<th scope="col">Kind</th><th scope="col">Buyer</th><th scope="col">Firearm</th><th scope="col">Status</th><th scope="col">Authorization or NICS reference</th></tr></thead>
    <tbody>${items.map(
      (s) => html`<tr>
      <th scope="row" class="text-no-wrap"><a href="${href(s)}">${s.number}</a></th><td class="text-no-wrap">${s.saleOn}</td>${opts.dealer ? html`<td>${s.dealerName ?? "State route"}</td>` : ""}<td>${KIND_LABELS[s.kind]}</td>
      <td>${s.buyer.lastName}, ${s.buyer.firstName}</td><td>${firearmLine(s)}</td><td>${saleStatusTag(s.status)}</td>
      <td>${s.authorizationNumber ?? s.nicsTransactionNumber ?? ""}</td></tr>`,
    )}</tbody>
  </table></div>`;
}

// ---------------------------------------------------------------- /dealer/sales/new

type Values = Record<string, string>;

/** Form field → the request's path (so the API's own validation names the form's fields). */
const PATHS: Record<string, string> = {
  kind: "kind",
  saleDate: "saleDate",
  buyerFirstName: "buyer.firstName",
  buyerMiddleName: "buyer.middleName",
  buyerLastName: "buyer.lastName",
  buyerBirthDate: "buyer.birthDate",
  buyerBirthPlace: "buyer.birthPlace",
  buyerStreet: "buyer.street",
  buyerTown: "buyer.town",
  buyerState: "buyer.state",
  buyerZip: "buyer.zip",
  buyerSex: "buyer.sex",
  buyerRace: "buyer.race",
  buyerOfficer: "buyer.officer",
  buyerCredentialNumber: "buyer.credentialNumber",
  idType: "buyer.idDocument.type",
  idNumber: "buyer.idDocument.number",
  idIssuer: "buyer.idDocument.issuer",
  sellerName: "seller.name",
  sellerStreet: "seller.street",
  sellerTown: "seller.town",
  sellerState: "seller.state",
  sellerZip: "seller.zip",
  sellerCredentialNumber: "seller.credentialNumber",
  make: "firearm.make",
  model: "firearm.model",
  serialNumber: "firearm.serialNumber",
  caliber: "firearm.caliber",
  type: "firearm.type",
  description: "firearm.description",
  semiautomatic: "firearm.semiautomatic",
  centerfire: "firearm.centerfire",
  magazineOverFive: "firearm.acceptsMagazineOverFiveRounds",
  antique: "firearm.antique",
};
const ALIAS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(PATHS).map(([k, v]) => [v, k])),
  seller: "sellerName",
  "buyer.idDocument": "idType",
  firearm: "type",
};

const LABELS: Record<string, string> = {
  kind: "Kind of sale",
  saleDate: "Sale date",
  buyerFirstName: "Buyer's first name",
  buyerMiddleName: "Buyer's middle name",
  buyerLastName: "Buyer's last name",
  buyerBirthDate: "Buyer's date of birth",
  buyerBirthPlace: "Buyer's place of birth",
  buyerStreet: "Buyer's street address",
  buyerTown: "Buyer's town or city",
  buyerState: "Buyer's state",
  buyerZip: "Buyer's ZIP code",
  buyerSex: "Buyer's sex",
  buyerRace: "Buyer's race",
  buyerOfficer: "Officer exception",
  buyerCredentialNumber: "Credential number",
  idType: "Identification type",
  idNumber: "Identification number",
  idIssuer: "Issued by",
  sellerName: "Seller's name",
  sellerStreet: "Seller's street address",
  sellerTown: "Seller's town or city",
  sellerState: "Seller's state",
  sellerZip: "Seller's ZIP code",
  sellerCredentialNumber: "Seller's credential number",
  make: "Make (NCIC MAK)",
  model: "Model",
  serialNumber: "Serial number",
  caliber: "Caliber (NCIC CAL)",
  type: "Type (NCIC TYP)",
  description: "Description",
  semiautomatic: "Semi-automatic",
  centerfire: "Centerfire",
  magazineOverFive: "Accepts a magazine of more than five rounds",
  antique: "Antique",
};

async function newSalePage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  st: { values?: Values; errors?: FormErrors; status?: number } = {},
  mode: "dealer" | "state" = "dealer",
) {
  const ctx = makeCtx(req);
  // Licensing staff process private sales through the state's own route with the same form (issue 9).
  if (mode === "state" && !salesPolicy.stateAuthorization(user))
    throw forbidden("only licensing staff process private sales through the state");
  const shop = mode === "state" ? null : await shopOf(ctx, user);
  if (mode === "dealer" && !salesPolicy.request(user)) throw forbidden();
  const kinds: readonly SaleKind[] = mode === "state" ? STATE_KINDS : DEALER_KINDS;
  const v: Values = { buyerState: "CT", sellerState: "CT", idIssuer: "CT DMV", ...(st.values ?? {}) };
  const e = st.errors ?? {};
  const t = (
    name: string,
    o: {
      required?: boolean;
      hint?: string;
      width?: "sm" | "md" | "lg" | "xl" | "2xl";
      autocomplete?: string;
      inputmode?: string;
    } = {},
  ) =>
    textField({
      name,
      label: LABELS[name]!,
      value: v[name],
      error: e[name],
      autocomplete: o.autocomplete ?? "off",
      ...o,
    });
  const sel = (
    name: string,
    options: readonly { value: string; label: string }[],
    o: { required?: boolean; hint?: string; empty?: string } = {},
  ) =>
    selectField({
      name,
      label: LABELS[name]!,
      value: v[name] ?? "",
      error: e[name],
      options,
      empty: o.empty ?? "- Select -",
      ...(o.required ? { required: true } : {}),
      ...(o.hint ? { hint: o.hint } : {}),
    });
  const title = mode === "state" ? "Private sale through the state" : "New sale authorization";
  return sendPage(
    reply,
    req,
    title,
    html`<h1>${title}</h1>
    <p class="usa-intro">${shop ? shop.name : "The state (DESPP), for two private parties without a dealer,"} asks the state to authorize a firearm transfer. The buyer's credential is checked against the state's record (number, last name and date of birth), the law is applied, and NICS is asked. The answer comes at once: authorized, denied or delayed.</p>
    <form class="usa-form usa-form--large stateline-wide-form" method="post" action="${mode === "state" ? "/staff/sales/private" : "/dealer/sales"}" novalidate>
      ${requiredNote}
      ${errorSummary(e, LABELS, { kind: "kind-0" })}
      ${csrfField(req)}
      <input type="hidden" name="_submission" value="${v._submission ?? randomUUID()}">
      ${radioGroup({ name: "kind", label: LABELS.kind!, required: true, tile: true, value: v.kind, error: e.kind, options: kinds.map((k) => ({ value: k, label: KIND_LABELS[k], description: KIND_HINTS[k] })) })}
      ${dateField({ name: "saleDate", label: LABELS.saleDate!, value: v.saleDate, error: e.saleDate, hint: "Today unless the sale was made earlier. Written YYYY-MM-DD." })}

      <fieldset class="usa-fieldset margin-top-4">
        <legend class="usa-legend stateline-legend">Buyer</legend>
        ${t("buyerFirstName", { required: true })}
        ${t("buyerMiddleName")}
        ${t("buyerLastName", { required: true })}
        ${dateField({ name: "buyerBirthDate", label: LABELS.buyerBirthDate!, value: v.buyerBirthDate, error: e.buyerBirthDate, required: true })}
        ${t("buyerBirthPlace", { required: true, hint: "Town or city, and state or country, for example New Haven, CT" })}
        ${t("buyerStreet", { required: true })}
        ${t("buyerTown", { required: true, hint: "For a Connecticut address, one of the 169 towns" })}
        ${t("buyerState", { required: true, width: "sm", hint: "Two letters" })}
        ${t("buyerZip", { width: "md", inputmode: "numeric", hint: "Five digits" })}
        ${sel("buyerSex", SEXES, { empty: "- Not given -", hint: "Required for a private long gun sale (NICS identifiers, PA 13-3 § 1)" })}
        ${sel("buyerRace", RACES, { empty: "- Not given -", hint: "Required for a private long gun sale (NICS identifiers, PA 13-3 § 1)" })}
        ${sel("buyerOfficer", OFFICERS, { empty: "- None claimed -", hint: "Only when the buyer claims this exception from the credential requirement" })}
        ${t("buyerCredentialNumber", { required: true, width: "md", hint: "The permit or certificate shown, as printed, for example LE-1000001" })}
        ${sel("idType", ID_TYPES, { required: true })}
        ${t("idNumber", { required: true, width: "lg" })}
        ${t("idIssuer", { required: true, hint: "For example CT DMV, or the country of a passport" })}
      </fieldset>

      <fieldset class="usa-fieldset margin-top-4">
        <legend class="usa-legend stateline-legend">Private seller (private sales only)</legend>
        <p class="usa-hint" id="seller-hint">Fill in for a private sale; left out of a retail sale (the shop is the seller).</p>
        ${t("sellerName", { hint: "Required for a private sale" })}
        ${t("sellerStreet")}
        ${t("sellerTown")}
        ${t("sellerState", { width: "sm", hint: "Two letters" })}
        ${t("sellerZip", { width: "md", inputmode: "numeric" })}
        ${t("sellerCredentialNumber", { width: "md", hint: "The seller's permit or certificate, if any" })}
      </fieldset>

      <fieldset class="usa-fieldset margin-top-4">
        <legend class="usa-legend stateline-legend">Firearm</legend>
        ${sel("make", MAKE_OPTIONS, { required: true, hint: "ZZZ when the make is not listed: then describe it below" })}
        ${t("model", { required: true })}
        ${t("serialNumber", { required: true, width: "lg", hint: "Letters, digits and hyphens" })}
        ${sel("type", TYPE_OPTIONS, { required: true, hint: "A pistol code (P…) for a handgun; a rifle, shotgun or combination code for a long gun" })}
        ${sel("caliber", CALIBER_OPTIONS, { required: true })}
        ${textareaField({ name: "description", label: LABELS.description!, value: v.description, error: e.description, rows: 2, hint: "General description; required when the make is ZZZ" })}
        ${sel("semiautomatic", YES_NO, { empty: "- Not known -", hint: "When the type code does not say (for example RC, carbine)" })}
        ${sel("centerfire", YES_NO, { empty: "- Not known -" })}
        ${sel("magazineOverFive", YES_NO, { empty: "- Not known -" })}
        ${sel("antique", YES_NO, { empty: "- Not known -" })}
      </fieldset>
      <button class="usa-button margin-top-4" type="submit">Request authorization</button>
    </form>`,
    { status: st.status },
  );
}

/** Builds the request from the form; the page's own checks first (named in words), then the API's schema. */
async function parseSaleForm(
  ctx: Ctx,
  b: Record<string, string>,
  mode: "dealer" | "state" = "dealer",
): Promise<{ values: Values; errors: FormErrors; input?: SaleRequest }> {
  const values: Values = {};
  for (const k of Object.keys(PATHS)) values[k] = (b[k] ?? "").trim();
  const errors: FormErrors = {};
  const kind = (mode === "state" ? STATE_KINDS : DEALER_KINDS).find((k) => k === values.kind);
  if (!kind) errors.kind = "Choose the kind of sale";
  const privateSale = kind?.startsWith("private-") ?? false;
  const need = (k: string, msg: string) => {
    if (!values[k]) errors[k] = msg;
  };
  need("buyerFirstName", "Enter the buyer's first name");
  need("buyerLastName", "Enter the buyer's last name");
  need("buyerBirthPlace", "Enter the buyer's place of birth");
  need("buyerStreet", "Enter the buyer's street address");
  need("buyerTown", "Enter the buyer's town or city");
  need("buyerState", "Enter the buyer's state (two letters)");
  need("buyerCredentialNumber", "Enter the number of the permit or certificate the buyer shows");
  need("idType", "Choose the type of identification shown");
  need("idNumber", "Enter the number of the identification shown");
  need("idIssuer", "Enter who issued the identification");
  need("make", "Choose the make");
  need("model", "Enter the model");
  need("serialNumber", "Enter the serial number");
  need("type", "Choose the type");
  need("caliber", "Choose the caliber");
  checkDate(errors, "buyerBirthDate", values.buyerBirthDate!, "buyer's date of birth", { required: true });
  const saleDate = checkDate(errors, "saleDate", values.saleDate!, "sale date");
  if (saleDate && saleDate > ctx.today) errors.saleDate = "The sale date cannot be in the future";
  if (privateSale) {
    need("sellerName", "Enter the private seller's name");
    need("sellerStreet", "Enter the private seller's street address");
    need("sellerTown", "Enter the private seller's town or city");
    need("sellerState", "Enter the private seller's state (two letters)");
  }
  if (kind === "private-long-gun-via-dealer") {
    need("buyerSex", "Choose the buyer's sex: the NICS check of a private long gun sale needs it (PA 13-3 § 1)");
    need("buyerRace", "Choose the buyer's race: the NICS check of a private long gun sale needs it (PA 13-3 § 1)");
  }
  if (values.make === "ZZZ") need("description", "Describe the make: the make code is ZZZ (not listed)");
  if (Object.keys(errors).length) return { values, errors };

  // Connecticut towns in their own spelling, whatever the case typed.
  const towns = await townOptions(ctx.db);
  const canon = (t: string) => towns.find((x) => x.value.toLowerCase() === t.toLowerCase())?.value ?? t;
  const opt = (k: string) => (values[k] ? values[k] : undefined);
  const yn = (k: string) => (values[k] === "yes" ? true : values[k] === "no" ? false : undefined);
  const state = (k: string) => values[k]!.toUpperCase();
  const body = {
    kind,
    ...(saleDate ? { saleDate } : {}),
    buyer: {
      firstName: values.buyerFirstName,
      ...(opt("buyerMiddleName") ? { middleName: values.buyerMiddleName } : {}),
      lastName: values.buyerLastName,
      birthDate: values.buyerBirthDate,
      birthPlace: values.buyerBirthPlace,
      street: values.buyerStreet,
      town: state("buyerState") === "CT" ? canon(values.buyerTown!) : values.buyerTown,
      state: state("buyerState"),
      ...(opt("buyerZip") ? { zip: values.buyerZip } : {}),
      ...(opt("buyerSex") ? { sex: values.buyerSex } : {}),
      ...(opt("buyerRace") ? { race: values.buyerRace } : {}),
      ...(opt("buyerOfficer") ? { officer: values.buyerOfficer } : {}),
      credentialNumber: values.buyerCredentialNumber,
      idDocument: { type: values.idType, number: values.idNumber, issuer: values.idIssuer },
    },
    ...(privateSale
      ? {
          seller: {
            name: values.sellerName,
            street: values.sellerStreet,
            town: state("sellerState") === "CT" ? canon(values.sellerTown!) : values.sellerTown,
            state: state("sellerState"),
            ...(opt("sellerZip") ? { zip: values.sellerZip } : {}),
            ...(opt("sellerCredentialNumber") ? { credentialNumber: values.sellerCredentialNumber } : {}),
          },
        }
      : {}),
    firearm: {
      make: values.make,
      model: values.model,
      serialNumber: values.serialNumber,
      caliber: values.caliber,
      type: values.type,
      ...(opt("description") ? { description: values.description } : {}),
      ...(yn("semiautomatic") !== undefined ? { semiautomatic: yn("semiautomatic") } : {}),
      ...(yn("centerfire") !== undefined ? { centerfire: yn("centerfire") } : {}),
      ...(yn("magazineOverFive") !== undefined ? { acceptsMagazineOverFiveRounds: yn("magazineOverFive") } : {}),
      ...(yn("antique") !== undefined ? { antique: yn("antique") } : {}),
    },
  };
  try {
    if (mode === "state")
      return {
        values,
        errors,
        input: parseWith(
          StateSaleBody,
          { ...body, kind: kind === "private-long-gun-via-state" ? "private-long-gun" : "private-handgun" },
          "body",
        ) as unknown as SaleRequest,
      };
    return { values, errors, input: parseWith(SaleBody, body, "body") as SaleRequest };
  } catch (e) {
    if (e instanceof AppError) return { values, errors: errorsFrom(e, Object.keys(PATHS), ALIAS) };
    throw e;
  }
}

// ---------------------------------------------------------------- /dealer/sales/:id

async function salePage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  st: { errors?: FormErrors; reason?: string; flash?: Flash; status?: number; values?: Record<string, string> } = {},
) {
  const s = await ownSale(req, makeCtx, user);
  const ctx = makeCtx(req);
  const [nics, decision, record, history] = await Promise.all([
    getNicsCheck(ctx.db, s.id),
    findDecision(ctx.db, s.latestDecisionId),
    findRecord(ctx.db, s.id),
    saleHistory(ctx.db, s.id),
  ]);
  const done = queryParam(req, "done");
  const flash =
    st.flash ??
    (done === "requested"
      ? { text: `Sale ${s.number} was sent to the state. The answer is below.`, type: "info" as const }
      : done === "proceeded"
        ? { text: `You proceeded with sale ${s.number}; the state's answer is below.`, type: "success" as const }
        : done === "cancelled"
          ? { text: `Sale ${s.number} was cancelled.`, type: "info" as const }
          : done === "corrected"
            ? {
                text: `Your correction to sale ${s.number} was sent; the state's answer is below.`,
                type: "info" as const,
              }
            : undefined);
  const next = NEXT[s.status];
  const proceedable =
    next.includes("proceed") &&
    s.route !== "private-dealer-nics" &&
    s.delayReason !== "needs-review" &&
    s.mayProceedOn !== null;
  const proceedOpen = proceedable && ctx.today >= s.mayProceedOn!;
  return sendPage(
    reply,
    req,
    `Sale ${s.number}`,
    html`<h1>Sale ${s.number}</h1>
    <p>${saleStatusTag(s.status)} ${KIND_LABELS[s.kind]}</p>
    ${answerPanel(s, nics, decision, ctx.today)}
    ${(await serialWarnings(ctx.db, s)).map((w) => html`<div class="usa-alert usa-alert--warning usa-alert--slim serial-warning"><div class="usa-alert__body"><p class="usa-alert__text"><strong>Check the serial number.</strong> ${w.message}</p></div></div>`)}
    ${await correctionPanel(ctx, req, s, { errors: st.reason === undefined ? (st.errors ?? {}) : {}, values: st.values ?? {} })}
    ${
      next.includes("proceed") || next.includes("cancel")
        ? html`<h2>Actions</h2>
      <div class="grid-row grid-gap">
        ${
          proceedOpen
            ? html`<div class="tablet:grid-col-6"><form class="usa-form" method="post" action="/dealer/sales/${s.id}/proceed">
          <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Proceed with the sale</legend>
          ${csrfField(req)}
          <p id="proceed-hint">Three business days have passed since the NICS check began. NICS is asked once more first; if it has answered, its answer decides the sale. Otherwise the state authorizes the transfer if every state requirement is met.</p>
          <button class="usa-button" type="submit" aria-describedby="proceed-hint">Proceed</button>
          </fieldset>
        </form></div>`
            : proceedable
              ? html`<div class="tablet:grid-col-6"><p id="proceed-hint">You may proceed from ${s.mayProceedOn} if NICS has not answered by then.</p></div>`
              : ""
        }
        ${next.includes("cancel") ? html`<div class="tablet:grid-col-6">${cancelForm(req, `/dealer/sales/${s.id}/cancel`, st.errors ?? {}, st.reason)}</div>` : ""}
      </div>`
        : ""
    }
    ${saleDetails(s)}
    <h2>${s.firearmClass === "handgun" ? "Transfer record" : s.route === "private-dealer-nics" ? "Transfer form" : "Receipt"}</h2>
    ${recordTable(record, `/dealer/sales/${s.id}/record.pdf`)}
    <h2>The rules that decided it</h2>
    <p class="usa-hint">A finding about the buyer's records is shown by its rule and citation only; the buyer is told the reasons in writing.</p>
    ${saleFindings(decision, "dealer")}
    <h2>History</h2>
    ${historyTable(history)}
    <p><a href="/dealer/sales">All sales</a> · <a href="/dealer/sales/new">New sale authorization</a></p>`,
    { flash, status: st.status },
  );
}

// ---------------------------------------------------------------- /dealer/sales

const PAGE_SIZE = 50;

async function listPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User) {
  const ctx = makeCtx(req);
  const shop = await shopOf(ctx, user);
  const raw = queryParam(req, "status");
  const status = SALE_STATUSES.find((s) => s === raw);
  const pageNo = Math.max(1, Math.min(100_000, Number.parseInt(queryParam(req, "page") || "1", 10) || 1));
  const { items, total } = await listSales(ctx.db, {
    dealerId: shop.id,
    status,
    limit: PAGE_SIZE,
    offset: (pageNo - 1) * PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(Number(total) / PAGE_SIZE));
  const link = (p: number) =>
    `/dealer/sales?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;
  return sendPage(
    reply,
    req,
    "Sales",
    html`<h1>Sales of ${shop.name}</h1>
    <p><a class="usa-button" href="/dealer/sales/new">New sale authorization</a></p>
    <form class="usa-form stateline-filter" method="get" action="/dealer/sales">
      ${selectField({ name: "status", label: "Show sales that are", value: status ?? "", empty: "Any status", options: SALE_STATUSES.map((s) => ({ value: s, label: SALE_STATUS_LABELS[s] })) })}
      <button class="usa-button usa-button--outline" type="submit">Filter</button>
    </form>
    ${items.length ? salesTable(items, `${status ? `${SALE_STATUS_LABELS[status]} sales` : "Sales"}, newest first: ${total} in all${pages > 1 ? `, page ${pageNo} of ${pages}` : ""}`) : html`<p>No ${status ? SALE_STATUS_LABELS[status].toLowerCase() : ""} sales.</p>`}
    ${
      pages > 1
        ? html`<nav aria-label="Sales pages" class="margin-y-2">
      ${pageNo > 1 ? html`<a class="usa-button usa-button--outline" href="${link(pageNo - 1)}">Previous page</a>` : ""}
      ${pageNo < pages ? html`<a class="usa-button usa-button--outline" href="${link(pageNo + 1)}">Next page</a>` : ""}
    </nav>`
        : ""
    }`,
  );
}

// ---------------------------------------------------------------- routes

export function registerDealerPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  registerSaleReviewPages(app, makeCtx, (req, reply, user, st) => salePage(req, reply, makeCtx, user, st));
  app.get(
    "/dealer",
    signedIn((req, reply, user) => homePage(req, reply, makeCtx, user)),
  );

  app.post(
    "/dealer/staff",
    signedIn(async (req, reply, user) => {
      const ctx = makeCtx(req);
      const shop = await shopOf(ctx, user);
      if (!dealerPolicy.manageOwnStaff(user, await findStaffMembership(ctx.db, user.id), shop.id))
        throw forbidden("only the shop's owner or a manager adds staff");
      const b = formBody(req);
      const values: StaffValues = {
        username: (b.username ?? "").trim().toLowerCase(),
        displayName: (b.displayName ?? "").trim(),
        position: b.position ?? "",
      };
      const password = b.password ?? "";
      const errors: FormErrors = {};
      if (!values.displayName || values.displayName.length > 100)
        errors.displayName = "Enter the person's name (up to 100 characters)";
      if (!/^[a-z0-9._@-]{3,64}$/.test(values.username!))
        errors.username = "Choose a username of 3 to 64 lowercase letters, digits or . _ @ -";
      if (password.length < 12 || password.length > 200)
        errors.password = "Choose a temporary password of at least 12 characters";
      if (values.position !== "clerk" && values.position !== "manager") errors.position = "Choose clerk or manager";
      if (Object.keys(errors).length) return homePage(req, reply, makeCtx, user, { values, errors, status: 400 });
      try {
        await addDealerStaff(ctx, shop.id, {
          username: values.username!,
          displayName: values.displayName!,
          password,
          position: values.position as "clerk" | "manager",
        });
      } catch (e) {
        if (isFormError(e))
          return homePage(req, reply, makeCtx, user, {
            values,
            errors: errorsFrom(e, ["username", "displayName", "password", "position"]),
            status: statusOf(e),
          });
        throw e;
      }
      return reply.redirect(`/dealer?${new URLSearchParams({ added: values.username! })}`, 303);
    }),
  );

  app.get(
    "/dealer/sales",
    signedIn((req, reply, user) => listPage(req, reply, makeCtx, user)),
  );

  app.get(
    "/dealer/sales/new",
    signedIn((req, reply, user) => newSalePage(req, reply, makeCtx, user)),
  );

  app.post(
    "/dealer/sales",
    signedIn(async (req, reply, user) => {
      const ctx = makeCtx(req);
      await shopOf(ctx, user);
      const { values, errors, input } = await parseSaleForm(ctx, formBody(req));
      if (!input) return newSalePage(req, reply, makeCtx, user, { values, errors, status: 400 });
      try {
        // A one-time token in the form makes a double click or a resubmitted page store one sale, not two.
        const token = formBody(req)._submission;
        const o =
          typeof token === "string" && /^[0-9a-f-]{36}$/.test(token)
            ? ((await runIdempotent(ctx, user, "POST /dealer/sales", token, input, (c) => requestSale(c, input), 201))
                .response as { sale: { id: string } })
            : await requestSale(ctx, input);
        return reply.redirect(`/dealer/sales/${o.sale.id}?done=requested`, 303);
      } catch (e) {
        if (isFormError(e))
          return newSalePage(req, reply, makeCtx, user, {
            values,
            errors: errorsFrom(e, Object.keys(PATHS), ALIAS),
            status: statusOf(e),
          });
        throw e;
      }
    }),
  );

  app.get(
    "/dealer/sales/:id",
    signedIn((req, reply, user) => salePage(req, reply, makeCtx, user)),
  );

  app.get(
    "/dealer/sales/:id/record.pdf",
    signedIn(async (req, reply, user) => {
      const s = await ownSale(req, makeCtx, user);
      const r = await findRecord(makeCtx(req).db, s.id);
      if (!r)
        throw new AppError("not_found", "no receipt or transfer record yet: it is written when the sale is authorized");
      const pdf = await recordPdf(r, s.authorizationNumber ?? s.number);
      return reply
        .type("application/pdf")
        .header("Content-Disposition", `attachment; filename="${r.form}-${s.number}.pdf"`)
        .header("Cache-Control", "no-store")
        .send(pdf);
    }),
  );

  app.post(
    "/dealer/sales/:id/proceed",
    signedIn(async (req, reply, user) => {
      const s = await ownSale(req, makeCtx, user);
      try {
        await proceedSale(makeCtx(req), s.id);
      } catch (e) {
        if (isFormError(e))
          return salePage(req, reply, makeCtx, user, {
            flash: { text: `Not proceeded: ${e.message}`, type: "error" },
            status: statusOf(e),
          });
        throw e;
      }
      return reply.redirect(`/dealer/sales/${s.id}?done=proceeded`, 303);
    }),
  );

  app.post(
    "/dealer/sales/:id/cancel",
    signedIn(async (req, reply, user) => {
      const s = await ownSale(req, makeCtx, user);
      const reason = (formBody(req).reason ?? "").trim();
      if (reason.length < 3 || reason.length > 1000)
        return salePage(req, reply, makeCtx, user, {
          errors: { reason: "Say why the sale is cancelled (3 to 1,000 characters)" },
          reason,
          status: 400,
        });
      try {
        await cancelSale(makeCtx(req), s.id, reason);
      } catch (e) {
        if (isFormError(e) && e.code === "conflict")
          return salePage(req, reply, makeCtx, user, {
            flash: { text: `Not cancelled: ${e.message}`, type: "error" },
            status: statusOf(e),
          });
        if (isFormError(e))
          return salePage(req, reply, makeCtx, user, {
            errors: errorsFrom(e, ["reason"]),
            reason,
            status: statusOf(e),
          });
        throw e;
      }
      return reply.redirect(`/dealer/sales/${s.id}?done=cancelled`, 303);
    }),
  );
}

// ---------------------------------------------------------------- /staff/sales

function requireSalesStaff(user: User): void {
  if (!salesPolicy.listAll(user)) throw forbidden("only licensing staff see every sale");
}

const StaffSalesQuery = listQuery({
  status: EnumFilter(SALE_STATUSES as unknown as readonly [SaleStatus, ...SaleStatus[]]),
  from: DateFilter,
  to: DateFilter,
  serialNumber: TextFilter(40),
  dealerId: blank(z.uuid({ message: "must be a dealer from the list" })),
}).superRefine((v, c) => checkRange(v, c));

async function staffSalesPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User) {
  const ctx = makeCtx(req);
  if (!salesPolicy.listAll(user))
    throw await auditRefusedRead(
      ctx,
      { action: "sale.list", entityType: "sales" },
      "only licensing staff see every sale",
    );
  // Buyers' names and firearms: asked why first, in a posted form (issue 8, finding 5).
  const purpose = recallPurpose(req, "sales:all");
  if (!purpose)
    return sendPurposeGate(reply, req, {
      title: "Firearm sales",
      action: req.url,
      intro:
        "Every sale carries its buyer's name and firearm. Say why you need them; the purpose is recorded with each view.",
    });
  // Filters from the query string (src/lib/paging.ts): a bad value is a 400 naming the field.
  const parsed = tryListFilters(req, StaffSalesQuery);
  const errors: FormErrors = parsed.errors ?? {};
  const f = parsed.filters ?? { page: 1 };
  const { status, from, to, page: pageNo } = f;
  const fromRaw = errors.from ? queryParam(req, "from") : (from ?? ""),
    toRaw = errors.to ? queryParam(req, "to") : (to ?? ""),
    serial = errors.serialNumber ? queryParam(req, "serialNumber") : (f.serialNumber ?? "");
  const dealers = await listDealers(ctx.db, { kind: "firearm-dealer", limit: 500, offset: 0 });
  const dealerId = f.dealerId;
  const r = parsed.errors
    ? { items: [], total: 0 }
    : await listSales(ctx.db, {
        status,
        from,
        to,
        serialNumber: serial || undefined,
        dealerId,
        ...pageWindow(pageNo, PAGE_SIZE),
      });
  await ctx.db.tx((q) =>
    auditRead(q, ctx, purpose, {
      action: "sale.list",
      entityType: "sales",
      personIds: r.items.map((x) => x.buyer.personId),
      details: { shown: r.items.length, page: pageNo },
    }),
  );
  const pages = Math.max(1, Math.ceil(Number(r.total) / PAGE_SIZE));
  const filters = {
    ...(status ? { status } : {}),
    ...(fromRaw ? { from: fromRaw } : {}),
    ...(toRaw ? { to: toRaw } : {}),
    ...(serial ? { serialNumber: serial } : {}),
    ...(dealerId ? { dealerId } : {}),
  };
  const link = (p: number) => `/staff/sales?${new URLSearchParams({ ...filters, page: String(p) })}`;
  return sendPage(
    reply,
    req,
    "Firearm sales",
    html`${errorSummary(errors, { status: "Status", dealerId: "Dealer", from: "Sold from", to: "Sold to", serialNumber: "Serial number", page: "Page", purpose: "Purpose" })}<h1>Firearm sales</h1>
    <form class="usa-form stateline-filter" method="get" action="/staff/sales" novalidate>
      ${selectField({ name: "status", label: "Status", value: status ?? "", error: errors.status, empty: "Any status", options: SALE_STATUSES.map((s) => ({ value: s, label: SALE_STATUS_LABELS[s] })) })}
      ${selectField({ name: "dealerId", label: "Dealer", value: dealerId ?? "", error: errors.dealerId, empty: "Any dealer", options: dealers.map((d) => ({ value: d.id, label: `${d.name} (${d.town})` })) })}
      ${dateField({ name: "from", label: "Sold from", value: fromRaw, error: errors.from })}
      ${dateField({ name: "to", label: "Sold to", value: toRaw, error: errors.to })}
      ${textField({ name: "serialNumber", label: "Serial number", value: serial, error: errors.serialNumber, width: "md" })}
      <button class="usa-button usa-button--outline" type="submit">Filter</button>
    </form>
    ${r.items.length ? salesTable(r.items, `Sales, newest first: ${r.total} in all${pages > 1 ? `, page ${pageNo} of ${pages}` : ""}`, { href: (s) => `/staff/sales/${s.id}`, dealer: true }) : html`<p>No sales match.</p>`}
    ${
      pages > 1
        ? html`<nav aria-label="Sales pages" class="margin-y-2">
      ${pageNo > 1 ? html`<a class="usa-button usa-button--outline" href="${link(pageNo - 1)}">Previous page</a>` : ""}
      ${pageNo < pages ? html`<a class="usa-button usa-button--outline" href="${link(pageNo + 1)}">Next page</a>` : ""}
    </nav>`
        : ""
    }`,
    { status: Object.keys(errors).length ? 400 : 200 },
  );
}

const RECIPIENTS: Record<string, string> = { state: "The state", "local-police": "Local police" };

async function staffSalePage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  st: { errors?: FormErrors; reason?: string; flash?: Flash; status?: number } = {},
) {
  const ctx = makeCtx(req);
  const s = await getSale(ctx.db, idParam(req, "sale"));
  if (!salesPolicy.listAll(user) || !salesPolicy.view(user, s, null))
    throw await auditRefusedRead(ctx, {
      action: "sale.read",
      entityType: "sale",
      entityId: s.id,
      personIds: [s.buyer.personId],
    });
  const purpose = recallPurpose(req, `sale:${s.id}`);
  if (!purpose)
    return sendPurposeGate(reply, req, {
      title: `Sale ${s.number}`,
      action: req.method === "GET" ? req.url : `/staff/sales/${s.id}`,
      intro:
        "The sale carries the buyer's identity and records. Say why you need it; the purpose is recorded with each view.",
    });
  await ctx.db.tx((q) =>
    auditRead(q, ctx, purpose, {
      action: "sale.read",
      entityType: "sale",
      entityId: s.id,
      personIds: [s.buyer.personId],
    }),
  );
  const [nics, decision, record, history, reports, dealer] = await Promise.all([
    getNicsCheck(ctx.db, s.id),
    findDecision(ctx.db, s.latestDecisionId),
    findRecord(ctx.db, s.id),
    saleHistory(ctx.db, s.id),
    saleReports(ctx.db, s.id),
    s.dealerId ? getDealer(ctx.db, s.dealerId) : Promise.resolve(null),
  ]);
  const flash =
    st.flash ??
    (queryParam(req, "done") === "cancelled"
      ? { text: `Sale ${s.number} was cancelled.`, type: "info" as const }
      : undefined);
  return sendPage(
    reply,
    req,
    `Sale ${s.number}`,
    html`<h1>Sale ${s.number}</h1>
    <p>${saleStatusTag(s.status)} <span class="usa-hint">Opening this page is recorded in the audit trail (purpose: ${purposeLine(purpose)}).</span></p>
    ${answerPanel(s, nics, decision, ctx.today)}
    ${s.status === "delayed" && s.delayReason === "needs-review" && salesPolicy.review(user) ? html`<p><a class="usa-button" href="/staff/sales/${s.id}/review" id="review-link">Review this sale</a></p>` : ""}
    ${SALE_NEXT[s.status].includes("cancel") && salesPolicy.cancel(user, s, null) ? cancelForm(req, `/staff/sales/${s.id}/cancel`, st.errors ?? {}, st.reason) : ""}
    ${saleDetails(s, [
      [
        "Dealer",
        dealer ? `${dealer.name}, FFL ${dealer.fflNumber ?? "none"}, ${dealer.town}` : "None (the state's own route)",
      ],
      [
        "NICS check",
        `${nics.status}${nics.transactionNumber ? `, ${nics.transactionNumber}` : nics.statelineReference ? `, ${nics.statelineReference}` : ""}; ${nics.transactionType}; begun ${nics.initiatedOn}; ${nics.attempts} attempt${nics.attempts === 1 ? "" : "s"}${nics.purgedAt ? `; details removed ${when(nics.purgedAt)}` : ""}`,
      ],
      ["Buyer's sex and race (NCIC)", [s.buyer.sex, s.buyer.race].filter(Boolean).join(", ") || null],
    ])}
    <h2>${s.firearmClass === "handgun" ? "Transfer record" : s.route === "private-dealer-nics" ? "Transfer form" : "Receipt"}</h2>
    ${recordTable(record)}
    <h2>Copies sent</h2>
    ${
      reports.length
        ? html`<table class="usa-table usa-table--borderless" id="reports">
      <caption>Copies of the record to the state and the local police</caption>
      <thead><tr><th scope="col">To</th><th scope="col">Recipient</th><th scope="col">Why</th><th scope="col">Written</th><th scope="col">Sent</th></tr></thead>
      <tbody>${reports.map((x) => html`<tr><th scope="row">${RECIPIENTS[x.recipient] ?? x.recipient}</th><td>${x.recipientName}</td><td>${x.reason === "transfer" ? "Transfer" : "Denied after transfer: retrieval"}</td><td>${when(x.createdAt)}</td><td>${x.sentAt ? when(x.sentAt) : "Not yet"}</td></tr>`)}</tbody>
    </table>`
        : html`<p>None: copies are written when the sale is authorized.</p>`
    }
    <h2>Every finding</h2>
    ${saleFindings(decision, "staff")}
    <h2>History</h2>
    ${historyTable(history, { actors: true })}
    <p><a href="/staff/sales">All sales</a></p>`,
    { flash, status: st.status },
  );
}

// ---------------------------------------------------------------- routes

export function registerStaffSalePages(app: FastifyInstance, makeCtx: MakeCtx): void {
  // Private sales through the state's own route (no dealer): the dealer's form, with the state's kinds.
  app.get(
    "/staff/sales/private/new",
    signedIn((req, reply, user) => newSalePage(req, reply, makeCtx, user, {}, "state")),
  );
  app.post(
    "/staff/sales/private",
    signedIn(async (req, reply, user) => {
      if (!salesPolicy.stateAuthorization(user))
        throw forbidden("only licensing staff process private sales through the state");
      const ctx = makeCtx(req);
      const { values, errors, input } = await parseSaleForm(ctx, formBody(req), "state");
      if (!input) return newSalePage(req, reply, makeCtx, user, { values, errors, status: 400 }, "state");
      try {
        const run = (c: Ctx) => requestStateAuthorization(c, input as never);
        const token = formBody(req)._submission;
        const o =
          typeof token === "string" && /^[0-9a-f-]{36}$/.test(token)
            ? ((await runIdempotent(ctx, user, "POST /staff/sales/private", token, input, run, 201)).response as {
                sale: { id: string };
              })
            : await run(ctx);
        // The person who processed the sale sees it at once; the purpose is recorded with the view.
        rememberPurpose(req, `sale:${o.sale.id}`, {
          code: "licensing-review",
          text: "processing a private sale through the state's own route",
        });
        return reply.redirect(`/staff/sales/${o.sale.id}`, 303);
      } catch (e) {
        if (isFormError(e))
          return newSalePage(
            req,
            reply,
            makeCtx,
            user,
            { values, errors: errorsFrom(e, Object.keys(PATHS), ALIAS), status: statusOf(e) },
            "state",
          );
        throw e;
      }
    }),
  );
  app.get(
    "/staff/sales",
    signedIn((req, reply, user) => staffSalesPage(req, reply, makeCtx, user)),
  );

  app.get(
    "/staff/sales/:id",
    signedIn((req, reply, user) => staffSalePage(req, reply, makeCtx, user)),
  );

  // The purpose gates post here; a valid purpose is remembered for the record and the page shown (post, redirect, get).
  app.post(
    "/staff/sales",
    signedIn(async (req, reply, user) => {
      const p = postedPurpose(req, "sales:all");
      if (!p.purpose) {
        requireSalesStaff(user);
        return sendPurposeGate(reply, req, {
          title: "Firearm sales",
          action: "/staff/sales",
          intro: "Say why you need these records.",
          errors: p.errors,
          values: formBody(req),
        });
      }
      return reply.redirect(req.url, 303);
    }),
  );
  app.post(
    "/staff/sales/:id",
    signedIn(async (req, reply, user) => {
      const id = idParam(req, "sale");
      const p = postedPurpose(req, `sale:${id}`);
      if (!p.purpose) {
        requireSalesStaff(user);
        return sendPurposeGate(reply, req, {
          title: "Sale",
          action: `/staff/sales/${id}`,
          intro: "Say why you need this record.",
          errors: p.errors,
          values: formBody(req),
        });
      }
      return reply.redirect(req.url, 303);
    }),
  );

  app.post(
    "/staff/sales/:id/cancel",
    signedIn(async (req, reply, user) => {
      requireSalesStaff(user);
      const id = idParam(req, "sale");
      const reason = (formBody(req).reason ?? "").trim();
      if (reason.length < 3 || reason.length > 1000)
        return staffSalePage(req, reply, makeCtx, user, {
          errors: { reason: "Say why the sale is cancelled (3 to 1,000 characters)" },
          reason,
          status: 400,
        });
      try {
        await cancelSale(makeCtx(req), id, reason);
      } catch (e) {
        if (isFormError(e) && e.code === "conflict")
          return staffSalePage(req, reply, makeCtx, user, {
            flash: { text: `Not cancelled: ${e.message}`, type: "error" },
            status: statusOf(e),
          });
        if (isFormError(e))
          return staffSalePage(req, reply, makeCtx, user, {
            errors: errorsFrom(e, ["reason"]),
            reason,
            status: statusOf(e),
          });
        throw e;
      }
      return reply.redirect(`/staff/sales/${id}?done=cancelled`, 303);
    }),
  );
}
