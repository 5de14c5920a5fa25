/**
 * Shared plumbing for the disqualifiers that come from records (convictions, commitments,
 * court orders, federal prohibitors). Not a rule itself.
 *
 * How a record-based disqualifier is decided:
 * - an event that disqualifies gives "not-met", whatever else is known;
 * - otherwise an event whose decisive fact is missing or contradictory gives "unknown";
 * - otherwise, if the records were not searched (`recordsChecked` is not true), the
 *   absence of events proves nothing, so the finding is "unknown";
 * - otherwise the disqualifier is absent: "met".
 *
 * Events dated after the check date are ignored: on that date they had not happened, so a
 * decision replayed years later gives the same answer. An event with no date at all is
 * taken to have happened before the check date (the records were searched for it), unless
 * the date is what a look-back window needs, in which case the finding is unknown.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Finding, met, notMet, unknown } from "../../core/rules.ts";
import type { CredentialEvent, CredentialFacts } from "./facts.ts";

export interface EventOf<K extends CredentialEvent["kind"]> {
  event: Extract<CredentialEvent, { kind: K }>;
  /** Position in `facts.events`, for fact paths. */
  index: number;
}

/** The events of the given kinds, with their positions. */
export function eventsOfKind<K extends CredentialEvent["kind"]>(facts: CredentialFacts, kinds: readonly K[]): EventOf<K>[] {
  const out: EventOf<K>[] = [];
  (facts.events ?? []).forEach((event, index) => {
    if ((kinds as readonly string[]).includes(event.kind)) out.push({ event: event as Extract<CredentialEvent, { kind: K }>, index });
  });
  return out;
}

/** Fact path of a field of the i-th event, e.g. `events[2].date`. */
export const eventPath = (index: number, field: string): string => `events[${index}].${field}`;

/** What one event means for one disqualifier. */
export type EventResult =
  | { index: number; status: "disqualifies"; because: string }
  | { index: number; status: "clear"; because: string }
  | { index: number; status: "unknown"; because: string; missing: string[] };

export const disqualifies = (index: number, because: string): EventResult => ({ index, status: "disqualifies", because });
export const clear = (index: number, because: string): EventResult => ({ index, status: "clear", because });
export const unclear = (index: number, missing: string[], because: string): EventResult => ({ index, status: "unknown", because, missing });

/** True when an event's date lies after the check date (it had not happened yet). */
export const isAfterCheckDate = (date: PlainDate | undefined, on: PlainDate): boolean => date !== undefined && date > on;

/** Combines per-event results into the disqualifier's finding (see the module comment). */
export function recordFinding(
  id: string,
  source: Citation,
  facts: CredentialFacts,
  results: readonly EventResult[],
  /** What is looked for, without an article: "felony conviction". */
  what: string,
  remedy?: string,
): Finding {
  const bad = results.filter((r) => r.status === "disqualifies");
  if (bad.length > 0) return notMet(id, source, bad.map((r) => `events[${r.index}]: ${r.because}`).join("; "), remedy);
  const unclearOnes = results.filter((r): r is Extract<EventResult, { status: "unknown" }> => r.status === "unknown");
  if (unclearOnes.length > 0) {
    const missing = [...new Set(unclearOnes.flatMap((r) => r.missing))].sort();
    return unknown(id, source, missing, unclearOnes.map((r) => `events[${r.index}]: ${r.because}`).join("; "));
  }
  const cleared = results.map((r) => `events[${r.index}]: ${r.because}`);
  if (facts.recordsChecked !== true) {
    return unknown(id, source, ["recordsChecked"], `records were not searched, so it is not established that there is no ${what}${cleared.length ? ` (${cleared.join("; ")})` : ""}`);
  }
  return met(id, source, `records searched: no ${what}${cleared.length ? ` (${cleared.join("; ")})` : ""}`);
}
