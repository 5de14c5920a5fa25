/**
 * Violent offenders: parole eligibility after 85 % of the sentence, whatever
 * credits they earned.
 *
 * PA 13-3 § 59 (CGS § 54-125a): "The bill prohibits inmates convicted of
 * violent crimes from using risk reduction earned credits (RREC) that they
 * earn to become eligible for parole sooner than they otherwise could. Thus,
 * it requires inmates convicted of violent crimes to continue to serve 85% of
 * their sentences before being eligible for parole, regardless of any credits
 * they receive." "For inmates who earn RREC, the credits reduce the inmate's
 * maximum prison sentence and the inmate's parole eligibility is based on his
 * or her sentence as reduced by the credits." EFFECTIVE DATE: July 1, 2013.
 *
 * Before 2013-07-01 (modelled from the bill's passage, 2013-04-04) the 85 %
 * was of the sentence as reduced by the credits; from 2013-07-01 it is of the
 * sentence itself.
 *
 * QUESTION(legal): the version is chosen by the date the eligibility is
 * computed (the date asked), as the Department of Correction applied the
 * change from 2013-07-01. Whether applying it to offenses committed before
 * that day is permitted under the ex post facto clause is for a lawyer.
 *
 * QUESTION(legal): "violent crimes" is not defined in the analysis; the
 * service supplies `violentOffense` (the statute speaks of offenses involving
 * the use, attempted use or threatened use of physical force).
 *
 * QUESTION(legal): 85 % of a sentence is counted in days from the day the
 * sentence began and rounded up to a whole day.
 */
import { type PlainDate, addDays } from "../../core/dates.ts";
import { type Dated, pa133 } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "corrections.violent-offender-parole";

export interface ParoleRule {
  percent: number;
  creditsReduceParoleBase: boolean;
}

export const VIOLENT_PAROLE: Dated<ParoleRule>[] = [
  {
    from: "2013-04-04",
    until: "2013-07-01",
    value: { percent: 85, creditsReduceParoleBase: true },
    source: pa133("§ 59", {
      cgs: "CGS § 54-125a",
      text: "For inmates who earn RREC, the credits reduce the inmate's maximum prison sentence and the inmate's parole eligibility is based on his or her sentence as reduced by the credits.",
    }),
  },
  {
    from: "2013-07-01",
    value: { percent: 85, creditsReduceParoleBase: false },
    source: pa133("§ 59", {
      cgs: "CGS § 54-125a",
      text: "Thus, it requires inmates convicted of violent crimes to continue to serve 85% of their sentences before being eligible for parole, regardless of any credits they receive.",
    }),
  },
];

/** The first day of parole eligibility: `percent` of the days of the base term, rounded up, from the start. */
export function paroleEligibleOn(p: { sentenceBeganOn: PlainDate; baseTermDays: number; percent: number }): PlainDate {
  return addDays(p.sentenceBeganOn, Math.ceil((Math.max(0, p.baseTermDays) * p.percent) / 100));
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const VIOLENT_OFFENDER_PAROLE_RULE = defineRule({
  id: "corrections.violent-offender-parole",
  title: "Violent offenders serve 85 % before parole, whatever their credits",
  description:
    "From 2013-07-01 an inmate convicted of a violent crime must serve 85 % of the sentence before parole eligibility; risk reduction earned credits no longer bring that date forward.",
  citations: [VIOLENT_PAROLE[1]!.source],
  from: "2013-07-01",
});

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const VIOLENT_OFFENDER_PAROLE_BEFORE_RULE = defineRule({
  id: "corrections.violent-offender-parole.before",
  title: "Before 2013-07-01: 85 % of the sentence less credits",
  description: "Until 2013-06-30 parole eligibility was based on the sentence as reduced by the credits.",
  citations: [VIOLENT_PAROLE[0]!.source],
  from: "2013-04-04",
  until: "2013-07-01",
});
