/**
 * Review of an ammunition check that needs review (issue 9), in the shape of
 * the sales module's review of sales: licensing staff see what the seller
 * entered beside the state's record, then authorize (confirm which credential
 * the buyer holds; the law and the limit decide again on that holder's
 * records), deny with a reason, or send the check back to the seller naming
 * only the kinds of entry to re-check (name, date of birth, credential
 * number). The seller corrects those entries and a new check runs. Every step
 * appends an ammunition_check_actions row, is audited, and reaches a firearm
 * dealer's webhook; the seller sees the result on the check's page.
 *
 * QUESTION(legal): a check approved on review allows the sale on the day of
 * the review (a counter check is otherwise good for its own day only).
 */
import { randomUUID } from "node:crypto";
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { isPlainDate, type PlainDate } from "../../law/core/dates.ts";
import { toDecision } from "../../law/core/questions.ts";
import { allOf, type Finding } from "../../law/core/rules.ts";
import { ammunitionLimit, ammunitionLimitQuestion } from "../../law/ct/policy/ammunition-limit.ts";
import { RULEBOOK_VERSION } from "../../law/ct/version.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { type ReadPurpose } from "../../lib/purpose.ts";
import { appendAudit, auditRead } from "../audit/index.ts";
import { type User } from "../auth/index.ts";
import { getActingDealer, getDealer } from "../dealers/index.ts";
import { decide, storeDecision } from "../decisions/index.ts";
import { normalizeCredentialNumber, normalizeName } from "./matching.ts";
import { ammunitionPolicy } from "./policy.ts";
import {
  type Check,
  type CheckAction,
  type CheckActionKind,
  type CredentialOnFile,
  checkActions,
  credentialsOfLookalikes,
  credentialsOnFileOfPerson,
  findCheck,
  findCredentialById,
  findCredentialOnFile,
  insertCheckAction,
  limitSettingsOn,
  personEvents,
  purchaseLinesOf,
} from "./queries.ts";
import {
  type EffectiveCheck,
  type RecheckKind,
  type ReviewState,
  RECHECK_KINDS,
  REVIEW_NEXT,
  effectiveCheck,
  returnNote,
  reviewStateOf,
} from "./review-state.ts";
import { type CheckAnswer, type CheckInput, limitFacts, limitHistoryFrom, runCheckIn, saleFacts } from "./service.ts";

function requireUser(ctx: Ctx): User {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  return ctx.user;
}
function requireStaff(ctx: Ctx): User {
  const u = requireUser(ctx);
  if (!ammunitionPolicy.review(u)) throw forbidden("only licensing staff review ammunition checks");
  return u;
}

/** The check (locked when asked), its actions and its state; another seller's check is "not found". */
async function loadCheck(q: Queryable, id: string, forUpdate = false) {
  const check = await findCheck(q, id, { forUpdate });
  if (!check) throw notFound("ammunition check");
  const actions = await checkActions(q, id);
  return { check, actions, state: reviewStateOf(check, actions) };
}

function assertStep(check: Check, state: ReviewState, action: CheckActionKind): void {
  if (REVIEW_NEXT[state].includes(action)) return;
  const why =
    state === "not-in-review"
      ? `check ${check.number} was ${check.outcome} at the counter; only a check that needs review is reviewed`
      : state === "awaiting-seller"
        ? `check ${check.number} was sent back to the seller and waits for the correction`
        : state === "awaiting-staff"
          ? `check ${check.number} was not sent back to the seller`
          : `check ${check.number} is already ${state}`;
  throw new AppError("conflict", why);
}

/** A webhook to a firearm dealer (no personal data): the check, its state after review, and what to re-check. */
async function enqueueCheckEvent(
  q: Queryable,
  ctx: Ctx,
  check: Check,
  type: "ammunition-check.authorized" | "ammunition-check.refused" | "ammunition-check.correction-requested",
  data: Record<string, unknown>,
): Promise<void> {
  const hook = await q.query("SELECT 1 FROM dealer_webhooks WHERE dealer_id = $1 AND active", [check.dealerId]);
  if (!hook.length) return;
  const eventId = randomUUID();
  const body = JSON.stringify({
    id: eventId,
    type,
    createdAt: ctx.clock.now().toISOString(),
    data: { checkId: check.id, checkNumber: check.number, ...data },
  });
  // The sales module's outbox of dealer webhooks (its worker signs and delivers any pending row).
  await q.query(
    "INSERT INTO webhook_deliveries (event_id, dealer_id, sale_id, event, body, next_attempt_at) VALUES ($1,$2,NULL,$3,$4,$5)",
    [eventId, check.dealerId, type, body, ctx.clock.now().toISOString()],
  );
}

// ---------------------------------------------------------------- staff: the review

export interface CheckReview {
  check: Check;
  state: ReviewState;
  effective: EffectiveCheck;
  /** The credential with the number the seller entered, if any. */
  byNumber: CredentialOnFile | null;
  /** Holders born on the entered date with a similar last name (when the number found nobody, or someone else). */
  candidates: CredentialOnFile[];
  /** Which kinds of entry differ from the credential found by number. */
  mismatches: RecheckKind[];
  actions: CheckAction[];
  next: readonly CheckActionKind[];
}

/** The review of one check for licensing staff: read with a purpose, audited in the same call (refusals too). */
export async function getCheckReview(ctx: Ctx, checkId: string, purpose: ReadPurpose): Promise<CheckReview> {
  const user = requireUser(ctx);
  return ctx.db.tx(async (q) => {
    const { check, actions, state } = await loadCheck(q, checkId);
    if (!ammunitionPolicy.review(user)) {
      await appendAudit(q, ctx, {
        action: "ammunition.check.review.read",
        entityType: "ammunition-check",
        entityId: check.id,
        outcome: "denied",
      });
      throw forbidden("only licensing staff review ammunition checks");
    }
    const byNumber = (await findCredentialOnFile(q, normalizeCredentialNumber(check.credentialNumber))) ?? null;
    const mismatches: RecheckKind[] = [];
    if (!byNumber) mismatches.push("credentialNumber");
    else {
      const p = byNumber.person;
      if (
        normalizeName(p.lastName) !== normalizeName(check.buyer.lastName) ||
        normalizeName(p.firstName) !== normalizeName(check.buyer.firstName)
      )
        mismatches.push("name");
      if (p.birthDate !== check.buyer.birthDate) mismatches.push("dateOfBirth");
    }
    const candidates = mismatches.length
      ? (await credentialsOfLookalikes(q, check.buyer.birthDate, check.buyer.lastName)).filter(
          (c) => c.id !== byNumber?.id,
        )
      : [];
    await auditRead(q, ctx, purpose, {
      action: "ammunition.check.review.read",
      entityType: "ammunition-check",
      entityId: check.id,
      personIds: [byNumber?.person.id, ...candidates.map((c) => c.person.id), check.personId],
    });
    return {
      check,
      state,
      effective: effectiveCheck(check, actions),
      byNumber,
      candidates,
      mismatches,
      actions,
      next: REVIEW_NEXT[state],
    };
  });
}

/**
 * Staff confirm which credential the buyer holds, and the law (`ammunition-sale`) and the
 * ammunition limit decide again on that holder's records; the items' findings (§§ 23, 32) stand.
 * Approved or refused; when facts are still unknown, 409: deny it or send it back.
 */
export async function authorizeReviewedCheck(
  ctx: Ctx,
  input: { checkId: string; credentialId: string; note: string },
): Promise<{ check: Check; effective: EffectiveCheck; findings: Finding[] }> {
  const user = requireStaff(ctx);
  const note = input.note.trim();
  if (note.length < 10 || note.length > 1000)
    throw badField("note", "say how the buyer's identity was confirmed (10 to 1,000 characters)");
  const today = ctx.today;
  return ctx.db.tx(async (q) => {
    const { check, state } = await loadCheck(q, input.checkId, true);
    assertStep(check, state, "review-authorize");
    const credential = await findCredentialById(q, input.credentialId);
    if (!credential) throw badField("credentialId", "no such credential");
    const matched = {
      credential,
      all: await credentialsOnFileOfPerson(q, credential.person.id),
      events: await personEvents(q, credential.person.id),
    };
    const photo = check.photoId;
    const facts = saleFacts({
      seller: await getDealer(q, check.dealerId),
      lines: check.lines,
      buyer: {
        firstName: check.buyer.firstName,
        lastName: credential.person.lastName,
        birthDate: credential.person.birthDate,
        credentialNumber: credential.number,
        ...(photo
          ? {
              photoId: {
                type: photo.type as "drivers-license",
                number: photo.last4,
                showsBirthDate: photo.showsBirthDate,
              },
            }
          : {}),
      },
      today,
      matched,
    });
    const law = decide("ammunition-sale", today, facts);
    const decisionId = await storeDecision(q, law, facts, { type: "ammunition-check", id: check.id });
    const settings = await limitSettingsOn(q, today);
    const prior = await purchaseLinesOf(q, credential.person.id, limitHistoryFrom(today), today);
    const lf = limitFacts(settings, prior, check.lines);
    const limit = toDecision(ammunitionLimitQuestion, ammunitionLimit(lf, today), today, RULEBOOK_VERSION);
    const limitDecisionId = await storeDecision(q, limit, lf, { type: "ammunition-check", id: check.id });
    const findings = [...law.findings, ...limit.findings, ...(check.itemFindings as Finding[])];
    const verdict = allOf(findings);
    if (verdict === "unknown") {
      const open = findings.filter((f) => f.status === "unknown").map((f) => f.because);
      throw new AppError(
        "conflict",
        `the law still cannot decide this check: ${open.join("; ")}; deny it with a reason or send it back to the seller`,
      );
    }
    const outcome = verdict === "yes" ? "approved" : "refused";
    await insertCheckAction(q, {
      checkId: check.id,
      action: "review-authorize",
      actorId: user.id,
      note,
      personId: credential.person.id,
      credentialId: credential.id,
      decisionId,
      limitDecisionId,
      outcome,
      basis: ((law.result as { basis?: "gun-credential" | "ammunition-certificate" | null }).basis ?? null) as never,
      validOn: today,
      at: ctx.clock.now().toISOString(),
    });
    await enqueueCheckEvent(
      q,
      ctx,
      check,
      outcome === "approved" ? "ammunition-check.authorized" : "ammunition-check.refused",
      { outcome, validOn: today },
    );
    await appendAudit(q, ctx, {
      action: "ammunition.check.review-authorize",
      entityType: "ammunition-check",
      entityId: check.id,
      details: { outcome, credentialId: credential.id, decisionId, limitDecisionId },
    });
    return { check, effective: effectiveCheck(check, await checkActions(q, check.id)), findings };
  });
}

/** Staff deny a check on review, with the reason the seller reads. */
export async function denyReviewedCheck(
  ctx: Ctx,
  input: { checkId: string; reason: string },
): Promise<{ check: Check; effective: EffectiveCheck }> {
  const user = requireStaff(ctx);
  const reason = input.reason.trim();
  if (reason.length < 10 || reason.length > 1000)
    throw badField("reason", "give the reason the seller will read (10 to 1,000 characters)");
  return ctx.db.tx(async (q) => {
    const { check, state } = await loadCheck(q, input.checkId, true);
    assertStep(check, state, "review-deny");
    await insertCheckAction(q, {
      checkId: check.id,
      action: "review-deny",
      actorId: user.id,
      note: reason,
      at: ctx.clock.now().toISOString(),
    });
    await enqueueCheckEvent(q, ctx, check, "ammunition-check.refused", { outcome: "refused" });
    await appendAudit(q, ctx, {
      action: "ammunition.check.review-deny",
      entityType: "ammunition-check",
      entityId: check.id,
    });
    return { check, effective: effectiveCheck(check, await checkActions(q, check.id)) };
  });
}

/** Staff send the check back to the seller to re-check kinds of entry (the seller is not shown the record). */
export async function returnCheckToSeller(
  ctx: Ctx,
  input: { checkId: string; recheck: readonly string[]; note?: string | undefined },
): Promise<{ check: Check; effective: EffectiveCheck }> {
  const user = requireStaff(ctx);
  const recheck = RECHECK_KINDS.filter((k) => input.recheck.includes(k));
  if (!recheck.length)
    throw badField("recheck", "choose at least one kind of entry to re-check: name, dateOfBirth, credentialNumber");
  const extra = input.note?.trim() || null;
  if (extra && extra.length > 500) throw badField("note", "at most 500 characters");
  return ctx.db.tx(async (q) => {
    const { check, state } = await loadCheck(q, input.checkId, true);
    assertStep(check, state, "review-return");
    await insertCheckAction(q, {
      checkId: check.id,
      action: "review-return",
      actorId: user.id,
      note: returnNote(recheck, extra),
      recheck,
      at: ctx.clock.now().toISOString(),
    });
    await enqueueCheckEvent(q, ctx, check, "ammunition-check.correction-requested", { recheck });
    await appendAudit(q, ctx, {
      action: "ammunition.check.review-return",
      entityType: "ammunition-check",
      entityId: check.id,
      details: { recheck },
    });
    return { check, effective: effectiveCheck(check, await checkActions(q, check.id)) };
  });
}

// ---------------------------------------------------------------- the seller: correction

export interface CheckCorrection {
  firstName?: string | undefined;
  lastName?: string | undefined;
  birthDate?: string | undefined;
  credentialNumber?: string | undefined;
}

/**
 * The seller corrects the entries staff sent back: a new check runs with the corrected entries
 * (and the same lines, identification and exemption), and the old one is closed as corrected.
 * Answers the new check.
 */
export async function correctCheck(
  ctx: Ctx,
  input: { checkId: string; buyer: CheckCorrection },
): Promise<CheckAnswer & { correctedCheckId: string }> {
  const user = requireUser(ctx);
  if (!ammunitionPolicy.check(user)) throw forbidden("only the check's own seller corrects its entries");
  const dealer = await getActingDealer(ctx);
  const b = input.buyer;
  if (b.birthDate !== undefined && (!isPlainDate(b.birthDate) || b.birthDate > ctx.today))
    throw badField("buyer.birthDate", "a calendar date YYYY-MM-DD, not in the future");
  return ctx.db.tx(async (q) => {
    const { check, state } = await loadCheck(q, input.checkId, true);
    if (check.dealerId !== dealer.id) throw notFound("ammunition check");
    assertStep(check, state, "correct");
    const next = {
      firstName: b.firstName?.trim() || check.buyer.firstName,
      lastName: b.lastName?.trim() || check.buyer.lastName,
      birthDate: (b.birthDate ?? check.buyer.birthDate) as PlainDate,
      credentialNumber: b.credentialNumber
        ? normalizeCredentialNumber(b.credentialNumber)
        : normalizeCredentialNumber(check.credentialNumber),
    };
    const changed: RecheckKind[] = [];
    if (next.firstName !== check.buyer.firstName || next.lastName !== check.buyer.lastName) changed.push("name");
    if (next.birthDate !== check.buyer.birthDate) changed.push("dateOfBirth");
    if (next.credentialNumber !== normalizeCredentialNumber(check.credentialNumber)) changed.push("credentialNumber");
    if (!changed.length)
      throw badField("buyer", "change at least one entry (name, date of birth or credential number)");
    const photo = check.photoId;
    const redo: CheckInput = {
      buyer: {
        ...next,
        ...(photo
          ? {
              photoId: {
                type: photo.type as "drivers-license",
                number: photo.last4,
                showsBirthDate: photo.showsBirthDate,
              },
            }
          : {}),
        ...(check.buyerExemption ? { exemption: check.buyerExemption } : {}),
      },
      lines: check.lines.map((l) => ({
        type: l.type,
        caliber: l.caliber,
        quantity: l.quantity,
        ...(l.brand ? { brand: l.brand } : {}),
        ...(l.capacity ? { capacity: l.capacity } : {}),
        ...(l.features?.length ? { features: l.features } : {}),
        ...(l.bullet ? { bullet: l.bullet } : {}),
      })),
    };
    const answer = await runCheckIn(ctx, q, user, dealer, redo);
    await insertCheckAction(q, {
      checkId: check.id,
      action: "correct",
      actorId: user.id,
      note: `The seller corrected ${changed.map((k) => k.replace("dateOfBirth", "date of birth").replace("credentialNumber", "credential number")).join(", ")}; check ${answer.check.number} was run`,
      recheck: changed,
      newCheckId: answer.check.id,
      at: ctx.clock.now().toISOString(),
    });
    await appendAudit(q, ctx, {
      action: "ammunition.check.correct",
      entityType: "ammunition-check",
      entityId: check.id,
      details: { changed, newCheckId: answer.check.id, outcome: answer.check.outcome },
    });
    return { ...answer, correctedCheckId: check.id };
  });
}

/** A check and where it stands after review, for its own seller. */
export async function getOwnCheck(ctx: Ctx, checkId: string): Promise<{ check: Check; effective: EffectiveCheck }> {
  const user = requireUser(ctx);
  if (!ammunitionPolicy.check(user)) throw forbidden();
  const dealer = await getActingDealer(ctx);
  const { check, actions } = await loadCheck(ctx.db, checkId);
  if (check.dealerId !== dealer.id) throw notFound("ammunition check");
  return { check, effective: effectiveCheck(check, actions) };
}
