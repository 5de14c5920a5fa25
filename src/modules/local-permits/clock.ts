/**
 * The statute's clocks for the two stages of the permit to carry pistols or revolvers (pure: no
 * database, no clock; dates in, dates out, each with its citation).
 *
 * - Local stage, CGS § 29-28a(b) (existing law, kept by PA 13-3 §§ 57-58): the local issuing
 *   authority informs the applicant, not later than eight weeks after a sufficient application for a
 *   temporary state permit has been made, that the request has been approved or denied, and forwards
 *   the application, marked approved or denied, to the commissioner. If it denied, no state permit
 *   may be issued.
 * - State stage, same subsection: the commissioner informs the applicant, not later than eight weeks
 *   after receiving an application marked approved by the local authority, that the state permit has
 *   been approved or denied, or that the national criminal history records check has not come back.
 *
 * QUESTION(legal): when does a "sufficient application" exist? Reading chosen: on the day the
 * application was submitted in Stateline (the form complete, the fee and the consent to the
 * background check given), because Stateline runs the state records check and NICS at submission.
 * The FBI fingerprint check that follows is not a condition of sufficiency in the text we model; if
 * counsel reads the eight weeks as running from the fingerprint results, `localDecisionDue` takes a
 * later start date and nothing else changes.
 * QUESTION(legal): "not later than eight weeks after" is read as calendar days: the last allowed day
 * is the 56th day after the start, and the application is overdue from the 57th. No business-day or
 * holiday extension is read in.
 * QUESTION(legal): the statute gives no consequence for missing either deadline (no deemed approval,
 * no deemed denial). Reading chosen: Stateline only flags the overdue application for the authority
 * and for state staff; it never decides by default. Whether a missed deadline is appealable to the
 * Board as a refusal (CGS § 29-32b) is left to counsel; the applicant's appeal route is not opened by
 * the flag.
 */
import { addDays, daysBetween, type PlainDate } from "../../law/core/dates.ts";
import { cite, type Citation } from "../../law/core/rules.ts";

export const DECISION_WINDOW_DAYS = 8 * 7;

export const LOCAL_DECISION_SOURCE: Citation = cite("CGS", "§ 29-28a(b)", {
  text: "the local authority shall, not later than eight weeks after a sufficient application for a temporary state permit has been made, inform the applicant that the request has been approved or denied (existing law; PA 13-3 §§ 57-58)",
});

export const STATE_DECISION_SOURCE: Citation = cite("CGS", "§ 29-28a(b)", {
  text: "the commissioner shall, not later than eight weeks after receiving an application indicating approval by the local authority, inform the applicant that the state permit has been approved or denied, or that the national criminal history records check has not been received (existing law)",
});

/** Who may issue the temporary state permit, CGS § 29-28(b) as PA 13-3 § 57 amends it. */
export const ISSUING_AUTHORITY_SOURCE: Citation = cite("PA 13-3", "§§ 57-58", {
  cgs: "CGS § 29-28(b)",
  text: "upon the application of a person having a bona fide permanent residence within the jurisdiction of the chief of police or, where there is no chief of police, the warden of the borough or the first selectman of the town, that authority may issue a temporary state permit",
});

export interface Clock {
  startedOn: PlainDate;
  dueOn: PlainDate;
  /** Days from `today` to the due date: 0 on the due date, negative once overdue. */
  daysLeft: number;
  overdue: boolean;
  source: Citation;
}

function clock(startedOn: PlainDate, today: PlainDate, source: Citation): Clock {
  const dueOn = addDays(startedOn, DECISION_WINDOW_DAYS);
  const daysLeft = daysBetween(today, dueOn);
  return { startedOn, dueOn, daysLeft, overdue: today > dueOn, source };
}

/** The local authority's clock, from the day the sufficient application was made. */
export const localDecisionClock = (applicationMadeOn: PlainDate, today: PlainDate): Clock =>
  clock(applicationMadeOn, today, LOCAL_DECISION_SOURCE);

/** The state's clock, from the day DESPP received the application marked approved (the hand-off). */
export const stateDecisionClock = (forwardedOn: PlainDate, today: PlainDate): Clock =>
  clock(forwardedOn, today, STATE_DECISION_SOURCE);
