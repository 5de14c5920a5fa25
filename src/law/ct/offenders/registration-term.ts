/**
 * The five-year registration term.
 *
 * PA 13-3 §§ 18-22 (CGS § 54-280a): "The DESPP commissioner must maintain the
 * registration information for five years." "Suspension of registration does
 * not affect the expiration date of the registration."
 *
 * QUESTION(legal): the text does not say when the five years start. We count
 * them from the initial registration date (not the release, the conviction or
 * the due date), so the last registered day is the day before the fifth
 * anniversary of the initial registration. A suspension does not move it.
 *
 * QUESTION(legal): anniversaries of a 29 February registration fall on
 * 1 March in common years, the same convention core/dates.ts uses for
 * birthdays (dateOfAge).
 */
import { type PlainDate, addDays, dateOfAge } from "../../core/dates.ts";
import { type Dated, inForce, pa133 } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "offenders.registration-term";

export const TERM_YEARS: Dated<number>[] = [
  {
    from: "2014-01-01",
    value: 5,
    source: pa133("§§ 18-22", {
      cgs: "CGS § 54-280a",
      text: "The DESPP commissioner must maintain the registration information for five years. ... Suspension of registration does not affect the expiration date of the registration.",
    }),
  },
];

/** The n-th anniversary of a registration date (29 February falls on 1 March in a common year). */
export function anniversaryOf(initialRegistrationOn: PlainDate, n: number): PlainDate {
  return dateOfAge(initialRegistrationOn, n);
}

/** Last day (inclusive) of the registration: the day before the fifth anniversary of the initial registration. */
export function registrationEndsOn(p: { initialRegistrationOn: PlainDate }): PlainDate {
  const rule = inForce(TERM_YEARS, p.initialRegistrationOn, ID);
  return addDays(anniversaryOf(p.initialRegistrationOn, rule.value), -1);
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const REGISTRATION_TERM_RULE = defineRule({
  id: "offenders.registration-term",
  title: "Five-year registration",
  description: "Registration lasts five years from the initial registration; a suspension does not extend it.",
  citations: [TERM_YEARS[0]!.source],
  from: "2014-01-01",
});
