/**
 * More scenarios from the OLR bill analysis of PA 13-3 (SB 1160), for the sections the first
 * scenario file (scenarios.test.ts) covers thinly. Asked as the decision API asks: a question id,
 * a date and facts parsed by the question's own schema. Each scenario names the analysis section
 * and quotes the sentence it tests.
 */
import assert from "node:assert/strict";
import { type Decision } from "../core/questions.ts";
import {
  type LongGunPatch,
  type Scenario,
  ask,
  runScenarios,
  longGunRetail as retailSale,
  LGEC,
  PERMIT,
  AMMO_CERT,
  PHOTO_ID,
} from "./scenario-kit.ts";

const run = (title: string, scenarios: Scenario[]) => runScenarios(title, scenarios, { quoted: true });

// ---- §§ 42-43, 46-50, 52-53: Table 2 -------------------------------------------------------

const T2 = "§§ 42-43, 46-50, 52-53 (Table 2)";
const yrs = (n: number) => ({ amount: n, unit: "years" });
interface Row {
  crime: string;
  quote: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  beforeOutcome?: "yes" | "no";
  afterOutcome?: "yes" | "no";
  facts?: Record<string, unknown>;
}
const C2 = {
  classification: "class C felony",
  mandatoryMinimumPrison: yrs(2),
  mandatoryFine: 5000,
  fineRemittableOnRecord: true,
};
const B3 = {
  classification: "class B felony",
  mandatoryMinimumPrison: yrs(3),
  mandatoryFine: 10000,
  fineRemittableOnRecord: true,
};
const plain = (classification: string) => ({ classification, mandatoryMinimumPrison: null, mandatoryFine: null });
const ROWS: Row[] = [
  {
    crime: "stealing-a-firearm",
    quote: "43 Stealing a firearm (53a-212) Class D felony | Class C felony, Two-year prison term, $5,000 fine",
    before: plain("class D felony"),
    after: C2,
  },
  {
    crime: "failing-to-surrender-revoked-permit",
    quote: "46 Failing to surrender a revoked permit (29-32) Class C misdemeanor | Class A misdemeanor",
    before: plain("class C misdemeanor"),
    after: plain("class A misdemeanor"),
  },
  {
    crime: "handgun-transfer-to-prohibited-person",
    quote:
      "47 Transferring a pistol or revolver to a prohibited person ... (29-33) Class D felony | Class C felony, two-year, $5,000",
    before: plain("class D felony"),
    after: C2,
  },
  {
    crime: "handgun-transfer-knowing-stolen-or-altered",
    quote:
      "47 ... knowing the transferred weapon is stolen or has an altered identification mark (29-33) Class B felony | Class B felony, three-year, $10,000",
    before: plain("class B felony"),
    after: B3,
  },
  {
    crime: "false-statement-handgun-transfer",
    quote:
      "48 Making a false statement related to a pistol or revolver transfer (29-34(a)) Class D felony | Class C felony",
    before: plain("class D felony"),
    after: C2,
  },
  {
    crime: "handgun-transfer-to-person-under-21",
    quote:
      "48 Transferring a pistol or revolver to someone under age 21 ... (29-34(b)) Class D felony, One-year mandatory minimum | Class C felony",
    before: { classification: "class D felony", mandatoryMinimumPrison: yrs(1), mandatoryFine: null },
    after: C2,
  },
  {
    crime: "altering-firearm-identification",
    quote:
      "49 Altering firearm identification mark, number, or name (29-36) Up to five years in prison, a fine or up to $1,000, or both | Class C felony",
    before: { classification: "unclassified", prisonMax: yrs(5), fineMax: 1000, mandatoryFine: null },
    after: C2,
  },
  {
    crime: "failing-to-report-loss-or-theft-repeat",
    quote:
      "50 Failing to report loss or theft of firearm (2nd or subsequent offense)(53-202g) Class D felony | Class C felony",
    before: plain("class D felony"),
    after: plain("class C felony"),
  },
  {
    crime: "intentionally-failing-to-report-loss-or-theft",
    quote: "50 Intentionally failing to report loss or theft of firearm (53-202g) Class C felony | Class B felony",
    before: plain("class C felony"),
    after: plain("class B felony"),
  },
  {
    crime: "failing-to-surrender-revoked-eligibility-certificate",
    quote: "52 Failing to surrender revoked eligibility certificate (29-36i) Class C misdemeanor | Class A misdemeanor",
    before: plain("class C misdemeanor"),
    after: plain("class A misdemeanor"),
  },
  {
    crime: "straw-purchase",
    quote:
      "53 Buying a firearm intending to transfer it to an ineligible person (29-37j(a)) Up to five years in prison, fine of up to $1,000, or both | Class C felony",
    before: { classification: "unclassified", prisonMax: yrs(5), fineMax: 1000 },
    after: C2,
  },
  {
    crime: "ineligible-soliciting-straw-purchase",
    quote:
      "53 Ineligible person soliciting a firearm through a straw man (29-37j(b)) Class B misdemeanor | Class D felony, One-year, $3,000",
    before: plain("class B misdemeanor"),
    after: {
      classification: "class D felony",
      mandatoryMinimumPrison: yrs(1),
      mandatoryFine: 3000,
      fineRemittableOnRecord: true,
    },
  },
  {
    crime: "ineligible-obtaining-firearm-from-straw-purchaser",
    quote: "53 Ineligible person obtaining a firearm from a straw man (29-37j(b)) No current penalty | Class C felony",
    before: { classification: "none" },
    beforeOutcome: "no",
    after: C2,
  },
  {
    crime: "ineligible-soliciting-straw-purchase-more-than-one-firearm",
    quote:
      "53 Ineligible person soliciting through a straw man involving transfer of more than one firearm (29-37j(b)) Class A misdemeanor | Penalty eliminated",
    before: plain("class A misdemeanor"),
    after: { classification: "none" },
    afterOutcome: "no",
  },
  {
    crime: "straw-purchase-felony-conviction-in-past-five-years",
    quote:
      "53 Straw man violations when offender had felony conviction in past five years (29-37j(c)) Class D felony | Class B felony, three-year, $10,000",
    before: plain("class D felony"),
    after: B3,
  },
  {
    crime: "firearms-trafficking",
    facts: { firearmsTransferred: 4 },
    quote:
      "42 Trafficking in firearms (53-202aa) Class C felony if transfer less than five firearms | Class B felony, Three-year, $10,000",
    before: plain("class C felony"),
    after: B3,
  },
  {
    crime: "firearms-trafficking",
    facts: { firearmsTransferred: 5 },
    quote: "42 Trafficking in firearms (53-202aa) Class B felony if transfer five or more firearms",
    before: plain("class B felony"),
    after: B3,
  },
];

const penaltyScenarios: Scenario[] = ROWS.flatMap((r) => [
  {
    section: T2,
    quote: r.quote,
    story: `${r.crime}${r.facts ? ` ${JSON.stringify(r.facts)}` : ""} committed 2013-09-30: the current penalty`,
    question: "penalty",
    on: "2013-09-30",
    facts: { crime: r.crime, ...r.facts },
    outcome: r.beforeOutcome ?? "yes",
    result: { ...r.before, version: "before-pa-13-3" },
  },
  {
    section: T2,
    quote: r.quote,
    story: `${r.crime}${r.facts ? ` ${JSON.stringify(r.facts)}` : ""} committed 2013-10-01: the bill's penalty`,
    question: "penalty",
    on: "2013-10-01",
    facts: { crime: r.crime, ...r.facts },
    outcome: r.afterOutcome ?? "yes",
    result: { ...r.after, version: "pa-13-3" },
  },
]);

run("PA 13-3 Table 2 penalties, day before and day of October 1, 2013", [
  ...penaltyScenarios,
  {
    section: "§ 42",
    quote: "Class C felony if transfer less than five firearms; Class B felony if transfer five or more firearms",
    story: "trafficking before the bill with the number of firearms unknown: unknown",
    question: "penalty",
    on: "2013-09-30",
    facts: { crime: "firearms-trafficking" },
    outcome: "unknown",
  },
  {
    section: "§ 42",
    quote: "Penalty Under the Bill: Class B felony (no firearm count)",
    story: "trafficking one firearm under the bill: class B felony without the count mattering",
    question: "penalty",
    on: "2014-06-01",
    facts: { crime: "firearms-trafficking", firearmsTransferred: 1 },
    outcome: "yes",
    result: B3,
  },
  {
    section: "§ 44",
    quote:
      "The bill increases the penalty for this crime from a class D to a class C felony. The law already imposes a two-year mandatory minimum sentence. The bill also imposes a mandatory minimum $5,000 fine",
    story: "criminal possession of a firearm committed 2013-09-30: class D felony with the two-year minimum, no fine",
    question: "penalty",
    on: "2013-09-30",
    facts: { crime: "criminal-possession-of-firearm-ammunition-or-electronic-defense-weapon" },
    outcome: "yes",
    result: { classification: "class D felony", mandatoryMinimumPrison: yrs(2), mandatoryFine: null },
  },
  {
    section: "§ 44",
    quote:
      "from a class D to a class C felony ... two-year mandatory minimum ... $5,000 fine unless the court states on the record why it remits or reduces the fine",
    story: "criminal possession of a firearm committed 2013-10-01: class C, two years, $5,000",
    question: "penalty",
    on: "2013-10-01",
    facts: { crime: "criminal-possession-of-firearm-ammunition-or-electronic-defense-weapon" },
    outcome: "yes",
    result: C2,
  },
  {
    section: "§ 45",
    quote:
      "The bill increases the penalty for this crime from a class D to a class C felony and imposes a mandatory minimum (1) two-year prison sentence and (2) $5,000 fine",
    story: "criminal possession of a handgun committed 2013-09-30: class D, no mandatory minimum",
    question: "penalty",
    on: "2013-09-30",
    facts: { crime: "criminal-possession-of-a-handgun" },
    outcome: "yes",
    result: plain("class D felony"),
  },
  {
    section: "§ 45",
    quote:
      "from a class D to a class C felony and imposes a mandatory minimum (1) two-year prison sentence and (2) $5,000 fine",
    story: "criminal possession of a handgun committed 2013-10-01: class C, two years, $5,000",
    question: "penalty",
    on: "2013-10-01",
    facts: { crime: "criminal-possession-of-a-handgun" },
    outcome: "yes",
    result: C2,
  },
]);

// ---- §§ 18-22: Deadly Weapon Offender Registry ------------------------------------------

const REG = "§§ 18-22";
const RELEASE_QUOTE =
  "Anyone convicted, or found not guilty by reason of mental disease or defect, of a deadly weapon offense and released into the community on or after January 1, 2014, must register with DESPP within 14 calendar days after being released.";
const reg = (extra: Record<string, unknown>) => ({
  deadlyWeaponOffense: true,
  disposition: "convicted",
  registered: false,
  ...extra,
});
const window1 = (d: Decision<Record<string, unknown>>) =>
  (d.result as { window?: Record<string, unknown>; nextUpdate?: Record<string, unknown> }).window ??
  (d.result as { nextUpdate: Record<string, unknown> }).nextUpdate;

run("PA 13-3 §§ 18-22 offender registry", [
  {
    section: REG,
    quote: RELEASE_QUOTE,
    story: "released 2013-12-31, the day before: no duty to register",
    question: "offender-registration",
    on: "2014-01-10",
    facts: reg({ releasedIntoCommunityOn: "2013-12-31" }),
    outcome: "no",
    result: { mustRegister: false },
  },
  {
    section: REG,
    quote: RELEASE_QUOTE,
    story: "released 2014-01-01: must register by 2014-01-15 (14 calendar days)",
    question: "offender-registration",
    on: "2014-01-02",
    facts: reg({ releasedIntoCommunityOn: "2014-01-01" }),
    outcome: "yes",
    result: { mustRegister: true, registrationDueOn: "2014-01-15" },
  },
  {
    section: REG,
    quote: "must register with DESPP within 14 calendar days after being released",
    story:
      "released Thursday 2014-12-11: 14 calendar days end on Christmas Day 2014-12-25, not moved to a business day",
    question: "offender-registration",
    on: "2014-12-12",
    facts: reg({ releasedIntoCommunityOn: "2014-12-11" }),
    outcome: "yes",
    result: { registrationDueOn: "2014-12-25" },
  },
  {
    section: REG,
    quote: "Anyone in the DOC commissioner's custody must register before release as the DOC commissioner directs.",
    story: "released from DOC custody: must register before release",
    question: "offender-registration",
    on: "2014-02-01",
    facts: reg({ releasedIntoCommunityOn: "2014-03-03", fromDocCustody: true }),
    outcome: "yes",
    result: { registerBeforeRelease: true, registrationDueOn: "2014-03-03" },
  },
  {
    section: REG,
    quote: "found not guilty by reason of mental disease or defect for such an offense",
    story: "found not guilty by reason of mental disease or defect of a deadly weapon offense: must register",
    question: "offender-registration",
    on: "2014-04-01",
    facts: reg({
      disposition: "not-guilty-by-reason-of-mental-disease-or-defect",
      releasedIntoCommunityOn: "2014-03-20",
    }),
    outcome: "yes",
    result: { mustRegister: true, registrationDueOn: "2014-04-03" },
  },
  {
    section: REG,
    quote:
      "registry of everyone (1) convicted of an offense committed with a deadly weapon or (2) found not guilty by reason of mental disease or defect",
    story: "acquitted of a deadly weapon offense: no registration",
    question: "offender-registration",
    on: "2014-04-01",
    facts: reg({ disposition: "other", releasedIntoCommunityOn: "2014-03-20" }),
    outcome: "no",
    result: { mustRegister: false },
  },
  {
    section: REG,
    quote: "By January 1, 2014, the bill requires DESPP to establish and maintain a registry",
    story: "asked 2013-12-31, before the registry: no duty yet, starts 2014-01-01",
    question: "offender-registration",
    on: "2013-12-31",
    facts: reg({ releasedIntoCommunityOn: "2014-01-05" }),
    outcome: "no",
    result: { mustRegister: false, dutyStartsOn: "2014-01-01" },
  },
  {
    section: REG,
    quote: "The DESPP commissioner must maintain the registration information for five years.",
    story: "registered 2014-03-10: registered through 2019-03-09, not after",
    question: "offender-registration",
    on: "2019-03-09",
    facts: reg({ releasedIntoCommunityOn: "2014-03-01", registered: true, initialRegistrationOn: "2014-03-10" }),
    outcome: "yes",
    result: { registrationEndsOn: "2019-03-09" },
  },
  {
    section: REG,
    quote: "The DESPP commissioner must maintain the registration information for five years.",
    story: "registered 2014-03-10, asked 2019-03-10: the five years are over",
    question: "offender-registration",
    on: "2019-03-10",
    facts: reg({ releasedIntoCommunityOn: "2014-03-01", registered: true, initialRegistrationOn: "2014-03-10" }),
    outcome: "no",
    result: { mustRegister: false },
  },
  {
    section: REG,
    quote:
      "DESPP may suspend the registration of anyone incarcerated, under civil commitment, or living out of state. ... Suspension of registration does not affect the expiration date of the registration.",
    story: "a registrant living out of state: suspension permitted, the end date unchanged",
    question: "offender-registration",
    on: "2015-01-10",
    facts: reg({
      releasedIntoCommunityOn: "2014-03-01",
      registered: true,
      initialRegistrationOn: "2014-03-10",
      livingOutOfState: true,
    }),
    outcome: "yes",
    result: { suspensionPermitted: true, registrationEndsOn: "2019-03-09" },
  },
  {
    section: REG,
    quote: "DESPP may suspend the registration of anyone incarcerated, under civil commitment, or living out of state.",
    story: "a registrant under civil commitment: suspension permitted",
    question: "offender-registration",
    on: "2015-01-10",
    facts: reg({
      releasedIntoCommunityOn: "2014-03-01",
      registered: true,
      initialRegistrationOn: "2014-03-10",
      incarcerated: false,
      underCivilCommitment: true,
      livingOutOfState: false,
    }),
    outcome: "yes",
    result: { suspensionPermitted: true },
  },
  {
    section: REG,
    quote: "DESPP may suspend the registration of anyone incarcerated, under civil commitment, or living out of state.",
    story: "a registrant living in the state, free: no suspension",
    question: "offender-registration",
    on: "2015-01-10",
    facts: reg({
      releasedIntoCommunityOn: "2014-03-01",
      registered: true,
      initialRegistrationOn: "2014-03-10",
      incarcerated: false,
      underCivilCommitment: false,
      livingOutOfState: false,
    }),
    outcome: "yes",
    result: { suspensionPermitted: false },
  },
  {
    section: REG,
    quote:
      "Failure to (1) inform the DESPP commissioner of a name or address change or (2) register and update one's status as required is a class D felony.",
    story: "the registration answer states the class D felony",
    question: "offender-registration",
    on: "2014-02-01",
    facts: reg({ releasedIntoCommunityOn: "2014-01-20" }),
    outcome: "yes",
    check: (d) => assert.match(String(d.result.failureToRegisterOrNotify), /class D felony/),
  },
  // Table 1
  ...(
    [
      ["2-1e(c)", "Interference with the legislative process", "yes"],
      ["29-28(e)", "Possessing or carrying a handgun where prohibited", "yes"],
      ["29-33(i)", "Sell or transfer handgun in violation of statutory transfer procedures", "yes"],
      ["29-33(f)", "29-33 is listed only for (a) to (e) and (i)", "no"],
      ["29-35(a)", "Carry a handgun without a permit", "yes"],
      ["29-36k", "Failure to transfer, deliver, or surrender handguns by persons ineligible", "yes"],
      ["29-37g(c)", "Noncompliance with law governing ... firearms at gun show", "yes"],
      ["53-202(g)", "Failure to register machine gun", "yes"],
      ["53-202l", "armor piercing .50 caliber bullet", "yes"],
      ["53-206b", "Unlawful training in use of firearms", "yes"],
      [
        "53a-8(b)",
        "Sell, deliver, or provide firearm to another person to engage in conduct constituting an offense",
        "yes",
      ],
      ["53a-103a", "Burglary in the 3rd degree with a firearm", "yes"],
      ["53a-217a", "Criminally negligent storage of a firearm", "yes"],
      ["53a-217b", "Illegal possession of a weapon on school grounds", "yes"],
    ] as const
  ).map(([statute, quote, outcome]): Scenario => ({
    section: `${REG} (Table 1)`,
    quote,
    story: `CGS § ${statute} (a felony, no firearm finding) ${outcome === "yes" ? "is" : "is not"} a deadly weapon offense`,
    question: "deadly-weapon-offense",
    on: "2014-02-01",
    facts: { statute, isFelony: outcome === "yes", courtFoundFirearm: false },
    outcome,
    result: { deadlyWeaponOffense: outcome === "yes" },
  })),
  {
    section: `${REG} (Table 1)`,
    quote: "Second or subsequent violation of failure to report the loss or theft of a firearm 53-202g",
    story: "a first violation of § 53-202g is not a deadly weapon offense",
    question: "deadly-weapon-offense",
    on: "2014-02-01",
    facts: { statute: "53-202g", secondOrSubsequent: false, isFelony: false, courtFoundFirearm: false },
    outcome: "no",
  },
  {
    section: `${REG} (Table 1)`,
    quote: "Second or subsequent violation of failure to report the loss or theft of a firearm 53-202g",
    story: "a second violation of § 53-202g is a deadly weapon offense",
    question: "deadly-weapon-offense",
    on: "2014-02-01",
    facts: { statute: "53-202g", secondOrSubsequent: true },
    outcome: "yes",
  },
  {
    section: `${REG} (Table 1)`,
    quote:
      "A violation of any statute that constitutes a felony, provided the court makes a finding that, at the time of the violation, the person used a firearm",
    story: "robbery (a felony not in Table 1) with the court's firearm finding: a deadly weapon offense",
    question: "deadly-weapon-offense",
    on: "2014-02-01",
    facts: { statute: "53a-135", isFelony: true, courtFoundFirearm: true },
    outcome: "yes",
    result: { basis: "felony-with-firearm-finding" },
  },
  {
    section: `${REG} (Table 1)`,
    quote: "A violation of any statute that constitutes a felony, provided the court makes a finding ...",
    story: "a misdemeanor not in Table 1, even with a firearm finding: not a deadly weapon offense",
    question: "deadly-weapon-offense",
    on: "2014-02-01",
    facts: { statute: "53a-181", isFelony: false, courtFoundFirearm: true },
    outcome: "no",
  },
  {
    section: `${REG} (Table 1)`,
    quote: "A violation of any statute that constitutes a felony, provided the court makes a finding ...",
    story: "a felony not in Table 1 without the court's finding: not a deadly weapon offense",
    question: "deadly-weapon-offense",
    on: "2014-02-01",
    facts: { statute: "53a-135", isFelony: true, courtFoundFirearm: false },
    outcome: "no",
  },
  // change notices
  {
    section: REG,
    quote:
      "a person's failure to notify the commissioner without undue delay of a name or address change is subject to the penalty only if the failure continues for five business days.",
    story: "address changed Friday 2014-05-30: the felony only after Friday 2014-06-06 (five business days)",
    question: "offender-change-notice",
    on: "2014-06-02",
    facts: { registrant: true, change: "address", changedOn: "2014-05-30" },
    outcome: "yes",
    result: { mustAct: true, dueOn: "2014-06-06" },
    check: (d) =>
      assert.equal((d.result.penaltyIfMissed as { classification: string }).classification, "class D felony"),
  },
  {
    section: REG,
    quote: "subject to the penalty only if the failure continues for five business days.",
    story: "name changed Thursday 2014-07-03: Independence Day is not a business day, last day 2014-07-11",
    question: "offender-change-notice",
    on: "2014-07-03",
    facts: { registrant: true, change: "name", changedOn: "2014-07-03" },
    outcome: "yes",
    result: { dueOn: "2014-07-11" },
  },
  {
    section: REG,
    quote: "subject to the penalty only if the failure continues for five business days.",
    story: "notice on the fifth business day is in time; on the sixth it is late",
    question: "offender-change-notice",
    on: "2014-06-09",
    facts: { registrant: true, change: "address", changedOn: "2014-05-30", notifiedOn: "2014-06-09" },
    outcome: "yes",
    result: { actedInTime: false, overdue: true },
  },
  {
    section: REG,
    quote: "A registrant who changes his or her name or address must notify the DESPP commissioner in writing",
    story: "a person who is not a registrant has no duty",
    question: "offender-change-notice",
    on: "2014-06-02",
    facts: { registrant: false, change: "address", changedOn: "2014-05-30" },
    outcome: "no",
    result: { mustAct: false },
  },
  // annual updates
  {
    section: REG,
    quote:
      "People required to register must do so within 20 days after the anniversary of the initial registration date. ... Not later than 30 calendar days before each anniversary date, DESPP must mail written notice ... Within 30 days of the anniversary date, the troop or department must notify the commissioner",
    story: "registered 2014-03-10: appear 2015-03-10 to 2015-03-30; notice by 2015-02-08; police report by 2015-04-09",
    question: "offender-annual-update",
    on: "2014-06-01",
    facts: { initialRegistrationOn: "2014-03-10" },
    outcome: "yes",
    result: { mustAct: true, dueOn: "2015-03-30" },
    check: (d) => {
      const w = window1(d);
      assert.equal(w.anniversary, "2015-03-10");
      assert.equal(w.noticeMailBy, "2015-02-08");
      assert.equal(w.appearanceReportDueBy, "2015-04-09");
    },
  },
  {
    section: REG,
    quote: "within 20 days after the anniversary of the initial registration date",
    story: "appeared 2015-03-31, the 21st day after the anniversary: late",
    question: "offender-annual-update",
    on: "2015-03-31",
    facts: { initialRegistrationOn: "2014-03-10", appearedOn: "2015-03-31" },
    outcome: "yes",
    result: { dueOn: "2015-03-30", actedInTime: false },
  },
  {
    section: REG,
    quote: "within 20 days after the anniversary of the initial registration date",
    story: "appeared 2015-03-20, asked 2015-04-01: the appearance was in time for the first window",
    question: "offender-annual-update",
    on: "2015-04-01",
    facts: { initialRegistrationOn: "2014-03-10", appearedOn: "2015-03-20" },
    outcome: "yes",
    result: { dueOn: "2015-03-30", actedInTime: true, overdue: false },
  },
  {
    section: REG,
    quote: "The department or troop, as applicable, may defer the appearance to a later date for good cause.",
    story: "appearance deferred to 2015-04-15: appearing then is in time",
    question: "offender-annual-update",
    on: "2015-04-15",
    facts: { initialRegistrationOn: "2014-03-10", updateDeferredTo: "2015-04-15", appearedOn: "2015-04-15" },
    outcome: "yes",
    result: { dueOn: "2015-04-15", actedInTime: true },
  },
]);

// ---- § 59: risk reduction earned credits and parole for violent offenders ------------------

const RREC = "§ 59";
const VIOLENT_10Y = {
  violentOffense: true,
  excludedOffense: false,
  sentenceBeganOn: "2012-01-01",
  sentence: { years: 10 },
  creditDays: 120,
};
run("PA 13-3 § 59 parole eligibility", [
  {
    section: RREC,
    quote:
      "it requires inmates convicted of violent crimes to continue to serve 85% of their sentences before being eligible for parole, regardless of any credits they receive. ... EFFECTIVE DATE: July 1, 2013",
    story:
      "10 years from 2012-01-01 (3,653 days), 120 credit days, asked 2013-07-01: eligible after 85 % of the full 3,653 days, 2020-07-03",
    question: "parole-eligibility",
    on: "2013-07-01",
    facts: VIOLENT_10Y,
    outcome: "no",
    result: { paroleEligibleOn: "2020-07-03", creditsAdvanceParole: false, fullTermEndsOn: "2022-01-01" },
  },
  {
    section: RREC,
    quote:
      "For inmates who earn RREC, the credits reduce the inmate's maximum prison sentence and the inmate's parole eligibility is based on his or her sentence as reduced by the credits.",
    story: "the same inmate asked 2013-06-30, under the law before the bill: 85 % of 3,533 days, 2020-03-23",
    question: "parole-eligibility",
    on: "2013-06-30",
    facts: VIOLENT_10Y,
    outcome: "no",
    result: { paroleEligibleOn: "2020-03-23", creditsAdvanceParole: true },
  },
  {
    section: RREC,
    quote: "As under current law, the credits still reduce the inmate's maximum prison sentence.",
    story: "120 credit days bring the end of the 10-year sentence from 2022-01-01 to 2021-09-03",
    question: "parole-eligibility",
    on: "2014-01-02",
    facts: VIOLENT_10Y,
    outcome: "no",
    result: { maximumReleaseOn: "2021-09-03" },
  },
  {
    section: RREC,
    quote: "to continue to serve 85% of their sentences before being eligible for parole",
    story: "asked on 2020-07-03, the first day after 85 %: eligible; the day before not",
    question: "parole-eligibility",
    on: "2020-07-03",
    facts: VIOLENT_10Y,
    outcome: "yes",
    check: () => assert.equal(ask("parole-eligibility", "2020-07-02", VIOLENT_10Y).outcome, "no"),
  },
  {
    section: RREC,
    quote: "Credits cannot reduce a mandatory minimum sentence.",
    story:
      "a 10-year sentence with a 9-year-10-month mandatory minimum and 300 credit days: the maximum stops at the end of the minimum",
    question: "parole-eligibility",
    on: "2014-01-02",
    facts: { ...VIOLENT_10Y, creditDays: 300, mandatoryMinimum: { years: 9, months: 10 } },
    outcome: "no",
    result: { maximumReleaseOn: "2021-11-01" },
  },
  {
    section: RREC,
    quote:
      "Under current law, inmates convicted of any crimes except the following can earned RREC: 1. murder ... 6. home invasion",
    story: "an inmate convicted of home invasion earns no credits: the maximum is the full sentence",
    question: "parole-eligibility",
    on: "2014-01-02",
    facts: { ...VIOLENT_10Y, excludedOffense: true },
    outcome: "unknown",
    result: { maximumReleaseOn: "2022-01-01" },
    check: (d) =>
      assert.equal(d.findings.find((f) => f.id === "corrections.risk-reduction-credits")?.status, "not-met"),
  },
]);

// ---- §§ 60-61: Board of Firearms Permit Examiners -------------------------------------------

const BOARD = "§ 61";
const STATEMENT_QUOTE =
  "an issuing authority's failure or refusal to provide a written statement to the board explaining the reasons for his or her adverse decision at least 10 days before the hearing is automatic cause for the board to grant relief to an appellant.";
const CONTINUANCE_QUOTE =
  "The bill allows the board to grant one continuance, for good cause, to an official whose action on a gun permit or gun eligibility certificate is being appealed. If granted, the appeal is continued until the next scheduled board meeting";
const CONTINUED = {
  hearingOn: "2014-05-14",
  statementReceivedOn: "2014-05-08",
  continuanceGranted: true,
  continuanceRequestedBy: "issuing-authority",
  continuanceGoodCause: true,
  continuancesAlreadyGranted: 0,
  nextScheduledMeetingOn: "2014-06-11",
};
run("PA 13-3 §§ 60-61 board appeals", [
  {
    section: BOARD,
    quote: STATEMENT_QUOTE,
    story: "statement received 2014-05-04, exactly 10 days before a 2014-05-14 hearing: no automatic relief",
    question: "appeal-hearing",
    on: "2014-05-14",
    facts: { hearingOn: "2014-05-14", statementReceivedOn: "2014-05-04", continuanceGranted: false },
    outcome: "no",
    result: { automaticRelief: false, statementDueBy: "2014-05-04" },
  },
  {
    section: BOARD,
    quote: STATEMENT_QUOTE,
    story: "statement received 2014-05-05, nine days before: automatic relief",
    question: "appeal-hearing",
    on: "2014-05-14",
    facts: { hearingOn: "2014-05-14", statementReceivedOn: "2014-05-05", continuanceGranted: false },
    outcome: "yes",
    result: { automaticRelief: true },
  },
  {
    section: BOARD,
    quote: STATEMENT_QUOTE,
    story: "the official refused to give any statement, asked the day before the hearing: automatic relief",
    question: "appeal-hearing",
    on: "2014-05-13",
    facts: { hearingOn: "2014-05-14", statementProvided: false, continuanceGranted: false },
    outcome: "yes",
  },
  {
    section: BOARD,
    quote: CONTINUANCE_QUOTE,
    story:
      "the official's first continuance for good cause: the appeal moves to the next meeting 2014-06-11 and a statement 2014-05-08 is in time",
    question: "appeal-hearing",
    on: "2014-06-11",
    facts: CONTINUED,
    outcome: "no",
    result: {
      continuancePermitted: true,
      hearingOn: "2014-06-11",
      statementDueBy: "2014-06-01",
      automaticRelief: false,
    },
  },
  {
    section: BOARD,
    quote: "The bill allows the board to grant one continuance",
    story:
      "a second continuance to the official is not permitted: the hearing stays 2014-05-14 and the late statement means relief",
    question: "appeal-hearing",
    on: "2014-05-14",
    facts: { ...CONTINUED, continuancesAlreadyGranted: 1 },
    outcome: "yes",
    result: { continuancePermitted: false, hearingOn: "2014-05-14" },
  },
  {
    section: BOARD,
    quote: "one continuance, for good cause",
    story: "a continuance without good cause is not permitted",
    question: "appeal-hearing",
    on: "2014-05-14",
    facts: { ...CONTINUED, continuanceGoodCause: false },
    outcome: "yes",
    result: { continuancePermitted: false },
  },
  {
    section: BOARD,
    quote: "EFFECTIVE DATE: July 1, 2013",
    story: "an official's continuance on 2013-06-30, before the bill: not permitted",
    question: "appeal-hearing",
    on: "2013-06-30",
    facts: {
      ...CONTINUED,
      hearingOn: "2013-06-30",
      statementReceivedOn: "2013-06-25",
      nextScheduledMeetingOn: "2013-07-24",
    },
    outcome: "yes",
    result: { continuancePermitted: false },
  },
  {
    section: BOARD,
    quote: "EFFECTIVE DATE: July 1, 2013",
    story: "the same continuance on 2013-07-01: permitted, the hearing moves to 2013-07-24",
    question: "appeal-hearing",
    on: "2013-07-01",
    facts: {
      ...CONTINUED,
      hearingOn: "2013-07-01",
      statementReceivedOn: "2013-06-25",
      nextScheduledMeetingOn: "2013-07-24",
    },
    outcome: "no",
    result: { continuancePermitted: true, hearingOn: "2013-07-24" },
  },
]);

// ---- §§ 70-75 (and §§ 71, 73(c), 74(d)): insurance review clocks ----------------------------

const INS = "§§ 71 & 73(c)";
const SUD = {
  reviewType: "initial-determination",
  condition: "substance-use-disorder",
  informationProvided: true,
  extensionOfCourse: false,
  concurrentReview: false,
  otherwiseUrgent: false,
  receivedAt: "2013-10-01T09:30:00-04:00",
};
run("PA 13-3 §§ 70-75 insurance review clocks", [
  {
    section: INS,
    quote:
      "It requires the carrier to make its determination as soon as possible, but no more than 24 hours after it receives a request for service or treatment for these disorders. ... EFFECTIVE DATE: October 1, 2013",
    story:
      "a substance use disorder request received 2013-10-01 09:30 EDT: due within 24 hours, by 2013-10-02 13:30 UTC",
    question: "insurance-review-clock",
    on: "2013-10-01",
    facts: SUD,
    outcome: "yes",
    result: { clock: "24-hours", urgent: true, dueAt: "2013-10-02T13:30:00.000Z" },
  },
  {
    section: INS,
    quote:
      "In general, carriers must make a determination within 15 calendar days for non-urgent requests but within 72 hours for urgent requests.",
    story:
      "the same request received 2013-09-30, before the bill, not otherwise urgent: 15 calendar days, by 2013-10-15",
    question: "insurance-review-clock",
    on: "2013-09-30",
    facts: { ...SUD, receivedAt: "2013-09-30T09:30:00-04:00" },
    outcome: "no",
    result: { clock: "15-calendar-days", dueOn: "2013-10-15" },
  },
  {
    section: INS,
    quote: "within 72 hours for urgent requests",
    story: "an urgent request for another condition received 2014-02-03 08:00 EST: 72 hours",
    question: "insurance-review-clock",
    on: "2014-02-03",
    facts: { ...SUD, condition: "other", otherwiseUrgent: true, receivedAt: "2014-02-03T08:00:00-05:00" },
    outcome: "no",
    result: { clock: "72-hours", urgent: true, dueAt: "2014-02-06T13:00:00.000Z" },
  },
  {
    section: INS,
    quote:
      "The 24-hour deadline for the carrier does not apply if the covered person or his or her representative fails to provide the information the carrier needs to make its determination.",
    story: "a substance use disorder request without the information needed: the 24 hours do not apply",
    question: "insurance-review-clock",
    on: "2014-02-03",
    facts: { ...SUD, informationProvided: false },
    outcome: "no",
    check: (d) => assert.notEqual(d.result.clock, "24-hours"),
  },
  {
    section: INS,
    quote:
      "If the request is to extend a course of treatment beyond the initial period or number of treatments, the request must be made at least 24 hours before the initial authorization runs out.",
    story: "an extension asked exactly 24 hours before the authorization ends: the 24-hour clock",
    question: "insurance-review-clock",
    on: "2014-02-03",
    facts: { ...SUD, extensionOfCourse: true, hoursBeforeAuthorizationEnds: 24 },
    outcome: "yes",
    result: { clock: "24-hours" },
  },
  {
    section: INS,
    quote: "the request must be made at least 24 hours before the initial authorization runs out.",
    story: "an extension asked 23 hours before the authorization ends: not the 24-hour clock",
    question: "insurance-review-clock",
    on: "2014-02-03",
    facts: { ...SUD, extensionOfCourse: true, hoursBeforeAuthorizationEnds: 23 },
    outcome: "no",
    check: (d) => assert.notEqual(d.result.clock, "24-hours"),
  },
  {
    section: INS,
    quote: "(1) substance use disorder or co-occurring mental disorder",
    story: "a co-occurring mental disorder request: urgent, 24 hours",
    question: "insurance-review-clock",
    on: "2014-02-03",
    facts: { ...SUD, condition: "co-occurring-mental-disorder" },
    outcome: "yes",
    result: { clock: "24-hours", urgent: true },
  },
  {
    section: INS,
    quote:
      "intensive outpatient services needed to keep a covered person from requiring an inpatient setting in connection with a mental disorder",
    story: "intensive outpatient services for a mental disorder needed to avoid an inpatient setting: 24 hours",
    question: "insurance-review-clock",
    on: "2014-02-03",
    facts: { ...SUD, condition: "mental-disorder", service: "intensive-outpatient", neededToAvoidInpatient: true },
    outcome: "yes",
    result: { clock: "24-hours" },
  },
  {
    section: INS,
    quote: "intensive outpatient services needed to keep a covered person from requiring an inpatient setting",
    story:
      "intensive outpatient services for a mental disorder not needed to avoid an inpatient setting, not otherwise urgent: 15 days",
    question: "insurance-review-clock",
    on: "2014-02-03",
    facts: { ...SUD, condition: "mental-disorder", service: "intensive-outpatient", neededToAvoidInpatient: false },
    outcome: "no",
    result: { clock: "15-calendar-days", urgent: false, dueOn: "2014-02-18" },
  },
  {
    section: INS,
    quote:
      "(2) inpatient services, partial hospitalization, residential treatment ... in connection with a mental disorder",
    story: "partial hospitalization for a mental disorder: 24 hours",
    question: "insurance-review-clock",
    on: "2014-02-03",
    facts: { ...SUD, condition: "mental-disorder", service: "partial-hospitalization" },
    outcome: "yes",
    result: { clock: "24-hours" },
  },
  {
    section: "§§ 74(d) & 76(i)",
    quote:
      "The bill requires that carriers make their decision for expedited reviews of requests for services and treatment for the mental and substance use disorders within 24 hours.",
    story: "an expedited review of a denied residential treatment request for a mental disorder: 24 hours",
    question: "insurance-review-clock",
    on: "2014-02-03",
    facts: {
      ...SUD,
      reviewType: "expedited-review",
      condition: "mental-disorder",
      service: "residential-treatment",
      receivedAt: "2014-02-03T08:00:00-05:00",
    },
    outcome: "yes",
    result: { clock: "24-hours", dueAt: "2014-02-04T13:00:00.000Z" },
  },
  {
    section: "§§ 74(d) & 76(i)",
    quote:
      "Under current law, the carrier or independent review organization must notify the covered person ... of its decision regarding an expedited review within 72 hours of receiving a grievance.",
    story: "an expedited review for another urgent condition: 72 hours",
    question: "insurance-review-clock",
    on: "2014-02-03",
    facts: { ...SUD, reviewType: "expedited-review", condition: "other", otherwiseUrgent: true },
    outcome: "no",
    result: { clock: "72-hours" },
  },
  {
    section: "§ 73(b)(1)(B)",
    quote:
      "if a non-urgent request is a concurrent review request ... the treatment must be continued without liability to the covered person during the review or any grievance ... EFFECTIVE DATE: October 1, 2013",
    story: "a non-urgent concurrent review received 2013-10-01: treatment continues",
    question: "insurance-review-clock",
    on: "2013-10-01",
    facts: { ...SUD, condition: "other", concurrentReview: true },
    outcome: "no",
    result: { treatmentContinuesDuringReview: true, clock: "15-calendar-days" },
  },
  {
    section: "§ 73(b)(1)(B)",
    quote: "Existing law has a similar requirement in the case of urgent requests.",
    story: "a non-urgent concurrent review received 2013-09-30: the continuation rule did not yet reach it",
    question: "insurance-review-clock",
    on: "2013-09-30",
    facts: { ...SUD, condition: "other", concurrentReview: true },
    outcome: "no",
    result: { treatmentContinuesDuringReview: false },
  },
  {
    section: "§ 73(b)(1)(B)",
    quote: "Existing law has a similar requirement in the case of urgent requests.",
    story: "an urgent concurrent review received 2013-09-30: treatment continues under existing law",
    question: "insurance-review-clock",
    on: "2013-09-30",
    facts: { ...SUD, condition: "other", otherwiseUrgent: true, concurrentReview: true },
    outcome: "no",
    result: { treatmentContinuesDuringReview: true },
  },
]);

// ---- § 1 and §§ 14-17: edge dates and exceptions --------------------------------------------

/** The kit's retail sale, its application made 2014-03-20 unless the patch says otherwise. */
function longGunRetail(p: LongGunPatch = {}) {
  return retailSale({ ...p, transfer: { applicationDate: "2014-03-20", ...p.transfer } });
}
const RIFLE_OVER_FIVE = { semiautomaticCenterfireRifle: true, acceptsMagazineOverFiveRounds: true };
const BORN_1993 = "1993-05-02"; // 20 on 2014-05-01, 21 on 2014-05-02

function ammoSale(buyer: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    item: "ammunition",
    seller: { federalLicence: "dealer" },
    buyer: { federalLicence: "none", birthDate: "1980-01-10", credentials: [PERMIT], events: [], ...buyer },
    ...extra,
  };
}

const S1_CREDENTIAL =
  "On and after April 1, 2014, the bill requires anyone, except a federal marshal, parole officer, or peace officer, buying or receiving a long gun to have a long gun eligibility certificate, handgun permit, handgun dealer permit, or handgun eligibility certificate.";
const S1_AGE =
  "If the long gun is a semi-automatic centerfire rifle that has or accepts a magazine with a capacity of more than five rounds, the purchaser must be at least 21. This stricter limitation does not apply to members or employees of local police departments, the DESPP, the Department of Correction (DOC), or state or U.S. military or naval members, for use in the discharge of their duties.";
const S14 =
  "Starting October 1, 2013, the bill generally prohibits anyone from selling ammunition or an ammunition magazine to any buyer unless he or she: 1. has a handgun permit, gun sale permit, or long gun or handgun eligibility certificate, and presents such a credential to the seller, or 2. has an ammunition certificate and presents to the seller (a) the certificate and (b) a driver's license, passport, or other valid government-issued identification that contains the person's photograph and date of birth.";

run("PA 13-3 § 1 and §§ 14-17 edge dates and exceptions", [
  ...(["federal-marshal", "parole-officer"] as const).map((officer): Scenario => ({
    section: "§ 1",
    quote: S1_CREDENTIAL,
    story: `a ${officer} with no credential buys a shotgun on 2014-04-01`,
    question: "long-gun-sale",
    on: "2014-04-01",
    facts: longGunRetail({ buyer: { credentials: [], officer }, transfer: { waitingPeriodExceptions: undefined } }),
    outcome: "yes",
  })),
  ...(["permit-to-carry", "permit-to-sell", "handgun-eligibility-certificate"] as const).map((kind): Scenario => ({
    section: "§ 1",
    quote: S1_CREDENTIAL,
    story: `a buyer holding only a ${kind} buys a shotgun on 2014-04-01`,
    question: "long-gun-sale",
    on: "2014-04-01",
    facts: longGunRetail({ buyer: { credentials: [{ kind, status: "valid", presented: true }] } }),
    outcome: "yes",
  })),
  {
    section: "§ 1",
    quote: S1_CREDENTIAL,
    story: "a buyer holding only an ammunition certificate buys a shotgun on 2014-04-01: not a listed credential",
    question: "long-gun-sale",
    on: "2014-04-01",
    facts: longGunRetail({ buyer: { credentials: [AMMO_CERT] } }),
    outcome: "no",
    check: (d) =>
      assert.ok(d.findings.some((f) => f.id === "sales.long-gun.buyer-credential" && f.status === "not-met")),
  },
  {
    section: "§ 1",
    quote: S1_CREDENTIAL,
    story: "a buyer whose long gun eligibility certificate was revoked buys a shotgun on 2014-04-01",
    question: "long-gun-sale",
    on: "2014-04-01",
    facts: longGunRetail({ buyer: { credentials: [{ ...LGEC, status: "revoked" }] } }),
    outcome: "no",
  },
  {
    section: "§ 1",
    quote: S1_AGE,
    story:
      "a buyer who turns 21 on 2014-05-02 buys a semi-automatic centerfire rifle taking more than five rounds that day",
    question: "long-gun-sale",
    on: "2014-05-02",
    facts: longGunRetail({
      buyer: { birthDate: BORN_1993, dutyPurchase: { agency: "none" } },
      firearm: RIFLE_OVER_FIVE,
    }),
    outcome: "yes",
  },
  ...(["despp", "doc", "state-military", "us-military"] as const).map((agency): Scenario => ({
    section: "§ 1",
    quote: S1_AGE,
    story: `a 20-year-old (${agency}) buys a semi-automatic centerfire rifle taking more than five rounds for duty use`,
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunRetail({
      buyer: { birthDate: BORN_1993, dutyPurchase: { agency, forDutyUse: true } },
      firearm: RIFLE_OVER_FIVE,
    }),
    outcome: "yes",
  })),
  {
    section: "§ 1",
    quote: S1_AGE,
    story: "a 20-year-old local police officer buys the same rifle for personal use, not duty: the age limit applies",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunRetail({
      buyer: { birthDate: BORN_1993, dutyPurchase: { agency: "local-police", forDutyUse: false } },
      firearm: RIFLE_OVER_FIVE,
    }),
    outcome: "no",
  },
  {
    section: "§ 1",
    quote: "The bill prohibits the retail sale of long guns to anyone under 18 years of age.",
    story: "a 17-year-old police cadet buys a shotgun for duty use: the under-18 bar has no duty exception",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunRetail({
      buyer: { birthDate: "1996-05-02", dutyPurchase: { agency: "local-police", forDutyUse: true } },
    }),
    outcome: "no",
  },
  ...(
    [
      ["manufacturer", "dealer"],
      ["importer", "dealer"],
    ] as const
  ).map(([seller, buyer]): Scenario => ({
    section: "§ 1",
    quote:
      "The bill creates several requirements regarding the sale of long guns, except between federally licensed firearm (1) manufacturers and dealers, (2) importers and dealers, or (3) dealers.",
    story: `a ${seller} sells long guns to a ${buyer} with no state credential or authorization`,
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunRetail({
      seller: { federalLicence: seller },
      buyer: { federalLicence: buyer, credentials: [] },
      transfer: { authorization: undefined },
    }),
    outcome: "yes",
    result: { route: "licensee-exempt" },
  })),
  {
    section: "§ 1",
    quote: "Under the bill, this waiting period only applies prior to April 1, 2014.",
    story:
      "a buyer without a credential applied 2014-03-20 and asks for delivery 2014-03-31: the two weeks are not over",
    question: "long-gun-sale",
    on: "2014-03-31",
    facts: longGunRetail({ buyer: { credentials: [] }, transfer: { applicationDate: "2014-03-20" } }),
    outcome: "no",
    check: (d) => assert.equal(d.result.waitUntil, "2014-04-03"),
  },
  {
    section: "§ 1",
    quote:
      "Under the bill, this waiting period only applies prior to April 1, 2014. ... starting April 1, 2014, the bill ties delivery to the date DESPP issues an authorization number",
    story:
      "a certificate holder who applied 2014-03-25 takes delivery 2014-04-01 with an authorization number: no two-week wait",
    question: "long-gun-sale",
    on: "2014-04-01",
    facts: longGunRetail({ transfer: { applicationDate: "2014-03-25" } }),
    outcome: "yes",
  },
  {
    section: "§ 1",
    quote: "The bill adds a buyer's date and place of birth to the information required on a long gun receipt.",
    story: "the retail record must carry the buyer's date and place of birth",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunRetail(),
    outcome: "yes",
    check: (d) => {
      const fields = (d.result.requiredRecordFields as string[]).join(" ").toLowerCase();
      assert.match(fields, /date ?of ?birth|birth ?date|birthdate/);
      assert.match(fields, /place ?of ?birth|birth ?place|birthplace/);
    },
  },
  // §§ 14-17
  {
    section: "§§ 14-17",
    quote: "The bill generally bars the sale of ammunition or an ammunition magazine to anyone under age 18.",
    story: "a 17-year-old with a long gun eligibility certificate buys ammunition on 2013-10-01",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: ammoSale({ birthDate: "1995-10-02", credentials: [LGEC] }),
    outcome: "no",
  },
  {
    section: "§§ 14-17",
    quote: "The bill generally bars the sale of ammunition or an ammunition magazine to anyone under age 18.",
    story: "a buyer who turns 18 on 2013-10-01 with a long gun eligibility certificate buys ammunition that day",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: ammoSale({ birthDate: "1995-10-01", credentials: [LGEC] }),
    outcome: "yes",
  },
  ...(["permit-to-sell", "handgun-eligibility-certificate", "long-gun-eligibility-certificate"] as const).map(
    (kind): Scenario => ({
      section: "§§ 14-17",
      quote: S14,
      story: `a buyer presents only a ${kind} for ammunition on 2013-10-01 (no photo identification needed)`,
      question: "ammunition-sale",
      on: "2013-10-01",
      facts: ammoSale({ credentials: [{ kind, status: "valid", presented: true }] }),
      outcome: "yes",
      result: { basis: "gun-credential" },
    }),
  ),
  {
    section: "§§ 14-17",
    quote: S14,
    story: "a permit holder who does not present the permit: the sale is barred",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: ammoSale({ credentials: [{ ...PERMIT, presented: false }] }),
    outcome: "no",
  },
  {
    section: "§§ 14-17",
    quote: S14,
    story: "an ammunition certificate with a passport: allowed",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: ammoSale({ credentials: [AMMO_CERT], photoId: { ...PHOTO_ID, kind: "passport" } }),
    outcome: "yes",
    result: { basis: "ammunition-certificate" },
  },
  {
    section: "§§ 14-17",
    quote: S14,
    story: "an ammunition certificate with a government identification lacking the date of birth: barred",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: ammoSale({
      credentials: [AMMO_CERT],
      photoId: { ...PHOTO_ID, kind: "other-government-id", showsDateOfBirth: false },
    }),
    outcome: "no",
  },
  {
    section: "§§ 14-17",
    quote: S14,
    story: "an ammunition certificate with a government identification lacking a photograph: barred",
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: ammoSale({ credentials: [AMMO_CERT], photoId: { ...PHOTO_ID, hasPhotograph: false } }),
    outcome: "no",
  },
  {
    section: "§§ 14-17",
    quote: "Starting October 1, 2013, ... selling ammunition or an ammunition magazine",
    story: "an adult with no credential buys a magazine on 2013-09-30: allowed; on 2013-10-01: barred",
    question: "ammunition-sale",
    on: "2013-09-30",
    facts: ammoSale({ credentials: [] }, { item: "magazine" }),
    outcome: "yes",
    check: () =>
      assert.equal(
        ask("ammunition-sale", "2013-10-01", ammoSale({ credentials: [] }, { item: "magazine" })).outcome,
        "no",
      ),
  },
  ...(
    [
      ["manufacturer", "dealer"],
      ["importer", "dealer"],
    ] as const
  ).map(([seller, buyer]): Scenario => ({
    section: "§§ 14-17",
    quote:
      "these restrictions and requirements do not apply to sales or other transfers of ammunition between federally licensed firearm (1) manufacturers and dealers, (2) importers and dealers, or (3) dealers.",
    story: `a ${seller} sells ammunition to a ${buyer} on 2013-10-01 with no credential`,
    question: "ammunition-sale",
    on: "2013-10-01",
    facts: { ...ammoSale({ federalLicence: buyer, credentials: [] }), seller: { federalLicence: seller } },
    outcome: "yes",
    result: { route: "licensee-exempt" },
  })),
]);

function application(credential: string, birthDate: string, events: unknown[] = []) {
  return {
    credential,
    applicant: { birthDate, residenceState: "CT", residenceTown: "Hartford", citizenOrLawfulResident: true },
    backgroundCheckConsent: true,
    feePaid: true,
    recordsChecked: true,
    nics: { status: "proceed" },
    events,
  };
}
const assaultOn = (offenseDate: string) => [
  { kind: "conviction", statute: "53a-61", felony: false, offenseDate, convictionDate: "2013-12-01" },
];
const AMMO_CERT_QUOTE =
  "But if the person would be ineligible for that certificate due to certain criminal convictions, the person is ineligible for the ammunition certificate only for violations committed on or after July 1, 2013.";

run("PA 13-3 §§ 14-17 ammunition certificate", [
  {
    section: "§§ 14-17",
    quote: AMMO_CERT_QUOTE,
    story: "a third degree assault committed on 2013-07-01 itself bars an ammunition certificate",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application("ammunition-certificate", "1980-01-01", assaultOn("2013-07-01")),
    outcome: "no",
  },
  {
    section: "§§ 14-17",
    quote: AMMO_CERT_QUOTE,
    story:
      "the exception is the ammunition certificate's: an assault committed 2013-06-30 still bars a long gun eligibility certificate",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application("long-gun-eligibility-certificate", "1980-01-01", assaultOn("2013-06-30")),
    outcome: "no",
  },
  {
    section: "§§ 14-17",
    quote:
      "Under the bill, a person must be age 18 or older to apply for an ammunition certificate. ... the provisions creating an ammunition certificate are effective July 1, 2013.",
    story: "an 18-year-old applies for an ammunition certificate on 2013-07-01, the day the certificate begins",
    question: "credential-eligibility",
    on: "2013-07-01",
    facts: application("ammunition-certificate", "1995-07-01"),
    outcome: "yes",
  },
]);

// ---- §§ 84-92: schools ----------------------------------------------------------------------

const GRANT_OK = {
  conductedSecurityAssessment: true,
  assessmentSupervisedByLocalLawEnforcement: true,
  assessmentUsedSafeSchoolsChecklist: true,
  hasEmergencyPlanWithFirstResponders: true,
  practicesPlanPeriodically: true,
  expensesIncurredOn: "2013-09-15",
  townWealthRank: 169,
  eligibleExpenses: 100000,
};
const GRANT_TERMS =
  "To receive a grant, a district must show that it (1) has conducted a uniform security assessment of its school entrances and any security infrastructure, (2) has an emergency plan at its schools developed with applicable state and local first-responders, and (3) periodically practices the plan. The security assessment must be carried out under the supervision of the district's local law enforcement agency and use the Safe Schools Facilities Check List";
const PRIORITY =
  "If there is not enough money to reimburse every district for its full percentage, ... must give first priority to applicants with schools they determine most need entrance security ... From among those applicants, they must give first priority to schools that have no entrance security infrastructure and second priority to schools located in priority school districts.";
const COMMITTEE_FULL = [
  "local-police-officer",
  "local-first-responder",
  "teacher-at-school",
  "administrator-at-school",
  "school-nurse",
  "parent-or-guardian",
];
const COMMITTEE_QUOTE =
  "Membership of the school security and safety committee must consist of: 1. a local police officer, 2. a local first responder, 3. a teacher employed at the school, 4. an administrator employed at the school, 5. a mental health professional (guidance counselor, school social worker, school psychologist, school nurse, or child mental health specialist), 6. a parent or guardian of an enrolled student";
const TEAM_SEATS = ["campus-police-or-security", "administration", "faculty", "senior-staff", "mid-level-staff"];
const TEAM_QUOTE =
  "The bill also requires all of the above colleges to establish trained threat assessment teams on each campus by January 1, 2014. ... A membership model must include at least one member from its special police force or campus security personnel, administration, faculty, and senior and mid-level staff.";

run("PA 13-3 §§ 84-92 schools", [
  {
    section: "§§ 84-85",
    quote:
      "The grants reimburse school districts for 20% to 80% of the eligible expenses ... The reimbursement percentage is based on the district's wealth.",
    story: "the least wealthy town (rank 169) with $100,000 of eligible expenses: 80 %, $80,000",
    question: "school-security-grant",
    on: "2013-10-01",
    facts: GRANT_OK,
    outcome: "yes",
    result: { eligible: true, reimbursementRatePercent: 80, reimbursementAmount: 80000 },
  },
  {
    section: "§§ 84-85",
    quote: "The grants reimburse school districts for 20% to 80% of the eligible expenses",
    story: "the wealthiest town (rank 1): 20 %",
    question: "school-security-grant",
    on: "2013-10-01",
    facts: { ...GRANT_OK, townWealthRank: 1 },
    outcome: "yes",
    result: { reimbursementRatePercent: 20, reimbursementAmount: 20000 },
  },
  {
    section: "§§ 84-85",
    quote:
      "eligible expenses for such security measures incurred after the bill's effective date. ... EFFECTIVE DATE: Upon passage",
    story: "expenses incurred 2013-04-05, the day after passage: eligible",
    question: "school-security-grant",
    on: "2013-10-01",
    facts: { ...GRANT_OK, expensesIncurredOn: "2013-04-05" },
    outcome: "yes",
  },
  {
    section: "§§ 84-85",
    quote: "eligible expenses for such security measures incurred after the bill's effective date.",
    story: "expenses incurred 2013-03-01, before the bill: not eligible",
    question: "school-security-grant",
    on: "2013-10-01",
    facts: { ...GRANT_OK, expensesIncurredOn: "2013-03-01" },
    outcome: "no",
    result: { eligible: false },
  },
  ...(
    [
      ["conductedSecurityAssessment", "no uniform security assessment"],
      ["assessmentSupervisedByLocalLawEnforcement", "an assessment not supervised by the local law enforcement agency"],
      ["assessmentUsedSafeSchoolsChecklist", "an assessment not using the Safe Schools Facilities Check List"],
      ["hasEmergencyPlanWithFirstResponders", "no emergency plan developed with first responders"],
      ["practicesPlanPeriodically", "a plan never practiced"],
    ] as const
  ).map(([fact, what]): Scenario => ({
    section: "§§ 84-85",
    quote: GRANT_TERMS,
    story: `${what}: no grant`,
    question: "school-security-grant",
    on: "2013-10-01",
    facts: { ...GRANT_OK, [fact]: false },
    outcome: "no",
    result: { eligible: false, reimbursementAmount: null },
  })),
  ...(
    [
      [
        { mostInNeedOfEntranceSecurity: true, noEntranceSecurityInfrastructure: true, inPrioritySchoolDistrict: false },
        1,
        "most in need with no entrance security",
      ],
      [
        { mostInNeedOfEntranceSecurity: true, noEntranceSecurityInfrastructure: false, inPrioritySchoolDistrict: true },
        2,
        "most in need in a priority school district",
      ],
      [
        {
          mostInNeedOfEntranceSecurity: true,
          noEntranceSecurityInfrastructure: false,
          inPrioritySchoolDistrict: false,
        },
        3,
        "most in need otherwise",
      ],
      [
        { mostInNeedOfEntranceSecurity: false, noEntranceSecurityInfrastructure: true, inPrioritySchoolDistrict: true },
        4,
        "not among the most in need",
      ],
    ] as const
  ).map(([f, tier, what]): Scenario => ({
    section: "§§ 84-85",
    quote: PRIORITY,
    story: `money is short; an applicant ${what}: priority tier ${tier}`,
    question: "school-security-grant",
    on: "2013-10-01",
    facts: { ...GRANT_OK, fundsSufficient: false, ...f },
    outcome: "yes",
    result: { priorityTier: tier },
  })),
  {
    section: "§ 87",
    quote:
      "The bill requires local and regional boards of education to annually do the following, beginning in the 2014-15 school year: ... 3. establish a school security and safety committee at each school",
    story: "a school with a committee lacking a mental health professional on 2014-07-01: the seat is missing",
    question: "school-safety-committee",
    on: "2014-07-01",
    facts: { members: COMMITTEE_FULL.filter((m) => m !== "school-nurse") },
    outcome: "no",
    result: { committeeRequired: true, missingSeats: ["mental-health-professional"] },
  },
  {
    section: "§ 87",
    quote: "beginning in the 2014-15 school year",
    story: "the same committee on 2014-06-30: not yet required",
    question: "school-safety-committee",
    on: "2014-06-30",
    facts: { members: COMMITTEE_FULL.filter((m) => m !== "school-nurse") },
    outcome: "yes" /* nothing is yet required: no breach */,
    result: { committeeRequired: false, missingSeats: [] },
  },
  ...(
    [
      "guidance-counselor",
      "school-social-worker",
      "school-psychologist",
      "school-nurse",
      "child-mental-health-specialist",
    ] as const
  ).map((mh): Scenario => ({
    section: "§ 87",
    quote: COMMITTEE_QUOTE,
    story: `a complete committee whose mental health professional is a ${mh}`,
    question: "school-safety-committee",
    on: "2014-09-01",
    facts: { members: [...COMMITTEE_FULL.filter((m) => m !== "school-nurse"), mh] },
    outcome: "yes",
    result: { missingSeats: [], parentsMayReceiveThreatReports: false },
  })),
  {
    section: "§ 87",
    quote: COMMITTEE_QUOTE,
    story: "a committee with no parent or guardian and no local first responder",
    question: "school-safety-committee",
    on: "2014-09-01",
    facts: { members: COMMITTEE_FULL.filter((m) => m !== "parent-or-guardian" && m !== "local-first-responder") },
    outcome: "no",
    check: (d) =>
      assert.deepEqual([...(d.result.missingSeats as string[])].sort(), [
        "local-first-responder",
        "parent-or-guardian",
      ]),
  },
  {
    section: "§ 90",
    quote:
      "DHMAS must provide training for individuals appointed to serve as district safe school climate coordinators for the 2014-15 school year and these individuals must successfully complete the training.",
    story: "a 2014-15 coordinator who has not completed the training must complete it",
    question: "mental-health-first-aid-training",
    on: "2014-09-01",
    facts: { schoolYear: 2014, completedTraining: false },
    outcome: "no",
    result: { mustComplete: true },
  },
  {
    section: "§ 90",
    quote:
      "For the 2015-16 school year, only district safe school climate coordinators who did not successfully complete the training or serve in the prior school year must successfully complete the training. No individual must successfully complete the training more than once.",
    story: "a 2015-16 coordinator who completed the training in 2014-15: not required again",
    question: "mental-health-first-aid-training",
    on: "2015-09-01",
    facts: { schoolYear: 2015, completedTraining: true, servedPriorYear: true },
    outcome: "yes",
    result: { mustComplete: false },
  },
  {
    section: "§ 90",
    quote:
      "For the 2015-16 school year, only district safe school climate coordinators who did not successfully complete the training or serve in the prior school year must successfully complete the training.",
    story: "a new 2015-16 coordinator who did not serve in 2014-15 and has no training: must complete it",
    question: "mental-health-first-aid-training",
    on: "2015-09-01",
    facts: { schoolYear: 2015, completedTraining: false, servedPriorYear: false },
    outcome: "no",
    result: { mustComplete: true },
  },
  {
    section: "§ 92",
    quote: TEAM_QUOTE,
    story: "on 2013-12-31 no team is required yet",
    question: "campus-threat-assessment-team",
    on: "2013-12-31",
    facts: { members: [] },
    outcome: "yes" /* nothing is yet required: no breach */,
    result: { teamRequired: false },
  },
  {
    section: "§ 92",
    quote: TEAM_QUOTE,
    story: "on 2014-01-01 a team with no faculty member is incomplete",
    question: "campus-threat-assessment-team",
    on: "2014-01-01",
    facts: { members: TEAM_SEATS.filter((s) => s !== "faculty").map((seat) => ({ seat, trained: true })) },
    outcome: "no",
    result: { teamRequired: true, missingSeats: ["faculty"] },
  },
  {
    section: "§ 92",
    quote: TEAM_QUOTE,
    story: "on 2014-01-01 a complete, trained team",
    question: "campus-threat-assessment-team",
    on: "2014-01-01",
    facts: { members: TEAM_SEATS.map((seat) => ({ seat, trained: true })) },
    outcome: "yes",
    result: { missingSeats: [], untrainedMembers: 0 },
  },
  {
    section: "§ 92",
    quote:
      "establish trained threat assessment teams ... ensure that each member is capable of ... receiving training in identifying at-risk people and safety threats.",
    story: "a complete team with one untrained member",
    question: "campus-threat-assessment-team",
    on: "2014-02-01",
    facts: { members: TEAM_SEATS.map((seat, i) => ({ seat, trained: i !== 0 })) },
    outcome: "no",
    result: { untrainedMembers: 1 },
  },
]);

// ---- §§ 44-45: possession crimes ------------------------------------------------------------

const POSS = "§§ 44-45";
const poss = (item: string, events: unknown[], credentials: unknown[] = []) => ({ item, events, credentials });
const assault3 = (offenseDate: string) => ({
  kind: "conviction",
  statute: "53a-61",
  felony: false,
  offenseDate,
  convictionDate: "2013-12-15",
});
const NEW_FIREARM =
  "The bill also punishes someone who possesses a firearm, ammunition, or an electronic defense weapon when he or she has been: 1. convicted of certain misdemeanors committed on or after October 1, 2013; 2. discharged from custody within the past 20 years after being found not guilty of a crime due to mental disease or defect; 3. confined on or after October 1, 2013 in a hospital for people with psychiatric disabilities under a probate court order within the past (a) 60 months or (b) 12 months if the person has a valid permit or certificate in effect before October 1, 2013; or 4. beginning October 1, 2013, voluntarily admitted to a hospital for people with psychiatric disabilities within the past six months for care and treatment of a psychiatric disability and not solely for being an alcohol- or drug-dependent person.";
const FELONY = {
  kind: "conviction",
  statute: "53a-101",
  felony: true,
  offenseDate: "2005-01-01",
  convictionDate: "2005-06-01",
};
const crimeClass = (c: string) => (d: Decision<Record<string, unknown>>) => assert.equal(d.result.crimeClass, c);
const PERMIT_BEFORE = { kind: "permit-to-carry", status: "valid", issuedOn: "2012-05-01" };

run("PA 13-3 §§ 44-45 possession crimes", [
  {
    section: POSS,
    quote: NEW_FIREARM,
    story: "a long gun owner convicted of 3rd degree assault committed 2013-10-01: criminal possession, class C felony",
    question: "criminal-possession",
    on: "2014-02-01",
    facts: poss("firearm", [assault3("2013-10-01")]),
    outcome: "no",
    check: crimeClass("class C felony"),
  },
  {
    section: POSS,
    quote: "1. convicted of certain misdemeanors committed on or after October 1, 2013",
    story: "the same assault committed 2013-09-30: not a prohibitor for a long gun",
    question: "criminal-possession",
    on: "2014-02-01",
    facts: poss("firearm", [assault3("2013-09-30")]),
    outcome: "yes",
  },
  {
    section: POSS,
    quote:
      "Under current law, a person commits this crime when he or she possesses the weapon and: 1. was previously convicted of a felony or one of the misdemeanors described above",
    story: "the same 2013-09-30 assault and a handgun: criminal possession of a handgun",
    question: "criminal-possession",
    on: "2014-02-01",
    facts: poss("handgun", [assault3("2013-09-30")]),
    outcome: "no",
    check: crimeClass("class C felony"),
  },
  ...(
    [
      ["53a-176", "the class B misdemeanor of 2nd degree riot"],
      ["53a-181d", "2nd degree stalking"],
      ["53a-96", "2nd degree unlawful restraint"],
      ["21a-279(c)", "a first offense of possessing a controlled substance other than a narcotic"],
    ] as const
  ).map(([statute, what]): Scenario => ({
    section: POSS,
    quote: `The misdemeanor convictions the bill applies to are for: ... ${what}`,
    story: `a conviction of ${what} (CGS § ${statute}) committed 2013-11-01 bars ammunition`,
    question: "criminal-possession",
    on: "2014-02-01",
    facts: poss("ammunition", [{ ...assault3("2013-11-01"), statute }]),
    outcome: "no",
  })),
  {
    section: POSS,
    quote: "The bill makes it illegal for these same people to possess ammunition. ... EFFECTIVE DATE: October 1, 2013",
    story: "a convicted felon holding ammunition on 2013-09-30: not yet this crime",
    question: "criminal-possession",
    on: "2013-09-30",
    facts: poss("ammunition", [FELONY]),
    outcome: "yes",
  },
  {
    section: POSS,
    quote: "The bill makes it illegal for these same people to possess ammunition.",
    story: "the same felon holding ammunition on 2013-10-01: criminal possession, class C felony",
    question: "criminal-possession",
    on: "2013-10-01",
    facts: poss("ammunition", [FELONY]),
    outcome: "no",
    check: crimeClass("class C felony"),
  },
  {
    section: POSS,
    quote: "The bill increases the penalty for this crime from a class D to a class C felony.",
    story: "a felon with a long gun on 2013-09-30: class D felony",
    question: "criminal-possession",
    on: "2013-09-30",
    facts: poss("firearm", [FELONY]),
    outcome: "no",
    check: crimeClass("class D felony"),
  },
  {
    section: POSS,
    quote:
      "2. discharged from custody within the past 20 years after being found not guilty of a crime due to mental disease or defect",
    story:
      "discharged after an NGRI finding on 1994-03-01, holding a long gun on 2014-02-01 (within 20 years): a crime",
    question: "criminal-possession",
    on: "2014-02-01",
    facts: poss("firearm", [{ kind: "ngri-discharge", date: "1994-03-01" }]),
    outcome: "no",
  },
  {
    section: POSS,
    quote: "2. discharged from custody within the past 20 years",
    story: "discharged 1993-12-01, more than 20 years before 2014-02-01: not a prohibitor",
    question: "criminal-possession",
    on: "2014-02-01",
    facts: poss("firearm", [{ kind: "ngri-discharge", date: "1993-12-01" }]),
    outcome: "yes",
  },
  {
    section: POSS,
    quote: "3. confined on or after October 1, 2013 ... under a probate court order within the past (a) 60 months",
    story:
      "committed by a probate court 2013-10-15, no credential, holding ammunition 2015-10-01 (24 months on): a crime",
    question: "criminal-possession",
    on: "2015-10-01",
    facts: poss("ammunition", [{ kind: "probate-commitment", date: "2013-10-15" }]),
    outcome: "no",
  },
  {
    section: POSS,
    quote: "(b) 12 months if the person has a valid permit or certificate in effect before October 1, 2013",
    story: "the same commitment, but a permit valid since 2012: after 12 months, not a prohibitor",
    question: "criminal-possession",
    on: "2015-10-01",
    facts: poss("ammunition", [{ kind: "probate-commitment", date: "2013-10-15" }], [PERMIT_BEFORE]),
    outcome: "yes",
  },
  {
    section: POSS,
    quote: "(b) 12 months if the person has a valid permit or certificate in effect before October 1, 2013",
    story: "the permit holder 10 months after the commitment: still barred",
    question: "criminal-possession",
    on: "2014-08-15",
    facts: poss("firearm", [{ kind: "probate-commitment", date: "2013-10-15" }], [PERMIT_BEFORE]),
    outcome: "no",
  },
  {
    section: POSS,
    quote:
      "4. has been confined in a hospital for people with psychiatric disabilities under a probate court order within the past 12 months",
    story:
      "a probate commitment 2013-09-15 (before October 1, 2013) and a handgun 2014-06-01: barred under current law's 12 months",
    question: "criminal-possession",
    on: "2014-06-01",
    facts: poss("handgun", [{ kind: "probate-commitment", date: "2013-09-15" }]),
    outcome: "no",
  },
  {
    section: POSS,
    quote: "3. confined on or after October 1, 2013 in a hospital ... under a probate court order",
    story:
      "the same 2013-09-15 commitment and a long gun: the long gun crime reaches only confinements from 2013-10-01",
    question: "criminal-possession",
    on: "2014-06-01",
    facts: poss("firearm", [{ kind: "probate-commitment", date: "2013-09-15" }]),
    outcome: "yes",
  },
  {
    section: POSS,
    quote:
      "4. beginning October 1, 2013, voluntarily admitted to a hospital for people with psychiatric disabilities within the past six months ... and not solely for being an alcohol- or drug-dependent person.",
    story: "voluntarily admitted 2013-10-01, holding a handgun 2014-03-31 (within six months): a crime",
    question: "criminal-possession",
    on: "2014-03-31",
    facts: poss("handgun", [{ kind: "voluntary-admission", date: "2013-10-01", solelyAlcoholOrDrug: false }]),
    outcome: "no",
  },
  {
    section: POSS,
    quote: "within the past six months",
    story: "the same admission, long gun held 2014-04-02 (over six months): not a prohibitor",
    question: "criminal-possession",
    on: "2014-04-02",
    facts: poss("firearm", [{ kind: "voluntary-admission", date: "2013-10-01", solelyAlcoholOrDrug: false }]),
    outcome: "yes",
  },
  {
    section: POSS,
    quote: "and not solely for being an alcohol- or drug-dependent person",
    story: "admitted 2013-11-01 solely as alcohol-dependent, ammunition held 2014-01-15: not a prohibitor",
    question: "criminal-possession",
    on: "2014-01-15",
    facts: poss("ammunition", [{ kind: "voluntary-admission", date: "2013-11-01", solelyAlcoholOrDrug: true }]),
    outcome: "yes",
  },
  {
    section: POSS,
    quote: "beginning October 1, 2013, voluntarily admitted",
    story: "admitted 2013-09-30, the day before, handgun held 2014-01-15: not a prohibitor",
    question: "criminal-possession",
    on: "2014-01-15",
    facts: poss("handgun", [{ kind: "voluntary-admission", date: "2013-09-30", solelyAlcoholOrDrug: false }]),
    outcome: "yes",
  },
  {
    section: POSS,
    quote: "(3) is prohibited by federal law from having or transporting a firearm",
    story: "a federally prohibited person with an electronic defense weapon: a crime",
    question: "criminal-possession",
    on: "2014-01-15",
    facts: poss("electronic-defense-weapon", [
      { kind: "federal-prohibitor", category: "922(g)(1)", date: "2010-01-01" },
    ]),
    outcome: "no",
  },
  {
    section: POSS,
    quote: "(1) has a prior felony conviction or conviction for a serious juvenile offense",
    story: "a serious juvenile offense adjudication bars a long gun",
    question: "criminal-possession",
    on: "2014-01-15",
    facts: poss("firearm", [
      {
        kind: "conviction",
        statute: "53a-134",
        felony: true,
        juvenile: true,
        seriousJuvenileOffense: true,
        offenseDate: "2008-01-01",
        convictionDate: "2008-05-01",
      },
    ]),
    outcome: "no",
  },
]);

// ---- Table 2 through the other questions that carry the penalty, and Table 4 ranges ---------

const hgSale = (birthDate: string) => ({
  seller: { federalLicence: "dealer", knowsStolen: false, knowsIdentificationAltered: false },
  buyer: { federalLicence: "none", birthDate, credentials: [PERMIT], events: [] },
  transfer: { authorization: { status: "approved", number: "H-77" } },
});
type Pen = { crimeClass: string; mandatoryMinimum?: { prisonYears?: number; fineDollars?: number } };
const penaltiesOf = (d: Decision<Record<string, unknown>>) => d.result.penalties as Record<string, Pen>;

run("PA 13-3 Table 2 in the sale and surrender questions; Table 4", [
  {
    section: "§§ 47-48 (Table 2)",
    quote:
      "47 Transferring a pistol or revolver to a prohibited person ... Class D felony | Class C felony, Two-year, $5,000; 48 ... under age 21 ... Class D felony, One-year mandatory minimum | Class C felony",
    story: "a handgun sale on 2013-09-30 names the class D penalties (one-year minimum for an under-21 transfer)",
    question: "handgun-sale",
    on: "2013-09-30",
    facts: hgSale("1985-02-10"),
    outcome: "yes",
    check: (d) => {
      const p = penaltiesOf(d);
      assert.equal(p.transferViolation?.crimeClass, "class D felony");
      assert.equal(p.underAge?.crimeClass, "class D felony");
      assert.equal(p.underAge?.mandatoryMinimum?.prisonYears, 1);
      assert.equal(p.falseStatement?.crimeClass, "class D felony");
      assert.equal(p.knowingStolenOrAltered?.crimeClass, "class B felony");
    },
  },
  {
    section: "§§ 47-48 (Table 2)",
    quote:
      "Class C felony. Mandatory minimum: Two-year prison term. $5,000 fine ...; knowing stolen: Class B felony, three-year, $10,000",
    story: "a handgun sale on 2013-10-01 names the bill's penalties",
    question: "handgun-sale",
    on: "2013-10-01",
    facts: hgSale("1985-02-10"),
    outcome: "yes",
    check: (d) => {
      const p = penaltiesOf(d);
      for (const k of ["transferViolation", "underAge", "falseStatement"]) {
        assert.equal(p[k]?.crimeClass, "class C felony", k);
        assert.deepEqual(p[k]?.mandatoryMinimum, { prisonYears: 2, fineDollars: 5000 }, k);
      }
      assert.deepEqual(p.knowingStolenOrAltered?.mandatoryMinimum, { prisonYears: 3, fineDollars: 10000 });
    },
  },
  ...(
    [
      [
        "state-handgun-permit",
        "2013-09-24",
        "2013-09-29",
        "class C misdemeanor",
        "46 Failing to surrender a revoked permit (29-32) Current Penalty: Class C misdemeanor",
      ],
      [
        "state-handgun-permit",
        "2013-09-25",
        "2013-09-30",
        "class A misdemeanor",
        "46 Failing to surrender a revoked permit (29-32) Penalty Under the Bill: Class A misdemeanor (EFFECTIVE DATE: October 1, 2013)",
      ],
      [
        "handgun-eligibility-certificate",
        "2013-09-24",
        "2013-09-29",
        "class C misdemeanor",
        "52 Failing to surrender revoked eligibility certificate (29-36i) Current Penalty: Class C misdemeanor",
      ],
      [
        "handgun-eligibility-certificate",
        "2013-09-25",
        "2013-09-30",
        "class A misdemeanor",
        "52 Failing to surrender revoked eligibility certificate (29-36i) Penalty Under the Bill: Class A misdemeanor",
      ],
      [
        "long-gun-eligibility-certificate",
        "2013-09-01",
        "2013-09-06",
        "class A misdemeanor",
        "§§ 2-7: Failure to deliver it within five days of the notification is a class A misdemeanor. EFFECTIVE DATE: July 1, 2013",
      ],
    ] as const
  ).map(([credential, on, dueOn, cls, quote]): Scenario => ({
    section: credential === "long-gun-eligibility-certificate" ? "§§ 2-7" : "§§ 46, 52 (Table 2)",
    quote,
    // The offense is committed on the first day late (the day after the fifth day).
    story: `a revoked ${credential} notified ${on}: deliver by ${dueOn}; failing to is a ${cls}`,
    question: "revoked-credential-surrender",
    on,
    facts: { credential, notifiedOn: on },
    outcome: "yes",
    check: (d) => {
      assert.equal(d.result.dueOn, dueOn);
      assert.equal((d.result.penaltyIfMissed as { classification: string }).classification, cls);
    },
  })),
  ...(
    [
      ["A-felony", { amount: 10, unit: "years" }, { amount: 25, unit: "years" }, 20000],
      ["B-felony", { amount: 1, unit: "years" }, { amount: 20, unit: "years" }, 15000],
      ["C-felony", { amount: 1, unit: "years" }, { amount: 10, unit: "years" }, 10000],
      ["D-felony", { amount: 1, unit: "years" }, { amount: 5, unit: "years" }, 5000],
      ["A-misdemeanor", null, { amount: 1, unit: "years" }, 2000],
      ["B-misdemeanor", null, { amount: 6, unit: "months" }, 1000],
      ["C-misdemeanor", null, { amount: 3, unit: "months" }, 500],
      ["D-misdemeanor", null, { amount: 30, unit: "days" }, 250],
    ] as const
  ).map(([offenseClass, prisonMin, prisonMax, fineMax]): Scenario => ({
    section: "BACKGROUND (Table 4)",
    quote: "Table 4: Penalties by Crime Classification",
    story: `${offenseClass}: prison ${prisonMin ? `${prisonMin.amount} ${prisonMin.unit} to ` : "up to "}${prisonMax.amount} ${prisonMax.unit}, fine up to $${fineMax}`,
    question: "penalty-by-class",
    on: "2014-01-01",
    facts: { offenseClass },
    outcome: "yes",
    result: { prisonMin, prisonMax, fineMax },
  })),
  {
    section: "BACKGROUND (Table 4)",
    quote: "Class B felony (1st degree manslaughter with a firearm) Five to 40 years Up to $15,000",
    story: "the class B felony of 1st degree manslaughter with a firearm: five to 40 years",
    question: "penalty-by-class",
    on: "2014-01-01",
    facts: { offenseClass: "B-felony", variant: "manslaughter-1st-degree-with-a-firearm" },
    outcome: "yes",
    result: { prisonMin: { amount: 5, unit: "years" }, prisonMax: { amount: 40, unit: "years" }, fineMax: 15000 },
  },
  {
    section: "§ 43 (Table 2) with Table 4",
    quote: "Stealing a firearm ... Class C felony; Class C felony One to 10 years Up to $10,000",
    story: "stealing a firearm from 2013-10-01: one to ten years, fine up to $10,000, two-year minimum",
    question: "penalty",
    on: "2013-10-01",
    facts: { crime: "stealing-a-firearm" },
    outcome: "yes",
    result: { prisonMin: { amount: 1, unit: "years" }, prisonMax: { amount: 10, unit: "years" }, fineMax: 10000 },
  },
]);

// ---- more edges: private long gun sales, protective orders, change notices on the registry's first day

function longGunPrivate(route: string, p: LongGunPatch = {}) {
  return longGunRetail({
    ...p,
    seller: { federalLicence: "none", ...p.seller },
    transfer: { privateRoute: route, ...p.transfer },
  });
}
const NICS = { dealerConsented: true, initiatedOn: "2014-05-01", response: "proceed", transactionNumber: "NTN-9" };
const NICS_QUOTE =
  "A federally licensed firearm dealer, upon the request of the prospective transferor or transferee, must consent to initiate a national instant criminal background check system (NICS) check ... and the background check must show that the transferee is eligible to receive the gun. ... The dealer can charge up to $20 for initiating the background check.";

run("PA 13-3 more edges", [
  {
    section: "§ 1",
    quote: NICS_QUOTE,
    story: "a private sale through a dealer's NICS check, the dealer charging $20: allowed, fee within the cap",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunPrivate("dealer-nics", { transfer: { nics: { ...NICS, feeCharged: 20 } } }),
    outcome: "yes",
    result: { dealerFeeCap: 20, dealerFeeWithinCap: true },
  },
  {
    section: "§ 1",
    quote: "The dealer can charge up to $20 for initiating the background check.",
    story: "the dealer charges $25 for the check: the fee is over the cap (the transfer itself stands)",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunPrivate("dealer-nics", { transfer: { nics: { ...NICS, feeCharged: 25 } } }),
    // The cap binds the dealer's fee; the analysis does not make an overcharge bar the transfer.
    check: (d) => assert.equal(d.result.dealerFeeWithinCap, false),
    outcome: "yes",
  },
  {
    section: "§ 1",
    quote:
      "The sale or transfer cannot take place if the response indicates the prospective transferee is ineligible to receive the gun.",
    story: "NICS answers denied: the private sale cannot take place",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunPrivate("dealer-nics", { transfer: { nics: { ...NICS, response: "denied" } } }),
    outcome: "no",
  },
  {
    section: "§ 1",
    quote: "The prospective transferee must present to the dealer his or her gun credential",
    story: "a private NICS sale where the buyer holds no gun credential (2014-05-01): barred",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunPrivate("dealer-nics", { buyer: { credentials: [] }, transfer: { nics: NICS } }),
    outcome: "no",
  },
  {
    section: "§ 1",
    quote: "(c) the gun cannot be loaded when transferred",
    story: "a private sale authorized by DESPP, handed over loaded: barred",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: longGunPrivate("despp", { transfer: { loaded: true } }),
    outcome: "no",
  },
  {
    section: POSS,
    quote: "(2) knows he or she is the subject of a restraining or protective order in certain cases",
    story: "a person subject to an active protective order holding ammunition: a crime",
    question: "criminal-possession",
    on: "2014-01-15",
    facts: poss("ammunition", [{ kind: "protective-order", issuedOn: "2014-01-02", active: true }]),
    outcome: "no",
  },
  {
    section: POSS,
    quote: "(2) knows he or she is the subject of a restraining or protective order",
    story: "a protective order that has expired: not a prohibitor",
    question: "criminal-possession",
    on: "2014-06-15",
    facts: poss("firearm", [
      { kind: "protective-order", issuedOn: "2014-01-02", expiresOn: "2014-05-02", active: false },
    ]),
    outcome: "yes",
  },
  {
    section: REG,
    quote:
      "A registrant who changes his or her name or address must notify the DESPP commissioner in writing ... EFFECTIVE DATE: January 1, 2014",
    story: "an address change on 2013-12-31: no registry duty yet",
    question: "offender-change-notice",
    on: "2014-01-02",
    facts: { registrant: true, change: "address", changedOn: "2013-12-31" },
    outcome: "no",
    result: { mustAct: false, dutyStartsOn: "2014-01-01" },
  },
  {
    section: REG,
    quote: "subject to the penalty only if the failure continues for five business days",
    story: "an address change on New Year's Day 2014: five business days end 2014-01-08",
    question: "offender-change-notice",
    on: "2014-01-02",
    facts: { registrant: true, change: "address", changedOn: "2014-01-01" },
    outcome: "yes",
    result: { dueOn: "2014-01-08" },
  },
]);
