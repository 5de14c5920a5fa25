/** Table tests of `auction-contraband-long-gun` (PA 13-3 § 9). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NotInForce } from "../../core/rules.ts";
import { type AuctionFacts, decideAuctionContrabandLongGun } from "./auction-contraband-long-gun.ts";
import { d } from "./fixtures.ts";

const LGEC = { kind: "long-gun-eligibility-certificate" as const, status: "valid" as const };

describe("auction-contraband-long-gun", () => {
  const rows: [string, string, AuctionFacts, boolean | null][] = [
    [
      "federally qualified, no certificate, day before 2013-07-01",
      "2013-06-30",
      { buyer: { qualifiedUnderFederalLaw: true, credentials: [] } },
      true,
    ],
    [
      "federally qualified, no certificate, 2013-07-01",
      "2013-07-01",
      { buyer: { qualifiedUnderFederalLaw: true, credentials: [] } },
      false,
    ],
    [
      "federally qualified with certificate, 2013-07-01",
      "2013-07-01",
      { buyer: { qualifiedUnderFederalLaw: true, credentials: [LGEC] } },
      true,
    ],
    [
      "a permit to carry is not enough (the text names only the certificate)",
      "2014-01-01",
      { buyer: { qualifiedUnderFederalLaw: true, credentials: [{ kind: "permit-to-carry", status: "valid" }] } },
      false,
    ],
    ["not federally qualified", "2013-04-04", { buyer: { qualifiedUnderFederalLaw: false } }, false],
    ["federal qualification not known", "2013-04-04", { buyer: {} }, null],
    ["credentials not known", "2014-01-01", { buyer: { qualifiedUnderFederalLaw: true } }, null],
  ];
  for (const [name, on, facts, permitted] of rows) {
    test(`${on}: ${name}`, () =>
      assert.equal(decideAuctionContrabandLongGun(facts, d(on)).result.permitted, permitted));
  }
  test("2013-04-03 is refused", () =>
    assert.throws(() => decideAuctionContrabandLongGun({}, d("2013-04-03")), NotInForce));
});
