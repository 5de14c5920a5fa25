/**
 * Scenarios drawn from the OLR bill analysis of PA 13-3 (SB 1160), asked the way the decision API
 * asks them: a question id, a date and facts; the facts are parsed by the question's own schema
 * (as `decide` in src/modules/decisions/service.ts does) and the answer is a decision with its
 * outcome, result and findings. Each scenario names the section of the analysis it comes from.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { QUESTIONS } from "./index.ts";
import { CERTIFICATE_FIELDS } from "./weapons/lcm-dealer-transfer.ts";
import {
  type Scenario,
  ask,
  checkScenario,
  LGEC,
  PERMIT,
  AMMO_CERT,
  PHOTO_ID,
  NOBODY,
  PLAIN_HOLDING,
} from "./scenario-kit.ts";

// ---- fact builders -------------------------------------------------------------------------

interface LongGunPatch {
  seller?: Record<string, unknown>;
  buyer?: Record<string, unknown>;
  firearm?: Record<string, unknown>;
  transfer?: Record<string, unknown>;
}
/** A retail sale by a dealer to a private buyer born 1980, holding a long gun eligibility certificate. */
function longGunRetail(p: LongGunPatch = {}) {
  return {
    seller: { federalLicence: "dealer", knowsStolen: false, knowsIdentificationAltered: false, ...p.seller },
    buyer: {
      federalLicence: "none",
      birthDate: "1980-01-10",
      credentials: [LGEC],
      officer: "none",
      events: [],
      ...p.buyer,
    },
    firearm: { semiautomaticCenterfireRifle: false, antique: false, ...p.firearm },
    transfer: {
      waitingPeriodExceptions: "none",
      applicationDate: "2013-04-04",
      authorization: { status: "approved", number: "LG-1" },
      loaded: false,
      ...p.transfer,
    },
  };
}
/** A private sale between two private persons. */
function longGunPrivate(route: string, p: LongGunPatch = {}) {
  return longGunRetail({
    ...p,
    seller: { federalLicence: "none", ...p.seller },
    transfer: { privateRoute: route, ...p.transfer },
  });
}
const NICS_PROCEED = {
  dealerConsented: true,
  initiatedOn: "2014-01-01",
  response: "proceed",
  transactionNumber: "NTN-1",
};

function ammoSale(buyer: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    item: "ammunition",
    seller: { federalLicence: "dealer" },
    buyer: { federalLicence: "none", birthDate: "1980-01-10", credentials: [PERMIT], events: [], ...buyer },
    ...extra,
  };
}

function application(
  credential: string,
  birthDate: string,
  events: unknown[] = [],
  extra: Record<string, unknown> = {},
) {
  return {
    credential,
    applicant: { birthDate, residenceState: "CT", residenceTown: "Hartford", citizenOrLawfulResident: true },
    backgroundCheckConsent: true,
    feePaid: true,
    recordsChecked: true,
    nics: { status: "proceed" },
    events,
    ...extra,
  };
}

const MAG30 = {
  device: "magazine",
  capacity: 30,
  readilyRestoredOrConverted: false,
  permanentlyAlteredToTenOrFewer: false,
  caliber22TubeFeedingDevice: false,
  tubularInLeverAction: false,
  permanentlyInoperable: false,
};
/** A private person, not away on military duty. */
/** What a holding is not, unless the story says so: not brought in by a mover, not inherited. */
function lcmPossession(holding: Record<string, unknown>, location: Record<string, unknown>, person: unknown = NOBODY) {
  return { item: "magazine", magazine: MAG30, person, holding: { ...PLAIN_HOLDING, ...holding }, location };
}

const AR15 = {
  model: "AR-15",
  type: "rifle",
  action: "semiautomatic",
  centerfire: true,
  acceptsDetachableMagazine: true,
  features: {},
  manufacturedOn: "2012-01-01",
  legallyManufactured: true,
  permanentlyInoperable: false,
};
function awPossession(holding: Record<string, unknown>, location: Record<string, unknown>, person: unknown = NOBODY) {
  return {
    item: "weapon",
    weapon: { item: "firearm", firearm: AR15 },
    person,
    holding: { ...PLAIN_HOLDING, ...holding },
    location,
  };
}

const STEEL_357 = {
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

const NO_SPECIAL = {
  outOfStateServiceMember: false,
  transferredServiceMember: false,
  movedIntoState: false,
  inherited: false,
};

// ---- the scenarios ---------------------------------------------------------------------------

const SCENARIOS: Scenario[] = [
  // § 1 — long gun sales
  {
    section: "§ 1",
    story: "a dealer sells a shotgun to a 17-year-old",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunRetail({ buyer: { birthDate: "1996-05-02", credentials: [] } }),
    outcome: "no",
  },
  {
    section: "§ 1",
    story: "a dealer sells a shotgun to a buyer who turns 18 that day and holds a long gun eligibility certificate",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunRetail({ buyer: { birthDate: "1996-05-01" } }),
    outcome: "yes",
  },
  {
    section: "§ 1",
    story: "a 20-year-old buys a semi-automatic centerfire rifle that accepts a 30-round magazine",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunRetail({
      buyer: { birthDate: "1993-05-02", dutyPurchase: { agency: "none" } },
      firearm: { semiautomaticCenterfireRifle: true, acceptsMagazineOverFiveRounds: true },
    }),
    outcome: "no",
    check: (d) => assert.ok(d.findings.some((f) => f.id === "sales.long-gun.minimum-age" && f.status === "not-met")),
  },
  {
    section: "§ 1",
    story: "the same 20-year-old rifle buyer is a local police officer buying it for duty use",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunRetail({
      buyer: { birthDate: "1993-05-02", dutyPurchase: { agency: "local-police", forDutyUse: true } },
      firearm: { semiautomaticCenterfireRifle: true, acceptsMagazineOverFiveRounds: true },
    }),
    outcome: "yes",
  },
  {
    section: "§ 1",
    story: "a 20-year-old buys a semi-automatic centerfire rifle limited to five rounds",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunRetail({
      buyer: { birthDate: "1993-05-02", dutyPurchase: { agency: "none" } },
      firearm: { semiautomaticCenterfireRifle: true, acceptsMagazineOverFiveRounds: false },
    }),
    outcome: "yes",
  },
  {
    section: "§ 1",
    story: "a buyer with no gun credential takes delivery on 31 March 2014 after the two-week wait",
    question: "long-gun-sale",
    on: "2014-03-31",
    facts: longGunRetail({ buyer: { credentials: [] }, transfer: { applicationDate: "2014-03-10" } }),
    outcome: "yes",
  },
  {
    section: "§ 1",
    story: "the same buyer with no gun credential on 1 April 2014",
    question: "long-gun-sale",
    on: "2014-04-01",
    facts: longGunRetail({ buyer: { credentials: [] }, transfer: { applicationDate: "2014-03-10" } }),
    outcome: "no",
    check: (d) =>
      assert.ok(d.findings.some((f) => f.id === "sales.long-gun.buyer-credential" && f.status === "not-met")),
  },
  {
    section: "§ 1",
    story: "a peace officer with no credential buys a shotgun after 1 April 2014",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunRetail({
      buyer: { credentials: [], officer: "peace-officer" },
      transfer: { waitingPeriodExceptions: undefined },
    }),
    outcome: "yes",
  },
  {
    section: "§ 1",
    story: "a buyer without a credential collects a shotgun ten days after applying (before 1 April 2014)",
    question: "long-gun-sale",
    on: "2013-09-11",
    facts: longGunRetail({ buyer: { credentials: [] }, transfer: { applicationDate: "2013-09-01" } }),
    outcome: "no",
    check: (d) => assert.equal(d.result.waitUntil, "2013-09-15"),
  },
  {
    section: "§ 1",
    story: "a holder of a long gun eligibility certificate need not wait two weeks",
    question: "long-gun-sale",
    on: "2013-09-02",
    facts: longGunRetail({ transfer: { applicationDate: "2013-09-01" } }),
    outcome: "yes",
  },
  {
    section: "§ 1",
    story: "two neighbours sell a rifle privately with neither DESPP authorization nor a dealer's check",
    question: "long-gun-sale",
    on: "2013-06-01",
    facts: longGunPrivate("none"),
    outcome: "no",
  },
  {
    section: "§ 1",
    story: "a private sale through a consenting dealer's NICS check on 31 December 2013 (option not yet available)",
    question: "long-gun-sale",
    on: "2013-12-31",
    facts: longGunPrivate("dealer-nics", { transfer: { nics: NICS_PROCEED } }),
    outcome: "no",
  },
  {
    section: "§ 1",
    story: "the same private sale through a dealer's NICS check on 1 January 2014",
    question: "long-gun-sale",
    on: "2014-01-01",
    facts: longGunPrivate("dealer-nics", { transfer: { nics: NICS_PROCEED } }),
    outcome: "yes",
    check: (d) => assert.equal(d.result.dealerFeeCap, 20),
  },
  {
    section: "§ 1",
    story: "a dealer sells long guns to another dealer (licensee exemption)",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunRetail({ buyer: { federalLicence: "dealer", credentials: [] } }),
    outcome: "yes",
  },
  {
    section: "§ 1",
    story: "a long gun handed over loaded",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunRetail({ transfer: { loaded: true } }),
    outcome: "no",
  },
  {
    section: "§ 1",
    story: "a violation of the long gun sale rules is a class D felony; knowing the gun stolen, a class B felony",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunRetail({ seller: { knowsStolen: true } }),
    outcome: "yes",
    check: (d) => {
      const p = d.result.penalty as Record<string, { crimeClass: string } | null>;
      assert.equal(p.violation?.crimeClass, "class D felony");
      assert.equal(p.knowingStolenOrAltered?.crimeClass, "class B felony");
      assert.equal(p.applies?.crimeClass, "class B felony");
    },
  },

  // §§ 2-7 — long gun eligibility certificate
  {
    section: "§§ 2-7",
    story: "a 17-year-old applies for a long gun eligibility certificate",
    question: "credential-eligibility",
    on: "2013-08-01",
    facts: application("long-gun-eligibility-certificate", "1995-08-02"),
    outcome: "no",
  },
  {
    section: "§§ 2-7",
    story: "an applicant who turns 18 that day applies for a long gun eligibility certificate",
    question: "credential-eligibility",
    on: "2013-08-01",
    facts: application("long-gun-eligibility-certificate", "1995-08-01"),
    outcome: "yes",
  },
  {
    section: "§§ 2-7",
    story: "a 20-year-old applies for a handgun eligibility certificate (minimum age 21)",
    question: "credential-eligibility",
    on: "2013-08-01",
    facts: application("handgun-eligibility-certificate", "1993-05-01"),
    outcome: "no",
  },
  {
    section: "§§ 2-7",
    story: "a revoked long gun eligibility certificate must be delivered within five days of the notice",
    question: "revoked-credential-surrender",
    on: "2014-03-10",
    facts: { credential: "long-gun-eligibility-certificate", notifiedOn: "2014-03-03", surrenderedOn: "2014-03-09" },
    outcome: "yes",
    result: { dueOn: "2014-03-08", actedInTime: false },
    check: (d) =>
      assert.equal((d.result.penaltyIfMissed as { classification: string }).classification, "class A misdemeanor"),
  },
  {
    section: "§§ 2-7",
    story: "delivered on the fifth day after notice: in time",
    question: "revoked-credential-surrender",
    on: "2014-03-10",
    facts: { credential: "long-gun-eligibility-certificate", notifiedOn: "2014-03-03", surrenderedOn: "2014-03-08" },
    outcome: "yes",
    result: { dueOn: "2014-03-08", actedInTime: true, overdue: false },
  },

  // § 9 — contraband long guns at auction
  {
    section: "§ 9",
    story:
      "a federally qualified buyer without a long gun eligibility certificate bids at a state auction after 1 July 2013",
    question: "auction-contraband-long-gun",
    on: "2013-07-01",
    facts: { buyer: { qualifiedUnderFederalLaw: true, credentials: [] } },
    outcome: "no",
  },
  {
    section: "§ 9",
    story: "the same buyer on 30 June 2013, before the certificate requirement",
    question: "auction-contraband-long-gun",
    on: "2013-06-30",
    facts: { buyer: { qualifiedUnderFederalLaw: true, credentials: [] } },
    outcome: "yes",
  },

  // §§ 8, 10-11, 57-58 — mental health and gun credentials
  {
    section: "§§ 8, 10-11",
    story: "a permit applicant confined by probate court order 50 months ago (look-back now 60 months)",
    question: "credential-eligibility",
    on: "2014-01-02",
    facts: application("state-handgun-permit", "1970-01-01", [{ kind: "probate-commitment", date: "2009-11-02" }], {
      holdsTemporaryPermit: true,
    }),
    outcome: "no",
  },
  {
    section: "§§ 8, 10-11",
    story: "a permit applicant confined by probate court order 61 months ago",
    question: "credential-eligibility",
    on: "2014-01-02",
    facts: application("state-handgun-permit", "1970-01-01", [{ kind: "probate-commitment", date: "2008-12-01" }], {
      holdsTemporaryPermit: true,
    }),
    outcome: "yes",
  },
  {
    section: "§§ 8, 10-11",
    story: "an applicant voluntarily admitted to a psychiatric hospital on 15 October 2013, applying 1 March 2014",
    question: "credential-eligibility",
    on: "2014-03-01",
    facts: application("long-gun-eligibility-certificate", "1970-01-01", [
      { kind: "voluntary-admission", date: "2013-10-15", solelyAlcoholOrDrug: false },
    ]),
    outcome: "no",
  },
  {
    section: "§§ 8, 10-11",
    story: "the same applicant more than six months after the admission",
    question: "credential-eligibility",
    on: "2014-04-16",
    facts: application("long-gun-eligibility-certificate", "1970-01-01", [
      { kind: "voluntary-admission", date: "2013-10-15", solelyAlcoholOrDrug: false },
    ]),
    outcome: "yes",
  },
  {
    section: "§§ 8, 10-11",
    story: "a voluntary admission on 30 September 2013, before the new disqualification took effect",
    question: "credential-eligibility",
    on: "2013-11-01",
    facts: application("long-gun-eligibility-certificate", "1970-01-01", [
      { kind: "voluntary-admission", date: "2013-09-30", solelyAlcoholOrDrug: false },
    ]),
    outcome: "yes",
  },
  {
    section: "§§ 8, 10-11",
    story: "a voluntary admission solely for alcohol treatment does not disqualify",
    question: "credential-eligibility",
    on: "2014-01-02",
    facts: application("long-gun-eligibility-certificate", "1970-01-01", [
      { kind: "voluntary-admission", date: "2013-12-01", solelyAlcoholOrDrug: true },
    ]),
    outcome: "yes",
  },
  {
    section: "§§ 57-58",
    story: "a person who applied for a temporary state permit eight months ago applies again",
    question: "credential-eligibility",
    on: "2014-06-01",
    facts: application("temporary-state-permit", "1970-01-01", [], {
      applicant: {
        birthDate: "1970-01-01",
        residenceState: "CT",
        residenceTown: "Hartford",
        residenceIsPermanent: true,
        applicationTown: "Hartford",
        citizenOrLawfulResident: true,
      },
      attestedNoTemporaryPermitApplicationIn12Months: false,
      priorTemporaryPermitApplicationDates: ["2013-10-01"],
    }),
    outcome: "no",
  },

  // §§ 14-17 — ammunition
  {
    section: "§§ 14-17",
    story: "a 17-year-old buys a box of ammunition (before any credential requirement)",
    question: "ammunition-sale",
    on: "2013-05-01",
    facts: ammoSale({ birthDate: "1995-05-02", credentials: [] }),
    outcome: "no",
  },
  {
    section: "§§ 14-17",
    story: "an adult with no credential buys ammunition on 30 September 2013",
    question: "ammunition-sale",
    on: "2013-09-30",
    facts: ammoSale({ credentials: [] }),
    outcome: "yes",
  },
  {
    section: "§§ 14-17",
    story: "an adult with no credential buys ammunition on 1 October 2013",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: ammoSale({ credentials: [] }),
    outcome: "no",
    check: (d) => assert.equal((d.result.violation as { crimeClass: string }).crimeClass, "class D felony"),
  },
  {
    section: "§§ 14-17",
    story: "a buyer shows an ammunition certificate and a driver's licence",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: ammoSale({ credentials: [AMMO_CERT], photoId: PHOTO_ID }),
    outcome: "yes",
    result: { basis: "ammunition-certificate" },
  },
  {
    section: "§§ 14-17",
    story: "a buyer shows an ammunition certificate but no photo identification",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: ammoSale({ credentials: [AMMO_CERT], photoId: { ...PHOTO_ID, presented: false } }),
    outcome: "no",
  },
  {
    section: "§§ 14-17",
    story: "a buyer shows a handgun permit to buy a magazine (no photo identification needed)",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: ammoSale({}, { item: "magazine" }),
    outcome: "yes",
    result: { basis: "gun-credential" },
  },
  {
    section: "§§ 14-17, 23-24",
    story: "a permit holder buys a 30-round magazine at the counter in 2014",
    question: "ammunition-sale",
    on: "2014-06-01",
    facts: ammoSale({ roles: [] }, { item: "magazine", largeCapacityMagazine: true }),
    outcome: "no",
  },
  {
    section: "§§ 14-17, 23-24",
    story: "an off-duty police officer with a permit buys the same 30-round magazine",
    question: "ammunition-sale",
    on: "2014-06-01",
    facts: ammoSale({ roles: ["police-member-or-employee"] }, { item: "magazine", largeCapacityMagazine: true }),
    outcome: "yes",
  },
  {
    section: "§§ 14-17",
    story: "a dealer sells ammunition to another dealer",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: ammoSale({ federalLicence: "dealer", credentials: [] }),
    outcome: "yes",
    result: { route: "licensee-exempt" },
  },
  {
    section: "§§ 14-17",
    story: "a 17-year-old applies for an ammunition certificate",
    question: "credential-eligibility",
    on: "2013-08-01",
    facts: application("ammunition-certificate", "1995-08-02"),
    outcome: "no",
  },
  {
    section: "§§ 14-17",
    story: "an 18-year-old applies for an ammunition certificate",
    question: "credential-eligibility",
    on: "2013-08-01",
    facts: application("ammunition-certificate", "1995-08-01"),
    outcome: "yes",
  },
  {
    section: "§§ 14-17",
    story: "a third degree assault committed on 30 June 2013 does not bar an ammunition certificate",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application("ammunition-certificate", "1980-01-01", [
      { kind: "conviction", statute: "53a-61", felony: false, offenseDate: "2013-06-30", convictionDate: "2013-12-01" },
    ]),
    outcome: "yes",
  },
  {
    section: "§§ 14-17",
    story: "a third degree assault committed on 1 October 2013 bars an ammunition certificate",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application("ammunition-certificate", "1980-01-01", [
      { kind: "conviction", statute: "53a-61", felony: false, offenseDate: "2013-10-01", convictionDate: "2013-12-01" },
    ]),
    outcome: "no",
  },

  // §§ 18-22 — deadly weapon offender registry
  {
    section: "§§ 18-22",
    story: "convicted of criminal possession of a handgun and released on 10 January 2014: register within 14 days",
    question: "offender-registration",
    on: "2014-01-10",
    facts: {
      deadlyWeaponOffense: true,
      disposition: "convicted",
      releasedIntoCommunityOn: "2014-01-10",
      fromDocCustody: false,
      registered: false,
    },
    outcome: "yes",
    result: { registrationDueOn: "2014-01-24" },
  },
  {
    section: "§§ 18-22",
    story: "released on 31 December 2013, before the registry began",
    question: "offender-registration",
    on: "2014-01-10",
    facts: {
      deadlyWeaponOffense: true,
      disposition: "convicted",
      releasedIntoCommunityOn: "2013-12-31",
      fromDocCustody: false,
      registered: false,
    },
    outcome: "no",
  },
  {
    section: "§§ 18-22",
    story: "a first failure to report a lost or stolen firearm is not a deadly weapon offense; a second one is",
    question: "deadly-weapon-offense",
    on: "2014-02-01",
    facts: { statute: "53-202g", secondOrSubsequent: false, isFelony: false },
    outcome: "no",
    check: () =>
      assert.equal(
        ask("deadly-weapon-offense", "2014-02-01", { statute: "53-202g", secondOrSubsequent: true }).outcome,
        "yes",
      ),
  },
  {
    section: "§§ 18-22",
    story: "a registrant who moves on 30 May 2014 is penalized only after five business days",
    question: "offender-change-notice",
    on: "2014-06-01",
    facts: { registrant: true, change: "address", changedOn: "2014-05-30" },
    outcome: "yes",
    result: { dueOn: "2014-06-06" },
  },
  {
    section: "§§ 18-22",
    story: "annual update: within 20 days after the anniversary of a 15 January 2014 registration",
    question: "offender-annual-update",
    on: "2015-01-20",
    facts: { initialRegistrationOn: "2014-01-15" },
    outcome: "yes",
    check: (d) => {
      const next = JSON.stringify(d.result);
      assert.match(next, /2015-01-15/);
      assert.match(next, /2015-02-04/);
    },
  },

  // §§ 23-24 — large capacity magazines
  {
    section: "§§ 23-24",
    story: "a 30-round magazine is a large capacity magazine; a 10-round one is not",
    question: "magazine-classification",
    on: "2014-02-01",
    facts: MAG30,
    outcome: "yes",
    check: () => assert.equal(ask("magazine-classification", "2014-02-01", { ...MAG30, capacity: 10 }).outcome, "no"),
  },
  {
    section: "§§ 23-24",
    story: "a .22 caliber tube feeding device holding 15 rounds is not a large capacity magazine",
    question: "magazine-classification",
    on: "2014-02-01",
    facts: { ...MAG30, capacity: 15, caliber22TubeFeedingDevice: true },
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    story: "a lever-action rifle's tubular magazine is not a large capacity magazine",
    question: "magazine-classification",
    on: "2014-02-01",
    facts: { ...MAG30, capacity: 12, tubularInLeverAction: true },
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    story: "an undeclared magazine bought in 2012, kept at home on 31 December 2013",
    question: "possession-permitted",
    on: "2013-12-31",
    facts: lcmPossession({ obtainedOn: "2012-05-01", lawfullyObtained: true, declared: false }, { place: "residence" }),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    story: "the same undeclared magazine at home on 2 January 2014: a $90 infraction",
    question: "possession-permitted",
    on: "2014-01-02",
    facts: lcmPossession({ obtainedOn: "2012-05-01", lawfullyObtained: true, declared: false }, { place: "residence" }),
    outcome: "no",
    check: (d) => assert.match(JSON.stringify(d.result.violation), /infraction/),
  },
  {
    section: "§§ 23-24",
    story: "a declared magazine carried at the owner's business loaded with 11 rounds: a class C misdemeanor",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: lcmPossession(
      { obtainedOn: "2012-05-01", lawfullyObtained: true, declared: true, declaredOn: "2013-12-15" },
      { place: "place-of-business", roundsLoaded: 11 },
    ),
    outcome: "no",
    check: (d) => assert.match(JSON.stringify(d.result.violation), /class C misdemeanor/),
  },
  {
    section: "§§ 23-24",
    story: "the same declared magazine at the business with 10 rounds",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: lcmPossession(
      { obtainedOn: "2012-05-01", lawfullyObtained: true, declared: true, declaredOn: "2013-12-15" },
      { place: "place-of-business", roundsLoaded: 10 },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    story: "an off-duty state trooper keeps an undeclared 30-round magazine",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: lcmPossession(
      { obtainedOn: "2013-06-01", lawfullyObtained: true, declared: false },
      { place: "elsewhere" },
      { ...NOBODY, roles: ["despp-member-or-employee"] },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    story: "a gunsmith employed by a dealer holds a customer's magazine for repair",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: lcmPossession(
      { obtainedOn: "2014-01-20", lawfullyObtained: true, declared: false },
      { place: "place-of-business" },
      { ...NOBODY, roles: ["gunsmith-employed-by-dealer"], purposes: ["servicing-or-repair"] },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    story: "a nonresident who moves in on 1 March 2014 with a magazine has 90 days to disable, sell or remove it",
    question: "declaration-deadline",
    on: "2014-03-01",
    facts: {
      item: "large-capacity-magazine",
      lawfullyPossessedBeforeCutoff: false,
      outOfStateServiceMember: false,
      transferredServiceMember: false,
      movedIntoState: true,
      movedIntoStateOn: "2014-03-01",
      inherited: false,
    },
    outcome: "yes",
    result: { deadline: "2014-05-30" },
  },
  {
    section: "§§ 23-24",
    story: "a service member on duty abroad returns on 1 February 2014: 90 days to declare the magazine",
    question: "declaration-deadline",
    on: "2014-02-01",
    facts: {
      item: "large-capacity-magazine",
      lawfullyPossessedBeforeCutoff: true,
      outOfStateServiceMember: true,
      stillOnOutOfStateDuty: false,
      returnedToStateOn: "2014-02-01",
      transferredServiceMember: false,
      movedIntoState: false,
      inherited: false,
    },
    outcome: "yes",
    result: { deadline: "2014-05-02" },
  },
  {
    section: "§§ 23-24",
    story: "a declared magazine in a handgun carried under a permit: the handgun owned since 2012, flush, ten rounds",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: lcmPossession(
      { obtainedOn: "2012-05-01", lawfullyObtained: true, declared: true, declaredOn: "2013-12-15" },
      {
        place: "elsewhere",
        carryingUnderPermit: true,
        permitValid: true,
        inHandgun: true,
        handgunPossessedSince: "2012-01-01",
        extendsBeyondPistolGrip: false,
        roundsLoaded: 10,
      },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    story: "the same carry, in a handgun bought on 4 April 2013 (the day of passage)",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: lcmPossession(
      { obtainedOn: "2012-05-01", lawfullyObtained: true, declared: true, declaredOn: "2013-12-15" },
      {
        place: "elsewhere",
        carryingUnderPermit: true,
        permitValid: true,
        inHandgun: true,
        handgunPossessedSince: "2013-04-04",
        extendsBeyondPistolGrip: false,
        roundsLoaded: 10,
      },
    ),
    outcome: "no",
  },

  // §§ 25-31 — assault weapons
  {
    section: "§§ 25-31",
    story: "an AR-15 is a listed assault weapon",
    question: "firearm-classification",
    on: "2013-04-04",
    facts: { firearm: AR15 },
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    story: "an unlisted semi-automatic centerfire rifle with a detachable magazine and a telescoping stock",
    question: "firearm-classification",
    on: "2013-05-01",
    facts: {
      firearm: {
        ...AR15,
        model: "Generic Sporter",
        notAListedModel: true,
        copyOrDuplicate: false,
        features: { foldingOrTelescopingStock: true },
      },
    },
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    story: "a shotgun with a revolving cylinder",
    question: "firearm-classification",
    on: "2013-05-01",
    facts: {
      firearm: {
        model: "Generic revolver shotgun",
        notAListedModel: true,
        copyOrDuplicate: false,
        type: "shotgun",
        action: "other",
        revolvingCylinder: true,
        acceptsDetachableMagazine: false,
        manufacturedOn: "2005-01-01",
        legallyManufactured: true,
        permanentlyInoperable: false,
      },
    },
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    story: "an AR-15 owner who had it on 3 April 2013 must apply for a certificate by 1 January 2014",
    question: "declaration-deadline",
    on: "2013-12-01",
    facts: { item: "assault-weapon", lawfullyPossessedBeforeCutoff: true, eligibleForCertificate: true, ...NO_SPECIAL },
    outcome: "yes",
    result: { deadline: "2014-01-01" },
  },
  {
    section: "§§ 25-31",
    story: "an heir who inherits a certificated assault weapon on 10 March 2014 has 90 days",
    question: "declaration-deadline",
    on: "2014-03-10",
    facts: {
      item: "assault-weapon",
      lawfullyPossessedBeforeCutoff: false,
      outOfStateServiceMember: false,
      transferredServiceMember: false,
      movedIntoState: false,
      inherited: true,
      inheritedOn: "2014-03-10",
    },
    outcome: "yes",
    result: { deadline: "2014-06-08" },
  },
  {
    section: "§§ 25-31",
    story: "a service member transferred to Connecticut on 1 June 2014 with an assault weapon may apply within 90 days",
    question: "declaration-deadline",
    on: "2014-06-01",
    facts: {
      item: "assault-weapon",
      lawfullyPossessedBeforeCutoff: false,
      outOfStateServiceMember: false,
      transferredServiceMember: true,
      transferredInOn: "2014-06-01",
      movedIntoState: true,
      movedIntoStateOn: "2014-06-01",
      inherited: false,
    },
    outcome: "yes",
    result: { deadline: "2014-08-30" },
  },
  {
    section: "§§ 25-31",
    story: "a certificate holder keeps the AR-15 at home",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: awPossession(
      { obtainedOn: "2012-01-01", lawfullyObtained: true, certificate: "issued", certificateAppliedOn: "2013-11-01" },
      { place: "residence" },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    story: "the certificate holder carries the AR-15 in a shopping centre",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: awPossession(
      { obtainedOn: "2012-01-01", lawfullyObtained: true, certificate: "issued", certificateAppliedOn: "2013-11-01" },
      { place: "elsewhere" },
    ),
    outcome: "no",
  },
  {
    section: "§§ 25-31",
    story: "a contractor's guard at a Connecticut nuclear power plant carries an AR-15 on site",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: awPossession(
      { obtainedOn: "2013-06-01", lawfullyObtained: true, certificate: "none" },
      { place: "place-of-business" },
      { ...NOBODY, roles: ["nuclear-plant-security"] },
    ),
    outcome: "yes",
  },

  {
    section: "§§ 23-24",
    story: "a gun shop sells a 30-round magazine to a civilian permit holder in May 2013",
    question: "restricted-transfer",
    on: "2013-05-01",
    facts: {
      item: "large-capacity-magazine",
      act: "sell-or-transfer",
      transferor: { roles: ["gun-dealer"] },
      recipient: { roles: [], desppOrPoliceDepartment: false, outOfState: false },
      method: "sale-or-other-transfer",
      declaredOrCertified: false,
    },
    outcome: "no",
    check: (d) => assert.equal((d.result.violation as { crimeClass: string }).crimeClass, "class D felony"),
  },
  {
    section: "§§ 23-24",
    story: "the gun shop sells the same magazine to an off-duty correction officer",
    question: "restricted-transfer",
    on: "2013-05-01",
    facts: {
      item: "large-capacity-magazine",
      act: "sell-or-transfer",
      transferor: { roles: ["gun-dealer"] },
      recipient: { roles: ["doc-member-or-employee"], desppOrPoliceDepartment: false, outOfState: false },
      method: "sale-or-other-transfer",
    },
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    story: "a widow's son inherits his father's declared magazines by will",
    question: "restricted-transfer",
    on: "2014-06-01",
    facts: {
      item: "large-capacity-magazine",
      act: "buy-or-receive",
      recipient: { roles: [], desppOrPoliceDepartment: false },
      method: "bequest-or-intestate-succession",
      declaredOrCertified: true,
    },
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    story: "a certificate holder sells his AR-15 to a friend",
    question: "restricted-transfer",
    on: "2014-06-01",
    facts: {
      item: "assault-weapon",
      act: "sell-or-transfer",
      transferor: { roles: [] },
      recipient: { roles: [], desppOrPoliceDepartment: false, under18: false },
      method: "sale-or-other-transfer",
      declaredOrCertified: true,
    },
    outcome: "no",
    check: (d) =>
      assert.deepEqual((d.result.violation as { mandatoryMinimum: unknown }).mandatoryMinimum, { prisonYears: 2 }),
  },
  {
    section: "§§ 25-31",
    story: "the certificate holder sells the AR-15 to a licensed gun dealer instead",
    question: "restricted-transfer",
    on: "2014-06-01",
    facts: {
      item: "assault-weapon",
      act: "sell-or-transfer",
      transferor: { roles: [] },
      recipient: { roles: ["gun-dealer"] },
      method: "sale-or-other-transfer",
      declaredOrCertified: true,
    },
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    story: "an assault weapon handed to a 17-year-old: six more years of mandatory minimum",
    question: "restricted-transfer",
    on: "2014-06-01",
    facts: {
      item: "assault-weapon",
      act: "sell-or-transfer",
      transferor: { roles: [] },
      recipient: { roles: [], desppOrPoliceDepartment: false, under18: true },
      method: "sale-or-other-transfer",
      declaredOrCertified: true,
    },
    outcome: "no",
    check: (d) =>
      assert.deepEqual((d.result.violation as { mandatoryMinimum: unknown }).mandatoryMinimum, { prisonYears: 8 }),
  },

  // § 32 — armor piercing ammunition
  {
    section: "§ 32",
    story: "a steel-core .357 handgun bullet is an armor-piercing bullet from 1 October 2013",
    question: "ammunition-classification",
    on: "2013-10-01",
    facts: {
      shotgunShell: false,
      fireableFromHandgun: true,
      nominalCaliber: 0.357,
      coreMaterials: ["steel"],
      frangibleForSporting: false,
      attorneyGeneralExempted: false,
      designation: "FMJ",
      armorPenetrationCapability: false,
      incendiary: false,
    },
    outcome: "yes",
  },
  {
    section: "§ 32",
    story: "the same bullet on 30 September 2013, before the wider definition",
    question: "ammunition-classification",
    on: "2013-09-30",
    facts: {
      shotgunShell: false,
      fireableFromHandgun: true,
      nominalCaliber: 0.357,
      coreMaterials: ["steel"],
      frangibleForSporting: false,
      attorneyGeneralExempted: false,
      designation: "FMJ",
      armorPenetrationCapability: false,
      incendiary: false,
    },
    outcome: "no",
  },
  {
    section: "§ 32",
    story: "shotgun shells are never armor-piercing bullets",
    question: "ammunition-classification",
    on: "2014-01-01",
    facts: {
      shotgunShell: true,
      fireableFromHandgun: true,
      nominalCaliber: 0.41,
      coreMaterials: ["steel"],
      frangibleForSporting: false,
      attorneyGeneralExempted: false,
      designation: "slug",
      armorPenetrationCapability: false,
      incendiary: false,
    },
    outcome: "no",
  },

  {
    section: "§ 32",
    story: "a civilian drives with a pistol loaded with steel-core .357 rounds in November 2013",
    question: "banned-ammunition-possession",
    on: "2013-11-01",
    facts: {
      ammunition: STEEL_357,
      conduct: "carry-loaded-firearm",
      person: { roles: [], purposes: [], executorDisposingAsAuthorized: false, heirByBequestOrIntestacy: false },
    },
    outcome: "no",
    check: (d) => assert.equal((d.result.violation as { crimeClass: string }).crimeClass, "class D felony"),
  },
  {
    section: "§ 32",
    story: "a state trooper on duty carries the same rounds",
    question: "banned-ammunition-possession",
    on: "2013-11-01",
    facts: {
      ammunition: STEEL_357,
      conduct: "carry-loaded-firearm",
      person: { roles: ["despp-member-or-employee"], purposes: ["official-duties"] },
    },
    outcome: "yes",
  },

  // § 34 — ammunition transfers by ineligible people
  {
    section: "§ 34",
    story:
      "a person who becomes ineligible on Friday 2 May 2014 must transfer handguns and ammunition within two business days",
    question: "ineligible-transfer-deadline",
    on: "2014-05-02",
    facts: { becameIneligibleOn: "2014-05-02", holds: { handguns: true, ammunition: true } },
    outcome: "yes",
    result: { dueOn: "2014-05-06" },
  },
  {
    section: "§ 34",
    story: "a person who holds only ammunition and became ineligible on 30 September 2013 (before § 34)",
    question: "ineligible-transfer-deadline",
    on: "2013-09-30",
    facts: { becameIneligibleOn: "2013-09-30", holds: { handguns: false, ammunition: true } },
    outcome: "no",
  },

  // §§ 42-53 — penalties
  {
    section: "§§ 42-43, 46-50, 52-53",
    story: "firearms trafficking: class B felony with a three-year mandatory minimum",
    question: "penalty",
    on: "2014-01-02",
    facts: { crime: "firearms-trafficking", firearmsTransferred: 2 },
    outcome: "yes",
    result: {
      classification: "class B felony",
      mandatoryMinimumPrison: { amount: 3, unit: "years" },
      mandatoryFine: 10000,
    },
  },
  {
    section: "§§ 42-43, 46-50, 52-53",
    story: "failing to surrender a revoked permit: class A misdemeanor",
    question: "penalty",
    on: "2014-01-02",
    facts: { crime: "failing-to-surrender-revoked-permit" },
    outcome: "yes",
    result: { classification: "class A misdemeanor" },
  },
  {
    section: "§§ 42-43, 46-50, 52-53",
    story: "an ineligible person soliciting a straw purchase: class D felony, one-year minimum, $3,000 fine",
    question: "penalty",
    on: "2014-01-02",
    facts: { crime: "ineligible-soliciting-straw-purchase" },
    outcome: "yes",
    result: {
      classification: "class D felony",
      mandatoryMinimumPrison: { amount: 1, unit: "years" },
      mandatoryFine: 3000,
    },
  },

  {
    section: "§ 50 (CGS § 53-202g)",
    story: "an owner finds his rifle stolen on Thursday afternoon and reports it on Sunday afternoon, 72 hours later",
    question: "lost-stolen-report",
    on: "2014-03-09",
    facts: { discoveredAt: "2014-03-06T15:00:00-05:00", reportedAt: "2014-03-09T15:00:00-05:00" },
    outcome: "yes",
  },
  {
    section: "§ 50 (CGS § 53-202g)",
    story: "the same owner reports it on Monday morning: late; a second failure is a class C felony",
    question: "lost-stolen-report",
    on: "2014-03-10",
    facts: { discoveredAt: "2014-03-06T15:00:00-05:00", reportedAt: "2014-03-10T09:00:00-05:00" },
    outcome: "no",
    check: (d) => assert.match(String(d.result.penaltyIfLate), /class C felony for a second or subsequent offense/),
  },

  // §§ 44-45 — criminal possession
  {
    section: "§§ 44-45",
    story: "a man convicted of second degree threatening committed on 1 October 2013 keeps a box of ammunition",
    question: "criminal-possession",
    on: "2014-02-01",
    facts: {
      item: "ammunition",
      events: [
        {
          kind: "conviction",
          statute: "53a-62",
          felony: false,
          offenseDate: "2013-10-01",
          convictionDate: "2014-01-15",
        },
      ],
      credentials: [],
    },
    outcome: "no",
    result: { crime: true, crimeClass: "class C felony" },
  },
  {
    section: "§§ 44-45",
    story: "the same threatening committed on 30 September 2013 does not make his ammunition criminal",
    question: "criminal-possession",
    on: "2014-02-01",
    facts: {
      item: "ammunition",
      events: [
        {
          kind: "conviction",
          statute: "53a-62",
          felony: false,
          offenseDate: "2013-09-30",
          convictionDate: "2014-01-15",
        },
      ],
      credentials: [],
    },
    outcome: "yes",
    result: { crime: false },
  },
  {
    section: "§§ 44-45",
    story: "a person discharged after an NGRI finding 19 years ago possesses a rifle",
    question: "criminal-possession",
    on: "2014-02-01",
    facts: { item: "firearm", events: [{ kind: "ngri-discharge", date: "1995-03-01" }], credentials: [] },
    outcome: "no",
  },
  {
    section: "§§ 44-45",
    story:
      "a permit holder since 2010, confined by probate order on 1 November 2013, possesses a handgun 13 months later",
    question: "criminal-possession",
    on: "2014-12-02",
    facts: {
      item: "handgun",
      events: [{ kind: "probate-commitment", date: "2013-11-01" }],
      credentials: [{ kind: "permit-to-carry", status: "valid", issuedOn: "2010-01-01", expiresOn: "2015-01-01" }],
    },
    outcome: "yes",
  },
  {
    section: "§§ 44-45",
    story: "someone with no permit confined by probate order on 1 November 2013 possesses a handgun 13 months later",
    question: "criminal-possession",
    on: "2014-12-02",
    facts: { item: "handgun", events: [{ kind: "probate-commitment", date: "2013-11-01" }], credentials: [] },
    outcome: "no",
  },

  // §§ 54-56 — safe storage
  {
    section: "§§ 54-56",
    story: "a loaded pistol left in a drawer where an ineligible adult son lives",
    question: "safe-storage",
    on: "2013-10-01",
    facts: {
      loaded: true,
      onPremisesUnderControl: true,
      minorLikelyToGainAccess: false,
      residentIneligible: true,
      residentPosesRisk: false,
      storage: "other",
      obtainedBy: "nobody",
    },
    outcome: "no",
  },
  {
    section: "§§ 54-56",
    story: "the same drawer, on 30 September 2013 (before the new duty)",
    question: "safe-storage",
    on: "2013-09-30",
    facts: {
      loaded: true,
      onPremisesUnderControl: true,
      minorLikelyToGainAccess: false,
      residentIneligible: true,
      residentPosesRisk: false,
      storage: "other",
      obtainedBy: "nobody",
    },
    outcome: "yes",
  },

  // § 61 — Board of Firearms Permit Examiners
  {
    section: "§ 61",
    story: "the issuing authority's written statement reaches the board 9 days before the hearing: automatic relief",
    question: "appeal-hearing",
    on: "2014-03-01",
    facts: {
      hearingOn: "2014-03-20",
      statementProvided: true,
      statementReceivedOn: "2014-03-11",
      continuanceGranted: false,
    },
    outcome: "yes",
    result: { automaticRelief: true, statementDueBy: "2014-03-10" },
    check: () => {
      const inTime = ask("appeal-hearing", "2014-03-01", {
        hearingOn: "2014-03-20",
        statementProvided: true,
        statementReceivedOn: "2014-03-10",
        continuanceGranted: false,
      });
      assert.equal(inTime.result.automaticRelief, false);
    },
  },

  {
    section: "§§ 23-24",
    story: "a dealer accepts a magazine from its owner on 31 December 2013 and lists it in the monthly report",
    question: "lcm-dealer-transfer",
    on: "2014-02-01",
    facts: {
      transferredOn: "2013-12-31",
      certificateExecutedAtDelivery: true,
      certificateFields: [...CERTIFICATE_FIELDS],
      licenceAndPermitPresented: true,
      reported: "monthly-report",
    },
    outcome: "yes",
    result: { reportDuty: "monthly-report" },
  },
  {
    section: "§§ 23-24",
    story: "the same dealer only lists a magazine accepted on 1 January 2014 in a monthly report",
    question: "lcm-dealer-transfer",
    on: "2014-02-01",
    facts: {
      transferredOn: "2014-01-01",
      certificateExecutedAtDelivery: true,
      certificateFields: [...CERTIFICATE_FIELDS],
      licenceAndPermitPresented: true,
      reported: "monthly-report",
    },
    outcome: "no",
    result: { reportDuty: "send-certificate" },
  },
  // ---- more exceptions and boundaries -------------------------------------------------------
  {
    section: "§§ 57-58",
    story: "a New York resident holding a New York carry licence applies directly to DESPP for a state permit",
    question: "credential-eligibility",
    on: "2014-01-02",
    facts: application("state-handgun-permit", "1970-01-01", [], {
      applicant: { birthDate: "1970-01-01", residenceState: "NY", citizenOrLawfulResident: true },
      holdsTemporaryPermit: false,
      holdsOtherStateCarryPermit: true,
    }),
    outcome: "yes",
  },
  {
    section: "§§ 57-58",
    story: "a Bristol resident with a shop in Hartford applies in Hartford for a temporary permit on 30 September 2013",
    question: "credential-eligibility",
    on: "2013-09-30",
    facts: application("temporary-state-permit", "1970-01-01", [], {
      applicant: {
        birthDate: "1970-01-01",
        residenceState: "CT",
        residenceTown: "Bristol",
        residenceIsPermanent: true,
        applicationTown: "Hartford",
        placeOfBusinessTowns: ["Hartford"],
        citizenOrLawfulResident: true,
      },
      attestedNoTemporaryPermitApplicationIn12Months: true,
      priorTemporaryPermitApplicationDates: [],
    }),
    outcome: "yes",
  },
  {
    section: "§§ 57-58",
    story: "the same application on 1 October 2013, when only a permanent residence in the town counts",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: application("temporary-state-permit", "1970-01-01", [], {
      applicant: {
        birthDate: "1970-01-01",
        residenceState: "CT",
        residenceTown: "Bristol",
        residenceIsPermanent: true,
        applicationTown: "Hartford",
        placeOfBusinessTowns: ["Hartford"],
        citizenOrLawfulResident: true,
      },
      attestedNoTemporaryPermitApplicationIn12Months: true,
      priorTemporaryPermitApplicationDates: [],
    }),
    outcome: "no",
  },
  {
    section: "§§ 8, 10-11",
    story:
      "a permit applicant committed by probate court 13 months earlier, applying on 30 September 2013 (12-month rule)",
    question: "credential-eligibility",
    on: "2013-09-30",
    facts: application("state-handgun-permit", "1970-01-01", [{ kind: "probate-commitment", date: "2012-09-01" }], {
      holdsTemporaryPermit: true,
    }),
    outcome: "yes",
  },
  {
    section: "§§ 8, 10-11",
    story: "the same applicant on 1 October 2013 (60-month rule)",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: application("state-handgun-permit", "1970-01-01", [{ kind: "probate-commitment", date: "2012-09-01" }], {
      holdsTemporaryPermit: true,
    }),
    outcome: "no",
  },
  {
    section: "§§ 2-7",
    story: "nobody can hold a long gun eligibility certificate before 1 July 2013",
    question: "credential-eligibility",
    on: "2013-06-30",
    facts: application("long-gun-eligibility-certificate", "1970-01-01"),
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    story: "a gun dealer keeps undeclared 30-round magazines in stock in 2014",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: lcmPossession(
      { obtainedOn: "2013-08-01", lawfullyObtained: true, declared: false },
      { place: "place-of-business" },
      { ...NOBODY, roles: ["gun-dealer"] },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    story: "a declared magazine carried loaded with 10 rounds to a gun dealer for sale",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: lcmPossession(
      { obtainedOn: "2012-05-01", lawfullyObtained: true, declared: true, declaredOn: "2013-11-01" },
      { place: "in-transport", roundsLoaded: 10, transportBetweenPermittedPlaces: true, transportCompliant: true },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    story: "a magazine bought on 4 April 2013 (the day of passage) and never declared: a class D felony in 2014",
    question: "possession-permitted",
    on: "2014-01-01",
    facts: lcmPossession({ obtainedOn: "2013-04-04", lawfullyObtained: true, declared: false }, { place: "residence" }),
    outcome: "no",
    check: (d) => assert.match(JSON.stringify(d.result.violation), /class D felony/),
  },
  {
    section: "§§ 23-24",
    story: "a magazine declared on 2 January 2014, one day late",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: lcmPossession(
      { obtainedOn: "2013-01-04", lawfullyObtained: true, declared: true, declaredOn: "2014-01-02" },
      { place: "residence" },
    ),
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    story: "a magazine declared on 1 January 2014, the last day",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: lcmPossession(
      { obtainedOn: "2013-01-04", lawfullyObtained: true, declared: true, declaredOn: "2014-01-01" },
      { place: "residence" },
    ),
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    story: "an AR-15 bought on 4 April 2013: not lawfully possessed the day before, so no certificate",
    question: "possession-permitted",
    on: "2013-06-01",
    facts: awPossession(
      { obtainedOn: "2013-04-04", lawfullyObtained: true, certificate: "none" },
      { place: "residence" },
      {
        ...NOBODY,
        eligibleForCertificate: true,
      },
    ),
    outcome: "no",
    check: (d) => assert.match(JSON.stringify(d.result.violation), /class D felony/),
  },
  {
    section: "§§ 25-31",
    story: "an AR-15 owned since 2012 whose owner applied for a certificate on 2 January 2014, one day late",
    question: "possession-permitted",
    on: "2014-02-01",
    facts: awPossession(
      { obtainedOn: "2012-01-03", lawfullyObtained: true, certificate: "applied", certificateAppliedOn: "2014-01-02" },
      { place: "residence" },
      { ...NOBODY, eligibleForCertificate: true },
    ),
    outcome: "no",
  },
  {
    section: "§§ 25-31",
    story:
      "a person moving into Connecticut with a lawfully owned AR-15 on 1 March 2014: sell, disable or remove by 30 May",
    question: "declaration-deadline",
    on: "2014-05-31",
    facts: {
      item: "assault-weapon",
      lawfullyPossessedBeforeCutoff: false,
      outOfStateServiceMember: false,
      transferredServiceMember: false,
      movedIntoState: true,
      movedIntoStateOn: "2014-03-01",
      inherited: false,
      heldCertificateBeforeApril2013: false,
    },
    outcome: "no",
  },
  {
    section: "§§ 25-31",
    story: "a holder of a certificate issued before 4 April 2013 needs no new one",
    question: "declaration-deadline",
    on: "2014-02-01",
    facts: {
      item: "assault-weapon",
      lawfullyPossessedBeforeCutoff: true,
      eligibleForCertificate: true,
      ...NO_SPECIAL,
      heldCertificateBeforeApril2013: true,
    },
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    story: "a semi-automatic pistol that accepts a detachable magazine and has a threaded barrel",
    question: "firearm-classification",
    on: "2014-02-01",
    facts: {
      firearm: {
        model: "Generic pistol",
        notAListedModel: true,
        copyOrDuplicate: false,
        type: "pistol",
        action: "semiautomatic",
        centerfire: true,
        acceptsDetachableMagazine: true,
        features: { threadedBarrel: true },
        manufacturedOn: "2010-01-01",
        legallyManufactured: true,
        permanentlyInoperable: false,
      },
    },
    outcome: "yes",
  },
  {
    section: "§§ 25-31",
    story: "an IZHMASH Saiga 12 shotgun",
    question: "firearm-classification",
    on: "2014-02-01",
    facts: {
      firearm: {
        model: "IZHMASH Saiga 12",
        type: "shotgun",
        action: "semiautomatic",
        manufacturedOn: "2010-01-01",
        legallyManufactured: true,
        permanentlyInoperable: false,
      },
    },
    outcome: "yes",
  },
  {
    section: "§§ 18-22",
    story: "an NGRI acquittee discharged from DOC custody must register before release",
    question: "offender-registration",
    on: "2014-03-01",
    facts: {
      deadlyWeaponOffense: true,
      disposition: "not-guilty-by-reason-of-mental-disease-or-defect",
      releasedIntoCommunityOn: "2014-03-03",
      fromDocCustody: true,
      registered: false,
    },
    outcome: "yes",
    result: { registerBeforeRelease: true, registrationDueOn: "2014-03-03" },
  },
  {
    section: "§§ 18-22",
    story: "a felony with a court finding that the person displayed a firearm is a deadly weapon offense",
    question: "deadly-weapon-offense",
    on: "2014-02-01",
    facts: { statute: "53a-136", isFelony: true, courtFoundFirearm: true },
    outcome: "yes",
  },
  {
    section: "§ 1 (CGS § 29-34(b))",
    story: "a dealer sells a pistol to a 20-year-old permit holder",
    question: "handgun-sale",
    on: "2014-05-01",
    facts: {
      seller: { federalLicence: "dealer", knowsStolen: false, knowsIdentificationAltered: false },
      buyer: { federalLicence: "none", birthDate: "1993-05-02", credentials: [PERMIT], officer: "none", events: [] },
      transfer: { temporaryForTargetShooting: false, authorization: { status: "approved", number: "H1" } },
    },
    outcome: "no",
  },
  {
    section: "§§ 44-45",
    story: "a person under an active protective order keeps a box of ammunition",
    question: "criminal-possession",
    on: "2014-02-01",
    facts: {
      item: "ammunition",
      events: [{ kind: "protective-order", issuedOn: "2014-01-10", active: true }],
      credentials: [],
    },
    outcome: "no",
  },
  {
    section: "§§ 44-45",
    story: "a voluntary admission on 30 September 2013 does not make possessing a pistol in January 2014 a crime",
    question: "criminal-possession",
    on: "2014-01-15",
    facts: {
      item: "handgun",
      events: [{ kind: "voluntary-admission", date: "2013-09-30", solelyAlcoholOrDrug: false }],
      credentials: [],
    },
    outcome: "yes",
  },
  {
    section: "§§ 54-56",
    story: "a loaded gun in an unlocked closet a 12-year-old can reach, who takes it and is hurt",
    question: "safe-storage",
    on: "2014-01-01",
    facts: {
      loaded: true,
      onPremisesUnderControl: true,
      minorLikelyToGainAccess: true,
      residentIneligible: false,
      residentPosesRisk: false,
      storage: "other",
      obtainedBy: "minor",
      injuryOrDeath: true,
      unlawfulEntry: false,
    },
    outcome: "no",
    result: { strictlyLiable: true, criminallyNegligentStorage: true },
  },
  {
    section: "§§ 54-56",
    story: "the same gun taken by a minor who broke into the house: no criminally negligent storage",
    question: "safe-storage",
    on: "2014-01-01",
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
    section: "§ 59",
    story:
      "a violent offender sentenced to 10 years from 1 January 2012 with 120 days of credits: parole at 85% of the full term",
    question: "parole-eligibility",
    on: "2014-06-01",
    facts: {
      violentOffense: true,
      excludedOffense: false,
      sentenceBeganOn: "2012-01-01",
      sentence: { years: 10 },
      creditDays: 120,
    },
    outcome: "no",
    result: { creditsAdvanceParole: false, paroleEligibleOn: "2020-07-03", maximumReleaseOn: "2021-09-03" },
  },
  {
    section: "§§ 71, 73",
    story: "an urgent request for substance use disorder treatment: the carrier must decide within 24 hours",
    question: "insurance-review-clock",
    on: "2014-01-01",
    facts: {
      reviewType: "initial-determination",
      condition: "substance-use-disorder",
      service: "other",
      informationProvided: true,
      extensionOfCourse: false,
      concurrentReview: false,
      receivedAt: "2014-01-01T10:00:00Z",
    },
    outcome: "yes",
    result: { clock: "24-hours", dueAt: "2014-01-02T10:00:00.000Z" },
  },
  {
    section: "§ 61",
    story: "the board grants the issuing authority a second continuance",
    question: "appeal-hearing",
    on: "2014-03-01",
    facts: {
      hearingOn: "2014-04-20",
      statementProvided: true,
      statementReceivedOn: "2014-04-01",
      continuanceGranted: true,
      continuanceRequestedBy: "issuing-authority",
      continuanceGoodCause: true,
      continuancesAlreadyGranted: 1,
      nextScheduledMeetingOn: "2014-04-20",
    },
    outcome: "no",
    result: { continuancePermitted: false },
  },
  {
    section: "§ 87",
    story: "a school safety committee with no mental health professional in the 2014-15 school year",
    question: "school-safety-committee",
    on: "2014-09-01",
    facts: {
      members: [
        "local-police-officer",
        "local-first-responder",
        "teacher-at-school",
        "administrator-at-school",
        "parent-or-guardian",
      ],
    },
    outcome: "no",
  },
  {
    section: "§ 90",
    story: "a 2015-16 coordinator who completed the training in the 2014-15 year need not repeat it",
    question: "mental-health-first-aid-training",
    on: "2015-09-01",
    facts: { schoolYear: 2015, completedTraining: true, completedOn: "2015-03-01", servedPriorYear: true },
    outcome: "yes",
  },
  {
    section: "§§ 84-85",
    story: "the wealthiest town (rank 1) is reimbursed 20% of security expenses incurred after passage",
    question: "school-security-grant",
    on: "2014-01-01",
    facts: {
      conductedSecurityAssessment: true,
      assessmentSupervisedByLocalLawEnforcement: true,
      assessmentUsedSafeSchoolsChecklist: true,
      hasEmergencyPlanWithFirstResponders: true,
      practicesPlanPeriodically: true,
      expensesIncurredOn: "2013-04-05",
      townWealthRank: 1,
      eligibleExpenses: 100000,
    },
    outcome: "yes",
    result: { reimbursementRatePercent: 20, reimbursementAmount: 20000 },
  },
];

describe("PA 13-3 scenarios from the bill analysis", () => {
  test("there are at least 40 scenarios, each on a question the API lists", () => {
    assert.ok(SCENARIOS.length >= 40, `${SCENARIOS.length} scenarios`);
    for (const s of SCENARIOS) assert.ok(QUESTIONS.has(s.question), s.question);
  });
  for (const s of SCENARIOS) test(`${s.section}: ${s.story}`, () => checkScenario(s));
});
