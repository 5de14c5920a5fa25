/**
 * Confinement in a psychiatric hospital by order of a probate court.
 *
 * OLR analysis of PA 13-3, §§ 8, 10-11, 57-58: "Under current law, a person confined in a
 * psychiatric hospital by probate court order within the preceding 12 months of an application
 * is ineligible for a gun permit or eligibility certificate. The bill extends this period to
 * 60 months." "The same prohibitions also apply under the bill to the long gun eligibility
 * certificate." EFFECTIVE DATE: "the provisions changing the eligibility criteria for gun
 * permits and eligibility certificates ... are effective October 1, 2013".
 *
 * So: 12 months for checks from 1 July to 30 September 2013, 60 months from 1 October 2013,
 * counted back from the check date (the application), both ends included (core
 * `withinMonthsBefore`). The longer window reaches confinements that happened before
 * 1 October 2013: the text extends the look-back, it does not limit it to later confinements.
 *
 * QUESTION(legal): §§ 44-45 keep a 12-month window for the possession crime when "the person
 * has a valid permit or certificate in effect before October 1, 2013". Reading chosen: that
 * is a rule of the possession crime only; it does not shorten the window for applications
 * (renewals included), so every application from 1 October 2013 uses 60 months.
 */
import { type PlainDate, addMonths, withinMonthsBefore } from "../../core/dates.ts";
import { type Dated, type Finding, cite, inForce, pa133 } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import {
  CREDENTIALS_MODELLED_FROM,
  type CredentialKind,
  ELIGIBILITY_STATUTE,
  NEW_CRITERIA_FROM,
  forEachCredential,
} from "./kinds.ts";
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

export const PROBATE_COMMITMENT_ID = "credentials.probate-commitment";

function versionsFor(kind: CredentialKind): readonly Dated<number>[] {
  const cgs = ELIGIBILITY_STATUTE[kind];
  return [
    {
      from: CREDENTIALS_MODELLED_FROM,
      until: NEW_CRITERIA_FROM,
      value: 12,
      source:
        kind === "long-gun-eligibility-certificate" || kind === "ammunition-certificate"
          ? pa133(kind === "ammunition-certificate" ? "§§ 14-17" : "§§ 2-7", {
              cgs,
              text: "The same prohibitions also apply under the bill to the long gun eligibility certificate.",
            })
          : cite("CGS", cgs.replace("CGS ", ""), {
              cgs,
              text: "Under current law, a person confined in a psychiatric hospital by probate court order within the preceding 12 months of an application is ineligible for a gun permit or eligibility certificate.",
            }),
    },
    {
      from: NEW_CRITERIA_FROM,
      value: 60,
      source: pa133("§§ 8, 10-11, 57-58", { cgs, text: "The bill extends this period to 60 months." }),
    },
  ];
}

/** Look-back window in months, per credential: 12 until 2013-09-30, 60 from 2013-10-01. */
export const PROBATE_LOOKBACK_MONTHS: Record<CredentialKind, readonly Dated<number>[]> = forEachCredential(versionsFor);

/** No confinement by probate court order within the look-back window. */
export function probateCommitment(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(PROBATE_LOOKBACK_MONTHS[facts.credential], on, PROBATE_COMMITMENT_ID);
  const months = rule.value;
  const results = eventsOfKind(facts, ["probate-commitment"]).map(({ event, index }): EventResult => {
    if (!event.date)
      return unclear(index, [eventPath(index, "date")], "confinement by probate court order, date not known");
    if (isAfterCheckDate(event.date, on)) return clear(index, `confinement dated ${event.date}, after the check date`);
    return withinMonthsBefore(event.date, on, months)
      ? disqualifies(
          index,
          `confined by probate court order on ${event.date}, within the ${months} months before ${on} (disqualifying through ${addMonths(event.date, months)})`,
        )
      : clear(index, `confined by probate court order on ${event.date}, more than ${months} months before ${on}`);
  });
  return recordFinding(
    PROBATE_COMMITMENT_ID,
    rule.source,
    facts,
    results,
    `probate court commitment within ${months} months`,
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const PROBATE_COMMITMENT_RULE = catalogueEntry(
  PROBATE_COMMITMENT_ID,
  "No recent psychiatric commitment by a probate court",
  "Confinement in a psychiatric hospital by order of a probate court bars every credential for 12 months (applications up to 30 September 2013) or 60 months (from 1 October 2013), counted back from the day of the decision.",
  allVersions(PROBATE_LOOKBACK_MONTHS),
);
