/**
 * Tolerant matching of firearm model names against the lists the Act names.
 *
 * People write "AK-47", "ak47", "AK 47" and "Norinco AK-47" for the same
 * listed rifle, and "S&W M&P 15 Sport" for a "Smith and Wesson M&P15 Rifle".
 * A name is reduced to lower-case letters and digits (case, punctuation,
 * spacing and the word "and" or "&" do not count), a trailing generic word
 * ("rifle", "pistols", "type", ...) is dropped, and a known maker's name may
 * precede a model that the text lists on its own.
 *
 * Matching is deliberately not fuzzy beyond that: a different model number is
 * a different model. Whether an unlisted firearm is a "copy or duplicate" of a
 * listed one is a separate fact (see named-assault-weapons.ts).
 */

/** One model the text names. */
export interface NamedModel {
  /** Stable id, e.g. "2013-rifle.ak-47". */
  id: string;
  /** The words of the text that name it. */
  listed: string;
  /** Maker as the text writes it, when it writes one. */
  maker?: string;
  /** Other ways people write the maker ("S&W" for "Smith and Wesson"). */
  makerAliases?: readonly string[];
  model: string;
  /** Other ways the model itself is written. */
  aliases?: readonly string[];
  /**
   * The model name alone is too generic to identify the listed firearm
   * ("A1", "556", "Sporter"), so the maker must be given.
   */
  requiresMaker?: boolean;
  /**
   * The text names a family ("M&P15 Rifles", "AK-47 type", "all IZHMASH Saiga
   * 12 shotguns"): names that extend it ("M&P15 Sport") match too.
   * "with-maker": only when the maker is written, because the model name
   * alone begins other makers' names ("Thompson" and "Thompson/Center").
   */
  family?: boolean | "with-maker";
  /** For families the text names by pattern ("SIG 500 series"): tested on the normalized name. */
  pattern?: RegExp;
}

const GENERIC_TRAILING = new Set(["rifle", "rifles", "pistol", "pistols", "shotgun", "shotguns", "type", "types"]);

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/&/g, " ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && w !== "and");
}

/**
 * The comparable form of a name: lower-case letters and digits only, without
 * "and"/"&" and without trailing generic words. "Smith & Wesson M&P15 Rifles"
 * and "smith and wesson mp-15" both become "smithwessonmp15".
 */
export function normalizeName(name: string): string {
  const w = words(name);
  while (w.length > 1 && GENERIC_TRAILING.has(w[w.length - 1]!)) w.pop();
  return w.join("");
}

/** Makers whose name may precede a model the text lists on its own ("Norinco AK-47"). */
export const EXTRA_MAKERS: readonly string[] = [
  "Colt",
  "Norinco",
  "Century Arms",
  "Century International Arms",
  "Palmetto State Armory",
  "PSA",
  "Ruger",
  "Sturm Ruger",
  "Springfield Armory",
  "Springfield",
  "Anderson Manufacturing",
  "Anderson",
  "Aero Precision",
  "Windham Weaponry",
  "Stag Arms",
  "Del-Ton",
  "Spikes Tactical",
  "Daniel Defense",
  "LWRC",
  "Armalite",
  "Bushmaster",
  "DPMS",
  "Rock River Arms",
  "Olympic Arms",
  "Vector Arms",
  "Arsenal",
  "Zastava",
  "Cugir",
  "Romarm",
  "Izhmash",
  "Kalashnikov",
  "Molot",
  "Polytech",
  "Poly Technologies",
  "Intratec",
  "Heckler & Koch",
  "HK",
  "H&K",
  "Smith & Wesson",
  "S&W",
];

/** A prepared index over one list of named models. */
export interface NameIndex {
  entries: readonly NamedModel[];
  /** Normalized maker prefixes, longest first. */
  makers: readonly string[];
  keys: ReadonlyMap<NamedModel, { withMaker: string[]; alone: string[] }>;
}

const MIN_FAMILY_KEY = 5;

export function buildIndex(entries: readonly NamedModel[], extraMakers: readonly string[] = EXTRA_MAKERS): NameIndex {
  const makerSet = new Set<string>();
  for (const m of extraMakers) makerSet.add(normalizeName(m));
  const keys = new Map<NamedModel, { withMaker: string[]; alone: string[] }>();
  for (const e of entries) {
    const makers = e.maker ? [e.maker, ...(e.makerAliases ?? [])].map((m) => words(m).join("")) : [];
    for (const m of makers) makerSet.add(m);
    const models = [e.model, ...(e.aliases ?? [])].map(normalizeName);
    const withMaker = makers.flatMap((mk) => models.map((md) => mk + md));
    const alone = !e.maker || !e.requiresMaker ? models : [];
    keys.set(e, { withMaker, alone });
  }
  makerSet.delete("");
  return { entries, makers: [...makerSet].sort((a, b) => b.length - a.length), keys };
}

function hits(candidate: string, key: string, family: boolean): boolean {
  if (candidate === key) return true;
  return family && key.length >= MIN_FAMILY_KEY && candidate.startsWith(key);
}

/** Every listed model the name matches (usually one; a few names appear in two lists). */
export function matchAll(name: string, index: NameIndex): NamedModel[] {
  const n = normalizeName(name);
  if (!n) return [];
  // The name as written, and the name with one known maker prefix removed.
  const stripped = index.makers.filter((m) => n.length > m.length && n.startsWith(m)).map((m) => n.slice(m.length));
  const out: NamedModel[] = [];
  for (const e of index.entries) {
    const k = index.keys.get(e)!;
    const family = e.family === true;
    const byMaker = k.withMaker.some((key) => hits(n, key, family || e.family === "with-maker"));
    const alone = k.alone.some((key) => hits(n, key, family) || stripped.some((s) => hits(s, key, family)));
    const byPattern =
      !!e.pattern && (e.pattern.test(n) || (!e.requiresMaker && stripped.some((s) => e.pattern!.test(s))));
    if (byMaker || alone || byPattern) out.push(e);
  }
  return out;
}
