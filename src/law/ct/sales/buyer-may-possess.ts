/**
 * The buyer may lawfully possess what is sold.
 *
 * A sale is not lawful to a person whose possession of the item would be a
 * crime: for long guns the DESPP authorization and the NICS check exist to
 * refuse such buyers (PA 13-3 § 1: "The sale or transfer cannot take place if
 * the response indicates the prospective transferee is ineligible to receive
 * the gun"); for pistols, transferring "to a prohibited person" is itself a
 * crime (CGS § 29-33, PA 13-3 § 47). The prohibitors are those of the
 * possession crimes (criminal-possession/), read on the date of the sale.
 *
 * QUESTION(legal): PA 13-3 §§ 14-17 do not themselves bar selling ammunition
 * to a person who may not possess it; the seller checks a credential and, for
 * an ammunition certificate, photo identification. We still report this
 * finding for ammunition from 1 October 2013 (when possessing ammunition
 * becomes a crime for these persons), because a sale the system knows would
 * hand ammunition to a prohibited person must not be reported as permitted.
 */
import type { PlainDate } from "../../core/dates.ts";
import {
  type Citation,
  type Finding,
  allOf,
  met,
  missingOf,
  notApplicable,
  notMet,
  unknown,
} from "../../core/rules.ts";
import type { PersonEvent } from "../criminal-possession/events.ts";
import { type PossessionItem, possessionFindings } from "../criminal-possession/possession.ts";
import type { Credential } from "./credentials.ts";
import { LONG_GUN_AUTHORIZATION, HANDGUN_AUTHORIZATION } from "./despp-authorization.ts";
import { defineRule } from "../../core/questions.ts";

const NOUN: Record<PossessionItem, string> = {
  firearm: "a firearm",
  handgun: "a pistol or revolver",
  ammunition: "ammunition",
  "electronic-defense-weapon": "an electronic defense weapon",
};

export function buyerMayPossess(
  id: string,
  source: Citation,
  item: PossessionItem,
  buyer: { events?: readonly PersonEvent[] | undefined; credentials?: readonly Credential[] | undefined } | undefined,
  on: PlainDate,
): Finding {
  const findings = possessionFindings(item, buyer ?? {}, on, {
    events: "buyer.events",
    credentials: "buyer.credentials",
  });
  if (findings.every((f) => f.status === "not-applicable"))
    return notApplicable(id, source, findings.map((f) => f.because).join("; "));
  const outcome = allOf(findings);
  if (outcome === "no") {
    const reasons = findings.filter((f) => f.status === "not-met").map((f) => f.because);
    return notMet(
      id,
      source,
      `the buyer may not possess ${NOUN[item]}: ${reasons.join("; ")}`,
      "none at the point of sale; the buyer may appeal a record's accuracy to DESPP",
    );
  }
  if (outcome === "unknown") {
    const reasons = findings.filter((f) => f.status === "unknown").map((f) => f.because);
    return unknown(
      id,
      source,
      missingOf(findings),
      `cannot tell whether the buyer may possess ${NOUN[item]}: ${reasons.join("; ")}`,
    );
  }
  return met(id, source, `no prohibitor of possessing ${NOUN[item]} applies to the buyer on ${on}`);
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const BUYER_MAY_POSSESS_RULE = defineRule({
  id: "sales.buyer-may-possess",
  title: "Sales: the buyer may lawfully possess what is sold",
  description:
    "A long gun, pistol or (from 1 October 2013) ammunition is not sold to a person whose possession of it would be a crime.",
  citations: [LONG_GUN_AUTHORIZATION[0]!.source, HANDGUN_AUTHORIZATION[0]!.source],
  from: "2013-04-04",
});
