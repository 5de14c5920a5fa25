/**
 * Initial registration: 14 calendar days after release, or before release
 * from the Department of Correction's custody.
 *
 * PA 13-3 §§ 18-22 (CGS § 54-280a): "Anyone convicted, or found not guilty by
 * reason of mental disease or defect, of a deadly weapon offense and released
 * into the community on or after January 1, 2014, must register with DESPP
 * within 14 calendar days after being released. Anyone in the DOC
 * commissioner's custody must register before release as the DOC commissioner
 * directs." "The obligation to register applies (1) whether the person lives in
 * or out of state or (2) even if the case is on appeal."
 *
 * QUESTION(legal): for a person never incarcerated (e.g. a suspended sentence
 * or probation), "released into the community" has no obvious date; the
 * service supplies `releasedOn` and we suggest the date of sentencing.
 *
 * QUESTION(legal): "before release" has no day count. We return the release
 * date itself as the due date, meaning registration must be complete before
 * the person leaves custody that day.
 */
import { type PlainDate, addDays, plainDate } from "../../core/dates.ts";
import { type Dated, pa133 } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "offenders.registration-due";

export interface InitialRegistration {
  days: number;
  releasedFrom: PlainDate;
}

export const INITIAL_REGISTRATION: Dated<InitialRegistration>[] = [
  {
    from: "2014-01-01",
    value: { days: 14, releasedFrom: plainDate("2014-01-01") },
    source: pa133("§§ 18-22", {
      cgs: "CGS § 54-280a",
      text: "Anyone convicted, or found not guilty by reason of mental disease or defect, of a deadly weapon offense and released into the community on or after January 1, 2014, must register with DESPP within 14 calendar days after being released. Anyone in the DOC commissioner's custody must register before release as the DOC commissioner directs.",
    }),
  },
];

/**
 * Last day (inclusive) to register for the first time: 14 calendar days after
 * release (not moved off weekends or holidays: the text says calendar days), or
 * the release day itself for a release from DOC custody. Null when the person
 * was released before 2014-01-01 and so never had to register.
 */
export function registrationDueOn(p: { releasedOn: PlainDate; fromDocCustody?: boolean }): PlainDate | null {
  const rule = INITIAL_REGISTRATION[0]!;
  if (p.releasedOn < rule.value.releasedFrom) return null;
  return p.fromDocCustody ? p.releasedOn : addDays(p.releasedOn, rule.value.days);
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const REGISTRATION_DUE_RULE = defineRule({
  id: "offenders.registration-due",
  title: "Register within 14 days of release",
  description:
    "A person convicted of a deadly weapon offense (or found not guilty by reason of mental disease or defect) and released on or after 2014-01-01 must register within 14 calendar days of release, or before release from prison custody.",
  citations: [INITIAL_REGISTRATION[0]!.source],
  from: "2014-01-01",
});
