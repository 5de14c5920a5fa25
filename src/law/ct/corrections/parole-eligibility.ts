/**
 * Question `parole-eligibility`: when does an inmate convicted of a violent
 * crime become eligible for parole, and how do risk reduction earned credits
 * count? Yes means eligible on the date asked.
 */
import { z } from "zod";
import { type PlainDate, addDays, addMonths, addYears, daysBetween } from "../../core/dates.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import type { Answer, Question } from "../../core/questions.ts";
import { type Finding, inForce, met, notMet, pa133, unknown } from "../../core/rules.ts";
import { CREDITS_SOURCE, EXCLUDED_OFFENSES, MAXIMUM_SOURCE, maximumReleaseOn } from "./risk-reduction-credits.ts";
import { VIOLENT_PAROLE, paroleEligibleOn } from "./violent-offender-parole.ts";

export const Term = z.object({
  years: z.number().int().min(0).optional(),
  months: z.number().int().min(0).optional(),
  days: z.number().int().min(0).optional(),
});
export type Term = z.infer<typeof Term>;

export const ParoleEligibilityFacts = z.object({
  violentOffense: z.boolean().optional().describe("convicted of a violent crime"),
  excludedOffense: z
    .boolean()
    .optional()
    .describe(
      `convicted of an offense that earns no credits: ${EXCLUDED_OFFENSES.map((o) => `${o.name} (CGS § ${o.statute})`).join(", ")}`,
    ),
  sentenceBeganOn: PlainDateSchema.optional(),
  sentence: Term.optional().describe("the definite (or aggregate) sentence"),
  creditDays: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("risk reduction earned credits held, in days (net of any lost)"),
  mandatoryMinimum: Term.optional().describe("the mandatory minimum term within the sentence, if any"),
});
export type ParoleEligibilityFacts = z.infer<typeof ParoleEligibilityFacts>;

export interface ParoleEligibilityResult {
  fullTermEndsOn: PlainDate | null;
  maximumReleaseOn: PlainDate | null;
  paroleEligibleOn: PlainDate | null;
  creditsAdvanceParole: boolean | null;
}

/**
 * The day a term ends: the start plus its years, then months, then days.
 *
 * QUESTION(legal): a term of years begun on 29 February ends on 28 February in
 * a common year (core addYears), e.g. two years from 2016-02-29 end on
 * 2018-02-28. How the Department of Correction reckons such terms is for a
 * lawyer to confirm.
 */
export function endOfTerm(start: PlainDate, t: Term): PlainDate {
  return addDays(addMonths(addYears(start, t.years ?? 0), t.months ?? 0), t.days ?? 0);
}

const ID = "corrections.parole-eligibility";
const NOT_STATED = pa133("§ 59", {
  cgs: "CGS § 54-125a",
  text: "inmates convicted of violent crimes ... serve 85% of their sentences before being eligible for parole",
});

export function decideParoleEligibility(facts: ParoleEligibilityFacts, on: PlainDate): Answer<ParoleEligibilityResult> {
  const rule = inForce(VIOLENT_PAROLE, on, ID);
  const empty: ParoleEligibilityResult = {
    fullTermEndsOn: null,
    maximumReleaseOn: null,
    paroleEligibleOn: null,
    creditsAdvanceParole: null,
  };
  const findings: Finding[] = [];
  const missing = [
    ...(facts.sentenceBeganOn ? [] : ["sentenceBeganOn"]),
    ...(facts.sentence ? [] : ["sentence"]),
    ...(facts.excludedOffense === undefined ? ["excludedOffense"] : []),
    ...(facts.excludedOffense === false && facts.creditDays === undefined ? ["creditDays"] : []),
  ];

  // who may earn credits
  const creditsFinding =
    facts.excludedOffense === true
      ? notMet(
          "corrections.risk-reduction-credits",
          CREDITS_SOURCE,
          "convicted of an offense that earns no risk reduction credits",
        )
      : facts.excludedOffense === false
        ? met(
            "corrections.risk-reduction-credits",
            CREDITS_SOURCE,
            `may earn credits; ${facts.creditDays ?? "unknown"} day(s) held`,
          )
        : unknown("corrections.risk-reduction-credits", CREDITS_SOURCE, ["excludedOffense"]);
  findings.push(creditsFinding);

  let result = empty;
  if (
    facts.sentenceBeganOn &&
    facts.sentence &&
    facts.excludedOffense !== undefined &&
    (facts.excludedOffense || facts.creditDays !== undefined)
  ) {
    const full = endOfTerm(facts.sentenceBeganOn, facts.sentence);
    const credits = facts.excludedOffense ? 0 : facts.creditDays!;
    const mm = facts.mandatoryMinimum ? endOfTerm(facts.sentenceBeganOn, facts.mandatoryMinimum) : undefined;
    result = {
      ...empty,
      fullTermEndsOn: full,
      maximumReleaseOn: maximumReleaseOn({ fullTermEndsOn: full, creditDays: credits, mandatoryMinimumEndsOn: mm }),
    };
    findings.push(
      met(
        "corrections.maximum-reduced-by-credits",
        MAXIMUM_SOURCE,
        `${credits} credit day(s) bring the end of the sentence from ${full} to ${result.maximumReleaseOn}`,
      ),
    );
  }

  // the 85 % rule
  if (facts.violentOffense === false) {
    findings.push(
      unknown(
        ID,
        NOT_STATED,
        [],
        "not a violent offender: the analysis states no parole fraction for other inmates (not modelled)",
      ),
    );
    return { outcome: "unknown", result, findings };
  }
  if (facts.excludedOffense === true) {
    findings.push(
      unknown(
        ID,
        NOT_STATED,
        [],
        "parole eligibility for murder, capital felony, felony murder, arson murder, 1st degree aggravated sexual assault and home invasion is not stated in the analysis (not modelled)",
      ),
    );
    return { outcome: "unknown", result, findings };
  }
  if (facts.violentOffense === undefined || missing.length) {
    findings.push(
      unknown(ID, rule.source, [...(facts.violentOffense === undefined ? ["violentOffense"] : []), ...missing]),
    );
    return { outcome: "unknown", result, findings };
  }
  const termDays = daysBetween(facts.sentenceBeganOn!, result.fullTermEndsOn!);
  const base = rule.value.creditsReduceParoleBase ? termDays - facts.creditDays! : termDays;
  const eligible = paroleEligibleOn({
    sentenceBeganOn: facts.sentenceBeganOn!,
    baseTermDays: base,
    percent: rule.value.percent,
  });
  result = { ...result, paroleEligibleOn: eligible, creditsAdvanceParole: rule.value.creditsReduceParoleBase };
  const because = `${rule.value.percent}% of ${base} day(s)${rule.value.creditsReduceParoleBase ? " (the sentence less credits)" : " (the full sentence; credits do not count)"}: eligible from ${eligible}`;
  findings.push(on >= eligible ? met(ID, rule.source, because) : notMet(ID, rule.source, because));
  return { outcome: on >= eligible ? "yes" : "no", result, findings };
}

export const paroleEligibility: Question<ParoleEligibilityFacts, ParoleEligibilityResult> = {
  id: "parole-eligibility",
  title: "Parole eligibility of violent offenders with risk reduction credits",
  description:
    "From 2013-07-01 an inmate convicted of a violent crime becomes eligible for parole only after serving 85 % of the sentence, whatever risk reduction earned credits he or she holds; the credits still shorten the maximum sentence (not below a mandatory minimum). Before 2013-07-01 the 85 % was of the sentence less the credits. Inmates convicted of murder, capital felony, felony murder, arson murder, 1st degree aggravated sexual assault or home invasion earn no credits. Yes means eligible on the date asked.",
  citations: [VIOLENT_PAROLE[1]!.source, VIOLENT_PAROLE[0]!.source, CREDITS_SOURCE, MAXIMUM_SOURCE],
  modelledFrom: "2013-04-04",
  facts: ParoleEligibilityFacts,
  result: {
    fullTermEndsOn: "the day the full sentence ends (start plus the sentence)",
    maximumReleaseOn: "the end of the sentence less credits, never before the end of the mandatory minimum",
    paroleEligibleOn: "the first day of parole eligibility (85 % of the days, rounded up, from the start)",
    creditsAdvanceParole: "whether credits bring parole eligibility forward (true before 2013-07-01, false from it)",
  },
  example: {
    violentOffense: true,
    excludedOffense: false,
    sentenceBeganOn: "2012-01-01" as PlainDate,
    sentence: { years: 10 },
    creditDays: 120,
  },
  decide: decideParoleEligibility,
};
