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
import { type Dated, type Finding, cite } from "../../core/rules.ts";
import { type FirearmFacts, acceptsDetachableMagazine, hasFeature, isKind, isSemiautomatic } from "./firearm-facts.ts";
import { all, any, atLeast, datedTest, test } from "./logic.ts";

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


/** A semiautomatic rifle (any caliber) that accepts a detachable magazine and has at least two of five features. */
export function olderRifleFeatures(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  return datedTest({ id: OLDER_RIFLE_ID, versions: OLDER_FEATURE_COUNT, on, applies: "the two-feature tests apply", source: RIFLE_SOURCE }, (n) => {
    const features = [
      hasFeature(f, "foldingOrTelescopingStock", at),
      hasFeature(f, "pistolGripProtrudingConspicuously", at),
      hasFeature(f, "bayonetMount", at),
      any(hasFeature(f, "flashSuppressor", at), hasFeature(f, "threadedBarrelForFlashSuppressor", at)),
      hasFeature(f, "grenadeLauncher", at),
    ];
    return {
      t: all(isKind(f, "rifle", at), isSemiautomatic(f, at), acceptsDetachableMagazine(f, at), atLeast(n, features)),
      met: `a semiautomatic rifle that can accept a detachable magazine and has at least ${n} of the five older features`,
      notMet: `not a semiautomatic rifle accepting a detachable magazine with ${n} of the five older features`,
    };
  });
}

/** A semiautomatic pistol that accepts a detachable magazine and has at least two of five features. */
export function olderPistolFeatures(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  return datedTest({ id: OLDER_PISTOL_ID, versions: OLDER_FEATURE_COUNT, on, applies: "the two-feature tests apply", source: PISTOL_SOURCE }, (n) => {
    const features = [
      hasFeature(f, "magazineOutsidePistolGrip", at),
      any(hasFeature(f, "threadedBarrel", at), hasFeature(f, "threadedBarrelForBarrelExtender", at)),
      hasFeature(f, "barrelShroudForNontriggerHand", at),
      test(f.unloadedWeightOunces, `${at}.unloadedWeightOunces`, (w) => w >= OLDER_PISTOL_WEIGHT_OUNCES),
      test(f.semiautomaticVersionOfAutomatic, `${at}.semiautomaticVersionOfAutomatic`, (b) => b),
    ];
    return {
      t: all(isKind(f, "pistol", at), isSemiautomatic(f, at), acceptsDetachableMagazine(f, at), atLeast(n, features)),
      met: `a semiautomatic pistol that can accept a detachable magazine and has at least ${n} of the five older features`,
      notMet: `not a semiautomatic pistol accepting a detachable magazine with ${n} of the five older features`,
    };
  });
}

/** A semiautomatic shotgun with at least two of four features. */
export function olderShotgunFeatures(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  return datedTest({ id: OLDER_SHOTGUN_ID, versions: OLDER_FEATURE_COUNT, on, applies: "the two-feature tests apply", source: SHOTGUN_SOURCE }, (n) => {
    const features = [
      hasFeature(f, "foldingOrTelescopingStock", at),
      hasFeature(f, "pistolGripProtrudingConspicuously", at),
      test(f.fixedMagazineCapacity, `${at}.fixedMagazineCapacity`, (c) => c > OLDER_SHOTGUN_FIXED_MAGAZINE),
      acceptsDetachableMagazine(f, at),
    ];
    return {
      t: all(isKind(f, "shotgun", at), isSemiautomatic(f, at), atLeast(n, features)),
      met: `a semiautomatic shotgun with at least ${n} of the four older features`,
      notMet: `not a semiautomatic shotgun with ${n} of the four older features`,
    };
  });
}

export const OLDER_FEATURE_SOURCES = [RIFLE_SOURCE, PISTOL_SOURCE, SHOTGUN_SOURCE];
