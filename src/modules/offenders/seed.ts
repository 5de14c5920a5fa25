/**
 * Demo data for the offender registry, made through the services: registrants in several towns
 * in every state the registry knows (awaiting registration, registration missed, registered with
 * an annual update coming or deferred, an unreported move, suspended), then the clocks run once.
 * The demo resident, if the main seed made one with a person, is not touched. Runs once.
 */
import { randomBytes } from "node:crypto";
import type { Ctx } from "../../context.ts";
import { type PlainDate, addDays } from "../../law/core/dates.ts";
import { createUser, type User } from "../auth/index.ts";
import { createPerson } from "../people/index.ts";
import * as svc from "./service.ts";

async function keeper(ctx: Ctx): Promise<User> {
  if (ctx.user?.role === "licensing_staff") return ctx.user;
  const r = await ctx.db.query(
    "SELECT id::text, username, display_name, role, person_id::text, organization FROM users WHERE role = 'licensing_staff' ORDER BY created_at LIMIT 1",
  );
  if (r[0])
    return {
      id: r[0].id,
      username: r[0].username,
      displayName: r[0].display_name,
      role: "licensing_staff",
      personId: r[0].person_id,
      organization: r[0].organization,
    };
  return createUser(ctx.db, {
    username: "registry-keeper",
    displayName: "DESPP registry unit",
    role: "licensing_staff",
    password: randomBytes(18).toString("base64url"),
    organization: "DESPP",
    passwordCost: ctx.config.passwordCost,
  });
}

const PEOPLE = [
  {
    firstName: "Dario",
    lastName: "Vellucci",
    birthDate: "1988-04-12",
    town: "Hartford",
    street: "41 Park Terrace",
    zip: "06106",
    statute: "53a-217c",
  },
  {
    firstName: "Keisha",
    lastName: "Marlowe",
    birthDate: "1991-09-30",
    town: "New Haven",
    street: "12 Dixwell Avenue",
    zip: "06511",
    statute: "29-35(a)",
  },
  {
    firstName: "Tomasz",
    lastName: "Brzezinski",
    birthDate: "1979-01-17",
    town: "Bridgeport",
    street: "300 Fairfield Avenue",
    zip: "06604",
    statute: "53a-60a",
  },
  {
    firstName: "Luis",
    lastName: "Oquendo",
    birthDate: "1985-06-02",
    town: "Waterbury",
    street: "77 Baldwin Street",
    zip: "06706",
    statute: "53-202k",
  },
  {
    firstName: "Renee",
    lastName: "Castellano",
    birthDate: "1993-12-24",
    town: "Norwich",
    street: "8 Broadway",
    zip: "06360",
    statute: "53a-134",
  },
  {
    firstName: "Michael",
    lastName: "Ferreira",
    birthDate: "1982-03-08",
    town: "Stamford",
    street: "19 Elm Street",
    zip: "06902",
    statute: "53a-212",
  },
] as const;

/** Seeds the registry; answers counts. */
export async function seedOffenders(ctx: Ctx): Promise<Record<string, number>> {
  const existing = await ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM offender_registrants");
  if ((existing[0]?.n ?? 0) > 0) return { skipped: 1 };
  const staff: Ctx = { ...ctx, user: await keeper(ctx) };
  const today = ctx.today;
  const made: string[] = [];
  for (const [i, p] of PEOPLE.entries()) {
    const person = await createPerson(ctx.db, {
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate as PlainDate,
      town: p.town,
      street: p.street,
      zip: p.zip,
    });
    const catchAll = p.statute === "53a-134";
    // Registered people were released about a year ago; the first two were released recently.
    const releasedOn = i === 0 ? addDays(today, -5) : i === 1 ? addDays(today, -30) : addDays(today, -340 - 20 * i);
    const duty = await ctx.db.tx((q) =>
      svc.registrationDutyFromCourtRecord(staff, q, {
        personId: person.id,
        statute: p.statute,
        ...(catchAll ? { isFelony: true, courtFoundFirearm: true } : {}),
        disposition: "convicted",
        dispositionOn: addDays(releasedOn, -200),
        courtDocket: `${p.town.slice(0, 3).toUpperCase()}-CR${String(20 + i).padStart(2, "0")}-${4100 + i}`,
        releasedOn,
        fromDocCustody: i === 3,
        source: i === 3 ? "corrections" : "staff",
      }),
    );
    const id = duty.registrant!.id;
    made.push(id);
    if (i < 2) continue; // awaiting registration (the second one past due)
    await svc.completeRegistration(staff, id, {
      registeredOn: addDays(releasedOn, 3),
      aliases: i === 2 ? ["Tom Brzezinski"] : [],
      physicalDescription: "see booking photograph",
      homeStreet: p.street,
      homeTown: p.town,
      homeState: "CT",
      homeZip: p.zip,
      fingerprintAppointmentOn: addDays(releasedOn, 3),
      fingerprintReference: `AFIS-${70210 + i}`,
      criminalHistoryReference: `SPBI-${88100 + i}`,
      dnaStatus: "on-file",
      signed: true,
    });
    if (i === 3)
      await svc.suspend(staff, id, {
        ground: "incarcerated",
        note: "returned to DOC custody on a violation of probation",
      });
  }
  // Registrant 5 (Renee Castellano): the police learned of a move ten days ago that she has not reported.
  await svc.recordChange(staff, made[4]!, {
    kind: "address",
    changedOn: addDays(today, -10),
    source: "law-enforcement",
    street: "140 Main Street",
    town: "Norwich",
    state: "CT",
  });
  const clocks = await svc.runClocks(staff);
  return { registrants: made.length, ...clocks };
}
