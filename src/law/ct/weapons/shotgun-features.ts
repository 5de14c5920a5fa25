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
import { type Dated, type Finding, findInForce, notApplicable, pa133 } from "../../core/rules.ts";
import { type FirearmFacts, acceptsDetachableMagazine, hasFeature, isKind, isSemiautomatic } from "./firearm-facts.ts";
import { all, finding, test } from "./logic.ts";

export const SHOTGUN_STOCK_AND_GRIP_ID = "weapons.shotgun-stock-and-grip";
export const SHOTGUN_DETACHABLE_MAGAZINE_ID = "weapons.shotgun-detachable-magazine";
export const REVOLVING_CYLINDER_SHOTGUN_ID = "weapons.revolving-cylinder-shotgun";

const BOTH_SOURCE = pa133("§ 25", {
  cgs: "CGS § 53-202a",
  text: "semiautomatic shotguns that have both of the following features: a folding or telescoping stock and any grip of the weapon ... directly below any portion of the action of the weapon when firing",
});
const DETACHABLE_SOURCE = pa133("§ 25", { cgs: "CGS § 53-202a", text: "any (1) semiautomatic shotgun that can accept a detachable magazine" });
const CYLINDER_SOURCE = pa133("§ 25", { cgs: "CGS § 53-202a", text: "any ... (2) shotgun with a revolving cylinder" });

export const SHOTGUN_VERSIONS = {
  both: [{ from: "2013-04-04", value: true, source: BOTH_SOURCE }] as readonly Dated<true>[],
  detachable: [{ from: "2013-04-04", value: true, source: DETACHABLE_SOURCE }] as readonly Dated<true>[],
  cylinder: [{ from: "2013-04-04", value: true, source: CYLINDER_SOURCE }] as readonly Dated<true>[],
};

/** A semiautomatic shotgun with both a folding or telescoping stock and a grip putting a trigger-hand finger below the action. */
export function shotgunStockAndGrip(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const v = findInForce(SHOTGUN_VERSIONS.both, on);
  if (!v) return notApplicable(SHOTGUN_STOCK_AND_GRIP_ID, BOTH_SOURCE, `the shotgun stock-and-grip test applies from 2013-04-04, not on ${on}`);
  const t = all(isKind(f, "shotgun", at), isSemiautomatic(f, at), hasFeature(f, "foldingOrTelescopingStock", at), hasFeature(f, "gripBelowAction", at));
  return finding(SHOTGUN_STOCK_AND_GRIP_ID, v.source, t, {
    met: "a semiautomatic shotgun with both a folding or telescoping stock and a grip below the action",
    notMet: "not a semiautomatic shotgun with both a folding or telescoping stock and a grip below the action",
  });
}

/** A semiautomatic shotgun that can accept a detachable magazine. */
export function shotgunDetachableMagazine(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const v = findInForce(SHOTGUN_VERSIONS.detachable, on);
  if (!v) return notApplicable(SHOTGUN_DETACHABLE_MAGAZINE_ID, DETACHABLE_SOURCE, `the detachable-magazine shotgun test applies from 2013-04-04, not on ${on}`);
  const t = all(isKind(f, "shotgun", at), isSemiautomatic(f, at), acceptsDetachableMagazine(f, at));
  return finding(SHOTGUN_DETACHABLE_MAGAZINE_ID, v.source, t, {
    met: "a semiautomatic shotgun that can accept a detachable magazine",
    notMet: "not a semiautomatic shotgun that can accept a detachable magazine",
  });
}

/** Any shotgun with a revolving cylinder, whatever its action. */
export function revolvingCylinderShotgun(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const v = findInForce(SHOTGUN_VERSIONS.cylinder, on);
  if (!v) return notApplicable(REVOLVING_CYLINDER_SHOTGUN_ID, CYLINDER_SOURCE, `the revolving-cylinder shotgun test applies from 2013-04-04, not on ${on}`);
  const t = all(isKind(f, "shotgun", at), test(f.revolvingCylinder, `${at}.revolvingCylinder`, (b) => b));
  return finding(REVOLVING_CYLINDER_SHOTGUN_ID, v.source, t, {
    met: "a shotgun with a revolving cylinder",
    notMet: "not a shotgun with a revolving cylinder",
  });
}

export const SHOTGUN_SOURCES = [BOTH_SOURCE, DETACHABLE_SOURCE, CYLINDER_SOURCE];
