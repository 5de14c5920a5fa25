/** The penalties area: Table 2 (and §§ 44-45) crimes and Table 4 classification ranges. */
import type { Question, RuleInfo } from "../../core/questions.ts";
import { penaltyByClass } from "./penalty-by-class.ts";
import { penalty } from "./penalty.ts";
import { FIREARM_CRIMES } from "./firearm-crimes.ts";
import { TABLE_4 } from "./classification-ranges.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- questions with different facts, as in index.ts
export const questions: Question<any, any>[] = [penalty, penaltyByClass];

export const rules: RuleInfo[] = [
  ...FIREARM_CRIMES.map((c) => ({
    id: `penalties.${c.id}`,
    title: `Penalty: ${c.description}`,
    description: `${c.description} (CGS § ${c.statute}): the penalty for offenses from 2013-10-01 under PA 13-3 ${c.billSection}, and the earlier penalty before that day.`,
    citations: c.versions.map((v) => v.source),
    from: "2013-10-01",
  })),
  {
    id: "penalties.classification-ranges",
    title: "Prison terms and fines by crime class (Table 4)",
    description:
      "The prison range and maximum fine of each class of felony and misdemeanor, as the analysis states them.",
    citations: [TABLE_4[0]!.source],
    from: "2013-04-04",
  },
];
