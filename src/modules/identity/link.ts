/**
 * Linking two files of person records (or one file with itself) in the FEBRL layout:
 * blocking → comparison vectors → u from random pairs, m by EM on the candidates →
 * scores with name frequencies → decisions by the shared thresholds.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { candidatePairs } from "./blocking.ts";
import { COMPARISONS, compareRecords, datesAgree } from "./comparisons.ts";
import { countTermFrequencies, scorePair, type ModelParams } from "./model.ts";
import { trainModel, type Training } from "./train.ts";
import { toRecord, type PersonRecord } from "./record.ts";
import { decisionFor, type MatchDecision } from "./thresholds.ts";

export class LinkInputError extends Error {}

/** Splits CSV text into rows (RFC 4180 quotes; CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    cell = "",
    q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else q = false;
      } else cell += c;
    } else if (c === '"') q = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      cell = "";
      if (row.length > 1 || row[0] !== "") rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The FEBRL columns this reads; identifier columns (soc_sec_id) may be absent. */
export const FEBRL_COLUMNS = [
  "rec_id",
  "given_name",
  "surname",
  "street_number",
  "address_1",
  "address_2",
  "suburb",
  "postcode",
  "state",
  "date_of_birth",
  "soc_sec_id",
] as const;

/** Reads FEBRL-layout CSV text into records. Header names are trimmed and case-insensitive. */
export function readFebrl(text: string, what: string, opts: { ignore?: readonly string[] } = {}): PersonRecord[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ""));
  if (!rows.length) throw new LinkInputError(`${what}: the file is empty`);
  const header = rows[0]!.map((h) => h.trim().toLowerCase().replace(/\s+/g, "_"));
  const col = (name: string) => (opts.ignore?.includes(name) ? -1 : header.indexOf(name));
  const idx = Object.fromEntries(FEBRL_COLUMNS.map((c) => [c, col(c)])) as Record<
    (typeof FEBRL_COLUMNS)[number],
    number
  >;
  if (idx.rec_id < 0) throw new LinkInputError(`${what}: no rec_id column in the header (found: ${header.join(", ")})`);
  if (idx.given_name < 0 && idx.surname < 0) throw new LinkInputError(`${what}: needs given_name or surname columns`);
  const get = (r: string[], i: number) => (i >= 0 ? (r[i] ?? "").trim() : "");
  const seen = new Set<string>();
  return rows.slice(1).map((r, n) => {
    const id = get(r, idx.rec_id);
    if (!id) throw new LinkInputError(`${what}: row ${n + 2} has no rec_id`);
    if (seen.has(id)) throw new LinkInputError(`${what}: rec_id ${id} appears twice`);
    seen.add(id);
    return toRecord({
      id,
      firstName: get(r, idx.given_name),
      lastName: get(r, idx.surname),
      birthDate: get(r, idx.date_of_birth),
      streetNumber: get(r, idx.street_number),
      street: get(r, idx.address_1),
      address2: get(r, idx.address_2),
      town: get(r, idx.suburb),
      zip: get(r, idx.postcode),
      state: get(r, idx.state),
      identifier: get(r, idx.soc_sec_id),
    });
  });
}

export interface LinkedPair {
  leftId: string;
  rightId: string;
  weight: number;
  probability: number;
  decision: MatchDecision;
}

export interface LinkResult {
  pairs: LinkedPair[];
  /** Every scored candidate pair (including non-matches), for benchmarks. */
  scored: { leftId: string; rightId: string; weight: number; probability: number }[];
  params: ModelParams;
  prior: number;
  candidates: number;
  skippedBlocks: number;
  training: Training;
}

/**
 * Links `left` with `right` (or `left` with itself when `right` is undefined).
 * m is estimated by EM on these files' candidate pairs, u from random pairs of these files.
 */
export function linkRecords(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[] | undefined,
  opts: { seed?: number; uSamples?: number } = {},
): LinkResult {
  const r = right ?? left;
  const { pairs, skippedBlocks } = candidatePairs(left, right);
  const training = trainModel(left, right, opts);
  const vectors = pairs.map(([i, j]) => compareRecords(left[i]!, r[j]!));
  const em = { params: training.params };
  const prior = training.prior;
  const tf = countTermFrequencies(right ? [...left, ...right] : left);
  const scored: LinkResult["scored"] = [];
  const out: LinkedPair[] = [];
  pairs.forEach(([i, j], k) => {
    const a = left[i]!,
      b = r[j]!;
    const s = scorePair(em.params, a, b, prior, tf, vectors[k]);
    scored.push({ leftId: a.id, rightId: b.id, weight: s.weight, probability: s.probability });
    const decision = decisionFor(s.probability, datesAgree(vectors[k]!, a, b));
    if (decision !== "non-match")
      out.push({ leftId: a.id, rightId: b.id, weight: s.weight, probability: s.probability, decision });
  });
  if (!right) closeClusters(left, out);
  out.sort((x, y) => y.weight - x.weight);
  return { pairs: out, scored, params: em.params, prior, candidates: pairs.length, skippedBlocks, training };
}

/** Clusters larger than this are left as they are: a chain that long more likely holds one wrong link. */
const MAX_CLUSTER = 8;

/**
 * One file with itself: records automatically matched to a common record are the same person too
 * (A = B and A = C, so B = C), even when B and C, each with its own errors, look unalike. Their
 * pair becomes a match (with its own score when it was scored, else the weaker of the two links).
 */
function closeClusters(records: readonly PersonRecord[], pairs: LinkedPair[]): void {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r && parent.has(r)) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const best = new Map<string, number>();
  for (const p of pairs) {
    if (p.decision !== "match") continue;
    for (const id of [p.leftId, p.rightId]) {
      if (!parent.has(id)) parent.set(id, id);
      best.set(id, Math.min(best.get(id) ?? Infinity, p.weight));
    }
    const a = find(p.leftId),
      b = find(p.rightId);
    if (a !== b) parent.set(a, b);
  }
  const members = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const r = find(id);
    const m = members.get(r);
    if (m) m.push(id);
    else members.set(r, [id]);
  }
  const order = new Map(records.map((r, i) => [r.id, i]));
  const byKey = new Map(pairs.map((p) => [`${p.leftId}\u0000${p.rightId}`, p]));
  for (const ids of members.values()) {
    if (ids.length < 3 || ids.length > MAX_CLUSTER) continue;
    ids.sort((x, y) => order.get(x)! - order.get(y)!);
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const a = ids[i]!,
          b = ids[j]!;
        const existing = byKey.get(`${a}\u0000${b}`);
        if (existing) {
          existing.decision = "match";
          continue;
        }
        const w = Math.min(best.get(a)!, best.get(b)!);
        const p: LinkedPair = {
          leftId: a,
          rightId: b,
          weight: w,
          probability: 1 / (1 + Math.pow(2, -w)),
          decision: "match",
        };
        pairs.push(p);
        byKey.set(`${a}\u0000${b}`, p);
      }
  }
}

export const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** `left_id,right_id,score,decision`; score is the match weight (log2 posterior odds). */
export function pairsCsv(pairs: readonly LinkedPair[]): string {
  return (
    [
      "left_id,right_id,score,decision",
      ...pairs.map((p) => `${csvCell(p.leftId)},${csvCell(p.rightId)},${p.weight.toFixed(2)},${p.decision}`),
    ].join("\n") + "\n"
  );
}

/** Reads a FEBRL-layout file; LinkInputError when it cannot be read or is malformed. */
export function readFebrlFile(file: string, what: string, ignore: readonly string[] = []): PersonRecord[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new LinkInputError(
      `${what}: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  const recs = readFebrl(text, what, { ignore });
  if (!recs.length) throw new LinkInputError(`${what}: no records`);
  return recs;
}

/** The CLI's work: read, link, write. Throws LinkInputError for bad input. */
export function linkFiles(opts: {
  left: string;
  right?: string | undefined;
  out: string;
  ignore?: readonly string[];
}): LinkResult & { leftCount: number; rightCount: number } {
  const read = (file: string, what: string) => readFebrlFile(file, what, opts.ignore ?? []);
  const left = read(opts.left, "--left");
  const right = opts.right ? read(opts.right, "--right") : undefined;
  const res = linkRecords(left, right);
  try {
    writeFileSync(opts.out, pairsCsv(res.pairs));
  } catch (e) {
    throw new LinkInputError(
      `--out: cannot write ${opts.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  return { ...res, leftCount: left.length, rightCount: right?.length ?? left.length };
}

export const FIELD_COUNT = COMPARISONS.length;
