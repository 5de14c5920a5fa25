/**
 * Application fees, in cents.
 *
 * OLR analysis of PA 13-3, §§ 2-7: "the fee for an initial or renewal certificate is $35, and
 * the certificate is good for five years" (long gun eligibility certificate).
 * §§ 14-17: "the fee for the initial and renewal certificate is $35, and the certificate is good
 * for five years. The bill specifies that this fee is in addition to fees for the background
 * check." (ammunition certificate, CGS § 29-38o(a), PA 13-3 § 16).
 * The analysis gives no fee for permits or handgun eligibility certificates, which the Act
 * does not change; those come from existing law (see the legal questions noted below).
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Dated, cite, inForce, pa133 } from "../../core/rules.ts";
import { type CredentialKind, fromModelledStart } from "./kinds.ts";
import { catalogueEntry, allVersions } from "../../core/questions.ts";

export const APPLICATION_FEE_ID = "credentials.application-fee";

export interface Fee {
  amountCents: number;
  /** What the amount covers and what comes on top, in plain words. */
  note: string;
}

/**
 * QUESTION(legal): permit fees are not in the analysis. Reading chosen, from CGS § 29-30(a)
 * (existing law): the state permit fee is $140 plus the FBI fingerprint check fee, paid to the
 * local issuing authority with the temporary state permit application ($70 kept locally, $70 sent
 * to DESPP when the temporary permit is approved). So the temporary permit application carries
 * the whole $140 and the state permit that follows costs nothing more. An applicant without a
 * Connecticut residence who applies directly to DESPP is taken to pay the same $140 there (not
 * modelled here: `applicationFee` does not know the route). To be verified against § 29-30 as in
 * force on 1 July 2013.
 *
 * QUESTION(legal): the handgun eligibility certificate fee is not in the analysis; it says only
 * that the long gun certificate is "substantially similar". Reading chosen: $35 under existing
 * law (CGS § 29-36g), to be verified.
 */
export const APPLICATION_FEES: Record<CredentialKind, readonly Dated<Fee>[]> = {
  "temporary-state-permit": fromModelledStart(
    {
      amountCents: 140_00,
      note: "the $140 state permit fee, paid with the temporary state permit application ($70 kept by the local authority, $70 sent to DESPP on approval); the FBI fingerprint check fee is extra",
    },
    cite("CGS", "§ 29-30(a)", {
      cgs: "CGS § 29-30(a)",
      text: "fee for each state permit ... one hundred forty dollars plus sufficient funds ... to cover the cost of a national criminal history records check; seventy dollars retained by the local authority (existing law)",
    }),
  ),
  "state-handgun-permit": fromModelledStart(
    {
      amountCents: 0,
      note: "nothing more: the $140 state permit fee was paid with the temporary state permit application (renewal: $70)",
    },
    cite("CGS", "§ 29-30(a)", {
      cgs: "CGS § 29-30(a)",
      text: "seventy dollars shall be sent to the commissioner upon approval of the temporary state permit (existing law)",
    }),
  ),
  "handgun-eligibility-certificate": fromModelledStart(
    { amountCents: 35_00, note: "initial or renewal certificate; the background check fee is extra" },
    cite("CGS", "§ 29-36g", {
      cgs: "CGS § 29-36g",
      text: "$35 for an eligibility certificate for a pistol or revolver (existing law)",
    }),
  ),
  "long-gun-eligibility-certificate": fromModelledStart(
    { amountCents: 35_00, note: "initial or renewal certificate; the background check fee is extra" },
    pa133("§§ 2-7", {
      text: "the fee for an initial or renewal certificate is $35, and the certificate is good for five years",
    }),
  ),
  "ammunition-certificate": fromModelledStart(
    { amountCents: 35_00, note: "initial or renewal certificate; in addition to the fee for the background check" },
    pa133("§ 16", {
      cgs: "CGS § 29-38o(a)",
      text: "the fee for the initial and renewal certificate is $35 ... this fee is in addition to fees for the background check",
    }),
  ),
};

/** The fee to apply for a credential on a date. Throws NotInForce before 2013-07-01. */
export function applicationFee(
  kind: CredentialKind,
  on: PlainDate,
): { amountCents: number; note: string; source: Citation } {
  const v = inForce(APPLICATION_FEES[kind], on, APPLICATION_FEE_ID);
  return { ...v.value, source: v.source };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const APPLICATION_FEE_RULE = catalogueEntry(
  APPLICATION_FEE_ID,
  "Application fees",
  "$35 for a long gun eligibility certificate, an ammunition certificate (plus the background check fee) or a handgun eligibility certificate; $140 for the state permit, paid with the temporary state permit application (plus the FBI fingerprint check fee).",
  allVersions(APPLICATION_FEES),
);
