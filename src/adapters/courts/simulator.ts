/**
 * SIMULATORS of the record sources (for the demo and tests; no real court system is connected):
 * the Judicial Branch (convictions, protective and restraining orders, risk warrants), the probate
 * courts (commitments), DMHAS (voluntary admissions) and a federal prohibitor source. Each builds
 * records in the feed contract (`contract.ts`) the way the source would: its own record ids, the
 * person as the source knows them (optionally with a typo, a nickname, a day/month swap or an old
 * address), corrections, vacated judgments and expired orders. `send` delivers them through the
 * Stateline API like the real source would (one record, or a JSON or CSV batch).
 */
import { createRng, type Rng } from "../../lib/random.ts";
import { type FeedRecordInput, type FeedSource, recordsToCsv } from "./contract.ts";

/** A person as the simulated source knows them before noise. */
export interface SimPerson {
  firstName: string;
  middleName?: string;
  lastName: string;
  birthDate: string;
  street?: string;
  town?: string;
  zip?: string;
  sex?: "F" | "M" | "X";
}

/** How the source's copy differs from Stateline's: the kinds of noise identity matching must survive. */
export interface Noise {
  typoInLastName?: boolean;
  nickname?: boolean;
  swapDayMonth?: boolean;
  oldAddress?: boolean;
}

const NICKNAMES: Record<string, string> = {
  robert: "Bob",
  william: "Bill",
  elizabeth: "Liz",
  margaret: "Peggy",
  richard: "Dick",
  james: "Jim",
  katherine: "Kate",
  michael: "Mike",
  jennifer: "Jen",
  joseph: "Joe",
  thomas: "Tom",
  patricia: "Pat",
  christopher: "Chris",
  robin: "Rob",
};

function typo(s: string, rng: Rng): string {
  if (s.length < 3) return s + "e";
  const i = rng.int(1, s.length - 2);
  // Swap two neighbouring letters: the commonest keying error.
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}

function swapDayMonth(d: string): string {
  const [y, m, day] = d.split("-");
  return Number(day) <= 12 && day !== m ? `${y}-${day}-${m}` : d;
}

export function subjectOf(p: SimPerson, noise: Noise = {}, rng: Rng = createRng(1)) {
  const first = noise.nickname ? (NICKNAMES[p.firstName.toLowerCase()] ?? p.firstName) : p.firstName;
  return {
    firstName: first,
    ...(p.middleName ? { middleName: p.middleName } : {}),
    lastName: noise.typoInLastName ? typo(p.lastName, rng) : p.lastName,
    birthDate: noise.swapDayMonth ? swapDayMonth(p.birthDate) : p.birthDate,
    ...(p.sex ? { sex: p.sex } : {}),
    ...(noise.oldAddress
      ? { street: "12 Old Mill Road", town: "Waterbury", zip: "06702" }
      : p.street
        ? { street: p.street, ...(p.town ? { town: p.town } : {}), ...(p.zip ? { zip: p.zip } : {}) }
        : {}),
  };
}

export interface SourceSimulator {
  readonly source: FeedSource;
  /** The next record id in the source's own numbering. */
  nextId(): string;
}

function makeIds(prefix: string, seed: number) {
  let n = seed;
  return () => `${prefix}-${String((n += 1)).padStart(7, "0")}`;
}

/** SIMULATOR of the Judicial Branch feed (convictions, orders, risk warrants). */
export function createCourtSimulator(opts: { seed?: number } = {}) {
  const rng = createRng(opts.seed ?? 7);
  const nextId = makeIds("CR", (opts.seed ?? 7) * 1000);
  return {
    source: "court" as const,
    nextId,
    conviction(
      p: SimPerson,
      o: { statute: string; offenseOn: string; convictionOn: string; felony?: boolean; noise?: Noise; id?: string },
    ): FeedRecordInput {
      return {
        kind: "conviction",
        sourceRecordId: o.id ?? nextId(),
        subject: subjectOf(p, o.noise, rng),
        statute: o.statute,
        offenseOn: o.offenseOn,
        convictionOn: o.convictionOn,
        ...(o.felony !== undefined ? { felony: o.felony } : {}),
      };
    },
    order(
      p: SimPerson,
      o: {
        kind?: "protective-order" | "restraining-order";
        issuedOn: string;
        expiresOn?: string;
        ammunitionIndicated?: boolean;
        firearmsIndicated?: boolean;
        noise?: Noise;
        id?: string;
      },
    ): FeedRecordInput {
      return {
        kind: o.kind ?? "protective-order",
        sourceRecordId: o.id ?? nextId(),
        subject: subjectOf(p, o.noise, rng),
        issuedOn: o.issuedOn,
        afterHearing: true,
        ...(o.expiresOn ? { expiresOn: o.expiresOn } : {}),
        ...(o.ammunitionIndicated !== undefined ? { ammunitionIndicated: o.ammunitionIndicated } : {}),
        ...(o.firearmsIndicated !== undefined ? { firearmsIndicated: o.firearmsIndicated } : {}),
      };
    },
    riskWarrant(
      p: SimPerson,
      o: { issuedOn: string; executedOn?: string; noise?: Noise; id?: string },
    ): FeedRecordInput {
      return {
        kind: "risk-warrant",
        sourceRecordId: o.id ?? nextId(),
        subject: subjectOf(p, o.noise, rng),
        issuedOn: o.issuedOn,
        ...(o.executedOn ? { executedOn: o.executedOn } : {}),
        warrantNumber: `RW-${rng.int(10000, 99999)}`,
      };
    },
    /** The same record, vacated by the court (a resend with recordState "vacated"). */
    vacate: (r: FeedRecordInput): FeedRecordInput => ({ ...r, recordState: "vacated" }),
    expire: (r: FeedRecordInput): FeedRecordInput => ({ ...r, recordState: "expired" }),
    /** The same record id with corrected content. */
    correct: (r: FeedRecordInput, patch: Partial<FeedRecordInput>): FeedRecordInput =>
      ({ ...r, ...patch }) as FeedRecordInput,
  };
}

/** SIMULATOR of the probate courts' commitment feed. */
export function createProbateSimulator(opts: { seed?: number } = {}) {
  const rng = createRng(opts.seed ?? 11);
  const nextId = makeIds("PC", (opts.seed ?? 11) * 1000);
  return {
    source: "probate" as const,
    nextId,
    commitment(p: SimPerson, o: { committedOn: string; noise?: Noise; id?: string }): FeedRecordInput {
      return {
        kind: "probate-commitment",
        sourceRecordId: o.id ?? nextId(),
        subject: subjectOf(p, o.noise, rng),
        committedOn: o.committedOn,
        hospital: "Connecticut Valley Hospital",
      };
    },
  };
}

/** SIMULATOR of DMHAS's voluntary admission feed (§§ 8, 10-11). */
export function createDmhasSimulator(opts: { seed?: number } = {}) {
  const rng = createRng(opts.seed ?? 13);
  const nextId = makeIds("VA", (opts.seed ?? 13) * 1000);
  return {
    source: "dmhas" as const,
    nextId,
    admission(
      p: SimPerson,
      o: { admittedOn: string; solelyAlcoholOrDrug: boolean; noise?: Noise; id?: string },
    ): FeedRecordInput {
      return {
        kind: "voluntary-admission",
        sourceRecordId: o.id ?? nextId(),
        subject: subjectOf(p, o.noise, rng),
        admittedOn: o.admittedOn,
        solelyAlcoholOrDrug: o.solelyAlcoholOrDrug,
      };
    },
  };
}

/** SIMULATOR of a federal prohibitor source (keyed by licensing staff from NICS and ATF notices). */
export function createFederalSimulator(opts: { seed?: number } = {}) {
  const rng = createRng(opts.seed ?? 17);
  const nextId = makeIds("FP", (opts.seed ?? 17) * 1000);
  return {
    source: "federal" as const,
    nextId,
    prohibitor(
      p: SimPerson,
      o: { category: string; effectiveOn: string; noise?: Noise; id?: string },
    ): FeedRecordInput {
      return {
        kind: "federal-prohibitor",
        sourceRecordId: o.id ?? nextId(),
        subject: subjectOf(p, o.noise, rng),
        category: o.category,
        effectiveOn: o.effectiveOn,
      };
    },
  };
}

/** How a simulator reaches Stateline: any function that performs an HTTP request (fetch, or Fastify inject in tests). */
export type Transport = (req: {
  method: "POST";
  url: string;
  headers: Record<string, string>;
  body: string;
}) => Promise<{ status: number; body: string }>;

/** Sends one record, or a batch as JSON or CSV, the way the source's system would. */
export async function send(
  transport: Transport,
  source: FeedSource,
  records: FeedRecordInput | readonly FeedRecordInput[],
  opts: { format?: "json" | "csv"; idempotencyKey: string },
) {
  const batch = Array.isArray(records);
  const url = `/api/v1/feeds/${source}/records${batch ? "/batch" : ""}`;
  const csv = batch && opts.format === "csv";
  return transport({
    method: "POST",
    url,
    headers: { "content-type": csv ? "text/csv" : "application/json", "idempotency-key": opts.idempotencyKey },
    body: csv ? recordsToCsv(records as readonly FeedRecordInput[]) : JSON.stringify(records),
  });
}
