/** Table tests of `ammunition-sale` (PA 13-3 §§ 14-17). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type AmmunitionSaleFacts, ammunitionSaleQuestion, decideAmmunitionSale } from "./ammunition-sale.ts";
import { d } from "./fixtures.ts";

type Buyer = Partial<NonNullable<AmmunitionSaleFacts["buyer"]>>;
const ID = {
  kind: "drivers-license" as const,
  valid: true,
  hasPhotograph: true,
  showsDateOfBirth: true,
  presented: true,
};
const CERT = { kind: "ammunition-certificate" as const, status: "valid" as const, presented: true };
const PERMIT = { kind: "permit-to-carry" as const, status: "valid" as const, presented: true };

function sale(buyer: Buyer = {}, extra: Partial<AmmunitionSaleFacts> = {}): AmmunitionSaleFacts {
  return {
    item: "ammunition",
    seller: { federalLicence: "dealer" },
    buyer: { federalLicence: "none", birthDate: d("1990-03-03"), credentials: [PERMIT], events: [], ...buyer },
    ...extra,
  };
}

describe("ammunition-sale", () => {
  const rows: [string, string, AmmunitionSaleFacts, boolean | null, string?][] = [
    ["17 on the first day (passage)", "2013-04-04", sale({ birthDate: d("1995-04-05"), credentials: [] }), false],
    [
      "18 on the day, no credential needed yet",
      "2013-04-04",
      sale({ birthDate: d("1995-04-04"), credentials: [] }),
      true,
    ],
    ["no credential, day before 2013-10-01", "2013-09-30", sale({ credentials: [] }), true],
    ["no credential, 2013-10-01", "2013-10-01", sale({ credentials: [] }), false],
    ["permit presented, 2013-10-01", "2013-10-01", sale(), true, "gun-credential"],
    ["permit held but not presented", "2013-10-01", sale({ credentials: [{ ...PERMIT, presented: false }] }), false],
    [
      "long gun eligibility certificate presented",
      "2013-10-01",
      sale({ credentials: [{ kind: "long-gun-eligibility-certificate", status: "valid", presented: true }] }),
      true,
    ],
    [
      "permit to sell presented",
      "2013-10-01",
      sale({ credentials: [{ kind: "permit-to-sell", status: "valid", presented: true }] }),
      true,
    ],
    [
      "ammunition certificate with driver's licence",
      "2013-10-01",
      sale({ credentials: [CERT], photoId: ID }),
      true,
      "ammunition-certificate",
    ],
    [
      "ammunition certificate, ID without date of birth",
      "2013-10-01",
      sale({ credentials: [CERT], photoId: { ...ID, showsDateOfBirth: false } }),
      false,
    ],
    [
      "ammunition certificate, non-government ID",
      "2013-10-01",
      sale({ credentials: [CERT], photoId: { ...ID, kind: "other" } }),
      false,
    ],
    ["ammunition certificate, no ID reported", "2013-10-01", sale({ credentials: [CERT] }), null],
    [
      "credential validity not reported",
      "2013-10-01",
      sale({ credentials: [{ kind: "permit-to-carry", presented: true }] }),
      null,
    ],
    ["magazine: same rules", "2013-10-01", sale({ credentials: [] }, { item: "magazine" }), false],
    [
      "dealer to dealer: exempt (no age or credential check)",
      "2013-10-01",
      sale({ federalLicence: "dealer", credentials: [], birthDate: undefined }),
      true,
    ],
    [
      "manufacturer to dealer: exempt",
      "2013-10-01",
      { ...sale({ federalLicence: "dealer", credentials: [] }), seller: { federalLicence: "manufacturer" } },
      true,
    ],
    [
      "felony, day before possession of ammunition becomes a crime",
      "2013-09-30",
      sale({ events: [{ kind: "conviction", felony: true, convictionDate: d("2000-01-01") }] }),
      true,
    ],
    [
      "felony, 2013-10-01",
      "2013-10-01",
      sale({ events: [{ kind: "conviction", felony: true, convictionDate: d("2000-01-01") }] }),
      false,
    ],
    [
      "felony, magazine (not reached by the possession crime)",
      "2013-10-01",
      sale({ events: [{ kind: "conviction", felony: true, convictionDate: d("2000-01-01") }] }, { item: "magazine" }),
      true,
    ],
    ["birth date missing", "2013-10-01", sale({ birthDate: undefined }), null],
  ];
  for (const [name, on, facts, permitted, basis] of rows) {
    test(`${on}: ${name}`, () => {
      const a = decideAmmunitionSale(facts, d(on));
      assert.equal(
        a.result.permitted,
        permitted,
        JSON.stringify(
          a.findings.filter((f) => f.status !== "met"),
          null,
          1,
        ),
      );
      if (basis) assert.equal(a.result.basis, basis);
      assert.equal(a.result.violation?.crimeClass, "class D felony");
    });
  }
  test("2013-04-03: no requirement of the Act yet (issue 10, item 3); 2013-04-04 the age limit applies", () => {
    const young = sale({ birthDate: d("1996-01-01"), credentials: [] });
    const before = decideAmmunitionSale(young, d("2013-04-03"));
    assert.equal(before.outcome, "yes");
    assert.equal(before.result.dutyStartsOn, "2013-04-04");
    assert.match(before.findings[0]!.because, /starts on 2013-04-04/);
    assert.equal(decideAmmunitionSale(young, d("2013-04-04")).outcome, "no");
  });
  test("the question's example parses and is permitted", () => {
    assert.equal(
      ammunitionSaleQuestion.decide(ammunitionSaleQuestion.facts.parse(ammunitionSaleQuestion.example), d("2014-06-02"))
        .result.permitted,
      true,
    );
  });
});
