/** Inputs and outputs of the schools module (zod); the API, the web forms and the seed share them. */
import { z } from "zod";
import { PlainDateSchema } from "../../law/core/schema.ts";
import { CommitteeRole } from "../../law/ct/schools/safety-committee.ts";
import { TeamSeat } from "../../law/ct/schools/campus-security.ts";

const Name = z.string().trim().min(2).max(200);
const Email = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^@\s]+@[^@\s]+$/, "must be an e-mail address");
const Town = z.string().trim().min(2).max(100);
const Text = (max = 4000) => z.string().trim().max(max);
const SchoolYear = z.string().regex(/^\d{4}-\d{2}$/, "must be a school year written 2014-15");
/** Dollars with at most two decimals, as a number. */
const Dollars = z
  .number()
  // At least a cent: a tiny positive number (5e-324) rounds to zero cents, which the tables refuse.
  .min(0.01, "at least one cent (0.01)")
  .max(15_000_000)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, "at most two decimals");

export const EXPENSE_CATEGORIES = [
  "surveillance-cameras",
  "penetration-resistant-vestibules",
  "ballistic-glass",
  "solid-core-doors",
  "double-door-access",
  "electronic-locks",
  "entry-door-buzzers",
  "scan-card-systems",
  "panic-alarms",
  "other-systems",
  "personnel-training",
  "portable-entrance-screening",
] as const;
export const ExpenseCategory = z.enum(EXPENSE_CATEGORIES);
export type ExpenseCategory = z.infer<typeof ExpenseCategory>;
export const EXPENSE_LABELS: Record<ExpenseCategory, string> = {
  "surveillance-cameras": "Surveillance cameras",
  "penetration-resistant-vestibules": "Penetration resistant vestibules",
  "ballistic-glass": "Ballistic glass",
  "solid-core-doors": "Solid core doors",
  "double-door-access": "Double-door access",
  "electronic-locks": "Computer-controlled electronic locks",
  "entry-door-buzzers": "Entry door buzzer systems",
  "scan-card-systems": "Scan card systems",
  "panic-alarms": "Panic alarms",
  "other-systems": "Other systems",
  "personnel-training": "Training in operating and maintaining the new infrastructure",
  "portable-entrance-screening": "Portable entrance security devices (wands, screening machines) and training",
};

export const EntranceSecurity = z.enum(["none", "partial", "full"]);

export const DistrictInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{2,20}$/, "2 to 20 capital letters, digits or hyphens"),
    name: Name,
    kind: z.enum(["local", "regional"]),
    contactEmail: Email.optional(),
    towns: z
      .array(z.object({ town: Town, pupils: z.number().int().min(0).max(1_000_000).default(0) }).strict())
      .min(1)
      .max(20),
    priorityDistrict: z
      .boolean()
      .optional()
      .describe("a priority school district; by default from the state's list for a local district's town"),
  })
  .strict();
export type DistrictInput = z.infer<typeof DistrictInput>;

export const SchoolInput = z.object({ name: Name, town: Town }).strict();
export const CampusInput = z
  .object({
    institution: Name,
    name: Name,
    town: Town,
    system: z.enum(["uconn", "csus", "community-technical", "independent"]),
    contactEmail: Email.optional(),
  })
  .strict();
export type CampusInput = z.infer<typeof CampusInput>;
export const WealthRankInput = z
  .object({ rank: z.number().int().min(1).max(169), source: z.string().trim().min(3).max(300) })
  .strict();
export const MemberInput = z
  .object({
    userId: z.uuid(),
    districtId: z.uuid().optional(),
    campusId: z.uuid().optional(),
    parentOrGuardian: z.boolean().default(false),
  })
  .strict()
  .refine((m) => (m.districtId === undefined) !== (m.campusId === undefined), {
    message: "give exactly one of districtId and campusId",
    path: ["districtId"],
  });

export const AssessmentInput = z
  .object({
    assessedOn: PlainDateSchema,
    supervisedByLocalPolice: z.boolean(),
    usedSafeSchoolsChecklist: z.boolean(),
    entranceSecurity: EntranceSecurity.describe("none: no entrance security infrastructure at all"),
    summary: Text().optional(),
    documentId: z.uuid().optional().describe("an uploaded assessment (POST /api/v1/schools/documents)"),
  })
  .strict();
export type AssessmentInput = z.infer<typeof AssessmentInput>;

export const RoundInput = z
  .object({
    name: z.string().trim().min(3).max(200),
    budget: Dollars.or(z.literal(0)),
    opensOn: PlainDateSchema,
    closesOn: PlainDateSchema,
  })
  .strict();
export type RoundInput = z.infer<typeof RoundInput>;

export const ApplicationInput = z
  .object({
    roundId: z.uuid(),
    emergencyPlanWithFirstResponders: z.boolean(),
    emergencyPlanOn: PlainDateSchema.optional(),
    planPracticed: z.boolean(),
    practiceFrequency: Text(200).optional().describe("how often the plan is practised, e.g. 'monthly lockdown drills'"),
    schools: z
      .array(
        z
          .object({
            schoolId: z.uuid(),
            assessmentId: z.uuid(),
            expenses: z
              .array(
                z
                  .object({
                    category: ExpenseCategory,
                    description: z.string().trim().min(3).max(500),
                    amount: Dollars,
                    incurredOn: PlainDateSchema,
                  })
                  .strict(),
              )
              .min(1)
              .max(100),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();
export type ApplicationInput = z.infer<typeof ApplicationInput>;

export const ReviewInput = z
  .object({
    decision: z.enum(["approve", "deny"]),
    reason: z.string().trim().min(5, "give the reason in a few words").max(4000),
    mostInNeed: z
      .record(z.uuid(), z.boolean())
      .optional()
      .describe(
        "per school id: the state's finding that it most needs entrance security (default: its assessment found no or partial entrance security)",
      ),
  })
  .strict();
export const WithdrawInput = z.object({ reason: z.string().trim().min(5).max(4000) }).strict();
export const AllocateInput = z.object({ reason: z.string().trim().min(3).max(500).default("allocation") }).strict();
export const PaymentInput = z
  .object({ kind: z.enum(["claim", "payment"]), amount: Dollars, on: PlainDateSchema, reference: Text(200).optional() })
  .strict();

export const PlanInput = z
  .object({
    schoolYear: SchoolYear,
    submittedOn: PlainDateSchema.optional(),
    summary: Text().optional(),
    documentId: z.uuid().optional(),
  })
  .strict();
export const DrillInput = z
  .object({
    schoolYear: SchoolYear,
    kind: z.enum(["fire", "crisis-response"]),
    drilledOn: PlainDateSchema,
    reportedOn: PlainDateSchema.optional(),
    evaluatedByPolice: z.boolean(),
    evaluatedByFire: z.boolean(),
    evaluation: Text().optional(),
  })
  .strict();
export const CommitteeMemberInput = z.object({ name: Name, role: CommitteeRole, joinedOn: PlainDateSchema }).strict();
export const LeaveInput = z.object({ leftOn: PlainDateSchema }).strict();
export const BehaviorReportInput = z
  .object({ reportedOn: PlainDateSchema, summary: z.string().trim().min(5).max(4000) })
  .strict();

export const CoordinatorInput = z
  .object({ name: Name, email: Email.optional(), schoolYear: SchoolYear, appointedOn: PlainDateSchema })
  .strict();
export const CompletionInput = z
  .object({ completedOn: PlainDateSchema, provider: z.string().trim().min(2).max(200) })
  .strict();

export const ConsultantInput = z
  .object({
    name: Name,
    employer: Name,
    town: Town,
    services: z.string().trim().min(3).max(1000),
    email: Email,
    phone: z
      .string()
      .trim()
      .regex(/^[0-9 ()+.-]{7,20}$/, "digits, spaces and ()+.- only")
      .optional(),
  })
  .strict();
export type ConsultantInput = z.infer<typeof ConsultantInput>;

export const ProtocolPlanInput = z
  .object({
    kind: z.enum(["initial", "revision"]),
    cycleYear: z.number().int().min(2015).max(2199).optional(),
    submittedOn: PlainDateSchema.optional(),
    reviewedWithPoliceChief: z.boolean(),
    chiefName: Text(200).optional(),
    summary: Text().optional(),
    documentId: z.uuid().optional(),
  })
  .strict();
export const TeamMemberInput = z
  .object({ name: Name, seat: TeamSeat, trained: z.boolean(), joinedOn: PlainDateSchema })
  .strict();
