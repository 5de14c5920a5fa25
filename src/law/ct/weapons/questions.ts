/**
 * Weapons, magazines and ammunition: the questions this area answers and
 * the catalogue of its rules.
 *
 * Each catalogue entry's citation is the one the rule itself reports in its
 * findings (read from the rule, so the two cannot drift apart).
 */
import type { PlainDate } from "../../core/dates.ts";
import type { Question, RuleInfo } from "../../core/questions.ts";
import { CERTIFICATE_ELIGIBILITY_RULE } from "./certificate-eligibility.ts";
import type { Citation, Finding } from "../../core/rules.ts";
import { ammunitionClassification } from "./ammunition-classification.ts";
import { armorPiercingBullet } from "./armor-piercing-bullet.ts";
import * as aw from "./assault-weapon-possession.ts";
import { assaultWeaponParts } from "./assault-weapon-parts.ts";
import { armorPiercing50, incendiary50 } from "./fifty-caliber-bullet.ts";
import { BANNED_AMMUNITION_SALE_RULE, LCM_SALE_RULE } from "./counter-sale.ts";
import { firearmClassification } from "./firearm-classification.ts";
import {
  lcmDefinition,
  not22CaliberTube,
  notLeverActionTubular,
  notPermanentlyAltered,
  notPermanentlyInoperableMagazine,
} from "./large-capacity-magazine.ts";
import { FALSE } from "./logic.ts";
import { magazineClassification } from "./magazine-classification.ts";
import * as lcm from "./magazine-possession.ts";
import {
  copiesOrDuplicates,
  namedPistols,
  namedRifles,
  namedShotguns,
  olderNamedList,
} from "./named-assault-weapons.ts";
import { olderPistolFeatures, olderRifleFeatures, olderShotgunFeatures } from "./older-feature-tests.ts";
import { notPermanentlyInoperable } from "./permanently-inoperable.ts";
import { pistolFeatures, pistolFixedMagazine } from "./pistol-features.ts";
import { possessionPermitted } from "./possession-permitted.ts";
import {
  BANNED_AMMUNITION_POSSESSION_RULE,
  bannedAmmunitionPossessionQuestion,
} from "./banned-ammunition-possession.ts";
import { LCM_DEALER_TRANSFER_RULES, lcmDealerTransferQuestion } from "./lcm-dealer-transfer.ts";
import { AW_TRANSFER_RULE, LCM_TRANSFER_RULE, restrictedTransferQuestion } from "./restricted-transfer.ts";
import { awPermittedPlace, lcmPermittedPlace } from "./possession-places.ts";
import { pre1994Exemption } from "./pre-1994-exemption.ts";
import { rifleFeatures, rifleFixedMagazine, rifleOverallLength } from "./rifle-features.ts";
import { selectiveFire } from "./selective-fire.ts";
import { revolvingCylinderShotgun, shotgunDetachableMagazine, shotgunStockAndGrip } from "./shotgun-features.ts";

export const questions: Question<any, any>[] = [
  firearmClassification,
  magazineClassification,
  ammunitionClassification,
  possessionPermitted,
  restrictedTransferQuestion,
  bannedAmmunitionPossessionQuestion,
  lcmDealerTransferQuestion,
];

const D2013 = "2014-06-01" as PlainDate;
const DOLDER = "2010-06-01" as PlainDate;

function entry(
  run: () => Finding | Finding[],
  title: string,
  description: string,
  from: string,
  until?: string,
  extra: Citation[] = [],
): RuleInfo {
  const out = run();
  const f = Array.isArray(out) ? out : [out];
  return { id: f[0]!.id, title, description, citations: [f[0]!.source, ...extra], from, ...(until ? { until } : {}) };
}

const noFacts = {};

export const rules: RuleInfo[] = [
  CERTIFICATE_ELIGIBILITY_RULE,
  LCM_TRANSFER_RULE,
  AW_TRANSFER_RULE,
  BANNED_AMMUNITION_POSSESSION_RULE,
  ...LCM_DEALER_TRANSFER_RULES,
  // --- Assault weapons: definition
  entry(
    () => selectiveFire(noFacts, D2013),
    "Selective-fire firearms",
    "Any firearm capable of fully automatic, semiautomatic or burst fire at the user's option is an assault weapon. (In force since PA 93-306; modelled from 2001-10-01.)",
    "1993-10-01",
  ),
  entry(
    () => olderNamedList(noFacts, D2013),
    "Firearms named in 1993",
    'The semiautomatic firearms named since 1993 (Algimec Agmi to Wilkinson "Linda" Pistol) are assault weapons; PA 13-3 keeps the list. (Modelled from 2001-10-01.)',
    "1993-10-01",
  ),
  entry(
    () => namedRifles(noFacts, D2013),
    "Rifles named in 2013",
    "The semiautomatic centerfire rifles PA 13-3 names (AK-47 and AR-15 types and others) are assault weapons.",
    "2013-04-04",
  ),
  entry(
    () => namedPistols(noFacts, D2013),
    "Pistols named in 2013",
    "The semiautomatic pistols PA 13-3 names (Draco, TEC-DC9, AR-15 pistols and others) are assault weapons.",
    "2013-04-04",
  ),
  entry(
    () => namedShotguns(noFacts, D2013),
    "Saiga 12 shotguns",
    "All IZHMASH Saiga 12 shotguns are assault weapons.",
    "2013-04-04",
  ),
  entry(
    () => copiesOrDuplicates(noFacts, D2013),
    "Copies and duplicates",
    "Copies or duplicates, with the capability, of a model named in 2013, of a kind in production by 2013-04-04, are assault weapons.",
    "2013-04-04",
  ),
  entry(
    () => rifleFeatures(noFacts, D2013),
    "Rifles with one feature",
    "A semiautomatic centerfire rifle that accepts a detachable magazine and has a folding or telescoping stock, a grip putting a trigger-hand finger below the action, a forward pistol grip, a flash suppressor, or a grenade or flare launcher.",
    "2013-04-04",
  ),
  entry(
    () => rifleFixedMagazine(noFacts, D2013),
    "Rifles with a fixed magazine over 10",
    "A semiautomatic centerfire rifle with a fixed magazine that accepts more than 10 rounds.",
    "2013-04-04",
  ),
  entry(
    () => rifleOverallLength(noFacts, D2013),
    "Rifles under 30 inches",
    "A semiautomatic centerfire rifle with an overall length of less than 30 inches.",
    "2013-04-04",
  ),
  entry(
    () => pistolFeatures(noFacts, D2013),
    "Pistols with one feature",
    "A semiautomatic pistol that accepts a detachable magazine and has a magazine attaching outside the grip, a threaded barrel, a barrel shroud (not a slide), or a second hand grip.",
    "2013-04-04",
  ),
  entry(
    () => pistolFixedMagazine(noFacts, D2013),
    "Pistols with a fixed magazine over 10",
    "A semiautomatic pistol with a fixed magazine that accepts more than 10 rounds.",
    "2013-04-04",
  ),
  entry(
    () => shotgunStockAndGrip(noFacts, D2013),
    "Shotguns with stock and grip",
    "A semiautomatic shotgun with both a folding or telescoping stock and a grip putting a trigger-hand finger below the action.",
    "2013-04-04",
  ),
  entry(
    () => shotgunDetachableMagazine(noFacts, D2013),
    "Shotguns taking detachable magazines",
    "A semiautomatic shotgun that can accept a detachable magazine.",
    "2013-04-04",
  ),
  entry(
    () => revolvingCylinderShotgun(noFacts, D2013),
    "Revolving-cylinder shotguns",
    "Any shotgun with a revolving cylinder.",
    "2013-04-04",
  ),
  entry(
    () => olderRifleFeatures(noFacts, D2013),
    "Rifles with two older features",
    "A semiautomatic rifle that accepts a detachable magazine and has two of: folding or telescoping stock, conspicuous pistol grip, bayonet mount, flash suppressor or threaded barrel for one, grenade launcher.",
    "2001-10-01",
  ),
  entry(
    () => olderPistolFeatures(noFacts, D2013),
    "Pistols with two older features",
    "A semiautomatic pistol that accepts a detachable magazine and has two of: magazine outside the grip, threaded barrel, shroud, 50 ounces or more unloaded, semiautomatic version of an automatic firearm.",
    "2001-10-01",
  ),
  entry(
    () => olderShotgunFeatures(noFacts, D2013),
    "Shotguns with two older features",
    "A semiautomatic shotgun with two of: folding or telescoping stock, conspicuous pistol grip, fixed magazine over five rounds, detachable magazine.",
    "2001-10-01",
  ),
  entry(
    () => assaultWeaponParts(noFacts, DOLDER)[0]!,
    "Parts (older definitions)",
    "Parts designed or intended to convert a firearm into an assault weapon of the older definitions, or from which one person may rapidly assemble one.",
    "1993-10-01",
  ),
  entry(
    () => assaultWeaponParts(noFacts, D2013)[1]!,
    "Parts (2013 definitions)",
    "Parts designed or intended to convert a firearm into an assault weapon PA 13-3 defines, or from which one person may assemble one.",
    "2013-04-04",
  ),
  entry(
    () => notPermanentlyInoperable(noFacts, D2013),
    "Exception: permanently inoperable",
    "A firearm modified to render it permanently inoperable is not an assault weapon.",
    "1993-10-01",
  ),
  entry(
    () => pre1994Exemption("firearm", noFacts, [], D2013),
    "Exemption: made before 1994-09-13",
    "Assault weapons defined by criteria (not by name) and legally manufactured before 1994-09-13 are exempt from the transfer restrictions and registration requirements.",
    "2001-10-01",
  ),
  // --- Large capacity magazines
  entry(
    () => lcmDefinition(noFacts, D2013),
    "Large capacity magazine",
    "A magazine, belt, drum, feed strip or similar device that can hold, or be readily restored or converted to accept, more than 10 rounds.",
    "2013-04-04",
  ),
  entry(
    () => notPermanentlyAltered(noFacts, D2013),
    "Exclusion: permanently altered",
    "A feeding device permanently altered so that it cannot hold more than 10 rounds is not a large capacity magazine.",
    "2013-04-04",
  ),
  entry(
    () => not22CaliberTube(noFacts, D2013),
    "Exclusion: .22 caliber tube",
    "A .22 caliber tube ammunition feeding device is not a large capacity magazine.",
    "2013-04-04",
  ),
  entry(
    () => notLeverActionTubular(noFacts, D2013),
    "Exclusion: lever-action tube",
    "A tubular magazine contained in a lever-action firearm is not a large capacity magazine.",
    "2013-04-04",
  ),
  entry(
    () => notPermanentlyInoperableMagazine(noFacts, D2013),
    "Exclusion: permanently inoperable magazine",
    "A permanently inoperable magazine is not a large capacity magazine.",
    "2013-04-04",
  ),
  // --- Ammunition
  entry(
    () => armorPiercingBullet(noFacts, D2013),
    "Armor-piercing bullet",
    "A bullet that can be fired from a handgun and is constructed entirely of hard metals, or is heavily jacketed and larger than .22 caliber; not soft-cored, frangible sporting, exempted by the U.S. Attorney General, or a shotgun shell.",
    "2013-10-01",
  ),
  entry(
    () => armorPiercing50(noFacts, D2013),
    "Armor-piercing .50 caliber bullet",
    "A .50 caliber bullet designed, held out or recognized as able to penetrate armor or bulletproof glass, including M2 AP, M8 API, M20 APIT, M903 SLAP and M962 SLAPT. (Existing law; modelled from 2013-04-04.)",
    "2013-04-04",
  ),
  entry(
    () => incendiary50(noFacts, D2013),
    "Incendiary .50 caliber bullet",
    "An incendiary .50 caliber bullet is banned. (Existing law; modelled from 2013-04-04.)",
    "2013-04-04",
  ),
  // --- At the counter (counter-sale.ts)
  LCM_SALE_RULE,
  BANNED_AMMUNITION_SALE_RULE,
  // --- Magazine possession
  entry(
    () => lcm.lcmAgencyMember(undefined, D2013),
    "Magazines: agency members",
    "Members and employees of DESPP, police departments, DOC and the armed forces may possess large capacity magazines, on or off duty.",
    "2013-04-04",
  ),
  entry(
    () => lcm.lcmNuclearPlantSecurity(undefined, D2013),
    "Magazines: nuclear plant security",
    "Security staff and contractors at a Connecticut nuclear power plant may possess them.",
    "2013-04-04",
  ),
  entry(
    () => lcm.lcmInStateManufacturer(undefined, D2013),
    "Magazines: in-state manufacturers",
    "In-state manufacturers making or transporting them for sale to exempt persons or out of state may possess them.",
    "2013-04-04",
  ),
  entry(
    () => lcm.lcmGunDealer(undefined, D2013),
    "Magazines: gun dealers",
    "Gun dealers may possess them.",
    "2013-04-04",
  ),
  entry(
    () => lcm.lcmDealerGunsmith(undefined, D2013),
    "Magazines: dealers' gunsmiths",
    "Gunsmiths employed by gun dealers may possess them for servicing or repair.",
    "2013-04-04",
  ),
  entry(
    () => lcm.lcmExecutor(undefined, undefined, D2013),
    "Magazines: executors",
    "Executors and administrators of an estate that includes legally declared magazines may possess them.",
    "2013-04-04",
  ),
  entry(
    () => lcm.lcmBeforePossessionBan(undefined, "2013-06-01" as PlainDate),
    "Magazines: before 2014",
    "Possessing an undeclared large capacity magazine is an offense only from 2014-01-01.",
    "2013-04-04",
    "2014-01-01",
  ),
  entry(
    () => lcm.lcmDeclared(undefined, undefined, undefined, D2013).finding,
    "Magazines: declared",
    "A magazine declared to DESPP by 2014-01-01 (service members: within 90 days of returning or of arriving after 2014-01-01) may be kept at the places allowed.",
    "2013-04-04",
  ),
  entry(
    () => lcmPermittedPlace(undefined, D2013),
    "Magazines: places allowed",
    "A declared magazine may be kept only at the residence; at a place of business or other owned property, at ranges and shooting clubs, or in transport, with no more than 10 rounds; or under a valid permit in a handgun possessed before 2013-04-04, within the grip, with no more than 10 rounds.",
    "2013-04-04",
  ),
  entry(
    () => lcm.lcmInheritedDeclared(undefined, lcmPermittedPlace(undefined, D2013), D2013),
    "Magazines: heirs",
    "A declared magazine may pass by bequest or intestate succession; the analysis gives the heir no way to declare it, so an heir's possession goes to a person for review.",
    "2013-04-04",
  ),
  entry(
    () => lcm.lcmMovedIntoState(undefined, D2013),
    "Magazines: moving into the state",
    "A person moving in with a lawfully possessed magazine has 90 days to disable it, sell it to a dealer, or take it out of state.",
    "2013-04-04",
  ),
  entry(
    () => lcm.lcmServiceMemberWindow(undefined, undefined, D2013),
    "Magazines: service members away on duty",
    "A service member kept from declaring by out-of-state duty has until 90 days after returning.",
    "2013-04-04",
  ),
  {
    id: "weapons.lcm-possession-offense",
    title: "Magazines: the violation",
    description:
      "From 2014-01-01, possessing an undeclared large capacity magazine obtained before 2013-04-04 is an infraction ($90) for a first offense and a class D felony after; one obtained later, a class D felony. A declared magazine outside the places allowed: class C misdemeanor.",
    citations: [lcm.LCM_POSSESSION_CITATIONS.offense, lcm.LCM_POSSESSION_CITATIONS.place],
    from: "2014-01-01",
  },
  // --- Assault weapon possession
  entry(
    () => aw.awAgencyOfficialDuties(undefined, D2013),
    "Assault weapons: agency members on duty",
    "Members and employees of DESPP, police departments, DOC and the military or naval forces may possess them for use in official duties.",
    "2013-04-04",
  ),
  entry(
    () => aw.awNuclearPlantSecurity(undefined, D2013),
    "Assault weapons: nuclear plant security",
    "Security staff and contractors at a Connecticut nuclear power plant may possess them.",
    "2013-04-04",
  ),
  entry(
    () => aw.awGunDealer(undefined, D2013),
    "Assault weapons: gun dealers",
    "Gun dealers may possess them.",
    "2013-04-04",
  ),
  entry(
    () => aw.awGunsmith(undefined, D2013),
    "Assault weapons: gunsmiths",
    "Gunsmiths may possess them for servicing or repair.",
    "2013-04-04",
  ),
  entry(
    () => aw.awExecutor(undefined, undefined, D2013),
    "Assault weapons: executors",
    "Executors and administrators of an estate that includes a certified assault weapon may possess it.",
    "2013-04-04",
  ),
  entry(
    () => aw.awArrangedRelinquishment(undefined, D2013),
    "Assault weapons: relinquishment",
    "A person may hold a weapon to relinquish it under an arrangement with a police department or DESPP.",
    "2013-04-04",
  ),
  entry(
    () => aw.awCertificate(undefined, undefined, undefined, D2013).finding,
    "Assault weapons: certificate of possession",
    "A weapon with a certificate of possession (issued, deemed, or applied for by 2014-01-01 or within a 90-day window) may be kept at the places allowed.",
    "2013-04-04",
  ),
  entry(
    () => awPermittedPlace(undefined, D2013),
    "Assault weapons: places allowed",
    "A certified weapon may be kept at the residence, place of business or other owned property, ranges and shooting clubs, exhibitions and competitions, and in compliant transport between them.",
    "2013-04-04",
  ),
  entry(
    () => aw.awTransition(undefined, undefined, FALSE, D2013),
    "Assault weapons: until the 2014 deadline",
    "A newly banned weapon legally possessed on 2013-04-03 by a person eligible for a certificate may be kept until the 2014-01-01 deadline to apply.",
    "2013-04-04",
    "2014-01-02",
  ),
  entry(
    () => aw.awServiceMemberWindow(undefined, undefined, FALSE, D2013),
    "Assault weapons: service members away on duty",
    "A service member kept from applying by out-of-state duty has until 90 days after returning.",
    "2013-04-04",
  ),
  entry(
    () => aw.awMovedIntoState(undefined, D2013),
    "Assault weapons: moving into the state",
    "A person moving in with a lawfully possessed assault weapon has 90 days to disable it, sell it to a dealer, or take it out of state; a transferred service member may apply for a certificate within 90 days.",
    "2013-04-04",
  ),
  entry(
    () => aw.awHeirWindow(undefined, D2013),
    "Assault weapons: heirs",
    "A person who inherits a certified assault weapon has 90 days to apply for a certificate, sell it to a dealer, disable it, or take it out of state.",
    "2013-04-04",
  ),
  entry(
    () => aw.awSpecifiedWeaponNotice(FALSE, undefined, D2013),
    "Assault weapons: Thompson, AK-47, MAC notice",
    "Thompson, AK-47, MAC-10 and MAC-11 types obtained in good faith from 1993-10-01 to 2002-05-07 and notified to DESPP before 2003-10-01 may be possessed.",
    "2013-04-04",
  ),
  entry(
    () => aw.awPre1994Exempt(false, D2013),
    "Assault weapons: pre-1994 exemption",
    "A weapon exempt as defined by criteria and legally manufactured before 1994-09-13 needs no certificate.",
    "2013-04-04",
  ),
  {
    id: "weapons.aw-possession-offense",
    title: "Assault weapons: the violation",
    description:
      "Illegal possession of an assault weapon is a class D felony with a mandatory minimum one-year prison term.",
    citations: [aw.AW_POSSESSION_CITATIONS.offense],
    from: "2013-04-04",
  },
];
