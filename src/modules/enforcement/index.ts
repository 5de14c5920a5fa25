/**
 * What other modules (and the benchmark) use of the enforcement module.
 * `receiveRecord` is one record's whole path (store, match, reach) in one service call:
 * bench/matching times it.
 */
export { receiveRecord, receiveBatch, decideReview, type ReceiveResult, type Effects } from "./service.ts";
export { useMatcher, exactMatcher, type Matcher, type MatchCandidate } from "./matcher.ts";
export { runEnforcementSweep } from "./jobs.ts";
export { seedEnforcement } from "./seed.ts";
