/**
 * Question `ineligible-transfer-deadline`: after an event that makes a person
 * ineligible to possess them, by when must the person transfer handguns (and,
 * from 2013-10-01, ammunition) to an eligible person or surrender them to the
 * DESPP commissioner, and what is the penalty for not doing so?
 *
 * OLR analysis, § 34 (effective 2013-10-01): "Under current law, not later
 * than two business days after the occurrence of any event that makes a
 * person ineligible to possess handguns, the person must transfer the
 * handguns to an eligible person, or surrender them to the DESPP
 * commissioner. The bill applies the same standards to ammunition and makes
 * conforming changes." The clock is criminal-possession/transfer-deadline.ts
 * (Connecticut business days; the event day is not counted; the version is
 * keyed on the day of the event).
 *
 * "None of these" for what the person holds: `holds: { handguns: false,
 * ammunition: false }` (or `holds: "none"`) gives no, not unknown.
 *
 * QUESTION(legal): the analysis states no penalty for the failure itself
 * (CGS § 29-36k). The answer names the offense with no class, and notes that
 * it is a deadly weapon offense (Table 1, registration from 2014-01-01) and
 * that keeping a firearm or ammunition while ineligible can be criminal
 * possession (§§ 44-45).
 *
 * QUESTION(legal): an event before 2013-04-04 is refused (the handgun duty
 * existed under earlier law, not modelled), except that someone who holds
 * only ammunition had no duty before 2013-10-01 and is told so.
 */
import { z } from "zod";
import { type PlainDate, addDays } from "../../core/dates.ts";
import { type Answer, type Question, beforeDutyStarts, defineQuestion, defineRule } from "../../core/questions.ts";
import { type Finding, NotInForce, citationLabel, met, notMet, pa133, unknown } from "../../core/rules.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import {
  TRANSFER_BUSINESS_DAYS,
  TRANSFER_DEADLINE_VERSIONS,
  transferDeadlineOnIneligibility,
} from "../criminal-possession/transfer-deadline.ts";
import { DEADLINE_RESULT_DOCS, type DeadlineResult, NO_DEADLINE, timing } from "./result.ts";

export const IneligibleTransferFacts = z.object({
  becameIneligibleOn: PlainDateSchema.optional().describe(
    "the day of the event that made the person ineligible to possess handguns (and ammunition)",
  ),
  holds: z
    .union([
      z.literal("none").describe("holds neither handguns nor ammunition"),
      z.object({
        handguns: z.boolean().optional().describe("holds one or more pistols or revolvers"),
        ammunition: z.boolean().optional().describe("holds ammunition"),
      }),
    ])
    .optional()
    .describe('what the person holds; "none" (or both false) for neither'),
  transferredOrSurrenderedOn: PlainDateSchema.optional().describe(
    "the day the person transferred everything to an eligible person or surrendered it, if they have",
  ),
});
export type IneligibleTransferFacts = z.infer<typeof IneligibleTransferFacts>;

export interface IneligibleTransferResult extends DeadlineResult {
  /** What must be transferred or surrendered: "handguns", "ammunition". */
  appliesTo: string[];
}

const ID = "deadlines.ineligible-transfer";
const HANDGUN_SOURCE = TRANSFER_DEADLINE_VERSIONS[0]!.source;
const AMMUNITION_SOURCE = TRANSFER_DEADLINE_VERSIONS[1]!.source;
const AMMUNITION_FROM = TRANSFER_DEADLINE_VERSIONS[1]!.from as PlainDate;
const MODELLED_FROM = TRANSFER_DEADLINE_VERSIONS[0]!.from as PlainDate;

const PENALTY = {
  offense:
    "failure to transfer, deliver or surrender handguns (or ammunition) by a person ineligible to possess them (CGS § 29-36k)",
  classification: null,
  citation: citationLabel(pa133("§ 34", { cgs: "CGS § 29-36k" })),
  note: "The analysis states no class for this failure. It is a deadly weapon offense (Table 1, CGS § 29-36k): from 2014-01-01 a conviction requires registration in the Deadly Weapon Offender Registry. Keeping a firearm or ammunition while ineligible can also be criminal possession (§§ 44-45: from 2013-10-01 a class C felony with a two-year mandatory minimum and a $5,000 fine).",
};

const EMPTY: IneligibleTransferResult = { ...NO_DEADLINE, appliesTo: [] };

export function decideIneligibleTransfer(
  facts: IneligibleTransferFacts,
  on: PlainDate,
): Answer<IneligibleTransferResult> {
  const holds = facts.holds === "none" ? { handguns: false, ammunition: false } : (facts.holds ?? {});
  const event = facts.becameIneligibleOn;
  const onlyAmmunition = holds.handguns === false && holds.ammunition === true;
  // Ammunition alone: no duty for an event (or a question) before 2013-10-01.
  if (onlyAmmunition && ((event !== undefined && event < AMMUNITION_FROM) || on < AMMUNITION_FROM)) {
    return beforeDutyStarts({
      id: `${ID}.ammunition-duty-starts`,
      source: AMMUNITION_SOURCE,
      startsOn: AMMUNITION_FROM,
      on: event !== undefined && event < AMMUNITION_FROM ? event : on,
      duty: "the duty to transfer or surrender ammunition after becoming ineligible",
      result: { ...EMPTY, mustAct: false, dutyStartsOn: AMMUNITION_FROM },
    });
  }
  if (on < MODELLED_FROM) throw new NotInForce(ID, on, MODELLED_FROM);
  if (holds.handguns === false && holds.ammunition === false) {
    return {
      outcome: "no",
      result: { ...EMPTY, mustAct: false },
      findings: [notMet(ID, HANDGUN_SOURCE, "holds neither handguns nor ammunition: nothing to transfer or surrender")],
    };
  }
  if (event === undefined) {
    return {
      outcome: "unknown",
      result: EMPTY,
      findings: [
        unknown(
          ID,
          HANDGUN_SOURCE,
          ["becameIneligibleOn"],
          "the two business days run from the event that made the person ineligible",
        ),
      ],
    };
  }
  const d = transferDeadlineOnIneligibility(event); // refuses events before 2013-04-04
  const covered = d.appliesTo.filter((k) => holds[k] !== false);
  const open = covered.filter((k) => holds[k] === undefined);
  if (covered.length === 0) {
    // Holds ammunition only, but the event was before the ammunition duty (handled above), or nothing covered.
    return {
      outcome: "no",
      result: { ...EMPTY, mustAct: false },
      findings: [notMet(ID, d.source, "holds nothing the duty covers on the day of the event")],
    };
  }
  if (covered.every((k) => holds[k] === undefined)) {
    return {
      outcome: "unknown",
      result: { ...EMPTY, dueOn: d.deadline, citation: citationLabel(d.source), penaltyIfMissed: PENALTY },
      findings: [
        unknown(
          ID,
          d.source,
          open.map((k) => `holds.${k}`),
          `whether the person holds ${open.join(" or ")} is not known`,
        ),
      ],
    };
  }
  const held = covered.filter((k) => holds[k] === true);
  const t = timing(d.deadline, facts.transferredOrSurrenderedOn, on);
  const finding: Finding = met(
    ID,
    d.source,
    `ineligible from ${event}: transfer the ${held.join(" and ")} to an eligible person or surrender them to the DESPP commissioner by ${d.deadline} (${TRANSFER_BUSINESS_DAYS} business days)`,
  );
  return {
    outcome: "yes",
    result: {
      mustAct: true,
      dueOn: d.deadline,
      ...t,
      citation: citationLabel(d.source),
      penaltyIfMissed: PENALTY,
      dutyStartsOn: null,
      appliesTo: held,
    },
    findings: [finding],
  };
}

export const ineligibleTransferDeadline: Question<IneligibleTransferFacts, IneligibleTransferResult> = defineQuestion({
  id: "ineligible-transfer-deadline",
  title: "Became ineligible: by when must handguns and ammunition be transferred or surrendered?",
  description:
    "After an event that makes a person ineligible to possess them, the last day (two Connecticut business days after the event) to transfer handguns, and from 2013-10-01 ammunition, to an eligible person or surrender them to the DESPP commissioner (§ 34); whether it was done in time; the citation; and what missing it means.",
  citations: [HANDGUN_SOURCE, AMMUNITION_SOURCE],
  modelledFrom: MODELLED_FROM,
  facts: IneligibleTransferFacts,
  result: { ...DEADLINE_RESULT_DOCS, appliesTo: 'what must be transferred or surrendered: "handguns", "ammunition"' },
  example: { becameIneligibleOn: "2014-05-02" as PlainDate, holds: { handguns: true, ammunition: true } },
  decide: decideIneligibleTransfer,
});

/** The first day late, for notices. */
export const firstDayLate = (dueOn: PlainDate): PlainDate => addDays(dueOn, 1);

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const INELIGIBLE_TRANSFER_RULE = defineRule({
  id: "deadlines.ineligible-transfer",
  title: "Became ineligible: transfer or surrender within two business days",
  description:
    "Within two business days of an event that makes a person ineligible, handguns (and, for events from 1 October 2013, ammunition) must be transferred to an eligible person or surrendered to the DESPP commissioner.",
  citations: ineligibleTransferDeadline.citations,
  from: "2013-04-04",
});
