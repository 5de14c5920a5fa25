/** The offenders area: the Deadly Weapon Offender Registry (PA 13-3 §§ 18-22). */
import type { Question, RuleInfo } from "../../core/questions.ts";
import { deadlyWeaponOffense, DEADLY_WEAPON_OFFENSE_RULE } from "./deadly-weapon-offense.ts";
import { offenderRegistration } from "./offender-registration.ts";
import { offenderChangeNotice } from "./change-notice.ts";
import { offenderAnnualUpdate } from "./annual-update-question.ts";
import { FELONY_WITH_FIREARM_FINDING_RULE } from "./felony-with-firearm-finding.ts";
import { REGISTRATION_DUE_RULE } from "./registration-due.ts";
import { REGISTRATION_TERM_RULE } from "./registration-term.ts";
import { ANNUAL_UPDATE_RULE } from "./annual-update.ts";
import { NAME_ADDRESS_CHANGE_RULE } from "./name-address-change.ts";
import { SUSPENSION_RULE } from "./suspension.ts";

// Two questions with different facts: the list is heterogeneous, as in index.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const questions: Question<any, any>[] = [
  deadlyWeaponOffense,
  offenderRegistration,
  offenderChangeNotice,
  offenderAnnualUpdate,
];

export const rules: RuleInfo[] = [
  DEADLY_WEAPON_OFFENSE_RULE,
  FELONY_WITH_FIREARM_FINDING_RULE,
  REGISTRATION_DUE_RULE,
  REGISTRATION_TERM_RULE,
  ANNUAL_UPDATE_RULE,
  NAME_ADDRESS_CHANGE_RULE,
  SUSPENSION_RULE,
];
