/**
 * Private long gun sales: only through DESPP's authorization or, from
 * 1 January 2014, a consenting dealer's NICS check.
 *
 * PA 13-3 § 1 (CGS § 29-37a), effective on passage, OLR analysis: "The bill
 * prohibits the sale or transfer of long guns by someone who is not a
 * federally licensed gun dealer, manufacturer, or importer to someone who is
 * not such a licensee, unless the transaction has been authorized by DESPP or
 * specified background check requirements have been met":
 *
 * "1. The prospective transferor and transferee must comply with the
 * documentation and authorization requirements that apply to retail sales of
 * long guns ..." and
 * "2. A federally licensed firearm dealer, upon the request of the prospective
 * transferor or transferee, must consent to initiate a national instant
 * criminal background check system (NICS) check ..., and the background check
 * must show that the transferee is eligible to receive the gun. It appears
 * that option (2) is available only on and after January 1, 2014."
 * "The prospective transferee must present to the dealer his or her gun
 * credential (gun eligibility certificate, handgun permit, handgun sale
 * permit, or handgun eligibility certificate). The dealer can charge up to $20
 * for initiating the background check." "The sale or transfer cannot take
 * place if the response indicates the prospective transferee is ineligible to
 * receive the gun."
 *
 * QUESTION(legal): the text requires the check to "show that the transferee
 * is eligible"; a "delayed" NICS response shows nothing, so we do not apply
 * the federal three-business-day default proceed to this route (that rule
 * governs licensees' own transfers). A delayed check is "not yet permitted".
 *
 * QUESTION(legal): the two-week waiting period is described as applying to
 * "long gun purchases from gun dealers"; we do not apply it to option 1 (the
 * analysis lists only documentation and authorization requirements).
 *
 * The $20 fee cap binds the dealer, not the parties: an overcharge does not
 * make the transfer unlawful, so it is reported in the result
 * (`dealerFeeWithinCap`), not as a requirement of the sale.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import { type Citation, type Dated, type Finding, inForce, met, notMet, pa133, unknown } from "../../core/rules.ts";
import { type Credential, type CredentialKind, holdsCredential, labelList } from "./credentials.ts";
import { type Authorization, longGunAuthorization } from "./despp-authorization.ts";
import { defineRule } from "../../core/questions.ts";

export const PRIVATE_ROUTES = ["despp", "dealer-nics"] as const;
export type PrivateRoute = (typeof PRIVATE_ROUTES)[number];

export const NicsCheck = z.object({
  dealerConsented: z.boolean().optional().describe("a federally licensed dealer consented to initiate the NICS check"),
  initiatedOn: PlainDateSchema.optional(),
  response: z.enum(["proceed", "delayed", "denied"]).optional().describe("the NICS operations center's response"),
  transactionNumber: z.string().optional(),
  feeCharged: z.number().nonnegative().optional().describe("dollars the dealer charged for initiating the check"),
});
export type NicsCheck = z.infer<typeof NicsCheck>;

export const PRIVATE_TRANSFER_RULE: readonly Dated<readonly PrivateRoute[]>[] = [
  {
    from: "2013-04-04",
    value: ["despp"],
    source: pa133("§ 1", {
      cgs: "CGS § 29-37a",
      text: "The bill prohibits the sale or transfer of long guns by someone who is not a federally licensed gun dealer, manufacturer, or importer to someone who is not such a licensee, unless the transaction has been authorized by DESPP or specified background check requirements have been met.",
    }),
  },
  {
    from: "2014-01-01",
    value: ["despp", "dealer-nics"],
    source: pa133("§ 1", {
      cgs: "CGS § 29-37a",
      text: "A federally licensed firearm dealer, upon the request of the prospective transferor or transferee, must consent to initiate a national instant criminal background check system (NICS) check ..., and the background check must show that the transferee is eligible to receive the gun. It appears that option (2) is available only on and after January 1, 2014.",
    }),
  },
];

export const DEALER_NICS_FEE_CAP: readonly Dated<number>[] = [
  {
    from: "2014-01-01",
    value: 20,
    source: pa133("§ 1", {
      cgs: "CGS § 29-37a",
      text: "The dealer can charge up to $20 for initiating the background check.",
    }),
  },
];

export const NICS_ROUTE_CREDENTIALS: readonly CredentialKind[] = [
  "long-gun-eligibility-certificate",
  "permit-to-carry",
  "permit-to-sell",
  "handgun-eligibility-certificate",
];

const DESPP_OPTION: Citation = pa133("§ 1", {
  cgs: "CGS § 29-37a",
  text: "1. The prospective transferor and transferee must comply with the documentation and authorization requirements that apply to retail sales of long guns (e.g., (a) the seller must document the transaction with DESPP, maintain copies of the record, and obtain an authorization number from DESPP; (b) the buyer must undergo a national instant criminal background check; (c) the gun cannot be loaded when transferred; and (d) DESPP must authorize or deny the sale or transfer).",
});

const ID = "sales.long-gun.private-transfer";

export interface PrivateTransferFacts {
  /** "none": neither DESPP's authorization nor a dealer's NICS check was used. */
  privateRoute?: PrivateRoute | "none" | undefined;
  authorization?: Authorization | undefined;
  nics?: NicsCheck | undefined;
  credentials?: readonly Credential[] | undefined;
}

/** The findings of the private-sale route chosen (statute order). */
export function longGunPrivateTransfer(f: PrivateTransferFacts, on: PlainDate): Finding[] {
  const rule = inForce(PRIVATE_TRANSFER_RULE, on, ID);
  if (f.privateRoute === undefined) {
    return [
      unknown(
        ID,
        rule.source,
        ["transfer.privateRoute"],
        `a private sale must go through ${rule.value.length > 1 ? "DESPP's authorization or a consenting dealer's NICS check" : "DESPP's authorization"}; which is not known`,
      ),
    ];
  }
  if (f.privateRoute === "none") {
    return [
      notMet(
        ID,
        rule.source,
        `a sale between two private persons must be authorized by DESPP${rule.value.length > 1 ? " or go through a consenting dealer's NICS check" : ""}; neither was used`,
        rule.value.length > 1
          ? "have DESPP authorize the transfer, or ask a federally licensed dealer to run the NICS check"
          : "have DESPP authorize the transfer",
      ),
    ];
  }
  if (!rule.value.includes(f.privateRoute)) {
    return [
      notMet(
        ID,
        rule.source,
        "the dealer NICS route is available only from 2014-01-01",
        "obtain DESPP's authorization instead",
      ),
    ];
  }
  if (f.privateRoute === "despp") {
    return [
      met(ID, DESPP_OPTION, "private sale through DESPP's documentation and authorization"),
      longGunAuthorization(f.authorization, on, DESPP_OPTION),
    ];
  }
  return dealerNicsCheck(f, on, rule.source);
}

function dealerNicsCheck(f: PrivateTransferFacts, on: PlainDate, source: Citation): Finding[] {
  const out: Finding[] = [];
  // A consenting dealer.
  const consent = f.nics?.dealerConsented;
  out.push(
    consent === undefined
      ? unknown(`${ID}.dealer-consent`, source, ["transfer.nics.dealerConsented"])
      : consent
        ? met(`${ID}.dealer-consent`, source, "a federally licensed dealer consented to initiate the NICS check")
        : notMet(
            `${ID}.dealer-consent`,
            source,
            "no dealer consented to initiate the NICS check",
            "ask another dealer or use DESPP's authorization",
          ),
  );
  // The transferee presents a credential to the dealer.
  const cred = holdsCredential(f.credentials, NICS_ROUTE_CREDENTIALS, on, "buyer.credentials", { mustPresent: true });
  const credSource = pa133("§ 1", {
    cgs: "CGS § 29-37a",
    text: "The prospective transferee must present to the dealer his or her gun credential (gun eligibility certificate, handgun permit, handgun sale permit, or handgun eligibility certificate).",
  });
  out.push(
    cred.holds === true
      ? met(`${ID}.credential-presented`, credSource, `the transferee presented a valid ${cred.credential!.kind}`)
      : cred.holds === false
        ? notMet(
            `${ID}.credential-presented`,
            credSource,
            `the transferee presented none of: ${labelList(NICS_ROUTE_CREDENTIALS)}`,
          )
        : unknown(`${ID}.credential-presented`, credSource, cred.missing),
  );
  // The check shows the transferee eligible.
  const r = f.nics?.response;
  const respSource = pa133("§ 1", {
    cgs: "CGS § 29-37a",
    text: "the background check must show that the transferee is eligible to receive the gun ... The sale or transfer cannot take place if the response indicates the prospective transferee is ineligible to receive the gun.",
  });
  out.push(
    r === undefined
      ? unknown(`${ID}.nics-response`, respSource, ["transfer.nics.response"])
      : r === "proceed"
        ? met(
            `${ID}.nics-response`,
            respSource,
            `NICS shows the transferee eligible${f.nics?.transactionNumber ? ` (transaction ${f.nics.transactionNumber})` : ""}`,
          )
        : r === "denied"
          ? notMet(
              `${ID}.nics-response`,
              respSource,
              "NICS indicates the transferee is ineligible",
              "the transferee may challenge the NICS record",
            )
          : notMet(
              `${ID}.nics-response`,
              respSource,
              "NICS has delayed its answer; the check does not yet show the transferee eligible",
              "transfer once NICS answers proceed",
            ),
  );
  return out;
}

/** The dealer's fee cap on `on` (null before 2014-01-01) and whether the fee charged is within it. */
export function dealerFeeCheck(
  feeCharged: number | undefined,
  on: PlainDate,
): { cap: number | null; withinCap: boolean | null } {
  if (on < DEALER_NICS_FEE_CAP[0]!.from) return { cap: null, withinCap: null };
  const cap = inForce(DEALER_NICS_FEE_CAP, on, "sales.long-gun.dealer-fee").value;
  return { cap, withinCap: feeCharged === undefined ? null : feeCharged <= cap };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const LONG_GUN_PRIVATE_TRANSFER_RULE = defineRule({
  id: "sales.long-gun.private-transfer",
  title: "Long guns: private sales only through DESPP or a dealer's NICS check",
  description:
    "A private person may sell a long gun to another private person only with DESPP's authorization or, from 1 January 2014, after a consenting dealer's NICS check shows the buyer eligible; the buyer shows the dealer a credential, and the dealer may charge at most $20.",
  citations: [PRIVATE_TRANSFER_RULE[0]!.source, PRIVATE_TRANSFER_RULE[1]!.source, DEALER_NICS_FEE_CAP[0]!.source],
  from: "2013-04-04",
});
