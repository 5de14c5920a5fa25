/**
 * Voluntary admission to a hospital for persons with psychiatric disabilities
 * within the past six months.
 *
 * OLR analysis, §§ 44-45 (effective 1 October 2013): possession is punished
 * when the person has been, "beginning October 1, 2013, voluntarily admitted
 * to a hospital for people with psychiatric disabilities within the past six
 * months for care and treatment of a psychiatric disability and not solely for
 * being an alcohol- or drug-dependent person" (firearms, ammunition); for a
 * pistol or revolver, "voluntarily admitted, on or after October 1, 2013, ...
 * within the past six months".
 *
 * Only admissions on or after 1 October 2013 count, for both crimes.
 */
import { withinMonthsBefore } from "../../core/dates.ts";
import type { Finding } from "../../core/rules.ts";
import { eventsOfKind, type PersonEvent } from "./events.ts";
import { type EventVerdict, type ProhibitorContext, combine, notInVersion, prohibitorId } from "./prohibitor.ts";
import { POSSESSION_AMENDMENTS_EFFECTIVE, statuteSource, FIREARM_POSSESSION, HANDGUN_POSSESSION } from "./statutes.ts";
import { defineRule } from "../../core/questions.ts";

export const VOLUNTARY_ADMISSION_LOOK_BACK_MONTHS = 6;

export function voluntaryAdmission(events: readonly PersonEvent[], ctx: ProhibitorContext): Finding {
  const id = prohibitorId(ctx.statute, "voluntary-admission");
  const source = statuteSource(ctx.statute, ctx.on);
  if (ctx.on < POSSESSION_AMENDMENTS_EFFECTIVE) return notInVersion(id, source, "a voluntary admission");
  const m = VOLUNTARY_ADMISSION_LOOK_BACK_MONTHS;
  const verdicts: EventVerdict[] = eventsOfKind(events, ["voluntary-admission"]).map(({ event: e, index }) => {
    const p = `${ctx.eventsPath}[${index}]`;
    if (e.solelyAlcoholOrDrug === true)
      return { prohibits: false, because: "admission solely for alcohol or drug dependence does not count" };
    if (e.date === undefined)
      return { prohibits: "unknown", because: "admission date not known", missing: [`${p}.date`] };
    if (e.date < POSSESSION_AMENDMENTS_EFFECTIVE)
      return { prohibits: false, because: `admission on ${e.date} was before ${POSSESSION_AMENDMENTS_EFFECTIVE}` };
    if (!withinMonthsBefore(e.date, ctx.on, m))
      return { prohibits: false, because: `admission on ${e.date} is not within the ${m} months before ${ctx.on}` };
    if (e.solelyAlcoholOrDrug === undefined)
      return {
        prohibits: "unknown",
        because: `admission on ${e.date}: not known whether solely for alcohol or drug dependence`,
        missing: [`${p}.solelyAlcoholOrDrug`],
      };
    return {
      prohibits: true,
      because: `voluntarily admitted on ${e.date}, within ${m} months, for a psychiatric disability`,
    };
  });
  return combine(id, source, "voluntary admissions", verdicts);
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const VOLUNTARY_ADMISSION_RULE = defineRule({
  id: "criminal-possession.voluntary-admission",
  title: "Possession barred within 6 months of a voluntary psychiatric admission",
  description:
    "From 1 October 2013, a person voluntarily admitted on or after that date to a psychiatric hospital within the past six months, not solely for alcohol or drug dependence, may not possess a firearm, pistol or ammunition.",
  citations: [FIREARM_POSSESSION[1]!.source, HANDGUN_POSSESSION[1]!.source],
  from: "2013-10-01",
});
