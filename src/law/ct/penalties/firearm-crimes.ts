/**
 * Table 2 of the analysis: the firearm crimes whose penalties the bill
 * increases, before and after, and §§ 44-45 (criminal possession).
 *
 * PA 13-3 §§ 42-43, 46-50 & 52-53: "The bill increases penalties for a number
 * of firearm-related crimes. Table 2 displays these crimes, their current
 * classification, and their classification under the bill."
 *
 * Dates. The analysis prints no EFFECTIVE DATE line under §§ 42-53 itself; the
 * next one, after §§ 44-45, reads "EFFECTIVE DATE: October 1, 2013".
 * QUESTION(legal): we read October 1, 2013 as the effective date of every
 * Table 2 change (PA 13-3 §§ 42-53). The "current penalty" column is modelled
 * from the bill's passage, 2013-04-04, to 2013-09-30; earlier dates are refused.
 *
 * QUESTION(legal): penalties follow the law in force when the offense was
 * committed; the `penalty` question therefore takes the offense date as its
 * date.
 *
 * Mandatory fines: every "$N fine unless the court states on the record why it
 * remits or reduces the fine" is a `mandatoryFine` with `unlessRemittedOnRecord`.
 */
import { type Citation, type Dated, pa133 } from "../../core/rules.ts";
import type { OffenseClass, Term } from "./classification-ranges.ts";

export interface Penalty {
  /** A Table 4 class, "unclassified" (its own maximums), or "none" (no penalty). */
  classification: OffenseClass | "unclassified" | "none";
  /** For unclassified penalties: "Up to five years in prison, a fine of up to $1,000, or both". */
  unclassifiedMaxPrison?: Term;
  unclassifiedMaxFine?: number;
  mandatoryMinimumPrison?: Term;
  mandatoryFine?: { amount: number; unlessRemittedOnRecord: true };
  note?: string;
}

/** A penalty that depends on the number of firearms transferred (trafficking before the bill). */
export interface ByFirearmCount {
  byFirearmCount: { threshold: number; fewer: Penalty; atLeast: Penalty };
}

export type PenaltyVersion = Penalty | ByFirearmCount;

export interface FirearmCrime {
  id: string;
  statute: string;
  billSection: string;
  description: string;
  versions: Dated<PenaltyVersion>[];
}

export const BEFORE = { from: "2013-04-04", until: "2013-10-01" } as const;
export const AFTER = { from: "2013-10-01" } as const;

const years = (amount: number): Term => ({ amount, unit: "years" });
const fine = (amount: number) => ({ amount, unlessRemittedOnRecord: true as const });

function table2(section: string, cgs: string, text: string): Citation {
  return pa133(section, { cgs, text });
}

function crime(
  id: string,
  billSection: string,
  statute: string,
  description: string,
  before: PenaltyVersion,
  after: PenaltyVersion,
  beforeText: string,
  afterText: string,
): FirearmCrime {
  const cgs = `CGS § ${statute}`;
  return {
    id,
    statute,
    billSection,
    description,
    versions: [
      {
        ...BEFORE,
        value: before,
        source: table2(billSection, cgs, `${description} (${statute}). Current Penalty: ${beforeText}`),
      },
      {
        ...AFTER,
        value: after,
        source: table2(billSection, cgs, `${description} (${statute}). Penalty Under the Bill: ${afterText}`),
      },
    ],
  };
}

const C_2_5000: Penalty = { classification: "C-felony", mandatoryMinimumPrison: years(2), mandatoryFine: fine(5000) };
const B_3_10000: Penalty = { classification: "B-felony", mandatoryMinimumPrison: years(3), mandatoryFine: fine(10000) };
const C_2_5000_TEXT =
  "Class C felony. Mandatory minimum: Two-year prison term. $5,000 fine unless the court states on the record why it remits or reduces the fine";
const B_3_10000_TEXT =
  "Class B felony. Mandatory minimum: three-year prison term. $10,000 fine unless the court states on the record why it remits or reduces the fine";
const UNCLASSIFIED_5Y_1000: Penalty = {
  classification: "unclassified",
  unclassifiedMaxPrison: years(5),
  unclassifiedMaxFine: 1000,
};

export const FIREARM_CRIMES: readonly FirearmCrime[] = [
  crime(
    "firearms-trafficking",
    "§ 42",
    "53-202aa",
    "Trafficking in firearms",
    {
      byFirearmCount: { threshold: 5, fewer: { classification: "C-felony" }, atLeast: { classification: "B-felony" } },
    },
    { classification: "B-felony", mandatoryMinimumPrison: years(3), mandatoryFine: fine(10000) },
    "Class C felony if transfer less than five firearms; Class B felony if transfer five or more firearms",
    B_3_10000_TEXT.replace("three-year", "Three-year"),
  ),
  crime(
    "stealing-a-firearm",
    "§ 43",
    "53a-212",
    "Stealing a firearm",
    { classification: "D-felony" },
    C_2_5000,
    "Class D felony",
    C_2_5000_TEXT,
  ),
  crime(
    "failing-to-surrender-revoked-permit",
    "§ 46",
    "29-32",
    "Failing to surrender a revoked permit",
    { classification: "C-misdemeanor" },
    { classification: "A-misdemeanor" },
    "Class C misdemeanor",
    "Class A misdemeanor",
  ),
  crime(
    "handgun-transfer-to-prohibited-person",
    "§ 47",
    "29-33",
    "Transferring a pistol or revolver to a prohibited person or violating transfer procedures",
    { classification: "D-felony" },
    C_2_5000,
    "Class D felony",
    C_2_5000_TEXT,
  ),
  crime(
    "handgun-transfer-knowing-stolen-or-altered",
    "§ 47",
    "29-33",
    "Transferring a pistol or revolver to a prohibited person or violating transfer procedures, knowing the transferred weapon is stolen or has an altered identification mark",
    { classification: "B-felony" },
    B_3_10000,
    "Class B felony",
    B_3_10000_TEXT,
  ),
  crime(
    "false-statement-handgun-transfer",
    "§ 48",
    "29-34(a)",
    "Making a false statement related to a pistol or revolver transfer",
    { classification: "D-felony" },
    C_2_5000,
    "Class D felony",
    C_2_5000_TEXT,
  ),
  crime(
    "handgun-transfer-to-person-under-21",
    "§ 48",
    "29-34(b)",
    "Transferring a pistol or revolver to someone under age 21 except for target or shooting range use",
    { classification: "D-felony", mandatoryMinimumPrison: years(1) },
    C_2_5000,
    "Class D felony. One-year mandatory minimum prison sentence",
    C_2_5000_TEXT,
  ),
  crime(
    "altering-firearm-identification",
    "§ 49",
    "29-36",
    "Altering firearm identification mark, number, or name",
    UNCLASSIFIED_5Y_1000,
    C_2_5000,
    "Up to five years in prison, a fine [of] up to $1,000, or both",
    C_2_5000_TEXT,
  ),
  crime(
    "failing-to-report-loss-or-theft-repeat",
    "§ 50",
    "53-202g",
    "Failing to report loss or theft of firearm (2nd or subsequent offense)",
    { classification: "D-felony" },
    { classification: "C-felony" },
    "Class D felony",
    "Class C felony",
  ),
  crime(
    "intentionally-failing-to-report-loss-or-theft",
    "§ 50",
    "53-202g",
    "Intentionally failing to report loss or theft of firearm",
    { classification: "C-felony" },
    { classification: "B-felony" },
    "Class C felony",
    "Class B felony",
  ),
  crime(
    "failing-to-surrender-revoked-eligibility-certificate",
    "§ 52",
    "29-36i",
    "Failing to surrender revoked eligibility certificate",
    { classification: "C-misdemeanor" },
    { classification: "A-misdemeanor" },
    "Class C misdemeanor",
    "Class A misdemeanor",
  ),
  crime(
    "straw-purchase",
    "§ 53",
    "29-37j(a)",
    "Buying a firearm intending to transfer it to an ineligible person (straw man transactions)",
    UNCLASSIFIED_5Y_1000,
    C_2_5000,
    "Up to five years in prison, fine of up to $1,000, or both",
    C_2_5000_TEXT,
  ),
  crime(
    "ineligible-soliciting-straw-purchase",
    "§ 53",
    "29-37j(b)",
    "Ineligible person soliciting a firearm through a straw man",
    { classification: "B-misdemeanor" },
    { classification: "D-felony", mandatoryMinimumPrison: years(1), mandatoryFine: fine(3000) },
    "Class B misdemeanor",
    "Class D felony. Mandatory minimum: One-year prison term. $3,000 fine unless the court states on the record why it remits or reduces the fine",
  ),
  crime(
    "ineligible-obtaining-firearm-from-straw-purchaser",
    "§ 53",
    "29-37j(b)",
    "Ineligible person obtaining a firearm from a straw man",
    { classification: "none", note: "no penalty before the bill" },
    C_2_5000,
    "No current penalty",
    C_2_5000_TEXT,
  ),
  crime(
    "ineligible-soliciting-straw-purchase-more-than-one-firearm",
    "§ 53",
    "29-37j(b)",
    "Ineligible person soliciting through a straw man involving transfer of more than one firearm",
    { classification: "A-misdemeanor" },
    { classification: "none", note: "penalty eliminated; see ineligible-obtaining-firearm-from-straw-purchaser" },
    "Class A misdemeanor",
    "Penalty eliminated (see crime immediately above)",
  ),
  crime(
    "straw-purchase-felony-conviction-in-past-five-years",
    "§ 53",
    "29-37j(c)",
    "Straw man violations when offender had felony conviction in past five years",
    { classification: "D-felony" },
    B_3_10000,
    "Class D felony",
    B_3_10000_TEXT,
  ),
  // §§ 44-45: the possession crimes (not in Table 2; the same effective date)
  crime(
    "criminal-possession-of-firearm-ammunition-or-electronic-defense-weapon",
    "§ 44",
    "53a-217",
    "Criminal possession of a firearm or electronic defense weapon (and, from 2013-10-01, ammunition)",
    { classification: "D-felony", mandatoryMinimumPrison: years(2) },
    C_2_5000,
    "class D felony; the law already imposes a two-year mandatory minimum sentence",
    "The bill increases the penalty for this crime from a class D to a class C felony. The law already imposes a two-year mandatory minimum sentence. The bill also imposes a mandatory minimum $5,000 fine unless the court states on the record why it remits or reduces the fine.",
  ),
  crime(
    "criminal-possession-of-a-handgun",
    "§ 45",
    "53a-217c",
    "Criminal possession of a pistol or revolver",
    { classification: "D-felony" },
    C_2_5000,
    "class D felony",
    "The bill increases the penalty for this crime from a class D to a class C felony and imposes a mandatory minimum (1) two-year prison sentence and (2) $5,000 fine unless the court states on the record why it remits or reduces the fine.",
  ),
];

export function findFirearmCrime(id: string): FirearmCrime | undefined {
  return FIREARM_CRIMES.find((c) => c.id === id);
}

export const CRIME_IDS = FIREARM_CRIMES.map((c) => c.id) as [string, ...string[]];
