/**
 * Crime gun traces. An investigator asks a trace for a recovered firearm; Stateline answers at
 * once from its own records (the first retail sale and later transfers it authorized, lost and
 * stolen reports, registrations, time to crime, whether the possessor is the purchaser). What it
 * cannot answer is referred to ATF (eTrace, through the adapter) and to every partner state's
 * instance (exchange.ts); their answers complete the trace later (jobs.ts).
 *
 * A trace's status moves only forward (NEXT); every change is an appended trace_actions row with
 * the answer as it was given. Every read of a trace states its purpose and is audited, and a
 * refused read is audited too.
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { type PlainDate, daysBetween } from "../../law/core/dates.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { purposeLine, type ReadPurpose } from "../../lib/purpose.ts";
import { appendAudit } from "../audit/index.ts";
import { enqueueJob } from "../jobs/index.ts";
import { type User } from "../auth/index.ts";
import { tracingRuntime } from "./config.ts";
import { tracingPolicy } from "./policy.ts";
import { salesBySerial, type SaleRecord } from "./sale-records.ts";
import { lostStolenBySerial, registrationsBySerial, type LostStolenReport, type RegistrationRecord } from "./seams.ts";
import type { TraceRequest } from "./schemas.ts";

export type TraceStatus = "answered" | "referred" | "completed" | "no-record" | "untraceable";

/** Which status may follow which (a trace only moves forward). */
export const NEXT: Record<TraceStatus, readonly TraceStatus[]> = {
  referred: ["completed", "no-record"],
  answered: [],
  completed: [],
  "no-record": ["completed"],
  untraceable: [],
};

export interface PersonRef {
  personId: string | null;
  firstName: string;
  lastName: string;
  birthDate: PlainDate;
  town: string;
  state: string;
}
export interface TransferRef {
  saleId: string;
  number: string;
  date: PlainDate;
  dealer: { id: string; name: string; fflNumber: string | null; town: string } | null;
  buyer: PersonRef;
  privateSeller: string | null;
}

/** The answer from Stateline's own records. */
export interface OwnRecordsAnswer {
  found: boolean;
  firstRetailSale: TransferRef | null;
  laterTransfers: TransferRef[];
  lostStolen: { available: boolean; reports: LostStolenReport[] };
  registrations: { available: boolean; records: RegistrationRecord[] };
  timeToCrimeDays: number | null;
  possessorIsPurchaser: "yes" | "no" | "unknown";
  sourceState: string | null;
}

export interface Trace {
  id: string;
  number: string;
  origin: "local" | "partner";
  partnerCode: string | null;
  partnerReference: string | null;
  priority: "urgent" | "routine";
  requestedBy: string | null;
  requestedAt: string;
  requestingAgency: string | null;
  firearm: {
    make: string | null;
    model: string | null;
    serialNumber: string | null;
    serialStatus: string;
    caliber: string | null;
    type: string | null;
  };
  recovery: {
    date: PlainDate;
    state: string;
    town: string | null;
    address: string | null;
    coordinates: { lat: number; lon: number } | null;
    crimeCode: string;
    possessor: { firstName: string; lastName: string; birthDate: PlainDate | null } | null;
    acquisition: { channel: string; seller: string | null } | null;
    ammunitionRecovered: number | null;
  };
  status: TraceStatus;
  sourceState: string | null;
  answeredBy: "stateline" | "atf" | "partner" | null;
  firstSale: {
    saleId: string | null;
    date: PlainDate | null;
    dealerId: string | null;
    dealerName: string | null;
    dealerFfl: string | null;
  } | null;
  purchaserPersonId: string | null;
  timeToCrimeDays: number | null;
  possessorIsPurchaser: "yes" | "no" | "unknown" | null;
  reportedStolen: boolean;
  returnStatus: "flagged" | "returned" | null;
  returnOwnerPersonId: string | null;
}

const COLS = `id::text, number, origin, partner_code, partner_reference, priority, requested_by::text, requested_at, requesting_agency, firearm_make, firearm_model,
  firearm_serial, serial_status, firearm_caliber, firearm_type, recovered_on, recovery_state, recovery_town, recovery_address, recovery_lat, recovery_lon, crime_code,
  possessor_first_name, possessor_last_name, possessor_birth_on, acquisition_channel, acquisition_seller, ammunition_recovered, status, source_state, answered_by,
  first_sale_id::text, first_sale_on, first_dealer_id::text, first_dealer_name, first_dealer_ffl, purchaser_person_id::text, time_to_crime_days, possessor_is_purchaser,
  reported_stolen, return_status, return_owner_person_id::text`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database row, read column by column
export const toTrace = (r: Record<string, any>): Trace => ({
  id: r.id,
  number: r.number,
  origin: r.origin,
  partnerCode: r.partner_code,
  partnerReference: r.partner_reference,
  priority: r.priority,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at instanceof Date ? r.requested_at.toISOString() : String(r.requested_at),
  requestingAgency: r.requesting_agency,
  firearm: {
    make: r.firearm_make,
    model: r.firearm_model,
    serialNumber: r.firearm_serial,
    serialStatus: r.serial_status,
    caliber: r.firearm_caliber,
    type: r.firearm_type,
  },
  recovery: {
    date: r.recovered_on,
    state: r.recovery_state,
    town: r.recovery_town,
    address: r.recovery_address,
    coordinates: r.recovery_lat === null ? null : { lat: r.recovery_lat, lon: r.recovery_lon },
    crimeCode: r.crime_code,
    possessor: r.possessor_last_name
      ? { firstName: r.possessor_first_name, lastName: r.possessor_last_name, birthDate: r.possessor_birth_on }
      : null,
    acquisition: r.acquisition_channel ? { channel: r.acquisition_channel, seller: r.acquisition_seller } : null,
    ammunitionRecovered: r.ammunition_recovered,
  },
  status: r.status,
  sourceState: r.source_state,
  answeredBy: r.answered_by,
  firstSale:
    r.first_sale_on || r.first_dealer_name
      ? {
          saleId: r.first_sale_id,
          date: r.first_sale_on,
          dealerId: r.first_dealer_id,
          dealerName: r.first_dealer_name,
          dealerFfl: r.first_dealer_ffl,
        }
      : null,
  purchaserPersonId: r.purchaser_person_id,
  timeToCrimeDays: r.time_to_crime_days,
  possessorIsPurchaser: r.possessor_is_purchaser,
  reportedStolen: r.reported_stolen,
  returnStatus: r.return_status,
  returnOwnerPersonId: r.return_owner_person_id,
});

export async function findTrace(q: Queryable, id: string, forUpdate = false): Promise<Trace | undefined> {
  const r = await q.query(`SELECT ${COLS} FROM traces WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`, [id]);
  return r[0] ? toTrace(r[0]) : undefined;
}

// ---------------------------------------------------------------- the answer from own records

const norm = (s: string | null | undefined) => (s ?? "").trim().toLowerCase();

/** Whether the possessor is the given purchaser: same names, and the same birth date when both are known. */
export function samePerson(
  a: { firstName: string; lastName: string; birthDate?: PlainDate | null | undefined } | null | undefined,
  b: { firstName: string; lastName: string; birthDate?: PlainDate | null | undefined } | null | undefined,
): "yes" | "no" | "unknown" {
  if (!a || !b) return "unknown";
  if (norm(a.lastName) !== norm(b.lastName) || norm(a.firstName) !== norm(b.firstName)) return "no";
  if (a.birthDate && b.birthDate && a.birthDate !== b.birthDate) return "no";
  return "yes";
}

const transferRef = (s: SaleRecord): TransferRef => ({
  saleId: s.id,
  number: s.number,
  date: s.saleOn,
  dealer: s.dealer,
  buyer: s.buyer,
  privateSeller: s.sellerName,
});

/**
 * What Stateline's own records say about one firearm recovered on `recoveredOn`: transfers after
 * the recovery are not part of the gun's history before the crime and are left out.
 */
export async function answerFromOwnRecords(
  q: Queryable,
  o: {
    state: string;
    make: string | null;
    serial: string;
    recoveredOn: PlainDate;
    possessor: { firstName: string; lastName: string; birthDate?: PlainDate | null | undefined } | null;
  },
): Promise<OwnRecordsAnswer> {
  const sales = (await salesBySerial(q, o.serial, o.make)).filter((s) => s.saleOn <= o.recoveredOn);
  const first = sales.find((s) => s.retail) ?? null;
  const later = first ? sales.filter((s) => s !== first && s.saleOn >= first.saleOn) : sales;
  const lostStolen = await lostStolenBySerial(q, o.serial);
  const registrations = await registrationsBySerial(q, o.serial);
  return {
    found: sales.length > 0,
    firstRetailSale: first ? transferRef(first) : null,
    laterTransfers: later.map(transferRef),
    lostStolen,
    registrations,
    // Time to crime: from the first retail sale to the recovery (ATF's definition).
    timeToCrimeDays: first ? daysBetween(first.saleOn, o.recoveredOn) : null,
    possessorIsPurchaser: first ? samePerson(o.possessor, first.buyer) : "unknown",
    sourceState: first ? o.state : null,
  };
}

// ---------------------------------------------------------------- asking a trace

function requireRole(ctx: Ctx, allowed: (u: User) => boolean, why: string): User {
  const u = ctx.user;
  if (!u) throw new AppError("unauthenticated", "sign in first");
  if (!allowed(u)) throw forbidden(why);
  return u;
}

async function nextNumber(q: Queryable, state: string): Promise<string> {
  const n = await q.query<{ n: number }>("SELECT nextval('trace_number_seq') AS n");
  return `TR-${state}-${n[0]!.n}`;
}

export async function appendTraceAction(
  q: Queryable,
  traceId: string,
  action: string,
  from: string | null,
  to: string,
  actorId: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await q.query(
    "INSERT INTO trace_actions (trace_id, action, from_status, to_status, actor_id, details) VALUES ($1,$2,$3,$4,$5,$6)",
    [traceId, action, from, to, actorId, JSON.stringify(details)],
  );
}

/** Stores the summary of an own-records answer on the trace. */
async function storeOwnAnswer(q: Queryable, traceId: string, a: OwnRecordsAnswer, status: TraceStatus): Promise<void> {
  const f = a.firstRetailSale;
  const stolen = a.lostStolen.reports.some((r) => r.kind === "stolen");
  await q.query(
    `UPDATE traces SET status = $2, source_state = $3, answered_by = $4, first_sale_id = $5, first_sale_on = $6, first_dealer_id = $7, first_dealer_name = $8,
       first_dealer_ffl = $9, purchaser_person_id = $10, time_to_crime_days = $11, possessor_is_purchaser = $12, reported_stolen = $13 WHERE id = $1`,
    [
      traceId,
      status,
      a.sourceState,
      f ? "stateline" : null,
      f?.saleId ?? null,
      f?.date ?? null,
      f?.dealer?.id ?? null,
      f?.dealer?.name ?? null,
      f?.dealer?.fflNumber ?? null,
      f?.buyer.personId ?? null,
      a.timeToCrimeDays,
      a.possessorIsPurchaser,
      stolen,
    ],
  );
}

/**
 * Asks a trace: stores the request, answers from Stateline's own records at once, and refers what
 * it cannot answer to ATF and the partner states (jobs send them). The purpose of reading the sale
 * records in the answer is audited in the same transaction.
 */
export async function requestTrace(
  ctx: Ctx,
  input: TraceRequest,
): Promise<{ trace: Trace; answer: OwnRecordsAnswer; referrals: string[] }> {
  const user = requireRole(
    ctx,
    tracingPolicy.request,
    "only police, the Attorney General's office and the trafficking task force ask traces",
  );
  const rt = tracingRuntime(ctx);
  const f = input.firearm,
    r = input.recovery;
  if (r.date > ctx.today) throw badField("recovery.date", "cannot be in the future");
  if (r.possessor?.birthDate && r.possessor.birthDate > r.date)
    throw badField("recovery.possessor.birthDate", "must be before the recovery");
  return ctx.db.tx(async (q) => {
    const number = await nextNumber(q, rt.config.state);
    const ins = await q.query<{ id: string }>(
      `INSERT INTO traces (number, origin, priority, requested_by, requested_at, requesting_agency, firearm_make, firearm_model, firearm_serial, serial_status,
         firearm_caliber, firearm_type, recovered_on, recovery_state, recovery_town, recovery_address, recovery_lat, recovery_lon, crime_code,
         possessor_first_name, possessor_last_name, possessor_birth_on, acquisition_channel, acquisition_seller, ammunition_recovered, status)
       VALUES ($1,'local',$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,'referred') RETURNING id::text`,
      [
        number,
        input.priority,
        user.id,
        ctx.clock.now().toISOString(),
        input.requestingAgency ?? null,
        f.make.toUpperCase(),
        f.model ?? null,
        f.serialStatus === "present" ? f.serialNumber!.toUpperCase() : null,
        f.serialStatus,
        f.caliber ?? null,
        f.type ?? null,
        r.date,
        r.state,
        r.town ?? null,
        r.address ?? null,
        r.coordinates?.lat ?? null,
        r.coordinates?.lon ?? null,
        r.crimeCode,
        r.possessor?.firstName ?? null,
        r.possessor?.lastName ?? null,
        r.possessor?.birthDate ?? null,
        r.acquisition?.channel ?? null,
        r.acquisition?.seller ?? null,
        r.ammunitionRecovered ?? null,
      ],
    );
    const id = ins[0]!.id;
    await appendTraceAction(q, id, "request", null, "referred", user.id, { priority: input.priority });
    let answer: OwnRecordsAnswer;
    let status: TraceStatus;
    const referrals: string[] = [];
    if (f.serialStatus !== "present") {
      // Without a serial number there is no record to follow, here or at ATF.
      answer = {
        found: false,
        firstRetailSale: null,
        laterTransfers: [],
        lostStolen: { available: false, reports: [] },
        registrations: { available: false, records: [] },
        timeToCrimeDays: null,
        possessorIsPurchaser: "unknown",
        sourceState: null,
      };
      status = "untraceable";
    } else {
      answer = await answerFromOwnRecords(q, {
        state: rt.config.state,
        make: f.make,
        serial: f.serialNumber!,
        recoveredOn: r.date,
        possessor: r.possessor ?? null,
      });
      status = answer.firstRetailSale ? "answered" : "referred";
    }
    await storeOwnAnswer(q, id, answer, status);
    // § 41: a gun reported stolen goes back to its owner, with the ammunition recovered with it.
    await flagReturnIfStolen(q, id, answer.lostStolen.reports, r.ammunitionRecovered ?? null);
    await appendTraceAction(q, id, "answer-own-records", "referred", status, user.id, { answer });
    if (status === "referred") {
      for (const target of ["atf", ...rt.config.partners.map((p) => `partner:${p.code}`)]) {
        const rr = await q.query<{ id: string }>(
          "INSERT INTO trace_referrals (trace_id, target, status) VALUES ($1,$2,'pending') RETURNING id::text",
          [id, target],
        );
        await enqueueJob(
          q,
          ctx.clock.now(),
          "tracing.refer",
          { referralId: rr[0]!.id },
          { dedupeKey: `tracing.refer:${rr[0]!.id}` },
        );
        referrals.push(target);
      }
      await appendTraceAction(q, id, "refer", "referred", "referred", user.id, { targets: referrals });
    }
    await appendAudit(q, ctx, {
      action: "trace.request",
      entityType: "trace",
      entityId: id,
      purpose: purposeLine(input.purpose),
      details: {
        priority: input.priority,
        status,
        answeredFromOwnRecords: status === "answered",
        referrals,
        saleIds: answer.firstRetailSale
          ? [answer.firstRetailSale.saleId, ...answer.laterTransfers.map((t) => t.saleId)]
          : answer.laterTransfers.map((t) => t.saleId),
      },
    });
    return { trace: (await findTrace(q, id))!, answer, referrals };
  });
}

// ---------------------------------------------------------------- reading traces

export interface TraceDetail {
  trace: Trace;
  /** Each answer as it was given: own records, ATF, partners. */
  answers: { action: string; at: string; details: Record<string, unknown> }[];
  referrals: {
    target: string;
    status: string;
    externalReference: string | null;
    answer: unknown;
    lastError: string | null;
  }[];
}

/** Refuses a read and audits the refusal. */
async function deny(
  ctx: Ctx,
  action: string,
  entityId: string | undefined,
  purpose: ReadPurpose | undefined,
  why: string,
): Promise<never> {
  await appendAudit(ctx.db, ctx, {
    action,
    entityType: "trace",
    ...(entityId ? { entityId } : {}),
    outcome: "denied",
    ...(purpose ? { purpose: purposeLine(purpose) } : {}),
  });
  throw forbidden(why);
}

/** One trace with its answers and referrals. The purpose is audited (and a refused read too). */
export async function getTrace(ctx: Ctx, id: string, purpose: ReadPurpose): Promise<TraceDetail> {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  if (!tracingPolicy.read(ctx.user)) return deny(ctx, "trace.read", id, purpose, "only investigators read traces");
  const trace = await findTrace(ctx.db, id);
  if (!trace) throw notFound("trace");
  const acts = await ctx.db.query(
    "SELECT action, at, details FROM trace_actions WHERE trace_id = $1 AND action LIKE 'answer-%' ORDER BY id",
    [id],
  );
  const refs = await ctx.db.query(
    "SELECT target, status, external_reference, answer, last_error FROM trace_referrals WHERE trace_id = $1 ORDER BY target",
    [id],
  );
  await appendAudit(ctx.db, ctx, {
    action: "trace.read",
    entityType: "trace",
    entityId: id,
    purpose: purposeLine(purpose),
  });
  return {
    trace,
    answers: acts.map((a) => ({
      action: a.action,
      at: a.at instanceof Date ? a.at.toISOString() : String(a.at),
      details: a.details,
    })),
    referrals: refs.map((r) => ({
      target: r.target,
      status: r.status,
      externalReference: r.external_reference,
      answer: r.answer,
      lastError: r.last_error,
    })),
  };
}

export interface TraceQuery {
  status?: TraceStatus | undefined;
  serial?: string | undefined;
  limit: number;
  offset: number;
}

/** Traces, newest first (the purpose is audited with the ids shown). */
export async function listTraces(
  ctx: Ctx,
  query: TraceQuery,
  purpose: ReadPurpose,
): Promise<{ total: number; items: Trace[] }> {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  if (!tracingPolicy.read(ctx.user))
    return deny(ctx, "traces.read", undefined, purpose, "only investigators read traces");
  const where = "WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR upper(firearm_serial) = upper($2))";
  const params = [query.status ?? null, query.serial ?? null];
  const total = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM traces ${where}`, params);
  const rows = await ctx.db.query(
    `SELECT ${COLS} FROM traces ${where} ORDER BY requested_at DESC, number DESC LIMIT $3 OFFSET $4`,
    [...params, query.limit, query.offset],
  );
  const items = rows.map(toTrace);
  await appendAudit(ctx.db, ctx, {
    action: "traces.read",
    entityType: "trace",
    purpose: purposeLine(purpose),
    details: { shown: items.map((t) => t.id) },
  });
  return { total: total[0]?.n ?? 0, items };
}

// ---------------------------------------------------------------- § 41 returns (see returns.ts)

/** PA 13-3 § 41: stolen ammunition recovered with a stolen gun goes back to its rightful owner. */
export const RETURN_CITATION = "PA 13-3 § 41";

/** Flags a trace for return when its gun was reported stolen (in the trace's transaction). */
export async function flagReturnIfStolen(
  q: Queryable,
  traceId: string,
  reports: readonly LostStolenReport[],
  ammunitionRecovered: number | null,
): Promise<boolean> {
  const stolen = reports.find((r) => r.kind === "stolen");
  if (!stolen) return false;
  await q.query(
    "UPDATE traces SET reported_stolen = true, return_status = 'flagged', return_owner_person_id = $2 WHERE id = $1",
    [traceId, stolen.ownerPersonId],
  );
  await appendTraceAction(q, traceId, "flag-return", null, "flagged", null, {
    citation: RETURN_CITATION,
    lostStolenReportId: stolen.id,
    ownerPersonId: stolen.ownerPersonId,
    reportedOn: stolen.reportedOn,
    items: [
      "firearm",
      ...(ammunitionRecovered ? [`${ammunitionRecovered} rounds of ammunition recovered with it`] : []),
    ],
  });
  return true;
}
