/**
 * The misdemeanors that bar possession (PA 13-3 § 44 for firearms and
 * ammunition, when committed on or after 1 October 2013; existing CGS
 * § 53a-217c for handguns).
 *
 * OLR analysis, §§ 44-45: "The misdemeanor convictions the bill applies to are
 * for: 1. a first offense of possessing a controlled substance other than a
 * narcotic, a hallucinogen, or between .5 and four ounces of marijuana ...;
 * 2. the following class A misdemeanors: criminally negligent homicide; 3rd
 * degree assault; 3rd degree assault of an elderly, blind, disabled, pregnant,
 * or intellectually disabled person; 2nd degree threatening; 1st degree
 * reckless endangerment; 2nd degree unlawful restraint; 1st degree riot;
 * inciting to riot; and 2nd degree stalking; and 3. the class B misdemeanor of
 * 2nd degree riot."
 *
 * The analysis names the crimes; the statute numbers are those of the General
 * Statutes (2013 revision) for each named crime.
 */
// The same eleven statutes that bar a permit or certificate (CGS § 29-28(b)(2)): one list, kept with the credential rules.
export { LISTED_MISDEMEANORS } from "../credentials/listed-misdemeanor-conviction.ts";
import { LISTED_MISDEMEANORS } from "../credentials/listed-misdemeanor-conviction.ts";

/** "CGS § 53a-61", "53A-61", "sec. 21a-279 (c)" all become "53a-61" / "21a-279(c)". */
export function normalizeStatute(s: string): string {
  return s
    .toLowerCase()
    .replace(/^\s*(cgs|c\.g\.s\.|conn\. gen\. stat\.)\s*/, "")
    .replace(/^(§+|sec\.?|section)\s*/, "")
    .replace(/\s+/g, "")
    .replace(/^§+/, "");
}

/**
 * Whether a statute of conviction is a listed misdemeanor: true, false, or
 * "unknown" for "21a-279" without its subsection (only subsection (c) is listed).
 */
export function isListedMisdemeanor(statute: string): boolean | "unknown" {
  const n = normalizeStatute(statute);
  if (n in LISTED_MISDEMEANORS) return true;
  if (n === "21a-279") return "unknown";
  return false;
}
