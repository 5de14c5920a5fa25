/**
 * Voluntary admission to a psychiatric hospital.
 *
 * OLR analysis of PA 13-3, §§ 8, 10-11, 57-58: "The bill also makes ineligible any person who
 * voluntarily admitted himself or herself to a psychiatric hospital, on or after October 1,
 * 2013, during the preceding six months. But someone is not ineligible solely due to alcohol or
 * drug treatment." Effective October 1, 2013. The same prohibitions apply to the long gun
 * eligibility certificate, and through it to the ammunition certificate.
 *
 * Two exceptions, each its own function below: admissions before 1 October 2013 do not count,
 * and an admission solely for alcohol or drug dependence does not count.
 * Before 1 October 2013 the rule does not exist: the finding is "not-applicable".
 * Window: the six months ending on the check date, both ends included (core `withinMonthsBefore`).
 */
import { type PlainDate, addMonths, withinMonthsBefore } from "../../core/dates.ts";
import { type Dated, type Finding, inForce, notApplicable, pa133 } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import { CREDENTIALS_MODELLED_FROM, NEW_CRITERIA_FROM } from "./kinds.ts";
import {
  type EventOf,
  type EventResult,
  clear,
  disqualifies,
  eventPath,
  eventsOfKind,
  isAfterCheckDate,
  recordFinding,
  unclear,
} from "./record-search.ts";
import { catalogueEntry } from "../../core/questions.ts";

export const VOLUNTARY_ADMISSION_ID = "credentials.voluntary-admission";
export const ADMISSIONS_FROM_ID = "credentials.voluntary-admission-from-2013-10-01";
export const ALCOHOL_DRUG_EXCEPTION_ID = "credentials.voluntary-admission-alcohol-drug-exception";

/** Look-back window in months; null while the rule did not exist. */
export const VOLUNTARY_ADMISSION_LOOKBACK_MONTHS: readonly Dated<number | null>[] = [
  {
    from: CREDENTIALS_MODELLED_FROM,
    until: NEW_CRITERIA_FROM,
    value: null,
    source: pa133("§§ 8, 10-11, 57-58", {
      text: "the provisions changing the eligibility criteria for gun permits and eligibility certificates ... are effective October 1, 2013",
    }),
  },
  {
    from: NEW_CRITERIA_FROM,
    value: 6,
    source: pa133("§§ 8, 10-11, 57-58", {
      cgs: "CGS §§ 29-28(b), 29-36f(b), 29-37p(b)",
      text: "The bill also makes ineligible any person who voluntarily admitted himself or herself to a psychiatric hospital, on or after October 1, 2013, during the preceding six months.",
    }),
  },
];

export const ADMISSIONS_COUNTED_FROM: readonly Dated<string>[] = [
  {
    from: NEW_CRITERIA_FROM,
    value: NEW_CRITERIA_FROM,
    source: pa133("§§ 8, 10-11, 57-58", {
      text: "voluntarily admitted himself or herself to a psychiatric hospital, on or after October 1, 2013",
    }),
  },
];

export const ALCOHOL_DRUG_EXCEPTION: readonly Dated<true>[] = [
  {
    from: NEW_CRITERIA_FROM,
    value: true,
    source: pa133("§§ 8, 10-11, 57-58", {
      cgs: "CGS §§ 29-28(b), 29-36f(b), 29-37p(b)",
      text: "But someone is not ineligible solely due to alcohol or drug treatment.",
    }),
  },
];

/** Exception: an admission before 1 October 2013 does not count. Returns a result only when it applies. */
export function admissionBeforeEffectiveDate(
  { event, index }: EventOf<"voluntary-admission">,
  on: PlainDate,
): EventResult | null {
  const from = inForce(ADMISSIONS_COUNTED_FROM, on, ADMISSIONS_FROM_ID).value;
  return event.date !== undefined && event.date < from
    ? clear(index, `admitted on ${event.date}, before ${from}: admissions before then do not count`)
    : null;
}

/** Exception: an admission solely for alcohol or drug dependence does not count. Unknown when that is not recorded. */
export function alcoholOrDrugException(
  { event, index }: EventOf<"voluntary-admission">,
  on: PlainDate,
): EventResult | null {
  inForce(ALCOHOL_DRUG_EXCEPTION, on, ALCOHOL_DRUG_EXCEPTION_ID);
  if (event.solelyAlcoholOrDrug === true)
    return clear(index, `admitted on ${event.date} solely for alcohol or drug dependence: does not count`);
  if (event.solelyAlcoholOrDrug === undefined)
    return unclear(
      index,
      [eventPath(index, "solelyAlcoholOrDrug")],
      `admitted on ${event.date}: whether solely for alcohol or drug dependence is not known`,
    );
  return null;
}

/** From 2013-10-01: no voluntary psychiatric admission (on or after 2013-10-01, not solely alcohol/drug) within the past six months. */
export function voluntaryAdmission(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(VOLUNTARY_ADMISSION_LOOKBACK_MONTHS, on, VOLUNTARY_ADMISSION_ID);
  const months = rule.value;
  if (months === null)
    return notApplicable(
      VOLUNTARY_ADMISSION_ID,
      rule.source,
      `voluntary admissions disqualify only from ${NEW_CRITERIA_FROM}`,
    );
  const results = eventsOfKind(facts, ["voluntary-admission"]).map((e): EventResult => {
    const { event, index } = e;
    if (!event.date) return unclear(index, [eventPath(index, "date")], "voluntary admission, date not known");
    if (isAfterCheckDate(event.date, on)) return clear(index, `admission dated ${event.date}, after the check date`);
    const early = admissionBeforeEffectiveDate(e, on);
    if (early) return early;
    if (!withinMonthsBefore(event.date, on, months))
      return clear(index, `admitted on ${event.date}, more than ${months} months before ${on}`);
    return (
      alcoholOrDrugException(e, on) ??
      disqualifies(
        index,
        `voluntarily admitted on ${event.date}, within the ${months} months before ${on} (disqualifying through ${addMonths(event.date, months)})`,
      )
    );
  });
  return recordFinding(
    VOLUNTARY_ADMISSION_ID,
    rule.source,
    facts,
    results,
    `counted voluntary admission within ${months} months`,
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const VOLUNTARY_ADMISSION_RULE = catalogueEntry(
  VOLUNTARY_ADMISSION_ID,
  "No recent voluntary psychiatric admission",
  "From 1 October 2013, a voluntary admission to a psychiatric hospital within the past six months bars every credential.",
  VOLUNTARY_ADMISSION_LOOKBACK_MONTHS,
);

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const ADMISSIONS_FROM_RULE = catalogueEntry(
  ADMISSIONS_FROM_ID,
  "Exception: admissions before 1 October 2013",
  "Voluntary admissions before 1 October 2013 do not count.",
  ADMISSIONS_COUNTED_FROM,
);

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const ALCOHOL_DRUG_EXCEPTION_RULE = catalogueEntry(
  ALCOHOL_DRUG_EXCEPTION_ID,
  "Exception: admission solely for alcohol or drug treatment",
  "A voluntary admission solely for being an alcohol- or drug-dependent person does not count.",
  ALCOHOL_DRUG_EXCEPTION,
);
