/**
 * Federal marshals, parole officers and peace officers need no credential to
 * buy or receive a gun.
 *
 * Long guns, PA 13-3 § 1, OLR analysis: "On and after April 1, 2014, the bill
 * requires anyone, except a federal marshal, parole officer, or peace officer,
 * buying or receiving a long gun to have a long gun eligibility certificate,
 * handgun permit, handgun dealer permit, or handgun eligibility certificate."
 * Pistols and revolvers: existing CGS § 29-36j, in the same words.
 */
import { z } from "zod";
import type { Citation } from "../../core/rules.ts";
import { cite, pa133 } from "../../core/rules.ts";

export const OFFICER_KINDS = ["federal-marshal", "parole-officer", "peace-officer", "none"] as const;
export const Officer = z
  .enum(OFFICER_KINDS)
  .describe('whether the buyer is a federal marshal, parole officer or peace officer; "none" otherwise');
export type Officer = z.infer<typeof Officer>;

export const LONG_GUN_OFFICER_EXCEPTION: Citation = pa133("§ 1", {
  cgs: "CGS § 29-37a(c)",
  text: "On and after April 1, 2014, the bill requires anyone, except a federal marshal, parole officer, or peace officer, buying or receiving a long gun to have a long gun eligibility certificate, handgun permit, handgun dealer permit, or handgun eligibility certificate.",
});

export const HANDGUN_OFFICER_EXCEPTION: Citation = cite("CGS", "§ 29-36j", {
  cgs: "CGS § 29-36j",
  text: "no person may purchase or receive any pistol or revolver unless such person holds a valid permit to carry ..., a valid permit to sell at retail ... or a valid eligibility certificate ..., or is a federal marshal, parole officer or peace officer",
});

/** True for a federal marshal, parole officer or peace officer; unknown when not stated. */
export function officerException(officer: Officer | undefined): boolean | "unknown" {
  if (officer === undefined) return "unknown";
  return officer !== "none";
}
