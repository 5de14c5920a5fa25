/**
 * The Fellegi-Sunter model: for each field and comparison level, m = P(level | same person)
 * and u = P(level | different people). A pair's match weight is the sum over fields of
 * log2(m/u) (its Bayes factors), plus the prior odds; exact agreement on a name uses the
 * name's own frequency instead of u (a common surname is weak evidence, a rare one strong).
 * m is estimated by expectation-maximisation over candidate pairs, u from random pairs
 * (as Splink does), so that the estimate of u is not biased by blocking.
 */
import { COMPARISONS, compareRecords, tfValue } from "./comparisons.ts";
import type { PersonRecord } from "./record.ts";

export interface FieldParams { m: number[]; u: number[] }

export interface ModelParams {
  /** Per field (COMPARISONS order, by name). */
  fields: Record<string, FieldParams>;
  /** Share of candidate pairs that are matches, from the last EM run (informative only). */
  lambda: number;
  /** How these numbers were obtained. */
  source: string;
}

/** Frequencies of name values (first name, surname) among the records a pair is drawn from. */
export interface TermFrequencies {
  /** Proportion of records with this value for field i (0 when unknown). */
  tf(fieldIndex: number, value: string): number;
}

export const FIELD_NAMES = COMPARISONS.map((c) => c.field);

/** Probabilities are kept away from 0 and 1 so no single field can decide alone. */
const FLOOR = 1e-4;
const clampP = (p: number) => Math.min(1 - FLOOR, Math.max(FLOOR, p));

/** Counts → proportions over present values, with a small prior count per level. */
function proportions(counts: number[], pseudo = 0.5): number[] {
  const total = counts.reduce((s, c) => s + c, 0) + pseudo * counts.length;
  return counts.map((c) => clampP((c + pseudo) / total));
}

/** Starting m: most mass on the closest level, falling off below. */
export function initialM(levels: number): number[] {
  const raw = Array.from({ length: levels }, (_, l) => (l === levels - 1 ? 0.9 : 0.1 / (levels - 1)));
  return raw.map(clampP);
}

/** u from random pairs: how often two unrelated records reach each level. */
export function estimateU(left: readonly PersonRecord[], right: readonly PersonRecord[], samples: number, rand: () => number): FieldParams["u"][] {
  const counts = COMPARISONS.map((c) => new Array<number>(c.levels.length).fill(0));
  for (let s = 0; s < samples; s++) {
    const a = left[Math.floor(rand() * left.length)]!;
    const b = right[Math.floor(rand() * right.length)]!;
    if (a === b) continue;
    const g = compareRecords(a, b);
    for (let f = 0; f < g.length; f++) if (g[f]! >= 0) counts[f]![g[f]!]!++;
  }
  return counts.map((c) => proportions(c, 0.5));
}

export interface EmResult { params: ModelParams; iterations: number; converged: boolean; history: number[] }

/**
 * Estimates m (and the share of matches λ) by EM over candidate-pair comparison vectors.
 * EM fits its own u for the candidate pairs (non-matches that blocking brought together agree
 * far more often than random pairs: same street, same household), so that those agreements are
 * not mistaken for matches; the returned u is the random-pair `u` given, which is what a pair's
 * Bayes factor needs. Identical vectors are counted once.
 */
export function estimateM(vectors: Iterable<Int8Array>, u: number[][], opts: { maxIterations?: number; tolerance?: number; startM?: number[][]; startLambda?: number } = {}): EmResult {
  const patterns = new Map<string, { g: Int8Array; n: number }>();
  for (const g of vectors) {
    const k = g.join(",");
    const p = patterns.get(k);
    if (p) p.n++;
    else patterns.set(k, { g: Int8Array.from(g), n: 1 });
  }
  const pats = [...patterns.values()];
  const F = COMPARISONS.length;
  let m = opts.startM?.map((x) => [...x]) ?? COMPARISONS.map((c) => initialM(c.levels.length));
  let lambda = opts.startLambda ?? 0.3;
  // u among candidate pairs: starts near the random-pair u, with some mass moved up the levels.
  let uc = u.map((x) => proportions(x.map((v, l) => v + 0.05 * l / Math.max(1, x.length - 1)), 0));
  const maxIt = opts.maxIterations ?? 200, tol = opts.tolerance ?? 1e-6;
  const history: number[] = [];
  let converged = false, it = 0;
  for (; it < maxIt; it++) {
    const mc = COMPARISONS.map((c) => new Array<number>(c.levels.length).fill(0));
    const ucc = COMPARISONS.map((c) => new Array<number>(c.levels.length).fill(0));
    let sumP = 0, sumN = 0;
    for (const { g, n } of pats) {
      let logBf = 0;
      for (let f = 0; f < F; f++) { const l = g[f]!; if (l >= 0) logBf += Math.log(m[f]![l]! / uc[f]![l]!); }
      const odds = (lambda / (1 - lambda)) * Math.exp(logBf);
      const p = Number.isFinite(odds) ? odds / (1 + odds) : 1;
      sumP += p * n; sumN += n;
      for (let f = 0; f < F; f++) { const l = g[f]!; if (l >= 0) { mc[f]![l]! += p * n; ucc[f]![l]! += (1 - p) * n; } }
    }
    const newM = mc.map((c) => proportions(c, 0.01));
    const newLambda = Math.min(0.999, Math.max(1e-6, sumP / sumN));
    let delta = Math.abs(newLambda - lambda);
    for (let f = 0; f < F; f++) for (let l = 0; l < newM[f]!.length; l++) delta = Math.max(delta, Math.abs(newM[f]![l]! - m[f]![l]!));
    m = newM; lambda = newLambda;
    uc = ucc.map((c) => proportions(c, 0.01));
    history.push(delta);
    if (delta < tol) { converged = true; it++; break; }
  }
  const fields: Record<string, FieldParams> = {};
  COMPARISONS.forEach((c, f) => { fields[c.field] = { m: m[f]!, u: u[f]! }; });
  return { params: { fields, lambda, source: "EM" }, iterations: it, converged, history };
}

export interface FieldReason { field: string; level: number; label: string; weight: number }

export interface Scored { weight: number; probability: number; reasons: FieldReason[] }

/** log2 of the prior odds that two records picked at random are the same person. */
export const priorWeight = (prior: number) => Math.log2(prior / (1 - prior));

export const probabilityFromWeight = (w: number) => 1 / (1 + Math.pow(2, -w));

/**
 * Scores a pair: match weight = log2 prior odds + Σ log2 Bayes factors; probability is the
 * posterior. `reasons` lists each field's level and contribution (fields missing on a side are left out).
 */
export function scorePair(params: ModelParams, a: PersonRecord, b: PersonRecord, prior: number, tf?: TermFrequencies, g: Int8Array = compareRecords(a, b)): Scored {
  let weight = priorWeight(prior);
  const reasons: FieldReason[] = [];
  for (let f = 0; f < COMPARISONS.length; f++) {
    const l = g[f]!;
    if (l < 0) continue;
    const c = COMPARISONS[f]!;
    const p = params.fields[c.field]!;
    let u = p.u[l]!;
    if (tf && c.tfLevel === l) {
      const freq = tf.tf(f, tfValue(f, a));
      if (freq > 0) u = Math.max(freq, FLOOR / 10);
    }
    const w = Math.log2(p.m[l]! / u);
    weight += w;
    reasons.push({ field: c.field, level: l, label: c.levels[l]!, weight: w });
  }
  return { weight, probability: probabilityFromWeight(weight), reasons };
}

/** Term frequencies counted over a set of records (both files of a link). */
export function countTermFrequencies(records: Iterable<PersonRecord>): TermFrequencies {
  const counts = COMPARISONS.map(() => new Map<string, number>());
  const totals = COMPARISONS.map(() => 0);
  for (const r of records) {
    COMPARISONS.forEach((c, f) => {
      if (c.tfLevel === undefined) return;
      const v = tfValue(f, r);
      if (!v) return;
      counts[f]!.set(v, (counts[f]!.get(v) ?? 0) + 1);
      totals[f]!++;
    });
  }
  return { tf: (f, v) => (totals[f] ? (counts[f]!.get(v) ?? 0) / totals[f]! : 0) };
}
