/**
 * Selective-fire firearms are assault weapons.
 *
 * OLR analysis of PA 13-3, §§ 25-31, current law: "any selective-fire firearm
 * capable of fully automatic, semiautomatic, or burst fire at the user's
 * option". Codified at CGS § 53-202a(a)(1) from PA 93-306 § 1(a)(1); PA 13-3
 * keeps it.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, cite } from "../../core/rules.ts";
import type { FirearmFacts } from "./firearm-facts.ts";
import { datedTest, test } from "./logic.ts";

export const SELECTIVE_FIRE_ID = "weapons.selective-fire";

const SOURCE = cite("PA 93-306", "§ 1(a)(1)", {
  cgs: "CGS § 53-202a(a)(1)",
  text: "Any selective-fire firearm capable of fully automatic, semiautomatic or burst fire at the option of the user",
});

/** In force since PA 93-306 (the rulebook models it from 2001-10-01, see firearm-classification.ts). */
export const SELECTIVE_FIRE_VERSIONS: readonly Dated<true>[] = [{ from: "1993-10-01", value: true, source: SOURCE }];

/** Any firearm, of any kind, capable of fully automatic, semiautomatic or burst fire at the option of the user. */
export function selectiveFire(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  return datedTest({ id: SELECTIVE_FIRE_ID, versions: SELECTIVE_FIRE_VERSIONS, on }, () => ({
    t: test(f.action, `${at}.action`, (a) => a === "selective-fire"),
    met: "a selective-fire firearm (fully automatic, semiautomatic or burst fire at the user's option)",
    notMet: `not selective-fire (action: ${f.action})`,
  }));
}

export const SELECTIVE_FIRE_SOURCE = SOURCE;
