/**
 * Referrals: what Stateline could not answer from its own records, sent to ATF (eTrace) and to
 * each partner state. `processReferral` sends one (the job `tracing.refer`); `pollAtfReferrals`
 * asks eTrace for answers to those sent (the recurring job `tracing.poll-atf`). An answer naming a
 * first retail sale completes the trace; when every referral has come back without one, the trace
 * has no record.
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { daysBetween, type PlainDate } from "../../law/core/dates.ts";
import { AppError } from "../../lib/errors.ts";
import { AtfInvalidRequest, AtfUnavailable, type AtfTraceResult } from "../../adapters/atf/contract.ts";
import { appendAudit } from "../audit/index.ts";
import { findPartner, tracingRuntime } from "./config.ts";
import { askPartner, PartnerUnavailable, type PartnerAnswer } from "./exchange.ts";
import { appendTraceAction, findTrace, NEXT, samePerson, type Trace } from "./service.ts";

interface Referral {
  id: string;
  traceId: string;
  target: string;
  status: string;
  externalReference: string | null;
  attempts: number;
}

async function findReferral(q: Queryable, id: string): Promise<Referral | undefined> {
  const r = await q.query(
    "SELECT id::text, trace_id::text, target, status, external_reference, attempts FROM trace_referrals WHERE id = $1 FOR UPDATE",
    [id],
  );
  return r[0]
    ? {
        id: r[0].id,
        traceId: r[0].trace_id,
        target: r[0].target,
        status: r[0].status,
        externalReference: r[0].external_reference,
        attempts: r[0].attempts,
      }
    : undefined;
}

/** A first retail sale reported by ATF or a partner, in one shape. */
interface OutsideAnswer {
  by: "atf" | "partner";
  state: string | null;
  saleOn: PlainDate | null;
  dealerName: string | null;
  dealerFfl: string | null;
  purchaser: { firstName: string; lastName: string; birthDate?: PlainDate | undefined } | null;
}

/** Applies an outside answer to the trace (if it still waits for one); then closes it as no-record when nothing is left. */
async function settle(
  ctx: Ctx,
  q: Queryable,
  traceId: string,
  found: OutsideAnswer | null,
  details: Record<string, unknown>,
): Promise<void> {
  const t = (await q.query("SELECT 1 FROM traces WHERE id = $1 FOR UPDATE", [traceId]), await findTrace(q, traceId))!;
  if (found && NEXT[t.status].includes("completed")) {
    const ttc = found.saleOn && found.saleOn <= t.recovery.date ? daysBetween(found.saleOn, t.recovery.date) : null;
    const poss = samePerson(t.recovery.possessor, found.purchaser);
    await q.query(
      `UPDATE traces SET status = 'completed', answered_by = $2, source_state = $3, first_sale_on = $4, first_dealer_name = $5, first_dealer_ffl = $6,
         time_to_crime_days = $7, possessor_is_purchaser = $8 WHERE id = $1`,
      [
        traceId,
        found.by,
        found.state,
        ttc === null ? null : found.saleOn,
        found.dealerName,
        found.dealerFfl,
        ttc,
        poss,
      ],
    );
    await appendTraceAction(
      q,
      traceId,
      found.by === "atf" ? "answer-atf" : "answer-partner",
      t.status,
      "completed",
      null,
      details,
    );
    return;
  }
  await appendTraceAction(
    q,
    traceId,
    found ? (found.by === "atf" ? "answer-atf" : "answer-partner") : "no-record",
    t.status,
    t.status,
    null,
    details,
  );
  if (t.status === "referred") {
    const open = await q.query(
      "SELECT 1 FROM trace_referrals WHERE trace_id = $1 AND status IN ('pending','sent') LIMIT 1",
      [traceId],
    );
    if (!open.length) {
      await q.query("UPDATE traces SET status = 'no-record' WHERE id = $1", [traceId]);
      await appendTraceAction(q, traceId, "no-record", "referred", "no-record", null, {
        why: "neither ATF nor any partner state found a first retail sale",
      });
    }
  }
  void ctx;
}

function atfAnswer(r: AtfTraceResult): OutsideAnswer | null {
  if (r.status !== "completed" || !r.firstPurchase) return null;
  const p = r.firstPurchase;
  return {
    by: "atf",
    state: p.dealer.state,
    saleOn: p.purchasedOn as PlainDate,
    dealerName: p.dealer.name,
    dealerFfl: p.dealer.fflNumber,
    purchaser: p.purchaser
      ? {
          firstName: p.purchaser.firstName,
          lastName: p.purchaser.lastName,
          birthDate: p.purchaser.birthDate as PlainDate | undefined,
        }
      : null,
  };
}

function partnerAnswer(a: PartnerAnswer): OutsideAnswer | null {
  if (!a.found) return null;
  const pu = a.answer.purchaser;
  return {
    by: "partner",
    state: a.state,
    saleOn: (a.answer.saleDate ?? null) as PlainDate | null,
    dealerName: a.answer.dealer?.name ?? null,
    dealerFfl: a.answer.dealer?.fflNumber ?? null,
    purchaser:
      pu?.firstName && pu.lastName
        ? { firstName: pu.firstName, lastName: pu.lastName, birthDate: pu.birthDate as PlainDate | undefined }
        : null,
  };
}

const atfRequest = (t: Trace) => ({
  priority: t.priority,
  requestingAgency: t.requestingAgency ?? "Stateline",
  firearm: {
    make: t.firearm.make ?? "",
    model: t.firearm.model ?? undefined,
    serialNumber: t.firearm.serialNumber ?? "",
    caliber: t.firearm.caliber ?? undefined,
    type: t.firearm.type ?? undefined,
  },
  recovery: {
    date: t.recovery.date,
    state: t.recovery.state,
    town: t.recovery.town ?? undefined,
    crimeCode: t.recovery.crimeCode,
  },
});

/**
 * Sends one referral. ATF: submits and keeps eTrace's number (the answer comes by polling).
 * Partner: sends the signed request and applies the answer at once. A target that cannot be
 * reached throws (the job runner retries with backoff); one that refuses marks the referral failed.
 */
export async function processReferral(
  ctx: Ctx,
  referralId: string,
  opts: { fetch?: typeof fetch } = {},
): Promise<string> {
  const rt = tracingRuntime(ctx);
  const ref = await ctx.db.tx((q) => findReferral(q, referralId));
  if (!ref || ref.status !== "pending") return ref?.status ?? "missing";
  const trace = (await findTrace(ctx.db, ref.traceId))!;
  if (ref.target === "atf") {
    try {
      const r = await rt.atf.submit(atfRequest(trace));
      await ctx.db.tx(async (q) => {
        await q.query(
          "UPDATE trace_referrals SET status = 'sent', external_reference = $2, attempts = attempts + 1, updated_at = now() WHERE id = $1",
          [ref.id, r.traceNumber],
        );
        await appendAudit(
          q,
          { ...ctx, user: null },
          {
            action: "tracing.atf.submit",
            entityType: "trace",
            entityId: trace.id,
            details: { atfTraceNumber: r.traceNumber },
          },
        );
      });
      return "sent";
    } catch (e) {
      if (e instanceof AtfInvalidRequest) {
        await ctx.db.query(
          "UPDATE trace_referrals SET status = 'failed', last_error = $2, attempts = attempts + 1, updated_at = now() WHERE id = $1",
          [ref.id, e.message.slice(0, 500)],
        );
        return "failed";
      }
      if (e instanceof AtfUnavailable)
        await ctx.db.query(
          "UPDATE trace_referrals SET attempts = attempts + 1, last_error = $2, updated_at = now() WHERE id = $1",
          [ref.id, e.message],
        );
      throw e;
    }
  }
  const code = ref.target.slice("partner:".length);
  const partner = findPartner(rt.config, code);
  if (!partner) {
    await ctx.db.query(
      "UPDATE trace_referrals SET status = 'failed', last_error = 'partner no longer configured', updated_at = now() WHERE id = $1",
      [ref.id],
    );
    return "failed";
  }
  let answer: PartnerAnswer;
  try {
    answer = await askPartner(ctx, partner, trace, opts.fetch);
  } catch (e) {
    if (e instanceof PartnerUnavailable) {
      await ctx.db.query(
        "UPDATE trace_referrals SET attempts = attempts + 1, last_error = $2, updated_at = now() WHERE id = $1",
        [ref.id, e.message.slice(0, 500)],
      );
      throw e;
    }
    if (e instanceof AppError) {
      await ctx.db.tx(async (q) => {
        await q.query(
          "UPDATE trace_referrals SET status = 'failed', last_error = $2, attempts = attempts + 1, updated_at = now() WHERE id = $1",
          [ref.id, e.message.slice(0, 500)],
        );
        await appendAudit(
          q,
          { ...ctx, user: null },
          {
            action: "tracing.partner.ask",
            entityType: "trace",
            entityId: trace.id,
            outcome: "failure",
            details: { partner: code, error: e.message.slice(0, 300) },
          },
        );
      });
      return "failed";
    }
    throw e;
  }
  return ctx.db.tx(async (q) => {
    const status = answer.found ? "answered" : "no-record";
    await q.query(
      "UPDATE trace_referrals SET status = $2, external_reference = $3, answer = $4, attempts = attempts + 1, updated_at = now() WHERE id = $1",
      [ref.id, status, answer.reference, JSON.stringify(answer)],
    );
    await appendAudit(
      q,
      { ...ctx, user: null },
      {
        action: "tracing.partner.ask",
        entityType: "trace",
        entityId: trace.id,
        details: {
          partner: code,
          theirReference: answer.reference,
          found: answer.found,
          fieldsReceived: answer.fields,
        },
      },
    );
    await settle(ctx, q, trace.id, partnerAnswer(answer), { partner: code, answer });
    return status;
  });
}

/** Asks eTrace about every referral sent to it; applies the final answers. Returns how many were settled. */
export async function pollAtfReferrals(ctx: Ctx): Promise<number> {
  const rt = tracingRuntime(ctx);
  const sent = await ctx.db.query<{ id: string; trace_id: string; external_reference: string }>(
    "SELECT id::text, trace_id::text, external_reference FROM trace_referrals WHERE target = 'atf' AND status = 'sent' ORDER BY created_at LIMIT 500",
  );
  let settled = 0;
  for (const s of sent) {
    let r: AtfTraceResult;
    try {
      r = await rt.atf.status(s.external_reference);
    } catch (e) {
      if (e instanceof AtfUnavailable) return settled;
      throw e;
    }
    if (r.status === "pending") continue;
    await ctx.db.tx(async (q) => {
      const cur = await q.query("SELECT status FROM trace_referrals WHERE id = $1 FOR UPDATE", [s.id]);
      if (cur[0]?.status !== "sent") return;
      await q.query("UPDATE trace_referrals SET status = $2, answer = $3, updated_at = now() WHERE id = $1", [
        s.id,
        r.status === "completed" ? "answered" : "no-record",
        JSON.stringify(r),
      ]);
      await appendAudit(
        q,
        { ...ctx, user: null },
        {
          action: "tracing.atf.answer",
          entityType: "trace",
          entityId: s.trace_id,
          details: { atfTraceNumber: r.traceNumber, status: r.status },
        },
      );
      await settle(ctx, q, s.trace_id, atfAnswer(r), { atf: r });
    });
    settled += 1;
  }
  return settled;
}
