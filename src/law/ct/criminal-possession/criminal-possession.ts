/**
 * Question "criminal-possession": is possession of this item by this person on
 * this date a crime under CGS § 53a-217 (firearms, ammunition, electronic
 * defense weapons) or § 53a-217c (pistols and revolvers), as amended by PA
 * 13-3 §§ 44-45, and of what class?
 *
 * Outcome "yes" means possession is lawful as far as these crimes go (every
 * prohibitor is absent); "no" means it is a crime; "unknown" means a fact is
 * missing or conflicting and a person must look. The crime still needs its
 * mental elements (listed in `elementsAssumed`), which only a court can find.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, type Question, defineQuestion } from "../../core/questions.ts";
import { type Finding, allOf, inForce, pa133, unknown } from "../../core/rules.ts";
import { Credential } from "../sales/credentials.ts";
import { PersonEvents } from "./events.ts";
import type { Penalty } from "./crime-classes.ts";
import { possessionPenalty } from "./possession-penalty.ts";
import { POSSESSION_ITEMS, elementsAssumed, possessionFindings } from "./possession.ts";
import { FIREARM_POSSESSION, HANDGUN_POSSESSION, PASSAGE, type PossessionStatute } from "./statutes.ts";

export const CriminalPossessionFacts = z.object({
  item: z.enum(POSSESSION_ITEMS).optional().describe("what the person possesses; a handgun is a pistol or revolver"),
  events: PersonEvents.optional().describe(
    "the person's convictions, commitments, admissions, orders and federal prohibitors; [] when none",
  ),
  credentials: z
    .array(Credential)
    .optional()
    .describe("the person's gun credentials (only needed for the 12- or 60-month probate look-back)"),
});
export type CriminalPossessionFacts = z.infer<typeof CriminalPossessionFacts>;

export interface CriminalPossessionResult {
  crime: boolean | null;
  crimeClass: string | null;
  offenses: Penalty[];
  prohibitors: string[];
  elementsAssumed: string[];
}

const MODELLED = [{ from: PASSAGE, value: true, source: pa133("§§ 44-45") }] as const;

function statuteOfFinding(f: Finding): PossessionStatute | undefined {
  if (f.id.startsWith("criminal-possession.handgun.")) return "handgun";
  if (f.id.startsWith("criminal-possession.firearm.")) return "firearm";
  return undefined;
}

export function decideCriminalPossession(
  facts: CriminalPossessionFacts,
  on: PlainDate,
): Answer<CriminalPossessionResult> {
  inForce(MODELLED, on, "criminal-possession");
  let findings: Finding[];
  if (facts.item === undefined) {
    // The pistol crime's prohibitors include every prohibitor of the firearm crime,
    // so a person who may possess a pistol may possess any item. Otherwise the
    // answer depends on the item, which is missing: downgrade to unknown.
    findings = possessionFindings("handgun", facts, on);
    if (allOf(findings) !== "yes") {
      findings = [
        ...findings.map((f) =>
          f.status === "not-met"
            ? {
                ...f,
                status: "unknown" as const,
                missing: ["item"],
                because: `${f.because} (whether this is a crime depends on the item)`,
              }
            : f,
        ),
        unknown("criminal-possession.item", HANDGUN_POSSESSION[1]!.source, ["item"], "the item possessed is not known"),
      ];
    }
  } else {
    findings = possessionFindings(facts.item, facts, on);
  }
  const outcome = allOf(findings);
  const barred = findings.filter((f) => f.status === "not-met");
  const statutes = [...new Set(barred.map(statuteOfFinding).filter((s): s is PossessionStatute => s !== undefined))];
  const offenses = statutes.map((s) => possessionPenalty(s, on));
  return {
    outcome,
    findings,
    result: {
      crime: outcome === "no" ? true : outcome === "yes" ? false : null,
      crimeClass: offenses[0]?.crimeClass ?? null,
      offenses,
      prohibitors: barred.map((f) => f.because),
      elementsAssumed: outcome === "no" ? elementsAssumed(findings) : [],
    },
  };
}

export const criminalPossessionQuestion: Question<CriminalPossessionFacts, CriminalPossessionResult> = defineQuestion({
  id: "criminal-possession",
  title: "Is possession of a firearm, ammunition or a handgun by this person a crime?",
  description:
    "Checks the prohibitors of criminal possession of a firearm, ammunition or electronic defense weapon (CGS § 53a-217) and of a pistol or revolver (CGS § 53a-217c) on a date: felony and serious juvenile convictions, the listed misdemeanors, discharge after a not-guilty-by-reason-of-mental-disease finding within 20 years, probate commitments within 12 or 60 months, voluntary admissions within 6 months, protective, restraining and seizure orders, and federal prohibitors; and gives the class of the crime. Outcome yes means possession is not barred; no means it is a crime.",
  citations: [
    FIREARM_POSSESSION[0]!.source,
    FIREARM_POSSESSION[1]!.source,
    HANDGUN_POSSESSION[0]!.source,
    HANDGUN_POSSESSION[1]!.source,
  ],
  modelledFrom: PASSAGE,
  facts: CriminalPossessionFacts,
  result: {
    crime:
      "true when possession on the date is a crime, false when no prohibitor applies, null when facts are missing (needs review)",
    crimeClass: 'class of the crime committed (e.g. "class C felony"), or null',
    offenses: "each crime committed, with its statute, class, mandatory minimums and the class's penalty range",
    prohibitors: "plain-language reasons, one per prohibitor that applies",
    elementsAssumed:
      "elements of the crime the records cannot show (knowledge, notice and hearing), to be established by a court",
  },
  example: {
    item: "handgun",
    events: [{ kind: "voluntary-admission", date: "2014-01-15" as PlainDate, solelyAlcoholOrDrug: false }],
    credentials: [],
  },
  decide: decideCriminalPossession,
});
