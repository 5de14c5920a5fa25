/**
 * Demo data for the local issuing authority: the `chief` sign-in attached to Hartford as its chief of
 * police, and temporary state permit applications keyed in by state staff for three Hartford
 * residents (submitted 9, 38 and 61 days ago: the last one past the eight weeks) and one New Haven
 * resident (another town's applicant, whom the chief never sees). Run after the main seed. Runs once.
 */
import type { Ctx } from "../../context.ts";
import { addDays, type PlainDate } from "../../law/core/dates.ts";
import { findUserById, type User } from "../auth/index.ts";
import { submitApplication } from "../credentials/index.ts";
import { createPerson } from "../people/index.ts";
import * as db from "./queries.ts";

const APPLICANTS = [
  {
    firstName: "Marisol",
    lastName: "Quintero",
    birthDate: "1979-03-22",
    street: "48 Park Terrace",
    town: "Hartford",
    zip: "06106",
    daysAgo: 61,
  },
  {
    firstName: "Desmond",
    lastName: "Achterberg",
    birthDate: "1990-11-05",
    street: "210 Wethersfield Avenue",
    town: "Hartford",
    zip: "06114",
    daysAgo: 38,
  },
  {
    firstName: "Yolanda",
    lastName: "Brightwater",
    birthDate: "1968-07-30",
    street: "15 Girard Avenue",
    town: "Hartford",
    zip: "06105",
    daysAgo: 9,
  },
  {
    firstName: "Corwin",
    lastName: "Maddox",
    birthDate: "1984-01-17",
    street: "77 Orange Street",
    town: "New Haven",
    zip: "06510",
    daysAgo: 20,
  },
] as const;

async function userNamed(ctx: Ctx, username: string): Promise<User | undefined> {
  const r = await ctx.db.query<{ id: string }>("SELECT id::text FROM users WHERE username = $1", [username]);
  return r[0] ? findUserById(ctx.db, r[0].id) : undefined;
}

async function firstOfRole(ctx: Ctx, role: string): Promise<User | undefined> {
  const r = await ctx.db.query<{ id: string }>(
    "SELECT id::text FROM users WHERE role = $1 ORDER BY created_at LIMIT 1",
    [role],
  );
  return r[0] ? findUserById(ctx.db, r[0].id) : undefined;
}

/** Seeds the chief's town and its applicants; answers counts. `username` and `town` for tests. */
export async function seedLocalPermits(
  ctx: Ctx,
  opts: { username?: string; town?: string } = {},
): Promise<Record<string, number>> {
  const chief = await userNamed(ctx, opts.username ?? "chief");
  const staff = await firstOfRole(ctx, "licensing_staff");
  if (!chief || chief.role !== "local_authority" || !staff) return { skipped: 1 };
  if (await db.findAuthority(ctx.db, chief.id)) return { skipped: 1 };
  const town = opts.town ?? "Hartford";
  await db.upsertAuthority(ctx.db, { userId: chief.id, town, office: "chief-of-police" });
  let applications = 0;
  for (const a of APPLICANTS) {
    const person = await createPerson(ctx.db, {
      firstName: a.firstName,
      lastName: a.lastName,
      birthDate: a.birthDate as PlainDate,
      street: a.street,
      town: a.town === "Hartford" ? town : a.town,
      zip: a.zip,
    });
    // Keyed in by state staff from the paper form, on the day it was made.
    await submitApplication(
      { ...ctx, user: staff, today: addDays(ctx.today, -a.daysAgo) },
      {
        credentialKind: "temporary-state-permit",
        residenceTown: a.town === "Hartford" ? town : a.town,
        attestedNoTemporaryPermitIn12Months: true,
        citizenOrLawfulResident: true,
        backgroundCheckConsent: true,
        feePaid: true,
        personId: person.id,
      },
    );
    applications++;
  }
  return { applications };
}
