/**
 * bench/dataset: a deterministic, Connecticut-scale synthetic data set and a
 * fast bulk loader for it.
 *
 * At scale 1: 3.6 million residents spread over the 169 towns in proportion
 * to population, about 180,000 credential holders, the state's sellers
 * (firearm dealers and ammunition vendors, placed by population), a year of
 * firearm sale records (about 170,000) and ammunition sales (about 1,000,000)
 * when those tables exist. `--scale 0.01` gives a hundredth of everything.
 * The same seed gives the same data, row for row (ids included).
 *
 * Rows go in with `COPY ... FROM STDIN` (streamed with the `pg` package alone,
 * one COPY statement and transaction per 100,000 rows) while secondary indexes
 * are dropped; they are rebuilt afterwards and every table is ANALYZEd.
 *
 *   node bench/dataset.ts [--scale 1] [--seed 2013] [--database-url URL]
 *
 * Without --database-url it starts a throwaway PostgreSQL cluster, loads the
 * data set, writes the load times to BENCHMARKS.md and removes the cluster.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadConfig } from "../src/config.ts";
import { openPostgres, type Db } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import { ensureTowns, loadNames, loadTowns, type Town } from "../src/db/reference-data.ts";
import { addYears, fromEpochDay, toEpochDay, type PlainDate } from "../src/law/core/dates.ts";
import { createRng, weightedPicker, type Rng } from "../src/lib/random.ts";
import { GENESIS, entryHash } from "../src/modules/audit/chain.ts";
import { systemClock } from "../src/lib/clock.ts";
import { simulatedAdapters } from "../src/adapters/index.ts";
import { createApiKey, createUser } from "../src/modules/auth/service.ts";
import { attachStaff } from "../src/modules/dealers/service.ts";
import { fmt, log, psql, startPostgres, writeSection } from "./lib.ts";

export const BENCH_TODAY = "2026-11-20" as PlainDate;

/** Connecticut at scale 1 (see ../shared/design/BRIEF.md, Data). */
export const CT = {
  residents: 3_600_000,
  holders: 180_000,
  firearmDealers: 450,
  ammunitionVendors: 250,
  firearmSales: 170_000,
  ammunitionSales: 1_000_000,
};

// ------------------------------------------------------------------ COPY FROM STDIN with pg alone

type Value = string | number | boolean | null | undefined;
const NEEDS_ESCAPE = /[\\\t\n\r]/;
function copyField(v: Value): string {
  if (v === null || v === undefined) return "\\N";
  const s = typeof v === "string" ? v : String(v);
  return NEEDS_ESCAPE.test(s)
    ? s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : s;
}

/** One row in COPY text format, newline included. */
export function copyLine(values: readonly Value[]): string {
  let out = copyField(values[0]);
  for (let i = 1; i < values.length; i++) out += "\t" + copyField(values[i]);
  return out + "\n";
}

interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): boolean | undefined;
  endCopyFrom(): void;
  sendCopyFail(msg: string): void;
  stream: { once(ev: "drain", fn: () => void): void };
}

/** A custom pg "submittable" (the hook pg-copy-streams uses): sends the rows when the server asks for them. */
class CopyIn {
  private rows = 0;
  private error: Error | undefined;
  private done = false;
  callback: ((err: Error | null, n?: number) => void) | undefined;
  readonly text: string;
  private readonly lines: Iterable<string>;
  constructor(text: string, lines: Iterable<string>) {
    this.text = text;
    this.lines = lines;
  }
  submit(connection: PgConnection): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: PgConnection): void {
    void this.pump(connection);
  }
  private async pump(c: PgConnection): Promise<void> {
    let buf = "";
    try {
      for (const line of this.lines) {
        buf += line;
        if (buf.length >= 1 << 20) {
          const ok = c.sendCopyFromChunk(Buffer.from(buf));
          buf = "";
          if (ok === false) await new Promise<void>((r) => c.stream.once("drain", r));
          if (this.error) return;
        }
      }
      if (buf) c.sendCopyFromChunk(Buffer.from(buf));
      c.endCopyFrom();
    } catch (e) {
      c.sendCopyFail(`row generator failed: ${(e as Error).message}`.slice(0, 200));
    }
  }
  handleCommandComplete(msg: { text?: string }): void {
    const m = /COPY (\d+)/.exec(msg.text ?? "");
    if (m) this.rows = Number(m[1]);
  }
  handleReadyForQuery(): void {
    this.finish();
  }
  handleError(e: Error): void {
    this.error = e;
    // A server error is followed by ReadyForQuery; a broken connection is not.
    if (!("severity" in e)) this.finish();
  }
  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.callback?.(this.error ?? null, this.rows);
  }
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Streams `lines` (each made by `copyLine`) into `table`, as one statement; resolves with the rows copied. */
export function copyFrom(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  lines: Iterable<string>,
): Promise<number> {
  const q = new CopyIn(`COPY ${table} (${columns.join(", ")}) FROM STDIN`, lines);
  return new Promise((resolve, reject) => {
    q.callback = (err, n) => (err ? reject(err) : resolve(n ?? 0));
    (client as unknown as { query(q: unknown): void }).query(q);
  });
}

/** Copies rows from a generator in statements (and transactions) of `batch` rows. */
async function copyBatched(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly Value[]>,
  batch = 100_000,
  onBatch?: (n: number) => void,
): Promise<number> {
  const it = rows[Symbol.iterator]();
  let total = 0;
  let exhausted = false;
  while (!exhausted) {
    let n = 0;
    const lines = {
      *[Symbol.iterator]() {
        while (n < batch) {
          const r = it.next();
          if (r.done) {
            exhausted = true;
            return;
          }
          n += 1;
          yield copyLine(r.value);
        }
      },
    };
    const copied = await copyFrom(client, table, columns, lines);
    total += copied;
    if (copied) onBatch?.(total);
  }
  return total;
}

// ------------------------------------------------------------------ deterministic generation

/** A UUID (version 4 layout) from the PRNG: the same seed gives the same ids. */
function uuidFrom(rng: Rng): string {
  const h = (n: number) => (Math.floor(rng.next() * 2 ** 32) >>> 0).toString(16).padStart(8, "0").slice(0, n);
  const a = h(8),
    b = h(8),
    c = h(8),
    d = h(8);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${"89ab"[parseInt(c[0]!, 16) & 3]}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

/** Picks from a rank-ordered list with Zipf-like weights, so common names are common. */
function zipfPicker<T>(items: readonly T[], s = 0.9, offset = 10): (rng: Rng) => T {
  const pick = weightedPicker(items.map((_, i) => 1 / Math.pow(i + offset, s)));
  return (rng) => items[pick(rng.next())]!;
}

// Connecticut's age structure (ACS, roughly): share of residents by age band.
const AGE_BANDS: [number, number, number][] = [
  [0, 17, 0.205],
  [18, 24, 0.095],
  [25, 44, 0.245],
  [45, 64, 0.275],
  [65, 99, 0.18],
];
const STREETS = [
  "Main",
  "Elm",
  "Maple",
  "Church",
  "High",
  "Park",
  "Oak",
  "Washington",
  "Prospect",
  "Center",
  "Pine",
  "Cedar",
  "Hill",
  "Spring",
  "Union",
  "Broad",
  "Chestnut",
  "Walnut",
  "Franklin",
  "Highland",
  "Lake",
  "River",
  "Mill",
  "School",
  "North",
  "South",
  "Meadow",
  "Orchard",
  "Ridge",
  "Forest",
];
const SUFFIX = ["Street", "Road", "Avenue", "Lane", "Drive", "Court", "Place", "Way"];
const CREDENTIAL_MIX: [string, string, number][] = [
  ["state-handgun-permit", "SP", 0.64],
  ["handgun-eligibility-certificate", "HE", 0.08],
  ["long-gun-eligibility-certificate", "LE", 0.12],
  ["ammunition-certificate", "AC", 0.16],
];

/** Twelve monthly weights (oldest first) from Connecticut's NICS checks in the last year of ../shared/data, or flat. */
function monthlyWeights(): { weights: number[]; handgunShare: number } {
  const file = new URL("../../shared/data/nics-firearm-background-checks.csv", import.meta.url);
  if (!existsSync(file)) return { weights: Array(12).fill(1), handgunShare: 0.7 };
  const lines = readFileSync(file, "utf8").split("\n");
  const head = lines[0]!.split(",");
  const col = (n: string) => head.indexOf(n);
  const rows = lines
    .slice(1)
    .map((l) => l.split(","))
    .filter((r) => r[1] === "Connecticut")
    .sort((a, b) => b[0]!.localeCompare(a[0]!))
    .slice(0, 12)
    .reverse();
  if (rows.length < 12) return { weights: Array(12).fill(1), handgunShare: 0.7 };
  const hg = rows.reduce((s, r) => s + Number(r[col("handgun")]), 0);
  const lg = rows.reduce((s, r) => s + Number(r[col("long_gun")]), 0);
  return {
    weights: rows.map((r) => Number(r[col("handgun")]) + Number(r[col("long_gun")]) + Number(r[col("other")])),
    handgunShare: hg / (hg + lg),
  };
}

export interface Holder {
  personId: string;
  credentialId: string;
  number: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  kind: string;
  status: string;
  street: string;
  town: string;
  zip: string;
}
export interface Seller {
  id: string;
  kind: "firearm-dealer" | "ammunition-vendor";
  name: string;
  town: string;
}

export interface LoadReport {
  table: string;
  rows: number;
  seconds: number;
  perSecond: number;
}

export interface Dataset {
  scale: number;
  seed: number;
  today: PlainDate;
  /** Every credential loaded (active and not), in load order. */
  holders: Holder[];
  sellers: Seller[];
  report: LoadReport[];
  indexSeconds: number;
  analyzeSeconds: number;
  fkSeconds: number;
  totalSeconds: number;
}

export interface DatasetOptions {
  scale?: number;
  seed?: number;
  today?: PlainDate;
  /** Rows per COPY statement (one transaction each). */
  batch?: number;
  /** Connections copying the history at once (default 2). */
  connections?: number;
  onProgress?: (msg: string) => void;
}

interface Ctx {
  client: pg.Client;
  url: string;
  /** Connections copying history chunks at once. */
  connections: number;
  rng: (stream: number) => Rng;
  scale: number;
  today: PlainDate;
  towns: Town[];
  pickTown: (r: number) => number;
  batch: number;
  say: (msg: string) => void;
  report: LoadReport[];
}

async function timed(c: Ctx, table: string, fn: () => Promise<number>): Promise<number> {
  const t0 = performance.now();
  const rows = await fn();
  const seconds = (performance.now() - t0) / 1000;
  c.report.push({ table, rows, seconds, perSecond: rows / Math.max(seconds, 1e-6) });
  c.say(`${table}: ${fmt(rows)} rows in ${fmt(seconds, 1)} s (${fmt(rows / Math.max(seconds, 1e-6))} rows/s)`);
  return rows;
}

async function tableExists(client: pg.ClientBase, table: string): Promise<boolean> {
  const r = await client.query("SELECT to_regclass($1) IS NOT NULL AS ok", [table]);
  return r.rows[0].ok === true;
}

const HISTORY_TABLES = [
  "ammunition_checks",
  "ammunition_sales",
  "ammunition_sale_lines",
  "sales",
  "sale_nics_checks",
  "sale_actions",
  "sale_records",
  "sale_reports",
];

/** Rows of the given tables whose single-column foreign keys point nowhere: "constraint: n" for each broken one. */
async function checkForeignKeys(client: pg.ClientBase, tables: string[]): Promise<string[]> {
  const fks = await client.query(
    `SELECT c.conname, t.relname AS child, a.attname AS col, p.relname AS parent, pa.attname AS pcol
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class p ON p.oid = c.confrelid
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
     WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1 AND t.relname = ANY($1)`,
    [tables],
  );
  const out: string[] = [];
  for (const f of fks.rows) {
    const r = await client.query(
      `SELECT count(*)::int AS n FROM ${f.child} x WHERE x.${f.col} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${f.parent} y WHERE y.${f.pcol} = x.${f.col})`,
    );
    if (r.rows[0].n > 0) out.push(`${f.conname}: ${r.rows[0].n}`);
  }
  return out;
}

/** Secondary indexes (not backing a primary key or unique constraint) of the given tables. */
async function secondaryIndexes(client: pg.ClientBase, tables: string[]): Promise<{ name: string; def: string }[]> {
  const r = await client.query(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
    [tables],
  );
  return r.rows;
}

// ------------------------------------------------------------------ people and credentials

async function loadPeopleAndCredentials(c: Ctx): Promise<Holder[]> {
  const names = loadNames();
  const rng = c.rng(1);
  const pickLast = zipfPicker(names.last, 0.85, 20);
  const pickMale = zipfPicker(names.male, 1.0, 5);
  const pickFemale = zipfPicker(names.female, 1.0, 5);
  const pickBand = weightedPicker(AGE_BANDS.map((b) => b[2]));
  const pickKind = weightedPicker(CREDENTIAL_MIX.map((k) => k[2]));
  const todayDay = toEpochDay(c.today);
  const count = Math.max(50, Math.round(CT.residents * c.scale));
  const wantHolders = Math.max(20, Math.round(CT.holders * c.scale));
  // Holders are adults of 21 or more; their share of such residents gives about `wantHolders`.
  const adultShare = AGE_BANDS.reduce(
    (s, [lo, hi, w]) => s + (hi < 21 ? 0 : lo >= 21 ? w : (w * (hi - 20)) / (hi - lo + 1)),
    0,
  );
  const holderChance = Math.min(1, wantHolders / (count * adultShare));
  const holderRows: Value[][] = [];
  const holders: Holder[] = [];
  const zips = c.towns.map((_, i) => `06${String(1 + ((i * 5) % 928)).padStart(3, "0")}`);
  let credSeq = 0;

  function* people(): Generator<Value[]> {
    for (let i = 0; i < count; i++) {
      const id = uuidFrom(rng);
      const female = rng.next() < 0.51;
      const first = female ? pickFemale(rng) : pickMale(rng);
      const middle = rng.next() < 0.55 ? (rng.next() < 0.5 ? pickMale(rng) : pickFemale(rng)).slice(0, 1) : null;
      const last = pickLast(rng);
      const [lo, hi] = AGE_BANDS[pickBand(rng.next())]!;
      const ageDays = rng.int(lo * 365 + 1, hi * 365 + 364);
      const birth = fromEpochDay(todayDay - ageDays);
      const ti = c.pickTown(rng.next());
      const town = c.towns[ti]!.name;
      const street = `${rng.int(1, 1999)} ${STREETS[rng.int(0, STREETS.length - 1)]} ${SUFFIX[rng.int(0, SUFFIX.length - 1)]}`;
      const email = rng.next() < 0.3 ? `${first}.${last}${i}@example.test`.toLowerCase() : null;
      yield [id, first, middle, last, birth, street, town, "CT", zips[ti], email];
      if (ageDays >= 21 * 365 + 6 && rng.next() < holderChance) {
        const [kind, prefix] = CREDENTIAL_MIX[pickKind(rng.next())]!;
        const credId = uuidFrom(rng);
        credSeq += 1;
        const number = `${prefix}-${String(3_000_000 + credSeq)}`;
        // Issued within the last five years; a few lapsed, a few revoked.
        const roll = rng.next();
        let status = "active";
        let issued = fromEpochDay(todayDay - rng.int(0, 5 * 365 - 2));
        let revokedOn: string | null = null;
        let reasons: string | null = null;
        if (roll < 0.03) {
          status = "expired";
          issued = fromEpochDay(todayDay - rng.int(5 * 365 + 1, 7 * 365));
        } else if (roll < 0.045) {
          status = "revoked";
          revokedOn = fromEpochDay(todayDay - rng.int(1, 700));
          if (revokedOn < issued) issued = fromEpochDay(toEpochDay(revokedOn as PlainDate) - 30);
          reasons = JSON.stringify([
            {
              id: "no-disqualifying-conviction",
              because: "synthetic: convicted of a disqualifying offence",
              citation: "CGS § 29-32(b)",
            },
          ]);
        }
        const expires = addYears(issued as PlainDate, 5);
        holderRows.push([credId, number, id, kind, status, issued, expires, 7000, revokedOn, reasons]);
        holders.push({
          personId: id,
          credentialId: credId,
          number,
          firstName: first,
          lastName: last,
          birthDate: birth,
          kind: kind!,
          status,
          street,
          town,
          zip: zips[ti]!,
        });
      }
    }
  }

  await timed(c, "people", () =>
    copyBatched(
      c.client,
      "people",
      ["id", "first_name", "middle_name", "last_name", "birth_date", "street", "town", "state", "zip", "email"],
      people(),
      c.batch,
      (n) => c.say(`  people ${fmt(n)} / ${fmt(count)}`),
    ),
  );
  await timed(c, "credentials", () =>
    copyBatched(
      c.client,
      "credentials",
      [
        "id",
        "number",
        "person_id",
        "kind",
        "status",
        "issued_on",
        "expires_on",
        "fee_cents",
        "revoked_on",
        "revocation_reasons",
      ],
      holderRows,
      c.batch,
    ),
  );
  return holders;
}

// ------------------------------------------------------------------ sellers

async function loadSellers(c: Ctx): Promise<Seller[]> {
  const rng = c.rng(2);
  const names = loadNames();
  const sellers: Seller[] = [];
  const rows: Value[][] = [];
  const loc: Value[][] = [];
  const nDealers = Math.max(4, Math.round(CT.firearmDealers * c.scale));
  const nVendors = Math.max(4, Math.round(CT.ammunitionVendors * c.scale));
  const shopWords = [
    "Sporting Goods",
    "Firearms",
    "Gun Shop",
    "Outfitters",
    "Arms",
    "Shooting Supply",
    "Rod & Gun",
    "Tactical",
  ];
  for (let i = 0; i < nDealers + nVendors; i++) {
    const dealer = i < nDealers;
    const ti = c.pickTown(rng.next());
    const town = c.towns[ti]!;
    const id = uuidFrom(rng);
    const name = `${dealer ? names.last[rng.int(0, 999)] : town.name} ${dealer ? shopWords[rng.int(0, shopWords.length - 1)] : rng.pick(["Ammunition Supply", "Outdoor Store", "Hardware", "Sports"])} #${i + 1}`;
    const ffl = dealer
      ? `6-06-${String(ti + 1).padStart(3, "0")}-${String(rng.int(1, 99)).padStart(2, "0")}-${rng.pick(["01", "02", "07", "7A"])}-${String(10_000 + i).padStart(5, "0")}`
      : null;
    const permit = dealer ? `CT-DLR-B${String(i + 1).padStart(5, "0")}` : `CT-AMMO-B${String(i + 1).padStart(5, "0")}`;
    const street = `${rng.int(1, 2999)} ${rng.pick(STREETS)} ${rng.pick(SUFFIX)}`;
    const zip = `06${String(1 + ((ti * 5) % 928)).padStart(3, "0")}`;
    rows.push([
      id,
      name,
      dealer ? "firearm-dealer" : "ammunition-vendor",
      ffl,
      permit,
      "active",
      town.name,
      street,
      zip,
    ]);
    loc.push([uuidFrom(rng), id, "Main premises", street, town.name, zip, true]);
    sellers.push({ id, kind: dealer ? "firearm-dealer" : "ammunition-vendor", name, town: town.name });
  }
  await timed(c, "dealers", () =>
    copyFrom(
      c.client,
      "dealers",
      ["id", "name", "kind", "ffl_number", "state_permit_number", "status", "town", "street", "zip"],
      rows.map(copyLine),
    ),
  );
  await timed(c, "dealer_locations", () =>
    copyFrom(
      c.client,
      "dealer_locations",
      ["id", "dealer_id", "label", "street", "town", "zip", "active"],
      loc.map(copyLine),
    ),
  );
  return sellers;
}

// ------------------------------------------------------------------ a year of sales (when the tables exist)

/** Sales per day over the year before today, shaped by Connecticut's monthly NICS checks; sums to `total`. */
function dailyCounts(today: PlainDate, total: number): { start: number; counts: number[] } {
  const { weights } = monthlyWeights();
  const start = toEpochDay(addYears(today, -1));
  const days = toEpochDay(today) - start;
  const w = Array.from(
    { length: days },
    (_, d) =>
      weights[Math.min(11, Math.floor((d / days) * 12))]! *
      (new Date(Date.UTC(1970, 0, 1 + start + d)).getUTCDay() === 6 ? 1.6 : 1),
  );
  const sum = w.reduce((a, b) => a + b, 0);
  let acc = 0,
    given = 0;
  const counts = w.map((x) => {
    acc += (x / sum) * total;
    const n = Math.round(acc) - given;
    given += n;
    return n;
  });
  return { start, counts };
}

/** Audit entries for the history, sealed as the sealer would (chain position, previous hash, hash). */
class AuditWriter {
  prev: string;
  pos: number;
  constructor(prev: string, pos: number) {
    this.prev = prev;
    this.pos = pos;
  }
  line(e: {
    at: string;
    actorId: string;
    role: string;
    action: string;
    entityType: string;
    entityId: string;
    details: Record<string, unknown>;
    requestId: string;
  }): string {
    const fields = {
      at: e.at,
      actor_id: e.actorId,
      actor_role: e.role,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      purpose: null,
      outcome: "success",
      details: e.details,
      request_id: e.requestId,
    };
    const hash = entryHash(this.prev, fields);
    this.pos += 1;
    const out = copyLine([
      e.at,
      e.actorId,
      e.role,
      e.action,
      e.entityType,
      e.entityId,
      null,
      "success",
      JSON.stringify(e.details),
      e.requestId,
      this.prev,
      hash,
      this.pos,
    ]);
    this.prev = hash;
    return out;
  }
}
const AUDIT_COLS = [
  "at",
  "actor_id",
  "actor_role",
  "action",
  "entity_type",
  "entity_id",
  "purpose",
  "outcome",
  "details",
  "request_id",
  "prev_hash",
  "hash",
  "chain_seq",
];
const DECISION_COLS = [
  "id",
  "question",
  "decided_on",
  "rulebook_version",
  "outcome",
  "result",
  "findings",
  "facts",
  "subject_type",
  "subject_id",
  "created_at",
];

/** Rows of one chunk of history, per table, in foreign-key order. */
type Chunk = Map<string, { cols: string[]; lines: string[] }>;
function add(chunk: Chunk, table: string, cols: string[], line: string): void {
  let t = chunk.get(table);
  if (!t) chunk.set(table, (t = { cols, lines: [] }));
  t.lines.push(line);
}

const AMMO_LINES: { type: string; calibers: string[]; quantities: number[] }[] = [
  {
    type: "centerfire-pistol",
    calibers: ["9mm Luger", ".45 ACP", ".40 S&W", ".380 ACP", ".38 Special"],
    quantities: [50, 50, 50, 100, 200, 250, 500, 1000],
  },
  {
    type: "centerfire-rifle",
    calibers: [".223 Remington", "5.56x45mm", ".308 Winchester", "30-06 Springfield", "6.5 Creedmoor"],
    quantities: [20, 20, 40, 100, 200, 500],
  },
  { type: "rimfire", calibers: [".22 LR", ".22 WMR", ".17 HMR"], quantities: [50, 100, 325, 500, 1000] },
  { type: "shotshell", calibers: ["12 gauge", "20 gauge", ".410 bore"], quantities: [25, 25, 50, 100, 250] },
  { type: "magazine", calibers: ["9mm Luger", ".223 Remington", ".22 LR"], quantities: [1, 1, 2, 3] },
];
const BRANDS = ["Federal", "Winchester", "Remington", "Hornady", "CCI", "PMC", "Fiocchi", "Blazer"];

/**
 * Copies chunks over several connections at once, each chunk in one transaction
 * (foreign keys are checked afterwards, so chunks need no order).
 */
class ParallelCopier {
  private readonly conns: pg.Client[];
  private readonly busy: Promise<void>[];
  private n = 0;
  readonly totals = new Map<string, { rows: number; seconds: number }>();
  private constructor(conns: pg.Client[]) {
    this.conns = conns;
    this.busy = conns.map(() => Promise.resolve());
  }
  static async open(url: string, n: number): Promise<ParallelCopier> {
    const conns: pg.Client[] = [];
    for (let i = 0; i < n; i++) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query("SET synchronous_commit = off");
      await c.query("SET session_replication_role = replica");
      conns.push(c);
    }
    return new ParallelCopier(conns);
  }
  /** Waits for a free connection, then starts copying `chunk` on it (not waiting for the end). */
  async submit(chunk: Chunk): Promise<void> {
    const i = this.n++ % this.conns.length;
    await this.busy[i];
    this.busy[i] = this.run(this.conns[i]!, chunk);
  }
  private async run(client: pg.Client, chunk: Chunk): Promise<void> {
    await client.query("BEGIN");
    for (const [table, t] of chunk) {
      const ts = performance.now();
      const n = await copyFrom(client, table, t.cols, t.lines);
      const x = this.totals.get(table) ?? { rows: 0, seconds: 0 };
      x.rows += n;
      x.seconds += (performance.now() - ts) / 1000;
      this.totals.set(table, x);
    }
    await client.query("COMMIT");
  }
  async close(): Promise<Map<string, { rows: number; seconds: number }>> {
    try {
      await Promise.all(this.busy);
    } finally {
      await Promise.all(this.conns.map((c) => c.end()));
    }
    return this.totals;
  }
}

const FIREARMS: Record<"handgun" | "long-gun", readonly (readonly [string, string, string, string])[]> = {
  handgun: [
    ["GLC", "19 Gen5", "9", "PI"],
    ["SW", "M&P9 2.0", "9", "PI"],
    ["SIG", "P365", "9", "PI"],
    ["SR", "LCR", "38", "PR"],
    ["SW", "686", "357", "PR"],
    ["CLT", "1911", "45", "PI"],
    ["SR", "Mark IV", "22", "PI"],
    ["BER", "92FS", "9", "PI"],
    ["TAS", "G3C", "9", "PI"],
    ["SGM", "Stag 15 Pistol", "223", "PI"],
  ],
  "long-gun": [
    ["REM", "870 Express", "12", "SP"],
    ["MOS", "500", "20", "SP"],
    ["SAV", "110", "308", "RB"],
    ["HRR", "H001", "22", "RL"],
    ["WIN", "Model 70", "3006", "RB"],
    ["BRO", "Citori", "12", "SO"],
    ["MAR", "336", "30", "RL"],
    ["SR", "American", "270", "RB"],
    ["BNL", "Super Black Eagle", "12", "SI"],
  ],
};

/**
 * The firearm sale history: each sale as `POST /api/v1/sales` stores it (sale,
 * NICS check, request action, decision, receipt, reports to the state and the
 * local police, audit entry), with the rulebook's own decision for a template
 * buyer of each kind (src/modules/sales/evaluate.ts), re-keyed to each buyer.
 */
async function firearmSaleHistory(
  c: Ctx,
  holders: Holder[],
  sellers: Seller[],
  clerks: Map<string, string>,
  audit: AuditWriter,
  rng: Rng,
) {
  const { evaluateSale, KIND_INFO } = await import("../src/modules/sales/evaluate.ts");
  const { requiredRecordFields } = await import("../src/law/ct/sales/long-gun-transfer-record.ts");
  const { nicsTransactionType } = await import("../src/adapters/nics/contract.ts");
  const gun = holders.filter((h) => h.status === "active" && h.kind !== "ammunition-certificate");
  const pickBuyer = weightedPicker(
    gun.map(() => {
      const u = rng.next();
      return Math.min(40, 1 / Math.pow(1 - u * 0.999, 0.6));
    }),
  );
  const dealers = sellers.filter((s) => s.kind === "firearm-dealer");
  const { handgunShare } = monthlyWeights();
  const T = { number: "ZZ-999999999", birth: "1961-02-03", auth: "AUTH-TEMPLATE", ntn: "NTNTEMPLATE" };
  const templates = new Map<
    string,
    { question: string; version: string; outcome: string; result: string; findings: string; facts: string }
  >();
  const template = async (
    kind: "retail-handgun" | "retail-long-gun",
    credKind: string,
    day: PlainDate,
    nicsStatus: "proceed" | "denied",
  ) => {
    const key = `${kind}|${credKind}|${nicsStatus}`;
    const hit = templates.get(key);
    if (hit) return hit;
    const LAW: Record<string, string> = {
      "state-handgun-permit": "permit-to-carry",
      "handgun-eligibility-certificate": "handgun-eligibility-certificate",
      "long-gun-eligibility-certificate": "long-gun-eligibility-certificate",
    };
    const fakeQ = { query: async (text: string) => (/nextval/.test(text) ? [{ n: 999_999_999 }] : []) } as never;
    const ev = await evaluateSale(fakeQ, {
      subject: {
        kind,
        saleOn: day,
        buyer: { lastName: "Template", birthDate: T.birth as PlainDate, credentialNumber: T.number, officer: "none" },
        firearm: {
          type: kind === "retail-handgun" ? "PI" : "RB",
          semiautomatic: kind === "retail-handgun",
          centerfire: true,
          acceptsMagazineOverFiveRounds: kind === "retail-handgun",
          antique: false,
        },
      },
      buyer: {
        verified: true,
        personId: "00000000-0000-4000-8000-000000000000",
        credentialId: "00000000-0000-4000-8000-000000000001",
        credentialKind: credKind as never,
        validForPurpose: true,
        birthDate: T.birth as PlainDate,
        credentials: [
          {
            kind: LAW[credKind],
            number: T.number,
            status: "valid",
            issuedOn: addYears(day, -2),
            expiresOn: addYears(day, 3),
            presented: true,
          } as never,
        ],
        events: [],
      },
      nics: { status: nicsStatus, transactionNumber: T.ntn, initiatedOn: day },
      on: day,
    });
    const num = ev.authorizationNumber;
    const swap = (x: unknown) => {
      let j = JSON.stringify(x);
      if (num) j = j.split(num).join(T.auth);
      return j;
    };
    const t = {
      question: ev.decision.question,
      version: ev.decision.rulebookVersion,
      outcome: ev.decision.outcome,
      result: swap(ev.decision.result),
      findings: swap(ev.decision.findings),
      facts: swap(ev.facts),
    };
    templates.set(key, t);
    return t;
  };
  const SALE_COLS = [
    "id",
    "number",
    "kind",
    "firearm_class",
    "route",
    "channel",
    "dealer_id",
    "status",
    "delay_reason",
    "sale_on",
    "buyer_person_id",
    "buyer_credential_id",
    "buyer_credential_number",
    "buyer_first_name",
    "buyer_last_name",
    "buyer_birth_on",
    "buyer_birth_place",
    "buyer_street",
    "buyer_town",
    "buyer_state",
    "buyer_zip",
    "buyer_sex",
    "buyer_id_type",
    "buyer_id_number",
    "buyer_id_issuer",
    "firearm_make",
    "firearm_model",
    "firearm_serial_number",
    "firearm_caliber",
    "firearm_type",
    "firearm_semiautomatic",
    "firearm_centerfire",
    "firearm_magazine_over_five",
    "firearm_antique",
    "latest_decision_id",
    "authorization_number",
    "authorized_on",
    "requested_by",
    "requested_at",
  ];
  // Templates are made before the loop (the loop adds rows synchronously).
  const first = fromEpochDay(toEpochDay(c.today) - 365);
  for (const k of ["retail-handgun", "retail-long-gun"] as const)
    for (const ck of ["state-handgun-permit", "handgun-eligibility-certificate", "long-gun-eligibility-certificate"]) {
      if (k === "retail-handgun" && ck === "long-gun-eligibility-certificate") continue;
      for (const ns of ["proceed", "denied"] as const) await template(k, ck, first, ns);
    }
  const transactionType = {
    handgun: nicsTransactionType({
      purpose: "retail-sale",
      firearmType: "handgun",
      person: { firstName: "A", lastName: "B", birthDate: T.birth, state: "CT" },
    } as never).code,
    "long-gun": nicsTransactionType({
      purpose: "retail-sale",
      firearmType: "long-gun",
      person: { firstName: "A", lastName: "B", birthDate: T.birth, state: "CT" },
    } as never).code,
  };
  let saleSeq = 1_000_000,
    authSeq = 100_000,
    req = 0;
  return {
    /** Adds one sale made at `ms` on `day`; returns the rows added. */
    add(chunk: Chunk, day: PlainDate, ms: number): number {
      const h = gun[pickBuyer(rng.next())]!;
      const handgun = h.kind !== "long-gun-eligibility-certificate" && rng.next() < handgunShare;
      const kind = handgun ? "retail-handgun" : "retail-long-gun";
      const cls = handgun ? "handgun" : "long-gun";
      const info = KIND_INFO[kind];
      const denied = rng.next() < 0.015;
      const t = templates.get(`${kind}|${h.kind}|${denied ? "denied" : "proceed"}`)!;
      const d = dealers[rng.int(0, dealers.length - 1)]!;
      const clerk = clerks.get(d.id)!;
      const [make, model, caliber, type] = rng.pick(FIREARMS[cls]);
      const id = uuidFrom(rng),
        decisionId = uuidFrom(rng);
      const at = new Date(ms).toISOString();
      const number = `S-${++saleSeq}`;
      const auth = denied ? null : `${handgun ? "HG" : "LG"}-${++authSeq}`;
      const ntn = uuidFrom(rng).replace(/-/g, "").slice(0, 10).toUpperCase();
      const serial = `${make}${uuidFrom(rng).replace(/-/g, "").slice(0, 8).toUpperCase()}`;
      const status = denied ? "denied" : "authorized";
      const rekey = (j: string) => {
        let x = j.split(T.number).join(h.number).split(T.birth).join(h.birthDate).split(T.ntn).join(ntn);
        if (auth) x = x.split(T.auth).join(auth);
        return x;
      };
      const semi = type === "PI" || type === "SI";
      add(
        chunk,
        "decisions",
        DECISION_COLS,
        copyLine([
          decisionId,
          t.question,
          day,
          t.version,
          t.outcome,
          rekey(t.result),
          rekey(t.findings),
          rekey(t.facts),
          "sale",
          id,
          at,
        ]),
      );
      add(
        chunk,
        "sales",
        SALE_COLS,
        copyLine([
          id,
          number,
          kind,
          cls,
          info.route,
          "dealer",
          d.id,
          status,
          null,
          day,
          h.personId,
          h.credentialId,
          h.number,
          h.firstName,
          h.lastName,
          h.birthDate,
          "Hartford, CT",
          h.street,
          h.town,
          "CT",
          h.zip,
          null,
          "drivers-license",
          String(rng.int(100_000_000, 999_999_999)),
          "Connecticut DMV",
          make,
          model,
          serial,
          caliber,
          type,
          semi,
          caliber !== "22",
          type === "PI",
          false,
          decisionId,
          auth,
          auth ? day : null,
          clerk,
          at,
        ]),
      );
      const responded = new Date(ms + 20_000).toISOString();
      add(
        chunk,
        "sale_nics_checks",
        [
          "sale_id",
          "purpose",
          "transaction_type",
          "transaction_number",
          "status",
          "initiated_on",
          "responded_at",
          "attempts",
          "purged_at",
        ],
        copyLine([
          id,
          info.nicsPurpose,
          transactionType[cls],
          ntn,
          denied ? "denied" : "proceed",
          day,
          responded,
          1,
          denied ? null : new Date(ms + 86_400_000).toISOString(),
        ]),
      );
      add(
        chunk,
        "sale_actions",
        ["sale_id", "action", "from_status", "to_status", "actor_id", "decision_id", "details", "at"],
        copyLine([
          "" + id,
          "request",
          null,
          status,
          clerk,
          decisionId,
          JSON.stringify({
            channel: "dealer",
            nics: denied ? "denied" : "proceed",
            credentialVerified: true,
            ...(auth ? { authorizationNumber: auth } : {}),
          }),
          at,
        ]),
      );
      add(
        chunk,
        "audit_log",
        AUDIT_COLS,
        audit.line({
          at,
          actorId: clerk,
          role: "dealer",
          action: "sale.request",
          entityType: "sale",
          entityId: id,
          details: { status, decisionId },
          requestId: `history-sale-${++req}`,
        }),
      );
      if (denied) return 5;
      const fields = [...requiredRecordFields("retail", day), "authorizationNumber"];
      const values: Record<string, string> = {
        "buyer.name": `${h.firstName} ${h.lastName}`,
        "buyer.address": `${h.street}, ${h.town}, CT ${h.zip}`,
        "buyer.dateOfBirth": h.birthDate,
        "buyer.placeOfBirth": "Hartford, CT",
        "firearm.make": make,
        "firearm.model": model,
        "firearm.serialNumber": serial,
        "firearm.caliber": caliber,
        "firearm.description": `${make} ${model}, caliber code ${caliber}`,
        transferDate: day,
        authorizationNumber: auth!,
      };
      const record = Object.fromEntries(fields.map((f) => [f, values[f] ?? null]));
      const form = handgun ? "handgun-transfer-record" : "long-gun-receipt";
      add(
        chunk,
        "sale_records",
        ["sale_id", "form", "required_fields", "fields", "completed_on", "created_at"],
        copyLine([id, form, `{${fields.map((f) => `"${f}"`).join(",")}}`, JSON.stringify(record), day, at]),
      );
      const payload = JSON.stringify({ saleNumber: number, form, record, dealer: { name: d.name, town: d.town } });
      const sent = new Date(ms + 3_600_000).toISOString();
      add(
        chunk,
        "sale_reports",
        ["sale_id", "recipient", "recipient_name", "town", "reason", "payload", "created_at", "sent_at"],
        copyLine([id, "state", "DESPP Special Licensing and Firearms Unit", null, "transfer", payload, at, sent]),
      );
      add(
        chunk,
        "sale_reports",
        ["sale_id", "recipient", "recipient_name", "town", "reason", "payload", "created_at", "sent_at"],
        copyLine([
          id,
          "local-police",
          `Chief of police (or resident state trooper), ${h.town}`,
          h.town,
          "transfer",
          payload,
          at,
          sent,
        ]),
      );
      return 8;
    },
    async finish(): Promise<void> {
      await c.client.query(
        `SELECT setval('sale_number_seq', ${saleSeq + 1}, false), setval('sale_authorization_seq', ${authSeq + 1}, false)`,
      );
    },
  };
}

async function loadHistory(c: Ctx, holders: Holder[], sellers: Seller[], present: Set<string>): Promise<void> {
  const hasAmmo =
    present.has("ammunition_checks") && present.has("ammunition_sales") && present.has("ammunition_sale_lines");
  const hasSales = ["sales", "sale_nics_checks", "sale_actions", "sale_records", "sale_reports"].every((t) =>
    present.has(t),
  );
  if (!hasAmmo) c.say("ammunition tables not there yet: no ammunition history");
  if (!hasSales) c.say("sales tables not there yet: no firearm sale history");
  if (!hasAmmo && !hasSales) return;
  const { decide } = await import("../src/modules/decisions/service.ts");
  const { saleFacts } = await import("../src/modules/ammunition/service.ts");
  const { ammunitionLimit, ammunitionLimitQuestion } = await import("../src/law/ct/policy/ammunition-limit.ts");
  const { toDecision } = await import("../src/law/core/questions.ts");
  const { RULEBOOK_VERSION } = await import("../src/law/ct/version.ts");
  const rng = c.rng(3);

  // A clerk login per seller (they cannot sign in: no usable password hash), who made the history's sales.
  const clerks = new Map<string, string>();
  const users: Value[][] = [],
    staff: Value[][] = [];
  for (const [i, s] of sellers.entries()) {
    const id = uuidFrom(rng);
    clerks.set(s.id, id);
    users.push([
      id,
      `hist-clerk-${i + 1}`,
      `Clerk ${i + 1}`,
      s.kind === "firearm-dealer" ? "dealer" : "ammunition_vendor",
      "!history-no-login",
      s.name,
    ]);
    staff.push([id, s.id, "clerk"]);
  }
  await timed(c, "users (sellers' clerks)", () =>
    copyFrom(
      c.client,
      "users",
      ["id", "username", "display_name", "role", "password_hash", "organization"],
      users.map(copyLine),
    ),
  );
  await copyFrom(c.client, "dealer_staff", ["user_id", "dealer_id", "position"], staff.map(copyLine));

  const last = (
    await c.client.query(
      "SELECT chain_seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1",
    )
  ).rows[0];
  const audit = new AuditWriter(last?.hash ?? GENESIS, Number(last?.chain_seq ?? 0));

  // Buyers: active holders, with a heavy-tailed propensity to buy (most buy a few times a year, some often).
  const active = holders.filter((h) => h.status === "active");
  const pickBuyer = weightedPicker(
    active.map(() => {
      const u = rng.next();
      return Math.min(60, 1 / Math.pow(1 - u * 0.999, 0.7));
    }),
  );
  const sellerById = new Map(sellers.map((s) => [s.id, s]));
  const dealerRow = (s: Seller) =>
    ({ kind: s.kind, fflNumber: s.kind === "firearm-dealer" ? "6-06-000-00-00-00000" : null }) as unknown as Parameters<
      typeof saleFacts
    >[0]["seller"];

  // Decision templates: the rulebook's findings for a typical approved check, once per (credential kind, seller kind).
  const templates = new Map<
    string,
    {
      law: { result: string; findings: string; question: string; version: string };
      limit: { result: string; findings: string; question: string };
    }
  >();
  const limitSettings = { enabled: false, version: 1, effectiveOn: "2013-04-04" };
  const template = (
    h: Holder,
    s: Seller,
    on: PlainDate,
    facts: unknown,
    requested: { type: string; quantity: number }[],
  ) => {
    const k = `${h.kind}|${s.kind}`;
    let t = templates.get(k);
    if (!t) {
      const law = decide("ammunition-sale", on, facts);
      const lim = toDecision(
        ammunitionLimitQuestion,
        ammunitionLimit({ settings: limitSettings, prior: [], requested } as never, on),
        on,
        RULEBOOK_VERSION,
      );
      t = {
        law: {
          result: JSON.stringify(law.result),
          findings: JSON.stringify(law.findings),
          question: law.question,
          version: law.rulebookVersion,
        },
        limit: { result: JSON.stringify(lim.result), findings: JSON.stringify(lim.findings), question: lim.question },
      };
      templates.set(k, t);
    }
    return t;
  };

  const nAmmo = hasAmmo ? Math.round(CT.ammunitionSales * c.scale) : 0;
  const ammo = dailyCounts(c.today, nAmmo);
  const fire = dailyCounts(c.today, hasSales ? Math.round(CT.firearmSales * c.scale) : 0);
  const firearm = hasSales ? await firearmSaleHistory(c, holders, sellers, clerks, audit, rng) : undefined;
  let checkSeq = 100_000,
    saleSeq = 100_000,
    reqSeq = 0;
  const t0 = performance.now();
  let chunk: Chunk = new Map();
  let chunkRows = 0;
  const copier = await ParallelCopier.open(c.url, c.connections);
  const flush = async () => {
    if (!chunk.size) return;
    await copier.submit(chunk);
    chunk = new Map();
    chunkRows = 0;
  };
  const yieldNow = () => new Promise((r) => setImmediate(r));
  let events = 0;

  for (let d = 0; d < ammo.counts.length; d++) {
    const day = fromEpochDay(ammo.start + d);
    const n = ammo.counts[d]!;
    // Shop hours, 9:00 to 19:00 Eastern (14:00-24:00 UTC), in order; firearm sales (negative) and ammunition sales interleaved.
    const times = [
      ...Array.from({ length: n }, () => Date.parse(`${day}T14:00:00Z`) + Math.floor(rng.next() * 10 * 3600_000)),
      ...Array.from(
        { length: fire.counts[d]! },
        () => -(Date.parse(`${day}T14:00:00Z`) + Math.floor(rng.next() * 10 * 3600_000)),
      ),
    ].sort((a, b) => Math.abs(a) - Math.abs(b));
    for (const signed of times) {
      if (signed < 0) {
        chunkRows += firearm!.add(chunk, day, -signed);
        if ((++events & 255) === 0) await yieldNow();
        continue;
      }
      const ms = signed;
      const at = new Date(ms).toISOString();
      const h = active[pickBuyer(rng.next())]!;
      const s = sellers[rng.int(0, sellers.length - 1)]!;
      const clerk = clerks.get(s.id)!;
      const role = s.kind === "firearm-dealer" ? "dealer" : "ammunition_vendor";
      const nLines = rng.next() < 0.75 ? 1 : rng.next() < 0.8 ? 2 : 3;
      const lines = Array.from({ length: nLines }, () => {
        const kind = AMMO_LINES[rng.next() < 0.04 ? 4 : rng.int(0, 3)]!;
        return {
          type: kind.type,
          caliber: rng.pick(kind.calibers),
          brand: rng.pick(BRANDS),
          quantity: rng.pick(kind.quantities),
        };
      });
      const rounds = lines.reduce((a, l) => a + (l.type === "magazine" ? 0 : l.quantity), 0);
      const mags = lines.reduce((a, l) => a + (l.type === "magazine" ? l.quantity : 0), 0);
      const roll = rng.next();
      const outcome = roll < 0.975 ? "approved" : roll < 0.995 ? "needs-review" : "refused";
      const buyer = {
        firstName: h.firstName,
        lastName: h.lastName,
        birthDate: h.birthDate as PlainDate,
        credentialNumber: h.number,
        photoId: {
          type: "drivers-license" as const,
          number: `${rng.int(100_000_000, 999_999_999)}`,
          showsBirthDate: true,
        },
      };
      const cred = {
        id: h.credentialId,
        number: h.number,
        kind: h.kind,
        status: "active",
        issuedOn: "2022-01-01",
        expiresOn: "2027-01-01",
        person: { id: h.personId, lastName: h.lastName, birthDate: h.birthDate, street: null, town: null, zip: null },
      };
      const facts = saleFacts({
        seller: dealerRow(s),
        lines: lines as never,
        buyer,
        today: day,
        matched: { credential: cred as never, all: [cred as never], events: [] },
      });
      const tpl = template(h, s, day, facts, lines);
      const checkId = uuidFrom(rng),
        lawId = uuidFrom(rng),
        limitId = uuidFrom(rng);
      const limitFacts = JSON.stringify({
        settings: limitSettings,
        prior: [],
        requested: lines.map((l) => ({ type: l.type, quantity: l.quantity })),
      });
      const basis = h.kind === "ammunition-certificate" ? "ammunition-certificate" : "gun-credential";
      add(
        chunk,
        "decisions",
        DECISION_COLS,
        copyLine([
          lawId,
          tpl.law.question,
          day,
          tpl.law.version,
          outcome === "approved" ? "yes" : outcome === "refused" ? "no" : "unknown",
          tpl.law.result,
          tpl.law.findings,
          JSON.stringify(facts),
          "ammunition-check",
          checkId,
          at,
        ]),
      );
      add(
        chunk,
        "decisions",
        DECISION_COLS,
        copyLine([
          limitId,
          tpl.limit.question,
          day,
          tpl.law.version,
          "yes",
          tpl.limit.result,
          tpl.limit.findings,
          limitFacts,
          "ammunition-check",
          checkId,
          at,
        ]),
      );
      checkSeq += 1;
      add(
        chunk,
        "ammunition_checks",
        [
          "id",
          "number",
          "dealer_id",
          "clerk_id",
          "checked_on",
          "checked_at",
          "outcome",
          "person_id",
          "credential_id",
          "credential_number",
          "credential_kind",
          "basis",
          "buyer_first_name",
          "buyer_last_name",
          "buyer_birth_date",
          "photo_id_type",
          "photo_id_last4",
          "photo_id_shows_birth_date",
          "lines",
          "total_rounds",
          "total_magazines",
          "match_findings",
          "law_decision_id",
          "limit_decision_id",
        ],
        copyLine([
          checkId,
          `AMC-${checkSeq}`,
          s.id,
          clerk,
          day,
          at,
          outcome,
          h.personId,
          h.credentialId,
          h.number,
          h.kind,
          basis,
          h.firstName,
          h.lastName,
          h.birthDate,
          "drivers-license",
          buyer.photoId.number.slice(-4),
          true,
          JSON.stringify(lines),
          rounds,
          mags,
          "[]",
          lawId,
          limitId,
        ]),
      );
      const requestId = `history-${++reqSeq}`;
      add(
        chunk,
        "audit_log",
        AUDIT_COLS,
        audit.line({
          at,
          actorId: clerk,
          role,
          action: "ammunition.check",
          entityType: "ammunition-check",
          entityId: checkId,
          details: { dealerId: s.id, outcome, lawDecisionId: lawId, limitDecisionId: limitId },
          requestId,
        }),
      );
      chunkRows += 4;
      if (outcome === "approved") {
        const saleId = uuidFrom(rng),
          saleLimitId = uuidFrom(rng);
        const soldAt = new Date(ms + 60_000 + rng.int(0, 600_000)).toISOString();
        saleSeq += 1;
        add(
          chunk,
          "decisions",
          DECISION_COLS,
          copyLine([
            saleLimitId,
            tpl.limit.question,
            day,
            tpl.law.version,
            "yes",
            tpl.limit.result,
            tpl.limit.findings,
            limitFacts,
            "ammunition-sale",
            saleId,
            soldAt,
          ]),
        );
        add(
          chunk,
          "ammunition_sales",
          [
            "id",
            "number",
            "check_id",
            "dealer_id",
            "town",
            "person_id",
            "credential_id",
            "basis",
            "sold_on",
            "recorded_at",
            "clerk_id",
            "total_rounds",
            "total_magazines",
            "limit_decision_id",
          ],
          copyLine([
            saleId,
            `AMS-${saleSeq}`,
            checkId,
            s.id,
            sellerById.get(s.id)!.town,
            h.personId,
            h.credentialId,
            basis,
            day,
            soldAt,
            clerk,
            rounds,
            mags,
            saleLimitId,
          ]),
        );
        for (const [i, l] of lines.entries())
          add(
            chunk,
            "ammunition_sale_lines",
            ["sale_id", "line_no", "type", "caliber", "brand", "quantity"],
            copyLine([saleId, i + 1, l.type, l.caliber, l.brand, l.quantity]),
          );
        add(
          chunk,
          "audit_log",
          AUDIT_COLS,
          audit.line({
            at: soldAt,
            actorId: clerk,
            role,
            action: "ammunition.sale.record",
            entityType: "ammunition-sale",
            entityId: saleId,
            details: { checkId, dealerId: s.id, totalRounds: rounds, totalMagazines: mags },
            requestId: `history-${++reqSeq}`,
          }),
        );
        chunkRows += 3 + lines.length;
      }
      if ((++events & 255) === 0) await yieldNow();
    }
    if (chunkRows >= c.batch) await flush();
    if (d % 30 === 29) c.say(`  history: ${day} (${fmt((performance.now() - t0) / 1000, 0)} s)`);
  }
  await flush();
  const totals = await copier.close();
  if (hasAmmo)
    await c.client.query(
      `SELECT setval('ammunition_check_number_seq', ${checkSeq + 1}, false), setval('ammunition_sale_number_seq', ${saleSeq + 1}, false)`,
    );
  if (firearm) await firearm.finish();
  const seconds = (performance.now() - t0) / 1000;
  for (const [table, x] of totals) {
    c.report.push({
      table: `${table} (history)`,
      rows: x.rows,
      seconds: x.seconds,
      perSecond: x.rows / Math.max(x.seconds, 1e-6),
    });
    c.say(
      `${table}: ${fmt(x.rows)} rows, ${fmt(x.seconds, 1)} s in COPY on ${c.connections} connections (${fmt(x.rows / Math.max(x.seconds, 1e-6))} rows/s per connection)`,
    );
  }
  const all = [...totals.values()].reduce((a, x) => a + x.rows, 0);
  c.report.push({ table: "history, generated and copied", rows: all, seconds, perSecond: all / seconds });
  c.say(`history: ${fmt(all)} rows in ${fmt(seconds, 1)} s (${fmt(all / seconds)} rows/s, generation included)`);
}

// ------------------------------------------------------------------ the whole data set

/** Loads the data set into the (migrated, empty of these rows) database at `url`. */
export async function loadDataset(url: string, opts: DatasetOptions = {}): Promise<Dataset> {
  const scale = opts.scale ?? 1;
  const seed = opts.seed ?? 2013;
  const today = opts.today ?? BENCH_TODAY;
  const say = opts.onProgress ?? ((m: string) => log(m));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '512MB'");
    const towns = loadTowns();
    const c: Ctx = {
      client,
      url,
      connections: opts.connections ?? 2,
      scale,
      today,
      towns,
      pickTown: weightedPicker(towns.map((t) => t.population)),
      batch: opts.batch ?? 100_000,
      say,
      report: [],
      rng: (stream) => createRng((seed * 1_000_003 + stream * 7919) >>> 0),
    };
    const tables = [
      "people",
      "credentials",
      "dealers",
      "dealer_locations",
      "users",
      "dealer_staff",
      "decisions",
      "audit_log",
      ...HISTORY_TABLES,
    ];
    const present: string[] = [];
    for (const t of tables) if (await tableExists(client, t)) present.push(t);
    const dropped = await secondaryIndexes(client, present);
    for (const ix of dropped) await client.query(`DROP INDEX ${ix.name}`);
    say(`dropped ${dropped.length} secondary indexes for the load (${dropped.map((i) => i.name).join(", ")})`);

    // Foreign keys are not checked row by row during the load (the generator makes them consistent);
    // every single-column foreign key of the loaded tables is checked afterwards, set-wise.
    await client.query("SET session_replication_role = replica");
    const holders = await loadPeopleAndCredentials(c);
    const sellers = await loadSellers(c);
    await loadHistory(c, holders, sellers, new Set(present));
    await client.query("SET session_replication_role = origin");

    const ti = performance.now();
    for (const ix of dropped) await client.query(ix.def);
    const indexSeconds = (performance.now() - ti) / 1000;
    say(`rebuilt ${dropped.length} indexes in ${fmt(indexSeconds, 1)} s`);
    const ta = performance.now();
    for (const t of present) await client.query(`ANALYZE ${t}`);
    const analyzeSeconds = (performance.now() - ta) / 1000;
    const tf = performance.now();
    const broken = await checkForeignKeys(client, present);
    const fkSeconds = (performance.now() - tf) / 1000;
    if (broken.length) throw new Error(`the generated data breaks foreign keys: ${broken.join("; ")}`);
    say(`foreign keys checked in ${fmt(fkSeconds, 1)} s`);
    return {
      scale,
      seed,
      today,
      holders,
      sellers,
      report: c.report,
      indexSeconds,
      analyzeSeconds,
      fkSeconds,
      totalSeconds: (performance.now() - t0) / 1000,
    };
  } finally {
    await client.end();
  }
}

export interface SellerLogin {
  userId: string;
  dealerId: string;
  username: string;
  key: string;
  kind: Seller["kind"];
}

/** Creates `n` logins (owner of one seller each, of the given kind) with API keys, for load generators. */
export async function createSellerLogins(
  db: Db,
  sellers: Seller[],
  kind: Seller["kind"],
  n: number,
  today: PlainDate = BENCH_TODAY,
): Promise<SellerLogin[]> {
  const config = { ...loadConfig({}), passwordCost: 10 };
  const out: SellerLogin[] = [];
  const mine = sellers.filter((s) => s.kind === kind).slice(0, n);
  for (const [i, s] of mine.entries()) {
    const username = `bench-${kind === "firearm-dealer" ? "dealer" : "vendor"}-${i + 1}`;
    const user = await createUser(db, {
      username,
      displayName: s.name,
      role: kind === "firearm-dealer" ? "dealer" : "ammunition_vendor",
      password: "bench-password-123",
      organization: s.name,
      passwordCost: 10,
    });
    await attachStaff(db, user.id, s.id, "owner");
    const ctx = {
      db,
      config,
      clock: systemClock(today),
      adapters: simulatedAdapters(),
      user,
      today,
      requestId: "bench",
    };
    out.push({
      userId: user.id,
      dealerId: s.id,
      username,
      key: (await createApiKey(ctx, user.id, "bench load")).key,
      kind,
    });
  }
  return out;
}

/** Creates the database `name` on the server at `baseUrl` (dropping it first), migrates it and adds the towns. */
export async function freshDatabase(baseUrl: string, name: string): Promise<string> {
  try {
    psql(baseUrl, "postgres", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } catch {
    /* first run */
  }
  psql(baseUrl, "postgres", `CREATE DATABASE ${name}`);
  const url = `${baseUrl}/${name}`;
  const db = await openPostgres(url, 2);
  try {
    await migrate(db);
    await ensureTowns(db);
  } finally {
    await db.close();
  }
  return url;
}

export function reportTable(d: Dataset): string {
  const rows = d.report
    .map((r) => `| ${r.table} | ${fmt(r.rows)} | ${fmt(r.seconds, 1)} | ${fmt(r.perSecond)} |`)
    .join("\n");
  const total = d.report.filter((r) => !r.table.startsWith("history")).reduce((s, r) => s + r.rows, 0);
  return `| table | rows | seconds | rows/s |
|---|---|---|---|
${rows}
| rebuild secondary indexes | | ${fmt(d.indexSeconds, 1)} | |
| ANALYZE | | ${fmt(d.analyzeSeconds, 1)} | |
| check every foreign key (set-wise) | | ${fmt(d.fkSeconds, 1)} | |
| **total** | **${fmt(total)}** | **${fmt(d.totalSeconds, 1)}** | **${fmt(total / d.totalSeconds)}** |`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: "string" },
      seed: { type: "string" },
      "database-url": { type: "string" },
      batch: { type: "string" },
    },
  });
  const scale = Number(values.scale ?? process.env.BENCH_SCALE ?? 1);
  const seed = Number(values.seed ?? 2013);
  if (!(scale > 0 && scale <= 10)) throw new Error("--scale must be in (0, 10]");
  const given = values["database-url"];
  const pgs = given ? undefined : startPostgres(Number(process.env.BENCH_PG_PORT ?? 54361));
  try {
    const url = given ?? (await freshDatabase(pgs!.baseUrl, "stateline_dataset"));
    if (given) {
      const db = await openPostgres(url, 2);
      await migrate(db);
      await ensureTowns(db);
      await db.close();
    }
    log(`loading the data set at scale ${scale} (seed ${seed})`);
    const d = await loadDataset(url, { scale, seed, ...(values.batch ? { batch: Number(values.batch) } : {}) });
    const size = pgs
      ? psql(pgs.baseUrl, "stateline_dataset", "SELECT pg_size_pretty(pg_database_size(current_database()))").trim()
      : "";
    console.log(reportTable(d));
    if (!given) {
      writeSection(
        "Connecticut-scale data set (bench/dataset)",
        `
Run: \`npm run bench:dataset\` (scale ${scale}, seed ${seed}) on ${new Date().toISOString().slice(0, 10)}. PostgreSQL 15 throwaway cluster (fsync on; the loader's sessions use synchronous_commit off), on the shared 2-core machine.
Rows are generated in the loader process and streamed with \`COPY ... FROM STDIN\` (pg package only): people and credentials in COPY statements of ${fmt(100_000)} rows (one transaction each);
the year of history in chunks of about ${fmt(100_000)} rows (one transaction per chunk, all its tables) over 2 connections while the next chunk is generated, so the history's per-table
rows/s are per connection while sharing the machine (the "history, generated and copied" line is the wall-clock rate). Secondary indexes dropped for the load and rebuilt after;
foreign keys checked set-wise after the load instead of row by row; then ANALYZE. Database size afterwards: ${size}.
Scale 1 is Connecticut: ${fmt(CT.residents)} residents over the 169 towns by population, ${fmt(CT.holders)} credential holders, ${fmt(CT.firearmDealers)} firearm dealers and ${fmt(CT.ammunitionVendors)} ammunition vendors,
a year of firearm sales (${fmt(CT.firearmSales)}) and ammunition sales (${fmt(CT.ammunitionSales)}), each with every row the services write (decisions, checks, lines, NICS checks, actions, receipts, reports, sealed audit entries).

${reportTable(d)}
`,
      );
    }
  } finally {
    pgs?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
