/** The insurance area: review clocks for mental health and substance use requests (PA 13-3 §§ 71-76). */
import type { Question, RuleInfo } from "../../core/questions.ts";
import type { InsuranceReviewFacts } from "./review-facts.ts";
import type { InsuranceReviewClockResult } from "./insurance-review-clock.ts";
import { insuranceReviewClock } from "./insurance-review-clock.ts";
import { MENTAL_HEALTH_URGENT_RULE } from "./mental-health-urgent.ts";
import {
  DETERMINATION_CLOCK_RULE,
  INFORMATION_EXCEPTION_RULE,
  EXTENSION_TIMING_RULE,
  GENERAL_CLOCKS_RULE,
} from "./determination-clock.ts";
import { EXPEDITED_REVIEW_CLOCK_RULE } from "./expedited-review-clock.ts";
import { CONCURRENT_REVIEW_CONTINUATION_RULE } from "./concurrent-review-continuation.ts";

export const questions: Question<InsuranceReviewFacts, InsuranceReviewClockResult>[] = [insuranceReviewClock];

export const rules: RuleInfo[] = [
  MENTAL_HEALTH_URGENT_RULE,
  DETERMINATION_CLOCK_RULE,
  INFORMATION_EXCEPTION_RULE,
  EXTENSION_TIMING_RULE,
  GENERAL_CLOCKS_RULE,
  EXPEDITED_REVIEW_CLOCK_RULE,
  CONCURRENT_REVIEW_CONTINUATION_RULE,
];
