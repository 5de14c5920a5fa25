/**
 * People: identity and residence. Address changes are appended to a history;
 * the person row keeps the latest address for convenience.
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { loadTowns } from "../../db/reference-data.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { badField, notFound } from "../../lib/errors.ts";
import { appendAudit } from "../audit/index.ts";

export interface Person {
  id: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  birthDate: PlainDate;
  birthPlace: string | null;
  street: string | null;
  town: string | null;
  state: string;
  zip: string | null;
  email: string | null;
}

const COLS = "id::text, first_name, middle_name, last_name, birth_date, birth_place, street, town, state, zip, email";
const toPerson = (r: Record<string, any>): Person => ({
  id: r.id,
  firstName: r.first_name,
  middleName: r.middle_name,
  lastName: r.last_name,
  birthDate: r.birth_date,
  birthPlace: r.birth_place,
  street: r.street,
  town: r.town,
  state: r.state,
  zip: r.zip,
  email: r.email,
});

export interface NewPerson {
  firstName: string;
  middleName?: string | null | undefined;
  lastName: string;
  birthDate: PlainDate;
  birthPlace?: string | null | undefined;
  street?: string | null | undefined;
  town?: string | null | undefined;
  state?: string | undefined;
  zip?: string | null | undefined;
  email?: string | null | undefined;
}

/** The 169 towns, from the shipped file the `towns` table is filled from (they do not change). */
const TOWN_NAMES = new Set(loadTowns().map((t) => t.name));

/** A Connecticut town's name, checked in memory (no round trip; `q` is kept for the callers' shape). */
export async function assertTown(_q: Queryable, town: string, field: string): Promise<void> {
  if (!TOWN_NAMES.has(town)) throw badField(field, `${town} is not one of Connecticut's 169 towns`);
}

export async function createPerson(q: Queryable, p: NewPerson): Promise<Person> {
  if (p.town && (p.state ?? "CT") === "CT") await assertTown(q, p.town, "town");
  const rows = await q.query(
    `INSERT INTO people (first_name, middle_name, last_name, birth_date, birth_place, street, town, state, zip, email)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING ${COLS}`,
    [
      p.firstName,
      p.middleName ?? null,
      p.lastName,
      p.birthDate,
      p.birthPlace ?? null,
      p.street ?? null,
      p.town ?? null,
      p.state ?? "CT",
      p.zip ?? null,
      p.email ?? null,
    ],
  );
  return toPerson(rows[0]!);
}

export async function findPerson(q: Queryable, id: string): Promise<Person | undefined> {
  const rows = await q.query(`SELECT ${COLS} FROM people WHERE id = $1`, [id]);
  return rows[0] ? toPerson(rows[0]) : undefined;
}

export async function getPerson(q: Queryable, id: string): Promise<Person> {
  const p = await findPerson(q, id);
  if (!p) throw notFound("person");
  return p;
}

/** Finds people by exact last name (case-insensitive) and date of birth. */
export async function findPeopleByIdentity(q: Queryable, lastName: string, birthDate: PlainDate): Promise<Person[]> {
  const rows = await q.query(
    `SELECT ${COLS} FROM people WHERE lower(last_name) = lower($1) AND birth_date = $2 ORDER BY first_name LIMIT 50`,
    [lastName, birthDate],
  );
  return rows.map(toPerson);
}

export interface AddressChange {
  street: string;
  town: string;
  state: string;
  zip?: string | null | undefined;
  effectiveOn: PlainDate;
}

/** Records a change of address; the history keeps every earlier one. */
export async function changeAddress(ctx: Ctx, personId: string, a: AddressChange): Promise<{ id: number }> {
  return ctx.db.tx(async (q) => {
    await getPerson(q, personId);
    if (a.state === "CT") await assertTown(q, a.town, "town");
    if (a.effectiveOn > ctx.today) throw badField("effectiveOn", "cannot be in the future");
    const r = await q.query<{ id: number }>(
      "INSERT INTO address_changes (person_id, street, town, state, zip, effective_on, reported_by) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id",
      [personId, a.street, a.town, a.state, a.zip ?? null, a.effectiveOn, ctx.user?.id ?? null],
    );
    await q.query("UPDATE people SET street = $2, town = $3, state = $4, zip = $5 WHERE id = $1", [
      personId,
      a.street,
      a.town,
      a.state,
      a.zip ?? null,
    ]);
    await appendAudit(q, ctx, {
      action: "person.address-change",
      entityType: "person",
      entityId: personId,
      details: { town: a.town, state: a.state, effectiveOn: a.effectiveOn },
    });
    return { id: r[0]!.id };
  });
}

export async function addressHistory(
  q: Queryable,
  personId: string,
): Promise<(AddressChange & { reportedAt: string })[]> {
  const rows = await q.query(
    "SELECT street, town, state, zip, effective_on, reported_at FROM address_changes WHERE person_id = $1 ORDER BY id DESC",
    [personId],
  );
  return rows.map((r) => ({
    street: r.street,
    town: r.town,
    state: r.state,
    zip: r.zip,
    effectiveOn: r.effective_on,
    reportedAt: r.reported_at,
  }));
}
