/**
 * The decision service: ask the rulebook a question about facts on a date,
 * and (when asked to) keep the decision with its facts and rulebook version.
 */
import { write, type Queryable } from "../../db/client.ts";
import { uuidv7 } from "../../db/ids.ts";
import { z } from "zod";
import { NotInForce } from "../../law/core/rules.ts";
import { toDecision, type Decision } from "../../law/core/questions.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { QUESTIONS, RULEBOOK_VERSION, findQuestion } from "../../law/ct/index.ts";
import { AppError } from "../../lib/errors.ts";
import { zodFields } from "../../lib/validation.ts";

export interface QuestionSummary {
  id: string;
  title: string;
  description: string;
  modelledFrom: string;
  citations: unknown[];
  result: Record<string, string>;
  factsSchema: unknown;
  example: unknown;
}

export function listQuestions(): QuestionSummary[] {
  return [...QUESTIONS.values()].map((q) => ({
    id: q.id,
    title: q.title,
    description: q.description,
    modelledFrom: q.modelledFrom,
    citations: q.citations,
    result: q.result,
    factsSchema: (() => {
      try {
        const { $schema: _d, ...rest } = z.toJSONSchema(q.facts, { io: "input", unrepresentable: "any" }) as Record<
          string,
          unknown
        >;
        return rest;
      } catch {
        return {};
      }
    })(),
    example: q.example,
  }));
}

/** Decides a question. Bad facts are a 400 naming the field; a date the rule does not model is a 422-like refusal (400 naming `on`). */
export function decide(questionId: string, on: PlainDate, facts: unknown): Decision {
  if (on < "1800-01-01" || on > "2199-12-31")
    throw new AppError("validation", "on: must fall between 1800-01-01 and 2199-12-31", {
      fields: [{ field: "on", message: "must fall between 1800-01-01 and 2199-12-31" }],
    });
  const q = findQuestion(questionId);
  if (!q)
    throw new AppError("validation", `unknown question ${questionId}; GET /api/v1/decisions lists them`, {
      fields: [{ field: "question", message: "unknown question" }],
    });
  const parsed = q.facts.safeParse(facts ?? {});
  if (!parsed.success) {
    const fields = zodFields(parsed.error, "facts");
    throw new AppError("validation", `invalid facts: ${fields.map((f) => `${f.field}: ${f.message}`).join("; ")}`, {
      fields,
    });
  }
  try {
    return toDecision(q, q.decide(parsed.data, on), on, RULEBOOK_VERSION);
  } catch (e) {
    if (e instanceof NotInForce) {
      const hint =
        e.earliest && on < e.earliest
          ? `; this question is modelled from ${e.earliest}`
          : "; the rule in force on this date is not modelled";
      throw new AppError("validation", e.message, {
        fields: [{ field: "on", message: `the rulebook does not model this date${hint}` }],
      });
    }
    throw e;
  }
}

/** Keeps a decision with the facts it used. */
export async function storeDecision(
  q: Queryable,
  d: Decision,
  facts: unknown,
  subject?: { type: string; id: string },
): Promise<string> {
  // The key is made here (UUIDv7, like the database's default), so the insert needs no answer and
  // travels with the next statement of the transaction (see `write`).
  const id = uuidv7();
  await write(
    q,
    `INSERT INTO decisions (id, question, decided_on, rulebook_version, outcome, result, findings, facts, subject_type, subject_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [
      id,
      d.question,
      d.on,
      d.rulebookVersion,
      d.outcome,
      JSON.stringify(d.result),
      JSON.stringify(d.findings),
      JSON.stringify(facts),
      subject?.type ?? null,
      subject?.id ?? null,
    ],
  );
  return id;
}
