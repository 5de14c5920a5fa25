/**
 * A person as a source knows them, normalised for comparison. Both the CLI (FEBRL
 * layout files) and live matching (the people table, feed records) build these.
 */
import { norm, normName } from "./strings.ts";

export interface PersonRecord {
  id: string;
  firstName: string;
  lastName: string;
  /** `YYYYMMDD` (digits only) or "" when unknown or not a date. */
  dob: string;
  streetNumber: string;
  street: string;
  /** A second address line (building, locality), "" when none. */
  address2: string;
  town: string;
  zip: string;
  state: string;
  /** Licence, permit or other identifier ("" when none). */
  identifier: string;
}

export interface RawPerson {
  id: string;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  /** `YYYY-MM-DD` or `YYYYMMDD`. */
  birthDate?: string | null | undefined;
  streetNumber?: string | null | undefined;
  /** The street; when `streetNumber` is absent a leading house number is split off ("12 Main St"). */
  street?: string | null | undefined;
  address2?: string | null | undefined;
  town?: string | null | undefined;
  zip?: string | null | undefined;
  state?: string | null | undefined;
  identifier?: string | null | undefined;
}

/** `YYYYMMDD` from `YYYY-MM-DD`, `YYYYMMDD` or `YYYY/MM/DD`; "" when it is not eight digits. */
export function normDob(s: string | null | undefined): string {
  const d = (s ?? "").replace(/[^0-9]/g, "");
  return /^\d{8}$/.test(d) ? d : "";
}

const STREET_WORDS: Record<string, string> = {
  st: "street",
  str: "street",
  rd: "road",
  ave: "avenue",
  av: "avenue",
  dr: "drive",
  ln: "lane",
  ct: "court",
  pl: "place",
  blvd: "boulevard",
  cres: "crescent",
  cir: "circuit",
  hwy: "highway",
  tpke: "turnpike",
  pkwy: "parkway",
  ter: "terrace",
  n: "north",
  s: "south",
  e: "east",
  w: "west",
  mt: "mount",
};

/** A street for comparison: normalised, with common abbreviations spelled out ("Main St." = "main street"). */
export function normStreet(s: string | null | undefined): string {
  return norm(s)
    .split(" ")
    .filter(Boolean)
    .map((w) => STREET_WORDS[w] ?? w)
    .join(" ");
}

export function toRecord(p: RawPerson): PersonRecord {
  let streetNumber = norm(p.streetNumber).replace(/ /g, "");
  let street = normStreet(p.street);
  if (!streetNumber) {
    const m = /^(\d+[a-z]?)\s+(.*)$/.exec(street);
    if (m) {
      streetNumber = m[1]!;
      street = m[2]!;
    }
  }
  return {
    id: p.id,
    firstName: normName(p.firstName),
    lastName: normName(p.lastName),
    dob: normDob(p.birthDate),
    streetNumber,
    street,
    address2: norm(p.address2),
    town: norm(p.town),
    zip: norm(p.zip).replace(/ /g, ""),
    state: norm(p.state).replace(/ /g, ""),
    identifier: norm(p.identifier).replace(/ /g, ""),
  };
}
