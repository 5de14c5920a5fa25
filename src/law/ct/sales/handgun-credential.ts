/**
 * A permit or eligibility certificate to buy or receive a pistol or revolver.
 *
 * Existing CGS § 29-36j, as the OLR analysis of PA 13-3 refers to it (§ 1 lists
 * the same credentials for long guns; §§ 2-7: "existing law sets a minimum age
 * of 21 for a handgun eligibility certificate"): a buyer must hold a valid
 * permit to carry, permit to sell at retail or handgun eligibility
 * certificate, or be a federal marshal, parole officer or peace officer. A long
 * gun eligibility certificate or an ammunition certificate does not qualify.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, cite, inForce, met, notMet, unknown } from "../../core/rules.ts";
import { type Credential, type CredentialKind, holdsCredential, labelList } from "./credentials.ts";
import { HANDGUN_OFFICER_EXCEPTION, type Officer, officerException } from "./officer-exception.ts";
import { defineRule } from "../../core/questions.ts";

export const HANDGUN_CREDENTIALS: readonly Dated<readonly CredentialKind[]>[] = [
  {
    from: "2013-04-04",
    value: ["permit-to-carry", "permit-to-sell", "handgun-eligibility-certificate"],
    source: cite("CGS", "§ 29-36j", {
      cgs: "CGS § 29-36j",
      text: "no person may purchase or receive any pistol or revolver unless such person holds a valid permit to carry a pistol or revolver, a valid permit to sell at retail a pistol or revolver or a valid eligibility certificate for a pistol or revolver, or is a federal marshal, parole officer or peace officer",
    }),
  },
];

const ID = "sales.handgun.buyer-credential";

export function handgunBuyerCredential(
  buyer: { credentials?: readonly Credential[] | undefined; officer?: Officer | undefined } | undefined,
  on: PlainDate,
): Finding {
  const rule = inForce(HANDGUN_CREDENTIALS, on, ID);
  const holds = holdsCredential(buyer?.credentials, rule.value, on, "buyer.credentials");
  if (holds.holds === true) return met(ID, rule.source, `the buyer holds a valid ${holds.credential!.kind}`);
  const officer = officerException(buyer?.officer);
  if (officer === true)
    return met(ID, HANDGUN_OFFICER_EXCEPTION, `the buyer is a ${buyer!.officer}: no permit or certificate needed`);
  if (holds.holds === false && officer === false) {
    return notMet(
      ID,
      rule.source,
      `the buyer holds none of: ${labelList(rule.value)}`,
      "apply for a handgun eligibility certificate or a permit to carry",
    );
  }
  return unknown(
    ID,
    rule.source,
    [...holds.missing, ...(officer === "unknown" ? ["buyer.officer"] : [])],
    "cannot tell whether the buyer holds a valid permit or certificate",
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const HANDGUN_BUYER_CREDENTIAL_RULE = defineRule({
  id: "sales.handgun.buyer-credential",
  title: "Handguns: the buyer needs a permit or eligibility certificate",
  description:
    "A buyer of a pistol or revolver must hold a permit to carry, a permit to sell or a handgun eligibility certificate, unless a federal marshal, parole officer or peace officer.",
  citations: [HANDGUN_CREDENTIALS[0]!.source, HANDGUN_OFFICER_EXCEPTION],
  from: "2013-04-04",
});
