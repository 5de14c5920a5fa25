/** The decision API: anyone can ask the rulebook why. Nothing is stored. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { PlainDateSchema } from "../../law/core/schema.ts";
import { RULEBOOK_VERSION, RULES } from "../../law/ct/index.ts";
import { presentFinding } from "../credentials/index.ts";
import { decide, listQuestions } from "./service.ts";

export const decisionRoutes = [
  route({
    method: "GET",
    url: "/api/v1/decisions",
    tags: ["rulebook"],
    auth: "public",
    summary: "The questions the rulebook answers, each with the JSON Schema of its facts and the meaning of its result",
    handler: async () => ({ rulebookVersion: RULEBOOK_VERSION, questions: listQuestions() }),
  }),
  route({
    method: "POST",
    url: "/api/v1/decisions",
    tags: ["rulebook"],
    auth: "public",
    successStatus: 200,
    summary:
      "Ask a question: outcome (yes / no / unknown), result, every finding with its citation, and the missing facts",
    body: z
      .object({
        question: z.string().min(1).max(80),
        on: PlainDateSchema,
        facts: z.record(z.string(), z.unknown()).default({}),
      })
      .strict(),
    response: z.object({
      question: z.string(),
      on: z.string(),
      outcome: z.enum(["yes", "no", "unknown"]),
      result: z.record(z.string(), z.unknown()),
      findings: z.array(z.unknown()),
      missing: z.array(z.string()),
      rulebookVersion: z.string(),
    }),
    handler: async (_ctx, { body }) => {
      const d = decide(body.question, body.on, body.facts);
      return {
        question: d.question,
        on: d.on,
        outcome: d.outcome,
        result: d.result as Record<string, unknown>,
        findings: d.findings.map(presentFinding),
        missing: d.missing,
        rulebookVersion: d.rulebookVersion,
      };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/rules",
    tags: ["rulebook"],
    auth: "public",
    summary: "Every rule with its citation, dates and a plain-language description",
    handler: async () => ({ rulebookVersion: RULEBOOK_VERSION, rules: RULES }),
  }),
];
