/**
 * One temporary state permit application in any 12 months, and the applicant's statement
 * that there was no other.
 *
 * OLR analysis of PA 13-3, §§ 57-58 (effective October 1, 2013): "The bill prohibits anyone
 * from applying for a temporary state gun permit more than once in any 12-month period, and
 * prohibits such a permit from being issued to someone who has previously applied within the
 * previous 12 months. The bill requires anyone who applies for a temporary permit to indicate
 * on the application, under penalty of false statement in the manner the issuing authority
 * prescribes, that the person has not applied for a temporary state permit within the past
 * 12 months."
 *
 * Two rules: the statement on the application (`temporaryPermitAttestation`) and the bar
 * itself, checked against the records of earlier applications (`noRecentTemporaryPermitApplication`).
 * Before 1 October 2013 neither exists: both findings are "not-applicable".
 */
import { type PlainDate, addMonths } from "../../core/dates.ts";
import { type Dated, type Finding, inForce, met, notApplicable, notMet, pa133, unknown } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import { CREDENTIALS_MODELLED_FROM, NEW_CRITERIA_FROM } from "./kinds.ts";
import { catalogueEntry } from "../../core/questions.ts";

export const TEMPORARY_PERMIT_ATTESTATION_ID = "credentials.temporary-permit-attestation";
export const NO_RECENT_TEMPORARY_APPLICATION_ID = "credentials.no-recent-temporary-permit-application";

const NOT_YET = pa133("§§ 57-58", { cgs: "CGS § 29-28(b)", text: "EFFECTIVE DATE: October 1, 2013" });

/** Months in which only one temporary state permit application is allowed; null while the rule did not exist. */
export const APPLICATION_LIMIT_MONTHS: readonly Dated<number | null>[] = [
  { from: CREDENTIALS_MODELLED_FROM, until: NEW_CRITERIA_FROM, value: null, source: NOT_YET },
  {
    from: NEW_CRITERIA_FROM,
    value: 12,
    source: pa133("§§ 57-58", {
      cgs: "CGS § 29-28(b)",
      text: "prohibits anyone from applying for a temporary state gun permit more than once in any 12-month period, and prohibits such a permit from being issued to someone who has previously applied within the previous 12 months",
    }),
  },
];

export const ATTESTATION_REQUIRED: readonly Dated<boolean>[] = [
  { from: CREDENTIALS_MODELLED_FROM, until: NEW_CRITERIA_FROM, value: false, source: NOT_YET },
  {
    from: NEW_CRITERIA_FROM,
    value: true,
    source: pa133("§§ 57-58", {
      cgs: "CGS § 29-28(b)",
      text: "anyone who applies for a temporary permit [must] indicate on the application, under penalty of false statement ..., that the person has not applied for a temporary state permit within the past 12 months",
    }),
  },
];

/** Temporary state permit, from 2013-10-01: the application states, under penalty of false statement, that no other was made in the past 12 months. */
export function temporaryPermitAttestation(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(ATTESTATION_REQUIRED, on, TEMPORARY_PERMIT_ATTESTATION_ID);
  if (!rule.value)
    return notApplicable(
      TEMPORARY_PERMIT_ATTESTATION_ID,
      rule.source,
      `the statement is required only for applications on or after ${NEW_CRITERIA_FROM}`,
    );
  const attested = facts.attestedNoTemporaryPermitApplicationIn12Months;
  if (attested === undefined)
    return unknown(TEMPORARY_PERMIT_ATTESTATION_ID, rule.source, ["attestedNoTemporaryPermitApplicationIn12Months"]);
  return attested
    ? met(
        TEMPORARY_PERMIT_ATTESTATION_ID,
        rule.source,
        "the applicant stated that no temporary state permit application was made in the past 12 months",
      )
    : notMet(
        TEMPORARY_PERMIT_ATTESTATION_ID,
        rule.source,
        "the applicant did not state that no temporary state permit application was made in the past 12 months",
        "complete the statement on the application form",
      );
}

/**
 * Temporary state permit, from 2013-10-01: no earlier application within the previous 12 months.
 *
 * QUESTION(legal): "more than once in any 12-month period" / "within the previous 12 months".
 * Reading chosen: an earlier application bars a new one until the same calendar day 12 months
 * later (an application on 2013-10-01 bars applications up to 2014-09-30; one on 2014-10-01 is
 * allowed). An application dated on the check date itself is taken to be the one being decided.
 *
 * QUESTION(legal): an application made before 1 October 2013 still counts for an application on or
 * after that day (one on 2013-09-15 bars a permit on 2013-10-15): the bar on issuing "to someone
 * who has previously applied within the previous 12 months" looks back from the new application,
 * whatever the date of the earlier one.
 *
 * QUESTION(legal): when no records of earlier applications are supplied, the applicant's own
 * statement under penalty of false statement is taken as sufficient proof (the Act makes that
 * statement the check). When records show an earlier application within 12 months and the
 * applicant stated there was none, the facts conflict: "unknown", for a person to resolve.
 */
export function noRecentTemporaryPermitApplication(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(APPLICATION_LIMIT_MONTHS, on, NO_RECENT_TEMPORARY_APPLICATION_ID);
  const months = rule.value;
  if (months === null)
    return notApplicable(
      NO_RECENT_TEMPORARY_APPLICATION_ID,
      rule.source,
      `the one-application-in-12-months limit applies only on or after ${NEW_CRITERIA_FROM}`,
    );
  const attested = facts.attestedNoTemporaryPermitApplicationIn12Months;
  const dates = facts.priorTemporaryPermitApplicationDates;
  if (dates === undefined) {
    return attested === true
      ? met(
          NO_RECENT_TEMPORARY_APPLICATION_ID,
          rule.source,
          "no records of earlier applications were supplied; the applicant's statement that there was none stands",
        )
      : unknown(
          NO_RECENT_TEMPORARY_APPLICATION_ID,
          rule.source,
          ["priorTemporaryPermitApplicationDates"],
          "no records of earlier applications and no statement from the applicant",
        );
  }
  const windowStart = addMonths(on, -months); // exclusive
  const recent = dates.filter((d) => d > windowStart && d < on).sort();
  if (recent.length === 0)
    return met(
      NO_RECENT_TEMPORARY_APPLICATION_ID,
      rule.source,
      `no earlier application after ${windowStart} in the records`,
    );
  const last = recent[recent.length - 1]!;
  if (attested === true) {
    return unknown(
      NO_RECENT_TEMPORARY_APPLICATION_ID,
      rule.source,
      ["attestedNoTemporaryPermitApplicationIn12Months", "priorTemporaryPermitApplicationDates"],
      `records show an application on ${last}, but the applicant stated there was none in the past 12 months: the facts conflict`,
    );
  }
  return notMet(
    NO_RECENT_TEMPORARY_APPLICATION_ID,
    rule.source,
    `an earlier temporary state permit application was made on ${last}, within the previous ${months} months`,
    `a new application may be made on or after ${addMonths(last, months)}`,
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const TEMPORARY_PERMIT_ATTESTATION_RULE = catalogueEntry(
  TEMPORARY_PERMIT_ATTESTATION_ID,
  "Statement of no other application in 12 months (temporary state permit)",
  "From 1 October 2013 the applicant must state on the application, under penalty of false statement, that he or she has not applied for a temporary state permit within the past 12 months.",
  ATTESTATION_REQUIRED,
);

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const NO_RECENT_TEMPORARY_APPLICATION_RULE = catalogueEntry(
  NO_RECENT_TEMPORARY_APPLICATION_ID,
  "One temporary state permit application in 12 months",
  "From 1 October 2013 no one may apply for a temporary state permit more than once in any 12-month period, and the permit is not issued to someone who applied within the previous 12 months. If the records show an earlier application but the applicant said there was none, a person must review the case.",
  APPLICATION_LIMIT_MONTHS,
);
