/**
 * Prior felony conviction, or conviction for a serious juvenile offense.
 *
 * OLR analysis, §§ 44-45: a person commits criminal possession when he or she
 * possesses the weapon and "has a prior felony conviction or conviction for a
 * serious juvenile offense" (CGS § 53a-217, existing law, kept by § 44 and
 * extended to ammunition), and for a pistol or revolver "was previously
 * convicted of a felony" or "has a prior conviction for a serious juvenile
 * offense" (CGS § 53a-217c).
 *
 * A juvenile adjudication counts when it was for a serious juvenile offense
 * (`seriousJuvenileOffense`, CGS § 46b-120); when the feed does not say, the
 * finding is unknown (a felony-grade delinquency need not be "serious").
 * As in the credentials area, an absent `juvenile` means a conviction in
 * criminal court.
 */
import type { Finding } from "../../core/rules.ts";
import { eventsOfKind, type PersonEvent } from "./events.ts";
import { isListedMisdemeanor } from "./listed-misdemeanors.ts";
import { type EventVerdict, type ProhibitorContext, combine, prohibitorId } from "./prohibitor.ts";
import { statuteSource, FIREARM_POSSESSION, HANDGUN_POSSESSION } from "./statutes.ts";
import { defineRule } from "../../core/questions.ts";

export function felonyConviction(events: readonly PersonEvent[], ctx: ProhibitorContext): Finding {
  const id = prohibitorId(ctx.statute, "felony-conviction");
  const source = statuteSource(ctx.statute, ctx.on);
  const verdicts: EventVerdict[] = eventsOfKind(events, ["conviction"]).map(({ event: e, index }) => {
    const p = `${ctx.eventsPath}[${index}]`;
    const what = `${e.juvenile ? "juvenile adjudication" : "conviction"}${e.statute ? ` under ${e.statute}` : ""}`;
    const missing: string[] = [];
    if (e.juvenile === true) {
      if (e.seriousJuvenileOffense === false)
        return { prohibits: false, because: `${what} was not for a serious juvenile offense` };
      if (e.seriousJuvenileOffense === undefined) missing.push(`${p}.seriousJuvenileOffense`);
    } else {
      // Is it a felony? A listed misdemeanor statute answers "no" when the flag is absent.
      let felony: boolean | "unknown";
      if (e.felony !== undefined) felony = e.felony;
      else if (e.statute !== undefined && isListedMisdemeanor(e.statute) === true) felony = false;
      else felony = "unknown";
      if (felony === false) return { prohibits: false, because: `${what} is not a felony` };
      if (felony === "unknown") missing.push(`${p}.felony`);
    }
    if (e.convictionDate === undefined) missing.push(`${p}.convictionDate`);
    else if (e.convictionDate > ctx.on) return { prohibits: false, because: `${what} is dated after ${ctx.on}` };
    if (missing.length > 0)
      return {
        prohibits: "unknown",
        because: `${what}: cannot tell whether it is a prior felony or serious juvenile offense`,
        missing,
      };
    return {
      prohibits: true,
      because: e.juvenile
        ? `juvenile adjudication for a serious juvenile offense on ${e.convictionDate}`
        : `felony conviction on ${e.convictionDate}${e.statute ? ` under ${e.statute}` : ""}`,
    };
  });
  return combine(
    id,
    source,
    "convictions",
    verdicts,
    "a pardon or erasure of the conviction (not modelled) would change this",
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const FELONY_CONVICTION_RULE = defineRule({
  id: "criminal-possession.felony-conviction",
  title: "Possession barred after a felony or serious juvenile offense",
  description:
    "A person convicted of a felony, or adjudicated for a serious juvenile offense, may not possess a firearm, a pistol or (from 1 October 2013) ammunition.",
  citations: [FIREARM_POSSESSION[0]!.source, FIREARM_POSSESSION[1]!.source, HANDGUN_POSSESSION[0]!.source],
  from: "2013-04-04",
});
