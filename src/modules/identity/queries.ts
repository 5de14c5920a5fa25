/**
 * Blocking in the database: the people who could be the person a record names. Reads `people`
 * (everyone Stateline knows: holders, applicants, registrants, buyers all have a row there), their
 * address history and credential numbers. Indexes in migration 016_identity.sql.
 */
import type { Queryable } from "../../db/client.ts";

export interface CandidateRow {
  id: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  street: string | null;
  town: string | null;
  zip: string | null;
  state: string;
}

export interface CandidateQuery {
  firstName: string;
  lastName: string;
  /** `YYYY-MM-DD` or null. */
  birthDate: string | null;
  /** The same date with day and month swapped, when that is a date. */
  swappedBirthDate: string | null;
  identifier: string;
  /** Town as written (compared lower-case), or "". */
  town: string;
  /** Five-digit ZIP, or "". */
  zip: string;
  /** House number (the street's first word as the people table writes it), or "". */
  houseNumber: string;
  /** The street as written, for ordering the people at one house number by similarity, or "". */
  street: string;
}

/** Per rule, at most this many people (the most similar first where the rule orders). */
const LIMIT = 300;

/**
 * The union of the blocking rules: surname Double Metaphone and a birth date within about a
 * year (also with given name and surname swapped); the same birth date, or day and month swapped;
 * both names' Double Metaphone codes (any birth date); the given name's Double Metaphone code with
 * the town, or with the ZIP (any surname, any birth date: a married name and a wrong date); the
 * house number in the town, closest street first (any name, any date: migration 018); the
 * identifier as a credential number.
 * Where a rule finds more people than its limit, the closest whole names (pg_trgm similarity) are kept.
 * (Blocking on whole-name trigram similarity through a GIN index was tried and dropped: for a common
 * name it re-checks hundreds of thousands of rows, seconds at 3.6 million people.)
 */
export async function candidatePeople(q: Queryable, c: CandidateQuery): Promise<CandidateRow[]> {
  const full = `${c.firstName} ${c.lastName}`.trim().toLowerCase();
  return q.query<CandidateRow>(
    `SELECT p.id::text, p.first_name, p.last_name, p.birth_date, p.street, p.town, p.zip, p.state
       FROM people p
      WHERE p.id IN (
        (SELECT id FROM people WHERE $2 <> '' AND dmetaphone(last_name) = dmetaphone($2)
            AND birth_date BETWEEN coalesce($3::date, $4::date) - 400 AND coalesce($3::date, $4::date) + 400
            ORDER BY similarity(lower(first_name || ' ' || last_name), $5) DESC LIMIT ${LIMIT})
        UNION
        (SELECT id FROM people WHERE $1 <> '' AND dmetaphone(last_name) = dmetaphone($1)
            AND birth_date BETWEEN coalesce($3::date, $4::date) - 400 AND coalesce($3::date, $4::date) + 400 LIMIT ${LIMIT})
        UNION
        (SELECT id FROM people WHERE birth_date = $3::date OR birth_date = $4::date LIMIT ${LIMIT})
        UNION
        (SELECT id FROM people WHERE $1 <> '' AND $2 <> '' AND dmetaphone(last_name) = dmetaphone($2)
            AND dmetaphone(first_name) = dmetaphone($1)
            ORDER BY similarity(lower(first_name || ' ' || last_name), $5) DESC LIMIT ${LIMIT})
        UNION
        (SELECT id FROM people WHERE $1 <> '' AND $7 <> '' AND dmetaphone(first_name) = dmetaphone($1)
            AND lower(town) = lower($7)
            ORDER BY similarity(lower(first_name || ' ' || last_name), $5) DESC LIMIT ${LIMIT})
        UNION
        (SELECT id FROM people WHERE $1 <> '' AND $8 <> '' AND dmetaphone(first_name) = dmetaphone($1) AND zip = $8
            ORDER BY similarity(lower(first_name || ' ' || last_name), $5) DESC LIMIT ${LIMIT})
        UNION
        (SELECT id FROM people WHERE $7 <> '' AND $9 <> '' AND lower(town) = lower($7)
            AND split_part(street, ' ', 1) = $9
            ORDER BY similarity(lower(street), lower($10)) DESC LIMIT ${LIMIT})
        UNION
        (SELECT person_id FROM credentials WHERE $6 <> '' AND number = $6))`,
    [
      c.firstName,
      c.lastName,
      c.birthDate,
      c.swappedBirthDate,
      full,
      c.identifier,
      c.town,
      c.zip,
      c.houseNumber,
      c.street,
    ],
  );
}

export async function addressHistory(
  q: Queryable,
  ids: readonly string[],
): Promise<{ person_id: string; street: string; town: string; zip: string | null; state: string }[]> {
  if (!ids.length) return [];
  return q.query(
    "SELECT person_id::text, street, town, zip, state FROM address_changes WHERE person_id = ANY($1::uuid[])",
    [ids],
  );
}

export async function credentialNumbers(
  q: Queryable,
  ids: readonly string[],
): Promise<{ person_id: string; number: string }[]> {
  if (!ids.length) return [];
  return q.query("SELECT person_id::text, number FROM credentials WHERE person_id = ANY($1::uuid[])", [ids]);
}

/** How many people Stateline knows (the planner's estimate when the table is large). */
export async function peopleCount(q: Queryable): Promise<number> {
  const est = await q.query<{ n: number }>(
    "SELECT GREATEST(reltuples, 0)::bigint AS n FROM pg_class WHERE oid = 'people'::regclass",
  );
  const n = Number(est[0]?.n ?? 0);
  if (n >= 100_000) return n;
  const exact = await q.query<{ n: number }>("SELECT count(*)::bigint AS n FROM people");
  return Number(exact[0]?.n ?? 0);
}

/**
 * How many people have this first name and this surname (case-insensitive), for name frequencies.
 * Among many people the planner's estimate (from the statistics on the name indexes) is used: it
 * costs nothing, where counting 100,000 Smiths costs most of a second.
 */
export async function nameCounts(
  q: Queryable,
  firstName: string,
  lastName: string,
  known: number,
): Promise<{ first: number; last: number }> {
  if (known >= 100_000) {
    const est = async (sql: string, v: string) => {
      const r = await q.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, [v]);
      const plan = r[0]?.["QUERY PLAN"];
      const json = (typeof plan === "string" ? JSON.parse(plan) : plan) as { Plan: { "Plan Rows": number } }[];
      return Number(json[0]?.Plan["Plan Rows"] ?? 0);
    };
    return {
      first: firstName ? await est("SELECT 1 FROM people WHERE lower(first_name) = lower($1)", firstName) : 0,
      last: lastName ? await est("SELECT 1 FROM people WHERE lower(last_name) = lower($1)", lastName) : 0,
    };
  }
  const r = await q.query<{ first: number; last: number }>(
    `SELECT (SELECT count(*) FROM people WHERE lower(first_name) = lower($1))::bigint AS first,
            (SELECT count(*) FROM people WHERE lower(last_name) = lower($2))::bigint AS last`,
    [firstName, lastName],
  );
  return { first: Number(r[0]?.first ?? 0), last: Number(r[0]?.last ?? 0) };
}
