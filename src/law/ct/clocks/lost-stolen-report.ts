/**
 * Reporting a lost or stolen firearm: within 72 hours of discovering the loss or theft.
 *
 * Existing law, CGS § 53-202g(a): the owner must report the loss or theft of a firearm to the
 * police of the town where it happened "within seventy-two hours after such person discovers or
 * should have discovered the loss or theft". PA 13-3 § 50 raised the penalties (Table 2 of the
 * analysis): a second or subsequent failure to report from a class D to a class C felony, and
 * an intentional failure from a class C to a class B felony, from 2013-10-01 (the effective date
 * read for every Table 2 change, see ../penalties/firearm-crimes.ts).
 *
 * QUESTION(legal): the analysis quotes only the penalties; the 72 hours and the first-offense
 * infraction come from CGS § 53-202g as it stood. We count 72 hours from the discovery time the
 * reporter gives ("should have discovered" is a fact for a court, not for this system), and model
 * the clock from the bill's passage, 2013-04-04, like the rest of the rulebook.
 *
 * Instants are ISO 8601 strings (a clock of hours needs a time of day, not only a date).
 */
import { type PlainDate, plainDate } from "../../core/dates.ts";
import { type Dated, cite, inForce } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";
import { AFTER, BEFORE, findFirearmCrime } from "../penalties/firearm-crimes.ts";

export const ID = "clocks.lost-stolen-report";

export const REPORT_WITHIN_HOURS: Dated<number>[] = [
  {
    from: "2013-04-04",
    value: 72,
    source: cite("CGS", "§ 53-202g(a)", {
      basis: "statute",
      text: "Any person who lost or has had stolen a firearm must report it to the local police within seventy-two hours after discovering or when the person should have discovered the loss or theft.",
    }),
  },
];

export interface LostStolenClock {
  /** The last instant a report is on time (ISO 8601). */
  dueAt: string;
  late: boolean;
  hours: number;
  /** The penalty a late report exposes the owner to, in words, by the law in force on the report's date. */
  penalty: string | null;
  citation: string;
}

function isoInstant(name: string, v: string): number {
  const t = Date.parse(v);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(t)) throw new RangeError(`${name}: not an ISO 8601 instant: ${v}`);
  return t;
}

/** The penalties for a late report, by the date of the report (PA 13-3 § 50 from 2013-10-01). */
export function lateReportPenalty(on: PlainDate): string {
  const classOf = (id: string): string => {
    const crime = findFirearmCrime(id);
    const v = crime ? inForce(crime.versions, on, id).value : undefined;
    const c = v && "classification" in v ? v.classification : undefined;
    return c ? `a class ${c.replace("-", " ")}` : "a felony";
  };
  const era = on >= AFTER.from ? "PA 13-3 § 50" : "before PA 13-3 § 50 took effect";
  return (
    `Failing to report within 72 hours: an infraction for a first offense; ` +
    `${classOf("failing-to-report-loss-or-theft-repeat")} for a second or subsequent offense; ` +
    `intentionally failing to report: ${classOf("intentionally-failing-to-report-loss-or-theft")} ` +
    `(CGS § 53-202g(b), ${era}).`
  );
}

/**
 * Whether a report made at `reportedAt` of a loss discovered at `discoveredAt` is on time.
 * Throws NotInForce for a report before 2013-04-04, RangeError for malformed instants.
 */
export function lostStolenReportClock(p: { discoveredAt: string; reportedAt: string }): LostStolenClock {
  const discovered = isoInstant("discoveredAt", p.discoveredAt);
  const reported = isoInstant("reportedAt", p.reportedAt);
  const reportedOn = plainDate(new Date(reported).toISOString().slice(0, 10));
  const rule = inForce(REPORT_WITHIN_HOURS, reportedOn, ID);
  const due = discovered + rule.value * 3600_000;
  const late = reported > due;
  return {
    dueAt: new Date(due).toISOString(),
    late,
    hours: rule.value,
    penalty: late ? lateReportPenalty(reportedOn < BEFORE.from ? plainDate(BEFORE.from) : reportedOn) : null,
    citation: "CGS § 53-202g(a)",
  };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const LOST_STOLEN_REPORT_RULE = defineRule({
  id: ID,
  title: "Report a lost or stolen firearm within 72 hours",
  description:
    "An owner must report the loss or theft of a firearm to the local police within 72 hours of discovering it. A second or subsequent failure is a class C felony and an intentional failure a class B felony from 2013-10-01 (PA 13-3 § 50).",
  citations: [REPORT_WITHIN_HOURS[0]!.source],
  from: "2013-04-04",
});
