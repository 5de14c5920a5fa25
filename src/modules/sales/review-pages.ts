/**
 * Pages for the review of sales waiting for licensing staff (review.ts):
 * - /staff/sales-review: the sales waiting for review (a purpose first, audited);
 * - /staff/sales/:id/review: the seller's entries beside the state's record,
 *   then authorize (confirm the credential), deny with a reason, or send back
 *   to the seller naming the kinds of entry to re-check;
 * - the dealer's sale page shows a send-back (`correctionPanel`) with a form
 *   for just those entries, posted to /dealer/sales/:id/correction.
 */
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type Ctx } from "../../context.ts";
import { statusOf } from "../../http/errors.ts";
import { purposeLine } from "../../lib/purpose.ts";
import { type User } from "../auth/index.ts";
import { auditRead, auditRefusedRead } from "../audit/index.ts";
import { getDealer } from "../dealers/index.ts";
import { salesPolicy } from "./policy.ts";
import { getSale, listSales, type Sale } from "./queries.ts";
import {
  RECHECK_KINDS,
  RECHECK_LABELS,
  authorizeReviewedSale,
  correctSale,
  denyReviewedSale,
  getSaleReview,
  openReturn,
  returnSaleToSeller,
  type CredentialRecord,
  type RecheckKind,
} from "./review.ts";
import {
  html,
  type Html,
  csrfField,
  errorsFrom,
  errorSummary,
  formBody,
  idParam,
  isFormError,
  postedPurpose,
  radioGroup,
  recallPurpose,
  sendPage,
  sendPurposeGate,
  signedIn,
  summaryList,
  textareaField,
  textField,
  dateField,
  checkboxField,
  when,
  type Flash,
  type FormErrors,
} from "../../web/kit.ts";
import { forbidden } from "../../lib/errors.ts";

type MakeCtx = (req: FastifyRequest) => Ctx;

const KIND_WORDS: Record<string, string> = {
  "long-gun-eligibility-certificate": "Long gun eligibility certificate",
  "handgun-eligibility-certificate": "Handgun eligibility certificate",
  "state-handgun-permit": "State handgun permit",
  "temporary-state-permit": "Temporary state permit",
  "ammunition-certificate": "Ammunition certificate",
};
const MISMATCH_WORDS: Record<RecheckKind, string> = {
  name: "Name",
  dateOfBirth: "Date of birth",
  credentialNumber: "Credential number",
};
const fullName = (p: { firstName: string; middleName?: string | null; lastName: string }) =>
  [p.firstName, p.middleName, p.lastName].filter(Boolean).join(" ");

// ---------------------------------------------------------------- staff: the queue

async function queuePage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User) {
  const ctx = makeCtx(req);
  if (!salesPolicy.review(user))
    throw await auditRefusedRead(
      ctx,
      { action: "sale.list", entityType: "sales" },
      "only licensing staff review sales",
    );
  const purpose = recallPurpose(req, "sales:all");
  if (!purpose)
    return sendPurposeGate(reply, req, {
      title: "Sales waiting for review",
      action: "/staff/sales-review",
      intro:
        "Each sale carries its buyer's name and firearm. Say why you need them; the purpose is recorded with each view.",
    });
  const r = await listSales(ctx.db, { status: "delayed", limit: 200, offset: 0 });
  const items = r.items.filter((s) => s.delayReason === "needs-review");
  const states = await Promise.all(
    items.map(async (s) => ((await openReturn(ctx.db, s.id)) ? "Sent back to the seller" : "Waiting for staff")),
  );
  await ctx.db.tx((q) =>
    auditRead(q, ctx, purpose, {
      action: "sale.list",
      entityType: "sales",
      personIds: items.map((x) => x.buyer.personId),
      details: { shown: items.length, review: true },
    }),
  );
  return sendPage(
    reply,
    req,
    "Sales waiting for review",
    html`<h1>Sales waiting for review</h1>
    <p>Sales the state cannot decide without a person: usually the credential shown does not match the state's record. Oldest first.</p>
    ${
      items.length
        ? html`<table class="usa-table usa-table--borderless usa-table--stacked" id="review-queue">
      <caption>${items.length} sale${items.length === 1 ? "" : "s"} waiting for review</caption>
      <thead><tr><th scope="col">Sale</th><th scope="col">Requested</th><th scope="col">Dealer</th><th scope="col">Buyer as entered</th><th scope="col">Where it stands</th></tr></thead>
      <tbody>${items
        .map((s, i) => ({ s, st: states[i]! }))
        .reverse()
        .map(
          ({ s, st }) => html`<tr>
        <th scope="row" data-label="Sale"><a href="/staff/sales/${s.id}/review">${s.number}</a></th>
        <td data-label="Requested">${when(s.requestedAt)}</td><td data-label="Dealer">${s.dealerName ?? "The state's own route"}</td>
        <td data-label="Buyer as entered">${fullName(s.buyer)}</td><td data-label="Where it stands">${st}</td></tr>`,
        )}</tbody>
    </table>`
        : html`<p id="review-queue-empty">No sale is waiting for review.</p>`
    }
    <p><a href="/staff/sales">All sales</a></p>`,
  );
}

// ---------------------------------------------------------------- staff: one review

function recordRows(c: CredentialRecord): [string, string][] {
  return [
    ["Holder", fullName(c)],
    ["Date of birth", c.birthDate],
    ["Credential number", c.number],
    ["Kind", KIND_WORDS[c.kind] ?? c.kind],
    ["Status", `${c.status}, ${c.issuedOn} to ${c.expiresOn}`],
  ];
}

interface ReviewForm {
  errors?: FormErrors;
  values?: Record<string, string>;
  flash?: Flash;
  status?: number;
}

async function reviewPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User, st: ReviewForm = {}) {
  const ctx = makeCtx(req);
  const id = idParam(req, "sale");
  const s = await getSale(ctx.db, id);
  if (!salesPolicy.review(user))
    throw await auditRefusedRead(
      ctx,
      { action: "sale.review.read", entityType: "sale", entityId: s.id, personIds: [s.buyer.personId] },
      "only licensing staff review sales",
    );
  const purpose = recallPurpose(req, `sale:${s.id}`);
  if (!purpose)
    return sendPurposeGate(reply, req, {
      title: `Review of sale ${s.number}`,
      action: `/staff/sales/${s.id}/review`,
      intro:
        "The review shows the buyer's entries beside the state's record. Say why you need it; the purpose is recorded with each view.",
    });
  const r = await getSaleReview(ctx, s.id, purpose);
  const dealer = s.dealerId ? await getDealer(ctx.db, s.dealerId) : null;
  const dealerName = dealer ? `${dealer.name}, ${dealer.town}` : "The state's own route";
  const errors = st.errors ?? {};
  const v = st.values ?? {};
  const choices = [...(r.byNumber ? [r.byNumber] : []), ...r.candidates];
  const open = r.next.length > 0;
  return sendPage(
    reply,
    req,
    `Review of sale ${s.number}`,
    html`${errorSummary(errors, { credentialId: "Credential", note: "How identity was confirmed", reason: "Reason", recheck: "Entries to re-check" })}
    <h1>Review of sale ${s.number}</h1>
    <p class="usa-hint">Opening this page is recorded in the audit trail (purpose: ${purposeLine(purpose)}). <a href="/staff/sales/${s.id}">The whole sale</a></p>
    <div class="usa-alert usa-alert--${open ? "warning" : "info"} usa-alert--slim" id="review-state"><div class="usa-alert__body"><p class="usa-alert__text">
      ${r.state === "awaiting-staff" ? "Waiting for licensing staff." : r.state === "awaiting-seller" ? html`Sent back to the seller on ${when(r.returned!.at)}: ${r.returned!.note}` : `Not waiting for review: the sale is ${s.status}${s.authorizationNumber ? ` (authorization ${s.authorizationNumber})` : ""}.`}
    </p></div></div>
    <div class="grid-row grid-gap">
      <div class="tablet:grid-col-6">
        <h2>What the seller entered</h2>
        ${summaryList([
          ["Name", r.entered.name],
          ["Date of birth", r.entered.birthDate],
          ["Credential number", r.entered.credentialNumber],
          ["Dealer", dealerName],
          [
            "Identification seen",
            `${s.buyer.idDocument.type} ${s.buyer.idDocument.number}, ${s.buyer.idDocument.issuer}`,
          ],
        ])}
      </div>
      <div class="tablet:grid-col-6">
        <h2>The state's record for that credential number</h2>
        ${r.byNumber ? summaryList(recordRows(r.byNumber)) : html`<p id="no-credential">No credential has the number ${r.entered.credentialNumber}.</p>`}
      </div>
    </div>
    <h2>What does not match</h2>
    ${r.mismatches.length ? html`<ul class="usa-list" id="mismatches">${r.mismatches.map((m) => html`<li>${MISMATCH_WORDS[m]}</li>`)}</ul>` : html`<p id="mismatches">The entries match the record; another fact is unknown (see the findings on <a href="/staff/sales/${s.id}">the whole sale</a>).</p>`}
    ${
      r.candidates.length
        ? html`<h2>Other credential holders born ${r.entered.birthDate} with a similar last name</h2>
      ${r.candidates.map((c) => html`<div class="margin-bottom-2">${summaryList(recordRows(c))}</div>`)}`
        : ""
    }
    ${
      open
        ? html`<h2>Decide</h2>
    <div class="grid-row grid-gap">
      ${
        r.next.includes("review-authorize") && choices.length
          ? html`<div class="tablet:grid-col-4"><form class="usa-form" method="post" action="/staff/sales/${s.id}/review/authorize" novalidate>
        <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Confirm the buyer and decide again</legend>
        ${csrfField(req)}
        ${radioGroup({ name: "credentialId", label: "The buyer holds", value: v.credentialId ?? (choices.length === 1 ? choices[0]!.credentialId : undefined), required: true, error: errors.credentialId, options: choices.map((c) => ({ value: c.credentialId, label: `${c.number}: ${fullName(c)}, born ${c.birthDate}` })) })}
        ${textareaField({ name: "note", label: "How you confirmed the buyer's identity", value: v.note, required: true, error: errors.note, rows: 3 })}
        <button class="usa-button" type="submit" id="authorize">Authorize if the law allows</button>
        </fieldset></form></div>`
          : ""
      }
      ${
        r.next.includes("review-return")
          ? html`<div class="tablet:grid-col-4"><form class="usa-form" method="post" action="/staff/sales/${s.id}/review/return" novalidate>
        <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Send back to the seller</legend>
        ${csrfField(req)}
        <p class="usa-hint" id="return-hint">The seller is told which kinds of entry to re-check, never the record.</p>
        ${errors.recheck ? html`<span class="usa-error-message" id="recheck-error">${errors.recheck}</span>` : ""}
        ${RECHECK_KINDS.map((k) => checkboxField({ name: `recheck_${k}`, id: `recheck-${k}`, label: MISMATCH_WORDS[k], checked: v[`recheck_${k}`] !== undefined ? true : r.mismatches.includes(k) }))}
        ${textField({ name: "returnNote", label: "A note for the seller (optional)", value: v.returnNote, width: "xl" })}
        <button class="usa-button usa-button--outline" type="submit" id="send-back">Send back</button>
        </fieldset></form></div>`
          : ""
      }
      ${
        r.next.includes("review-deny")
          ? html`<div class="tablet:grid-col-4"><form class="usa-form" method="post" action="/staff/sales/${s.id}/review/deny" novalidate>
        <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Deny</legend>
        ${csrfField(req)}
        ${textareaField({ name: "reason", label: "The reason the seller and the buyer read", value: v.reason, required: true, error: errors.reason, rows: 3 })}
        <button class="usa-button usa-button--secondary" type="submit" id="deny">Deny the sale</button>
        </fieldset></form></div>`
          : ""
      }
    </div>`
        : ""
    }
    <p><a href="/staff/sales-review">Sales waiting for review</a></p>`,
    { flash: st.flash, status: st.status },
  );
}

// ---------------------------------------------------------------- dealer: the send-back on the sale page

/** The send-back on the dealer's sale page: the kinds of entry to re-check, and a form for just those. */
export async function correctionPanel(
  ctx: Ctx,
  req: FastifyRequest,
  s: Sale,
  st: { errors?: FormErrors; values?: Record<string, string> } = {},
): Promise<Html> {
  if (s.status !== "delayed" || s.delayReason !== "needs-review") return html``;
  const ret = await openReturn(ctx.db, s.id);
  if (!ret) return html``;
  const errors = st.errors ?? {};
  const v = st.values ?? {};
  const has = (k: RecheckKind) => ret.recheck.includes(k);
  return html`<section class="usa-alert usa-alert--warning" id="correction" aria-labelledby="correction-heading"><div class="usa-alert__body">
    <h2 class="usa-alert__heading" id="correction-heading">Licensing staff ask you to re-check an entry</h2>
    <p class="usa-alert__text" id="recheck">${ret.note}</p>
    <p class="usa-alert__text">Re-check: ${ret.recheck.map((k) => RECHECK_LABELS[k]).join(", ")}. Compare with the buyer's identification and credential, then correct the entry below.</p>
    </div></section>
    ${errorSummary(errors, { firstName: "First name", lastName: "Last name", birthDate: "Date of birth", credentialNumber: "Credential number" })}
    <form class="usa-form" method="post" action="/dealer/sales/${s.id}/correction" novalidate>
      <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Correct the entry</legend>
      ${csrfField(req)}
      ${
        has("name")
          ? html`${textField({ name: "firstName", label: "First name", value: v.firstName ?? s.buyer.firstName, error: errors.firstName, autocomplete: "off" })}
        ${textField({ name: "middleName", label: "Middle name", value: v.middleName ?? s.buyer.middleName ?? "", autocomplete: "off" })}
        ${textField({ name: "lastName", label: "Last name", value: v.lastName ?? s.buyer.lastName, error: errors.lastName, autocomplete: "off" })}`
          : ""
      }
      ${has("dateOfBirth") ? dateField({ name: "birthDate", label: "Date of birth", value: v.birthDate ?? s.buyer.birthDate, error: errors.birthDate }) : ""}
      ${has("credentialNumber") ? textField({ name: "credentialNumber", label: "Credential number", value: v.credentialNumber ?? s.buyer.credentialNumber, error: errors.credentialNumber, width: "md" }) : ""}
      <button class="usa-button" type="submit" id="send-correction">Send the correction</button>
      </fieldset>
    </form>`;
}

// ---------------------------------------------------------------- routes

export function registerSaleReviewPages(
  app: FastifyInstance,
  makeCtx: MakeCtx,
  dealerSalePage: (
    req: FastifyRequest,
    reply: FastifyReply,
    user: User,
    st: { errors?: FormErrors; values?: Record<string, string>; flash?: Flash; status?: number },
  ) => Promise<unknown>,
): void {
  app.get(
    "/staff/sales-review",
    signedIn((req, reply, user) => queuePage(req, reply, makeCtx, user)),
  );
  app.post(
    "/staff/sales-review",
    signedIn(async (req, reply, user) => {
      if (!salesPolicy.review(user)) throw forbidden("only licensing staff review sales");
      const p = postedPurpose(req, "sales:all");
      if (!p.purpose)
        return sendPurposeGate(reply, req, {
          title: "Sales waiting for review",
          action: "/staff/sales-review",
          intro: "Say why you need these records.",
          errors: p.errors,
          values: formBody(req),
        });
      return reply.redirect("/staff/sales-review", 303);
    }),
  );

  app.get(
    "/staff/sales/:id/review",
    signedIn((req, reply, user) => reviewPage(req, reply, makeCtx, user)),
  );
  // The purpose gate posts here; a valid purpose is remembered for the sale (post, redirect, get).
  app.post(
    "/staff/sales/:id/review",
    signedIn(async (req, reply, user) => {
      if (!salesPolicy.review(user)) throw forbidden("only licensing staff review sales");
      const id = idParam(req, "sale");
      const p = postedPurpose(req, `sale:${id}`);
      if (!p.purpose)
        return sendPurposeGate(reply, req, {
          title: "Review of a sale",
          action: `/staff/sales/${id}/review`,
          intro: "Say why you need this record.",
          errors: p.errors,
          values: formBody(req),
        });
      return reply.redirect(`/staff/sales/${id}/review`, 303);
    }),
  );

  const act = (
    path: string,
    fields: string[],
    run: (ctx: Ctx, id: string, b: Record<string, string>) => Promise<unknown>,
    done: string,
  ) =>
    app.post(
      `/staff/sales/:id/review/${path}`,
      signedIn(async (req, reply, user) => {
        if (!salesPolicy.review(user)) throw forbidden("only licensing staff review sales");
        const id = idParam(req, "sale");
        const b = formBody(req);
        try {
          await run(makeCtx(req), id, b);
        } catch (e) {
          if (isFormError(e) && e.code === "conflict")
            return reviewPage(req, reply, makeCtx, user, {
              flash: { text: `Not done: ${e.message}`, type: "error" },
              values: b,
              status: statusOf(e),
            });
          if (isFormError(e))
            return reviewPage(req, reply, makeCtx, user, {
              errors: errorsFrom(e, fields),
              values: b,
              status: statusOf(e),
            });
          throw e;
        }
        return reply.redirect(`/staff/sales/${id}/review?done=${done}`, 303);
      }),
    );
  act(
    "authorize",
    ["credentialId", "note"],
    (ctx, id, b) => authorizeReviewedSale(ctx, { saleId: id, credentialId: b.credentialId ?? "", note: b.note ?? "" }),
    "authorized",
  );
  act("deny", ["reason"], (ctx, id, b) => denyReviewedSale(ctx, { saleId: id, reason: b.reason ?? "" }), "denied");
  act(
    "return",
    ["recheck", "note"],
    (ctx, id, b) =>
      returnSaleToSeller(ctx, {
        saleId: id,
        recheck: RECHECK_KINDS.filter((k) => b[`recheck_${k}`] !== undefined),
        note: b.returnNote,
      }),
    "returned",
  );

  app.post(
    "/dealer/sales/:id/correction",
    signedIn(async (req, reply, user) => {
      const id = idParam(req, "sale");
      const b = formBody(req);
      const values = {
        firstName: b.firstName,
        middleName: b.middleName,
        lastName: b.lastName,
        birthDate: b.birthDate?.trim(),
        credentialNumber: b.credentialNumber?.trim(),
      };
      const errors: FormErrors = {};
      if (values.birthDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.birthDate))
        errors.birthDate = "Write the date YYYY-MM-DD";
      if (values.credentialNumber !== undefined && !/^[A-Za-z]{2}-?\d{4,12}$/.test(values.credentialNumber))
        errors.credentialNumber = "A credential number looks like LE-1000001";
      if (values.lastName !== undefined && !values.lastName.trim()) errors.lastName = "Enter the buyer's last name";
      if (values.firstName !== undefined && !values.firstName.trim()) errors.firstName = "Enter the buyer's first name";
      if (Object.keys(errors).length) return dealerSalePage(req, reply, user, { errors, values: b, status: 400 });
      try {
        await correctSale(makeCtx(req), { saleId: id, buyer: values });
      } catch (e) {
        if (isFormError(e) && e.code === "conflict")
          return dealerSalePage(req, reply, user, {
            flash: { text: `Not corrected: ${e.message}`, type: "error" },
            status: statusOf(e),
          });
        if (isFormError(e))
          return dealerSalePage(req, reply, user, {
            errors: errorsFrom(e, ["firstName", "lastName", "birthDate", "credentialNumber"], {
              "buyer.birthDate": "birthDate",
              buyer: "lastName",
            }),
            values: b,
            status: statusOf(e),
          });
        throw e;
      }
      return reply.redirect(`/dealer/sales/${id}?done=corrected`, 303);
    }),
  );
}

export { type ReviewForm };
