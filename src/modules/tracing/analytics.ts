/**
 * Source-state analytics: where crime guns recovered in a state were first sold, by year, from
 * ATF's published source/recovery tables (reference data) and from Stateline's own traces.
 * The reference table is loaded from the CSV shipped in ./data (with its attribution) the first
 * time it is needed, and by `ensureAtfReference` at start.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Queryable } from "../../db/client.ts";
import {
  DESTINATION_STATES,
  IRON_PIPELINE_SOURCES,
  isWeakerLawState,
  stateCode,
  stateName,
  STATES,
  STRONGER_LAW_STATES,
} from "./states.ts";

const DATA = join(dirname(fileURLToPath(import.meta.url)), "data", "atf-source-recovery-2010-2020.csv");

export const ATF_ATTRIBUTION =
  'Source: ATF, "Firearms Sourced and Recovered in the United States and Territories", calendar years 2010-2020 (traces whose source state was identified), as compiled in rjsouthward/gun-violence with 2012 and 2013 corrected. US government data.';
export const ATF_YEARS = { from: 2010, to: 2020 } as const;

const loaded = new WeakSet<object>();

/** Loads the ATF table into `atf_source_recovery` if it is empty. Returns the number of rows present. */
export async function ensureAtfReference(q: Queryable): Promise<number> {
  const have = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM atf_source_recovery");
  if ((have[0]?.n ?? 0) > 0) return have[0]!.n;
  const lines = readFileSync(DATA, "utf8").trim().split("\n").slice(1);
  const rows = lines.map((l) => l.split(","));
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    await q.query(
      `INSERT INTO atf_source_recovery (year, recovery_state, source_state, firearms)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[]) ON CONFLICT DO NOTHING`,
      [chunk.map((r) => Number(r[0])), chunk.map((r) => r[1]), chunk.map((r) => r[2]), chunk.map((r) => Number(r[3]))],
    );
  }
  return rows.length;
}

async function ready(q: Queryable): Promise<void> {
  if (loaded.has(q)) return;
  await ensureAtfReference(q);
  loaded.add(q);
}

export interface SourceRow {
  source: string;
  sourceName: string;
  firearms: number;
  share: number;
  weaker: boolean;
  inState: boolean;
}
export interface SourceStates {
  year: number;
  recovery: string;
  recoveryName: string;
  total: number;
  inState: number;
  outOfState: number;
  fromWeakerStates: number;
  /** Shares of the total, 0..1. */
  inStateShare: number;
  weakerShare: number;
  ironPipeline: number;
  rows: SourceRow[];
  attribution: string;
  weakerDefinition: string;
}

export const WEAKER_DEFINITION = `States other than ${STRONGER_LAW_STATES.join(", ")} (those requiring a permit to buy a handgun or a background check on every handgun sale through 2010-2020); a policy reading, see QUESTION(legal) in states.ts.`;

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** Where the crime guns recovered in one state in one year were first sold (ATF's table). */
export async function sourceStates(q: Queryable, year: number, recovery: string): Promise<SourceStates> {
  await ready(q);
  const name = stateName(recovery);
  if (!name) throw new Error(`unknown state ${recovery}`);
  const r = await q.query<{ source_state: string; firearms: number }>(
    "SELECT source_state, firearms FROM atf_source_recovery WHERE year = $1 AND recovery_state = $2 ORDER BY firearms DESC, source_state",
    [year, name],
  );
  const totalRow = r.find((x) => x.source_state === "Total");
  const rows = r.filter((x) => x.source_state !== "Total" && x.firearms > 0);
  const total = totalRow?.firearms ?? rows.reduce((n, x) => n + x.firearms, 0);
  const out: SourceRow[] = rows.map((x) => {
    const code = stateCode(x.source_state) ?? x.source_state;
    return {
      source: code,
      sourceName: x.source_state,
      firearms: x.firearms,
      share: total ? round4(x.firearms / total) : 0,
      weaker: code !== recovery && isWeakerLawState(code),
      inState: code === recovery,
    };
  });
  const inState = out.filter((x) => x.inState).reduce((n, x) => n + x.firearms, 0);
  const weaker = out.filter((x) => x.weaker).reduce((n, x) => n + x.firearms, 0);
  const pipeline = out.filter((x) => IRON_PIPELINE_SOURCES.includes(x.source)).reduce((n, x) => n + x.firearms, 0);
  return {
    year,
    recovery,
    recoveryName: name,
    total,
    inState,
    outOfState: total - inState,
    fromWeakerStates: weaker,
    inStateShare: total ? round4(inState / total) : 0,
    weakerShare: total ? round4(weaker / total) : 0,
    ironPipeline: pipeline,
    rows: out,
    attribution: ATF_ATTRIBUTION,
    weakerDefinition: WEAKER_DEFINITION,
  };
}

export interface TrendRow {
  year: number;
  total: number;
  inState: number;
  fromWeakerStates: number;
  ironPipeline: number;
  inStateShare: number;
  weakerShare: number;
}

/** One recovery state's figures for every year of the table. */
export async function sourceTrend(q: Queryable, recovery: string): Promise<TrendRow[]> {
  const out: TrendRow[] = [];
  for (let y: number = ATF_YEARS.from; y <= ATF_YEARS.to; y++) {
    const s = await sourceStates(q, y, recovery);
    out.push({
      year: y,
      total: s.total,
      inState: s.inState,
      fromWeakerStates: s.fromWeakerStates,
      ironPipeline: s.ironPipeline,
      inStateShare: s.inStateShare,
      weakerShare: s.weakerShare,
    });
  }
  return out;
}

export interface Corridor {
  source: string;
  recovery: string;
  firearms: number;
}

/** The largest source → destination flows into the destination states over a span of years (the "iron pipeline" view). */
export async function corridors(
  q: Queryable,
  from: number,
  to: number,
  destinations: readonly string[] = DESTINATION_STATES,
  limit = 25,
): Promise<Corridor[]> {
  await ready(q);
  const names = destinations.map((d) => stateName(d)).filter((x): x is string => !!x);
  const r = await q.query<{ source_state: string; recovery_state: string; n: number }>(
    `SELECT source_state, recovery_state, sum(firearms)::int AS n FROM atf_source_recovery
      WHERE year BETWEEN $1 AND $2 AND recovery_state = ANY($3::text[]) AND source_state <> 'Total' AND source_state <> recovery_state
      GROUP BY source_state, recovery_state ORDER BY n DESC, source_state LIMIT $4`,
    [from, to, names, limit],
  );
  return r.map((x) => ({
    source: stateCode(x.source_state) ?? x.source_state,
    recovery: stateCode(x.recovery_state) ?? x.recovery_state,
    firearms: x.n,
  }));
}

/** Stateline's own traces of guns recovered in one state in one year, by the source state found (any answer). */
export async function traceSourceStates(
  q: Queryable,
  year: number,
  recovery: string,
): Promise<{ source: string; traces: number }[]> {
  const r = await q.query<{ source_state: string; n: number }>(
    `SELECT source_state, count(*)::int AS n FROM traces WHERE source_state IS NOT NULL AND recovery_state = $1
       AND recovered_on BETWEEN make_date($2::int, 1, 1) AND make_date($2::int, 12, 31) GROUP BY source_state ORDER BY n DESC, source_state`,
    [recovery, year],
  );
  return r.map((x) => ({ source: x.source_state, traces: x.n }));
}

export const KNOWN_STATES = Object.keys(STATES);

/** CSV of a source-states table, with the attribution as a comment line. */
export function sourceStatesCsv(s: SourceStates): string {
  const esc = (v: string | number | boolean) =>
    typeof v === "string" && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v);
  return (
    [
      `# ${s.attribution}`,
      "year,recovery_state,source_state,source_state_name,firearms,share,weaker_law_state",
      ...s.rows.map((r) =>
        [s.year, s.recovery, r.source, r.sourceName, r.firearms, r.share, r.weaker].map(esc).join(","),
      ),
    ].join("\n") + "\n"
  );
}
