/**
 * Pages for the review of ammunition checks (review.ts):
 * - /staff/ammunition-review: checks waiting for review in the last 30 days (a purpose first, audited);
 * - /staff/ammunition/checks/:id/review: the seller's entries beside the state's record, then
 *   authorize (confirm the credential), deny with a reason, or send back naming the kinds of
 *   entry to re-check;
 * - on the seller's check page, `reviewPanel` says where the check stands and, when it was sent
 *   back, offers a form for just those entries (posted to /ammunition/checks/:id/correction).
 */
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type Ctx } from "../../context.ts";
import { statusOf } from "../../http/errors.ts";
import { addDays } from "../../law/core/dates.ts";
import { forbidden } from "../../lib/errors.ts";
import { purposeLine } from "../../lib/purpose.ts";
import { type User } from "../auth/index.ts";
import { auditRead, auditRefusedRead } from "../audit/index.ts";
import { ammunitionPolicy } from "./policy.ts";
import { type Check, type CredentialOnFile, checksAwaitingReview } from "./queries.ts";
import {
  authorizeReviewedCheck,
  correctCheck,
  denyReviewedCheck,
  getCheckReview,
  returnCheckToSeller,
} from "./review.ts";
import { type EffectiveCheck, type RecheckKind, RECHECK_KINDS, RECHECK_LABELS } from "./review-state.ts";
import {
  html,
  type Html,
  checkboxField,
  csrfField,
  dateField,
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
  when,
  type Flash,
  type FormErrors,
} from "../../web/kit.ts";

type MakeCtx = (req: FastifyRequest) => Ctx;

const KIND_WORDS: Record<CredentialOnFile["kind"], string> = {
  "temporary-state-permit": "Temporary state permit",
  "state-handgun-permit": "State handgun permit",
  "handgun-eligibility-certificate": "Handgun eligibility certificate",
  "long-gun-eligibility-certificate": "Long gun eligibility certificate",
  "ammunition-certificate": "Ammunition certificate",
};
const MISMATCH_WORDS: Record<RecheckKind, string> = {
  name: "Name",
  dateOfBirth: "Date of birth",
  credentialNumber: "Credential number",
};
const QUEUE_DAYS = 30;

const holderRows = (c: CredentialOnFile): [string, string][] => [
  ["Holder", `${c.person.firstName} ${c.person.lastName}`],
  ["Date of birth", c.person.birthDate],
  ["Credential number", c.number],
  ["Kind", KIND_WORDS[c.kind]],
  ["Status", `${c.status}, ${c.issuedOn} to ${c.expiresOn}`],
];

function staffOnly(user: User): void {
  if (!ammunitionPolicy.review(user)) throw forbidden("only licensing staff review ammunition checks");
}

// ---------------------------------------------------------------- staff: the queue

async function queuePage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User) {
  const ctx = makeCtx(req);
  if (!ammunitionPolicy.review(user))
    throw await auditRefusedRead(
      ctx,
      { action: "ammunition.check.review.list", entityType: "ammunition-checks" },
      "only licensing staff review ammunition checks",
    );
  const purpose = recallPurpose(req, "ammunition-checks:review");
  if (!purpose)
    return sendPurposeGate(reply, req, {
      title: "Ammunition checks waiting for review",
      action: "/staff/ammunition-review",
      intro: "Each check carries the buyer's name as the seller entered it. Say why you need them; it is recorded.",
    });
  const items = await checksAwaitingReview(ctx.db, addDays(ctx.today, -QUEUE_DAYS));
  await ctx.db.tx((q) =>
    auditRead(q, ctx, purpose, {
      action: "ammunition.check.review.list",
      entityType: "ammunition-checks",
      personIds: items.map((x) => x.check.personId),
      details: { shown: items.length },
    }),
  );
  return sendPage(
    reply,
    req,
    "Ammunition checks waiting for review",
    html`<h1>Ammunition checks waiting for review</h1>
    <p>Checks from the last ${QUEUE_DAYS} days that the state could not decide without a person: usually the name, date of birth or credential number entered does not match the record. Oldest first.</p>
    ${
      items.length
        ? html`<table class="usa-table usa-table--borderless usa-table--stacked" id="ammunition-review-queue">
      <caption>${items.length} check${items.length === 1 ? "" : "s"} waiting for review</caption>
      <thead><tr><th scope="col">Check</th><th scope="col">Checked</th><th scope="col">Buyer as entered</th><th scope="col">Where it stands</th></tr></thead>
      <tbody>${items.map(
        ({ check: c, last }) => html`<tr>
        <th scope="row" data-label="Check"><a href="/staff/ammunition/checks/${c.id}/review">${c.number}</a></th>
        <td data-label="Checked">${when(c.checkedAt)}</td>
        <td data-label="Buyer as entered">${c.buyer.firstName} ${c.buyer.lastName}</td>
        <td data-label="Where it stands">${last === "review-return" ? "Sent back to the seller" : "Waiting for staff"}</td></tr>`,
      )}</tbody>
    </table>`
        : html`<p id="ammunition-review-empty">No ammunition check is waiting for review.</p>`
    }`,
  );
}

// ---------------------------------------------------------------- staff: one review

interface Form {
  errors?: FormErrors;
  values?: Record<string, string>;
  flash?: Flash;
  status?: number;
}

const STATE_WORDS = (c: Check, e: EffectiveCheck): string | Html => {
  switch (e.state) {
    case "awaiting-staff":
      return "Waiting for licensing staff.";
    case "awaiting-seller":
      return html`Sent back to the seller on ${when(e.last!.at)}: ${e.last!.note}`;
    case "authorized":
      return `Approved on review: the seller may record the sale on ${e.validOn}.`;
    case "refused":
      return "Refused on review: the law does not allow this sale to the confirmed holder.";
    case "denied":
      return `Denied on review: ${e.last?.note ?? ""}`;
    case "corrected":
      return "Corrected by the seller: a new check was run.";
    default:
      return `Not waiting for review: the check was ${c.outcome} at the counter.`;
  }
};

async function reviewPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User, st: Form = {}) {
  const ctx = makeCtx(req);
  const id = idParam(req, "ammunition check");
  if (!ammunitionPolicy.review(user))
    throw await auditRefusedRead(
      ctx,
      { action: "ammunition.check.review.read", entityType: "ammunition-check", entityId: id },
      "only licensing staff review ammunition checks",
    );
  const purpose = recallPurpose(req, `ammunition-check:${id}`);
  if (!purpose)
    return sendPurposeGate(reply, req, {
      title: "Review of an ammunition check",
      action: `/staff/ammunition/checks/${id}/review`,
      intro: "The review shows the buyer's entries beside the state's record. Say why you need it; it is recorded.",
    });
  const r = await getCheckReview(ctx, id, purpose);
  const c = r.check;
  const errors = st.errors ?? {};
  const v = st.values ?? {};
  const choices = [...(r.byNumber ? [r.byNumber] : []), ...r.candidates];
  return sendPage(
    reply,
    req,
    `Review of ammunition check ${c.number}`,
    html`${errorSummary(errors, { credentialId: "Credential", note: "How identity was confirmed", reason: "Reason", recheck: "Entries to re-check" })}
    <h1>Review of ammunition check ${c.number}</h1>
    <p class="usa-hint">Opening this page is recorded in the audit trail (purpose: ${purposeLine(purpose)}).</p>
    <div class="usa-alert usa-alert--${r.next.length ? "warning" : "info"} usa-alert--slim" id="review-state"><div class="usa-alert__body"><p class="usa-alert__text">${STATE_WORDS(c, r.effective)}</p></div></div>
    <div class="grid-row grid-gap">
      <div class="tablet:grid-col-6">
        <h2>What the seller entered</h2>
        ${summaryList([
          ["Name", `${c.buyer.firstName} ${c.buyer.lastName}`],
          ["Date of birth", c.buyer.birthDate],
          ["Credential number", c.credentialNumber],
          ["Checked", when(c.checkedAt)],
          ["Identification seen", c.photoId ? `${c.photoId.type}, ending ${c.photoId.last4}` : "none recorded"],
        ])}
      </div>
      <div class="tablet:grid-col-6">
        <h2>The state's record for that credential number</h2>
        ${r.byNumber ? summaryList(holderRows(r.byNumber)) : html`<p id="no-credential">No credential has the number ${c.credentialNumber}.</p>`}
      </div>
    </div>
    <h2>What does not match</h2>
    ${r.mismatches.length ? html`<ul class="usa-list" id="mismatches">${r.mismatches.map((m) => html`<li>${MISMATCH_WORDS[m]}</li>`)}</ul>` : html`<p id="mismatches">The entries match the record; another fact is unknown (for example the address, or a record that needs a person's review).</p>`}
    ${r.candidates.length ? html`<h2>Other holders born ${c.buyer.birthDate} with a similar last name</h2>${r.candidates.map((x) => html`<div class="margin-bottom-2">${summaryList(holderRows(x))}</div>`)}` : ""}
    ${
      r.next.length
        ? html`<h2>Decide</h2>
    <div class="grid-row grid-gap">
      ${
        r.next.includes("review-authorize") && choices.length
          ? html`<div class="tablet:grid-col-4"><form class="usa-form" method="post" action="/staff/ammunition/checks/${c.id}/review/authorize" novalidate>
        <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Confirm the buyer and decide again</legend>
        ${csrfField(req)}
        ${radioGroup({ name: "credentialId", label: "The buyer holds", value: v.credentialId ?? (choices.length === 1 ? choices[0]!.id : undefined), required: true, error: errors.credentialId, options: choices.map((x) => ({ value: x.id, label: `${x.number}: ${x.person.firstName} ${x.person.lastName}, born ${x.person.birthDate}` })) })}
        ${textareaField({ name: "note", label: "How you confirmed the buyer's identity", value: v.note, required: true, error: errors.note, rows: 3 })}
        <button class="usa-button" type="submit" id="authorize">Approve if the law allows</button>
        </fieldset></form></div>`
          : ""
      }
      ${
        r.next.includes("review-return")
          ? html`<div class="tablet:grid-col-4"><form class="usa-form" method="post" action="/staff/ammunition/checks/${c.id}/review/return" novalidate>
        <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Send back to the seller</legend>
        ${csrfField(req)}
        <p class="usa-hint">The seller is told which kinds of entry to re-check, never the record.</p>
        ${errors.recheck ? html`<span class="usa-error-message" id="recheck-error">${errors.recheck}</span>` : ""}
        ${RECHECK_KINDS.map((k) => checkboxField({ name: `recheck_${k}`, id: `recheck-${k}`, label: MISMATCH_WORDS[k], checked: v[`recheck_${k}`] !== undefined ? true : r.mismatches.includes(k) }))}
        ${textField({ name: "returnNote", label: "A note for the seller (optional)", value: v.returnNote, width: "xl" })}
        <button class="usa-button usa-button--outline" type="submit" id="send-back">Send back</button>
        </fieldset></form></div>`
          : ""
      }
      ${
        r.next.includes("review-deny")
          ? html`<div class="tablet:grid-col-4"><form class="usa-form" method="post" action="/staff/ammunition/checks/${c.id}/review/deny" novalidate>
        <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Deny</legend>
        ${csrfField(req)}
        ${textareaField({ name: "reason", label: "The reason the seller reads", value: v.reason, required: true, error: errors.reason, rows: 3 })}
        <button class="usa-button usa-button--secondary" type="submit" id="deny">Deny the check</button>
        </fieldset></form></div>`
          : ""
      }
    </div>`
        : ""
    }
    <p><a href="/staff/ammunition-review">Ammunition checks waiting for review</a></p>`,
    { flash: st.flash, status: st.status },
  );
}

// ---------------------------------------------------------------- the seller's check page

/** Where a check stands after review, on its seller's page; a send-back comes with a form for just those entries. */
export function reviewPanel(
  req: FastifyRequest,
  c: Check,
  e: EffectiveCheck,
  st: { errors?: FormErrors; values?: Record<string, string> } = {},
): Html {
  if (e.state === "not-in-review" || e.state === "awaiting-staff") return html``;
  if (e.state !== "awaiting-seller")
    return html`<div class="usa-alert usa-alert--${e.outcome === "approved" ? "success" : "info"} usa-alert--slim" id="review-result"><div class="usa-alert__body"><p class="usa-alert__text">${
      e.state === "authorized"
        ? `Reviewed by licensing staff: buyer confirmed. Approved; the sale may be recorded here on ${e.validOn}.`
        : e.state === "refused"
          ? "Reviewed by licensing staff: buyer confirmed, but the law does not allow this sale. Do not sell."
          : e.state === "denied"
            ? `Denied by licensing staff: ${e.last?.note ?? ""}`
            : html`Corrected: <a href="/ammunition/checks/${e.last?.newCheckId ?? ""}">see the new check</a>.`
    }</p></div></div>`;
  const errors = st.errors ?? {};
  const v = st.values ?? {};
  const kinds = (e.last?.recheck ?? []) as RecheckKind[];
  const has = (k: RecheckKind) => kinds.includes(k);
  return html`<section class="usa-alert usa-alert--warning" id="correction" aria-labelledby="correction-heading"><div class="usa-alert__body">
    <h2 class="usa-alert__heading" id="correction-heading">Licensing staff ask you to re-check an entry</h2>
    <p class="usa-alert__text" id="recheck">${e.last?.note ?? ""}</p>
    <p class="usa-alert__text">Re-check: ${kinds.map((k) => RECHECK_LABELS[k]).join(", ")}. Compare with the buyer's identification and credential, then correct the entry below; the check is run again.</p>
    </div></section>
    ${errorSummary(errors, { firstName: "First name", lastName: "Last name", birthDate: "Date of birth", credentialNumber: "Credential number", buyer: "Entries" })}
    <form class="usa-form" method="post" action="/ammunition/checks/${c.id}/correction" novalidate>
      <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Correct the entry</legend>
      ${csrfField(req)}
      ${has("name") ? html`${textField({ name: "firstName", label: "First name", value: v.firstName ?? c.buyer.firstName, error: errors.firstName, autocomplete: "off" })}${textField({ name: "lastName", label: "Last name", value: v.lastName ?? c.buyer.lastName, error: errors.lastName, autocomplete: "off" })}` : ""}
      ${has("dateOfBirth") ? dateField({ name: "birthDate", label: "Date of birth", value: v.birthDate ?? c.buyer.birthDate, error: errors.birthDate }) : ""}
      ${has("credentialNumber") ? textField({ name: "credentialNumber", label: "Credential number", value: v.credentialNumber ?? c.credentialNumber, error: errors.credentialNumber, width: "md" }) : ""}
      <button class="usa-button" type="submit" id="send-correction">Send the correction</button>
      </fieldset>
    </form>`;
}

// ---------------------------------------------------------------- routes

export function registerCheckReviewPages(
  app: FastifyInstance,
  makeCtx: MakeCtx,
  sellerCheckPage: (req: FastifyRequest, reply: FastifyReply, user: User, st: Form) => Promise<unknown>,
): void {
  app.get(
    "/staff/ammunition-review",
    signedIn((req, reply, user) => queuePage(req, reply, makeCtx, user)),
  );
  app.post(
    "/staff/ammunition-review",
    signedIn(async (req, reply, user) => {
      staffOnly(user);
      const p = postedPurpose(req, "ammunition-checks:review");
      if (!p.purpose)
        return sendPurposeGate(reply, req, {
          title: "Ammunition checks waiting for review",
          action: "/staff/ammunition-review",
          intro: "Say why you need these records.",
          errors: p.errors,
          values: formBody(req),
        });
      return reply.redirect("/staff/ammunition-review", 303);
    }),
  );
  app.get(
    "/staff/ammunition/checks/:id/review",
    signedIn((req, reply, user) => reviewPage(req, reply, makeCtx, user)),
  );
  // The purpose gate posts here; a valid purpose is remembered for the check (post, redirect, get).
  app.post(
    "/staff/ammunition/checks/:id/review",
    signedIn(async (req, reply, user) => {
      staffOnly(user);
      const id = idParam(req, "ammunition check");
      const p = postedPurpose(req, `ammunition-check:${id}`);
      if (!p.purpose)
        return sendPurposeGate(reply, req, {
          title: "Review of an ammunition check",
          action: `/staff/ammunition/checks/${id}/review`,
          intro: "Say why you need this record.",
          errors: p.errors,
          values: formBody(req),
        });
      return reply.redirect(`/staff/ammunition/checks/${id}/review`, 303);
    }),
  );

  const act = (
    path: string,
    fields: string[],
    run: (ctx: Ctx, id: string, b: Record<string, string>) => Promise<unknown>,
  ) =>
    app.post(
      `/staff/ammunition/checks/:id/review/${path}`,
      signedIn(async (req, reply, user) => {
        staffOnly(user);
        const id = idParam(req, "ammunition check");
        const b = formBody(req);
        try {
          await run(makeCtx(req), id, b);
        } catch (e) {
          if (isFormError(e))
            return reviewPage(req, reply, makeCtx, user, {
              ...(e.code === "conflict"
                ? { flash: { text: `Not done: ${e.message}`, type: "error" as const } }
                : { errors: errorsFrom(e, fields) }),
              values: b,
              status: statusOf(e),
            });
          throw e;
        }
        return reply.redirect(`/staff/ammunition/checks/${id}/review`, 303);
      }),
    );
  act("authorize", ["credentialId", "note"], (ctx, id, b) =>
    authorizeReviewedCheck(ctx, { checkId: id, credentialId: b.credentialId ?? "", note: b.note ?? "" }),
  );
  act("deny", ["reason"], (ctx, id, b) => denyReviewedCheck(ctx, { checkId: id, reason: b.reason ?? "" }));
  act("return", ["recheck", "note"], (ctx, id, b) =>
    returnCheckToSeller(ctx, {
      checkId: id,
      recheck: RECHECK_KINDS.filter((k) => b[`recheck_${k}`] !== undefined),
      note: b.returnNote,
    }),
  );

  app.post(
    "/ammunition/checks/:id/correction",
    signedIn(async (req, reply, user) => {
      const id = idParam(req, "ammunition check");
      const b = formBody(req);
      const values = {
        firstName: b.firstName,
        lastName: b.lastName,
        birthDate: b.birthDate?.trim(),
        credentialNumber: b.credentialNumber?.trim(),
      };
      const errors: FormErrors = {};
      if (values.birthDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.birthDate))
        errors.birthDate = "Write the date YYYY-MM-DD";
      if (values.credentialNumber !== undefined && !/^[A-Za-z]{2}[\s-]?\d{4,12}$/.test(values.credentialNumber))
        errors.credentialNumber = "A credential number looks like LE-1000001";
      if (values.lastName !== undefined && !values.lastName.trim()) errors.lastName = "Enter the buyer's last name";
      if (values.firstName !== undefined && !values.firstName.trim()) errors.firstName = "Enter the buyer's first name";
      if (Object.keys(errors).length) return sellerCheckPage(req, reply, user, { errors, values: b, status: 400 });
      try {
        const r = await correctCheck(makeCtx(req), { checkId: id, buyer: values });
        return reply.redirect(`/ammunition/checks/${r.check.id}`, 303);
      } catch (e) {
        if (isFormError(e))
          return sellerCheckPage(req, reply, user, {
            ...(e.code === "conflict"
              ? { flash: { text: `Not corrected: ${e.message}`, type: "error" as const } }
              : {
                  errors: errorsFrom(e, ["firstName", "lastName", "birthDate", "credentialNumber", "buyer"], {
                    "buyer.birthDate": "birthDate",
                  }),
                }),
            values: b,
            status: statusOf(e),
          });
        throw e;
      }
    }),
  );
}
