/**
 * Question `offender-change-notice`: a registrant changed name or address; by
 * when must they notify DESPP in writing, and what is the penalty?
 *
 * PA 13-3 §§ 18-22 (CGS § 54-280a): "A registrant who changes his or her name
 * or address must notify the DESPP commissioner in writing of the change,
 * without undue delay." "Failure to (1) inform the DESPP commissioner of a
 * name or address change ... is a class D felony. But a person's failure to
 * notify the commissioner without undue delay of a name or address change is
 * subject to the penalty only if the failure continues for five business
 * days." The last day is name-address-change.ts (its reading applies: five
 * Connecticut business days counted from the day after the change).
 *
 * Before 2014-01-01 there was no registry and no duty: the answer is no, with
 * the day the duty starts. A person who is not a registrant has no duty.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, type Question, beforeDutyStarts, defineQuestion } from "../../core/questions.ts";
import { citationLabel, met, notMet, pa133, unknown } from "../../core/rules.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import { DEADLINE_RESULT_DOCS, type DeadlineResult, NO_DEADLINE, timing } from "../deadlines/result.ts";
import { CHANGE_GRACE_BUSINESS_DAYS, addressChangeDueOn } from "./name-address-change.ts";
import { REGISTRY_STARTS_ON } from "./offender-registration.ts";

export const OffenderChangeNoticeFacts = z.object({
  registrant: z
    .boolean()
    .optional()
    .describe(
      "the person is a registrant of the Deadly Weapon Offender Registry (within the registration period) on the day of the change",
    ),
  change: z.enum(["name", "address"]).optional().describe("what changed"),
  changedOn: PlainDateSchema.optional().describe("the day of the change"),
  notifiedOn: PlainDateSchema.optional().describe("the day the written notice reached DESPP, if it has"),
});
export type OffenderChangeNoticeFacts = z.infer<typeof OffenderChangeNoticeFacts>;

const ID = "offenders.change-notice";
const DUTY = pa133("§§ 18-22", {
  cgs: "CGS § 54-280a",
  text: "A registrant who changes his or her name or address must notify the DESPP commissioner in writing of the change, without undue delay.",
});
const PENALTY = {
  offense: "failing to inform the DESPP commissioner of a name or address change (CGS § 54-280a)",
  classification: "class D felony",
  citation: citationLabel(CHANGE_GRACE_BUSINESS_DAYS[0]!.source),
  note: 'only if the failure continues for five business days; the notice is due "without undue delay", which may be sooner than the last day given',
};

export function decideOffenderChangeNotice(facts: OffenderChangeNoticeFacts, on: PlainDate): Answer<DeadlineResult> {
  const early =
    on < REGISTRY_STARTS_ON
      ? on
      : facts.changedOn !== undefined && facts.changedOn < REGISTRY_STARTS_ON
        ? facts.changedOn
        : undefined;
  if (early !== undefined) {
    return beforeDutyStarts({
      id: `${ID}.duty-starts`,
      source: DUTY,
      startsOn: REGISTRY_STARTS_ON,
      on: early,
      duty: "the Deadly Weapon Offender Registry (and a registrant's duty to report name and address changes)",
      result: { ...NO_DEADLINE, mustAct: false, dutyStartsOn: REGISTRY_STARTS_ON },
    });
  }
  if (facts.registrant === false)
    return {
      outcome: "no",
      result: { ...NO_DEADLINE, mustAct: false },
      findings: [notMet(ID, DUTY, "not a registrant: no duty to report the change")],
    };
  const missing = [
    ...(facts.registrant === undefined ? ["registrant"] : []),
    ...(facts.changedOn === undefined ? ["changedOn"] : []),
  ];
  if (missing.length) return { outcome: "unknown", result: NO_DEADLINE, findings: [unknown(ID, DUTY, missing)] };
  const dueOn = addressChangeDueOn({ changedOn: facts.changedOn! });
  const t = timing(dueOn, facts.notifiedOn, on);
  const what = facts.change ?? "name or address";
  return {
    outcome: "yes",
    result: {
      mustAct: true,
      dueOn,
      ...t,
      citation: citationLabel(CHANGE_GRACE_BUSINESS_DAYS[0]!.source),
      penaltyIfMissed: PENALTY,
      dutyStartsOn: null,
    },
    findings: [
      met(
        ID,
        DUTY,
        `${what} changed ${facts.changedOn}: notify DESPP in writing without undue delay; failing to by ${dueOn} (five business days) is a class D felony`,
      ),
    ],
  };
}

export const offenderChangeNotice: Question<OffenderChangeNoticeFacts, DeadlineResult> = defineQuestion({
  id: "offender-change-notice",
  title: "Deadly Weapon Offender Registry: by when must a name or address change be reported?",
  description:
    "A registrant who changes name or address must tell DESPP in writing without undue delay; failing to for five business days is a class D felony. Gives the last day, whether a notice given was in time, the citation and the penalty. No duty before the registry began on 2014-01-01.",
  citations: [DUTY, CHANGE_GRACE_BUSINESS_DAYS[0]!.source],
  modelledFrom: REGISTRY_STARTS_ON,
  dutyStartsOn: REGISTRY_STARTS_ON,
  facts: OffenderChangeNoticeFacts,
  result: DEADLINE_RESULT_DOCS,
  example: { registrant: true, change: "address", changedOn: "2014-05-30" as PlainDate },
  decide: decideOffenderChangeNotice,
});
