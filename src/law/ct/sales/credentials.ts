/**
 * Gun credentials as a seller or a court sees them: the kind, what the
 * state's verification database says of it, and whether it was shown.
 *
 * Validity is three-valued: a credential whose status the database has not
 * reported is "unknown", never "invalid".
 */
import { z } from "zod";
import { PlainDateSchema } from "../../core/schema.ts";
import type { PlainDate } from "../../core/dates.ts";
import type { Tri } from "../criminal-possession/events.ts";

export const CREDENTIAL_KINDS = [
  "long-gun-eligibility-certificate",
  "permit-to-carry",
  "permit-to-sell",
  "handgun-eligibility-certificate",
  "ammunition-certificate",
] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

export const CREDENTIAL_LABELS: Record<CredentialKind, string> = {
  "long-gun-eligibility-certificate": "long gun eligibility certificate (CGS § 29-37p)",
  "permit-to-carry": "permit to carry a pistol or revolver (CGS § 29-28(b))",
  "permit-to-sell": "permit to sell at retail a pistol or revolver (CGS § 29-28(a))",
  "handgun-eligibility-certificate": "eligibility certificate for a pistol or revolver (CGS § 29-36f)",
  "ammunition-certificate": "ammunition certificate (PA 13-3 §§ 14-17)",
};

export const Credential = z.object({
  kind: z.enum(CREDENTIAL_KINDS),
  number: z.string().optional(),
  /** Status in the state's verification database (CGS § 29-36l). */
  status: z.enum(["valid", "revoked", "suspended", "expired"]).optional(),
  issuedOn: PlainDateSchema.optional().describe("date issued or last renewed"),
  /** Last day of validity (inclusive). */
  expiresOn: PlainDateSchema.optional(),
  /** Whether the holder presented it to the seller for this transaction. */
  presented: z.boolean().optional(),
});
export type Credential = z.infer<typeof Credential>;

/**
 * The first day a credential of each kind could exist: the long gun
 * eligibility certificate (PA 13-3 §§ 2-7) and the ammunition certificate
 * (§§ 14-17) are created with effect from 1 July 2013.
 */
export const FIRST_ISSUE: Partial<Record<CredentialKind, string>> = {
  "long-gun-eligibility-certificate": "2013-07-01",
  "ammunition-certificate": "2013-07-01",
};

/** Whether the credential is valid on `on`: status valid, issued by then, not past its last day. */
export function validOn(c: Credential, on: PlainDate): Tri {
  const first = FIRST_ISSUE[c.kind];
  if (first !== undefined && on < first) return false;
  if (c.issuedOn !== undefined && c.issuedOn > on) return false;
  if (c.expiresOn !== undefined && c.expiresOn < on) return false;
  if (c.status === undefined) return "unknown";
  return c.status === "valid";
}

export interface HoldsResult {
  /** true: holds a valid one; false: holds none; unknown: cannot tell. */
  holds: Tri;
  /** The credential relied on when holds is true. */
  credential?: Credential;
  /** Fact paths that would settle an unknown. */
  missing: string[];
}

/**
 * Whether the person holds a valid credential of one of `accepted` kinds on `on`,
 * optionally also presented to the seller. `path` prefixes the missing paths.
 */
export function holdsCredential(
  credentials: readonly Credential[] | undefined,
  accepted: readonly CredentialKind[],
  on: PlainDate,
  path: string,
  opts: { mustPresent?: boolean } = {},
): HoldsResult {
  if (credentials === undefined) return { holds: "unknown", missing: [path] };
  const missing: string[] = [];
  let anyUnknown = false;
  for (const [i, c] of credentials.entries()) {
    if (!accepted.includes(c.kind)) continue;
    const v = validOn(c, on);
    const shown: Tri = opts.mustPresent ? (c.presented === undefined ? "unknown" : c.presented) : true;
    if (v === true && shown === true) return { holds: true, credential: c, missing: [] };
    if (v === false || shown === false) continue;
    anyUnknown = true;
    if (v === "unknown") missing.push(`${path}[${i}].status`);
    if (shown === "unknown") missing.push(`${path}[${i}].presented`);
  }
  return anyUnknown ? { holds: "unknown", missing } : { holds: false, missing: [] };
}

export function labelList(kinds: readonly CredentialKind[]): string {
  return kinds.map((k) => CREDENTIAL_LABELS[k]).join(", ");
}
