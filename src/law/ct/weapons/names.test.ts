import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  OLDER_NAMED,
  PISTOLS_2013,
  RIFLES_2013,
  SHOTGUNS_2013,
  isSpecifiedWeaponName,
  namedMatches,
} from "./named-assault-weapons.ts";
import { normalizeName } from "./names.ts";

/** [what a person writes, the listed model it must match ("" for none)] */
const cases: [string, string][] = [
  // case, punctuation, spacing
  ["AK-47", "AK 47"],
  ["ak47", "AK 47"],
  ["Ak 47", "AK 47"],
  ["A.K.-47", "AK 47"],
  ["AR15", "AR-15"],
  ["ar-15 rifle", "AR-15"],
  ["AKS74U", "AKS-74U"],
  ["wasr 10/63", "WASR-10"],
  // maker prefixes, written or not
  ["Norinco AK-47", "AK 47"],
  ["Palmetto State Armory AR-15", "AR-15"],
  ["bushmaster xm-15", "Bushmaster XM15"],
  ["XM15", "Bushmaster XM15"],
  ["S&W M&P 15", "Smith and Wesson M&P15 Rifles"],
  ["Smith & Wesson M&P15 Sport", "Smith and Wesson M&P15 Rifles"],
  ["smith and wesson mp15", "Smith and Wesson M&P15 Rifles"],
  ["Heckler & Koch PSG-1", "HK-PSG-1"],
  ["H&K PSG1", "HK-PSG-1"],
  ["HK-PSG-1", "HK-PSG-1"],
  ["Remington 7615", "Remington Tactical Rifle Model 7615"],
  ["Kel-Tec SU-16C", "Kel-Tec SU Rifles"],
  ["KelTec RFB", "Kel-Tec RFB"],
  ["Beretta Cx4 Storm", "Beretta Storm"],
  ["SIG 556", "SIG Sauer 556"],
  ["Sig Sauer M400 Tread", "SIG Sauer M400 Rifles"],
  ["SIG SG 550", "SIG 500 series"],
  ["Colt Sporter", "Colt Sporter"],
  ["Colt AR-15 Sporter", "Colt AR-15"],
  ["Auto-Ordnance Thompson 1927A1", "Auto-Ordnance Thompson type"],
  ["Thompson", "Auto-Ordnance Thompson type"],
  ["Ruger Mini-14/5F", "Ruger Mini-14/5F folding stock model only"],
  ["Izhmash Saiga 12K", "all IZHMASH Saiga 12 shotguns"],
  ["saiga-12", "all IZHMASH Saiga 12 shotguns"],
  ["Mini Draco", "Mini-Draco AK-47"],
  ["I.O. Inc. Hellpup", "IO Inc. Hellpup AK-47"],
  ["Chiappa M4-22", "Chiappa Firearms Mfour-22"],
  ["FN FAL", "Fabrique Nationale FN/FAL"],
  ["Fabrique Nationale L1A1 Sporter", "Fabrique Nationale L1A1 Sporter"],
  ["Barrett M82A1", "Barrett Light-Fifty model 82A1"],
  // not listed
  ["Ruger 10/22", ""],
  ["Remington 700", ""],
  ["Colt Python", ""],
  ["Glock 17", ""],
  ["Ruger Mini-14", ""],
  ["Springfield M1A", ""],
  ["Thompson Center Compass", ""],
  ["556", ""],
  ["A1", ""],
  ["FAL", ""],
  ["Sporter", ""],
  ["M&P15-22", ""],
  ["", ""],
];

describe("tolerant name matching", () => {
  for (const [written, listed] of cases) {
    it(`"${written}" → ${listed || "no match"}`, () => {
      const hits = namedMatches(written).map((m) => m.model.listed);
      if (listed) assert.ok(hits.includes(listed), `got ${JSON.stringify(hits)}`);
      else assert.deepEqual(hits, []);
    });
  }

  it("normalizes case, punctuation, spacing, '&' and 'and', and trailing generic words", () => {
    assert.equal(normalizeName("Smith & Wesson M&P15 Rifles"), "smithwessonmp15");
    assert.equal(normalizeName("smith and wesson mp-15"), "smithwessonmp15");
    assert.equal(normalizeName("  AK–47  type "), "ak47");
  });

  it("every listed model matches its own listing and its model with its maker", () => {
    for (const m of [...OLDER_NAMED, ...RIFLES_2013, ...PISTOLS_2013, ...SHOTGUNS_2013]) {
      const written = m.maker ? `${m.maker} ${m.model}` : m.model;
      assert.ok(
        namedMatches(written).some((h) => h.model.id === m.id),
        `${written} (${m.id})`,
      );
      assert.ok(
        namedMatches(written.toUpperCase().replace(/-/g, " ")).some((h) => h.model.id === m.id),
        `${written} upper-cased`,
      );
    }
  });

  it("lists are complete as the text writes them", () => {
    assert.equal(SHOTGUNS_2013.length, 1);
    assert.equal(PISTOLS_2013.length, 27);
    assert.equal(RIFLES_2013.length, 88);
    assert.equal(OLDER_NAMED.length, 67);
    assert.equal(
      new Set([...OLDER_NAMED, ...RIFLES_2013, ...PISTOLS_2013, ...SHOTGUNS_2013].map((m) => m.id)).size,
      OLDER_NAMED.length + RIFLES_2013.length + PISTOLS_2013.length + SHOTGUNS_2013.length,
    );
  });

  it("knows the CGS § 53-202n specified weapons", () => {
    for (const n of ["Auto Ordnance Thompson", "AK-47", "MAC-10", "MAC11", "MAC-11 Carbine"])
      assert.ok(isSpecifiedWeaponName(n), n);
    for (const n of ["AR-15", "UZI Carbine", "TEC-9"]) assert.ok(!isSpecifiedWeaponName(n), n);
  });
});
