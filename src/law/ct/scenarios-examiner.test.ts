/**
 * Scenarios posed the way an examiner who knows only the OLR bill analysis and the published facts
 * schema (GET /api/v1/decisions) would pose them: the facts the story states, nothing more. Each
 * probes whether a fact the story implies but does not state (a buyer's federal licence, a record
 * nobody mentioned, the photograph on a passport) is needed to get the analysis's answer, and both
 * sides of the dates the analysis names. Asked as the decision API asks; each scenario quotes the
 * sentence it tests.
 */
import assert from "node:assert/strict";
import { type Decision } from "../core/questions.ts";
import { type Scenario, runScenarios } from "./scenario-kit.ts";

type D = Decision<Record<string, unknown>>;
const run = (title: string, scenarios: Scenario[]) => runScenarios(title, scenarios, { quoted: true });
const stillUnknownFor = (path: string) => (d: D) =>
  assert.ok(
    d.findings.some((f) => f.status === "unknown" && (f.missing ?? []).includes(path)),
    `a finding waits for ${path}`,
  );

// ---- §§ 14-17: ammunition sales, asked with only what the story says --------------------------

const S14_AGE = "The bill generally bars the sale of ammunition or an ammunition magazine to anyone under age 18.";
const S14_CRED =
  "Starting October 1, 2013, the bill generally prohibits anyone from selling ammunition or an ammunition magazine to any buyer unless he or she: 1. has a handgun permit, gun sale permit, or long gun or handgun eligibility certificate, and presents such a credential to the seller, or 2. has an ammunition certificate and presents to the seller (a) the certificate and (b) a driver's license, passport, or other valid government-issued identification that contains the person's photograph and date of birth.";
const S14_EFF = "EFFECTIVE DATE: the restrictions on ammunition sales are effective upon passage";

const store = { federalLicence: "dealer" };
const permit = { kind: "permit-to-carry", status: "valid", presented: true };
const ammoCert = { kind: "ammunition-certificate", status: "valid", presented: true };

run("Examiner: PA 13-3 §§ 14-17 ammunition sales with only the story's facts", [
  {
    section: "§§ 14-17",
    quote: S14_AGE,
    story:
      "a gun store sells a box of cartridges to a 17-year-old holding a permit (no buyer licence, no record given): no",
    question: "ammunition-sale",
    on: "2014-06-01",
    facts: { item: "ammunition", seller: store, buyer: { birthDate: "1997-01-01", credentials: [permit] } },
    outcome: "no",
    result: { permitted: false },
  },
  {
    section: "§§ 14-17",
    quote: S14_AGE,
    story: "the same buyer on the 18th birthday: yes",
    question: "ammunition-sale",
    on: "2015-01-01",
    facts: { item: "ammunition", seller: store, buyer: { birthDate: "1997-01-01", credentials: [permit] } },
    outcome: "yes",
  },
  {
    section: "§§ 14-17",
    quote: S14_CRED,
    story:
      "a 30-year-old presents a valid permit and buys ammunition at a store (no buyer licence, no record given): yes",
    question: "ammunition-sale",
    on: "2014-06-01",
    facts: { item: "ammunition", seller: store, buyer: { birthDate: "1984-03-03", credentials: [permit] } },
    outcome: "yes",
    result: { permitted: true, basis: "gun-credential" },
  },
  {
    section: "§§ 14-17",
    quote: S14_CRED,
    story: "ammunition certificate and passport (no word on its photograph): yes, a passport carries both",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: {
      item: "magazine",
      seller: store,
      buyer: {
        birthDate: "1990-06-01",
        credentials: [ammoCert],
        photoId: { kind: "passport", valid: true, presented: true },
      },
    },
    outcome: "yes",
    result: { basis: "ammunition-certificate" },
  },
  {
    section: "§§ 14-17",
    quote: S14_CRED,
    story: "ammunition certificate and a driver's license said to show no date of birth: no",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: {
      item: "ammunition",
      seller: store,
      buyer: {
        birthDate: "1990-06-01",
        credentials: [ammoCert],
        photoId: { kind: "drivers-license", valid: true, presented: true, showsDateOfBirth: false },
        federalLicence: "none",
      },
    },
    outcome: "no",
  },
  {
    section: "§§ 14-17",
    quote: S14_CRED,
    story: "ammunition certificate and some other government card, its contents not said: unknown (needs a person)",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: {
      item: "ammunition",
      seller: store,
      buyer: {
        birthDate: "1990-06-01",
        credentials: [ammoCert],
        photoId: { kind: "other-government-id", valid: true, presented: true },
      },
    },
    outcome: "unknown",
    check: stillUnknownFor("buyer.photoId.hasPhotograph"),
  },
  {
    section: "§§ 14-17",
    quote: S14_EFF,
    story: "a 25-year-old with no credential buys ammunition on 2013-09-30 (only the age rule in force): yes",
    question: "ammunition-sale",
    on: "2013-09-30",
    facts: { item: "ammunition", seller: store, buyer: { birthDate: "1988-01-01", credentials: [] } },
    outcome: "yes",
  },
  {
    section: "§§ 14-17",
    quote: S14_CRED,
    story: "the same buyer, said to hold no licence, on 2013-10-01: no",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: {
      item: "ammunition",
      seller: store,
      buyer: { federalLicence: "none", birthDate: "1988-01-01", credentials: [] },
    },
    outcome: "no",
  },
  {
    section: "§§ 14-17",
    quote:
      "these restrictions and requirements do not apply to sales or other transfers of ammunition between federally licensed firearm ... dealers",
    story: "the same buyer on 2013-10-01, licence left out: unknown (a dealer buying needs no credential)",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: { item: "ammunition", seller: store, buyer: { birthDate: "1988-01-01", credentials: [] } },
    outcome: "unknown",
    check: stillUnknownFor("buyer.federalLicence"),
  },
  {
    section: "§§ 14-17",
    quote: S14_CRED,
    story: "a permit holder whose record shows a felony conviction: a record given is still checked: no",
    question: "ammunition-sale",
    on: "2014-06-01",
    facts: {
      item: "ammunition",
      seller: store,
      buyer: {
        federalLicence: "none",
        birthDate: "1984-03-03",
        credentials: [permit],
        events: [{ kind: "conviction", felony: true, statute: "53a-101", convictionDate: "2010-01-01" }],
      },
    },
    outcome: "no",
  },
]);

// ---- § 1 and CGS § 29-34: long guns and pistols at a store ----------------------------------

const S1_AGE =
  "The bill prohibits the retail sale of long guns to anyone under 18 years of age. If the long gun is a semi-automatic centerfire rifle that has or accepts a magazine with a capacity of more than five rounds, the purchaser must be at least 21.";
const S1_CRED =
  "On and after April 1, 2014, the bill requires anyone, except a federal marshal, parole officer, or peace officer, buying or receiving a long gun to have a long gun eligibility certificate, handgun permit, handgun dealer permit, or handgun eligibility certificate.";
const S48 =
  "Transferring a pistol or revolver to someone under age 21 except for target or shooting range use (29-34(b))";
const LGEC = { kind: "long-gun-eligibility-certificate", status: "valid", presented: true };
const shotgun = { semiautomaticCenterfireRifle: false };
const approved = (issuedOn: string) => ({ authorization: { status: "approved", number: "LG-1", issuedOn } });

run("Examiner: PA 13-3 § 1 and § 48, a store's sale with the buyer's licence left out", [
  {
    section: "§ 1",
    quote: S1_AGE,
    story: "a store sells a shotgun to a 17-year-old with a certificate, DESPP authorized (buyer licence left out): no",
    question: "long-gun-sale",
    on: "2014-06-01",
    facts: {
      seller: store,
      buyer: { birthDate: "1997-01-01", credentials: [LGEC], events: [] },
      firearm: shotgun,
      transfer: approved("2014-06-01"),
    },
    outcome: "no",
  },
  {
    section: "§ 1",
    quote: S1_CRED,
    story: "a 30-year-old with a certificate buys a shotgun, DESPP authorized (buyer licence left out): yes",
    question: "long-gun-sale",
    on: "2014-06-01",
    facts: {
      seller: store,
      buyer: { birthDate: "1984-01-01", credentials: [LGEC], events: [] },
      firearm: shotgun,
      transfer: approved("2014-06-01"),
    },
    outcome: "yes",
  },
  {
    section: "§ 1",
    quote: S1_AGE,
    story: "a 19-year-old (no agency: said 'none') buys a semi-automatic centerfire rifle taking 30 rounds: no",
    question: "long-gun-sale",
    on: "2014-06-01",
    facts: {
      seller: store,
      buyer: { birthDate: "1995-01-01", credentials: [LGEC], events: [], dutyPurchase: { agency: "none" } },
      firearm: { semiautomaticCenterfireRifle: true, acceptsMagazineOverFiveRounds: true },
      transfer: approved("2014-06-01"),
    },
    outcome: "no",
  },
  {
    section: "§ 1",
    quote: S1_CRED,
    story: "a 30-year-old with no credential, not an officer, at a store on 2014-04-01, licence left out: unknown",
    question: "long-gun-sale",
    on: "2014-04-01",
    facts: {
      seller: store,
      buyer: { birthDate: "1984-01-01", credentials: [], officer: "none", events: [] },
      firearm: shotgun,
      transfer: approved("2014-04-01"),
    },
    outcome: "unknown",
    check: stillUnknownFor("buyer.federalLicence"),
  },
  {
    section: "§ 48",
    quote: S48,
    story: "a store sells a pistol to a 19-year-old permit holder, DESPP authorized (buyer licence left out): no",
    question: "handgun-sale",
    on: "2014-06-01",
    facts: {
      seller: store,
      buyer: { birthDate: "1995-01-01", credentials: [permit], events: [] },
      transfer: { authorization: { status: "approved", number: "H-1" } },
    },
    outcome: "no",
  },
  {
    section: "§ 48",
    quote: S48,
    story: "the same pistol to a 30-year-old permit holder: yes",
    question: "handgun-sale",
    on: "2014-06-01",
    facts: {
      seller: store,
      buyer: { birthDate: "1984-01-01", credentials: [permit], events: [] },
      transfer: { authorization: { status: "approved", number: "H-1" } },
    },
    outcome: "yes",
  },
]);

// ---- §§ 18-22: the registry, asked before anyone knows whether the person has registered -------

const S18_REG =
  "Anyone convicted, or found not guilty by reason of mental disease or defect, of a deadly weapon offense and released into the community on or after January 1, 2014, must register with DESPP within 14 calendar days after being released.";
const S18_TERM = "The DESPP commissioner must maintain the registration information for five years.";
const S18_ANNUAL =
  "People required to register must do so within 20 days after the anniversary of the initial registration date.";
const carryNoPermit = { statute: "29-35(a)" };

run("Examiner: PA 13-3 §§ 18-22, registration asked with only the conviction and the release", [
  {
    section: "§§ 18-22",
    quote: S18_REG,
    story:
      "convicted of carrying a pistol without a permit, released 2014-01-20 (nothing said about registering): yes, by 2014-02-03",
    question: "offender-registration",
    on: "2014-02-01",
    facts: { offense: carryNoPermit, disposition: "convicted", releasedIntoCommunityOn: "2014-01-20" },
    outcome: "yes",
    result: { mustRegister: true, registrationDueOn: "2014-02-03" },
  },
  {
    section: "§§ 18-22",
    quote: S18_REG,
    story: "released 2014-01-01: the 14th calendar day after is 2014-01-15",
    question: "offender-registration",
    on: "2014-01-02",
    facts: { deadlyWeaponOffense: true, disposition: "convicted", releasedIntoCommunityOn: "2014-01-01" },
    outcome: "yes",
    result: { registrationDueOn: "2014-01-15" },
  },
  {
    section: "§§ 18-22",
    quote: S18_REG,
    story: "released 2013-12-31, the day before the registry: no duty",
    question: "offender-registration",
    on: "2014-01-05",
    facts: { deadlyWeaponOffense: true, disposition: "convicted", releasedIntoCommunityOn: "2013-12-31" },
    outcome: "no",
    result: { mustRegister: false },
  },
  {
    section: "§§ 18-22",
    quote: S18_TERM,
    story: "registered on a day not given, asked 2018-12-31: no registration's five years can have ended",
    question: "offender-registration",
    on: "2018-12-31",
    facts: {
      deadlyWeaponOffense: true,
      disposition: "convicted",
      releasedIntoCommunityOn: "2014-01-20",
      registered: true,
    },
    outcome: "yes",
  },
  {
    section: "§§ 18-22",
    quote: S18_TERM,
    story: "the same, asked 2019-01-01: the registration day is needed",
    question: "offender-registration",
    on: "2019-01-01",
    facts: {
      deadlyWeaponOffense: true,
      disposition: "convicted",
      releasedIntoCommunityOn: "2014-01-20",
      registered: true,
    },
    outcome: "unknown",
    check: stillUnknownFor("initialRegistrationOn"),
  },
  {
    section: "§§ 18-22",
    quote: S18_ANNUAL,
    story: "registered 2014-03-10: the first update is due by 2015-03-30 (20 days after the anniversary)",
    question: "offender-annual-update",
    on: "2015-03-30",
    facts: { initialRegistrationOn: "2014-03-10" },
    outcome: "yes",
    result: { dueOn: "2015-03-30", overdue: false },
  },
  {
    section: "§§ 18-22",
    quote: S18_ANNUAL,
    story: "no appearance recorded, asked 2015-03-31: overdue",
    question: "offender-annual-update",
    on: "2015-03-31",
    facts: { initialRegistrationOn: "2014-03-10" },
    outcome: "yes",
    result: { overdue: true },
  },
]);
