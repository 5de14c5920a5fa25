/**
 * The link to the weapons registries (assault weapon certificates, magazine declarations): a
 * matched prohibiting record marks every live registration of the person; the registries module
 * starts its own surrender obligation per registration and writes its letter. This file is the one
 * place enforcement reaches the registries, through their index.ts.
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { markRegistrationsOfPerson } from "../registries/index.ts";

export interface MarkedRegistration {
  registrationId: string;
  number: string | null;
  obligationId: string | null;
  dueOn: string;
}

/** Marks the person's registrations as reached by the event, in the caller's transaction. */
export async function markRegistrations(
  ctx: Ctx,
  q: Queryable,
  personId: string,
  eventId: string,
): Promise<MarkedRegistration[]> {
  return markRegistrationsOfPerson(ctx, q, personId, eventId);
}
