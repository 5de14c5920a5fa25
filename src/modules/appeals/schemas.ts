/** Inputs of the Board of Firearms Permit Examiners' docket (CGS § 29-32b; PA 13-3 §§ 60-61). */
import { z } from "zod";
import { PlainDateSchema } from "../../law/core/schema.ts";

const Grounds = z.string().trim().min(10, "say in at least 10 characters why the decision was wrong").max(4000);

/** An appeal filed online by the person denied or revoked, from their letter. */
export const FileAppeal = z
  .object({
    subjectType: z.enum(["application", "credential"]).describe("a denied application or a revoked credential"),
    subjectId: z.uuid(),
    grounds: Grounds,
  })
  .strict();
export type FileAppeal = z.infer<typeof FileAppeal>;

/** A paper appeal keyed by the Board's staff. */
export const PaperAppeal = FileAppeal.extend({
  personId: z.uuid(),
  filedOn: PlainDateSchema.describe("the day the Board received the appeal"),
}).strict();
export type PaperAppeal = z.infer<typeof PaperAppeal>;

export const MeetingInput = z
  .object({
    meetingOn: PlainDateSchema,
    hearingSlots: z.number().int().min(1).max(200),
    location: z.string().trim().min(2).max(200).optional(),
  })
  .strict();
export type MeetingInput = z.infer<typeof MeetingInput>;

export const StatementInput = z
  .object({
    text: z
      .string()
      .trim()
      .min(20, "the statement explains the reasons for the decision (at least 20 characters)")
      .max(8000),
    receivedOn: PlainDateSchema.optional().describe("day the Board received it; today by default"),
  })
  .strict();
export type StatementInput = z.infer<typeof StatementInput>;

export const ContinuanceInput = z
  .object({
    requestedBy: z.enum(["issuing-authority", "appellant"]),
    goodCause: z.boolean().describe("the Board finds good cause"),
    reason: z.string().trim().min(5).max(2000),
  })
  .strict();
export type ContinuanceInput = z.infer<typeof ContinuanceInput>;

export const DecisionInput = z
  .object({
    outcome: z.enum(["relief-granted", "relief-denied"]),
    reason: z.string().trim().min(5).max(4000),
  })
  .strict();
export type DecisionInput = z.infer<typeof DecisionInput>;

export const SeatInput = z
  .object({
    memberName: z.string().trim().min(2).max(200),
    userId: z.uuid().optional(),
    termEndsOn: PlainDateSchema.optional(),
  })
  .strict();
export type SeatInput = z.infer<typeof SeatInput>;

export const DocketQuery = z
  .object({
    status: z.enum(["filed", "scheduled", "decided", "withdrawn"]).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
