/**
 * The Connecticut rulebook: every question the system can decide, by id, and
 * every rule for the catalogue. Each area exports `questions` and `rules` from
 * its own `questions.ts`; add one import and one entry per area below.
 */
import type { PlainDate } from "../core/dates.ts";
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

/**
 * Some findings are parts of one requirement and have no catalogue entry of their own (each
 * prohibiting event under criminal possession, each step of the offender registration question).
 * So that every finding shown anywhere is in the catalogue (issue 9), each such part gets an entry
 * derived from its question: the question's title and the part in words, the finding's own
 * citation, the question's first modelled day. They are found by asking every question on its
 * example and on no facts, on the day it is first modelled and on two later days.
 */
function derivedEntries(area: Area, known: ReadonlySet<string>): RuleInfo[] {
  const out = new Map<string, RuleInfo>();
  for (const q of area.questions) {
    const days = [q.modelledFrom, "2014-01-02", "2026-12-07"].filter((d) => d >= q.modelledFrom);
    for (const facts of [q.example, {}])
      for (const on of days) {
        let findings: { id: string; source: RuleInfo["citations"][number] }[];
        try {
          const parsed = q.facts.safeParse(facts);
          if (!parsed.success) continue;
          findings = q.decide(parsed.data, on as PlainDate).findings;
        } catch {
          continue;
        }
        for (const f of findings) {
          if (known.has(f.id) || out.has(f.id)) continue;
          const part = (f.id.startsWith(`${q.id}.`) ? f.id.slice(q.id.length + 1) : f.id.split(".").slice(1).join("."))
            .split(".")
            .filter((w) => !q.id.split(/[.-]/).includes(w))
            .map((w) => w.replace(/-/g, " ").replace(/\bngri\b/, "NGRI"))
            .join(", ");
          // A part whose words are all in the question's title adds nothing to it.
          const said = part.split(/[ ,]+/).every((w) => !w || q.title.toLowerCase().includes(w.toLowerCase()));
          out.set(f.id, {
            id: f.id,
            title: part && !said ? `${q.title}: ${part}` : q.title,
            description: `Part of the question "${q.title}". ${q.description}`,
            citations: [f.source],
            from: q.modelledFrom,
          });
        }
      }
  }
  return [...out.values()];
}

{
  const known = new Set(AREAS.flatMap((a) => a.rules.map((r) => r.id)));
  for (const a of AREAS) a.rules = [...a.rules, ...derivedEntries(a, known)];
}

export const RULES: readonly RuleInfo[] = AREAS.flatMap((a) => a.rules);

export function findQuestion(id: string): AnyQuestion | undefined {
  return QUESTIONS.get(id);
}
