/**
 * School years and the yearly and biennial due dates of school safety work
 * (PA 13-3 §§ 86-87).
 *
 * § 86: DESPP's standards must include "requirements that local and regional
 * school boards conduct security and vulnerability assessments of their
 * schools every two years, develop a school safety and security plan for each
 * school based upon the assessment results, and give DESPP annual fire and
 * crisis response drill reports" and "requirements that local law enforcement
 * and other local public safety officials evaluate fire and crisis response drills".
 *
 * § 87: "The bill requires local and regional boards of education to annually
 * do the following, beginning in the 2014-15 school year: 1. develop and
 * implement a school security and safety plan for each school ... 2. review,
 * update, and submit school safety and security plans to DESPP".
 * EFFECTIVE DATE: Upon passage.
 *
 * A school year runs from July 1 to June 30 (CGS § 10-259); "2014-15" starts 2014-07-01.
 *
 * QUESTION(legal): the text sets no day within the school year for the plan or
 * the drill reports; we read "annually ... beginning in the 2014-15 school
 * year" as one submission per school year, due by its last day (June 30), late
 * from July 1.
 *
 * QUESTION(legal): "every two years" is read as within two years of the last
 * assessment (assessed 2014-09-15: the next is due by 2016-09-15); a school
 * with no assessment must have one by the end of the 2014-15 school year
 * (2015-06-30), because that year's plan is "based upon the assessment results".
 *
 * QUESTION(legal): "annual fire and crisis response drill reports" is read as
 * one fire drill report and one crisis response drill report per school year.
 */
import { type PlainDate, addDays, addYears, fromParts, parts } from "../../core/dates.ts";
import { type Citation, pa133 } from "../../core/rules.ts";

export const PLANS_SOURCE: Citation = pa133("§ 87", {
  text: "The bill requires local and regional boards of education to annually do the following, beginning in the 2014-15 school year: 1. develop and implement a school security and safety plan for each school ... 2. review, update, and submit school safety and security plans to DESPP",
});
export const ASSESSMENT_SOURCE: Citation = pa133("§ 86", {
  text: "requirements that local and regional school boards conduct security and vulnerability assessments of their schools every two years, develop a school safety and security plan for each school based upon the assessment results",
});
export const DRILLS_SOURCE: Citation = pa133("§ 86", {
  text: "give DESPP annual fire and crisis response drill reports ... requirements that local law enforcement and other local public safety officials evaluate fire and crisis response drills",
});

/** The first school year of yearly plans and drill reports (2014-15). */
export const FIRST_YEAR = 2014;
export const DRILL_KINDS = ["fire", "crisis-response"] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

/** The start year of the school year containing `on` (2014-07-01..2015-06-30 -> 2014). */
export function schoolYearOf(on: PlainDate): number {
  const { year, month } = parts(on);
  return month >= 7 ? year : year - 1;
}
export const schoolYearLabel = (start: number) => `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
export function parseSchoolYear(label: string): number | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  if (!m) return undefined;
  const start = Number(m[1]);
  return (start + 1) % 100 === Number(m[2]) ? start : undefined;
}
export const schoolYearStart = (start: number): PlainDate => fromParts(start, 7, 1);
export const schoolYearEnd = (start: number): PlainDate => fromParts(start + 1, 6, 30);

export interface Due {
  item: string;
  dueOn: PlainDate;
  source: Citation;
  schoolYear?: string;
}

/** The school years whose plans are due by `on` or whose year has begun: 2014-15 through the year containing `on`. */
export function requiredYears(on: PlainDate): number[] {
  const out: number[] = [];
  for (let y = FIRST_YEAR; y <= schoolYearOf(on); y++) out.push(y);
  return out;
}

/** The school safety and security plan for a school year is due by the year's last day (§ 87); none before 2014-15. */
export function safetyPlanDue(start: number): Due | undefined {
  if (start < FIRST_YEAR) return undefined;
  return { item: "safety-plan", dueOn: schoolYearEnd(start), source: PLANS_SOURCE, schoolYear: schoolYearLabel(start) };
}

/** A drill report of a kind for a school year, due by the year's last day (§ 86). */
export function drillReportDue(start: number, kind: DrillKind): Due | undefined {
  if (start < FIRST_YEAR) return undefined;
  return {
    item: `drill-report:${kind}`,
    dueOn: schoolYearEnd(start),
    source: DRILLS_SOURCE,
    schoolYear: schoolYearLabel(start),
  };
}

/** The next security and vulnerability assessment: two years after the last, or by 2015-06-30 when there is none (§ 86). */
export function assessmentDue(lastAssessedOn: PlainDate | undefined): Due {
  return {
    item: "assessment",
    dueOn: lastAssessedOn ? addYears(lastAssessedOn, 2) : schoolYearEnd(FIRST_YEAR),
    source: ASSESSMENT_SOURCE,
  };
}

/** done: filed on or before the due date; late: filed after it or missing after it; due: not yet filed, not yet late. */
export type DueState = "done" | "done-late" | "due" | "late";
export function dueState(dueOn: PlainDate, filedOn: PlainDate | undefined, today: PlainDate): DueState {
  if (filedOn) return filedOn <= dueOn ? "done" : "done-late";
  return today > dueOn ? "late" : "due";
}
export const lateFrom = (dueOn: PlainDate) => addDays(dueOn, 1);
