/**
 * Inputs of the registries (zod): drafts and submissions of assault weapon certificate
 * applications and magazine declarations, staff decisions, transfers and disposals, the
 * windows, dealers' certificates of transfer, counter checks and lost or stolen reports.
 * The API, the web forms and the benchmark share them.
 */
import { z } from "zod";
import { PlainDateSchema } from "../../law/core/schema.ts";
import { FirearmFacts } from "../../law/ct/weapons/firearm-facts.ts";
import { MagazineFacts } from "../../law/ct/weapons/large-capacity-magazine.ts";
import { AmmunitionFacts } from "../../law/ct/weapons/ammunition-facts.ts";
import { Role as PossessionRole } from "../../law/ct/weapons/possession-facts.ts";
import { DeclarationFacts } from "../../law/ct/clocks/declaration-facts.ts";
import { ReadPurpose } from "../../lib/purpose.ts";

const Text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const KINDS = ["aw-certificate", "lcm-declaration"] as const;
export const RegistrationKind = z.enum(KINDS);
export type RegistrationKind = z.infer<typeof RegistrationKind>;

export const STATUSES = [
  "draft",
  "submitted",
  "needs-review",
  "issued",
  "declared",
  "refused",
  "not-covered",
  "withdrawn",
  "transferred",
  "disposed",
  "surrender-required",
] as const;
export type RegistrationStatus = (typeof STATUSES)[number];

export const ROUTES = [
  "general",
  "service-member-return",
  "service-member-transferred",
  "heir",
  "earlier-certificate",
] as const;
export const Route = z
  .enum(ROUTES)
  .describe(
    "general: the 2014-01-01 deadline; service-member-return: 90 days after returning from out-of-state duty; service-member-transferred: 90 days after arriving; heir: 90 days after inheriting; earlier-certificate: a certificate obtained before 2013-04-04",
  );
export type Route = z.infer<typeof Route>;

export const FIREARM_TYPES = ["rifle", "pistol", "shotgun", "other"] as const;

/** The weapon as the applicant describes it (§ 27: a description that identifies it uniquely). */
export const FirearmInput = z
  .object({
    make: Text(1, 100),
    model: Text(1, 100),
    serialNumber: Text(1, 60).regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/, "letters, digits, spaces, . / -"),
    caliber: Text(1, 40),
    type: z.enum(FIREARM_TYPES),
    identificationMarks: Text(0, 2000)
      .optional()
      .describe("every other identification mark: engravings, import marks, proof marks"),
    facts: FirearmFacts.optional().describe(
      "features the examiner classifies with (firearm-classification); any left out stay unknown",
    ),
  })
  .strict();

export const MagazineInput = z
  .object({
    count: z.number().int().min(1).max(10_000),
    capacity: z.number().int().min(0).max(1000).describe("rounds each can hold"),
    caliber: Text(1, 40).optional(),
    description: Text(1, 1000).optional(),
    facts: MagazineFacts.optional().describe("exclusions the examiner classifies with (magazine-classification)"),
  })
  .strict();

export const Thumbprint = z
  .object({
    kind: z.literal("appointment"),
    on: PlainDateSchema.describe("the day of the fingerprinting appointment"),
  })
  .strict()
  .describe("an appointment; an image is uploaded to /thumbprint instead");

/** A draft: everything optional, saved as often as the person likes. */
export const DraftInput = z
  .object({
    kind: RegistrationKind,
    route: Route.optional(),
    routeEventOn: PlainDateSchema.optional().describe(
      "the day the person returned, arrived or inherited (for the 90-day routes)",
    ),
    credentialApplicationId: z
      .uuid()
      .optional()
      .describe("the credential application this declaration rides on (§ 24)"),
    firearm: FirearmInput.partial().strict().optional(),
    magazine: MagazineInput.partial().strict().optional(),
    thumbprint: Thumbprint.optional(),
  })
  .strict();
export type DraftInput = z.infer<typeof DraftInput>;

export const DraftUpdate = DraftInput.omit({ kind: true })
  .extend({
    draftVersion: z.number().int().min(1).describe("the version you edited; a stale one is refused so no edit is lost"),
  })
  .strict();
export type DraftUpdate = z.infer<typeof DraftUpdate>;

/** A submission in one step (drafts skipped). */
export const SubmissionInput = DraftInput.extend({
  firearm: FirearmInput.optional(),
  magazine: MagazineInput.optional(),
}).strict();
export type SubmissionInput = z.infer<typeof SubmissionInput>;

export const ThumbprintUpload = z
  .object({
    contentType: z.enum(["image/png", "image/jpeg", "image/tiff"]),
    dataBase64: z
      .string()
      .min(4)
      .max(2_900_000)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, "base64"),
  })
  .strict();

export const Review = z
  .object({
    eligibleForCertificate: z
      .boolean()
      .optional()
      .describe(
        "assault weapons: the examiner's finding that the holder is eligible for a certificate (CGS § 53-202d)",
      ),
    firearm: FirearmFacts.optional(),
    magazine: MagazineFacts.optional(),
    note: Text(0, 2000).optional(),
  })
  .strict();
export type Review = z.infer<typeof Review>;

export const Refusal = z
  .object({
    reasons: z.array(Text(3, 500)).min(1).max(20),
  })
  .strict();

export const TRANSFER_TO = ["dealer", "despp", "police", "bequest"] as const;
export const Transfer = z
  .object({
    to: z.enum(TRANSFER_TO),
    on: PlainDateSchema,
    recipient: Text(2, 200).describe("the dealer, the police department, or the heir"),
    transferCertificateNumber: z
      .string()
      .trim()
      .regex(/^TC-\d{6,}$/)
      .optional(),
    heirPersonId: z.uuid().optional(),
  })
  .strict();
export type Transfer = z.infer<typeof Transfer>;

export const DISPOSALS = ["rendered-inoperable", "removed-from-state", "surrendered"] as const;
export const Disposal = z
  .object({ how: z.enum(DISPOSALS), on: PlainDateSchema, note: Text(0, 1000).optional() })
  .strict();
export type Disposal = z.infer<typeof Disposal>;

/** A person's situation, from which the windows follow (src/law/ct/clocks). */
export const Situation = DeclarationFacts.extend({
  personId: z.uuid().optional().describe("staff only: whose situation; residents give their own"),
}).strict();
export type Situation = z.infer<typeof Situation>;

export const TransferCertificateInput = z
  .object({
    item: z.enum(["large-capacity-magazine", "assault-weapon"]),
    transferOn: PlainDateSchema,
    count: z.number().int().min(1).max(10_000).default(1),
    description: Text(3, 2000),
    serialNumber: Text(1, 60).optional(),
    transferor: z
      .object({
        name: Text(2, 200),
        address: Text(5, 300),
        idKind: z.enum(["ssn", "drivers-license"]).optional(),
        idNumber: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9-]{4,40}$/, "4 to 40 letters, digits or -")
          .optional(),
      })
      .strict(),
    dealerIdNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/)
      .optional()
      .describe("the dealer's SSN or driver's licence number, if applicable"),
    registrationNumber: z
      .string()
      .trim()
      .regex(/^(AWC|AWA|LCM)-\d{6,}$/)
      .optional(),
  })
  .strict();
export type TransferCertificateInput = z.infer<typeof TransferCertificateInput>;

export const MonthlyReportInput = z
  .object({
    month: z.string().regex(/^\d{4}-\d{2}$/, "YYYY-MM"),
    transfers: z.number().int().min(0).max(1_000_000),
  })
  .strict();

export const MagazineSaleCheck = z
  .object({
    magazine: MagazineFacts,
    buyerRoles: z
      .array(PossessionRole)
      .optional()
      .describe("the buyer's exempt roles (§ 23): [] for none; leave out when not known"),
    on: PlainDateSchema.optional(),
  })
  .strict();
export type MagazineSaleCheck = z.infer<typeof MagazineSaleCheck>;

export const AmmunitionSaleCheck = z
  .object({
    ammunition: AmmunitionFacts,
    buyerRoles: z.array(PossessionRole).optional(),
    on: PlainDateSchema.optional(),
  })
  .strict();
export type AmmunitionSaleCheck = z.infer<typeof AmmunitionSaleCheck>;

export const FirearmSaleCheck = z
  .object({
    firearm: FirearmFacts,
    buyerRoles: z.array(PossessionRole).optional(),
    on: PlainDateSchema.optional(),
  })
  .strict();
export type FirearmSaleCheck = z.infer<typeof FirearmSaleCheck>;

export const LostStolenInput = z
  .object({
    kind: z.enum(["lost", "stolen"]),
    serialNumber: Text(1, 60),
    make: Text(1, 100).optional(),
    model: Text(1, 100).optional(),
    caliber: Text(1, 40).optional(),
    circumstances: Text(10, 4000),
    town: Text(1, 100).optional(),
    discoveredAt: z.iso
      .datetime({ offset: true })
      .describe("when the loss or theft was discovered (or should have been)"),
    personId: z.uuid().optional().describe("staff and police reporting for an owner"),
  })
  .strict();
export type LostStolenInput = z.infer<typeof LostStolenInput>;

export const PurposeBody = z.object({ purpose: ReadPurpose }).strict();
