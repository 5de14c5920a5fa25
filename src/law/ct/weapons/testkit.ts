/** Fixtures for the weapons tests: complete fact sets with nothing to trigger a rule, to change one thing at a time. */
import { type PlainDate, plainDate } from "../../core/dates.ts";
import type { AmmunitionFacts } from "./ammunition-facts.ts";
import type { FirearmFacts, FirearmFeatures } from "./firearm-facts.ts";
import type { MagazineFacts } from "./large-capacity-magazine.ts";
import type { HoldingFacts, LocationFacts, PersonFacts } from "./possession-facts.ts";

export const d = (s: string): PlainDate => plainDate(s);

export const NO_FEATURES: Required<FirearmFeatures> = {
  foldingOrTelescopingStock: false,
  gripBelowAction: false,
  pistolGripProtrudingConspicuously: false,
  forwardPistolGrip: false,
  flashSuppressor: false,
  threadedBarrelForFlashSuppressor: false,
  bayonetMount: false,
  grenadeLauncher: false,
  flareLauncher: false,
  magazineOutsidePistolGrip: false,
  threadedBarrel: false,
  threadedBarrelForBarrelExtender: false,
  barrelShroud: false,
  barrelShroudForNontriggerHand: false,
  secondHandGrip: false,
};

/** Every fact given, nothing that makes an assault weapon. */
function plain(type: "rifle" | "pistol" | "shotgun", extra: Partial<FirearmFacts>): FirearmFacts {
  return {
    model: `Plain ${type} 1`,
    copyOrDuplicate: false,
    type,
    action: "semiautomatic",
    centerfire: true,
    acceptsDetachableMagazine: type !== "shotgun",
    fixedMagazineCapacity: 0,
    overallLengthInches: type === "pistol" ? 9 : 38,
    revolvingCylinder: false,
    unloadedWeightOunces: type === "pistol" ? 30 : 120,
    semiautomaticVersionOfAutomatic: false,
    manufacturedOn: d("2010-01-01"),
    legallyManufactured: true,
    permanentlyInoperable: false,
    ...extra,
    features: { ...NO_FEATURES, ...(extra.features ?? {}) },
  };
}

export const rifle = (extra: Partial<FirearmFacts> = {}) => plain("rifle", extra);
export const pistol = (extra: Partial<FirearmFacts> = {}) => plain("pistol", extra);
export const shotgun = (extra: Partial<FirearmFacts> = {}) => plain("shotgun", extra);

/** A 30-round magazine with every exclusion answered no. */
export function magazine(extra: Partial<MagazineFacts> = {}): MagazineFacts {
  return {
    device: "magazine",
    capacity: 30,
    readilyRestoredOrConverted: false,
    permanentlyAlteredToTenOrFewer: false,
    caliber22TubeFeedingDevice: false,
    tubularInLeverAction: false,
    permanentlyInoperable: false,
    ...extra,
  };
}

/** A handgun bullet with every fact given and nothing armor-piercing about it. */
export function bullet(extra: Partial<AmmunitionFacts> = {}): AmmunitionFacts {
  return {
    shotgunShell: false,
    fireableFromHandgun: true,
    nominalCaliber: 0.45,
    coreMaterials: ["lead"],
    fullyJacketed: true,
    jacketWeightPercent: 10,
    designedForFirearm: true,
    frangibleForSporting: false,
    attorneyGeneralExempted: false,
    designation: "FMJ",
    armorPenetrationCapability: false,
    incendiary: false,
    ...extra,
  };
}

/** A private person with no role, no special purpose, not a service member away. */
export function nobody(extra: Partial<PersonFacts> = {}): PersonFacts {
  return {
    roles: [],
    purposes: [],
    eligibleForCertificate: true,
    priorLcmViolation: false,
    serviceMemberAwayOnDuty: false,
    ...extra,
  };
}

/** Held since 2012, lawfully; not declared, no certificate, not moved in, not inherited, not an estate's. */
export function holding(extra: Partial<HoldingFacts> = {}): HoldingFacts {
  return {
    obtainedOn: d("2012-05-01"),
    lawfullyObtained: true,
    declared: false,
    certificate: "none",
    movedIntoState: false,
    inherited: false,
    estateItemRegistered: false,
    ...extra,
  };
}

export function at(place: LocationFacts["place"], extra: Partial<LocationFacts> = {}): LocationFacts {
  return {
    place,
    roundsLoaded: 10,
    transportBetweenPermittedPlaces: false,
    transportCompliant: false,
    carryingUnderPermit: false,
    ...extra,
  };
}
