/**
 * Question "auction-contraband-long-gun": may a rifle or shotgun that a court
 * adjudged contraband be sold at the state's public auction to this buyer?
 *
 * PA 13-3 § 9, effective 1 July 2013. OLR analysis: "By law, the state may
 * sell at public auction guns the court determines to be contraband. Existing
 * law provides that rifles and shotguns may only be sold at such auctions to
 * people qualified under federal law to purchase them. The bill also requires
 * the purchaser to have a long gun eligibility certificate."
 *
 * QUESTION(legal): the text names only the long gun eligibility certificate;
 * unlike § 1, it does not accept a permit to carry, a permit to sell or a
 * handgun eligibility certificate. We follow the text: only a valid long gun
 * eligibility certificate qualifies.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, type Question, defineQuestion, defineRule } from "../../core/questions.ts";
import {
  type Dated,
  type Finding,
  allOf,
  inForce,
  met,
  notApplicable,
  notMet,
  pa133,
  unknown,
} from "../../core/rules.ts";
import { Credential, holdsCredential } from "./credentials.ts";

export const AuctionFacts = z.object({
  buyer: z
    .object({
      qualifiedUnderFederalLaw: z
        .boolean()
        .optional()
        .describe("qualified under federal law to purchase a rifle or shotgun"),
      credentials: z.array(Credential).optional(),
    })
    .optional(),
});
export type AuctionFacts = z.infer<typeof AuctionFacts>;

export interface AuctionResult {
  permitted: boolean | null;
}

export const FEDERAL_QUALIFICATION: readonly Dated<true>[] = [
  {
    from: "2013-04-04",
    value: true,
    source: pa133("§ 9", {
      text: "By law, the state may sell at public auction guns the court determines to be contraband. Existing law provides that rifles and shotguns may only be sold at such auctions to people qualified under federal law to purchase them.",
    }),
  },
];

export const AUCTION_CERTIFICATE: readonly Dated<boolean>[] = [
  {
    from: "2013-04-04",
    value: false,
    source: pa133("§ 9", {
      text: "The bill also requires the purchaser to have a long gun eligibility certificate. EFFECTIVE DATE: July 1, 2013",
    }),
  },
  {
    from: "2013-07-01",
    value: true,
    source: pa133("§ 9", { text: "The bill also requires the purchaser to have a long gun eligibility certificate." }),
  },
];

export function decideAuctionContrabandLongGun(facts: AuctionFacts, on: PlainDate): Answer<AuctionResult> {
  const fed = inForce(FEDERAL_QUALIFICATION, on, "auction-contraband-long-gun");
  const cert = inForce(AUCTION_CERTIFICATE, on, "auction-contraband-long-gun");
  const findings: Finding[] = [];
  const q = facts.buyer?.qualifiedUnderFederalLaw;
  const fid = "sales.auction.federal-qualification";
  findings.push(
    q === undefined
      ? unknown(fid, fed.source, ["buyer.qualifiedUnderFederalLaw"])
      : q
        ? met(fid, fed.source, "the buyer is qualified under federal law to purchase a rifle or shotgun")
        : notMet(fid, fed.source, "the buyer is not qualified under federal law to purchase a rifle or shotgun"),
  );
  const cid = "sales.auction.long-gun-eligibility-certificate";
  if (!cert.value) {
    findings.push(
      notApplicable(cid, cert.source, "a long gun eligibility certificate is required at auction only from 2013-07-01"),
    );
  } else {
    const h = holdsCredential(facts.buyer?.credentials, ["long-gun-eligibility-certificate"], on, "buyer.credentials");
    findings.push(
      h.holds === true
        ? met(cid, cert.source, "the buyer holds a valid long gun eligibility certificate")
        : h.holds === false
          ? notMet(
              cid,
              cert.source,
              "the buyer holds no valid long gun eligibility certificate",
              "apply to DESPP for a long gun eligibility certificate",
            )
          : unknown(cid, cert.source, h.missing),
    );
  }
  const outcome = allOf(findings);
  return { outcome, findings, result: { permitted: outcome === "yes" ? true : outcome === "no" ? false : null } };
}

export const auctionContrabandLongGunQuestion: Question<AuctionFacts, AuctionResult> = defineQuestion({
  id: "auction-contraband-long-gun",
  title: "May this contraband rifle or shotgun be sold at public auction to this buyer?",
  description:
    "A rifle or shotgun adjudged contraband may be sold at the state's public auction only to a person qualified under federal law to purchase it and, from 1 July 2013 (PA 13-3 § 9), who holds a long gun eligibility certificate.",
  citations: [FEDERAL_QUALIFICATION[0]!.source, AUCTION_CERTIFICATE[1]!.source],
  modelledFrom: "2013-04-04",
  facts: AuctionFacts,
  result: {
    permitted:
      "true when the sale may take place, false when a requirement is not met, null when facts are missing (needs review)",
  },
  example: {
    buyer: {
      qualifiedUnderFederalLaw: true,
      credentials: [{ kind: "long-gun-eligibility-certificate", status: "valid" }],
    },
  },
  decide: decideAuctionContrabandLongGun,
});

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const AUCTION_FEDERAL_QUALIFICATION_RULE = defineRule({
  id: "sales.auction.federal-qualification",
  title: "Contraband long gun auction: buyer qualified under federal law",
  description:
    "A rifle or shotgun adjudged contraband may be auctioned only to a person qualified under federal law to buy it.",
  citations: [FEDERAL_QUALIFICATION[0]!.source],
  from: "2013-04-04",
});

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const AUCTION_LONG_GUN_ELIGIBILITY_CERTIFICATE_RULE = defineRule({
  id: "sales.auction.long-gun-eligibility-certificate",
  title: "Contraband long gun auction: buyer holds a long gun eligibility certificate",
  description:
    "From 1 July 2013, the auction buyer of a contraband rifle or shotgun must also hold a long gun eligibility certificate.",
  citations: [AUCTION_CERTIFICATE[1]!.source],
  from: "2013-07-01",
});
