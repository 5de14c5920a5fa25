/** The appeals area: the Board of Firearms Permit Examiners (PA 13-3 §§ 60-61). */
import type { Question, RuleInfo } from "../../core/questions.ts";
import type { AppealHearingFacts, AppealHearingResult } from "./appeal-hearing.ts";
import { appealHearing } from "./appeal-hearing.ts";
import { STATEMENT_OF_REASONS_RULE } from "./statement-of-reasons.ts";
import { ONE_CONTINUANCE_RULE } from "./one-continuance.ts";
import { BOARD_MEMBERSHIP_RULE } from "./board-membership.ts";

export const questions: Question<AppealHearingFacts, AppealHearingResult>[] = [appealHearing];

export const rules: RuleInfo[] = [STATEMENT_OF_REASONS_RULE, ONE_CONTINUANCE_RULE, BOARD_MEMBERSHIP_RULE];
