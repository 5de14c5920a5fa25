/**
 * Armor-piercing bullet (PA 13-3 § 32, CGS § 53-202l), from 2013-10-01.
 *
 * OLR analysis, § 32: "The bill broadens the definition of 'armor-piercing
 * bullet' to include any bullet that can be fired from a handgun that:
 * 1. has projectiles or projectile cores constructed entirely, excluding the
 * presence of traces of other substances, from tungsten alloys, steel, iron,
 * brass, bronze, beryllium copper, or depleted uranium; 2. is (a) fully
 * jacketed with a jacket weight of more than 25% of the total weight of the
 * projectile, (b) larger than .22 caliber, and (c) designed and intended for
 * use in a firearm; and 3. does not have projectiles whose cores are composed
 * of soft material such as lead or lead alloys, zinc or zinc alloys,
 * frangible projectiles designed primarily for sporting purposes, or any
 * other projectiles or projectile cores that the U.S. attorney general finds
 * to be primarily intended to be used for sporting purposes or industrial
 * purposes or that constitutes 'armor piercing ammunition' as defined in
 * federal law. Armor-piercing bullet does not include shotgun shells."
 * EFFECTIVE DATE: October 1, 2013.
 *
 * QUESTION(legal): items 1 and 2 are joined by "and" in the analysis's list.
 * They restate the two alternative tests of the federal definition the bill
 * borrows (18 U.S.C. § 921(a)(17)(B)(i) "or" (ii)): a hard-metal projectile
 * or core, or a heavy-jacketed projectile larger than .22 caliber. We read
 * them as alternatives; item 3 and the shotgun-shell sentence are exclusions
 * that apply to both. Read conjunctively, only a hard-core projectile that is
 * also heavily jacketed would qualify.
 *
 * QUESTION(legal): item 3 ends "or that constitutes 'armor piercing
 * ammunition' as defined in federal law". Read literally it would exclude
 * exactly the bullets the definition is built to reach. We read it as the
 * analysis's compression of the exclusion for projectiles that do not
 * constitute federal armor piercing ammunition (the sporting and industrial
 * findings), and do not apply it as a separate exclusion.
 *
 * QUESTION(legal): "larger than .22 caliber" is compared in whole hundredths
 * of an inch, so .223 Remington and 5.56 mm (0.224) are .22 caliber, not
 * larger.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, findInForce, notApplicable, pa133 } from "../../core/rules.ts";
import { type AmmunitionFacts, HARD_MATERIALS, SOFT_MATERIALS, hundredths } from "./ammunition-facts.ts";
import { all, any, fact, finding, not, test, under } from "./logic.ts";

export const ARMOR_PIERCING_BULLET_ID = "weapons.armor-piercing-bullet";

const SOURCE = pa133("§ 32", {
  cgs: "CGS § 53-202l",
  text: "any bullet that can be fired from a handgun that has projectiles or projectile cores constructed entirely ... from tungsten alloys, steel, iron, brass, bronze, beryllium copper, or depleted uranium; is fully jacketed with a jacket weight of more than 25% ..., larger than .22 caliber, and designed and intended for use in a firearm; and does not have projectiles whose cores are composed of soft material ...; Armor-piercing bullet does not include shotgun shells",
});

/** The thresholds of the jacket test, from 2013-10-01. */
export const AP_THRESHOLDS: readonly Dated<{ jacketPercent: number; caliberHundredths: number }>[] = [
  { from: "2013-10-01", value: { jacketPercent: 25, caliberHundredths: 22 }, source: SOURCE },
];

const HARD = new Set<string>(HARD_MATERIALS);
const SOFT = new Set<string>(SOFT_MATERIALS);

export function armorPiercingBullet(a: AmmunitionFacts, on: PlainDate, at = "ammunition"): Finding {
  const v = findInForce(AP_THRESHOLDS, on);
  if (!v)
    return notApplicable(
      ARMOR_PIERCING_BULLET_ID,
      SOURCE,
      `the handgun armor-piercing definition applies from 2013-10-01, not on ${on}`,
    );
  const { jacketPercent, caliberHundredths } = v.value;

  const notShell = test(a.shotgunShell, under(at, "shotgunShell"), (b) => !b);
  const handgun = fact(a.fireableFromHandgun, under(at, "fireableFromHandgun"));
  // 1. constructed entirely of the hard metals (one or a combination)
  const construction = test(
    a.coreMaterials,
    under(at, "coreMaterials"),
    (ms) => ms.length > 0 && ms.every((m) => HARD.has(m)),
  );
  // 2. fully jacketed, jacket > 25% of weight, larger than .22 caliber, designed and intended for use in a firearm
  const jacket = all(
    fact(a.fullyJacketed, under(at, "fullyJacketed")),
    test(a.jacketWeightPercent, under(at, "jacketWeightPercent"), (p) => p > jacketPercent),
    test(a.nominalCaliber, under(at, "nominalCaliber"), (c) => hundredths(c) > caliberHundredths),
    fact(a.designedForFirearm, under(at, "designedForFirearm")),
  );
  // 3. exclusions
  const softCore = test(a.coreMaterials, under(at, "coreMaterials"), (ms) => ms.some((m) => SOFT.has(m)));
  const frangible = fact(a.frangibleForSporting, under(at, "frangibleForSporting"));
  const agFinding = fact(a.attorneyGeneralExempted, under(at, "attorneyGeneralExempted"));

  const t = all(notShell, handgun, any(construction, jacket), not(softCore), not(frangible), not(agFinding));
  return finding(ARMOR_PIERCING_BULLET_ID, v.source, t, {
    met:
      construction.value === true
        ? "a bullet that can be fired from a handgun, with a projectile or core constructed entirely of the listed hard metals"
        : `a fully jacketed bullet that can be fired from a handgun, jacket over ${jacketPercent}% of its weight, larger than .22 caliber, designed for a firearm`,
    notMet:
      notShell.value === false
        ? "a shotgun shell, which is not an armor-piercing bullet"
        : handgun.value === false
          ? "cannot be fired from a handgun"
          : softCore.value === true
            ? "its core is of soft material (lead, lead alloy, zinc or zinc alloy)"
            : frangible.value === true
              ? "a frangible projectile designed primarily for sporting purposes"
              : agFinding.value === true
                ? "the U.S. Attorney General has found it primarily intended for sporting or industrial purposes"
                : "neither constructed entirely of the listed hard metals nor heavily jacketed and larger than .22 caliber",
  });
}

export const ARMOR_PIERCING_SOURCE = SOURCE;
