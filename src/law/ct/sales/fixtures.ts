/**
 * Test support for the sales and criminal-possession areas: date helper and
 * fast-check generators. Not used by the rules.
 */
import fc from "fast-check";
import { type PlainDate, fromEpochDay, plainDate, toEpochDay } from "../../core/dates.ts";
import type { PersonEvent } from "../criminal-possession/events.ts";
import { LISTED_MISDEMEANORS } from "../criminal-possession/listed-misdemeanors.ts";
import { CREDENTIAL_KINDS, type Credential } from "./credentials.ts";

export const d = (s: string): PlainDate => plainDate(s);

export const between = (from: string, to: string): fc.Arbitrary<PlainDate> =>
  fc.integer({ min: toEpochDay(d(from)), max: toEpochDay(d(to)) }).map(fromEpochDay);

/** Event dates, biased to the years around the Act. */
export const eventDate = fc.oneof(between("1985-01-01", "2022-12-31"), between("2012-06-01", "2015-06-30"));
/** Decision dates: modelled dates, biased to the effective dates. */
export const checkDate = fc.oneof(
  between("2013-04-04", "2020-12-31"),
  between("2013-09-25", "2013-10-05"),
  between("2013-12-28", "2014-01-04"),
  between("2014-03-28", "2014-04-04"),
);

const statute = fc.constantFrom(...Object.keys(LISTED_MISDEMEANORS), "21a-279", "53a-60", "14-227a");
const opt = { requiredKeys: ["kind"] as ["kind"], noNullPrototype: true };

export const event: fc.Arbitrary<PersonEvent> = fc.oneof(
  fc.record(
    {
      kind: fc.constant("conviction" as const),
      statute,
      felony: fc.boolean(),
      offenseDate: eventDate,
      convictionDate: eventDate,
      juvenile: fc.boolean(),
      seriousJuvenileOffense: fc.boolean(),
    },
    opt,
  ),
  fc.record({ kind: fc.constant("probate-commitment" as const), date: eventDate }, opt),
  fc.record(
    { kind: fc.constant("voluntary-admission" as const), date: eventDate, solelyAlcoholOrDrug: fc.boolean() },
    opt,
  ),
  fc.record({ kind: fc.constant("ngri-discharge" as const), date: eventDate }, opt),
  fc.record(
    {
      kind: fc.constantFrom("protective-order" as const, "restraining-order" as const, "foreign-order" as const),
      issuedOn: eventDate,
      expiresOn: eventDate,
      active: fc.boolean(),
    },
    opt,
  ),
  fc.record({ kind: fc.constant("firearms-seizure-order" as const), date: eventDate, active: fc.boolean() }, opt),
  fc.record(
    {
      kind: fc.constant("federal-prohibitor" as const),
      category: fc.constantFrom("922(g)(1)", "922(n)"),
      date: eventDate,
    },
    opt,
  ),
);

export const credential: fc.Arbitrary<Credential> = fc.record(
  {
    kind: fc.constantFrom(...CREDENTIAL_KINDS),
    status: fc.constantFrom("valid" as const, "valid" as const, "revoked" as const, "expired" as const),
    issuedOn: eventDate,
    expiresOn: between("2013-01-01", "2022-12-31"),
    presented: fc.boolean(),
  },
  opt,
);

export const licence = fc.constantFrom(
  "none" as const,
  "none" as const,
  "dealer" as const,
  "manufacturer" as const,
  "importer" as const,
);
export const events = fc.array(event, { maxLength: 3 });
export const credentials = fc.array(credential, { maxLength: 3 });

/**
 * Keys whose absence has a documented meaning rather than "not known": `kind`
 * (the type), `juvenile` (absent = criminal court), `temporaryForTargetShooting`
 * (absent = a sale or permanent transfer).
 */
const DEFAULTED = new Set(["kind", "juvenile", "temporaryForTargetShooting"]);

/** Deep copy of a JSON-like value with some object keys removed at random (never a key in DEFAULTED). */
export function dropKeys<T>(value: T, pick: () => boolean): T {
  if (Array.isArray(value)) return value.map((v) => dropKeys(v, pick)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const holdsDefaulted =
        v !== null &&
        typeof v === "object" &&
        !Array.isArray(v) &&
        Object.keys(v).some((x) => x !== "kind" && DEFAULTED.has(x));
      if (!DEFAULTED.has(k) && !holdsDefaulted && pick()) continue;
      out[k] = dropKeys(v, pick);
    }
    return out as T;
  }
  return value;
}

/** A seeded coin for dropKeys. */
export function coin(seed: number, p = 0.3): () => boolean {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s % 1000) / 1000 < p;
  };
}
