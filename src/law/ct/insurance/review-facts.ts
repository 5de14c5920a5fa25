/** Facts for the insurance review clocks (PA 13-3 §§ 71-76). */
import { z } from "zod";

export const InsuranceReviewFacts = z.object({
  reviewType: z
    .enum(["initial-determination", "expedited-review"])
    .optional()
    .describe("a carrier's initial benefit determination, or an expedited review of an adverse determination"),
  condition: z
    .enum(["substance-use-disorder", "co-occurring-mental-disorder", "mental-disorder", "other"])
    .optional()
    .describe("what the requested service or treatment is for"),
  service: z
    .enum(["inpatient", "partial-hospitalization", "residential-treatment", "intensive-outpatient", "other"])
    .optional(),
  neededToAvoidInpatient: z
    .boolean()
    .optional()
    .describe("the service is needed to keep the covered person from requiring an inpatient setting"),
  otherwiseUrgent: z.boolean().optional().describe("an urgent care request under the law's general definition"),
  informationProvided: z
    .boolean()
    .optional()
    .describe("the covered person or representative gave the carrier the information it needs to decide"),
  extensionOfCourse: z
    .boolean()
    .optional()
    .describe("a request to extend a course of treatment beyond the initial period or number of treatments"),
  hoursBeforeAuthorizationEnds: z
    .number()
    .optional()
    .describe("for an extension: hours between the request and the end of the initial authorization"),
  concurrentReview: z.boolean().optional().describe("a concurrent review request (the service is being provided)"),
  receivedAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe("when the carrier received the request or grievance (ISO 8601 with offset)"),
});
export type InsuranceReviewFacts = z.infer<typeof InsuranceReviewFacts>;
