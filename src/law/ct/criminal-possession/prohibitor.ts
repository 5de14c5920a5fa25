/**
 * The common shape of a possession prohibitor: each rule looks at every event
 * of its kinds and says, per event, "prohibits", "does not" or "cannot tell";
 * the rule's finding is not-met if any event prohibits, unknown if any cannot
 * be told, met otherwise. A prohibitor that the version in force does not
 * contain is not-applicable.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Finding, met, notApplicable, notMet, unknown } from "../../core/rules.ts";
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
  const yes = verdicts.filter((v) => v.prohibits === true);
  if (yes.length > 0) return notMet(id, source, yes.map((v) => v.because).join("; "), remedy);
  const maybe = verdicts.filter((v) => v.prohibits === "unknown");
  if (maybe.length > 0) {
    const missing = [...new Set(maybe.flatMap((v) => v.missing ?? []))].sort();
    return unknown(id, source, missing, maybe.map((v) => v.because).join("; "));
  }
  return met(id, source, verdicts.length === 0 ? `no ${subject} reported` : verdicts.map((v) => v.because).join("; "));
}

export function notInVersion(id: string, source: Citation, what: string): Finding {
  return notApplicable(id, source, `${what} is not a prohibitor of this crime on this date`);
}
