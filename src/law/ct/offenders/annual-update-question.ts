/**
 * Question `offender-annual-update`: when must a registrant next appear to
 * verify and update the registration, and what are DESPP's and the police's
 * dates around it?
 *
 * PA 13-3 §§ 18-22 (CGS § 54-280a): "People required to register must do so
 * within 20 days after the anniversary of the initial registration date. ...
 * The department or troop, as applicable, may defer the appearance to a later
 * date for good cause. Not later than 30 calendar days before each
 * anniversary date, DESPP must mail written notice ... Within 30 days of the
 * anniversary date, the troop or department must notify the commissioner ...
 * whether the registrant appeared." "Failure to ... register and update
 * one's status as required is a class D felony." The windows are
 * annual-update.ts (its readings apply).
 *
 * Yes: an update window is still ahead or open on the date asked (the next one
 * is given). No: the five-year term has no window left (after the term ends,
 * or with `updateDeferredTo` given or null), or the registry did not exist yet
 * (before 2014-01-01, with the day it starts).
 *
 * QUESTION(legal): a deferral "to a later date for good cause" moves the
 * latest window that opened on or before that date; it cannot reach past the
 * end of the five-year term.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, type Question, beforeDutyStarts, defineQuestion } from "../../core/questions.ts";
import { citationLabel, met, notMet, unknown } from "../../core/rules.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import { DEADLINE_RESULT_DOCS, type DeadlineResult, NO_DEADLINE, timing } from "../deadlines/result.ts";
import { ANNUAL_UPDATE, type UpdateWindow, findNextUpdateWindow, updateWindows } from "./annual-update.ts";
import { REGISTRY_STARTS_ON } from "./offender-registration.ts";
import { registrationEndsOn } from "./registration-term.ts";

export const OffenderAnnualUpdateFacts = z.object({
  initialRegistrationOn: PlainDateSchema.optional().describe("the day of the initial registration"),
  updateDeferredTo: PlainDateSchema.nullable()
    .optional()
    .describe(
      "the appearance deferred for good cause to this day; null: not deferred (needed for a definite no between the last window and the end of the term)",
    ),
  appearedOn: PlainDateSchema.optional().describe("the day the registrant appeared for this window, if they have"),
});
export type OffenderAnnualUpdateFacts = z.infer<typeof OffenderAnnualUpdateFacts>;

export interface OffenderAnnualUpdateResult extends DeadlineResult {
  window: UpdateWindow | null;
  registrationEndsOn: PlainDate | null;
}

const ID = "offenders.annual-update-due";
const SOURCE = ANNUAL_UPDATE[0]!.source;
const PENALTY = {
  offense: "failing to update one's registration as required (CGS § 54-280a)",
  classification: "class D felony",
  citation: citationLabel(SOURCE),
};
const EMPTY: OffenderAnnualUpdateResult = { ...NO_DEADLINE, window: null, registrationEndsOn: null };

export function decideOffenderAnnualUpdate(
  facts: OffenderAnnualUpdateFacts,
  on: PlainDate,
): Answer<OffenderAnnualUpdateResult> {
  const reg = facts.initialRegistrationOn;
  const early = on < REGISTRY_STARTS_ON ? on : reg !== undefined && reg < REGISTRY_STARTS_ON ? reg : undefined;
  if (early !== undefined) {
    return beforeDutyStarts({
      id: `${ID}.duty-starts`,
      source: SOURCE,
      startsOn: REGISTRY_STARTS_ON,
      on: early,
      duty: "the Deadly Weapon Offender Registry (and its annual updates)",
      result: { ...EMPTY, mustAct: false, dutyStartsOn: REGISTRY_STARTS_ON },
    });
  }
  if (reg === undefined)
    return { outcome: "unknown", result: EMPTY, findings: [unknown(ID, SOURCE, ["initialRegistrationOn"])] };
  const endsOn = registrationEndsOn({ initialRegistrationOn: reg });
  const deferredTo = facts.updateDeferredTo;
  // A deferral moves the latest window that opened on or before it, and never past the end of the term.
  const deferredWindow =
    deferredTo && deferredTo <= endsOn && on <= deferredTo
      ? updateWindows({ initialRegistrationOn: reg })
          .filter((w) => w.anniversary <= deferredTo && w.closesOn < deferredTo)
          .at(-1)
      : undefined;
  const next = findNextUpdateWindow({ initialRegistrationOn: reg, on });
  const nextOrDeferred: UpdateWindow | undefined =
    deferredWindow && (!next || deferredWindow.year <= next.year)
      ? { ...deferredWindow, closesOn: deferredTo!, deferred: true }
      : next;
  // QUESTION(legal): an appearance given (`appearedOn`) is judged against the window it was for:
  // the latest window whose anniversary is on or before it. So an appearance after a window
  // closed, and before the next anniversary, is a late appearance for the closed window ("within
  // 20 days after the anniversary"; failing to update is a class D felony), not an early one for
  // the next window (which it did not open yet).
  const appearedFor =
    facts.appearedOn !== undefined && facts.appearedOn <= on
      ? updateWindows({ initialRegistrationOn: reg })
          .filter((w) => w.anniversary <= facts.appearedOn!)
          .at(-1)
      : undefined;
  // Only while a window is still ahead: after the last one the answer stays no (no update left).
  const window: UpdateWindow | undefined =
    appearedFor && nextOrDeferred && appearedFor.year < nextOrDeferred.year
      ? deferredTo && deferredTo >= appearedFor.anniversary && deferredTo > appearedFor.closesOn
        ? { ...appearedFor, closesOn: deferredTo, deferred: true }
        : appearedFor
      : nextOrDeferred;
  if (!window) {
    if (on > endsOn || deferredTo !== undefined) {
      return {
        outcome: "no",
        result: { ...EMPTY, mustAct: false, registrationEndsOn: endsOn },
        findings: [notMet(ID, SOURCE, `no update window is left in the five-year registration (ends ${endsOn})`)],
      };
    }
    return {
      outcome: "unknown",
      result: { ...EMPTY, registrationEndsOn: endsOn },
      findings: [
        unknown(
          ID,
          SOURCE,
          ["updateDeferredTo"],
          "the last window has closed; unless the appearance was deferred for good cause there is no update left (say updateDeferredTo: null when it was not)",
        ),
      ],
    };
  }
  const appeared = facts.appearedOn !== undefined && facts.appearedOn >= window.opensOn ? facts.appearedOn : undefined;
  const t = timing(window.closesOn, appeared, on);
  return {
    outcome: "yes",
    result: {
      mustAct: true,
      dueOn: window.closesOn,
      ...t,
      citation: citationLabel(SOURCE),
      penaltyIfMissed: PENALTY,
      dutyStartsOn: null,
      window,
      registrationEndsOn: endsOn,
    },
    findings: [
      met(
        ID,
        SOURCE,
        `update ${window.year}: appear at the local police or state police troop from ${window.opensOn} to ${window.closesOn}${window.deferred ? " (deferred for good cause)" : ""}; DESPP mails notice by ${window.noticeMailBy}; the police report by ${window.appearanceReportDueBy}`,
      ),
    ],
  };
}

export const offenderAnnualUpdate: Question<OffenderAnnualUpdateFacts, OffenderAnnualUpdateResult> = defineQuestion({
  id: "offender-annual-update",
  title: "Deadly Weapon Offender Registry: when is the next annual update due?",
  description:
    "The next window in which a registrant must appear to verify and update the registration (from the anniversary of the initial registration to 20 days after, or the date it was deferred to for good cause), DESPP's last day to mail the notice (30 days before the anniversary), the police's last day to report whether the registrant appeared (30 days after), the citation, and the penalty for failing to (class D felony). No duty before 2014-01-01.",
  citations: [SOURCE],
  modelledFrom: REGISTRY_STARTS_ON,
  dutyStartsOn: REGISTRY_STARTS_ON,
  facts: OffenderAnnualUpdateFacts,
  result: {
    ...DEADLINE_RESULT_DOCS,
    window:
      "the next update window not yet closed: year, anniversary, opensOn, closesOn, noticeMailBy (DESPP), appearanceReportDueBy (police), deferred",
    registrationEndsOn: "last registered day: the day before the fifth anniversary of the initial registration",
  },
  example: { initialRegistrationOn: "2014-03-10" as PlainDate },
  decide: decideOffenderAnnualUpdate,
});
