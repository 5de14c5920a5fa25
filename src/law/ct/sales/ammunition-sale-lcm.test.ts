/** `ammunition-sale` for a large capacity magazine: the §§ 23-24 sale ban with its exempt buyers. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { PlainDate } from "../../core/dates.ts";
import { ammunitionSaleQuestion as q } from "./ammunition-sale.ts";

const ask = (facts: unknown, on: string) => q.decide(q.facts.parse(facts), on as PlainDate);
const PERMIT = { kind: "permit-to-carry", status: "valid", presented: true };
const sale = (largeCapacityMagazine: boolean | undefined, buyer: object = {}) => ({
  item: "magazine",
  ...(largeCapacityMagazine === undefined ? {} : { largeCapacityMagazine }),
  seller: { federalLicence: "dealer" },
  buyer: { federalLicence: "none", birthDate: "1980-01-10", credentials: [PERMIT], events: [], roles: [], ...buyer },
});

describe("ammunition-sale: large capacity magazines (§§ 23-24)", () => {
  test("a 30-round magazine to a civilian permit holder: no, on the day of passage and after", () => {
    for (const on of ["2013-04-04", "2013-10-01", "2014-06-01"]) {
      const a = ask(sale(true), on);
      assert.equal(a.outcome, "no", on);
      assert.ok(a.findings.some((f) => f.id === "weapons.lcm-transfer" && f.status === "not-met"));
    }
  });

  test("a 10-round magazine to the same buyer: yes", () => {
    assert.equal(ask(sale(false), "2014-06-01").outcome, "yes");
  });

  test("a 30-round magazine to an off-duty police officer holding a permit: yes", () => {
    assert.equal(ask(sale(true, { roles: ["police-member-or-employee"] }), "2014-06-01").outcome, "yes");
  });

  test("a 30-round magazine to a buyer whose roles are not known: unknown, naming buyer.roles", () => {
    const a = ask(sale(true, { roles: undefined }), "2014-06-01");
    assert.equal(a.outcome, "unknown");
    assert.ok(a.findings.some((f) => f.missing?.includes("buyer.roles")));
  });

  test("capacity not stated: only §§ 14-17 are applied (as before)", () => {
    assert.equal(ask(sale(undefined), "2014-06-01").outcome, "yes");
  });

  test("dealer to dealer: exempt from §§ 14-17, and a transfer to a dealer is allowed by §§ 23-24", () => {
    assert.equal(ask(sale(true, { federalLicence: "dealer", credentials: [] }), "2014-06-01").outcome, "yes");
  });

  test("before passage the Act's rules do not apply", () => {
    assert.equal(ask(sale(true), "2013-04-03").outcome, "yes");
  });
});
