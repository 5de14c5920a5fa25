import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NotInForce, missingOf } from "../../core/rules.ts";
import type { MagazineFacts } from "./large-capacity-magazine.ts";
import { magazineClassification } from "./magazine-classification.ts";
import { d, magazine } from "./testkit.ts";

const cases: {
  name: string;
  facts: MagazineFacts;
  on?: string;
  outcome: "yes" | "no" | "unknown";
  missing?: string[];
}[] = [
  { name: "30-round magazine, the day the Act passed", facts: magazine(), on: "2013-04-04", outcome: "yes" },
  { name: "11 rounds", facts: magazine({ capacity: 11 }), outcome: "yes" },
  { name: "10 rounds", facts: magazine({ capacity: 10 }), outcome: "no" },
  {
    name: "10 rounds, readily converted to more than 10",
    facts: magazine({ capacity: 10, readilyRestoredOrConverted: true }),
    outcome: "yes",
  },
  {
    name: "10 rounds, convertibility not known",
    facts: { ...magazine({ capacity: 10 }), readilyRestoredOrConverted: undefined },
    outcome: "unknown",
    missing: ["readilyRestoredOrConverted"],
  },
  {
    name: "30 rounds, convertibility not needed",
    facts: { ...magazine(), readilyRestoredOrConverted: undefined },
    outcome: "yes",
  },
  { name: "belt of 50", facts: magazine({ device: "belt", capacity: 50 }), outcome: "yes" },
  { name: "drum of 100", facts: magazine({ device: "drum", capacity: 100 }), outcome: "yes" },
  { name: "feed strip of 30", facts: magazine({ device: "feed-strip" }), outcome: "yes" },
  { name: "similar device", facts: magazine({ device: "similar-device" }), outcome: "yes" },
  { name: "not a feeding device", facts: magazine({ device: "not-a-feeding-device" }), outcome: "no" },
  {
    name: "exclusion 1: permanently altered to 10",
    facts: magazine({ permanentlyAlteredToTenOrFewer: true }),
    outcome: "no",
  },
  {
    name: "exclusion 1 wins over 'readily restored'",
    facts: magazine({ capacity: 10, readilyRestoredOrConverted: true, permanentlyAlteredToTenOrFewer: true }),
    outcome: "no",
  },
  {
    name: "exclusion 2: .22 caliber tube feeding device of 15",
    facts: magazine({ capacity: 15, caliber22TubeFeedingDevice: true }),
    outcome: "no",
  },
  {
    name: "exclusion 3: tubular magazine in a lever-action firearm of 14",
    facts: magazine({ capacity: 14, tubularInLeverAction: true }),
    outcome: "no",
  },
  { name: "exclusion 4: permanently inoperable", facts: magazine({ permanentlyInoperable: true }), outcome: "no" },
  {
    name: "an exclusion not known",
    facts: { ...magazine(), tubularInLeverAction: undefined },
    outcome: "unknown",
    missing: ["tubularInLeverAction"],
  },
  {
    name: "capacity not known",
    facts: { ...magazine(), capacity: undefined },
    outcome: "unknown",
    missing: ["capacity"],
  },
  { name: "nothing known", facts: {}, outcome: "unknown", missing: ["capacity", "device"] },
  {
    name: "10 rounds and nothing else known: no",
    facts: { capacity: 10, readilyRestoredOrConverted: false },
    outcome: "no",
  },
];

describe("magazine-classification", () => {
  for (const c of cases) {
    it(c.name, () => {
      const a = magazineClassification.decide(c.facts, d(c.on ?? "2014-01-01"));
      assert.equal(a.outcome, c.outcome, a.result.reasons.join("; "));
      assert.equal(a.result.largeCapacityMagazine, c.outcome === "yes" ? true : c.outcome === "no" ? false : null);
      for (const m of c.missing ?? []) assert.ok(missingOf(a.findings).includes(m), `missing ${m}`);
    });
  }

  it("refuses 2013-04-03, the day before the term existed", () => {
    assert.throws(() => magazineClassification.decide(magazine(), d("2013-04-03")), NotInForce);
  });

  it("cites § 23 and CGS § 53-202w for the definition and each exclusion", () => {
    const a = magazineClassification.decide(magazine(), d("2014-01-01"));
    assert.equal(a.findings.length, 5);
    for (const f of a.findings) {
      assert.equal(f.source.section, "§ 23");
      assert.equal(f.source.cgs, "CGS § 53-202w");
    }
  });
});
