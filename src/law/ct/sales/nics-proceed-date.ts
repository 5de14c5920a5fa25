/**
 * The federal three-business-day rule for a NICS check that has not answered.
 *
 * 18 U.S.C. § 922(t)(1)(B)(ii): a licensee may transfer when "3 business days
 * (meaning a day on which State offices are open) has elapsed since the
 * licensee contacted the system, and the system has not notified the licensee
 * that the receipt of a firearm by such other person would violate" the law.
 * 27 C.F.R. § 478.102(a) gives the worked example: contact on a Thursday,
 * three business days elapse on the following Tuesday, and the licensee may
 * transfer on the Wednesday.
 *
 * QUESTION(legal): whose business days? The statute itself defines a business
 * day as "a day on which State offices are open", so we count Connecticut
 * business days: not Saturdays, Sundays or the legal holidays of CGS § 1-4
 * (including Lincoln's Birthday and Good Friday, on which Connecticut state
 * offices close), with the observed-day shifts of core/calendar.ts. Unplanned
 * closures (storms) are not in the calendar; a service that knows of one must
 * re-run the count. The day of contact is never counted.
 *
 * This is the federal default-proceed date only. Connecticut is a point of
 * contact: a retail sale still needs DESPP's authorization number, and the
 * private long gun route through a dealer needs a check that "show[s] that the
 * transferee is eligible" (PA 13-3 § 1), so the long-gun-sale question never
 * treats this date as permission by itself. Later federal changes (the
 * 2022 extended check for buyers under 21) are not modelled.
 */
import { addBusinessDays } from "../../core/calendar.ts";
import { type PlainDate, addDays } from "../../core/dates.ts";
import { type Citation, cite } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const NICS_DEFAULT_PROCEED_SOURCE: Citation = cite("18 U.S.C.", "§ 922(t)(1)(B)(ii)", {
  basis: "federal",
  text: "3 business days (meaning a day on which State offices are open) has elapsed since the licensee contacted the system, and the system has not notified the licensee that the receipt of a firearm by such other person would violate subsection (g) or (n) of this section, or State, local, or Tribal law",
});

export const NICS_BUSINESS_DAYS = 3;

export interface NicsProceedDate {
  /** Last of the three business days; the wait has elapsed at its end. */
  waitEndsOn: PlainDate;
  /** First day on which the licensee may transfer absent a denial (the day after). */
  proceedOn: PlainDate;
  source: Citation;
}

/** The first day a licensee may transfer under the federal default-proceed rule, for a check initiated on `initiatedOn`. */
export function nicsProceedDate(initiatedOn: PlainDate): NicsProceedDate {
  const waitEndsOn = addBusinessDays(initiatedOn, NICS_BUSINESS_DAYS);
  return { waitEndsOn, proceedOn: addDays(waitEndsOn, 1), source: NICS_DEFAULT_PROCEED_SOURCE };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const NICS_PROCEED_DATE_RULE = defineRule({
  id: "sales.nics-proceed-date",
  title: "NICS: the federal three-business-day rule",
  description:
    "If NICS has not answered, a licensee may transfer the day after three business days (days state offices are open) have passed since the check began; Connecticut's own authorization is still needed.",
  citations: [NICS_DEFAULT_PROCEED_SOURCE],
  from: "1998-11-30",
});
