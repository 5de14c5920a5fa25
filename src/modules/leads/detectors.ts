/**
 * The suspicious-purchase detectors. Each finds, for one person on one day,
 * the windows of activity that deserve an investigator's look, and says why
 * (`reason`, in words with the numbers used) and on what (`evidence`, the ids
 * of the records). A lead is a pointer for a person to follow up, never a
 * finding against anyone: nothing is refused or revoked because of a lead.
 *
 * Each detector has two entry points: `candidates` (a cheap set query for the
 * sweep: who might match on this day) and `examine` (the exact test for one
 * person, also run after each sale of that person).
 *
 * The thresholds are in LEAD_SETTINGS below; they are investigative choices,
 * not law (QUESTION(policy): the task force should set them).
 */
import type { Queryable } from "../../db/client.ts";
import { addBusinessDays } from "../../law/core/calendar.ts";
import { type PlainDate, addDays } from "../../law/core/dates.ts";
import { buyersAtManyVendors, purchasesOf, roundsByBuyer, type PurchaseSummary } from "../ammunition/index.ts";
import {
  buyersWithHandguns,
  buyersWithRefusals,
  buyersWithSerialPairs,
  firearmAttemptsOf,
  serialPairsOf,
  type FirearmAttempt,
  type SerialPair,
} from "./firearm-sales.ts";
import { mean, round1, sd } from "./stats.ts";

export const DETECTOR_IDS = [
  "volume-personal",
  "volume-population",
  "many-vendors",
  "near-prohibiting-event",
  "multiple-handguns",
  "repeated-denials",
  "duplicate-serial",
] as const;
export type DetectorId = (typeof DETECTOR_IDS)[number];

export const LEAD_SETTINGS = {
  volume: {
    /** Rounds are summed over the 30 days ending on the day examined. */
    windowDays: 30,
    /** Below this many rounds in 30 days nothing is raised, however unusual for the person. */
    minRounds: 1000,
    /** "Far above": more than mean + k standard deviations ... */
    k: 3,
    /** ... and at least this many times the person's own mean (a steady buyer has a standard deviation near 0). */
    minRatio: 2,
    /** The person's own history: this many 30-day periods before the window. */
    historyPeriods: 12,
    /** The population comparison needs at least this many buyers in the baseline. */
    minPopulation: 30,
    /** ... and the person must also be above this percentile of the population. */
    percentile: 0.99,
    /** A baseline older than this is not used after a sale (the sweep makes a new one). */
    baselineMaxAgeDays: 7,
  },
  manyVendors: { windowDays: 7, vendors: 3, lookbackDays: 30 },
  nearEvent: { daysBefore: 30, daysAfter: 30, lookbackDays: 90 },
  multipleHandguns: { businessDays: 5, handguns: 2, lookbackDays: 30 },
  repeatedDenials: { windowDays: 30, attempts: 2, dealers: 2, lookbackDays: 30 },
  /**
   * The same serial number (and make) transferred in two sales requested within `minutes` of each
   * other: the window of the seller's warning in the sales module (SAME_SERIAL_WINDOW_MINUTES).
   */
  duplicateSerial: { minutes: 30, lookbackDays: 7 },
} as const;

export interface LeadCandidate {
  personId: string;
  detector: DetectorId;
  windowStart: PlainDate;
  windowEnd: PlainDate;
  reason: string;
  evidence: Record<string, unknown>;
}

export interface Baseline {
  computedOn: PlainDate;
  population: number;
  mean: number;
  sd: number;
  p99: number;
}

export interface DetectorEnv {
  /** The population's 30-day rounds (from the latest sweep), if recent enough. */
  baseline: Baseline | null;
}

export interface Detector {
  id: DetectorId;
  title: string;
  /** Which records it reads. */
  reads: "ammunition-sales" | "ammunition-sales-and-events" | "firearm-sales";
  /** Compares with the population's baseline (`env.baseline`); the others never read it. */
  usesBaseline?: boolean;
  candidates(q: Queryable, on: PlainDate, env: DetectorEnv): Promise<string[]>;
  examine(q: Queryable, personId: string, on: PlainDate, env: DetectorEnv): Promise<LeadCandidate[]>;
}

const V = LEAD_SETTINGS.volume;
const sumRounds = (ps: readonly PurchaseSummary[]) => ps.reduce((n, p) => n + p.rounds, 0);
const inRange = (d: PlainDate, from: PlainDate, to: PlainDate) => d >= from && d <= to;

/** Sales (ids) in the volume window ending on `on`, and their rounds. */
async function volumeWindow(q: Queryable, personId: string, on: PlainDate) {
  const start = addDays(on, -(V.windowDays - 1));
  const sales = await purchasesOf(q, personId, start, on);
  return { start, sales, rounds: sumRounds(sales) };
}

export const volumePersonal: Detector = {
  id: "volume-personal",
  title: "Volume far above the person's own history",
  reads: "ammunition-sales",
  async candidates(q, on) {
    return (await roundsByBuyer(q, addDays(on, -(V.windowDays - 1)), on))
      .filter((b) => b.rounds >= V.minRounds)
      .map((b) => b.personId);
  },
  async examine(q, personId, on) {
    const w = await volumeWindow(q, personId, on);
    if (w.rounds < V.minRounds) return [];
    const historyStart = addDays(w.start, -V.windowDays * V.historyPeriods);
    const history = await purchasesOf(q, personId, historyStart, addDays(w.start, -1));
    // Without any earlier purchase there is no history to be far above; the population detector covers newcomers.
    if (!history.length) return [];
    const periods = Array.from({ length: V.historyPeriods }, (_, i) => {
      const end = addDays(w.start, -1 - V.windowDays * i);
      const start = addDays(end, -(V.windowDays - 1));
      return sumRounds(history.filter((p) => inRange(p.soldOn, start, end)));
    });
    const m = mean(periods),
      s = sd(periods),
      threshold = Math.max(m + V.k * s, V.minRatio * m);
    if (w.rounds <= threshold) return [];
    return [
      {
        personId,
        detector: "volume-personal",
        windowStart: w.start,
        windowEnd: on,
        reason: `bought ${w.rounds} rounds in the 30 days ${w.start} to ${on}; over the previous ${V.historyPeriods} periods of 30 days this person averaged ${round1(m)} rounds (standard deviation ${round1(s)}), so more than ${round1(threshold)} (mean + ${V.k} sd, and at least ${V.minRatio} times the mean) is far above their own history`,
        evidence: {
          ammunitionSaleIds: w.sales.map((p) => p.id),
          rounds: w.rounds,
          history: { periods, mean: round1(m), sd: round1(s), threshold: round1(threshold) },
        },
      },
    ];
  },
};

export const volumePopulation: Detector = {
  id: "volume-population",
  title: "Volume far above the population's",
  reads: "ammunition-sales",
  usesBaseline: true,
  async candidates(q, on, env) {
    const b = env.baseline;
    if (!b || b.population < V.minPopulation) return [];
    const threshold = Math.max(V.minRounds, b.p99, b.mean + V.k * b.sd);
    return (await roundsByBuyer(q, addDays(on, -(V.windowDays - 1)), on))
      .filter((x) => x.rounds > threshold)
      .map((x) => x.personId);
  },
  async examine(q, personId, on, env) {
    const b = env.baseline;
    if (!b || b.population < V.minPopulation) return [];
    const w = await volumeWindow(q, personId, on);
    const threshold = Math.max(b.p99, b.mean + V.k * b.sd);
    if (w.rounds < V.minRounds || w.rounds <= threshold) return [];
    return [
      {
        personId,
        detector: "volume-population",
        windowStart: w.start,
        windowEnd: on,
        reason: `bought ${w.rounds} rounds in the 30 days ${w.start} to ${on}; among the ${b.population} buyers of the 30 days to ${b.computedOn} the mean was ${round1(b.mean)} (standard deviation ${round1(b.sd)}) and the 99th percentile ${round1(b.p99)}, so more than ${round1(threshold)} is far above the population's`,
        evidence: {
          ammunitionSaleIds: w.sales.map((p) => p.id),
          rounds: w.rounds,
          baseline: {
            computedOn: b.computedOn,
            population: b.population,
            mean: round1(b.mean),
            sd: round1(b.sd),
            p99: round1(b.p99),
            threshold: round1(threshold),
          },
        },
      },
    ];
  },
};

/**
 * Maximal runs of items where some window of `days` days holds enough of them:
 * each returned cluster is the union of overlapping qualifying windows.
 */
export function clusters<T extends { on: PlainDate }>(
  items: readonly T[],
  days: number,
  qualifies: (inWindow: T[]) => boolean,
): T[][] {
  const sorted = [...items].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const out: T[][] = [];
  let current: T[] | null = null;
  let currentEnd: PlainDate | null = null;
  for (let i = 0; i < sorted.length; i++) {
    const end = addDays(sorted[i]!.on, days - 1);
    const win = sorted.filter((x) => x.on >= sorted[i]!.on && x.on <= end);
    if (!qualifies(win)) continue;
    if (current && currentEnd && sorted[i]!.on <= currentEnd) {
      for (const x of win) if (!current.includes(x)) current.push(x);
      if (end > currentEnd) currentEnd = end;
    } else {
      current = [...win];
      currentEnd = end;
      out.push(current);
    }
  }
  return out.map((c) => c.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)));
}

const MV = LEAD_SETTINGS.manyVendors;

export const manyVendors: Detector = {
  id: "many-vendors",
  title: "Purchases across many sellers in a short window",
  reads: "ammunition-sales",
  async candidates(q, on) {
    return buyersAtManyVendors(q, addDays(on, -(MV.lookbackDays + MV.windowDays - 1)), on, MV.vendors);
  },
  async examine(q, personId, on) {
    const from = addDays(on, -(MV.lookbackDays + MV.windowDays - 1));
    const sales = (await purchasesOf(q, personId, from, on)).map((p) => ({ ...p, on: p.soldOn }));
    return clusters(sales, MV.windowDays, (w) => new Set(w.map((x) => x.dealerId)).size >= MV.vendors).map((c) => {
      const dealers = [...new Set(c.map((x) => x.dealerId))];
      return {
        personId,
        detector: "many-vendors" as const,
        windowStart: c[0]!.on,
        windowEnd: c.at(-1)!.on,
        reason: `bought from ${dealers.length} different sellers between ${c[0]!.on} and ${c.at(-1)!.on} (${c.length} sales, ${sumRounds(c)} rounds); ${MV.vendors} or more sellers within ${MV.windowDays} days raise a lead`,
        evidence: { ammunitionSaleIds: c.map((x) => x.id), dealerIds: dealers, rounds: sumRounds(c) },
      };
    });
  },
};

const NE = LEAD_SETTINGS.nearEvent;

interface Trigger {
  kind: string;
  on: PlainDate;
  eventId?: string;
  credentialId?: string;
}

/** Prohibiting events and credential revocations of a person between two dates. */
async function triggersOf(q: Queryable, personId: string, from: PlainDate, to: PlainDate): Promise<Trigger[]> {
  // Independent reads, asked together (one round trip on a pipelined connection).
  const [events, revoked] = await Promise.all([
    q.query(
      "SELECT id::text, kind, event_on FROM prohibiting_events WHERE person_id = $1 AND lifted_at IS NULL AND event_on BETWEEN $2 AND $3 ORDER BY event_on",
      [personId, from, to],
    ),
    q.query(
      "SELECT id::text, kind, revoked_on FROM credentials WHERE person_id = $1 AND revoked_on BETWEEN $2 AND $3 ORDER BY revoked_on",
      [personId, from, to],
    ),
  ]);
  return [
    ...events.map((e) => ({ kind: e.kind as string, on: e.event_on as PlainDate, eventId: e.id as string })),
    ...revoked.map((c) => ({
      kind: `revocation of a ${c.kind}`,
      on: c.revoked_on as PlainDate,
      credentialId: c.id as string,
    })),
  ];
}

export const nearProhibitingEvent: Detector = {
  id: "near-prohibiting-event",
  title: "Purchases shortly before or after a prohibiting event or a revocation",
  reads: "ammunition-sales-and-events",
  async candidates(q, on) {
    const from = addDays(on, -NE.lookbackDays);
    const r = await q.query(
      `SELECT DISTINCT t.person_id::text AS id FROM (
         SELECT person_id, event_on AS d FROM prohibiting_events WHERE lifted_at IS NULL AND event_on BETWEEN $1 AND $2
         UNION ALL SELECT person_id, revoked_on FROM credentials WHERE revoked_on BETWEEN $1 AND $2) t
       WHERE EXISTS (SELECT 1 FROM ammunition_sales s WHERE s.person_id = t.person_id AND s.sold_on BETWEEN t.d - $3::int AND t.d + $4::int)`,
      [from, on, NE.daysBefore, NE.daysAfter],
    );
    return r.map((x) => x.id);
  },
  async examine(q, personId, on) {
    // Events are never dated in the future, so the events that matter on `on` are those of the look-back.
    const triggers = await triggersOf(q, personId, addDays(on, -NE.lookbackDays), on);
    if (!triggers.length) return [];
    const earliest = triggers.map((t) => t.on).sort()[0]!;
    const sales = await purchasesOf(q, personId, addDays(earliest, -NE.daysBefore), on);
    const out: LeadCandidate[] = [];
    for (const t of triggers) {
      const start = addDays(t.on, -NE.daysBefore),
        end = addDays(t.on, NE.daysAfter);
      const near = sales.filter((s) => inRange(s.soldOn, start, end));
      if (!near.length) continue;
      const before = near.filter((s) => s.soldOn < t.on),
        after = near.filter((s) => s.soldOn >= t.on);
      const parts = [
        before.length ? `${before.length} in the ${NE.daysBefore} days before` : "",
        after.length ? `${after.length} on or after it` : "",
      ]
        .filter(Boolean)
        .join(" and ");
      out.push({
        personId,
        detector: "near-prohibiting-event",
        windowStart: start,
        windowEnd: end,
        reason: `${near.length} ammunition purchase${near.length === 1 ? "" : "s"} (${sumRounds(near)} rounds) near a ${t.kind} on ${t.on}: ${parts}`,
        evidence: {
          ammunitionSaleIds: near.map((s) => s.id),
          before: before.map((s) => s.id),
          after: after.map((s) => s.id),
          rounds: sumRounds(near),
          trigger: {
            kind: t.kind,
            on: t.on,
            ...(t.eventId ? { prohibitingEventId: t.eventId } : {}),
            ...(t.credentialId ? { credentialId: t.credentialId } : {}),
          },
        },
      });
    }
    return out;
  },
};

const MH = LEAD_SETTINGS.multipleHandguns;

export const multipleHandguns: Detector = {
  id: "multiple-handguns",
  title: "Two or more handguns to one buyer within five business days",
  reads: "firearm-sales",
  async candidates(q, on) {
    return buyersWithHandguns(q, addDays(on, -(MH.lookbackDays + 10)), on, MH.handguns);
  },
  async examine(q, personId, on) {
    const attempts = (await firearmAttemptsOf(q, personId, addDays(on, -(MH.lookbackDays + 10)), on)).filter(
      (a) => a.handgun && a.transferred,
    );
    const sorted = attempts.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    const out: LeadCandidate[] = [];
    let i = 0;
    while (i < sorted.length) {
      // The run starting at sale i: every later handgun on or before the fifth business day after it.
      const last = addBusinessDays(sorted[i]!.on, MH.businessDays);
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1]!.on <= last) j++;
      const run: FirearmAttempt[] = sorted.slice(i, j + 1);
      if (run.length >= MH.handguns) {
        const dealers = [...new Set(run.map((a) => a.dealerId).filter((d): d is string => d !== null))];
        out.push({
          personId,
          detector: "multiple-handguns",
          windowStart: run[0]!.on,
          windowEnd: run.at(-1)!.on,
          reason: `${run.length} handguns transferred to one buyer between ${run[0]!.on} and ${run.at(-1)!.on}, within ${MH.businessDays} business days (through ${last}), from ${dealers.length} dealer${dealers.length === 1 ? "" : "s"}`,
          evidence: {
            firearmSaleIds: run.map((a) => a.id),
            firearmSaleNumbers: run.map((a) => a.number),
            dealerIds: dealers,
            businessDaysThrough: last,
          },
        });
        i = j + 1;
      } else i++;
    }
    return out;
  },
};

const RD = LEAD_SETTINGS.repeatedDenials;

export const repeatedDenials: Detector = {
  id: "repeated-denials",
  title: "Repeated delayed or denied attempts across dealers",
  reads: "firearm-sales",
  async candidates(q, on) {
    return buyersWithRefusals(q, addDays(on, -(RD.lookbackDays + RD.windowDays - 1)), on, RD.attempts, RD.dealers);
  },
  async examine(q, personId, on) {
    const attempts = (
      await firearmAttemptsOf(q, personId, addDays(on, -(RD.lookbackDays + RD.windowDays - 1)), on)
    ).filter((a) => a.refused);
    const qualifies = (w: FirearmAttempt[]) =>
      w.length >= RD.attempts && new Set(w.map((a) => a.dealerId).filter((d) => d !== null)).size >= RD.dealers;
    return clusters(attempts, RD.windowDays, qualifies).map((c) => {
      const dealers = [...new Set(c.map((a) => a.dealerId).filter((d): d is string => d !== null))];
      return {
        personId,
        detector: "repeated-denials" as const,
        windowStart: c[0]!.on,
        windowEnd: c.at(-1)!.on,
        reason: `${c.length} firearm purchase attempts delayed or denied at ${dealers.length} different dealers between ${c[0]!.on} and ${c.at(-1)!.on} (${c.map((a) => `${a.number}: ${a.status}`).join(", ")})`,
        evidence: {
          firearmSaleIds: c.map((a) => a.id),
          firearmSaleNumbers: c.map((a) => a.number),
          dealerIds: dealers,
          statuses: c.map((a) => a.status),
        },
      };
    });
  },
};

const DS = LEAD_SETTINGS.duplicateSerial;

/**
 * The same serial number authorized twice within minutes (issue 9): a typo in one sale, the same
 * firearm sold twice, or a straw purchase. The seller was warned on the answer (sales module);
 * this raises a lead about each buyer of the pair, one per buyer and day, with both sales as evidence.
 * QUESTION(legal): no section of PA 13-3 speaks to this; it is an investigative pointer (the
 * transfer record of § 1 names the serial number), never a refusal.
 */
export const duplicateSerial: Detector = {
  id: "duplicate-serial",
  title: "The same serial number authorized twice within minutes",
  reads: "firearm-sales",
  async candidates(q, on) {
    return buyersWithSerialPairs(q, addDays(on, -DS.lookbackDays), on, DS.minutes);
  },
  async examine(q, personId, on) {
    const pairs = await serialPairsOf(q, personId, addDays(on, -DS.lookbackDays), on, DS.minutes);
    // A lead for this buyer, and one for the buyer of the other sale (raised now rather than at the next sweep).
    const byKey = new Map<string, { personId: string; pairs: SerialPair[] }>();
    const add = (who: string, day: PlainDate, p: SerialPair) => {
      const k = `${who}|${day}`;
      const g = byKey.get(k) ?? { personId: who, pairs: [] };
      if (!g.pairs.some((x) => x.mine.id === p.mine.id && x.other.id === p.other.id)) g.pairs.push(p);
      byKey.set(k, g);
    };
    for (const p of pairs) {
      add(personId, p.mine.on, p);
      if (p.other.personId && p.other.personId !== personId)
        add(p.other.personId, p.other.on, { ...p, mine: { ...p.other, personId: p.other.personId }, other: p.mine });
    }
    return [...byKey.values()].map(({ personId: who, pairs: ps }) => {
      const days = ps.flatMap((p) => [p.mine.on, p.other.on]).sort();
      const dealers = [...new Set(ps.flatMap((p) => [p.mine.dealerId, p.other.dealerId]))].filter(
        (d): d is string => d !== null,
      );
      return {
        personId: who,
        detector: "duplicate-serial" as const,
        windowStart: days[0]!,
        windowEnd: days.at(-1)!,
        reason: ps
          .map(
            (p) =>
              `serial number ${p.serialNumber} (${p.make}) was authorized in sale ${p.mine.number} to this buyer and in sale ${p.other.number}${p.other.personId === who ? " to the same buyer" : p.other.personId ? " to another buyer" : ""}, ${p.minutesApart <= 1 ? "within a minute" : `${p.minutesApart} minutes apart`}${p.mine.dealerId !== p.other.dealerId ? ", at different dealers" : ""}`,
          )
          .join("; ")
          .concat(
            `: a firearm is transferred once, so one entry is wrong, the gun was sold twice, or a buyer stands in for another (${DS.minutes} minutes or less apart raise a lead)`,
          ),
        evidence: {
          firearmSaleIds: [...new Set(ps.flatMap((p) => [p.mine.id, p.other.id]))],
          firearmSaleNumbers: [...new Set(ps.flatMap((p) => [p.mine.number, p.other.number]))],
          serialNumbers: [...new Set(ps.map((p) => p.serialNumber))],
          dealerIds: dealers,
          otherBuyerIds: [...new Set(ps.map((p) => p.other.personId).filter((x): x is string => !!x && x !== who))],
          minutesApart: ps.map((p) => p.minutesApart),
        },
      };
    });
  },
};

/** Every detector, in the order they run. */
export const DETECTORS: readonly Detector[] = [
  volumePersonal,
  volumePopulation,
  manyVendors,
  nearProhibitingEvent,
  multipleHandguns,
  repeatedDenials,
  duplicateSerial,
];

/** The detectors run after an ammunition sale (cheap: one buyer's records). */
export const AFTER_AMMUNITION_SALE: readonly DetectorId[] = [
  "volume-personal",
  "volume-population",
  "many-vendors",
  "near-prohibiting-event",
];
/** The detectors run after a firearm sale. */
export const AFTER_FIREARM_SALE: readonly DetectorId[] = ["multiple-handguns", "repeated-denials", "duplicate-serial"];
