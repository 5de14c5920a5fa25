/**
 * A person's record in the law's shape: the events that the credential rules, the
 * possession crimes and the sale rules look at (courts, probate courts, DMHAS and
 * protective-order systems send these), and the one way a rule scans them.
 *
 * Every field is optional because feeds are incomplete; a rule that needs a missing
 * field reports `unknown` with the field's path, never "prohibited".
 */
import { z } from "zod";
import type { PlainDate } from "./dates.ts";
import { type Citation, type Finding, notMet, unknown } from "./rules.ts";
import { PlainDateSchema } from "./schema.ts";

export const ConvictionEvent = z.object({
  kind: z.literal("conviction"),
  /** The statute of conviction, e.g. "53a-61" or "CGS § 21a-279(c)". */
  statute: z.string().optional().describe('Connecticut statute violated, e.g. "53a-61" or "21a-279(c)"'),
  /** True when the offense is a felony (punishable by more than one year). */
  felony: z.boolean().optional().describe("true when the offence is a felony"),
  offenseDate: PlainDateSchema.optional().describe("date the violation was committed"),
  convictionDate: PlainDateSchema.optional(),
  /** True for a juvenile adjudication (convicted as delinquent). */
  juvenile: z
    .boolean()
    .optional()
    .describe(
      "true for a delinquency adjudication in juvenile matters; absent or false means a conviction in criminal court",
    ),
  seriousJuvenileOffense: z
    .boolean()
    .optional()
    .describe("for a juvenile adjudication: whether it was for a serious juvenile offense (CGS § 46b-120)"),
});
export type ConvictionEvent = z.infer<typeof ConvictionEvent>;

/** A date, with what it is the date of. */
const dated = (what: string) => ({ date: PlainDateSchema.optional().describe(what) });

export const ProbateCommitmentEvent = z.object({
  kind: z.literal("probate-commitment"),
  ...dated("date of confinement in a hospital for persons with psychiatric disabilities by probate court order"),
});
export type ProbateCommitmentEvent = z.infer<typeof ProbateCommitmentEvent>;

export const VoluntaryAdmissionEvent = z.object({
  kind: z.literal("voluntary-admission"),
  ...dated("date of voluntary admission to a hospital for persons with psychiatric disabilities"),
  solelyAlcoholOrDrug: z
    .boolean()
    .optional()
    .describe("true when the admission was solely for being an alcohol- or drug-dependent person"),
});
export type VoluntaryAdmissionEvent = z.infer<typeof VoluntaryAdmissionEvent>;

export const NgriDischargeEvent = z.object({
  kind: z.literal("ngri-discharge"),
  ...dated("date of discharge from custody after a finding of not guilty by reason of mental disease or defect"),
});
export type NgriDischargeEvent = z.infer<typeof NgriDischargeEvent>;

export const CourtOrderEvent = z.object({
  kind: z.enum(["protective-order", "restraining-order", "foreign-order"]),
  issuedOn: PlainDateSchema.optional(),
  expiresOn: PlainDateSchema.optional(),
  /** Whether the order is in force on the date asked about (false when vacated or expired). */
  active: z.boolean().optional().describe("whether the order is in force on the check date"),
});
export type CourtOrderEvent = z.infer<typeof CourtOrderEvent>;

export const FirearmsSeizureOrderEvent = z.object({
  kind: z.literal("firearms-seizure-order"),
  date: PlainDateSchema.optional(),
  active: z.boolean().optional().describe("whether the order (CGS § 29-38c(d)) is in force on the check date"),
});
export type FirearmsSeizureOrderEvent = z.infer<typeof FirearmsSeizureOrderEvent>;

export const FederalProhibitorEvent = z.object({
  kind: z.literal("federal-prohibitor"),
  /** The 18 U.S.C. 922(g) or (n) category, free text. */
  category: z.string().optional().describe('e.g. "922(g)(4)" or "922(n)"'),
  /** Date from which the federal prohibition applies. */
  date: PlainDateSchema.optional(),
});
export type FederalProhibitorEvent = z.infer<typeof FederalProhibitorEvent>;

export const PersonEvent = z.discriminatedUnion("kind", [
  ConvictionEvent,
  ProbateCommitmentEvent,
  VoluntaryAdmissionEvent,
  NgriDischargeEvent,
  CourtOrderEvent,
  FirearmsSeizureOrderEvent,
  FederalProhibitorEvent,
]);
export type PersonEvent = z.infer<typeof PersonEvent>;

/** The person's events, in any order. An empty list means "none known"; an absent list means "not looked up". */
export const PersonEvents = z.array(PersonEvent);

/** One event of the given kinds, with its position in the list (for fact paths). */
export interface EventOf<K extends PersonEvent["kind"]> {
  event: Extract<PersonEvent, { kind: K }>;
  index: number;
}

/** The events of the given kinds, each with its index in the original list. */
export function eventsOfKind<K extends PersonEvent["kind"]>(
  events: readonly PersonEvent[] | undefined,
  kinds: readonly K[],
): EventOf<K>[] {
  const out: EventOf<K>[] = [];
  (events ?? []).forEach((event, index) => {
    if ((kinds as readonly string[]).includes(event.kind))
      out.push({ event: event as Extract<PersonEvent, { kind: K }>, index });
  });
  return out;
}

/** Three-valued truth for per-event tests. */
export type Tri = true | false | "unknown";

/** True when `d` is on or before `on`; unknown when `d` is absent. */
export function happenedBy(d: PlainDate | undefined, on: PlainDate): Tri {
  if (d === undefined) return "unknown";
  return d <= on;
}

/** What one event means for one rule that scans the record. */
export interface EventVerdict {
  /** hit: the event disqualifies or prohibits; clear: it does not; unknown: a decisive fact is missing or conflicts. */
  status: "hit" | "clear" | "unknown";
  because: string;
  missing?: string[];
}

/**
 * The one record scan: any event that hits gives "not-met", whatever else is known;
 * otherwise an event that cannot be told gives "unknown" (with every missing path);
 * otherwise `whenClear` decides, given the reasons of the events that were cleared
 * (whether the absence of events proves anything is the calling area's rule).
 */
export function scanEvents(
  id: string,
  source: Citation,
  verdicts: readonly EventVerdict[],
  whenClear: (reasons: string[]) => Finding,
  remedy?: string,
): Finding {
  const hits = verdicts.filter((v) => v.status === "hit");
  if (hits.length > 0) return notMet(id, source, hits.map((v) => v.because).join("; "), remedy);
  const unclear = verdicts.filter((v) => v.status === "unknown");
  if (unclear.length > 0) {
    const missing = [...new Set(unclear.flatMap((v) => v.missing ?? []))].sort();
    return unknown(id, source, missing, unclear.map((v) => v.because).join("; "));
  }
  return whenClear(verdicts.map((v) => v.because));
}
