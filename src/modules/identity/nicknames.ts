/**
 * Nickname equivalence for first names ("Bob" ~ "Robert" ~ "Rob"), from the shipped
 * copy of carltonnorthern/nicknames (data/README.md). Two names are equivalent when
 * one is a nickname of the other or both are nicknames of the same name.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { normName } from "./strings.ts";

const EMPTY: ReadonlySet<string> = new Set();
let groups: Map<string, Set<string>> | undefined;

function load(): Map<string, Set<string>> {
  const file = join(dirname(fileURLToPath(import.meta.url)), "data", "nicknames.csv");
  const m = new Map<string, Set<string>>();
  const add = (name: string, canonical: string) => {
    let s = m.get(name);
    if (!s) m.set(name, (s = new Set()));
    s.add(canonical);
  };
  for (const line of readFileSync(file, "utf8").split(/\r?\n/).slice(1)) {
    const [a, rel, b] = line.split(",");
    if (!a || !b || rel !== "has_nickname") continue;
    const full = normName(a),
      nick = normName(b);
    add(full, full);
    add(nick, full);
  }
  return m;
}

/** The canonical names a first name may stand for (empty when the list does not know it). */
export function canonicalNames(name: string, normalised = false): ReadonlySet<string> {
  groups ??= load();
  return groups.get(normalised ? name : normName(name)) ?? EMPTY;
}

/** True when the two first names are different spellings of one name by the nickname list. */
export function nicknameEquivalent(a: string, b: string, normalised = false): boolean {
  const x = normalised ? a : normName(a),
    y = normalised ? b : normName(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const ga = canonicalNames(x, true),
    gb = canonicalNames(y, true);
  if (!ga.size || !gb.size) return false;
  for (const c of ga) if (gb.has(c)) return true;
  return false;
}

let spellings: Map<string, string[]> | undefined;
/** Every other spelling of a first name by the list (nicknames and full names), normalised; [] when unknown. */
export function otherSpellings(name: string): readonly string[] {
  groups ??= load();
  if (!spellings) {
    const byCanonical = new Map<string, Set<string>>();
    for (const [n, cs] of groups)
      for (const c of cs) {
        let s = byCanonical.get(c);
        if (!s) byCanonical.set(c, (s = new Set()));
        s.add(n);
      }
    spellings = new Map();
    for (const [n, cs] of groups) {
      const all = new Set<string>();
      for (const c of cs) for (const x of byCanonical.get(c)!) if (x !== n) all.add(x);
      spellings.set(n, [...all].sort());
    }
  }
  return spellings.get(normName(name)) ?? [];
}

/**
 * Every first name the list treats as the same name as `name`, itself included, normalised
 * ("bob" gives "bob", "robert", "rob", "bobby", ...). For searches that should find a person by
 * a nickname; empty for an empty name.
 */
export function nameVariants(name: string): string[] {
  groups ??= load();
  const n = normName(name);
  if (!n) return [];
  const canon = groups.get(n);
  const out = new Set([n]);
  if (canon)
    for (const [k, cs] of groups)
      for (const c of canon)
        if (cs.has(c)) {
          out.add(k);
          break;
        }
  return [...out];
}
