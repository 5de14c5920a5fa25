import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NotInForce, missingOf } from "../../core/rules.ts";
import type { AmmunitionFacts } from "./ammunition-facts.ts";
import { ammunitionClassification } from "./ammunition-classification.ts";
import { findDesignation } from "./fifty-caliber-bullet.ts";
import { bullet, d } from "./testkit.ts";

type Case = {
  name: string;
  facts: AmmunitionFacts;
  on?: string;
  outcome: "yes" | "no" | "unknown";
  ap?: boolean | null;
  ap50?: boolean | null;
  inc50?: boolean | null;
  missing?: string[];
};

const steel = bullet({ coreMaterials: ["steel"], nominalCaliber: 0.357 });
const heavyJacket = bullet({ coreMaterials: ["copper"], jacketWeightPercent: 26, nominalCaliber: 0.45 });
const fifty = bullet({
  fireableFromHandgun: false,
  nominalCaliber: 0.5,
  coreMaterials: ["lead"],
  designation: "M33 Ball",
});

const cases: Case[] = [
  // the handgun armor-piercing definition: the day before and the day of 2013-10-01
  { name: "steel-core handgun bullet, 2013-09-30", facts: steel, on: "2013-09-30", outcome: "no", ap: false },
  { name: "steel-core handgun bullet, 2013-10-01", facts: steel, on: "2013-10-01", outcome: "yes", ap: true },
  {
    name: "tungsten and bronze core (a combination of listed metals)",
    facts: bullet({ coreMaterials: ["tungsten-alloy", "bronze"] }),
    outcome: "yes",
    ap: true,
  },
  {
    name: "steel core with a lead tip is not entirely hard metal, and is soft-cored",
    facts: bullet({ coreMaterials: ["steel", "lead"] }),
    outcome: "no",
    ap: false,
  },
  { name: "brass solid", facts: bullet({ coreMaterials: ["brass"] }), outcome: "yes", ap: true },
  { name: "cannot be fired from a handgun", facts: { ...steel, fireableFromHandgun: false }, outcome: "no", ap: false },
  { name: "shotgun shell with a steel slug", facts: { ...steel, shotgunShell: true }, outcome: "no", ap: false },
  { name: "jacket 26% of weight, .45, copper core", facts: heavyJacket, outcome: "yes", ap: true },
  { name: "jacket 25% of weight", facts: { ...heavyJacket, jacketWeightPercent: 25 }, outcome: "no", ap: false },
  { name: "jacket 26%, not fully jacketed", facts: { ...heavyJacket, fullyJacketed: false }, outcome: "no", ap: false },
  {
    name: "jacket 26%, .223 is .22 caliber, not larger",
    facts: { ...heavyJacket, nominalCaliber: 0.223 },
    outcome: "no",
    ap: false,
  },
  {
    name: "jacket 26%, 5.7 mm (0.224) is .22 caliber",
    facts: { ...heavyJacket, nominalCaliber: 0.224 },
    outcome: "no",
    ap: false,
  },
  {
    name: "jacket 26%, .243 is larger than .22",
    facts: { ...heavyJacket, nominalCaliber: 0.243 },
    outcome: "yes",
    ap: true,
  },
  {
    name: "jacket 26% over a lead core: soft core excluded",
    facts: { ...heavyJacket, coreMaterials: ["lead"] },
    outcome: "no",
    ap: false,
  },
  {
    name: "jacket 26% over a zinc alloy core: soft core excluded",
    facts: { ...heavyJacket, coreMaterials: ["zinc-alloy"] },
    outcome: "no",
    ap: false,
  },
  { name: "frangible sporting projectile", facts: { ...steel, frangibleForSporting: true }, outcome: "no", ap: false },
  {
    name: "U.S. Attorney General sporting finding",
    facts: { ...steel, attorneyGeneralExempted: true },
    outcome: "no",
    ap: false,
  },
  { name: "ordinary lead FMJ .45", facts: bullet(), outcome: "no", ap: false, ap50: false, inc50: false },
  {
    name: "core materials not known",
    facts: { ...bullet({ jacketWeightPercent: 30 }), coreMaterials: undefined },
    outcome: "unknown",
    missing: ["coreMaterials"],
  },
  { name: "nothing known", facts: {}, outcome: "unknown" },
  // a shotgun shell settles every definition (issue 10, item 4): no caliber, designation or anything else asked
  {
    name: "shotgun shell, nothing else known, 2013-09-30",
    facts: { shotgunShell: true },
    on: "2013-09-30",
    outcome: "no",
    ap: false,
    ap50: false,
    inc50: false,
  },
  {
    name: "shotgun shell, nothing else known, 2013-10-01",
    facts: { shotgunShell: true },
    on: "2013-10-01",
    outcome: "no",
    ap: false,
    ap50: false,
    inc50: false,
  },
  {
    name: "shotgun shell (.410 bore) labelled API and incendiary: still not a .50 caliber bullet",
    facts: { shotgunShell: true, nominalCaliber: 0.41, incendiary: true, designation: "API" },
    outcome: "no",
    ap50: false,
    inc50: false,
  },
  // .50 caliber
  {
    name: ".50 M2 AP, 2013-04-04",
    facts: { ...fifty, designation: "M2 AP" },
    on: "2013-04-04",
    outcome: "yes",
    ap50: true,
  },
  {
    name: ".50 'm-2 armor piercing' (tolerant)",
    facts: { ...fifty, designation: "m-2 armor piercing" },
    outcome: "yes",
    ap50: true,
  },
  { name: ".50 API", facts: { ...fifty, designation: "API" }, outcome: "yes", ap50: true },
  { name: ".50 M20 APIT", facts: { ...fifty, designation: "M20 A.P.I.T." }, outcome: "yes", ap50: true },
  { name: ".50 SLAP", facts: { ...fifty, designation: "M903 SLAP" }, outcome: "yes", ap50: true },
  { name: ".50 SLAPT", facts: { ...fifty, designation: "slap-t" }, outcome: "yes", ap50: true },
  {
    name: ".50 BMG written 0.510",
    facts: { ...fifty, nominalCaliber: 0.51, designation: "SLAP" },
    outcome: "yes",
    ap50: true,
  },
  { name: ".50 ball, no armor capability", facts: fifty, outcome: "no", ap50: false },
  {
    name: ".50 with another designation, capability not known",
    facts: { ...fifty, armorPenetrationCapability: undefined },
    outcome: "unknown",
    missing: ["armorPenetrationCapability"],
  },
  {
    name: ".50, designation not known, no general capability",
    facts: { ...fifty, designation: undefined },
    outcome: "unknown",
    missing: ["designation"],
  },
  {
    name: ".50 recognized as penetrating armor",
    facts: { ...fifty, armorPenetrationCapability: true },
    outcome: "yes",
    ap50: true,
  },
  { name: ".45 designated AP is not .50", facts: bullet({ designation: "AP" }), outcome: "no", ap50: false },
  { name: ".50 incendiary", facts: { ...fifty, incendiary: true }, outcome: "yes", inc50: true, ap50: false },
  {
    name: ".308 incendiary is not .50",
    facts: bullet({ fireableFromHandgun: false, nominalCaliber: 0.308, incendiary: true }),
    outcome: "no",
    inc50: false,
  },
  {
    name: ".50 AE steel-core handgun bullet, 2013-10-01 (both definitions)",
    facts: bullet({ nominalCaliber: 0.5, coreMaterials: ["steel"], armorPenetrationCapability: true }),
    on: "2013-10-01",
    outcome: "yes",
    ap: true,
    ap50: true,
  },
];

describe("a shotgun shell in the schema", () => {
  it("refuses a .50 caliber shotgun shell, naming the caliber", () => {
    const r = ammunitionClassification.facts.safeParse({ shotgunShell: true, nominalCaliber: 0.5 });
    assert.equal(r.success, false);
    assert.deepEqual(r.error?.issues[0]?.path, ["nominalCaliber"]);
    assert.equal(ammunitionClassification.facts.safeParse({ shotgunShell: true }).success, true);
  });
});

describe("ammunition-classification", () => {
  for (const c of cases) {
    it(c.name, () => {
      const a = ammunitionClassification.decide(c.facts, d(c.on ?? "2014-01-01"));
      assert.equal(a.outcome, c.outcome, a.result.reasons.join("; "));
      assert.equal(a.result.banned, c.outcome === "yes" ? true : c.outcome === "no" ? false : null);
      if (c.ap !== undefined) assert.equal(a.result.armorPiercingBullet, c.ap);
      if (c.ap50 !== undefined) assert.equal(a.result.armorPiercing50Caliber, c.ap50);
      if (c.inc50 !== undefined) assert.equal(a.result.incendiary50Caliber, c.inc50);
      for (const m of c.missing ?? []) assert.ok(missingOf(a.findings).includes(m), `missing ${m}`);
    });
  }

  it("refuses 2013-04-03 (modelled from the date the analysis describes)", () => {
    assert.throws(() => ammunitionClassification.decide(bullet(), d("2013-04-03")), NotInForce);
  });

  it("matches the named designations tolerantly and only them", () => {
    assert.equal(findDesignation("M8 Armor-Piercing Incendiary"), "M8 Armor-Piercing Incendiary / API");
    assert.equal(
      findDesignation("m962 saboted light armor penetrator tracer"),
      "M962 Saboted Light Armor Penetrator Tracer / SLAPT",
    );
    assert.equal(findDesignation("M33 Ball"), undefined);
    assert.equal(findDesignation("M2 Ball"), undefined);
  });

  it("cites § 32 and CGS § 53-202l for the handgun definition", () => {
    const a = ammunitionClassification.decide(steel, d("2014-01-01"));
    const ap = a.findings.find((f) => f.id === "weapons.armor-piercing-bullet")!;
    assert.equal(ap.source.section, "§ 32");
    assert.equal(ap.source.cgs, "CGS § 53-202l");
  });
});
