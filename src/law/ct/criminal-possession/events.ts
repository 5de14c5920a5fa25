/**
 * A person's events that the possession crimes (and the credential rules)
 * look at. The shape is shared with the credentials area: courts, probate
 * courts, DMHAS and protective-order systems send these.
 *
 * Every field is optional because feeds are incomplete; a rule that needs a
 * missing field reports `unknown` with the field's path, never "prohibited".
 */
import { z } from "zod";
import { PlainDateSchema } from "../../core/schema.ts";
import type { PlainDate } from "../../core/dates.ts";

export const ConvictionEvent = z.object({
  kind: z.literal("conviction"),
  /** The statute of conviction, e.g. "53a-61" or "CGS § 21a-279(c)". */
  statute: z.string().optional().describe("statute of conviction, e.g. 53a-61 or 21a-279(c)"),
  /** True when the offense is a felony (punishable by more than one year). */
  felony: z.boolean().optional(),
  offenseDate: PlainDateSchema.optional(),
  convictionDate: PlainDateSchema.optional(),
  /** True for a juvenile adjudication (convicted as delinquent). */
  juvenile: z.boolean().optional(),
  /** For a juvenile adjudication: whether it was for a serious juvenile offense (CGS § 46b-120). Shared with the credentials area. */
  seriousJuvenileOffense: z.boolean().optional(),
});
export type ConvictionEvent = z.infer<typeof ConvictionEvent>;

export const ProbateCommitmentEvent = z.object({
  kind: z.literal("probate-commitment"),
  /** Date of confinement in a hospital for persons with psychiatric disabilities by order of a probate court. */
  date: PlainDateSchema.optional(),
});
export type ProbateCommitmentEvent = z.infer<typeof ProbateCommitmentEvent>;

export const VoluntaryAdmissionEvent = z.object({
  kind: z.literal("voluntary-admission"),
  date: PlainDateSchema.optional(),
  /** True when the admission was solely for being an alcohol-dependent or drug-dependent person. */
  solelyAlcoholOrDrug: z.boolean().optional(),
});
export type VoluntaryAdmissionEvent = z.infer<typeof VoluntaryAdmissionEvent>;

export const NgriDischargeEvent = z.object({
  kind: z.literal("ngri-discharge"),
  /** Date of discharge from custody after a finding of not guilty by reason of mental disease or defect. */
  date: PlainDateSchema.optional(),
});
export type NgriDischargeEvent = z.infer<typeof NgriDischargeEvent>;

export const CourtOrderEvent = z.object({
  kind: z.enum(["protective-order", "restraining-order", "foreign-order"]),
  issuedOn: PlainDateSchema.optional(),
  expiresOn: PlainDateSchema.optional(),
  /** Whether the order is in force on the date asked about (false when vacated or expired). */
  active: z.boolean().optional(),
});
export type CourtOrderEvent = z.infer<typeof CourtOrderEvent>;

export const FirearmsSeizureOrderEvent = z.object({
  kind: z.literal("firearms-seizure-order"),
  date: PlainDateSchema.optional(),
  /** Whether the order (CGS § 29-38c) is in force on the date asked about. */
  active: z.boolean().optional(),
});
export type FirearmsSeizureOrderEvent = z.infer<typeof FirearmsSeizureOrderEvent>;

export const FederalProhibitorEvent = z.object({
  kind: z.literal("federal-prohibitor"),
  /** The 18 U.S.C. 922(g) or (n) category, free text. */
  category: z.string().optional(),
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

/** Events of one kind, each with its index in the original list (for `missing` paths). */
export function eventsOfKind<K extends PersonEvent["kind"]>(
  events: readonly PersonEvent[],
  kinds: readonly K[],
): { event: Extract<PersonEvent, { kind: K }>; index: number }[] {
  const out: { event: Extract<PersonEvent, { kind: K }>; index: number }[] = [];
  events.forEach((event, index) => {
    if ((kinds as readonly string[]).includes(event.kind)) out.push({ event: event as Extract<PersonEvent, { kind: K }>, index });
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
