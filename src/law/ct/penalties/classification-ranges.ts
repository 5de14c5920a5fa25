/**
 * Table 4 of the analysis: imprisonment and fines by crime classification.
 *
 * PA 13-3, analysis BACKGROUND, "Table 4: Penalties by Crime Classification"
 * (CGS §§ 53a-35a, 53a-36, 53a-41, 53a-42): "Table 4 shows the penalties for
 * the different crime classifications in Connecticut."
 *
 * The table states the law when the bill passed; it is modelled from the day
 * of passage, 2013-04-04, and earlier dates are refused.
 *
 * QUESTION(legal): the table is carried forward without an end date. Later
 * acts changed some rows (for example, the 2013 Sentencing Commission act,
 * PA 13-258, created a class E felony and removed the class D felony's
 * one-year minimum, which was never mandatory; a later act set the class A
 * misdemeanor maximum at 364 days). Those acts are outside the source this
 * rulebook implements and are not modelled: a lawyer should say whether the
 * lookup must refuse dates after them.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Dated, inForce, pa133 } from "../../core/rules.ts";

export const ID = "penalties.classification-ranges";

export type OffenseClass =
  | "A-felony"
  | "B-felony"
  | "C-felony"
  | "D-felony"
  | "A-misdemeanor"
  | "B-misdemeanor"
  | "C-misdemeanor"
  | "D-misdemeanor";

/** The special rows of Table 4. */
export type ClassVariant =
  | "murder-with-special-circumstances"
  | "murder"
  | "aggravated-sexual-assault-of-a-minor"
  | "manslaughter-1st-degree-with-a-firearm";

export interface Term {
  amount: number;
  unit: "years" | "months" | "days";
}

export interface ClassPenalty {
  offenseClass: OffenseClass;
  variant?: ClassVariant;
  /** The row's label as Table 4 writes it. */
  label: string;
  prisonMin?: Term;
  prisonMax?: Term;
  lifeWithoutRelease?: true;
  /** Maximum fine in dollars ("Up to $..."). */
  fineMax: number;
}

const y = (amount: number): Term => ({ amount, unit: "years" });

export const TABLE_4_SOURCE: Citation = pa133("Background, Table 4", {
  cgs: "CGS §§ 53a-35a, 53a-36, 53a-41, 53a-42",
  text: "Table 4 shows the penalties for the different crime classifications in Connecticut.",
});

export const TABLE_4_ROWS: readonly ClassPenalty[] = [
  {
    offenseClass: "A-felony",
    variant: "murder-with-special-circumstances",
    label: "Class A felony (murder with special circumstances)",
    lifeWithoutRelease: true,
    fineMax: 20000,
  },
  {
    offenseClass: "A-felony",
    variant: "murder",
    label: "Class A felony (murder)",
    prisonMin: y(25),
    prisonMax: y(60),
    fineMax: 20000,
  },
  {
    offenseClass: "A-felony",
    variant: "aggravated-sexual-assault-of-a-minor",
    label: "Class A felony (aggravated sexual assault of a minor)",
    prisonMin: y(25),
    prisonMax: y(50),
    fineMax: 20000,
  },
  { offenseClass: "A-felony", label: "Class A felony", prisonMin: y(10), prisonMax: y(25), fineMax: 20000 },
  {
    offenseClass: "B-felony",
    variant: "manslaughter-1st-degree-with-a-firearm",
    label: "Class B felony (1st degree manslaughter with a firearm)",
    prisonMin: y(5),
    prisonMax: y(40),
    fineMax: 15000,
  },
  { offenseClass: "B-felony", label: "Class B felony", prisonMin: y(1), prisonMax: y(20), fineMax: 15000 },
  { offenseClass: "C-felony", label: "Class C felony", prisonMin: y(1), prisonMax: y(10), fineMax: 10000 },
  { offenseClass: "D-felony", label: "Class D felony", prisonMin: y(1), prisonMax: y(5), fineMax: 5000 },
  { offenseClass: "A-misdemeanor", label: "Class A misdemeanor", prisonMax: y(1), fineMax: 2000 },
  {
    offenseClass: "B-misdemeanor",
    label: "Class B misdemeanor",
    prisonMax: { amount: 6, unit: "months" },
    fineMax: 1000,
  },
  {
    offenseClass: "C-misdemeanor",
    label: "Class C misdemeanor",
    prisonMax: { amount: 3, unit: "months" },
    fineMax: 500,
  },
  {
    offenseClass: "D-misdemeanor",
    label: "Class D misdemeanor",
    prisonMax: { amount: 30, unit: "days" },
    fineMax: 250,
  },
];

export const TABLE_4: Dated<readonly ClassPenalty[]>[] = [
  { from: "2013-04-04", value: TABLE_4_ROWS, source: TABLE_4_SOURCE },
];

/**
 * The Table 4 row for a class (and, for the special rows, a variant). Throws
 * NotInForce for dates before 2013-04-04 and RangeError for a variant that the
 * class does not have.
 */
export function getClassificationPenalty(p: {
  offenseClass: OffenseClass;
  variant?: ClassVariant;
  on: PlainDate;
}): ClassPenalty {
  const rows = inForce(TABLE_4, p.on, ID).value;
  const row = rows.find((r) => r.offenseClass === p.offenseClass && r.variant === p.variant);
  if (!row) throw new RangeError(`no Table 4 row for ${p.offenseClass}${p.variant ? ` (${p.variant})` : ""}`);
  return row;
}

export function termLabel(t: Term): string {
  const unit = t.amount === 1 ? t.unit.slice(0, -1) : t.unit;
  return `${t.amount} ${unit}`;
}

export function classLabel(c: OffenseClass): string {
  const [letter, kind] = c.split("-");
  return `class ${letter} ${kind}`;
}
