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
  /** The words of a surname of two or more ("Smith-Jones": smith, jones); absent otherwise. */
  surnameParts?: readonly string[];
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

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const two = (n: number) => String(n).padStart(2, "0");
const plausibleYear = (y: number) => y >= 1800 && y <= 2199;

/**
 * `YYYYMMDD` from the ways files write a date of birth; "" when it is not one. Year first
 * (`YYYYMMDD`, `YYYY-MM-DD`, `YYYY/M/D`, with or without a time after it) is kept as written, even
 * a month above 12 (a source that swapped day and month: the comparison knows that error). Year
 * last is read as the United States writes it, month first (`MM/DD/YYYY`, `M-D-YYYY`,
 * `MMDDYYYY`), or day first where the first number cannot be a month (`25/12/1970`) or the parts
 * are separated by dots (`25.12.1970`, as Europe writes it). Month names (`3 Aug 1975`,
 * `August 3, 1975`) are read. Two-digit years are not guessed (unknown, not a wrong century).
 */
export function normDob(s: string | null | undefined): string {
  const t = (s ?? "").trim().toLowerCase().replace(/\.0+$/, "");
  if (!t) return "";
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const y = Number(t.slice(4));
    // Kept as written unless it can only be month, day, year (a mistyped year is still a date).
    if (plausibleYear(Number(m[1])) || !plausibleYear(y) || Number(t.slice(0, 2)) > 31) return t;
    const a = Number(t.slice(0, 2)),
      b = Number(t.slice(2, 4));
    return a > 12 && b <= 12 ? `${y}${two(b)}${two(a)}` : `${y}${two(a)}${two(b)}`;
  }
  m = /^(\d{4})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{1,2})(?:[t\s].*)?$/.exec(t);
  if (m) return `${m[1]}${two(Number(m[2]))}${two(Number(m[3]))}`;
  m = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?:[t\s].*)?$/.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const dayFirst = m[2] === "." ? !(a <= 12 && b > 12) : a > 12 && b <= 12;
    const [mo, d] = dayFirst ? [b, a] : [a, b];
    return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? `${m[4]}${two(mo)}${two(d)}` : "";
  }
  const month = (w: string) => MONTHS.indexOf(w.slice(0, 3)) + 1;
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]*([a-z]{3,})\.?[\s,-]*(\d{4})$/.exec(t);
  if (m && month(m[2]!) > 0) return `${m[3]}${two(month(m[2]!))}${two(Number(m[1]))}`;
  m = /^([a-z]{3,})\.?[\s-]*(\d{1,2})(?:st|nd|rd|th)?[\s,-]*(\d{4})$/.exec(t);
  if (m && month(m[1]!) > 0) return `${m[3]}${two(month(m[1]!))}${two(Number(m[2]))}`;
  return "";
}

/** A ZIP or postcode for comparison: ZIP+4 to its five digits, a leading zero a spreadsheet dropped put back. */
export function normZip(s: string | null | undefined): string {
  const z = norm(s).replace(/ /g, "");
  if (/^\d{9}$/.test(z)) return z.slice(0, 5);
  const plus4 = /^(\d{5})\s*-?\s*\d{4}$/.exec((s ?? "").trim());
  if (plus4) return plus4[1]!;
  if (/^\d{3,4}$/.test(z)) return z.padStart(5, "0");
  return z;
}

const STATES: Record<string, string> = {
  alabama: "al",
  alaska: "ak",
  arizona: "az",
  arkansas: "ar",
  california: "ca",
  colorado: "co",
  connecticut: "ct",
  delaware: "de",
  districtofcolumbia: "dc",
  florida: "fl",
  georgia: "ga",
  hawaii: "hi",
  idaho: "id",
  illinois: "il",
  indiana: "in",
  iowa: "ia",
  kansas: "ks",
  kentucky: "ky",
  louisiana: "la",
  maine: "me",
  maryland: "md",
  massachusetts: "ma",
  michigan: "mi",
  minnesota: "mn",
  mississippi: "ms",
  missouri: "mo",
  montana: "mt",
  nebraska: "ne",
  nevada: "nv",
  newhampshire: "nh",
  newjersey: "nj",
  newmexico: "nm",
  newyork: "ny",
  northcarolina: "nc",
  northdakota: "nd",
  ohio: "oh",
  oklahoma: "ok",
  oregon: "or",
  pennsylvania: "pa",
  rhodeisland: "ri",
  southcarolina: "sc",
  southdakota: "sd",
  tennessee: "tn",
  texas: "tx",
  utah: "ut",
  vermont: "vt",
  virginia: "va",
  washington: "wa",
  westvirginia: "wv",
  wisconsin: "wi",
  wyoming: "wy",
  puertorico: "pr",
  // FEBRL's people live in Australia.
  newsouthwales: "nsw",
  victoria: "vic",
  queensland: "qld",
  southaustralia: "sa",
  westernaustralia: "wa",
  tasmania: "tas",
  northernterritory: "nt",
  australiancapitalterritory: "act",
};

/** A state for comparison: its postal abbreviation ("Connecticut" = "CT" = "ct"). */
export function normState(s: string | null | undefined): string {
  const x = norm(s).replace(/ /g, "");
  return STATES[x] ?? x;
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
  const parts = (p.lastName ?? "")
    .split(/[-\s\u2010-\u2015]+/)
    .map(normName)
    .filter((w) => w.length >= 2);
  return {
    id: p.id,
    firstName: normName(p.firstName),
    lastName: normName(p.lastName),
    dob: normDob(p.birthDate),
    streetNumber,
    street,
    address2: norm(p.address2),
    town: norm(p.town),
    zip: normZip(p.zip),
    state: normState(p.state),
    identifier: norm(p.identifier).replace(/ /g, ""),
    ...(parts.length >= 2 ? { surnameParts: parts } : {}),
  };
}
