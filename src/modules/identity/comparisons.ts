/**
 * The comparison levels of each field. A comparison returns the index of the level two
 * records reach (0 = they disagree; higher = closer agreement) or -1 when either side
 * lacks the value (a missing value is no evidence either way: Bayes factor 1).
 * Levels are tried from the closest down; the first that holds wins.
 */
import { nicknameEquivalent } from "./nicknames.ts";
import type { PersonRecord } from "./record.ts";
import { jaroWinkler, levenshtein, oneTypoApart } from "./strings.ts";

/** Positions at which two strings of equal length differ. */
function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) d++;
  return d;
}

export interface Comparison {
  field: string;
  /** What a person reading a review screen sees; index = level. */
  levels: readonly string[];
  /** Level index whose Bayes factor is adjusted by the value's frequency (term frequency), if any. */
  tfLevel?: number;
  compare(a: PersonRecord, b: PersonRecord): number;
}

const NULL = -1;
const present = (x: string, y: string) => x !== "" && y !== "";

/**
 * Names: compared as aligned, or crosswise when the source swapped given name and surname
 * (the crosswise reading is used only when it agrees better on both names).
 */
function namesSwapped(a: PersonRecord, b: PersonRecord): boolean {
  if (!a.firstName || !a.lastName || !b.firstName || !b.lastName) return false;
  if (a.firstName === b.firstName || a.lastName === b.lastName) return false;
  return jaroWinkler(a.firstName, b.lastName) >= 0.92 && jaroWinkler(a.lastName, b.firstName) >= 0.92;
}

function firstNameLevel(x: string, y: string): number {
  if (!present(x, y)) return NULL;
  if (x === y) return 4;
  if (nicknameEquivalent(x, y, true)) return 3;
  const jw = jaroWinkler(x, y);
  if (jw >= 0.92) return 2;
  if (jw >= 0.85) return 1;
  return 0;
}

function surnameLevel(x: string, y: string, xParts?: readonly string[], yParts?: readonly string[]): number {
  if (!present(x, y)) return NULL;
  if (x === y) return 3;
  // A double-barrelled (married) name and one of its parts: "Smith-Jones" and "Smith".
  if (xParts?.includes(y) || yParts?.includes(x)) return 2;
  const jw = jaroWinkler(x, y);
  if (jw >= 0.92) return 2;
  if (jw >= 0.85) return 1;
  return 0;
}

function dobLevel(x: string, y: string): number {
  if (!present(x, y)) return NULL;
  if (x === y) return 4;
  const [ya, ma, da] = [x.slice(0, 4), x.slice(4, 6), x.slice(6, 8)];
  const [yb, mb, db] = [y.slice(0, 4), y.slice(4, 6), y.slice(6, 8)];
  if (ya === yb && ma === db && da === mb) return 3;
  const same = Number(ya === yb) + Number(ma === mb) + Number(da === db);
  if (same === 2) return 2;
  if (hamming(x, y) <= 2 || (ma === mb && da === db && Math.abs(Number(ya) - Number(yb)) <= 10)) return 1;
  return 0;
}

function addressLevel(a: PersonRecord, b: PersonRecord): number {
  let present2 = 0,
    agree = 0;
  if (present(a.streetNumber, b.streetNumber)) {
    present2++;
    if (a.streetNumber === b.streetNumber) agree++;
  }
  if (present(a.street, b.street)) {
    present2++;
    if (a.street === b.street || jaroWinkler(a.street, b.street) >= 0.9) agree++;
  }
  if (present(a.town, b.town)) {
    present2++;
    if (a.town === b.town || jaroWinkler(a.town, b.town) >= 0.88) agree++;
  }
  if (present(a.zip, b.zip)) {
    present2++;
    if (a.zip === b.zip || oneTypoApart(a.zip, b.zip)) agree++;
  }
  return present2 ? agree : NULL;
}

export const COMPARISONS: readonly Comparison[] = [
  {
    field: "first_name",
    levels: [
      "different first names",
      "first names alike (Jaro-Winkler ≥ 0.85)",
      "first names nearly the same (Jaro-Winkler ≥ 0.92)",
      "first names are nicknames of one name",
      "same first name",
    ],
    tfLevel: 4,
    compare: (a, b) =>
      namesSwapped(a, b) ? firstNameLevel(a.firstName, b.lastName) : firstNameLevel(a.firstName, b.firstName),
  },
  {
    field: "surname",
    levels: [
      "different surnames",
      "surnames alike (Jaro-Winkler ≥ 0.85)",
      "surnames nearly the same (Jaro-Winkler ≥ 0.92, or one part of the other: Smith-Jones, Smith)",
      "same surname",
    ],
    tfLevel: 3,
    compare: (a, b) =>
      namesSwapped(a, b)
        ? surnameLevel(a.lastName, b.firstName)
        : surnameLevel(a.lastName, b.lastName, a.surnameParts, b.surnameParts),
  },
  {
    field: "date_of_birth",
    levels: [
      "different dates of birth",
      "dates of birth two digits apart or same day in another year",
      "dates of birth differ in one of day, month, year",
      "day and month swapped",
      "same date of birth",
    ],
    compare: (a, b) => dobLevel(a.dob, b.dob),
  },
  {
    // House number, street, town and ZIP agree or disagree together (a person moves, or not),
    // so they are one comparison: how many of the four agree.
    field: "address",
    levels: [
      "nothing of the address agrees",
      "one of house number, street, town, ZIP agrees",
      "two of house number, street, town, ZIP agree",
      "three of house number, street, town, ZIP agree",
      "same address (house number, street, town, ZIP)",
    ],
    compare: (a, b) => addressLevel(a, b),
  },
  {
    field: "address_2",
    levels: [
      "different second address lines",
      "second address lines alike (Jaro-Winkler ≥ 0.85)",
      "same second address line",
    ],
    compare: (a, b) => {
      if (!present(a.address2, b.address2)) return NULL;
      if (a.address2 === b.address2) return 2;
      return jaroWinkler(a.address2, b.address2) >= 0.85 ? 1 : 0;
    },
  },
  {
    field: "state",
    levels: ["different states", "same state"],
    compare: (a, b) => (present(a.state, b.state) ? Number(a.state === b.state) : NULL),
  },
  {
    field: "identifier",
    levels: ["different identifiers", "identifiers one character apart", "same identifier"],
    compare: (a, b) => {
      if (!present(a.identifier, b.identifier)) return NULL;
      if (a.identifier === b.identifier) return 2;
      return levenshtein(a.identifier, b.identifier, 1) <= 1 ? 1 : 0;
    },
  },
];

/** The comparison vector (one level per field, -1 = missing) of two records. */
export function compareRecords(a: PersonRecord, b: PersonRecord): Int8Array {
  const g = new Int8Array(COMPARISONS.length);
  for (let i = 0; i < COMPARISONS.length; i++) g[i] = COMPARISONS[i]!.compare(a, b);
  return g;
}

/** The value whose frequency adjusts the exact-agreement Bayes factor of field i (for tfLevel). */
export function tfValue(fieldIndex: number, r: PersonRecord): string {
  const f = COMPARISONS[fieldIndex]!.field;
  return f === "first_name" ? r.firstName : f === "surname" ? r.lastName : "";
}

const DOB_INDEX = COMPARISONS.findIndex((c) => c.field === "date_of_birth");
/** Years of birth at most this far apart cannot be a parent's and a child's (a junior and a senior). */
export const SAME_GENERATION_YEARS = 10;

/**
 * What the dates of birth allow for an automatic match (thresholds.ts): true when they agree at
 * least in two of day, month and year (or swapped), or when their years are at most
 * SAME_GENERATION_YEARS apart, so that the two records cannot be a parent and a child of the same
 * name at the same address (the relatives the rule is there for; the model's probability already
 * counts the disagreeing date against the pair); false when present and further apart; "missing"
 * when a side has none.
 */
export function datesAgree(g: Int8Array, a?: PersonRecord, b?: PersonRecord): boolean | "missing" {
  const l = g[DOB_INDEX]!;
  if (l < 0) return "missing";
  if (l >= 2) return true;
  if (!a || !b) return false;
  return Math.abs(Number(a.dob.slice(0, 4)) - Number(b.dob.slice(0, 4))) <= SAME_GENERATION_YEARS;
}
