/**
 * Question "ammunition-sale": may this ammunition or ammunition magazine be
 * sold to this buyer on this date? PA 13-3 §§ 14-17 (CGS § 29-38m), modelled
 * from passage (4 April 2013).
 *
 * OLR analysis: "The bill defines 'ammunition' as a loaded cartridge,
 * consisting of a primed case, propellant, or projectile, designed for use in
 * any firearm. It defines 'magazine' as a firearm magazine, belt, drum, feed
 * strip, or similar device that accepts ammunition." "Anyone who violates
 * these provisions commits a class D felony."
 *
 * Large capacity magazines (more than 10 rounds) are banned from sale by
 * §§ 23-24 except to the buyers they exempt: when the facts say the magazine is
 * one (`largeCapacityMagazine: true`), that ban is applied too (the
 * `restricted-transfer` rule `weapons.lcm-transfer`, with the buyer's `roles`).
 * When the facts do not say, only §§ 14-17 are applied, as before.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, type Question, beforeDutyStarts, defineQuestion, defineRule } from "../../core/questions.ts";
import { type Dated, type Finding, allOf, inForce, notApplicable, pa133, unknown } from "../../core/rules.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import { type Penalty, penalty } from "../criminal-possession/crime-classes.ts";
import { PersonEvents } from "../criminal-possession/events.ts";
import {
  AMMUNITION_CREDENTIALS,
  type AmmunitionBasis,
  PhotoId,
  ammunitionBuyerCredential,
} from "./ammunition-credential.ts";
import { AMMUNITION_MINIMUM_AGE, ammunitionMinimumAge } from "./ammunition-minimum-age.ts";
import { buyerMayPossess } from "./buyer-may-possess.ts";
import { Credential } from "./credentials.ts";
import {
  AMMUNITION_LICENSEE_EXEMPTION,
  FederalLicence,
  buyerLicenceOn,
  licenseeExemption,
  settleExemption,
} from "./licensee-exemption.ts";
import { Role } from "../weapons/possession-facts.ts";
import { restrictedTransferQuestion } from "../weapons/restricted-transfer.ts";

export const AmmunitionSaleFacts = z.object({
  item: z
    .enum(["ammunition", "magazine"])
    .optional()
    .describe("ammunition (a loaded cartridge) or an ammunition magazine"),
  largeCapacityMagazine: z
    .boolean()
    .optional()
    .describe(
      "for a magazine: it can hold, or be readily restored or converted to accept, more than 10 rounds (a large capacity magazine, §§ 23-24; see magazine-classification). Omitted: only §§ 14-17 are applied",
    ),
  seller: z.object({ federalLicence: FederalLicence.optional() }).optional(),
  buyer: z
    .object({
      federalLicence: FederalLicence.optional(),
      birthDate: PlainDateSchema.optional(),
      credentials: z
        .array(Credential)
        .optional()
        .describe("credentials the buyer holds, each with whether it was presented; [] when none"),
      photoId: PhotoId.optional(),
      events: PersonEvents.optional(),
      roles: z
        .array(Role)
        .optional()
        .describe(
          "for a large capacity magazine: the buyer's roles (member or employee of DESPP, a police department, DOC or the armed forces; nuclear plant security; ...), as in possession-permitted; [] for none",
        ),
    })
    .optional(),
});
export type AmmunitionSaleFacts = z.infer<typeof AmmunitionSaleFacts>;

export interface AmmunitionSaleResult {
  permitted: boolean | null;
  route: "licensee-exempt" | "sale" | null;
  basis: AmmunitionBasis | null;
  /** The penalty for a sale in violation; null before 2013-04-04, when the Act's rules did not exist. */
  violation: Penalty | null;
  /** Set when asked before 2013-04-04: the day the Act's ammunition sale rules start. */
  dutyStartsOn: PlainDate | null;
}

/** The Act's restrictions on ammunition sales are effective on passage. */
export const AMMUNITION_RULES_START = "2013-04-04" as PlainDate;

export const AMMUNITION_SALE_PENALTY: readonly Dated<Penalty>[] = [
  {
    from: "2013-04-04",
    value: penalty(
      "selling ammunition or a magazine in violation of PA 13-3 §§ 14-17",
      "CGS § 29-38m",
      "class D felony",
    ),
    source: pa133("§§ 14-17", {
      cgs: "CGS § 29-38m",
      text: "Anyone who violates these provisions commits a class D felony.",
    }),
  },
];

const SECTIONS = pa133("§§ 14-17", { cgs: "CGS § 29-38m" });

/**
 * Before passage the Act's ammunition sale rules (minimum age, credential) did not exist: "Current
 * law does not regulate ammunition except for banning armor-piercing .50 caliber bullets or
 * incendiary .50 caliber bullets" (§ 32). A sale asked about for an earlier date is permitted as far
 * as this question goes, with the day the rules start.
 *
 * QUESTION(legal): federal limits on licensees' ammunition sales (18 U.S.C. 922(b)(1)) and the
 * existing .50 caliber ban (the ammunition-classification question) are not part of this question,
 * before or after passage.
 */
export function decideAmmunitionSale(facts: AmmunitionSaleFacts, on: PlainDate): Answer<AmmunitionSaleResult> {
  if (on < AMMUNITION_RULES_START) {
    return beforeDutyStarts({
      id: "sales.ammunition.rules-start",
      source: pa133("§§ 14-17", {
        cgs: "CGS § 29-38m",
        text: "the restrictions on ammunition sales are effective upon passage",
      }),
      startsOn: AMMUNITION_RULES_START,
      on,
      duty: "the Act's ammunition sale requirements (minimum age 18; from 2013-10-01 a credential)",
      outcome: "yes",
      result: { permitted: true, route: null, basis: null, violation: null, dutyStartsOn: AMMUNITION_RULES_START },
    });
  }
  inForce(AMMUNITION_MINIMUM_AGE, on, "ammunition-sale");
  const buyer = facts.buyer;
  const findings: Finding[] = [];
  let basis: AmmunitionBasis | null = null;
  const exemption = licenseeExemption(
    "sales.ammunition.licensee-exemption",
    AMMUNITION_LICENSEE_EXEMPTION,
    facts.seller?.federalLicence,
    buyerLicenceOn(buyer?.federalLicence, buyer?.birthDate, on),
  );
  const exempt = exemption?.status === "not-applicable";
  if (exemption) findings.push(exemption);
  if (!exempt) {
    findings.push(ammunitionMinimumAge(buyer?.birthDate, on));
    const c = ammunitionBuyerCredential(buyer, on);
    findings.push(c.finding);
    basis = c.basis;
    if (facts.item === "magazine") {
      findings.push(
        notApplicable("sales.ammunition.buyer-may-possess", SECTIONS, "the possession crimes do not reach a magazine"),
      );
    } else {
      const f = buyerMayPossess("sales.ammunition.buyer-may-possess", SECTIONS, "ammunition", buyer, on);
      if (facts.item === undefined && f.status === "not-met") {
        findings.push(unknown(f.id, f.source, ["item"], `${f.because} (matters only if the item is ammunition)`));
      } else if (recordNotGiven(f, buyer?.events)) {
        findings.push(
          notApplicable(
            f.id,
            f.source,
            "no record of the buyer was given: §§ 14-17 have the seller check a credential (or an ammunition certificate with photo identification), not the buyer's record",
          ),
        );
      } else findings.push(f);
    }
  }
  if (!exempt && facts.item === "magazine" && facts.largeCapacityMagazine === true)
    findings.push(largeCapacityMagazineSale(buyer?.roles, on));
  if (exemption && !exempt) {
    // Whether the parties are exempt licensees is not known: a requirement not met
    // matters only if they are not, so it cannot yet be a "no".
    for (const [i, f] of findings.entries()) {
      if (f.status === "not-met")
        findings[i] = {
          ...f,
          status: "unknown",
          because: `${f.because} (applies unless the parties are exempt federal licensees)`,
          missing: exemption.missing ?? [],
        };
    }
  }
  const settled = settleExemption(exemption, findings);
  const outcome = allOf(settled);
  return {
    outcome,
    findings: settled,
    result: {
      permitted: outcome === "yes" ? true : outcome === "no" ? false : null,
      route: exempt ? "licensee-exempt" : exemption ? null : "sale",
      basis,
      violation: inForce(AMMUNITION_SALE_PENALTY, on, "sales.ammunition.penalty").value,
      dutyStartsOn: null,
    },
  };
}

/**
 * The buyer's record left out entirely (no `buyer.events`) when it is all the possession check
 * lacks. §§ 14-17 make the seller check a credential, not a record; the possession check only keeps
 * the question from permitting a sale the facts show would hand ammunition to a prohibited person.
 *
 * QUESTION(legal): a sale whose facts leave out the buyer's record is judged on §§ 14-17 alone
 * (minimum age and credential), so that "a 30-year-old presents a permit and buys ammunition" is a
 * yes rather than unknown; a record given ([] or events) is still checked.
 */
function recordNotGiven(f: Finding, events: readonly unknown[] | undefined): boolean {
  return events === undefined && f.status === "unknown" && (f.missing ?? []).every((m) => m === "buyer.events");
}

/** §§ 23-24: a large capacity magazine is sold only to a buyer the Act exempts (the restricted-transfer rule). */
function largeCapacityMagazineSale(roles: readonly Role[] | undefined, on: PlainDate): Finding {
  const a = restrictedTransferQuestion.decide(
    {
      item: "large-capacity-magazine",
      act: "sell-or-transfer",
      transferor: { roles: [] },
      ...(roles === undefined
        ? {}
        : { recipient: { roles: [...roles], desppOrPoliceDepartment: false, outOfState: false } }),
      method: "sale-or-other-transfer",
    },
    on,
  );
  const f = a.findings[0]!;
  return f.status === "unknown" ? { ...f, missing: ["buyer.roles"] } : f;
}

export const ammunitionSaleQuestion: Question<AmmunitionSaleFacts, AmmunitionSaleResult> = defineQuestion({
  id: "ammunition-sale",
  title: "May this ammunition or magazine be sold to this buyer?",
  description:
    "Applies PA 13-3 §§ 14-17 to a sale of ammunition or an ammunition magazine on a date: never to anyone under 18 (from passage), and from 1 October 2013 only to a buyer who presents a permit to carry, permit to sell, or long gun or handgun eligibility certificate, or an ammunition certificate together with government photo identification showing the date of birth. Transfers between federal licensees (manufacturer or importer and dealer, or two dealers) are exempt. Also checks that the buyer may lawfully possess ammunition. A violation is a class D felony.",
  citations: [
    AMMUNITION_MINIMUM_AGE[0]!.source,
    AMMUNITION_CREDENTIALS[1]!.source,
    AMMUNITION_LICENSEE_EXEMPTION,
    AMMUNITION_SALE_PENALTY[0]!.source,
  ],
  modelledFrom: "2013-04-04",
  dutyStartsOn: "2013-04-04",
  facts: AmmunitionSaleFacts,
  result: {
    permitted:
      "true when the sale may take place on the date, false when a requirement is not met, null when facts are missing (needs review)",
    route:
      "licensee-exempt for transfers between the listed federal licensees, sale otherwise, null when a licence is not known",
    basis:
      "what satisfied the credential requirement: gun-credential or ammunition-certificate (with photo identification); null when none or not required",
    violation: "the offense and class (class D felony) for selling in violation; null before 2013-04-04",
    dutyStartsOn:
      "asked before 2013-04-04: the day the Act's ammunition sale rules start (the answer is then yes: no requirement of the Act on that date); otherwise null",
  },
  example: {
    item: "ammunition",
    seller: { federalLicence: "dealer" },
    buyer: {
      federalLicence: "none",
      birthDate: "1995-07-20" as PlainDate,
      credentials: [{ kind: "ammunition-certificate", status: "valid", presented: true }],
      photoId: { kind: "drivers-license", valid: true, hasPhotograph: true, showsDateOfBirth: true, presented: true },
      events: [],
    },
  },
  decide: decideAmmunitionSale,
});

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const AMMUNITION_PENALTY_RULE = defineRule({
  id: "sales.ammunition.penalty",
  title: "Ammunition: selling in violation is a class D felony",
  description: "Anyone who sells ammunition or a magazine against these rules commits a class D felony.",
  citations: [AMMUNITION_SALE_PENALTY[0]!.source],
  from: "2013-04-04",
});
