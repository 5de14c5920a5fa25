/**
 * The annual update: appear within 20 days after each anniversary.
 *
 * PA 13-3 §§ 18-22 (CGS § 54-280a): "People required to register must do so
 * within 20 days after the anniversary of the initial registration date. They
 * must go to the local police department or state police troop having
 * jurisdiction where they live to verify and update the registration, as
 * appropriate. The department or troop, as applicable, may defer the
 * appearance to a later date for good cause. Not later than 30 calendar days
 * before each anniversary date, DESPP must mail written notice of the
 * requirement to the registrant and police department or troop, as applicable.
 * Within 30 days of the anniversary date, the troop or department must notify
 * the commissioner on DESPP-prescribed forms whether the registrant appeared."
 *
 * QUESTION(legal): "within 20 days after the anniversary". We read the window
 * as opening on the anniversary and closing 20 calendar days after it, and
 * "within 30 days of the anniversary" (the police report) as the 30 days after
 * it. Weekends and holidays do not move these days.
 *
 * QUESTION(legal): updates are due on the first to fourth anniversaries; the
 * fifth falls the day after the term ends (registration-term.ts).
 */
import { type PlainDate, addDays } from "../../core/dates.ts";
import { type Dated, inForce, pa133 } from "../../core/rules.ts";
import { anniversaryOf, registrationEndsOn } from "./registration-term.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "offenders.annual-update";

export interface UpdateClock {
  appearWithinDays: number;
  noticeDaysBefore: number;
  reportWithinDays: number;
}

export const ANNUAL_UPDATE: Dated<UpdateClock>[] = [
  {
    from: "2014-01-01",
    value: { appearWithinDays: 20, noticeDaysBefore: 30, reportWithinDays: 30 },
    source: pa133("§§ 18-22", {
      cgs: "CGS § 54-280a",
      text: "People required to register must do so within 20 days after the anniversary of the initial registration date. ... The department or troop, as applicable, may defer the appearance to a later date for good cause. Not later than 30 calendar days before each anniversary date, DESPP must mail written notice ... Within 30 days of the anniversary date, the troop or department must notify the commissioner",
    }),
  },
];

export interface UpdateWindow {
  /** Which anniversary (1 to 4). */
  year: number;
  anniversary: PlainDate;
  /** First day to appear. */
  opensOn: PlainDate;
  /** Last day to appear (inclusive): 20 days after the anniversary, or the deferred date. */
  closesOn: PlainDate;
  /** Last day DESPP may mail the notice (30 calendar days before the anniversary). */
  noticeMailBy: PlainDate;
  /** Last day the police department or troop reports whether the registrant appeared. */
  appearanceReportDueBy: PlainDate;
  deferred: boolean;
}

/** The update window for the `year`-th anniversary; `deferredTo` is an appearance deferred for good cause. */
export function annualUpdateWindow(p: {
  initialRegistrationOn: PlainDate;
  year: number;
  deferredTo?: PlainDate;
}): UpdateWindow {
  const rule = inForce(ANNUAL_UPDATE, p.initialRegistrationOn, ID);
  if (!Number.isInteger(p.year) || p.year < 1) throw new RangeError(`year must be a whole number from 1: ${p.year}`);
  const anniversary = anniversaryOf(p.initialRegistrationOn, p.year);
  const due = addDays(anniversary, rule.value.appearWithinDays);
  return {
    year: p.year,
    anniversary,
    opensOn: anniversary,
    closesOn: p.deferredTo && p.deferredTo > due ? p.deferredTo : due,
    noticeMailBy: addDays(anniversary, -rule.value.noticeDaysBefore),
    appearanceReportDueBy: addDays(anniversary, rule.value.reportWithinDays),
    deferred: Boolean(p.deferredTo && p.deferredTo > due),
  };
}

/** Every update window within the registration term (anniversaries 1 to 4). */
export function updateWindows(p: { initialRegistrationOn: PlainDate }): UpdateWindow[] {
  const ends = registrationEndsOn(p);
  const out: UpdateWindow[] = [];
  for (let year = 1; ; year += 1) {
    const w = annualUpdateWindow({ initialRegistrationOn: p.initialRegistrationOn, year });
    if (w.anniversary > ends) return out;
    out.push(w);
  }
}

/** The first update window that has not closed by `on`, or undefined when none is left in the term. */
export function findNextUpdateWindow(p: { initialRegistrationOn: PlainDate; on: PlainDate }): UpdateWindow | undefined {
  return updateWindows(p).find((w) => w.closesOn >= p.on);
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const ANNUAL_UPDATE_RULE = defineRule({
  id: "offenders.annual-update",
  title: "Annual update within 20 days after each anniversary",
  description:
    "Each year the registrant must appear at the local police or state police troop within 20 days after the anniversary of registration; the state mails a notice at least 30 days before, and the police report within 30 days whether the person appeared. The police may defer the appearance for good cause.",
  citations: [ANNUAL_UPDATE[0]!.source],
  from: "2014-01-01",
});
