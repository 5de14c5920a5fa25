/**
 * The partner-state exchange. Each partner (New York, New Jersey, Massachusetts...) runs its own
 * Stateline instance. A trace this instance cannot answer is sent to each partner as a signed
 * request (RFC 9421, Ed25519, see signing.ts); the partner verifies the signature with the key its
 * configuration holds for us, answers from its own records, and sends back only the fields its
 * data-sharing agreement with us names. Both sides audit every exchange: the sender when it sends
 * and receives, the answering side when it answers (with the fields it sent).
 *
 * The request carries the firearm and the recovery's date, state, town and crime code; never the
 * possessor (a partner does not need to know who was found with the gun to say where it was sold).
 */
import type { Ctx } from "../../context.ts";
import { AppError, badField } from "../../lib/errors.ts";
import { appendAudit } from "../audit/index.ts";
import { type AgreementField, type Partner, findPartner, tracingRuntime } from "./config.ts";
import { PartnerTraceRequest } from "./schemas.ts";
import { answerFromOwnRecords, appendTraceAction, type OwnRecordsAnswer, type Trace } from "./service.ts";
import { EXCHANGE_CONTENT_TYPE, SignatureError, signRequest, verifyRequest } from "./signing.ts";

export const PARTNER_PATH = "/api/v1/tracing/partner/trace-requests";

/** What a partner answers: whether it found the gun, its own trace number, and the agreed fields. */
export interface PartnerAnswer {
  state: string;
  reference: string;
  found: boolean;
  fields: AgreementField[];
  answer: {
    dealer?: { name: string; fflNumber: string | null; town: string; state: string } | null;
    saleDate?: string | null;
    timeToCrimeDays?: number | null;
    purchaser?: { firstName?: string; lastName?: string; birthDate?: string; town?: string; state?: string } | null;
    laterTransfers?: {
      date: string;
      dealer: { name: string; fflNumber: string | null } | null;
      buyer?: { firstName: string; lastName: string };
    }[];
    lostStolen?: { available: boolean; reports: { kind: string; reportedOn: string }[] };
  };
}

/**
 * The answer cut down to an agreement: only the named fields leave. This is the allow-list for
 * partners; a field not named here never reaches one.
 */
export function presentForPartner(
  state: string,
  reference: string,
  a: OwnRecordsAnswer,
  fields: readonly AgreementField[],
): PartnerAnswer {
  const has = (f: AgreementField) => fields.includes(f);
  const first = a.firstRetailSale;
  const out: PartnerAnswer["answer"] = {};
  if (has("dealer"))
    out.dealer = first?.dealer
      ? { name: first.dealer.name, fflNumber: first.dealer.fflNumber, town: first.dealer.town, state }
      : null;
  if (has("saleDate")) out.saleDate = first?.date ?? null;
  if (has("timeToCrime")) out.timeToCrimeDays = a.timeToCrimeDays;
  if (has("purchaserName") || has("purchaserBirthDate") || has("purchaserAddress")) {
    out.purchaser = first
      ? {
          ...(has("purchaserName") ? { firstName: first.buyer.firstName, lastName: first.buyer.lastName } : {}),
          ...(has("purchaserBirthDate") ? { birthDate: first.buyer.birthDate } : {}),
          ...(has("purchaserAddress") ? { town: first.buyer.town, state: first.buyer.state } : {}),
        }
      : null;
  }
  if (has("laterTransfers")) {
    out.laterTransfers = a.laterTransfers.map((t) => ({
      date: t.date,
      dealer: t.dealer ? { name: t.dealer.name, fflNumber: t.dealer.fflNumber } : null,
      ...(has("purchaserName") ? { buyer: { firstName: t.buyer.firstName, lastName: t.buyer.lastName } } : {}),
    }));
  }
  if (has("lostStolen"))
    out.lostStolen = {
      available: a.lostStolen.available,
      reports: a.lostStolen.reports.map((r) => ({ kind: r.kind, reportedOn: r.reportedOn })),
    };
  return { state, reference, found: first !== null, fields: [...fields], answer: out };
}

// ---------------------------------------------------------------- answering a partner

export interface InboundRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Answers a signed trace request from a partner's instance: verifies the signature and that the
 * nonce is new, records the request as a trace received from that partner (it counts in this
 * state's dealer figures), answers from own records, and returns only what the agreement allows.
 * Refusals (bad signature, unknown partner) are audited too.
 */
export async function answerPartnerRequest(ctx: Ctx, req: InboundRequest): Promise<PartnerAnswer> {
  const rt = tracingRuntime(ctx);
  let verified;
  try {
    verified = verifyRequest(
      req,
      (keyId) => rt.config.partners.find((p) => p.keyId === keyId)?.publicKey,
      ctx.clock.now(),
      rt.config.signatureWindowSeconds,
    );
  } catch (e) {
    if (!(e instanceof SignatureError)) throw e;
    await appendAudit(
      ctx.db,
      { ...ctx, user: null },
      { action: "tracing.partner.refused", outcome: "denied", details: { why: e.message } },
    );
    throw new AppError("unauthenticated", `partner signature refused: ${e.message}`);
  }
  const partner = rt.config.partners.find((p) => p.keyId === verified.keyId)!;
  let json: unknown;
  try {
    json = JSON.parse(req.body);
  } catch {
    throw badField("body", "must be JSON");
  }
  const parsed = PartnerTraceRequest.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message }));
    throw new AppError(
      "validation",
      `invalid body: ${fields.map((f) => `${f.field || "body"}: ${f.message}`).join("; ")}`,
      { fields },
    );
  }
  const body = parsed.data;
  if (body.requestingState !== partner.code)
    throw badField("requestingState", `the signing key belongs to ${partner.code}`);
  return ctx.db.tx(async (q) => {
    const fresh = await q.query(
      "INSERT INTO partner_exchange_nonces (partner_code, nonce) VALUES ($1,$2) ON CONFLICT DO NOTHING RETURNING 1",
      [partner.code, verified.nonce],
    );
    if (!fresh.length) {
      await appendAudit(
        q,
        { ...ctx, user: null },
        {
          action: "tracing.partner.refused",
          outcome: "denied",
          details: { partner: partner.code, why: "replayed nonce" },
        },
      );
      throw new AppError("conflict", "this signed request was already received (replay)");
    }
    const answer = await answerFromOwnRecords(q, {
      state: rt.config.state,
      make: body.firearm.make,
      serial: body.firearm.serialNumber,
      recoveredOn: body.recovery.date,
      possessor: null,
    });
    // The same request again (a retry with a new signature) is answered again but stored once.
    const existing = await q.query<{ id: string; number: string }>(
      "SELECT id::text, number FROM traces WHERE origin = 'partner' AND partner_code = $1 AND partner_reference = $2",
      [partner.code, body.reference],
    );
    let traceId = existing[0]?.id,
      number = existing[0]?.number;
    if (!traceId) {
      const n = await q.query<{ n: number }>("SELECT nextval('trace_number_seq') AS n");
      number = `TR-${rt.config.state}-${n[0]!.n}`;
      const f = answer.firstRetailSale;
      const ins = await q.query<{ id: string }>(
        `INSERT INTO traces (number, origin, partner_code, partner_reference, priority, requested_at, requesting_agency, firearm_make, firearm_model, firearm_serial, serial_status,
           firearm_caliber, firearm_type, recovered_on, recovery_state, recovery_town, crime_code, status, source_state, answered_by, first_sale_id, first_sale_on,
           first_dealer_id, first_dealer_name, first_dealer_ffl, purchaser_person_id, time_to_crime_days, possessor_is_purchaser)
         VALUES ($1,'partner',$2,$3,$4,$5,$6,$7,$8,$9,'present',$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,'unknown') RETURNING id::text`,
        [
          number,
          partner.code,
          body.reference,
          body.priority,
          ctx.clock.now().toISOString(),
          `${partner.name} (partner exchange)`,
          body.firearm.make.toUpperCase(),
          body.firearm.model ?? null,
          body.firearm.serialNumber.toUpperCase(),
          body.firearm.caliber ?? null,
          body.firearm.type ?? null,
          body.recovery.date,
          body.recovery.state,
          body.recovery.town ?? null,
          body.recovery.crimeCode,
          f ? "answered" : "no-record",
          f ? rt.config.state : null,
          f ? "stateline" : null,
          f?.saleId ?? null,
          f?.date ?? null,
          f?.dealer?.id ?? null,
          f?.dealer?.name ?? null,
          f?.dealer?.fflNumber ?? null,
          f?.buyer.personId ?? null,
          answer.timeToCrimeDays,
        ],
      );
      traceId = ins[0]!.id;
      await appendTraceAction(q, traceId, "request", null, f ? "answered" : "no-record", null, {
        partner: partner.code,
        reference: body.reference,
      });
      await appendTraceAction(q, traceId, "answer-own-records", null, f ? "answered" : "no-record", null, { answer });
    }
    const out = presentForPartner(rt.config.state, number!, answer, partner.receives);
    await appendAudit(
      q,
      { ...ctx, user: null },
      {
        action: "tracing.partner.answer",
        entityType: "trace",
        entityId: traceId,
        purpose: `firearm-trace: trace request ${body.reference} from partner state ${partner.code} under its data-sharing agreement`,
        details: { partner: partner.code, reference: body.reference, found: out.found, fieldsSent: out.fields },
      },
    );
    return out;
  });
}

// ---------------------------------------------------------------- asking a partner

/** The request body sent to a partner for one trace. */
export function partnerRequestBody(state: string, t: Trace): string {
  return JSON.stringify({
    reference: t.number,
    requestingState: state,
    priority: t.priority,
    firearm: {
      make: t.firearm.make,
      ...(t.firearm.model ? { model: t.firearm.model } : {}),
      serialNumber: t.firearm.serialNumber,
      ...(t.firearm.caliber ? { caliber: t.firearm.caliber } : {}),
      ...(t.firearm.type ? { type: t.firearm.type } : {}),
    },
    recovery: {
      date: t.recovery.date,
      state: t.recovery.state,
      ...(t.recovery.town ? { town: t.recovery.town } : {}),
      crimeCode: t.recovery.crimeCode,
    },
  });
}

export class PartnerUnavailable extends Error {}

/** Sends one trace to one partner, signed; returns its answer. Throws PartnerUnavailable (retry later) or AppError (refused). */
export async function askPartner(
  ctx: Ctx,
  partner: Partner,
  t: Trace,
  fetchImpl: typeof fetch = fetch,
): Promise<PartnerAnswer> {
  const rt = tracingRuntime(ctx);
  if (!rt.config.privateKey)
    throw new AppError("internal", "no signing key configured (STATELINE_TRACING_PRIVATE_KEY)");
  const url = `${partner.url}${PARTNER_PATH}`;
  const body = partnerRequestBody(rt.config.state, t);
  const headers = signRequest({
    method: "POST",
    url,
    body,
    keyId: rt.config.keyId,
    privateKey: rt.config.privateKey,
    now: ctx.clock.now(),
  });
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: "POST",
      headers: { ...headers, accept: "application/json" },
      body,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (e) {
    throw new PartnerUnavailable(`${partner.code} did not answer: ${(e as Error).message}`);
  }
  const text = await res.text();
  if (res.status >= 500 || res.status === 429) throw new PartnerUnavailable(`${partner.code} answered ${res.status}`);
  if (res.status !== 200)
    throw new AppError("conflict", `${partner.code} refused the request (${res.status}): ${text.slice(0, 300)}`);
  const a = JSON.parse(text) as PartnerAnswer;
  if (a.state !== partner.code) throw new AppError("conflict", `the answer names ${a.state}, not ${partner.code}`);
  return a;
}

export { findPartner, EXCHANGE_CONTENT_TYPE };
