/**
 * Which credential lets its holder buy what, on a given date.
 *
 * OLR analysis of PA 13-3:
 * - § 1 (effective upon passage, 4 April 2013): "On and after April 1, 2014, the bill requires
 *   anyone, except a federal marshal, parole officer, or peace officer, buying or receiving a long
 *   gun to have a long gun eligibility certificate, handgun permit, handgun dealer permit, or
 *   handgun eligibility certificate."
 * - §§ 14-17: "Starting October 1, 2013, the bill generally prohibits anyone from selling
 *   ammunition or an ammunition magazine to any buyer unless he or she: 1. has a handgun permit,
 *   gun sale permit, or long gun or handgun eligibility certificate, and presents such a
 *   credential to the seller, or 2. has an ammunition certificate and presents to the seller (a)
 *   the certificate and (b) a driver's license, passport, or other valid government-issued
 *   identification that contains the person's photograph and date of birth."
 * - Handguns (existing law, CGS § 29-33(b)): the buyer must hold a permit to carry, a permit to
 *   sell at retail, or an eligibility certificate for a pistol or revolver.
 *
 * This answers only the credential question: age limits (§ 1, §§ 14-17), the large capacity
 * magazine ban (§§ 23-24), assault weapons and the background check for each sale are decided
 * elsewhere. Purposes are modelled from the Act's passage, 4 April 2013.
 *
 * QUESTION(legal): the analysis says "handgun permit" without saying whether the temporary
 * state permit counts. Reading chosen: only the five-year state permit is a "permit to carry"
 * for purchases; the temporary state permit (60 days, pending the state permit) is not valid
 * for any purchase. A person must review this before it is relied on.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Dated, cite, inForce, pa133 } from "../../core/rules.ts";
import type { CredentialKind } from "./kinds.ts";
import { catalogueEntry, allVersions } from "../../core/questions.ts";

export const PURCHASE_VALIDITY_ID = "credentials.valid-for-purpose";

export const PURPOSES = ["handgun-purchase", "long-gun-purchase", "ammunition-purchase", "magazine-purchase"] as const;
export type Purpose = (typeof PURPOSES)[number];

/** The Act's passage, the first day modelled for purchases. */
export const ACT_PASSAGE = "2013-04-04";

/** Which credentials satisfy the purpose; null while no credential is required. */
type Accepted = Readonly<Record<CredentialKind, boolean>> | null;

const NONE: Record<CredentialKind, boolean> = {
  "temporary-state-permit": false,
  "state-handgun-permit": false,
  "handgun-eligibility-certificate": false,
  "long-gun-eligibility-certificate": false,
  "ammunition-certificate": false,
};

const HANDGUN_CREDENTIALS = { ...NONE, "state-handgun-permit": true, "handgun-eligibility-certificate": true };
const LONG_GUN_CREDENTIALS = { ...HANDGUN_CREDENTIALS, "long-gun-eligibility-certificate": true };
const AMMUNITION_CREDENTIALS = { ...LONG_GUN_CREDENTIALS, "ammunition-certificate": true };

const LONG_GUN_SOURCE = pa133("§ 1", {
  cgs: "CGS § 29-37a(c)",
  text: "On and after April 1, 2014, the bill requires anyone ... buying or receiving a long gun to have a long gun eligibility certificate, handgun permit, handgun dealer permit, or handgun eligibility certificate.",
});
const AMMUNITION_SOURCE = pa133("§§ 14-17", {
  text: "Starting October 1, 2013, the bill generally prohibits anyone from selling ammunition or an ammunition magazine to any buyer unless he or she: 1. has a handgun permit, gun sale permit, or long gun or handgun eligibility certificate ... or 2. has an ammunition certificate",
});

const AMMUNITION_OR_MAGAZINE: readonly Dated<Accepted>[] = [
  { from: ACT_PASSAGE, until: "2013-10-01", value: null, source: AMMUNITION_SOURCE },
  { from: "2013-10-01", value: AMMUNITION_CREDENTIALS, source: AMMUNITION_SOURCE },
];

export const PURCHASE_CREDENTIALS: Record<Purpose, readonly Dated<Accepted>[]> = {
  "handgun-purchase": [
    {
      from: ACT_PASSAGE,
      value: HANDGUN_CREDENTIALS,
      source: cite("CGS", "§ 29-33(b)", {
        cgs: "CGS § 29-33(b)",
        text: "no pistol or revolver may be sold or transferred unless the buyer holds a permit to carry, a permit to sell at retail, or an eligibility certificate for a pistol or revolver (existing law)",
      }),
    },
  ],
  "long-gun-purchase": [
    { from: ACT_PASSAGE, until: "2014-04-01", value: null, source: LONG_GUN_SOURCE },
    { from: "2014-04-01", value: LONG_GUN_CREDENTIALS, source: LONG_GUN_SOURCE },
  ],
  "ammunition-purchase": AMMUNITION_OR_MAGAZINE,
  "magazine-purchase": AMMUNITION_OR_MAGAZINE,
};

export interface PurchaseValidity {
  /** True when, as far as credentials go, the holder may make this purchase on this date. */
  valid: boolean;
  /** False while the law required no credential for this purchase (then `valid` is true for every credential). */
  credentialRequired: boolean;
  /** What the holder must show besides the credential, if anything. */
  alsoRequired?: string;
  source: Citation;
}

/** Whether holding `kind` satisfies the credential requirement for `purpose` on `on`. Throws NotInForce before 2013-04-04. */
export function validForPurpose(kind: CredentialKind, purpose: Purpose, on: PlainDate): PurchaseValidity {
  const v = inForce(PURCHASE_CREDENTIALS[purpose], on, PURCHASE_VALIDITY_ID);
  if (v.value === null) return { valid: true, credentialRequired: false, source: v.source };
  const valid = v.value[kind];
  const photoId =
    valid &&
    kind === "ammunition-certificate" &&
    (purpose === "ammunition-purchase" || purpose === "magazine-purchase");
  return {
    valid,
    credentialRequired: true,
    ...(photoId
      ? {
          alsoRequired:
            "a driver's license, passport, or other valid government-issued identification that contains the person's photograph and date of birth",
        }
      : {}),
    source: v.source,
  };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const PURCHASE_VALIDITY_RULE = catalogueEntry(
  PURCHASE_VALIDITY_ID,
  "Which credential lets you buy what",
  "Handguns: a state permit or handgun eligibility certificate. Long guns, from 1 April 2014: a long gun or handgun eligibility certificate or a state permit. Ammunition and magazines, from 1 October 2013: any of those, or an ammunition certificate shown with a government photo ID.",
  allVersions(PURCHASE_CREDENTIALS),
);
