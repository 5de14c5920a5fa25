/** HTTP routes for the review of ammunition checks (review.ts) and the seller's view of a check. Thin: validate, call, present. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { PlainDateSchema } from "../../law/core/schema.ts";
import { requirePurpose } from "../audit/index.ts";
import { presentCheck, presentCredentialForStaff, presentReviewForSeller } from "./present.ts";
import {
  authorizeReviewedCheck,
  correctCheck,
  denyReviewedCheck,
  getCheckReview,
  getOwnCheck,
  returnCheckToSeller,
} from "./review.ts";
import { RECHECK_KINDS } from "./review-state.ts";
import { presentFindingForSeller } from "./present.ts";

const Id = z.object({ id: z.uuid() });
const STAFF = ["licensing_staff"];
const SELLERS = ["dealer", "ammunition_vendor"];
const seller = (r: Awaited<ReturnType<typeof getOwnCheck>>) => ({
  check: presentCheck(r.check),
  review: presentReviewForSeller(r.effective),
});

export const ammunitionReviewRoutes = [
  route({
    method: "GET",
    url: "/api/v1/ammunition/checks/{id}",
    tags: ["point of sale"],
    auth: "user",
    roles: SELLERS,
    summary: "A check of yours, and where it stands after review (approved on review, refused, sent back to you)",
    params: Id,
    handler: async (ctx, { params }) => seller(await getOwnCheck(ctx, params.id)),
  }),
  route({
    method: "GET",
    url: "/api/v1/ammunition/checks/{id}/review",
    tags: ["point of sale"],
    auth: "user",
    roles: STAFF,
    summary:
      "An ammunition check that needs review: the seller's entries beside the state's record, and what staff may do",
    description:
      "Send why in the `Stateline-Purpose: <code>; <why, at least 10 characters>` header; the read is audited.",
    params: Id,
    handler: async (ctx, { params, headers }) => {
      const r = await getCheckReview(ctx, params.id, requirePurpose({ headers, query: {} }));
      return {
        check: { ...presentCheck(r.check), buyer: r.check.buyer },
        state: r.state,
        byNumber: r.byNumber ? presentCredentialForStaff(r.byNumber) : null,
        candidates: r.candidates.map(presentCredentialForStaff),
        mismatches: r.mismatches,
        actions: r.actions.map((a) => ({
          action: a.action,
          note: a.note,
          recheck: a.recheck,
          outcome: a.outcome,
          at: a.at,
        })),
        next: r.next,
      };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/ammunition/checks/{id}/review/authorize",
    tags: ["point of sale"],
    auth: "user",
    roles: STAFF,
    idempotent: true,
    successStatus: 200,
    summary:
      "Confirm which credential the buyer holds; the law (PA 13-3 §§ 14-17) and the limit decide again: approved (the sale may be recorded today) or refused",
    params: Id,
    body: z
      .object({
        credentialId: z.uuid(),
        note: z.string().trim().min(10).max(1000).describe("how the buyer's identity was confirmed"),
      })
      .strict(),
    handler: async (ctx, { params, body }) => {
      const r = await authorizeReviewedCheck(ctx, { checkId: params.id, ...body });
      return {
        check: presentCheck(r.check),
        review: presentReviewForSeller(r.effective),
        findings: r.findings.map((f) => presentFindingForSeller(f)),
      };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/ammunition/checks/{id}/review/deny",
    tags: ["point of sale"],
    auth: "user",
    roles: STAFF,
    idempotent: true,
    successStatus: 200,
    summary: "Deny an ammunition check on review, with the reason the seller reads",
    params: Id,
    body: z.object({ reason: z.string().trim().min(10).max(1000) }).strict(),
    handler: async (ctx, { params, body }) =>
      seller(await denyReviewedCheck(ctx, { checkId: params.id, reason: body.reason })),
  }),
  route({
    method: "POST",
    url: "/api/v1/ammunition/checks/{id}/review/return",
    tags: ["point of sale"],
    auth: "user",
    roles: STAFF,
    idempotent: true,
    successStatus: 200,
    summary: "Send a check back to the seller to re-check kinds of entry (the seller is not shown the record)",
    params: Id,
    body: z
      .object({
        recheck: z.array(z.enum(RECHECK_KINDS)).min(1).max(3),
        note: z.string().trim().max(500).optional(),
      })
      .strict(),
    handler: async (ctx, { params, body }) =>
      seller(await returnCheckToSeller(ctx, { checkId: params.id, recheck: body.recheck, note: body.note })),
  }),
  route({
    method: "POST",
    url: "/api/v1/ammunition/checks/{id}/correction",
    tags: ["point of sale"],
    auth: "user",
    roles: SELLERS,
    idempotent: true,
    summary:
      "Correct the entries licensing staff sent back: a new check runs with them (same lines); answers the new check",
    params: Id,
    body: z
      .object({
        buyer: z
          .object({
            firstName: z.string().trim().min(1).max(100).optional(),
            lastName: z.string().trim().min(1).max(100).optional(),
            birthDate: PlainDateSchema.optional(),
            credentialNumber: z
              .string()
              .trim()
              .regex(/^[A-Za-z]{2}[\s-]?\d{4,12}$/, "looks like SP-1000001")
              .optional(),
          })
          .strict(),
      })
      .strict(),
    handler: async (ctx, { params, body }) => {
      const r = await correctCheck(ctx, { checkId: params.id, buyer: body.buyer });
      return {
        correctedCheckId: r.correctedCheckId,
        check: presentCheck(r.check),
        findings: r.findings.map((f) => presentFindingForSeller(f, r.presented)),
        nextSteps: r.nextSteps,
      };
    },
  }),
];
