/**
 * Enforcement: records from the courts, probate courts, DMHAS and federal sources are received,
 * matched to a person, and (only on a certain match) reach everything of that person in one
 * transaction: credentials are revoked with their letters and surrender clocks, open applications,
 * pending sales and registrations are re-decided or marked, and the § 34 obligation to transfer or
 * surrender firearms and ammunition is opened when the records show any (PA 13-3 §§ 8, 10-11, 33-36, 44-45).
 *
 * An uncertain match goes to the review queue and changes nothing until a person decides it.
 * A resend with the same content is stored once; a changed resend is a correction (the earlier
 * version's effects are lifted first); a vacated judgment, an expired or withdrawn order lifts them.
 */
import { createHash } from "node:crypto";
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import {
  type FeedRecord,
  type FeedRecordInput,
  type FeedSource,
  FeedRecord as FeedRecordSchema,
  SOURCE_KINDS,
  eventDateOf,
} from "../../adapters/courts/contract.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import type { User } from "../auth/index.ts";
import { appendAudit } from "../audit/index.ts";
import {
  applicationsOfPerson,
  applyProhibitingEvent,
  liftProhibitingEvent,
  type ProhibitingEventInput,
} from "../credentials/index.ts";
import { decide, storeDecision } from "../decisions/index.ts";
import { getPerson } from "../people/index.ts";
import { matcher, type MatchCandidate } from "./matcher.ts";
import { openObligation, gatherHoldings, liftObligationsOfRecord } from "./obligations.ts";
import { enforcementPolicy as policy } from "./policy.ts";
import { findRecord, findRecordBySourceId, findReview, type RecordStatus, type StoredRecord } from "./queries.ts";
import { markRegistrations, type MarkedRegistration } from "./registrations.ts";
import { dmhasStatusReport, queueDmhasReport } from "./notices.ts";
import { inTx, requireUser } from "./tx.ts";

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v);
}
const hashOf = (v: unknown) => createHash("sha256").update(stableJson(v)).digest("hex");

/** The fields of a record other than the person and the ids: what the source says happened. */
function detailsOf(r: FeedRecord): Record<string, unknown> {
  const { sourceRecordId: _id, subject: _s, recordState: _st, kind: _k, ...rest } = r;
  return rest;
}

// ---------------------------------------------------------------- validation beyond the schema

/** Dates the schema cannot check alone: nothing after today, offenses before convictions, expiry after issue. */
export function checkDates(r: FeedRecord, today: PlainDate, prefix = ""): void {
  const f = (name: string) => `${prefix}${name}`;
  const past = (name: string, d: string | undefined) => {
    if (d && d > today) throw badField(f(name), `cannot be after today (${today})`);
  };
  past("subject.birthDate", r.subject.birthDate);
  if (r.subject.birthDate < "1900-01-01") throw badField(f("subject.birthDate"), "must be 1900-01-01 or later");
  switch (r.kind) {
    case "conviction":
      past("offenseOn", r.offenseOn);
      past("convictionOn", r.convictionOn);
      if (r.offenseOn > r.convictionOn) throw badField(f("offenseOn"), "the offense cannot come after the conviction");
      break;
    case "protective-order":
    case "restraining-order":
      past("issuedOn", r.issuedOn);
      if (r.expiresOn && r.expiresOn < r.issuedOn) throw badField(f("expiresOn"), "cannot be before issuedOn");
      break;
    case "probate-commitment":
      past("committedOn", r.committedOn);
      past("dischargedOn", r.dischargedOn);
      if (r.dischargedOn && r.dischargedOn < r.committedOn)
        throw badField(f("dischargedOn"), "cannot be before committedOn");
      break;
    case "voluntary-admission":
      past("admittedOn", r.admittedOn);
      break;
    case "risk-warrant":
      past("issuedOn", r.issuedOn);
      past("executedOn", r.executedOn);
      if (r.executedOn && r.executedOn < r.issuedOn) throw badField(f("executedOn"), "cannot be before issuedOn");
      break;
    case "federal-prohibitor":
      past("effectiveOn", r.effectiveOn);
      break;
  }
  if (eventDateOf(r) < r.subject.birthDate)
    throw badField(f("subject.birthDate"), "the event cannot come before the person's birth");
}

/** Validates a record against the feed contract; a failure names each field (prefixed, e.g. records.3.subject.birthDate). */
export function parseRecord(raw: unknown, prefix: string): FeedRecord {
  const p = FeedRecordSchema.safeParse(raw);
  if (p.success) return p.data;
  const fields = p.error.issues.flatMap((iss) => {
    const base = [prefix, ...iss.path.map(String)].filter(Boolean);
    if (iss.code === "unrecognized_keys")
      return iss.keys.map((k) => ({ field: [...base, k].join("."), message: "unknown field" }));
    return [{ field: base.join(".") || "body", message: iss.message }];
  });
  throw new AppError("validation", `invalid record: ${fields.map((f) => `${f.field}: ${f.message}`).join("; ")}`, {
    fields,
  });
}

// ---------------------------------------------------------------- receiving

export interface Effects {
  eventId: string;
  credentials: { credentialId: string; number: string; action: string; surrenderDueOn?: string }[];
  sales: { saleId: string; from: string; to: string }[];
  applications: { applicationId: string; number: string; from: string; to: string }[];
  registrations: MarkedRegistration[];
  possession: "prohibited" | "not-prohibited" | "undetermined";
  obligation: { id: string; number: string; dueOn: string; armed: boolean } | null;
}

export interface LiftOutcome {
  revokedOnEvent: { credentialId: string; number: string }[];
  sales: unknown[];
  applications: unknown[];
  obligationsLifted: string[];
}

export interface ReceiveResult {
  record: StoredRecord;
  stored: "new" | "duplicate" | "correction";
  status: RecordStatus;
  reviewId: string | null;
  effects: Effects | null;
  lifted: LiftOutcome | null;
}

/**
 * Receives one record from a source. In one transaction: stores it (once), lifts an earlier
 * version's effects, matches it, and applies its effects on a certain match.
 */
export async function receiveRecord(
  ctx: Ctx,
  source: FeedSource,
  input: FeedRecordInput | FeedRecord,
): Promise<ReceiveResult> {
  const user = requireUser(ctx);
  if (!policy.send(user, source)) throw forbidden(`your role may not send records on the ${source} feed`);
  const record = parseRecord(input, "");
  if (!SOURCE_KINDS[source].includes(record.kind))
    throw badField("kind", `the ${source} feed sends ${SOURCE_KINDS[source].join(", ")}`);
  checkDates(record, ctx.today);
  const attempt = () => ctx.db.tx((q) => receiveInTx(inTx(ctx, q), q, user, source, record));
  try {
    return await attempt();
  } catch (e) {
    // Two copies of a new record at once: the second finds the first stored.
    if ((e as { code?: string }).code === "23505") return attempt();
    throw e;
  }
}

async function receiveInTx(
  c: Ctx,
  q: Queryable,
  user: User,
  source: FeedSource,
  record: FeedRecord,
): Promise<ReceiveResult> {
  const hash = hashOf(record);
  const subject = record.subject;
  const details = detailsOf(record);
  const eventOn = eventDateOf(record);
  // Copies of one source record arriving at once are taken one at a time: the later finds the earlier stored.
  await q.query("SELECT pg_advisory_xact_lock(727011, hashtext($1))", [`${source}:${record.sourceRecordId}`]);
  const existing = await findRecordBySourceId(q, source, record.sourceRecordId, true);
  if (existing && existing.contentHash === hash) {
    return {
      record: existing,
      stored: "duplicate",
      status: existing.status,
      reviewId: null,
      effects: null,
      lifted: null,
    };
  }
  let rec: StoredRecord;
  let lifted: LiftOutcome | null = null;
  let previous: StoredRecord | undefined;
  if (existing) {
    previous = existing;
    const version = existing.version + 1;
    if (existing.status === "matched")
      lifted = await liftEffects(c, q, existing, `corrected by the ${source} feed (version ${version})`);
    await q.query("UPDATE match_reviews SET status = 'withdrawn' WHERE feed_record_id = $1 AND status = 'open'", [
      existing.id,
    ]);
    await q.query(
      `UPDATE feed_records SET kind = $2, version = $3, content_hash = $4, subject = $5, details = $6, record_state = $7, event_on = $8, status = 'unmatched',
         person_id = NULL, match_how = NULL, match_probability = NULL, prohibiting_event_id = NULL, updated_at = now() WHERE id = $1`,
      [
        existing.id,
        record.kind,
        version,
        hash,
        JSON.stringify(subject),
        JSON.stringify(details),
        record.recordState,
        eventOn,
      ],
    );
    await q.query(
      "INSERT INTO feed_record_versions (feed_record_id, version, content_hash, kind, record_state, subject, details, received_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
      [
        existing.id,
        version,
        hash,
        record.kind,
        record.recordState,
        JSON.stringify(subject),
        JSON.stringify(details),
        user.id,
      ],
    );
    await action(q, existing.id, "corrected", version, user.id, {
      recordState: record.recordState,
      previousStatus: existing.status,
    });
    rec = (await findRecord(q, existing.id))!;
  } else {
    const n = await q.query<{ n: number }>("SELECT nextval('feed_record_number_seq') AS n");
    const rows = await q.query<{ id: string }>(
      `INSERT INTO feed_records (number, source, source_record_id, kind, version, content_hash, subject, details, record_state, status, event_on, received_on)
       VALUES ($1,$2,$3,$4,1,$5,$6,$7,$8,'unmatched',$9,$10) RETURNING id::text`,
      [
        `FR-${n[0]!.n}`,
        source,
        record.sourceRecordId,
        record.kind,
        hash,
        JSON.stringify(subject),
        JSON.stringify(details),
        record.recordState,
        eventOn,
        c.today,
      ],
    );
    const id = rows[0]!.id;
    await q.query(
      "INSERT INTO feed_record_versions (feed_record_id, version, content_hash, kind, record_state, subject, details, received_by) VALUES ($1,1,$2,$3,$4,$5,$6,$7)",
      [id, hash, record.kind, record.recordState, JSON.stringify(subject), JSON.stringify(details), user.id],
    );
    await action(q, id, "received", 1, user.id, { source, kind: record.kind });
    rec = (await findRecord(q, id))!;
  }
  await appendAudit(q, c, {
    action: `enforcement.record.${existing ? "correct" : "receive"}`,
    entityType: "feed-record",
    entityId: rec.id,
    details: { source, kind: record.kind, version: rec.version, recordState: record.recordState },
  });
  const stored = existing ? ("correction" as const) : ("new" as const);
  if (record.recordState !== "in-force") {
    await q.query("UPDATE feed_records SET status = 'lifted', updated_at = now() WHERE id = $1", [rec.id]);
    await action(q, rec.id, "lifted", rec.version, user.id, {
      reason: `the source reports the record ${record.recordState}`,
    });
    return { record: (await findRecord(q, rec.id))!, stored, status: "lifted", reviewId: null, effects: null, lifted };
  }
  // A correction that leaves the person as the source knows them unchanged keeps the earlier match.
  if (previous?.status === "matched" && previous.personId && hashOf(previous.subject) === hashOf(subject)) {
    const effects = await matchTo(
      c,
      q,
      rec,
      previous.personId,
      previous.matchHow ?? "manual",
      previous.matchProbability,
      ["correction of a record already matched; the person's details are unchanged"],
    );
    return { record: (await findRecord(q, rec.id))!, stored, status: "matched", reviewId: null, effects, lifted };
  }
  const r = await matchRecord(c, q, rec);
  return {
    record: (await findRecord(q, rec.id))!,
    stored,
    status: r.status,
    reviewId: r.reviewId,
    effects: r.effects,
    lifted,
  };
}

async function action(
  q: Queryable,
  recordId: string,
  name: string,
  version: number,
  actorId: string | null,
  details: Record<string, unknown>,
): Promise<void> {
  await q.query(
    "INSERT INTO feed_record_actions (feed_record_id, action, version, actor_id, details) VALUES ($1,$2,$3,$4,$5)",
    [recordId, name, version, actorId, JSON.stringify(details)],
  );
}

/**
 * Matches a stored record: exactly one candidate the matcher calls a match → automatic match and
 * effects; several matches, or only uncertain candidates → review queue; none → unmatched.
 */
export async function matchRecord(
  c: Ctx,
  q: Queryable,
  rec: StoredRecord,
): Promise<{ status: RecordStatus; reviewId: string | null; effects: Effects | null }> {
  const all = await matcher()(c, rec.subject as FeedRecord["subject"]);
  const candidates = all
    .filter((x) => x.decision !== "non-match")
    .sort((a, b) => b.probability - a.probability)
    .slice(0, 10);
  const matches = candidates.filter((x) => x.decision === "match");
  // One person alone above the matcher's automatic threshold (the identity module's rule: two or
  // more such people all go to review). Others merely "review"-likely do not stop it.
  if (matches.length === 1) {
    const m = matches[0]!;
    const effects = await matchTo(c, q, rec, m.personId, "automatic", m.probability, m.reasons);
    return { status: "matched", reviewId: null, effects };
  }
  if (candidates.length) {
    const r = await q.query<{ id: string }>(
      "INSERT INTO match_reviews (feed_record_id, version, candidates, status, opened_on) VALUES ($1,$2,$3,'open',$4) RETURNING id::text",
      [rec.id, rec.version, JSON.stringify(candidates), c.today],
    );
    await q.query("UPDATE feed_records SET status = 'review', updated_at = now() WHERE id = $1", [rec.id]);
    await action(q, rec.id, "queued-for-review", rec.version, c.user?.id ?? null, {
      reviewId: r[0]!.id,
      candidates: candidates.map((x) => ({ personId: x.personId, probability: x.probability, decision: x.decision })),
    });
    return { status: "review", reviewId: r[0]!.id, effects: null };
  }
  await q.query("UPDATE feed_records SET status = 'unmatched', updated_at = now() WHERE id = $1", [rec.id]);
  await action(q, rec.id, "unmatched", rec.version, c.user?.id ?? null, {});
  return { status: "unmatched", reviewId: null, effects: null };
}

/** Records the match (automatic or by a person's decision), audits it, and applies the effects. */
async function matchTo(
  c: Ctx,
  q: Queryable,
  rec: StoredRecord,
  personId: string,
  how: "automatic" | "manual",
  probability: number | null,
  reasons: string[],
): Promise<Effects> {
  await q.query(
    "UPDATE feed_records SET status = 'matched', person_id = $2, match_how = $3, match_probability = $4, updated_at = now() WHERE id = $1",
    [rec.id, personId, how, probability],
  );
  await action(q, rec.id, "matched", rec.version, c.user?.id ?? null, { how, personId, probability, reasons });
  await appendAudit(q, c, {
    action: `enforcement.match.${how}`,
    entityType: "feed-record",
    entityId: rec.id,
    details: { personId, probability, reasons, version: rec.version },
  });
  return applyEffects(c, q, { ...rec, personId }, personId);
}

const KIND_NAME: Record<string, string> = {
  "protective-order": "protective order",
  "restraining-order": "restraining order",
};

function eventInput(rec: StoredRecord, personId: string): ProhibitingEventInput {
  const d = rec.details;
  const base = {
    personId,
    source: `${rec.source} feed`,
    reference: `${rec.number} (${rec.source} ${rec.sourceRecordId})`,
  };
  switch (rec.kind) {
    case "conviction":
      return {
        ...base,
        kind: "conviction",
        eventOn: d.convictionOn,
        statute: d.statute,
        offenseOn: d.offenseOn,
        ...(d.felony !== undefined ? { felony: d.felony } : {}),
      };
    case "protective-order":
    case "restraining-order":
      return {
        ...base,
        kind: rec.kind,
        eventOn: d.issuedOn,
        active: true,
        ...(d.expiresOn ? { expiresOn: d.expiresOn } : {}),
      };
    case "probate-commitment":
      return { ...base, kind: "probate-commitment", eventOn: d.committedOn };
    case "voluntary-admission":
      return {
        ...base,
        kind: "voluntary-admission",
        eventOn: d.admittedOn,
        solelyAlcoholOrDrug: d.solelyAlcoholOrDrug,
      };
    case "risk-warrant":
      return { ...base, kind: "firearms-seizure-order", eventOn: d.issuedOn, active: true };
    case "federal-prohibitor":
      return { ...base, kind: "federal-prohibitor", eventOn: d.effectiveOn, category: d.category };
  }
}

/** The record as a fact for the rulebook's criminal-possession question (§§ 44-45). */
function possessionEvent(rec: StoredRecord): Record<string, unknown> {
  const e = eventInput(rec, "");
  switch (e.kind) {
    case "conviction":
      return {
        kind: "conviction",
        statute: e.statute,
        offenseDate: e.offenseOn,
        convictionDate: e.eventOn,
        ...(e.felony !== undefined ? { felony: e.felony } : {}),
      };
    case "protective-order":
    case "restraining-order":
      return { kind: e.kind, issuedOn: e.eventOn, active: true, ...(e.expiresOn ? { expiresOn: e.expiresOn } : {}) };
    case "voluntary-admission":
      return { kind: e.kind, date: e.eventOn, solelyAlcoholOrDrug: e.solelyAlcoholOrDrug };
    case "firearms-seizure-order":
      return { kind: e.kind, date: e.eventOn, active: true };
    case "federal-prohibitor":
      return { kind: e.kind, date: e.eventOn, category: e.category };
    default:
      return { kind: e.kind, date: e.eventOn };
  }
}

/**
 * The reach of a matched record, in the caller's transaction: the credentials module records the
 * prohibiting event and re-decides credentials (revocation, letter, surrender clock), pending
 * sales and open applications; the registries module marks registrations; and when the rulebook
 * says possession is now a crime (§§ 44-45) and the records show firearms or ammunition, the § 34
 * obligation opens (the person is then on the armed-and-prohibited list if they show firearms).
 */
async function applyEffects(c: Ctx, q: Queryable, rec: StoredRecord, personId: string): Promise<Effects> {
  const applied = await applyProhibitingEvent(c, q, eventInput(rec, personId));
  await q.query("UPDATE feed_records SET prohibiting_event_id = $2 WHERE id = $1", [rec.id, applied.eventId]);
  // §§ 8, 10-11: a voluntary admission of a person with gun credential applications: their status goes to DMHAS.
  let dmhasReport = false;
  if (rec.kind === "voluntary-admission" && rec.details.solelyAlcoholOrDrug === false) {
    const apps = await applicationsOfPerson(q, personId);
    if (apps.length) {
      await queueDmhasReport(q, dmhasStatusReport(rec.number, await getPerson(q, personId), rec.eventOn, apps));
      dmhasReport = true;
    }
  }
  const facts = { item: "handgun", events: [possessionEvent(rec)] };
  const decision = decide("criminal-possession", c.today, facts);
  const decisionId = await storeDecision(q, decision, facts, { type: "feed-record", id: rec.id });
  const possession =
    decision.outcome === "no"
      ? ("prohibited" as const)
      : decision.outcome === "yes"
        ? ("not-prohibited" as const)
        : ("undetermined" as const);
  const registrations = possession === "prohibited" ? await markRegistrations(c, q, personId, applied.eventId) : [];
  let obligation: Effects["obligation"] = null;
  if (possession === "prohibited") {
    const holdings = await gatherHoldings(q, personId, c.today, registrations);
    // §§ 36, 38: the order's application says whether the respondent possesses firearms or ammunition.
    if (rec.details.firearmsIndicated || rec.details.ammunitionIndicated) {
      holdings.indicated = {
        firearms: rec.details.firearmsIndicated === true,
        ammunition: rec.details.ammunitionIndicated === true,
        by: `${KIND_NAME[rec.kind] ?? rec.kind} ${rec.number}`,
      };
    }
    if (
      holdings.firearms.length ||
      holdings.registrations.length ||
      holdings.ammunition.purchases ||
      holdings.indicated
    ) {
      const o = await openObligation(c, q, { recordId: rec.id, personId, eventOn: rec.eventOn, holdings, decisionId });
      obligation = { id: o.id, number: o.number, dueOn: o.dueOn, armed: o.armed };
    }
  } else if (possession === "undetermined") {
    await action(q, rec.id, "possession-undetermined", rec.version, c.user?.id ?? null, {
      decisionId,
      missing: decision.missing,
    });
  }
  const effects: Effects = {
    eventId: applied.eventId,
    credentials: applied.credentials,
    sales: applied.sales,
    applications: applied.applications,
    registrations,
    possession,
    obligation,
  };
  await action(q, rec.id, "effects-applied", rec.version, c.user?.id ?? null, {
    eventId: applied.eventId,
    possession,
    decisionId,
    credentials: applied.credentials.map((x) => `${x.number}: ${x.action}`),
    sales: applied.sales.length,
    applications: applied.applications.length,
    registrations: registrations.map((r) => r.number),
    obligation: obligation?.number ?? null,
    dmhasReport,
  });
  return effects;
}

/**
 * Lifts a matched record's effects (a vacated judgment, an expired or withdrawn order, a
 * correction): the prohibiting event leaves the records in force, pending sales and open
 * applications are re-decided, and the record's live § 34 obligation is closed as lifted.
 * Revoked credentials are not reinstated automatically (see liftProhibitingEvent's QUESTION).
 */
async function liftEffects(c: Ctx, q: Queryable, rec: StoredRecord, reason: string): Promise<LiftOutcome> {
  let out: LiftOutcome = { revokedOnEvent: [], sales: [], applications: [], obligationsLifted: [] };
  if (rec.prohibitingEventId) {
    const r = await liftProhibitingEvent(c, q, { eventId: rec.prohibitingEventId, reason });
    out = { ...out, revokedOnEvent: r.revokedOnEvent, sales: r.sales, applications: r.applications };
  }
  out.obligationsLifted = await liftObligationsOfRecord(c, q, rec.id, reason);
  await q.query(
    "UPDATE feed_records SET status = 'lifted', prohibiting_event_id = NULL, updated_at = now() WHERE id = $1",
    [rec.id],
  );
  await action(q, rec.id, "lifted", rec.version, c.user?.id ?? null, { reason, ...out });
  await appendAudit(q, c, {
    action: "enforcement.record.lift",
    entityType: "feed-record",
    entityId: rec.id,
    details: { reason, obligationsLifted: out.obligationsLifted },
  });
  return out;
}

/** Lifts orders whose expiry date has passed (the daily sweep). */
export async function liftExpiredOrders(c: Ctx, q: Queryable): Promise<number> {
  const rows = await q.query<{ id: string }>(
    "SELECT id::text FROM feed_records WHERE status = 'matched' AND kind IN ('protective-order','restraining-order') AND (details->>'expiresOn') IS NOT NULL AND (details->>'expiresOn')::date < $1 FOR UPDATE",
    [c.today],
  );
  for (const { id } of rows) {
    const rec = (await findRecord(q, id))!;
    await liftEffects(c, q, rec, `order expired on ${rec.details.expiresOn}`);
  }
  return rows.length;
}

// ---------------------------------------------------------------- batches

/**
 * Validates a whole batch first (a malformed record refuses the batch with the field named as
 * `records.<n>.<field>`), then receives each record in its own transaction.
 */
export async function receiveBatch(ctx: Ctx, source: FeedSource, raw: readonly unknown[]): Promise<ReceiveResult[]> {
  const user = requireUser(ctx);
  if (!policy.send(user, source)) throw forbidden(`your role may not send records on the ${source} feed`);
  if (raw.length === 0) throw badField("records", "the batch is empty");
  if (raw.length > 1000) throw badField("records", "at most 1000 records a batch");
  const parsed: FeedRecord[] = [];
  const ids = new Set<string>();
  raw.forEach((r, i) => {
    const p = parseRecord(r, `records.${i}`);
    if (!SOURCE_KINDS[source].includes(p.kind))
      throw badField(`records.${i}.kind`, `the ${source} feed sends ${SOURCE_KINDS[source].join(", ")}`);
    checkDates(p, ctx.today, `records.${i}.`);
    if (ids.has(p.sourceRecordId)) throw badField(`records.${i}.sourceRecordId`, "appears twice in the batch");
    ids.add(p.sourceRecordId);
    parsed.push(p);
  });
  const out: ReceiveResult[] = [];
  for (const r of parsed) out.push(await receiveRecord(ctx, source, r));
  return out;
}

// ---------------------------------------------------------------- review queue

/**
 * A person decides an uncertain match: "match" to a person (usually one of the candidates) applies
 * the record's effects in the same transaction; "not-a-match" leaves the record unmatched. Audited.
 */
export async function decideReview(
  ctx: Ctx,
  reviewId: string,
  input: { decision: "match" | "not-a-match"; personId?: string | undefined; note?: string | undefined },
): Promise<{
  review: NonNullable<Awaited<ReturnType<typeof findReview>>>;
  record: StoredRecord;
  effects: Effects | null;
}> {
  const user = requireUser(ctx);
  if (!policy.reviewMatches(user)) throw forbidden("only licensing staff decide matches");
  if (input.decision === "match" && !input.personId) throw badField("personId", "say which person the record is about");
  if (input.decision === "not-a-match" && input.personId)
    throw badField("personId", "leave personId out when the record is not a match");
  return ctx.db.tx(async (q) => {
    const c = inTx(ctx, q);
    const review = await findReview(q, reviewId, true);
    if (!review) throw notFound("review");
    if (review.status !== "open") throw new AppError("conflict", `this review was already ${review.status}`);
    const rec = (await findRecord(q, review.feedRecordId, true))!;
    if (rec.status !== "review" || rec.version !== review.version)
      throw new AppError("conflict", "the record changed since this review opened");
    let effects: Effects | null = null;
    if (input.decision === "match") {
      const person = await getPerson(q, input.personId!).catch(() => {
        throw badField("personId", "no such person");
      });
      const cand = review.candidates.find((x: MatchCandidate) => x.personId === person.id);
      await q.query(
        "UPDATE match_reviews SET status = 'matched', person_id = $2, decided_by = $3, decided_at = now(), note = $4 WHERE id = $1",
        [review.id, person.id, user.id, input.note ?? null],
      );
      await action(q, rec.id, "review-decided", rec.version, user.id, {
        reviewId: review.id,
        decision: "match",
        personId: person.id,
        note: input.note ?? null,
        wasCandidate: !!cand,
      });
      effects = await matchTo(
        c,
        q,
        rec,
        person.id,
        "manual",
        cand?.probability ?? null,
        cand?.reasons ?? ["chosen by staff outside the candidate list"],
      );
    } else {
      await q.query(
        "UPDATE match_reviews SET status = 'not-a-match', decided_by = $2, decided_at = now(), note = $3 WHERE id = $1",
        [review.id, user.id, input.note ?? null],
      );
      await q.query("UPDATE feed_records SET status = 'unmatched', updated_at = now() WHERE id = $1", [rec.id]);
      await action(q, rec.id, "review-decided", rec.version, user.id, {
        reviewId: review.id,
        decision: "not-a-match",
        note: input.note ?? null,
      });
      await appendAudit(q, c, {
        action: "enforcement.match.rejected",
        entityType: "feed-record",
        entityId: rec.id,
        details: { reviewId: review.id, note: input.note ?? null },
      });
    }
    return { review: (await findReview(q, review.id))!, record: (await findRecord(q, rec.id))!, effects };
  });
}

/**
 * Staff send an unmatched record back through matching (after a person's details were corrected,
 * or once a new resident is known).
 */
export async function rematchRecord(
  ctx: Ctx,
  recordId: string,
): Promise<{ record: StoredRecord; status: RecordStatus; reviewId: string | null; effects: Effects | null }> {
  const user = requireUser(ctx);
  if (!policy.reviewMatches(user)) throw forbidden("only licensing staff re-run matching");
  return ctx.db.tx(async (q) => {
    const rec = await findRecord(q, recordId, true);
    if (!rec) throw notFound("record");
    if (rec.status !== "unmatched")
      throw new AppError("conflict", `only an unmatched record is matched again; this one is ${rec.status}`);
    const r = await matchRecord(inTx(ctx, q), q, rec);
    return { record: (await findRecord(q, rec.id))!, ...r };
  });
}
