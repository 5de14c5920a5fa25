/**
 * Scenarios from the OLR bill analysis of PA 13-3 (SB 1160) for the sections the other scenario
 * files touch least: ammunition and seizure orders (§§ 33-34, 44), criminal possession of a
 * handgun (§ 45), revoked credentials (§§ 46, 52), pistol transfers (§§ 47-48), loss or theft
 * reports (§ 50), straw purchases (§ 53), the permit application (§§ 57-58), risk reduction
 * credits (§ 59), the Board of Firearms Permit Examiners (§ 61), the insurance review clocks
 * (§§ 70-74), the certificate of possession and declaration windows (§§ 23-31), and the school
 * and campus duties (§§ 81, 87, 90, 92). Asked as the decision API asks: a question id, a date
 * and facts parsed by the question's own schema. Each scenario names the section and quotes the
 * sentence it tests; both sides of every date and threshold are asked.
 */
import assert from "node:assert/strict";
import { type Decision } from "../core/questions.ts";
import { LGEC, type Scenario, runScenarios } from "./scenario-kit.ts";

type D = Decision<Record<string, unknown>>;
const run = (title: string, scenarios: Scenario[]) => runScenarios(title, scenarios, { quoted: true });
const yrs = (amount: number) => ({ amount, unit: "years" });

// ---- §§ 33-34, 44: ammunition, seizure orders, the two-business-day transfer -----------------

const S33 =
  "The bill conforms the law to current practice by allowing them to seize ammunition as well. ... specifying that the procedures relating to seizure and returned firearms apply to ammunition as well. EFFECTIVE DATE: October 1, 2013";
const S44_AMMO =
  "Under current law, a person commits this crime when he or she possesses the weapon and ... (2) knows he or she is the subject of ... a firearms seizure order after notice and a hearing opportunity ... The bill makes it illegal for these same people to possess ammunition.";
const S34 =
  "Under current law, not later than two business days after the occurrence of any event that makes a person ineligible to possess handguns, the person must transfer the handguns to an eligible person, or surrender them to the DESPP commissioner. The bill applies the same standards to ammunition and makes conforming changes. EFFECTIVE DATE: October 1, 2013";

const seizure = (active: boolean) => ({ kind: "firearms-seizure-order", date: "2013-09-01", active });
const possess = (item: string, events: unknown[], credentials: unknown[] = []) => ({ item, events, credentials });
const crimeClass = (c: string | null) => (d: D) => assert.equal(d.result.crimeClass, c);

run("PA 13-3 §§ 33-34 and 44: ammunition, seizure orders and the two-business-day transfer", [
  {
    section: "§ 33",
    quote: S33,
    story: "ammunition kept on 2013-09-30 by someone under a firearms seizure order: not yet a crime",
    question: "criminal-possession",
    on: "2013-09-30",
    facts: possess("ammunition", [seizure(true)]),
    outcome: "yes",
    result: { crime: false },
  },
  {
    section: "§ 33",
    quote: S44_AMMO,
    story: "the same ammunition on 2013-10-01: criminal possession, class C felony",
    question: "criminal-possession",
    on: "2013-10-01",
    facts: possess("ammunition", [seizure(true)]),
    outcome: "no",
    result: { crime: true },
    check: crimeClass("class C felony"),
  },
  {
    section: "§ 44",
    quote: S44_AMMO,
    story: "a rifle kept under a seizure order in force on 2013-10-01: class C felony",
    question: "criminal-possession",
    on: "2013-10-01",
    facts: possess("firearm", [seizure(true)]),
    outcome: "no",
    check: crimeClass("class C felony"),
  },
  {
    section: "§ 44",
    quote: S44_AMMO,
    story: "a seizure order no longer in force does not bar a handgun",
    question: "criminal-possession",
    on: "2013-10-01",
    facts: possess("handgun", [seizure(false)]),
    outcome: "yes",
    result: { crime: false },
  },
  {
    section: "§ 34",
    quote: S34,
    story: "handguns and ammunition, ineligible on Monday 2013-09-30 (before § 34): only the handguns, by Wednesday",
    question: "ineligible-transfer-deadline",
    on: "2013-09-30",
    facts: { becameIneligibleOn: "2013-09-30", holds: { handguns: true, ammunition: true } },
    outcome: "yes",
    result: { mustAct: true, dueOn: "2013-10-02", appliesTo: ["handguns"] },
  },
  {
    section: "§ 34",
    quote: S34,
    story: "only ammunition, ineligible on 2013-09-30: no duty under § 34 yet",
    question: "ineligible-transfer-deadline",
    on: "2013-10-02",
    facts: { becameIneligibleOn: "2013-09-30", holds: { handguns: false, ammunition: true } },
    outcome: "no",
    result: { mustAct: false, dutyStartsOn: "2013-10-01" },
  },
  {
    section: "§ 34",
    quote: S34,
    story: "only ammunition, ineligible on Tuesday 2013-10-01: transfer or surrender by Thursday 2013-10-03",
    question: "ineligible-transfer-deadline",
    on: "2013-10-01",
    facts: { becameIneligibleOn: "2013-10-01", holds: { handguns: false, ammunition: true } },
    outcome: "yes",
    result: { mustAct: true, dueOn: "2013-10-03", appliesTo: ["ammunition"] },
  },
  {
    section: "§ 34",
    quote: S34,
    story:
      "ineligible on Friday 2013-10-04, ammunition surrendered on Tuesday 2013-10-08: in time (weekend not counted)",
    question: "ineligible-transfer-deadline",
    on: "2013-10-08",
    facts: {
      becameIneligibleOn: "2013-10-04",
      holds: { handguns: false, ammunition: true },
      transferredOrSurrenderedOn: "2013-10-08",
    },
    outcome: "yes",
    result: { dueOn: "2013-10-08", actedInTime: true, overdue: false },
  },
  {
    section: "§ 34",
    quote: S34,
    story: "ineligible on Friday 2013-10-04, handguns transferred on Wednesday 2013-10-09: one business day late",
    question: "ineligible-transfer-deadline",
    on: "2013-10-09",
    facts: { becameIneligibleOn: "2013-10-04", holds: { handguns: true }, transferredOrSurrenderedOn: "2013-10-09" },
    outcome: "yes",
    result: { dueOn: "2013-10-08", actedInTime: false, overdue: true },
  },
  {
    section: "§ 34",
    quote: S34,
    story: "ineligible on 2013-12-24: Christmas Day is not a business day, due 2013-12-27",
    question: "ineligible-transfer-deadline",
    on: "2013-12-26",
    facts: { becameIneligibleOn: "2013-12-24", holds: { handguns: true, ammunition: true } },
    outcome: "yes",
    result: { dueOn: "2013-12-27", overdue: false },
  },
  {
    section: "§ 34",
    quote: S34,
    story: "someone who holds neither handguns nor ammunition has nothing to transfer",
    question: "ineligible-transfer-deadline",
    on: "2014-01-02",
    facts: { becameIneligibleOn: "2014-01-02", holds: "none" },
    outcome: "no",
    result: { mustAct: false },
  },
]);

// ---- §§ 44-45: the possession look-backs and the listed misdemeanors -------------------------

const S45 =
  "The bill: 1. on or after October 1, 2013, expands the look-back period for confinements under probate court orders from 12 to 60 months unless the person has a valid permit or certificate in effect before October 1, 2013, and 2. punishes someone who possesses a pistol or revolver when he or she has been voluntarily admitted, on or after October 1, 2013, to a hospital for people with psychiatric disabilities within the past six months for care and treatment of a psychiatric disability and not solely for being an alcohol- or drug-dependent person.";
const S44_NEW =
  "The bill also punishes someone who possesses a firearm, ammunition, or an electronic defense weapon when he or she has been: 1. convicted of certain misdemeanors committed on or after October 1, 2013; 2. discharged from custody within the past 20 years after being found not guilty of a crime due to mental disease or defect; 3. confined on or after October 1, 2013 in a hospital ... under a probate court order within the past (a) 60 months or (b) 12 months if the person has a valid permit or certificate in effect before October 1, 2013; or 4. beginning October 1, 2013, voluntarily admitted ...";
const S44_LIST =
  "The misdemeanor convictions the bill applies to are for: 1. a first offense of possessing a controlled substance other than a narcotic, a hallucinogen, or between .5 and four ounces of marijuana ...; 2. the following class A misdemeanors: criminally negligent homicide; 3rd degree assault; 3rd degree assault of an elderly, blind, disabled, pregnant, or intellectually disabled person; 2nd degree threatening; 1st degree reckless endangerment; 2nd degree unlawful restraint; 1st degree riot; inciting to riot; and 2nd degree stalking; and 3. the class B misdemeanor of 2nd degree riot.";
const S45_CURRENT =
  "Under current law, a person commits this crime when he or she possesses the weapon and: 1. was previously convicted of a felony or one of the misdemeanors described above, ... 3. has been discharged from custody within the past 20 years after being found not guilty of a crime due to mental disease or defect, 4. has been confined in a hospital for people with psychiatric disabilities under a probate court order within the past 12 months";

const probate = (date: string) => ({ kind: "probate-commitment", date });
const voluntary = (date: string, solelyAlcoholOrDrug = false) => ({
  kind: "voluntary-admission",
  date,
  solelyAlcoholOrDrug,
});
const ngri = (date: string) => ({ kind: "ngri-discharge", date });
const PERMIT_2012 = { kind: "permit-to-carry", status: "valid", issuedOn: "2012-05-01" };
const misdemeanor = (statute: string, offenseDate: string, convictionDate = "2013-12-01") => ({
  kind: "conviction",
  statute,
  felony: false,
  offenseDate,
  convictionDate,
});

const LISTED: [string, string][] = [
  ["21a-279(c)", "possession of a non-narcotic controlled substance (first offense)"],
  ["53a-58", "criminally negligent homicide"],
  ["53a-61", "3rd degree assault"],
  ["53a-61a", "3rd degree assault of an elderly, blind, disabled, pregnant or intellectually disabled person"],
  ["53a-62", "2nd degree threatening"],
  ["53a-63", "1st degree reckless endangerment"],
  ["53a-96", "2nd degree unlawful restraint"],
  ["53a-175", "1st degree riot"],
  ["53a-176", "2nd degree riot (class B misdemeanor)"],
  ["53a-178", "inciting to riot"],
  ["53a-181d", "2nd degree stalking"],
];

run("PA 13-3 §§ 44-45: possession look-backs and the listed misdemeanors", [
  {
    section: "§ 45",
    quote: S45,
    story: "handgun, probate commitment 2013-10-01, no earlier permit: still barred 13 months later (60 months)",
    question: "criminal-possession",
    on: "2014-11-02",
    facts: possess("handgun", [probate("2013-10-01")]),
    outcome: "no",
    check: crimeClass("class C felony"),
  },
  {
    section: "§ 45",
    quote: S45,
    story: "the same person holding a permit in effect before 2013-10-01: 12 months, so free on 2014-11-02",
    question: "criminal-possession",
    on: "2014-11-02",
    facts: possess("handgun", [probate("2013-10-01")], [PERMIT_2012]),
    outcome: "yes",
    result: { crime: false },
  },
  {
    section: "§ 45",
    quote: S45,
    story: "the permit holder on 2014-09-30, within the 12 months: barred",
    question: "criminal-possession",
    on: "2014-09-30",
    facts: possess("handgun", [probate("2013-10-01")], [PERMIT_2012]),
    outcome: "no",
  },
  {
    section: "§ 45",
    quote: S45,
    story: "no permit, commitment 2013-10-01: still barred on 2018-09-30 (inside 60 months)",
    question: "criminal-possession",
    on: "2018-09-30",
    facts: possess("handgun", [probate("2013-10-01")]),
    outcome: "no",
  },
  {
    section: "§ 45",
    quote: S45,
    story: "no permit, commitment 2013-10-01: free on 2018-10-02 (past 60 months)",
    question: "criminal-possession",
    on: "2018-10-02",
    facts: possess("handgun", [probate("2013-10-01")]),
    outcome: "yes",
  },
  {
    section: "§ 45",
    quote: S45_CURRENT,
    story: "handgun, probate commitment 2013-09-30 (before the bill): the 12-month look-back, barred on 2014-09-30",
    question: "criminal-possession",
    on: "2014-09-30",
    facts: possess("handgun", [probate("2013-09-30")]),
    outcome: "no",
  },
  {
    section: "§ 45",
    quote: S45_CURRENT,
    story: "handgun, probate commitment 2013-09-30: free after the 12 months, on 2014-10-02",
    question: "criminal-possession",
    on: "2014-10-02",
    facts: possess("handgun", [probate("2013-09-30")]),
    outcome: "yes",
  },
  {
    section: "§ 44",
    quote: S44_NEW,
    story: "a rifle, probate commitment 2013-09-30 (before 2013-10-01): not a prohibitor of § 53a-217",
    question: "criminal-possession",
    on: "2014-09-30",
    facts: possess("firearm", [probate("2013-09-30")]),
    outcome: "yes",
  },
  {
    section: "§ 45",
    quote: S45,
    story: "handgun, voluntary admission 2013-10-01 for a psychiatric disability: barred on 2014-03-31",
    question: "criminal-possession",
    on: "2014-03-31",
    facts: possess("handgun", [voluntary("2013-10-01")]),
    outcome: "no",
  },
  {
    section: "§ 45",
    quote: S45,
    story: "the same admission: free on 2014-04-02, after six months",
    question: "criminal-possession",
    on: "2014-04-02",
    facts: possess("handgun", [voluntary("2013-10-01")]),
    outcome: "yes",
  },
  {
    section: "§ 45",
    quote: S45,
    story: "a voluntary admission on 2013-09-30 (before the bill) does not bar a handgun",
    question: "criminal-possession",
    on: "2013-12-01",
    facts: possess("handgun", [voluntary("2013-09-30")]),
    outcome: "yes",
  },
  {
    section: "§ 44",
    quote: S44_NEW,
    story: "ammunition, voluntary admission solely for alcohol or drug dependence: not barred",
    question: "criminal-possession",
    on: "2013-12-01",
    facts: possess("ammunition", [voluntary("2013-11-01", true)]),
    outcome: "yes",
  },
  {
    section: "§ 44",
    quote: S44_NEW,
    story: "ammunition, voluntary admission for a psychiatric disability on 2013-11-01: barred",
    question: "criminal-possession",
    on: "2013-12-01",
    facts: possess("ammunition", [voluntary("2013-11-01")]),
    outcome: "no",
    check: crimeClass("class C felony"),
  },
  {
    section: "§ 44",
    quote: S44_NEW,
    story: "a rifle, NGRI discharge 2013-10-01: barred on 2033-09-30, within 20 years",
    question: "criminal-possession",
    on: "2033-09-30",
    facts: possess("firearm", [ngri("2013-10-01")]),
    outcome: "no",
  },
  {
    section: "§ 44",
    quote: S44_NEW,
    story: "the same discharge: free on 2033-10-02, past 20 years",
    question: "criminal-possession",
    on: "2033-10-02",
    facts: possess("firearm", [ngri("2013-10-01")]),
    outcome: "yes",
  },
  {
    section: "§ 44",
    quote: S44_NEW,
    story: "a rifle on 2013-09-30 after an NGRI discharge in 2000: not yet a prohibitor of § 53a-217",
    question: "criminal-possession",
    on: "2013-09-30",
    facts: possess("firearm", [ngri("2000-01-01")]),
    outcome: "yes",
  },
  {
    section: "§ 45",
    quote: S45_CURRENT,
    story: "a handgun on 2013-09-30 after an NGRI discharge in 2000: criminal possession (class D felony then)",
    question: "criminal-possession",
    on: "2013-09-30",
    facts: possess("handgun", [ngri("2000-01-01")]),
    outcome: "no",
    check: crimeClass("class D felony"),
  },
  {
    section: "§ 45",
    quote: S45_CURRENT,
    story: "a handgun on 2013-09-30 after a 2010 3rd degree assault conviction: already a crime",
    question: "criminal-possession",
    on: "2013-09-30",
    facts: possess("handgun", [misdemeanor("53a-61", "2010-01-01", "2010-06-01")]),
    outcome: "no",
    check: crimeClass("class D felony"),
  },
  {
    section: "§ 44",
    quote: S44_NEW,
    story: "a rifle on 2014-01-01 after a 3rd degree assault committed 2013-09-30: not a prohibitor",
    question: "criminal-possession",
    on: "2014-01-01",
    facts: possess("firearm", [misdemeanor("53a-61", "2013-09-30")]),
    outcome: "yes",
  },
  ...LISTED.map(([statute, name]): Scenario => ({
    section: "§ 44",
    quote: S44_LIST,
    story: `ammunition on 2014-01-01 after ${name} (CGS § ${statute}) committed 2013-10-01: barred`,
    question: "criminal-possession",
    on: "2014-01-01",
    facts: possess("ammunition", [misdemeanor(statute, "2013-10-01")]),
    outcome: "no",
    check: crimeClass("class C felony"),
  })),
  {
    section: "§ 44",
    quote: S44_LIST,
    story: "a rifle after 2nd degree breach of peace (CGS § 53a-181, not listed) committed 2013-10-01: not barred",
    question: "criminal-possession",
    on: "2014-01-01",
    facts: possess("firearm", [misdemeanor("53a-181", "2013-10-01")]),
    outcome: "yes",
  },
  {
    section: "§ 44",
    quote: S44_LIST,
    story: "a rifle after unlawful assembly (CGS § 53a-177, not listed) committed 2013-10-01: not barred",
    question: "criminal-possession",
    on: "2014-01-01",
    facts: possess("firearm", [misdemeanor("53a-177", "2013-10-01")]),
    outcome: "yes",
  },
]);

// ---- §§ 46, 52 and §§ 2-7, 14-17: surrendering a revoked credential ---------------------------

const S46 = "46 Failing to surrender a revoked permit (29-32) Class C misdemeanor | Class A misdemeanor";
const S52 =
  "52 Failing to surrender revoked eligibility certificate (29-36i) Class C misdemeanor | Class A misdemeanor";
const S27_REVOKE =
  "If the certificate is revoked, DESPP must notify the person in writing, and the person must deliver it to the commissioner. Failure to deliver it within five days of the notification is a class A misdemeanor.";
const penaltyClass = (c: string) => (d: D) =>
  assert.equal((d.result.penaltyIfMissed as { classification: string }).classification, c);

run("PA 13-3 §§ 46, 52, 2-7: revoked credentials delivered within five days", [
  {
    section: "§ 46",
    quote: S46,
    story: "a state permit revoked by notice of 2013-09-20, not delivered by 2013-09-25: class C misdemeanor",
    question: "revoked-credential-surrender",
    on: "2013-09-30",
    facts: { credential: "state-handgun-permit", notifiedOn: "2013-09-20" },
    outcome: "yes",
    result: { dueOn: "2013-09-25", overdue: true },
    check: penaltyClass("class C misdemeanor"),
  },
  {
    section: "§ 46",
    quote: S46,
    story: "a temporary state permit revoked by notice of 2013-10-01, not delivered: class A misdemeanor",
    question: "revoked-credential-surrender",
    on: "2013-10-09",
    facts: { credential: "temporary-state-permit", notifiedOn: "2013-10-01" },
    outcome: "yes",
    result: { dueOn: "2013-10-06", overdue: true },
    check: penaltyClass("class A misdemeanor"),
  },
  {
    section: "§ 52",
    quote: S52,
    story: "a handgun eligibility certificate revoked by notice of 2013-08-01: class C misdemeanor",
    question: "revoked-credential-surrender",
    on: "2013-08-09",
    facts: { credential: "handgun-eligibility-certificate", notifiedOn: "2013-08-01" },
    outcome: "yes",
    result: { dueOn: "2013-08-06" },
    check: penaltyClass("class C misdemeanor"),
  },
  {
    section: "§ 52",
    quote: S52,
    story: "a handgun eligibility certificate revoked by notice of 2013-10-01: class A misdemeanor",
    question: "revoked-credential-surrender",
    on: "2013-10-09",
    facts: { credential: "handgun-eligibility-certificate", notifiedOn: "2013-10-01" },
    outcome: "yes",
    result: { dueOn: "2013-10-06" },
    check: penaltyClass("class A misdemeanor"),
  },
  {
    section: "§§ 2-7",
    quote: S27_REVOKE,
    story: "a long gun eligibility certificate delivered on the fifth day after the notice: in time",
    question: "revoked-credential-surrender",
    on: "2014-03-08",
    facts: { credential: "long-gun-eligibility-certificate", notifiedOn: "2014-03-03", surrenderedOn: "2014-03-08" },
    outcome: "yes",
    result: { dueOn: "2014-03-08", actedInTime: true, overdue: false },
    check: penaltyClass("class A misdemeanor"),
  },
  {
    section: "§§ 2-7",
    quote: S27_REVOKE,
    story: "the same certificate delivered on the sixth day: late",
    question: "revoked-credential-surrender",
    on: "2014-03-09",
    facts: { credential: "long-gun-eligibility-certificate", notifiedOn: "2014-03-03", surrenderedOn: "2014-03-09" },
    outcome: "yes",
    result: { actedInTime: false, overdue: true },
  },
  {
    section: "§§ 14-17",
    quote:
      "The bill's provisions on several matters regarding ammunition certificates are similar to provisions in the bill and existing law for handgun and long gun eligibility certificates. This includes matters concerning ... revocation of certificates.",
    story: "a revoked ammunition certificate: five days, class A misdemeanor",
    question: "revoked-credential-surrender",
    on: "2013-10-09",
    facts: { credential: "ammunition-certificate", notifiedOn: "2013-10-01" },
    outcome: "yes",
    result: { dueOn: "2013-10-06" },
    check: penaltyClass("class A misdemeanor"),
  },
]);

// ---- §§ 47-48: pistol and revolver transfers ------------------------------------------------

const S47 =
  "47 Transferring a pistol or revolver to a prohibited person or violating transfer procedures (29-33) Class D felony | Class C felony, Mandatory minimum: Two-year prison term, $5,000 fine";
const S47_STOLEN =
  "47 ... knowing the transferred weapon is stolen or has an altered identification mark (29-33) Class B felony | Class B felony, three-year prison term, $10,000 fine";
const S48 =
  "48 Transferring a pistol or revolver to someone under age 21 except for target or shooting range use (29-34(b)) Class D felony, One-year mandatory minimum prison sentence | Class C felony, Two-year prison term, $5,000 fine";

const handgunSale = (birthDate: string, p: { credentials?: unknown[]; officer?: string; events?: unknown[] } = {}) => ({
  seller: { federalLicence: "dealer" },
  buyer: {
    federalLicence: "none",
    birthDate,
    credentials: p.credentials ?? [{ kind: "permit-to-carry", status: "valid", presented: true }],
    officer: p.officer ?? "none",
    events: p.events ?? [],
  },
  transfer: { authorization: { status: "approved", number: "H-1", issuedOn: "2013-09-30" } },
});
const violation = (crime: string, min?: { prisonYears: number; fineDollars?: number }) => (d: D) => {
  const v = d.result.violations as { crimeClass: string; mandatoryMinimum?: unknown }[];
  assert.equal(v.length, 1, JSON.stringify(v));
  assert.equal(v[0]!.crimeClass, crime);
  assert.deepEqual(v[0]!.mandatoryMinimum, min);
};

run("PA 13-3 §§ 47-48: pistol and revolver transfers", [
  {
    section: "§ 48",
    quote: S48,
    story: "a dealer sells a pistol on 2013-09-30 to a buyer who turns 21 the next day: class D felony",
    question: "handgun-sale",
    on: "2013-09-30",
    facts: handgunSale("1992-10-01"),
    outcome: "no",
    result: { permitted: false },
    check: violation("class D felony", { prisonYears: 1 }),
  },
  {
    section: "§ 48",
    quote: S48,
    story: "the same sale on 2013-10-01, the buyer's 21st birthday: permitted",
    question: "handgun-sale",
    on: "2013-10-01",
    facts: handgunSale("1992-10-01"),
    outcome: "yes",
    result: { permitted: true },
  },
  {
    section: "§ 48",
    quote: S48,
    story: "a dealer sells a pistol on 2013-10-01 to a 19-year-old: class C felony, two years and $5,000",
    question: "handgun-sale",
    on: "2013-10-01",
    facts: handgunSale("1993-10-02"),
    outcome: "no",
    check: violation("class C felony", { prisonYears: 2, fineDollars: 5000 }),
  },
  {
    section: "§ 48",
    quote: S48,
    story: "a supervised temporary transfer to a 16-year-old at a range: allowed",
    question: "handgun-sale",
    on: "2013-10-01",
    facts: {
      seller: { federalLicence: "none" },
      buyer: { federalLicence: "none", birthDate: "1997-01-01", events: [] },
      transfer: { temporaryForTargetShooting: true, supervisedByEligiblePerson: true },
    },
    outcome: "yes",
    result: { route: "temporary-range" },
  },
  {
    section: "§ 48",
    quote: S48,
    story: "an unsupervised temporary transfer to a 16-year-old: the under-21 offense",
    question: "handgun-sale",
    on: "2013-10-01",
    facts: {
      seller: { federalLicence: "none" },
      buyer: { federalLicence: "none", birthDate: "1997-01-01", events: [] },
      transfer: { temporaryForTargetShooting: true, supervisedByEligiblePerson: false },
    },
    outcome: "no",
    check: violation("class C felony", { prisonYears: 2, fineDollars: 5000 }),
  },
  {
    section: "§ 47",
    quote: S47,
    story: "a peace officer with no credential buys a pistol: permitted",
    question: "handgun-sale",
    on: "2014-05-01",
    facts: handgunSale("1980-01-01", { credentials: [], officer: "peace-officer" }),
    outcome: "yes",
  },
  {
    section: "§ 47",
    quote: S47,
    story: "a buyer holding only a long gun eligibility certificate buys a pistol: class C felony",
    question: "handgun-sale",
    on: "2014-05-01",
    facts: handgunSale("1980-01-01", {
      credentials: [{ kind: "long-gun-eligibility-certificate", status: "valid", presented: true }],
    }),
    outcome: "no",
    check: violation("class C felony", { prisonYears: 2, fineDollars: 5000 }),
  },
  {
    section: "§ 47",
    quote: S47,
    story: "a private sale on 2013-09-30 without DESPP's authorization: class D felony",
    question: "handgun-sale",
    on: "2013-09-30",
    facts: {
      seller: { federalLicence: "none", knowsStolen: false },
      buyer: {
        federalLicence: "none",
        birthDate: "1980-01-01",
        credentials: [{ kind: "handgun-eligibility-certificate", status: "valid", presented: true }],
        officer: "none",
        events: [],
      },
      transfer: { authorization: { status: "denied" } },
    },
    outcome: "no",
    check: violation("class D felony"),
  },
  {
    section: "§ 47",
    quote: S47_STOLEN,
    story: "the same private sale in 2014, the seller knowing the pistol stolen: class B felony, three years, $10,000",
    question: "handgun-sale",
    on: "2014-05-01",
    facts: {
      seller: { federalLicence: "none", knowsStolen: true },
      buyer: {
        federalLicence: "none",
        birthDate: "1980-01-01",
        credentials: [{ kind: "handgun-eligibility-certificate", status: "valid", presented: true }],
        officer: "none",
        events: [],
      },
      transfer: { authorization: { status: "denied" } },
    },
    outcome: "no",
    check: violation("class B felony", { prisonYears: 3, fineDollars: 10000 }),
  },
  {
    section: "§ 47",
    quote: S47,
    story: "a permit holder voluntarily admitted two months earlier may not receive a pistol",
    question: "handgun-sale",
    on: "2014-05-01",
    facts: handgunSale("1980-01-01", { events: [voluntary("2014-03-01")] }),
    outcome: "no",
    check: violation("class C felony", { prisonYears: 2, fineDollars: 5000 }),
  },
]);

// ---- §§ 42-43, 50, 53: penalties of the crimes, and the loss or theft report ------------------

const S50_REPEAT =
  "50 Failing to report loss or theft of firearm (2nd or subsequent offense)(53-202g) Class D felony | Class C felony";
const S50_INTENT =
  "50 Intentionally failing to report loss or theft of firearm (53-202g) Class C felony | Class B felony";

run("PA 13-3 §§ 42-43, 50, 53: penalties and the loss or theft report", [
  {
    section: "§ 43",
    quote: "43 Stealing a firearm (53a-212) Class D felony | Class C felony, Two-year prison term, $5,000 fine",
    story: "stealing a firearm on 2013-09-30: class D felony, one to five years",
    question: "penalty",
    on: "2013-09-30",
    facts: { crime: "stealing-a-firearm" },
    outcome: "yes",
    result: {
      classification: "class D felony",
      prisonMin: yrs(1),
      prisonMax: yrs(5),
      fineMax: 5000,
      mandatoryMinimumPrison: null,
    },
  },
  {
    section: "§ 43",
    quote: "43 Stealing a firearm (53a-212) Class D felony | Class C felony, Two-year prison term, $5,000 fine",
    story: "stealing a firearm on 2013-10-01: class C felony, two-year minimum, $5,000 unless remitted on the record",
    question: "penalty",
    on: "2013-10-01",
    facts: { crime: "stealing-a-firearm" },
    outcome: "yes",
    result: {
      classification: "class C felony",
      prisonMax: yrs(10),
      fineMax: 10000,
      mandatoryMinimumPrison: yrs(2),
      mandatoryFine: 5000,
      fineRemittableOnRecord: true,
    },
  },
  {
    section: "§ 42",
    quote:
      "42 Trafficking in firearms (53-202aa) Class C felony if transfer less than five firearms; Class B felony if transfer five or more firearms",
    story: "trafficking five firearms on 2013-09-30: class B felony, one to 20 years",
    question: "penalty",
    on: "2013-09-30",
    facts: { crime: "firearms-trafficking", firearmsTransferred: 5 },
    outcome: "yes",
    result: { classification: "class B felony", prisonMax: yrs(20), fineMax: 15000, mandatoryMinimumPrison: null },
  },
  {
    section: "§ 53",
    quote:
      "53 Ineligible person soliciting a firearm through a straw man (29-37j(b)) Class B misdemeanor | Class D felony, One-year prison term, $3,000 fine",
    story: "soliciting a straw purchase on 2013-10-01: class D felony, one year, $3,000",
    question: "penalty",
    on: "2013-10-01",
    facts: { crime: "ineligible-soliciting-straw-purchase" },
    outcome: "yes",
    result: { classification: "class D felony", mandatoryMinimumPrison: yrs(1), mandatoryFine: 3000 },
  },
  {
    section: "§ 53",
    quote:
      "53 Ineligible person soliciting through a straw man involving transfer of more than one firearm (29-37j(b)) Class A misdemeanor | Penalty eliminated",
    story: "soliciting a straw purchase of several firearms on 2013-10-01: that separate penalty is gone",
    question: "penalty",
    on: "2013-10-01",
    facts: { crime: "ineligible-soliciting-straw-purchase-more-than-one-firearm" },
    outcome: "no",
    result: { classification: "none" },
  },
  {
    section: "§ 50",
    quote: S50_REPEAT,
    story: "a loss discovered Friday 10:00 and reported Monday 10:00: within 72 hours",
    question: "lost-stolen-report",
    on: "2013-09-30",
    facts: { discoveredAt: "2013-09-27T10:00:00-04:00", reportedAt: "2013-09-30T10:00:00-04:00" },
    outcome: "yes",
    result: { late: false, reported: true },
  },
  {
    section: "§ 50",
    quote: S50_REPEAT,
    story: "the same loss reported a minute after the 72 hours: late, under the penalties before the bill",
    question: "lost-stolen-report",
    on: "2013-09-30",
    facts: { discoveredAt: "2013-09-27T10:00:00-04:00", reportedAt: "2013-09-30T10:01:00-04:00" },
    outcome: "no",
    result: { late: true },
    check: (d) => assert.match(String(d.result.penaltyIfLate), /class D felony for a second or subsequent offense/),
  },
  {
    section: "§ 50",
    quote: S50_INTENT,
    story: "a theft discovered 2013-10-01 and never reported: late; class C (repeat) and class B (intentional)",
    question: "lost-stolen-report",
    on: "2013-10-05",
    facts: { discoveredAt: "2013-10-01T10:00:00-04:00" },
    outcome: "no",
    result: { late: true, reported: false, dueAt: "2013-10-04T14:00:00.000Z" },
    check: (d) => {
      assert.match(String(d.result.penaltyIfLate), /class C felony for a second or subsequent offense/);
      assert.match(String(d.result.penaltyIfLate), /intentionally failing to report: a class B felony/);
    },
  },
]);

// ---- §§ 57-58: the gun permit application, and the ammunition certificate (§§ 14-17) ---------

const S57_RES =
  "The bill generally requires someone applying for a gun permit to be a permanent resident of the town to which he or she applies. Current law does not specify that the residence must be permanent, and also allows such applications by someone who is not a resident, but who maintains a place of business in the town.";
const S57_DIRECT =
  "As under existing law, the bill continues to allow someone without a permanent residence in Connecticut to apply directly to DESPP for a gun permit if the person has a handgun permit or license to carry issued by another state.";
const S58 =
  "The bill prohibits anyone from applying for a temporary state gun permit more than once in any 12-month period, and prohibits such a permit from being issued to someone who has previously applied within the previous 12 months. The bill requires anyone who applies for a temporary permit to indicate on the application, under penalty of false statement ..., that the person has not applied for a temporary state permit within the past 12 months.";
const S14_CERT =
  "After conducting the background check, the commissioner must issue the certificate unless he determines, based on the results, that the person would be ineligible to be issued a long gun eligibility certificate. But if the person would be ineligible for that certificate due to certain criminal convictions, the person is ineligible for the ammunition certificate only for violations committed on or after July 1, 2013.";

function permitApplication(
  applicant: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  credential = "temporary-state-permit",
) {
  return {
    credential,
    applicant: {
      birthDate: "1980-01-01",
      residenceState: "CT",
      residenceTown: "Hartford",
      citizenOrLawfulResident: true,
      ...applicant,
    },
    attestedNoTemporaryPermitApplicationIn12Months: true,
    priorTemporaryPermitApplicationDates: [],
    backgroundCheckConsent: true,
    feePaid: true,
    recordsChecked: true,
    nics: { status: "proceed" },
    events: [],
    ...extra,
  };
}
const ammoCert = (birthDate: string, events: unknown[] = []) => ({
  credential: "ammunition-certificate",
  applicant: { birthDate, residenceState: "CT", residenceTown: "Hartford", citizenOrLawfulResident: true },
  backgroundCheckConsent: true,
  feePaid: true,
  recordsChecked: true,
  nics: { status: "proceed" },
  events,
});
const disqualifiers =
  (...ids: string[]) =>
  (d: D) =>
    assert.deepEqual(d.result.disqualifiers, ids);
const BUSINESS_ONLY = { applicationTown: "Bristol", placeOfBusinessTowns: ["Bristol"] };
const PERMANENT_HOME = { residenceIsPermanent: true, applicationTown: "Hartford", placeOfBusinessTowns: [] };

run("PA 13-3 §§ 57-58 and 14-17: the permit application and the ammunition certificate", [
  {
    section: "§ 57",
    quote: S57_RES,
    story: "2013-09-30: a Hartford resident applies in Bristol where he keeps a business: allowed",
    question: "credential-eligibility",
    on: "2013-09-30",
    facts: permitApplication(BUSINESS_ONLY),
    outcome: "yes",
  },
  {
    section: "§ 57",
    quote: S57_RES,
    story: "2013-10-01: the same application: must be a permanent resident of Bristol",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: permitApplication(BUSINESS_ONLY),
    outcome: "no",
    check: disqualifiers("credentials.permanent-residence"),
  },
  {
    section: "§ 57",
    quote: S57_RES,
    story: "2013-10-01: applying in Hartford where the residence is not permanent: refused",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: permitApplication({ ...PERMANENT_HOME, residenceIsPermanent: false }),
    outcome: "no",
    check: disqualifiers("credentials.permanent-residence"),
  },
  {
    section: "§ 57",
    quote: S57_RES,
    story: "2013-10-01: applying in Hartford, his permanent residence: eligible",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: permitApplication(PERMANENT_HOME),
    outcome: "yes",
  },
  {
    section: "§ 57",
    quote: S57_DIRECT,
    story: "a New York resident with a New York carry license applies directly to DESPP: eligible",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: permitApplication(
      { residenceState: "NY", residenceTown: undefined },
      { holdsOtherStateCarryPermit: true },
      "state-handgun-permit",
    ),
    outcome: "yes",
  },
  {
    section: "§ 57",
    quote: S57_DIRECT,
    story: "a New York resident without another state's carry license: no route to a state permit",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: permitApplication(
      { residenceState: "NY", residenceTown: undefined },
      { holdsOtherStateCarryPermit: false },
      "state-handgun-permit",
    ),
    outcome: "no",
    check: disqualifiers("credentials.state-permit-route"),
  },
  {
    section: "§ 58",
    quote: S58,
    story:
      "an earlier temporary permit application on 2012-10-01, a new one on 2013-10-01: more than 12 months, eligible",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: permitApplication(PERMANENT_HOME, { priorTemporaryPermitApplicationDates: ["2012-10-01"] }),
    outcome: "yes",
  },
  {
    section: "§ 58",
    quote: S58,
    story:
      "an application on 2013-10-15 after one on 2012-10-16, stated as none: the records conflict, a person decides",
    question: "credential-eligibility",
    on: "2013-10-15",
    facts: permitApplication(PERMANENT_HOME, { priorTemporaryPermitApplicationDates: ["2012-10-16"] }),
    outcome: "unknown",
  },
  {
    section: "§ 58",
    quote: S58,
    story: "an applicant who will not make the 12-month statement: refused",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: permitApplication(PERMANENT_HOME, { attestedNoTemporaryPermitApplicationIn12Months: false }),
    outcome: "no",
    check: disqualifiers("credentials.temporary-permit-attestation"),
  },
  {
    section: "§ 58",
    quote: S58,
    story: "2013-09-30: the 12-month rule does not yet apply",
    question: "credential-eligibility",
    on: "2013-09-30",
    facts: permitApplication(PERMANENT_HOME, {
      priorTemporaryPermitApplicationDates: ["2013-06-01"],
      attestedNoTemporaryPermitApplicationIn12Months: false,
    }),
    outcome: "yes",
  },
  {
    section: "§§ 14-17",
    quote: S14_CERT,
    story: "ammunition certificate: a 3rd degree assault committed 2013-06-30 does not bar it",
    question: "credential-eligibility",
    on: "2014-01-01",
    facts: ammoCert("1990-01-01", [misdemeanor("53a-61", "2013-06-30")]),
    outcome: "yes",
  },
  {
    section: "§§ 14-17",
    quote: S14_CERT,
    story: "ammunition certificate: the same assault committed 2013-07-01 bars it",
    question: "credential-eligibility",
    on: "2014-01-01",
    facts: ammoCert("1990-01-01", [misdemeanor("53a-61", "2013-07-01")]),
    outcome: "no",
    check: disqualifiers("credentials.listed-misdemeanor-conviction"),
  },
  {
    section: "§§ 14-17",
    quote: "Under the bill, a person must be age 18 or older to apply for an ammunition certificate.",
    story: "ammunition certificate: the day before the 18th birthday, refused",
    question: "credential-eligibility",
    on: "2014-01-01",
    facts: ammoCert("1996-01-02"),
    outcome: "no",
    check: disqualifiers("credentials.minimum-age"),
  },
  {
    section: "§§ 14-17",
    quote: "Under the bill, a person must be age 18 or older to apply for an ammunition certificate.",
    story: "ammunition certificate: on the 18th birthday, eligible",
    question: "credential-eligibility",
    on: "2014-01-02",
    facts: ammoCert("1996-01-02"),
    outcome: "yes",
  },
]);

// ---- § 59: risk reduction earned credits and parole for violent offenders --------------------

const S59 =
  "The bill prohibits inmates convicted of violent crimes from using risk reduction earned credits (RREC) that they earn to become eligible for parole sooner than they otherwise could. Thus, it requires inmates convicted of violent crimes to continue to serve 85% of their sentences before being eligible for parole, regardless of any credits they receive. As under current law, the credits still reduce the inmate's maximum prison sentence. EFFECTIVE DATE: July 1, 2013";
const S59_BEFORE =
  "For inmates who earn RREC, the credits reduce the inmate's maximum prison sentence and the inmate's parole eligibility is based on his or her sentence as reduced by the credits.";
const S59_EXCLUDED =
  "Under current law, inmates convicted of any crimes except the following can earned RREC: 1. murder ..., 2. capital felony ..., 3. felony murder ..., 4. arson murder ..., 5. 1st degree aggravated sexual assault ..., or 6. home invasion";
const S59_MIN = "Credits cannot reduce a mandatory minimum sentence.";
const violent = (extra: Record<string, unknown> = {}) => ({
  violentOffense: true,
  excludedOffense: false,
  sentenceBeganOn: "2010-01-01",
  sentence: { years: 4 },
  creditDays: 100,
  ...extra,
});

run("PA 13-3 § 59: risk reduction credits and parole", [
  {
    section: "§ 59",
    quote: S59_BEFORE,
    story: "2013-06-30: 85% of the four-year sentence less 100 credit days, eligible from 2013-03-03",
    question: "parole-eligibility",
    on: "2013-06-30",
    facts: violent(),
    outcome: "yes",
    result: { paroleEligibleOn: "2013-03-03", creditsAdvanceParole: true, maximumReleaseOn: "2013-09-23" },
  },
  {
    section: "§ 59",
    quote: S59,
    story: "2013-07-01: 85% of the full sentence, eligible from 2013-05-27; credits still shorten the maximum",
    question: "parole-eligibility",
    on: "2013-07-01",
    facts: violent(),
    outcome: "yes",
    result: {
      paroleEligibleOn: "2013-05-27",
      creditsAdvanceParole: false,
      fullTermEndsOn: "2014-01-01",
      maximumReleaseOn: "2013-09-23",
    },
  },
  {
    section: "§ 59",
    quote: S59,
    story: "2013-07-01, the sentence began 2011-01-01: not yet eligible (credits do not bring it forward)",
    question: "parole-eligibility",
    on: "2013-07-01",
    facts: violent({ sentenceBeganOn: "2011-01-01", creditDays: 400 }),
    outcome: "no",
    result: { paroleEligibleOn: "2014-05-27", creditsAdvanceParole: false },
  },
  {
    section: "§ 59",
    quote: S59_MIN,
    story: "a four-year mandatory minimum: the credits cannot shorten the maximum below it",
    question: "parole-eligibility",
    on: "2013-07-01",
    facts: violent({ mandatoryMinimum: { years: 4 } }),
    outcome: "yes",
    result: { maximumReleaseOn: "2014-01-01" },
  },
  {
    section: "§ 59",
    quote: S59_EXCLUDED,
    story: "an inmate convicted of home invasion earns no credits; parole date not stated, a person decides",
    question: "parole-eligibility",
    on: "2013-07-01",
    facts: { violentOffense: true, excludedOffense: true, sentenceBeganOn: "2010-01-01", sentence: { years: 4 } },
    outcome: "unknown",
    result: { maximumReleaseOn: "2014-01-01", paroleEligibleOn: null },
  },
  {
    section: "§ 59",
    quote: S59,
    story: "an inmate not convicted of a violent crime: the analysis states no parole fraction",
    question: "parole-eligibility",
    on: "2013-07-01",
    facts: violent({ violentOffense: false }),
    outcome: "unknown",
    result: { maximumReleaseOn: "2013-09-23", paroleEligibleOn: null },
  },
]);

// ---- § 61: the Board of Firearms Permit Examiners -------------------------------------------

const S61 =
  "The bill allows the board to grant one continuance, for good cause, to an official whose action on a gun permit or gun eligibility certificate is being appealed. If granted, the appeal is continued until the next scheduled board meeting";
const S61_STATEMENT =
  "Under current law, an issuing authority's failure or refusal to provide a written statement to the board explaining the reasons for his or her adverse decision at least 10 days before the hearing is automatic cause for the board to grant relief to an appellant.";
const continued = (extra: Record<string, unknown>) => ({
  hearingOn: "2013-07-10",
  continuanceGranted: true,
  continuanceRequestedBy: "issuing-authority",
  continuanceGoodCause: true,
  continuancesAlreadyGranted: 0,
  nextScheduledMeetingOn: "2013-08-14",
  ...extra,
});

run("PA 13-3 § 61: continuances and the statement of reasons", [
  {
    section: "§ 61",
    quote: S61,
    story: "2013-06-30: a continuance to the official is not one the Act permits; the first hearing date counts",
    question: "appeal-hearing",
    on: "2013-06-30",
    facts: continued({ statementReceivedOn: "2013-06-29" }),
    outcome: "no",
    result: { continuancePermitted: false, hearingOn: "2013-07-10", statementDueBy: "2013-06-30" },
  },
  {
    section: "§ 61",
    quote: S61,
    story:
      "2013-07-01: one continuance for good cause moves the hearing to 2013-08-14; statement 10 days before is in time",
    question: "appeal-hearing",
    on: "2013-07-01",
    facts: continued({ statementReceivedOn: "2013-08-04" }),
    outcome: "no",
    result: { continuancePermitted: true, hearingOn: "2013-08-14", automaticRelief: false },
  },
  {
    section: "§ 61",
    quote: S61_STATEMENT,
    story: "the statement 9 days before the continued hearing: automatic relief",
    question: "appeal-hearing",
    on: "2013-07-01",
    facts: continued({ statementReceivedOn: "2013-08-05" }),
    outcome: "yes",
    result: { automaticRelief: true, statementDueBy: "2013-08-04" },
  },
  {
    section: "§ 61",
    quote: S61,
    story: "a second continuance to the official: not permitted, the hearing stays on 2013-09-11",
    question: "appeal-hearing",
    on: "2013-09-01",
    facts: continued({
      hearingOn: "2013-09-11",
      continuancesAlreadyGranted: 1,
      nextScheduledMeetingOn: "2013-10-09",
      statementReceivedOn: "2013-09-05",
    }),
    outcome: "yes",
    result: { continuancePermitted: false, hearingOn: "2013-09-11", automaticRelief: true },
  },
  {
    section: "§ 61",
    quote: S61,
    story: "a continuance without good cause: not permitted",
    question: "appeal-hearing",
    on: "2013-09-01",
    facts: continued({
      hearingOn: "2013-09-11",
      continuanceGoodCause: false,
      nextScheduledMeetingOn: "2013-10-09",
      statementReceivedOn: "2013-09-05",
    }),
    outcome: "yes",
    result: { continuancePermitted: false, hearingOn: "2013-09-11" },
  },
  {
    section: "§ 61",
    quote: S61_STATEMENT,
    story: "no statement yet on 2014-05-04, the 10th day before a 2014-05-14 hearing: not yet relief",
    question: "appeal-hearing",
    on: "2014-05-04",
    facts: { hearingOn: "2014-05-14", statementProvided: false, continuanceGranted: false },
    outcome: "no",
    result: { automaticRelief: false, statementDueBy: "2014-05-04" },
  },
  {
    section: "§ 61",
    quote: S61_STATEMENT,
    story: "still no statement on 2014-05-05: automatic relief",
    question: "appeal-hearing",
    on: "2014-05-05",
    facts: { hearingOn: "2014-05-14", statementProvided: false, continuanceGranted: false },
    outcome: "yes",
    result: { automaticRelief: true },
  },
  {
    section: "§ 61",
    quote: S61_STATEMENT,
    story: "a statement received exactly 10 days before the hearing: in time",
    question: "appeal-hearing",
    on: "2014-05-14",
    facts: { hearingOn: "2014-05-14", statementReceivedOn: "2014-05-04", continuanceGranted: false },
    outcome: "no",
    result: { automaticRelief: false },
  },
]);

// ---- §§ 70-74: the insurance review clocks ---------------------------------------------------

const S71 =
  "The bill treats as urgent requests those for a service or treatment for (1) substance use disorder or co-occurring mental disorder and (2) inpatient services, partial hospitalization, residential treatment, or intensive outpatient services needed to keep a covered person from requiring an inpatient setting in connection with a mental disorder.";
const S71_24 =
  "It requires the carrier to make its determination as soon as possible, but no more than 24 hours after it receives a request for service or treatment for these disorders. If the request is to extend a course of treatment beyond the initial period or number of treatments, the request must be made at least 24 hours before the initial authorization runs out. The 24-hour deadline for the carrier does not apply if the covered person or his or her representative fails to provide the information the carrier needs to make its determination.";
const S71_GENERAL =
  "In general, carriers must make a determination within 15 calendar days for non-urgent requests but within 72 hours for urgent requests.";
const S74 =
  "Under current law, the carrier or independent review organization must notify the covered person and his or her representative of its decision regarding an expedited review within 72 hours of receiving a grievance. The bill requires that carriers make their decision for expedited reviews of requests for services and treatment for the mental and substance use disorders within 24 hours.";
const S73 =
  "if a non-urgent request is a concurrent review request ... the treatment must be continued without liability to the covered person during the review or any grievance ... Existing law has a similar requirement in the case of urgent requests.";
const initial = (extra: Record<string, unknown>) => ({
  reviewType: "initial-determination",
  informationProvided: true,
  extensionOfCourse: false,
  concurrentReview: false,
  ...extra,
});
const mental = (service: string, extra: Record<string, unknown> = {}) =>
  initial({ condition: "mental-disorder", service, ...extra });

run("PA 13-3 §§ 70-74: insurance review clocks", [
  {
    section: "§ 71",
    quote: S71_GENERAL,
    story: "a non-urgent substance use request received 2013-09-30: 15 calendar days",
    question: "insurance-review-clock",
    on: "2013-09-30",
    facts: initial({ condition: "substance-use-disorder", otherwiseUrgent: false }),
    outcome: "no",
    result: { clock: "15-calendar-days", dueOn: "2013-10-15" },
  },
  {
    section: "§ 71",
    quote: S71_24,
    story: "the same request received 2013-10-01 09:30 EDT: 24 hours, due 2013-10-02 09:30 EDT",
    question: "insurance-review-clock",
    on: "2013-10-01",
    facts: initial({ condition: "substance-use-disorder", receivedAt: "2013-10-01T09:30:00-04:00" }),
    outcome: "yes",
    result: { clock: "24-hours", urgent: true, dueAt: "2013-10-02T13:30:00.000Z" },
  },
  ...["inpatient", "partial-hospitalization", "residential-treatment"].map((service): Scenario => ({
    section: "§ 71",
    quote: S71,
    story: `a ${service} request for a mental disorder on 2013-10-01: urgent, 24 hours`,
    question: "insurance-review-clock",
    on: "2013-10-01",
    facts: mental(service),
    outcome: "yes",
    result: { clock: "24-hours", urgent: true },
  })),
  {
    section: "§ 71",
    quote: S71,
    story: "intensive outpatient services needed to keep the person out of an inpatient setting: 24 hours",
    question: "insurance-review-clock",
    on: "2013-10-01",
    facts: mental("intensive-outpatient", { neededToAvoidInpatient: true }),
    outcome: "yes",
    result: { clock: "24-hours" },
  },
  {
    section: "§ 71",
    quote: S71,
    story: "intensive outpatient services not needed to avoid an inpatient setting, not otherwise urgent: 15 days",
    question: "insurance-review-clock",
    on: "2013-10-01",
    facts: mental("intensive-outpatient", { neededToAvoidInpatient: false, otherwiseUrgent: false }),
    outcome: "no",
    result: { clock: "15-calendar-days", urgent: false },
  },
  {
    section: "§ 71",
    quote: S71_GENERAL,
    story: "an urgent request for another condition on 2013-10-01: 72 hours",
    question: "insurance-review-clock",
    on: "2013-10-01",
    facts: initial({ condition: "other", otherwiseUrgent: true }),
    outcome: "no",
    result: { clock: "72-hours", urgent: true },
  },
  {
    section: "§ 71",
    quote: S71_24,
    story: "an extension asked 24 hours before the authorization runs out: 24 hours",
    question: "insurance-review-clock",
    on: "2013-10-01",
    facts: mental("residential-treatment", { extensionOfCourse: true, hoursBeforeAuthorizationEnds: 24 }),
    outcome: "yes",
    result: { clock: "24-hours" },
  },
  {
    section: "§ 71",
    quote: S71_24,
    story: "an extension asked 23 hours before the authorization runs out: the 24-hour clock does not apply",
    question: "insurance-review-clock",
    on: "2013-10-01",
    facts: mental("residential-treatment", { extensionOfCourse: true, hoursBeforeAuthorizationEnds: 23 }),
    outcome: "no",
    result: { clock: null },
  },
  {
    section: "§ 71",
    quote: S71_24,
    story: "the covered person did not give the information the carrier needs: the 24-hour deadline does not apply",
    question: "insurance-review-clock",
    on: "2013-10-01",
    facts: initial({ condition: "substance-use-disorder", informationProvided: false }),
    outcome: "no",
    result: { clock: null, urgent: true },
  },
  {
    section: "§ 74",
    quote: S74,
    story: "expedited review of a co-occurring disorder request on 2013-09-30: 72 hours",
    question: "insurance-review-clock",
    on: "2013-09-30",
    facts: {
      reviewType: "expedited-review",
      condition: "co-occurring-mental-disorder",
      otherwiseUrgent: true,
      concurrentReview: false,
      receivedAt: "2013-09-30T09:30:00-04:00",
    },
    outcome: "no",
    result: { clock: "72-hours", dueAt: "2013-10-03T13:30:00.000Z" },
  },
  {
    section: "§ 74",
    quote: S74,
    story: "the same expedited review on 2013-10-01: 24 hours",
    question: "insurance-review-clock",
    on: "2013-10-01",
    facts: {
      reviewType: "expedited-review",
      condition: "co-occurring-mental-disorder",
      concurrentReview: false,
      receivedAt: "2013-10-01T09:30:00-04:00",
    },
    outcome: "yes",
    result: { clock: "24-hours", dueAt: "2013-10-02T13:30:00.000Z" },
  },
  {
    section: "§ 73",
    quote: S73,
    story: "a non-urgent concurrent review on 2013-09-30: no continuation rule yet",
    question: "insurance-review-clock",
    on: "2013-09-30",
    facts: initial({ condition: "other", otherwiseUrgent: false, concurrentReview: true }),
    outcome: "no",
    result: { treatmentContinuesDuringReview: false },
  },
  {
    section: "§ 73",
    quote: S73,
    story: "the same concurrent review on 2013-10-01: treatment continues without liability",
    question: "insurance-review-clock",
    on: "2013-10-01",
    facts: initial({ condition: "other", otherwiseUrgent: false, concurrentReview: true }),
    outcome: "no",
    result: { treatmentContinuesDuringReview: true, clock: "15-calendar-days" },
  },
  {
    section: "§ 73",
    quote: S73,
    story: "an urgent concurrent review on 2013-09-30: treatment already continues",
    question: "insurance-review-clock",
    on: "2013-09-30",
    facts: initial({ condition: "other", otherwiseUrgent: true, concurrentReview: true }),
    outcome: "no",
    result: { treatmentContinuesDuringReview: true, clock: "72-hours" },
  },
]);

// ---- §§ 23-31: declaration and certificate windows -------------------------------------------

const S29_APPLY =
  "anyone who legally possessed one of the newly banned weapons on the day before the bill's effective date and who is eligible for a certificate of possession may continue to do so by applying to DESPP for this certificate by January 1, 2014";
const S29_MOVE =
  "Anyone who moves into Connecticut in lawful possession of an assault weapon has 90 days to make it permanently inoperable, sell it to a gun dealer, or take it out of state. But servicemembers transferred to Connecticut in lawful possession of an assault weapon may apply to DESPP for a certificate within 90 days of arriving here.";
const S29_HEIR =
  "Anyone who inherits an assault weapon for which a certificate was issued has 90 days to apply for a certificate or sell the weapon to a gun dealer, permanently disable it, or take it out of state.";
const S29_DEEMED =
  "Anyone who obtained a certificate of possession for an existing assault weapon before April 4, 2013 for a weapon the bill defines as an assault weapon is deemed to have obtained a certificate of possession for such assault weapon and must not be required to obtain a separate certificate.";
const S24_DUTY =
  "Servicemembers unable to apply by January 1, 2014 because of out-of-state duty have 90 days after returning to Connecticut to declare possession of such magazine.";
const NONE = {
  outOfStateServiceMember: false,
  transferredServiceMember: false,
  movedIntoState: false,
  inherited: false,
};

run("PA 13-3 §§ 23-31: declaration and certificate windows", [
  {
    section: "§ 29",
    quote: S29_APPLY,
    story: "an AR-15 owner of 2013-04-03 applies on 2014-01-01: the last day",
    question: "declaration-deadline",
    on: "2014-01-01",
    facts: {
      item: "assault-weapon",
      lawfullyPossessedBeforeCutoff: true,
      eligibleForCertificate: true,
      specialCircumstances: "none",
    },
    outcome: "yes",
    result: { deadline: "2014-01-01", daysLeft: 0 },
  },
  {
    section: "§ 29",
    quote: S29_APPLY,
    story: "the same owner on 2014-01-02: too late",
    question: "declaration-deadline",
    on: "2014-01-02",
    facts: {
      item: "assault-weapon",
      lawfullyPossessedBeforeCutoff: true,
      eligibleForCertificate: true,
      specialCircumstances: "none",
    },
    outcome: "no",
    result: { deadline: null },
  },
  {
    section: "§ 29",
    quote: S29_MOVE,
    story: "moved into Connecticut with an assault weapon on 2014-02-01: 90 days, to 2014-05-02",
    question: "declaration-deadline",
    on: "2014-03-01",
    facts: {
      ...NONE,
      item: "assault-weapon",
      lawfullyPossessedBeforeCutoff: false,
      movedIntoState: true,
      movedIntoStateOn: "2014-02-01",
      heldCertificateBeforeApril2013: false,
    },
    outcome: "yes",
    result: { deadline: "2014-05-02" },
  },
  {
    section: "§ 29",
    quote: S29_MOVE,
    story: "a service member transferred here on 2014-02-01 with an assault weapon: apply by 2014-05-02",
    question: "declaration-deadline",
    on: "2014-05-02",
    facts: {
      ...NONE,
      item: "assault-weapon",
      lawfullyPossessedBeforeCutoff: false,
      eligibleForCertificate: true,
      transferredServiceMember: true,
      transferredInOn: "2014-02-01",
      heldCertificateBeforeApril2013: false,
    },
    outcome: "yes",
    result: { deadline: "2014-05-02", daysLeft: 0 },
  },
  {
    section: "§ 29",
    quote: S29_HEIR,
    story: "an heir of a certificated assault weapon on 2014-02-01: 90 days, to 2014-05-02",
    question: "declaration-deadline",
    on: "2014-03-01",
    facts: {
      ...NONE,
      item: "assault-weapon",
      lawfullyPossessedBeforeCutoff: false,
      eligibleForCertificate: true,
      inherited: true,
      inheritedOn: "2014-02-01",
      heldCertificateBeforeApril2013: false,
    },
    outcome: "yes",
    result: { deadline: "2014-05-02" },
  },
  {
    section: "§ 29",
    quote: S29_DEEMED,
    story: "a certificate of possession obtained before 2013-04-04: nothing further to do",
    question: "declaration-deadline",
    on: "2014-03-01",
    facts: {
      ...NONE,
      item: "assault-weapon",
      lawfullyPossessedBeforeCutoff: true,
      heldCertificateBeforeApril2013: true,
    },
    outcome: "yes",
    check: (d) =>
      assert.deepEqual(
        (d.result.routes as { rule: string }[]).map((r) => r.rule),
        ["clocks.earlier-certificate-deemed"],
      ),
  },
  {
    section: "§ 24",
    quote: S24_DUTY,
    story: "a service member back on 2014-02-01 declares an LCM on 2014-05-02: the last day",
    question: "declaration-deadline",
    on: "2014-05-02",
    facts: {
      ...NONE,
      item: "large-capacity-magazine",
      lawfullyPossessedBeforeCutoff: true,
      outOfStateServiceMember: true,
      stillOnOutOfStateDuty: false,
      returnedToStateOn: "2014-02-01",
    },
    outcome: "yes",
    result: { deadline: "2014-05-02" },
  },
  {
    section: "§ 24",
    quote: S24_DUTY,
    story: "the same service member on 2014-05-03: too late",
    question: "declaration-deadline",
    on: "2014-05-03",
    facts: {
      ...NONE,
      item: "large-capacity-magazine",
      lawfullyPossessedBeforeCutoff: true,
      outOfStateServiceMember: true,
      stillOnOutOfStateDuty: false,
      returnedToStateOn: "2014-02-01",
    },
    outcome: "no",
  },
]);

// ---- §§ 81, 87, 90, 92: schools and campuses --------------------------------------------------

const S81 =
  "The bill requires DCS, on and after July 1, 2014, to review each local school construction grant application for compliance with the SSIC-developed school safety infrastructure standards. It gives DCS the authority to disapprove any application that does not comply with these new school safety standards starting on or after July 1, 2014.";
const S87 =
  "Membership of the school security and safety committee must consist of: 1. a local police officer, 2. a local first responder, 3. a teacher employed at the school, 4. an administrator employed at the school, 5. a mental health professional ..., 6. a parent or guardian of an enrolled student, and 7. any other person the governing board of education finds necessary.";
const S87_PARENTS =
  "Parents or guardians who serve on this committee must not have access to information about disturbing or threatening student behavior reported to the committee, since it may compromise student confidentiality.";
const S90 =
  "DHMAS must provide training for individuals appointed to serve as district safe school climate coordinators for the 2014-15 school year and these individuals must successfully complete the training. For the 2015-16 school year, only district safe school climate coordinators who did not successfully complete the training or serve in the prior school year must successfully complete the training. No individual must successfully complete the training more than once.";
const S92 =
  "The bill also requires all of the above colleges to establish trained threat assessment teams on each campus by January 1, 2014. ... A membership model must include at least one member from its special police force or campus security personnel, administration, faculty, and senior and mid-level staff.";
const FULL_COMMITTEE = [
  "local-police-officer",
  "local-first-responder",
  "teacher-at-school",
  "administrator-at-school",
  "school-psychologist",
  "parent-or-guardian",
];
const SEATS = ["campus-police-or-security", "administration", "faculty", "senior-staff", "mid-level-staff"];

run("PA 13-3 §§ 81, 87, 90, 92: schools and campuses", [
  {
    section: "§ 81",
    quote: S81,
    story: "2014-07-01 with no SSIC standards recorded: a person must review",
    question: "school-construction-safety-review",
    on: "2014-07-01",
    facts: {},
    outcome: "unknown",
    result: { reviewRequired: true },
  },
  {
    section: "§ 81",
    quote: S81,
    story: "2013-07-01: a non-complying application is not reviewed against the standards",
    question: "school-construction-safety-review",
    on: "2013-07-01",
    facts: { compliesWithStandards: false },
    outcome: "yes",
    result: { reviewRequired: false, mayDisapprove: false },
  },
  {
    section: "§ 87",
    quote: S87,
    story: "a full committee plus another person the board finds necessary",
    question: "school-safety-committee",
    on: "2014-07-01",
    facts: { members: [...FULL_COMMITTEE, "other"] },
    outcome: "yes",
    result: { committeeRequired: true, missingSeats: [], parentsMayReceiveThreatReports: false },
  },
  ...FULL_COMMITTEE.map((seat): Scenario => ({
    section: "§ 87",
    quote: S87,
    story: `a committee without its ${seat} on 2014-07-01`,
    question: "school-safety-committee",
    on: "2014-07-01",
    facts: { members: FULL_COMMITTEE.filter((m) => m !== seat) },
    outcome: "no",
    result: { missingSeats: [seat === "school-psychologist" ? "mental-health-professional" : seat] },
  })),
  {
    section: "§ 87",
    quote: S87_PARENTS,
    story: "parents on the committee may not receive reports of threatening behavior",
    question: "school-safety-committee",
    on: "2015-01-15",
    facts: { members: FULL_COMMITTEE },
    outcome: "yes",
    result: { parentsMayReceiveThreatReports: false },
  },
  {
    section: "§ 90",
    quote: S90,
    story: "a 2015-16 coordinator who served in 2014-15 but never completed the training: must complete it",
    question: "mental-health-first-aid-training",
    on: "2015-09-01",
    facts: { schoolYear: 2015, completedTraining: false, servedPriorYear: true },
    outcome: "no",
    result: { mustComplete: true, dueOn: "2016-06-30" },
  },
  {
    section: "§ 90",
    quote: S90,
    story: "a 2014-15 coordinator who completed the training in August 2014: done",
    question: "mental-health-first-aid-training",
    on: "2014-09-01",
    facts: { schoolYear: 2014, completedTraining: true, completedOn: "2014-08-15" },
    outcome: "yes",
    result: { mustComplete: false },
  },
  {
    section: "§ 90",
    quote: S90,
    story: "a 2013-14 coordinator: § 90 does not require it",
    question: "mental-health-first-aid-training",
    on: "2014-01-15",
    facts: { schoolYear: 2013, completedTraining: false },
    outcome: "yes",
    result: { mustComplete: false },
  },
  {
    section: "§ 90",
    quote: S90,
    story: "a 2016-17 coordinator: § 90 names only 2014-15 and 2015-16",
    question: "mental-health-first-aid-training",
    on: "2016-09-01",
    facts: { schoolYear: 2016, completedTraining: false },
    outcome: "yes",
    result: { mustComplete: false },
  },
  {
    section: "§ 90",
    quote: S90,
    story: "a 2014-15 coordinator whose training is not recorded: unknown",
    question: "mental-health-first-aid-training",
    on: "2014-09-01",
    facts: { schoolYear: 2014 },
    outcome: "unknown",
  },
  {
    section: "§ 92",
    quote: S92,
    story: "2014-01-01: a trained team with no mid-level staff member",
    question: "campus-threat-assessment-team",
    on: "2014-01-01",
    facts: { members: SEATS.filter((s) => s !== "mid-level-staff").map((seat) => ({ seat, trained: true })) },
    outcome: "no",
    result: { missingSeats: ["mid-level-staff"] },
  },
  {
    section: "§ 92",
    quote: S92,
    story: "2014-01-01: a team with no campus police or security member",
    question: "campus-threat-assessment-team",
    on: "2014-01-01",
    facts: {
      members: SEATS.filter((s) => s !== "campus-police-or-security").map((seat) => ({ seat, trained: true })),
    },
    outcome: "no",
    result: { missingSeats: ["campus-police-or-security"] },
  },
  {
    section: "§ 92",
    quote: S92,
    story: "2013-12-31: an incomplete team is not yet a breach",
    question: "campus-threat-assessment-team",
    on: "2013-12-31",
    facts: { members: [{ seat: "faculty", trained: true }] },
    outcome: "yes",
    result: { teamRequired: false },
  },
  {
    section: "§ 92",
    quote: S92,
    story: "a complete team with one member's training not recorded: unknown",
    question: "campus-threat-assessment-team",
    on: "2014-01-01",
    facts: { members: SEATS.map((seat, i) => (i === 0 ? { seat } : { seat, trained: true })) },
    outcome: "unknown",
  },
]);

// ---- §§ 9, 18-22, 23-24, 32, 54-56, 84-85, Table 4: the remaining thinly covered questions -------

const S9 =
  "Existing law provides that rifles and shotguns may only be sold at such auctions to people qualified under federal law to purchase them. The bill also requires the purchaser to have a long gun eligibility certificate. EFFECTIVE DATE: July 1, 2013";
const S24_DEALER =
  "For transfers made before January 1, 2014, the dealer must give DESPP monthly reports, on such form as the commissioner prescribes, on the number of transfers that the dealer has accepted. For transfers made on or after January 1, 2014, the dealer must send or deliver the transfer certificates to DESPP.";
const S24_PRESENT =
  "The gun dealer must present his or her dealer's federal firearms license and seller's permit to the seller or transferor for inspection at the time of purchase or transfer.";
const CERT_FIELDS = [
  "transferDate",
  "dealer.name",
  "dealer.address",
  "dealer.ssnOrDriverLicenseNumber",
  "transferor.name",
  "transferor.address",
  "transferor.ssnOrDriverLicenseNumber",
  "dealer.federalFirearmsLicenseNumber",
  "magazine.description",
];
const dealerTransfer = (transferredOn: string, reported: string, extra: Record<string, unknown> = {}) => ({
  transferredOn,
  certificateExecutedAtDelivery: true,
  certificateFields: CERT_FIELDS,
  licenceAndPermitPresented: true,
  reported,
  ...extra,
});
const S18_RELEASE =
  "Anyone convicted, or found not guilty by reason of mental disease or defect, of a deadly weapon offense and released into the community on or after January 1, 2014, must register with DESPP within 14 calendar days after being released. ... The DESPP commissioner must maintain the registration information for five years.";
const S18_UPDATE =
  "People required to register must do so within 20 days after the anniversary of the initial registration date. ... Not later than 30 calendar days before each anniversary date, DESPP must mail written notice of the requirement to the registrant and police department or troop";
const S18_TABLE = "Table 1 lists the offenses the bill designates as deadly weapon offenses.";
const S18_FELONY =
  "A violation of any statute that constitutes a felony, provided the court makes a finding that, at the time of the violation, the person used a firearm, or was armed with and threatened the use of, or displayed or represented by words or conduct that the person possessed, a firearm.";
const S32 =
  "The bill broadens the definition of “armor-piercing bullet” to include any bullet that can be fired from a handgun that: 1. has projectiles or projectile cores constructed entirely ... from tungsten alloys, steel, iron, brass, bronze, beryllium copper, or depleted uranium; 2. is (a) fully jacketed with a jacket weight of more than 25% of the total weight of the projectile, (b) larger than .22 caliber, and (c) designed and intended for use in a firearm ... Armor-piercing bullet does not include shotgun shells. EFFECTIVE DATE: October 1, 2013";
const S32_EXEMPT =
  "It exempts from the provisions the same entities and people exempt from the ban under current law: 1. DESPP, police departments, DOC or the state or U.S. military forces for use in the discharge of their official duties";
const S54 =
  "It imposes safe storage requirements on people who store their loaded firearms on their premises if they know or should know that a resident of the premises (1) is ineligible to possess firearms under state or federal law or (2) poses a risk of imminent personal injury to himself, herself, or others. ... EFFECTIVE DATE: October 1, 2013";
const S54_CRIME =
  "As under current law pertaining to minors, a person is guilty of criminally negligent storage or a firearm if the ineligible or at-risk person obtains the firearm and kills or injures someone with it. It is also a class D felony unless the minor obtained the firearm from unlawful entry.";
const S84 =
  "The grants reimburse school districts for 20% to 80% of the eligible expenses for such security measures incurred after the bill's effective date. The reimbursement percentage is based on the district's wealth.";
const S84_PRIORITY =
  "From among those applicants, they must give first priority to schools that have no entrance security infrastructure and second priority to schools located in priority school districts.";
const GRANT_OK = {
  conductedSecurityAssessment: true,
  assessmentSupervisedByLocalLawEnforcement: true,
  assessmentUsedSafeSchoolsChecklist: true,
  hasEmergencyPlanWithFirstResponders: true,
  practicesPlanPeriodically: true,
  expensesIncurredOn: "2013-04-05",
  eligibleExpenses: 100000,
};
const hardCore = (extra: Record<string, unknown> = {}) => ({
  shotgunShell: false,
  fireableFromHandgun: true,
  nominalCaliber: 0.357,
  coreMaterials: ["steel"],
  frangibleForSporting: false,
  attorneyGeneralExempted: false,
  armorPenetrationCapability: false,
  incendiary: false,
  ...extra,
});
const jacketed = (percent: number, caliber = 0.45) =>
  hardCore({
    coreMaterials: ["copper"],
    fullyJacketed: true,
    jacketWeightPercent: percent,
    nominalCaliber: caliber,
    designedForFirearm: true,
  });
const NOBODY_AMMO = { roles: [], purposes: [], executorDisposingAsAuthorized: false, heirByBequestOrIntestacy: false };
const T4 = "Table 4: Penalties by Crime Classification";

run("PA 13-3 §§ 9, 18-24, 32, 54-56, 84-85 and Table 4", [
  {
    section: "§ 9",
    quote: S9,
    story: "a contraband shotgun auctioned on 2013-06-30 to a federally qualified buyer without a certificate",
    question: "auction-contraband-long-gun",
    on: "2013-06-30",
    facts: { buyer: { qualifiedUnderFederalLaw: true, credentials: [] } },
    outcome: "yes",
  },
  {
    section: "§ 9",
    quote: S9,
    story: "the same buyer on 2013-07-01: needs a long gun eligibility certificate",
    question: "auction-contraband-long-gun",
    on: "2013-07-01",
    facts: { buyer: { qualifiedUnderFederalLaw: true, credentials: [] } },
    outcome: "no",
  },
  {
    section: "§ 9",
    quote: S9,
    story: "a handgun permit is not a long gun eligibility certificate at the auction",
    question: "auction-contraband-long-gun",
    on: "2013-07-01",
    facts: { buyer: { qualifiedUnderFederalLaw: true, credentials: [{ kind: "permit-to-carry", status: "valid" }] } },
    outcome: "no",
  },
  {
    section: "§ 9",
    quote: S9,
    story: "a certificate holder not qualified under federal law may not buy",
    question: "auction-contraband-long-gun",
    on: "2013-07-01",
    facts: {
      buyer: {
        qualifiedUnderFederalLaw: false,
        credentials: [{ kind: "long-gun-eligibility-certificate", status: "valid" }],
      },
    },
    outcome: "no",
  },
  {
    section: "§§ 23-24",
    quote: S24_DEALER,
    story: "an LCM accepted on 2013-12-31 and reported in the monthly report: compliant",
    question: "lcm-dealer-transfer",
    on: "2014-01-15",
    facts: dealerTransfer("2013-12-31", "monthly-report"),
    outcome: "yes",
    result: { reportDuty: "monthly-report" },
  },
  {
    section: "§§ 23-24",
    quote: S24_DEALER,
    story: "an LCM accepted on 2014-01-01 and only counted in a monthly report: the certificate must be sent",
    question: "lcm-dealer-transfer",
    on: "2014-01-15",
    facts: dealerTransfer("2014-01-01", "monthly-report"),
    outcome: "no",
    result: { reportDuty: "send-certificate" },
  },
  {
    section: "§§ 23-24",
    quote: S24_DEALER,
    story: "an LCM accepted on 2014-01-01 with the certificate sent: compliant",
    question: "lcm-dealer-transfer",
    on: "2014-01-15",
    facts: dealerTransfer("2014-01-01", "certificate-sent"),
    outcome: "yes",
  },
  {
    section: "§§ 23-24",
    quote:
      "The certificate of transfer must contain: 1. the sale or transfer date; 2. the gun dealer and transferor's name and address and their Social Security or motor vehicle operator license numbers, if applicable; 3. the gun dealer's federal firearms license number; and 4. a description of the LCM.",
    story: "a certificate without the description of the magazine",
    question: "lcm-dealer-transfer",
    on: "2014-01-15",
    facts: dealerTransfer("2014-01-01", "certificate-sent", {
      certificateFields: CERT_FIELDS.filter((f) => f !== "magazine.description"),
    }),
    outcome: "no",
    result: { missingCertificateFields: ["magazine.description"] },
  },
  {
    section: "§§ 23-24",
    quote: S24_PRESENT,
    story: "a dealer who did not show the federal licence and seller's permit",
    question: "lcm-dealer-transfer",
    on: "2014-01-15",
    facts: dealerTransfer("2014-01-01", "certificate-sent", { licenceAndPermitPresented: false }),
    outcome: "no",
  },
  {
    section: "§§ 18-22",
    quote: S18_RELEASE,
    story: "released 2013-12-31: no registration duty",
    question: "offender-registration",
    on: "2014-01-01",
    facts: {
      deadlyWeaponOffense: true,
      disposition: "convicted",
      releasedIntoCommunityOn: "2013-12-31",
      registered: false,
    },
    outcome: "no",
    result: { mustRegister: false },
  },
  {
    section: "§§ 18-22",
    quote: S18_RELEASE,
    story: "released 2014-01-01: register by 2014-01-15",
    question: "offender-registration",
    on: "2014-01-14",
    facts: {
      deadlyWeaponOffense: true,
      disposition: "convicted",
      releasedIntoCommunityOn: "2014-01-01",
      registered: false,
    },
    outcome: "yes",
    result: { mustRegister: true, registrationDueOn: "2014-01-15" },
  },
  {
    section: "§§ 18-22",
    quote: S18_RELEASE,
    story:
      "found not guilty by reason of mental disease, registered 2014-01-10: term to 2019-01-09, first update from 2015-01-10",
    question: "offender-registration",
    on: "2014-01-16",
    facts: {
      deadlyWeaponOffense: true,
      disposition: "not-guilty-by-reason-of-mental-disease-or-defect",
      releasedIntoCommunityOn: "2014-01-01",
      registered: true,
      initialRegistrationOn: "2014-01-10",
    },
    outcome: "yes",
    result: { registrationEndsOn: "2019-01-09" },
    check: (d) =>
      assert.deepEqual(
        (({ opensOn, closesOn, noticeMailBy }) => ({ opensOn, closesOn, noticeMailBy }))(
          d.result.nextUpdate as Record<string, unknown>,
        ),
        { opensOn: "2015-01-10", closesOn: "2015-01-30", noticeMailBy: "2014-12-11" },
      ),
  },
  {
    section: "§§ 18-22",
    quote: S18_RELEASE,
    story: "the same registrant on 2019-01-11: the five years are over",
    question: "offender-registration",
    on: "2019-01-11",
    facts: {
      deadlyWeaponOffense: true,
      disposition: "convicted",
      releasedIntoCommunityOn: "2014-01-01",
      registered: true,
      initialRegistrationOn: "2014-01-10",
    },
    outcome: "no",
    result: { mustRegister: false },
  },
  {
    section: "§§ 18-22",
    quote: S18_UPDATE,
    story: "registered 2014-03-10: the first update is due by 2015-03-30",
    question: "offender-annual-update",
    on: "2015-03-10",
    facts: { initialRegistrationOn: "2014-03-10", updateDeferredTo: null },
    outcome: "yes",
    result: { dueOn: "2015-03-30", overdue: false },
  },
  {
    section: "§§ 18-22",
    quote: S18_UPDATE,
    story: "appearing on 2015-03-31 is a day late",
    question: "offender-annual-update",
    on: "2015-03-31",
    facts: { initialRegistrationOn: "2014-03-10", updateDeferredTo: null, appearedOn: "2015-03-31" },
    outcome: "yes",
    result: { actedInTime: false, overdue: true },
  },
  {
    section: "§§ 18-22",
    quote: S18_TABLE,
    story: "a first failure to report a lost firearm (CGS § 53-202g), not a felony: not a deadly weapon offense",
    question: "deadly-weapon-offense",
    on: "2014-01-01",
    facts: { statute: "53-202g", secondOrSubsequent: false, isFelony: false },
    outcome: "no",
  },
  {
    section: "§§ 18-22",
    quote: "Second or subsequent violation of failure to report the loss or theft of a firearm 53-202g",
    story: "a second failure to report a lost firearm: a deadly weapon offense",
    question: "deadly-weapon-offense",
    on: "2014-01-01",
    facts: { statute: "53-202g", secondOrSubsequent: true },
    outcome: "yes",
    result: { basis: "table-1" },
  },
  ...(
    [
      ["2-1e(c)", "Interference with the legislative process"],
      ["29-33(i)", "Sell or transfer handgun in violation of statutory transfer procedures"],
      ["53-202(g)", "Failure to register machine gun"],
      ["53a-8(b)", "Sell, deliver, or provide firearm to another person to engage in conduct constituting an offense"],
      ["53a-217a", "Criminally negligent storage of a firearm"],
      ["53-202aa", "Firearm trafficking"],
    ] as const
  ).map(([statute, name]): Scenario => ({
    section: "§§ 18-22",
    quote: `${name} ${statute}`,
    story: `CGS § ${statute}: a deadly weapon offense`,
    question: "deadly-weapon-offense",
    on: "2014-01-01",
    facts: { statute },
    outcome: "yes",
    result: { deadlyWeaponOffense: true, basis: "table-1" },
  })),
  {
    section: "§§ 18-22",
    quote: S18_FELONY,
    story: "a larceny felony where the court found the person displayed a firearm",
    question: "deadly-weapon-offense",
    on: "2014-01-01",
    facts: { statute: "53a-122", isFelony: true, courtFoundFirearm: true },
    outcome: "yes",
    result: { basis: "felony-with-firearm-finding" },
  },
  {
    section: "§§ 18-22",
    quote: S18_FELONY,
    story: "a misdemeanor with the same finding: not a deadly weapon offense",
    question: "deadly-weapon-offense",
    on: "2014-01-01",
    facts: { statute: "53a-125b", isFelony: false, courtFoundFirearm: true },
    outcome: "no",
  },
  {
    section: "§ 32",
    quote: S32,
    story: "a steel-core .357 handgun bullet on 2013-09-30: not yet banned",
    question: "banned-ammunition-possession",
    on: "2013-09-30",
    facts: { ammunition: hardCore(), conduct: "possess", person: NOBODY_AMMO },
    outcome: "yes",
    result: { banned: false },
  },
  {
    section: "§ 32",
    quote: S32,
    story: "the same bullet on 2013-10-01: class D felony",
    question: "banned-ammunition-possession",
    on: "2013-10-01",
    facts: { ammunition: hardCore(), conduct: "possess", person: NOBODY_AMMO },
    outcome: "no",
    result: { banned: true, permitted: false },
  },
  {
    section: "§ 32",
    quote: S32,
    story: "a fully jacketed .45 bullet, jacket 26% of its weight: armor piercing",
    question: "banned-ammunition-possession",
    on: "2013-10-01",
    facts: { ammunition: jacketed(26), conduct: "possess", person: NOBODY_AMMO },
    outcome: "no",
    result: { banned: true },
  },
  {
    section: "§ 32",
    quote: S32,
    story: "the same bullet with a jacket of exactly 25%: not more than 25%, not banned",
    question: "banned-ammunition-possession",
    on: "2013-10-01",
    facts: { ammunition: jacketed(25), conduct: "possess", person: NOBODY_AMMO },
    outcome: "yes",
    result: { banned: false },
  },
  {
    section: "§ 32",
    quote: S32,
    story: "a fully jacketed .22 bullet, jacket 40%: not larger than .22 caliber, not banned",
    question: "banned-ammunition-possession",
    on: "2013-10-01",
    facts: { ammunition: jacketed(40, 0.22), conduct: "possess", person: NOBODY_AMMO },
    outcome: "yes",
    result: { banned: false },
  },
  {
    section: "§ 32",
    quote: S32,
    story: "a shotgun shell with a steel slug: not an armor-piercing bullet",
    question: "banned-ammunition-possession",
    on: "2013-10-01",
    facts: {
      ammunition: { shotgunShell: true, fireableFromHandgun: true, nominalCaliber: 0.41, coreMaterials: ["steel"] },
      conduct: "possess",
      person: NOBODY_AMMO,
    },
    outcome: "yes",
    result: { banned: false },
  },
  {
    section: "§ 32",
    quote: S32_EXEMPT,
    story: "a police officer carrying a pistol loaded with steel-core bullets on duty",
    question: "banned-ammunition-possession",
    on: "2013-10-01",
    facts: {
      ammunition: hardCore(),
      conduct: "carry-loaded-firearm",
      person: { roles: ["police-member-or-employee"], purposes: ["official-duties"] },
    },
    outcome: "yes",
    result: { banned: true, permitted: true },
  },
  {
    section: "§§ 54-56",
    quote: S54,
    story: "a loaded pistol left out on 2013-09-30 in a home with an ineligible resident: no duty yet",
    question: "safe-storage",
    on: "2013-09-30",
    facts: {
      loaded: true,
      onPremisesUnderControl: true,
      minorLikelyToGainAccess: false,
      residentIneligible: true,
      residentPosesRisk: false,
      storage: "other",
    },
    outcome: "yes",
    result: { secureStorageRequired: false },
  },
  {
    section: "§§ 54-56",
    quote: S54,
    story: "the same on 2013-10-01: secure storage required, not met",
    question: "safe-storage",
    on: "2013-10-01",
    facts: {
      loaded: true,
      onPremisesUnderControl: true,
      minorLikelyToGainAccess: false,
      residentIneligible: true,
      residentPosesRisk: false,
      storage: "other",
    },
    outcome: "no",
    result: { secureStorageRequired: true, compliant: false, triggers: ["ineligible-resident"] },
  },
  {
    section: "§§ 54-56",
    quote:
      "the firearm must be locked up or in a location that a reasonable person considers to be secure, or the person carries it on his or her person or close enough so that he or she can readily retrieve it.",
    story: "an at-risk resident, the owner keeps the pistol within reach: compliant",
    question: "safe-storage",
    on: "2013-10-01",
    facts: {
      loaded: true,
      onPremisesUnderControl: true,
      minorLikelyToGainAccess: false,
      residentIneligible: false,
      residentPosesRisk: true,
      storage: "carried-or-within-reach",
    },
    outcome: "yes",
    result: { compliant: true },
  },
  {
    section: "§§ 54-56",
    quote: S54_CRIME,
    story: "the at-risk resident takes the unsecured pistol and injures someone: strictly liable and class D felony",
    question: "safe-storage",
    on: "2013-10-01",
    facts: {
      loaded: true,
      onPremisesUnderControl: true,
      minorLikelyToGainAccess: false,
      residentIneligible: false,
      residentPosesRisk: true,
      storage: "other",
      obtainedBy: "at-risk-resident",
      injuryOrDeath: true,
    },
    outcome: "no",
    result: { strictlyLiable: true, criminallyNegligentStorage: true },
  },
  {
    section: "§§ 54-56",
    quote: S54_CRIME,
    story: "a minor who got the pistol through an unlawful entry and injured someone: liable, but no crime",
    question: "safe-storage",
    on: "2013-10-01",
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
    result: { strictlyLiable: true, criminallyNegligentStorage: false },
  },
  {
    section: "§§ 54-56",
    quote: S54,
    story: "an unloaded firearm: the storage law covers loaded firearms",
    question: "safe-storage",
    on: "2013-10-01",
    facts: {
      loaded: false,
      onPremisesUnderControl: true,
      minorLikelyToGainAccess: true,
      residentIneligible: false,
      residentPosesRisk: false,
      storage: "other",
    },
    outcome: "yes",
    result: { secureStorageRequired: false },
  },
  {
    section: "§§ 84-85",
    quote: S84,
    story: "expenses incurred on 2013-04-04, the effective date itself: not after it",
    question: "school-security-grant",
    on: "2014-01-01",
    facts: { ...GRANT_OK, expensesIncurredOn: "2013-04-04", townWealthRank: 169 },
    outcome: "no",
    result: { eligible: false },
  },
  {
    section: "§§ 84-85",
    quote: S84,
    story: "the poorest town (rank 169), expenses from 2013-04-05: 80%",
    question: "school-security-grant",
    on: "2014-01-01",
    facts: { ...GRANT_OK, townWealthRank: 169 },
    outcome: "yes",
    result: { eligible: true, reimbursementRatePercent: 80, reimbursementAmount: 80000 },
  },
  {
    section: "§§ 84-85",
    quote: "To receive a grant, a district must show that it ... (3) periodically practices the plan.",
    story: "a district that does not practice its emergency plan: not eligible",
    question: "school-security-grant",
    on: "2014-01-01",
    facts: { ...GRANT_OK, townWealthRank: 85, practicesPlanPeriodically: false },
    outcome: "no",
    result: { eligible: false },
  },
  {
    section: "§§ 84-85",
    quote: S84_PRIORITY,
    story:
      "money short; a school most in need, with some entrance security, in a priority school district: second priority",
    question: "school-security-grant",
    on: "2014-01-01",
    facts: {
      ...GRANT_OK,
      townWealthRank: 85,
      fundsSufficient: false,
      mostInNeedOfEntranceSecurity: true,
      noEntranceSecurityInfrastructure: false,
      inPrioritySchoolDistrict: true,
    },
    outcome: "yes",
    result: { priorityTier: 2 },
  },
  {
    section: "§§ 84-85",
    quote: S84_PRIORITY,
    story: "money short; a school most in need with no entrance security at all: first priority",
    question: "school-security-grant",
    on: "2014-01-01",
    facts: {
      ...GRANT_OK,
      townWealthRank: 85,
      fundsSufficient: false,
      mostInNeedOfEntranceSecurity: true,
      noEntranceSecurityInfrastructure: true,
      inPrioritySchoolDistrict: false,
    },
    outcome: "yes",
    result: { priorityTier: 1 },
  },
  ...(
    [
      ["A-felony", "murder-with-special-circumstances", null, null, 20000, true],
      ["A-felony", "murder", 25, 60, 20000, false],
      ["A-felony", "aggravated-sexual-assault-of-a-minor", 25, 50, 20000, false],
      ["A-felony", undefined, 10, 25, 20000, false],
      ["B-felony", "manslaughter-1st-degree-with-a-firearm", 5, 40, 15000, false],
      ["B-felony", undefined, 1, 20, 15000, false],
      ["C-felony", undefined, 1, 10, 10000, false],
      ["D-felony", undefined, 1, 5, 5000, false],
    ] as const
  ).map(([offenseClass, variant, min, max, fine, life]): Scenario => ({
    section: "BACKGROUND (Table 4)",
    quote: T4,
    story: `${offenseClass}${variant ? ` (${variant})` : ""}: ${life ? "life without release" : `${min} to ${max} years`}, up to $${fine}`,
    question: "penalty-by-class",
    on: "2013-04-04",
    facts: variant ? { offenseClass, variant } : { offenseClass },
    outcome: "yes",
    result: {
      prisonMin: min === null ? null : yrs(min),
      prisonMax: max === null ? null : yrs(max),
      fineMax: fine,
      lifeWithoutRelease: life,
    },
  })),
  ...(
    [
      ["A-misdemeanor", { amount: 1, unit: "years" }, 2000],
      ["B-misdemeanor", { amount: 6, unit: "months" }, 1000],
      ["C-misdemeanor", { amount: 3, unit: "months" }, 500],
      ["D-misdemeanor", { amount: 30, unit: "days" }, 250],
    ] as const
  ).map(([offenseClass, max, fine]): Scenario => ({
    section: "BACKGROUND (Table 4)",
    quote: T4,
    story: `${offenseClass}: up to ${max.amount} ${max.unit}, up to $${fine}`,
    question: "penalty-by-class",
    on: "2013-04-04",
    facts: { offenseClass },
    outcome: "yes",
    result: { prisonMin: null, prisonMax: max, fineMax: fine },
  })),
]);

// ---- §§ 18-22: a missed annual update is overdue until the next anniversary ---------------------

const S18_FAIL =
  "People required to register must do so within 20 days after the anniversary of the initial registration date. ... The department or troop, as applicable, may defer the appearance to a later date for good cause. ... Failure to (1) inform the DESPP commissioner of a name or address change or (2) register and update one's status as required is a class D felony.";

run("PA 13-3 §§ 18-22: missed annual updates", [
  {
    section: "§§ 18-22",
    quote: S18_FAIL,
    story: "registered 2014-03-10, no appearance by 2015-03-30: overdue on 2015-04-01",
    question: "offender-annual-update",
    on: "2015-04-01",
    facts: { initialRegistrationOn: "2014-03-10" },
    outcome: "yes",
    result: { dueOn: "2015-03-30", actedInTime: null, overdue: true },
    check: (d) =>
      assert.equal((d.result.penaltyIfMissed as { classification: string }).classification, "class D felony"),
  },
  {
    section: "§§ 18-22",
    quote: S18_FAIL,
    story: "the appearance deferred for good cause to 2015-04-15: not overdue on 2015-04-15",
    question: "offender-annual-update",
    on: "2015-04-15",
    facts: { initialRegistrationOn: "2014-03-10", updateDeferredTo: "2015-04-15" },
    outcome: "yes",
    result: { dueOn: "2015-04-15", overdue: false },
  },
  {
    section: "§§ 18-22",
    quote: S18_FAIL,
    story: "the deferred appearance missed: overdue on 2015-04-16",
    question: "offender-annual-update",
    on: "2015-04-16",
    facts: { initialRegistrationOn: "2014-03-10", updateDeferredTo: "2015-04-15" },
    outcome: "yes",
    result: { dueOn: "2015-04-15", overdue: true },
  },
  {
    section: "§§ 18-22",
    quote: S18_FAIL,
    story: "appeared 2015-03-20 for the first update; on the second anniversary the second window is due",
    question: "offender-annual-update",
    on: "2016-03-10",
    facts: { initialRegistrationOn: "2014-03-10", appearedOn: "2015-03-20" },
    outcome: "yes",
    result: { dueOn: "2016-03-30", actedInTime: null, overdue: false },
  },
  {
    section: "§§ 18-22",
    quote: S18_FAIL,
    story: "no update is owed once the five-year registration ends (2019-03-09)",
    question: "offender-annual-update",
    on: "2019-03-10",
    facts: { initialRegistrationOn: "2014-03-10" },
    outcome: "no",
    result: { mustAct: false },
  },
]);

// ---- §§ 8, 10-11: the mental health look-backs for credentials, at their boundaries -------------

const S8_PROBATE =
  "Under current law, a person confined in a psychiatric hospital by probate court order within the preceding 12 months of an application is ineligible for a gun permit or eligibility certificate. The bill extends this period to 60 months.";
const S8_VOLUNTARY =
  "The bill also makes ineligible any person who voluntarily admitted himself or herself to a psychiatric hospital, on or after October 1, 2013, during the preceding six months. But someone is not ineligible solely due to alcohol or drug treatment.";
const credentialApplication = (credential: string, events: unknown[], birthDate = "1980-01-01") => ({
  credential,
  applicant: { birthDate, residenceState: "CT", residenceTown: "Hartford", citizenOrLawfulResident: true },
  backgroundCheckConsent: true,
  feePaid: true,
  recordsChecked: true,
  nics: { status: "proceed" },
  events,
});
const LG = "long-gun-eligibility-certificate";
const HG = "handgun-eligibility-certificate";

run("PA 13-3 §§ 8, 10-11: mental health look-backs for credentials", [
  {
    section: "§§ 8, 10-11",
    quote: S8_PROBATE,
    story: "a probate commitment on 2010-01-01, applying on 2013-09-30: outside 12 months, eligible",
    question: "credential-eligibility",
    on: "2013-09-30",
    facts: credentialApplication(LG, [probate("2010-01-01")]),
    outcome: "yes",
  },
  {
    section: "§§ 8, 10-11",
    quote: S8_PROBATE,
    story: "the same commitment, applying on 2013-10-01: within 60 months, ineligible",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: credentialApplication(LG, [probate("2010-01-01")]),
    outcome: "no",
    check: disqualifiers("credentials.probate-commitment"),
  },
  {
    section: "§§ 8, 10-11",
    quote: S8_PROBATE,
    story: "the same commitment on 2015-01-01, the fifth anniversary: still ineligible",
    question: "credential-eligibility",
    on: "2015-01-01",
    facts: credentialApplication(LG, [probate("2010-01-01")]),
    outcome: "no",
  },
  {
    section: "§§ 8, 10-11",
    quote: S8_PROBATE,
    story: "the same commitment on 2015-01-02: eligible",
    question: "credential-eligibility",
    on: "2015-01-02",
    facts: credentialApplication(LG, [probate("2010-01-01")]),
    outcome: "yes",
  },
  {
    section: "§§ 8, 10-11",
    quote: S8_VOLUNTARY,
    story: "a voluntary admission on 2013-09-30 does not bar a handgun eligibility certificate",
    question: "credential-eligibility",
    on: "2013-12-01",
    facts: credentialApplication(HG, [voluntary("2013-09-30")]),
    outcome: "yes",
  },
  {
    section: "§§ 8, 10-11",
    quote: S8_VOLUNTARY,
    story: "a voluntary admission on 2013-10-01: ineligible through 2014-04-01",
    question: "credential-eligibility",
    on: "2014-04-01",
    facts: credentialApplication(HG, [voluntary("2013-10-01")]),
    outcome: "no",
    check: disqualifiers("credentials.voluntary-admission"),
  },
  {
    section: "§§ 8, 10-11",
    quote: S8_VOLUNTARY,
    story: "the same admission: eligible on 2014-04-02",
    question: "credential-eligibility",
    on: "2014-04-02",
    facts: credentialApplication(HG, [voluntary("2013-10-01")]),
    outcome: "yes",
  },
  {
    section: "§§ 8, 10-11",
    quote: S8_VOLUNTARY,
    story: "an admission solely for alcohol or drug treatment does not disqualify",
    question: "credential-eligibility",
    on: "2013-12-01",
    facts: credentialApplication(HG, [voluntary("2013-11-01", true)]),
    outcome: "yes",
  },
  {
    section: "§§ 2-7",
    quote:
      "The bill sets the minimum age for a long gun eligibility certificate at 18, whereas existing law sets a minimum age of 21 for a handgun eligibility certificate.",
    story: "an 18-year-old on 2013-07-01: a long gun certificate, not a handgun certificate",
    question: "credential-eligibility",
    on: "2013-07-01",
    facts: credentialApplication(LG, [], "1995-07-01"),
    outcome: "yes",
  },
  {
    section: "§§ 2-7",
    quote:
      "The bill sets the minimum age for a long gun eligibility certificate at 18, whereas existing law sets a minimum age of 21 for a handgun eligibility certificate.",
    story: "the same 18-year-old asking for a handgun eligibility certificate: too young",
    question: "credential-eligibility",
    on: "2013-07-01",
    facts: credentialApplication(HG, [], "1995-07-01"),
    outcome: "no",
    check: disqualifiers("credentials.minimum-age"),
  },
  {
    section: "§§ 2-7",
    quote: "§§ 2-7 — LONG GUN ELIGIBILITY CERTIFICATE ... EFFECTIVE DATE: July 1, 2013",
    story: "a long gun eligibility certificate on 2013-06-30: it does not exist yet",
    question: "credential-eligibility",
    on: "2013-06-30",
    facts: credentialApplication(LG, []),
    outcome: "no",
    check: disqualifiers("credentials.certificate-exists"),
  },
]);

// ---- § 1: the waiting period's last days and delivery tied to the authorization ----------------

const S1_WAIT =
  "Current law contains a two-week waiting period for long gun purchases from gun dealers, with certain exceptions (e.g., if the buyer holds certain gun credentials). Under the bill, this waiting period only applies prior to April 1, 2014. The bill also makes a conforming change by adding an exception to the waiting period if the buyer has a long gun eligibility certificate. It appears that starting April 1, 2014, the bill ties delivery to the date DESPP issues an authorization number for the transaction.";
const retailLongGun = (on: string, appliedOn: string, authorizedOn: string, credentials: unknown[] = []) => ({
  seller: { federalLicence: "dealer" },
  firearm: { semiautomaticCenterfireRifle: false, antique: false },
  buyer: {
    federalLicence: "none",
    birthDate: "1980-01-01",
    officer: "none",
    huntingLicence: false,
    armedForcesMember: false,
    events: [],
    credentials,
  },
  transfer: {
    applicationDate: appliedOn,
    authorization: { status: "approved", number: `LG-${on}`, issuedOn: authorizedOn },
    loaded: false,
  },
});

run("PA 13-3 § 1: the waiting period and the authorization date", [
  {
    section: "§ 1",
    quote: S1_WAIT,
    story: "applied 2014-03-17, no credential, delivered 2014-03-31: the two weeks have run",
    question: "long-gun-sale",
    on: "2014-03-31",
    facts: retailLongGun("2014-03-31", "2014-03-17", "2014-03-17"),
    outcome: "yes",
    result: { waitUntil: "2014-03-31" },
  },
  {
    section: "§ 1",
    quote: S1_WAIT,
    story: "applied 2014-03-18, no credential, delivered 2014-03-31: one day short",
    question: "long-gun-sale",
    on: "2014-03-31",
    facts: retailLongGun("2014-03-31", "2014-03-18", "2014-03-18"),
    outcome: "no",
    result: { waitUntil: "2014-04-01" },
  },
  {
    section: "§ 1",
    quote: S1_WAIT,
    story: "applied 2014-03-20 with a long gun eligibility certificate, delivered 2014-03-31: no wait",
    question: "long-gun-sale",
    on: "2014-03-31",
    facts: retailLongGun("2014-03-31", "2014-03-20", "2014-03-20", [LGEC]),
    outcome: "yes",
    result: { waitUntil: null },
  },
  {
    section: "§ 1",
    quote: S1_WAIT,
    story: "2014-04-01, a certificate holder whose authorization number was issued that day: delivered",
    question: "long-gun-sale",
    on: "2014-04-01",
    facts: retailLongGun("2014-04-01", "2014-03-31", "2014-04-01", [LGEC]),
    outcome: "yes",
  },
  {
    section: "§ 1",
    quote: S1_WAIT,
    story: "2014-04-01, the authorization number issued only on 2014-04-02: no delivery yet",
    question: "long-gun-sale",
    on: "2014-04-01",
    facts: retailLongGun("2014-04-01", "2014-03-31", "2014-04-02", [LGEC]),
    outcome: "no",
  },
]);
