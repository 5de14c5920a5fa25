/**
 * bench/matching, full re-screen: every person Stateline knows (standing for every holder and
 * registrant: an upper bound, the whole people table) against every prohibiting record, at once,
 * set-based in PostgreSQL, then scored in Node with the live model, prior and thresholds.
 *
 * Blocking is the live rules' (src/modules/identity/queries.ts) as index joins, each with a cheap
 * filter in place of the live per-rule limit of 300 closest names (a limit needs a sort per record;
 * a filter does not). A pair the filters drop agrees on nothing but the rule's key and cannot reach
 * review (see the rule comments). Run by bench/matching-live.ts on its Connecticut-scale database.
 */
import type pg from "pg";
import { COMPARISONS, compareRecords, datesAgree } from "../src/modules/identity/comparisons.ts";
import { scorePair, type TermFrequencies } from "../src/modules/identity/model.ts";
import { toRecord } from "../src/modules/identity/record.ts";
import { decisionFor } from "../src/modules/identity/thresholds.ts";
import { defaultParams } from "../src/modules/identity/train.ts";
import { copyFrom, copyLine } from "./dataset.ts";
import { fmt, log } from "./lib.ts";

export interface RescreenSubject {
  sid: number;
  first: string;
  last: string;
  dob: string;
  street: string;
  town: string;
  zip: string;
  /** The people row's id this record was drawn from (undefined: nobody known). */
  truth?: string;
}

export interface RescreenResult {
  subjects: number;
  people: number;
  candidatePairs: number;
  blockingSeconds: number;
  scoringSeconds: number;
  totalSeconds: number;
  matched: number;
  review: number;
  truthAuto: number;
  truthReview: number;
  truthMissed: number;
  wrongAuto: number;
  withTruth: number;
}

/**
 * The candidate pairs, one INSERT ... SELECT: each rule an index nested loop from the records
 * (the people side uses the identity indexes of migrations 016 and 018).
 */
const CANDIDATES_SQL = `
INSERT INTO rs_pairs (sid, pid)
SELECT s.sid, p.id FROM rs_subjects s JOIN people p
  ON dmetaphone(p.last_name) = s.last_dm AND p.birth_date BETWEEN s.dob - 400 AND s.dob + 400
 -- surname code and a birth date within about a year: kept when anything else agrees (a first name
 -- that differs in code and initial, another address and another date cannot reach review)
 WHERE dmetaphone(p.first_name) = s.first_dm OR left(lower(p.first_name), 1) = left(s.first, 1)
    OR p.birth_date IN (s.dob, s.sdob) OR p.zip = s.zip OR lower(p.town) = s.town
UNION
SELECT s.sid, p.id FROM rs_subjects s JOIN people p ON p.birth_date IN (s.dob, s.sdob)
 -- the same date (or day and month swapped) with a name code or the town or ZIP
 WHERE dmetaphone(p.first_name) = s.first_dm OR dmetaphone(p.last_name) = s.last_dm
    OR p.zip = s.zip OR lower(p.town) = s.town
UNION
SELECT s.sid, p.id FROM rs_subjects s JOIN people p
  ON dmetaphone(p.last_name) = s.last_dm AND dmetaphone(p.first_name) = s.first_dm
 -- both names' codes, any date: with the town, the ZIP or a birth year within ten
 WHERE lower(p.town) = s.town OR p.zip = s.zip
    OR abs(extract(year FROM p.birth_date) - extract(year FROM s.dob)) <= 10
UNION
SELECT s.sid, p.id FROM rs_subjects s JOIN people p
  ON dmetaphone(p.first_name) = s.first_dm AND lower(p.town) = s.town
 -- a wrong surname and a wrong date: the given name's code in the town, at the same house number
 WHERE split_part(p.street, ' ', 1) = s.house`;

export async function rescreen(
  client: pg.Client,
  subjects: readonly RescreenSubject[],
  peopleKnown: number,
): Promise<RescreenResult> {
  await client.query("DROP TABLE IF EXISTS rs_subjects, rs_pairs");
  await client.query(`CREATE UNLOGGED TABLE rs_subjects (sid int PRIMARY KEY, first text, last text, dob date, sdob date,
    street text, house text, town text, zip text, first_dm text, last_dm text)`);
  await client.query("CREATE UNLOGGED TABLE rs_pairs (sid int NOT NULL, pid uuid NOT NULL)");
  const swap = (d: string) => {
    const [y, m, day] = d.split("-");
    return Number(day) <= 12 && day !== m ? `${y}-${day}-${m}` : null;
  };
  await client.query("BEGIN");
  await copyFrom(
    client,
    "rs_subjects",
    ["sid", "first", "last", "dob", "sdob", "street", "house", "town", "zip"],
    subjects.map((s) =>
      copyLine([
        String(s.sid),
        s.first.toLowerCase(),
        s.last.toLowerCase(),
        s.dob,
        swap(s.dob),
        s.street,
        s.street.split(" ")[0] ?? "",
        s.town.toLowerCase(),
        s.zip,
      ]),
    ),
  );
  await client.query("COMMIT");
  log(`re-screen: ${fmt(subjects.length)} prohibiting records against ${fmt(peopleKnown)} people`);
  // Timed from here: everything a nightly re-screen does with records already stored.
  const t0 = performance.now();
  await client.query("UPDATE rs_subjects SET first_dm = dmetaphone(first), last_dm = dmetaphone(last)");
  await client.query("ANALYZE rs_subjects");
  await client.query(CANDIDATES_SQL);
  const blockingSeconds = (performance.now() - t0) / 1000;
  const [{ n: candidatePairs }] = (await client.query<{ n: string }>("SELECT count(*)::bigint AS n FROM rs_pairs"))
    .rows as [{ n: string }];
  log(`  blocking: ${fmt(Number(candidatePairs))} candidate pairs in ${fmt(blockingSeconds, 1)} s`);
  const t1 = performance.now();
  // Name frequencies (the live matcher's term frequencies) for the names the records carry.
  const freq = async (col: "first" | "last") => {
    const pc = col === "first" ? "first_name" : "last_name";
    const r = await client.query<{ v: string; n: string }>(
      `SELECT lower(p.${pc}) AS v, count(*)::bigint AS n FROM people p
        WHERE lower(p.${pc}) IN (SELECT DISTINCT ${col} FROM rs_subjects) GROUP BY 1`,
    );
    return new Map(r.rows.map((x) => [x.v, Number(x.n)]));
  };
  const firstCounts = await freq("first"),
    lastCounts = await freq("last");
  const params = defaultParams();
  const prior = 1 / (peopleKnown + 1);
  const firstIdx = COMPARISONS.findIndex((c) => c.field === "first_name"),
    lastIdx = COMPARISONS.findIndex((c) => c.field === "surname");
  const bySid = new Map(subjects.map((s) => [s.sid, s]));
  let matched = 0,
    review = 0,
    truthAuto = 0,
    truthReview = 0,
    wrongAuto = 0;
  const found = new Set<number>();
  const CHUNK = 20_000;
  const maxSid = subjects.reduce((m, s) => Math.max(m, s.sid), 0);
  for (let lo = 0; lo <= maxSid; lo += CHUNK) {
    const rows = (
      await client.query<{
        sid: number;
        id: string;
        first_name: string;
        last_name: string;
        birth_date: string;
        street: string | null;
        town: string | null;
        zip: string | null;
        state: string;
      }>(
        `SELECT r.sid, p.id::text, p.first_name, p.last_name, p.birth_date::text, p.street, p.town, p.zip, p.state
           FROM rs_pairs r JOIN people p ON p.id = r.pid WHERE r.sid >= $1 AND r.sid < $2 ORDER BY r.sid`,
        [lo, lo + CHUNK],
      )
    ).rows;
    let i = 0;
    while (i < rows.length) {
      const sid = rows[i]!.sid;
      const s = bySid.get(sid)!;
      const a = toRecord({
        id: String(sid),
        firstName: s.first,
        lastName: s.last,
        birthDate: s.dob,
        street: s.street,
        town: s.town,
        zip: s.zip,
      });
      const known = Math.max(peopleKnown, 1);
      const fc = firstCounts.get(s.first.toLowerCase()) ?? 0,
        lc = lastCounts.get(s.last.toLowerCase()) ?? 0;
      const tf: TermFrequencies = {
        tf: (f) => (f === firstIdx ? Math.max(1, fc) / known : f === lastIdx ? Math.max(1, lc) / known : 0),
      };
      const decided: { id: string; decision: string }[] = [];
      for (; i < rows.length && rows[i]!.sid === sid; i++) {
        const row = rows[i]!;
        const b = toRecord({
          id: row.id,
          firstName: row.first_name,
          lastName: row.last_name,
          birthDate: row.birth_date,
          street: row.street,
          town: row.town,
          zip: row.zip,
          state: row.state,
        });
        const g = compareRecords(a, b);
        const sc = scorePair(params, a, b, prior, tf, g);
        const decision = decisionFor(sc.probability, datesAgree(g));
        if (decision !== "non-match") decided.push({ id: row.id, decision });
      }
      // As live: two or more people reaching "match" for one record all go to review.
      if (decided.filter((d) => d.decision === "match").length > 1)
        for (const d of decided) if (d.decision === "match") d.decision = "review";
      for (const d of decided) {
        if (d.decision === "match") matched++;
        else review++;
        if (s.truth && d.id === s.truth) {
          found.add(sid);
          if (d.decision === "match") truthAuto++;
          else truthReview++;
        } else if (d.decision === "match") wrongAuto++;
      }
    }
  }
  const scoringSeconds = (performance.now() - t1) / 1000;
  const withTruth = subjects.filter((s) => s.truth).length;
  await client.query("DROP TABLE IF EXISTS rs_subjects, rs_pairs");
  return {
    subjects: subjects.length,
    people: peopleKnown,
    candidatePairs: Number(candidatePairs),
    blockingSeconds,
    scoringSeconds,
    totalSeconds: blockingSeconds + scoringSeconds,
    matched,
    review,
    truthAuto,
    truthReview,
    truthMissed: withTruth - found.size,
    wrongAuto,
    withTruth,
  };
}
