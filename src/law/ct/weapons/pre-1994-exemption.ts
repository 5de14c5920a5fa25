/**
 * Exemption: assault weapons defined by criteria that were legally
 * manufactured before 1994-09-13.
 *
 * OLR analysis of PA 13-3, BACKGROUND: "Under existing law, certain assault
 * weapons defined by criteria, rather than specific name, are exempt from the
 * state transfer restrictions and registration requirements if they were
 * legally manufactured before September 13, 1994 (CGS § 53-202m)."
 *
 * Read precisely, the text:
 * - reaches only weapons that are assault weapons by criteria: a weapon that
 *   is also named (or a copy of a named model, or selective-fire) is not
 *   exempt, however old;
 * - turns on the date of manufacture, not of purchase or possession, and on
 *   the manufacture being legal;
 * - requires manufacture strictly before 1994-09-13: a weapon made on
 *   1994-09-13 is not exempt;
 * - exempts from the transfer restrictions and registration requirements; it
 *   does not say the weapon is not an assault weapon. The classification
 *   still answers "yes" and reports the exemption beside it; possession
 *   (possession-permitted.ts) treats the weapon as needing no certificate.
 *
 * QUESTION(legal): selective-fire firearms are defined in the same clause as
 * the named list, not by the feature criteria; we do not treat them as
 * "defined by criteria".
 *
 * QUESTION(legal): the analysis says PA 13-3's one-feature test reaches "any
 * semiautomatic, centerfire rifle, regardless of the date produced, that can
 * accept a detachable magazine" with one of five features. That phrase can be
 * read to override this exemption for such rifles, or only to contrast the
 * test with the named lists' "in production before or on" 2013-04-04. The two
 * passages conflict, so when that rifle test is met (or may be met) we answer
 * "unknown" for the exemption and send it for review. The other criteria
 * (the older two-feature tests, the other 2013 tests) carry no such words,
 * and the exemption applies to them.
 *
 * QUESTION(legal): the exemption speaks of weapons "manufactured"; parts are
 * not treated as exempt.
 */
import { type PlainDate, isBefore } from "../../core/dates.ts";
import { type Dated, type Finding, cite, findInForce, notApplicable } from "../../core/rules.ts";
import type { FirearmFacts } from "./firearm-facts.ts";
import { CRITERIA_GROUNDS, NAME_GROUNDS } from "./firearm-grounds.ts";
import { type Tri, TRUE, all, any, finding, not, test, triOf } from "./logic.ts";
import { RIFLE_FEATURES_ID } from "./rifle-features.ts";

export const PRE_1994_EXEMPTION_ID = "weapons.pre-1994-exemption";

/** Weapons legally manufactured before this date (not on it) are exempt. */
export const MANUFACTURED_BEFORE = "1994-09-13" as PlainDate;

const SOURCE = cite("CGS", "§ 53-202m", {
  cgs: "CGS § 53-202m",
  text: "certain assault weapons defined by criteria, rather than specific name, are exempt from the state transfer restrictions and registration requirements if they were legally manufactured before September 13, 1994",
});

/**
 * In force from PA 01-130, which added the criteria definitions (see
 * older-feature-tests.ts for the date, 2001-10-01).
 */
export const PRE_1994_SOURCE = SOURCE;
export const PRE_1994_VERSIONS: readonly Dated<PlainDate>[] = [
  { from: "2001-10-01", value: MANUFACTURED_BEFORE, source: SOURCE },
];

/**
 * Whether the exemption applies to a firearm the grounds make (or may make)
 * an assault weapon. `grounds` are the findings of firearm-grounds.ts.
 */
export function pre1994Exemption(
  item: "firearm" | "parts",
  f: FirearmFacts,
  grounds: readonly Finding[],
  on: PlainDate,
  at = "firearm",
): Finding {
  const v = findInForce(PRE_1994_VERSIONS, on);
  if (!v) return notApplicable(PRE_1994_EXEMPTION_ID, SOURCE, `not modelled on ${on}`);
  if (item === "parts")
    return {
      id: PRE_1994_EXEMPTION_ID,
      status: "not-met",
      because: "the exemption is for weapons legally manufactured before 1994-09-13, not for parts",
      source: v.source,
    };

  const byName = any(...grounds.filter((g) => NAME_GROUNDS.has(g.id)).map(triOf));
  const byCriteria = any(...grounds.filter((g) => CRITERIA_GROUNDS.has(g.id)).map(triOf));
  const madeBefore = test(f.manufacturedOn, `${at}.manufacturedOn`, (d) => isBefore(d, v.value));
  const legally = test(f.legallyManufactured, `${at}.legallyManufactured`, (b) => b);
  const rifle = triOf(
    grounds.find((g) => g.id === RIFLE_FEATURES_ID) ?? {
      id: "",
      status: "not-applicable",
      because: "",
      source: v.source,
    },
  );
  // The conflict of texts leaves the exemption open whenever the one-feature rifle test is or may be met.
  const noConflict: Tri = rifle.value === false ? TRUE : { value: null, missing: rifle.missing };

  const t = all(byCriteria, not(byName), madeBefore, legally, noConflict);
  const because = {
    met: `an assault weapon only by criteria, legally manufactured on ${f.manufacturedOn}, before 1994-09-13: exempt from the transfer restrictions and registration requirements`,
    notMet:
      byName.value === true
        ? "named (or a copy of a named model, or selective-fire), not defined by criteria alone"
        : byCriteria.value === false
          ? "not an assault weapon by criteria"
          : madeBefore.value === false
            ? `manufactured on ${f.manufacturedOn}, not before 1994-09-13`
            : legally.value === false
              ? "not legally manufactured"
              : "the exemption does not apply",
    unknown:
      t.missing.length === 0 && rifle.value !== false
        ? "QUESTION(legal): the analysis says the one-feature rifle test applies 'regardless of the date produced', which may override this exemption; needs legal review"
        : undefined,
  };
  return finding(PRE_1994_EXEMPTION_ID, v.source, t, because);
}
