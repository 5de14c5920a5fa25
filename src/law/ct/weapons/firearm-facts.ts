/**
 * The facts about a firearm (or a set of parts) that the assault weapon
 * definitions test. Every fact is optional: a missing fact leaves the tests
 * that need it unknown, never "not met".
 *
 * Each feature is described with the words of the text that defines it.
 * Where the 2013 text and the older (2001-2013) text define a feature
 * differently, there are two facts.
 */
import { z } from "zod";
import { flag as yes, factsObject, PlainDateSchema } from "../../core/schema.ts";
import { type Tri, test } from "./logic.ts";
import { isAnyListedName } from "./named-assault-weapons.ts";

export const FirearmFeatures = factsObject("Features, each true when the firearm has it and false when it does not.", {
  foldingOrTelescopingStock: yes("A folding or telescoping stock (rifles, shotguns; 2013 and older tests)."),
  gripBelowAction: yes(
    "Any grip of the weapon, including a pistol grip, a thumbhole stock, or any other stock, the use of which would allow an individual to grip the weapon, resulting in any finger on the trigger hand in addition to the trigger finger being directly below any portion of the action of the weapon when firing (2013 rifle and shotgun tests).",
  ),
  pistolGripProtrudingConspicuously: yes(
    "A pistol grip that protrudes conspicuously beneath the action of the weapon (older rifle and shotgun tests).",
  ),
  forwardPistolGrip: yes("A forward pistol grip (2013 rifle test)."),
  flashSuppressor: yes("A flash suppressor (2013 rifle test; older rifle test)."),
  threadedBarrelForFlashSuppressor: yes(
    "A threaded barrel designed to accommodate a flash suppressor (older rifle test, with the flash suppressor).",
  ),
  bayonetMount: yes("A bayonet mount (older rifle test)."),
  grenadeLauncher: yes("A grenade launcher (2013 and older rifle tests)."),
  flareLauncher: yes("A flare launcher (2013 rifle test only)."),
  magazineOutsidePistolGrip: yes(
    "The ability to accept a detachable ammunition magazine that attaches at some location outside the pistol grip (2013 pistol test); an ammunition magazine that attaches to the pistol outside of the pistol grip (older pistol test).",
  ),
  threadedBarrel: yes(
    "A threaded barrel capable of accepting a flash suppressor, forward pistol grip, or silencer (2013 pistol test; older pistol test).",
  ),
  threadedBarrelForBarrelExtender: yes(
    "A threaded barrel capable of accepting a barrel extender (older pistol test only).",
  ),
  barrelShroud: yes(
    "A shroud attached to, or partially or completely encircling, the barrel that permits the shooter to fire the firearm without being burned, except a slide that encloses the barrel (2013 pistol test).",
  ),
  barrelShroudForNontriggerHand: yes(
    "A shroud that is attached to, or partially or completely encircles, the barrel and that permits the shooter to hold the firearm with the nontrigger hand without being burned (older pistol test).",
  ),
  secondHandGrip: yes("A second hand grip (2013 pistol test)."),
});
export type FirearmFeatures = z.infer<typeof FirearmFeatures>;

export const FirearmFacts = factsObject(
  "A firearm.",
  {
    model: z
      .string()
      .optional()
      .describe(
        'Maker and model as marked, e.g. "Bushmaster XM15" or "AK-47". Matched tolerantly against the named lists.',
      ),
    notAListedModel: yes(
      "true: the firearm is not a model any list names, nor a copy or duplicate of one, so it is judged by its features alone (no model name needed). Refused beside a `model` that a list names or `copyOrDuplicate: true`.",
    ),
    copyOrDuplicate: yes(
      "The firearm is a copy or duplicate, with the capability, of a model the 2013 lists name (a determination for an examiner).",
    ),
    copyOrDuplicateOf: z
      .string()
      .optional()
      .describe("The listed model it copies or duplicates, when `copyOrDuplicate` is true."),
    copyModelInProductionByApril42013: yes(
      "The copy or duplicate is of a kind that was in production on or before 2013-04-04.",
    ),
    type: z.enum(["rifle", "pistol", "shotgun", "other"]).optional().describe("What kind of firearm it is."),
    action: z
      .enum(["semiautomatic", "selective-fire", "other"])
      .optional()
      .describe(
        '"selective-fire": capable of fully automatic, semiautomatic or burst fire at the option of the user; "other": bolt, lever, pump, revolver, single shot, fully automatic only, ...',
      ),
    centerfire: yes("It fires centerfire (not rimfire) ammunition."),
    acceptsDetachableMagazine: yes("It has the ability to accept a detachable magazine."),
    fixedMagazineCapacity: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Rounds its fixed (non-detachable) magazine can accept; 0 when it has no fixed magazine."),
    overallLengthInches: z.number().positive().optional().describe("Overall length in inches."),
    revolvingCylinder: yes("It has a revolving cylinder (shotguns)."),
    unloadedWeightOunces: z
      .number()
      .positive()
      .optional()
      .describe("Manufactured weight in ounces when unloaded (older pistol test: 50 or more)."),
    semiautomaticVersionOfAutomatic: yes("It is a semiautomatic version of an automatic firearm (older pistol test)."),
    features: FirearmFeatures.optional(),
    manufacturedOn: PlainDateSchema.optional().describe(
      "Date of manufacture (for the exemption of weapons legally manufactured before 1994-09-13).",
    ),
    legallyManufactured: yes("It was legally manufactured."),
    permanentlyInoperable: yes("It has been modified to render it permanently inoperable."),
  },
  (f, ctx) => {
    if (f.notAListedModel !== true) return;
    if (f.model !== undefined && isAnyListedName(f.model))
      ctx.addIssue({
        code: "custom",
        path: ["model"],
        message: `"${f.model}" is a listed model, which contradicts notAListedModel`,
      });
    if (f.copyOrDuplicate === true)
      ctx.addIssue({
        code: "custom",
        path: ["copyOrDuplicate"],
        message: "a copy or duplicate of a listed model contradicts notAListedModel",
      });
  },
);
export type FirearmFacts = z.infer<typeof FirearmFacts>;

export const PartsFacts = factsObject("A part or combination of parts.", {
  designedOrIntendedToConvert: yes(
    "The part or parts are designed or intended to convert a firearm into the firearm described in `assembles`.",
  ),
  mayBeAssembled: yes("The firearm described in `assembles` may be assembled from the combination of parts."),
  mayBeRapidlyAssembled: yes("It may be rapidly assembled from them (the older text's condition)."),
  samePersonPossessesOrControls: yes("The parts are in the possession or under the control of the same person."),
  assembles: FirearmFacts.optional().describe(
    "The firearm the parts convert a firearm into, or from which it may be assembled.",
  ),
});
export type PartsFacts = z.infer<typeof PartsFacts>;

export const WeaponFacts = factsObject("A firearm, or a part or combination of parts.", {
  item: z
    .enum(["firearm", "parts"])
    .optional()
    .describe('What is being classified; when absent, "parts" if only `parts` is given, otherwise "firearm".'),
  firearm: FirearmFacts.optional(),
  parts: PartsFacts.optional(),
});
export type WeaponFacts = z.infer<typeof WeaponFacts>;

/** Which item the facts describe. */
export function itemOf(facts: WeaponFacts): "firearm" | "parts" {
  if (facts.item) return facts.item;
  return facts.parts && !facts.firearm ? "parts" : "firearm";
}

// ---------------------------------------------------------------------------
// Tri-state readings of the firearm facts, naming the fact path when unknown.

export function isKind(f: FirearmFacts, kind: "rifle" | "pistol" | "shotgun", at: string): Tri {
  return test(f.type, `${at}.type`, (t) => t === kind);
}

export function isSemiautomatic(f: FirearmFacts, at: string): Tri {
  return test(f.action, `${at}.action`, (a) => a === "semiautomatic");
}

export function isCenterfire(f: FirearmFacts, at: string): Tri {
  return test(f.centerfire, `${at}.centerfire`, (b) => b);
}

export function acceptsDetachableMagazine(f: FirearmFacts, at: string): Tri {
  return test(f.acceptsDetachableMagazine, `${at}.acceptsDetachableMagazine`, (b) => b);
}

export function hasFeature(f: FirearmFacts, name: keyof FirearmFeatures, at: string): Tri {
  return test(f.features?.[name], `${at}.features.${name}`, (b) => b);
}
