/**
 * The full re-screen: many records (every prohibiting record still unmatched) against every person
 * Stateline knows, at once. Blocking is set-based in the database (one query per chunk of records,
 * the live rules of queries.ts as index joins: see RULES), scoring is the live model's (the shipped
 * parameters, the prior 1 / people known, name frequencies among the people, each person's current
 * and earlier addresses, the same thresholds). bench/matching-rescreen.ts measures the same rules
 * at Connecticut scale.
 *
 * What this returns is a screen, not a decision: the records for which somebody reaches review or
 * match. The caller (the enforcement module's nightly job) sends each of them through the live
 * matcher, so an automatic match or a review is made exactly as for a record that has just arrived.
 */
import type { Queryable } from "../../db/client.ts";
import { COMPARISONS, compareRecords, datesAgree } from "./comparisons.ts";
import { scorePair, type TermFrequencies } from "./model.ts";
import { addressHistory, peopleCount } from "./queries.ts";
import { toRecord, type PersonRecord } from "./record.ts";
import type { MatchInput } from "./schemas.ts";
import { decisionFor, type MatchDecision } from "./thresholds.ts";
import { defaultParams } from "./train.ts";

export interface ScreenSubject extends MatchInput {
  /** The caller's key for the record (returned with its hits). */
  key: string;
}

export interface ScreenHit {
  personId: string;
  probability: number;
  decision: Exclude<MatchDecision, "non-match">;
}

/**
 * Blocking rules as joins from the records `s` (names lower-cased, Double Metaphone codes, date of
 * birth and the same with day and month swapped, house number, town, ZIP) into `people`, each through
 * an index of migrations 016 / 018, narrowed by a cheap filter in place of the live per-rule limit.
 */
const RULES = [
  // Surname code and the date, day and month swapped, or the year one off, when anything else agrees.
  `SELECT s.k, p.id FROM s JOIN people p
      ON dmetaphone(p.last_name) = s.last_dm
     AND p.birth_date = ANY (ARRAY[s.dob, s.sdob, (s.dob + interval '1 year')::date, (s.dob - interval '1 year')::date])
   WHERE p.zip = s.zip OR lower(p.town) = s.town OR p.birth_date = s.dob
      OR left(lower(p.first_name), 1) = left(s.first, 1) OR dmetaphone(p.first_name) = s.first_dm`,
  // The same date (or day and month swapped) and the given name's code: a married name.
  `SELECT s.k, p.id FROM s JOIN people p ON p.birth_date = s.dob AND dmetaphone(p.first_name) = s.first_dm`,
  `SELECT s.k, p.id FROM s JOIN people p ON p.birth_date = s.sdob AND dmetaphone(p.first_name) = s.first_dm`,
  // Both names mistyped past their codes (no rule above, which all need a name's code, finds them):
  // the same date, or day and month swapped, in the same town (the live rule "same birth date" with no
  // name condition, narrowed by the town instead of the live limit of 300 closest names).
  `SELECT s.k, p.id FROM s JOIN people p ON p.birth_date = s.dob WHERE lower(p.town) = s.town`,
  `SELECT s.k, p.id FROM s JOIN people p ON p.birth_date = s.sdob WHERE lower(p.town) = s.town`,
  // A wrong date: both names' codes in the same town or ZIP.
  `SELECT s.k, p.id FROM s JOIN people p
      ON dmetaphone(p.last_name) = s.last_dm AND dmetaphone(p.first_name) = s.first_dm AND lower(p.town) = s.town`,
  `SELECT s.k, p.id FROM s JOIN people p
      ON dmetaphone(p.last_name) = s.last_dm AND dmetaphone(p.first_name) = s.first_dm AND p.zip = s.zip`,
  // A wrong surname and a wrong date: the house number in the town, with either name's code.
  `SELECT s.k, p.id FROM s JOIN people p
      ON lower(p.town) = s.town AND split_part(p.street, ' ', 1) = s.house
   WHERE dmetaphone(p.first_name) = s.first_dm OR dmetaphone(p.last_name) = s.last_dm`,
  // An identifier the source quotes that is a credential number.
  `SELECT s.k, c.person_id FROM s JOIN credentials c ON s.ident <> '' AND c.number = s.ident`,
];

/** Records per blocking query (one round trip each). */
const CHUNK = 5_000;

/** The date when it is a calendar date (a source may send month 15: day and month swapped). */
const realDate = (d: string | undefined): string | null => {
  if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return null;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d ? d : null;
};
const swapped = (d: string | undefined): string | null => {
  if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return null;
  const [y, m, day] = d.split("-");
  return m === day ? null : realDate(`${y}-${day}-${m}`);
};

/**
 * The records among `subjects` that somebody reaches review or match for, with those people
 * (strongest first; two or more at "match" all become "review", as live). Records nobody reaches
 * are left out.
 */
export async function screenRecords(
  q: Queryable,
  subjects: readonly ScreenSubject[],
): Promise<Map<string, ScreenHit[]>> {
  const out = new Map<string, ScreenHit[]>();
  if (!subjects.length) return out;
  const known = Math.max(await peopleCount(q), 1);
  const prior = 1 / (known + 1);
  const params = defaultParams();
  const firstIdx = COMPARISONS.findIndex((c) => c.field === "first_name"),
    lastIdx = COMPARISONS.findIndex((c) => c.field === "surname");
  for (let lo = 0; lo < subjects.length; lo += CHUNK) {
    const chunk = subjects.slice(lo, lo + CHUNK);
    const col = (f: (s: ScreenSubject) => string | null) => chunk.map(f);
    const pairs = await q.query<{ k: string; pid: string }>(
      `WITH s AS MATERIALIZED (
         SELECT k, first, last, dob, sdob, house, town, zip, ident,
                dmetaphone(first) AS first_dm, dmetaphone(last) AS last_dm
           FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[])
                AS u(k, first, last, dob, sdob, house, town, zip, ident))
       SELECT DISTINCT k, id::text AS pid FROM (${RULES.join(" UNION ALL ")}) AS x(k, id)`,
      [
        col((s) => s.key),
        col((s) => (s.firstName ?? "").trim().toLowerCase()),
        col((s) => (s.lastName ?? "").trim().toLowerCase()),
        col((s) => realDate(s.birthDate ?? undefined)),
        col((s) => swapped(s.birthDate ?? undefined)),
        col((s) => toRecord({ id: "", street: s.street ?? "" }).streetNumber),
        col((s) => (s.town ?? "").trim().toLowerCase()),
        col((s) => (/^\d{5}/.test(s.zip?.trim() ?? "") ? s.zip!.trim().slice(0, 5) : "")),
        col((s) => (s.identifier ?? "").trim()),
      ],
    );
    if (!pairs.length) continue;
    const ids = [...new Set(pairs.map((p) => p.pid))];
    const people = await q.query<{
      id: string;
      first_name: string;
      last_name: string;
      birth_date: string;
      street: string | null;
      town: string | null;
      zip: string | null;
      state: string;
    }>(
      `SELECT id::text, first_name, last_name, birth_date::text, street, town, zip, state
         FROM people WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(people.map((p) => [p.id, p]));
    const history = await addressHistory(q, ids);
    const creds = await q.query<{ person_id: string; number: string }>(
      "SELECT person_id::text, number FROM credentials WHERE person_id = ANY($1::uuid[])",
      [ids],
    );
    // Name frequencies among the people known, for the names these records carry.
    const names = (f: (s: ScreenSubject) => string | null | undefined) => [
      ...new Set(chunk.map((s) => (f(s) ?? "").trim().toLowerCase()).filter(Boolean)),
    ];
    const counts = async (column: "first_name" | "last_name", values: string[]) =>
      new Map(
        (
          await q.query<{ v: string; n: string }>(
            `SELECT lower(${column}) AS v, count(*)::bigint AS n FROM people WHERE lower(${column}) = ANY($1::text[]) GROUP BY 1`,
            [values],
          )
        ).map((r) => [r.v, Number(r.n)]),
      );
    const firstCounts = await counts(
      "first_name",
      names((s) => s.firstName),
    );
    const lastCounts = await counts(
      "last_name",
      names((s) => s.lastName),
    );
    const bySubject = new Map<string, string[]>();
    for (const p of pairs) {
      const l = bySubject.get(p.k);
      if (l) l.push(p.pid);
      else bySubject.set(p.k, [p.pid]);
    }
    for (const s of chunk) {
      const pids = bySubject.get(s.key);
      if (!pids) continue;
      const a = toRecord({ id: s.key, ...s });
      const fc = firstCounts.get((s.firstName ?? "").trim().toLowerCase()) ?? 0,
        lc = lastCounts.get((s.lastName ?? "").trim().toLowerCase()) ?? 0;
      const tf: TermFrequencies = {
        tf: (f) => (f === firstIdx ? Math.max(1, fc) / known : f === lastIdx ? Math.max(1, lc) / known : 0),
      };
      const hits: ScreenHit[] = [];
      for (const pid of pids) {
        const row = byId.get(pid);
        if (!row) continue;
        const addresses = [
          { street: row.street, town: row.town, zip: row.zip, state: row.state },
          ...history.filter((h) => h.person_id === pid),
        ];
        const idents = a.identifier ? creds.filter((c) => c.person_id === pid).map((c) => c.number) : [];
        let best: { p: number; g: Int8Array } | undefined;
        for (const addr of addresses)
          for (const identifier of ["", ...idents]) {
            const b: PersonRecord = toRecord({
              id: pid,
              firstName: row.first_name,
              lastName: row.last_name,
              birthDate: row.birth_date,
              ...addr,
              identifier,
            });
            const g = compareRecords(a, b);
            const p = scorePair(params, a, b, prior, tf, g).probability;
            if (!best || p > best.p) best = { p, g };
          }
        const decision = decisionFor(best!.p, datesAgree(best!.g));
        if (decision !== "non-match") hits.push({ personId: pid, probability: best!.p, decision });
      }
      if (!hits.length) continue;
      hits.sort((x, y) => y.probability - x.probability);
      if (hits.filter((h) => h.decision === "match").length > 1) for (const h of hits) h.decision = "review";
      out.set(s.key, hits);
    }
  }
  return out;
}
