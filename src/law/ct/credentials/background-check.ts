/**
 * The background check: the applicant's consent to it, and its national result.
 *
 * OLR analysis of PA 13-3, §§ 2-7 (long gun eligibility certificate): "applicants must complete
 * background checks". §§ 14-17 (ammunition certificate): "To apply, the person must request the
 * DESPP commissioner to issue the certificate and to conduct a national criminal background
 * check, using only the person's name and date of birth. After conducting the background check,
 * the commissioner must issue the certificate unless he determines, based on the results, that
 * the person would be ineligible". Permits: existing law requires the applicant to "submit to
 * state and national criminal history records checks" (CGS § 29-29(a)); handgun eligibility
 * certificates likewise (CGS § 29-36f).
 *
 * QUESTION(legal): the facts carry the national check as a NICS status. Reading chosen: for every
 * credential "proceed" satisfies the check, "denied" means a federal or state prohibitor was found
 * (not-met), and "delayed" or no result is unknown (human review). The background-check result
 * is required even when no events are reported, because the credential may not issue before it.
 */
import type { PlainDate } from "../../core/dates.ts";
import {
  type Citation,
  type Dated,
  type Finding,
  cite,
  inForce,
  met,
  notMet,
  pa133,
  unknown,
} from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import { CREDENTIALS_MODELLED_FROM, type CredentialKind, perCredential, modelledVersions } from "./kinds.ts";
import { catalogueEntry } from "../../core/questions.ts";

export const BACKGROUND_CHECK_CONSENT_ID = "credentials.background-check-consent";
export const NATIONAL_BACKGROUND_CHECK_ID = "credentials.national-background-check";

export const BACKGROUND_CHECK_SOURCE: Record<CredentialKind, Citation> = perCredential({
  permit: cite("CGS", "§ 29-29(a)", {
    cgs: "CGS § 29-29(a)",
    text: "the local authority shall require the applicant to submit to state and national criminal history records checks (existing law)",
  }),
  handgunCertificate: cite("CGS", "§ 29-36f", {
    cgs: "CGS § 29-36f",
    text: "state and national criminal history records checks (existing law)",
  }),
  longGunCertificate: pa133("§§ 2-7", { cgs: "CGS § 29-37p", text: "applicants must complete background checks" }),
  ammunitionCertificate: pa133("§§ 14-17", {
    cgs: "CGS § 29-38n(a)",
    text: "the person must request the DESPP commissioner to issue the certificate and to conduct a national criminal background check, using only the person's name and date of birth",
  }),
});

const VERSIONS = (source: Citation): readonly Dated<true>[] => [
  { from: CREDENTIALS_MODELLED_FROM, value: true, source },
];

/** The applicant consents to (for the ammunition certificate: requests) the background check. */
export function backgroundCheckConsent(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(VERSIONS(BACKGROUND_CHECK_SOURCE[facts.credential]), on, BACKGROUND_CHECK_CONSENT_ID);
  const consent = facts.backgroundCheckConsent;
  if (consent === undefined) return unknown(BACKGROUND_CHECK_CONSENT_ID, rule.source, ["backgroundCheckConsent"]);
  return consent
    ? met(BACKGROUND_CHECK_CONSENT_ID, rule.source, "the applicant consented to the background check")
    : notMet(
        BACKGROUND_CHECK_CONSENT_ID,
        rule.source,
        "the applicant did not consent to the background check",
        "consent to the state and national background check",
      );
}

/** The national background check came back "proceed". */
export function nationalBackgroundCheck(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(VERSIONS(BACKGROUND_CHECK_SOURCE[facts.credential]), on, NATIONAL_BACKGROUND_CHECK_ID);
  const status = facts.nics?.status;
  if (status === undefined)
    return unknown(NATIONAL_BACKGROUND_CHECK_ID, rule.source, ["nics.status"], "no national background check result");
  if (status === "proceed") return met(NATIONAL_BACKGROUND_CHECK_ID, rule.source, "national background check: proceed");
  if (status === "denied")
    return notMet(
      NATIONAL_BACKGROUND_CHECK_ID,
      rule.source,
      "national background check: denied",
      "the applicant may challenge the denial with the FBI and appeal to the Board of Firearms Permit Examiners",
    );
  return unknown(
    NATIONAL_BACKGROUND_CHECK_ID,
    rule.source,
    ["nics.status"],
    "national background check: delayed, no final result yet",
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const BACKGROUND_CHECK_CONSENT_RULE = catalogueEntry(
  BACKGROUND_CHECK_CONSENT_ID,
  "Consent to the background check",
  "The applicant must consent to (for an ammunition certificate: request) the state and national criminal background check.",
  modelledVersions(BACKGROUND_CHECK_SOURCE),
);

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const NATIONAL_BACKGROUND_CHECK_RULE = catalogueEntry(
  NATIONAL_BACKGROUND_CHECK_ID,
  "National background check result",
  "The national background check must come back 'proceed'. 'Denied' bars the credential; 'delayed' or no result sends the case to a person.",
  modelledVersions(BACKGROUND_CHECK_SOURCE),
);
