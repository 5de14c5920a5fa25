/**
 * Federal firearm prohibitors (18 U.S.C. 922(g) and (n)).
 *
 * OLR analysis of PA 13-3, §§ 44-45 (the same bar, for possession): a person who "is
 * prohibited by federal law from having or transporting a firearm". Existing law bars permits
 * and handgun eligibility certificates to anyone "prohibited from shipping, transporting,
 * possessing or receiving a firearm pursuant to 18 USC 922(g)(4)" (the federal mental health
 * prohibitor, CGS § 29-28(b)(8), § 29-36f(b)); the long gun eligibility certificate copies that
 * list (§§ 2-7) and the ammunition certificate follows it (§§ 14-17).
 *
 * QUESTION(legal): the Connecticut lists name only 922(g)(4). Reading chosen: every federal
 * prohibitor under 922(g) or 922(n) disqualifies, because such a person may not lawfully
 * receive or possess firearms or ammunition at all (and possessing them is a state crime under
 * §§ 44-45), and the national background check each credential requires would deny him or her.
 * A federal-prohibitor event without a category still disqualifies; one dated after the check
 * date is ignored.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Dated, type Finding, cite, inForce, pa133 } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import { CREDENTIALS_MODELLED_FROM, type CredentialKind, perCredential, modelledVersions } from "./kinds.ts";
import {
  type EventResult,
  clear,
  disqualifies,
  eventsOfKind,
  isAfterCheckDate,
  recordFinding,
} from "./record-search.ts";
import { catalogueEntry } from "../../core/questions.ts";

export const FEDERAL_PROHIBITOR_ID = "credentials.federal-prohibitor";

const EXISTING =
  "is prohibited from shipping, transporting, possessing or receiving a firearm pursuant to 18 USC 922(g)(4) (existing law)";

export const FEDERAL_PROHIBITOR_SOURCE: Record<CredentialKind, Citation> = perCredential({
  permit: cite("CGS", "§ 29-28(b)", { cgs: "CGS § 29-28(b)(8)", text: EXISTING }),
  handgunCertificate: cite("CGS", "§ 29-36f(b)", { cgs: "CGS § 29-36f(b)", text: EXISTING }),
  longGunCertificate: pa133("§§ 2-7", { cgs: "CGS § 29-37p(b)", text: "applicants must complete background checks" }),
  ammunitionCertificate: pa133("§§ 14-17", {
    cgs: "CGS § 29-38n(b)",
    text: "that the person would be ineligible to be issued a long gun eligibility certificate",
  }),
});

const VERSIONS = (source: Citation): readonly Dated<true>[] => [
  { from: CREDENTIALS_MODELLED_FROM, value: true, source },
];

/** Not prohibited by federal law (18 U.S.C. 922(g) or (n)) from receiving or possessing firearms. */
export function federalProhibitor(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(VERSIONS(FEDERAL_PROHIBITOR_SOURCE[facts.credential]), on, FEDERAL_PROHIBITOR_ID);
  const results = eventsOfKind(facts, ["federal-prohibitor"]).map(({ event, index }): EventResult => {
    const what = `federal prohibitor${event.category ? ` (18 U.S.C. ${event.category})` : ""}`;
    if (isAfterCheckDate(event.date, on)) return clear(index, `${what} dated ${event.date}, after the check date`);
    return disqualifies(index, `${what}${event.date ? ` since ${event.date}` : ""}`);
  });
  return recordFinding(FEDERAL_PROHIBITOR_ID, rule.source, facts, results, "federal prohibitor");
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const FEDERAL_PROHIBITOR_RULE = catalogueEntry(
  FEDERAL_PROHIBITOR_ID,
  "No federal prohibitor",
  "A person whom federal law (18 U.S.C. 922(g) or (n)) prohibits from receiving or possessing firearms cannot get any credential.",
  modelledVersions(FEDERAL_PROHIBITOR_SOURCE),
);
