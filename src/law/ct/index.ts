/**
 * The Connecticut rulebook: every question the system can decide, by id.
 * Each area registers its questions in its own `questions.ts`; add the import here.
 */
import type { Question } from "../core/questions.ts";
export { RULEBOOK_VERSION } from "./version.ts";

// Areas add one line each below (keep alphabetical).
// import { questions as credentials } from "./credentials/questions.ts";

const areas: Question<any, any>[][] = [
];

export const QUESTIONS: ReadonlyMap<string, Question<any, any>> = new Map(areas.flat().map((q) => [q.id, q]));

export function findQuestion(id: string): Question<any, any> | undefined {
  return QUESTIONS.get(id);
}
