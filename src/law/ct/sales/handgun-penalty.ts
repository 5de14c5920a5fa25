/**
 * Penalties for unlawful pistol and revolver transfers.
 *
 * OLR analysis of PA 13-3, Table 2:
 * § 47, "Transferring a pistol or revolver to a prohibited person or violating
 * transfer procedures (29-33)": class D felony, under the bill a class C
 * felony with a two-year mandatory minimum prison term and a $5,000 fine
 * "unless the court states on the record why it remits or reduces the fine";
 * the same knowing the weapon "is stolen or has an altered identification
 * mark": class B felony, under the bill with a three-year mandatory minimum and
 * a $10,000 fine.
 * § 48, "Making a false statement related to a pistol or revolver transfer
 * (29-34(a))": class D, under the bill class C with two years and $5,000;
 * "Transferring a pistol or revolver to someone under age 21 except for target
 * or shooting range use (29-34(b))": class D felony with a one-year mandatory
 * minimum, under the bill class C with two years and $5,000.
 *
 * QUESTION(legal): the analysis gives no effective date for §§ 42-43, 46-50
 * and 52-53. We take 1 October 2013, the date of the neighbouring criminal
 * provisions (§§ 33-41, 44-45); offenses before it keep the old classes.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, cite, inForce, pa133 } from "../../core/rules.ts";
import { type Penalty, penalty } from "../criminal-possession/crime-classes.ts";
import { defineRule } from "../../core/questions.ts";

export interface HandgunPenalties {
  transferViolation: Penalty;
  knowingStolenOrAltered: Penalty;
  underAge: Penalty;
  falseStatement: Penalty;
}

export const HANDGUN_PENALTIES: readonly Dated<HandgunPenalties>[] = [
  {
    from: "2013-04-04",
    value: {
      transferViolation: penalty(
        "transferring a pistol or revolver to a prohibited person or violating transfer procedures",
        "CGS § 29-33",
        "class D felony",
      ),
      knowingStolenOrAltered: penalty(
        "the same, knowing the pistol or revolver is stolen or has an altered identification mark",
        "CGS § 29-33",
        "class B felony",
      ),
      underAge: penalty("transferring a pistol or revolver to someone under 21", "CGS § 29-34(b)", "class D felony", {
        prisonYears: 1,
      }),
      falseStatement: penalty(
        "false statement in connection with a pistol or revolver transfer",
        "CGS § 29-34(a)",
        "class D felony",
      ),
    },
    source: cite("CGS", "§§ 29-33, 29-34", {
      text: "Current Penalty (OLR Table 2): class D felony; class B felony; class D felony with one-year mandatory minimum",
    }),
  },
  {
    from: "2013-10-01",
    value: {
      transferViolation: penalty(
        "transferring a pistol or revolver to a prohibited person or violating transfer procedures",
        "CGS § 29-33",
        "class C felony",
        { prisonYears: 2, fineDollars: 5000 },
      ),
      knowingStolenOrAltered: penalty(
        "the same, knowing the pistol or revolver is stolen or has an altered identification mark",
        "CGS § 29-33",
        "class B felony",
        { prisonYears: 3, fineDollars: 10000 },
      ),
      underAge: penalty("transferring a pistol or revolver to someone under 21", "CGS § 29-34(b)", "class C felony", {
        prisonYears: 2,
        fineDollars: 5000,
      }),
      falseStatement: penalty(
        "false statement in connection with a pistol or revolver transfer",
        "CGS § 29-34(a)",
        "class C felony",
        { prisonYears: 2, fineDollars: 5000 },
      ),
    },
    source: pa133("§§ 47-48", {
      cgs: "CGS §§ 29-33, 29-34",
      text: "Penalty Under the Bill (OLR Table 2): class C felony, mandatory minimum two-year prison term, $5,000 fine unless the court states on the record why it remits or reduces the fine; class B felony with three years and $10,000",
    }),
  },
];

export function handgunPenalties(on: PlainDate): HandgunPenalties {
  return inForce(HANDGUN_PENALTIES, on, "sales.handgun.penalty").value;
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const HANDGUN_PENALTY_RULE = defineRule({
  id: "sales.handgun.penalty",
  title: "Handguns: penalties for unlawful transfers (raised 1 October 2013)",
  description:
    "Transferring a pistol to a prohibited person, against the procedures, or to someone under 21 becomes a class C felony with a two-year minimum and a $5,000 fine; knowingly transferring a stolen or altered-mark pistol stays a class B felony, now with three years and $10,000.",
  citations: [HANDGUN_PENALTIES[0]!.source, HANDGUN_PENALTIES[1]!.source],
  from: "2013-04-04",
});
