/**
 * SEAM to the weapons registries (assault weapon certificates, magazine declarations): a matched
 * prohibiting record marks every live registration of the person; the registries module starts
 * its own surrender obligation per registration and writes its letter
 * (`markRegistrationsOfPerson(ctx, q, personId, eventId)` from `../registries/index.ts`).
 *
 * The registries module is being built at the same time as this one, so it is loaded when
 * present; without it no registration is marked and the reach says so (`registriesLinked`).
 * Once the registries module is committed, replace the dynamic import with a static one.
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";

export interface MarkedRegistration { registrationId: string; number: string | null; obligationId: string | null; dueOn: string }

type MarkFn = (ctx: Ctx, q: Queryable, personId: string, eventId: string) => Promise<MarkedRegistration[]>;

let loaded: Promise<MarkFn | null> | undefined;
const REGISTRIES_INDEX = "../registries/index.ts";

async function registriesMark(): Promise<MarkFn | null> {
  loaded ??= import(/* registries module, when present */ REGISTRIES_INDEX)
    .then((m: { markRegistrationsOfPerson?: MarkFn }) => m.markRegistrationsOfPerson ?? null)
    .catch(() => null);
  return loaded;
}

/** Whether registrations are reached (the registries module is present and exports the marker). */
export async function registriesLinked(): Promise<boolean> {
  return (await registriesMark()) !== null;
}

/** Marks the person's registrations as reached by the event, in the caller's transaction. */
export async function markRegistrations(ctx: Ctx, q: Queryable, personId: string, eventId: string): Promise<MarkedRegistration[]> {
  const mark = await registriesMark();
  return mark ? mark(ctx, q, personId, eventId) : [];
}
