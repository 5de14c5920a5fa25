/**
 * Name and address changes: notify without undue delay; a crime only after
 * five business days.
 *
 * PA 13-3 §§ 18-22 (CGS § 54-280a): "A registrant who changes his or her name
 * or address must notify the DESPP commissioner in writing of the change,
 * without undue delay." "Failure to (1) inform the DESPP commissioner of a name
 * or address change or (2) register and update one's status as required is a
 * class D felony. But a person's failure to notify the commissioner without
 * undue delay of a name or address change is subject to the penalty only if the
 * failure continues for five business days."
 *
 * QUESTION(legal): the five business days are counted from the day after the
 * change (the day of the change is not counted; core addBusinessDays skips
 * Saturdays, Sundays and Connecticut legal holidays). The date returned is the
 * last day a notice avoids the felony; "without undue delay" may ask for
 * sooner, which no rule can compute.
 */
import { type PlainDate } from "../../core/dates.ts";
import { addBusinessDays } from "../../core/calendar.ts";
import { type Dated, inForce, pa133 } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "offenders.name-address-change";

export const CHANGE_GRACE_BUSINESS_DAYS: Dated<number>[] = [
  {
    from: "2014-01-01",
    value: 5,
    source: pa133("§§ 18-22", {
      cgs: "CGS § 54-280a",
      text: "But a person's failure to notify the commissioner without undue delay of a name or address change is subject to the penalty only if the failure continues for five business days.",
    }),
  },
];

/** Last day (inclusive) to give written notice of a change of address before the failure is a class D felony. */
export function addressChangeDueOn(p: { changedOn: PlainDate }): PlainDate {
  const rule = inForce(CHANGE_GRACE_BUSINESS_DAYS, p.changedOn, ID);
  return addBusinessDays(p.changedOn, rule.value);
}

/** Last day (inclusive) to give written notice of a change of name; the same five-business-day grace. */
export function nameChangeDueOn(p: { changedOn: PlainDate }): PlainDate {
  return addressChangeDueOn(p);
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const NAME_ADDRESS_CHANGE_RULE = defineRule({
  id: "offenders.name-address-change",
  title: "Report name and address changes",
  description:
    "A registrant must report a new name or address in writing without undue delay; it is a felony only if the failure lasts five business days.",
  citations: [CHANGE_GRACE_BUSINESS_DAYS[0]!.source],
  from: "2014-01-01",
});
