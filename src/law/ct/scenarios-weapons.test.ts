/**
 * More scenarios from the OLR bill analysis of PA 13-3 (SB 1160) for the weapons sections
 * (§§ 23-24 magazines, §§ 25-31 assault weapons, § 32 ammunition, § 34 ineligible transfers,
 * §§ 54-56 safe storage, § 9 auctions), asked the way the decision API asks them. Each scenario
 * names its section and quotes the sentence of the analysis it tests.
 */
import assert from "node:assert/strict";
import { type Decision } from "../core/questions.ts";
import { CERTIFICATE_FIELDS } from "./weapons/lcm-dealer-transfer.ts";
import { type Scenario, runScenarios, NOBODY, PLAIN_HOLDING } from "./scenario-kit.ts";

const MAG30 = {
  device: "magazine",
  capacity: 30,
  readilyRestoredOrConverted: false,
  permanentlyAlteredToTenOrFewer: false,
  caliber22TubeFeedingDevice: false,
  tubularInLeverAction: false,
  permanentlyInoperable: false,
};
function lcm(holding: Record<string, unknown>, location: Record<string, unknown>, person: unknown = NOBODY) {
  return { item: "magazine", magazine: MAG30, person, holding: { ...PLAIN_HOLDING, ...holding }, location };
}
const DECLARED = { obtainedOn: "2012-05-01", lawfullyObtained: true, declared: true, declaredOn: "2013-12-15" };
const UNDECLARED_2012 = { obtainedOn: "2012-05-01", lawfullyObtained: true, declared: false };

/** Every feature the 2013 and older tests ask about, absent. */
const NO_FEATURES = {
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
const AR15 = {
  model: "AR-15",
  type: "rifle",
  action: "semiautomatic",
  centerfire: true,
  acceptsDetachableMagazine: true,
  features: NO_FEATURES,
  manufacturedOn: "2012-01-01",
  legallyManufactured: true,
  permanentlyInoperable: false,
};
function aw(holding: Record<string, unknown>, location: Record<string, unknown>, person: unknown = NOBODY) {
  return {
    item: "weapon",
    weapon: { item: "firearm", firearm: AR15 },
    person,
    holding: { ...PLAIN_HOLDING, ...holding },
    location,
  };
}
/** An unlisted firearm judged by its features alone. */
function unlisted(f: Record<string, unknown>) {
  return {
    firearm: {
      model: "Generic",
      notAListedModel: true,
      copyOrDuplicate: false,
      centerfire: true,
      manufacturedOn: "2010-01-01",
      legallyManufactured: true,
      permanentlyInoperable: false,
      ...f,
      features: { ...NO_FEATURES, ...(f.features as object | undefined) },
    },
  };
}

const BULLET = {
  shotgunShell: false,
  fireableFromHandgun: true,
  nominalCaliber: 0.357,
  coreMaterials: ["steel"],
  frangibleForSporting: false,
  attorneyGeneralExempted: false,
  designation: "FMJ",
  armorPenetrationCapability: false,
  incendiary: false,
};
const CIVILIAN_AMMO = {
  roles: [],
  purposes: [],
  executorDisposingAsAuthorized: false,
  heirByBequestOrIntestacy: false,
};

/** A complete application for a credential by a Hartford resident born in 1970. */
function application(credential: string, events: unknown[], extra: Record<string, unknown> = {}) {
  return {
    credential,
    applicant: {
      birthDate: "1970-01-01",
      residenceState: "CT",
      residenceTown: "Hartford",
      citizenOrLawfulResident: true,
    },
    backgroundCheckConsent: true,
    feePaid: true,
    recordsChecked: true,
    nics: { status: "proceed" },
    events,
    ...extra,
  };
}

/** An uncertificated Avtomat Kalashnikov AK-47 type, made in 1990, kept at home, under the 2002-2003 notice rule. */
function akNotice(holding: Record<string, unknown>) {
  return {
    item: "weapon",
    weapon: { item: "firearm", firearm: { ...AR15, model: "Avtomat Kalashnikov AK-47", manufacturedOn: "1990-01-01" } },
    person: NOBODY,
    holding: {
      ...PLAIN_HOLDING,
      lawfullyObtained: true,
      certificate: "none",
      specifiedWeaponObtainedInGoodFaith: true,
      specifiedWeaponNotOtherwiseProhibited: true,
      ...holding,
    },
    location: { place: "residence" },
  };
}

const violation = (d: Decision<Record<string, unknown>>) => JSON.stringify(d.result.violation);

const Q_LCM_DEF =
  "The bill defines “large capacity magazine” as any firearm magazine, belt, drum, feed strip, or similar device that can hold, or can be readily restored or converted to accept, more than 10 rounds of ammunition.";
const Q_LCM_POSS =
  "anyone who possesses any LCM on or after January 1, 2014 obtained before the bill's effective date is guilty of a infraction punishable by a $90 fine and a class D penalty for any subsequent offense; anyone who possesses a large capacity magazine on or after January 1, 2014 that was obtained after that date is guilty of a class D felony.";
const Q_LCM_PLACES =
  "The person may possess it only: ... 6. while transporting the LCM between any of the above-mentioned places or to a gun dealer, provided the LCM contains no more than 10 bullets and is transported in compliance with the bill";
const Q_AW_CERT =
  "anyone who legally possessed one of the newly banned weapons on the day before the bill's effective date and who is eligible for a certificate of possession may continue to do so by applying to DESPP for this certificate by January 1, 2014";

const Q_AK =
  "A person may possess an Auto-Ordnance Thompson type, Avtomat Kalashnikov AK-47 type, MAC-10, MAC-11, or MAC11 Carbine type assault weapon if (1) it was obtained in good faith on or after October 1, 1993 and before May 8, 2002, (2) the possessor is not prohibited from possessing the weapon under any other law, and (3) the possessor notified DESPP before October 1, 2003 that he or she possessed the specific weapon (CGS § 53-202N).";

const SCENARIOS: Scenario[] = [
  // §§ 23-24 — definition
  {
    section: "§§ 23-24",
    quote: Q_LCM_DEF,
    story: "an 11-round magazine is a large capacity magazine",
    question: "magazine-classification",
    on: "2013-04-04",
    facts: { ...MAG30, capacity: 11 },
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote: Q_LCM_DEF,
    story: "a 10-round drum that can be readily converted to accept 30 rounds",
    question: "magazine-classification",
    on: "2013-06-01",
    facts: { ...MAG30, device: "drum", capacity: 10, readilyRestoredOrConverted: true },
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote: "It excludes: 1. feeding devices permanently altered so that they cannot hold more than 10 rounds",
    story: "a 30-round magazine permanently pinned to 10 rounds",
    question: "magazine-classification",
    on: "2013-06-01",
    facts: { ...MAG30, permanentlyAlteredToTenOrFewer: true },
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    quote: "It excludes: ... 4. permanently inoperable magazines.",
    story: "a welded, permanently inoperable 30-round magazine",
    question: "magazine-classification",
    on: "2013-06-01",
    facts: { ...MAG30, permanentlyInoperable: true },
    outcome: "no",
  },

  // §§ 23-24 — possession
  {
    section: "§§ 23-24",
    quote: Q_LCM_POSS,
    story: "a magazine bought on 15 January 2014 and kept at home in February 2014: a class D felony",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: lcm({ obtainedOn: "2014-01-15", lawfullyObtained: false, declared: false }, { place: "residence" }),
    outcome: "no",
    check: (d) => assert.match(violation(d), /class D felony/),
  },
  {
    section: "§§ 23-24",
    quote: Q_LCM_POSS,
    story: "a second offense of keeping an undeclared pre-2013 magazine: a class D felony",
    question: "possession-permitted",
    on: "2014-03-01",
    facts: lcm(UNDECLARED_2012, { place: "residence" }, { ...NOBODY, priorLcmViolation: true }),
    outcome: "no",
    check: (d) => assert.match(violation(d), /class D felony/),
  },
  {
    section: "§§ 23-24",
    quote: Q_LCM_POSS,
    story: "the first offense for the same undeclared magazine is the $90 infraction",
    question: "possession-permitted",
    on: "2014-03-01",
    facts: lcm(UNDECLARED_2012, { place: "residence" }),
    outcome: "no",
    check: (d) => {
      assert.match(violation(d), /infraction/);
      assert.match(violation(d), /90/);
    },
  },
  {
    section: "§§ 23-24",
    quote:
      "The following may possess, purchase, or import LCMs: 1. members or employees of DESPP, police departments, DOC, or the state or U.S. Armed Forces (service members) (a) for use in the discharge of their official duties or (b) when off duty",
    story: "an off-duty soldier keeps an undeclared magazine bought in 2014",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: lcm(
      { obtainedOn: "2014-03-01", lawfullyObtained: true, declared: false },
      { place: "elsewhere" },
      { ...NOBODY, roles: ["armed-forces-member"] },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote:
      "2. employees of a NRC licensee operating a nuclear power plant in Connecticut for providing security services at the facility, or any person, firm, corporation, contractor, or subcontractor providing security at the facility",
    story: "a nuclear plant security contractor holds undeclared magazines",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: lcm(
      { obtainedOn: "2014-03-01", lawfullyObtained: true, declared: false },
      { place: "place-of-business", roundsLoaded: 30 },
      { ...NOBODY, roles: ["nuclear-plant-security"] },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote:
      "3. in-state manufacturers of LCM that manufacture or transport LCMs in Connecticut for sale here to exempt persons and entities above or for sale out of state",
    story: "an in-state magazine maker holds its stock",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: lcm(
      { obtainedOn: "2014-03-01", lawfullyObtained: true, declared: false },
      { place: "place-of-business", roundsLoaded: 0 },
      { ...NOBODY, roles: ["in-state-lcm-manufacturer"] },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote: "The following may also possess LCMs: 1. gun dealers",
    story: "a gun dealer holds magazines in stock in 2014",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: lcm(
      { obtainedOn: "2014-03-01", lawfullyObtained: true, declared: false },
      { place: "place-of-business", roundsLoaded: 0 },
      { ...NOBODY, roles: ["gun-dealer"] },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote: "2. gunsmiths employed by gun dealers, who possess LCMs for servicing or repair",
    story: "an independent gunsmith (not employed by a dealer) holds an undeclared magazine bought in 2014",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: lcm(
      { obtainedOn: "2014-03-01", lawfullyObtained: true, declared: false },
      { place: "place-of-business", roundsLoaded: 0 },
      { ...NOBODY, roles: ["gunsmith"], purposes: ["servicing-or-repair"] },
    ),
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    quote:
      "4. executors or administrators of an estate that includes legally declared LCMs, which are disposed of as authorized by the Probate Court, if the disposition is otherwise permitted",
    story: "an executor holds the late owner's declared magazines",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: lcm(
      { obtainedOn: "2014-05-01", lawfullyObtained: true, declared: false, estateItemRegistered: true },
      { place: "residence" },
      { ...NOBODY, roles: ["executor-or-administrator"] },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote:
      "4. executors or administrators of an estate that includes legally declared LCMs ... (the magazine must have been declared)",
    story: "an executor holds the late owner's never-declared magazine",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: lcm(
      { obtainedOn: "2014-05-01", lawfullyObtained: true, declared: false, estateItemRegistered: false },
      { place: "residence" },
      { ...NOBODY, roles: ["executor-or-administrator"] },
    ),
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    quote: "The bill allows transfers: 1. by bequest or intestate succession of LCMs, declared to DESPP",
    story:
      "a son keeps his father's declared magazine, inherited in May 2014: the transfer is allowed, but the analysis gives the heir no way to declare, so a person reviews",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: lcm(
      {
        obtainedOn: "2014-05-01",
        lawfullyObtained: true,
        declared: false,
        inherited: true,
        inheritedOn: "2014-05-01",
        inheritedItemRegistered: true,
      },
      { place: "residence" },
    ),
    outcome: "unknown",
  },
  {
    section: "§§ 23-24",
    quote:
      "Anyone who moves into Connecticut in lawful possession of an LCM has 90 days to either permanently disable it, sell it to a gun dealer, or take it out of state.",
    story: "a newcomer who arrived on 1 March 2014 keeps the magazine on day 90 (30 May 2014)",
    question: "possession-permitted",
    on: "2014-05-30",
    facts: lcm(
      {
        obtainedOn: "2012-05-01",
        lawfullyObtained: true,
        declared: false,
        movedIntoState: true,
        arrivedOn: "2014-03-01",
        lawfulPossessionOnArrival: true,
      },
      { place: "residence" },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote:
      "Anyone who moves into Connecticut in lawful possession of an LCM has 90 days to either permanently disable it, sell it to a gun dealer, or take it out of state.",
    story: "the same newcomer still has the magazine on 31 May 2014",
    question: "possession-permitted",
    on: "2014-05-31",
    facts: lcm(
      {
        obtainedOn: "2012-05-01",
        lawfullyObtained: true,
        declared: false,
        movedIntoState: true,
        arrivedOn: "2014-03-01",
        lawfulPossessionOnArrival: true,
      },
      { place: "residence" },
    ),
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    quote: "5. while on the premises of a licensed shooting club",
    story: "a declared 30-round magazine, fully loaded, at a licensed shooting club",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: lcm(DECLARED, { place: "licensed-shooting-club", roundsLoaded: 30 }),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote: Q_LCM_PLACES,
    story: "a declared magazine driven to a dealer with 10 rounds, transported as required",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: lcm(DECLARED, {
      place: "in-transport",
      roundsLoaded: 10,
      transportBetweenPermittedPlaces: true,
      transportCompliant: true,
    }),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote: Q_LCM_PLACES,
    story: "the same drive with 11 rounds in the magazine: a class C misdemeanor",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: lcm(DECLARED, {
      place: "in-transport",
      roundsLoaded: 11,
      transportBetweenPermittedPlaces: true,
      transportCompliant: true,
    }),
    outcome: "no",
    check: (d) => assert.match(violation(d), /class C misdemeanor/),
  },
  {
    section: "§§ 23-24",
    quote:
      "7. under a valid gun permit, provided the LCM (a) is in a handgun lawfully possessed by the person before the bill's passage (April 4, 2013), (b) does not extend beyond the bottom of the pistol grip, and (c) contains no more than 10 bullets.",
    story: "a permit holder carries a declared extended magazine that sticks out below the grip",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: lcm(DECLARED, {
      place: "elsewhere",
      carryingUnderPermit: true,
      permitValid: true,
      inHandgun: true,
      handgunPossessedSince: "2012-01-01",
      extendsBeyondPistolGrip: true,
      roundsLoaded: 10,
    }),
    outcome: "no",
  },

  // §§ 23-24 — transfers
  {
    section: "§§ 23-24",
    quote:
      "With exceptions, the bill makes it a class D felony to buy, distribute, import into Connecticut, keep for sale, or offer or expose for sale LCMs.",
    story: "a private person sells a magazine to a friend in June 2013",
    question: "restricted-transfer",
    on: "2013-06-01",
    facts: {
      item: "large-capacity-magazine",
      act: "sell-or-transfer",
      transferor: { roles: [] },
      recipient: { roles: [], desppOrPoliceDepartment: false, outOfState: false },
      method: "sale-or-other-transfer",
      declaredOrCertified: false,
    },
    outcome: "no",
    check: (d) => assert.match(violation(d), /class D felony/),
  },
  {
    section: "§§ 23-24",
    quote: "The bill allows transfers: ... 2. to DESPP or a local police department",
    story: "an owner hands a magazine over to the local police department",
    question: "restricted-transfer",
    on: "2014-06-01",
    facts: {
      item: "large-capacity-magazine",
      act: "sell-or-transfer",
      transferor: { roles: [] },
      recipient: { roles: [], desppOrPoliceDepartment: true, outOfState: false },
      method: "sale-or-other-transfer",
      declaredOrCertified: true,
    },
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote:
      "The certificate of transfer must contain: ... 3. the gun dealer's federal firearms license number; and 4. a description of the LCM.",
    story: "a dealer's 2014 certificate of transfer leaves out the magazine's description",
    question: "lcm-dealer-transfer",
    on: "2014-02-01",
    facts: {
      transferredOn: "2014-01-15",
      certificateExecutedAtDelivery: true,
      certificateFields: CERTIFICATE_FIELDS.filter((f) => f !== "magazine.description"),
      licenceAndPermitPresented: true,
      reported: "certificate-sent",
    },
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    quote:
      "The gun dealer must present his or her dealer's federal firearms license and seller's permit to the seller or transferor for inspection at the time of purchase or transfer.",
    story: "a dealer does not show its licence and seller's permit to the magazine's owner",
    question: "lcm-dealer-transfer",
    on: "2014-02-01",
    facts: {
      transferredOn: "2014-01-15",
      certificateExecutedAtDelivery: true,
      certificateFields: [...CERTIFICATE_FIELDS],
      licenceAndPermitPresented: false,
      reported: "certificate-sent",
    },
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    quote:
      "For transfers made on or after January 1, 2014, the dealer must send or deliver the transfer certificates to DESPP.",
    story: "a dealer sends DESPP the certificate for a magazine accepted on 1 January 2014",
    question: "lcm-dealer-transfer",
    on: "2014-02-01",
    facts: {
      transferredOn: "2014-01-01",
      certificateExecutedAtDelivery: true,
      certificateFields: [...CERTIFICATE_FIELDS],
      licenceAndPermitPresented: true,
      reported: "certificate-sent",
    },
    outcome: "yes",
    result: { reportDuty: "send-certificate" },
  },

  // §§ 25-31 — definition
  {
    section: "§§ 25-31",
    quote:
      "The bill also bans any semiautomatic, centerfire rifle, regardless of the date produced, that can accept a detachable magazine that has at least one of the following features: ... 4. a flash suppressor",
    story: "an unlisted rifle with only a flash suppressor on 4 April 2013",
    question: "firearm-classification",
    on: "2013-04-04",
    facts: unlisted({
      type: "rifle",
      action: "semiautomatic",
      acceptsDetachableMagazine: true,
      features: { flashSuppressor: true },
    }),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote:
      "Current law defines an “assault weapon” as: ... 3. any unlisted semi-automatic rifle or pistol that can accept a detachable magazine and has at least two of five specified features",
    story: "the same one-feature rifle on 3 April 2013, under the old two-feature test",
    question: "firearm-classification",
    on: "2013-04-03",
    facts: unlisted({
      type: "rifle",
      action: "semiautomatic",
      acceptsDetachableMagazine: true,
      features: { flashSuppressor: true },
    }),
    outcome: "no",
  },
  {
    section: "§§ 25-31",
    quote:
      "It also bans semiautomatic, centerfire rifles that have (1) a fixed magazine and can accept more than 10 rounds of ammunition or (2) an overall length of less than 30 inches.",
    story: "an unlisted semiautomatic centerfire rifle 29 inches long, fixed 5-round magazine",
    question: "firearm-classification",
    on: "2013-06-01",
    facts: unlisted({
      type: "rifle",
      action: "semiautomatic",
      acceptsDetachableMagazine: false,
      fixedMagazineCapacity: 5,
      overallLengthInches: 29,
    }),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote:
      "It also bans semiautomatic, centerfire rifles that have (1) a fixed magazine and can accept more than 10 rounds of ammunition",
    story: "an unlisted semiautomatic centerfire rifle, 36 inches, fixed 15-round magazine",
    question: "firearm-classification",
    on: "2013-06-01",
    facts: unlisted({
      type: "rifle",
      action: "semiautomatic",
      acceptsDetachableMagazine: false,
      fixedMagazineCapacity: 15,
      overallLengthInches: 36,
    }),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote:
      "The bill also bans any semiautomatic pistol that can accept a detachable magazine and has at least one of the following features: ... 2. a threaded barrel capable of accepting a flash suppressor, forward pistol grip, or silencer",
    story: "an unlisted semiautomatic pistol with a threaded barrel",
    question: "firearm-classification",
    on: "2013-06-01",
    facts: unlisted({
      type: "pistol",
      action: "semiautomatic",
      acceptsDetachableMagazine: true,
      features: { threadedBarrel: true },
    }),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote:
      "The bill also bans any semiautomatic pistol with a fixed magazine that can accept more than 10 rounds of ammunition.",
    story: "an unlisted semiautomatic pistol with a fixed 10-round magazine",
    question: "firearm-classification",
    on: "2013-06-01",
    facts: unlisted({
      type: "pistol",
      action: "semiautomatic",
      acceptsDetachableMagazine: false,
      fixedMagazineCapacity: 10,
    }),
    outcome: "no",
  },
  {
    section: "§§ 25-31",
    quote:
      "The bill also bans semiautomatic shotguns that have both of the following features: 1. a folding or telescoping stock and 2. any grip of the weapon ...",
    story: "an unlisted semiautomatic shotgun with a telescoping stock only (4-round tube magazine)",
    question: "firearm-classification",
    on: "2013-06-01",
    facts: unlisted({
      type: "shotgun",
      action: "semiautomatic",
      acceptsDetachableMagazine: false,
      revolvingCylinder: false,
      fixedMagazineCapacity: 4,
      features: { foldingOrTelescopingStock: true, gripBelowAction: false },
    }),
    outcome: "no",
  },
  {
    section: "§§ 25-31",
    quote:
      "The bill also bans semiautomatic shotguns that have both of the following features: 1. a folding or telescoping stock and 2. any grip of the weapon ...",
    story: "the same shotgun with a pistol grip as well",
    question: "firearm-classification",
    on: "2013-06-01",
    facts: unlisted({
      type: "shotgun",
      action: "semiautomatic",
      acceptsDetachableMagazine: false,
      revolvingCylinder: false,
      fixedMagazineCapacity: 4,
      features: { foldingOrTelescopingStock: true, gripBelowAction: true },
    }),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote: "It also bans any (1) semiautomatic shotgun that can accept a detachable magazine",
    story: "an unlisted semiautomatic shotgun with a detachable box magazine and no other feature",
    question: "firearm-classification",
    on: "2013-06-01",
    facts: unlisted({
      type: "shotgun",
      action: "semiautomatic",
      acceptsDetachableMagazine: true,
      revolvingCylinder: false,
    }),
    outcome: "yes",
  },

  // §§ 25-31 — possession
  {
    section: "§§ 25-31",
    quote: Q_AW_CERT,
    story: "an AR-15 owned since 2012, no certificate, kept at home on 31 December 2013",
    question: "possession-permitted",
    on: "2013-12-31",
    facts: aw(
      { obtainedOn: "2012-01-01", lawfullyObtained: true, certificate: "none" },
      { place: "residence" },
      {
        ...NOBODY,
        eligibleForCertificate: true,
      },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote:
      "By law, illegal possession of an assault weapon is a class D felony, with a mandatory minimum one-year prison term.",
    story: "the same AR-15, never certificated, at home on 2 January 2014",
    question: "possession-permitted",
    on: "2014-01-02",
    facts: aw(
      { obtainedOn: "2012-01-01", lawfullyObtained: true, certificate: "none" },
      { place: "residence" },
      {
        ...NOBODY,
        eligibleForCertificate: true,
      },
    ),
    outcome: "no",
    check: (d) => {
      assert.match(violation(d), /class D felony/);
      assert.match(violation(d), /one-year|1 year|prisonYears":1/);
    },
  },
  {
    section: "§§ 25-31",
    quote:
      "Anyone who moves into Connecticut in lawful possession of an assault weapon has 90 days to make it permanently inoperable, sell it to a gun dealer, or take it out of state.",
    story: "a newcomer who arrived with an AR-15 on 1 March 2014 still has it on 31 May 2014",
    question: "possession-permitted",
    on: "2014-05-31",
    facts: aw(
      {
        obtainedOn: "2012-01-01",
        lawfullyObtained: true,
        certificate: "none",
        movedIntoState: true,
        arrivedOn: "2014-03-01",
        lawfulPossessionOnArrival: true,
      },
      { place: "residence" },
    ),
    outcome: "no",
  },
  {
    section: "§§ 25-31",
    quote:
      "It further specifies that it does not prohibit possession or use of assault weapons by sworn members of these agencies when on duty and within the scope of their duties.",
    story: "a police officer on duty with a department AR-15",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: aw(
      { obtainedOn: "2014-03-01", lawfullyObtained: true, certificate: "none" },
      { place: "elsewhere" },
      { ...NOBODY, roles: ["police-member-or-employee"], purposes: ["official-duties"] },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote:
      "the bill allows the newly added weapons to be possessed or received, under defined circumstances, by: 1. executors or administrators of an estate that includes an assault weapon for which a certificate has been issued",
    story: "an administrator holds the estate's certificated AR-15",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: aw(
      { obtainedOn: "2014-05-01", lawfullyObtained: true, certificate: "none", estateItemRegistered: true },
      { place: "residence" },
      { ...NOBODY, roles: ["executor-or-administrator"] },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote:
      "Anyone who inherits an assault weapon for which a certificate was issued has 90 days to apply for a certificate or sell the weapon to a gun dealer, permanently disable it, or take it out of state.",
    story: "an heir who inherited a certificated AR-15 on 10 March 2014 and did nothing, on 9 June 2014",
    question: "possession-permitted",
    on: "2014-06-09",
    facts: aw(
      {
        obtainedOn: "2014-03-10",
        lawfullyObtained: true,
        certificate: "none",
        inherited: true,
        inheritedOn: "2014-03-10",
        inheritedItemRegistered: true,
      },
      { place: "residence" },
    ),
    outcome: "no",
  },
  {
    section: "§§ 25-31",
    quote:
      "Anyone who obtained a certificate of possession for an existing assault weapon before April 4, 2013 for a weapon the bill defines as an assault weapon is deemed to have obtained a certificate of possession for such assault weapon and must not be required to obtain a separate certificate.",
    story: "a holder of a 1994 certificate for a rifle now also banned under the 2013 features test",
    question: "declaration-deadline",
    on: "2013-12-01",
    facts: {
      item: "assault-weapon",
      lawfullyPossessedBeforeCutoff: true,
      eligibleForCertificate: true,
      outOfStateServiceMember: false,
      transferredServiceMember: false,
      movedIntoState: false,
      inherited: false,
      heldCertificateBeforeApril2013: true,
    },
    outcome: "yes",
    result: { deadline: null },
    check: (d) => assert.match(JSON.stringify(d.result.routes), /nothing-further/),
  },
  {
    section: "§§ 25-31",
    quote:
      "A member of the U.S. Military or Navy who is unable to apply by January 1, 2014 because he or she is out of state on official duty has 90 days after returning to Connecticut to apply for a certificate.",
    story: "a sailor back from deployment on 1 March 2014 must apply by 30 May 2014",
    question: "declaration-deadline",
    on: "2014-03-01",
    facts: {
      item: "assault-weapon",
      lawfullyPossessedBeforeCutoff: true,
      eligibleForCertificate: true,
      outOfStateServiceMember: true,
      stillOnOutOfStateDuty: false,
      returnedToStateOn: "2014-03-01",
      transferredServiceMember: false,
      movedIntoState: false,
      inherited: false,
    },
    outcome: "yes",
    result: { deadline: "2014-05-30" },
  },
  {
    section: "§§ 25-31",
    quote:
      "otherwise transferring the weapon except by (a) bequest or intestate succession or (b) prior arrangement to DESPP or a local police department",
    story: "a certificate holder relinquishes the AR-15 to DESPP by prior arrangement",
    question: "restricted-transfer",
    on: "2014-06-01",
    facts: {
      item: "assault-weapon",
      act: "sell-or-transfer",
      transferor: { roles: [] },
      recipient: { roles: [], desppOrPoliceDepartment: true, under18: false },
      method: "sale-or-other-transfer",
      declaredOrCertified: true,
    },
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote: "otherwise transferring the weapon except by (a) bequest or intestate succession",
    story: "a certificated AR-15 passes to a daughter by will",
    question: "restricted-transfer",
    on: "2014-06-01",
    facts: {
      item: "assault-weapon",
      act: "sell-or-transfer",
      transferor: { roles: [] },
      recipient: { roles: [], desppOrPoliceDepartment: false, under18: false },
      method: "bequest-or-intestate-succession",
      declaredOrCertified: true,
    },
    outcome: "yes",
  },

  // § 32 — armor piercing and incendiary ammunition
  {
    section: "§ 32",
    quote:
      "including bullets designated as “M2 Armor-Piercing” or “AP” ... Currently possession of such ammunition is a class D felony.",
    story: "a civilian keeps M2 AP .50 caliber rounds on 30 September 2013 (already banned)",
    question: "banned-ammunition-possession",
    on: "2013-09-30",
    facts: {
      ammunition: {
        ...BULLET,
        fireableFromHandgun: false,
        nominalCaliber: 0.5,
        coreMaterials: ["steel"],
        designation: "M2 Armor-Piercing",
        armorPenetrationCapability: true,
      },
      conduct: "possess",
      person: CIVILIAN_AMMO,
    },
    outcome: "no",
    check: (d) => assert.match(violation(d), /class D felony/),
  },
  {
    section: "§ 32",
    quote:
      "2. is (a) fully jacketed with a jacket weight of more than 25% of the total weight of the projectile, (b) larger than .22 caliber ... 3. does not have projectiles whose cores are composed of soft material such as lead",
    story: "an ordinary lead-core .45 handgun bullet is not armor-piercing",
    question: "ammunition-classification",
    on: "2014-01-01",
    facts: { ...BULLET, nominalCaliber: 0.45, coreMaterials: ["lead"] },
    outcome: "no",
  },
  {
    section: "§ 32",
    quote:
      "It exempts from the provisions ... 2. any executor or administrator of an estate that includes such ammunition that is disposed of as authorized by the Probate Court",
    story: "an executor holds steel-core .357 rounds from an estate for disposal as the Probate Court authorizes",
    question: "banned-ammunition-possession",
    on: "2014-01-01",
    facts: {
      ammunition: BULLET,
      conduct: "possess",
      person: { ...CIVILIAN_AMMO, executorDisposingAsAuthorized: true },
    },
    outcome: "yes",
  },
  {
    section: "§ 32",
    quote: "3. the transfer by bequest or intestate succession of such ammunition.",
    story:
      "an heir keeps steel-core .357 rounds received by will: the transfer is exempt, what the heir may then do is not said, so a person reviews",
    question: "banned-ammunition-possession",
    on: "2014-01-01",
    facts: {
      ammunition: BULLET,
      conduct: "possess",
      person: { ...CIVILIAN_AMMO, heirByBequestOrIntestacy: true },
    },
    outcome: "unknown",
  },

  // § 34 — two business days
  {
    section: "§ 34",
    quote:
      "not later than two business days after the occurrence of any event that makes a person ineligible to possess handguns, the person must transfer the handguns to an eligible person, or surrender them ... The bill applies the same standards to ammunition",
    story: "a person holding only ammunition becomes ineligible on Wednesday 1 October 2014: due Friday 3 October",
    question: "ineligible-transfer-deadline",
    on: "2014-10-01",
    facts: { becameIneligibleOn: "2014-10-01", holds: { handguns: false, ammunition: true } },
    outcome: "yes",
    result: { dueOn: "2014-10-03" },
  },

  // §§ 54-56 — safe storage
  {
    section: "§§ 54-56",
    quote:
      "It imposes safe storage requirements on people who store their loaded firearms on their premises if they know or should know that a resident of the premises ... (2) poses a risk of imminent personal injury to himself, herself, or others.",
    story: "a loaded rifle in an open closet where a resident in crisis lives, October 2013",
    question: "safe-storage",
    on: "2013-10-01",
    facts: {
      loaded: true,
      onPremisesUnderControl: true,
      minorLikelyToGainAccess: false,
      residentIneligible: false,
      residentPosesRisk: true,
      storage: "other",
      obtainedBy: "nobody",
    },
    outcome: "no",
  },
  {
    section: "§§ 54-56",
    quote:
      "the firearm must be locked up or in a location that a reasonable person considers to be secure, or the person carries it on his or her person or close enough so that he or she can readily retrieve it",
    story: "the same owner keeps the loaded pistol on his person",
    question: "safe-storage",
    on: "2013-10-01",
    facts: {
      loaded: true,
      onPremisesUnderControl: true,
      minorLikelyToGainAccess: false,
      residentIneligible: false,
      residentPosesRisk: true,
      storage: "carried-or-within-reach",
      obtainedBy: "nobody",
    },
    outcome: "yes",
  },
  {
    section: "§§ 54-56",
    quote:
      "The current ban applies to storing loaded firearms on their premises if they know or reasonably should know that a minor (someone under age 16) is likely to gain access to them",
    story: "a loaded pistol in a drawer a 12-year-old can reach, 1 June 2013 (existing law)",
    question: "safe-storage",
    on: "2013-06-01",
    facts: {
      loaded: true,
      onPremisesUnderControl: true,
      minorLikelyToGainAccess: true,
      residentIneligible: false,
      residentPosesRisk: false,
      storage: "other",
      obtainedBy: "nobody",
    },
    outcome: "no",
  },

  // § 9 — auction
  {
    section: "§ 9",
    quote:
      "Existing law provides that rifles and shotguns may only be sold at such auctions to people qualified under federal law to purchase them. The bill also requires the purchaser to have a long gun eligibility certificate.",
    story: "a certificate holder who is not qualified under federal law bids in 2014",
    question: "auction-contraband-long-gun",
    on: "2014-01-02",
    facts: {
      buyer: {
        qualifiedUnderFederalLaw: false,
        credentials: [{ kind: "long-gun-eligibility-certificate", status: "valid" }],
      },
    },
    outcome: "no",
  },
  {
    section: "§ 9",
    quote: "The bill also requires the purchaser to have a long gun eligibility certificate.",
    story: "a federally qualified buyer with a valid long gun eligibility certificate bids in 2014",
    question: "auction-contraband-long-gun",
    on: "2014-01-02",
    facts: {
      buyer: {
        qualifiedUnderFederalLaw: true,
        credentials: [{ kind: "long-gun-eligibility-certificate", status: "valid" }],
      },
    },
    outcome: "yes",
  },

  // ---- boundaries: the days rules start and windows close ------------------------------------
  {
    section: "§§ 23-24",
    quote:
      "Anyone who lawfully possesses an LCM before January 1, 2014, must apply to DESPP by January 1, 2014 to declare its possession in order to legally keep it.",
    story: "a magazine declared on 1 January 2014 itself, kept at home in February",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: lcm({ ...DECLARED, declaredOn: "2014-01-01" }, { place: "residence" }),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote:
      "Anyone who lawfully possesses an LCM before January 1, 2014, must apply to DESPP by January 1, 2014 to declare its possession in order to legally keep it.",
    story: "a 2012 magazine declared late, on 2 January 2014, kept at home in February",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: lcm({ ...DECLARED, declaredOn: "2014-01-02" }, { place: "residence" }),
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    quote:
      "Servicemembers unable to apply by January 1, 2014 because of out-of-state duty have 90 days after returning to Connecticut to declare possession of such magazine.",
    story: "a soldier back on 1 March 2014 keeps the undeclared magazine at home on day 90 (30 May 2014)",
    question: "possession-permitted",
    on: "2014-05-30",
    facts: lcm(
      UNDECLARED_2012,
      { place: "residence" },
      {
        ...NOBODY,
        serviceMemberAwayOnDuty: true,
        serviceMemberStillAway: false,
        returnedToStateOn: "2014-03-01",
      },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote:
      "Servicemembers unable to apply by January 1, 2014 because of out-of-state duty have 90 days after returning to Connecticut to declare possession of such magazine.",
    story: "the same soldier, still undeclared, on 31 May 2014",
    question: "possession-permitted",
    on: "2014-05-31",
    facts: lcm(
      UNDECLARED_2012,
      { place: "residence" },
      {
        ...NOBODY,
        serviceMemberAwayOnDuty: true,
        serviceMemberStillAway: false,
        returnedToStateOn: "2014-03-01",
      },
    ),
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    quote:
      "But servicemembers who transfer here after January 1, 2014, have 90 days after their arrival to declare possession of an LCM.",
    story: "a service member transferred to Connecticut on 1 February 2014 must declare by 2 May 2014",
    question: "declaration-deadline",
    on: "2014-02-01",
    facts: {
      item: "large-capacity-magazine",
      lawfullyPossessedBeforeCutoff: false,
      outOfStateServiceMember: false,
      transferredServiceMember: true,
      transferredInOn: "2014-02-01",
      movedIntoState: true,
      movedIntoStateOn: "2014-02-01",
      inherited: false,
    },
    outcome: "yes",
    result: { deadline: "2014-05-02" },
  },
  {
    section: "§§ 25-31",
    quote: Q_AW_CERT,
    story: "an AR-15 bought on 3 April 2013, the day before the bill took effect, kept at home on 31 December 2013",
    question: "possession-permitted",
    on: "2013-12-31",
    facts: aw(
      { obtainedOn: "2013-04-03", lawfullyObtained: true, certificate: "none" },
      { place: "residence" },
      {
        ...NOBODY,
        eligibleForCertificate: true,
      },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote: Q_AW_CERT + " ... The ban on sales and transfers is effective upon passage.",
    story: "an AR-15 bought on 4 April 2013, the day the ban took effect, kept at home on 1 May 2013",
    question: "possession-permitted",
    on: "2013-05-01",
    facts: aw(
      { obtainedOn: "2013-04-04", lawfullyObtained: false, certificate: "none" },
      { place: "residence" },
      {
        ...NOBODY,
        eligibleForCertificate: true,
      },
    ),
    outcome: "no",
  },
  {
    section: "§§ 25-31",
    quote: Q_AW_CERT,
    story: "an owner who applied on 20 December 2013 keeps the AR-15 at home while DESPP processes the application",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: aw(
      { obtainedOn: "2012-01-01", lawfullyObtained: true, certificate: "applied", certificateAppliedOn: "2013-12-20" },
      { place: "residence" },
      { ...NOBODY, eligibleForCertificate: true },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote: Q_AW_CERT,
    story: "an owner who applied late, on 2 January 2014",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: aw(
      { obtainedOn: "2012-01-01", lawfullyObtained: true, certificate: "applied", certificateAppliedOn: "2014-01-02" },
      { place: "residence" },
      { ...NOBODY, eligibleForCertificate: true },
    ),
    outcome: "no",
  },
  {
    section: "§§ 25-31",
    quote:
      "Anyone who moves into Connecticut in lawful possession of an assault weapon has 90 days to make it permanently inoperable, sell it to a gun dealer, or take it out of state.",
    story: "a newcomer who arrived on 1 March 2014 still has the AR-15 on day 90 (30 May 2014)",
    question: "possession-permitted",
    on: "2014-05-30",
    facts: aw(
      {
        obtainedOn: "2012-01-01",
        lawfullyObtained: true,
        certificate: "none",
        movedIntoState: true,
        arrivedOn: "2014-03-01",
        lawfulPossessionOnArrival: true,
      },
      { place: "residence" },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote:
      "Anyone who inherits an assault weapon for which a certificate was issued has 90 days to apply for a certificate or sell the weapon to a gun dealer, permanently disable it, or take it out of state.",
    story: "the heir of 10 March 2014 still within the 90 days on 8 June 2014",
    question: "possession-permitted",
    on: "2014-06-08",
    facts: aw(
      {
        obtainedOn: "2014-03-10",
        lawfullyObtained: true,
        certificate: "none",
        inherited: true,
        inheritedOn: "2014-03-10",
        inheritedItemRegistered: true,
      },
      { place: "residence" },
    ),
    outcome: "yes",
  },
  {
    section: "§ 32",
    quote:
      "The bill makes it a class D felony to knowingly transport or carry a firearm loaded with an armor piercing bullet or incendiary .50 caliber bullet.",
    story: "a civilian carries a rifle loaded with incendiary .50 caliber rounds on 1 October 2013",
    question: "banned-ammunition-possession",
    on: "2013-10-01",
    facts: {
      ammunition: {
        ...BULLET,
        fireableFromHandgun: false,
        nominalCaliber: 0.5,
        coreMaterials: ["lead"],
        designation: "incendiary",
        incendiary: true,
      },
      conduct: "carry-loaded-firearm",
      person: CIVILIAN_AMMO,
    },
    outcome: "no",
    check: (d) => assert.match(violation(d), /class D felony/),
  },
  {
    section: "§ 34",
    quote:
      "Under current law, not later than two business days after the occurrence of any event that makes a person ineligible to possess handguns, the person must transfer the handguns",
    story: "a handgun owner becomes ineligible on 30 September 2013 (existing law): due 2 October 2013",
    question: "ineligible-transfer-deadline",
    on: "2013-09-30",
    facts: { becameIneligibleOn: "2013-09-30", holds: { handguns: true, ammunition: false } },
    outcome: "yes",
    result: { dueOn: "2013-10-02" },
  },
  {
    section: "§ 34",
    quote:
      "not later than two business days after the occurrence of any event that makes a person ineligible ... The bill applies the same standards to ammunition",
    story: "ineligible on Wednesday 24 December 2014: Christmas is not a business day, due Monday 29 December",
    question: "ineligible-transfer-deadline",
    on: "2014-12-24",
    facts: { becameIneligibleOn: "2014-12-24", holds: { handguns: false, ammunition: true } },
    outcome: "yes",
    result: { dueOn: "2014-12-29" },
  },
  {
    section: "§§ 54-56",
    quote:
      "As under current law pertaining to minors, a person is strictly liable for damages if an ineligible or at-risk person gains access to the inappropriately stored firearm and uses it to injure or kill himself, herself, or someone else.",
    story: "an at-risk resident takes the loaded pistol from an open drawer and injures himself (2014)",
    question: "safe-storage",
    on: "2014-03-01",
    facts: {
      loaded: true,
      onPremisesUnderControl: true,
      minorLikelyToGainAccess: false,
      residentIneligible: false,
      residentPosesRisk: true,
      storage: "other",
      obtainedBy: "at-risk-resident",
      injuryOrDeath: true,
      unlawfulEntry: false,
    },
    outcome: "no",
    result: { strictlyLiable: true, criminallyNegligentStorage: true },
  },
  {
    section: "§§ 54-56",
    quote: "It is also a class D felony unless the minor obtained the firearm from unlawful entry.",
    story: "a 14-year-old burglar takes a loaded pistol from an open drawer and injures someone",
    question: "safe-storage",
    on: "2014-03-01",
    facts: {
      loaded: true,
      onPremisesUnderControl: true,
      minorLikelyToGainAccess: true,
      residentIneligible: false,
      residentPosesRisk: false,
      storage: "other",
      obtainedBy: "minor",
      injuryOrDeath: true,
      unlawfulEntry: true,
    },
    outcome: "no",
    result: { criminallyNegligentStorage: false },
  },
  {
    section: "§§ 54-56",
    quote: "the firearm must be locked up or in a location that a reasonable person considers to be secure",
    story: "a loaded pistol in a locked safe where an ineligible adult son lives",
    question: "safe-storage",
    on: "2014-03-01",
    facts: {
      loaded: true,
      onPremisesUnderControl: true,
      minorLikelyToGainAccess: false,
      residentIneligible: true,
      residentPosesRisk: false,
      storage: "locked-container",
      obtainedBy: "nobody",
    },
    outcome: "yes",
    result: { compliant: true, secureStorageRequired: true },
  },

  // ---- the definitions: named lists, the days they start, the ammunition tests --------------
  {
    section: "§§ 25-31",
    quote:
      "Shotguns. The bill bans the following shotguns or copies or duplicates with the capability of any such shotguns that were in production before or on April 4, 2013: all IZHMASH Saiga 12 shotguns.",
    story: "a Saiga 12 with a fixed 5-round magazine on 4 April 2013, the day the ban took effect",
    question: "firearm-classification",
    on: "2013-04-04",
    facts: {
      firearm: {
        model: "IZHMASH Saiga 12",
        type: "shotgun",
        action: "semiautomatic",
        centerfire: true,
        acceptsDetachableMagazine: false,
        fixedMagazineCapacity: 5,
        revolvingCylinder: false,
        features: NO_FEATURES,
        manufacturedOn: "2010-01-01",
        legallyManufactured: true,
        permanentlyInoperable: false,
      },
    },
    outcome: "yes",
    result: { assaultWeapon: true, grounds: ["weapons.named-2013-shotguns"] },
  },
  {
    section: "§§ 25-31",
    quote:
      "Shotguns. The bill bans the following shotguns ...: all IZHMASH Saiga 12 shotguns. ... EFFECTIVE DATE: Upon passage",
    story: "the same Saiga 12 on 3 April 2013, the day before",
    question: "firearm-classification",
    on: "2013-04-03",
    facts: {
      firearm: {
        model: "IZHMASH Saiga 12",
        type: "shotgun",
        action: "semiautomatic",
        centerfire: true,
        acceptsDetachableMagazine: false,
        fixedMagazineCapacity: 5,
        revolvingCylinder: false,
        features: NO_FEATURES,
        manufacturedOn: "2010-01-01",
        legallyManufactured: true,
        permanentlyInoperable: false,
      },
    },
    outcome: "no",
  },
  {
    section: "§§ 25-31",
    quote:
      "Pistols. The bill bans the following specified semiautomatic pistols ...: Centurion 39 AK, Draco AK-47, ...",
    story: "a Draco AK-47 pistol",
    question: "firearm-classification",
    on: "2013-06-01",
    facts: { firearm: { ...AR15, model: "Draco AK-47", type: "pistol" } },
    outcome: "yes",
    result: { grounds: ["weapons.named-2013-pistols"] },
  },
  {
    section: "§§ 25-31",
    quote:
      "Rifles. The bill expands the banned weapons to include ...; Wilkinson Arms Linda Carbine; and Barrett M107A1.",
    story: "a Barrett M107A1 .50 caliber rifle",
    question: "firearm-classification",
    on: "2013-06-01",
    facts: { firearm: { ...AR15, model: "Barrett M107A1" } },
    outcome: "yes",
    result: { grounds: ["weapons.named-2013-rifles"] },
  },
  {
    section: "§§ 25-31",
    quote:
      "Current law defines an “assault weapon” as: 1. any selective-fire firearm capable of fully automatic, semiautomatic, or burst fire at the user's option",
    story: "an unlisted selective-fire rifle",
    question: "firearm-classification",
    on: "2013-06-01",
    facts: unlisted({ type: "rifle", action: "selective-fire", acceptsDetachableMagazine: true }),
    outcome: "yes",
    result: { grounds: ["weapons.selective-fire"] },
  },
  {
    section: "§§ 25-31",
    quote:
      "The bill also bans any semiautomatic, centerfire rifle, regardless of the date produced, that can accept a detachable magazine that has at least one of the following features: 1. a folding or telescoping stock",
    story: "an unlisted rimfire (.22) semiautomatic rifle with a folding stock is not caught by the centerfire test",
    question: "firearm-classification",
    on: "2013-06-01",
    facts: unlisted({
      type: "rifle",
      action: "semiautomatic",
      centerfire: false,
      acceptsDetachableMagazine: true,
      features: { foldingOrTelescopingStock: true },
    }),
    outcome: "no",
  },
  {
    section: "§§ 25-31",
    quote:
      "The bill also bans any semiautomatic pistol that can accept a detachable magazine and has at least one of the following features: 1. the ability to accept a detachable ammunition magazine that attaches at some location outside the pistol grip",
    story: "an unlisted pistol whose magazine goes in ahead of the trigger guard",
    question: "firearm-classification",
    on: "2013-06-01",
    facts: unlisted({
      type: "pistol",
      action: "semiautomatic",
      acceptsDetachableMagazine: true,
      features: { magazineOutsidePistolGrip: true },
    }),
    outcome: "yes",
  },
  {
    section: "§ 32",
    quote:
      "The bill broadens the definition of “armor-piercing bullet” to include any bullet that can be fired from a handgun that: 1. has projectiles or projectile cores constructed entirely ... from tungsten alloys, steel, iron, brass, bronze, beryllium copper, or depleted uranium",
    story: "a solid brass .38 handgun bullet",
    question: "ammunition-classification",
    on: "2014-01-01",
    facts: { ...BULLET, nominalCaliber: 0.38, coreMaterials: ["brass"] },
    outcome: "yes",
    result: { armorPiercingBullet: true },
  },
  {
    section: "§ 32",
    quote:
      "The bill broadens the definition of “armor-piercing bullet” to include any bullet that can be fired from a handgun",
    story: "a steel-core rifle bullet that cannot be fired from a handgun",
    question: "ammunition-classification",
    on: "2014-01-01",
    facts: { ...BULLET, fireableFromHandgun: false, nominalCaliber: 0.308 },
    outcome: "no",
  },
  {
    section: "§ 32",
    quote:
      "3. does not have ... any other projectiles or projectile cores that the U.S. attorney general finds to be primarily intended to be used for sporting purposes or industrial purposes",
    story: "a steel-core handgun bullet the U.S. Attorney General has exempted for sporting purposes",
    question: "ammunition-classification",
    on: "2014-01-01",
    facts: { ...BULLET, attorneyGeneralExempted: true },
    outcome: "no",
  },
  {
    section: "§ 32",
    quote:
      "Under current law, an “armor-piercing .50 caliber bullet” is a .50 caliber bullet ... including bullets designated as ... “M903 Caliber .50 Saboted Light Armor Penetrator” or “SLAP”",
    story: "a .50 SLAP round in June 2013, under the existing ban",
    question: "ammunition-classification",
    on: "2013-06-01",
    facts: {
      ...BULLET,
      fireableFromHandgun: false,
      nominalCaliber: 0.5,
      coreMaterials: ["tungsten-alloy"],
      designation: "SLAP",
    },
    outcome: "yes",
    result: { armorPiercing50Caliber: true },
  },
  {
    section: "§§ 23-24",
    quote: "any firearm magazine, belt, drum, feed strip, or similar device that can hold ... more than 10 rounds",
    story: "a 50-round belt",
    question: "magazine-classification",
    on: "2013-06-01",
    facts: { ...MAG30, device: "belt", capacity: 50 },
    outcome: "yes",
  },

  // § 33 — ammunition seizure (possession under a seizure order)
  {
    section: "§ 33",
    quote:
      "The bill conforms the law to current practice by allowing them to seize ammunition as well. It makes conforming and minor related changes, specifying that the procedures relating to seizure and returned firearms apply to ammunition as well. EFFECTIVE DATE: October 1, 2013",
    story: "a person under a firearms seizure order keeps ammunition on 1 October 2013",
    question: "criminal-possession",
    on: "2013-10-01",
    facts: {
      item: "ammunition",
      events: [{ kind: "firearms-seizure-order", date: "2013-09-15", active: true }],
      credentials: [],
    },
    outcome: "no",
  },
  {
    section: "§ 33",
    quote:
      "The bill conforms the law to current practice by allowing them to seize ammunition as well. EFFECTIVE DATE: October 1, 2013",
    story: "the same person keeps the ammunition on 30 September 2013, the day before",
    question: "criminal-possession",
    on: "2013-09-30",
    facts: {
      item: "ammunition",
      events: [{ kind: "firearms-seizure-order", date: "2013-09-15", active: true }],
      credentials: [],
    },
    outcome: "yes",
  },
  {
    section: "§ 33",
    quote:
      "Current law allows any two police officers (or a state's attorney), under limited circumstances, to get warrants and seize guns from anyone who poses an imminent risk",
    story: "a person under a firearms seizure order keeps a pistol in September 2013 (existing law)",
    question: "criminal-possession",
    on: "2013-09-30",
    facts: {
      item: "handgun",
      events: [{ kind: "firearms-seizure-order", date: "2013-09-15", active: true }],
      credentials: [],
    },
    outcome: "no",
  },

  // more exceptions and places
  {
    section: "§§ 23-24",
    quote: "The person may possess it only: 1. at his or her residence",
    story: "a declared magazine at home loaded with 30 rounds (no round limit at the residence)",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: lcm(DECLARED, { place: "residence", roundsLoaded: 30 }),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote:
      "3. in-state manufacturers of LCM that manufacture or transport LCMs in Connecticut for sale here to exempt persons and entities above or for sale out of state",
    story: "an in-state magazine maker sells one to a private Connecticut customer",
    question: "restricted-transfer",
    on: "2014-06-01",
    facts: {
      item: "large-capacity-magazine",
      act: "sell-or-transfer",
      transferor: { roles: ["in-state-lcm-manufacturer"] },
      recipient: { roles: [], desppOrPoliceDepartment: false, outOfState: false },
      method: "sale-or-other-transfer",
      declaredOrCertified: false,
    },
    outcome: "no",
    check: (d) => assert.match(violation(d), /class D felony/),
  },
  {
    section: "§§ 23-24",
    quote:
      "3. in-state manufacturers of LCM that manufacture or transport LCMs in Connecticut for sale here to exempt persons and entities above or for sale out of state",
    story: "the same maker ships magazines to an out-of-state buyer",
    question: "restricted-transfer",
    on: "2014-06-01",
    facts: {
      item: "large-capacity-magazine",
      act: "sell-or-transfer",
      transferor: { roles: ["in-state-lcm-manufacturer"] },
      recipient: { roles: [], desppOrPoliceDepartment: false, outOfState: true },
      method: "sale-or-other-transfer",
      declaredOrCertified: false,
    },
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote:
      "If an owner of an LCM transfers it to a gun dealer, the dealer must, at the time of delivery, execute a certificate of transfer.",
    story: "a dealer fills in the certificate a week after delivery",
    question: "lcm-dealer-transfer",
    on: "2014-02-01",
    facts: {
      transferredOn: "2014-01-15",
      certificateExecutedAtDelivery: false,
      certificateFields: [...CERTIFICATE_FIELDS],
      licenceAndPermitPresented: true,
      reported: "certificate-sent",
    },
    outcome: "no",
  },
  {
    section: "§§ 25-31",
    quote:
      "Under the law and bill, anyone who possesses an assault weapon for which a certificate has been issued may possess it only at specified locations, such as ... at a target range that holds a license for practicing target shooting.",
    story: "a certificate holder shoots the AR-15 at a licensed target range",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: aw(
      { obtainedOn: "2012-01-01", lawfullyObtained: true, certificate: "issued", certificateAppliedOn: "2013-11-01" },
      { place: "licensed-target-range" },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote: "1. individuals to arrange to relinquish a weapon to a police department or DESPP",
    story: "an uncertificated AR-15 owner drives it to the police station under an arrangement to hand it in",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: aw(
      { obtainedOn: "2012-01-01", lawfullyObtained: true, certificate: "none" },
      { place: "in-transport" },
      { ...NOBODY, purposes: ["arranged-relinquishment"] },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote:
      "the bill allows the newly added weapons to be possessed or received, under defined circumstances, by: ... 2. gun dealers",
    story: "a gun dealer holds an AR-15 received in 2014",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: aw(
      { obtainedOn: "2014-03-01", lawfullyObtained: true, certificate: "none" },
      { place: "place-of-business" },
      { ...NOBODY, roles: ["gun-dealer"] },
    ),
    outcome: "yes",
  },
  {
    section: "§ 9",
    quote: "The bill also requires the purchaser to have a long gun eligibility certificate.",
    story: "a federally qualified auction buyer whose long gun eligibility certificate was revoked",
    question: "auction-contraband-long-gun",
    on: "2014-06-01",
    facts: {
      buyer: {
        qualifiedUnderFederalLaw: true,
        credentials: [{ kind: "long-gun-eligibility-certificate", status: "revoked" }],
      },
    },
    outcome: "no",
  },

  // §§ 8, 10-11 — the probate look-back on the day it changes
  {
    section: "§§ 8, 10-11",
    quote:
      "Under current law, a person confined in a psychiatric hospital by probate court order within the preceding 12 months of an application is ineligible for a gun permit or eligibility certificate. The bill extends this period to 60 months. ... EFFECTIVE DATE: the provisions changing the eligibility criteria ... are effective October 1, 2013",
    story:
      "an applicant confined by probate court order on 1 January 2012 is decided on 30 September 2013 (12-month look-back)",
    question: "credential-eligibility",
    on: "2013-09-30",
    facts: application("handgun-eligibility-certificate", [{ kind: "probate-commitment", date: "2012-01-01" }]),
    outcome: "yes",
  },
  {
    section: "§§ 8, 10-11",
    quote:
      "The bill extends this period to 60 months. ... EFFECTIVE DATE: the provisions changing the eligibility criteria ... are effective October 1, 2013",
    story: "the same applicant decided on 1 October 2013 (60-month look-back)",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: application("handgun-eligibility-certificate", [{ kind: "probate-commitment", date: "2012-01-01" }]),
    outcome: "no",
  },

  // BACKGROUND (assault weapons): the Thompson / AK-47 / MAC notice rule and the 1994 date
  {
    section: "§§ 25-31 (BACKGROUND)",
    quote: Q_AK,
    story: "an AK-47 type obtained in 2000 and notified to DESPP on 30 September 2003",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: akNotice({ obtainedOn: "2000-01-01", specifiedWeaponDesppNotifiedOn: "2003-09-30" }),
    outcome: "yes",
  },
  {
    section: "§§ 25-31 (BACKGROUND)",
    quote: Q_AK,
    story: "the same AK-47 type notified on 1 October 2003, too late",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: akNotice({ obtainedOn: "2000-01-01", specifiedWeaponDesppNotifiedOn: "2003-10-01" }),
    outcome: "no",
    check: (d) => assert.match(violation(d), /class D felony/),
  },
  {
    section: "§§ 25-31 (BACKGROUND)",
    quote: Q_AK,
    story: "an AK-47 type obtained on 7 May 2002 (the last day) and notified in time",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: akNotice({ obtainedOn: "2002-05-07", specifiedWeaponDesppNotifiedOn: "2003-01-01" }),
    outcome: "yes",
  },
  {
    section: "§§ 25-31 (BACKGROUND)",
    quote: Q_AK,
    story: "an AK-47 type obtained on 8 May 2002",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: akNotice({ obtainedOn: "2002-05-08", specifiedWeaponDesppNotifiedOn: "2003-01-01" }),
    outcome: "no",
  },
  {
    section: "§§ 25-31 (BACKGROUND)",
    quote: Q_AK,
    story: "an AK-47 type obtained on 30 September 1993, before the window",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: akNotice({ obtainedOn: "1993-09-30", specifiedWeaponDesppNotifiedOn: "2003-01-01" }),
    outcome: "no",
  },
  {
    section: "§§ 25-31 (BACKGROUND)",
    quote:
      "certain assault weapons defined by criteria, rather than specific name, are exempt from the state transfer restrictions and registration requirements if they were legally manufactured before September 13, 1994 (CGS § 53-202m).",
    story: "a one-feature rifle made on 13 September 1994 is not made before that day",
    question: "firearm-classification",
    on: "2014-06-01",
    facts: unlisted({
      type: "rifle",
      action: "semiautomatic",
      acceptsDetachableMagazine: true,
      manufacturedOn: "1994-09-13",
      features: { flashSuppressor: true },
    }),
    outcome: "yes",
    result: { pre1994Exemption: false },
  },

  // penalties and the sale ban from passage
  {
    section: "§§ 25-31",
    quote:
      "Illegally transferring or carrying an assault weapon is a class C felony, with a two-year mandatory minimum prison term ... The ban on sales and transfers is effective upon passage.",
    story: "a dealer sells an AR-15 to a civilian on 4 April 2013, the day of passage",
    question: "restricted-transfer",
    on: "2013-04-04",
    facts: {
      item: "assault-weapon",
      act: "sell-or-transfer",
      transferor: { roles: ["gun-dealer"] },
      recipient: { roles: [], desppOrPoliceDepartment: false, under18: false },
      method: "sale-or-other-transfer",
      declaredOrCertified: false,
    },
    outcome: "no",
    check: (d) => {
      assert.match(violation(d), /class C felony/);
      assert.deepEqual((d.result.violation as { mandatoryMinimum: unknown }).mandatoryMinimum, { prisonYears: 2 });
    },
  },
  {
    section: "§§ 25-31",
    quote:
      "It additionally allows sales to and possession by (a) employees of a Nuclear Regulatory Commission (NRC) licensee operating a nuclear power plant in Connecticut for the purpose of providing security",
    story: "a dealer sells an AR-15 to a nuclear plant's security contractor",
    question: "restricted-transfer",
    on: "2014-06-01",
    facts: {
      item: "assault-weapon",
      act: "sell-or-transfer",
      transferor: { roles: ["gun-dealer"] },
      recipient: { roles: ["nuclear-plant-security"], desppOrPoliceDepartment: false, under18: false },
      method: "sale-or-other-transfer",
      declaredOrCertified: false,
    },
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    quote:
      "1. executors or administrators of an estate that includes an assault weapon for which a certificate has been issued",
    story: "an executor holds an estate's AR-15 for which no certificate was ever issued",
    question: "possession-permitted",
    on: "2014-06-01",
    facts: aw(
      { obtainedOn: "2014-05-01", lawfullyObtained: true, certificate: "none", estateItemRegistered: false },
      { place: "residence" },
      { ...NOBODY, roles: ["executor-or-administrator"] },
    ),
    outcome: "no",
  },
  {
    section: "§§ 25-31",
    quote: Q_AW_CERT,
    story: "a person who got the weapon only after 3 April 2013 has no certificate window",
    question: "declaration-deadline",
    on: "2013-12-01",
    facts: {
      item: "assault-weapon",
      lawfullyPossessedBeforeCutoff: false,
      eligibleForCertificate: true,
      specialCircumstances: "none",
    },
    outcome: "no",
    result: { deadline: null },
  },
];

runScenarios("bill analysis scenarios: weapons, ammunition, storage (PA 13-3)", SCENARIOS, { quoted: true });
