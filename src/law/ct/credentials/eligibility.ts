/**
 * May this person be issued this credential on this date?
 *
 * One function lists every requirement in the order of the statute (age and residence, the
 * application itself, then each disqualifier, then the background check and the fee) and keeps
 * every finding. Any "not-met" gives "no"; otherwise any "unknown" gives "unknown" (a person
 * reviews it); otherwise "yes". A missing or conflicting fact is never a "no".
 *
 * Not modelled (they need a person's judgement or facts the service does not collect): the
 * local authority's findings that the applicant is "a suitable person" and intends no unlawful
 * use (CGS § 29-28(b)), and the firearms safety course required for permits and handgun and long
 * gun eligibility certificates. The decision must be issued by a person who has checked them.
 *
 * QUESTION(legal): the Act counts its look-back windows from "an application". Reading chosen:
 * every window is counted back from the date the question is asked (`on`). The service decides on
 * the application day and again on the day of issue; each decision uses its own date, so an
 * event that falls out of a window between the two days no longer counts on the day of issue.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, answer } from "../../core/questions.ts";
import { type Citation, type Finding, NotInForce, notMet, pa133 } from "../../core/rules.ts";
import { backgroundCheckConsent, nationalBackgroundCheck } from "./background-check.ts";
import type { CredentialFacts } from "./facts.ts";
import { federalProhibitor } from "./federal-prohibitor.ts";
import { feePaid } from "./fee-paid.ts";
import { felonyConviction } from "./felony-conviction.ts";
import { firearmsSeizureOrder } from "./firearms-seizure-order.ts";
import { CREDENTIAL_KINDS, CREDENTIALS_MODELLED_FROM, type CredentialKind } from "./kinds.ts";
import { lawfulPresence } from "./lawful-presence.ts";
import { listedMisdemeanorConviction } from "./listed-misdemeanor-conviction.ts";
import { minimumAge } from "./minimum-age.ts";
import { ngriDischarge } from "./ngri-discharge.ts";
import { permanentResidence } from "./permanent-residence.ts";
import { probateCommitment } from "./probate-commitment.ts";
import { protectiveOrder } from "./protective-order.ts";
import { seriousJuvenileOffense } from "./serious-juvenile-offense.ts";
import { statePermitRoute } from "./state-permit-route.ts";
import {
  noRecentTemporaryPermitApplication,
  temporaryPermitAttestation,
} from "./temporary-permit-application-limit.ts";
import { voluntaryAdmission } from "./voluntary-admission.ts";

export const CREDENTIAL_ELIGIBILITY_ID = "credential-eligibility";

export interface CredentialEligibilityResult {
  eligible: boolean | null;
  credential: string;
  disqualifiers: string[];
}

type Rule = (facts: CredentialFacts, on: PlainDate) => Finding;

const ALL: readonly CredentialKind[] = CREDENTIAL_KINDS;

/** Every requirement, in statute order, with the credentials it reaches. */
export const REQUIREMENTS: readonly { rule: Rule; appliesTo: readonly CredentialKind[] }[] = [
  { rule: minimumAge, appliesTo: ALL },
  { rule: permanentResidence, appliesTo: ["temporary-state-permit"] },
  { rule: temporaryPermitAttestation, appliesTo: ["temporary-state-permit"] },
  { rule: noRecentTemporaryPermitApplication, appliesTo: ["temporary-state-permit"] },
  { rule: statePermitRoute, appliesTo: ["state-handgun-permit"] },
  { rule: felonyConviction, appliesTo: ALL },
  { rule: listedMisdemeanorConviction, appliesTo: ALL },
  { rule: seriousJuvenileOffense, appliesTo: ALL },
  { rule: ngriDischarge, appliesTo: ALL },
  { rule: probateCommitment, appliesTo: ALL },
  { rule: voluntaryAdmission, appliesTo: ALL },
  { rule: protectiveOrder, appliesTo: ALL },
  { rule: firearmsSeizureOrder, appliesTo: ALL },
  { rule: federalProhibitor, appliesTo: ALL },
  { rule: lawfulPresence, appliesTo: ALL },
  { rule: backgroundCheckConsent, appliesTo: ALL },
  { rule: nationalBackgroundCheck, appliesTo: ALL },
  { rule: feePaid, appliesTo: ALL },
];

/**
 * Decides whether `facts.credential` may be issued on `on`.
 * Throws NotInForce for dates before 2013-07-01 (earlier law is not modelled).
 */
/** The certificates PA 13-3 created on 2013-07-01: before then they do not exist, so none can be issued. */
export const CREATED_CERTIFICATES: Partial<Record<CredentialKind, Citation>> = {
  "long-gun-eligibility-certificate": pa133("§§ 2-7", {
    cgs: "CGS § 29-37p",
    text: "The bill creates a new gun credential: a long gun eligibility certificate. ... EFFECTIVE DATE: July 1, 2013",
  }),
  "ammunition-certificate": pa133("§§ 14-17", {
    cgs: "CGS § 29-38n",
    text: "the provisions creating an ammunition certificate are effective July 1, 2013",
  }),
};
export const CERTIFICATE_EXISTS_ID = "credentials.certificate-exists";

export function credentialEligibility(facts: CredentialFacts, on: PlainDate): Answer<CredentialEligibilityResult> {
  const created = CREATED_CERTIFICATES[facts.credential];
  if (on < CREDENTIALS_MODELLED_FROM && created) {
    const f = notMet(
      CERTIFICATE_EXISTS_ID,
      created,
      `the ${facts.credential.replaceAll("-", " ")} does not exist on ${on}: the Act creates it, and it starts on ${CREDENTIALS_MODELLED_FROM}`,
      `apply on or after ${CREDENTIALS_MODELLED_FROM}`,
    );
    return {
      outcome: "no",
      result: { eligible: false, credential: facts.credential, disqualifiers: [f.id] },
      findings: [f],
    };
  }
  if (on < CREDENTIALS_MODELLED_FROM) throw new NotInForce(CREDENTIAL_ELIGIBILITY_ID, on, CREDENTIALS_MODELLED_FROM);
  const findings = REQUIREMENTS.filter((r) => r.appliesTo.includes(facts.credential)).map((r) => r.rule(facts, on));
  return answer(findings, (outcome) => ({
    eligible: outcome === "yes" ? true : outcome === "no" ? false : null,
    credential: facts.credential,
    disqualifiers: findings.filter((f) => f.status === "not-met").map((f) => f.id),
  }));
}
