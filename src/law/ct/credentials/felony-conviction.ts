/**
 * Conviction of a felony.
 *
 * OLR analysis of PA 13-3, §§ 2-7: "applicants are ineligible for various reasons, including
 * convictions for a felony or specified misdemeanors". Existing law for permits (CGS § 29-28(b))
 * and handgun eligibility certificates (CGS § 29-36f(b)) has the same bar. For the ammunition
 * certificate (§§ 14-17) the bar comes through "would be ineligible to be issued a long gun
 * eligibility certificate"; the 1 July 2013 date limit does not reach felonies (see
 * listed-misdemeanor-conviction.ts and the legal question noted there).
 *
 * There is no look-back window: a felony conviction disqualifies whenever it happened.
 * A conviction with `juvenile: true` is a delinquency adjudication, decided by the serious
 * juvenile offense rule instead.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Dated, type Finding, cite, inForce, pa133 } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import { CREDENTIALS_MODELLED_FROM, type CredentialKind, perCredential, modelledVersions } from "./kinds.ts";
import { classifyStatute } from "./listed-misdemeanor-conviction.ts";
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

export const FELONY_CONVICTION_ID = "credentials.felony-conviction";

const TEXT =
  "applicants are ineligible for various reasons, including convictions for a felony or specified misdemeanors";

export const FELONY_CONVICTION_SOURCE: Record<CredentialKind, Citation> = perCredential({
  permit: cite("CGS", "§ 29-28(b)", {
    cgs: "CGS § 29-28(b)(2)",
    text: "has been convicted of a felony (existing law)",
  }),
  handgunCertificate: cite("CGS", "§ 29-36f(b)", {
    cgs: "CGS § 29-36f(b)",
    text: "has been convicted of a felony (existing law)",
  }),
  longGunCertificate: pa133("§§ 2-7", { cgs: "CGS § 29-37p(b)", text: TEXT }),
  ammunitionCertificate: pa133("§§ 14-17", {
    cgs: "CGS § 29-38n(b)",
    text: "the commissioner must issue the certificate unless he determines, based on the results, that the person would be ineligible to be issued a long gun eligibility certificate",
  }),
});

const VERSIONS = (source: Citation): readonly Dated<true>[] => [
  { from: CREDENTIALS_MODELLED_FROM, value: true, source },
];

/** No felony conviction (adult, criminal court). */
export function felonyConviction(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(VERSIONS(FELONY_CONVICTION_SOURCE[facts.credential]), on, FELONY_CONVICTION_ID);
  const results = eventsOfKind(facts, ["conviction"])
    .filter(({ event }) => event.juvenile !== true)
    .map(({ event, index }): EventResult => {
      const what = event.statute ? `conviction under ${event.statute}` : "conviction";
      if (isAfterCheckDate(event.convictionDate, on))
        return clear(index, `${what} dated ${event.convictionDate}, after the check date`);
      if (event.felony === true) {
        if (event.statute !== undefined && classifyStatute(event.statute) === "listed") {
          return unclear(
            index,
            [eventPath(index, "felony"), eventPath(index, "statute")],
            `${what} is recorded as a felony, but that statute is a listed misdemeanor: the record conflicts`,
          );
        }
        return disqualifies(index, `felony ${what}${event.convictionDate ? ` on ${event.convictionDate}` : ""}`);
      }
      if (event.felony === false) return clear(index, `${what} is not a felony`);
      if (event.statute !== undefined && classifyStatute(event.statute) === "listed")
        return clear(index, `${what}: a listed misdemeanor, not a felony`);
      return unclear(index, [eventPath(index, "felony")], `whether the ${what} is a felony is not known`);
    });
  return recordFinding(FELONY_CONVICTION_ID, rule.source, facts, results, "felony conviction");
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const FELONY_CONVICTION_RULE = catalogueEntry(
  FELONY_CONVICTION_ID,
  "No felony conviction",
  "A conviction for a felony, at any time, bars every credential. Juvenile delinquency adjudications are decided by the serious juvenile offense rule instead.",
  modelledVersions(FELONY_CONVICTION_SOURCE),
);
