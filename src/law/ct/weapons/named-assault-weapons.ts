/**
 * Assault weapons by name: the list of specified semiautomatic firearms in
 * the law since 1993, and the rifles, pistols and shotguns PA 13-3 § 25 adds,
 * with their copies or duplicates.
 *
 * PA 13-3 § 25 (OLR analysis, §§ 25-31): "The bill expands the banned weapons
 * to include the following semiautomatic centerfire rifles, or copies or
 * duplicates with the capability of any such rifles, that were in production
 * before or on the effective date of the bill: ..." and likewise for pistols
 * and for "all IZHMASH Saiga 12 shotguns".
 *
 * Existing law (CGS § 53-202a(a)(1), from PA 93-306 § 1): "any of the
 * following specified semiautomatic firearms: Algimec Agmi; ...; Wilkinson
 * 'Linda' Pistol". The OLR analysis lists it as "(2) any of a list of named
 * semiautomatic firearms" under current law and says the bill "expands" the
 * banned weapons, so the older list stays in force after 2013-04-04.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Dated, type Finding, cite, findInForce, notApplicable } from "../../core/rules.ts";
import { FALSE, TRUE, type Tri, all, any, finding, test, unknownTri, section25 } from "./logic.ts";
import { type NameIndex, type NamedModel, buildIndex, matchAll } from "./names.ts";

type Entry = Omit<NamedModel, "id" | "listed"> & { listed?: string };

function list(prefix: string, entries: Entry[]): NamedModel[] {
  const ids = new Set<string>();
  return entries.map((e) => {
    const base = `${prefix}.${(e.maker ? `${e.maker} ${e.model}` : e.model)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}`;
    let id = base;
    for (let i = 2; ids.has(id); i++) id = `${base}-${i}`;
    ids.add(id);
    return { ...e, id, listed: e.listed ?? [e.maker, e.model].filter(Boolean).join(" ") };
  });
}

/**
 * The firearm facts the named lists read: a part of `FirearmFacts` (./firearm-facts.ts), written out
 * here because that schema checks model names against these lists (importing it back would be a cycle).
 */
interface FirearmFacts {
  model?: string;
  notAListedModel?: boolean;
  copyOrDuplicate?: boolean;
  copyOrDuplicateOf?: string;
  copyModelInProductionByApril42013?: boolean;
  type?: "rifle" | "pistol" | "shotgun" | "other";
  action?: "semiautomatic" | "selective-fire" | "other";
  centerfire?: boolean;
}

const HK = { maker: "Heckler & Koch", makerAliases: ["HK", "H&K", "Heckler and Koch", "Heckler Koch"] } as const;
const SIG = { maker: "SIG Sauer", makerAliases: ["SIG", "Sig Sauer", "SIGSAUER", "SIG Arms"] } as const;
const FN = { maker: "Fabrique Nationale", makerAliases: ["FN", "FN Herstal", "Fabrique Nationale/FN"] } as const;
const RRA = { maker: "Rock River Arms", makerAliases: ["RRA", "Rock River"] } as const;
const SW = { maker: "Smith and Wesson", makerAliases: ["Smith & Wesson", "S&W", "Smith Wesson"] } as const;
const IZHMASH = { maker: "IZHMASH", makerAliases: ["Izhmash", "Kalashnikov Concern"] } as const;
const KELTEC = { maker: "Kel-Tec", makerAliases: ["KelTec", "Kel Tec", "Kel-Tec CNC"] } as const;
const OLYMPIC = { maker: "Olympic Arms", makerAliases: ["Olympic"] } as const;
const CALICO = { maker: "Calico" } as const;
const IO = { maker: "IO Inc.", makerAliases: ["I.O. Inc.", "IO Inc", "I.O. Inc", "IO", "I.O."] } as const;
const BUSHMASTER = { maker: "Bushmaster" } as const;

/**
 * CGS § 53-202a(a)(1) (PA 93-306 § 1(a)(1)), the specified semiautomatic
 * firearms, as in the 2012 revision. No "copies or duplicates" language: only
 * the entries the text calls a "type" or "series" reach a family.
 */
export const OLDER_NAMED: readonly NamedModel[] = list("named-1993", [
  { maker: "Algimec", model: "Agmi" },
  { maker: "Armalite", model: "AR-180" },
  { maker: "Australian Automatic Arms", model: "SAP Pistol", requiresMaker: true },
  {
    maker: "Auto-Ordnance",
    makerAliases: ["Auto Ordnance", "Auto-Ordnance Corp"],
    model: "Thompson",
    listed: "Auto-Ordnance Thompson type",
    family: "with-maker",
  },
  { maker: "Avtomat Kalashnikov", model: "AK-47", listed: "Avtomat Kalashnikov AK-47 type", family: "with-maker" },
  {
    maker: "Barrett",
    model: "Light-Fifty model 82A1",
    aliases: ["Light-Fifty", "Light Fifty", "82A1", "M82A1", "Light Fifty 82A1"],
  },
  { maker: "Beretta", model: "AR-70" },
  { ...BUSHMASTER, model: "Auto Rifle", requiresMaker: true },
  { ...BUSHMASTER, model: "Auto Pistol", requiresMaker: true },
  { ...CALICO, model: "M-900" },
  { ...CALICO, model: "M-950" },
  { ...CALICO, model: "100-P" },
  { maker: "Chartered Industries of Singapore", makerAliases: ["Chartered Industries", "CIS"], model: "SR-88" },
  { maker: "Colt", model: "AR-15", requiresMaker: true, family: "with-maker" },
  { maker: "Colt", model: "Sporter", requiresMaker: true },
  { maker: "Daewoo", model: "K-1", requiresMaker: true },
  { maker: "Daewoo", model: "K-2", requiresMaker: true },
  { maker: "Daewoo", model: "Max-1", requiresMaker: true },
  { maker: "Daewoo", model: "Max-2", requiresMaker: true },
  { maker: "Encom", model: "MK-IV", requiresMaker: true },
  { maker: "Encom", model: "MP-9", requiresMaker: true },
  { maker: "Encom", model: "MP-45", requiresMaker: true },
  {
    model: "FN/FAL",
    aliases: ["Fabrique Nationale FAL", "Fabrique Nationale FN/FAL", "FN FAL"],
    listed: "Fabrique Nationale FN/FAL",
  },
  {
    model: "FN/LAR",
    aliases: ["Fabrique Nationale LAR", "Fabrique Nationale FN/LAR", "FN LAR"],
    listed: "Fabrique Nationale FN/LAR",
  },
  {
    model: "FN/FNC",
    aliases: ["Fabrique Nationale FNC", "Fabrique Nationale FN/FNC", "FN FNC"],
    listed: "Fabrique Nationale FN/FNC",
  },
  { model: "FAMAS MAS 223", aliases: ["MAS 223", "FAMAS"] },
  { maker: "Feather", model: "AT-9" },
  { maker: "Feather", model: "Mini-AT" },
  { maker: "Federal", model: "XC-900" },
  { maker: "Federal", model: "XC-450" },
  { maker: "Franchi", model: "SPAS-12" },
  { maker: "Franchi", model: "LAW-12" },
  { model: "Galil AR" },
  { model: "Galil ARM" },
  { maker: "Goncz", model: "High-Tech Carbine", requiresMaker: true },
  { maker: "Goncz", model: "High-Tech Long Pistol", requiresMaker: true },
  { ...HK, model: "HK-91" },
  { ...HK, model: "HK-93" },
  { ...HK, model: "HK-94" },
  { ...HK, model: "SP-89" },
  { maker: "Holmes", model: "MP-83" },
  { model: "MAC-10", listed: "MAC-10 type" },
  { model: "MAC-11", listed: "MAC-11 type" },
  { model: "MAC-11 Carbine", listed: "MAC-11 Carbine type" },
  { maker: "Intratec", model: "TEC-9" },
  { maker: "Intratec", model: "Scorpion", requiresMaker: true },
  { maker: "Iver Johnson", model: "Enforcer model 3000", aliases: ["Enforcer 3000", "Enforcer"], requiresMaker: true },
  {
    maker: "Ruger",
    makerAliases: ["Sturm Ruger", "Sturm, Ruger"],
    model: "Mini-14/5F",
    aliases: ["Mini-14/5F folding stock"],
    listed: "Ruger Mini-14/5F folding stock model only",
  },
  { maker: "Scarab", model: "Skorpion", requiresMaker: true },
  { ...SIG, model: "57 AMT", aliases: ["AMT", "SG 57 AMT"], requiresMaker: true },
  {
    ...SIG,
    model: "500 series",
    listed: "SIG 500 series",
    requiresMaker: true,
    pattern: /^(sig|sigsauer|sigarms)(sg)?5\d\d/,
  },
  { maker: "Spectre", model: "Auto Carbine", requiresMaker: true },
  { maker: "Spectre", model: "Auto Pistol", requiresMaker: true },
  { maker: "Springfield Armory", makerAliases: ["Springfield"], model: "BM59" },
  { maker: "Springfield Armory", makerAliases: ["Springfield"], model: "SAR-48" },
  { maker: "Springfield Armory", makerAliases: ["Springfield"], model: "G-3", requiresMaker: true },
  { maker: "Sterling", model: "MK-6", requiresMaker: true },
  { maker: "Sterling", model: "MK-7", requiresMaker: true },
  { maker: "Steyr", model: "AUG" },
  { model: "Street Sweeper", listed: "Street Sweeper revolving cylinder shotgun" },
  { model: "Striker 12", listed: "Striker 12 revolving cylinder shotgun" },
  { model: "USAS-12" },
  { model: "UZI Carbine" },
  { model: "UZI Mini-Carbine" },
  { model: "UZI Pistol" },
  { maker: "Weaver Arms", model: "Nighthawk", requiresMaker: true },
  {
    maker: "Wilkinson",
    makerAliases: ["Wilkinson Arms"],
    model: "Linda Pistol",
    listed: 'Wilkinson "Linda" Pistol',
    requiresMaker: true,
  },
]);

/** PA 13-3 § 25: the semiautomatic centerfire rifles it names. */
export const RIFLES_2013: readonly NamedModel[] = list("named-2013-rifle", [
  // AK-47 types
  { model: "AK 47" },
  { model: "AK 74" },
  { model: "AKM" },
  { model: "AKS-74U" },
  { model: "ARM" },
  { maker: "MAADI", model: "AK 47", requiresMaker: true },
  { model: "MAK90" },
  { model: "MISR" },
  { model: "NHM90" },
  { model: "NHM91" },
  { maker: "Norinco", model: "56", requiresMaker: true },
  { maker: "Norinco", model: "56S", requiresMaker: true },
  { maker: "Norinco", model: "84S", requiresMaker: true },
  { maker: "Norinco", model: "86S", requiresMaker: true },
  { maker: "Poly Technologies", makerAliases: ["Polytech", "Poly Tech"], model: "AKS" },
  { maker: "Poly Technologies", makerAliases: ["Polytech", "Poly Tech"], model: "AK47", requiresMaker: true },
  { model: "SA 85" },
  { model: "SA 93" },
  { model: "VEPR" },
  { model: "WASR-10", family: true },
  { model: "WUM" },
  { ...RRA, model: "LAR-47" },
  { maker: "Vector Arms", model: "AK-47", requiresMaker: true },
  // AR types
  { model: "AR-10" },
  { model: "AR-15" },
  { ...BUSHMASTER, model: "Carbon 15" },
  { ...BUSHMASTER, model: "XM15" },
  { ...BUSHMASTER, model: "ACR", listed: "Bushmaster ACR Rifles", requiresMaker: true, family: true },
  { ...BUSHMASTER, model: "MOE", listed: "Bushmaster MOE Rifles", requiresMaker: true, family: true },
  { maker: "Colt", model: "Match Target", listed: "Colt Match Target Rifles", family: true },
  { maker: "Armalite", model: "M15", requiresMaker: true, family: true },
  { ...OLYMPIC, model: "AR-15", requiresMaker: true },
  { ...OLYMPIC, model: "A1", requiresMaker: true },
  { ...OLYMPIC, model: "CAR", requiresMaker: true },
  { ...OLYMPIC, model: "PCR", requiresMaker: true },
  { ...OLYMPIC, model: "K3B", requiresMaker: true },
  { ...OLYMPIC, model: "K30R", requiresMaker: true },
  { ...OLYMPIC, model: "K16", requiresMaker: true },
  { ...OLYMPIC, model: "K48", requiresMaker: true },
  { ...OLYMPIC, model: "K8", requiresMaker: true },
  { ...OLYMPIC, model: "K9", requiresMaker: true },
  { maker: "DPMS", model: "Tactical", listed: "DPMS Tactical Rifles", requiresMaker: true, family: true },
  { ...SW, model: "M&P15", listed: "Smith and Wesson M&P15 Rifles", family: true },
  { ...RRA, model: "LAR-15" },
  {
    maker: "Doublestar",
    makerAliases: ["Doublestar Corporation", "Doublestar Corp"],
    model: "AR",
    listed: "Doublestar AR Rifles",
    requiresMaker: true,
    family: true,
  },
  // Others
  { maker: "Barrett", model: "REC7" },
  { maker: "Beretta", model: "Storm", aliases: ["Cx4 Storm", "CX4"], requiresMaker: true, family: true },
  { ...CALICO, model: "Liberty 50" },
  { ...CALICO, model: "Liberty 50 Tactical" },
  { ...CALICO, model: "Liberty 100" },
  { ...CALICO, model: "Liberty 100 Tactical" },
  { ...CALICO, model: "Liberty I" },
  { ...CALICO, model: "Liberty I Tactical" },
  { ...CALICO, model: "Liberty II" },
  { ...CALICO, model: "Liberty II Tactical" },
  {
    maker: "Hi-Point",
    makerAliases: ["HiPoint", "Hi Point"],
    model: "Carbine",
    listed: "Hi-Point Carbine Rifles",
    requiresMaker: true,
    family: true,
  },
  { ...HK, model: "PSG-1", listed: "HK-PSG-1" },
  { ...KELTEC, model: "Sub-2000" },
  { ...KELTEC, model: "SU", listed: "Kel-Tec SU Rifles", requiresMaker: true, family: true },
  { ...KELTEC, model: "RFB" },
  {
    maker: "Remington",
    model: "Tactical Rifle Model 7615",
    aliases: ["Model 7615", "7615", "7615 Tactical", "Tactical 7615"],
    requiresMaker: true,
  },
  { model: "SAR-8" },
  { model: "SAR-4800" },
  { model: "SR9" },
  { model: "SLG 95" },
  { model: "SLR 95" },
  { model: "SLR 96" },
  { maker: "TNW", model: "M230" },
  { maker: "TNW", model: "M2HB" },
  { maker: "Vector Arms", model: "UZI" },
  { maker: "Vector Arms", model: "Galil" },
  { maker: "Vector Arms", model: "Galil Sporter" },
  { maker: "Daewoo", model: "AR 100", requiresMaker: true },
  { maker: "Daewoo", model: "AR 110C", requiresMaker: true },
  { ...FN, model: "308 Match", requiresMaker: true },
  { ...FN, model: "L1A1 Sporter" },
  { ...HK, model: "USC", requiresMaker: true },
  { ...IZHMASH, model: "Saiga AK", family: true },
  { ...SIG, model: "551-A1" },
  { ...SIG, model: "556", requiresMaker: true },
  { ...SIG, model: "516", requiresMaker: true },
  { ...SIG, model: "716", requiresMaker: true },
  { ...SIG, model: "M400", listed: "SIG Sauer M400 Rifles", requiresMaker: true, family: true },
  { maker: "Valmet", model: "M62S" },
  { maker: "Valmet", model: "M71S" },
  { maker: "Valmet", model: "M78S" },
  { maker: "Wilkinson Arms", makerAliases: ["Wilkinson"], model: "Linda Carbine" },
  { maker: "Barrett", model: "M107A1" },
]);

/** PA 13-3 § 25: the semiautomatic pistols it names. */
export const PISTOLS_2013: readonly NamedModel[] = list("named-2013-pistol", [
  { model: "Centurion 39 AK" },
  { model: "Draco AK-47", aliases: ["Draco"] },
  { model: "HCR AK-47" },
  { ...IO, model: "Hellpup AK-47", aliases: ["Hellpup"] },
  { model: "Mini-Draco AK-47", aliases: ["Mini-Draco", "Mini Draco"] },
  { model: "Yugo Krebs Krink", aliases: ["Krebs Krink", "Krink"] },
  { maker: "American Spirit", model: "AR-15", requiresMaker: true },
  { ...BUSHMASTER, model: "Carbon 15" },
  {
    maker: "Doublestar Corporation",
    makerAliases: ["Doublestar", "Doublestar Corp"],
    model: "AR",
    requiresMaker: true,
    family: true,
  },
  { maker: "DPMS", model: "AR-15", requiresMaker: true },
  { ...OLYMPIC, model: "AR-15", requiresMaker: true },
  { ...RRA, model: "LAR 15" },
  { ...CALICO, model: "Liberty III" },
  { ...CALICO, model: "Liberty III Tactical" },
  {
    maker: "Masterpiece Arms",
    makerAliases: ["Masterpiece"],
    model: "MPA",
    listed: "Masterpiece Arms MPA Pistols",
    family: true,
  },
  {
    maker: "Velocity Arms",
    makerAliases: ["Velocity"],
    model: "VMA",
    listed: "Velocity Arms VMA Pistols",
    family: true,
  },
  { maker: "Intratec", model: "TEC-DC9" },
  { maker: "Intratec", model: "AB-10" },
  { model: "Colefire Magnum" },
  { maker: "German Sport", makerAliases: ["German Sport Guns", "GSG"], model: "522 PK" },
  { maker: "Chiappa Firearms", makerAliases: ["Chiappa"], model: "Mfour-22", aliases: ["M4-22"] },
  { maker: "DSA", makerAliases: ["DS Arms"], model: "SA58 PKP FAL", aliases: ["SA58 PKP"] },
  { ...IO, model: "PPS-43C" },
  { ...KELTEC, model: "PLR-16" },
  { ...SIG, model: "P516", family: "with-maker" },
  { ...SIG, model: "P556", family: "with-maker" },
  {
    maker: "Thompson",
    makerAliases: ["Auto-Ordnance", "Auto Ordnance", "Auto-Ordnance Thompson"],
    model: "TA5",
    listed: "Thompson TA5 pistols",
    requiresMaker: true,
    family: true,
  },
]);

/** PA 13-3 § 25: "all IZHMASH Saiga 12 shotguns". */
export const SHOTGUNS_2013: readonly NamedModel[] = list("named-2013-shotgun", [
  {
    ...IZHMASH,
    model: "Saiga 12",
    aliases: ["Saiga-12", "Saiga12"],
    listed: "all IZHMASH Saiga 12 shotguns",
    family: true,
  },
]);

const OLDER_INDEX: NameIndex = buildIndex(OLDER_NAMED);
const RIFLE_INDEX: NameIndex = buildIndex(RIFLES_2013);
const PISTOL_INDEX: NameIndex = buildIndex(PISTOLS_2013);
const SHOTGUN_INDEX: NameIndex = buildIndex(SHOTGUNS_2013);

/** The listed models a name matches, with the list each comes from. */
export function namedMatches(
  name: string,
): { list: "1993" | "2013-rifle" | "2013-pistol" | "2013-shotgun"; model: NamedModel }[] {
  return [
    ...matchAll(name, OLDER_INDEX).map((model) => ({ list: "1993" as const, model })),
    ...matchAll(name, RIFLE_INDEX).map((model) => ({ list: "2013-rifle" as const, model })),
    ...matchAll(name, PISTOL_INDEX).map((model) => ({ list: "2013-pistol" as const, model })),
    ...matchAll(name, SHOTGUN_INDEX).map((model) => ({ list: "2013-shotgun" as const, model })),
  ];
}

/**
 * The "specified assault weapons" of CGS § 53-202n, which the OLR analysis
 * (BACKGROUND) describes: "an Auto-Ordnance Thompson type, Avtomat
 * Kalashnikov AK-47 type, MAC-10, MAC-11, or MAC11 Carbine type".
 */
export const SPECIFIED_53_202N_IDS: ReadonlySet<string> = new Set(
  OLDER_NAMED.filter((m) => ["Thompson", "AK-47", "MAC-10", "MAC-11", "MAC-11 Carbine"].includes(m.model)).map(
    (m) => m.id,
  ),
);

/** Whether a written model name matches a model on any of the named lists (older or 2013). */
export function isAnyListedName(name: string): boolean {
  return [OLDER_INDEX, RIFLE_INDEX, PISTOL_INDEX, SHOTGUN_INDEX].some((index) => matchAll(name, index).length > 0);
}

export function isSpecifiedWeaponName(name: string): boolean {
  return matchAll(name, OLDER_INDEX).some((m) => SPECIFIED_53_202N_IDS.has(m.id));
}

// ---------------------------------------------------------------------------
// Sources and dates

const OLDER_SOURCE = cite("PA 93-306", "§ 1(a)(1)", {
  cgs: "CGS § 53-202a(a)(1)",
  text: 'any of the following specified semiautomatic firearms: Algimec Agmi; Armalite AR-180; ... Wilkinson "Linda" Pistol',
});
const RIFLES_SOURCE = section25(
  "the following semiautomatic centerfire rifles, or copies or duplicates with the capability of any such rifles, that were in production before or on the effective date of the bill: AK 47; ... Barrett M107A1",
);
const PISTOLS_SOURCE = section25(
  "the following specified semiautomatic pistols, or copies or duplicates thereof with the capability of any such pistols, that were in production prior to or on the effective date of this section: Centurion 39 AK, ... Thompson TA5 pistols",
);
const SHOTGUNS_SOURCE = section25(
  "the following shotguns or copies or duplicates with the capability of any such shotguns that were in production before or on April 4, 2013: all IZHMASH Saiga 12 shotguns",
);
const COPIES_SOURCE = section25(
  "or copies or duplicates with the capability of any such rifles [pistols, shotguns], that were in production before or on the effective date of the bill",
);

/** The 1993 list; in force since PA 93-306 (this rulebook models it from 2001-10-01, see firearm-classification.ts). */
export const OLDER_NAMED_VERSIONS: readonly Dated<readonly NamedModel[]>[] = [
  { from: "1993-10-01", value: OLDER_NAMED, source: OLDER_SOURCE },
];
/** PA 13-3 took effect upon passage, 2013-04-04. */
export const RIFLES_2013_VERSIONS: readonly Dated<readonly NamedModel[]>[] = [
  { from: "2013-04-04", value: RIFLES_2013, source: RIFLES_SOURCE },
];
export const PISTOLS_2013_VERSIONS: readonly Dated<readonly NamedModel[]>[] = [
  { from: "2013-04-04", value: PISTOLS_2013, source: PISTOLS_SOURCE },
];
export const SHOTGUNS_2013_VERSIONS: readonly Dated<readonly NamedModel[]>[] = [
  { from: "2013-04-04", value: SHOTGUNS_2013, source: SHOTGUNS_SOURCE },
];
export const COPIES_VERSIONS: readonly Dated<true>[] = [{ from: "2013-04-04", value: true, source: COPIES_SOURCE }];

export const NAMED_IDS = {
  older: "weapons.named-1993",
  rifles: "weapons.named-2013-rifles",
  pistols: "weapons.named-2013-pistols",
  shotguns: "weapons.named-2013-shotguns",
  copies: "weapons.copies-or-duplicates",
} as const;

// ---------------------------------------------------------------------------
// Rules

/**
 * The lists name semiautomatic firearms of a kind (rifles, pistols,
 * shotguns). A name match counts when the facts confirm what the list says
 * the firearm is; while those facts are missing the ground is unknown.
 *
 * QUESTION(legal): a firearm that bears a listed name but is, on the facts,
 * not what the list describes (a rimfire "M&P15-22" under a list of
 * "semiautomatic centerfire rifles"; a Ruger SR9 pistol under the rifle
 * list's "SR9"; a bolt-action rifle) is not named by that list. We read the
 * list's own description as part of what it names. The firearm may still be
 * an assault weapon under another test.
 */
function described(
  f: FirearmFacts,
  kind: "rifle" | "pistol" | "shotgun" | "any",
  centerfire: boolean,
  at: string,
): Tri {
  return all(
    test(f.action, `${at}.action`, (a) => a !== "other"),
    kind === "any" ? TRUE : test(f.type, `${at}.type`, (t) => t === kind),
    centerfire ? test(f.centerfire, `${at}.centerfire`, (b) => b) : TRUE,
  );
}

function describedWhy(f: FirearmFacts, kind: "rifle" | "pistol" | "shotgun" | "any", centerfire: boolean): string {
  if (f.action === "other") return "the facts say it is not semiautomatic (the list names semiautomatic firearms)";
  if (kind !== "any" && f.type !== undefined && f.type !== kind)
    return `the facts say it is a ${f.type}, and this list names ${kind}s`;
  if (centerfire && f.centerfire === false) return "the facts say it is rimfire, and this list names centerfire rifles";
  return "";
}

function byName(
  id: string,
  versions: readonly Dated<readonly NamedModel[]>[],
  index: NameIndex,
  kind: "rifle" | "pistol" | "shotgun" | "any",
  centerfire: boolean,
  f: FirearmFacts,
  on: PlainDate,
  at: string,
): Finding {
  const v = findInForce(versions, on);
  if (!v)
    return notApplicable(id, versions[0]!.source, `this list is not in force on ${on} (from ${versions[0]!.from})`);
  const hit = f.model === undefined ? undefined : matchAll(f.model, index)[0];
  // "Not a listed model" answers every named list without a model name (the schema refuses it beside a listed name).
  const name: Tri =
    f.model === undefined ? (f.notAListedModel === true ? FALSE : unknownTri(`${at}.model`)) : hit ? TRUE : FALSE;
  const t = all(name, described(f, kind, centerfire, at));
  return finding(id, v.source, t, {
    met: `"${f.model}" is the listed "${hit?.listed}"`,
    notMet:
      name.value === false
        ? f.model === undefined
          ? "described by its features alone: not a model this list names"
          : `"${f.model}" is not a model this list names`
        : `not named by this list: ${describedWhy(f, kind, centerfire)}`,
  });
}

/** CGS § 53-202a(a)(1): the specified semiautomatic firearms named since 1993. */
export function olderNamedList(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  return byName(NAMED_IDS.older, OLDER_NAMED_VERSIONS, OLDER_INDEX, "any", false, f, on, at);
}

/** PA 13-3 § 25: the named semiautomatic centerfire rifles. */
export function namedRifles(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  return byName(NAMED_IDS.rifles, RIFLES_2013_VERSIONS, RIFLE_INDEX, "rifle", true, f, on, at);
}

/** PA 13-3 § 25: the named semiautomatic pistols. */
export function namedPistols(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  return byName(NAMED_IDS.pistols, PISTOLS_2013_VERSIONS, PISTOL_INDEX, "pistol", false, f, on, at);
}

/** PA 13-3 § 25: all IZHMASH Saiga 12 shotguns. */
export function namedShotguns(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  return byName(NAMED_IDS.shotguns, SHOTGUNS_2013_VERSIONS, SHOTGUN_INDEX, "shotgun", false, f, on, at);
}

/**
 * PA 13-3 § 25: "copies or duplicates with the capability of any such
 * [listed] rifles [pistols, shotguns], that were in production before or on
 * the effective date".
 *
 * QUESTION(legal): "that were in production before or on [2013-04-04]" could
 * qualify the listed models or the copies. The listed models were all in
 * production (that is why they are listed), so we read it as limiting the
 * copies: a copy or duplicate counts only if it is of a kind that was in
 * production on or before 2013-04-04. A later design is reached, if at all,
 * by the feature tests.
 *
 * Whether a firearm is a copy or duplicate "with the capability" of a listed
 * model is a determination of fact we take as given (`copyOrDuplicate`).
 */
export function copiesOrDuplicates(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const id = NAMED_IDS.copies;
  const v = findInForce(COPIES_VERSIONS, on);
  if (!v)
    return notApplicable(
      id,
      COPIES_SOURCE,
      `copies and duplicates of the 2013 lists are reached from 2013-04-04, not on ${on}`,
    );
  const isCopy: Tri =
    f.copyOrDuplicate === undefined && f.notAListedModel === true
      ? FALSE
      : test(f.copyOrDuplicate, `${at}.copyOrDuplicate`, (b) => b);
  let ofListed: Tri;
  let which = "";
  if (isCopy.value !== true) ofListed = unknownTri();
  else if (f.copyOrDuplicateOf === undefined) ofListed = unknownTri(`${at}.copyOrDuplicateOf`);
  else {
    // A copy "with the capability" of a listed model is of the list's description too.
    const hits = [
      ...matchAll(f.copyOrDuplicateOf, RIFLE_INDEX).map((m) => ({ m, kind: "rifle" as const })),
      ...matchAll(f.copyOrDuplicateOf, PISTOL_INDEX).map((m) => ({ m, kind: "pistol" as const })),
      ...matchAll(f.copyOrDuplicateOf, SHOTGUN_INDEX).map((m) => ({ m, kind: "shotgun" as const })),
    ];
    which = hits[0]?.m.listed ?? "";
    ofListed = any(...hits.map((h) => described(f, h.kind, h.kind === "rifle", at)));
  }
  const inProduction = test(f.copyModelInProductionByApril42013, `${at}.copyModelInProductionByApril42013`, (b) => b);
  const t = all(isCopy, ofListed, inProduction);
  return finding(id, v.source, t, {
    met: `a copy or duplicate, with its capability, of the listed "${which}", of a kind in production by 2013-04-04`,
    notMet:
      isCopy.value === false
        ? "not a copy or duplicate of a listed model"
        : ofListed.value === false
          ? `"${f.copyOrDuplicateOf}" is not a model the 2013 lists name (or the facts say this firearm is not of its kind)`
          : "the copy is of a kind first produced after 2013-04-04",
  });
}

export function namedSources(): Citation[] {
  return [OLDER_SOURCE, RIFLES_SOURCE, PISTOLS_SOURCE, SHOTGUNS_SOURCE, COPIES_SOURCE];
}
