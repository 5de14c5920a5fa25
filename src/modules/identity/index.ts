/** What other modules use of identity matching: scoring a record against everyone Stateline knows. */
export { findCandidates, scoreRecord, scoreRecordIn, type ScoredCandidate } from "./service.ts";
export { matchInputSchema, type MatchInput } from "./schemas.ts";
export { AUTO_MATCH_PROBABILITY, REVIEW_PROBABILITY, decisionFor, type MatchDecision } from "./thresholds.ts";
export type { FieldReason } from "./model.ts";
export { nameVariants, nicknameEquivalent } from "./nicknames.ts";
export { screenRecords, type ScreenSubject, type ScreenHit } from "./rescreen.ts";
