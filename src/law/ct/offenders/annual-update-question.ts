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
 * Yes: there is a window to answer for on the date asked: the current one (from
 * its anniversary until the next anniversary, even after it has closed, so that
 * a registrant who has not appeared is shown overdue) or, before the first
 * anniversary, the next one. No: the five-year term is over, or the registry
 * did not exist yet (before 2014-01-01, with the day it starts). An absent
 * `appearedOn` means the registrant has not appeared for the window, and an
 * absent `updateDeferredTo` that the appearance was not deferred, as absent
 * actions are read in every deadline question.
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
import { ANNUAL_UPDATE, type UpdateWindow, updateWindows } from "./annual-update.ts";
import { REGISTRY_STARTS_ON } from "./offender-registration.ts";
import { registrationEndsOn } from "./registration-term.ts";

export const OffenderAnnualUpdateFacts = z.object({
  initialRegistrationOn: PlainDateSchema.optional().describe("the day of the initial registration"),
  updateDeferredTo: PlainDateSchema.nullable()
    .optional()
    .describe("the appearance deferred for good cause to this day; null or absent: not deferred"),
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
  // QUESTION(legal): the window asked about is the current one: the latest whose anniversary has
  // come on the date asked (from that anniversary until the next one), or, before the first
  // anniversary, the first window ahead. A window that has closed stays the answer until the next
  // anniversary, so a registrant who has not appeared (no `appearedOn` for it) is overdue, as in
  // every deadline question ("overdue: no action in time is recorded"); the analysis makes the
  // failure to update a class D felony. Once the next anniversary comes, that window is asked about.
  const windows = updateWindows({ initialRegistrationOn: reg }).filter((w) => w.anniversary <= endsOn);
  const current = windows.filter((w) => w.anniversary <= on).at(-1) ?? windows.find((w) => w.anniversary > on);
  // A deferral moves the latest window that opened on or before it, and never past the end of the term;
  // it is applied when it is for the current window.
  const deferredWindow =
    deferredTo && deferredTo <= endsOn
      ? windows.filter((w) => w.anniversary <= deferredTo && w.closesOn < deferredTo).at(-1)
      : undefined;
  const window: UpdateWindow | undefined =
    current && deferredWindow && deferredWindow.year === current.year
      ? { ...current, closesOn: deferredTo!, deferred: true }
      : current;
  // QUESTION(legal): an appearance given (`appearedOn`) is judged against the window it was for:
  // the latest window whose anniversary is on or before it. So an appearance after a window
  // closed, and before the next anniversary, is a late appearance for the closed window ("within
  // 20 days after the anniversary"; failing to update is a class D felony), not an early one for
  // the next window (which it did not open yet); and an appearance for an earlier window is not
  // one for the current window.
  if (!window || on > endsOn) {
    return {
      outcome: "no",
      result: { ...EMPTY, mustAct: false, registrationEndsOn: endsOn },
      findings: [notMet(ID, SOURCE, `no update window is left in the five-year registration (ends ${endsOn})`)],
    };
  }
  const appearedFor =
    facts.appearedOn !== undefined && facts.appearedOn <= on
      ? windows.filter((w) => w.anniversary <= facts.appearedOn!).at(-1)
      : undefined;
  const appeared = appearedFor?.year === window.year ? facts.appearedOn : undefined;
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
    "The current window in which a registrant must appear to verify and update the registration (from the anniversary of the initial registration to 20 days after, or the date it was deferred to for good cause; until the next anniversary a closed window with no appearance is overdue), DESPP's last day to mail the notice (30 days before the anniversary), the police's last day to report whether the registrant appeared (30 days after), the citation, and the penalty for failing to (class D felony). No duty before 2014-01-01.",
  citations: [SOURCE],
  modelledFrom: REGISTRY_STARTS_ON,
  dutyStartsOn: REGISTRY_STARTS_ON,
  facts: OffenderAnnualUpdateFacts,
  result: {
    ...DEADLINE_RESULT_DOCS,
    window:
      "the current update window (the latest whose anniversary has come, until the next anniversary; before the first, the next one): year, anniversary, opensOn, closesOn, noticeMailBy (DESPP), appearanceReportDueBy (police), deferred",
    registrationEndsOn: "last registered day: the day before the fifth anniversary of the initial registration",
  },
  example: { initialRegistrationOn: "2014-03-10" as PlainDate },
  decide: decideOffenderAnnualUpdate,
});
