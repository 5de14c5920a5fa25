/**
 * No ammunition or ammunition magazine to anyone under 18.
 *
 * PA 13-3 §§ 14-17 (CGS § 29-38m), effective on passage (4 April 2013). OLR
 * analysis: "The bill generally bars the sale of ammunition or an ammunition
 * magazine to anyone under age 18." "EFFECTIVE DATE: the restrictions on
 * ammunition sales are effective upon passage".
 */
import { type PlainDate, ageOn, dateOfAge } from "../../core/dates.ts";
import { type Dated, type Finding, inForce, met, notMet, pa133, unknown } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const AMMUNITION_MINIMUM_AGE: readonly Dated<number>[] = [
  {
    from: "2013-04-04",
    value: 18,
    source: pa133("§§ 14-17", {
      cgs: "CGS § 29-38m",
      text: "The bill generally bars the sale of ammunition or an ammunition magazine to anyone under age 18.",
    }),
  },
];

const ID = "sales.ammunition.minimum-age";

export function ammunitionMinimumAge(birthDate: PlainDate | undefined, on: PlainDate): Finding {
  const rule = inForce(AMMUNITION_MINIMUM_AGE, on, ID);
  if (birthDate === undefined) return unknown(ID, rule.source, ["buyer.birthDate"]);
  const age = ageOn(birthDate, on);
  return age >= rule.value
    ? met(ID, rule.source, `the buyer is ${age}`)
    : notMet(
        ID,
        rule.source,
        `the buyer is ${age}; no ammunition or magazine may be sold to anyone under ${rule.value}`,
        `from ${dateOfAge(birthDate, rule.value)}`,
      );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const AMMUNITION_MINIMUM_AGE_RULE = defineRule({
  id: "sales.ammunition.minimum-age",
  title: "Ammunition: no sale to anyone under 18",
  description: "No ammunition or ammunition magazine may be sold to anyone under 18.",
  citations: [AMMUNITION_MINIMUM_AGE[0]!.source],
  from: "2013-04-04",
});
