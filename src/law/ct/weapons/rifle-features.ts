/**
 * Semiautomatic centerfire rifles that are assault weapons by their features
 * (PA 13-3 § 25, CGS § 53-202a), in force from passage, 2013-04-04.
 *
 * OLR analysis, §§ 25-31: "The bill also bans any semiautomatic, centerfire
 * rifle, regardless of the date produced, that can accept a detachable
 * magazine that has at least one of the following features: 1. a folding or
 * telescoping stock; 2. any grip of the weapon, including a pistol grip,
 * thumbhole stock, or other stock that would allow an individual to grip the
 * weapon, resulting in any finger on the trigger hand in addition to the
 * trigger finger being directly below any portion of the action of the weapon
 * when firing; 3. a forward pistol grip; 4. a flash suppressor; or 5. a
 * grenade launcher or flare launcher. It also bans semiautomatic, centerfire
 * rifles that have (1) a fixed magazine and can accept more than 10 rounds of
 * ammunition or (2) an overall length of less than 30 inches."
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, findInForce, notApplicable, pa133 } from "../../core/rules.ts";
import { type FirearmFacts, acceptsDetachableMagazine, hasFeature, isCenterfire, isKind, isSemiautomatic } from "./firearm-facts.ts";
import { all, any, finding, test } from "./logic.ts";

export const RIFLE_FEATURES_ID = "weapons.rifle-features";
export const RIFLE_FIXED_MAGAZINE_ID = "weapons.rifle-fixed-magazine";
export const RIFLE_LENGTH_ID = "weapons.rifle-overall-length";

const FEATURES_SOURCE = pa133("§ 25", {
  cgs: "CGS § 53-202a",
  text: "any semiautomatic, centerfire rifle, regardless of the date produced, that can accept a detachable magazine that has at least one of the following features: a folding or telescoping stock; any grip of the weapon ...; a forward pistol grip; a flash suppressor; or a grenade launcher or flare launcher",
});
const FIXED_SOURCE = pa133("§ 25", { cgs: "CGS § 53-202a", text: "semiautomatic, centerfire rifles that have (1) a fixed magazine and can accept more than 10 rounds of ammunition" });
const LENGTH_SOURCE = pa133("§ 25", { cgs: "CGS § 53-202a", text: "semiautomatic, centerfire rifles that have ... (2) an overall length of less than 30 inches" });

/** Rounds a fixed magazine may hold before the rifle is an assault weapon. */
export const RIFLE_FIXED_MAGAZINE_LIMIT: readonly Dated<number>[] = [{ from: "2013-04-04", value: 10, source: FIXED_SOURCE }];
/** Overall length, in inches, below which a semiautomatic centerfire rifle is an assault weapon. */
export const RIFLE_MINIMUM_LENGTH: readonly Dated<number>[] = [{ from: "2013-04-04", value: 30, source: LENGTH_SOURCE }];
export const RIFLE_FEATURES_VERSIONS: readonly Dated<true>[] = [{ from: "2013-04-04", value: true, source: FEATURES_SOURCE }];

function semiautoCenterfireRifle(f: FirearmFacts, at: string) {
  return [isKind(f, "rifle", at), isSemiautomatic(f, at), isCenterfire(f, at)];
}

/** A semiautomatic centerfire rifle that accepts a detachable magazine and has at least one of the five features. */
export function rifleFeatures(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const v = findInForce(RIFLE_FEATURES_VERSIONS, on);
  if (!v) return notApplicable(RIFLE_FEATURES_ID, FEATURES_SOURCE, `the one-feature rifle test applies from 2013-04-04, not on ${on}`);
  const oneFeature = any(
    hasFeature(f, "foldingOrTelescopingStock", at),
    hasFeature(f, "gripBelowAction", at),
    hasFeature(f, "forwardPistolGrip", at),
    hasFeature(f, "flashSuppressor", at),
    hasFeature(f, "grenadeLauncher", at),
    hasFeature(f, "flareLauncher", at),
  );
  const t = all(...semiautoCenterfireRifle(f, at), acceptsDetachableMagazine(f, at), oneFeature);
  return finding(RIFLE_FEATURES_ID, v.source, t, {
    met: "a semiautomatic centerfire rifle that can accept a detachable magazine and has at least one listed feature",
    notMet: "not a semiautomatic centerfire rifle accepting a detachable magazine with one of the listed features",
  });
}

/** A semiautomatic centerfire rifle with a fixed magazine that can accept more than 10 rounds. */
export function rifleFixedMagazine(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const v = findInForce(RIFLE_FIXED_MAGAZINE_LIMIT, on);
  if (!v) return notApplicable(RIFLE_FIXED_MAGAZINE_ID, FIXED_SOURCE, `the fixed-magazine rifle test applies from 2013-04-04, not on ${on}`);
  const t = all(...semiautoCenterfireRifle(f, at), test(f.fixedMagazineCapacity, `${at}.fixedMagazineCapacity`, (n) => n > v.value));
  return finding(RIFLE_FIXED_MAGAZINE_ID, v.source, t, {
    met: `a semiautomatic centerfire rifle whose fixed magazine accepts ${f.fixedMagazineCapacity} rounds, more than ${v.value}`,
    notMet: `not a semiautomatic centerfire rifle with a fixed magazine of more than ${v.value} rounds`,
  });
}

/** A semiautomatic centerfire rifle with an overall length of less than 30 inches. */
export function rifleOverallLength(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const v = findInForce(RIFLE_MINIMUM_LENGTH, on);
  if (!v) return notApplicable(RIFLE_LENGTH_ID, LENGTH_SOURCE, `the overall-length rifle test applies from 2013-04-04, not on ${on}`);
  const t = all(...semiautoCenterfireRifle(f, at), test(f.overallLengthInches, `${at}.overallLengthInches`, (n) => n < v.value));
  return finding(RIFLE_LENGTH_ID, v.source, t, {
    met: `a semiautomatic centerfire rifle ${f.overallLengthInches} inches long, less than ${v.value}`,
    notMet: `not a semiautomatic centerfire rifle shorter than ${v.value} inches`,
  });
}

export const RIFLE_SOURCES = [FEATURES_SOURCE, FIXED_SOURCE, LENGTH_SOURCE];
