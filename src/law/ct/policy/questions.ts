/**
 * The policy area: rules the Department sets that the Act does not enact.
 * Every citation here has basis "policy". Registered in `../index.ts` like
 * every other area (one import, one entry).
 */
import type { Question, RuleInfo } from "../../core/questions.ts";
import { AMMUNITION_LIMIT, AMMUNITION_LIMIT_ID, ammunitionLimitQuestion } from "./ammunition-limit.ts";
import { RECORD_MATCH_RULE } from "./record-match.ts";

export const questions: Question<any, any>[] = [ammunitionLimitQuestion];

export const rules: RuleInfo[] = [
  {
    id: AMMUNITION_LIMIT_ID,
    title: "Ammunition purchase limit (policy, not statute)",
    description:
      "When the Department switches it on, an ammunition sale is refused if it would take the buyer past a cap on rounds in any 30 days, in a calendar month, of one class of ammunition, or on magazines. The Attorney General's plan asks for a monthly limit; PA 13-3 does not enact one. The limit ships switched off; administrators set it, and every change is kept.",
    citations: [AMMUNITION_LIMIT[0]!.source],
    from: AMMUNITION_LIMIT[0]!.from,
  },
  RECORD_MATCH_RULE,
];
