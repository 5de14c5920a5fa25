/**
 * Semiautomatic pistols that are assault weapons by their features
 * (PA 13-3 § 25, CGS § 53-202a), in force from passage, 2013-04-04.
 *
 * OLR analysis, §§ 25-31: "The bill also bans any semiautomatic pistol that
 * can accept a detachable magazine and has at least one of the following
 * features: 1. the ability to accept a detachable ammunition magazine that
 * attaches at some location outside the pistol grip; 2. a threaded barrel
 * capable of accepting a flash suppressor, forward pistol grip, or silencer;
 * 3. a shroud attached to, or partially or completely encircling, the barrel
 * and that permits the shooter to fire the firearm without being burned,
 * except a slide that encloses the barrel; or 4. a second hand grip. The bill
 * also bans any semiautomatic pistol with a fixed magazine that can accept
 * more than 10 rounds of ammunition."
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, findInForce, notApplicable, pa133 } from "../../core/rules.ts";
import { type FirearmFacts, acceptsDetachableMagazine, hasFeature, isKind, isSemiautomatic } from "./firearm-facts.ts";
import { all, any, finding, test } from "./logic.ts";

export const PISTOL_FEATURES_ID = "weapons.pistol-features";
export const PISTOL_FIXED_MAGAZINE_ID = "weapons.pistol-fixed-magazine";

const FEATURES_SOURCE = pa133("§ 25", {
  cgs: "CGS § 53-202a",
  text: "any semiautomatic pistol that can accept a detachable magazine and has at least one of the following features: ... a magazine that attaches ... outside the pistol grip; a threaded barrel ...; a shroud ... except a slide that encloses the barrel; or a second hand grip",
});
const FIXED_SOURCE = pa133("§ 25", { cgs: "CGS § 53-202a", text: "any semiautomatic pistol with a fixed magazine that can accept more than 10 rounds of ammunition" });

export const PISTOL_FEATURES_VERSIONS: readonly Dated<true>[] = [{ from: "2013-04-04", value: true, source: FEATURES_SOURCE }];
export const PISTOL_FIXED_MAGAZINE_LIMIT: readonly Dated<number>[] = [{ from: "2013-04-04", value: 10, source: FIXED_SOURCE }];

/**
 * A semiautomatic pistol that accepts a detachable magazine and has at least one of the four features.
 *
 * The shroud feature excludes "a slide that encloses the barrel": the fact
 * `barrelShroud` is defined with that exception, so an ordinary slide is
 * reported as `barrelShroud: false`.
 */
export function pistolFeatures(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const v = findInForce(PISTOL_FEATURES_VERSIONS, on);
  if (!v) return notApplicable(PISTOL_FEATURES_ID, FEATURES_SOURCE, `the one-feature pistol test applies from 2013-04-04, not on ${on}`);
  const oneFeature = any(
    hasFeature(f, "magazineOutsidePistolGrip", at),
    hasFeature(f, "threadedBarrel", at),
    hasFeature(f, "barrelShroud", at),
    hasFeature(f, "secondHandGrip", at),
  );
  const t = all(isKind(f, "pistol", at), isSemiautomatic(f, at), acceptsDetachableMagazine(f, at), oneFeature);
  return finding(PISTOL_FEATURES_ID, v.source, t, {
    met: "a semiautomatic pistol that can accept a detachable magazine and has at least one listed feature",
    notMet: "not a semiautomatic pistol accepting a detachable magazine with one of the listed features",
  });
}

/** A semiautomatic pistol with a fixed magazine that can accept more than 10 rounds. */
export function pistolFixedMagazine(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const v = findInForce(PISTOL_FIXED_MAGAZINE_LIMIT, on);
  if (!v) return notApplicable(PISTOL_FIXED_MAGAZINE_ID, FIXED_SOURCE, `the fixed-magazine pistol test applies from 2013-04-04, not on ${on}`);
  const t = all(isKind(f, "pistol", at), isSemiautomatic(f, at), test(f.fixedMagazineCapacity, `${at}.fixedMagazineCapacity`, (n) => n > v.value));
  return finding(PISTOL_FIXED_MAGAZINE_ID, v.source, t, {
    met: `a semiautomatic pistol whose fixed magazine accepts ${f.fixedMagazineCapacity} rounds, more than ${v.value}`,
    notMet: `not a semiautomatic pistol with a fixed magazine of more than ${v.value} rounds`,
  });
}

export const PISTOL_SOURCES = [FEATURES_SOURCE, FIXED_SOURCE];
