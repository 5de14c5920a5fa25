/**
 * Shotguns that are assault weapons by their features (PA 13-3 § 25,
 * CGS § 53-202a), in force from passage, 2013-04-04.
 *
 * OLR analysis, §§ 25-31: "The bill also bans semiautomatic shotguns that
 * have both of the following features: 1. a folding or telescoping stock and
 * 2. any grip of the weapon, including a pistol grip, a thumbhole stock, or
 * any other stock, the use of which would allow an individual to grip the
 * weapon, resulting in any finger on the trigger hand in addition to the
 * trigger finger being directly below any portion of the action of the weapon
 * when firing. It also bans any (1) semiautomatic shotgun that can accept a
 * detachable magazine and (2) shotgun with a revolving cylinder."
 */
import type { PlainDate } from "../../core/dates.ts";
import type { Finding } from "../../core/rules.ts";
import { type FirearmFacts, acceptsDetachableMagazine, hasFeature, isKind, isSemiautomatic } from "./firearm-facts.ts";
import { all, datedTest, fromPassage, section25, test } from "./logic.ts";

export const SHOTGUN_STOCK_AND_GRIP_ID = "weapons.shotgun-stock-and-grip";
export const SHOTGUN_DETACHABLE_MAGAZINE_ID = "weapons.shotgun-detachable-magazine";
export const REVOLVING_CYLINDER_SHOTGUN_ID = "weapons.revolving-cylinder-shotgun";

const BOTH_SOURCE = section25(
  "semiautomatic shotguns that have both of the following features: a folding or telescoping stock and any grip of the weapon ... directly below any portion of the action of the weapon when firing",
);
const DETACHABLE_SOURCE = section25("any (1) semiautomatic shotgun that can accept a detachable magazine");
const CYLINDER_SOURCE = section25("any ... (2) shotgun with a revolving cylinder");

export const SHOTGUN_VERSIONS = {
  both: fromPassage(true as const, BOTH_SOURCE),
  detachable: fromPassage(true as const, DETACHABLE_SOURCE),
  cylinder: fromPassage(true as const, CYLINDER_SOURCE),
};

/** A semiautomatic shotgun: the first parts of the semiautomatic shotgun tests. */
const semiautoShotgun = (f: FirearmFacts, at: string) => [isKind(f, "shotgun", at), isSemiautomatic(f, at)];

/** A semiautomatic shotgun with both a folding or telescoping stock and a grip putting a trigger-hand finger below the action. */
export function shotgunStockAndGrip(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const what = "a semiautomatic shotgun with both a folding or telescoping stock and a grip below the action";
  return datedTest(
    {
      id: SHOTGUN_STOCK_AND_GRIP_ID,
      versions: SHOTGUN_VERSIONS.both,
      on,
      applies: "the shotgun stock-and-grip test applies",
    },
    () => ({
      t: all(
        ...semiautoShotgun(f, at),
        hasFeature(f, "foldingOrTelescopingStock", at),
        hasFeature(f, "gripBelowAction", at),
      ),
      met: what,
      notMet: `not ${what}`,
    }),
  );
}

/** A semiautomatic shotgun that can accept a detachable magazine. */
export function shotgunDetachableMagazine(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const what = "a semiautomatic shotgun that can accept a detachable magazine";
  return datedTest(
    {
      id: SHOTGUN_DETACHABLE_MAGAZINE_ID,
      versions: SHOTGUN_VERSIONS.detachable,
      on,
      applies: "the detachable-magazine shotgun test applies",
    },
    () => ({
      t: all(...semiautoShotgun(f, at), acceptsDetachableMagazine(f, at)),
      met: what,
      notMet: `not ${what}`,
    }),
  );
}

/** Any shotgun with a revolving cylinder, whatever its action. */
export function revolvingCylinderShotgun(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  return datedTest(
    {
      id: REVOLVING_CYLINDER_SHOTGUN_ID,
      versions: SHOTGUN_VERSIONS.cylinder,
      on,
      applies: "the revolving-cylinder shotgun test applies",
    },
    () => ({
      t: all(
        isKind(f, "shotgun", at),
        test(f.revolvingCylinder, `${at}.revolvingCylinder`, (b) => b),
      ),
      met: "a shotgun with a revolving cylinder",
      notMet: "not a shotgun with a revolving cylinder",
    }),
  );
}

export const SHOTGUN_SOURCES = [BOTH_SOURCE, DETACHABLE_SOURCE, CYLINDER_SOURCE];
