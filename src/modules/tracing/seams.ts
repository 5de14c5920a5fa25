/**
 * Seams to a module built in parallel. The registries module (lost and stolen reports, assault
 * weapon certificates) exports `lostStolenBySerial(q, serial)` and `registrationsBySerial(q, serial)`
 * from src/modules/registries/index.ts. It is loaded by a computed import, so this module builds
 * and runs without it; where it is missing a trace says that the check was not available rather
 * than "not reported".
 */
import type { Queryable } from "../../db/client.ts";

export interface LostStolenReport {
  id: string;
  kind: "lost" | "stolen";
  reportedOn: string;
  /** The person who reported it (the rightful owner), when known. */
  ownerPersonId: string | null;
  /** A dealer's report of inventory loss or theft. */
  dealerId?: string | null;
}

export interface RegistrationRecord {
  id: string;
  kind: string;
  personId: string | null;
  issuedOn: string | null;
}

/** The registries module's exports as this module reads them (field by field, so a change there shows here). */
interface RegistriesIndex {
  lostStolenBySerial?: (
    q: Queryable,
    serial: string,
  ) => Promise<
    {
      id: string;
      kind: "lost" | "stolen";
      reportedAt?: string;
      reportedOn?: string;
      personId?: string | null;
      ownerPersonId?: string | null;
      dealerId?: string | null;
    }[]
  >;
  registrationsBySerial?: (
    q: Queryable,
    serial: string,
  ) => Promise<{ id: string; kind: string; personId: string | null; issuedOn: string | null }[]>;
}

let registries: Promise<RegistriesIndex | null> | undefined;
const REGISTRIES = "../registries/index.ts";

function loadRegistries(): Promise<RegistriesIndex | null> {
  // A computed specifier: the module may not exist yet in this build.
  registries ??= import(REGISTRIES).then(
    (m) => m as RegistriesIndex,
    () => null,
  );
  return registries;
}

/** Lost and stolen reports of a serial number; `available: false` when the registries module does not offer them yet. */
export async function lostStolenBySerial(
  q: Queryable,
  serial: string,
): Promise<{ available: boolean; reports: LostStolenReport[] }> {
  const m = await loadRegistries();
  if (!m?.lostStolenBySerial) return { available: false, reports: [] };
  const rows = await m.lostStolenBySerial(q, serial);
  return {
    available: true,
    reports: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      reportedOn: String(r.reportedOn ?? r.reportedAt ?? "").slice(0, 10),
      ownerPersonId: r.ownerPersonId ?? r.personId ?? null,
      dealerId: r.dealerId ?? null,
    })),
  };
}

/** Registrations (assault weapon certificates and the like) naming a serial number, when the registries module offers them. */
export async function registrationsBySerial(
  q: Queryable,
  serial: string,
): Promise<{ available: boolean; records: RegistrationRecord[] }> {
  const m = await loadRegistries();
  if (!m?.registrationsBySerial) return { available: false, records: [] };
  const rows = await m.registrationsBySerial(q, serial);
  return {
    available: true,
    records: rows.map((r) => ({ id: r.id, kind: r.kind, personId: r.personId, issuedOn: r.issuedOn })),
  };
}

/** For tests: answer lost/stolen reports from a stand-in (the registries module is not there yet). */
export function setRegistriesForTests(m: RegistriesIndex | null): void {
  registries = Promise.resolve(m);
}
