/**
 * Scenarios from the OLR bill analysis of PA 13-3 (SB 1160) for the gun credentials: the long gun
 * eligibility certificate (§§ 2-7), the gun permit application (§§ 57-58) and the school
 * construction review (§§ 80-83). Asked as the decision API asks: a question id, a date and facts
 * parsed by the question's own schema. Each scenario names the section and quotes the sentence.
 */
import assert from "node:assert/strict";
import { type Decision } from "../core/questions.ts";
import { type Scenario, runScenarios } from "./scenario-kit.ts";

const run = (title: string, scenarios: Scenario[]) => runScenarios(title, scenarios, { quoted: true });

/** An application with every fact a clean applicant has; `extra` overrides top-level facts. */
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
const LGEC = "long-gun-eligibility-certificate";
const disqualifiedBy = (id: string) => (d: Decision<Record<string, unknown>>) =>
  assert.ok((d.result.disqualifiers as string[]).includes(id), `disqualifiers include ${id}`);

// ---- §§ 2-7: long gun eligibility certificate ----------------------------------------------

const S27 = "§§ 2-7";
const CREATES =
  "The bill creates a new gun credential: a long gun eligibility certificate. ... EFFECTIVE DATE: July 1, 2013";
const AGE =
  "The bill sets the minimum age for a long gun eligibility certificate at 18, whereas existing law sets a minimum age of 21 for a handgun eligibility certificate.";
const FEE = "the fee for an initial or renewal certificate is $35, and the certificate is good for five years";
const INELIGIBLE =
  "applicants are ineligible for various reasons, including convictions for a felony or specified misdemeanors or certain mental health history";
const CHECKS = "applicants must complete background checks";
const REVOKE =
  "If the certificate is revoked, DESPP must notify the person in writing, and the person must deliver it to the commissioner. Failure to deliver it within five days of the notification is a class A misdemeanor.";

run("PA 13-3 §§ 2-7 long gun eligibility certificate", [
  {
    section: S27,
    quote: CREATES,
    story: "a clean adult applies on 2013-06-30, the day before the certificate exists: no, it starts 2013-07-01",
    question: "credential-eligibility",
    on: "2013-06-30",
    facts: application(LGEC, "1970-01-01"),
    outcome: "no",
    result: { eligible: false, disqualifiers: ["credentials.certificate-exists"] },
  },
  {
    section: S27,
    quote: CREATES,
    story: "the same applicant on 2013-07-01, the day the certificate begins: yes",
    question: "credential-eligibility",
    on: "2013-07-01",
    facts: application(LGEC, "1970-01-01"),
    outcome: "yes",
    result: { eligible: true, credential: LGEC, disqualifiers: [] },
  },
  {
    section: S27,
    quote: AGE,
    story: "a 20-year-old may have a long gun eligibility certificate (minimum 18)",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application(LGEC, "1993-05-01"),
    outcome: "yes",
  },
  {
    section: S27,
    quote: AGE,
    story: "the same 20-year-old may not have a handgun eligibility certificate (minimum 21)",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application("handgun-eligibility-certificate", "1993-05-01"),
    outcome: "no",
    check: disqualifiedBy("credentials.minimum-age"),
  },
  {
    section: S27,
    quote: AGE,
    story: "an applicant whose 18th birthday is tomorrow is refused for age",
    question: "credential-eligibility",
    on: "2014-05-09",
    facts: application(LGEC, "1996-05-10"),
    outcome: "no",
    result: { eligible: false, disqualifiers: ["credentials.minimum-age"] },
  },
  {
    section: S27,
    quote: FEE,
    story: "the $35 fee not paid: no, and the finding names $35",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application(LGEC, "1970-01-01", [], { feePaid: false }),
    outcome: "no",
    result: { disqualifiers: ["credentials.fee-paid"] },
    check: (d) => {
      const f = d.findings.find((x) => x.id === "credentials.fee-paid");
      assert.match(`${f?.because} ${f?.remedy ?? ""}`, /\$35(\.00)?\b/);
    },
  },
  {
    section: S27,
    quote: FEE,
    story: "whether the fee was paid is not known: unknown (a person reviews), never no",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application(LGEC, "1970-01-01", [], { feePaid: undefined }),
    outcome: "unknown",
    result: { eligible: null },
  },
  {
    section: S27,
    quote: INELIGIBLE,
    story: "an applicant convicted of a felony in 1995 is ineligible",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application(LGEC, "1970-01-01", [
      { kind: "conviction", statute: "53a-101", felony: true, offenseDate: "1995-01-10", convictionDate: "1995-06-01" },
    ]),
    outcome: "no",
    check: disqualifiedBy("credentials.felony-conviction"),
  },
  {
    section: S27,
    quote: INELIGIBLE,
    story: "an applicant convicted of third degree assault (a specified misdemeanor) in 2005 is ineligible",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application(LGEC, "1970-01-01", [
      { kind: "conviction", statute: "53a-61", felony: false, offenseDate: "2005-03-02", convictionDate: "2005-09-14" },
    ]),
    outcome: "no",
    check: disqualifiedBy("credentials.listed-misdemeanor-conviction"),
  },
  {
    section: "§§ 2-7 with §§ 8, 10-11",
    quote:
      "The same prohibitions also apply under the bill to the long gun eligibility certificate. ... The bill extends this period to 60 months.",
    story: "a long gun applicant confined by probate court order 59 months earlier is ineligible",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application(LGEC, "1970-01-01", [{ kind: "probate-commitment", date: "2009-03-01" }]),
    outcome: "no",
    check: disqualifiedBy("credentials.probate-commitment"),
  },
  {
    section: S27,
    quote: CHECKS,
    story: "the national background check denies the applicant",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application(LGEC, "1970-01-01", [], { nics: { status: "denied" } }),
    outcome: "no",
  },
  {
    section: S27,
    quote: CHECKS,
    story: "the applicant refuses the background check",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application(LGEC, "1970-01-01", [], { backgroundCheckConsent: false }),
    outcome: "no",
  },
  {
    section: S27,
    quote: CHECKS,
    story: "the background check is still delayed: not yes (a person waits or reviews)",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application(LGEC, "1970-01-01", [], { nics: { status: "delayed" } }),
    outcome: "unknown",
  },
  {
    section: S27,
    quote: `${REVOKE} ... EFFECTIVE DATE: July 1, 2013`,
    story: "a notice dated 2013-06-30, before the certificate exists: no duty, it starts 2013-07-01",
    question: "revoked-credential-surrender",
    on: "2013-06-30",
    facts: { credential: LGEC, notifiedOn: "2013-06-30" },
    outcome: "no",
    result: { mustAct: false, dutyStartsOn: "2013-07-01" },
  },
  {
    section: S27,
    quote: REVOKE,
    story: "notified in writing on 2013-07-01, the first day: deliver by 2013-07-06",
    question: "revoked-credential-surrender",
    on: "2013-07-01",
    facts: { credential: LGEC, notifiedOn: "2013-07-01" },
    outcome: "yes",
    result: { dueOn: "2013-07-06" },
    check: (d) =>
      assert.equal((d.result.penaltyIfMissed as { classification: string }).classification, "class A misdemeanor"),
  },
  {
    section: S27,
    quote: REVOKE,
    story: "notified 2014-03-03, not delivered, asked on 2014-03-09 (the sixth day): overdue",
    question: "revoked-credential-surrender",
    on: "2014-03-09",
    facts: { credential: LGEC, notifiedOn: "2014-03-03" },
    outcome: "yes",
    result: { dueOn: "2014-03-08", overdue: true },
  },
  {
    section: S27,
    quote: REVOKE,
    story: "notified 2014-03-03, not delivered, asked on 2014-03-08 (the fifth day): not yet overdue",
    question: "revoked-credential-surrender",
    on: "2014-03-08",
    facts: { credential: LGEC, notifiedOn: "2014-03-03" },
    outcome: "yes",
    result: { dueOn: "2014-03-08", overdue: false },
  },
]);

// ---- §§ 57-58: gun permit application ------------------------------------------------------

const S57 = "§§ 57-58";
const PERMANENT =
  "The bill generally requires someone applying for a gun permit to be a permanent resident of the town to which he or she applies. Current law does not specify that the residence must be permanent, and also allows such applications by someone who is not a resident, but who maintains a place of business in the town. ... EFFECTIVE DATE: October 1, 2013";
const DIRECT =
  "As under existing law, the bill continues to allow someone without a permanent residence in Connecticut to apply directly to DESPP for a gun permit if the person has a handgun permit or license to carry issued by another state.";
const ONCE =
  "The bill prohibits anyone from applying for a temporary state gun permit more than once in any 12-month period, and prohibits such a permit from being issued to someone who has previously applied within the previous 12 months.";
const ATTEST =
  "The bill requires anyone who applies for a temporary permit to indicate on the application, under penalty of false statement in the manner the issuing authority prescribes, that the person has not applied for a temporary state permit within the past 12 months.";

function temporary(applicant: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return application("temporary-state-permit", "1970-01-01", [], {
    applicant: {
      birthDate: "1970-01-01",
      residenceState: "CT",
      residenceTown: "Hartford",
      residenceIsPermanent: true,
      applicationTown: "Hartford",
      placeOfBusinessTowns: [],
      citizenOrLawfulResident: true,
      ...applicant,
    },
    attestedNoTemporaryPermitApplicationIn12Months: true,
    priorTemporaryPermitApplicationDates: [],
    ...extra,
  });
}
/** Lives in Hartford (not permanently), works in New Haven, applies in New Haven. */
const BUSINESS_ONLY = {
  residenceTown: "Hartford",
  residenceIsPermanent: false,
  applicationTown: "New Haven",
  placeOfBusinessTowns: ["New Haven"],
};

run("PA 13-3 §§ 57-58 gun permit application", [
  {
    section: S57,
    quote: PERMANENT,
    story: "a permanent resident of Hartford applies to Hartford on 2013-10-01: yes",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: temporary({}),
    outcome: "yes",
  },
  {
    section: S57,
    quote: PERMANENT,
    story: "a person with only a place of business in New Haven applies there on 2013-09-30 (current law): yes",
    question: "credential-eligibility",
    on: "2013-09-30",
    facts: temporary(BUSINESS_ONLY),
    outcome: "yes",
  },
  {
    section: S57,
    quote: PERMANENT,
    story: "the same application on 2013-10-01: no, a place of business no longer suffices",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: temporary(BUSINESS_ONLY),
    outcome: "no",
    check: disqualifiedBy("credentials.permanent-residence"),
  },
  {
    section: S57,
    quote: PERMANENT,
    story: "a resident of Hartford whose residence is not permanent applies there on 2013-09-30: yes",
    question: "credential-eligibility",
    on: "2013-09-30",
    facts: temporary({ residenceIsPermanent: false }),
    outcome: "yes",
  },
  {
    section: S57,
    quote: PERMANENT,
    story: "the same non-permanent resident on 2013-10-01: no",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: temporary({ residenceIsPermanent: false }),
    outcome: "no",
    check: disqualifiedBy("credentials.permanent-residence"),
  },
  {
    section: S57,
    quote: PERMANENT,
    story: "a permanent resident of Hartford applies to West Hartford instead in 2014: no",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: temporary({ applicationTown: "West Hartford" }),
    outcome: "no",
  },
  {
    section: S57,
    quote: DIRECT,
    story: "a Massachusetts resident with a Massachusetts license to carry applies directly for a state permit",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application("state-handgun-permit", "1970-01-01", [], {
      applicant: { birthDate: "1970-01-01", residenceState: "MA", citizenOrLawfulResident: true },
      holdsOtherStateCarryPermit: true,
    }),
    outcome: "yes",
  },
  {
    section: S57,
    quote: DIRECT,
    story: "the same Massachusetts resident without another state's permit: no direct route",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application("state-handgun-permit", "1970-01-01", [], {
      applicant: { birthDate: "1970-01-01", residenceState: "MA", citizenOrLawfulResident: true },
      holdsOtherStateCarryPermit: false,
    }),
    outcome: "no",
    check: disqualifiedBy("credentials.state-permit-route"),
  },
  {
    section: S57,
    quote: ONCE,
    story: "an earlier application on 2013-10-15; a new one on 2014-10-14 is within 12 months: no",
    question: "credential-eligibility",
    on: "2014-10-14",
    facts: temporary(
      {},
      { attestedNoTemporaryPermitApplicationIn12Months: false, priorTemporaryPermitApplicationDates: ["2013-10-15"] },
    ),
    outcome: "no",
    check: disqualifiedBy("credentials.no-recent-temporary-permit-application"),
  },
  {
    section: S57,
    quote: ONCE,
    story: "the same person applies again on 2014-10-15, twelve months later: yes",
    question: "credential-eligibility",
    on: "2014-10-15",
    facts: temporary(
      {},
      { attestedNoTemporaryPermitApplicationIn12Months: true, priorTemporaryPermitApplicationDates: ["2013-10-15"] },
    ),
    outcome: "yes",
  },
  {
    section: S57,
    quote: `${ONCE} EFFECTIVE DATE: October 1, 2013`,
    story: "on 2013-09-30, before the limit, a second application two months after the first: yes",
    question: "credential-eligibility",
    on: "2013-09-30",
    facts: temporary(
      {},
      { attestedNoTemporaryPermitApplicationIn12Months: false, priorTemporaryPermitApplicationDates: ["2013-07-30"] },
    ),
    outcome: "yes",
  },
  {
    section: S57,
    quote: ATTEST,
    story: "the applicant states there was no application, but records show one 3 months ago: unknown (conflict)",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: temporary(
      {},
      { attestedNoTemporaryPermitApplicationIn12Months: true, priorTemporaryPermitApplicationDates: ["2013-11-01"] },
    ),
    outcome: "unknown",
  },
  {
    section: S57,
    quote: ATTEST,
    story: "the applicant refuses to make the statement on 2014-02-01: no",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: temporary({}, { attestedNoTemporaryPermitApplicationIn12Months: false }),
    outcome: "no",
  },
  {
    section: S57,
    quote: PERMANENT,
    story: "a Massachusetts resident with a place of business in Hartford applies to Hartford on 2013-09-30: yes",
    question: "credential-eligibility",
    on: "2013-09-30",
    facts: temporary({ residenceState: "MA", residenceTown: "Boston", placeOfBusinessTowns: ["Hartford"] }),
    outcome: "yes",
  },
  {
    section: S57,
    quote: PERMANENT,
    story: "the same Massachusetts resident applies to Hartford on 2013-10-01: no",
    question: "credential-eligibility",
    on: "2013-10-01",
    facts: temporary({ residenceState: "MA", residenceTown: "Boston", placeOfBusinessTowns: ["Hartford"] }),
    outcome: "no",
    check: disqualifiedBy("credentials.permanent-residence"),
  },
  {
    section: S57,
    quote: DIRECT,
    story: "a Connecticut resident with no permanent residence here and a Massachusetts license applies directly: yes",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application("state-handgun-permit", "1970-01-01", [], {
      applicant: {
        birthDate: "1970-01-01",
        residenceState: "CT",
        residenceTown: "Hartford",
        residenceIsPermanent: false,
        citizenOrLawfulResident: true,
      },
      holdsTemporaryPermit: false,
      holdsOtherStateCarryPermit: true,
    }),
    outcome: "yes",
  },
  {
    section: S57,
    quote: `${DIRECT} ... By law, a gun permit is issued under a two-part process, with a local official issuing a temporary state permit, after which the State Police issues the five-year state permit`,
    story: "a permanent Connecticut resident with a Massachusetts license but no temporary state permit: no",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application("state-handgun-permit", "1970-01-01", [], {
      applicant: {
        birthDate: "1970-01-01",
        residenceState: "CT",
        residenceTown: "Hartford",
        residenceIsPermanent: true,
        citizenOrLawfulResident: true,
      },
      holdsTemporaryPermit: false,
      holdsOtherStateCarryPermit: true,
    }),
    outcome: "no",
    check: disqualifiedBy("credentials.state-permit-route"),
  },
  {
    section: S57,
    quote:
      "By law, a gun permit is issued under a two-part process ... after which the State Police issues the five-year state permit",
    story: "a permanent Connecticut resident holding a temporary state permit applies for the state permit: yes",
    question: "credential-eligibility",
    on: "2014-02-01",
    facts: application("state-handgun-permit", "1970-01-01", [], { holdsTemporaryPermit: true }),
    outcome: "yes",
  },
  {
    section: S57,
    quote: DIRECT,
    story:
      "a Massachusetts resident with a Massachusetts license applies directly on 2013-09-30, as under existing law: yes",
    question: "credential-eligibility",
    on: "2013-09-30",
    facts: application("state-handgun-permit", "1970-01-01", [], {
      applicant: { birthDate: "1970-01-01", residenceState: "MA", citizenOrLawfulResident: true },
      holdsOtherStateCarryPermit: true,
    }),
    outcome: "yes",
  },
  {
    section: S57,
    quote: ONCE,
    // QUESTION(legal) reading in temporary-permit-application-limit.ts: earlier applications count whatever their date.
    story: "an application on 2013-09-15 (before the limit) bars a new one on 2013-10-15",
    question: "credential-eligibility",
    on: "2013-10-15",
    facts: temporary(
      {},
      { attestedNoTemporaryPermitApplicationIn12Months: false, priorTemporaryPermitApplicationDates: ["2013-09-15"] },
    ),
    outcome: "no",
    check: disqualifiedBy("credentials.no-recent-temporary-permit-application"),
  },
]);

// ---- §§ 80-83: school construction review --------------------------------------------------

const S81 =
  "The bill requires DCS, on and after July 1, 2014, to review each local school construction grant application for compliance with the SSIC-developed school safety infrastructure standards. It gives DCS the authority to disapprove any application that does not comply with these new school safety standards starting on or after July 1, 2014.";

run("PA 13-3 §§ 81-82 school construction review", [
  {
    section: "§§ 81 & 82",
    quote: S81,
    story: "a non-complying application reviewed 2014-06-30: no review, DCS may not disapprove on that ground",
    question: "school-construction-safety-review",
    on: "2014-06-30",
    facts: { standardsVersionSubmittedOn: "2014-01-01", compliesWithStandards: false },
    outcome: "yes",
    result: { reviewRequired: false, mayDisapprove: false },
  },
  {
    section: "§§ 81 & 82",
    quote: S81,
    story: "the same application reviewed 2014-07-01: reviewed, DCS may disapprove",
    question: "school-construction-safety-review",
    on: "2014-07-01",
    facts: { standardsVersionSubmittedOn: "2014-01-01", compliesWithStandards: false },
    outcome: "no",
    result: { reviewRequired: true, mayDisapprove: true },
  },
  {
    section: "§§ 81 & 82",
    quote: S81,
    story: "a complying application reviewed 2014-07-01: reviewed, not disapproved",
    question: "school-construction-safety-review",
    on: "2014-07-01",
    facts: { standardsVersionSubmittedOn: "2014-01-01", compliesWithStandards: true },
    outcome: "yes",
    result: { reviewRequired: true, mayDisapprove: false },
  },
]);

// ---- §§ 1, 2-7: the certificate at the sale ---------------------------------------------------

const REQUIRED =
  "On and after April 1, 2014, the bill requires anyone, except a federal marshal, parole officer, or peace officer, buying or receiving a long gun to have a long gun eligibility certificate, handgun permit, handgun dealer permit, or handgun eligibility certificate.";
const DATABASE =
  "the DESPP commissioner must include information about such certificates in the database he currently maintains for sellers to verify the validity of a purchaser's gun credential.";
/** A dealer's retail sale of a shotgun to a buyer born 1980 whose DESPP authorization was approved. */
function shotgunSale(credentials: unknown[]) {
  return {
    seller: { federalLicence: "dealer", knowsStolen: false, knowsIdentificationAltered: false },
    buyer: { federalLicence: "none", birthDate: "1980-01-10", credentials, officer: "none", events: [] },
    firearm: { semiautomaticCenterfireRifle: false, antique: false },
    transfer: {
      waitingPeriodExceptions: "none",
      applicationDate: "2014-04-20",
      authorization: { status: "approved", number: "LG-1" },
      loaded: false,
    },
  };
}
const cert = (status: string) => ({ kind: "long-gun-eligibility-certificate", status, presented: true });

run("PA 13-3 §§ 1, 2-7 the long gun eligibility certificate at the sale", [
  {
    section: "§ 1 with §§ 2-7",
    quote: REQUIRED,
    story: "a buyer shows a valid long gun eligibility certificate on 2014-05-01: yes",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: shotgunSale([cert("valid")]),
    outcome: "yes",
  },
  {
    section: "§§ 2-7",
    quote: `${DATABASE} ... a long gun eligibility certificate can be revoked upon the occurrence of any event that would have disqualified the holder`,
    story: "the database shows the buyer's certificate revoked: no",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: shotgunSale([cert("revoked")]),
    outcome: "no",
    check: (d) =>
      assert.ok(d.findings.some((f) => f.id === "sales.long-gun.buyer-credential" && f.status === "not-met")),
  },
  {
    section: "§§ 2-7",
    quote: `${DATABASE} ... the certificate is good for five years`,
    story: "the buyer's certificate has expired: no",
    question: "long-gun-sale",
    on: "2014-05-01",
    facts: shotgunSale([cert("expired")]),
    outcome: "no",
  },
]);

// ---- the Attorney General's trafficking plan: a monthly ammunition limit (policy) ------------

const PLAN = "the Attorney General's plan (not PA 13-3)";
const MONTHLY =
  "Additionally, we should enforce a limit on monthly ammunitions sales. There is no reasonable self-protection scenario where an individual needs tens of thousands of bullets.";
const MONTHLY_CAP = { enabled: true, roundsPerCalendarMonth: 1000, version: 1, effectiveOn: "2024-01-01" };
const EARLY_JANUARY = [{ on: "2025-01-05", type: "centerfire-pistol", quantity: 800 }];
const BUY_300 = [{ type: "centerfire-pistol", quantity: 300 }];
const isPolicy = (d: Decision<Record<string, unknown>>) =>
  assert.ok(
    d.findings.every((f) => f.source.basis === "policy"),
    "every finding cites the policy, not a statute",
  );

run("Trafficking plan: monthly ammunition limit", [
  {
    section: PLAN,
    quote: MONTHLY,
    story: "800 rounds bought 5 January; 300 more on 31 January exceed a 1,000-round monthly cap",
    question: "ammunition-limit",
    on: "2025-01-31",
    facts: { settings: MONTHLY_CAP, prior: EARLY_JANUARY, requested: BUY_300 },
    outcome: "no",
    result: { permitted: false, headroom: { "policy.ammunition-limit.rounds.calendar-month": 200 } },
    check: isPolicy,
  },
  {
    section: PLAN,
    quote: MONTHLY,
    story: "the same 300 rounds on 1 February, a new month: permitted",
    question: "ammunition-limit",
    on: "2025-02-01",
    facts: { settings: MONTHLY_CAP, prior: EARLY_JANUARY, requested: BUY_300 },
    outcome: "yes",
    result: { permitted: true },
    check: isPolicy,
  },
  {
    section: PLAN,
    quote: MONTHLY,
    story: "200 rounds on 31 January fill the cap exactly: permitted",
    question: "ammunition-limit",
    on: "2025-01-31",
    facts: { settings: MONTHLY_CAP, prior: EARLY_JANUARY, requested: [{ type: "centerfire-pistol", quantity: 200 }] },
    outcome: "yes",
  },
  {
    section: PLAN,
    quote: `${MONTHLY} (a plan, not an enacted law: the Department may switch the limit off)`,
    story: "the limit switched off: 30,000 rounds are not refused by it",
    question: "ammunition-limit",
    on: "2025-01-31",
    facts: {
      settings: { ...MONTHLY_CAP, enabled: false },
      prior: [],
      requested: [{ type: "rimfire", quantity: 30000 }],
    },
    outcome: "yes",
    result: { permitted: true, enabled: false },
    check: isPolicy,
  },
  {
    section: PLAN,
    quote: MONTHLY,
    story: "the buyer's earlier purchases were not looked up: unknown, never a refusal",
    question: "ammunition-limit",
    on: "2025-01-31",
    facts: { settings: MONTHLY_CAP, requested: BUY_300 },
    outcome: "unknown",
    result: { permitted: null },
  },
]);
