/**
 * Question `insurance-review-clock`: how long does a carrier have to decide a
 * request (or an expedited review), and does the 24-hour clock for mental
 * health and substance use requests apply? Yes means the 24-hour clock
 * applies; no means another clock applies, or none is stated; unknown means
 * facts are missing.
 *
 * The date asked is the day the carrier received the request or grievance.
 */
import type { PlainDate } from "../../core/dates.ts";
import { addDays } from "../../core/dates.ts";
import type { Answer, Question } from "../../core/questions.ts";
import { unknown } from "../../core/rules.ts";
import { InsuranceReviewFacts } from "./review-facts.ts";
import {
  type Clock,
  EXTENSION_TIMING,
  GENERAL_CLOCKS,
  INFORMATION_EXCEPTION,
  MH_SUD_CLOCK,
  determinationClock,
} from "./determination-clock.ts";
import { EXPEDITED_GENERAL, EXPEDITED_MH_SUD, expeditedReviewClock } from "./expedited-review-clock.ts";
import { MH_SUD_URGENT, mentalHealthUrgent } from "./mental-health-urgent.ts";
import { NON_URGENT_CONTINUATION, concurrentReviewContinuation } from "./concurrent-review-continuation.ts";

export interface InsuranceReviewClockResult {
  clock: "24-hours" | "72-hours" | "15-calendar-days" | null;
  urgent: boolean | null;
  dueAt: string | null;
  dueOn: PlainDate | null;
  treatmentContinuesDuringReview: boolean | null;
}

function label(c: Clock): InsuranceReviewClockResult["clock"] {
  return c.kind === "hours" ? (c.hours === 24 ? "24-hours" : "72-hours") : "15-calendar-days";
}

/** The instant `hours` after an ISO 8601 instant, in UTC ("...Z"). */
export function hoursAfter(instant: string, hours: number): string {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) throw new RangeError(`not an instant: ${instant}`);
  return new Date(t + hours * 3_600_000).toISOString();
}

export function decideInsuranceReviewClock(
  facts: InsuranceReviewFacts,
  on: PlainDate,
): Answer<InsuranceReviewClockResult> {
  const empty: InsuranceReviewClockResult = {
    clock: null,
    urgent: null,
    dueAt: null,
    dueOn: null,
    treatmentContinuesDuringReview: null,
  };
  if (!facts.reviewType) {
    return {
      outcome: "unknown",
      result: empty,
      findings: [unknown("insurance.review-clock", GENERAL_CLOCKS[0]!.source, ["reviewType"])],
    };
  }
  const part =
    facts.reviewType === "initial-determination" ? determinationClock(facts, on) : expeditedReviewClock(facts, on);
  const mh = mentalHealthUrgent(facts, on);
  const urgent = mh === true ? true : mh === false ? facts.otherwiseUrgent : undefined;
  const continuation = concurrentReviewContinuation(facts, urgent, on);
  const outcome = part.twentyFour === true ? "yes" : part.twentyFour === false ? "no" : "unknown";
  const clock = part.clock ?? null;
  return {
    outcome,
    result: {
      clock: clock ? label(clock) : null,
      urgent: urgent ?? null,
      dueAt: clock && clock.kind === "hours" && facts.receivedAt ? hoursAfter(facts.receivedAt, clock.hours) : null,
      dueOn: clock && clock.kind === "calendar-days" ? addDays(on, clock.days) : null,
      treatmentContinuesDuringReview:
        continuation.status === "met" ? true : continuation.status === "not-applicable" ? false : null,
    },
    findings: [...part.findings, continuation],
  };
}

export const insuranceReviewClock: Question<InsuranceReviewFacts, InsuranceReviewClockResult> = {
  id: "insurance-review-clock",
  title: "Health insurance review clocks for mental health and substance use requests",
  description:
    "From 2013-10-01 a carrier must decide a request for substance use disorder (or co-occurring mental disorder) treatment, or for inpatient, partial hospitalization, residential or (to avoid an inpatient setting) intensive outpatient services for a mental disorder, within 24 hours, and decide an expedited review of such a request within 24 hours. The 24 hours do not apply when the person did not give the information needed, or (for an extension of a course of treatment) when the request came less than 24 hours before the authorization ran out. Other requests: 72 hours if urgent, 15 calendar days if not. Yes means the 24-hour clock applies.",
  citations: [
    MH_SUD_URGENT[0]!.source,
    MH_SUD_CLOCK[0]!.source,
    INFORMATION_EXCEPTION,
    EXTENSION_TIMING,
    GENERAL_CLOCKS[0]!.source,
    EXPEDITED_GENERAL[0]!.source,
    EXPEDITED_MH_SUD[0]!.source,
    NON_URGENT_CONTINUATION[0]!.source,
  ],
  modelledFrom: "2013-04-04",
  facts: InsuranceReviewFacts,
  result: {
    clock: '"24-hours", "72-hours", "15-calendar-days", or null when no clock applies or none is stated',
    urgent: "true when the request is urgent (by the Act or the general definition), false when not, null when unknown",
    dueAt: "for an hour clock with `receivedAt`: the instant the decision is due (UTC)",
    dueOn: "for the 15-day clock: the last day (inclusive), 15 calendar days after the day received",
    treatmentContinuesDuringReview:
      "for a concurrent review: true when treatment must continue without liability during the review and any grievance",
  },
  example: {
    reviewType: "initial-determination",
    condition: "substance-use-disorder",
    informationProvided: true,
    extensionOfCourse: false,
    receivedAt: "2013-10-01T09:30:00-04:00",
  },
  decide: decideInsuranceReviewClock,
};
