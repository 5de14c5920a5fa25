/**
 * Question `penalty`: the classification, mandatory minimum prison term and
 * mandatory fine of a firearm crime in Table 2 (or §§ 44-45), for an offense
 * committed on the date asked, with the Table 4 range of its class.
 *
 * Yes: the conduct carries a penalty on that date. No: it carries none (the
 * "no current penalty" and "penalty eliminated" rows). Unknown: the crime, or
 * for trafficking before 2013-10-01 the number of firearms, is not known.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import type { Answer, Question } from "../../core/questions.ts";
import { type Finding, inForce, met, notMet, pa133, unknown } from "../../core/rules.ts";
import {
  type ClassPenalty,
  type Term,
  TABLE_4,
  classLabel,
  getClassificationPenalty,
} from "./classification-ranges.ts";
import { CRIME_IDS, FIREARM_CRIMES, type Penalty, findFirearmCrime } from "./firearm-crimes.ts";

export const ID = "penalties.penalty";

export const PenaltyFacts = z.object({
  crime: z.enum(CRIME_IDS).optional().describe("the crime's id (see the rule catalogue)"),
  firearmsTransferred: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe("firearms-trafficking before 2013-10-01: number of firearms transferred"),
});
export type PenaltyFacts = z.infer<typeof PenaltyFacts>;

export interface PenaltyResult {
  crime: string | null;
  statute: string | null;
  version: "before-pa-13-3" | "pa-13-3" | null;
  classification: string | null;
  prisonMin: Term | null;
  prisonMax: Term | null;
  fineMax: number | null;
  mandatoryMinimumPrison: Term | null;
  mandatoryFine: number | null;
  fineRemittableOnRecord: boolean | null;
  note: string | null;
}

const EMPTY: PenaltyResult = {
  crime: null,
  statute: null,
  version: null,
  classification: null,
  prisonMin: null,
  prisonMax: null,
  fineMax: null,
  mandatoryMinimumPrison: null,
  mandatoryFine: null,
  fineRemittableOnRecord: null,
  note: null,
};

const CATALOGUE = pa133("§§ 42-53", {
  text: "The bill increases penalties for a number of firearm-related crimes. Table 2 displays these crimes, their current classification, and their classification under the bill.",
});

/** The penalty version in force for a crime on an offense date (refuses dates not modelled). */
export function penaltyFor(p: { crime: string; committedOn: PlainDate; firearmsTransferred?: number }): {
  penalty: Penalty | undefined;
  finding: Finding;
} {
  const crime = findFirearmCrime(p.crime);
  if (!crime) throw new RangeError(`unknown crime id: ${p.crime}`);
  const v = inForce(crime.versions, p.committedOn, `${ID}.${crime.id}`);
  const id = `${ID}.${crime.id}`;
  if ("byFirearmCount" in v.value) {
    const b = v.value.byFirearmCount;
    if (p.firearmsTransferred === undefined)
      return { penalty: undefined, finding: unknown(id, v.source, ["firearmsTransferred"]) };
    const penalty = p.firearmsTransferred >= b.threshold ? b.atLeast : b.fewer;
    return {
      penalty,
      finding: met(id, v.source, `${p.firearmsTransferred} firearm(s) transferred: ${penaltyLabel(penalty)}`),
    };
  }
  const penalty = v.value;
  if (penalty.classification === "none")
    return { penalty, finding: notMet(id, v.source, penalty.note ?? "no penalty") };
  return { penalty, finding: met(id, v.source, penaltyLabel(penalty)) };
}

function penaltyLabel(p: Penalty): string {
  return p.classification === "none"
    ? "no penalty"
    : p.classification === "unclassified"
      ? "unclassified penalty"
      : classLabel(p.classification);
}

export function decidePenalty(facts: PenaltyFacts, on: PlainDate): Answer<PenaltyResult> {
  inForce(TABLE_4, on, ID);
  if (!facts.crime) return { outcome: "unknown", result: EMPTY, findings: [unknown(ID, CATALOGUE, ["crime"])] };
  const crime = findFirearmCrime(facts.crime)!;
  const { penalty, finding } = penaltyFor({
    crime: facts.crime,
    committedOn: on,
    firearmsTransferred: facts.firearmsTransferred,
  });
  const version = on < "2013-10-01" ? "before-pa-13-3" : "pa-13-3";
  const base = { ...EMPTY, crime: crime.id, statute: `CGS § ${crime.statute}`, version } as PenaltyResult;
  if (!penalty) return { outcome: "unknown", result: base, findings: [finding] };
  if (penalty.classification === "none")
    return {
      outcome: "no",
      result: { ...base, classification: "none", note: penalty.note ?? null },
      findings: [finding],
    };
  let range: Pick<ClassPenalty, "prisonMin" | "prisonMax" | "fineMax"> = {
    fineMax: penalty.unclassifiedMaxFine ?? 0,
    prisonMax: penalty.unclassifiedMaxPrison,
  };
  const findings = [finding];
  if (penalty.classification !== "unclassified") {
    range = getClassificationPenalty({ offenseClass: penalty.classification, on });
    findings.push(
      met(
        "penalties.classification-ranges",
        TABLE_4[0]!.source,
        `${classLabel(penalty.classification)}: Table 4 range`,
      ),
    );
  }
  return {
    outcome: "yes",
    result: {
      ...base,
      classification: penalty.classification === "unclassified" ? "unclassified" : classLabel(penalty.classification),
      prisonMin: range.prisonMin ?? null,
      prisonMax: range.prisonMax ?? null,
      fineMax: range.fineMax,
      mandatoryMinimumPrison: penalty.mandatoryMinimumPrison ?? null,
      mandatoryFine: penalty.mandatoryFine?.amount ?? null,
      fineRemittableOnRecord: penalty.mandatoryFine ? true : null,
      note: penalty.note ?? null,
    },
    findings,
  };
}

export const penalty: Question<PenaltyFacts, PenaltyResult> = {
  id: "penalty",
  title: "Penalty for a firearm crime (Table 2), before and after PA 13-3",
  description:
    "The class, mandatory minimum prison term and mandatory fine of each firearm crime whose penalty PA 13-3 increased, for an offense committed on the date asked: the earlier penalty before 2013-10-01 and the bill's penalty from that day; with the prison and fine range of the class from Table 4. The date asked is the date the offense was committed.",
  citations: [CATALOGUE, TABLE_4[0]!.source, ...FIREARM_CRIMES.map((c) => c.versions[1]!.source)],
  modelledFrom: "2013-04-04",
  facts: PenaltyFacts,
  result: {
    crime: "the crime's id",
    statute: "its statute (CGS)",
    version: '"before-pa-13-3" for offenses committed before 2013-10-01, "pa-13-3" from that day',
    classification: 'e.g. "class C felony", "unclassified", or "none" when the conduct carries no penalty',
    prisonMin: "the class's minimum prison term from Table 4 (null when none)",
    prisonMax: "the class's (or the unclassified crime's) maximum prison term",
    fineMax: "the maximum fine in dollars",
    mandatoryMinimumPrison: "mandatory minimum prison term, or null",
    mandatoryFine: "mandatory fine in dollars, or null",
    fineRemittableOnRecord: "true when the court may remit or reduce the mandatory fine by stating why on the record",
    note: "a note on the row (e.g. penalty eliminated)",
  },
  example: { crime: "stealing-a-firearm" },
  decide: decidePenalty,
};
