/** zod inputs of the enforcement module, shared by the API, the web forms and the CLI. */
import { z } from "zod";
import { PlainDateSchema } from "../../law/core/schema.ts";

export { FeedRecord, FEED_SOURCES, type FeedSource } from "../../adapters/courts/contract.ts";

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const ReviewDecision = z
  .object({
    decision: z.enum(["match", "not-a-match"]),
    personId: z.uuid().optional().describe("the person the record is about (required for a match)"),
    note: text(1, 2000).optional(),
  })
  .strict();
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const ComplianceItem = z
  .object({
    itemKind: z.enum(["firearm", "ammunition"]),
    description: text(1, 300),
    serialNumber: text(1, 60).optional(),
    quantity: z.number().int().min(1).max(1_000_000).default(1),
  })
  .strict();

export const Transferee = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("person"),
      firstName: text(1, 100),
      lastName: text(1, 100),
      birthDate: PlainDateSchema,
      credentialNumber: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}-\d{1,12}$/, "a credential number such as SP-100001"),
    })
    .strict(),
  z
    .object({
      kind: z.literal("dealer"),
      name: text(2, 200),
      fflNumber: z
        .string()
        .trim()
        .regex(
          /^\d-\d{2}-\d{3}-\d{2}-[0-9A-Z]{2}-\d{5}$/,
          "a federal firearms licence number such as 6-06-001-01-7A-00001",
        ),
    })
    .strict(),
]);

export const CompliancePayload = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("transfer"),
      transferredOn: PlainDateSchema,
      transferee: Transferee,
      items: z.array(ComplianceItem).min(1).max(200),
      final: z.boolean().describe("true when this transfer covers everything left to transfer or surrender"),
      note: text(1, 2000).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("surrender"),
      surrenderedOn: PlainDateSchema,
      receiptNumber: text(3, 60),
      agency: text(2, 200),
      items: z.array(ComplianceItem).min(1).max(200),
      final: z.boolean(),
      note: text(1, 2000).optional(),
    })
    .strict(),
]);
export type CompliancePayload = z.infer<typeof CompliancePayload>;

export const SeizureItem = z
  .object({
    itemKind: z.enum(["firearm", "ammunition"]),
    description: text(1, 500),
    serialNumber: text(1, 60).optional(),
    quantity: z.number().int().min(1).max(1_000_000).default(1),
    stolen: z.boolean().default(false),
    rightfulOwner: text(1, 200).optional(),
  })
  .strict();

export const NewSeizure = z
  .object({
    basis: z
      .enum(["risk-warrant", "domestic-violence", "recovered"])
      .describe("§ 33 risk warrant, § 37 domestic violence investigation, or recovered (e.g. stolen)"),
    seizedOn: PlainDateSchema,
    agency: text(2, 200),
    personId: z.uuid().optional(),
    feedRecordId: z.uuid().optional().describe("the risk warrant or order from the court feed, when there is one"),
    items: z.array(SeizureItem).min(1).max(500),
  })
  .strict();
export type NewSeizure = z.infer<typeof NewSeizure>;

export const SeizureAction = z.discriminatedUnion("action", [
  z.object({ action: z.literal("schedule-hearing"), hearingOn: PlainDateSchema }).strict(),
  z
    .object({
      action: z.literal("record-outcome"),
      outcome: z
        .enum(["return", "hold", "forfeit"])
        .describe("return to the owner; hold (risk warrant: up to one year); forfeit as contraband or nuisance (§ 39)"),
      heldUntil: PlainDateSchema.optional(),
      note: text(1, 2000).optional(),
    })
    .strict(),
  z.object({ action: z.literal("return"), on: PlainDateSchema, to: text(2, 200) }).strict(),
  z.object({ action: z.literal("destroy"), on: PlainDateSchema }).strict(),
  z
    .object({
      action: z.literal("auction"),
      on: PlainDateSchema,
      buyerCredentialNumber: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}-\d{1,12}$/)
        .optional()
        .describe("§ 9: a long gun buyer at auction holds a long gun eligibility certificate"),
      receiptsCents: z
        .number()
        .int()
        .min(0)
        .max(1_000_000_000)
        .optional()
        .describe("§ 40: deposited in the General Fund"),
    })
    .strict(),
  z
    .object({
      action: z.literal("return-stolen"),
      itemId: z.number().int().min(1),
      on: PlainDateSchema,
      owner: text(2, 200),
    })
    .strict(),
]);
export type SeizureAction = z.infer<typeof SeizureAction>;

export const Paging = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
