/**
 * Exception: a firearm modified to render it permanently inoperable is not
 * an assault weapon.
 *
 * CGS § 53-202a(b) (PA 93-306 § 1(b)): "the term 'assault weapon' does not
 * include any firearm modified to render it permanently inoperable." The OLR
 * analysis of PA 13-3 relies on it where it lets a person who moves into the
 * state, or inherits an assault weapon, "make it permanently inoperable".
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, cite } from "../../core/rules.ts";
import type { FirearmFacts } from "./firearm-facts.ts";
import { datedTest, test } from "./logic.ts";

/** Met when the exception does NOT apply (the firearm is operable), following core's "disqualifier absent" convention. */
export const NOT_INOPERABLE_ID = "weapons.not-permanently-inoperable";

const SOURCE = cite("PA 93-306", "§ 1(b)", {
  cgs: "CGS § 53-202a(b)",
  text: 'the term "assault weapon" does not include any firearm modified to render it permanently inoperable',
});

export const INOPERABLE_VERSIONS: readonly Dated<true>[] = [{ from: "1993-10-01", value: true, source: SOURCE }];

export function notPermanentlyInoperable(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  return datedTest({ id: NOT_INOPERABLE_ID, versions: INOPERABLE_VERSIONS, on }, () => ({
    t: test(f.permanentlyInoperable, `${at}.permanentlyInoperable`, (b) => !b),
    met: "not modified to render it permanently inoperable",
    notMet: "modified to render it permanently inoperable, so it is not an assault weapon",
  }));
}

export const INOPERABLE_SOURCE = SOURCE;
