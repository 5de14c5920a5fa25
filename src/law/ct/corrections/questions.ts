/** The corrections area: parole of violent offenders and risk reduction earned credits (PA 13-3 § 59). */
import type { Question, RuleInfo } from "../../core/questions.ts";
import type { ParoleEligibilityFacts, ParoleEligibilityResult } from "./parole-eligibility.ts";
import { paroleEligibility } from "./parole-eligibility.ts";
import { VIOLENT_PAROLE } from "./violent-offender-parole.ts";
import { CREDITS_SOURCE, MAXIMUM_SOURCE } from "./risk-reduction-credits.ts";

export const questions: Question<ParoleEligibilityFacts, ParoleEligibilityResult>[] = [paroleEligibility];

export const rules: RuleInfo[] = [
  {
    id: "corrections.violent-offender-parole",
    title: "Violent offenders serve 85 % before parole, whatever their credits",
    description: "From 2013-07-01 an inmate convicted of a violent crime must serve 85 % of the sentence before parole eligibility; risk reduction earned credits no longer bring that date forward.",
    citations: [VIOLENT_PAROLE[1]!.source],
    from: "2013-07-01",
  },
  {
    id: "corrections.violent-offender-parole.before",
    title: "Before 2013-07-01: 85 % of the sentence less credits",
    description: "Until 2013-06-30 parole eligibility was based on the sentence as reduced by the credits.",
    citations: [VIOLENT_PAROLE[0]!.source],
    from: "2013-04-04",
    until: "2013-07-01",
  },
  {
    id: "corrections.risk-reduction-credits",
    title: "Who may earn risk reduction credits",
    description: "Inmates may earn up to five days of credit a month, except those convicted of murder, capital felony, felony murder, arson murder, 1st degree aggravated sexual assault or home invasion; credits cannot shorten a mandatory minimum.",
    citations: [CREDITS_SOURCE],
    from: "2013-04-04",
  },
  {
    id: "corrections.maximum-reduced-by-credits",
    title: "Credits still shorten the maximum sentence",
    description: "Risk reduction credits still reduce the end date of the sentence.",
    citations: [MAXIMUM_SOURCE],
    from: "2013-04-04",
  },
];
