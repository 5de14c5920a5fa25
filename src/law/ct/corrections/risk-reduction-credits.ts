/**
 * Risk reduction earned credits (RREC): who may earn them, and what they
 * reduce.
 *
 * PA 13-3 § 59 (CGS §§ 18-98e, 54-125a): "Under current law, inmates convicted
 * of any crimes except the following can earn RREC: 1. murder (CGS § 53a-54a),
 * 2. capital felony (CGS § 53a-54b), 3. felony murder (CGS § 53a-54c), 4. arson
 * murder (CGS § 53a-54d), 5. 1st degree aggravated sexual assault (CGS
 * § 53a-70a), or 6. home invasion (CGS § 53a-100aa)." "The DOC commissioner can
 * award RREC of up to five days per month ... Credits cannot reduce a mandatory
 * minimum sentence." "As under current law, the credits still reduce the
 * inmate's maximum prison sentence."
 */
import { type PlainDate, addDays } from "../../core/dates.ts";
import { type Citation, pa133 } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const EXCLUDED_OFFENSES: readonly { statute: string; name: string }[] = [
  { statute: "53a-54a", name: "murder" },
  { statute: "53a-54b", name: "capital felony" },
  { statute: "53a-54c", name: "felony murder" },
  { statute: "53a-54d", name: "arson murder" },
  { statute: "53a-70a", name: "1st degree aggravated sexual assault" },
  { statute: "53a-100aa", name: "home invasion" },
];

export const CREDITS_SOURCE: Citation = pa133("§ 59", {
  cgs: "CGS § 18-98e",
  text: "Under current law, inmates convicted of any crimes except the following can earn RREC: 1. murder (CGS § 53a-54a), 2. capital felony (CGS § 53a-54b), 3. felony murder (CGS § 53a-54c), 4. arson murder (CGS § 53a-54d), 5. 1st degree aggravated sexual assault (CGS § 53a-70a), or 6. home invasion (CGS § 53a-100aa). ... Credits cannot reduce a mandatory minimum sentence.",
});

export const MAXIMUM_SOURCE: Citation = pa133("§ 59", {
  cgs: "CGS § 18-98e",
  text: "As under current law, the credits still reduce the inmate's maximum prison sentence.",
});

/** Most credits the commissioner may award: five days a month. */
export const CREDIT_DAYS_PER_MONTH = 5;

/**
 * The end of the sentence as reduced by credits, never before the end of the
 * mandatory minimum term.
 */
export function maximumReleaseOn(p: {
  fullTermEndsOn: PlainDate;
  creditDays: number;
  mandatoryMinimumEndsOn?: PlainDate;
}): PlainDate {
  const reduced = addDays(p.fullTermEndsOn, -Math.max(0, Math.floor(p.creditDays)));
  return p.mandatoryMinimumEndsOn && reduced < p.mandatoryMinimumEndsOn ? p.mandatoryMinimumEndsOn : reduced;
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const RISK_REDUCTION_CREDITS_RULE = defineRule({
  id: "corrections.risk-reduction-credits",
  title: "Who may earn risk reduction credits",
  description:
    "Inmates may earn up to five days of credit a month, except those convicted of murder, capital felony, felony murder, arson murder, 1st degree aggravated sexual assault or home invasion; credits cannot shorten a mandatory minimum.",
  citations: [CREDITS_SOURCE],
  from: "2013-04-04",
});

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const MAXIMUM_REDUCED_BY_CREDITS_RULE = defineRule({
  id: "corrections.maximum-reduced-by-credits",
  title: "Credits still shorten the maximum sentence",
  description: "Risk reduction credits still reduce the end date of the sentence.",
  citations: [MAXIMUM_SOURCE],
  from: "2013-04-04",
});
