/**
 * Question `penalty-by-class`: the range of imprisonment and the maximum fine
 * for a class of felony or misdemeanor (Table 4 of the analysis), beside
 * `penalty`, which starts from a crime.
 *
 * "Table 4 shows the penalties for the different crime classifications in
 * Connecticut." The special rows (murder, murder with special circumstances,
 * aggravated sexual assault of a minor, first degree manslaughter with a
 * firearm) are asked for with `variant`.
 *
 * Yes: the class (and variant) has a row in Table 4 on the date asked, and
 * the result gives it. Unknown: the class is not given. A variant the class
 * does not have is refused by the schema (a 400 naming `variant`).
 * Modelled from 2013-04-04, like Table 4 (see classification-ranges.ts).
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, type Question, defineQuestion } from "../../core/questions.ts";
import { citationLabel, inForce, met, unknown } from "../../core/rules.ts";
import {
  type ClassVariant,
  type OffenseClass,
  type Term,
  TABLE_4,
  TABLE_4_ROWS,
  TABLE_4_SOURCE,
  termLabel,
} from "./classification-ranges.ts";

const CLASSES = [
  "A-felony",
  "B-felony",
  "C-felony",
  "D-felony",
  "A-misdemeanor",
  "B-misdemeanor",
  "C-misdemeanor",
  "D-misdemeanor",
] as const satisfies readonly OffenseClass[];
const VARIANTS = [
  "murder-with-special-circumstances",
  "murder",
  "aggravated-sexual-assault-of-a-minor",
  "manslaughter-1st-degree-with-a-firearm",
] as const satisfies readonly ClassVariant[];

export const PenaltyByClassFacts = z
  .object({
    offenseClass: z
      .enum(CLASSES)
      .optional()
      .describe('the class: "A-felony" ... "D-felony", "A-misdemeanor" ... "D-misdemeanor"'),
    variant: z
      .enum(VARIANTS)
      .optional()
      .describe(
        "a special row of Table 4: murder-with-special-circumstances, murder, aggravated-sexual-assault-of-a-minor (class A felony), manslaughter-1st-degree-with-a-firearm (class B felony)",
      ),
  })
  .superRefine((f, ctx) => {
    if (f.variant === undefined || f.offenseClass === undefined) return;
    if (!TABLE_4_ROWS.some((r) => r.offenseClass === f.offenseClass && r.variant === f.variant)) {
      ctx.addIssue({
        code: "custom",
        path: ["variant"],
        message: `Table 4 has no ${f.variant} row for ${f.offenseClass}`,
      });
    }
  });
export type PenaltyByClassFacts = z.infer<typeof PenaltyByClassFacts>;

export interface PenaltyByClassResult {
  offenseClass: OffenseClass | null;
  variant: ClassVariant | null;
  label: string | null;
  prisonMin: Term | null;
  prisonMax: Term | null;
  lifeWithoutRelease: boolean | null;
  fineMax: number | null;
  summary: string | null;
  citation: string;
}

export const PENALTY_BY_CLASS_ID = "penalties.penalty-by-class";

export function decidePenaltyByClass(facts: PenaltyByClassFacts, on: PlainDate): Answer<PenaltyByClassResult> {
  const rows = inForce(TABLE_4, on, PENALTY_BY_CLASS_ID).value;
  const citation = citationLabel(TABLE_4_SOURCE);
  const empty: PenaltyByClassResult = {
    offenseClass: null,
    variant: null,
    label: null,
    prisonMin: null,
    prisonMax: null,
    lifeWithoutRelease: null,
    fineMax: null,
    summary: null,
    citation,
  };
  if (facts.offenseClass === undefined) {
    return {
      outcome: "unknown",
      result: empty,
      findings: [unknown(PENALTY_BY_CLASS_ID, TABLE_4_SOURCE, ["offenseClass"])],
    };
  }
  const row = rows.find((r) => r.offenseClass === facts.offenseClass && r.variant === facts.variant);
  if (!row) throw new RangeError(`no Table 4 row for ${facts.offenseClass} ${facts.variant ?? ""}`); // the schema refuses this
  const prison = row.lifeWithoutRelease
    ? "life without the possibility of release"
    : row.prisonMin
      ? `${termLabel(row.prisonMin)} to ${termLabel(row.prisonMax!)} in prison`
      : `up to ${termLabel(row.prisonMax!)} in prison`;
  const summary = `${row.label}: ${prison}; a fine of up to $${row.fineMax.toLocaleString("en-US")}`;
  return {
    outcome: "yes",
    result: {
      offenseClass: row.offenseClass,
      variant: row.variant ?? null,
      label: row.label,
      prisonMin: row.prisonMin ?? null,
      prisonMax: row.prisonMax ?? null,
      lifeWithoutRelease: row.lifeWithoutRelease === true,
      fineMax: row.fineMax,
      summary,
      citation,
    },
    findings: [met(PENALTY_BY_CLASS_ID, TABLE_4_SOURCE, summary)],
  };
}

export const penaltyByClass: Question<PenaltyByClassFacts, PenaltyByClassResult> = defineQuestion({
  id: "penalty-by-class",
  title: "Penalty by class: prison range and maximum fine of a class of felony or misdemeanor",
  description:
    "The range of imprisonment and the maximum fine for a class A, B, C or D felony or misdemeanor in Connecticut (Table 4 of the analysis), including the special rows for murder, murder with special circumstances, aggravated sexual assault of a minor and first degree manslaughter with a firearm. Mandatory minimums set for particular crimes are given by the `penalty` question.",
  citations: [TABLE_4_SOURCE],
  modelledFrom: "2013-04-04",
  facts: PenaltyByClassFacts,
  result: {
    offenseClass: "the class asked about, or null when not given",
    variant: "the special row asked about, or null",
    label: "the row's label as Table 4 writes it",
    prisonMin:
      "the least prison term { amount, unit }, or null when the row gives only a maximum (misdemeanors) or life",
    prisonMax: "the longest prison term { amount, unit }, or null for life without the possibility of release",
    lifeWithoutRelease: "true for murder with special circumstances",
    fineMax: "the largest fine in dollars",
    summary: 'the row in words, e.g. "Class D felony: 1 year to 5 years in prison; a fine of up to $5,000"',
    citation: "where the table comes from",
  },
  example: { offenseClass: "D-felony" },
  decide: decidePenaltyByClass,
});
