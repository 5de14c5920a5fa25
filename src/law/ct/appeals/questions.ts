/** The appeals area: the Board of Firearms Permit Examiners (PA 13-3 §§ 60-61). */
import type { Question, RuleInfo } from "../../core/questions.ts";
import type { AppealHearingFacts, AppealHearingResult } from "./appeal-hearing.ts";
import { appealHearing } from "./appeal-hearing.ts";
import { STATEMENT_DAYS_BEFORE } from "./statement-of-reasons.ts";
import { CONTINUANCES } from "./one-continuance.ts";
import { BOARD_MEMBERS } from "./board-membership.ts";

export const questions: Question<AppealHearingFacts, AppealHearingResult>[] = [appealHearing];

export const rules: RuleInfo[] = [
  {
    id: "appeals.statement-of-reasons",
    title: "Written reasons at least 10 days before the hearing, or automatic relief",
    description: "If the official who denied or revoked a permit or certificate does not give the board a written statement of reasons at least 10 days before the hearing, the board must grant the appellant relief.",
    citations: [STATEMENT_DAYS_BEFORE[0]!.source],
    from: "2013-04-04",
  },
  {
    id: "appeals.one-continuance",
    title: "One continuance for the official, for good cause",
    description: "The board may give the official whose action is appealed one continuance for good cause; the appeal then moves to the board's next scheduled meeting.",
    citations: [CONTINUANCES[1]!.source],
    from: "2013-07-01",
  },
  {
    id: "appeals.board-membership",
    title: "Nine board members",
    description: "The Board of Firearms Permit Examiners grows from seven to nine members: a retired Superior Court judge and a mental health department nominee are added.",
    citations: [BOARD_MEMBERS[1]!.source],
    from: "2013-07-01",
  },
];
