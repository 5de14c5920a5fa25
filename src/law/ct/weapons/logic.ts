/**
 * Three-valued logic for the weapons rules: a test is true, false, or not
 * known yet (null) with the fact paths whose absence left it open.
 *
 * The combinators are Kleene's: `all` is false as soon as one part is false,
 * `any` is true as soon as one part is true, and otherwise a single unknown
 * part keeps the whole unknown. They are monotone, so learning a fact can
 * only settle an open test, never flip a settled one.
 */
import type { PlainDate } from "../../core/dates.ts";
import {
  type Citation,
  type Dated,
  type Finding,
  type Outcome,
  findInForce,
  notApplicable,
  pa133,
} from "../../core/rules.ts";

export interface Tri {
  value: boolean | null;
  /** Fact paths that would settle an unknown value (empty when settled). */
  missing: string[];
}

export const TRUE: Tri = { value: true, missing: [] };
export const FALSE: Tri = { value: false, missing: [] };

export function unknownTri(...missing: string[]): Tri {
  return { value: null, missing };
}

/**
 * The path of a fact under `at`: "magazine.capacity" when the facts sit in a `magazine` object (as in
 * possession-permitted), "capacity" when they are the question's own facts (magazine-classification),
 * so that a finding's `missing` names a field the asking question's schema has.
 */
export function under(at: string, key: string): string {
  return at === "" ? key : `${at}.${key}`;
}

/** A boolean fact: settled when given, unknown (naming its path) when not. */
export function fact(value: boolean | undefined, path: string): Tri {
  return value === undefined ? { value: null, missing: [path] } : { value, missing: [] };
}

/** A test on an optional fact: unknown (naming its path) when the fact is missing. */
export function test<T>(value: T | undefined, path: string, predicate: (v: T) => boolean): Tri {
  return value === undefined ? { value: null, missing: [path] } : { value: predicate(value), missing: [] };
}

function union(ts: readonly Tri[]): string[] {
  return [...new Set(ts.flatMap((t) => t.missing))];
}

/** True when every part is true; false when any part is false; unknown otherwise. */
export function all(...ts: Tri[]): Tri {
  if (ts.some((t) => t.value === false)) return FALSE;
  const open = ts.filter((t) => t.value === null);
  return open.length ? { value: null, missing: union(open) } : TRUE;
}

/** True when any part is true; false when every part is false; unknown otherwise. */
export function any(...ts: Tri[]): Tri {
  if (ts.some((t) => t.value === true)) return TRUE;
  const open = ts.filter((t) => t.value === null);
  return open.length ? { value: null, missing: union(open) } : FALSE;
}

/** True when at least `n` parts are true; false when fewer than `n` could be; unknown otherwise. */
export function atLeast(n: number, ts: readonly Tri[]): Tri {
  const yes = ts.filter((t) => t.value === true).length;
  const open = ts.filter((t) => t.value === null);
  if (yes >= n) return TRUE;
  if (yes + open.length < n) return FALSE;
  return { value: null, missing: union(open) };
}

export function not(t: Tri): Tri {
  return t.value === null ? t : { value: !t.value, missing: [] };
}

/** A finding from a tri-state test. */
export function finding(
  id: string,
  source: Citation,
  t: Tri,
  because: { met: string; notMet: string; unknown?: string },
): Finding {
  if (t.value === true) return { id, status: "met", because: because.met, source };
  if (t.value === false) return { id, status: "not-met", because: because.notMet, source };
  return {
    id,
    status: "unknown",
    because: because.unknown ?? `not known: ${t.missing.join(", ")}`,
    source,
    missing: [...t.missing],
  };
}

/** The tri-state value a finding stands for: met is true, not-met and not-applicable are false. */
export function triOf(f: Finding): Tri {
  if (f.status === "met") return TRUE;
  if (f.status === "unknown") return { value: null, missing: f.missing ?? [] };
  return FALSE;
}

/**
 * Combine alternative findings (any one suffices): yes if any is met, no if
 * every one is not-met or not-applicable, unknown otherwise. This is the
 * opposite of core's `allOf`, which combines requirements.
 */
export function anyOf(findings: readonly Finding[]): Outcome {
  if (findings.some((f) => f.status === "met")) return "yes";
  if (findings.every((f) => f.status === "not-met" || f.status === "not-applicable")) return "no";
  return "unknown";
}

export function outcomeOf(t: Tri): Outcome {
  return t.value === true ? "yes" : t.value === false ? "no" : "unknown";
}

export function boolOf(o: Outcome): boolean | null {
  return o === "yes" ? true : o === "no" ? false : null;
}

/**
 * Once an outcome is settled, open findings no longer need their facts: drop
 * their `missing` paths so the decision does not ask for facts that cannot
 * change it, and say so in `because`.
 */
export function settle(findings: Finding[], outcome: Outcome): Finding[] {
  if (outcome === "unknown") return findings;
  return findings.map((f) => {
    if (f.status !== "unknown" || !f.missing?.length) return f;
    const { missing: _dropped, ...rest } = f;
    return { ...rest, because: `${f.because} (not needed: the answer is settled by other findings)` };
  });
}

/** PA 13-3 § 25 (CGS § 53-202a), the assault weapon definition, quoting `text`. */
export const section25 = (text: string): Citation => pa133("§ 25", { cgs: "CGS § 53-202a", text });

/** One version in force from the Act's passage, 2013-04-04. */
export const fromPassage = <T>(value: T, source: Citation): readonly Dated<T>[] => [
  { from: "2013-04-04", value, source },
];

/**
 * A dated test: not-applicable on a date no version covers (saying from when `applies`, or
 * "not modelled"); otherwise the finding of `run` on the value in force, cited to that
 * version (or to `source` when the test has its own citation).
 */
export function datedTest<T>(
  p: { id: string; versions: readonly Dated<T>[]; on: PlainDate; applies?: string; source?: Citation },
  run: (value: T) => { t: Tri; met: string; notMet: string },
): Finding {
  const v = findInForce(p.versions, p.on);
  const first = p.versions[0]!;
  if (!v)
    return notApplicable(
      p.id,
      p.source ?? first.source,
      p.applies ? `${p.applies} from ${first.from}, not on ${p.on}` : `not modelled on ${p.on}`,
    );
  const r = run(v.value);
  return finding(p.id, p.source ?? v.source, r.t, { met: r.met, notMet: r.notMet });
}
