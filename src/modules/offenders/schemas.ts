/**
 * Inputs and outputs of the Deadly Weapon Offender Registry (PA 13-3 §§ 18-22), shared by the
 * API, the web forms and the court feed. Types are z.infer of the schemas.
 */
import { z } from "zod";
import { PlainDateSchema } from "../../law/core/schema.ts";
import { ReadPurpose } from "../../lib/purpose.ts";

const Name = z.string().trim().min(1).max(100);
const Town = z.string().trim().min(1).max(100);
const State = z.string().regex(/^[A-Z]{2}$/, "two capital letters, e.g. CT");
const Zip = z.string().regex(/^[0-9]{5}$/, "five digits");

export const NewPersonInput = z
  .object({
    firstName: Name,
    middleName: Name.optional(),
    lastName: Name,
    birthDate: PlainDateSchema,
    street: z.string().trim().min(1).max(200).optional(),
    town: Town.optional(),
    state: State.optional(),
    zip: Zip.optional(),
    email: z.email().max(254).optional(),
  })
  .strict();

/**
 * A conviction or finding of not guilty by reason of mental disease or defect, as the court feed
 * or corrections sends it (or staff key it from paper).
 */
export const CourtRecord = z
  .object({
    personId: z.uuid().optional().describe("a person Stateline already knows; else give `person`"),
    person: NewPersonInput.optional(),
    statute: z.string().trim().min(1).max(50).describe('the statute violated, e.g. "53a-217c" or "29-33(c)"'),
    subsection: z.string().trim().max(10).optional(),
    secondOrSubsequent: z.boolean().optional(),
    isFelony: z.boolean().optional(),
    courtFoundFirearm: z
      .boolean()
      .optional()
      .describe("the court found a firearm was used, threatened, displayed or represented"),
    offenseDescription: z.string().trim().min(1).max(1000).optional(),
    disposition: z.enum(["convicted", "not-guilty-by-reason-of-mental-disease-or-defect", "other"]),
    dispositionOn: PlainDateSchema,
    courtDocket: z.string().trim().min(1).max(100).optional(),
    releasedOn: PlainDateSchema.describe("day released (or to be released) into the community"),
    fromDocCustody: z
      .boolean()
      .describe("released from the Department of Correction's custody (register before release)"),
    source: z.enum(["staff", "corrections", "court-feed"]).default("staff"),
    sourceReference: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((r) => Boolean(r.personId) !== Boolean(r.person), {
    message: "give either personId or person",
    path: ["personId"],
  });
export type CourtRecord = z.infer<typeof CourtRecord>;

export const DNA_STATUSES = ["unknown", "not-required", "required-not-taken", "collected", "on-file"] as const;
export const PHOTO_SOURCES = ["DESPP", "DOC", "law-enforcement", "CSSD"] as const;

/** What the registrant gives (and DESPP takes) when appearing to register. */
export const RegistrationInput = z
  .object({
    registeredOn: PlainDateSchema.optional().describe("the day of registration; today by default"),
    aliases: z.array(Name).max(20).default([]),
    physicalDescription: z.string().trim().min(3).max(1000),
    homeStreet: z.string().trim().min(1).max(200),
    homeTown: Town,
    homeState: State.default("CT"),
    homeZip: Zip.optional(),
    email: z.email().max(254).optional(),
    fingerprintAppointmentOn: PlainDateSchema.optional(),
    fingerprintReference: z.string().trim().min(1).max(100).optional(),
    criminalHistoryReference: z.string().trim().min(1).max(100),
    photoReference: z.string().trim().min(1).max(200).optional(),
    dnaStatus: z.enum(DNA_STATUSES).default("unknown"),
    signed: z.literal(true, { message: "the registrant must sign and date the registration" }),
  })
  .strict();
export type RegistrationInput = z.infer<typeof RegistrationInput>;

export const PhotoInput = z
  .object({
    contentType: z.enum(["image/jpeg", "image/png"]),
    dataBase64: z
      .string()
      .min(4)
      .max(2_800_000)
      .regex(/^[A-Za-z0-9+/]+=*$/, "base64"),
    takenBy: z.enum(PHOTO_SOURCES),
    takenOn: PlainDateSchema,
  })
  .strict();
export type PhotoInput = z.infer<typeof PhotoInput>;

export const LookupInput = z
  .object({
    lastName: Name.optional(),
    firstName: Name.optional(),
    birthDate: PlainDateSchema.optional(),
    town: Town.optional(),
    purpose: ReadPurpose,
  })
  .strict()
  .refine((x) => x.lastName || x.birthDate || x.town, {
    message: "give a last name, a date of birth or a town",
    path: ["lastName"],
  });
export type LookupInput = z.infer<typeof LookupInput>;

export const PurposeBody = z.object({ purpose: ReadPurpose }).strict();

export const VerificationReport = z
  .object({
    year: z.number().int().min(1).max(4),
    outcome: z.enum(["appeared", "did-not-appear", "deferred"]),
    appearedOn: PlainDateSchema.optional(),
    deferredTo: PlainDateSchema.optional(),
    deferralCause: z.string().trim().min(5).max(2000).optional(),
    agency: z.string().trim().min(2).max(200).describe("the police department or state police troop reporting"),
  })
  .strict()
  .superRefine((x, c) => {
    if (x.outcome === "appeared" && !x.appearedOn)
      c.addIssue({ code: "custom", path: ["appearedOn"], message: "say the day the registrant appeared" });
    if (x.outcome === "deferred" && !x.deferredTo)
      c.addIssue({ code: "custom", path: ["deferredTo"], message: "a deferral needs its new date" });
    if (x.outcome === "deferred" && !x.deferralCause)
      c.addIssue({ code: "custom", path: ["deferralCause"], message: "a deferral needs the good cause" });
  });
export type VerificationReport = z.infer<typeof VerificationReport>;

export const ChangeInput = z
  .object({
    kind: z.enum(["name", "address"]),
    changedOn: PlainDateSchema,
    source: z
      .enum(["registrant", "court-order", "law-enforcement", "staff"])
      .optional()
      .describe("who tells DESPP; a registrant's own report when they send it"),
    firstName: Name.optional(),
    lastName: Name.optional(),
    street: z.string().trim().min(1).max(200).optional(),
    town: Town.optional(),
    state: State.optional(),
    zip: Zip.optional(),
  })
  .strict()
  .superRefine((x, c) => {
    if (x.kind === "name" && !x.lastName && !x.firstName)
      c.addIssue({ code: "custom", path: ["lastName"], message: "give the new name" });
    if (x.kind === "address" && !x.street)
      c.addIssue({ code: "custom", path: ["street"], message: "give the new street address" });
    if (x.kind === "address" && !x.state)
      c.addIssue({ code: "custom", path: ["state"], message: "give the state (CT, or the other state)" });
    if (x.kind === "address" && x.state === "CT" && !x.town)
      c.addIssue({ code: "custom", path: ["town"], message: "give the Connecticut town" });
  });
export type ChangeInput = z.infer<typeof ChangeInput>;

export const SuspendInput = z
  .object({
    ground: z.enum(["incarcerated", "civil-commitment", "out-of-state"]),
    note: z.string().trim().min(3).max(2000).optional(),
  })
  .strict();
export type SuspendInput = z.infer<typeof SuspendInput>;

export const NoncomplianceQuery = z
  .object({
    town: Town.optional(),
    includeResolved: z.enum(["true", "false"]).optional(),
  })
  .strict();
