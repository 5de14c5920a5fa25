/**
 * Question `appeal-hearing`: for an appeal to the Board of Firearms Permit
 * Examiners, is the appellant due automatic relief because the issuing
 * authority's written statement came too late (or never), on which date is the
 * hearing held, and was a continuance one the Act permits?
 *
 * Order: the continuance decides which hearing date counts; the statement rule
 * then counts 10 days back from it.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import { addDays } from "../../core/dates.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import type { Answer, Question } from "../../core/questions.ts";
import { type Outcome, inForce } from "../../core/rules.ts";
import { CONTINUANCES, continuancePermitted } from "./one-continuance.ts";
import { STATEMENT_DAYS_BEFORE, automaticRelief } from "./statement-of-reasons.ts";

export const AppealHearingFacts = z.object({
  hearingOn: PlainDateSchema.optional().describe("the hearing date first scheduled"),
  statementProvided: z
    .boolean()
    .optional()
    .describe("false when the issuing authority has given no written statement of reasons"),
  statementReceivedOn: PlainDateSchema.optional().describe(
    "day the board received the issuing authority's written statement",
  ),
  continuanceGranted: z.boolean().optional().describe("the board continued the hearing"),
  continuanceRequestedBy: z.enum(["issuing-authority", "appellant"]).optional(),
  continuanceGoodCause: z.boolean().optional().describe("the board found good cause for the official's continuance"),
  continuancesAlreadyGranted: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("continuances already granted to the official in this appeal"),
  nextScheduledMeetingOn: PlainDateSchema.optional().describe(
    "the board's next scheduled meeting after the hearing date",
  ),
});
export type AppealHearingFacts = z.infer<typeof AppealHearingFacts>;

export interface AppealHearingResult {
  automaticRelief: boolean | null;
  hearingOn: PlainDate | null;
  statementDueBy: PlainDate | null;
  continuancePermitted: boolean | null;
}

export function decideAppealHearing(facts: AppealHearingFacts, on: PlainDate): Answer<AppealHearingResult> {
  inForce(STATEMENT_DAYS_BEFORE, on, "appeals.appeal-hearing");
  const continuance = continuancePermitted(facts, on);
  let hearingOn: PlainDate | undefined;
  let missingHearing = ["hearingOn"];
  if (continuance.status === "met") {
    hearingOn = facts.nextScheduledMeetingOn;
    missingHearing = ["nextScheduledMeetingOn"];
  } else if (continuance.status === "not-met" || continuance.status === "not-applicable") {
    hearingOn = facts.hearingOn;
  } else {
    missingHearing = continuance.missing ?? ["continuanceGranted"];
  }
  const relief = automaticRelief(facts, hearingOn, on, missingHearing);
  const outcome: Outcome = relief.status === "met" ? "yes" : relief.status === "not-met" ? "no" : "unknown";
  const days = inForce(STATEMENT_DAYS_BEFORE, on).value;
  return {
    outcome,
    result: {
      automaticRelief: outcome === "unknown" ? null : outcome === "yes",
      hearingOn: hearingOn ?? null,
      statementDueBy: hearingOn ? addDays(hearingOn, -days) : null,
      continuancePermitted: continuance.status === "met" ? true : continuance.status === "not-met" ? false : null,
    },
    findings: [continuance, relief],
  };
}

export const appealHearing: Question<AppealHearingFacts, AppealHearingResult> = {
  id: "appeal-hearing",
  title: "Board of Firearms Permit Examiners: hearing date, continuance and automatic relief",
  description:
    "For an appeal to the Board of Firearms Permit Examiners: the official whose action is appealed may get one continuance for good cause (from 2013-07-01), which moves the hearing to the board's next scheduled meeting; if the board does not receive the official's written statement of reasons at least 10 days before the hearing, the appellant is due relief automatically. Yes means automatic relief is due.",
  citations: [STATEMENT_DAYS_BEFORE[0]!.source, CONTINUANCES[1]!.source],
  modelledFrom: "2013-04-04",
  facts: AppealHearingFacts,
  result: {
    automaticRelief: "true when the appellant is due automatic relief, false when not (or not yet), null when unknown",
    hearingOn: "the hearing date the 10 days count back from (the continued date after a permitted continuance)",
    statementDueBy:
      "last day (inclusive) the board may receive the written statement: 10 calendar days before the hearing",
    continuancePermitted:
      "true when a continuance was granted and is permitted, false when granted but not permitted by the Act, null when none or unknown",
  },
  example: {
    hearingOn: "2014-05-14" as PlainDate,
    statementReceivedOn: "2014-05-08" as PlainDate,
    continuanceGranted: false,
  },
  decide: decideAppealHearing,
};
