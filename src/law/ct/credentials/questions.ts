/**
 * The credentials area for the rulebook: the `credential-eligibility` question and the
 * catalogue of every credential rule (id, title, plain description, citations, dates).
 */
import { STAFF_CONFIRMATIONS_RULE } from "./staff-confirmations.ts";
import { type Question, type RuleInfo, defineQuestion } from "../../core/questions.ts";
import { pa133, cite } from "../../core/rules.ts";
import { plainDate } from "../../core/dates.ts";
import { BACKGROUND_CHECK_CONSENT_RULE, NATIONAL_BACKGROUND_CHECK_RULE } from "./background-check.ts";
import {
  CERTIFICATE_EXISTS_ID,
  CREATED_CERTIFICATES,
  CREDENTIAL_ELIGIBILITY_ID,
  type CredentialEligibilityResult,
  credentialEligibility,
} from "./eligibility.ts";
import { CredentialFacts } from "./facts.ts";
import { FEDERAL_PROHIBITOR_RULE } from "./federal-prohibitor.ts";
import { FEE_PAID_RULE } from "./fee-paid.ts";
import { APPLICATION_FEE_RULE } from "./fees.ts";
import { FELONY_CONVICTION_RULE } from "./felony-conviction.ts";
import { FIREARMS_SEIZURE_ORDER_RULE } from "./firearms-seizure-order.ts";
import { CREDENTIALS_MODELLED_FROM } from "./kinds.ts";
import { LAWFUL_PRESENCE_RULE } from "./lawful-presence.ts";
import {
  LISTED_MISDEMEANOR_CATALOGUE_RULE,
  AMMUNITION_MISDEMEANOR_DATE_LIMIT_RULE,
} from "./listed-misdemeanor-conviction.ts";
import { MINIMUM_AGE_RULE } from "./minimum-age.ts";
import { NGRI_DISCHARGE_RULE } from "./ngri-discharge.ts";
import { PERMANENT_RESIDENCE_RULE } from "./permanent-residence.ts";
import { PROBATE_COMMITMENT_RULE } from "./probate-commitment.ts";
import { PROTECTIVE_ORDER_RULE } from "./protective-order.ts";
import { PURCHASE_VALIDITY_RULE } from "./purchase-validity.ts";
import { SERIOUS_JUVENILE_OFFENSE_RULE } from "./serious-juvenile-offense.ts";
import { STATE_PERMIT_ROUTE_RULE, NONRESIDENT_DIRECT_APPLICATION_RULE } from "./state-permit-route.ts";
import { SURRENDER_DEADLINE_RULE, LATE_SURRENDER_PENALTY_RULE } from "./surrender.ts";
import {
  TEMPORARY_PERMIT_ATTESTATION_RULE,
  NO_RECENT_TEMPORARY_APPLICATION_RULE,
} from "./temporary-permit-application-limit.ts";
import { CREDENTIAL_TERM_RULE, RENEWAL_NOTICE_RULE } from "./term.ts";
import { VOLUNTARY_ADMISSION_RULE, ADMISSIONS_FROM_RULE, ALCOHOL_DRUG_EXCEPTION_RULE } from "./voluntary-admission.ts";

export const rules: RuleInfo[] = [
  STAFF_CONFIRMATIONS_RULE,
  {
    id: CERTIFICATE_EXISTS_ID,
    title: "The new certificates start on 1 July 2013",
    description:
      "The long gun eligibility certificate and the ammunition certificate are created by the Act and exist from 1 July 2013; asked about an earlier date, the answer is no, with the day they start. (Earlier dates for permits and the handgun eligibility certificate are refused: the law before 1 July 2013 is not modelled.)",
    citations: Object.values(CREATED_CERTIFICATES),
    from: CREDENTIALS_MODELLED_FROM,
  },
  MINIMUM_AGE_RULE,
  PERMANENT_RESIDENCE_RULE,
  TEMPORARY_PERMIT_ATTESTATION_RULE,
  NO_RECENT_TEMPORARY_APPLICATION_RULE,
  STATE_PERMIT_ROUTE_RULE,
  NONRESIDENT_DIRECT_APPLICATION_RULE,
  FELONY_CONVICTION_RULE,
  LISTED_MISDEMEANOR_CATALOGUE_RULE,
  AMMUNITION_MISDEMEANOR_DATE_LIMIT_RULE,
  SERIOUS_JUVENILE_OFFENSE_RULE,
  NGRI_DISCHARGE_RULE,
  PROBATE_COMMITMENT_RULE,
  VOLUNTARY_ADMISSION_RULE,
  ADMISSIONS_FROM_RULE,
  ALCOHOL_DRUG_EXCEPTION_RULE,
  PROTECTIVE_ORDER_RULE,
  FIREARMS_SEIZURE_ORDER_RULE,
  FEDERAL_PROHIBITOR_RULE,
  LAWFUL_PRESENCE_RULE,
  BACKGROUND_CHECK_CONSENT_RULE,
  NATIONAL_BACKGROUND_CHECK_RULE,
  FEE_PAID_RULE,
  APPLICATION_FEE_RULE,
  CREDENTIAL_TERM_RULE,
  RENEWAL_NOTICE_RULE,
  SURRENDER_DEADLINE_RULE,
  LATE_SURRENDER_PENALTY_RULE,
  PURCHASE_VALIDITY_RULE,
];

const RESULT = {
  eligible:
    "true when the credential may be issued on the date asked; false when at least one requirement is not met; null when the outcome is unknown because facts are missing or conflict (a person must review the case).",
  credential:
    "the credential asked about: temporary-state-permit, state-handgun-permit, handgun-eligibility-certificate, long-gun-eligibility-certificate or ammunition-certificate.",
  disqualifiers:
    "ids of the requirements found not met (e.g. credentials.felony-conviction); empty unless eligible is false.",
};

export const credentialEligibilityQuestion: Question<CredentialFacts, CredentialEligibilityResult> = defineQuestion<
  CredentialFacts,
  CredentialEligibilityResult
>({
  id: CREDENTIAL_ELIGIBILITY_ID,
  title: "May this person be issued this gun credential?",
  description:
    "Checks every requirement for a temporary state permit, state permit to carry, handgun eligibility certificate, long gun eligibility certificate or ammunition certificate on a given date: age, residence and the one-application-in-12-months rule for temporary permits, convictions, mental health history, court orders, federal prohibitors, the background check and the fee. Missing or conflicting facts give 'unknown' (human review), never 'no'. The suitability finding and the safety course are left to the person who issues the credential.",
  citations: [
    pa133("§§ 2-7", { cgs: "CGS § 29-37p", text: "long gun eligibility certificate" }),
    pa133("§§ 8, 10-11, 57-58", { text: "mental health and eligibility for gun credentials" }),
    pa133("§§ 14-17", { cgs: "CGS §§ 29-38n to 29-38p", text: "ammunition certificate" }),
    pa133("§§ 57-58", { cgs: "CGS § 29-28(b)", text: "gun permit application" }),
    cite("CGS", "§ 29-36f(b)", { cgs: "CGS § 29-36f(b)", text: "handgun eligibility certificate (existing law)" }),
  ],
  modelledFrom: CREDENTIALS_MODELLED_FROM,
  facts: CredentialFacts,
  result: RESULT,
  example: {
    // A 2005 third-degree assault conviction bars a long gun certificate, but not an ammunition
    // certificate: for that, only violations committed on or after 1 July 2013 count.
    credential: "ammunition-certificate",
    applicant: {
      birthDate: plainDate("1990-05-17"),
      residenceState: "CT",
      residenceTown: "Hartford",
      citizenOrLawfulResident: true,
    },
    backgroundCheckConsent: true,
    feePaid: true,
    recordsChecked: true,
    nics: { status: "proceed" },
    events: [
      {
        kind: "conviction",
        statute: "53a-61",
        felony: false,
        offenseDate: plainDate("2005-03-02"),
        convictionDate: plainDate("2005-09-14"),
      },
    ],
  },
  decide: credentialEligibility,
});

export const questions: Question<CredentialFacts, CredentialEligibilityResult>[] = [credentialEligibilityQuestion];
