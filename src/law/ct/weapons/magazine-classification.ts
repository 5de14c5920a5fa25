/**
 * Question: is this device a large capacity magazine on this date?
 *
 * The definition and its four exclusions are requirements (core's `allOf`):
 * yes when the device is within the definition and no exclusion applies, no
 * when it is outside the definition or any exclusion applies, unknown
 * otherwise. The term exists from PA 13-3's passage, 2013-04-04; earlier
 * dates are refused.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, type Question, answer, defineQuestion } from "../../core/questions.ts";
import { LCM_SOURCES, MagazineFacts, largeCapacityMagazine } from "./large-capacity-magazine.ts";
import { boolOf, settle } from "./logic.ts";

export const MAGAZINE_CLASSIFICATION_ID = "magazine-classification";

export interface MagazineClassification {
  largeCapacityMagazine: boolean | null;
  reasons: string[];
}

export function classifyMagazine(facts: MagazineFacts, on: PlainDate, at = "magazine"): Answer<MagazineClassification> {
  const findings = largeCapacityMagazine(facts, on, at);
  const a = answer(findings, (outcome) => ({
    largeCapacityMagazine: boolOf(outcome),
    reasons:
      outcome === "yes"
        ? [findings[0]!.because]
        : outcome === "no"
          ? findings.filter((f) => f.status === "not-met").map((f) => f.because)
          : findings.filter((f) => f.status === "unknown").map((f) => f.because),
  }));
  return { ...a, findings: settle(a.findings, a.outcome) };
}

export const magazineClassification: Question<MagazineFacts, MagazineClassification> = defineQuestion({
  id: MAGAZINE_CLASSIFICATION_ID,
  title: "Is it a large capacity magazine?",
  description:
    "Whether a firearm magazine, belt, drum, feed strip or similar device is a large capacity magazine: it can hold, or be readily restored or converted to accept, more than 10 rounds, and is not permanently altered to 10 or fewer, a .22 caliber tube feeding device, a tubular magazine in a lever-action firearm, or permanently inoperable.",
  citations: LCM_SOURCES,
  modelledFrom: "2013-04-04",
  facts: MagazineFacts,
  result: {
    largeCapacityMagazine:
      "true when it is a large capacity magazine (outcome yes), false when it is not (outcome no), null when facts are missing (outcome unknown).",
    reasons: "Plain-language reasons for the answer.",
  },
  example: {
    device: "magazine",
    capacity: 30,
    permanentlyAlteredToTenOrFewer: false,
    caliber22TubeFeedingDevice: false,
    tubularInLeverAction: false,
    permanentlyInoperable: false,
  },
  // The question's facts are the magazine itself: missing paths are named from its top level.
  decide: (facts, on) => classifyMagazine(facts, on, ""),
});
