/** Allow-listed views of enforcement data, per audience. Nothing leaves unless named here. */
import { type User } from "../auth/index.ts";
import { enforcementPolicy as policy } from "./policy.ts";
import type { StoredRecord } from "./queries.ts";
import type { ReceiveResult } from "./service.ts";

/** What a source gets back: a receipt, never what Stateline knows about the person. */
export function presentReceipt(r: ReceiveResult) {
  return {
    number: r.record.number,
    sourceRecordId: r.record.sourceRecordId,
    version: r.record.version,
    stored: r.stored,
    receivedOn: r.record.receivedOn,
  };
}

/** What licensing staff keying a record by hand see: the receipt, the match outcome and its reach. */
export function presentReceiveResult(user: User, r: ReceiveResult) {
  if (!policy.seeMatchOutcome(user)) return presentReceipt(r);
  return {
    ...presentReceipt(r),
    id: r.record.id,
    status: r.status,
    reviewId: r.reviewId,
    personId: r.record.personId,
    effects: r.effects,
    lifted: r.lifted,
  };
}

export function presentRecord(r: StoredRecord) {
  return {
    id: r.id,
    number: r.number,
    source: r.source,
    sourceRecordId: r.sourceRecordId,
    kind: r.kind,
    version: r.version,
    recordState: r.recordState,
    status: r.status,
    subject: r.subject,
    details: r.details,
    personId: r.personId,
    matchHow: r.matchHow,
    matchProbability: r.matchProbability,
    eventOn: r.eventOn,
    receivedOn: r.receivedOn,
  };
}
