/**
 * In-memory blocking for linking files: records are compared only when they share a key
 * under at least one rule; the candidate pairs are the union over the rules. Each rule
 * tolerates different errors, so a pair with errors in several fields is still found
 * by the rule whose fields are intact.
 */
import type { PersonRecord } from "./record.ts";
import { soundex } from "./strings.ts";

export interface BlockingRule {
  name: string;
  key(r: PersonRecord): string | undefined;
}

const year = (r: PersonRecord) => r.dob.slice(0, 4);
/** Day and month in a fixed order, so a swapped day/month gives the same key. */
const dayMonth = (r: PersonRecord) => {
  const a = r.dob.slice(4, 6),
    b = r.dob.slice(6, 8);
  return a < b ? a + b : b + a;
};
const sx = (s: string) => (s ? soundex(s) : "");
/** Both names' soundex codes in a fixed order: survives a given name / surname swap. */
const namePair = (r: PersonRecord) => {
  const a = sx(r.firstName),
    b = sx(r.lastName);
  return a && b ? (a < b ? `${a}|${b}` : `${b}|${a}`) : undefined;
};
const all = (...xs: (string | undefined)[]) => (xs.every((x) => x) ? xs.join("|") : undefined);
/** The first letters of a street or second line without its spaces ("eddycrescent" = "eddy crescent"). */
const letters = (s: string, n = 5) => s.replace(/[^a-z]/g, "").slice(0, n);

export const BLOCKING_RULES: readonly BlockingRule[] = [
  { name: "surname soundex + birth year", key: (r) => all(sx(r.lastName), r.dob && year(r)) },
  { name: "ZIP + date of birth", key: (r) => all(r.zip, r.dob && dayMonth(r)) },
  { name: "both names' soundex (either order) + ZIP", key: (r) => all(namePair(r), r.zip) },
  { name: "both names' soundex (either order) + town", key: (r) => all(namePair(r), r.town) },
  { name: "both names' soundex (either order) + birth month/day", key: (r) => all(namePair(r), r.dob && dayMonth(r)) },
  {
    name: "surname soundex + house number + street initial",
    key: (r) => all(sx(r.lastName), r.streetNumber, r.street.slice(0, 2)),
  },
  { name: "street + house number + town", key: (r) => all(r.street, r.streetNumber, r.town) },
  { name: "date of birth (day/month in either order)", key: (r) => all(r.dob && year(r), r.dob && dayMonth(r)) },
  { name: "ZIP + house number", key: (r) => all(r.zip, r.streetNumber) },
  { name: "town + house number", key: (r) => all(r.town, r.streetNumber) },
  { name: "surname soundex + ZIP", key: (r) => all(sx(r.lastName), r.zip) },
  { name: "first name soundex + ZIP", key: (r) => all(sx(r.firstName), r.zip) },
  { name: "street's first word + town", key: (r) => all(r.street.split(" ")[0], r.town) },
  { name: "both names' soundex (either order)", key: (r) => namePair(r) },
  { name: "first name soundex + birth year and month", key: (r) => all(sx(r.firstName), r.dob.slice(0, 6)) },
  {
    name: "first name soundex + birth year and day",
    key: (r) => all(sx(r.firstName), r.dob && year(r) + r.dob.slice(6, 8)),
  },
  { name: "first name soundex + birth day/month", key: (r) => all(sx(r.firstName), r.dob && dayMonth(r)) },
  { name: "surname soundex + birth day/month", key: (r) => all(sx(r.lastName), r.dob && dayMonth(r)) },
  // Address rules that need no name and no date of birth: a record whose surname and date of birth
  // are both wrong (a married name, a mistyped date) is still found through where the person lives.
  { name: "house number + street's first letters", key: (r) => all(r.streetNumber, letters(r.street)) },
  { name: "first name soundex + street's first letters", key: (r) => all(sx(r.firstName), letters(r.street)) },
  { name: "first name soundex + house number", key: (r) => all(sx(r.firstName), r.streetNumber) },
  { name: "house number + second line's first letters", key: (r) => all(r.streetNumber, letters(r.address2)) },
  { name: "identifier", key: (r) => all(r.identifier) },
];

/** Blocks larger than this (per side) are skipped: they say little and cost a lot. */
export const MAX_BLOCK = 400;

/**
 * Candidate pairs (left index, right index) for linking `left` with `right`, or a file with
 * itself when `right` is undefined (then only i < j). Returned as a list of [i, j] chunks.
 */
export function candidatePairs(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[] | undefined,
  rules: readonly BlockingRule[] = BLOCKING_RULES,
): { pairs: [number, number][]; skippedBlocks: number } {
  const dedupe = right === undefined;
  const r = right ?? left;
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  let skippedBlocks = 0;
  const width = r.length;
  for (const rule of rules) {
    const index = new Map<string, number[]>();
    r.forEach((rec, j) => {
      const k = rule.key(rec);
      if (k) {
        const b = index.get(k);
        if (b) b.push(j);
        else index.set(k, [j]);
      }
    });
    const leftBlocks = new Map<string, number[]>();
    left.forEach((rec, i) => {
      const k = rule.key(rec);
      if (k) {
        const b = leftBlocks.get(k);
        if (b) b.push(i);
        else leftBlocks.set(k, [i]);
      }
    });
    for (const [k, is] of leftBlocks) {
      const js = index.get(k);
      if (!js) continue;
      if (is.length > MAX_BLOCK || js.length > MAX_BLOCK) {
        skippedBlocks++;
        continue;
      }
      for (const i of is)
        for (const j of js) {
          if (dedupe && j <= i) continue;
          const key = i * width + j;
          if (seen.has(key)) continue;
          seen.add(key);
          pairs.push([i, j]);
        }
    }
  }
  return { pairs, skippedBlocks };
}
