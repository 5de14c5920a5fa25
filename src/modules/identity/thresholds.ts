/**
 * The one place where match probabilities become decisions, for the CLI and for live matching.
 * See README.md ("Thresholds") for why these values.
 */
export type MatchDecision = "match" | "review" | "non-match";

/** At or above: the same person, automatically (expected false matches ≤ 1 in 10,000 decisions). */
export const AUTO_MATCH_PROBABILITY = 0.9999;
/** At or above (and below automatic): a person decides, seeing both records and the reasons. */
export const REVIEW_PROBABILITY = 0.01;

/**
 * When one of the two records has no date of birth, the date-of-birth rule below cannot apply, and
 * the automatic threshold is ten times stricter instead (one expected false match in 100,000).
 * Sources in live matching always send a date of birth and every person has one, so this only
 * arises when linking files.
 */
export const AUTO_MATCH_PROBABILITY_NO_DOB = 0.99999;

/**
 * What the dates of birth say about an automatic match: `true` (present on both sides and agreeing
 * exactly, with day and month swapped, or in two of day, month, year), `false` (both present, and
 * they disagree more than that) or "missing" (one side has none).
 */
export type DatesAgree = boolean | "missing";

/**
 * The decision for a pair's posterior probability. When both dates of birth are known and they
 * disagree, an automatic match is not made whatever the probability: relatives share names and
 * addresses, and the law's consequences follow a person, so a person decides.
 */
export function decisionFor(probability: number, datesAgree: DatesAgree = true): MatchDecision {
  if (probability >= AUTO_MATCH_PROBABILITY) {
    if (datesAgree === true) return "match";
    if (datesAgree === "missing" && probability >= AUTO_MATCH_PROBABILITY_NO_DOB) return "match";
    return "review";
  }
  if (probability >= REVIEW_PROBABILITY) return "review";
  return "non-match";
}
