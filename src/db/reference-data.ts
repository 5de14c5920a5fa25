/** Loads the shipped reference data (towns, names) into memory and into the database. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Queryable } from "./client.ts";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "data");

export interface Town {
  name: string;
  fips: string;
  planningRegion: string;
  population: number;
}

function csvRows(file: string): string[][] {
  // The files have CRLF line endings: split on either, or every last field keeps a "\r".
  return readFileSync(join(DIR, file), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(",").map((f) => f.trim()));
}

export function loadTowns(): Town[] {
  return csvRows("ct-towns.csv").map(([name, fips, region, pop]) => ({
    name: name!,
    fips: fips!,
    planningRegion: region!,
    population: Number(pop),
  }));
}

export function loadNames(): { male: string[]; female: string[]; last: string[] } {
  const out = { male: [] as string[], female: [] as string[], last: [] as string[] };
  const cap = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();
  for (const [list, name] of csvRows("names.csv")) {
    if (list === "first_male") out.male.push(cap(name!));
    else if (list === "first_female") out.female.push(cap(name!));
    else out.last.push(cap(name!));
  }
  return out;
}

/** Inserts the 169 towns if they are not there yet. */
export async function ensureTowns(q: Queryable): Promise<void> {
  const n = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM towns");
  if ((n[0]?.n ?? 0) >= 169) return;
  const towns = loadTowns();
  await q.query(
    `INSERT INTO towns (name, fips, planning_region, population)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) ON CONFLICT (name) DO NOTHING`,
    [
      towns.map((t) => t.name),
      towns.map((t) => t.fips),
      towns.map((t) => t.planningRegion),
      towns.map((t) => t.population),
    ],
  );
}
