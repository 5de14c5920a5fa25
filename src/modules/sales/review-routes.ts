/** HTTP routes for the review of sales waiting for licensing staff, and the seller's correction (review.ts). */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { PlainDateSchema } from "../../law/core/schema.ts";
import type { Ctx } from "../../context.ts";
import { requirePurpose } from "../audit/index.ts";
import { presentAnswer, presentSaleForStaff } from "./present.ts";
import { findDecision, getNicsCheck } from "./queries.ts";
import {
  RECHECK_KINDS,
  authorizeReviewedSale,
  correctSale,
  denyReviewedSale,
  getSaleReview,
  returnSaleToSeller,
} from "./review.ts";
import type { SaleOutcome } from "./service.ts";
import { serialWarnings } from "./serial-warning.ts";

const Id = z.object({ id: z.uuid() });
const Name = z.string().trim().min(1).max(100);
const CredentialNumber = z
  .string()
  .trim()
  .min(3)
  .max(20)
  .regex(/^[A-Za-z]{2}-?\d{4,12}$/, "looks like LE-1000001");

async function answer(ctx: Ctx, o: SaleOutcome) {
  const staff = ctx.user!.role === "licensing_staff";
  const warnings = await serialWarnings(ctx.db, o.sale);
  return {
    ...presentAnswer(o, await findDecision(ctx.db, o.sale.latestDecisionId), staff ? "staff" : "dealer"),
    ...(warnings.length ? { warnings } : {}),
  };
}

export const salesReviewRoutes = [
  route({
    method: "GET",
    url: "/api/v1/sales/{id}/review",
    tags: ["point of sale"],
    auth: "user",
    roles: ["licensing_staff"],
    summary: "A sale waiting for review: the seller's entries beside the state's record, and what staff may do",
    description:
      "Send why in the `Stateline-Purpose: <code>; <why, at least 10 characters>` header; the read is audited.",
    params: Id,
    handler: async (ctx, { params, headers }) => {
      const purpose = requirePurpose({ headers, query: {} });
      const r = await getSaleReview(ctx, params.id, purpose);
      return {
        sale: presentSaleForStaff(r.sale, await getNicsCheck(ctx.db, r.sale.id), null),
        state: r.state,
        entered: r.entered,
        byNumber: r.byNumber,
        candidates: r.candidates,
        mismatches: r.mismatches,
        returned: r.returned,
        next: r.next,
      };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/sales/{id}/review/authorize",
    tags: ["point of sale"],
    auth: "user",
    roles: ["licensing_staff"],
    idempotent: true,
    successStatus: 200,
    summary:
      "Confirm who the buyer is (the credential) and decide the sale again: authorized, denied, or still waiting for NICS",
    params: Id,
    body: z
      .object({
        credentialId: z.uuid(),
        note: z.string().trim().min(10).max(1000).describe("how the buyer's identity was confirmed"),
      })
      .strict(),
    handler: async (ctx, { params, body }) =>
      answer(
        ctx,
        await authorizeReviewedSale(ctx, { saleId: params.id, credentialId: body.credentialId, note: body.note }),
      ),
  }),
  route({
    method: "POST",
    url: "/api/v1/sales/{id}/review/deny",
    tags: ["point of sale"],
    auth: "user",
    roles: ["licensing_staff"],
    idempotent: true,
    successStatus: 200,
    summary: "Deny a sale on review, with the reason the seller and the buyer read",
    params: Id,
    body: z.object({ reason: z.string().trim().min(10).max(1000) }).strict(),
    handler: async (ctx, { params, body }) =>
      answer(ctx, await denyReviewedSale(ctx, { saleId: params.id, reason: body.reason })),
  }),
  route({
    method: "POST",
    url: "/api/v1/sales/{id}/review/return",
    tags: ["point of sale"],
    auth: "user",
    roles: ["licensing_staff"],
    idempotent: true,
    successStatus: 200,
    summary: "Send a sale back to the seller to re-check kinds of entry (the seller is not shown the record)",
    params: Id,
    body: z
      .object({ recheck: z.array(z.enum(RECHECK_KINDS)).min(1).max(3), note: z.string().trim().max(500).optional() })
      .strict(),
    handler: async (ctx, { params, body }) =>
      answer(ctx, await returnSaleToSeller(ctx, { saleId: params.id, recheck: body.recheck, note: body.note })),
  }),
  route({
    method: "POST",
    url: "/api/v1/sales/{id}/correction",
    tags: ["point of sale"],
    auth: "user",
    roles: ["dealer"],
    idempotent: true,
    successStatus: 200,
    summary:
      "Correct the buyer's entries licensing staff sent back; the sale is decided again (a changed name or date of birth runs a new NICS check)",
    params: Id,
    body: z
      .object({
        buyer: z
          .object({
            firstName: Name.optional(),
            middleName: z.string().trim().max(100).optional(),
            lastName: Name.optional(),
            birthDate: PlainDateSchema.optional(),
            credentialNumber: CredentialNumber.optional(),
          })
          .strict(),
      })
      .strict(),
    handler: async (ctx, { params, body }) =>
      answer(ctx, await correctSale(ctx, { saleId: params.id, buyer: body.buyer })),
  }),
];
