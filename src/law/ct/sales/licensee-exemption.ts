/**
 * Transfers between federal licensees, which PA 13-3 §§ 1 and 14-17 leave
 * alone.
 *
 * § 1 (long guns), OLR analysis: "The bill creates several requirements
 * regarding the sale of long guns, except between federally licensed firearm
 * (1) manufacturers and dealers, (2) importers and dealers, or (3) dealers."
 * §§ 14-17 (ammunition), OLR analysis: "these restrictions and requirements do
 * not apply to sales or other transfers of ammunition between federally
 * licensed firearm (1) manufacturers and dealers, (2) importers and dealers, or
 * (3) dealers."
 *
 * QUESTION(legal): "between" is read in both directions (dealer to
 * manufacturer as well as manufacturer to dealer). Pairs the text does not
 * list (manufacturer to manufacturer, importer to importer, manufacturer to
 * importer) are not exempt.
 */
import { z } from "zod";
import { type PlainDate, ageOn, isPlainDate } from "../../core/dates.ts";
import { type Citation, type Finding, met, pa133, notApplicable, unknown } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const FEDERAL_LICENCES = ["dealer", "manufacturer", "importer", "none"] as const;
export type FederalLicence = (typeof FEDERAL_LICENCES)[number];
export const FederalLicence = z
  .enum(FEDERAL_LICENCES)
  .describe('the party\'s federal firearms licence; "none" for a private person');

export const LONG_GUN_LICENSEE_EXEMPTION: Citation = pa133("§ 1", {
  cgs: "CGS § 29-37a",
  text: "The bill creates several requirements regarding the sale of long guns, except between federally licensed firearm (1) manufacturers and dealers, (2) importers and dealers, or (3) dealers.",
});

export const AMMUNITION_LICENSEE_EXEMPTION: Citation = pa133("§§ 14-17", {
  cgs: "CGS § 29-38m",
  text: "these restrictions and requirements do not apply to sales or other transfers of ammunition between federally licensed firearm (1) manufacturers and dealers, (2) importers and dealers, or (3) dealers.",
});

/** True when the pair is one the text lists: manufacturer-dealer, importer-dealer, dealer-dealer (either direction). */
export function isExemptLicenseePair(a: FederalLicence, b: FederalLicence): boolean {
  if (a === "dealer") return b === "dealer" || b === "manufacturer" || b === "importer";
  if (b === "dealer") return a === "manufacturer" || a === "importer";
  return false;
}

/**
 * The exemption as a finding: not-applicable when the pair is exempt (the
 * other requirements then do not apply), unknown when a licence is not known,
 * `undefined` when the requirements apply (nothing to record).
 */
export function licenseeExemption(
  id: string,
  source: Citation,
  seller: FederalLicence | undefined,
  buyer: FederalLicence | undefined,
): Finding | undefined {
  if (seller !== undefined && buyer !== undefined) {
    return isExemptLicenseePair(seller, buyer)
      ? notApplicable(
          id,
          source,
          `transfer between federal licensees (${seller} to ${buyer}): the requirements do not apply`,
        )
      : undefined;
  }
  // One party known to hold no licence already rules the exemption out.
  if (seller === "none" || buyer === "none") return undefined;
  const missing = [
    ...(seller === undefined ? ["seller.federalLicence"] : []),
    ...(buyer === undefined ? ["buyer.federalLicence"] : []),
  ];
  return unknown(id, source, missing, "cannot tell whether this is a transfer between federal licensees");
}

/**
 * The buyer's licence as the sale rules read it: as given, or "none" when it is left out and the
 * buyer (given with a birth date) is under 21 on the date of the sale, since federal law licenses
 * only applicants 21 or over (18 U.S.C. § 923(d)(1)(A): "the applicant is twenty-one years of age or
 * over"). Whoever asks about a sale to a 17-year-old does not add that the 17-year-old is no
 * federal firearms dealer.
 *
 * QUESTION(legal): a buyer given with a birth date is read as the natural person who buys, not a
 * licensed business the person acts for (a business buyer is given with its `federalLicence`).
 */
export function buyerLicenceOn(
  licence: FederalLicence | undefined,
  birthDate: string | undefined,
  on: PlainDate,
): FederalLicence | undefined {
  if (licence !== undefined) return licence;
  if (birthDate !== undefined && isPlainDate(birthDate) && ageOn(birthDate, on) < 21) return "none";
  return undefined;
}

/**
 * When whether the parties are exempt licensees is not known but every requirement the exemption
 * would lift is met, the sale is permitted either way: the unknown exemption no longer matters and
 * is recorded as met. Otherwise the findings are returned as they are.
 */
export function settleExemption(exemption: Finding | undefined, findings: readonly Finding[]): Finding[] {
  if (exemption?.status !== "unknown") return [...findings];
  const others = findings.filter((f) => f !== exemption);
  if (!others.every((f) => f.status === "met" || f.status === "not-applicable")) return [...findings];
  return findings.map((f) =>
    f === exemption
      ? met(
          f.id,
          f.source,
          "every requirement is met, so the transfer is permitted whether or not the parties are exempt federal licensees",
        )
      : f,
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const LONG_GUN_LICENSEE_EXEMPTION_RULE = defineRule({
  id: "sales.long-gun.licensee-exemption",
  title: "Long guns: transfers between federal licensees are exempt",
  description:
    "The long gun sale rules do not apply between a federally licensed manufacturer or importer and a dealer, or between two dealers.",
  citations: [LONG_GUN_LICENSEE_EXEMPTION],
  from: "2013-04-04",
});

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const AMMUNITION_LICENSEE_EXEMPTION_RULE = defineRule({
  id: "sales.ammunition.licensee-exemption",
  title: "Ammunition: transfers between federal licensees are exempt",
  description:
    "The ammunition sale rules do not apply between a federally licensed manufacturer or importer and a dealer, or between two dealers.",
  citations: [AMMUNITION_LICENSEE_EXEMPTION],
  from: "2013-04-04",
});
