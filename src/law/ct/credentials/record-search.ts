/**
 * The credential rules' use of the one record scan (src/law/core/person-events.ts) for the
 * disqualifiers that come from records (convictions, commitments, court orders, federal
 * prohibitors). Not a rule itself.
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
import {
  type EventOf,
  type EventVerdict,
  type PersonEvent,
  eventsOfKind as scanKinds,
  scanEvents,
} from "../../core/person-events.ts";
import { type Citation, type Finding, met, unknown } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";

export type { EventOf };

/** The events of the given kinds, with their positions. */
export function eventsOfKind<K extends PersonEvent["kind"]>(facts: CredentialFacts, kinds: readonly K[]): EventOf<K>[] {
  return scanKinds(facts.events, kinds);
}

/** Fact path of a field of the i-th event, e.g. `events[2].date`. */
export const eventPath = (index: number, field: string): string => `events[${index}].${field}`;

/** What one event means for one disqualifier; the reason names the event (`events[2]: ...`). */
export type EventResult = EventVerdict;

const named = (index: number, because: string): string => `events[${index}]: ${because}`;
export const disqualifies = (index: number, because: string): EventResult => ({
  status: "hit",
  because: named(index, because),
});
export const clear = (index: number, because: string): EventResult => ({
  status: "clear",
  because: named(index, because),
});
export const unclear = (index: number, missing: string[], because: string): EventResult => ({
  status: "unknown",
  because: named(index, because),
  missing,
});

/** True when an event's date lies after the check date (it had not happened yet). */
export const isAfterCheckDate = (date: PlainDate | undefined, on: PlainDate): boolean =>
  date !== undefined && date > on;

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
  return scanEvents(
    id,
    source,
    results,
    (cleared) => {
      const list = cleared.length ? ` (${cleared.join("; ")})` : "";
      if (facts.recordsChecked !== true)
        return unknown(
          id,
          source,
          ["recordsChecked"],
          `records were not searched, so it is not established that there is no ${what}${list}`,
        );
      return met(id, source, `records searched: no ${what}${list}`);
    },
    remedy,
  );
}
