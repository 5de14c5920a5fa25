/**
 * Whether a person's possession of an item is barred, statute by statute:
 * every prohibitor in statute order, each a finding. Used by the
 * criminal-possession question and by the sale questions ("the buyer may
 * lawfully possess what is sold").
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Finding, unknown, notApplicable, pa133 } from "../../core/rules.ts";
import type { Credential } from "../sales/credentials.ts";
import {
  firearmsSeizureOrder,
  protectiveOrRestrainingOrder,
  ORDER_ELEMENTS_ASSUMED,
  SEIZURE_ORDER_ELEMENTS_ASSUMED,
} from "./court-orders.ts";
import type { PersonEvent } from "./events.ts";
import { federalProhibitor } from "./federal-prohibitor.ts";
import { felonyConviction } from "./felony-conviction.ts";
import { listedMisdemeanorConviction } from "./listed-misdemeanor.ts";
import { ngriDischarge } from "./ngri-discharge.ts";
import { probateCommitment } from "./probate-commitment.ts";
import type { ProhibitorContext } from "./prohibitor.ts";
import { POSSESSION_AMENDMENTS_EFFECTIVE, type PossessionStatute, statuteSource } from "./statutes.ts";
import { voluntaryAdmission } from "./voluntary-admission.ts";

export const POSSESSION_ITEMS = ["firearm", "handgun", "ammunition", "electronic-defense-weapon"] as const;
export type PossessionItem = (typeof POSSESSION_ITEMS)[number];

const AMMUNITION_SOURCE = pa133("§ 44", {
  cgs: "CGS § 53a-217",
  text: "The bill also punishes possessing ammunition under the same circumstances and with the same penalties. ... The bill defines ammunition as a loaded cartridge consisting of a primed case, propellant, or projectile designed for use in a firearm.",
});

/** The crimes that reach possession of `item` on `on` (a pistol is also a firearm). */
export function statutesFor(item: PossessionItem, on: PlainDate): PossessionStatute[] {
  if (item === "handgun") return ["handgun", "firearm"];
  if (item === "ammunition" && on < POSSESSION_AMENDMENTS_EFFECTIVE) return [];
  return ["firearm"];
}

export interface PersonFacts {
  events?: readonly PersonEvent[] | undefined;
  credentials?: readonly Credential[] | undefined;
}

const PROHIBITORS = [
  felonyConviction,
  listedMisdemeanorConviction,
  ngriDischarge,
  probateCommitment,
  voluntaryAdmission,
  protectiveOrRestrainingOrder,
  firearmsSeizureOrder,
  federalProhibitor,
] as const;

/** Findings for one statute: met = this prohibitor does not apply; not-met = it does. */
export function statuteFindings(
  statute: PossessionStatute,
  person: PersonFacts,
  on: PlainDate,
  paths: { events: string; credentials: string },
): Finding[] {
  const source = statuteSource(statute, on);
  if (person.events === undefined) {
    return [
      unknown(
        `criminal-possession.${statute}.events`,
        source,
        [paths.events],
        "the person's records (convictions, commitments, orders) have not been looked up",
      ),
    ];
  }
  const ctx: ProhibitorContext = {
    statute,
    on,
    eventsPath: paths.events,
    credentials: person.credentials,
    credentialsPath: paths.credentials,
  };
  return PROHIBITORS.map((rule) => rule(person.events ?? [], ctx));
}

/** Findings for possession of `item` by the person on `on`, all statutes that reach it. */
export function possessionFindings(
  item: PossessionItem,
  person: PersonFacts,
  on: PlainDate,
  paths = { events: "events", credentials: "credentials" },
): Finding[] {
  const statutes = statutesFor(item, on);
  if (statutes.length === 0) {
    return [
      notApplicable(
        "criminal-possession.ammunition.not-yet-a-crime",
        AMMUNITION_SOURCE,
        `possession of ammunition is reached by CGS § 53a-217 only from ${POSSESSION_AMENDMENTS_EFFECTIVE}`,
      ),
    ];
  }
  return statutes.flatMap((s) => statuteFindings(s, person, on, paths));
}

/** Elements of the crime the data cannot show, for the findings that bar possession. */
export function elementsAssumed(findings: readonly Finding[]): string[] {
  const out = new Set<string>();
  for (const f of findings) {
    if (f.status !== "not-met") continue;
    if (f.id.endsWith(".protective-order")) ORDER_ELEMENTS_ASSUMED.forEach((e) => out.add(e));
    if (f.id.endsWith(".firearms-seizure-order")) SEIZURE_ORDER_ELEMENTS_ASSUMED.forEach((e) => out.add(e));
  }
  if (findings.some((f) => f.status === "not-met")) out.add("the person knowingly possessed the item");
  return [...out];
}
