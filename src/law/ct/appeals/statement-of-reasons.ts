/**
 * The issuing authority's written statement: at least 10 days before the
 * hearing, or the appellant gets relief.
 *
 * PA 13-3 § 61 (CGS § 29-32b), stating existing law: "Under current law, an
 * issuing authority's failure or refusal to provide a written statement to the
 * board explaining the reasons for his or her adverse decision at least 10
 * days before the hearing is automatic cause for the board to grant relief to
 * an appellant."
 *
 * The analysis describes this as the law when the bill passed; it is modelled
 * from the day of passage, 2013-04-04, and earlier dates are refused.
 *
 * QUESTION(legal): "at least 10 days before the hearing" is counted in calendar
 * days by the date the board received the statement: a statement received on
 * the 10th day before the hearing is in time, on the 9th it is not. Weekends
 * and holidays do not move the date.
 *
 * QUESTION(legal): "automatic cause for the board to grant relief" is read as
 * obliging the board to grant relief, not merely permitting it.
 *
 * QUESTION(legal): when a permitted continuance moves the hearing, the 10 days
 * are counted back from the hearing actually held (the continued date). A
 * continuance the Act does not permit does not move the date the 10 days are
 * counted from.
 */
import { type PlainDate, addDays, daysBetween } from "../../core/dates.ts";
import { type Dated, type Finding, inForce, met, notMet, pa133, unknown } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "appeals.statement-of-reasons";

export const STATEMENT_DAYS_BEFORE: Dated<number>[] = [
  {
    from: "2013-04-04",
    value: 10,
    source: pa133("§ 61", {
      cgs: "CGS § 29-32b",
      text: "Under current law, an issuing authority's failure or refusal to provide a written statement to the board explaining the reasons for his or her adverse decision at least 10 days before the hearing is automatic cause for the board to grant relief to an appellant.",
    }),
  },
];

/** Last day (inclusive) the board may receive the statement for a hearing on `hearingOn`. */
export function statementDueBy(p: { hearingOn: PlainDate }): PlainDate {
  const rule = inForce(STATEMENT_DAYS_BEFORE, p.hearingOn, ID);
  return addDays(p.hearingOn, -rule.value);
}

export interface StatementFacts {
  statementProvided?: boolean;
  statementReceivedOn?: PlainDate;
}

/**
 * met: automatic relief is due to the appellant; not-met: it is not (or not
 * yet); unknown: facts missing. `hearingOn` is the hearing the 10 days count back from.
 */
export function automaticRelief(
  facts: StatementFacts,
  hearingOn: PlainDate | undefined,
  on: PlainDate,
  missingHearing: string[] = ["hearingOn"],
): Finding {
  const rule = inForce(STATEMENT_DAYS_BEFORE, on, ID);
  if (!hearingOn) return unknown(ID, rule.source, missingHearing);
  const dueBy = addDays(hearingOn, -rule.value);
  if (facts.statementReceivedOn) {
    const before = daysBetween(facts.statementReceivedOn, hearingOn);
    return before >= rule.value
      ? notMet(
          ID,
          rule.source,
          `statement received ${facts.statementReceivedOn}, ${before} days before the hearing on ${hearingOn} (due by ${dueBy})`,
        )
      : met(
          ID,
          rule.source,
          `statement received ${facts.statementReceivedOn}, only ${before} days before the hearing on ${hearingOn} (due by ${dueBy}): automatic relief`,
        );
  }
  if (facts.statementProvided === false) {
    return on > dueBy
      ? met(ID, rule.source, `no written statement by ${dueBy} for the hearing on ${hearingOn}: automatic relief`)
      : notMet(ID, rule.source, `no written statement yet; it is due by ${dueBy}`);
  }
  return unknown(ID, rule.source, ["statementReceivedOn"]);
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const STATEMENT_OF_REASONS_RULE = defineRule({
  id: "appeals.statement-of-reasons",
  title: "Written reasons at least 10 days before the hearing, or automatic relief",
  description:
    "If the official who denied or revoked a permit or certificate does not give the board a written statement of reasons at least 10 days before the hearing, the board must grant the appellant relief.",
  citations: [STATEMENT_DAYS_BEFORE[0]!.source],
  from: "2013-04-04",
});
