/**
 * The older two-feature tests: semiautomatic firearms not named in the 1993
 * list that are assault weapons because of a combination of features.
 *
 * The OLR analysis of PA 13-3 describes them as current law: "any unlisted
 * semi-automatic rifle or pistol that can accept a detachable magazine and
 * has at least two of five specified features; [and] any semi-automatic
 * shotgun that has at least two of four specified features". It does not
 * list the features; we take them from the codified text, CGS § 53-202a(a)(3)
 * (revision of 2012):
 *
 * "(A) A semiautomatic rifle that has an ability to accept a detachable
 * magazine and has at least two of the following: (i) A folding or
 * telescoping stock; (ii) A pistol grip that protrudes conspicuously beneath
 * the action of the weapon; (iii) A bayonet mount; (iv) A flash suppressor or
 * threaded barrel designed to accommodate a flash suppressor; and (v) A
 * grenade launcher; or (B) A semiautomatic pistol that has an ability to
 * accept a detachable magazine and has at least two of the following: (i) An
 * ammunition magazine that attaches to the pistol outside of the pistol grip;
 * (ii) A threaded barrel capable of accepting a barrel extender, flash
 * suppressor, forward handgrip or silencer; (iii) A shroud that is attached
 * to, or partially or completely encircles, the barrel and that permits the
 * shooter to hold the firearm with the nontrigger hand without being burned;
 * (iv) A manufactured weight of fifty ounces or more when the pistol is
 * unloaded; and (v) A semiautomatic version of an automatic firearm; or (C) A
 * semiautomatic shotgun that has at least two of the following: (i) A folding
 * or telescoping stock; (ii) A pistol grip that protrudes conspicuously
 * beneath the action of the weapon; (iii) A fixed magazine capacity in excess
 * of five rounds; and (iv) An ability to accept a detachable magazine".
 *
 * The text reaches firearms "not listed in subdivision (1)" (the 1993 named
 * list); a listed firearm is an assault weapon by name anyway, so the
 * combined answer is the same and we do not test the exclusion here.
 *
 * QUESTION(legal): dates. OLR Report 2012-R-0362 says "a 2001 act expanded
 * the definition"; that act is PA 01-130, and we take its effective date as
 * 2001-10-01 (the usual date for the session's acts, and the date of the
 * Board of Firearms Permit Examiners' 2002 compilation). The rulebook refuses
 * earlier dates. Please confirm 2001-10-01.
 *
 * QUESTION(legal): after 2013-04-04. The analysis says PA 13-3 "expands" the
 * banned weapons and does not say it repeals the two-feature tests, so we
 * keep them in force alongside the one-feature tests. They still matter for
 * firearms the 2013 tests miss: rimfire rifles (the 2013 rifle tests reach
 * only centerfire rifles), pistols of 50 ounces or more or that are
 * semiautomatic versions of automatic firearms, and shotguns with a fixed
 * magazine of more than five rounds.
 *
 * QUESTION(legal): the older pistol feature "(i) an ammunition magazine that
 * attaches to the pistol outside of the pistol grip" is read as the same
 * fact as the 2013 "ability to accept a detachable ammunition magazine that
 * attaches at some location outside the pistol grip".
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Dated, type Finding, cite } from "../../core/rules.ts";
import {
  type FirearmFacts,
  type FirearmFeatures,
  acceptsDetachableMagazine,
  hasFeature,
  isKind,
  isSemiautomatic,
} from "./firearm-facts.ts";
import { type Tri, all, any, atLeast, datedTest, test } from "./logic.ts";

export const OLDER_RIFLE_ID = "weapons.older-rifle-features";
export const OLDER_PISTOL_ID = "weapons.older-pistol-features";
export const OLDER_SHOTGUN_ID = "weapons.older-shotgun-features";

const RIFLE_SOURCE = cite("CGS (rev. 2012)", "§ 53-202a(a)(3)(A)", {
  cgs: "CGS § 53-202a(a)(3)(A)",
  text: "A semiautomatic rifle that has an ability to accept a detachable magazine and has at least two of the following: folding or telescoping stock; pistol grip that protrudes conspicuously beneath the action; bayonet mount; flash suppressor or threaded barrel designed to accommodate a flash suppressor; grenade launcher",
});
const PISTOL_SOURCE = cite("CGS (rev. 2012)", "§ 53-202a(a)(3)(B)", {
  cgs: "CGS § 53-202a(a)(3)(B)",
  text: "A semiautomatic pistol that has an ability to accept a detachable magazine and has at least two of the following: magazine outside the pistol grip; threaded barrel (barrel extender, flash suppressor, forward handgrip or silencer); shroud; manufactured weight of fifty ounces or more unloaded; semiautomatic version of an automatic firearm",
});
const SHOTGUN_SOURCE = cite("CGS (rev. 2012)", "§ 53-202a(a)(3)(C)", {
  cgs: "CGS § 53-202a(a)(3)(C)",
  text: "A semiautomatic shotgun that has at least two of the following: folding or telescoping stock; pistol grip that protrudes conspicuously beneath the action; fixed magazine capacity in excess of five rounds; ability to accept a detachable magazine",
});

/** How many of the listed features make the firearm an assault weapon. */
export const OLDER_FEATURE_COUNT: readonly Dated<number>[] = [{ from: "2001-10-01", value: 2, source: RIFLE_SOURCE }];
/** Older pistol test: a manufactured unloaded weight of this many ounces or more. */
export const OLDER_PISTOL_WEIGHT_OUNCES = 50;
/** Older shotgun test: a fixed magazine capacity in excess of this many rounds. */
export const OLDER_SHOTGUN_FIXED_MAGAZINE = 5;

/**
 * The shape of every older test: a semiautomatic firearm of one kind (that can accept a detachable
 * magazine, for rifles and pistols) with at least `n` of its listed features.
 */
function olderTest(
  f: FirearmFacts,
  on: PlainDate,
  at: string,
  p: { id: string; source: Citation; kind: "rifle" | "pistol" | "shotgun"; detachable: boolean; features: Tri[] },
): Finding {
  const count = p.features.length === 5 ? "five" : "four";
  const detachable = p.detachable ? [acceptsDetachableMagazine(f, at)] : [];
  return datedTest(
    { id: p.id, versions: OLDER_FEATURE_COUNT, on, applies: "the two-feature tests apply", source: p.source },
    (n) => ({
      t: all(isKind(f, p.kind, at), isSemiautomatic(f, at), ...detachable, atLeast(n, p.features)),
      met: `a semiautomatic ${p.kind}${p.detachable ? " that can accept a detachable magazine and has" : " with"} at least ${n} of the ${count} older features`,
      notMet: `not a semiautomatic ${p.kind}${p.detachable ? " accepting a detachable magazine" : ""} with ${n} of the ${count} older features`,
    }),
  );
}

/** A semiautomatic rifle (any caliber) that accepts a detachable magazine and has at least two of five features. */
export function olderRifleFeatures(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const has = (k: keyof FirearmFeatures) => hasFeature(f, k, at);
  const features = [
    has("foldingOrTelescopingStock"),
    has("pistolGripProtrudingConspicuously"),
    has("bayonetMount"),
    any(has("flashSuppressor"), has("threadedBarrelForFlashSuppressor")),
    has("grenadeLauncher"),
  ];
  return olderTest(f, on, at, { id: OLDER_RIFLE_ID, source: RIFLE_SOURCE, kind: "rifle", detachable: true, features });
}

/** A semiautomatic pistol that accepts a detachable magazine and has at least two of five features. */
export function olderPistolFeatures(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const has = (k: keyof FirearmFeatures) => hasFeature(f, k, at);
  const features = [
    has("magazineOutsidePistolGrip"),
    any(has("threadedBarrel"), has("threadedBarrelForBarrelExtender")),
    has("barrelShroudForNontriggerHand"),
    test(f.unloadedWeightOunces, `${at}.unloadedWeightOunces`, (w) => w >= OLDER_PISTOL_WEIGHT_OUNCES),
    test(f.semiautomaticVersionOfAutomatic, `${at}.semiautomaticVersionOfAutomatic`, (b) => b),
  ];
  return olderTest(f, on, at, {
    id: OLDER_PISTOL_ID,
    source: PISTOL_SOURCE,
    kind: "pistol",
    detachable: true,
    features,
  });
}

/** A semiautomatic shotgun with at least two of four features. */
export function olderShotgunFeatures(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const has = (k: keyof FirearmFeatures) => hasFeature(f, k, at);
  const fixedOverFive = test(
    f.fixedMagazineCapacity,
    `${at}.fixedMagazineCapacity`,
    (c) => c > OLDER_SHOTGUN_FIXED_MAGAZINE,
  );
  const features = [
    has("foldingOrTelescopingStock"),
    has("pistolGripProtrudingConspicuously"),
    fixedOverFive,
    acceptsDetachableMagazine(f, at),
  ];
  return olderTest(f, on, at, {
    id: OLDER_SHOTGUN_ID,
    source: SHOTGUN_SOURCE,
    kind: "shotgun",
    detachable: false,
    features,
  });
}

export const OLDER_FEATURE_SOURCES = [RIFLE_SOURCE, PISTOL_SOURCE, SHOTGUN_SOURCE];
