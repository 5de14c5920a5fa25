/**
 * NCIC gun data codes a sale record is written in: make (MAK), type (TYP) and
 * caliber (CAL), as the FBI's NCIC Code Manual ("Gun Data Codes") defines them.
 *
 * Source and scope. This is a subset, not the manual: the type codes are the
 * two-letter gun type codes of the manual's TYP table (pistols P*, rifles R*,
 * shotguns S*, and the combination and automatic codes), also published in the
 * NIEM `fbi_ncic` code schema (GTYP). Makes and calibers are the codes of common
 * makers and cartridges checked against a public transcription of the manual's
 * MAK and CAL tables (github.com/cityssm/node-ncic-lookup, data/MAK.json and
 * data/CAL.json); the names are written here in our own words. Makers with
 * Connecticut premises are included. ZZZ is the manual's "make not listed"
 * code, which needs the make described (the manual's MIS field: here,
 * `firearm.description`).
 *
 * Production must load the complete, current tables from the NCIC Code Manual
 * (the state's CJIS unit receives it); the shape below (code → entry) is the
 * shape to load them into.
 */

export interface TypeCode {
  name: string;
  /** What the sale rules care about: pistols are handguns; rifles, shotguns and combinations are long guns. */
  class: "handgun" | "long-gun" | "other";
  /** True for semi-automatic actions, false for manual ones, undefined when the code does not say. */
  semiautomatic?: boolean;
  rifle?: boolean;
  /** Automatic weapons are National Firearms Act items, never authorized through this route. */
  automatic?: boolean;
}

export const NCIC_TYPES: Readonly<Record<string, TypeCode>> = {
  PB: { name: "pistol, bolt action", class: "handgun", semiautomatic: false },
  PD: { name: "pistol, derringer", class: "handgun", semiautomatic: false },
  PH: { name: "pistol, flintlock", class: "handgun", semiautomatic: false },
  PI: { name: "pistol, semi-automatic", class: "handgun", semiautomatic: true },
  PL: { name: "pistol, lever action", class: "handgun", semiautomatic: false },
  PR: { name: "pistol, revolver", class: "handgun", semiautomatic: false },
  PS: { name: "pistol, single shot", class: "handgun", semiautomatic: false },
  PU: { name: "pistol, percussion", class: "handgun", semiautomatic: false },
  RB: { name: "rifle, bolt action", class: "long-gun", semiautomatic: false, rifle: true },
  RC: { name: "rifle, carbine", class: "long-gun", rifle: true },
  RH: { name: "rifle, flintlock", class: "long-gun", semiautomatic: false, rifle: true },
  RI: { name: "rifle, semi-automatic", class: "long-gun", semiautomatic: true, rifle: true },
  RL: { name: "rifle, lever action", class: "long-gun", semiautomatic: false, rifle: true },
  RP: { name: "rifle, pump action", class: "long-gun", semiautomatic: false, rifle: true },
  RS: { name: "rifle, single shot", class: "long-gun", semiautomatic: false, rifle: true },
  RU: { name: "rifle, percussion", class: "long-gun", semiautomatic: false, rifle: true },
  SB: { name: "shotgun, bolt action", class: "long-gun", semiautomatic: false },
  SE: { name: "shotgun, double barrel (side by side)", class: "long-gun", semiautomatic: false },
  SI: { name: "shotgun, semi-automatic", class: "long-gun", semiautomatic: true },
  SO: { name: "shotgun, over and under", class: "long-gun", semiautomatic: false },
  SP: { name: "shotgun, pump action", class: "long-gun", semiautomatic: false },
  SS: { name: "shotgun, single shot", class: "long-gun", semiautomatic: false },
  C: { name: "rifle-shotgun combination", class: "long-gun" },
  RA: { name: "rifle, automatic", class: "other", automatic: true, rifle: true },
  B: { name: "submachine gun or machine pistol", class: "other", automatic: true },
  MA: { name: "machine gun", class: "other", automatic: true },
  V: { name: "silencer", class: "other" },
};

export const NCIC_MAKES: Readonly<Record<string, string>> = {
  ADM: "Anderson Manufacturing",
  AEI: "Bersa (Industria Argentina)",
  AMR: "Amadeo Rossi",
  ANS: "Anschutz",
  API: "Aero Precision",
  BCM: "Bravo Company Manufacturing",
  BER: "Beretta",
  BHT: "Bushmaster",
  BNL: "Benelli",
  BRO: "Browning",
  BRT: "Barrett Firearms",
  BRY: "Bryco Arms",
  BRZ: "Brno (Zbrojovka Brno)",
  CAC: "Charter Arms",
  CAI: "Century Arms",
  CIM: "Cimarron Arms",
  CLT: "Colt",
  CMM: "CMMG",
  CPF: "Chiappa Firearms",
  CSM: "Connecticut Shotgun Manufacturing Company (Hartford)",
  CVA: "Connecticut Valley Arms",
  CZU: "CZ-USA",
  DDI: "Daniel Defense",
  GLC: "Glock",
  GLD: "Glock (made in the United States)",
  HEC: "Heckler & Koch",
  HIH: "Hi-Point",
  HR: "Harrington & Richardson",
  HRR: "Henry Repeating Arms",
  HWA: "Howa",
  LWR: "LWRC (Leitner-Wise)",
  LWT: "Lewis Machine & Tool",
  MAR: "Marlin",
  MEE: "Merkel",
  MGN: "Magnum Research",
  MOS: "Mossberg",
  REM: "Remington",
  ROI: "Rock Island Armory",
  RRA: "Rock River Arms",
  SAK: "Sako",
  SAV: "Savage",
  SEP: "Seecamp (Milford)",
  SGD: "Springfield Armory (Geneseo)",
  SGM: "Stag Arms (New Britain)",
  SIG: "SIG Sauer",
  SKY: "SCCY Industries",
  SMU: "Standard Manufacturing (New Britain)",
  SR: "Sturm, Ruger & Co. (Southport)",
  STE: "Steyr",
  STI: "STI International",
  SW: "Smith & Wesson",
  TAS: "Taurus",
  WAL: "Walther",
  WEA: "Weatherby",
  WIN: "Winchester Repeating Arms",
  WLC: "Wilson Combat",
  WNT: "Winchester",
  WWI: "Windham Weaponry",
  ZZZ: "make not listed (describe it in firearm.description)",
};

export const NCIC_CALIBERS: Readonly<Record<string, string>> = {
  "6": "6 mm (6mm Remington, .243 family)",
  "7": "7 mm (7mm Remington Magnum, 7mm-08, 7x57)",
  "8": "8 mm (8x57 Mauser)",
  "9": "9 mm (9x19 Luger, 9x18 Makarov, 9x21)",
  "10": "10 mm; also 10 gauge",
  "12": "12 gauge",
  "16": "16 gauge",
  "17": ".17 Remington",
  "20": "20 gauge",
  "22": ".22 rimfire family; also .22 Hornet, .22-250, .220 Swift",
  "25": ".25 ACP, .25-06",
  "28": "28 gauge",
  "30": ".30 carbine, .30-30 Winchester, .30-40 Krag",
  "32": ".32 ACP, .32 S&W, .32 H&R Magnum",
  "38": ".38 Special, .38 S&W, .38 Super",
  "40": ".40 S&W",
  "41": ".41 Magnum",
  "44": ".44 Special, .44 Magnum, .44-40",
  "45": ".45 ACP, .45 Colt",
  "50": ".50 BMG, .50 Action Express",
  "65": "6.5 mm",
  "204": ".204 Ruger",
  "222": ".222 Remington",
  "223": ".223 Remington / 5.56x45 NATO",
  "243": ".243 Winchester",
  "270": ".270 Winchester",
  "280": ".280 Remington",
  "300": ".300 Winchester Magnum, .300 Savage",
  "303": ".303 British",
  "308": ".308 Winchester / 7.62x51 NATO",
  "338": ".338 Winchester Magnum",
  "357": ".357 Magnum",
  "380": ".380 ACP",
  "410": ".410 bore",
  "454": ".454 Casull",
  "556": "5.56x45 NATO / .223 Remington",
  "762": "7.62 mm (7.62x39, 7.62x51, 7.62x54R)",
  "3006": ".30-06 Springfield",
  "4570": ".45-70 Government",
};

export const isMakeCode = (v: string): boolean => Object.hasOwn(NCIC_MAKES, v);
export const isTypeCode = (v: string): boolean => Object.hasOwn(NCIC_TYPES, v);
export const isCaliberCode = (v: string): boolean => Object.hasOwn(NCIC_CALIBERS, v);

export function typeOf(code: string): TypeCode | undefined {
  return Object.hasOwn(NCIC_TYPES, code) ? NCIC_TYPES[code] : undefined;
}

/** "CLT" → "Colt"; undefined for codes outside the table. */
export function makeName(code: string): string | undefined {
  return Object.hasOwn(NCIC_MAKES, code) ? NCIC_MAKES[code] : undefined;
}
