/**
 * Discharge from custody after a finding of not guilty by reason of mental
 * disease or defect, within the past 20 years.
 *
 * OLR analysis, §§ 44-45: possession of a firearm, ammunition or an electronic
 * defense weapon is punished when the person has been "discharged from custody
 * within the past 20 years after being found not guilty of a crime due to
 * mental disease or defect" (new from 1 October 2013, § 44); for a pistol or
 * revolver this is existing law (CGS § 53a-217c).
 *
 * "Within the past 20 years" counts back 20 calendar years from the date asked
 * about, both ends included (core `withinYearsBefore`).
 */
import { withinYearsBefore } from "../../core/dates.ts";
import type { Finding } from "../../core/rules.ts";
import { eventsOfKind, type PersonEvent } from "./events.ts";
import { type EventVerdict, type ProhibitorContext, combine, notInVersion, prohibitorId } from "./prohibitor.ts";
import { POSSESSION_AMENDMENTS_EFFECTIVE, statuteSource, HANDGUN_POSSESSION, FIREARM_POSSESSION } from "./statutes.ts";
import { defineRule } from "../../core/questions.ts";

export const NGRI_LOOK_BACK_YEARS = 20;

export function ngriDischarge(events: readonly PersonEvent[], ctx: ProhibitorContext): Finding {
  const id = prohibitorId(ctx.statute, "ngri-discharge");
  const source = statuteSource(ctx.statute, ctx.on);
  if (ctx.statute === "firearm" && ctx.on < POSSESSION_AMENDMENTS_EFFECTIVE)
    return notInVersion(id, source, "a discharge after a not-guilty-by-reason-of-mental-disease finding");
  const verdicts: EventVerdict[] = eventsOfKind(events, ["ngri-discharge"]).map(({ event: e, index }) => {
    if (e.date === undefined)
      return {
        prohibits: "unknown",
        because: "discharge date not known",
        missing: [`${ctx.eventsPath}[${index}].date`],
      };
    if (withinYearsBefore(e.date, ctx.on, NGRI_LOOK_BACK_YEARS))
      return { prohibits: true, because: `discharged on ${e.date}, within ${NGRI_LOOK_BACK_YEARS} years` };
    return {
      prohibits: false,
      because: `discharged on ${e.date}, not within the ${NGRI_LOOK_BACK_YEARS} years before ${ctx.on}`,
    };
  });
  return combine(id, source, "discharges", verdicts);
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const NGRI_DISCHARGE_RULE = defineRule({
  id: "criminal-possession.ngri-discharge",
  title: "Possession barred for 20 years after a not-guilty-by-insanity discharge",
  description:
    "A person discharged from custody within the past 20 years after a finding of not guilty by reason of mental disease or defect may not possess a pistol, and from 1 October 2013 any firearm or ammunition.",
  citations: [HANDGUN_POSSESSION[0]!.source, FIREARM_POSSESSION[1]!.source],
  from: "2013-04-04",
});
