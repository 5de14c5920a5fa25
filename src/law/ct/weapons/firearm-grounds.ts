/**
 * Every test that can make a firearm an assault weapon, run on one firearm
 * on one date. Tests not in force on the date report not-applicable.
 *
 * Grounds come in two kinds, which matter for the exemption of firearms made
 * before 1994-09-13 (pre-1994-exemption.ts): by name (selective fire, the
 * named lists and their copies) and by criteria (the feature tests).
 */
import type { PlainDate } from "../../core/dates.ts";
import type { Finding } from "../../core/rules.ts";
import type { FirearmFacts } from "./firearm-facts.ts";
import {
  copiesOrDuplicates,
  namedPistols,
  namedRifles,
  namedShotguns,
  NAMED_IDS,
  olderNamedList,
} from "./named-assault-weapons.ts";
import {
  OLDER_PISTOL_ID,
  OLDER_RIFLE_ID,
  OLDER_SHOTGUN_ID,
  olderPistolFeatures,
  olderRifleFeatures,
  olderShotgunFeatures,
} from "./older-feature-tests.ts";
import {
  PISTOL_FEATURES_ID,
  PISTOL_FIXED_MAGAZINE_ID,
  pistolFeatures,
  pistolFixedMagazine,
} from "./pistol-features.ts";
import {
  RIFLE_FEATURES_ID,
  RIFLE_FIXED_MAGAZINE_ID,
  RIFLE_LENGTH_ID,
  rifleFeatures,
  rifleFixedMagazine,
  rifleOverallLength,
} from "./rifle-features.ts";
import { SELECTIVE_FIRE_ID, selectiveFire } from "./selective-fire.ts";
import {
  REVOLVING_CYLINDER_SHOTGUN_ID,
  SHOTGUN_DETACHABLE_MAGAZINE_ID,
  SHOTGUN_STOCK_AND_GRIP_ID,
  revolvingCylinderShotgun,
  shotgunDetachableMagazine,
  shotgunStockAndGrip,
} from "./shotgun-features.ts";

/** Grounds that define an assault weapon by name (or, for selective fire, in the same clause as the names). */
export const NAME_GROUNDS: ReadonlySet<string> = new Set([
  SELECTIVE_FIRE_ID,
  NAMED_IDS.older,
  NAMED_IDS.rifles,
  NAMED_IDS.pistols,
  NAMED_IDS.shotguns,
  NAMED_IDS.copies,
]);

/** Grounds that define an assault weapon by criteria (features), older and 2013. */
export const CRITERIA_GROUNDS: ReadonlySet<string> = new Set([
  OLDER_RIFLE_ID,
  OLDER_PISTOL_ID,
  OLDER_SHOTGUN_ID,
  RIFLE_FEATURES_ID,
  RIFLE_FIXED_MAGAZINE_ID,
  RIFLE_LENGTH_ID,
  PISTOL_FEATURES_ID,
  PISTOL_FIXED_MAGAZINE_ID,
  SHOTGUN_STOCK_AND_GRIP_ID,
  SHOTGUN_DETACHABLE_MAGAZINE_ID,
  REVOLVING_CYLINDER_SHOTGUN_ID,
]);

/** Grounds of the law as it stood before PA 13-3 (1993 list, selective fire, 2001 two-feature tests). */
export const OLDER_GROUNDS: ReadonlySet<string> = new Set([
  SELECTIVE_FIRE_ID,
  NAMED_IDS.older,
  OLDER_RIFLE_ID,
  OLDER_PISTOL_ID,
  OLDER_SHOTGUN_ID,
]);

/** All firearm grounds, in the order the text gives them. */
export function firearmGrounds(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding[] {
  return [
    selectiveFire(f, on, at),
    olderNamedList(f, on, at),
    namedRifles(f, on, at),
    namedPistols(f, on, at),
    namedShotguns(f, on, at),
    copiesOrDuplicates(f, on, at),
    rifleFeatures(f, on, at),
    rifleFixedMagazine(f, on, at),
    rifleOverallLength(f, on, at),
    pistolFeatures(f, on, at),
    pistolFixedMagazine(f, on, at),
    shotgunStockAndGrip(f, on, at),
    shotgunDetachableMagazine(f, on, at),
    revolvingCylinderShotgun(f, on, at),
    olderRifleFeatures(f, on, at),
    olderPistolFeatures(f, on, at),
    olderShotgunFeatures(f, on, at),
  ];
}
