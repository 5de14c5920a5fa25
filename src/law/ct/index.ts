/**
 * The Connecticut rulebook: every question the system can decide, by id, and
 * every rule for the catalogue. Each area exports `questions` and `rules` from
 * its own `questions.ts`; add one import and one entry per area below.
 */
import type { Question, RuleInfo } from "../core/questions.ts";
export { RULEBOOK_VERSION } from "./version.ts";

type AnyQuestion = Question<any, any>;
interface Area { name: string; questions: AnyQuestion[]; rules: RuleInfo[] }

// Areas: one import each (keep alphabetical).
import * as credentials from "./credentials/questions.ts";
import * as criminalPossession from "./criminal-possession/questions.ts";
import * as sales from "./sales/questions.ts";

export const AREAS: Area[] = [
  { name: "Credentials", questions: credentials.questions, rules: credentials.rules },
  { name: "Criminal possession", questions: criminalPossession.questions, rules: criminalPossession.rules },
  { name: "Sales", questions: sales.questions, rules: sales.rules },
];

export const QUESTIONS: ReadonlyMap<string, AnyQuestion> = new Map(AREAS.flatMap((a) => a.questions).map((q) => [q.id, q]));
export const RULES: readonly RuleInfo[] = AREAS.flatMap((a) => a.rules);

export function findQuestion(id: string): AnyQuestion | undefined {
  return QUESTIONS.get(id);
}
