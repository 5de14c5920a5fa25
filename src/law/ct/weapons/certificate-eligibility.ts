/**
 * Eligibility for a certificate of possession of an assault weapon, from the evidence the state
 * holds about the applicant.
 *
 * PA 13-3 §§ 25-31 (CGS § 53-202d): a certificate of possession may be issued only to a person
 * eligible to possess firearms; a prohibited person is not. The analysis does not list the
 * conditions of eligibility, and the examiner decides.
 *
 * QUESTION(legal): we read the evidence this way, in order: (1) the examiner's finding, when one
 * is recorded, decides; (2) a prohibiting event recorded against the person makes them not
 * eligible; (3) an active permit or eligibility certificate for firearms (whose holders were
 * found eligible to possess firearms when it was issued and are re-checked on every event) makes
 * them eligible; (4) anything else is unknown, which goes to a person and never to an automatic
 * refusal. An ammunition certificate alone is not evidence, since it does not cover firearms.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, met, notMet, pa133, unknown, inForce } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "weapons.certificate-eligibility";

export const CERTIFICATE_ELIGIBILITY: Dated<true>[] = [
  {
    from: "2013-04-04",
    value: true,
    source: pa133("§§ 25-31", {
      cgs: "CGS § 53-202d",
      text: "A person lawfully possessing an assault weapon before the bill's effective date may keep it only with a certificate of possession, which the person must be eligible to receive.",
    }),
  },
];

export interface CertificateEligibilityEvidence {
  /** The examiner's recorded finding, when there is one. */
  examinerFinding?: boolean | undefined;
  /** A prohibiting event is recorded against the person (and not lifted). */
  prohibitingEventRecorded: boolean;
  /** Kinds of the person's active credentials (as stored: "state-handgun-permit", "ammunition-certificate"...). */
  activeCredentialKinds: readonly string[];
}

/** Credentials whose holders were found eligible to possess firearms. */
const FIREARM_CREDENTIALS = new Set([
  "state-handgun-permit",
  "temporary-state-permit",
  "handgun-eligibility-certificate",
  "long-gun-eligibility-certificate",
]);

/** `true` eligible, `false` not, `undefined` unknown (a person decides). */
export function certificateEligible(e: CertificateEligibilityEvidence): boolean | undefined {
  if (e.examinerFinding !== undefined) return e.examinerFinding;
  if (e.prohibitingEventRecorded) return false;
  if (e.activeCredentialKinds.some((k) => FIREARM_CREDENTIALS.has(k))) return true;
  return undefined;
}

/** The same reading as a finding, with its reason, for a decision record. */
export function certificateEligibilityFinding(e: CertificateEligibilityEvidence, on: PlainDate): Finding {
  const rule = inForce(CERTIFICATE_ELIGIBILITY, on, ID);
  const v = certificateEligible(e);
  if (v === undefined) return unknown(ID, rule.source, ["eligibleForCertificate"]);
  const why =
    e.examinerFinding !== undefined
      ? "the examiner's finding"
      : e.prohibitingEventRecorded
        ? "a prohibiting event is recorded against the person"
        : "the person holds an active permit or eligibility certificate for firearms";
  return v ? met(ID, rule.source, `eligible: ${why}`) : notMet(ID, rule.source, `not eligible: ${why}`);
}

export const CERTIFICATE_ELIGIBILITY_RULE = defineRule({
  id: ID,
  title: "Eligibility for an assault weapon certificate of possession",
  description:
    "A certificate of possession goes only to a person eligible to possess firearms: the examiner's finding decides; a recorded prohibiting event means not eligible; an active permit or eligibility certificate for firearms means eligible; otherwise a person decides.",
  citations: [CERTIFICATE_ELIGIBILITY[0]!.source],
  from: "2013-04-04",
});
