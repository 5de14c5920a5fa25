/**
 * The credentials area for the rulebook: the `credential-eligibility` question and the
 * catalogue of every credential rule (id, title, plain description, citations, dates).
 */
import { type Question, type RuleInfo, defineQuestion } from "../../core/questions.ts";
import { type Citation, type Dated, citationLabel, pa133, cite } from "../../core/rules.ts";
import { plainDate } from "../../core/dates.ts";
import { BACKGROUND_CHECK_CONSENT_ID, BACKGROUND_CHECK_SOURCE, NATIONAL_BACKGROUND_CHECK_ID } from "./background-check.ts";
import { CERTIFICATE_EXISTS_ID, CREATED_CERTIFICATES, CREDENTIAL_ELIGIBILITY_ID, type CredentialEligibilityResult, credentialEligibility } from "./eligibility.ts";
import { CredentialFacts } from "./facts.ts";
import { FEDERAL_PROHIBITOR_ID, FEDERAL_PROHIBITOR_SOURCE } from "./federal-prohibitor.ts";
import { FEE_PAID_ID } from "./fee-paid.ts";
import { APPLICATION_FEES, APPLICATION_FEE_ID } from "./fees.ts";
import { FELONY_CONVICTION_ID, FELONY_CONVICTION_SOURCE } from "./felony-conviction.ts";
import { FIREARMS_SEIZURE_ORDER_ID, FIREARMS_SEIZURE_ORDER_SOURCE } from "./firearms-seizure-order.ts";
import { CREDENTIALS_MODELLED_FROM, type CredentialKind } from "./kinds.ts";
import { LAWFUL_PRESENCE_ID, LAWFUL_PRESENCE_SOURCE } from "./lawful-presence.ts";
import { AMMUNITION_MISDEMEANOR_DATE_LIMIT, AMMUNITION_MISDEMEANOR_DATE_LIMIT_ID, LISTED_MISDEMEANORS, LISTED_MISDEMEANOR_ID, LISTED_MISDEMEANOR_RULE } from "./listed-misdemeanor-conviction.ts";
import { MINIMUM_AGE, MINIMUM_AGE_ID } from "./minimum-age.ts";
import { NGRI_DISCHARGE_ID, NGRI_LOOKBACK_YEARS } from "./ngri-discharge.ts";
import { PERMANENT_RESIDENCE_ID, RESIDENCE_TEST } from "./permanent-residence.ts";
import { PROBATE_COMMITMENT_ID, PROBATE_LOOKBACK_MONTHS } from "./probate-commitment.ts";
import { PROTECTIVE_ORDER_ID, PROTECTIVE_ORDER_SOURCE } from "./protective-order.ts";
import { PURCHASE_CREDENTIALS, PURCHASE_VALIDITY_ID } from "./purchase-validity.ts";
import { SERIOUS_JUVENILE_OFFENSE_ID, SERIOUS_JUVENILE_OFFENSE_SOURCE } from "./serious-juvenile-offense.ts";
import { NONRESIDENT_DIRECT_APPLICATION, NONRESIDENT_DIRECT_APPLICATION_ID, STATE_PERMIT_ROUTE_ID, TEMPORARY_PERMIT_FIRST } from "./state-permit-route.ts";
import { LATE_SURRENDER_PENALTIES, LATE_SURRENDER_PENALTY_ID, SURRENDER_DAYS, SURRENDER_DEADLINE_ID } from "./surrender.ts";
import { APPLICATION_LIMIT_MONTHS, ATTESTATION_REQUIRED, NO_RECENT_TEMPORARY_APPLICATION_ID, TEMPORARY_PERMIT_ATTESTATION_ID } from "./temporary-permit-application-limit.ts";
import { CREDENTIAL_TERMS, CREDENTIAL_TERM_ID, RENEWAL_NOTICE_DAYS, RENEWAL_NOTICE_ID } from "./term.ts";
import { ADMISSIONS_COUNTED_FROM, ADMISSIONS_FROM_ID, ALCOHOL_DRUG_EXCEPTION, ALCOHOL_DRUG_EXCEPTION_ID, VOLUNTARY_ADMISSION_ID, VOLUNTARY_ADMISSION_LOOKBACK_MONTHS } from "./voluntary-admission.ts";

type Versions = readonly Dated<unknown>[];

/** Citations of a set of versions, each once. */
function citationsOf(versions: Versions): Citation[] {
  const seen = new Map<string, Citation>();
  for (const v of versions) seen.set(`${citationLabel(v.source)}|${v.source.text ?? ""}`, v.source);
  return [...seen.values()];
}

const flat = <T>(byKey: Record<string, readonly Dated<T>[]>): readonly Dated<T>[] => Object.values(byKey).flat();
const single = (byKind: Record<CredentialKind, Citation>): Versions => Object.values(byKind).map((source) => ({ from: CREDENTIALS_MODELLED_FROM, value: true, source }));

/** A catalogue entry spanning all versions: from the earliest start, until the latest end if every version ended. */
function rule(id: string, title: string, description: string, versions: Versions): RuleInfo {
  const from = versions.map((v) => v.from).sort()[0]!;
  const ends = versions.map((v) => v.until);
  const until = ends.every((u) => u !== undefined) ? (ends as string[]).sort().at(-1) : undefined;
  return { id, title, description, citations: citationsOf(versions), from, ...(until ? { until } : {}) };
}

export const rules: RuleInfo[] = [
  {
    id: CERTIFICATE_EXISTS_ID,
    title: "The new certificates start on 1 July 2013",
    description: "The long gun eligibility certificate and the ammunition certificate are created by the Act and exist from 1 July 2013; asked about an earlier date, the answer is no, with the day they start. (Earlier dates for permits and the handgun eligibility certificate are refused: the law before 1 July 2013 is not modelled.)",
    citations: Object.values(CREATED_CERTIFICATES),
    from: CREDENTIALS_MODELLED_FROM,
  },
  rule(MINIMUM_AGE_ID, "Minimum age", "The applicant must be at least 21 for a state or temporary state permit or a handgun eligibility certificate, and at least 18 for a long gun eligibility certificate or an ammunition certificate, on the day of the decision. A person born on 29 February turns a year older on 1 March in common years.", flat(MINIMUM_AGE)),
  rule(PERMANENT_RESIDENCE_ID, "Residence in the issuing town (temporary state permit)", "Until 30 September 2013 the applicant needed a residence or a place of business in the town. From 1 October 2013 the applicant must be a permanent resident of the town whose chief of police (or first selectman or warden) issues the temporary state permit.", RESIDENCE_TEST),
  rule(TEMPORARY_PERMIT_ATTESTATION_ID, "Statement of no other application in 12 months (temporary state permit)", "From 1 October 2013 the applicant must state on the application, under penalty of false statement, that he or she has not applied for a temporary state permit within the past 12 months.", ATTESTATION_REQUIRED),
  rule(NO_RECENT_TEMPORARY_APPLICATION_ID, "One temporary state permit application in 12 months", "From 1 October 2013 no one may apply for a temporary state permit more than once in any 12-month period, and the permit is not issued to someone who applied within the previous 12 months. If the records show an earlier application but the applicant said there was none, a person must review the case.", APPLICATION_LIMIT_MONTHS),
  rule(STATE_PERMIT_ROUTE_ID, "Temporary state permit first (state permit)", "The five-year state permit follows a temporary state permit issued by the local authority.", TEMPORARY_PERMIT_FIRST),
  rule(NONRESIDENT_DIRECT_APPLICATION_ID, "Exception: applicants without a Connecticut residence", "A person without a permanent residence in Connecticut may apply directly to the State Police for the state permit if he or she holds a handgun permit or license to carry issued by another state.", NONRESIDENT_DIRECT_APPLICATION),
  rule(FELONY_CONVICTION_ID, "No felony conviction", "A conviction for a felony, at any time, bars every credential. Juvenile delinquency adjudications are decided by the serious juvenile offense rule instead.", single(FELONY_CONVICTION_SOURCE)),
  rule(LISTED_MISDEMEANOR_ID, "No conviction of a listed misdemeanor", `A conviction under any of these Connecticut statutes bars every credential: ${Object.entries(LISTED_MISDEMEANORS).map(([s, name]) => `${s} (${name})`).join("; ")}.`, flat(LISTED_MISDEMEANOR_RULE)),
  rule(AMMUNITION_MISDEMEANOR_DATE_LIMIT_ID, "Exception: ammunition certificate and older misdemeanors", "For an ammunition certificate, a listed-misdemeanor conviction counts only if the violation was committed on or after 1 July 2013. Felonies count whenever committed.", AMMUNITION_MISDEMEANOR_DATE_LIMIT),
  rule(SERIOUS_JUVENILE_OFFENSE_ID, "No serious juvenile offense", "An adjudication as delinquent for a serious juvenile offense bars every credential.", single(SERIOUS_JUVENILE_OFFENSE_SOURCE)),
  rule(NGRI_DISCHARGE_ID, "No recent discharge after a not-guilty-by-reason-of-insanity finding", "Being discharged from custody within the past 20 years after being found not guilty of a crime by reason of mental disease or defect bars every credential.", flat(NGRI_LOOKBACK_YEARS)),
  rule(PROBATE_COMMITMENT_ID, "No recent psychiatric commitment by a probate court", "Confinement in a psychiatric hospital by order of a probate court bars every credential for 12 months (applications up to 30 September 2013) or 60 months (from 1 October 2013), counted back from the day of the decision.", flat(PROBATE_LOOKBACK_MONTHS)),
  rule(VOLUNTARY_ADMISSION_ID, "No recent voluntary psychiatric admission", "From 1 October 2013, a voluntary admission to a psychiatric hospital within the past six months bars every credential.", VOLUNTARY_ADMISSION_LOOKBACK_MONTHS),
  rule(ADMISSIONS_FROM_ID, "Exception: admissions before 1 October 2013", "Voluntary admissions before 1 October 2013 do not count.", ADMISSIONS_COUNTED_FROM),
  rule(ALCOHOL_DRUG_EXCEPTION_ID, "Exception: admission solely for alcohol or drug treatment", "A voluntary admission solely for being an alcohol- or drug-dependent person does not count.", ALCOHOL_DRUG_EXCEPTION),
  rule(PROTECTIVE_ORDER_ID, "No protective or restraining order in force", "Being subject to a protective or restraining order (or a foreign order of protection) issued in a case involving physical force bars every credential while the order is in force.", single(PROTECTIVE_ORDER_SOURCE)),
  rule(FIREARMS_SEIZURE_ORDER_ID, "No firearms seizure order in force", "Being subject to a firearms seizure order made after notice and a hearing (CGS § 29-38c) bars every credential.", single(FIREARMS_SEIZURE_ORDER_SOURCE)),
  rule(FEDERAL_PROHIBITOR_ID, "No federal prohibitor", "A person whom federal law (18 U.S.C. 922(g) or (n)) prohibits from receiving or possessing firearms cannot get any credential.", single(FEDERAL_PROHIBITOR_SOURCE)),
  rule(LAWFUL_PRESENCE_ID, "Lawfully in the United States", "An alien illegally or unlawfully in the United States cannot get any credential.", single(LAWFUL_PRESENCE_SOURCE)),
  rule(BACKGROUND_CHECK_CONSENT_ID, "Consent to the background check", "The applicant must consent to (for an ammunition certificate: request) the state and national criminal background check.", single(BACKGROUND_CHECK_SOURCE)),
  rule(NATIONAL_BACKGROUND_CHECK_ID, "National background check result", "The national background check must come back 'proceed'. 'Denied' bars the credential; 'delayed' or no result sends the case to a person.", single(BACKGROUND_CHECK_SOURCE)),
  rule(FEE_PAID_ID, "Fee paid", "The application fee must be paid.", flat(APPLICATION_FEES)),
  rule(APPLICATION_FEE_ID, "Application fees", "$35 for a long gun eligibility certificate, an ammunition certificate (plus the background check fee) or a handgun eligibility certificate; $140 for the state permit, paid with the temporary state permit application (plus the FBI fingerprint check fee).", flat(APPLICATION_FEES)),
  rule(CREDENTIAL_TERM_ID, "How long a credential lasts", "State permits and all three certificates last five years from issue; a temporary state permit lasts 60 days.", flat(CREDENTIAL_TERMS)),
  rule(RENEWAL_NOTICE_ID, "Renewal notice", "The State Police must send holders of state permits and handgun and long gun eligibility certificates a renewal notice at least 90 days before expiry. No notice is required for ammunition certificates (or temporary state permits).", flat(RENEWAL_NOTICE_DAYS)),
  rule(SURRENDER_DEADLINE_ID, "Surrender after revocation", "A revoked credential must be delivered to the authorities within five days of the written notice of revocation.", flat(SURRENDER_DAYS)),
  rule(LATE_SURRENDER_PENALTY_ID, "Penalty for late surrender", "Not surrendering a revoked permit or eligibility certificate in time is a class A misdemeanor (a class C misdemeanor for permits and handgun eligibility certificates until 30 September 2013).", flat(LATE_SURRENDER_PENALTIES)),
  rule(PURCHASE_VALIDITY_ID, "Which credential lets you buy what", "Handguns: a state permit or handgun eligibility certificate. Long guns, from 1 April 2014: a long gun or handgun eligibility certificate or a state permit. Ammunition and magazines, from 1 October 2013: any of those, or an ammunition certificate shown with a government photo ID.", flat(PURCHASE_CREDENTIALS)),
];

const RESULT = {
  eligible: "true when the credential may be issued on the date asked; false when at least one requirement is not met; null when the outcome is unknown because facts are missing or conflict (a person must review the case).",
  credential: "the credential asked about: temporary-state-permit, state-handgun-permit, handgun-eligibility-certificate, long-gun-eligibility-certificate or ammunition-certificate.",
  disqualifiers: "ids of the requirements found not met (e.g. credentials.felony-conviction); empty unless eligible is false.",
};

export const credentialEligibilityQuestion: Question<CredentialFacts, CredentialEligibilityResult> = defineQuestion<CredentialFacts, CredentialEligibilityResult>({
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
    applicant: { birthDate: plainDate("1990-05-17"), residenceState: "CT", residenceTown: "Hartford", citizenOrLawfulResident: true },
    backgroundCheckConsent: true,
    feePaid: true,
    recordsChecked: true,
    nics: { status: "proceed" },
    events: [{ kind: "conviction", statute: "53a-61", felony: false, offenseDate: plainDate("2005-03-02"), convictionDate: plainDate("2005-09-14") }],
  },
  decide: credentialEligibility,
});

export const questions: Question<CredentialFacts, CredentialEligibilityResult>[] = [credentialEligibilityQuestion];
