/**
 * Reading enforcement records: court, probate and health records are confidential, so every read
 * states a purpose and is audited, and a refused read is audited too. Record sources never read.
 */
import type { Ctx } from "../../context.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { forbidden, notFound } from "../../lib/errors.ts";
import { purposeLine, type ReadPurpose } from "../../lib/purpose.ts";
import { type User } from "../auth/index.ts";
import { appendAudit } from "../audit/index.ts";
import { credentialsOfPerson } from "../credentials/index.ts";
import { findPerson } from "../people/index.ts";
import { OBLIGATION_NEXT } from "./obligations.ts";
import { enforcementPolicy as policy } from "./policy.ts";
import {
  findObligation,
  findRecord,
  findReview,
  findSeizure,
  listArmedProhibited,
  listRecords,
  listReviews,
  listSeizures,
  matchLog,
  obligationCounts,
  obligationHistory,
  obligationsOfPerson,
  peopleByIds,
  recordHistory,
  recordVersions,
  seizureHistory,
  type RecordStatus,
  type ReviewStatus,
  type SeizureStatus,
} from "./queries.ts";
import { SEIZURE_NEXT } from "./seizures.ts";
import { requireUser } from "./tx.ts";

/** Authorizes a read; a refusal is audited (with the purpose, when one was given) before the 403. */
async function authorize(
  ctx: Ctx,
  allowed: (u: User) => boolean,
  action: string,
  entityType: string,
  entityId: string | undefined,
  purpose: ReadPurpose | undefined,
): Promise<User> {
  const user = requireUser(ctx);
  if (policy.isSource(user) || !allowed(user)) {
    await appendAudit(ctx.db, ctx, {
      action,
      entityType,
      ...(entityId ? { entityId } : {}),
      outcome: "denied",
      ...(purpose ? { purpose: purposeLine(purpose) } : {}),
      details: { role: user.role },
    });
    throw forbidden(
      policy.isSource(user)
        ? "record sources send records and never read them"
        : "your role may not read enforcement records",
    );
  }
  return user;
}

async function audited(
  ctx: Ctx,
  action: string,
  entityType: string,
  entityId: string | undefined,
  purpose: ReadPurpose,
  details: Record<string, unknown> = {},
) {
  await appendAudit(ctx.db, ctx, {
    action,
    entityType,
    ...(entityId ? { entityId } : {}),
    purpose: purposeLine(purpose),
    details,
  });
}

export type PurposeGetter = () => ReadPurpose;

/** The review queue (or the unmatched list with status "unmatched" through listFeedRecords). */
export async function getReviewQueue(
  ctx: Ctx,
  f: { status?: ReviewStatus | undefined; limit: number; offset: number },
  purpose: PurposeGetter,
) {
  await authorize(ctx, policy.reviewMatches, "enforcement.reviews.read", "match-review", undefined, undefined);
  const p = purpose();
  const r = await listReviews(ctx.db, { status: f.status ?? "open", limit: f.limit, offset: f.offset });
  await audited(ctx, "enforcement.reviews.read", "match-review", undefined, p, { count: r.items.length });
  return r;
}

/** One review: the record and each candidate side by side, with the reasons for each score. */
export async function getReview(ctx: Ctx, id: string, purpose: PurposeGetter) {
  await authorize(ctx, policy.reviewMatches, "enforcement.review.read", "match-review", id, undefined);
  const p = purpose();
  const review = await findReview(ctx.db, id);
  if (!review) throw notFound("review");
  const record = (await findRecord(ctx.db, review.feedRecordId))!;
  const people = await peopleByIds(ctx.db, [
    ...review.candidates.map((c) => c.personId),
    ...(review.personId ? [review.personId] : []),
  ]);
  await audited(ctx, "enforcement.review.read", "match-review", id, p, { feedRecordId: record.id });
  return {
    review,
    record,
    candidates: review.candidates.map((c) => ({ ...c, person: people.get(c.personId) ?? null })),
    history: await recordHistory(ctx.db, record.id),
  };
}

export async function listFeedRecords(
  ctx: Ctx,
  f: { status?: RecordStatus | undefined; limit: number; offset: number },
  purpose: PurposeGetter,
) {
  await authorize(ctx, policy.reviewMatches, "enforcement.records.read", "feed-record", undefined, undefined);
  const p = purpose();
  const r = await listRecords(ctx.db, f);
  await audited(ctx, "enforcement.records.read", "feed-record", undefined, p, {
    status: f.status ?? null,
    count: r.items.length,
  });
  return r;
}

export async function getFeedRecord(ctx: Ctx, id: string, purpose: PurposeGetter) {
  await authorize(ctx, policy.viewEnforcement, "enforcement.record.read", "feed-record", id, undefined);
  const p = purpose();
  const record = await findRecord(ctx.db, id);
  if (!record) throw notFound("record");
  await audited(ctx, "enforcement.record.read", "feed-record", id, p);
  const reviews = await listReviews(ctx.db, { feedRecordId: id, limit: 50, offset: 0 });
  return {
    record,
    versions: await recordVersions(ctx.db, id),
    history: await recordHistory(ctx.db, id),
    reviews: reviews.items,
  };
}

/** A person's whole enforcement record: every record matched to them with who matched it, obligations, seizures, credentials. */
export async function getPersonRecord(ctx: Ctx, personId: string, purpose: PurposeGetter) {
  await authorize(ctx, policy.viewEnforcement, "enforcement.person.read", "person", personId, undefined);
  const p = purpose();
  const person = await findPerson(ctx.db, personId);
  if (!person) throw notFound("person");
  await audited(ctx, "enforcement.person.read", "person", personId, p);
  const records = await listRecords(ctx.db, { personId, limit: 200, offset: 0 });
  const withHistory = [];
  for (const r of records.items) withHistory.push({ record: r, history: await recordHistory(ctx.db, r.id) });
  const decided = await ctx.db.query(
    `SELECT r.id::text, r.status, r.note, r.decided_at, u.display_name, f.number FROM match_reviews r JOIN feed_records f ON f.id = r.feed_record_id
     LEFT JOIN users u ON u.id = r.decided_by WHERE r.person_id = $1 OR r.candidates @> $2::jsonb ORDER BY r.opened_at`,
    [personId, JSON.stringify([{ personId }])],
  );
  return {
    person,
    records: withHistory,
    reviews: decided.map((x) => ({
      id: x.id as string,
      status: x.status as string,
      note: x.note as string | null,
      decidedAt: x.decided_at as string | null,
      decidedBy: x.display_name as string | null,
      recordNumber: x.number as string,
    })),
    obligations: await obligationsOfPerson(ctx.db, personId),
    seizures: (await listSeizures(ctx.db, { personId, limit: 100, offset: 0 })).items,
    credentials: (await credentialsOfPerson(ctx.db, personId)).map((c) => ({
      id: c.id,
      number: c.number,
      kind: c.kind,
      status: c.status,
      revokedOn: c.revokedOn,
      surrenderDueOn: c.surrenderDueOn,
      surrenderedOn: c.surrenderedOn,
    })),
  };
}

export async function getArmedProhibited(
  ctx: Ctx,
  f: { town?: string | undefined; limit: number; offset: number },
  purpose: PurposeGetter,
) {
  await authorize(ctx, policy.viewEnforcement, "enforcement.armed-prohibited.read", "obligation", undefined, undefined);
  const p = purpose();
  const list = await listArmedProhibited(ctx.db, f);
  await audited(ctx, "enforcement.armed-prohibited.read", "obligation", undefined, p, {
    town: f.town ?? null,
    count: list.items.length,
  });
  return { ...list, counts: await obligationCounts(ctx.db, ctx.today) };
}

/** Counts only (no names): supervisors' view by town and case age. No purpose needed; still no sources. */
export async function getCounts(ctx: Ctx) {
  await authorize(ctx, policy.viewEnforcement, "enforcement.counts.read", "obligation", undefined, undefined);
  return obligationCounts(ctx.db, ctx.today);
}

export async function getObligation(ctx: Ctx, id: string, purpose: PurposeGetter) {
  await authorize(ctx, policy.viewEnforcement, "enforcement.obligation.read", "obligation", id, undefined);
  const p = purpose();
  const o = await findObligation(ctx.db, id);
  if (!o) throw notFound("obligation");
  await audited(ctx, "enforcement.obligation.read", "obligation", id, p);
  const person = (await peopleByIds(ctx.db, [o.personId])).get(o.personId)!;
  return {
    obligation: o,
    person,
    history: await obligationHistory(ctx.db, id),
    next: OBLIGATION_NEXT[o.status],
    daysPastDue: o.status === "complied" || o.status === "lifted" ? 0 : Math.max(0, daysBetween(o.dueOn, ctx.today)),
  };
}

function daysBetween(a: PlainDate, b: PlainDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export async function getSeizures(
  ctx: Ctx,
  f: { status?: SeizureStatus | undefined; limit: number; offset: number },
  purpose: PurposeGetter,
) {
  await authorize(ctx, policy.seizures, "enforcement.seizures.read", "seizure", undefined, undefined);
  const p = purpose();
  const r = await listSeizures(ctx.db, f);
  await audited(ctx, "enforcement.seizures.read", "seizure", undefined, p, { count: r.items.length });
  return r;
}

export async function getSeizure(ctx: Ctx, id: string, purpose: PurposeGetter) {
  await authorize(ctx, policy.seizures, "enforcement.seizure.read", "seizure", id, undefined);
  const p = purpose();
  const s = await findSeizure(ctx.db, id);
  if (!s) throw notFound("seizure");
  await audited(ctx, "enforcement.seizure.read", "seizure", id, p);
  return { seizure: s, history: await seizureHistory(ctx.db, id), next: SEIZURE_NEXT[s.status] };
}

/** Every automatic and manual match with who made it (auditors, staff). Reading it is itself audited. */
export async function getMatchLog(ctx: Ctx, f: { limit: number; offset: number }, purpose: PurposeGetter) {
  await authorize(ctx, policy.viewMatchLog, "enforcement.match-log.read", "feed-record", undefined, undefined);
  const p = purpose();
  const r = await matchLog(ctx.db, f);
  await audited(ctx, "enforcement.match-log.read", "feed-record", undefined, p, { count: r.items.length });
  return r;
}
