/**
 * Discharge from custody after a finding of not guilty by reason of mental disease or defect.
 *
 * OLR analysis of PA 13-3, §§ 44-45, describing the same bar for possession: a person who
 * "has been discharged from custody within the past 20 years after being found not guilty of a
 * crime due to mental disease or defect". Existing law bars permits and handgun eligibility
 * certificates on the same ground (CGS § 29-28(b)(4): "discharged from custody within the
 * preceding twenty years after having been found not guilty of a crime by reason of mental
 * disease or defect pursuant to section 53a-13"); the long gun eligibility certificate copies
 * it ("certain mental health history", §§ 2-7), and the ammunition certificate follows the long
 * gun certificate (§§ 14-17).
 *
 * Window: the 20 years ending on the check date, both ends included (core `withinYearsBefore`).
 */
import { type PlainDate, addYears, withinYearsBefore } from "../../core/dates.ts";
import { type Citation, type Dated, type Finding, cite, inForce, pa133 } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import { CREDENTIALS_MODELLED_FROM, type CredentialKind, forEachCredential, perCredential } from "./kinds.ts";
import {
  type EventResult,
  clear,
  disqualifies,
  eventPath,
  eventsOfKind,
  isAfterCheckDate,
  recordFinding,
  unclear,
} from "./record-search.ts";
import { catalogueEntry, allVersions } from "../../core/questions.ts";

export const NGRI_DISCHARGE_ID = "credentials.ngri-discharge";

export const NGRI_DISCHARGE_SOURCE: Record<CredentialKind, Citation> = perCredential({
  permit: cite("CGS", "§ 29-28(b)", {
    cgs: "CGS § 29-28(b)(4)",
    text: "discharged from custody within the preceding twenty years after having been found not guilty of a crime by reason of mental disease or defect (existing law)",
  }),
  handgunCertificate: cite("CGS", "§ 29-36f(b)", {
    cgs: "CGS § 29-36f(b)",
    text: "discharged from custody within the preceding twenty years after having been found not guilty of a crime by reason of mental disease or defect (existing law)",
  }),
  longGunCertificate: pa133("§§ 2-7", {
    cgs: "CGS § 29-37p(b)",
    text: "applicants are ineligible for various reasons, including ... certain mental health history",
  }),
  ammunitionCertificate: pa133("§§ 14-17", {
    cgs: "CGS § 29-38n(b)",
    text: "that the person would be ineligible to be issued a long gun eligibility certificate",
  }),
});

/** Look-back window in years, per credential. */
export const NGRI_LOOKBACK_YEARS: Record<CredentialKind, readonly Dated<number>[]> = forEachCredential((k) => [
  { from: CREDENTIALS_MODELLED_FROM, value: 20, source: NGRI_DISCHARGE_SOURCE[k] },
]);

/** No discharge from custody after a not-guilty-by-reason-of-mental-disease-or-defect finding within the past 20 years. */
export function ngriDischarge(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(NGRI_LOOKBACK_YEARS[facts.credential], on, NGRI_DISCHARGE_ID);
  const years = rule.value;
  const results = eventsOfKind(facts, ["ngri-discharge"]).map(({ event, index }): EventResult => {
    if (!event.date)
      return unclear(
        index,
        [eventPath(index, "date")],
        "discharge after a not-guilty-by-reason-of-mental-disease finding, date not known",
      );
    if (isAfterCheckDate(event.date, on)) return clear(index, `discharge dated ${event.date}, after the check date`);
    return withinYearsBefore(event.date, on, years)
      ? disqualifies(
          index,
          `discharged on ${event.date}, within the ${years} years before ${on} (disqualifying through ${addYears(event.date, years)})`,
        )
      : clear(index, `discharged on ${event.date}, more than ${years} years before ${on}`);
  });
  return recordFinding(
    NGRI_DISCHARGE_ID,
    rule.source,
    facts,
    results,
    "discharge after a not-guilty-by-reason-of-mental-disease finding within the window",
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const NGRI_DISCHARGE_RULE = catalogueEntry(
  NGRI_DISCHARGE_ID,
  "No recent discharge after a not-guilty-by-reason-of-insanity finding",
  "Being discharged from custody within the past 20 years after being found not guilty of a crime by reason of mental disease or defect bars every credential.",
  allVersions(NGRI_LOOKBACK_YEARS),
);
