/**
 * Residence in the issuing town, for the temporary state permit.
 *
 * OLR analysis of PA 13-3, §§ 57-58 (effective October 1, 2013): "The bill generally requires
 * someone applying for a gun permit to be a permanent resident of the town to which he or she
 * applies. Current law does not specify that the residence must be permanent, and also allows
 * such applications by someone who is not a resident, but who maintains a place of business
 * in the town."
 *
 * The application is taken to be made to the issuing authority of `applicant.residenceTown`
 * (the service routes it there); this rule checks that there is such a Connecticut town.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, cite, inForce, met, notMet, pa133, unknown } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import { CREDENTIALS_MODELLED_FROM, NEW_CRITERIA_FROM } from "./kinds.ts";

export const PERMANENT_RESIDENCE_ID = "credentials.permanent-residence";

type ResidenceTest = "residence-or-place-of-business" | "permanent-residence";

export const RESIDENCE_TEST: readonly Dated<ResidenceTest>[] = [
  {
    from: CREDENTIALS_MODELLED_FROM,
    until: NEW_CRITERIA_FROM,
    value: "residence-or-place-of-business",
    source: cite("CGS", "§ 29-28(b)", { cgs: "CGS § 29-28(b)", text: "Current law does not specify that the residence must be permanent, and also allows such applications by someone who is not a resident, but who maintains a place of business in the town." }),
  },
  {
    from: NEW_CRITERIA_FROM,
    value: "permanent-residence",
    source: pa133("§§ 57-58", { cgs: "CGS § 29-28(b)", text: "The bill generally requires someone applying for a gun permit to be a permanent resident of the town to which he or she applies." }),
  },
];

const isConnecticut = (state: string): boolean => state.trim().toUpperCase() === "CT";

/** Temporary state permit: the applicant must (permanently, from 2013-10-01) reside in the issuing town. */
export function permanentResidence(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(RESIDENCE_TEST, on, PERMANENT_RESIDENCE_ID);
  const state = facts.applicant?.residenceState;
  const town = facts.applicant?.residenceTown;
  if (state === undefined) return unknown(PERMANENT_RESIDENCE_ID, rule.source, ["applicant.residenceState"]);
  if (isConnecticut(state)) {
    if (!town) return unknown(PERMANENT_RESIDENCE_ID, rule.source, ["applicant.residenceTown"], "Connecticut resident, but the town of residence (which decides the issuing authority) is not known");
    return met(PERMANENT_RESIDENCE_ID, rule.source, `bona fide residence in ${town}, Connecticut`);
  }
  if (rule.value === "residence-or-place-of-business") {
    // Before 2013-10-01 a place of business in the town also sufficed; the facts do not record one.
    return unknown(PERMANENT_RESIDENCE_ID, rule.source, ["applicant.residenceTown"], `residence is in ${state}; before ${NEW_CRITERIA_FROM} a place of business in a Connecticut town also sufficed, and none is recorded`);
  }
  return notMet(
    PERMANENT_RESIDENCE_ID,
    rule.source,
    `residence is in ${state}; from ${NEW_CRITERIA_FROM} a temporary state permit requires a permanent residence in the issuing town`,
    "a person without a Connecticut residence who holds another state's carry permit may apply directly to DESPP for a state permit",
  );
}
