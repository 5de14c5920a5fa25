/**
 * The criminal-possession area (PA 13-3 §§ 34, 44-45), for the rulebook.
 */
import type { Question, RuleInfo } from "../../core/questions.ts";
import { criminalPossessionQuestion } from "./criminal-possession.ts";
import { FELONY_CONVICTION_RULE } from "./felony-conviction.ts";
import { HANDGUN_LISTED_MISDEMEANOR_RULE, FIREARM_LISTED_MISDEMEANOR_RULE } from "./listed-misdemeanor.ts";
import { NGRI_DISCHARGE_RULE } from "./ngri-discharge.ts";
import { PROBATE_COMMITMENT_RULE } from "./probate-commitment.ts";
import { VOLUNTARY_ADMISSION_RULE } from "./voluntary-admission.ts";
import { PROTECTIVE_ORDER_RULE } from "./court-orders.ts";
import { FEDERAL_PROHIBITOR_RULE } from "./federal-prohibitor.ts";
import { PENALTY_RULE } from "./possession-penalty.ts";
import { TRANSFER_DEADLINE_RULE } from "./transfer-deadline.ts";

export const questions: Question<any, any>[] = [criminalPossessionQuestion];

export const rules: RuleInfo[] = [
  FELONY_CONVICTION_RULE,
  HANDGUN_LISTED_MISDEMEANOR_RULE,
  FIREARM_LISTED_MISDEMEANOR_RULE,
  NGRI_DISCHARGE_RULE,
  PROBATE_COMMITMENT_RULE,
  VOLUNTARY_ADMISSION_RULE,
  PROTECTIVE_ORDER_RULE,
  FEDERAL_PROHIBITOR_RULE,
  PENALTY_RULE,
  TRANSFER_DEADLINE_RULE,
];
