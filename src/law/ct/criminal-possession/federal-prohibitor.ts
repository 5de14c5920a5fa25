/**
 * Prohibited by federal law.
 *
 * OLR analysis, §§ 44-45 (existing law for both crimes, extended to
 * ammunition by § 44): a person commits the crime when he or she possesses the
 * weapon and "is prohibited by federal law from having or transporting a
 * firearm".
 *
 * A federal prohibitor applies from its `date`; without a date we cannot tell
 * whether it applied on the date asked about, so the finding is unknown.
 */
import type { Finding } from "../../core/rules.ts";
import { eventsOfKind, type PersonEvent } from "./events.ts";
import { type EventVerdict, type ProhibitorContext, combine, prohibitorId } from "./prohibitor.ts";
import { statuteSource, FIREARM_POSSESSION, HANDGUN_POSSESSION } from "./statutes.ts";
import { defineRule } from "../../core/questions.ts";

export function federalProhibitor(events: readonly PersonEvent[], ctx: ProhibitorContext): Finding {
  const id = prohibitorId(ctx.statute, "federal-prohibitor");
  const source = statuteSource(ctx.statute, ctx.on);
  const verdicts: EventVerdict[] = eventsOfKind(events, ["federal-prohibitor"]).map(({ event: e, index }) => {
    const what = `federal prohibitor${e.category ? ` (${e.category})` : ""}`;
    if (e.date === undefined)
      return { prohibits: "unknown", because: `${what} without a date`, missing: [`${ctx.eventsPath}[${index}].date`] };
    if (e.date > ctx.on) return { prohibits: false, because: `${what} applies from ${e.date}, after ${ctx.on}` };
    return { prohibits: true, because: `${what} since ${e.date}` };
  });
  return combine(id, source, "federal prohibitors", verdicts);
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const FEDERAL_PROHIBITOR_RULE = defineRule({
  id: "criminal-possession.federal-prohibitor",
  title: "Possession barred when federal law prohibits it",
  description:
    "A person prohibited by federal law from having a firearm may not possess a firearm, pistol or (from 1 October 2013) ammunition.",
  citations: [FIREARM_POSSESSION[0]!.source, FIREARM_POSSESSION[1]!.source, HANDGUN_POSSESSION[0]!.source],
  from: "2013-04-04",
});
