/**
 * Review of a sale waiting for licensing staff (delay reason `needs-review`):
 * the entries the seller made beside the state's record, and the three ways
 * out — authorize (staff confirm who the buyer is; the law decides again),
 * deny with a reason, or send back to the seller to re-check an entry. The
 * seller then corrects the entry (`correctSale`) and the sale is decided again.
 *
 * The seller is told which kind of entry to re-check (name, date of birth,
 * credential number), never the record itself. Every step appends a
 * sale_actions row, is audited, and reaches the dealer's webhook.
 *
 * Status → allowed actions: NEXT in service.ts (`review-*` and `correct` on
 * `delayed`); REVIEW_STEP below narrows them to the review state.
 */
import { randomUUID } from "node:crypto";
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { isPlainDate } from "../../law/core/dates.ts";
import { AppError, badField, forbidden } from "../../lib/errors.ts";
import { purposeLine, type ReadPurpose } from "../../lib/purpose.ts";
import { appendAudit } from "../audit/index.ts";
import { evaluateSale, findBuyerRecord, normalizeCredentialNumber, type NicsState } from "./evaluate.ts";
import { salesPolicy } from "./policy.ts";
import { type NicsCheck, type Sale, getNicsCheck, getSale, subjectOf } from "./queries.ts";
import {
  NEXT,
  NICS_TIMEOUT_MS,
  actingDealerId,
  callNics,
  nicsRequestOf,
  recordEvaluation,
  type SaleAction,
  type SaleOutcome,
} from "./service.ts";
import { enqueueSaleEvent } from "./webhooks.ts";
import type { NicsResponse } from "../../adapters/nics/contract.ts";

/** The kinds of entry staff may ask the seller to re-check (never the record's values). */
export const RECHECK_KINDS = ["name", "dateOfBirth", "credentialNumber"] as const;
export type RecheckKind = (typeof RECHECK_KINDS)[number];
export const RECHECK_LABELS: Record<RecheckKind, string> = {
  name: "the buyer's name",
  dateOfBirth: "the buyer's date of birth",
  credentialNumber: "the credential number",
};

/** Where a sale stands in review: waiting for staff, or sent back and waiting for the seller. */
export type ReviewState = "not-in-review" | "awaiting-staff" | "awaiting-seller";

/** Which review action each review state allows (within NEXT.delayed). */
export const REVIEW_STEP: Record<ReviewState, readonly SaleAction[]> = {
  "not-in-review": [],
  "awaiting-staff": ["review-authorize", "review-deny", "review-return"],
  // Staff may still deny or authorize while the seller has not answered.
  "awaiting-seller": ["correct", "review-authorize", "review-deny"],
};

export interface ReturnRequest {
  recheck: RecheckKind[];
  note: string | null;
  at: string;
}

function requireUser(ctx: Ctx) {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  return ctx.user;
}

/** The latest send-back not yet answered by a correction, or null. */
export async function openReturn(q: Queryable, saleId: string): Promise<ReturnRequest | null> {
  const r = await q.query<{
    action: string;
    note: string | null;
    details: { recheck?: RecheckKind[] } | null;
    at: string;
  }>(
    "SELECT action, note, details, at FROM sale_actions WHERE sale_id = $1 AND action IN ('review-return','correct','request') ORDER BY id DESC LIMIT 1",
    [saleId],
  );
  const last = r[0];
  if (!last || last.action !== "review-return") return null;
  return { recheck: last.details?.recheck ?? [], note: last.note, at: String(last.at) };
}

export async function reviewState(q: Queryable, s: Sale): Promise<ReviewState> {
  if (s.status !== "delayed" || s.delayReason !== "needs-review") return "not-in-review";
  return (await openReturn(q, s.id)) ? "awaiting-seller" : "awaiting-staff";
}

function assertStep(state: ReviewState, s: Sale, action: SaleAction): void {
  if (!NEXT[s.status].includes(action) || !REVIEW_STEP[state].includes(action)) {
    const why =
      state === "not-in-review"
        ? `sale ${s.number} is not waiting for review (it is ${s.status}${s.delayReason ? `, ${s.delayReason}` : ""})`
        : state === "awaiting-seller"
          ? `sale ${s.number} was sent back to the seller and waits for the correction`
          : `sale ${s.number} was not sent back to the seller`;
    throw new AppError("conflict", why);
  }
}

// ---------------------------------------------------------------- the review (staff)

/** The state's record of a credential, for the comparison staff see. */
export interface CredentialRecord {
  credentialId: string;
  number: string;
  kind: string;
  status: string;
  issuedOn: PlainDate;
  expiresOn: PlainDate;
  personId: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  birthDate: PlainDate;
}

const normName = (s: string | null | undefined) =>
  (s ?? "")
    .normalize("NFKD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();

async function credentialRecords(q: Queryable, where: string, params: unknown[]): Promise<CredentialRecord[]> {
  const rows = await q.query(
    `SELECT c.id::text AS credential_id, c.number, c.kind, c.status, c.issued_on, c.expires_on, p.id::text AS person_id, p.first_name, p.middle_name, p.last_name, p.birth_date
       FROM credentials c JOIN people p ON p.id = c.person_id WHERE ${where} ORDER BY c.issued_on DESC LIMIT 10`,
    params,
  );
  return rows.map((r) => ({
    credentialId: r.credential_id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
    personId: r.person_id,
    firstName: r.first_name,
    middleName: r.middle_name,
    lastName: r.last_name,
    birthDate: r.birth_date,
  }));
}

export interface SaleReview {
  sale: Sale;
  state: ReviewState;
  entered: { name: string; lastName: string; birthDate: PlainDate; credentialNumber: string };
  /** The credential with the number the seller entered, if any. */
  byNumber: CredentialRecord | null;
  /** Credentials of people with the entered date of birth and a similar last name (when the number found none, or another person). */
  candidates: CredentialRecord[];
  /** Which entries differ from the credential found by number (empty when none was found by number). */
  mismatches: RecheckKind[];
  returned: ReturnRequest | null;
  next: readonly SaleAction[];
}

/** The review of one sale, for licensing staff: read with a purpose, audited in the same call. */
export async function getSaleReview(ctx: Ctx, saleId: string, purpose: ReadPurpose): Promise<SaleReview> {
  const user = requireUser(ctx);
  return ctx.db.tx(async (q) => {
    const s = await getSale(q, saleId);
    if (!salesPolicy.review(user)) {
      await appendAudit(q, ctx, { action: "sale.review.read", entityType: "sale", entityId: s.id, outcome: "denied" });
      throw forbidden("only licensing staff review sales");
    }
    const entered = {
      name: [s.buyer.firstName, s.buyer.middleName, s.buyer.lastName].filter(Boolean).join(" "),
      lastName: s.buyer.lastName,
      birthDate: s.buyer.birthDate,
      credentialNumber: s.buyer.credentialNumber,
    };
    const byNumber =
      (await credentialRecords(q, "c.number = $1", [normalizeCredentialNumber(s.buyer.credentialNumber)]))[0] ?? null;
    const mismatches: RecheckKind[] = [];
    if (!byNumber) mismatches.push("credentialNumber");
    else {
      if (
        normName(byNumber.lastName) !== normName(s.buyer.lastName) ||
        normName(byNumber.firstName) !== normName(s.buyer.firstName)
      )
        mismatches.push("name");
      if (byNumber.birthDate !== s.buyer.birthDate) mismatches.push("dateOfBirth");
    }
    // People born that day whose last name starts like the one entered: the buyer, when the number was mistyped.
    const candidates = mismatches.length
      ? (
          await credentialRecords(q, "p.birth_date = $1 AND lower(p.last_name) LIKE $2", [
            s.buyer.birthDate,
            `${normName(s.buyer.lastName).slice(0, 2)}%`,
          ])
        ).filter((c) => c.credentialId !== byNumber?.credentialId)
      : [];
    const state = await reviewState(q, s);
    await appendAudit(q, ctx, {
      action: "sale.review.read",
      entityType: "sale",
      entityId: s.id,
      purpose: purposeLine(purpose),
      details: {
        personIds: [
          ...new Set([byNumber?.personId, ...candidates.map((c) => c.personId), s.buyer.personId].filter(Boolean)),
        ],
      },
    });
    return {
      sale: s,
      state,
      entered,
      byNumber,
      candidates,
      mismatches,
      returned: await openReturn(q, s.id),
      next: REVIEW_STEP[state].filter((a) => NEXT[s.status].includes(a)),
    };
  });
}

async function outcomeOf(q: Queryable, s: Sale, on: PlainDate): Promise<SaleOutcome> {
  return {
    sale: await getSale(q, s.id),
    nics: await getNicsCheck(q, s.id),
    buyer: await findBuyerRecord(q, subjectOf(s), on),
  };
}

/**
 * Staff confirm who the buyer is (the credential shown, identified on review)
 * and the law decides the sale again on that person's records. Authorized when
 * every requirement is met and NICS answered Proceed; denied when a requirement
 * is not met; still delayed while NICS has not answered. Refused (409) when
 * facts remain unknown: then deny or send back.
 *
 * QUESTION(legal): staff may authorize on a NICS check run with the name and
 * date of birth as the seller entered them, once they have confirmed the buyer
 * is the credential holder (a typo the identification document shows was
 * only in the entry). Where NICS may have checked the wrong person, staff send
 * the sale back: a corrected name or date of birth runs a new NICS check.
 */
export async function authorizeReviewedSale(
  ctx: Ctx,
  input: { saleId: string; credentialId: string; note: string },
): Promise<SaleOutcome> {
  const user = requireUser(ctx);
  if (!salesPolicy.review(user)) throw forbidden("only licensing staff review sales");
  if (input.note.trim().length < 10)
    throw badField("note", "say how the buyer's identity was confirmed (at least 10 characters)");
  return ctx.db.tx(async (q) => {
    const s = await getSale(q, input.saleId, { forUpdate: true });
    assertStep(await reviewState(q, s), s, "review-authorize");
    const cred = (await credentialRecords(q, "c.id::text = $1", [input.credentialId]))[0];
    if (!cred) throw badField("credentialId", "no such credential");
    const subject = {
      ...subjectOf(s),
      buyer: {
        ...subjectOf(s).buyer,
        lastName: cred.lastName,
        birthDate: cred.birthDate,
        credentialNumber: cred.number,
      },
    };
    const buyer = await findBuyerRecord(q, subject, ctx.today);
    if (!buyer.verified) throw badField("credentialId", "the credential's holder could not be read");
    const c = await getNicsCheck(q, s.id, { forUpdate: true });
    const nics: NicsState = { status: c.status, transactionNumber: c.transactionNumber, initiatedOn: c.initiatedOn };
    const ev = await evaluateSale(q, { subject, buyer, nics, on: ctx.today });
    if (ev.status === "delayed" && ev.delayReason === "needs-review") {
      const unknown = ev.decision.findings.filter((f) => f.status === "unknown").map((f) => f.because);
      throw new AppError(
        "conflict",
        `the law still cannot decide this sale${unknown.length ? `: ${unknown.join("; ")}` : ""}; deny it with a reason or send it back to the seller`,
      );
    }
    await q.query("UPDATE sales SET buyer_person_id = $2, buyer_credential_id = $3 WHERE id = $1", [
      s.id,
      buyer.personId,
      buyer.credentialId,
    ]);
    const updated = await recordEvaluation(
      ctx,
      q,
      { ...s, buyer: { ...s.buyer, personId: buyer.personId, credentialId: buyer.credentialId } },
      ev,
      {
        action: "review-authorize",
        note: input.note.trim(),
        webhook: true,
        nicsDenied: c.status === "denied",
        details: { credentialId: cred.credentialId, enteredCredentialNumber: s.buyer.credentialNumber },
      },
    );
    return { sale: updated, nics: await getNicsCheck(q, s.id), buyer };
  });
}

/**
 * Staff deny a sale on review, with the reason the seller and the buyer see.
 * QUESTION(legal): PA 13-3 § 1 has DESPP "authorize or deny"; a denial on
 * review (the buyer cannot be identified as a credential holder) is read as
 * DESPP's denial of its authorization; the buyer's appeal is to the Board
 * through the credential (CGS § 29-32b), or a new sale with correct entries.
 */
export async function denyReviewedSale(ctx: Ctx, input: { saleId: string; reason: string }): Promise<SaleOutcome> {
  const user = requireUser(ctx);
  if (!salesPolicy.review(user)) throw forbidden("only licensing staff review sales");
  const reason = input.reason.trim();
  if (reason.length < 10 || reason.length > 1000)
    throw badField("reason", "give the reason the seller and the buyer will read (10 to 1,000 characters)");
  return ctx.db.tx(async (q) => {
    const s = await getSale(q, input.saleId, { forUpdate: true });
    assertStep(await reviewState(q, s), s, "review-deny");
    await q.query(
      "UPDATE sales SET status = 'denied', delay_reason = NULL, proceed_after = NULL, may_proceed_on = NULL WHERE id = $1",
      [s.id],
    );
    await q.query(
      "UPDATE sale_nics_checks SET status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END, next_attempt_at = NULL WHERE sale_id = $1 AND status IN ('queued','delayed')",
      [s.id],
    );
    await q.query(
      "INSERT INTO sale_actions (sale_id, action, from_status, to_status, actor_id, note, details) VALUES ($1,'review-deny',$2,'denied',$3,$4,$5)",
      [s.id, s.status, user.id, reason, JSON.stringify({ citation: "PA 13-3 § 1" })],
    );
    const updated = await getSale(q, s.id);
    await enqueueSaleEvent(q, ctx, updated, await getNicsCheck(q, s.id));
    await appendAudit(q, ctx, {
      action: "sale.review-deny",
      entityType: "sale",
      entityId: s.id,
      details: { from: s.status },
    });
    return outcomeOf(q, updated, ctx.today);
  });
}

/** The note the seller reads: which kinds of entry to re-check, never the record's values. */
export function returnNote(recheck: readonly RecheckKind[], note: string | null): string {
  const kinds = recheck.map((k) => RECHECK_LABELS[k]);
  return `Licensing staff ask you to re-check ${kinds.join(", ")} against the buyer's identification and credential, and correct the entry.${note ? ` ${note}` : ""}`;
}

/** Staff send the sale back to the seller to re-check kinds of entry. The dealer hears by webhook (`sale.correction-requested`). */
export async function returnSaleToSeller(
  ctx: Ctx,
  input: { saleId: string; recheck: RecheckKind[]; note?: string | undefined },
): Promise<SaleOutcome> {
  const user = requireUser(ctx);
  if (!salesPolicy.review(user)) throw forbidden("only licensing staff review sales");
  const recheck = [...new Set(input.recheck)].filter((k) => RECHECK_KINDS.includes(k));
  if (!recheck.length)
    throw badField("recheck", "choose at least one kind of entry to re-check: name, dateOfBirth, credentialNumber");
  const note = input.note?.trim() || null;
  if (note && note.length > 500) throw badField("note", "at most 500 characters");
  return ctx.db.tx(async (q) => {
    const s = await getSale(q, input.saleId, { forUpdate: true });
    assertStep(await reviewState(q, s), s, "review-return");
    await q.query(
      "INSERT INTO sale_actions (sale_id, action, from_status, to_status, actor_id, note, details) VALUES ($1,'review-return',$2,$2,$3,$4,$5)",
      [s.id, s.status, user.id, returnNote(recheck, note), JSON.stringify({ recheck })],
    );
    await enqueueCorrectionRequest(q, ctx, s, recheck);
    await appendAudit(q, ctx, {
      action: "sale.review-return",
      entityType: "sale",
      entityId: s.id,
      details: { recheck },
    });
    return outcomeOf(q, s, ctx.today);
  });
}

/** The webhook for a send-back: the sale, its state and the kinds of entry to re-check (no personal data). */
async function enqueueCorrectionRequest(q: Queryable, ctx: Ctx, s: Sale, recheck: RecheckKind[]): Promise<void> {
  if (!s.dealerId) return;
  const hook = await q.query("SELECT 1 FROM dealer_webhooks WHERE dealer_id = $1 AND active", [s.dealerId]);
  if (!hook.length) return;
  const eventId = randomUUID();
  const type = "sale.correction-requested";
  const body = JSON.stringify({
    id: eventId,
    type,
    createdAt: ctx.clock.now().toISOString(),
    data: { saleId: s.id, saleNumber: s.number, status: s.status, delayReason: s.delayReason, recheck },
  });
  await q.query(
    "INSERT INTO webhook_deliveries (event_id, dealer_id, sale_id, event, body, next_attempt_at) VALUES ($1,$2,$3,$4,$5,$6)",
    [eventId, s.dealerId, s.id, type, body, ctx.clock.now().toISOString()],
  );
}

// ---------------------------------------------------------------- the correction (seller)

export interface Correction {
  firstName?: string | undefined;
  middleName?: string | undefined;
  lastName?: string | undefined;
  birthDate?: string | undefined;
  credentialNumber?: string | undefined;
}

/**
 * The seller corrects the entries staff sent back, and the sale is decided
 * again. A changed name or date of birth runs a new NICS check (the old one
 * checked another identity); its three business days count from today.
 */
export async function correctSale(ctx: Ctx, input: { saleId: string; buyer: Correction }): Promise<SaleOutcome> {
  const user = requireUser(ctx);
  const dealerId = await actingDealerId(ctx);
  const pre = await getSale(ctx.db, input.saleId);
  if (!salesPolicy.correct(user, pre, dealerId)) throw forbidden("only the sale's own shop corrects its entries");
  const b = input.buyer;
  if (b.birthDate !== undefined && (!isPlainDate(b.birthDate) || b.birthDate > pre.saleOn))
    throw badField("buyer.birthDate", "a calendar date YYYY-MM-DD, not after the sale");
  const next = {
    firstName: b.firstName?.trim() || pre.buyer.firstName,
    middleName: b.middleName === undefined ? pre.buyer.middleName : b.middleName.trim() || null,
    lastName: b.lastName?.trim() || pre.buyer.lastName,
    birthDate: (b.birthDate ?? pre.buyer.birthDate) as PlainDate,
    credentialNumber: b.credentialNumber ? normalizeCredentialNumber(b.credentialNumber) : pre.buyer.credentialNumber,
  };
  const identityChanged =
    next.firstName !== pre.buyer.firstName ||
    next.middleName !== pre.buyer.middleName ||
    next.lastName !== pre.buyer.lastName ||
    next.birthDate !== pre.buyer.birthDate;
  const changed = identityChanged || next.credentialNumber !== pre.buyer.credentialNumber;
  if (!changed) throw badField("buyer", "change at least one entry (name, date of birth or credential number)");
  assertStep(await reviewState(ctx.db, pre), pre, "correct");
  let fresh: NicsResponse | undefined;
  if (identityChanged) {
    const r = await callNics(
      () => ctx.adapters.nics.check(nicsRequestOf({ kind: pre.kind, buyer: { ...pre.buyer, ...next } })),
      NICS_TIMEOUT_MS,
    );
    if (!r.ok)
      throw new AppError(
        "unavailable",
        "NICS could not be reached to check the corrected identity; try again in a few minutes",
      );
    fresh = r.value;
  }
  return ctx.db.tx(async (q) => {
    const s = await getSale(q, input.saleId, { forUpdate: true });
    assertStep(await reviewState(q, s), s, "correct");
    const before = {
      firstName: s.buyer.firstName,
      middleName: s.buyer.middleName,
      lastName: s.buyer.lastName,
      birthDate: s.buyer.birthDate,
      credentialNumber: s.buyer.credentialNumber,
    };
    await q.query(
      "UPDATE sales SET buyer_first_name = $2, buyer_middle_name = $3, buyer_last_name = $4, buyer_birth_on = $5, buyer_credential_number = $6 WHERE id = $1",
      [s.id, next.firstName, next.middleName, next.lastName, next.birthDate, next.credentialNumber],
    );
    if (fresh) {
      await q.query(
        `UPDATE sale_nics_checks SET transaction_number = $2, status = $3, initiated_on = $4, request = $5, response = $6, responded_at = $7, attempts = attempts + 1,
           next_attempt_at = $8, stateline_reference = stateline_reference, last_error = NULL, purged_at = NULL WHERE sale_id = $1`,
        [
          s.id,
          fresh.transactionNumber,
          fresh.status,
          ctx.today,
          JSON.stringify(nicsRequestOf({ kind: s.kind, buyer: { ...s.buyer, ...next } })),
          JSON.stringify(fresh),
          fresh.respondedAt,
          fresh.status === "delayed" ? new Date(ctx.clock.now().getTime() + 60_000).toISOString() : null,
        ],
      );
    }
    const corrected = await getSale(q, s.id);
    const buyer = await findBuyerRecord(q, subjectOf(corrected), ctx.today);
    if (buyer.verified)
      await q.query("UPDATE sales SET buyer_person_id = $2, buyer_credential_id = $3 WHERE id = $1", [
        s.id,
        buyer.personId,
        buyer.credentialId,
      ]);
    const c: NicsCheck = await getNicsCheck(q, s.id);
    const ev = await evaluateSale(q, {
      subject: subjectOf(corrected),
      buyer,
      nics: { status: c.status, transactionNumber: c.transactionNumber, initiatedOn: c.initiatedOn },
      on: ctx.today,
    });
    const changedFields = Object.keys(next).filter(
      (k) => (next as Record<string, unknown>)[k] !== (before as Record<string, unknown>)[k],
    );
    const updated = await recordEvaluation(
      ctx,
      q,
      { ...corrected, buyer: { ...corrected.buyer, personId: buyer.personId, credentialId: buyer.credentialId } },
      ev,
      {
        action: "correct",
        note: `The seller corrected ${changedFields.join(", ")}`,
        webhook: false,
        nicsDenied: c.status === "denied",
        details: { changed: changedFields, newNicsCheck: identityChanged },
      },
    );
    return { sale: updated, nics: await getNicsCheck(q, s.id), buyer };
  });
}
