/** The insurance area: review clocks for mental health and substance use requests (PA 13-3 §§ 71-76). */
import type { Question, RuleInfo } from "../../core/questions.ts";
import type { InsuranceReviewFacts } from "./review-facts.ts";
import type { InsuranceReviewClockResult } from "./insurance-review-clock.ts";
import { insuranceReviewClock } from "./insurance-review-clock.ts";
import { MH_SUD_URGENT } from "./mental-health-urgent.ts";
import { EXTENSION_TIMING, GENERAL_CLOCKS, INFORMATION_EXCEPTION, MH_SUD_CLOCK } from "./determination-clock.ts";
import { EXPEDITED_GENERAL, EXPEDITED_MH_SUD } from "./expedited-review-clock.ts";
import { NON_URGENT_CONTINUATION, URGENT_CONTINUATION } from "./concurrent-review-continuation.ts";

export const questions: Question<InsuranceReviewFacts, InsuranceReviewClockResult>[] = [insuranceReviewClock];

export const rules: RuleInfo[] = [
  { id: "insurance.mental-health-urgent", title: "Mental health and substance use requests are urgent", description: "Requests for substance use disorder treatment, and for inpatient, partial hospitalization, residential or intensive outpatient mental health services, are treated as urgent.", citations: [MH_SUD_URGENT[0]!.source], from: "2013-10-01" },
  { id: "insurance.determination-clock", title: "24 hours to decide these requests", description: "The carrier must decide such a request as soon as possible and within 24 hours of receiving it.", citations: [MH_SUD_CLOCK[0]!.source], from: "2013-10-01" },
  { id: "insurance.information-exception", title: "Unless the needed information is missing", description: "The 24 hours do not apply if the person or representative did not give the carrier the information it needs.", citations: [INFORMATION_EXCEPTION], from: "2013-10-01" },
  { id: "insurance.extension-timing", title: "Extensions asked at least 24 hours ahead", description: "A request to extend a course of treatment must be made at least 24 hours before the first authorization runs out.", citations: [EXTENSION_TIMING], from: "2013-10-01" },
  { id: "insurance.general-clocks", title: "Other requests: 72 hours if urgent, 15 days if not", description: "Other benefit requests must be decided within 72 hours if urgent and 15 calendar days if not.", citations: [GENERAL_CLOCKS[0]!.source], from: "2013-04-04" },
  { id: "insurance.expedited-review-clock", title: "Expedited reviews in 24 hours", description: "An expedited review of a denial of such a request must be decided within 24 hours (72 hours for other urgent requests).", citations: [EXPEDITED_MH_SUD[0]!.source, EXPEDITED_GENERAL[0]!.source], from: "2013-10-01" },
  { id: "insurance.concurrent-review-continuation", title: "Treatment continues during a concurrent review", description: "When a request is reviewed while the service is being provided, treatment continues at no cost to the person during the review and any grievance (urgent requests already; non-urgent from 2013-10-01).", citations: [URGENT_CONTINUATION[0]!.source, NON_URGENT_CONTINUATION[0]!.source], from: "2013-10-01" },
];
