/**
 * A question the rulebook answers: documented facts in, a decision out.
 * The decision API and `stateline decide` list and call these.
 */
import type { z } from "zod";
import type { PlainDate } from "./dates.ts";
import { type Citation, type Dated, type Finding, type Outcome, citationLabel } from "./rules.ts";
import type { PlainDate as Day } from "./dates.ts";
import { allOf, missingOf } from "./rules.ts";

export interface Answer<R> {
  outcome: Outcome;
  /** Fields documented by the question's `result` map. */
  result: R;
  findings: Finding[];
}

export interface Question<F = unknown, R = Record<string, unknown>> {
  /** kebab-case id used in URLs and the CLI, e.g. "credential-eligibility". */
  id: string;
  title: string;
  /** Plain-language description for the rule catalogue. */
  description: string;
  citations: Citation[];
  /** Earliest date the question is modelled for (inclusive); asking earlier is refused, unless `dutyStartsOn` says otherwise. */
  modelledFrom: string;
  /**
   * For a duty the Act created (it did not exist before): the day it starts. Asked for an earlier
   * date, the question answers "no duty on that date; the requirement starts on D" with its
   * citation (see `beforeDutyStarts`) instead of refusing.
   */
  dutyStartsOn?: string;
  /** zod schema of the facts; every fact optional unless the question is meaningless without it. */
  facts: z.ZodType<F>;
  /** Each field of `result`, with its meaning. */
  result: Record<string, string>;
  /** An example facts object that the question answers (used in docs and tests). */
  example: F;
  decide(facts: F, on: PlainDate): Answer<R>;
}

export interface Decision<R = Record<string, unknown>> extends Answer<R> {
  question: string;
  on: PlainDate;
  rulebookVersion: string;
  missing: string[];
}

/** Helper to build an Answer from findings with a result computed from the outcome. */
export function answer<R>(findings: Finding[], result: (outcome: Outcome) => R): Answer<R> {
  const outcome = allOf(findings);
  return { outcome, result: result(outcome), findings };
}

export function toDecision<R>(
  q: Question<unknown, R>,
  a: Answer<R>,
  on: PlainDate,
  rulebookVersion: string,
): Decision<R> {
  return { question: q.id, on, rulebookVersion, ...a, missing: missingOf(a.findings) };
}

/** Identity helper that keeps the facts type of a question literal. */
export function defineQuestion<F, R>(q: Question<F, R>): Question<F, R> {
  return q;
}

/** One rule, for the catalogue page: its id, what it says in plain words, where it comes from, and when. */
export interface RuleInfo {
  id: string;
  title: string;
  description: string;
  citations: Citation[];
  /** First day in force (inclusive). */
  from: string;
  /** Day it stopped applying (exclusive), if it did. */
  until?: string;
}

/**
 * The answer to a question asked for a date before the duty it asks about existed: "no duty on that
 * date; the requirement starts on D", with its citation. The outcome is the one the question gives
 * when there is no duty (usually "no"; "yes" for a question that asks whether something is
 * permitted, since no requirement of the Act stands in the way yet).
 */
export function beforeDutyStarts<R>(p: {
  id: string;
  source: Citation;
  startsOn: string;
  on: Day;
  duty: string;
  outcome?: "yes" | "no";
  result: R;
}): Answer<R> {
  const outcome = p.outcome ?? "no";
  const finding: Finding = {
    id: p.id,
    status: outcome === "no" ? "not-met" : "not-applicable",
    because: `no duty on ${p.on}: ${p.duty} starts on ${p.startsOn}`,
    source: p.source,
  };
  return { outcome, result: p.result, findings: [finding] };
}

/** A rule's own catalogue entry, defined in the rule's file beside its dated versions; the area catalogue lists it. */
export function defineRule(info: RuleInfo): RuleInfo {
  return info;
}

/** Every version of a rule kept by key (per credential, per kind...), in one list. */
export const allVersions = <T>(byKey: Record<string, readonly Dated<T>[]>): readonly Dated<T>[] =>
  Object.values(byKey).flat();

/** Citations of a set of versions, each once. */
function citationsOf(versions: readonly Dated<unknown>[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const v of versions) seen.set(`${citationLabel(v.source)}|${v.source.text ?? ""}`, v.source);
  return [...seen.values()];
}

/** A catalogue entry read from a rule's dated versions: from the earliest start, until the latest end if every version ended. */
export function catalogueEntry(
  id: string,
  title: string,
  description: string,
  versions: readonly Dated<unknown>[],
): RuleInfo {
  const from = versions.map((v) => v.from).sort()[0]!;
  const ends = versions.map((v) => v.until);
  const until = ends.every((u) => u !== undefined) ? (ends as string[]).sort().at(-1) : undefined;
  return { id, title, description, citations: citationsOf(versions), from, ...(until ? { until } : {}) };
}
