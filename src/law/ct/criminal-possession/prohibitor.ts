/**
 * The common shape of a possession prohibitor (scanned by the one record scan,
 * src/law/core/person-events.ts): each rule looks at every event
 * of its kinds and says, per event, "prohibits", "does not" or "cannot tell";
 * the rule's finding is not-met if any event prohibits, unknown if any cannot
 * be told, met otherwise. A prohibitor that the version in force does not
 * contain is not-applicable.
 */
import type { PlainDate } from "../../core/dates.ts";
import { scanEvents } from "../../core/person-events.ts";
import { type Citation, type Finding, met, notApplicable } from "../../core/rules.ts";
import type { Credential } from "../sales/credentials.ts";
import type { PossessionStatute } from "./statutes.ts";

export interface ProhibitorContext {
  statute: PossessionStatute;
  on: PlainDate;
  /** Path of the events list in the facts, e.g. "events" or "buyer.events". */
  eventsPath: string;
  credentials?: readonly Credential[];
  /** Path of the credentials list in the facts. */
  credentialsPath: string;
}

export interface EventVerdict {
  prohibits: boolean | "unknown";
  /** Short reason, naming the event. */
  because: string;
  missing?: string[];
}

export function prohibitorId(statute: PossessionStatute, name: string): string {
  return `criminal-possession.${statute}.${name}`;
}

/** Combine per-event verdicts into the rule's finding. */
export function combine(
  id: string,
  source: Citation,
  subject: string,
  verdicts: readonly EventVerdict[],
  remedy?: string,
): Finding {
  const scanned = verdicts.map((v) => ({
    status: v.prohibits === true ? ("hit" as const) : v.prohibits === false ? ("clear" as const) : ("unknown" as const),
    because: v.because,
    ...(v.missing ? { missing: v.missing } : {}),
  }));
  return scanEvents(
    id,
    source,
    scanned,
    (reasons) => met(id, source, reasons.length === 0 ? `no ${subject} reported` : reasons.join("; ")),
    remedy,
  );
}

export function notInVersion(id: string, source: Citation, what: string): Finding {
  return notApplicable(id, source, `${what} is not a prohibitor of this crime on this date`);
}
