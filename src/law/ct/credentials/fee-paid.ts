/**
 * The application fee has been paid (amounts in fees.ts).
 *
 * OLR analysis of PA 13-3, §§ 2-7 and §§ 14-17: "the fee for an initial or renewal certificate
 * is $35"; permits and handgun eligibility certificates: existing law (CGS §§ 29-30, 29-36g).
 * A credential whose fee has not been paid is not issued; "not-met" here means only that.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Finding, met, notMet, unknown } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import { applicationFee, APPLICATION_FEES } from "./fees.ts";
import { catalogueEntry, allVersions } from "../../core/questions.ts";

export const FEE_PAID_ID = "credentials.fee-paid";

const dollars = (cents: number): string => `$${(cents / 100).toFixed(2)}`;

/** The fee for the credential has been paid. Throws NotInForce before 2013-07-01. */
export function feePaid(facts: CredentialFacts, on: PlainDate): Finding {
  const fee = applicationFee(facts.credential, on);
  const paid = facts.feePaid;
  if (paid === undefined) return unknown(FEE_PAID_ID, fee.source, ["feePaid"]);
  return paid
    ? met(FEE_PAID_ID, fee.source, `fee paid (${dollars(fee.amountCents)}: ${fee.note})`)
    : notMet(
        FEE_PAID_ID,
        fee.source,
        `fee not paid (${dollars(fee.amountCents)}: ${fee.note})`,
        fee.amountCents > 0 ? `pay the fee of ${dollars(fee.amountCents)}` : `pay the fee: ${fee.note}`,
      );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const FEE_PAID_RULE = catalogueEntry(
  FEE_PAID_ID,
  "Fee paid",
  "The application fee must be paid.",
  allVersions(APPLICATION_FEES),
);
