/**
 * Minimum age for each credential.
 *
 * OLR analysis of PA 13-3, §§ 2-7: "The bill sets the minimum age for a long gun
 * eligibility certificate at 18, whereas existing law sets a minimum age of 21 for a
 * handgun eligibility certificate."
 * §§ 14-17: "a person must be age 18 or older to apply for an ammunition certificate."
 * Permits (existing law, CGS § 29-28(b)): no state or temporary state permit may be issued
 * to an applicant who "is less than twenty-one years of age".
 *
 * The age is the applicant's age on the check date, computed by core `ageOn`, which decides
 * the 29 February birthday (it falls on 1 March in a common year).
 */
import { type PlainDate, ageOn, dateOfAge } from "../../core/dates.ts";
import { type Dated, type Finding, cite, inForce, met, notMet, pa133, unknown } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import { CREDENTIALS_MODELLED_FROM, type CredentialKind } from "./kinds.ts";
import { catalogueEntry, allVersions } from "../../core/questions.ts";

export const MINIMUM_AGE_ID = "credentials.minimum-age";

const PERMIT_AGE = cite("CGS", "§ 29-28(b)", {
  cgs: "CGS § 29-28(b)",
  text: "no state or temporary state permit shall be issued if the applicant is less than twenty-one years of age (existing law)",
});

export const MINIMUM_AGE: Record<CredentialKind, readonly Dated<number>[]> = {
  "temporary-state-permit": [{ from: CREDENTIALS_MODELLED_FROM, value: 21, source: PERMIT_AGE }],
  "state-handgun-permit": [{ from: CREDENTIALS_MODELLED_FROM, value: 21, source: PERMIT_AGE }],
  "handgun-eligibility-certificate": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: 21,
      source: cite("CGS", "§ 29-36f(b)", {
        cgs: "CGS § 29-36f(b)",
        text: "existing law sets a minimum age of 21 for a handgun eligibility certificate",
      }),
    },
  ],
  "long-gun-eligibility-certificate": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: 18,
      source: pa133("§§ 2-7", {
        cgs: "CGS § 29-37p(b)",
        text: "The bill sets the minimum age for a long gun eligibility certificate at 18",
      }),
    },
  ],
  "ammunition-certificate": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: 18,
      source: pa133("§§ 14-17", {
        cgs: "CGS § 29-38n(a)",
        text: "a person must be age 18 or older to apply for an ammunition certificate",
      }),
    },
  ],
};

/** The applicant must have reached the minimum age on the check date. Throws NotInForce before 2013-07-01. */
export function minimumAge(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(MINIMUM_AGE[facts.credential], on, MINIMUM_AGE_ID);
  const birthDate = facts.applicant?.birthDate;
  if (!birthDate) return unknown(MINIMUM_AGE_ID, rule.source, ["applicant.birthDate"]);
  if (birthDate > on)
    return unknown(
      MINIMUM_AGE_ID,
      rule.source,
      ["applicant.birthDate"],
      `birth date ${birthDate} is after the check date ${on}: the record is wrong`,
    );
  const age = ageOn(birthDate, on);
  return age >= rule.value
    ? met(MINIMUM_AGE_ID, rule.source, `applicant is ${age} on ${on}; the minimum is ${rule.value}`)
    : notMet(
        MINIMUM_AGE_ID,
        rule.source,
        `applicant is ${age} on ${on}; the minimum is ${rule.value}`,
        `the applicant reaches ${rule.value} on ${dateOfAge(birthDate, rule.value)}`,
      );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const MINIMUM_AGE_RULE = catalogueEntry(
  MINIMUM_AGE_ID,
  "Minimum age",
  "The applicant must be at least 21 for a state or temporary state permit or a handgun eligibility certificate, and at least 18 for a long gun eligibility certificate or an ammunition certificate, on the day of the decision. A person born on 29 February turns a year older on 1 March in common years.",
  allVersions(MINIMUM_AGE),
);
