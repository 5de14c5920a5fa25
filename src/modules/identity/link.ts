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

/** Splits CSV text into rows (RFC 4180 quotes; CRLF, LF or CR; a delimiter other than the comma may be given). */
export function parseCsv(text: string, delimiter = ","): string[][] {
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
    else if (c === delimiter) {
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
type Column = (typeof FEBRL_COLUMNS)[number] | "full_name" | "birth_year" | "birth_month" | "birth_day";

/**
 * Other names files give the same columns (compared after lower-casing and turning everything
 * that is not a letter or digit into "_": "First Name" = "first_name"). The FEBRL name comes first.
 */
export const COLUMN_ALIASES: Record<Column, readonly string[]> = {
  rec_id: ["rec_id", "recid", "record_id", "record", "id", "person_id", "row_id", "key"],
  given_name: ["given_name", "givenname", "first_name", "firstname", "first", "forename", "fname", "given"],
  surname: ["surname", "last_name", "lastname", "last", "family_name", "familyname", "lname", "sur_name"],
  full_name: ["full_name", "fullname", "name", "person_name"],
  street_number: ["street_number", "streetnumber", "street_no", "house_number", "housenumber", "house_no", "number"],
  address_1: ["address_1", "address1", "address", "street", "street_address", "address_line_1", "addr1", "street_name"],
  address_2: ["address_2", "address2", "address_line_2", "addr2", "unit", "apartment", "building"],
  suburb: ["suburb", "town", "city", "municipality", "locality"],
  postcode: ["postcode", "post_code", "zip", "zipcode", "zip_code", "postal_code", "postalcode", "zip5"],
  state: ["state", "state_code", "province", "region"],
  date_of_birth: ["date_of_birth", "dob", "birth_date", "birthdate", "date_birth", "birthday", "born", "d_o_b"],
  birth_year: ["birth_year", "year_of_birth", "dob_year", "yob"],
  birth_month: ["birth_month", "month_of_birth", "dob_month"],
  birth_day: ["birth_day", "day_of_birth", "dob_day"],
  soc_sec_id: [
    "soc_sec_id",
    "ssn",
    "soc_sec",
    "social_security_number",
    "identifier",
    "id_number",
    "licence_number",
    "license_number",
  ],
};

const headerName = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

/** The delimiter of the header line: the one of , ; tab | that occurs most often outside quotes (a comma on a tie). */
function sniffDelimiter(text: string): string {
  const nl = text.search(/\r|\n/);
  const line = (nl < 0 ? text : text.slice(0, nl)).replace(/"[^"]*"/g, "");
  let best = ",",
    n = (line.match(/,/g) ?? []).length;
  for (const d of [";", "\t", "|"]) {
    const k = line.split(d).length - 1;
    if (k > n) [best, n] = [d, k];
  }
  return best;
}

/** A full name ("Mary O'Brien", "O'Brien, Mary", "Mary Ann O'Brien") as given name and surname. */
function splitFullName(s: string): [string, string] {
  const comma = s.indexOf(",");
  if (comma >= 0) return [s.slice(comma + 1).trim(), s.slice(0, comma).trim()];
  const w = s.trim().split(/\s+/);
  return w.length < 2 ? ["", w[0] ?? ""] : [w[0]!, w.slice(1).join(" ")];
}

/**
 * Reads person records from CSV text with a header. The FEBRL layout is the reference; other
 * column names for the same things (`first_name`, `last_name`, `dob`, `zip`, `city`, ...; see
 * COLUMN_ALIASES), any order, any case, a delimiter of , ; tab or |, a full name in one column,
 * the date of birth in one column or as year, month and day, are read too. Without an id column
 * the records are numbered by their data row (1 for the first). Empty rows are skipped. Cells
 * are trimmed; empty cells are unknown.
 */
export function readFebrl(text: string, what: string, opts: { ignore?: readonly string[] } = {}): PersonRecord[] {
  const body = text.replace(/^\uFEFF/, "");
  const rows = parseCsv(body, sniffDelimiter(body)).filter((r) => r.some((c) => c.trim() !== ""));
  if (!rows.length) throw new LinkInputError(`${what}: the file is empty`);
  const header = rows[0]!.map(headerName);
  const ignore = new Set((opts.ignore ?? []).map(headerName));
  const idx = {} as Record<Column, number>;
  const taken = new Set<number>();
  for (const c of Object.keys(COLUMN_ALIASES) as Column[]) {
    idx[c] = -1;
    if (ignore.has(c)) continue;
    for (const alias of COLUMN_ALIASES[c]) {
      const i = header.indexOf(alias);
      if (i >= 0 && !taken.has(i) && !ignore.has(alias)) {
        idx[c] = i;
        taken.add(i);
        break;
      }
    }
  }
  const hasNames = idx.given_name >= 0 || idx.surname >= 0 || idx.full_name >= 0;
  if (!hasNames)
    throw new LinkInputError(
      `${what}: needs given_name and surname columns (or first_name, last_name, name; found: ${header.join(", ")})`,
    );
  const get = (r: string[], i: number) => (i >= 0 ? (r[i] ?? "").trim() : "");
  const seen = new Set<string>();
  return rows.slice(1).map((r, n) => {
    const id = idx.rec_id >= 0 ? get(r, idx.rec_id) : String(n + 1);
    if (!id) throw new LinkInputError(`${what}: row ${n + 2} has no ${header[idx.rec_id]}`);
    if (seen.has(id)) throw new LinkInputError(`${what}: ${header[idx.rec_id] ?? "id"} ${id} appears twice`);
    seen.add(id);
    let firstName = get(r, idx.given_name),
      lastName = get(r, idx.surname);
    const full = get(r, idx.full_name);
    if (full && !firstName && !lastName) [firstName, lastName] = splitFullName(full);
    let birthDate = get(r, idx.date_of_birth);
    if (!birthDate && idx.birth_year >= 0) {
      const [y, m, d] = [get(r, idx.birth_year), get(r, idx.birth_month), get(r, idx.birth_day)];
      if (/^\d{4}$/.test(y) && /^\d{1,2}$/.test(m) && /^\d{1,2}$/.test(d))
        birthDate = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
    }
    return toRecord({
      id,
      firstName,
      lastName,
      birthDate,
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
  opts: {
    seed?: number;
    uSamples?: number;
    /** One file: compare review pairs between groups as the people the groups are about (default true). */
    groupReview?: boolean;
  } = {},
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
  if (!right) {
    closeClusters(left, out);
    const kept =
      (opts.groupReview ?? true)
        ? reviewBetweenPeople(left, out, (a, b) => {
            const g = compareRecords(a, b);
            return decisionFor(scorePair(em.params, a, b, prior, tf, g).probability, datesAgree(g, a, b));
          })
        : [...out];
    out.length = 0;
    out.push(...kept);
  }
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

/** The record fields a person's records agree on, for the consensus record of a group. */
const CONSENSUS_FIELDS = [
  "firstName",
  "lastName",
  "dob",
  "streetNumber",
  "street",
  "address2",
  "town",
  "zip",
  "state",
] as const satisfies readonly (keyof PersonRecord)[];

/**
 * The person a group of automatically matched records is about, as one record: each field as the
 * given record has it, unless most of the group's records that have the field share another value
 * (then that one is the person's, and the given record's is its own error).
 */
export function consensusRecord(start: PersonRecord, group: readonly PersonRecord[]): PersonRecord {
  if (group.length < 3) return start;
  const out: PersonRecord = { ...start };
  for (const f of CONSENSUS_FIELDS) {
    const counts = new Map<string, number>();
    let withValue = 0;
    for (const r of group)
      if (r[f]) {
        withValue++;
        counts.set(r[f], (counts.get(r[f]) ?? 0) + 1);
      }
    for (const [v, n] of counts) if (2 * n > withValue) out[f] = v;
  }
  if (out.lastName !== start.lastName) delete out.surnameParts;
  return out;
}

/**
 * One file with itself: pairs for review between two groups of records (a group = the records
 * automatically matched together, or one record alone) are a question about two people, asked once
 * per pair of records. Each pair's evidence also holds the errors of its two records; compared as
 * the people the groups are about (consensusRecord, from the group's strongest pair), a pair whose
 * agreement came from one record's error falls below review, and the whole group pair is not asked.
 * Pairs whose people still reach review (or more) stay as they were: this only removes.
 */
function reviewBetweenPeople(
  records: readonly PersonRecord[],
  pairs: readonly LinkedPair[],
  decide: (a: PersonRecord, b: PersonRecord) => MatchDecision,
): LinkedPair[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (const p of pairs)
    if (p.decision === "match") {
      const a = find(p.leftId),
        b = find(p.rightId);
      if (a !== b) parent.set(a, b);
    }
  const byId = new Map(records.map((r) => [r.id, r]));
  const groups = new Map<string, PersonRecord[]>();
  for (const r of records) {
    const g = find(r.id);
    const m = groups.get(g);
    if (m) m.push(r);
    else groups.set(g, [r]);
  }
  const units = new Map<string, LinkedPair[]>();
  for (const p of pairs) {
    if (p.decision !== "review") continue;
    const a = find(p.leftId),
      b = find(p.rightId);
    const k = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    const u = units.get(k);
    if (u) u.push(p);
    else units.set(k, [p]);
  }
  const drop = new Set<LinkedPair>();
  for (const u of units.values()) {
    const best = u.reduce((x, y) => (y.weight > x.weight ? y : x));
    const a = byId.get(best.leftId)!,
      b = byId.get(best.rightId)!;
    const pa = consensusRecord(a, groups.get(find(a.id))!),
      pb = consensusRecord(b, groups.get(find(b.id))!);
    if ((pa !== a || pb !== b) && decide(pa, pb) === "non-match") for (const p of u) drop.add(p);
  }
  return pairs.filter((p) => !drop.has(p));
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
    const bytes = readFileSync(file);
    text = bytes.toString("utf8");
    // Not UTF-8 (a spreadsheet's Windows-1252 or Latin-1 export: "Zoë" as one byte): read as Latin-1.
    if (text.includes("\uFFFD")) text = bytes.toString("latin1");
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
