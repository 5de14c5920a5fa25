/**
 * The Connecticut rulebook: every question the system can decide, by id, and
 * every rule for the catalogue. Each area exports `questions` and `rules` from
 * its own `questions.ts`; add one import and one entry per area below.
 */
import type { Question, RuleInfo } from "../core/questions.ts";
export { RULEBOOK_VERSION } from "./version.ts";

type AnyQuestion = Question<any, any>;
interface Area {
  name: string;
  questions: AnyQuestion[];
  rules: RuleInfo[];
}

// Areas: one import each (keep alphabetical).
import * as appeals from "./appeals/questions.ts";
import * as clocks from "./clocks/questions.ts";
import * as corrections from "./corrections/questions.ts";
import * as credentials from "./credentials/questions.ts";
import * as criminalPossession from "./criminal-possession/questions.ts";
import * as deadlines from "./deadlines/questions.ts";
import * as insurance from "./insurance/questions.ts";
import * as offenders from "./offenders/questions.ts";
import * as penalties from "./penalties/questions.ts";
import * as policy from "./policy/questions.ts";
import * as sales from "./sales/questions.ts";
import * as schools from "./schools/questions.ts";
import * as storage from "./storage/questions.ts";
import * as weapons from "./weapons/questions.ts";

export const AREAS: Area[] = [
  { name: "Appeals", questions: appeals.questions, rules: appeals.rules },
  { name: "Clocks", questions: clocks.questions, rules: clocks.rules },
  { name: "Corrections", questions: corrections.questions, rules: corrections.rules },
  { name: "Credentials", questions: credentials.questions, rules: credentials.rules },
  { name: "Criminal possession", questions: criminalPossession.questions, rules: criminalPossession.rules },
  { name: "Deadlines", questions: deadlines.questions, rules: deadlines.rules },
  { name: "Insurance", questions: insurance.questions, rules: insurance.rules },
  { name: "Offender registry", questions: offenders.questions, rules: offenders.rules },
  { name: "Penalties", questions: penalties.questions, rules: penalties.rules },
  { name: "Policy (not statute)", questions: policy.questions, rules: policy.rules },
  { name: "Sales", questions: sales.questions, rules: sales.rules },
  { name: "Schools", questions: schools.questions, rules: schools.rules },
  { name: "Safe storage", questions: storage.questions, rules: storage.rules },
  { name: "Weapons, magazines and ammunition", questions: weapons.questions, rules: weapons.rules },
];

export const QUESTIONS: ReadonlyMap<string, AnyQuestion> = new Map(
  AREAS.flatMap((a) => a.questions).map((q) => [q.id, q]),
);
export const RULES: readonly RuleInfo[] = AREAS.flatMap((a) => a.rules);

export function findQuestion(id: string): AnyQuestion | undefined {
  return QUESTIONS.get(id);
}
