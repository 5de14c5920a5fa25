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
 * The decision for a pair's posterior probability. `datesAgree`: the dates of birth are present
 * and agree (exactly, with day and month swapped, or in two of day, month, year). Without that an
 * automatic match is not made whatever the probability: relatives share names and addresses, and
 * the law's consequences follow a person, so a person decides.
 */
export function decisionFor(probability: number, datesAgree = true): MatchDecision {
  if (probability >= AUTO_MATCH_PROBABILITY) return datesAgree ? "match" : "review";
  if (probability >= REVIEW_PROBABILITY) return "review";
  return "non-match";
}
