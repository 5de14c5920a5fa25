/**
 * What a person must confirm before a credential is issued, because the rulebook cannot decide it
 * from records: the firearms safety course, and for permits to carry the "suitable person" finding.
 *
 * Existing law, named by the analysis of PA 13-3 as the requirements the Act builds on:
 * - safety course: the state permit and the temporary state permit (CGS § 29-28(b)), the handgun
 *   eligibility certificate (CGS § 29-36f(b)) and the long gun eligibility certificate (CGS
 *   § 29-37p(b), PA 13-3 §§ 2-7) require a course in the safe and proper use of firearms;
 * - suitability: the issuing authority issues a permit to carry only to "a suitable person"
 *   (CGS § 29-28(b)).
 * The ammunition certificate (PA 13-3 §§ 14-17) requires neither.
 *
 * QUESTION(legal): a renewal repeats neither (the course was shown for the first credential, and
 * a renewal is re-checked against the records); we read suitability as a permit-only finding,
 * since the eligibility certificates' statutes list disqualifiers but no suitability test.
 */
import { cite } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";
import type { CredentialKind } from "./kinds.ts";

export const ID = "credentials.staff-confirmations";
export type ConfirmationItem = "safety-course" | "suitability";

const COURSE = cite("CGS", "§§ 29-28(b), 29-36f(b), 29-37p(b)", {
  text: "An applicant must have successfully completed a course in the safety and use of firearms approved by the commissioner.",
});
const SUITABLE = cite("CGS", "§ 29-28(b)", {
  text: "A permit to carry a pistol or revolver is issued only to a suitable person.",
});

export const CONFIRMATION_SOURCES: Record<ConfirmationItem, typeof COURSE> = {
  "safety-course": COURSE,
  suitability: SUITABLE,
};

/** The items staff must confirm before issuing `kind` (new applications; a renewal needs none). */
export function confirmationsRequired(kind: CredentialKind, application: "new" | "renewal"): ConfirmationItem[] {
  if (application === "renewal" || kind === "ammunition-certificate") return [];
  return kind === "temporary-state-permit" || kind === "state-handgun-permit"
    ? ["safety-course", "suitability"]
    : ["safety-course"];
}

export const STAFF_CONFIRMATIONS_RULE = defineRule({
  id: ID,
  title: "What the issuing person confirms: the safety course and, for permits, suitability",
  description:
    "Before issuing a permit or an eligibility certificate for the first time, the issuing person confirms the applicant completed an approved firearms safety course; before issuing a permit to carry, also that the applicant is a suitable person. The ammunition certificate and renewals need neither.",
  citations: [COURSE, SUITABLE],
  from: "2013-04-04",
});
