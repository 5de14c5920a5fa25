/** Table tests of `restricted-transfer` (PA 13-3 §§ 23-31: the sale and transfer bans). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { PlainDate } from "../../core/dates.ts";
import { NotInForce } from "../../core/rules.ts";
import { type RestrictedTransferFacts, restrictedTransferQuestion as q } from "./restricted-transfer.ts";

const ask = (facts: unknown, on = "2014-02-01") => q.decide(q.facts.parse(facts), on as PlainDate);

const PRIVATE = { roles: [], desppOrPoliceDepartment: false, outOfState: false, under18: false };
const sale = (item: RestrictedTransferFacts["item"], recipient: object = {}, extra: object = {}) => ({
  item,
  act: "sell-or-transfer",
  transferor: { roles: [] },
  recipient: { ...PRIVATE, ...recipient },
  method: "sale-or-other-transfer",
  declaredOrCertified: true,
  ...extra,
});
const purchase = (item: RestrictedTransferFacts["item"], recipient: object = {}, extra: object = {}) => ({
  item,
  act: "buy-or-receive",
  recipient: { ...PRIVATE, ...recipient },
  method: "sale-or-other-transfer",
  declaredOrCertified: false,
  ...extra,
});

describe("restricted-transfer: dates", () => {
  test("2013-04-03 is refused (not modelled); the bans apply from 2013-04-04", () => {
    assert.throws(() => ask(sale("large-capacity-magazine"), "2013-04-03"), NotInForce);
    assert.throws(() => ask(sale("assault-weapon"), "2013-04-03"), NotInForce);
    assert.equal(ask(sale("large-capacity-magazine"), "2013-04-04").outcome, "no");
    assert.equal(ask(sale("assault-weapon"), "2013-04-04").outcome, "no");
  });
});

describe("restricted-transfer: large capacity magazines (§§ 23-24)", () => {
  const cases: [string, unknown, "yes" | "no" | "unknown"][] = [
    ["a private sale to a private person", sale("large-capacity-magazine"), "no"],
    [
      "a sale to an off-duty police officer",
      sale("large-capacity-magazine", { roles: ["police-member-or-employee"] }),
      "yes",
    ],
    ["a sale to a DOC employee", sale("large-capacity-magazine", { roles: ["doc-member-or-employee"] }), "yes"],
    ["a sale to a service member", sale("large-capacity-magazine", { roles: ["armed-forces-member"] }), "yes"],
    ["a sale to nuclear plant security", sale("large-capacity-magazine", { roles: ["nuclear-plant-security"] }), "yes"],
    ["a transfer to a gun dealer", sale("large-capacity-magazine", { roles: ["gun-dealer"] }), "yes"],
    ["a transfer to a police department", sale("large-capacity-magazine", { desppOrPoliceDepartment: true }), "yes"],
    [
      "a bequest of a declared magazine",
      sale("large-capacity-magazine", {}, { method: "bequest-or-intestate-succession" }),
      "yes",
    ],
    [
      "a bequest of an undeclared magazine",
      sale("large-capacity-magazine", {}, { method: "bequest-or-intestate-succession", declaredOrCertified: false }),
      "no",
    ],
    [
      "an in-state manufacturer selling out of state",
      sale("large-capacity-magazine", { outOfState: true }, { transferor: { roles: ["in-state-lcm-manufacturer"] } }),
      "yes",
    ],
    [
      "an in-state manufacturer selling to a private person in the state",
      sale("large-capacity-magazine", {}, { transferor: { roles: ["in-state-lcm-manufacturer"] } }),
      "no",
    ],
    [
      "a dealer selling out of state (QUESTION(legal))",
      sale("large-capacity-magazine", { outOfState: true }),
      "unknown",
    ],
    ["a private person buys one", purchase("large-capacity-magazine"), "no"],
    ["a private person imports one", { ...purchase("large-capacity-magazine"), act: "import" }, "no"],
    ["a state trooper buys one", purchase("large-capacity-magazine", { roles: ["despp-member-or-employee"] }), "yes"],
    [
      "an heir receives a declared magazine by bequest",
      purchase("large-capacity-magazine", {}, { method: "bequest-or-intestate-succession", declaredOrCertified: true }),
      "yes",
    ],
    [
      "the buyer's roles not known",
      { item: "large-capacity-magazine", act: "buy-or-receive", method: "sale-or-other-transfer" },
      "unknown",
    ],
  ];
  for (const [name, facts, outcome] of cases) test(name, () => assert.equal(ask(facts).outcome, outcome));

  test("a sale in violation is a class D felony without a mandatory minimum", () => {
    const a = ask(sale("large-capacity-magazine"));
    assert.equal(a.result.violation?.crimeClass, "class D felony");
    assert.equal(a.result.violation?.mandatoryMinimum, undefined);
    assert.equal(a.result.permitted, false);
  });
});

describe("restricted-transfer: assault weapons (§§ 25-31)", () => {
  const cases: [string, unknown, "yes" | "no" | "unknown"][] = [
    ["a certificate holder sells to a neighbour", sale("assault-weapon"), "no"],
    ["a certificate holder sells to a licensed gun dealer", sale("assault-weapon", { roles: ["gun-dealer"] }), "yes"],
    [
      "a certificate holder relinquishes it to a police department by arrangement",
      sale("assault-weapon", { desppOrPoliceDepartment: true }),
      "yes",
    ],
    [
      "a certificate holder's bequest",
      sale("assault-weapon", {}, { method: "bequest-or-intestate-succession" }),
      "yes",
    ],
    [
      "a bequest of a weapon without a certificate",
      sale("assault-weapon", {}, { method: "bequest-or-intestate-succession", declaredOrCertified: false }),
      "no",
    ],
    ["a dealer sells to a police officer", sale("assault-weapon", { roles: ["police-member-or-employee"] }), "yes"],
    ["a dealer sells to nuclear plant security", sale("assault-weapon", { roles: ["nuclear-plant-security"] }), "yes"],
    ["a private person buys one", purchase("assault-weapon"), "no"],
    ["a soldier buys one", purchase("assault-weapon", { roles: ["armed-forces-member"] }), "yes"],
    [
      "an heir receives a certificated weapon",
      purchase("assault-weapon", {}, { method: "bequest-or-intestate-succession", declaredOrCertified: true }),
      "yes",
    ],
    [
      "a temporary transfer for an event (not modelled)",
      sale("assault-weapon", {}, { method: "temporary-transfer" }),
      "unknown",
    ],
  ];
  for (const [name, facts, outcome] of cases) test(name, () => assert.equal(ask(facts).outcome, outcome));

  test("an illegal transfer is a class C felony with two years; to a person under 18, eight years", () => {
    const adult = ask(sale("assault-weapon"));
    assert.equal(adult.result.violation?.crimeClass, "class C felony");
    assert.equal(adult.result.violation?.mandatoryMinimum?.prisonYears, 2);
    const minor = ask(sale("assault-weapon", { under18: true }));
    assert.equal(minor.result.violation?.crimeClass, "class C felony");
    assert.equal(minor.result.violation?.mandatoryMinimum?.prisonYears, 8);
  });

  test("the example is answered yes", () => {
    assert.equal(ask(q.example).outcome, "yes");
  });
});
