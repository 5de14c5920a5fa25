/**
 * Applications by town of permanent residence, for the local-permits module (the town's issuing
 * authority works the temporary state permit applications of its own residents, §§ 57-58), and the
 * state permit applications forwarded from a temporary permit application. Reads only.
 */
import type { Queryable } from "../../db/client.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import type { CredentialKind } from "../../law/ct/credentials/index.ts";

export interface TownApplicationRow {
  id: string;
  number: string;
  personId: string;
  credentialKind: CredentialKind;
  status: string;
  submittedOn: PlainDate;
  residenceTown: string;
  latestDecisionId: string | null;
  person: { firstName: string; lastName: string; birthDate: PlainDate };
}

const toRow = (r: Record<string, any>): TownApplicationRow => ({
  id: r.id,
  number: r.number,
  personId: r.person_id,
  credentialKind: r.credential_kind,
  status: r.status,
  submittedOn: r.submitted_on,
  residenceTown: r.residence_town,
  latestDecisionId: r.latest_decision_id,
  person: { firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date },
});

const COLS = `a.id::text, a.number, a.person_id::text, a.credential_kind, a.status, a.submitted_on, a.residence_town,
  a.latest_decision_id::text, p.first_name, p.last_name, p.birth_date`;

/**
 * Applications of one credential kind, optionally limited to one town of residence and to some
 * statuses, oldest first.
 */
export async function applicationsByTown(
  q: Queryable,
  o: {
    credentialKind: CredentialKind;
    town?: string | undefined;
    statuses?: readonly string[] | undefined;
    limit: number;
  },
): Promise<TownApplicationRow[]> {
  const rows = await q.query(
    `SELECT ${COLS} FROM applications a JOIN people p ON p.id = a.person_id
     WHERE a.credential_kind = $1 AND ($2::text IS NULL OR a.residence_town = $2)
       AND ($3::text[] IS NULL OR a.status = ANY($3::text[]))
     ORDER BY a.submitted_on, a.number LIMIT $4`,
    [o.credentialKind, o.town ?? null, o.statuses ? [...o.statuses] : null, o.limit],
  );
  return rows.map(toRow);
}

/** Some applications by id, with the applicant's name (for a queue of ids another module keeps). */
export async function applicationsByIds(q: Queryable, ids: readonly string[]): Promise<TownApplicationRow[]> {
  if (!ids.length) return [];
  const rows = await q.query(
    `SELECT ${COLS} FROM applications a JOIN people p ON p.id = a.person_id WHERE a.id = ANY($1::uuid[])`,
    [[...ids]],
  );
  return rows.map(toRow);
}
