/**
 * Synthetic Connecticut people for measuring and testing the matcher: a registry file and a
 * "source" file whose records describe some registry people the way courts and agencies do
 * (typos, nicknames, swapped day and month, an old address, a married name, missing fields),
 * plus people who are not in the registry, among them the hard ones: relatives at the same
 * address with the same surname, and juniors with their father's name and address.
 * Deterministic for a seed. Truth: a source record's `truth` is the registry id it describes.
 */
import { loadNames, loadTowns } from "../../db/reference-data.ts";
import { createRng, weightedPicker, type Rng } from "../../lib/random.ts";
import { canonicalNames, otherSpellings } from "./nicknames.ts";
import type { RawPerson } from "./record.ts";

export interface SyntheticPerson extends RawPerson {
  id: string;
  truth?: string | undefined;
}

const STREETS = [
  "Main",
  "Elm",
  "Oak",
  "Maple",
  "Church",
  "High",
  "Park",
  "Washington",
  "Prospect",
  "Center",
  "Chestnut",
  "Pine",
  "Spring",
  "Ridge",
  "Hillside",
  "Lake",
  "Highland",
  "Broad",
  "Cedar",
  "Mill",
  "School",
  "Orchard",
  "Meadow",
  "Forest",
  "Walnut",
  "Franklin",
  "Lincoln",
  "Jefferson",
  "Union",
  "Summer",
  "Winter",
  "Academy",
  "Birch",
  "Bridge",
  "Brook",
  "Cherry",
  "Cottage",
  "Dogwood",
  "Edgewood",
  "Fairview",
  "Glen",
  "Grove",
  "Harbor",
  "Hickory",
  "Holly",
  "Kensington",
  "Laurel",
  "Locust",
  "Long Hill",
  "Middle",
  "North",
  "Old Farms",
  "Pleasant",
  "Quarry",
  "River",
  "Rock",
  "Salem",
  "Shore",
  "Silver",
  "South",
  "Sunset",
  "Valley",
  "Vine",
  "Water",
  "West",
  "Whitney",
  "Willow",
  "Woodland",
  "Farmington",
  "Boston Post",
  "Stony Brook",
  "Greenwood",
  "Sherman",
  "Grand",
  "Garden",
  "Avon",
  "Ellington",
  "Kings",
  "Queens",
  "Wolcott",
];
const SUFFIX = ["Street", "Avenue", "Road", "Lane", "Drive", "Court", "Place", "Terrace"];
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** One random typing error: insert, delete, substitute or swap two neighbours. */
export function typo(rng: Rng, s: string): string {
  if (s.length < 2) return s;
  const i = rng.int(0, s.length - 1);
  switch (rng.int(0, 3)) {
    case 0:
      return s.slice(0, i) + rng.pick([...LETTERS]) + s.slice(i);
    case 1:
      return s.slice(0, i) + s.slice(i + 1);
    case 2:
      return s.slice(0, i) + rng.pick([...LETTERS]) + s.slice(i + 1);
    default:
      return i < s.length - 1 ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s.slice(0, i - 1) + s[i] + s[i - 1];
  }
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");

export function syntheticCt(opts: { seed: number; registry: number; source: number; inRegistryShare?: number }) {
  const rng = createRng(opts.seed);
  // (names.csv has CRLF line ends that loadNames keeps: trim them)
  const raw = loadNames();
  const names = {
    male: raw.male.map((x) => x.trim()),
    female: raw.female.map((x) => x.trim()),
    last: raw.last.map((x) => x.trim()),
  };
  const towns = loadTowns();
  const townPick = weightedPicker(towns.map((t) => t.population));
  // Census lists are in rank order: weight ~ 1/rank makes common names common (Smith, Johnson...).
  const zipf = (n: number) => weightedPicker(Array.from({ length: n }, (_, i) => 1 / (i + 5)));
  const lastPick = zipf(names.last.length),
    malePick = zipf(names.male.length),
    femalePick = zipf(names.female.length);
  const firstName = () => (rng.chance(0.5) ? names.male[malePick(rng.next())]! : names.female[femalePick(rng.next())]!);
  const lastName = () => names.last[lastPick(rng.next())]!;
  const dob = (from = 1935, to = 2005) => `${rng.int(from, to)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;
  const address = () => {
    const t = towns[townPick(rng.next())]!;
    const zipBase = 6001 + (Number(t.fips.slice(-5)) % 900);
    return {
      street: `${rng.int(1, 999)} ${rng.pick(STREETS)} ${rng.pick(SUFFIX)}`,
      town: t.name,
      zip: `0${zipBase + rng.int(0, 2)}`,
      state: "CT",
    };
  };
  const registry: SyntheticPerson[] = [];
  let n = 0;
  while (registry.length < opts.registry) {
    const head: SyntheticPerson = {
      id: `p${++n}`,
      firstName: firstName(),
      lastName: lastName(),
      birthDate: dob(),
      ...address(),
    };
    registry.push(head);
    // A third of people live with relatives who share the surname and the address.
    if (rng.chance(0.33)) {
      for (let k = rng.int(1, 3); k > 0 && registry.length < opts.registry; k--) {
        const junior = rng.chance(0.03);
        const jd = Number(head.birthDate!.slice(0, 4)) + rng.int(20, 35);
        registry.push({
          ...head,
          id: `p${++n}`,
          firstName: junior ? head.firstName : firstName(),
          birthDate: junior ? `${Math.min(jd, 2008)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}` : dob(),
        });
      }
    }
  }
  const source: SyntheticPerson[] = [];
  const inShare = opts.inRegistryShare ?? 0.8;
  for (let s = 0; s < opts.source; s++) {
    const id = `s${s + 1}`;
    if (!rng.chance(inShare)) {
      // Not in the registry; half of them relatives or juniors of someone who is.
      const p = rng.pick(registry);
      if (rng.chance(0.5)) {
        const junior = rng.chance(0.1);
        source.push({ ...p, id, firstName: junior ? p.firstName : firstName(), birthDate: dob(), truth: undefined });
      } else source.push({ id, firstName: firstName(), lastName: lastName(), birthDate: dob(), ...address() });
      continue;
    }
    const p = rng.pick(registry);
    const r: SyntheticPerson = { ...p, id, truth: p.id };
    let first = p.firstName!,
      last = p.lastName!;
    const nicks = [...canonicalNames(first)].flatMap((c) => [c]);
    if (rng.chance(0.15)) {
      // a nickname (or the full name for a nickname)
      const pool = new Set<string>();
      for (const c of nicks) pool.add(c);
      if (pool.size) first = rng.pick([...pool]);
    }
    if (rng.chance(0.12)) first = typo(rng, first.toLowerCase());
    if (rng.chance(0.12)) last = typo(rng, last.toLowerCase());
    if (rng.chance(0.03)) last = lastName(); // married or otherwise changed surname
    if (rng.chance(0.02)) [first, last] = [last, first];
    r.firstName = rng.chance(0.03) ? "" : first;
    r.lastName = last;
    const [y, m, d] = p.birthDate!.split("-") as [string, string, string];
    const roll = rng.next();
    if (roll < 0.05 && Number(d) <= 12) r.birthDate = `${y}-${d}-${m}`;
    else if (roll < 0.09)
      r.birthDate = `${y}-${m}-${pad(Math.min(28, Math.max(1, Number(d) + rng.pick([-1, 1, 10, -10]))), 2)}`;
    else if (roll < 0.11) r.birthDate = `${Number(y) + rng.pick([-1, 1])}-${m}-${d}`;
    else if (roll < 0.12) r.birthDate = "";
    if (rng.chance(0.2))
      Object.assign(r, address()); // an old address
    else {
      if (rng.chance(0.1)) r.street = typo(rng, r.street!);
      if (rng.chance(0.05)) r.zip = "";
      if (rng.chance(0.05)) r.town = typo(rng, r.town!);
    }
    if (rng.chance(0.05)) r.street = "";
    source.push(r);
  }
  return { registry, source };
}

/** FEBRL-layout CSV text of synthetic people (street number split off the street). */
export function toFebrlCsv(people: readonly SyntheticPerson[]): string {
  const cell = (s: string | null | undefined) => {
    const v = s ?? "";
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const lines = [
    "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id",
  ];
  for (const p of people) {
    const m = /^(\d+)\s+(.*)$/.exec(p.street ?? "");
    lines.push(
      [
        p.id,
        p.firstName,
        p.lastName,
        m?.[1] ?? "",
        m?.[2] ?? p.street ?? "",
        "",
        p.town,
        p.zip,
        p.state,
        (p.birthDate ?? "").replace(/-/g, ""),
        "",
      ]
        .map(cell)
        .join(", "),
    );
  }
  return lines.join("\n") + "\n";
}

/**
 * A FEBRL-style file the matcher has not seen: the originals (`rec-N-org`) of a FEBRL file, each
 * with 0 to 5 new duplicates (`rec-N-dup-k`) carrying 1 to 3 errors drawn from what sources do:
 * typos, nicknames, given name and surname swapped or missing, a married name; a date of birth with
 * day and month swapped, a digit off, a year off by one or ten, wholly wrong, or missing; a house
 * number, street, town or postcode mistyped or missing, the address lines swapped, a move. Written
 * without soc_sec_id. Deterministic for a seed; truth is in the ids, as in FEBRL.
 */
export function febrlStyleFile(febrlText: string, seed: number): string {
  const rng = createRng(seed);
  const lines = febrlText
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const cols = [
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
  ] as const;
  type Row = Record<(typeof cols)[number], string>;
  const header = lines[0]!.split(",").map((h) => h.trim().toLowerCase());
  const at = cols.map((c) => header.indexOf(c));
  const originals: Row[] = lines
    .slice(1)
    .map((l) => l.split(",").map((x) => x.trim()))
    .filter((r) => /^rec-\d+-org$/.test(r[at[0]!] ?? ""))
    .map((r) => Object.fromEntries(cols.map((c, i) => [c, at[i]! >= 0 ? (r[at[i]!] ?? "") : ""])) as Row);
  const digitTypo = (s: string) => {
    if (!s) return s;
    const i = rng.int(0, s.length - 1);
    return rng.chance(0.5) && i < s.length - 1
      ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)
      : s.slice(0, i) + String(rng.int(0, 9)) + s.slice(i + 1);
  };
  const validDob = (y: number, m: number, d: number) => `${y}${pad(m, 2)}${pad(d, 2)}`;
  const errors: ((r: Row) => void)[] = [
    (r) => (r.given_name = typo(rng, r.given_name)),
    (r) => (r.surname = typo(rng, r.surname)),
    (r) => {
      const o = otherSpellings(r.given_name);
      r.given_name = o.length ? rng.pick(o) : typo(rng, r.given_name);
    },
    (r) => ([r.given_name, r.surname] = [r.surname, r.given_name]),
    (r) => (r.given_name = ""),
    (r) => (r.surname = rng.chance(0.5) ? "" : rng.pick(originals).surname),
    (r) => {
      const d = r.date_of_birth;
      if (d.length !== 8) return;
      const [y, m, day] = [d.slice(0, 4), d.slice(4, 6), d.slice(6, 8)];
      r.date_of_birth = Number(day) <= 12 ? `${y}${day}${m}` : digitTypo(d);
    },
    (r) => (r.date_of_birth = digitTypo(r.date_of_birth)),
    (r) => {
      const d = r.date_of_birth;
      if (d.length === 8) r.date_of_birth = `${Number(d.slice(0, 4)) + rng.pick([-10, -1, 1, 10])}${d.slice(4)}`;
    },
    (r) => (r.date_of_birth = rng.chance(0.5) ? "" : validDob(rng.int(1920, 2005), rng.int(1, 12), rng.int(1, 28))),
    (r) => (r.street_number = rng.chance(0.5) ? "" : digitTypo(r.street_number)),
    (r) => (r.address_1 = rng.chance(0.3) ? "" : typo(rng, r.address_1)),
    (r) => (r.suburb = rng.chance(0.3) ? "" : typo(rng, r.suburb)),
    (r) => (r.postcode = rng.chance(0.3) ? "" : digitTypo(r.postcode)),
    (r) => ([r.address_1, r.address_2] = [r.address_2, r.address_1]),
    (r) => {
      // A move: a house number, street, town and postcode nobody in the file has together.
      const o = rng.pick(originals),
        t = rng.pick(originals);
      Object.assign(r, { street_number: String(rng.int(1, 300)), address_1: o.address_1, address_2: "" });
      Object.assign(r, { suburb: t.suburb, postcode: t.postcode, state: t.state });
    },
  ];
  // Typing errors, nicknames and swaps are common; a value wholly lost or replaced is rarer.
  const weights = [3, 3, 2, 1, 1, 1, 2, 2, 1, 1, 2, 2, 2, 2, 1, 1];
  const pickError = weightedPicker(weights);
  const out = [cols.join(", ")];
  const row = (r: Row) => cols.map((c) => r[c]).join(", ");
  for (const o of originals) {
    out.push(row(o));
    const dups = rng.chance(0.4) ? 0 : rng.int(1, 5);
    for (let k = 0; k < dups; k++) {
      const r: Row = { ...o, rec_id: o.rec_id.replace(/-org$/, `-dup-${k}`) };
      const n = 1 + Number(rng.chance(0.5)) + Number(rng.chance(0.25));
      for (let e = 0; e < n; e++) errors[pickError(rng.next())]!(r);
      out.push(row(r));
    }
  }
  return out.join("\n") + "\n";
}
