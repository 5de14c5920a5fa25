/**
 * Connecticut's penalties by crime class, as the OLR analysis of PA 13-3
 * summarises them in its Table 4 ("Table on Penalties", BACKGROUND).
 * Used to explain a class named by a rule; the classes themselves come from
 * each rule's own text.
 */
export const CRIME_CLASSES = {
  "class B felony": { prison: "one to 20 years", fine: "up to $15,000" },
  "class C felony": { prison: "one to 10 years", fine: "up to $10,000" },
  "class D felony": { prison: "one to 5 years", fine: "up to $5,000" },
  "class A misdemeanor": { prison: "up to one year", fine: "up to $2,000" },
  "class B misdemeanor": { prison: "up to six months", fine: "up to $1,000" },
  "class C misdemeanor": { prison: "up to three months", fine: "up to $500" },
} as const;
export type CrimeClass = keyof typeof CRIME_CLASSES;

/** A mandatory minimum, as the analysis's Table 2 and §§ 44-45 state them. */
export interface MandatoryMinimum {
  prisonYears?: number;
  /** A mandatory fine "unless the court states on the record why it remits or reduces the fine". */
  fineDollars?: number;
}

export interface Penalty {
  offense: string;
  statute: string;
  crimeClass: CrimeClass;
  mandatoryMinimum?: MandatoryMinimum;
  /** Penalty range for the class (Table 4). */
  range: { prison: string; fine: string };
}

export function penalty(
  offense: string,
  statute: string,
  crimeClass: CrimeClass,
  mandatoryMinimum?: MandatoryMinimum,
): Penalty {
  return {
    offense,
    statute,
    crimeClass,
    ...(mandatoryMinimum ? { mandatoryMinimum } : {}),
    range: { ...CRIME_CLASSES[crimeClass] },
  };
}
