/**
 * A credential, or an ammunition certificate with photo identification, to buy
 * ammunition or a magazine, from 1 October 2013.
 *
 * PA 13-3 §§ 14-17 (CGS § 29-38m), OLR analysis: "Starting October 1, 2013,
 * the bill generally prohibits anyone from selling ammunition or an
 * ammunition magazine to any buyer unless he or she: 1. has a handgun permit,
 * gun sale permit, or long gun or handgun eligibility certificate, and
 * presents such a credential to the seller, or 2. has an ammunition
 * certificate and presents to the seller (a) the certificate and (b) a
 * driver's license, passport, or other valid government-issued identification
 * that contains the person's photograph and date of birth."
 *
 * "Handgun permit" is the permit to carry; "gun sale permit" the permit to
 * sell at retail. There is no officer exception in the text.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import {
  type Citation,
  type Dated,
  type Finding,
  inForce,
  met,
  notApplicable,
  notMet,
  pa133,
  unknown,
} from "../../core/rules.ts";
import { type Credential, type CredentialKind, holdsCredential, labelList } from "./credentials.ts";
import { defineRule } from "../../core/questions.ts";

export const PhotoId = z.object({
  kind: z.enum(["drivers-license", "passport", "other-government-id", "other"]).optional(),
  governmentIssued: z.boolean().optional(),
  valid: z.boolean().optional().describe("unexpired and genuine"),
  hasPhotograph: z.boolean().optional(),
  showsDateOfBirth: z.boolean().optional(),
  presented: z.boolean().optional(),
});
export type PhotoId = z.infer<typeof PhotoId>;

export const AMMUNITION_CREDENTIALS: readonly Dated<{
  gunCredentials: readonly CredentialKind[];
  ammunitionCertificate: CredentialKind;
} | null>[] = [
  {
    from: "2013-04-04",
    value: null,
    source: pa133("§§ 14-17", {
      cgs: "CGS § 29-38m",
      text: "Starting October 1, 2013, the bill generally prohibits anyone from selling ammunition or an ammunition magazine to any buyer unless ...",
    }),
  },
  {
    from: "2013-10-01",
    value: {
      gunCredentials: [
        "permit-to-carry",
        "permit-to-sell",
        "long-gun-eligibility-certificate",
        "handgun-eligibility-certificate",
      ],
      ammunitionCertificate: "ammunition-certificate",
    },
    source: pa133("§§ 14-17", {
      cgs: "CGS § 29-38m",
      text: "Starting October 1, 2013, the bill generally prohibits anyone from selling ammunition or an ammunition magazine to any buyer unless he or she: 1. has a handgun permit, gun sale permit, or long gun or handgun eligibility certificate, and presents such a credential to the seller, or 2. has an ammunition certificate and presents to the seller (a) the certificate and (b) a driver's license, passport, or other valid government-issued identification that contains the person's photograph and date of birth.",
    }),
  },
];

export const AMMUNITION_CERTIFICATE_ROUTE: Citation = pa133("§§ 14-17", {
  cgs: "CGS § 29-38m",
  text: "has an ammunition certificate and presents to the seller (a) the certificate and (b) a driver's license, passport, or other valid government-issued identification that contains the person's photograph and date of birth",
});

/**
 * The photo identification the ammunition-certificate route needs.
 *
 * A driver's license or passport named as such is read as showing the holder's photograph and
 * date of birth: the analysis names both as identification "that contains the person's photograph
 * and date of birth", and an examiner or clerk who says "passport" does not add that it has a
 * photograph. An explicit `false` still counts.
 *
 * QUESTION(legal): "that contains the person's photograph and date of birth" is read as describing
 * every listed document (a driver's license and a passport always carry both), not as a further
 * check on them; only "other-government-id" must be said to carry both.
 */
export function photoIdentification(id: PhotoId | undefined): { ok: boolean | "unknown"; missing: string[] } {
  if (id === undefined) return { ok: "unknown", missing: ["buyer.photoId"] };
  const listed = id.kind === "drivers-license" || id.kind === "passport" ? true : undefined;
  const checks: [boolean | undefined, string][] = [
    [id.presented, "buyer.photoId.presented"],
    [
      id.governmentIssued ??
        (id.kind === "drivers-license" || id.kind === "passport" || id.kind === "other-government-id"
          ? true
          : id.kind === "other"
            ? false
            : undefined),
      "buyer.photoId.governmentIssued",
    ],
    [id.valid, "buyer.photoId.valid"],
    [id.hasPhotograph ?? listed, "buyer.photoId.hasPhotograph"],
    [id.showsDateOfBirth ?? listed, "buyer.photoId.showsDateOfBirth"],
  ];
  if (checks.some(([v]) => v === false)) return { ok: false, missing: [] };
  const missing = checks.filter(([v]) => v === undefined).map(([, p]) => p);
  return missing.length > 0 ? { ok: "unknown", missing } : { ok: true, missing: [] };
}

export type AmmunitionBasis = "gun-credential" | "ammunition-certificate";

const ID = "sales.ammunition.buyer-credential";

export function ammunitionBuyerCredential(
  buyer: { credentials?: readonly Credential[] | undefined; photoId?: PhotoId | undefined } | undefined,
  on: PlainDate,
): { finding: Finding; basis: AmmunitionBasis | null } {
  const rule = inForce(AMMUNITION_CREDENTIALS, on, ID);
  if (rule.value === null)
    return {
      finding: notApplicable(
        ID,
        rule.source,
        `no duty on ${on}: the requirement that an ammunition buyer hold a credential starts on 2013-10-01`,
      ),
      basis: null,
    };
  const gun = holdsCredential(buyer?.credentials, rule.value.gunCredentials, on, "buyer.credentials", {
    mustPresent: true,
  });
  if (gun.holds === true)
    return {
      finding: met(ID, rule.source, `the buyer presented a valid ${gun.credential!.kind}`),
      basis: "gun-credential",
    };
  const cert = holdsCredential(buyer?.credentials, [rule.value.ammunitionCertificate], on, "buyer.credentials", {
    mustPresent: true,
  });
  const photo = cert.holds === false ? { ok: false as const, missing: [] } : photoIdentification(buyer?.photoId);
  if (cert.holds === true && photo.ok === true) {
    return {
      finding: met(
        ID,
        AMMUNITION_CERTIFICATE_ROUTE,
        "the buyer presented a valid ammunition certificate and government photo identification showing the date of birth",
      ),
      basis: "ammunition-certificate",
    };
  }
  const certRoute: boolean | "unknown" = cert.holds === false || photo.ok === false ? false : "unknown";
  if (gun.holds === false && certRoute === false) {
    return {
      finding: notMet(
        ID,
        rule.source,
        `the buyer presented none of: ${labelList(rule.value.gunCredentials)}; nor an ammunition certificate with government photo identification showing the date of birth`,
        "present a credential, or apply to DESPP for an ammunition certificate",
      ),
      basis: null,
    };
  }
  const missing = [...new Set([...gun.missing, ...cert.missing, ...photo.missing])];
  return {
    finding: unknown(ID, rule.source, missing, "cannot tell whether the buyer presented a qualifying credential"),
    basis: null,
  };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const AMMUNITION_BUYER_CREDENTIAL_RULE = defineRule({
  id: "sales.ammunition.buyer-credential",
  title: "Ammunition: a credential, or an ammunition certificate with photo ID",
  description:
    "From 1 October 2013, ammunition or a magazine is sold only to a buyer who shows a permit to carry, permit to sell, or long gun or handgun eligibility certificate, or an ammunition certificate with government photo ID showing the date of birth.",
  citations: [AMMUNITION_CREDENTIALS[1]!.source],
  from: "2013-10-01",
});
