/**
 * The shape every deadline question answers with: whether there is a duty to
 * act, the last day to act, whether an action given was in time, the
 * citation, and the penalty for missing it.
 */
import type { PlainDate } from "../../core/dates.ts";

export interface PenaltyIfMissed {
  offense: string;
  /** The class or fine, as the text gives it; null when the text does not state it. */
  classification: string | null;
  citation: string;
  /** Other consequences, or why the class is not stated. */
  note?: string;
}

export interface DeadlineResult {
  /** true: the person must act by `dueOn`; false: no duty; null: unknown. */
  mustAct: boolean | null;
  /** Last day (inclusive) to act; null when there is no duty or it is not known. */
  dueOn: PlainDate | null;
  /** When the action was taken (as given): true if on or before `dueOn`, false if after; null when not given. */
  actedInTime: boolean | null;
  /** true when the date asked is after `dueOn` and no action in time is recorded. */
  overdue: boolean | null;
  /** The rule that sets the deadline. */
  citation: string | null;
  penaltyIfMissed: PenaltyIfMissed | null;
  /** Set when the duty had not begun: the day it starts. */
  dutyStartsOn: PlainDate | null;
}

export const DEADLINE_RESULT_DOCS: Record<keyof DeadlineResult, string> = {
  mustAct:
    "true when the person must act by `dueOn` (outcome yes), false when there is no duty (outcome no), null when facts are missing (outcome unknown)",
  dueOn: "last day (inclusive) to act; null when there is no duty or it cannot be computed",
  actedInTime:
    "true when the action given was taken on or before `dueOn`, false when after it, null when no action is given",
  overdue:
    "true when the date asked is after `dueOn` and no action in time is recorded; false when not; null when not known",
  citation: "the citation of the rule that sets the deadline",
  penaltyIfMissed:
    "{ offense, classification, citation, note? }: what missing the deadline is; classification null where the text states none",
  dutyStartsOn: "set when the duty had not begun on the date (or at the event): the day it starts; otherwise null",
};

export function timing(
  dueOn: PlainDate,
  actedOn: PlainDate | undefined,
  on: PlainDate,
): { actedInTime: boolean | null; overdue: boolean } {
  const actedInTime = actedOn === undefined ? null : actedOn <= dueOn;
  return { actedInTime, overdue: on > dueOn && actedInTime !== true };
}

export const NO_DEADLINE: DeadlineResult = {
  mustAct: null,
  dueOn: null,
  actedInTime: null,
  overdue: null,
  citation: null,
  penaltyIfMissed: null,
  dutyStartsOn: null,
};
