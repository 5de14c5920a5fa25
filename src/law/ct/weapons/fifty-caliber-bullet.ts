/**
 * Banned .50 caliber bullets: armor-piercing .50 caliber and incendiary .50
 * caliber bullets (CGS § 53-202l, existing law kept by PA 13-3 § 32).
 *
 * OLR analysis, § 32: "Current law does not regulate ammunition except for
 * banning armor-piercing .50 caliber bullets or incendiary .50 caliber
 * bullets. ... Under current law, an 'armor-piercing .50 caliber bullet' is a
 * .50 caliber bullet designed, held out by the manufacturer or distributor
 * as, or generally recognized as having a specialized capability to penetrate
 * armor or bulletproof glass, including bullets designated as 'M2
 * Armor-Piercing' or 'AP,' 'M8 Armor-Piercing Incendiary' or 'API,' 'M20
 * Armor-Piercing Incendiary Tracer' or 'APIT,' 'M903 Caliber .50 Saboted
 * Light Armor Penetrator' or 'SLAP,' or 'M962 Saboted Light Armor Penetrator
 * Tracer' or 'SLAPT.'"
 *
 * QUESTION(legal): dates. The analysis describes this as current law when
 * the bill passed (2013-04-04) and does not say when it began, so the
 * rulebook models it from 2013-04-04 and refuses earlier dates.
 *
 * QUESTION(legal): the analysis does not define "incendiary .50 caliber
 * bullet". We take whether a bullet is incendiary as a fact (`incendiary`).
 *
 * The named designations are examples ("including"): a .50 caliber bullet
 * with another designation is armor-piercing if it has the specialized
 * capability, and unknown until that is known.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, cite, findInForce, notApplicable } from "../../core/rules.ts";
import { type AmmunitionFacts, isFiftyCaliber } from "./ammunition-facts.ts";
import { type Tri, FALSE, all, any, fact, finding, test, unknownTri, under } from "./logic.ts";
import { normalizeName } from "./names.ts";

export const AP_50_ID = "weapons.armor-piercing-50-caliber";
export const INCENDIARY_50_ID = "weapons.incendiary-50-caliber";

const AP_SOURCE = cite("CGS", "§ 53-202l", {
  cgs: "CGS § 53-202l",
  text: 'a .50 caliber bullet designed, held out by the manufacturer or distributor as, or generally recognized as having a specialized capability to penetrate armor or bulletproof glass, including bullets designated as "M2 Armor-Piercing" or "AP," ... or "M962 Saboted Light Armor Penetrator Tracer" or "SLAPT"',
});
const INCENDIARY_SOURCE = cite("CGS", "§ 53-202l", {
  cgs: "CGS § 53-202l",
  text: "banning armor-piercing .50 caliber bullets or incendiary .50 caliber bullets",
});

/** The designations the text names, each with the ways it is written. */
export const AP_50_DESIGNATIONS: readonly { listed: string; forms: readonly string[] }[] = [
  { listed: "M2 Armor-Piercing / AP", forms: ["M2 Armor-Piercing", "AP", "M2 AP", "M2 Armor Piercing"] },
  { listed: "M8 Armor-Piercing Incendiary / API", forms: ["M8 Armor-Piercing Incendiary", "API", "M8 API", "M8"] },
  {
    listed: "M20 Armor-Piercing Incendiary Tracer / APIT",
    forms: ["M20 Armor-Piercing Incendiary Tracer", "APIT", "M20 APIT", "API-T", "M20"],
  },
  {
    listed: "M903 Caliber .50 Saboted Light Armor Penetrator / SLAP",
    forms: [
      "M903 Caliber .50 Saboted Light Armor Penetrator",
      "SLAP",
      "M903 SLAP",
      "M903",
      "Saboted Light Armor Penetrator",
    ],
  },
  {
    listed: "M962 Saboted Light Armor Penetrator Tracer / SLAPT",
    forms: [
      "M962 Saboted Light Armor Penetrator Tracer",
      "SLAPT",
      "M962 SLAPT",
      "M962",
      "SLAP-T",
      "Saboted Light Armor Penetrator Tracer",
    ],
  },
];

const DESIGNATION_KEYS = new Map<string, string>(
  AP_50_DESIGNATIONS.flatMap((d) => d.forms.map((f) => [normalizeName(f), d.listed] as const)),
);

/** The named designation a written designation matches, if any (case, punctuation and spacing do not count). */
export function findDesignation(designation: string): string | undefined {
  return DESIGNATION_KEYS.get(normalizeName(designation));
}

/** Modelled from 2013-04-04 (see the QUESTION above); PA 13-3 § 32 keeps it. */
export const FIFTY_VERSIONS: readonly Dated<true>[] = [{ from: "2013-04-04", value: true, source: AP_SOURCE }];

/**
 * A .50 caliber bullet. A shotgun shell is not one (shells are measured in
 * gauge, and the definitions speak of bullets designated for .50 caliber
 * rifles), so knowing that a round is a shotgun shell settles both .50
 * caliber definitions without its caliber or designation.
 *
 * QUESTION(legal): the analysis says only that "armor-piercing bullet does
 * not include shotgun shells"; we read the .50 caliber definitions as not
 * reaching shotgun shells either (a .410 bore or any gauge shell is not a
 * ".50 caliber bullet").
 */
function isFifty(a: AmmunitionFacts, at: string): Tri {
  if (a.shotgunShell === true) return FALSE;
  return test(a.nominalCaliber, under(at, "nominalCaliber"), isFiftyCaliber);
}

const notFiftyBecause = (a: AmmunitionFacts): string | undefined =>
  a.shotgunShell === true
    ? "a shotgun shell, not a .50 caliber bullet"
    : a.nominalCaliber !== undefined && !isFiftyCaliber(a.nominalCaliber)
      ? "not .50 caliber"
      : undefined;

export function armorPiercing50(a: AmmunitionFacts, on: PlainDate, at = "ammunition"): Finding {
  const v = findInForce(FIFTY_VERSIONS, on);
  if (!v) return notApplicable(AP_50_ID, AP_SOURCE, `not modelled on ${on}`);
  const named = a.designation !== undefined ? findDesignation(a.designation) : undefined;
  const designated: Tri =
    a.designation === undefined ? unknownTri(under(at, "designation")) : { value: named !== undefined, missing: [] };
  const capability = fact(a.armorPenetrationCapability, under(at, "armorPenetrationCapability"));
  const t = all(isFifty(a, at), any(designated, capability));
  return finding(AP_50_ID, v.source, t, {
    met: named
      ? `a .50 caliber bullet designated "${named}"`
      : "a .50 caliber bullet with a specialized capability to penetrate armor or bulletproof glass",
    notMet:
      notFiftyBecause(a) ?? "not designed, held out or recognized as able to penetrate armor or bulletproof glass",
  });
}

export function incendiary50(a: AmmunitionFacts, on: PlainDate, at = "ammunition"): Finding {
  const v = findInForce(FIFTY_VERSIONS, on);
  if (!v) return notApplicable(INCENDIARY_50_ID, INCENDIARY_SOURCE, `not modelled on ${on}`);
  const t = all(isFifty(a, at), fact(a.incendiary, under(at, "incendiary")));
  return finding(INCENDIARY_50_ID, INCENDIARY_SOURCE, t, {
    met: "an incendiary .50 caliber bullet",
    notMet: notFiftyBecause(a) ?? "not incendiary",
  });
}

export const FIFTY_SOURCES = [AP_SOURCE, INCENDIARY_SOURCE];
