/**
 * Treatment continues during a concurrent review.
 *
 * PA 13-3 § 73(b)(1)(B): "Under the bill, if a non-urgent request is a
 * concurrent review request, as defined by federal law (i.e., one that takes
 * place when the service is being requested), the treatment must be continued
 * without liability to the covered person during the review or any grievance
 * filed by a covered person or his or her representative of an adverse
 * determination or a final adverse determination of the concurrent review.
 * Existing law has a similar requirement in the case of urgent requests."
 * EFFECTIVE DATE: October 1, 2013.
 */
import type { PlainDate } from "../../core/dates.ts";
import {
  type Dated,
  type Finding,
  findInForce,
  inForce,
  met,
  notApplicable,
  pa133,
  unknown,
} from "../../core/rules.ts";
import type { InsuranceReviewFacts } from "./review-facts.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "insurance.concurrent-review-continuation";

export const URGENT_CONTINUATION: Dated<true>[] = [
  {
    from: "2013-04-04",
    value: true,
    source: pa133("§ 73(b)(1)(B)", { text: "Existing law has a similar requirement in the case of urgent requests." }),
  },
];
export const NON_URGENT_CONTINUATION: Dated<true>[] = [
  {
    from: "2013-10-01",
    value: true,
    source: pa133("§ 73(b)(1)(B)", {
      text: "if a non-urgent request is a concurrent review request ... the treatment must be continued without liability to the covered person during the review or any grievance",
    }),
  },
];

/** met: treatment continues without liability; not-applicable: the rule does not reach the request; unknown. */
export function concurrentReviewContinuation(
  facts: InsuranceReviewFacts,
  urgent: boolean | undefined,
  on: PlainDate,
): Finding {
  const base = inForce(URGENT_CONTINUATION, on, ID);
  if (facts.concurrentReview === false) return notApplicable(ID, base.source, "not a concurrent review");
  if (facts.concurrentReview === undefined) return unknown(ID, base.source, ["concurrentReview"]);
  if (urgent === undefined)
    return unknown(ID, base.source, ["otherwiseUrgent"], "depends on whether the request is urgent");
  if (urgent)
    return met(
      ID,
      base.source,
      "urgent concurrent review: treatment continues without liability during the review and any grievance",
    );
  const nonUrgent = findInForce(NON_URGENT_CONTINUATION, on);
  return nonUrgent
    ? met(
        ID,
        nonUrgent.source,
        "non-urgent concurrent review: treatment continues without liability during the review and any grievance",
      )
    : notApplicable(
        ID,
        NON_URGENT_CONTINUATION[0]!.source,
        "before 2013-10-01 the continuation rule covered urgent requests only",
      );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const CONCURRENT_REVIEW_CONTINUATION_RULE = defineRule({
  id: "insurance.concurrent-review-continuation",
  title: "Treatment continues during a concurrent review",
  description:
    "When a request is reviewed while the service is being provided, treatment continues at no cost to the person during the review and any grievance (urgent requests already; non-urgent from 2013-10-01).",
  citations: [URGENT_CONTINUATION[0]!.source, NON_URGENT_CONTINUATION[0]!.source],
  from: "2013-10-01",
});
