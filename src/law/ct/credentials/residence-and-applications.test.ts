/** Temporary state permit residence and 12-month limit; the state permit's route. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NotInForce } from "../../core/rules.ts";
import { permanentResidence } from "./permanent-residence.ts";
import { statePermitRoute } from "./state-permit-route.ts";
import {
  noRecentTemporaryPermitApplication,
  temporaryPermitAttestation,
} from "./temporary-permit-application-limit.ts";
import { type Case, d, eligibleFacts, expectStatus } from "./test-fixtures.ts";

const applicant = (residenceState?: string, residenceTown?: string) => ({
  applicant: {
    birthDate: d("1980-01-15"),
    citizenOrLawfulResident: true,
    ...(residenceState ? { residenceState } : {}),
    ...(residenceTown ? { residenceTown } : {}),
  },
});
const temp = (o: Parameters<typeof eligibleFacts>[1] = {}) => eligibleFacts("temporary-state-permit", o);
const state = (o: Parameters<typeof eligibleFacts>[1] = {}) => eligibleFacts("state-handgun-permit", o);

describe("residence in the town applied to (temporary state permit)", () => {
  type A = {
    residenceState?: string;
    residenceTown?: string;
    residenceIsPermanent?: boolean;
    applicationTown?: string;
    placeOfBusinessTowns?: string[];
  };
  const who = (a: A) => temp({ applicant: { birthDate: d("1980-01-15"), citizenOrLawfulResident: true, ...a } });
  const home: A = {
    residenceState: "CT",
    residenceTown: "Hartford",
    residenceIsPermanent: true,
    applicationTown: "Hartford",
    placeOfBusinessTowns: [],
  };
  // Lives in Hartford, applies in Stamford where the business is (issue 10, item 1).
  const business: A = { ...home, applicationTown: "Stamford", placeOfBusinessTowns: ["Stamford"] };
  const cases: Case[] = [
    {
      name: "permanent resident of the town applied to, 2013-09-30",
      facts: who(home),
      on: "2013-09-30",
      status: "met",
    },
    {
      name: "permanent resident of the town applied to, 2013-10-01",
      facts: who(home),
      on: "2013-10-01",
      status: "met",
    },
    {
      name: "town names compared without case or spaces",
      facts: who({ ...home, residenceState: "ct", applicationTown: " hartford " }),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "applies where the business is, 2013-09-30: a place of business sufficed",
      facts: who(business),
      on: "2013-09-30",
      status: "met",
    },
    {
      name: "applies where the business is, 2013-10-01: must be a permanent resident there",
      facts: who(business),
      on: "2013-10-01",
      status: "not-met",
    },
    {
      name: "applies in a town with neither residence nor business, 2013-09-30",
      facts: who({ ...home, applicationTown: "Stamford" }),
      on: "2013-09-30",
      status: "not-met",
    },
    {
      name: "residence not permanent, 2013-09-30: sufficed",
      facts: who({ ...home, residenceIsPermanent: false }),
      on: "2013-09-30",
      status: "met",
    },
    {
      name: "residence not permanent, 2013-10-01: not enough",
      facts: who({ ...home, residenceIsPermanent: false }),
      on: "2013-10-01",
      status: "not-met",
    },
    {
      name: "permanence not known, 2013-10-01",
      facts: who({ ...home, residenceIsPermanent: undefined }),
      on: "2013-10-01",
      status: "unknown",
      missing: ["applicant.residenceIsPermanent"],
    },
    {
      name: "town applied to not known: never taken to be the residence town",
      facts: who({ ...home, applicationTown: undefined }),
      on: "2014-01-01",
      status: "unknown",
      missing: ["applicant.applicationTown"],
    },
    {
      name: "lives elsewhere, business not known, 2013-09-30",
      facts: who({ ...home, applicationTown: "Stamford", placeOfBusinessTowns: undefined }),
      on: "2013-09-30",
      status: "unknown",
      missing: ["applicant.placeOfBusinessTowns"],
    },
    {
      name: "out of state with a business in the town, 2013-09-30: sufficed",
      facts: who({
        residenceState: "NY",
        residenceTown: "Albany",
        applicationTown: "Greenwich",
        placeOfBusinessTowns: ["Greenwich"],
      }),
      on: "2013-09-30",
      status: "met",
    },
    {
      name: "out of state with a business in the town, 2013-10-01",
      facts: who({
        residenceState: "NY",
        residenceTown: "Albany",
        applicationTown: "Greenwich",
        placeOfBusinessTowns: ["Greenwich"],
      }),
      on: "2013-10-01",
      status: "not-met",
    },
    {
      name: "out of state, 2013-10-01: not-met whatever else is missing",
      facts: who({ residenceState: "NY" }),
      on: "2013-10-01",
      status: "not-met",
    },
    {
      name: "Connecticut without a town: unknown",
      facts: who({ ...home, residenceTown: undefined }),
      on: "2014-01-01",
      status: "unknown",
      missing: ["applicant.residenceTown"],
    },
    {
      name: "residence not known: unknown",
      facts: who({ ...home, residenceState: undefined }),
      on: "2014-01-01",
      status: "unknown",
      missing: ["applicant.residenceState"],
    },
  ];
  for (const c of cases) test(c.name, () => expectStatus(permanentResidence(c.facts, d(c.on)), c.status, c.missing));
  test("refused before 2013-07-01", () => assert.throws(() => permanentResidence(temp(), d("2013-06-30")), NotInForce));
  test("the business-town applicant is told a place of business no longer suffices", () => {
    assert.match(
      permanentResidence(who(business), d("2013-10-01")).because,
      /place of business there no longer suffices/,
    );
  });
});

describe("the state permit follows a temporary permit (or the nonresident exception)", () => {
  const nonPermanent = {
    applicant: {
      birthDate: d("1980-01-15"),
      citizenOrLawfulResident: true,
      residenceState: "CT",
      residenceTown: "Hartford",
      residenceIsPermanent: false,
    },
  };
  const cases: Case[] = [
    {
      name: "Connecticut resident holding a temporary permit",
      facts: state({ holdsTemporaryPermit: true }),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "Connecticut resident without one",
      facts: state({ holdsTemporaryPermit: false }),
      on: "2014-01-01",
      status: "not-met",
    },
    {
      name: "Connecticut resident, not known",
      facts: state({ holdsTemporaryPermit: undefined }),
      on: "2014-01-01",
      status: "unknown",
      missing: ["holdsTemporaryPermit"],
    },
    {
      name: "exception: nonresident with another state's carry permit",
      facts: state({ ...applicant("MA", "Boston"), holdsTemporaryPermit: false, holdsOtherStateCarryPermit: true }),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "nonresident without another state's permit",
      facts: state({ ...applicant("MA", "Boston"), holdsOtherStateCarryPermit: false }),
      on: "2014-01-01",
      status: "not-met",
    },
    {
      name: "nonresident, other permit not known",
      facts: state({ ...applicant("MA", "Boston") }),
      on: "2014-01-01",
      status: "unknown",
      missing: ["holdsOtherStateCarryPermit"],
    },
    {
      name: "the exception does not reach permanent Connecticut residents",
      facts: state({ holdsTemporaryPermit: false, holdsOtherStateCarryPermit: true }),
      on: "2014-01-01",
      status: "not-met",
    },
    {
      name: "exception: a Connecticut residence that is not permanent, with another state's permit",
      facts: state({ ...nonPermanent, holdsTemporaryPermit: false, holdsOtherStateCarryPermit: true }),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "a Connecticut residence that is not permanent, no other state's permit",
      facts: state({ ...nonPermanent, holdsTemporaryPermit: false, holdsOtherStateCarryPermit: false }),
      on: "2014-01-01",
      status: "not-met",
    },
    {
      name: "Connecticut resident, permanence not known, other state's permit: unknown",
      facts: state({
        applicant: { birthDate: d("1980-01-15"), residenceState: "CT", residenceTown: "Hartford" },
        holdsTemporaryPermit: false,
        holdsOtherStateCarryPermit: true,
      }),
      on: "2014-01-01",
      status: "unknown",
      missing: ["applicant.residenceIsPermanent"],
    },
    {
      name: "residence not known",
      facts: state(applicant()),
      on: "2014-01-01",
      status: "unknown",
      missing: ["applicant.residenceState"],
    },
  ];
  for (const c of cases) test(c.name, () => expectStatus(statePermitRoute(c.facts, d(c.on)), c.status, c.missing));
});

describe("statement of no temporary permit application in 12 months", () => {
  const cases: Case[] = [
    {
      name: "2013-09-30: not yet required",
      facts: temp({ attestedNoTemporaryPermitApplicationIn12Months: undefined }),
      on: "2013-09-30",
      status: "not-applicable",
    },
    { name: "2013-10-01: made", facts: temp(), on: "2013-10-01", status: "met" },
    {
      name: "2013-10-01: refused",
      facts: temp({ attestedNoTemporaryPermitApplicationIn12Months: false }),
      on: "2013-10-01",
      status: "not-met",
    },
    {
      name: "2013-10-01: not known",
      facts: temp({ attestedNoTemporaryPermitApplicationIn12Months: undefined }),
      on: "2013-10-01",
      status: "unknown",
      missing: ["attestedNoTemporaryPermitApplicationIn12Months"],
    },
  ];
  for (const c of cases)
    test(c.name, () => expectStatus(temporaryPermitAttestation(c.facts, d(c.on)), c.status, c.missing));
});

describe("one temporary permit application in any 12 months", () => {
  const prior = (dates: string[], attested?: boolean) =>
    temp({
      priorTemporaryPermitApplicationDates: dates.map(d),
      attestedNoTemporaryPermitApplicationIn12Months: attested,
    });
  const cases: Case[] = [
    {
      name: "2013-09-30: the limit does not exist yet",
      facts: prior(["2013-09-01"], false),
      on: "2013-09-30",
      status: "not-applicable",
    },
    {
      name: "2013-10-01: an application a month earlier bars a new one",
      facts: prior(["2013-09-01"], false),
      on: "2013-10-01",
      status: "not-met",
    },
    {
      name: "exactly 12 months earlier: a new 12-month period has begun",
      facts: prior(["2013-10-01"], false),
      on: "2014-10-01",
      status: "met",
    },
    {
      name: "12 months less a day earlier: barred",
      facts: prior(["2013-10-02"], false),
      on: "2014-10-01",
      status: "not-met",
    },
    {
      name: "records show one, applicant said none: conflict, unknown",
      facts: prior(["2014-05-01"], true),
      on: "2014-10-01",
      status: "unknown",
      missing: ["attestedNoTemporaryPermitApplicationIn12Months", "priorTemporaryPermitApplicationDates"],
    },
    {
      name: "records show one, no statement: not-met (the records decide)",
      facts: prior(["2014-05-01"]),
      on: "2014-10-01",
      status: "not-met",
    },
    {
      name: "an application dated the check date is the one being decided",
      facts: prior(["2014-10-01"], true),
      on: "2014-10-01",
      status: "met",
    },
    {
      name: "an application after the check date is ignored",
      facts: prior(["2014-12-01"], true),
      on: "2014-10-01",
      status: "met",
    },
    { name: "records show none", facts: prior([], true), on: "2014-10-01", status: "met" },
    {
      name: "no records, statement made: the statement stands",
      facts: temp({ priorTemporaryPermitApplicationDates: undefined }),
      on: "2014-10-01",
      status: "met",
    },
    {
      name: "no records and no statement: unknown",
      facts: temp({
        priorTemporaryPermitApplicationDates: undefined,
        attestedNoTemporaryPermitApplicationIn12Months: undefined,
      }),
      on: "2014-10-01",
      status: "unknown",
      missing: ["priorTemporaryPermitApplicationDates"],
    },
  ];
  for (const c of cases)
    test(c.name, () => expectStatus(noRecentTemporaryPermitApplication(c.facts, d(c.on)), c.status, c.missing));
  test("the remedy names the first day a new application may be made", () => {
    const f = noRecentTemporaryPermitApplication(prior(["2013-10-02"], false), d("2014-10-01"));
    assert.match(f.remedy ?? "", /2014-10-02/);
  });
});
