/**
 * Matching what the buyer presented at the counter against the state's record
 * of the credential: the number, the holder's last name and date of birth
 * (the verification database's keys), and, when the clerk gives it, the
 * address on the identification.
 *
 * A mismatch is never a refusal. California rejected about one lawful
 * ammunition buyer in five in 2019 because records did not match (often an
 * old address); here a mismatch is "needs review" and says how to fix it.
 * This is a procedure of Stateline, not a requirement of the Act, so its
 * findings cite the procedure with basis "policy".
 *
 * Pure: no database, no clock.
 */
import type { PlainDate } from "../../law/core/dates.ts";
import { type Finding, met, unknown } from "../../law/core/rules.ts";

export { MATCH_ID, MATCH_SOURCE } from "../../law/ct/policy/record-match.ts";
import { MATCH_ID, MATCH_SOURCE } from "../../law/ct/policy/record-match.ts";

export interface Presented {
  credentialNumber: string;
  lastName: string;
  birthDate: PlainDate;
  address?: { street?: string | undefined; town?: string | undefined; zip?: string | undefined } | undefined;
}

export interface OnRecord {
  credentialNumber: string;
  lastName: string;
  birthDate: PlainDate;
  street: string | null;
  town: string | null;
  zip: string | null;
}

/** Letters only, lower case, accents removed: "O'Brien-Smith" and "obrien smith" are the same name. */
export function normalizeName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

const STREET_WORDS: Record<string, string> = {
  street: "st",
  st: "st",
  avenue: "ave",
  ave: "ave",
  av: "ave",
  road: "rd",
  rd: "rd",
  drive: "dr",
  dr: "dr",
  lane: "ln",
  ln: "ln",
  boulevard: "blvd",
  blvd: "blvd",
  court: "ct",
  ct: "ct",
  place: "pl",
  pl: "pl",
  terrace: "ter",
  ter: "ter",
  circle: "cir",
  cir: "cir",
  highway: "hwy",
  hwy: "hwy",
  turnpike: "tpke",
  tpke: "tpke",
  north: "n",
  n: "n",
  south: "s",
  s: "s",
  east: "e",
  e: "e",
  west: "w",
  w: "w",
};

/** "12 Oak Road" and "12 oak rd." are the same street address. */
export function normalizeStreet(s: string): string {
  return s
    .toLowerCase()
    .replace(/[.,#]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => STREET_WORDS[w] ?? w)
    .join(" ");
}

/** Upper case, with the two-letter prefix joined by a hyphen: "sp1000001" → "SP-1000001". */
export function normalizeCredentialNumber(n: string): string {
  return n
    .trim()
    .toUpperCase()
    .replace(/^([A-Z]{2})[\s-]?/, "$1-");
}

/**
 * The match as findings: met when everything given agrees with the record;
 * unknown (needs review) with a remedy when the number is not on file or the
 * name, date of birth or address differ.
 */
export function matchRecord(p: Presented, r: OnRecord | undefined): { matched: boolean; findings: Finding[] } {
  if (!r) {
    return {
      matched: false,
      findings: [
        {
          ...unknown(
            MATCH_ID,
            MATCH_SOURCE,
            ["buyer.credentialNumber"],
            `no credential numbered ${normalizeCredentialNumber(p.credentialNumber)} is on file`,
          ),
          remedy:
            "check the number on the credential and run the check again; a buyer whose credential is not on file can ask the firearms unit to correct the record",
        },
      ],
    };
  }
  const differ: string[] = [];
  if (normalizeName(p.lastName) !== normalizeName(r.lastName)) differ.push("last name");
  if (p.birthDate !== r.birthDate) differ.push("date of birth");
  if (differ.length) {
    return {
      matched: false,
      findings: [
        {
          ...unknown(
            MATCH_ID,
            MATCH_SOURCE,
            differ.map((d) => (d === "last name" ? "buyer.lastName" : "buyer.birthDate")),
            `the ${differ.join(" and ")} given do${differ.length === 1 ? "es" : ""} not match the record of credential ${r.credentialNumber}`,
          ),
          remedy:
            "check what was typed against the credential and the identification; if the buyer's name or date of birth is wrong on the record, the buyer asks the firearms unit to correct it, then the check is run again",
        },
      ],
    };
  }
  const a = p.address;
  if (a) {
    const addressDiffers: string[] = [];
    if (a.town !== undefined && r.town !== null && normalizeName(a.town) !== normalizeName(r.town))
      addressDiffers.push("town");
    if (a.street !== undefined && r.street !== null && normalizeStreet(a.street) !== normalizeStreet(r.street))
      addressDiffers.push("street");
    if (a.zip !== undefined && r.zip !== null && a.zip.trim() !== r.zip) addressDiffers.push("ZIP code");
    if (addressDiffers.length) {
      return {
        matched: true,
        findings: [
          {
            ...unknown(
              MATCH_ID,
              MATCH_SOURCE,
              ["buyer.address"],
              `the ${addressDiffers.join(", ")} on the identification differ${addressDiffers.length === 1 ? "s" : ""} from the address on record for credential ${r.credentialNumber} (often an old address)`,
            ),
            remedy:
              "the buyer reports the current address (online in Stateline, or at the firearms unit), then the check is run again; nothing is refused for an address",
          },
        ],
      };
    }
  }
  return {
    matched: true,
    findings: [
      met(
        MATCH_ID,
        MATCH_SOURCE,
        `the number, last name and date of birth match the record of credential ${r.credentialNumber}`,
      ),
    ],
  };
}
