/**
 * Conviction of one of the listed misdemeanors.
 *
 * OLR analysis of PA 13-3, §§ 2-7: "applicants are ineligible for various reasons, including
 * convictions for a felony or specified misdemeanors". §§ 44-45 name the misdemeanors: "(1) a
 * first offense of possessing a controlled substance other than a narcotic, a hallucinogen, or
 * between .5 and four ounces of marijuana ...; (2) the following class A misdemeanors:
 * criminally negligent homicide; 3rd degree assault; 3rd degree assault of an elderly, blind,
 * disabled, pregnant, or intellectually disabled person; 2nd degree threatening; 1st degree
 * reckless endangerment; 2nd degree unlawful restraint; 1st degree riot; inciting to riot; and
 * 2nd degree stalking; and (3) the class B misdemeanor of 2nd degree riot."
 *
 * QUESTION(legal): the analysis names the offences but not their statute numbers, and lists
 * them under the possession crimes (§§ 44-45). We read the credential list as the same list and
 * take the numbers from CGS § 29-28(b)(2) (the permit disqualifiers, mirrored in §§ 29-36f and
 * 29-37p): 21a-279(c), 53a-58, 53a-61, 53a-61a, 53a-62, 53a-63, 53a-96, 53a-175, 53a-176,
 * 53a-178 and 53a-181d. Only Connecticut statutes are listed; a conviction under another
 * jurisdiction's law is not matched here (a felony still counts under the felony rule).
 *
 * Exception for the ammunition certificate (its own function below), §§ 14-17: "if the person
 * would be ineligible for that certificate due to certain criminal convictions, the person is
 * ineligible for the ammunition certificate only for violations committed on or after July 1, 2013."
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Dated, type Finding, cite, inForce, pa133 } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import { CREDENTIALS_MODELLED_FROM, type CredentialKind, forEachCredential, perCredential } from "./kinds.ts";
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
import { catalogueEntry, allVersions } from "../../core/questions.ts";

export const LISTED_MISDEMEANOR_ID = "credentials.listed-misdemeanor-conviction";
export const AMMUNITION_MISDEMEANOR_DATE_LIMIT_ID = "credentials.ammunition-misdemeanor-date-limit";

/** The listed misdemeanors, by Connecticut statute number. */
export const LISTED_MISDEMEANORS: Readonly<Record<string, string>> = {
  "21a-279(c)":
    "possession of a controlled substance other than a narcotic or hallucinogen, or of less than four ounces of marijuana (first offense)",
  "53a-58": "criminally negligent homicide",
  "53a-61": "assault in the third degree",
  "53a-61a": "assault of an elderly, blind, disabled, pregnant or intellectually disabled person in the third degree",
  "53a-62": "threatening in the second degree",
  "53a-63": "reckless endangerment in the first degree",
  "53a-96": "unlawful restraint in the second degree",
  "53a-175": "riot in the first degree",
  "53a-176": "riot in the second degree",
  "53a-178": "inciting to riot",
  "53a-181d": "stalking in the second degree",
};

const ANALYSIS_TEXT =
  "applicants are ineligible for various reasons, including convictions for a felony or specified misdemeanors";

export const LISTED_MISDEMEANOR_SOURCE: Record<CredentialKind, Citation> = perCredential({
  permit: cite("CGS", "§ 29-28(b)", {
    cgs: "CGS § 29-28(b)(2)",
    text: "convicted of a felony or of a violation of subsection (c) of section 21a-279 or section 53a-58, 53a-61, 53a-61a, 53a-62, 53a-63, 53a-96, 53a-175, 53a-176, 53a-178 or 53a-181d (existing law)",
  }),
  handgunCertificate: cite("CGS", "§ 29-36f(b)", {
    cgs: "CGS § 29-36f(b)",
    text: "the same listed misdemeanors as for permits (existing law)",
  }),
  longGunCertificate: pa133("§§ 2-7", { cgs: "CGS § 29-37p(b)", text: ANALYSIS_TEXT }),
  ammunitionCertificate: pa133("§§ 14-17", {
    cgs: "CGS § 29-38n(b)",
    text: "the commissioner must issue the certificate unless he determines, based on the results, that the person would be ineligible to be issued a long gun eligibility certificate",
  }),
});

export const LISTED_MISDEMEANOR_RULE: Record<CredentialKind, readonly Dated<Readonly<Record<string, string>>>[]> =
  forEachCredential((k) => [
    { from: CREDENTIALS_MODELLED_FROM, value: LISTED_MISDEMEANORS, source: LISTED_MISDEMEANOR_SOURCE[k] },
  ]);

/** The first day of violations that count against an ammunition certificate applicant. */
export const AMMUNITION_MISDEMEANOR_DATE_LIMIT: readonly Dated<string>[] = [
  {
    from: CREDENTIALS_MODELLED_FROM,
    value: "2013-07-01",
    source: pa133("§§ 14-17", {
      cgs: "CGS § 29-38n(b)",
      text: "if the person would be ineligible for that certificate due to certain criminal convictions, the person is ineligible for the ammunition certificate only for violations committed on or after July 1, 2013",
    }),
  },
];

/**
 * How a statute reference reads against the list: "listed", "not-listed", or "ambiguous" when
 * only "21a-279" is given (only its subsection (c) is listed; (a) and (b) are felonies).
 * Accepts "53a-61", "CGS § 53a-61(a)(1)", "Sec. 21a-279(c)" and the like.
 */
export function classifyStatute(statute: string): "listed" | "not-listed" | "ambiguous" {
  const s = statute.toLowerCase().replace(/c\.?g\.?s\.?|§|sec(tion)?\.?|\s/g, "");
  const m = /^(\d+[a-z]?-\d+[a-z]*)((?:\([a-z0-9]+\))*)$/.exec(s);
  if (!m) return "not-listed";
  const base = m[1]!,
    subsections = m[2]!;
  if (base === "21a-279")
    return subsections === "" ? "ambiguous" : subsections.startsWith("(c)") ? "listed" : "not-listed";
  return base in LISTED_MISDEMEANORS ? "listed" : "not-listed";
}

/**
 * Exception, ammunition certificate only: a listed-misdemeanor conviction counts only if the
 * violation was committed on or after 1 July 2013.
 *
 * QUESTION(legal): the analysis says "certain criminal convictions". Reading chosen (from
 * CGS § 29-38n(b), which limits the exception to the misdemeanors listed in § 29-37p(b)(2)(B)):
 * the date limit applies to the listed misdemeanors only; a felony disqualifies whenever
 * committed. The date that matters is the date the violation was committed, not the conviction.
 */
export function ammunitionMisdemeanorDateLimit(
  { event, index }: EventOf<"conviction">,
  on: PlainDate,
  offence: string,
): EventResult {
  const limit = inForce(AMMUNITION_MISDEMEANOR_DATE_LIMIT, on, AMMUNITION_MISDEMEANOR_DATE_LIMIT_ID).value;
  if (!event.offenseDate)
    return unclear(
      index,
      [eventPath(index, "offenseDate")],
      `${offence}: for an ammunition certificate only violations committed on or after ${limit} count, and the violation date is not known`,
    );
  return event.offenseDate < limit
    ? clear(
        index,
        `${offence} committed on ${event.offenseDate}, before ${limit}: does not count for an ammunition certificate`,
      )
    : disqualifies(index, `${offence} committed on ${event.offenseDate}`);
}

/** No conviction of a listed misdemeanor (for the ammunition certificate, of one committed on or after 2013-07-01). */
export function listedMisdemeanorConviction(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(LISTED_MISDEMEANOR_RULE[facts.credential], on, LISTED_MISDEMEANOR_ID);
  const results = eventsOfKind(facts, ["conviction"])
    .filter(({ event }) => event.juvenile !== true) // delinquency adjudications: see serious-juvenile-offense.ts
    .map((e): EventResult => {
      const { event, index } = e;
      if (isAfterCheckDate(event.convictionDate, on))
        return clear(index, `conviction dated ${event.convictionDate}, after the check date`);
      if (event.statute === undefined) {
        return event.felony === true
          ? clear(index, "a felony conviction (see the felony rule)")
          : unclear(
              index,
              [eventPath(index, "statute")],
              "conviction without a statute: it may be one of the listed misdemeanors",
            );
      }
      const kind = classifyStatute(event.statute);
      if (kind === "not-listed") return clear(index, `${event.statute} is not a listed misdemeanor`);
      if (kind === "ambiguous") {
        return event.felony === true
          ? clear(index, `${event.statute}: a felony (see the felony rule)`)
          : unclear(
              index,
              [eventPath(index, "statute")],
              `${event.statute}: only subsection (c) is listed and the subsection is not given`,
            );
      }
      const offence = `conviction under ${event.statute}`;
      if (facts.credential === "ammunition-certificate") return ammunitionMisdemeanorDateLimit(e, on, offence);
      return disqualifies(index, `${offence}, a listed misdemeanor`);
    });
  return recordFinding(LISTED_MISDEMEANOR_ID, rule.source, facts, results, "listed misdemeanor conviction");
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const LISTED_MISDEMEANOR_CATALOGUE_RULE = catalogueEntry(
  LISTED_MISDEMEANOR_ID,
  "No conviction of a listed misdemeanor",
  `A conviction under any of these Connecticut statutes bars every credential: ${Object.entries(LISTED_MISDEMEANORS)
    .map(([s, name]) => `${s} (${name})`)
    .join("; ")}.`,
  allVersions(LISTED_MISDEMEANOR_RULE),
);

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const AMMUNITION_MISDEMEANOR_DATE_LIMIT_RULE = catalogueEntry(
  AMMUNITION_MISDEMEANOR_DATE_LIMIT_ID,
  "Exception: ammunition certificate and older misdemeanors",
  "For an ammunition certificate, a listed-misdemeanor conviction counts only if the violation was committed on or after 1 July 2013. Felonies count whenever committed.",
  AMMUNITION_MISDEMEANOR_DATE_LIMIT,
);
