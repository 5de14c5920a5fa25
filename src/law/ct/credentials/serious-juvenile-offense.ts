/**
 * Delinquency adjudication for a serious juvenile offense.
 *
 * The OLR analysis mentions this bar only under the possession crimes (§§ 44-45: a person
 * commits criminal possession who "has a prior felony conviction or conviction for a serious
 * juvenile offense"). Existing law bars permits and handgun eligibility certificates to anyone
 * "convicted as delinquent for the commission of a serious juvenile offense" (CGS § 29-28(b)(3),
 * § 29-36f(b)), and the long gun eligibility certificate copies that list (§§ 2-7: "substantially
 * similar to the provisions for handgun eligibility certificates").
 *
 * QUESTION(legal): reading chosen: the bar applies to all five credentials, the ammunition
 * certificate included (through "would be ineligible to be issued a long gun eligibility
 * certificate"), with no look-back window and no 1 July 2013 date limit (that limit covers the
 * listed misdemeanors only). Whether an adjudication was for a serious juvenile offense
 * (CGS § 46b-120) is a fact (`seriousJuvenileOffense`); when it is not given the finding is unknown.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Dated, type Finding, cite, inForce, pa133 } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import { CREDENTIALS_MODELLED_FROM, type CredentialKind, perCredential, modelledVersions } from "./kinds.ts";
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
import { catalogueEntry } from "../../core/questions.ts";

export const SERIOUS_JUVENILE_OFFENSE_ID = "credentials.serious-juvenile-offense";

export const SERIOUS_JUVENILE_OFFENSE_SOURCE: Record<CredentialKind, Citation> = perCredential({
  permit: cite("CGS", "§ 29-28(b)", {
    cgs: "CGS § 29-28(b)(3)",
    text: "has been convicted as delinquent for the commission of a serious juvenile offense (existing law)",
  }),
  handgunCertificate: cite("CGS", "§ 29-36f(b)", {
    cgs: "CGS § 29-36f(b)",
    text: "has been convicted as delinquent for the commission of a serious juvenile offense (existing law)",
  }),
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

/** No delinquency adjudication for a serious juvenile offense. */
export function seriousJuvenileOffense(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(VERSIONS(SERIOUS_JUVENILE_OFFENSE_SOURCE[facts.credential]), on, SERIOUS_JUVENILE_OFFENSE_ID);
  const results = eventsOfKind(facts, ["conviction"])
    .filter(({ event }) => event.juvenile === true)
    .map(({ event, index }): EventResult => {
      if (isAfterCheckDate(event.convictionDate, on))
        return clear(index, `adjudication dated ${event.convictionDate}, after the check date`);
      if (event.seriousJuvenileOffense === true)
        return disqualifies(
          index,
          `adjudicated delinquent for a serious juvenile offense${event.statute ? ` (${event.statute})` : ""}`,
        );
      if (event.seriousJuvenileOffense === false)
        return clear(index, "juvenile adjudication, not for a serious juvenile offense");
      return unclear(
        index,
        [eventPath(index, "seriousJuvenileOffense")],
        "juvenile adjudication: whether it was for a serious juvenile offense is not known",
      );
    });
  return recordFinding(
    SERIOUS_JUVENILE_OFFENSE_ID,
    rule.source,
    facts,
    results,
    "serious juvenile offense adjudication",
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const SERIOUS_JUVENILE_OFFENSE_RULE = catalogueEntry(
  SERIOUS_JUVENILE_OFFENSE_ID,
  "No serious juvenile offense",
  "An adjudication as delinquent for a serious juvenile offense bars every credential.",
  modelledVersions(SERIOUS_JUVENILE_OFFENSE_SOURCE),
);
