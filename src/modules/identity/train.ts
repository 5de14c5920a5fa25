/**
 * Estimating the model from the records themselves, the way Splink does:
 * - u from random pairs (almost all random pairs are different people);
 * - m by EM in two training sessions, each over pairs blocked on fields that unrelated people
 *   rarely share by accident, so that the pairs' other fields behave like random pairs among
 *   non-matches: pairs with the same date of birth (teaches m of the names and the address),
 *   and pairs with the same first name and surname (teaches m of the date of birth and the
 *   address). A field a session was blocked on is left out of that session.
 * - the prior (share of all pairs that match) from the matches session A found, divided by how
 *   often a match has an exact date of birth (session B's m).
 * When a file is too small for EM to say anything, the shipped default parameters are used.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRng } from "../../lib/random.ts";
import { candidatePairs, type BlockingRule } from "./blocking.ts";
import { COMPARISONS, compareRecords } from "./comparisons.ts";
import { estimateM, estimateU, type FieldParams, type ModelParams } from "./model.ts";
import type { PersonRecord } from "./record.ts";

const F = (name: string) => COMPARISONS.findIndex((c) => c.field === name);
const DOB = F("date_of_birth"),
  FIRST = F("first_name"),
  SUR = F("surname");

const SESSION_DOB: BlockingRule = { name: "same date of birth", key: (r) => r.dob || undefined };
const SESSION_NAMES: BlockingRule = {
  name: "same first name and surname",
  key: (r) => (r.firstName && r.lastName ? `${r.firstName}|${r.lastName}` : undefined),
};

const PARAMS_FILE = join(dirname(fileURLToPath(import.meta.url)), "data", "params.json");

export interface ShippedParams extends ModelParams {
  prior?: number;
}

let shipped: ShippedParams | undefined;
/** The default parameters shipped in data/params.json (live matching uses these). */
export function defaultParams(): ShippedParams {
  shipped ??= JSON.parse(readFileSync(PARAMS_FILE, "utf8")) as ShippedParams;
  return shipped;
}

export interface Training {
  params: ModelParams;
  /** Probability that two records drawn at random from the two files are the same person. */
  prior: number;
  sessions: { name: string; pairs: number; lambda: number; iterations: number; converged: boolean; used: boolean }[];
  fellBack: boolean;
}

const share = (rs: readonly PersonRecord[], f: (r: PersonRecord) => string) =>
  rs.length ? rs.filter((r) => f(r) !== "").length / rs.length : 0;

export function trainModel(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[] | undefined,
  opts: { seed?: number; uSamples?: number } = {},
): Training {
  const r = right ?? left;
  const totalPairs = right ? left.length * r.length : (left.length * (left.length - 1)) / 2;
  const rng = createRng(opts.seed ?? 2013);
  const base = defaultParams();
  const u = estimateU(
    left,
    r,
    Math.min(opts.uSamples ?? 100_000, Math.max(1, totalPairs) * 4),
    rng.next,
    COMPARISONS.map((c) => base.fields[c.field]!.u),
  );
  const startM = COMPARISONS.map((c) => [...base.fields[c.field]!.m]);
  // Address agreement among different people who share a surname (relatives), from pairs within the
  // left file with the same surname and different dates of birth. Linking two files, the left one is
  // a registry: its records are different people. Linking one file with itself, they are not (its
  // duplicates, with a mistyped date of birth, would be counted as relatives and make every shared
  // address look like a family's): there the pairs must also disagree on the first name and on the
  // second address line, as relatives do and duplicates seldom do.
  const ADDR = F("address");
  const FIRST_CMP = COMPARISONS[FIRST]!,
    ADDR2_CMP = COMPARISONS[F("address_2")]!;
  const relatives = (a: PersonRecord, b: PersonRecord) =>
    a.dob !== b.dob && (right !== undefined || (FIRST_CMP.compare(a, b) === 0 && ADDR2_CMP.compare(a, b) <= 0));
  let uSameSurname: number[] | undefined;
  const same = candidatePairs(left, undefined, [{ name: "same surname", key: (x) => x.lastName || undefined }])
    .pairs.filter(([i, j]) => relatives(left[i]!, left[j]!))
    .map(([i, j]) => COMPARISONS[ADDR]!.compare(left[i]!, left[j]!));
  if (same.length >= 200) {
    const counts = new Array<number>(COMPARISONS[ADDR]!.levels.length).fill(0);
    for (const l of same) if (l >= 0) counts[l]!++;
    const total = counts.reduce((x, y) => x + y, 0) + 0.5 * counts.length;
    uSameSurname = counts.map((c) => Math.max(1e-6, (c + 0.5) / total));
  } else uSameSurname = base.fields.address?.uSameSurname;
  const run = (rule: BlockingRule, skip: number[]) => {
    const { pairs } = candidatePairs(left, right, [rule]);
    const em = estimateM(
      pairs.map(([i, j]) => compareRecords(left[i]!, r[j]!)),
      u,
      { skip, startM, startLambda: 0.5, uSameSurname },
    );
    const matches = em.params.lambda * pairs.length;
    return { rule, pairs: pairs.length, em, used: em.converged && pairs.length >= 30 && matches >= 10 };
  };
  const a = run(SESSION_DOB, [DOB]);
  const b = run(SESSION_NAMES, [FIRST, SUR]);
  const fields: Record<string, FieldParams> = {};
  COMPARISONS.forEach((c, f) => {
    const ma = a.used ? a.em.params.fields[c.field]!.m : undefined;
    const mb = b.used ? b.em.params.fields[c.field]!.m : undefined;
    let m: number[];
    if (f === DOB) m = mb ?? startM[f]!;
    else if (f === FIRST || f === SUR) m = ma ?? startM[f]!;
    else if (ma && mb) m = ma.map((x, l) => (x + mb[l]!) / 2);
    else m = ma ?? mb ?? startM[f]!;
    fields[c.field] = { m, u: u[f]! };
    if (f === ADDR && uSameSurname) fields[c.field]!.uSameSurname = uSameSurname;
  });
  // Expected matches: those with an exact date of birth (session A) over the share of matches whose
  // date of birth is exact and present on both sides.
  const dobPresent = share(left, (x) => x.dob) * share(r, (x) => x.dob);
  const mDobExact = fields.date_of_birth!.m[COMPARISONS[DOB]!.levels.length - 1]!;
  const fellBack = !a.used;
  const expected = a.used
    ? (a.em.params.lambda * a.pairs) / Math.max(0.05, mDobExact * dobPresent)
    : Math.min(left.length, r.length) * 0.5;
  const prior = Math.min(0.5, Math.max(1, expected) / Math.max(1, totalPairs));
  // Random pairs are not all different people: a share `prior` of them are matches, which show the
  // closest levels far more often (m). Left in, they make an exact date of birth or a shared address
  // look common among different people, most of all in a file with many duplicates linked with
  // itself. u is the random pairs' rate less the matches' part: (u - prior·m) / (1 - prior), never
  // below a twentieth of what was observed (sampling noise).
  if (a.used)
    COMPARISONS.forEach((c) => {
      const p = fields[c.field]!;
      const shipped = base.fields[c.field]!.u;
      if (p.u.every((x, l) => x === shipped[l])) return; // the shipped u (too few pairs to measure): kept
      p.u = p.u.map((uo, l) => Math.max(uo / 20, 1e-7, (uo - prior * p.m[l]!) / (1 - prior)));
    });
  return {
    params: {
      fields,
      lambda: a.used ? a.em.params.lambda : base.lambda,
      source: `EM (same date of birth: ${a.pairs} pairs${a.used ? "" : ", not used"}; same names: ${b.pairs} pairs${b.used ? "" : ", not used"})`,
    },
    prior,
    sessions: [a, b].map((s) => ({
      name: s.rule.name,
      pairs: s.pairs,
      lambda: s.em.params.lambda,
      iterations: s.em.iterations,
      converged: s.em.converged,
      used: s.used,
    })),
    fellBack,
  };
}
