import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NotInForce } from "../../core/rules.ts";
import { CREDENTIAL_KINDS } from "./kinds.ts";
import { minimumAge } from "./minimum-age.ts";
import { type Case, d, eligibleFacts, expectStatus } from "./test-fixtures.ts";

const born = (credential: Parameters<typeof eligibleFacts>[0], birthDate: string) =>
  eligibleFacts(credential, {
    applicant: {
      birthDate: d(birthDate),
      residenceState: "CT",
      residenceTown: "Hartford",
      citizenOrLawfulResident: true,
    },
  });

describe("minimum age", () => {
  const cases: Case[] = [
    {
      name: "long gun certificate: 18th birthday on the check date",
      facts: born("long-gun-eligibility-certificate", "1996-05-10"),
      on: "2014-05-10",
      status: "met",
    },
    {
      name: "long gun certificate: the day before the 18th birthday",
      facts: born("long-gun-eligibility-certificate", "1996-05-11"),
      on: "2014-05-10",
      status: "not-met",
    },
    {
      name: "ammunition certificate: 18 on the check date",
      facts: born("ammunition-certificate", "1995-07-01"),
      on: "2013-07-01",
      status: "met",
    },
    {
      name: "ammunition certificate: 17",
      facts: born("ammunition-certificate", "1995-07-02"),
      on: "2013-07-01",
      status: "not-met",
    },
    {
      name: "handgun certificate: 21st birthday on the check date",
      facts: born("handgun-eligibility-certificate", "1993-05-10"),
      on: "2014-05-10",
      status: "met",
    },
    {
      name: "handgun certificate: 20",
      facts: born("handgun-eligibility-certificate", "1993-05-11"),
      on: "2014-05-10",
      status: "not-met",
    },
    {
      name: "state permit: 20 is too young",
      facts: born("state-handgun-permit", "1994-01-02"),
      on: "2014-01-01",
      status: "not-met",
    },
    {
      name: "temporary permit: 21",
      facts: born("temporary-state-permit", "1993-01-01"),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "long gun certificate: 18 is enough (21 is not required)",
      facts: born("long-gun-eligibility-certificate", "1995-01-01"),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "29 Feb birthday: not yet 18 on 28 Feb of a common year",
      facts: born("long-gun-eligibility-certificate", "1996-02-29"),
      on: "2014-02-28",
      status: "not-met",
    },
    {
      name: "29 Feb birthday: 18 on 1 March of a common year",
      facts: born("long-gun-eligibility-certificate", "1996-02-29"),
      on: "2014-03-01",
      status: "met",
    },
    {
      name: "29 Feb birthday: 21 on 1 March 2017",
      facts: born("handgun-eligibility-certificate", "1996-02-29"),
      on: "2017-03-01",
      status: "met",
    },
    {
      name: "29 Feb birthday: not 21 on 28 Feb 2017",
      facts: born("handgun-eligibility-certificate", "1996-02-29"),
      on: "2017-02-28",
      status: "not-met",
    },
    {
      name: "29 Feb birthday on a leap-year check date: 20 on 29 Feb 2016, not 21",
      facts: born("handgun-eligibility-certificate", "1996-02-29"),
      on: "2016-02-29",
      status: "not-met",
    },
    {
      name: "missing birth date: unknown, never not-met",
      facts: eligibleFacts("ammunition-certificate", { applicant: { residenceState: "CT" } }),
      on: "2014-01-01",
      status: "unknown",
      missing: ["applicant.birthDate"],
    },
    {
      name: "no applicant at all: unknown",
      facts: { credential: "state-handgun-permit" },
      on: "2014-01-01",
      status: "unknown",
      missing: ["applicant.birthDate"],
    },
    {
      name: "birth date after the check date: conflicting, unknown",
      facts: born("long-gun-eligibility-certificate", "2015-01-01"),
      on: "2014-01-01",
      status: "unknown",
      missing: ["applicant.birthDate"],
    },
  ];
  for (const c of cases) test(c.name, () => expectStatus(minimumAge(c.facts, d(c.on)), c.status, c.missing));

  test("the reason names the date the applicant reaches the age", () => {
    const f = minimumAge(born("long-gun-eligibility-certificate", "1996-02-29"), d("2014-02-28"));
    assert.match(f.remedy ?? "", /2014-03-01/);
  });

  for (const kind of CREDENTIAL_KINDS) {
    test(`${kind}: refused the day before 2013-07-01, answered on 2013-07-01`, () => {
      assert.throws(() => minimumAge(eligibleFacts(kind), d("2013-06-30")), NotInForce);
      expectStatus(minimumAge(eligibleFacts(kind), d("2013-07-01")), "met");
    });
  }
});
