/**
 * A credential to buy or receive a long gun, from 1 April 2014.
 *
 * PA 13-3 § 1 (CGS § 29-37a(c)), OLR analysis: "On and after April 1, 2014,
 * the bill requires anyone, except a federal marshal, parole officer, or peace
 * officer, buying or receiving a long gun to have a long gun eligibility
 * certificate, handgun permit, handgun dealer permit, or handgun eligibility
 * certificate."
 *
 * "Handgun permit" is the permit to carry (CGS § 29-28(b)); "handgun dealer
 * permit" the permit to sell at retail (§ 29-28(a)). An ammunition certificate
 * does not qualify. The requirement binds every buyer, in retail and private
 * sales alike; it is the buyer who must "have" the credential.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, inForce, met, notApplicable, notMet, pa133, unknown } from "../../core/rules.ts";
import { type Credential, type CredentialKind, holdsCredential, labelList } from "./credentials.ts";
import { LONG_GUN_OFFICER_EXCEPTION, type Officer, officerException } from "./officer-exception.ts";
import { defineRule } from "../../core/questions.ts";

export const LONG_GUN_CREDENTIALS: readonly Dated<readonly CredentialKind[] | null>[] = [
  {
    from: "2013-04-04",
    value: null,
    source: pa133("§ 1", {
      cgs: "CGS § 29-37a(c)",
      text: "On and after April 1, 2014, the bill requires anyone ... buying or receiving a long gun to have [a credential]",
    }),
  },
  {
    from: "2014-04-01",
    value: ["long-gun-eligibility-certificate", "permit-to-carry", "permit-to-sell", "handgun-eligibility-certificate"],
    source: pa133("§ 1", {
      cgs: "CGS § 29-37a(c)",
      text: "On and after April 1, 2014, the bill requires anyone, except a federal marshal, parole officer, or peace officer, buying or receiving a long gun to have a long gun eligibility certificate, handgun permit, handgun dealer permit, or handgun eligibility certificate.",
    }),
  },
];

const ID = "sales.long-gun.buyer-credential";

export function longGunBuyerCredential(
  buyer: { credentials?: readonly Credential[] | undefined; officer?: Officer | undefined } | undefined,
  on: PlainDate,
): Finding {
  const rule = inForce(LONG_GUN_CREDENTIALS, on, ID);
  if (rule.value === null)
    return notApplicable(
      ID,
      rule.source,
      `no duty on ${on}: the requirement that a long gun buyer hold a credential starts on 2014-04-01`,
    );
  const holds = holdsCredential(buyer?.credentials, rule.value, on, "buyer.credentials");
  if (holds.holds === true) return met(ID, rule.source, `the buyer holds a valid ${holds.credential!.kind}`);
  const officer = officerException(buyer?.officer);
  if (officer === true)
    return met(ID, LONG_GUN_OFFICER_EXCEPTION, `the buyer is a ${buyer!.officer}: no credential needed`);
  if (holds.holds === false && officer === false) {
    return notMet(
      ID,
      rule.source,
      `the buyer holds none of: ${labelList(rule.value)}`,
      "apply to DESPP for a long gun eligibility certificate",
    );
  }
  const missing = [...holds.missing, ...(officer === "unknown" ? ["buyer.officer"] : [])];
  return unknown(
    ID,
    rule.source,
    missing,
    "cannot tell whether the buyer holds a valid credential or is a federal marshal, parole officer or peace officer",
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const LONG_GUN_BUYER_CREDENTIAL_RULE = defineRule({
  id: "sales.long-gun.buyer-credential",
  title: "Long guns: the buyer needs a certificate or permit",
  description:
    "From 1 April 2014, anyone buying or receiving a long gun must hold a long gun eligibility certificate, a permit to carry, a permit to sell or a handgun eligibility certificate, unless a federal marshal, parole officer or peace officer.",
  citations: [LONG_GUN_CREDENTIALS[1]!.source, LONG_GUN_OFFICER_EXCEPTION],
  from: "2014-04-01",
});
