/**
 * String comparison and phonetic functions for record linkage: Jaro-Winkler,
 * Levenshtein (bounded), Soundex, and the name normalisation every field uses.
 */

/** Letters that Unicode does not decompose into a base letter and an accent. */
const LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/** Lower case, ASCII letters/digits/spaces only, single spaces ("Zoë Łukasz-Ørsted" = "zoe lukasz orsted"). */
export function norm(s: string | null | undefined): string {
  if (!s) return "";
  return s
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => LETTERS[c]!)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Titles before a name and generation suffixes after it, dropped when the name has other words. */
const TITLES = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "rev", "prof", "sir"]);
const SUFFIXES = new Set(["jr", "jnr", "sr", "snr", "ii", "iii", "iv", "esq", "md", "phd"]);

/** A name's words, normalised, without a leading title or trailing suffix ("Dr. Mary O'Brien Jr." = mary o brien). */
export function nameWords(s: string | null | undefined): string[] {
  const w = norm(s).split(" ").filter(Boolean);
  while (w.length > 1 && TITLES.has(w[0]!)) w.shift();
  while (w.length > 1 && SUFFIXES.has(w.at(-1)!)) w.pop();
  return w;
}

/**
 * A name for comparison: normalised, without spaces, hyphens or apostrophes ("O'Brien" = "obrien",
 * "Smith-Jones" = "smithjones"), a title or a Jr./Sr. left out (the date of birth tells a junior
 * from a senior).
 */
export function normName(s: string | null | undefined): string {
  return nameWords(s).join("");
}

/** Jaro similarity in [0, 1]. */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length,
    lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const aHit = new Uint8Array(la),
    bHit = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window),
      hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!bHit[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        aHit[i] = 1;
        bHit[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let t = 0,
    k = 0;
  for (let i = 0; i < la; i++) {
    if (!aHit[i]) continue;
    while (!bHit[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  return (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
}

/** Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters), as Splink and FEBRL use it. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  let p = 0;
  while (p < 4 && p < a.length && p < b.length && a[p] === b[p]) p++;
  return j + p * 0.1 * (1 - j);
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function levenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** True when b is a with one character changed or two adjacent characters swapped (same length). */
export function oneTypoApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i]) {
      diff.push(i);
      if (diff.length > 2) return false;
    }
  if (diff.length === 1) return true;
  const [i, j] = diff as [number, number];
  return j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

const SOUNDEX: Record<string, string> = {
  b: "1",
  f: "1",
  p: "1",
  v: "1",
  c: "2",
  g: "2",
  j: "2",
  k: "2",
  q: "2",
  s: "2",
  x: "2",
  z: "2",
  d: "3",
  t: "3",
  l: "4",
  m: "5",
  n: "5",
  r: "6",
};

/** American Soundex (as PostgreSQL's fuzzystrmatch computes it): a letter and three digits. */
export function soundex(s: string): string {
  const w = normName(s).replace(/[^a-z]/g, "");
  if (!w) return "";
  let out = w[0]!.toUpperCase();
  let last = SOUNDEX[w[0]!] ?? "";
  for (let i = 1; i < w.length && out.length < 4; i++) {
    const c = w[i]!;
    const code = SOUNDEX[c] ?? "";
    if (code && code !== last) out += code;
    if (c !== "h" && c !== "w") last = code;
  }
  return out.padEnd(4, "0");
}
