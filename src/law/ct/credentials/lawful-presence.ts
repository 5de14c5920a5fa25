/**
 * Aliens illegally or unlawfully in the United States.
 *
 * Existing law bars permits and handgun eligibility certificates to anyone who "is an alien
 * illegally or unlawfully in the United States" (CGS § 29-28(b)(9), § 29-36f(b)). The OLR
 * analysis of PA 13-3 does not restate it; the long gun eligibility certificate copies the
 * handgun certificate's list (§§ 2-7: "substantially similar") and the ammunition certificate
 * follows the long gun certificate (§§ 14-17).
 *
 * QUESTION(legal): for the ammunition certificate the commissioner decides "based on the results"
 * of the background check. Reading chosen: that says how ineligibility is found, not which grounds
 * count, so every long gun certificate disqualifier (this one included) applies to it.
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

export const LAWFUL_PRESENCE_ID = "credentials.lawful-presence";

const EXISTING = "is an alien illegally or unlawfully in the United States (existing law)";

export const LAWFUL_PRESENCE_SOURCE: Record<CredentialKind, Citation> = perCredential({
  permit: cite("CGS", "§ 29-28(b)", { cgs: "CGS § 29-28(b)(9)", text: EXISTING }),
  handgunCertificate: cite("CGS", "§ 29-36f(b)", { cgs: "CGS § 29-36f(b)", text: EXISTING }),
  longGunCertificate: pa133("§§ 2-7", {
    cgs: "CGS § 29-37p(b)",
    text: "the bill's provisions concerning the long gun eligibility certificate are substantially similar to the provisions for handgun eligibility certificates",
  }),
  ammunitionCertificate: pa133("§§ 14-17", {
    cgs: "CGS § 29-38n(b)",
    text: "that the person would be ineligible to be issued a long gun eligibility certificate",
  }),
});

const VERSIONS = (source: Citation): readonly Dated<true>[] => [
  { from: CREDENTIALS_MODELLED_FROM, value: true, source },
];

/** The applicant is a citizen or otherwise lawfully in the United States. */
export function lawfulPresence(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(VERSIONS(LAWFUL_PRESENCE_SOURCE[facts.credential]), on, LAWFUL_PRESENCE_ID);
  const lawful = facts.applicant?.citizenOrLawfulResident;
  if (lawful === undefined) return unknown(LAWFUL_PRESENCE_ID, rule.source, ["applicant.citizenOrLawfulResident"]);
  return lawful
    ? met(LAWFUL_PRESENCE_ID, rule.source, "citizen or lawfully in the United States")
    : notMet(LAWFUL_PRESENCE_ID, rule.source, "an alien illegally or unlawfully in the United States");
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const LAWFUL_PRESENCE_RULE = catalogueEntry(
  LAWFUL_PRESENCE_ID,
  "Lawfully in the United States",
  "An alien illegally or unlawfully in the United States cannot get any credential.",
  modelledVersions(LAWFUL_PRESENCE_SOURCE),
);
