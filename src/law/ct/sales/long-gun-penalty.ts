/**
 * Penalties for violating the long gun sale rules.
 *
 * PA 13-3 § 1 (CGS § 29-37a), OLR analysis: "The bill generally makes it a
 * class D felony to violate such requirements or any of the provisions
 * specified above pertaining to long gun sales (whether at retail or
 * otherwise). The bill makes it a class B felony if the person transferring
 * the firearm knows that it is stolen or that the manufacturer's number or
 * serial number has been altered, removed, or obliterated. In addition to
 * these felony penalties, anyone who violates the bill's or existing law's
 * requirements for long gun sales must forfeit any long guns found on the
 * person." "The bill allows a court to suspend prosecution for a first time
 * minor violation under these provisions, under the same procedures as apply
 * to such suspensions under existing law for handgun sale violations."
 *
 * The class B felony needs a violation plus the transferor's knowledge; the
 * knowledge alone does not make an otherwise compliant sale a § 1 violation
 * (other crimes may reach it, and are not modelled here).
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, inForce, pa133 } from "../../core/rules.ts";
import { type Penalty, penalty } from "../criminal-possession/crime-classes.ts";
import { defineRule } from "../../core/questions.ts";

export interface SalePenalty {
  /** The penalty for a violation. */
  violation: Penalty;
  /** The penalty when the transferor knew the gun was stolen or its number altered. */
  knowingStolenOrAltered: Penalty;
  /** The one that applies given the transferor's knowledge; null when that knowledge is not known. */
  applies: Penalty | null;
  consequences: string[];
}

const VERSIONS: readonly Dated<{ violation: Penalty; knowing: Penalty; consequences: string[] }>[] = [
  {
    from: "2013-04-04",
    value: {
      violation: penalty("violation of the long gun sale requirements", "CGS § 29-37a", "class D felony"),
      knowing: penalty(
        "long gun transfer in violation, knowing it stolen or its manufacturer's or serial number altered, removed or obliterated",
        "CGS § 29-37a",
        "class B felony",
      ),
      consequences: [
        "forfeiture of any long guns found on the person",
        "a court may suspend prosecution for a first-time minor violation, as for handgun sale violations",
      ],
    },
    source: pa133("§ 1", {
      cgs: "CGS § 29-37a",
      text: "The bill generally makes it a class D felony to violate such requirements ... The bill makes it a class B felony if the person transferring the firearm knows that it is stolen or that the manufacturer's number or serial number has been altered, removed, or obliterated.",
    }),
  },
];

export const LONG_GUN_PENALTY_VERSIONS = VERSIONS;

export function knowingClass(
  knowsStolen: boolean | undefined,
  knowsIdentificationAltered: boolean | undefined,
): boolean | "unknown" {
  if (knowsStolen === true || knowsIdentificationAltered === true) return true;
  if (knowsStolen === false && knowsIdentificationAltered === false) return false;
  return "unknown";
}

export function longGunSalePenalty(
  seller: { knowsStolen?: boolean | undefined; knowsIdentificationAltered?: boolean | undefined } | undefined,
  on: PlainDate,
): SalePenalty {
  const v = inForce(VERSIONS, on, "sales.long-gun.penalty").value;
  const k = knowingClass(seller?.knowsStolen, seller?.knowsIdentificationAltered);
  return {
    violation: v.violation,
    knowingStolenOrAltered: v.knowing,
    applies: k === "unknown" ? null : k ? v.knowing : v.violation,
    consequences: [...v.consequences],
  };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const LONG_GUN_PENALTY_RULE = defineRule({
  id: "sales.long-gun.penalty",
  title: "Long guns: penalties for unlawful sales",
  description:
    "A violation is a class D felony, a class B felony if the seller knew the gun was stolen or its number altered; long guns found on the violator are forfeited.",
  citations: [LONG_GUN_PENALTY_VERSIONS[0]!.source],
  from: "2013-04-04",
});
