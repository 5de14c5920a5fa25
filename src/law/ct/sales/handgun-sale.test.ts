/** Table tests of `handgun-sale`. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NotInForce } from "../../core/rules.ts";
import { d } from "./fixtures.ts";
import { type HandgunSaleFacts, decideHandgunSale, handgunSaleQuestion } from "./handgun-sale.ts";

type Patch = {
  seller?: HandgunSaleFacts["seller"];
  buyer?: Partial<NonNullable<HandgunSaleFacts["buyer"]>>;
  transfer?: Partial<NonNullable<HandgunSaleFacts["transfer"]>>;
};
const PERMIT = { kind: "permit-to-carry" as const, status: "valid" as const };

function sale(p: Patch = {}): HandgunSaleFacts {
  return {
    seller: { federalLicence: "dealer", knowsStolen: false, knowsIdentificationAltered: false, ...p.seller },
    buyer: {
      federalLicence: "none",
      birthDate: d("1980-01-10"),
      credentials: [PERMIT],
      officer: "none",
      events: [],
      ...p.buyer,
    },
    transfer: { temporaryForTargetShooting: false, authorization: { status: "approved", number: "H1" }, ...p.transfer },
  };
}

describe("handgun-sale", () => {
  const rows: [string, string, HandgunSaleFacts, boolean | null][] = [
    ["first modelled day, permit holder", "2013-04-04", sale(), true],
    ["20 the day before the 21st birthday", "2014-05-01", sale({ buyer: { birthDate: d("1993-05-02") } }), false],
    ["21 on the day of sale", "2014-05-01", sale({ buyer: { birthDate: d("1993-05-01") } }), true],
    [
      "19, supervised temporary range use",
      "2014-05-01",
      sale({
        buyer: { birthDate: d("1995-01-01"), credentials: [] },
        transfer: { temporaryForTargetShooting: true, supervisedByEligiblePerson: true },
      }),
      true,
    ],
    [
      "19, range use without supervision",
      "2014-05-01",
      sale({
        buyer: { birthDate: d("1995-01-01"), credentials: [] },
        transfer: { temporaryForTargetShooting: true, supervisedByEligiblePerson: false },
      }),
      false,
    ],
    [
      "19, range use, supervision not reported",
      "2014-05-01",
      sale({ buyer: { birthDate: d("1995-01-01"), credentials: [] }, transfer: { temporaryForTargetShooting: true } }),
      null,
    ],
    [
      "long gun eligibility certificate does not qualify",
      "2014-05-01",
      sale({ buyer: { credentials: [{ kind: "long-gun-eligibility-certificate", status: "valid" }] } }),
      false,
    ],
    [
      "handgun eligibility certificate qualifies",
      "2014-05-01",
      sale({ buyer: { credentials: [{ kind: "handgun-eligibility-certificate", status: "valid" }] } }),
      true,
    ],
    [
      "revoked permit",
      "2014-05-01",
      sale({ buyer: { credentials: [{ kind: "permit-to-carry", status: "revoked" }] } }),
      false,
    ],
    [
      "expired the day before",
      "2014-05-01",
      sale({ buyer: { credentials: [{ kind: "permit-to-carry", status: "valid", expiresOn: d("2014-04-30") }] } }),
      false,
    ],
    [
      "last day of validity",
      "2014-05-01",
      sale({ buyer: { credentials: [{ kind: "permit-to-carry", status: "valid", expiresOn: d("2014-05-01") }] } }),
      true,
    ],
    [
      "federal marshal without a permit",
      "2014-05-01",
      sale({ buyer: { credentials: [], officer: "federal-marshal" } }),
      true,
    ],
    [
      "no permit, officer status not known",
      "2014-05-01",
      sale({ buyer: { credentials: [], officer: undefined } }),
      null,
    ],
    ["private transfer with authorization", "2014-05-01", sale({ seller: { federalLicence: "none" } }), true],
    [
      "private transfer without authorization",
      "2014-05-01",
      sale({ seller: { federalLicence: "none" }, transfer: { authorization: { status: "denied" } } }),
      false,
    ],
    [
      "between licensees: not modelled, needs review",
      "2014-05-01",
      sale({ buyer: { federalLicence: "dealer" } }),
      null,
    ],
    [
      "third-degree assault committed 2010 bars a pistol",
      "2014-05-01",
      sale({
        buyer: {
          events: [
            {
              kind: "conviction",
              statute: "CGS § 53a-61",
              felony: false,
              offenseDate: d("2010-01-01"),
              convictionDate: d("2010-06-01"),
            },
          ],
        },
      }),
      false,
    ],
    [
      "probate commitment 2013-06-01, 12 months end 2014-06-01",
      "2014-06-01",
      sale({ buyer: { events: [{ kind: "probate-commitment", date: d("2013-06-01") }] } }),
      false,
    ],
    [
      "probate commitment 2013-06-01, on 2014-06-02",
      "2014-06-02",
      sale({ buyer: { events: [{ kind: "probate-commitment", date: d("2013-06-01") }] } }),
      true,
    ],
  ];
  for (const [name, on, facts, permitted] of rows) {
    test(`${on}: ${name}`, () => {
      const a = decideHandgunSale(facts, d(on));
      assert.equal(
        a.result.permitted,
        permitted,
        JSON.stringify(
          a.findings.filter((f) => f.status !== "met"),
          null,
          1,
        ),
      );
    });
  }
  test("2013-04-03 is refused", () => assert.throws(() => decideHandgunSale(sale(), d("2013-04-03")), NotInForce));

  test("penalties: class D the day before 2013-10-01, class C with minimums from that day", () => {
    const young = sale({ buyer: { birthDate: d("1994-01-01") } });
    const before = decideHandgunSale(young, d("2013-09-30"));
    assert.deepEqual(
      before.result.violations.map((p) => [p.statute, p.crimeClass, p.mandatoryMinimum?.prisonYears]),
      [["CGS § 29-34(b)", "class D felony", 1]],
    );
    const after = decideHandgunSale(young, d("2013-10-01"));
    assert.deepEqual(
      after.result.violations.map((p) => [
        p.statute,
        p.crimeClass,
        p.mandatoryMinimum?.prisonYears,
        p.mandatoryMinimum?.fineDollars,
      ]),
      [["CGS § 29-34(b)", "class C felony", 2, 5000]],
    );
  });
  test("knowingly stolen: class B with three years and $10,000 from 2013-10-01", () => {
    const f = sale({
      seller: { federalLicence: "dealer", knowsStolen: true },
      transfer: { authorization: { status: "denied" } },
    });
    const v = decideHandgunSale(f, d("2013-10-01")).result.violations;
    assert.equal(v[0]?.crimeClass, "class B felony");
    assert.deepEqual(v[0]?.mandatoryMinimum, { prisonYears: 3, fineDollars: 10000 });
    assert.equal(decideHandgunSale(f, d("2013-09-30")).result.violations[0]?.mandatoryMinimum, undefined);
  });
  test("the question's example parses and is permitted", () => {
    assert.equal(
      handgunSaleQuestion.decide(handgunSaleQuestion.facts.parse(handgunSaleQuestion.example), d("2014-06-02")).result
        .permitted,
      true,
    );
  });
});
