/**
 * Deadline to transfer or surrender handguns (and, from 1 October 2013,
 * ammunition) after becoming ineligible to possess them.
 *
 * OLR analysis, § 34: "Under current law, not later than two business days
 * after the occurrence of any event that makes a person ineligible to possess
 * handguns, the person must transfer the handguns to an eligible person, or
 * surrender them to the DESPP commissioner. The bill applies the same
 * standards to ammunition and makes conforming changes." Effective
 * 1 October 2013.
 *
 * Business days are Connecticut's (core `addBusinessDays`): the day of the
 * event is not counted, so an event on a Friday gives a Tuesday deadline, and
 * legal holidays are skipped.
 *
 * QUESTION(legal): for an event before 1 October 2013 whose two business days
 * end on or after that date, does the ammunition duty apply? We key the
 * version on the date of the event: events before 1 October 2013 bring the
 * handgun duty only.
 */
import { addBusinessDays } from "../../core/calendar.ts";
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Dated, cite, inForce, pa133 } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const TRANSFER_BUSINESS_DAYS = 2;

type Covered = "handguns" | "ammunition";

const VERSIONS: readonly Dated<readonly Covered[]>[] = [
  {
    from: "2013-04-04",
    value: ["handguns"],
    source: cite("CGS", "§ 29-36k", {
      cgs: "CGS § 29-36k",
      text: "not later than two business days after the occurrence of any event that makes a person ineligible to possess handguns, the person must transfer the handguns to an eligible person, or surrender them to the DESPP commissioner",
    }),
  },
  {
    from: "2013-10-01",
    value: ["handguns", "ammunition"],
    source: pa133("§ 34", {
      cgs: "CGS § 29-36k",
      text: "The bill applies the same standards to ammunition and makes conforming changes.",
    }),
  },
];

export interface TransferDeadline {
  /** Last day (inclusive) to transfer to an eligible person or surrender to the DESPP commissioner. */
  deadline: PlainDate;
  appliesTo: Covered[];
  businessDays: number;
  source: Citation;
}

/**
 * The last day to transfer or surrender after an event making the person
 * ineligible on `becameIneligibleOn`. Throws NotInForce before 4 April 2013.
 */
export function transferDeadlineOnIneligibility(becameIneligibleOn: PlainDate): TransferDeadline {
  const v = inForce(VERSIONS, becameIneligibleOn, "criminal-possession.transfer-deadline");
  return {
    deadline: addBusinessDays(becameIneligibleOn, TRANSFER_BUSINESS_DAYS),
    appliesTo: [...v.value],
    businessDays: TRANSFER_BUSINESS_DAYS,
    source: v.source,
  };
}

export const TRANSFER_DEADLINE_VERSIONS = VERSIONS;

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const TRANSFER_DEADLINE_RULE = defineRule({
  id: "criminal-possession.transfer-deadline",
  title: "Two business days to transfer or surrender after becoming ineligible",
  description:
    "A person who becomes ineligible must transfer pistols (and, from 1 October 2013, ammunition) to an eligible person or surrender them to DESPP within two business days.",
  citations: [TRANSFER_DEADLINE_VERSIONS[0]!.source, TRANSFER_DEADLINE_VERSIONS[1]!.source],
  from: "2013-04-04",
});
