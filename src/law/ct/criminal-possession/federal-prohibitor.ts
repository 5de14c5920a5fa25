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
import { statuteSource } from "./statutes.ts";

export function federalProhibitor(events: readonly PersonEvent[], ctx: ProhibitorContext): Finding {
  const id = prohibitorId(ctx.statute, "federal-prohibitor");
  const source = statuteSource(ctx.statute, ctx.on);
  const verdicts: EventVerdict[] = eventsOfKind(events, ["federal-prohibitor"]).map(({ event: e, index }) => {
    const what = `federal prohibitor${e.category ? ` (${e.category})` : ""}`;
    if (e.date === undefined) return { prohibits: "unknown", because: `${what} without a date`, missing: [`${ctx.eventsPath}[${index}].date`] };
    if (e.date > ctx.on) return { prohibits: false, because: `${what} applies from ${e.date}, after ${ctx.on}` };
    return { prohibits: true, because: `${what} since ${e.date}` };
  });
  return combine(id, source, "federal prohibitors", verdicts);
}
