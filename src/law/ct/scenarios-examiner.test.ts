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

// ---- the clocks the analysis counts in days and hours, both sides of each --------------------

const S2_SURRENDER =
  "If the certificate is revoked, DESPP must notify the person in writing, and the person must deliver it to the commissioner. Failure to deliver it within five days of the notification is a class A misdemeanor.";
const S34 =
  "not later than two business days after the occurrence of any event that makes a person ineligible to possess handguns, the person must transfer the handguns to an eligible person, or surrender them to the DESPP commissioner. The bill applies the same standards to ammunition";
const S1_WAIT =
  "Current law contains a two-week waiting period for long gun purchases from gun dealers, with certain exceptions (e.g., if the buyer holds certain gun credentials). Under the bill, this waiting period only applies prior to April 1, 2014.";
const S71 =
  "It requires the carrier to make its determination as soon as possible, but no more than 24 hours after it receives a request for service or treatment for these disorders.";
const waitingSale = (applicationDate: string) => ({
  seller: store,
  buyer: { federalLicence: "none", birthDate: "1980-01-01", credentials: [], officer: "none", events: [] },
  firearm: shotgun,
  transfer: { applicationDate, waitingPeriodExceptions: "none", ...approved(applicationDate) },
});

run("Examiner: the Act's clocks, on the last day and the day after", [
  {
    section: "§§ 2-7",
    quote: S2_SURRENDER,
    story: "notified 2014-03-03 of a revoked long gun certificate, delivered 2014-03-08: in time",
    question: "revoked-credential-surrender",
    on: "2014-03-08",
    facts: { credential: "long-gun-eligibility-certificate", notifiedOn: "2014-03-03", surrenderedOn: "2014-03-08" },
    outcome: "yes",
    result: { dueOn: "2014-03-08", actedInTime: true },
  },
  {
    section: "§§ 2-7",
    quote: S2_SURRENDER,
    story: "the same, delivered 2014-03-09: late, a class A misdemeanor",
    question: "revoked-credential-surrender",
    on: "2014-03-09",
    facts: { credential: "long-gun-eligibility-certificate", notifiedOn: "2014-03-03", surrenderedOn: "2014-03-09" },
    outcome: "yes",
    result: { actedInTime: false, overdue: true },
    check: (d) =>
      assert.equal((d.result.penaltyIfMissed as { classification: string }).classification, "class A misdemeanor"),
  },
  {
    section: "§ 34",
    quote: S34,
    story: "ineligible on Friday 2014-05-02 holding ammunition only: transfer by Tuesday 2014-05-06",
    question: "ineligible-transfer-deadline",
    on: "2014-05-02",
    facts: { becameIneligibleOn: "2014-05-02", holds: { ammunition: true } },
    outcome: "yes",
    result: { dueOn: "2014-05-06" },
  },
  {
    section: "§ 1",
    quote: S1_WAIT,
    story: "no credential, applied 2014-03-01: not on 2014-03-14",
    question: "long-gun-sale",
    on: "2014-03-14",
    facts: waitingSale("2014-03-01"),
    outcome: "no",
    result: { waitUntil: "2014-03-15" },
  },
  {
    section: "§ 1",
    quote: S1_WAIT,
    story: "the same on 2014-03-15, two weeks after: yes",
    question: "long-gun-sale",
    on: "2014-03-15",
    facts: waitingSale("2014-03-01"),
    outcome: "yes",
  },
  {
    section: "§§ 71, 73(c)",
    quote: S71,
    story:
      "a substance use disorder request received 2013-10-01 09:30 EDT, information given, not an extension: decided by 2013-10-02 09:30",
    question: "insurance-review-clock",
    on: "2013-10-01",
    facts: {
      reviewType: "initial-determination",
      condition: "substance-use-disorder",
      informationProvided: true,
      extensionOfCourse: false,
      receivedAt: "2013-10-01T09:30:00-04:00",
    },
    outcome: "yes",
    result: { clock: "24-hours", dueAt: "2013-10-02T13:30:00.000Z" },
  },
  {
    section: "§§ 71, 73(c)",
    quote: S71,
    story: "the same request on 2013-09-30, not otherwise urgent: the general 15 calendar days",
    question: "insurance-review-clock",
    on: "2013-09-30",
    facts: {
      reviewType: "initial-determination",
      condition: "substance-use-disorder",
      informationProvided: true,
      extensionOfCourse: false,
      otherwiseUrgent: false,
      receivedAt: "2013-09-30T09:30:00-04:00",
    },
    outcome: "no",
    result: { clock: "15-calendar-days", dueOn: "2013-10-15" },
  },
]);

// ---- §§ 8, 10-11: mental health look-backs, counted on the day of the application -------------

const S10_VOLUNTARY =
  "The bill also makes ineligible any person who voluntarily admitted himself or herself to a psychiatric hospital, on or after October 1, 2013, during the preceding six months. But someone is not ineligible solely due to alcohol or drug treatment.";
const S10_PROBATE =
  "Under current law, a person confined in a psychiatric hospital by probate court order within the preceding 12 months of an application is ineligible for a gun permit or eligibility certificate. The bill extends this period to 60 months.";
const applicant = {
  applicant: {
    birthDate: "1980-05-17",
    residenceState: "CT",
    residenceTown: "Hartford",
    citizenOrLawfulResident: true,
  },
  backgroundCheckConsent: true,
  feePaid: true,
  recordsChecked: true,
  nics: { status: "proceed" },
};
const lgec = (events: unknown[]) => ({ credential: "long-gun-eligibility-certificate", ...applicant, events });
const admitted = (date: string, solely?: boolean) => ({
  kind: "voluntary-admission",
  date,
  ...(solely === undefined ? {} : { solelyAlcoholOrDrug: solely }),
});

run("Examiner: PA 13-3 §§ 8, 10-11, the mental health look-backs", [
  {
    section: "§§ 10-11",
    quote: S10_VOLUNTARY,
    story: "admitted 2013-09-30 (before the provision): not a bar",
    question: "credential-eligibility",
    on: "2013-11-01",
    facts: lgec([admitted("2013-09-30", false)]),
    outcome: "yes",
  },
  {
    section: "§§ 10-11",
    quote: S10_VOLUNTARY,
    story: "admitted 2013-10-01, applying 2014-04-01: within the preceding six months",
    question: "credential-eligibility",
    on: "2014-04-01",
    facts: lgec([admitted("2013-10-01", false)]),
    outcome: "no",
  },
  {
    section: "§§ 10-11",
    quote: S10_VOLUNTARY,
    story: "the same, applying 2014-04-02: six months have passed",
    question: "credential-eligibility",
    on: "2014-04-02",
    facts: lgec([admitted("2013-10-01", false)]),
    outcome: "yes",
  },
  {
    section: "§§ 10-11",
    quote: S10_VOLUNTARY,
    story: "admitted solely for alcohol treatment in 2014-01: not a bar",
    question: "credential-eligibility",
    on: "2014-03-01",
    facts: lgec([admitted("2014-01-15", true)]),
    outcome: "yes",
  },
  {
    section: "§§ 10-11",
    quote: S10_VOLUNTARY,
    story: "admitted 2014-01-15, the reason not said: unknown (not fixed: the schema needs solelyAlcoholOrDrug)",
    question: "credential-eligibility",
    on: "2014-03-01",
    facts: lgec([admitted("2014-01-15")]),
    outcome: "unknown",
    check: stillUnknownFor("events[0].solelyAlcoholOrDrug"),
  },
  {
    section: "§§ 8, 10",
    quote: S10_PROBATE,
    story: "committed by probate court 2013-10-01, applying 2018-10-01: within 60 months",
    question: "credential-eligibility",
    on: "2018-10-01",
    facts: lgec([{ kind: "probate-commitment", date: "2013-10-01" }]),
    outcome: "no",
  },
  {
    section: "§§ 8, 10",
    quote: S10_PROBATE,
    story: "the same, applying 2018-10-02: the 60 months have passed",
    question: "credential-eligibility",
    on: "2018-10-02",
    facts: lgec([{ kind: "probate-commitment", date: "2013-10-01" }]),
    outcome: "yes",
  },
]);

// ---- § 87: the school committee, from the 2014-15 school year ---------------------------------

const S87 =
  "The bill requires local and regional boards of education to annually do the following, beginning in the 2014-15 school year: ... 3. establish a school security and safety committee at each school";
const S87_MEMBERS =
  "Membership of the school security and safety committee must consist of: 1. a local police officer, 2. a local first responder, 3. a teacher employed at the school, 4. an administrator employed at the school, 5. a mental health professional (guidance counselor, school social worker, school psychologist, school nurse, or child mental health specialist), 6. a parent or guardian of an enrolled student";
const fullCommittee = [
  "local-police-officer",
  "local-first-responder",
  "teacher-at-school",
  "administrator-at-school",
  "school-nurse",
  "parent-or-guardian",
];

run("Examiner: PA 13-3 § 87, the school security and safety committee", [
  {
    section: "§ 87",
    quote: S87,
    story: "no committee on 2014-06-30, before the 2014-15 school year: not yet required",
    question: "school-safety-committee",
    on: "2014-06-30",
    facts: { members: [] },
    outcome: "yes",
    result: { committeeRequired: false },
  },
  {
    section: "§ 87",
    quote: S87,
    story: "no committee on 2014-07-01: required and missing every seat",
    question: "school-safety-committee",
    on: "2014-07-01",
    facts: { members: [] },
    outcome: "no",
    result: { committeeRequired: true },
  },
  {
    section: "§ 87",
    quote: S87_MEMBERS,
    story: "a school nurse fills the mental health seat",
    question: "school-safety-committee",
    on: "2014-09-01",
    facts: { members: fullCommittee },
    outcome: "yes",
    result: { missingSeats: [] },
  },
  {
    section: "§ 87",
    quote: S87_MEMBERS,
    story: "no parent or guardian: the seat is missing",
    question: "school-safety-committee",
    on: "2014-09-01",
    facts: { members: fullCommittee.filter((m) => m !== "parent-or-guardian") },
    outcome: "no",
    result: { missingSeats: ["parent-or-guardian"] },
  },
]);

// ---- §§ 23-25: named rifles and magazines, with the facts the published example shows --------

const S25_RIFLES =
  "The bill expands the banned weapons to include the following semiautomatic centerfire rifles, or copies or duplicates with the capability of any such rifles, that were in production before or on the effective date of the bill: ... Bushmaster Carbon 15, Bushmaster XM15, Bushmaster ACR Rifles, Bushmaster MOE Rifles";
const S23_LCM =
  "The bill defines “large capacity magazine” as any firearm magazine, belt, drum, feed strip, or similar device that can hold, or can be readily restored or converted to accept, more than 10 rounds of ammunition. It excludes: 1. feeding devices permanently altered so that they cannot hold more than 10 rounds of ammunition, 2. .22 caliber tube ammunition feeding devices, 3. tubular magazines contained in a lever-action firearm, or 4. permanently inoperable magazines.";
const xm15 = {
  model: "Bushmaster XM15",
  type: "rifle",
  action: "semiautomatic",
  centerfire: true,
  permanentlyInoperable: false,
};
const noExclusion = {
  permanentlyAlteredToTenOrFewer: false,
  caliber22TubeFeedingDevice: false,
  tubularInLeverAction: false,
  permanentlyInoperable: false,
};

run("Examiner: PA 13-3 §§ 23-25 with the published examples' facts", [
  {
    section: "§ 25",
    quote: S25_RIFLES,
    story: "a working semiautomatic centerfire Bushmaster XM15 on 2013-04-04: an assault weapon by name",
    question: "firearm-classification",
    on: "2013-04-04",
    facts: { firearm: xm15 },
    outcome: "yes",
    result: { assaultWeapon: true, grounds: ["weapons.named-2013-rifles"] },
  },
  {
    section: "§ 25",
    quote: S25_RIFLES,
    story:
      "the same rifle said to be rimfire: not named by the list of centerfire rifles; the other tests still need facts",
    question: "firearm-classification",
    on: "2013-04-04",
    facts: {
      firearm: {
        ...xm15,
        centerfire: false,
        acceptsDetachableMagazine: true,
        features: { gripBelowAction: false, foldingOrTelescopingStock: false },
      },
    },
    outcome: "unknown",
  },
  {
    section: "§§ 23-24",
    quote: S23_LCM,
    story: "a 30-round magazine with no exclusion: a large capacity magazine",
    question: "magazine-classification",
    on: "2013-04-04",
    facts: { device: "magazine", capacity: 30, ...noExclusion },
    outcome: "yes",
    result: { largeCapacityMagazine: true },
  },
  {
    section: "§§ 23-24",
    quote: S23_LCM,
    story: "a 10-round magazine that cannot be readily converted: not one",
    question: "magazine-classification",
    on: "2013-04-04",
    facts: { device: "magazine", capacity: 10, readilyRestoredOrConverted: false, ...noExclusion },
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    quote: S23_LCM,
    story: "an 11-round .22 caliber tube feeding device: excluded",
    question: "magazine-classification",
    on: "2013-04-04",
    facts: { device: "magazine", capacity: 11, ...noExclusion, caliber22TubeFeedingDevice: true },
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    quote: S23_LCM,
    story:
      "a 30-round magazine described by capacity alone: unknown (not fixed: each exclusion must be answered), and what is missing is named as this question's own field",
    question: "magazine-classification",
    on: "2013-04-04",
    facts: { device: "magazine", capacity: 30 },
    outcome: "unknown",
    check: stillUnknownFor("permanentlyInoperable"),
  },
  {
    section: "§ 32",
    quote:
      "The bill broadens the definition of “armor-piercing bullet” to include any bullet that can be fired from a handgun that: 1. has projectiles or projectile cores constructed entirely ... from tungsten alloys, steel, iron, brass, bronze, beryllium copper, or depleted uranium",
    story:
      "a .357 handgun bullet, its core not said, on 2013-10-01: unknown, and the core is asked for as this question's own field",
    question: "ammunition-classification",
    on: "2013-10-01",
    facts: {
      shotgunShell: false,
      fireableFromHandgun: true,
      nominalCaliber: 0.357,
      frangibleForSporting: false,
      attorneyGeneralExempted: false,
      designation: "FMJ",
      armorPenetrationCapability: false,
      incendiary: false,
    },
    outcome: "unknown",
    check: stillUnknownFor("coreMaterials"),
  },
]);

// ---- § 92: campus threat assessment teams -----------------------------------------------------

const S92 =
  "The bill also requires all of the above colleges to establish trained threat assessment teams on each campus by January 1, 2014. ... A membership model must include at least one member from its special police force or campus security personnel, administration, faculty, and senior and mid-level staff.";
const seats = ["campus-police-or-security", "administration", "faculty", "senior-staff", "mid-level-staff"];

run("Examiner: PA 13-3 § 92, campus threat assessment teams", [
  {
    section: "§ 92",
    quote: S92,
    story: "no team on 2013-12-31: not yet required",
    question: "campus-threat-assessment-team",
    on: "2013-12-31",
    facts: { members: [] },
    outcome: "yes",
    result: { teamRequired: false },
  },
  {
    section: "§ 92",
    quote: S92,
    story: "every seat held and trained on 2014-01-01: yes",
    question: "campus-threat-assessment-team",
    on: "2014-01-01",
    facts: { members: seats.map((seat) => ({ seat, trained: true })) },
    outcome: "yes",
  },
  {
    section: "§ 92",
    quote: S92,
    story: "the faculty member's training not said: unknown, naming that member",
    question: "campus-threat-assessment-team",
    on: "2014-01-01",
    facts: { members: seats.map((seat) => (seat === "faculty" ? { seat } : { seat, trained: true })) },
    outcome: "unknown",
    check: stillUnknownFor("members[2].trained"),
  },
  {
    section: "§ 92",
    quote: S92,
    story: "no mid-level staff member: no",
    question: "campus-threat-assessment-team",
    on: "2014-01-01",
    facts: { members: seats.filter((s) => s !== "mid-level-staff").map((seat) => ({ seat, trained: true })) },
    outcome: "no",
  },
]);
