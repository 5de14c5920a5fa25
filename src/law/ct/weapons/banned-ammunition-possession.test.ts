/** Table tests of `banned-ammunition-possession` (PA 13-3 § 32). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { PlainDate } from "../../core/dates.ts";
import { NotInForce } from "../../core/rules.ts";
import { bannedAmmunitionPossessionQuestion as q } from "./banned-ammunition-possession.ts";

const ask = (facts: unknown, on: string) => q.decide(q.facts.parse(facts), on as PlainDate);

const STEEL_357 = {
  shotgunShell: false,
  fireableFromHandgun: true,
  nominalCaliber: 0.357,
  coreMaterials: ["steel"],
  frangibleForSporting: false,
  attorneyGeneralExempted: false,
  designation: "FMJ",
  armorPenetrationCapability: false,
  incendiary: false,
};
const LEAD_38 = { ...STEEL_357, nominalCaliber: 0.38, coreMaterials: ["lead"], fullyJacketed: false };
const API_50 = {
  shotgunShell: false,
  fireableFromHandgun: false,
  nominalCaliber: 0.5,
  coreMaterials: ["steel"],
  frangibleForSporting: false,
  attorneyGeneralExempted: false,
  designation: "M8 Armor-Piercing Incendiary",
  armorPenetrationCapability: true,
  incendiary: true,
};
const CIVILIAN = { roles: [], purposes: [], executorDisposingAsAuthorized: false, heirByBequestOrIntestacy: false };
const facts = (ammunition: object, conduct = "possess", person: object = CIVILIAN) => ({ ammunition, conduct, person });

describe("banned-ammunition-possession", () => {
  test("2013-04-03 is refused; modelled from passage", () => {
    assert.throws(() => ask(facts(API_50), "2013-04-03"), NotInForce);
  });

  test("a steel-core handgun bullet: not banned on 2013-09-30, a class D felony to possess from 2013-10-01", () => {
    const before = ask(facts(STEEL_357), "2013-09-30");
    assert.equal(before.outcome, "yes");
    assert.equal(before.result.banned, false);
    const after = ask(facts(STEEL_357), "2013-10-01");
    assert.equal(after.outcome, "no");
    assert.equal(after.result.violation?.crimeClass, "class D felony");
  });

  test("an armor-piercing incendiary .50 caliber bullet was already banned before 2013-10-01", () => {
    assert.equal(ask(facts(API_50), "2013-09-30").outcome, "no");
    assert.equal(ask(facts(API_50), "2013-10-01").outcome, "no");
  });

  test("carrying a firearm loaded with one: the loaded-carry offense from 2013-10-01", () => {
    const before = ask(facts(API_50, "carry-loaded-firearm"), "2013-09-30");
    assert.match(before.result.violation?.offense ?? "", /^possessing/);
    const after = ask(facts(API_50, "carry-loaded-firearm"), "2013-10-01");
    assert.match(after.result.violation?.offense ?? "", /loaded/);
    assert.equal(after.result.violation?.crimeClass, "class D felony");
  });

  test("a lead-core .38 bullet is not banned", () => {
    assert.equal(ask(facts(LEAD_38), "2014-01-01").outcome, "yes");
  });

  test("a police officer for official duties is exempt; off duty is not", () => {
    const duty = { ...CIVILIAN, roles: ["police-member-or-employee"], purposes: ["official-duties"] };
    assert.equal(ask(facts(STEEL_357, "carry-loaded-firearm", duty), "2014-01-01").outcome, "yes");
    const offDuty = { ...duty, purposes: [] };
    assert.equal(ask(facts(STEEL_357, "carry-loaded-firearm", offDuty), "2014-01-01").outcome, "no");
  });

  test("an executor disposing as the Probate Court authorized is exempt", () => {
    const ex = { ...CIVILIAN, roles: ["executor-or-administrator"], executorDisposingAsAuthorized: true };
    assert.equal(ask(facts(STEEL_357, "possess", ex), "2014-01-01").outcome, "yes");
  });

  test("an heir by bequest: unknown (QUESTION(legal)), never refused", () => {
    const heir = { ...CIVILIAN, heirByBequestOrIntestacy: true };
    assert.equal(ask(facts(STEEL_357, "possess", heir), "2014-01-01").outcome, "unknown");
  });

  test("the person's roles not known: unknown, naming the facts", () => {
    const a = ask({ ammunition: STEEL_357, conduct: "possess" }, "2014-01-01");
    assert.equal(a.outcome, "unknown");
    assert.ok(a.findings[0]!.missing!.includes("person.roles"));
  });

  test("the example is answered yes", () => assert.equal(ask(q.example, "2014-06-01").outcome, "yes"));
});
