/**
 * Question "long-gun-sale": may this long gun be sold or transferred to this
 * buyer on this date? PA 13-3 § 1 (CGS § 29-37a), modelled from the Act's
 * passage (4 April 2013).
 *
 * Requirements in statute order: the licensee exemption; the minimum ages
 * (retail); the buyer's credential (from 1 April 2014); the waiting period
 * (retail, before 1 April 2014); DESPP's authorization (retail); the private
 * sale routes; the buyer may lawfully possess a firearm. "A long gun" is a
 * firearm other than a pistol or revolver.
 *
 * QUESTION(legal): a private person selling to a federal licensee, and
 * licensee pairs the exemption does not list (manufacturer to manufacturer,
 * importer to importer, manufacturer to importer), are neither retail nor
 * private sales under the analysis's description; we apply only the
 * credential requirement (the buyer "purchasing or receiving") to them.
 *
 * QUESTION(legal): the transferor's knowledge that the gun is stolen or its
 * number altered raises the class of a § 1 violation to a class B felony but
 * is not itself a § 1 requirement; an otherwise compliant sale is reported
 * permitted under § 1 (other crimes, such as receiving stolen property, are
 * outside this question).
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, type Question, defineQuestion } from "../../core/questions.ts";
import { type Finding, allOf, inForce, notMet, pa133, unknown } from "../../core/rules.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import { PersonEvents } from "../criminal-possession/events.ts";
import { buyerMayPossess } from "./buyer-may-possess.ts";
import { Credential } from "./credentials.ts";
import { Authorization, LONG_GUN_AUTHORIZATION, longGunAuthorization } from "./despp-authorization.ts";
import {
  FederalLicence,
  LONG_GUN_LICENSEE_EXEMPTION,
  buyerLicenceOn,
  isExemptLicenseePair,
  licenseeExemption,
  settleExemption,
} from "./licensee-exemption.ts";
import { LONG_GUN_CREDENTIALS, longGunBuyerCredential } from "./long-gun-credential.ts";
import { DutyPurchase, MINIMUM_AGES, longGunMinimumAge } from "./long-gun-minimum-age.ts";
import { type SalePenalty, LONG_GUN_PENALTY_VERSIONS, longGunSalePenalty } from "./long-gun-penalty.ts";
import {
  NicsCheck,
  PRIVATE_ROUTES,
  PRIVATE_TRANSFER_RULE,
  dealerFeeCheck,
  longGunPrivateTransfer,
} from "./long-gun-private-transfer.ts";
import { type RecordRoute, requiredRecordFields } from "./long-gun-transfer-record.ts";
import { WAITING_PERIOD, longGunWaitingPeriod } from "./long-gun-waiting-period.ts";
import { Officer } from "./officer-exception.ts";

export const LongGunSaleFacts = z
  .object({
    seller: z
      .object({
        federalLicence: FederalLicence.optional(),
        knowsStolen: z.boolean().optional().describe("the transferor knows the long gun is stolen (penalty only)"),
        knowsIdentificationAltered: z
          .boolean()
          .optional()
          .describe(
            "the transferor knows its manufacturer's or serial number was altered, removed or obliterated (penalty only)",
          ),
      })
      .optional(),
    buyer: z
      .object({
        federalLicence: FederalLicence.optional(),
        birthDate: PlainDateSchema.optional(),
        credentials: z.array(Credential).optional().describe("the buyer's gun credentials; [] when none"),
        officer: Officer.optional(),
        dutyPurchase: DutyPurchase.optional(),
        huntingLicence: z
          .boolean()
          .optional()
          .describe("holds a valid Connecticut hunting licence (waiting period exception)"),
        armedForcesMember: z
          .boolean()
          .optional()
          .describe("active or reserve member of the US armed forces (waiting period exception)"),
        events: PersonEvents.optional().describe("the buyer's records; [] when none found"),
      })
      .optional(),
    firearm: z
      .object({
        semiautomaticCenterfireRifle: z.boolean().optional(),
        acceptsMagazineOverFiveRounds: z
          .boolean()
          .optional()
          .describe("has or accepts a magazine with a capacity exceeding five rounds"),
        antique: z.boolean().optional().describe("an antique firearm (waiting period exception)"),
      })
      .optional(),
    transfer: z
      .object({
        privateRoute: z
          .enum([...PRIVATE_ROUTES, "none"])
          .optional()
          .describe(
            'for a sale between two private persons: DESPP authorization, a consenting dealer\'s NICS check, or "none" when neither was used',
          ),
        waitingPeriodExceptions: z
          .literal("none")
          .optional()
          .describe(
            '"none": none of the existing-law waiting period exceptions applies (the buyer is not a federal marshal, parole officer or peace officer, holds no hunting licence, is not in the armed forces, and the gun is not an antique). Settles those facts when they are not given; giving one of them as true as well is refused.',
          ),
        applicationDate: PlainDateSchema.optional().describe("date of the application to purchase (waiting period)"),
        authorization: Authorization.optional(),
        nics: NicsCheck.optional(),
        loaded: z.boolean().optional().describe("the long gun is loaded at delivery"),
      })
      .optional(),
  })
  .superRefine((f, ctx) => {
    // "none of these" cannot be combined with one of them given as true.
    if (f.transfer?.waitingPeriodExceptions !== "none") return;
    const contradicting: [boolean, (string | number)[]][] = [
      [f.buyer?.officer !== undefined && f.buyer.officer !== "none", ["buyer", "officer"]],
      [f.buyer?.huntingLicence === true, ["buyer", "huntingLicence"]],
      [f.buyer?.armedForcesMember === true, ["buyer", "armedForcesMember"]],
      [f.firearm?.antique === true, ["firearm", "antique"]],
    ];
    for (const [bad, path] of contradicting) {
      if (bad) ctx.addIssue({ code: "custom", path, message: 'contradicts transfer.waitingPeriodExceptions "none"' });
    }
  });
export type LongGunSaleFacts = z.infer<typeof LongGunSaleFacts>;

/** "private-none": a sale between two private persons that used neither DESPP's authorization nor a dealer's NICS check. */
export type LongGunRoute = RecordRoute | "private-none";

export interface LongGunSaleResult {
  permitted: boolean | null;
  route: LongGunRoute | null;
  waitUntil: PlainDate | null;
  requiredRecordFields: string[];
  deliveryConditions: string[];
  dealerFeeCap: number | null;
  dealerFeeWithinCap: boolean | null;
  penalty: SalePenalty;
}

const SECTION_1 = pa133("§ 1", { cgs: "CGS § 29-37a" });

/** Which set of § 1 rules governs the transfer; null when a party's licence (or the private route) is not known. */
export function longGunRoute(facts: LongGunSaleFacts, buyerLicence = facts.buyer?.federalLicence): LongGunRoute | null {
  const s = facts.seller?.federalLicence;
  const b = buyerLicence;
  if (s === undefined || b === undefined) return null;
  if (s !== "none" && b !== "none") return isExemptLicenseePair(s, b) ? "licensee-exempt" : "other-licensees";
  if (s !== "none") return "retail";
  if (b !== "none") return "to-licensee";
  const r = facts.transfer?.privateRoute;
  return r === undefined
    ? null
    : r === "despp"
      ? "private-despp"
      : r === "dealer-nics"
        ? "private-dealer-nics"
        : "private-none";
}

export function decideLongGunSale(facts: LongGunSaleFacts, on: PlainDate): Answer<LongGunSaleResult> {
  inForce(MINIMUM_AGES, on, "long-gun-sale");
  const buyer = facts.buyer;
  const findings: Finding[] = [];
  let waitUntil: PlainDate | null = null;
  const buyerLicence = buyerLicenceOn(buyer?.federalLicence, buyer?.birthDate, on);
  const known = longGunRoute(facts, buyerLicence);
  // A licensee sells to a buyer whose own licence is not given: the retail rules are applied, and a
  // requirement not met stays unknown until the buyer is known not to be an exempt licensee.
  const assumedRetail =
    known === null && buyerLicence === undefined && facts.seller?.federalLicence !== undefined
      ? facts.seller.federalLicence !== "none"
      : false;
  const route: LongGunRoute | null = assumedRetail ? "retail" : known;

  const exemption = licenseeExemption(
    "sales.long-gun.licensee-exemption",
    LONG_GUN_LICENSEE_EXEMPTION,
    facts.seller?.federalLicence,
    buyerLicence,
  );
  if (exemption) findings.push(exemption);

  if (route === null) {
    const s = facts.seller?.federalLicence,
      b = buyerLicence;
    if (s === "none" && b === "none") {
      // Both parties are private persons and the route was not given.
      findings.push(...longGunPrivateTransfer({ privateRoute: undefined }, on));
    } else if (!exemption) {
      const missing = [
        ...(s === undefined ? ["seller.federalLicence"] : []),
        ...(b === undefined ? ["buyer.federalLicence"] : []),
      ];
      findings.push(
        unknown("sales.long-gun.route", SECTION_1, missing, "cannot tell whether this is a retail or a private sale"),
      );
    }
  } else if (route !== "licensee-exempt") {
    const retail = route === "retail";
    const privateSale = route === "private-despp" || route === "private-dealer-nics" || route === "private-none";
    findings.push(
      longGunMinimumAge(
        {
          birthDate: buyer?.birthDate,
          semiautomaticCenterfireRifle: facts.firearm?.semiautomaticCenterfireRifle,
          acceptsMagazineOverFiveRounds: facts.firearm?.acceptsMagazineOverFiveRounds,
          dutyPurchase: buyer?.dutyPurchase,
        },
        retail,
        on,
      ),
    );
    findings.push(longGunBuyerCredential(buyer, on));
    if (retail) {
      const w = longGunWaitingPeriod(
        {
          applicationDate: facts.transfer?.applicationDate,
          credentials: buyer?.credentials,
          officer: buyer?.officer,
          huntingLicence: buyer?.huntingLicence,
          armedForcesMember: buyer?.armedForcesMember,
          antique: facts.firearm?.antique,
          noExistingLawException: facts.transfer?.waitingPeriodExceptions === "none",
        },
        true,
        on,
      );
      findings.push(w.finding);
      waitUntil = w.waitUntil;
      findings.push(longGunAuthorization(facts.transfer?.authorization, on));
    }
    if (privateSale) {
      findings.push(
        ...longGunPrivateTransfer(
          {
            privateRoute: facts.transfer?.privateRoute,
            authorization: facts.transfer?.authorization,
            nics: facts.transfer?.nics,
            credentials: buyer?.credentials,
          },
          on,
        ),
      );
    }
    if (retail || privateSale) {
      findings.push(buyerMayPossess("sales.long-gun.buyer-may-possess", SECTION_1, "firearm", buyer, on));
      if (facts.transfer?.loaded === true && route !== "private-dealer-nics") {
        findings.push(
          notMet(
            "sales.long-gun.unloaded",
            SECTION_1,
            "the long gun may not be loaded when transferred",
            "unload it before delivery",
          ),
        );
      }
    }
  }

  if (assumedRetail) {
    for (const [i, f] of findings.entries()) {
      if (f.status === "not-met")
        findings[i] = {
          ...f,
          status: "unknown",
          because: `${f.because} (applies unless the buyer is an exempt federal licensee)`,
          missing: ["buyer.federalLicence"],
        };
    }
  }
  const settled = settleExemption(exemption, findings);
  const outcome = allOf(settled);
  const fee =
    route === "private-dealer-nics"
      ? dealerFeeCheck(facts.transfer?.nics?.feeCharged, on)
      : { cap: null, withinCap: null };
  return {
    outcome,
    findings: settled,
    result: {
      permitted: outcome === "yes" ? true : outcome === "no" ? false : null,
      route: known,
      waitUntil,
      requiredRecordFields:
        route === null || route === "private-none" || (route === "private-dealer-nics" && on < "2014-01-01")
          ? []
          : requiredRecordFields(route, on),
      deliveryConditions:
        route === "retail" || route === "private-despp" ? ["the long gun is not loaded when transferred"] : [],
      dealerFeeCap: fee.cap,
      dealerFeeWithinCap: fee.withinCap,
      penalty: longGunSalePenalty(facts.seller, on),
    },
  };
}

export const longGunSaleQuestion: Question<LongGunSaleFacts, LongGunSaleResult> = defineQuestion({
  id: "long-gun-sale",
  title: "May this long gun be sold or transferred to this buyer?",
  description:
    "Applies PA 13-3 § 1 (CGS § 29-37a) to a rifle or shotgun sale on a date: the retail minimum ages (18, or 21 for a semi-automatic centerfire rifle taking more than five rounds, except for duty use), the buyer's credential from 1 April 2014, the two-week waiting period before then, DESPP's authorization, private sales only through DESPP or (from 1 January 2014) a consenting dealer's NICS check, and whether the buyer may lawfully possess a firearm. Transfers between federal licensees (manufacturer or importer and dealer, or two dealers) are exempt.",
  citations: [
    LONG_GUN_LICENSEE_EXEMPTION,
    MINIMUM_AGES[0]!.source,
    LONG_GUN_CREDENTIALS[1]!.source,
    WAITING_PERIOD[0]!.source,
    LONG_GUN_AUTHORIZATION[1]!.source,
    PRIVATE_TRANSFER_RULE[0]!.source,
    PRIVATE_TRANSFER_RULE[1]!.source,
    LONG_GUN_PENALTY_VERSIONS[0]!.source,
  ],
  modelledFrom: "2013-04-04",
  facts: LongGunSaleFacts,
  result: {
    permitted:
      "true when the transfer may take place on the date, false when a requirement is not met, null when facts are missing (needs review)",
    route:
      "retail, private-despp, private-dealer-nics, private-none (two private persons, neither route used: not permitted), licensee-exempt, to-licensee (a private person selling to a licensee), other-licensees, or null when not known",
    waitUntil:
      "first day of delivery under the two-week waiting period (retail sales before 2014-04-01), or null when none applies",
    requiredRecordFields: "fields the receipt or DESPP transfer form must contain, as dotted paths",
    deliveryConditions: "conditions on the act of delivery (e.g. not loaded)",
    dealerFeeCap: "the most a consenting dealer may charge for the NICS check (dealer NICS route), or null",
    dealerFeeWithinCap:
      "whether the fee charged is within the cap; null when no fee was reported or the cap does not apply",
    penalty:
      "the class of felony for a violation, the class B felony for knowingly stolen or altered-number guns, which applies given the transferor's knowledge (null if not known), and other consequences",
  },
  example: {
    seller: { federalLicence: "dealer" },
    buyer: {
      federalLicence: "none",
      birthDate: "1990-05-01" as PlainDate,
      credentials: [
        { kind: "long-gun-eligibility-certificate", status: "valid", expiresOn: "2019-03-31" as PlainDate },
      ],
      events: [],
    },
    firearm: { semiautomaticCenterfireRifle: false },
    transfer: { authorization: { status: "approved", number: "LG-123", issuedOn: "2014-06-02" as PlainDate } },
  },
  decide: decideLongGunSale,
});
