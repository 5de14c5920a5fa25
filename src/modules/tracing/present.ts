/** Presenters for tracing: allow-lists of the fields that leave, per audience. */
import type { OwnRecordsAnswer, Trace, TraceDetail } from "./service.ts";

/** A trace for investigators (police, the AG's office, the task force). */
export function presentTrace(t: Trace) {
  return {
    id: t.id,
    number: t.number,
    origin: t.origin,
    partnerCode: t.partnerCode,
    partnerReference: t.partnerReference,
    priority: t.priority,
    requestedAt: t.requestedAt,
    requestingAgency: t.requestingAgency,
    firearm: t.firearm,
    recovery: t.recovery,
    status: t.status,
    sourceState: t.sourceState,
    answeredBy: t.answeredBy,
    firstSale: t.firstSale,
    purchaserPersonId: t.purchaserPersonId,
    timeToCrimeDays: t.timeToCrimeDays,
    possessorIsPurchaser: t.possessorIsPurchaser,
    reportedStolen: t.reportedStolen,
    return: t.returnStatus ? { status: t.returnStatus, ownerPersonId: t.returnOwnerPersonId } : null,
  };
}

export function presentAnswer(a: OwnRecordsAnswer) {
  return {
    found: a.found,
    firstRetailSale: a.firstRetailSale,
    laterTransfers: a.laterTransfers,
    lostStolen: a.lostStolen,
    registrations: a.registrations,
    timeToCrimeDays: a.timeToCrimeDays,
    possessorIsPurchaser: a.possessorIsPurchaser,
    sourceState: a.sourceState,
  };
}

export function presentTraceDetail(d: TraceDetail) {
  return { trace: presentTrace(d.trace), answers: d.answers, referrals: d.referrals };
}
