/**
 * Where an ammunition check stands in review, read from its appended actions
 * (ammunition_check_actions, migration 020), and what may happen next. A
 * check's own row never changes: its outcome after review is the one its
 * latest closing action gives. Pure.
 *
 * | state           | how it got there                         | next                                   |
 * |-----------------|------------------------------------------|----------------------------------------|
 * | not-in-review   | approved or refused at the counter       | (none)                                 |
 * | awaiting-staff  | needs review, no action yet              | review-authorize, review-deny, review-return |
 * | awaiting-seller | staff sent it back                       | correct, review-authorize, review-deny |
 * | authorized      | staff confirmed the buyer; law said yes  | (none: the sale may be recorded that day) |
 * | refused         | staff confirmed the buyer; law said no   | (none)                                 |
 * | denied          | staff denied it with a reason            | (none)                                 |
 * | corrected       | the seller corrected it: a new check ran | (none: the new check carries on)       |
 */
import type { PlainDate } from "../../law/core/dates.ts";
import type { Basis, Check, CheckAction, CheckActionKind, CheckOutcome } from "./queries.ts";

/** The kinds of entry staff may ask the seller to re-check (never the record's values). */
export const RECHECK_KINDS = ["name", "dateOfBirth", "credentialNumber"] as const;
export type RecheckKind = (typeof RECHECK_KINDS)[number];
export const RECHECK_LABELS: Record<RecheckKind, string> = {
  name: "the buyer's name",
  dateOfBirth: "the buyer's date of birth",
  credentialNumber: "the credential number",
};

export type ReviewState =
  "not-in-review" | "awaiting-staff" | "awaiting-seller" | "authorized" | "refused" | "denied" | "corrected";

export const REVIEW_NEXT: Record<ReviewState, readonly CheckActionKind[]> = {
  "not-in-review": [],
  "awaiting-staff": ["review-authorize", "review-deny", "review-return"],
  // Staff may still authorize or deny while the seller has not answered.
  "awaiting-seller": ["correct", "review-authorize", "review-deny"],
  authorized: [],
  refused: [],
  denied: [],
  corrected: [],
};

export function reviewStateOf(check: Pick<Check, "outcome">, actions: readonly CheckAction[]): ReviewState {
  if (check.outcome !== "needs-review") return "not-in-review";
  const last = actions.at(-1);
  if (!last) return "awaiting-staff";
  switch (last.action) {
    case "review-return":
      return "awaiting-seller";
    case "review-authorize":
      return last.outcome === "approved" ? "authorized" : "refused";
    case "review-deny":
      return "denied";
    case "correct":
      return "corrected";
  }
}

/** A check as it stands after review: the outcome, who the buyer is, and the day a sale may be recorded. */
export interface EffectiveCheck {
  outcome: CheckOutcome;
  personId: string | null;
  credentialId: string | null;
  basis: Basis | null;
  validOn: PlainDate;
  state: ReviewState;
  /** The latest action (what staff said, for the seller's page). */
  last: CheckAction | null;
}

export function effectiveCheck(check: Check, actions: readonly CheckAction[]): EffectiveCheck {
  const state = reviewStateOf(check, actions);
  const last = actions.at(-1) ?? null;
  const own = {
    outcome: check.outcome,
    personId: check.personId,
    credentialId: check.credentialId,
    basis: check.basis,
    validOn: check.checkedOn,
    state,
    last,
  };
  if (state === "authorized" && last)
    return {
      ...own,
      outcome: "approved",
      personId: last.personId,
      credentialId: last.credentialId,
      basis: last.basis,
      validOn: last.validOn ?? check.checkedOn,
    };
  if (state === "refused" || state === "denied") return { ...own, outcome: "refused" };
  return own;
}

/** The note the seller reads: which kinds of entry to re-check, never the record's values. */
export function returnNote(recheck: readonly RecheckKind[], note: string | null): string {
  return `Licensing staff ask you to re-check ${recheck.map((k) => RECHECK_LABELS[k]).join(", ")} against the buyer's identification and credential, and correct the entry.${note ? ` ${note}` : ""}`;
}
