/**
 * The nightly re-screen: every prohibiting record still in force that matched nobody is screened
 * again against every person Stateline knows (people are added every day: a new applicant, a buyer,
 * a registrant, a corrected name or date of birth). The identity module's set-based screen
 * (`screenRecords`: blocking in one query per 5,000 records, the live model and thresholds) finds
 * the records somebody now reaches; each of those goes through the same path as a record that has
 * just arrived (`matchRecord`: the live matcher; exactly one automatic match → the record's effects;
 * anyone uncertain → the review queue, which never revokes or denies by itself).
 *
 * Idempotent: only records still `unmatched` are touched, each re-checked under its row lock, and a
 * record the live matcher still finds nobody for is left exactly as it was (no action row, no review).
 * A second run the same night therefore finds nothing new. People staff already rejected for a record
 * ("not a match") are not asked about again, and never matched automatically to it. Each run is audited
 * (`enforcement.rescreen`, with the records it matched or queued); each match is audited by the match
 * path itself (`enforcement.match.automatic`). The match is made on behalf of the source user who
 * sent the record (the actor of its match, its prohibiting event and its audit entries), exactly as
 * if the person had been known when the record came; a record without a known sender is listed as
 * skipped for staff to rematch by hand.
 */
import type { Ctx } from "../../context.ts";
import { appendAudit } from "../audit/index.ts";
import { findUserById } from "../auth/index.ts";
import { screenRecords } from "../identity/index.ts";
import { matcher } from "./matcher.ts";
import { findRecord } from "./queries.ts";
import { matchRecord } from "./service.ts";
import { inTx } from "./tx.ts";

export interface RescreenOutcome {
  /** Unmatched in-force records screened. */
  screened: number;
  /** Records the screen found somebody for (sent to the live matcher). */
  flagged: number;
  /** Record numbers matched automatically this run. */
  matched: string[];
  /** Record numbers queued for a person's review this run. */
  review: string[];
  /** Record numbers where a person staff rejected for the record now scores a match (left for staff). */
  held: string[];
  /** Record numbers somebody reached whose sender is unknown (not matched here: nobody to act for; staff rematch them). */
  skipped: string[];
}

const subjectText = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

export async function runRescreen(ctx: Ctx): Promise<RescreenOutcome> {
  const rows = await ctx.db.query<{ id: string; subject: Record<string, unknown> }>(
    "SELECT id::text, subject FROM feed_records WHERE status = 'unmatched' AND record_state = 'in-force' ORDER BY id",
  );
  const subjects = rows.map((r) => {
    const s = r.subject;
    const identifier = subjectText(s.credentialNumber) ?? subjectText(s.driversLicense);
    const zip = subjectText(s.zip);
    return {
      key: r.id,
      firstName: subjectText(s.firstName),
      lastName: subjectText(s.lastName),
      birthDate: subjectText(s.birthDate),
      street: subjectText(s.street),
      town: subjectText(s.town),
      zip: zip?.slice(0, 5),
      state: subjectText(s.state),
      identifier,
    };
  });
  const hits = await ctx.db.tx((q) => screenRecords(q, subjects));
  const out: RescreenOutcome = {
    screened: rows.length,
    flagged: hits.size,
    matched: [],
    review: [],
    held: [],
    skipped: [],
  };
  for (const id of hits.keys()) {
    await ctx.db.tx(async (q) => {
      const rec = await findRecord(q, id, true);
      // Someone else (a source's correction, staff) may have moved it since the screen: leave it.
      if (!rec || rec.status !== "unmatched" || rec.recordState !== "in-force") return;
      // The match is made for the source that sent the record, as it would have been had the person
      // been known when it came: its sender is the actor of the match and of the prohibiting event.
      const sender = await q.query<{ by: string | null }>(
        "SELECT received_by::text AS by FROM feed_record_versions WHERE feed_record_id = $1 AND version = $2",
        [rec.id, rec.version],
      );
      const user = sender[0]?.by ? await findUserById(q, sender[0].by) : undefined;
      if (!user) {
        out.skipped.push(rec.number);
        return;
      }
      const c = { ...inTx(ctx, q), user };
      // The live matcher decides, as for a new record; nobody there → nothing is written.
      const live = (await matcher()(c, rec.subject as Parameters<ReturnType<typeof matcher>>[1])).filter(
        (x) => x.decision !== "non-match",
      );
      if (!live.length) return;
      // Staff said "not a match" for these people on this record: a night's screen never overrides that.
      // One of them now scoring a match (their details changed) → left for staff (held, listed in the
      // run's audit entry), never matched automatically; nobody new → nothing (no review asked again
      // every night).
      const rejected = new Set(
        (
          await q.query<{ pid: string }>(
            `SELECT DISTINCT c->>'personId' AS pid FROM match_reviews r, jsonb_array_elements(r.candidates) c
              WHERE r.feed_record_id = $1 AND r.version = $2 AND r.status = 'not-a-match'`,
            [rec.id, rec.version],
          )
        ).map((r) => r.pid),
      );
      if (live.some((x) => x.decision === "match" && rejected.has(x.personId))) {
        out.held.push(rec.number);
        return;
      }
      if (live.every((x) => rejected.has(x.personId))) return;
      const r = await matchRecord(c, q, rec);
      if (r.status === "matched") out.matched.push(rec.number);
      else if (r.status === "review") out.review.push(rec.number);
    });
  }
  await ctx.db.tx((q) =>
    appendAudit(q, ctx, {
      action: "enforcement.rescreen",
      details: {
        today: ctx.today,
        screened: out.screened,
        flagged: out.flagged,
        matched: out.matched,
        review: out.review,
      },
    }),
  );
  return out;
}
