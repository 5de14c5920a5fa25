/**
 * Table 1 of the analysis: the offenses the bill designates as deadly weapon
 * offenses, by statute, for the Deadly Weapon Offender Registry.
 *
 * PA 13-3 §§ 18-22 (CGS §§ 54-280, 54-280a): "By January 1, 2014, the bill
 * requires DESPP to establish and maintain a registry of everyone (1) convicted
 * of an offense committed with a deadly weapon or (2) found not guilty by
 * reason of mental disease or defect for such an offense, notwithstanding any
 * pending appeal." "Table 1 lists the offenses the bill designates as deadly
 * weapon offenses."
 *
 * Each entry names the statute as the table does; `subsections` limits an entry
 * to the listed subsections (the table says "29-33(a) to (e)", "29-33(i)",
 * "53-202(b)", ...). An entry marked `secondOrSubsequent` covers only a second
 * or subsequent violation.
 */
import { pa133, type Citation } from "../../core/rules.ts";

export interface OffenseEntry {
  /** The statute as Table 1 writes it, without "CGS §". */
  statute: string;
  /** Listed subsections (lower-case letters); absent when the whole section is listed. */
  subsections?: readonly string[];
  /** Only a second or subsequent violation is listed. */
  secondOrSubsequent?: true;
  description: string;
}

export const TABLE_1_SOURCE: Citation = pa133("§§ 18-22", {
  cgs: "CGS § 54-280",
  text: "Table 1 lists the offenses the bill designates as deadly weapon offenses.",
});

export const TABLE_1: readonly OffenseEntry[] = [
  { statute: "2-1e", subsections: ["c"], description: "Interference with the legislative process" },
  {
    statute: "29-28",
    subsections: ["e"],
    description:
      "Possessing or carrying a handgun where prohibited by law or the person who owns or exercises control over the premises",
  },
  {
    statute: "29-33",
    subsections: ["a", "b", "c", "d", "e"],
    description: "Sell or otherwise transfer handgun to ineligible person, violation of transfer procedures",
  },
  { statute: "29-33", subsections: ["e"], description: "Failure to document handgun transfer with DESPP" },
  {
    statute: "29-33",
    subsections: ["i"],
    description: "Sell or transfer handgun in violation of statutory transfer procedures",
  },
  {
    statute: "29-34",
    description:
      "Make false statement or give false information in connection with purchase, sale, delivery or other transfer of handgun",
  },
  {
    statute: "29-34",
    description:
      "Illegally sell, barter, hire, lend, give, deliver, or otherwise transfer handgun to anyone under age 21",
  },
  { statute: "29-35", subsections: ["a"], description: "Carry a handgun without a permit" },
  {
    statute: "29-36",
    description:
      "Remove, deface, alter or obliterate the name of any maker or model or any maker's number or other mark of identification on any firearm",
  },
  {
    statute: "29-36k",
    description: "Failure to transfer, deliver, or surrender handguns by persons ineligible to possess them",
  },
  { statute: "29-37a", description: "Violation of transfer procedures for long guns; failure to document transfer" },
  { statute: "29-37e", description: "False statement or information in connection with sale or transfer of long gun" },
  {
    statute: "29-37g",
    subsections: ["c"],
    description: "Noncompliance with law governing sale, delivery, or transfer of firearms at gun show",
  },
  {
    statute: "29-37j",
    description: 'Buys a firearm intending to transfer it to ineligible person ("strawman purchase")',
  },
  {
    statute: "29-37j",
    description: "Ineligible person soliciting, employing, or assisting anyone in strawman purchasing",
  },
  {
    statute: "53-202",
    subsections: ["b"],
    description: "Possess or use a machine gun in the perpetration or attempted perpetration of a violent crime",
  },
  {
    statute: "53-202",
    subsections: ["c"],
    description: "Uses or possesses a machine gun for an offensive or aggressive purpose",
  },
  {
    statute: "53-202",
    subsections: ["c"],
    description: "Transfer, sell or give a machine gun to a person under age 16",
  },
  { statute: "53-202b", description: "Illegally sells, gives, distributes, transports, or imports assault weapon" },
  { statute: "53-202c", description: "Illegally possesses assault weapon" },
  { statute: "53-202", subsections: ["g"], description: "Failure to register machine gun" },
  { statute: "53-202j", description: "Commit a class A, B, or C felony with an assault weapon" },
  { statute: "53-202k", description: "Commit an A, B, or C felony with firearm other than assault weapon" },
  {
    statute: "53-202l",
    description:
      "Knowingly distribute, transport, import, or keep for sale armor piercing .50 caliber bullet or incendiary .50 caliber bullet",
  },
  { statute: "53-202aa", description: "Firearm trafficking" },
  {
    statute: "53-206b",
    description:
      "Unlawful training in use of firearms, explosives or incendiary devices or techniques capable of causing injury",
  },
  {
    statute: "53a-8",
    subsections: ["b"],
    description:
      "Sell, deliver, or provide firearm to another person to engage in conduct constituting an offense or under circumstances in which he should know that such other person intends to use such firearm in such conduct",
  },
  { statute: "53a-55a", description: "Manslaughter in the 1st degree with a firearm" },
  { statute: "53a-56a", description: "Manslaughter in the 2nd degree with a firearm" },
  { statute: "53a-60a", description: "Assault in the second degree with a firearm" },
  {
    statute: "53a-60c",
    description:
      "Assault of an elderly, blind, disabled or pregnant person or a person with intellectual disability in the 2nd degree with a firearm",
  },
  { statute: "53a-72b", description: "Sexual assault in the 3rd degree with a firearm" },
  { statute: "53a-92a", description: "Kidnapping in the 1st degree with a firearm" },
  { statute: "53a-94a", description: "Kidnapping in the 2nd degree with a firearm" },
  { statute: "53a-102a", description: "Burglary in the 2nd degree with a firearm" },
  { statute: "53a-103a", description: "Burglary in the 3rd degree with a firearm" },
  { statute: "53a-211", description: "Possession of a sawed off shotgun or silencer" },
  { statute: "53a-212", description: "Stealing a firearm" },
  { statute: "53a-216", description: "Criminal use of a firearm or electronic defense weapon" },
  { statute: "53a-217", description: "Criminal possession of a firearm or electronic defense weapon" },
  { statute: "53a-217a", description: "Criminally negligent storage of a firearm" },
  { statute: "53a-217b", description: "Illegal possession of a weapon on school grounds" },
  { statute: "53a-217c", description: "Criminal possession of a handgun" },
  {
    statute: "53-202g",
    secondOrSubsequent: true,
    description: "Second or subsequent violation of failure to report the loss or theft of a firearm",
  },
];

/**
 * Splits "CGS § 29-33(c)", "29-33 (c)" or "29-33" into a lower-case statute and
 * subsection. Returns undefined for text that is not a statute number.
 */
export function parseStatute(text: string): { statute: string; subsection?: string } | undefined {
  const m = /^\s*(?:c\.?g\.?s\.?\s*)?(?:§+\s*)?(\d+[a-z]*-\d+[a-z]*)\s*(?:\(\s*([a-z]+)\s*\))?/i.exec(text);
  if (!m) return undefined;
  return { statute: m[1]!.toLowerCase(), ...(m[2] ? { subsection: m[2].toLowerCase() } : {}) };
}
