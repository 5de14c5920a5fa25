/** The corrections area: parole of violent offenders and risk reduction earned credits (PA 13-3 § 59). */
import type { Question, RuleInfo } from "../../core/questions.ts";
import type { ParoleEligibilityFacts, ParoleEligibilityResult } from "./parole-eligibility.ts";
import { paroleEligibility } from "./parole-eligibility.ts";
import { VIOLENT_OFFENDER_PAROLE_RULE, VIOLENT_OFFENDER_PAROLE_BEFORE_RULE } from "./violent-offender-parole.ts";
import { RISK_REDUCTION_CREDITS_RULE, MAXIMUM_REDUCED_BY_CREDITS_RULE } from "./risk-reduction-credits.ts";

export const questions: Question<ParoleEligibilityFacts, ParoleEligibilityResult>[] = [paroleEligibility];

export const rules: RuleInfo[] = [
  VIOLENT_OFFENDER_PAROLE_RULE,
  VIOLENT_OFFENDER_PAROLE_BEFORE_RULE,
  RISK_REDUCTION_CREDITS_RULE,
  MAXIMUM_REDUCED_BY_CREDITS_RULE,
];
