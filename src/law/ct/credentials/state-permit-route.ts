/**
 * How a state permit is reached: through a temporary state permit, or (without a
 * Connecticut residence) directly with another state's carry permit.
 *
 * OLR analysis of PA 13-3, §§ 57-58: "By law, a gun permit is issued under a two-part
 * process, with a local official issuing a temporary state permit, after which the State
 * Police issues the five-year state permit (assuming the requirements are met)."
 *
 * Exception (its own function below): "As under existing law, the bill continues to allow
 * someone without a permanent residence in Connecticut to apply directly to DESPP for a gun
 * permit if the person has a handgun permit or license to carry issued by another state."
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, inForce, met, notMet, pa133, unknown } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import { CREDENTIALS_MODELLED_FROM } from "./kinds.ts";
import { catalogueEntry } from "../../core/questions.ts";

export const STATE_PERMIT_ROUTE_ID = "credentials.state-permit-route";
export const NONRESIDENT_DIRECT_APPLICATION_ID = "credentials.nonresident-direct-application";

export const TEMPORARY_PERMIT_FIRST: readonly Dated<true>[] = [
  {
    from: CREDENTIALS_MODELLED_FROM,
    value: true,
    source: pa133("§§ 57-58", {
      cgs: "CGS §§ 29-28(b), 29-28a(b)",
      text: "a gun permit is issued under a two-part process, with a local official issuing a temporary state permit, after which the State Police issues the five-year state permit",
    }),
  },
];

export const NONRESIDENT_DIRECT_APPLICATION: readonly Dated<true>[] = [
  {
    from: CREDENTIALS_MODELLED_FROM,
    value: true,
    source: pa133("§§ 57-58", {
      cgs: "CGS § 29-28(f)",
      text: "the bill continues to allow someone without a permanent residence in Connecticut to apply directly to DESPP for a gun permit if the person has a handgun permit or license to carry issued by another state",
    }),
  },
];

/**
 * Exception: an applicant without a Connecticut residence who holds another state's permit or
 * license to carry may apply for the state permit directly, without a temporary state permit.
 * Called only for an applicant whose residence is outside Connecticut.
 */
export function nonresidentDirectApplication(facts: CredentialFacts, on: PlainDate): Finding {
  const source = inForce(NONRESIDENT_DIRECT_APPLICATION, on, NONRESIDENT_DIRECT_APPLICATION_ID).source;
  const state = facts.applicant?.residenceState ?? "another state";
  const held = facts.holdsOtherStateCarryPermit;
  if (held === undefined)
    return unknown(
      STATE_PERMIT_ROUTE_ID,
      source,
      ["holdsOtherStateCarryPermit"],
      `residence is in ${state}; whether the applicant holds another state's carry permit is not known`,
    );
  return held
    ? met(
        STATE_PERMIT_ROUTE_ID,
        source,
        `no Connecticut residence (${state}); holds another state's carry permit, so may apply directly to DESPP`,
      )
    : notMet(
        STATE_PERMIT_ROUTE_ID,
        source,
        `no Connecticut residence (${state}) and no other state's carry permit`,
        "obtain a permit or license to carry from the state of residence, or establish a Connecticut residence and apply for a temporary state permit",
      );
}

/** State permit: the applicant must hold a temporary state permit (or come within the nonresident exception). */
export function statePermitRoute(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(TEMPORARY_PERMIT_FIRST, on, STATE_PERMIT_ROUTE_ID);
  const state = facts.applicant?.residenceState;
  if (state === undefined)
    return unknown(
      STATE_PERMIT_ROUTE_ID,
      rule.source,
      ["applicant.residenceState"],
      "residence not known, so it is not known whether a temporary state permit is needed",
    );
  if (state.trim().toUpperCase() !== "CT") return nonresidentDirectApplication(facts, on);
  const held = facts.holdsTemporaryPermit;
  if (held === true)
    return met(STATE_PERMIT_ROUTE_ID, rule.source, "holds a temporary state permit from the local issuing authority");
  // A Connecticut residence that is not permanent: the person is "without a permanent residence in
  // Connecticut" and may also apply directly with another state's permit.
  // QUESTION(legal): read so; the analysis speaks of "someone without a permanent residence in Connecticut".
  const permanent = facts.applicant?.residenceIsPermanent;
  if (permanent === false) {
    const direct = nonresidentDirectApplication(facts, on);
    if (direct.status === "met") return direct;
    if (held === undefined)
      return unknown(STATE_PERMIT_ROUTE_ID, rule.source, ["holdsTemporaryPermit", ...(direct.missing ?? [])]);
    return direct.status === "unknown"
      ? direct
      : notMet(
          STATE_PERMIT_ROUTE_ID,
          rule.source,
          "no temporary state permit, and no other state's carry permit for a direct application",
          "apply to the local issuing authority for a temporary state permit first",
        );
  }
  if (held === undefined) return unknown(STATE_PERMIT_ROUTE_ID, rule.source, ["holdsTemporaryPermit"]);
  if (permanent === undefined && facts.holdsOtherStateCarryPermit !== false) {
    // Without a temporary permit, a direct application is open only to someone without a permanent Connecticut residence.
    return unknown(
      STATE_PERMIT_ROUTE_ID,
      rule.source,
      [
        "applicant.residenceIsPermanent",
        ...(facts.holdsOtherStateCarryPermit === undefined ? ["holdsOtherStateCarryPermit"] : []),
      ],
      "Connecticut resident without a temporary state permit; a direct application with another state's permit is open only if the residence is not permanent",
    );
  }
  return notMet(
    STATE_PERMIT_ROUTE_ID,
    rule.source,
    "Connecticut resident without a temporary state permit",
    "apply to the local issuing authority for a temporary state permit first",
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const STATE_PERMIT_ROUTE_RULE = catalogueEntry(
  STATE_PERMIT_ROUTE_ID,
  "Temporary state permit first (state permit)",
  "The five-year state permit follows a temporary state permit issued by the local authority.",
  TEMPORARY_PERMIT_FIRST,
);

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const NONRESIDENT_DIRECT_APPLICATION_RULE = catalogueEntry(
  NONRESIDENT_DIRECT_APPLICATION_ID,
  "Exception: applicants without a Connecticut residence",
  "A person without a permanent residence in Connecticut may apply directly to the State Police for the state permit if he or she holds a handgun permit or license to carry issued by another state.",
  NONRESIDENT_DIRECT_APPLICATION,
);
