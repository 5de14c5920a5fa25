/** The facts about a bullet (or cartridge) that the ammunition definitions test. */
import { z } from "zod";
import { flag as yes, factsObject } from "../../core/schema.ts";

/** Materials named by the construction test and by the soft-core exclusion, and "other" for anything else. */
export const HARD_MATERIALS = [
  "tungsten-alloy",
  "steel",
  "iron",
  "brass",
  "bronze",
  "beryllium-copper",
  "depleted-uranium",
] as const;
export const SOFT_MATERIALS = ["lead", "lead-alloy", "zinc", "zinc-alloy"] as const;
export const Material = z.enum([...HARD_MATERIALS, ...SOFT_MATERIALS, "copper", "other"]);
export type Material = z.infer<typeof Material>;

export const AmmunitionFacts = factsObject("A bullet or cartridge.", {
  shotgunShell: yes("It is a shotgun shell."),
  fireableFromHandgun: yes("The bullet can be fired from a handgun (pistol or revolver)."),
  nominalCaliber: z
    .number()
    .positive()
    .optional()
    .describe(
      "Nominal caliber in inches (0.45 for .45 ACP, 0.5 for .50 BMG). Compared in whole hundredths: .223 and 5.56 mm (0.224) count as .22 caliber; 0.500 to 0.519 as .50 caliber.",
    ),
  coreMaterials: z
    .array(Material)
    .min(1)
    .optional()
    .describe(
      "Every material the projectile or its core is constructed of, ignoring traces of other substances. Omit when not known.",
    ),
  fullyJacketed: yes("The projectile is fully jacketed."),
  jacketWeightPercent: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe("Jacket weight as a percentage of the total weight of the projectile."),
  designedForFirearm: yes("The projectile is designed and intended for use in a firearm."),
  frangibleForSporting: yes("It is a frangible projectile designed primarily for sporting purposes."),
  attorneyGeneralExempted: yes(
    "The U.S. Attorney General has found the projectile or core primarily intended for sporting or industrial purposes.",
  ),
  designation: z.string().optional().describe('Military or trade designation, e.g. "M2 AP", "M903 SLAP".'),
  armorPenetrationCapability: yes(
    "It is designed, held out by the manufacturer or distributor as, or generally recognized as having a specialized capability to penetrate armor or bulletproof glass.",
  ),
  incendiary: yes("It is an incendiary bullet (designed, held out or generally recognized as igniting on impact)."),
}).superRefine((a, ctx) => {
  // A shotgun shell is not a .50 caliber bullet: the two facts cannot both be given.
  if (a.shotgunShell === true && a.nominalCaliber !== undefined && isFiftyCaliber(a.nominalCaliber)) {
    ctx.addIssue({
      code: "custom",
      path: ["nominalCaliber"],
      message: "a shotgun shell is not a .50 caliber bullet; leave the caliber out or say shotgunShell: false",
    });
  }
});
export type AmmunitionFacts = z.infer<typeof AmmunitionFacts>;

/** Caliber in whole hundredths of an inch: 0.223 and 0.224 → 22, 0.45 → 45, 0.5 → 50, 0.510 → 51. */
export function hundredths(caliber: number): number {
  return Math.floor(caliber * 100 + 1e-9);
}

/**
 * ".50 caliber": nominal .50, including a bullet diameter written as 0.510
 * (.50 BMG).
 *
 * QUESTION(legal): the text does not define ".50 caliber"; we take 0.500 to
 * 0.519 inches.
 */
export function isFiftyCaliber(caliber: number): boolean {
  const h = hundredths(caliber);
  return h === 50 || h === 51;
}
