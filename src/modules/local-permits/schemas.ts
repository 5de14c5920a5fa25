/** Inputs and outputs of the local-permits module, shared by the API, the web forms and the CLI. */
import { z } from "zod";

export const OFFICES = ["chief-of-police", "first-selectman", "warden"] as const;
export type Office = (typeof OFFICES)[number];
export const OFFICE_LABELS: Record<Office, string> = {
  "chief-of-police": "Chief of police",
  "first-selectman": "First selectman",
  warden: "Warden of the borough",
};

/** Where a temporary state permit application stands, as the local authority and state staff see it. */
export const STAGES = [
  "at-local-authority",
  "denied-by-local-authority",
  "approved-forwarding",
  "at-state",
  "state-permit-issued",
  "state-permit-denied",
  "closed",
] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  "at-local-authority": "At the local authority (temporary state permit)",
  "denied-by-local-authority": "Denied by the local authority",
  "approved-forwarding": "Temporary permit issued; being forwarded to the state",
  "at-state": "At the state (state permit)",
  "state-permit-issued": "State permit issued",
  "state-permit-denied": "State permit denied",
  closed: "Closed without a local decision",
};

/** The local authority's actions on an application at its stage. */
export type LocalAction = "approve" | "deny";
export const NEXT: Record<Stage, readonly LocalAction[]> = {
  "at-local-authority": ["approve", "deny"],
  "denied-by-local-authority": [],
  "approved-forwarding": [],
  "at-state": [],
  "state-permit-issued": [],
  "state-permit-denied": [],
  closed: [],
};

export const ApproveInput = z
  .object({
    reviewNote: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .describe("required when the rulebook left facts unknown: how the review resolved them"),
    confirmations: z
      .object({
        safetyCourse: z.boolean().optional().describe("the applicant completed an approved firearms safety course"),
        suitability: z
          .boolean()
          .optional()
          .describe("the authority finds the applicant a suitable person (CGS § 29-28(b))"),
      })
      .strict()
      .optional()
      .describe("what the authority confirms before issuing (rule credentials.staff-confirmations)"),
  })
  .strict();
export type ApproveInput = z.infer<typeof ApproveInput>;

export const DenyInput = z
  .object({
    reasons: z
      .string()
      .trim()
      .min(10, "give the detailed reasons for the denial (at least 10 characters)")
      .max(4000)
      .describe("the detailed reasons, sent to the applicant in the letter with the appeal route"),
  })
  .strict();
export type DenyInput = z.infer<typeof DenyInput>;

export const AttachInput = z
  .object({
    userId: z.uuid(),
    town: z.string().trim().min(2).max(100),
    office: z.enum(OFFICES),
  })
  .strict();
export type AttachInput = z.infer<typeof AttachInput>;
