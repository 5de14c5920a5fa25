/**
 * Conviction of a listed misdemeanor.
 *
 * Firearms and ammunition (CGS § 53a-217 as amended by PA 13-3 § 44), OLR
 * analysis: the bill punishes possession by someone who has been "convicted of
 * certain misdemeanors committed on or after October 1, 2013".
 * Pistols and revolvers (CGS § 53a-217c, existing law): "was previously
 * convicted of a felony or one of the misdemeanors described above" — with no
 * date limit.
 *
 * QUESTION(legal): a juvenile adjudication is not a "conviction" (CGS
 * § 46b-146); we do not count juvenile adjudications for listed misdemeanors.
 * As in the credentials area, an absent `juvenile` means a conviction in
 * criminal court.
 */
import type { Finding } from "../../core/rules.ts";
import { eventsOfKind, type PersonEvent } from "./events.ts";
import { LISTED_MISDEMEANORS, isListedMisdemeanor, normalizeStatute } from "./listed-misdemeanors.ts";
import { type EventVerdict, type ProhibitorContext, combine, notInVersion, prohibitorId } from "./prohibitor.ts";
import { POSSESSION_AMENDMENTS_EFFECTIVE, statuteSource, HANDGUN_POSSESSION, FIREARM_POSSESSION } from "./statutes.ts";
import { defineRule } from "../../core/questions.ts";

export function listedMisdemeanorConviction(events: readonly PersonEvent[], ctx: ProhibitorContext): Finding {
  const id = prohibitorId(ctx.statute, "listed-misdemeanor");
  const source = statuteSource(ctx.statute, ctx.on);
  const newLaw = ctx.on >= POSSESSION_AMENDMENTS_EFFECTIVE;
  if (ctx.statute === "firearm" && !newLaw) return notInVersion(id, source, "a misdemeanor conviction");
  const verdicts: EventVerdict[] = eventsOfKind(events, ["conviction"]).map(({ event: e, index }) => {
    const p = `${ctx.eventsPath}[${index}]`;
    if (e.statute === undefined) {
      if (e.felony === true) return { prohibits: false, because: "felony conviction (see felony rule)" };
      return {
        prohibits: "unknown",
        because: "conviction without a statute: cannot tell whether it is a listed misdemeanor",
        missing: [`${p}.statute`],
      };
    }
    const listed = isListedMisdemeanor(e.statute);
    if (listed === false) return { prohibits: false, because: `${e.statute} is not a listed misdemeanor` };
    if (listed === "unknown")
      return {
        prohibits: "unknown",
        because: `${e.statute}: only subsection (c) is listed`,
        missing: [`${p}.statute`],
      };
    const name = LISTED_MISDEMEANORS[normalizeStatute(e.statute)] ?? e.statute;
    if (e.juvenile === true)
      return { prohibits: false, because: `juvenile adjudication for ${name} is not a conviction` };
    const missing: string[] = [];
    if (e.convictionDate === undefined) missing.push(`${p}.convictionDate`);
    else if (e.convictionDate > ctx.on)
      return { prohibits: false, because: `conviction for ${name} is dated after ${ctx.on}` };
    if (ctx.statute === "firearm") {
      if (e.offenseDate === undefined) missing.push(`${p}.offenseDate`);
      else if (e.offenseDate < POSSESSION_AMENDMENTS_EFFECTIVE)
        return {
          prohibits: false,
          because: `${name} was committed on ${e.offenseDate}, before ${POSSESSION_AMENDMENTS_EFFECTIVE}`,
        };
    }
    if (missing.length > 0) return { prohibits: "unknown", because: `conviction for ${name}: facts missing`, missing };
    return {
      prohibits: true,
      because: `convicted of ${name} (${normalizeStatute(e.statute)}) on ${e.convictionDate}${ctx.statute === "firearm" ? `, committed ${e.offenseDate}` : ""}`,
    };
  });
  return combine(id, source, "convictions", verdicts);
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const HANDGUN_LISTED_MISDEMEANOR_RULE = defineRule({
  id: "criminal-possession.handgun.listed-misdemeanor",
  title: "Pistols: possession barred after a listed misdemeanor",
  description:
    "A person convicted of one of the listed misdemeanors (e.g. third-degree assault, second-degree threatening, second-degree stalking) may not possess a pistol or revolver.",
  citations: [HANDGUN_POSSESSION[0]!.source],
  from: "2013-04-04",
});

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const FIREARM_LISTED_MISDEMEANOR_RULE = defineRule({
  id: "criminal-possession.firearm.listed-misdemeanor",
  title: "Firearms and ammunition: possession barred after a listed misdemeanor committed from 1 October 2013",
  description:
    "A person convicted of a listed misdemeanor committed on or after 1 October 2013 may not possess any firearm or ammunition.",
  citations: [FIREARM_POSSESSION[1]!.source],
  from: "2013-10-01",
});
