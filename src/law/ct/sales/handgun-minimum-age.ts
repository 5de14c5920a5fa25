/**
 * No pistol or revolver to anyone under 21, except for target or range use.
 *
 * Existing CGS § 29-34(b), whose penalty PA 13-3 § 48 raises. OLR analysis,
 * Table 2: "Transferring a pistol or revolver to someone under age 21 except
 * for target or shooting range use (29-34(b))". The analysis of §§ 2-7 adds:
 * "existing law sets a minimum age of 21 for a handgun eligibility
 * certificate." The rule reaches every transfer, not only retail sales.
 *
 * The exception is a temporary transfer for use in target shooting or on a
 * firing or shooting range. QUESTION(legal): the analysis names only the use;
 * CGS § 29-34(b) also requires the use to be otherwise lawful and under the
 * immediate supervision of a person eligible to possess a pistol or revolver.
 * We require that supervision (unknown when not reported).
 */
import { type PlainDate, ageOn, dateOfAge } from "../../core/dates.ts";
import { type Citation, type Dated, type Finding, cite, inForce, met, notMet, unknown } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const HANDGUN_MINIMUM_AGE: readonly Dated<number>[] = [
  {
    from: "2013-04-04",
    value: 21,
    source: cite("CGS", "§ 29-34(b)", {
      cgs: "CGS § 29-34(b)",
      text: "Transferring a pistol or revolver to someone under age 21 except for target or shooting range use (29-34(b))",
    }),
  },
];

export const TARGET_SHOOTING_EXCEPTION: Citation = cite("CGS", "§ 29-34(b)", {
  cgs: "CGS § 29-34(b)",
  text: "except for target or shooting range use: a temporary transfer for use in target shooting or on a firing or shooting range, otherwise permitted by law and under the immediate supervision of a person eligible to possess a pistol or revolver",
});

/**
 * The target-shooting exception: a supervised temporary transfer for range use.
 *
 * An absent `temporaryForTargetShooting` means a sale or permanent transfer (as the
 * `handgun-sale` facts document it, and as the route is chosen): the exception does not
 * apply, so a dealer's sale to a 20-year-old is a violation, not "unknown". Only a
 * temporary transfer whose supervision is not reported is unknown.
 */
export function targetShootingException(
  t: { temporaryForTargetShooting?: boolean | undefined; supervisedByEligiblePerson?: boolean | undefined } | undefined,
): { applies: boolean | "unknown"; missing: string[] } {
  if (t?.temporaryForTargetShooting !== true || t.supervisedByEligiblePerson === false)
    return { applies: false, missing: [] };
  if (t.supervisedByEligiblePerson === undefined)
    return { applies: "unknown", missing: ["transfer.supervisedByEligiblePerson"] };
  return { applies: true, missing: [] };
}

const ID = "sales.handgun.minimum-age";

export function handgunMinimumAge(
  birthDate: PlainDate | undefined,
  transfer:
    { temporaryForTargetShooting?: boolean | undefined; supervisedByEligiblePerson?: boolean | undefined } | undefined,
  on: PlainDate,
): Finding {
  const rule = inForce(HANDGUN_MINIMUM_AGE, on, ID);
  if (birthDate === undefined) return unknown(ID, rule.source, ["buyer.birthDate"]);
  const age = ageOn(birthDate, on);
  if (age >= rule.value) return met(ID, rule.source, `the transferee is ${age}`);
  const ex = targetShootingException(transfer);
  if (ex.applies === true)
    return met(
      ID,
      TARGET_SHOOTING_EXCEPTION,
      `the transferee is ${age}; a supervised temporary transfer for target or range use is allowed`,
    );
  if (ex.applies === "unknown")
    return unknown(
      ID,
      TARGET_SHOOTING_EXCEPTION,
      ex.missing,
      `the transferee is ${age}: allowed only as a supervised temporary transfer for target or range use`,
    );
  return notMet(
    ID,
    rule.source,
    `the transferee is ${age}; no pistol or revolver may be transferred to anyone under ${rule.value}`,
    `from ${dateOfAge(birthDate, rule.value)}`,
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const HANDGUN_MINIMUM_AGE_RULE = defineRule({
  id: "sales.handgun.minimum-age",
  title: "Handguns: no transfer to anyone under 21",
  description:
    "No pistol or revolver may be transferred to anyone under 21, except a supervised temporary transfer for target or range use.",
  citations: [HANDGUN_MINIMUM_AGE[0]!.source, TARGET_SHOOTING_EXCEPTION],
  from: "2013-04-04",
});
