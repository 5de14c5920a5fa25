/** The offenders area: the Deadly Weapon Offender Registry (PA 13-3 §§ 18-22). */
import type { Question, RuleInfo } from "../../core/questions.ts";
import { deadlyWeaponOffense } from "./deadly-weapon-offense.ts";
import { offenderRegistration } from "./offender-registration.ts";
import { offenderChangeNotice } from "./change-notice.ts";
import { offenderAnnualUpdate } from "./annual-update-question.ts";
import { TABLE_1_SOURCE } from "./deadly-weapon-offenses.ts";
import { FELONY_WITH_FIREARM } from "./felony-with-firearm-finding.ts";
import { INITIAL_REGISTRATION } from "./registration-due.ts";
import { TERM_YEARS } from "./registration-term.ts";
import { ANNUAL_UPDATE } from "./annual-update.ts";
import { CHANGE_GRACE_BUSINESS_DAYS } from "./name-address-change.ts";
import { SUSPENSION } from "./suspension.ts";

// Two questions with different facts: the list is heterogeneous, as in index.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const questions: Question<any, any>[] = [deadlyWeaponOffense, offenderRegistration, offenderChangeNotice, offenderAnnualUpdate];

const FROM = "2014-01-01";

export const rules: RuleInfo[] = [
  { id: "offenders.deadly-weapon-offense", title: "Deadly weapon offenses (Table 1)", description: "The offenses, by statute, that lead to the Deadly Weapon Offender Registry.", citations: [TABLE_1_SOURCE], from: FROM },
  { id: "offenders.felony-with-firearm-finding", title: "Any felony with a court finding of a firearm", description: "Any felony counts as a deadly weapon offense when the court finds the person used, threatened with, displayed or claimed to have a firearm.", citations: [FELONY_WITH_FIREARM], from: FROM },
  { id: "offenders.registration-due", title: "Register within 14 days of release", description: "A person convicted of a deadly weapon offense (or found not guilty by reason of mental disease or defect) and released on or after 2014-01-01 must register within 14 calendar days of release, or before release from prison custody.", citations: [INITIAL_REGISTRATION[0]!.source], from: FROM },
  { id: "offenders.registration-term", title: "Five-year registration", description: "Registration lasts five years from the initial registration; a suspension does not extend it.", citations: [TERM_YEARS[0]!.source], from: FROM },
  { id: "offenders.annual-update", title: "Annual update within 20 days after each anniversary", description: "Each year the registrant must appear at the local police or state police troop within 20 days after the anniversary of registration; the state mails a notice at least 30 days before, and the police report within 30 days whether the person appeared. The police may defer the appearance for good cause.", citations: [ANNUAL_UPDATE[0]!.source], from: FROM },
  { id: "offenders.name-address-change", title: "Report name and address changes", description: "A registrant must report a new name or address in writing without undue delay; it is a felony only if the failure lasts five business days.", citations: [CHANGE_GRACE_BUSINESS_DAYS[0]!.source], from: FROM },
  { id: "offenders.suspension", title: "Suspension while in prison, committed or out of state", description: "The state police may suspend a registration while the person is incarcerated, civilly committed or living out of state, and must reinstate it afterwards.", citations: [SUSPENSION], from: FROM },
];
