/** Facts for the safe storage rules (PA 13-3 §§ 54-56) and a little three-valued logic. */
import { z } from "zod";

export const SafeStorageFacts = z.object({
  loaded: z.boolean().optional().describe("the firearm is loaded (the 2013 law covers loaded firearms only)"),
  onPremisesUnderControl: z
    .boolean()
    .optional()
    .describe("the person stores or keeps it on premises under his or her control"),
  minorLikelyToGainAccess: z
    .boolean()
    .optional()
    .describe(
      "knows or reasonably should know that a minor (under 16) is likely to gain access without a parent's or guardian's permission",
    ),
  residentIneligible: z
    .boolean()
    .optional()
    .describe(
      "knows or reasonably should know that a resident of the premises is ineligible to possess firearms under state or federal law",
    ),
  residentPosesRisk: z
    .boolean()
    .optional()
    .describe(
      "knows or reasonably should know that a resident poses a risk of imminent personal injury to himself, herself or others",
    ),
  storage: z
    .enum(["locked-container", "secure-location", "carried-or-within-reach", "other"])
    .optional()
    .describe(
      "locked box or container; a location a reasonable person would believe secure; carried on the person or close enough to retrieve readily; or other",
    ),
  obtainedBy: z
    .enum(["nobody", "minor", "ineligible-resident", "at-risk-resident", "other-person"])
    .optional()
    .describe("who obtained the firearm, if anyone"),
  injuryOrDeath: z.boolean().optional().describe("that person used it to injure or kill himself, herself or another"),
  unlawfulEntry: z.boolean().optional().describe("the minor obtained the firearm as a result of an unlawful entry"),
});
export type SafeStorageFacts = z.infer<typeof SafeStorageFacts>;

export type Tri = boolean | undefined;

/** Kleene OR: true if any is true; false if all are false; otherwise undefined. */
export function or3(values: Tri[]): Tri {
  if (values.some((v) => v === true)) return true;
  if (values.every((v) => v === false)) return false;
  return undefined;
}

/** Kleene AND: false if any is false; true if all are true; otherwise undefined. */
export function and3(values: Tri[]): Tri {
  if (values.some((v) => v === false)) return false;
  if (values.every((v) => v === true)) return true;
  return undefined;
}
