/**
 * One continuance, for good cause, to the official whose action is appealed.
 *
 * PA 13-3 § 61 (CGS § 29-32b): "The bill allows the board to grant one
 * continuance, for good cause, to an official whose action on a gun permit or
 * gun eligibility certificate is being appealed. If granted, the appeal is
 * continued until the next scheduled board meeting". EFFECTIVE DATE: July 1, 2013.
 *
 * Before 2013-07-01 (from 2013-04-04, the start of what is modelled) the Act's
 * continuance rule did not exist: a continuance granted to the official then
 * is not one the Act permits.
 *
 * QUESTION(legal): a continuance asked for by the appellant is not addressed
 * by the text; this rule does not limit it, and the hearing then held (the next
 * scheduled meeting) is the one the 10-day statement clock counts back from.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, inForce, met, notApplicable, notMet, pa133, unknown } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "appeals.one-continuance";

export interface ContinuanceRule {
  allowed: number;
}

export const CONTINUANCES: Dated<ContinuanceRule>[] = [
  {
    from: "2013-04-04",
    until: "2013-07-01",
    value: { allowed: 0 },
    source: pa133("§ 61", { cgs: "CGS § 29-32b", text: "EFFECTIVE DATE: July 1, 2013 (no continuance rule before)" }),
  },
  {
    from: "2013-07-01",
    value: { allowed: 1 },
    source: pa133("§ 61", {
      cgs: "CGS § 29-32b",
      text: "The bill allows the board to grant one continuance, for good cause, to an official whose action on a gun permit or gun eligibility certificate is being appealed. If granted, the appeal is continued until the next scheduled board meeting",
    }),
  },
];

export interface ContinuanceFacts {
  continuanceGranted?: boolean;
  continuanceRequestedBy?: "issuing-authority" | "appellant";
  continuanceGoodCause?: boolean;
  continuancesAlreadyGranted?: number;
  nextScheduledMeetingOn?: PlainDate;
}

/**
 * met: a continuance was granted and the Act permits it (or the appellant asked
 * for it); not-met: granted but not permitted; not-applicable: none granted.
 */
export function continuancePermitted(facts: ContinuanceFacts, on: PlainDate): Finding {
  const rule = inForce(CONTINUANCES, on, ID);
  if (facts.continuanceGranted === false) return notApplicable(ID, rule.source, "no continuance granted");
  if (facts.continuanceGranted === undefined) return unknown(ID, rule.source, ["continuanceGranted"]);
  if (!facts.continuanceRequestedBy) return unknown(ID, rule.source, ["continuanceRequestedBy"]);
  if (facts.continuanceRequestedBy === "appellant")
    return met(ID, rule.source, "continued at the appellant's request (not limited by this rule)");
  if (rule.value.allowed === 0)
    return notMet(ID, rule.source, "before 2013-07-01 the Act gave the official no continuance");
  if (facts.continuancesAlreadyGranted !== undefined && facts.continuancesAlreadyGranted >= rule.value.allowed) {
    return notMet(
      ID,
      rule.source,
      `the official already had ${facts.continuancesAlreadyGranted} continuance(s); only ${rule.value.allowed} is allowed`,
    );
  }
  if (facts.continuanceGoodCause === false) return notMet(ID, rule.source, "no good cause for the continuance");
  const missing = [
    ...(facts.continuancesAlreadyGranted === undefined ? ["continuancesAlreadyGranted"] : []),
    ...(facts.continuanceGoodCause === undefined ? ["continuanceGoodCause"] : []),
  ];
  if (missing.length) return unknown(ID, rule.source, missing);
  return met(
    ID,
    rule.source,
    "the official's one continuance, for good cause: continued to the next scheduled board meeting",
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const ONE_CONTINUANCE_RULE = defineRule({
  id: "appeals.one-continuance",
  title: "One continuance for the official, for good cause",
  description:
    "The board may give the official whose action is appealed one continuance for good cause; the appeal then moves to the board's next scheduled meeting.",
  citations: [CONTINUANCES[1]!.source],
  from: "2013-07-01",
});
