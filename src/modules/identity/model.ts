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

export interface FieldParams {
  m: number[];
  u: number[];
  /**
   * Address only: u among different people who share the surname. Relatives live together, so
   * for two records with the same surname an agreeing address is much weaker evidence than for
   * two records picked at random (conditional independence fails there; this corrects it).
   */
  uSameSurname?: number[];
}

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
const SURNAME = FIELD_NAMES.indexOf("surname");
/** From this surname level up, two records may be relatives: the address's u is the relatives' one. */
const SURNAME_ALIKE = 1;
const ADDRESS = FIELD_NAMES.indexOf("address");

/** m is kept away from 0 (a match can show any level, through errors); u only from exact 0. */
const FLOOR = 1e-4;
const U_FLOOR = 1e-7;
const clampP = (p: number, floor = FLOOR) => Math.min(1 - floor, Math.max(floor, p));

/** Counts → proportions over present values, with a small prior count per level. */
function proportions(counts: number[], pseudo = 0.5, floor = FLOOR): number[] {
  const total = counts.reduce((s, c) => s + c, 0) + pseudo * counts.length;
  return counts.map((c) => clampP((c + pseudo) / total, floor));
}

/**
 * u of an address level for two people who may be relatives: as measured, but at least what a
 * shared address becomes when one of the two records has an error in it (relatives' addresses are
 * written with the same errors as a person's own).
 */
export function relativesU(uSame: readonly number[], m: readonly number[], l: number): number {
  const top = m.length - 1;
  return Math.max(uSame[l]!, l < top ? (uSame[top]! * m[l]!) / m[top]! : 0);
}

/** Starting m: most mass on the closest level, falling off below. */
export function initialM(levels: number): number[] {
  const raw = Array.from({ length: levels }, (_, l) => (l === levels - 1 ? 0.9 : 0.1 / (levels - 1)));
  return raw.map(clampP);
}

/** u from random pairs: how often two unrelated records reach each level. */
export function estimateU(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[],
  samples: number,
  rand: () => number,
  fallback?: readonly (readonly number[])[],
): FieldParams["u"][] {
  const counts = COMPARISONS.map((c) => new Array<number>(c.levels.length).fill(0));
  for (let s = 0; s < samples; s++) {
    const a = left[Math.floor(rand() * left.length)]!;
    const b = right[Math.floor(rand() * right.length)]!;
    if (a === b) continue;
    const g = compareRecords(a, b);
    for (let f = 0; f < g.length; f++) if (g[f]! >= 0) counts[f]![g[f]!]!++;
  }
  // A field seldom present on both sides, or the same for nearly everyone (all in one state),
  // says nothing about u here: keep the fallback's.
  return counts.map((c, f) =>
    fallback && (c.reduce((x, y) => x + y, 0) < 1000 || c.at(-1)! > 0.95 * c.reduce((x, y) => x + y, 0))
      ? [...fallback[f]!]
      : proportions(c, 0.5, U_FLOOR),
  );
}

export interface EmResult {
  params: ModelParams;
  iterations: number;
  converged: boolean;
  history: number[];
}

/**
 * Estimates m (and λ, the share of matches among the pairs given) by expectation-maximisation
 * over comparison vectors, with u held at the random-pair estimate. Fields in `skip` (those the
 * training pairs were blocked on, which therefore say nothing there) are left out of the
 * likelihood and keep their starting m. Identical vectors are counted once.
 */
export function estimateM(
  vectors: Iterable<Int8Array>,
  u: number[][],
  opts: {
    uSameSurname?: number[] | undefined;
    skip?: readonly number[];
    maxIterations?: number;
    tolerance?: number;
    startM?: number[][];
    startLambda?: number;
  } = {},
): EmResult {
  const patterns = new Map<string, { g: Int8Array; n: number }>();
  for (const g of vectors) {
    const k = g.join(",");
    const p = patterns.get(k);
    if (p) p.n++;
    else patterns.set(k, { g: Int8Array.from(g), n: 1 });
  }
  const pats = [...patterns.values()];
  const F = COMPARISONS.length;
  const skip = new Set(opts.skip ?? []);
  const used = Array.from({ length: F }, (_, f) => f).filter((f) => !skip.has(f));
  let m = opts.startM?.map((x) => [...x]) ?? COMPARISONS.map((c) => initialM(c.levels.length));
  let lambda = opts.startLambda ?? 0.3;
  const maxIt = opts.maxIterations ?? 200,
    tol = opts.tolerance ?? 1e-6;
  const history: number[] = [];
  let converged = false,
    it = 0;
  for (; it < maxIt; it++) {
    const mc = COMPARISONS.map((c) => new Array<number>(c.levels.length).fill(0));
    let sumP = 0,
      sumN = 0;
    for (const { g, n } of pats) {
      let logBf = 0;
      for (const f of used) {
        const l = g[f]!;
        if (l < 0) continue;
        let uf = u[f]![l]!;
        if (f === ADDRESS && opts.uSameSurname && l > 0 && g[SURNAME]! >= SURNAME_ALIKE)
          uf = Math.max(uf, relativesU(opts.uSameSurname, m[f]!, l));
        logBf += Math.log(m[f]![l]! / uf);
      }
      const odds = (lambda / (1 - lambda)) * Math.exp(logBf);
      const p = Number.isFinite(odds) ? odds / (1 + odds) : 1;
      sumP += p * n;
      sumN += n;
      for (const f of used) {
        const l = g[f]!;
        if (l >= 0) mc[f]![l]! += p * n;
      }
    }
    const newM = m.map((old, f) => (skip.has(f) || mc[f]!.every((c) => c === 0) ? old : proportions(mc[f]!, 0.01)));
    const newLambda = Math.min(0.999, Math.max(1e-6, sumN ? sumP / sumN : lambda));
    let delta = Math.abs(newLambda - lambda);
    for (let f = 0; f < F; f++)
      for (let l = 0; l < newM[f]!.length; l++) delta = Math.max(delta, Math.abs(newM[f]![l]! - m[f]![l]!));
    m = newM;
    lambda = newLambda;
    history.push(delta);
    if (delta < tol) {
      converged = true;
      it++;
      break;
    }
  }
  const fields: Record<string, FieldParams> = {};
  COMPARISONS.forEach((c, f) => {
    fields[c.field] = { m: m[f]!, u: u[f]! };
  });
  return { params: { fields, lambda, source: "EM" }, iterations: it, converged, history };
}

export interface FieldReason {
  field: string;
  level: number;
  label: string;
  weight: number;
}

export interface Scored {
  weight: number;
  probability: number;
  reasons: FieldReason[];
}

/** log2 of the prior odds that two records picked at random are the same person. */
export const priorWeight = (prior: number) => Math.log2(prior / (1 - prior));

export const probabilityFromWeight = (w: number) => 1 / (1 + Math.pow(2, -w));

/**
 * Scores a pair: match weight = log2 prior odds + Σ log2 Bayes factors; probability is the
 * posterior. `reasons` lists each field's level and contribution (fields missing on a side are left out).
 */
export function scorePair(
  params: ModelParams,
  a: PersonRecord,
  b: PersonRecord,
  prior: number,
  tf?: TermFrequencies,
  g: Int8Array = compareRecords(a, b),
): Scored {
  let weight = priorWeight(prior);
  const reasons: FieldReason[] = [];
  for (let f = 0; f < COMPARISONS.length; f++) {
    const l = g[f]!;
    if (l < 0) continue;
    const c = COMPARISONS[f]!;
    const p = params.fields[c.field]!;
    let u = p.u[l]!;
    if (p.uSameSurname && l > 0 && g[SURNAME]! >= SURNAME_ALIKE) u = Math.max(u, relativesU(p.uSameSurname, p.m, l));
    if (tf && c.tfLevel === l) {
      const freq = tf.tf(f, tfValue(f, a));
      if (freq > 0) u = Math.max(freq, U_FLOOR);
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
