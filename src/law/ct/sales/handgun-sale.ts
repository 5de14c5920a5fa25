/**
 * Question "handgun-sale": may this pistol or revolver be sold or transferred
 * to this person on this date? Existing law (CGS §§ 29-33, 29-34, 29-36j) as
 * PA 13-3 amends it and as far as the OLR analysis describes it, modelled from
 * the Act's passage (4 April 2013).
 *
 * Requirements: age 21 (except a supervised temporary transfer for target or
 * range use); a permit to carry, permit to sell or handgun eligibility
 * certificate (or federal marshal, parole or peace officer); DESPP's
 * authorization; and the transferee may lawfully possess a pistol (transfer
 * "to a prohibited person" is the § 29-33 crime).
 *
 * QUESTION(legal): the analysis does not describe transfers of pistols
 * between federal licensees; they are reported unknown (needs review) rather
 * than guessed.
 * QUESTION(legal): a supervised temporary transfer for target or range use is
 * not a purchase or receipt needing a permit and DESPP authorization (CGS
 * § 29-36j, § 29-33 govern sales and delivery); we apply only the age
 * exception and the possession prohibitors to it.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, type Question, defineQuestion } from "../../core/questions.ts";
import { type Finding, allOf, cite, inForce, notApplicable, unknown } from "../../core/rules.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import { type Penalty } from "../criminal-possession/crime-classes.ts";
import { PersonEvents } from "../criminal-possession/events.ts";
import { knowingClass } from "./long-gun-penalty.ts";
import { buyerMayPossess } from "./buyer-may-possess.ts";
import { Credential } from "./credentials.ts";
import { Authorization, HANDGUN_AUTHORIZATION, handgunAuthorization } from "./despp-authorization.ts";
import { HANDGUN_CREDENTIALS, handgunBuyerCredential } from "./handgun-credential.ts";
import { HANDGUN_MINIMUM_AGE, handgunMinimumAge } from "./handgun-minimum-age.ts";
import { type HandgunPenalties, HANDGUN_PENALTIES, handgunPenalties } from "./handgun-penalty.ts";
import { FederalLicence, buyerLicenceOn } from "./licensee-exemption.ts";
import { Officer } from "./officer-exception.ts";

export const HandgunSaleFacts = z.object({
  seller: z
    .object({
      federalLicence: FederalLicence.optional(),
      knowsStolen: z.boolean().optional(),
      knowsIdentificationAltered: z.boolean().optional(),
    })
    .optional(),
  buyer: z
    .object({
      federalLicence: FederalLicence.optional(),
      birthDate: PlainDateSchema.optional(),
      credentials: z.array(Credential).optional(),
      officer: Officer.optional(),
      events: PersonEvents.optional(),
    })
    .optional(),
  transfer: z
    .object({
      temporaryForTargetShooting: z
        .boolean()
        .optional()
        .describe(
          "true for a temporary transfer only for use in target shooting or on a firing or shooting range; absent or false means a sale or permanent transfer",
        ),
      supervisedByEligiblePerson: z
        .boolean()
        .optional()
        .describe("that use is under the immediate supervision of a person eligible to possess a pistol or revolver"),
      authorization: Authorization.optional(),
    })
    .optional(),
});
export type HandgunSaleFacts = z.infer<typeof HandgunSaleFacts>;

export type HandgunRoute = "retail" | "private" | "temporary-range" | "between-licensees";

export interface HandgunSaleResult {
  permitted: boolean | null;
  route: HandgunRoute | null;
  /** Penalties for the requirements not met. */
  violations: Penalty[];
  penalties: HandgunPenalties;
}

const SECTION_29_33 = cite("CGS", "§ 29-33", {
  cgs: "CGS § 29-33",
  text: "Sell or otherwise transfer handgun to ineligible person, violation of transfer procedures",
});

export function handgunRoute(f: HandgunSaleFacts, buyerLicence = f.buyer?.federalLicence): HandgunRoute | null {
  if (f.transfer?.temporaryForTargetShooting === true) return "temporary-range";
  const s = f.seller?.federalLicence,
    b = buyerLicence;
  if (s === undefined || b === undefined) return null;
  if (s !== "none" && b !== "none") return "between-licensees";
  return s !== "none" ? "retail" : "private";
}

export function decideHandgunSale(facts: HandgunSaleFacts, on: PlainDate): Answer<HandgunSaleResult> {
  inForce(HANDGUN_MINIMUM_AGE, on, "handgun-sale");
  const buyer = facts.buyer;
  const buyerLicence = buyerLicenceOn(buyer?.federalLicence, buyer?.birthDate, on);
  const known = handgunRoute(facts, buyerLicence);
  // A licensee sells to a buyer whose own licence is not given: the retail requirements are applied;
  // one not met stays unknown (a transfer between licensees is not modelled), all met is a yes.
  // QUESTION(legal): a buyer who meets every requirement of a retail sale may receive the pistol
  // whether or not the buyer also holds a federal licence.
  const assumedRetail =
    known === null && buyerLicence === undefined && facts.seller?.federalLicence !== undefined
      ? facts.seller.federalLicence !== "none"
      : false;
  const route: HandgunRoute | null = assumedRetail ? "retail" : known;
  const findings: Finding[] = [];
  if (route === null) {
    const missing = [
      ...(facts.seller?.federalLicence === undefined ? ["seller.federalLicence"] : []),
      ...(buyerLicence === undefined ? ["buyer.federalLicence"] : []),
    ];
    findings.push(
      unknown(
        "sales.handgun.route",
        SECTION_29_33,
        missing,
        "cannot tell whether this is a sale by a licensee or a private transfer",
      ),
    );
  } else if (route === "between-licensees") {
    findings.push(
      unknown(
        "sales.handgun.route",
        SECTION_29_33,
        [],
        "transfers of pistols between federal licensees are not modelled: needs review",
      ),
    );
  } else {
    findings.push(handgunMinimumAge(buyer?.birthDate, facts.transfer, on));
    if (route === "temporary-range") {
      findings.push(
        notApplicable(
          "sales.handgun.buyer-credential",
          HANDGUN_CREDENTIALS[0]!.source,
          "a temporary transfer for target or range use is not a purchase or receipt",
        ),
      );
      findings.push(
        notApplicable(
          "sales.handgun.despp-authorization",
          HANDGUN_AUTHORIZATION[0]!.source,
          "a temporary transfer for target or range use needs no sale authorization",
        ),
      );
    } else {
      findings.push(handgunBuyerCredential(buyer, on));
      findings.push(handgunAuthorization(facts.transfer?.authorization, on));
    }
    findings.push(buyerMayPossess("sales.handgun.buyer-may-possess", SECTION_29_33, "handgun", buyer, on));
  }
  if (assumedRetail) {
    for (const [i, f] of findings.entries()) {
      if (f.status === "not-met")
        findings[i] = {
          ...f,
          status: "unknown",
          because: `${f.because} (applies unless the buyer is a federal licensee; transfers between licensees are not modelled)`,
          missing: ["buyer.federalLicence"],
        };
    }
  }
  const outcome = allOf(findings);
  const table = handgunPenalties(on);
  const knowing = knowingClass(facts.seller?.knowsStolen, facts.seller?.knowsIdentificationAltered);
  const violations: Penalty[] = [];
  for (const f of findings.filter((x) => x.status === "not-met")) {
    const p =
      f.id === "sales.handgun.minimum-age"
        ? table.underAge
        : knowing === true
          ? table.knowingStolenOrAltered
          : table.transferViolation;
    if (!violations.includes(p)) violations.push(p);
  }
  return {
    outcome,
    findings,
    result: {
      permitted: outcome === "yes" ? true : outcome === "no" ? false : null,
      route: known,
      violations,
      penalties: table,
    },
  };
}

export const handgunSaleQuestion: Question<HandgunSaleFacts, HandgunSaleResult> = defineQuestion({
  id: "handgun-sale",
  title: "May this pistol or revolver be sold or transferred to this person?",
  description:
    "Applies existing Connecticut law on pistol and revolver transfers as PA 13-3 amends it: the transferee must be 21 (except a supervised temporary transfer for target or range use), hold a permit to carry, permit to sell or handgun eligibility certificate (or be a federal marshal, parole or peace officer), the transfer needs DESPP's authorization, and the transferee must not be barred from possessing a pistol. Gives the penalties, raised on 1 October 2013 by §§ 47-48.",
  citations: [
    HANDGUN_MINIMUM_AGE[0]!.source,
    HANDGUN_CREDENTIALS[0]!.source,
    HANDGUN_AUTHORIZATION[0]!.source,
    HANDGUN_PENALTIES[1]!.source,
  ],
  modelledFrom: "2013-04-04",
  facts: HandgunSaleFacts,
  result: {
    permitted:
      "true when the transfer may take place on the date, false when a requirement is not met, null when facts are missing or the case is not modelled (needs review)",
    route: "retail (seller is a licensee), private, temporary-range, between-licensees, or null when not known",
    violations:
      "the offense, class and mandatory minimums for each requirement not met (the class B felony when the transferor knew the gun stolen or its mark altered)",
    penalties: "the penalty table in force on the date",
  },
  example: {
    seller: { federalLicence: "dealer" },
    buyer: {
      federalLicence: "none",
      birthDate: "1985-02-10" as PlainDate,
      credentials: [{ kind: "permit-to-carry", status: "valid" }],
      events: [],
    },
    transfer: { authorization: { status: "approved", number: "H-77" } },
  },
  decide: decideHandgunSale,
});
