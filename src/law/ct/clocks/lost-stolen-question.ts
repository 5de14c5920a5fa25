/**
 * Question "lost-stolen-report": by when must the loss or theft of a firearm be reported, and was
 * it reported in time? The 72-hour clock of CGS § 53-202g(a) (./lost-stolen-report.ts) and the
 * penalties PA 13-3 § 50 raised from 2013-10-01, asked the way every other question is asked.
 *
 * Outcome: yes when the report was made in time, or none is made yet and the 72 hours have not
 * run out before the date asked; no when the report was late, or none was made and the 72 hours
 * ran out before the date asked; unknown when the discovery time is not known.
 *
 * QUESTION(legal): "the date asked" is compared with the calendar date (UTC) of the last instant
 * of the 72 hours: on the day the window closes the owner can still report, so the answer is yes.
 * Instants should carry their offset (e.g. "2014-03-06T15:00:00-05:00").
 */
import { z } from "zod";
import { type PlainDate, plainDate } from "../../core/dates.ts";
import { type Answer, type Question, defineQuestion } from "../../core/questions.ts";
import { inForce, met, notMet, unknown } from "../../core/rules.ts";
import { ID, REPORT_WITHIN_HOURS, lateReportPenalty, lostStolenReportClock } from "./lost-stolen-report.ts";

const Instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, "an ISO 8601 instant with its offset")
  .refine((v) => !Number.isNaN(Date.parse(v)), "not a real instant");

export const LostStolenFacts = z.object({
  discoveredAt: Instant.optional().describe(
    "when the owner discovered (or should have discovered) the loss or theft, ISO 8601 with offset",
  ),
  reportedAt: Instant.optional().describe("when the owner reported it to the local police; omit when not reported"),
});
export type LostStolenFacts = z.infer<typeof LostStolenFacts>;

export interface LostStolenResult {
  /** The last instant a report is on time (ISO 8601, UTC). */
  dueAt: string | null;
  /** true when reported after `dueAt`, or not reported and the window ran out before the date asked. */
  late: boolean | null;
  reported: boolean;
  /** The penalties for failing to report, by the law in force when the report was due or made. */
  penaltyIfLate: string | null;
}

function decide(f: LostStolenFacts, on: PlainDate): Answer<LostStolenResult> {
  const rule = inForce(REPORT_WITHIN_HOURS, on, ID);
  const reported = f.reportedAt !== undefined;
  if (f.discoveredAt === undefined)
    return {
      outcome: "unknown",
      findings: [unknown(ID, rule.source, ["discoveredAt"])],
      result: { dueAt: null, late: null, reported, penaltyIfLate: null },
    };
  const dueAt = new Date(Date.parse(f.discoveredAt) + rule.value * 3600_000).toISOString();
  const dueOn = plainDate(dueAt.slice(0, 10));
  if (f.reportedAt !== undefined) {
    const c = lostStolenReportClock({ discoveredAt: f.discoveredAt, reportedAt: f.reportedAt });
    const penaltyIfLate = lateReportPenalty(plainDate(new Date(Date.parse(f.reportedAt)).toISOString().slice(0, 10)));
    const finding = c.late
      ? notMet(ID, rule.source, `reported at ${f.reportedAt}, after the 72 hours ended at ${c.dueAt}`)
      : met(ID, rule.source, `reported at ${f.reportedAt}, within the 72 hours ending at ${c.dueAt}`);
    return {
      outcome: c.late ? "no" : "yes",
      findings: [finding],
      result: { dueAt: c.dueAt, late: c.late, reported, penaltyIfLate },
    };
  }
  const late = on > dueOn;
  const penaltyIfLate = lateReportPenalty(dueOn < "2013-04-04" ? plainDate("2013-04-04") : dueOn);
  return {
    outcome: late ? "no" : "yes",
    findings: [
      late
        ? notMet(ID, rule.source, `not reported; the 72 hours ended at ${dueAt}`, "report it to the local police now")
        : met(ID, rule.source, `not reported yet; the owner has until ${dueAt}`),
    ],
    result: { dueAt, late, reported, penaltyIfLate },
  };
}

export const lostStolenReportQuestion: Question<LostStolenFacts, LostStolenResult> = defineQuestion({
  id: "lost-stolen-report",
  title: "Lost or stolen firearm: by when must it be reported, and was it reported in time?",
  description:
    "The owner must report the loss or theft of a firearm to the local police within 72 hours of discovering it (CGS § 53-202g). Failing to report is an infraction for a first offense; a second or subsequent failure is a class C felony and an intentional failure a class B felony from 2013-10-01 (PA 13-3 § 50; class D and class C before).",
  citations: [REPORT_WITHIN_HOURS[0]!.source],
  modelledFrom: "2013-04-04",
  facts: LostStolenFacts,
  result: {
    dueAt: "the last instant a report is on time (ISO 8601, UTC); null when the discovery time is not known",
    late: "true when reported late, or not reported and the 72 hours ran out before the date asked; null when unknown",
    reported: "whether a report time was given",
    penaltyIfLate: "the penalties for failing to report, by the law in force when the report was due or made",
  },
  example: { discoveredAt: "2014-03-06T15:00:00-05:00", reportedAt: "2014-03-08T09:00:00-05:00" },
  decide,
});
