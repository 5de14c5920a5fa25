/**
 * Live matching: the people a record may be, each scored by the shipped model against every
 * address Stateline has had for them, with name frequencies from the people table. The prior is
 * one in the number of people known (the record names one person at most).
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { COMPARISONS, compareRecords, datesAgree } from "./comparisons.ts";
import { scorePair, type FieldReason, type TermFrequencies } from "./model.ts";
import {
  addressHistory,
  candidatePeople,
  credentialNumbers,
  nameCounts,
  peopleCount,
  type CandidateRow,
} from "./queries.ts";
import { toRecord, type PersonRecord } from "./record.ts";
import type { MatchInput } from "./schemas.ts";
import { decisionFor, type MatchDecision } from "./thresholds.ts";
import { defaultParams } from "./train.ts";

export interface ScoredCandidate {
  personId: string;
  /** Match weight: log2 of the posterior odds. */
  weight: number;
  probability: number;
  decision: MatchDecision;
  /** Each field's comparison level and its contribution in bits, for review screens. */
  reasons: FieldReason[];
}

/** The date when it is a real calendar date (a source may send month 15: day and month swapped). */
const realDate = (d: string | null | undefined): string | null => {
  if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return null;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d ? d : null;
};
const swapDayMonth = (d: string | undefined): string | null => {
  if (!d) return null;
  const [y, m, day] = d.split("-");
  return m === day ? null : realDate(`${y}-${day}-${m}`);
};

/** The people a record could be (blocking through the identity indexes). */
export async function findCandidates(q: Queryable, record: MatchInput): Promise<CandidateRow[]> {
  const r = toRecord({ id: "q", ...record });
  return candidatePeople(q, {
    firstName: record.firstName?.trim() ?? "",
    lastName: record.lastName?.trim() ?? "",
    birthDate: realDate(record.birthDate),
    swappedBirthDate: swapDayMonth(record.birthDate),
    identifier: r.identifier ? record.identifier!.trim() : "",
    town: record.town?.trim() ?? "",
    zip: /^\d{5}/.test(record.zip?.trim() ?? "") ? record.zip!.trim().slice(0, 5) : "",
    // The people table keeps the house number as the street's first word ("14 Maple Avenue").
    houseNumber: r.streetNumber,
    street: record.street?.trim() ?? "",
  });
}

/** At most this many candidates come back (highest weight first). */
const MAX_RESULTS = 20;

/**
 * Scores every candidate for `record`. A "match" is automatic only when one person alone reaches
 * it; two or more such people all go to review. Non-matches are included (lowest last).
 */
export async function scoreRecord(ctx: Ctx, record: MatchInput): Promise<ScoredCandidate[]> {
  return ctx.db.tx((q) => scoreRecordIn(q, record));
}

/** `scoreRecord` inside a transaction the caller already holds (e.g. storing the match in the same one). */
export async function scoreRecordIn(q: Queryable, record: MatchInput): Promise<ScoredCandidate[]> {
  // One connection: one query at a time.
  const n = await peopleCount(q);
  const counts = await nameCounts(q, record.firstName ?? "", record.lastName ?? "", n);
  const rows = await findCandidates(q, record);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const history = await addressHistory(q, ids);
  const creds = record.identifier ? await credentialNumbers(q, ids) : [];
  const params = defaultParams();
  const known = Math.max(n, 1);
  const firstIdx = COMPARISONS.findIndex((c) => c.field === "first_name"),
    lastIdx = COMPARISONS.findIndex((c) => c.field === "surname");
  // Frequencies of the record's own names among the people known (at least one: the person).
  const tf: TermFrequencies = {
    tf: (f, _v) =>
      f === firstIdx ? Math.max(1, counts.first) / known : f === lastIdx ? Math.max(1, counts.last) / known : 0,
  };
  const prior = 1 / (known + 1);
  const a = toRecord({ id: "record", ...record });
  const out: ScoredCandidate[] = [];
  for (const row of rows) {
    const addresses = [
      { street: row.street, town: row.town, zip: row.zip, state: row.state },
      ...history.filter((h) => h.person_id === row.id),
    ];
    const idents = creds.filter((c) => c.person_id === row.id).map((c) => c.number);
    let best: { s: ReturnType<typeof scorePair>; g: Int8Array } | undefined;
    for (const addr of addresses) {
      // Identifiers come in kinds (a permit number, a driver's licence): one that agrees with a
      // credential number is evidence; one that does not is no evidence (compared as absent).
      for (const identifier of ["", ...idents]) {
        const b: PersonRecord = toRecord({
          id: row.id,
          firstName: row.first_name,
          lastName: row.last_name,
          birthDate: row.birth_date,
          street: addr.street,
          town: addr.town,
          zip: addr.zip,
          state: addr.state,
          identifier,
        });
        const g = compareRecords(a, b);
        const s = scorePair(params, a, b, prior, tf, g);
        if (!best || s.weight > best.s.weight) best = { s, g };
      }
    }
    out.push({
      personId: row.id,
      weight: best!.s.weight,
      probability: best!.s.probability,
      // Live, where a match acts at once, a date of birth that disagrees always goes to a person
      // (datesAgree without the records: the file linker's same-generation reading is not used).
      decision: decisionFor(best!.s.probability, datesAgree(best!.g)),
      reasons: best!.s.reasons,
    });
  }
  out.sort((x, y) => y.weight - x.weight);
  if (out.filter((c) => c.decision === "match").length > 1)
    for (const c of out) if (c.decision === "match") c.decision = "review";
  return out.slice(0, MAX_RESULTS);
}
