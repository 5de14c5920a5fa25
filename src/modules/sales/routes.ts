/** HTTP routes for firearm sale authorizations and dealers' webhooks. Thin: validate, authorize, call, present. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { AppError } from "../../lib/errors.ts";
import { PlainDateSchema } from "../../law/core/schema.ts";
import type { Ctx } from "../../context.ts";
import { auditRead, auditRefusedRead, requirePurpose } from "../audit/index.ts";
import { getDealer } from "../dealers/index.ts";
import { DEALER_KINDS } from "./evaluate.ts";
import { NCIC_CALIBERS, NCIC_MAKES, NCIC_TYPES, isCaliberCode, isMakeCode, isTypeCode, typeOf } from "./ncic.ts";
import { salesPolicy } from "./policy.ts";
import {
  presentAnswer,
  presentDecision,
  presentSaleForDealer,
  presentSaleForPolice,
  presentSaleForStaff,
} from "./present.ts";
import {
  findDecision,
  findRecord,
  getNicsCheck,
  getSale,
  listSales,
  saleHistory,
  saleReports,
  type Sale,
} from "./queries.ts";
import * as svc from "./service.ts";
import { registerWebhook } from "./webhooks.ts";
import { serialWarnings } from "./serial-warning.ts";

const Id = z.object({ id: z.uuid() });
/** Kept in the query's schema only to refuse it with a clear answer: purposes go in a header or body (audit/reads.ts). */
const NoPurposeInUrl = z.unknown().optional().describe("refused: send the purpose in the Stateline-Purpose header");
const PURPOSE_DOC =
  "Licensing staff and law enforcement send why they need these records in the `Stateline-Purpose: <code>; <why, at least 10 characters>` header (never in the URL); the read is audited, and a refused attempt too.";
const Name = z.string().trim().min(1).max(100);
const State = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "a two-letter state code");
const Zip = z.string().regex(/^\d{5}$/, "five digits");
const Street = z.string().trim().min(3).max(200);
const Town = z.string().trim().min(2).max(100);
const CredentialNumber = z
  .string()
  .trim()
  .min(3)
  .max(20)
  .regex(/^[A-Za-z]{2}-?\d{4,12}$/, "looks like LE-1000001");
const Code = z.string().trim().toUpperCase();

export const BuyerBody = z
  .object({
    firstName: Name,
    middleName: Name.optional(),
    lastName: Name,
    birthDate: PlainDateSchema,
    birthPlace: z.string().trim().min(2).max(200).describe("town or city, and state or country"),
    street: Street,
    town: Town,
    state: State,
    zip: Zip.optional(),
    sex: z
      .enum(["M", "F", "X", "U"])
      .optional()
      .describe("NCIC sex code; required for a private long gun sale's NICS check"),
    race: z
      .enum(["A", "B", "I", "U", "W"])
      .optional()
      .describe("NCIC race code; required for a private long gun sale's NICS check"),
    officer: z
      .enum(["federal-marshal", "parole-officer", "peace-officer"])
      .optional()
      .describe("only when the buyer claims this exception from the credential requirement"),
    credentialNumber: CredentialNumber,
    idDocument: z
      .object({
        type: z.enum(["drivers-license", "state-id", "passport", "military-id"]),
        number: z.string().trim().min(3).max(40),
        issuer: z.string().trim().min(2).max(100),
      })
      .strict(),
  })
  .strict();

export const SellerBody = z
  .object({
    name: z.string().trim().min(2).max(200),
    street: Street,
    town: Town,
    state: State,
    zip: Zip.optional(),
    credentialNumber: CredentialNumber.optional(),
  })
  .strict();

export const FirearmBody = z
  .object({
    make: Code.refine(
      isMakeCode,
      "not an NCIC make code (MAK); use ZZZ and describe the make in firearm.description if it is not listed",
    ).meta({
      enum: Object.keys(NCIC_MAKES),
      description: "NCIC make code (MAK); ZZZ with firearm.description when not listed",
    }),
    model: z.string().trim().min(1).max(60),
    serialNumber: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9-]+$/, "letters, digits and hyphens"),
    caliber: Code.refine(isCaliberCode, "not an NCIC caliber code (CAL)").meta({
      enum: Object.keys(NCIC_CALIBERS),
      description: "NCIC caliber code (CAL)",
    }),
    type: Code.refine(isTypeCode, "not an NCIC type code (TYP)").meta({
      enum: Object.keys(NCIC_TYPES),
      description: "NCIC gun type code (TYP)",
    }),
    description: z.string().trim().min(1).max(500).optional(),
    semiautomatic: z.boolean().optional(),
    centerfire: z.boolean().optional(),
    acceptsMagazineOverFiveRounds: z.boolean().optional(),
    antique: z.boolean().optional(),
  })
  .strict();

type Shape = {
  kind: string;
  seller?: unknown;
  firearm: { type: string; make: string; description?: string | undefined };
};
function crossChecks(b: Shape, ctx: z.RefinementCtx) {
  const privateSale = b.kind.startsWith("private-");
  if (privateSale && !b.seller)
    ctx.addIssue({ code: "custom", path: ["seller"], message: "a private sale names the private seller" });
  if (!privateSale && b.seller)
    ctx.addIssue({ code: "custom", path: ["seller"], message: "only a private sale names a private seller" });
  const t = typeOf(b.firearm.type);
  const handgun = b.kind.includes("handgun");
  if (t && (t.automatic || t.class === "other"))
    ctx.addIssue({
      code: "custom",
      path: ["firearm", "type"],
      message: `${t.name}: not a firearm this authorization covers`,
    });
  else if (t && t.class !== (handgun ? "handgun" : "long-gun"))
    ctx.addIssue({
      code: "custom",
      path: ["firearm", "type"],
      message: handgun
        ? "a handgun sale needs a pistol type code (P…)"
        : "a long gun sale needs a rifle, shotgun or combination type code (R…, S…, C)",
    });
  if (b.firearm.make === "ZZZ" && !b.firearm.description)
    ctx.addIssue({
      code: "custom",
      path: ["firearm", "description"],
      message: "describe the make when the make code is ZZZ",
    });
}

export const SaleBody = z
  .object({
    kind: z.enum(DEALER_KINDS),
    buyer: BuyerBody,
    seller: SellerBody.optional().describe("the private seller, for private sales only"),
    firearm: FirearmBody,
    saleDate: PlainDateSchema.optional().describe("defaults to today; may not be in the future"),
  })
  .strict()
  .superRefine(crossChecks);

export const StateSaleBody = z
  .object({
    kind: z.enum(["private-long-gun", "private-handgun"]),
    buyer: BuyerBody,
    seller: SellerBody,
    firearm: FirearmBody,
    saleDate: PlainDateSchema.optional(),
  })
  .strict()
  .superRefine(crossChecks);

const Finding = z.object({ id: z.string(), status: z.string(), because: z.string(), citation: z.string() }).loose();
const AnswerOut = z
  .object({
    answer: z.enum(["authorized", "denied", "delayed", "cancelled"]),
    sale: z.object({ id: z.string(), number: z.string(), status: z.string() }).loose(),
    authorizationNumber: z.string().nullable(),
    nicsTransactionNumber: z.string().nullable(),
    proceedAfter: z
      .string()
      .nullable()
      .describe(
        "last day of the federal three-business-day wait; the dealer may proceed on the days after it (mayProceedOn)",
      ),
    mayProceedOn: z.string().nullable(),
    credentialCheck: z.object({ verified: z.boolean(), validForPurpose: z.boolean().nullable() }),
    decision: z
      .object({ outcome: z.enum(["yes", "no", "unknown"]), findings: z.array(Finding) })
      .loose()
      .nullable(),
    citations: z.array(z.string()),
    appeal: z.array(z.object({ to: z.string(), how: z.string(), citation: z.string() })).optional(),
    warnings: z
      .array(
        z.object({
          code: z.literal("same-serial-recently-authorized"),
          message: z.string(),
          otherSaleNumber: z.string().nullable(),
          minutesApart: z.number(),
        }),
      )
      .optional()
      .describe(
        "the same serial number (and make) was authorized in another sale within 30 minutes: check the serial number",
      ),
  })
  .loose();

async function dealerSummary(ctx: Ctx, s: Sale) {
  if (!s.dealerId) return null;
  const d = await getDealer(ctx.db, s.dealerId);
  return { id: d.id, name: d.name, fflNumber: d.fflNumber };
}

async function answer(ctx: Ctx, o: svc.SaleOutcome) {
  const staff = ctx.user!.role === "licensing_staff";
  const warnings = o.warnings ?? (await serialWarnings(ctx.db, o.sale));
  return {
    ...presentAnswer(
      o,
      o.decision ?? (await findDecision(ctx.db, o.sale.latestDecisionId)),
      staff ? "staff" : "dealer",
      staff ? await dealerSummary(ctx, o.sale) : null,
    ),
    ...(warnings.length ? { warnings } : {}),
  };
}

export const salesRoutes = [
  route({
    method: "POST",
    url: "/api/v1/sales",
    tags: ["point of sale"],
    auth: "user",
    roles: ["dealer"],
    idempotent: true,
    summary: "Request a firearm sale authorization (retail, or a private sale through this dealer)",
    description:
      "Verifies the buyer's credential (number, last name and date of birth), asks the rulebook (long-gun-sale or handgun-sale), runs the NICS check and answers: authorized with the state's authorization number; denied with the findings, their citations and how to appeal; or delayed (NICS delayed, NICS down, or facts a person must review) with the NICS transaction number (or Stateline's reference while NICS is down) and, where the federal three-business-day rule applies, proceedAfter. A credential that does not match is never a denial: the sale waits for review. Stores the sale, its decision, its history, the receipt or transfer form and the copies to the state and the local police in one transaction.",
    body: SaleBody,
    example: {
      kind: "retail-handgun",
      buyer: {
        firstName: "Jane",
        lastName: "Doe",
        birthDate: "1980-05-17",
        birthPlace: "Hartford, CT",
        street: "100 Main Street",
        town: "Hartford",
        state: "CT",
        zip: "06103",
        credentialNumber: "HP-100001",
        idDocument: { type: "drivers-license", number: "123456789", issuer: "Connecticut DMV" },
      },
      firearm: { make: "SW", model: "Model 10", serialNumber: "SN12345", caliber: "38", type: "PR" },
    },
    response: AnswerOut,
    handler: async (ctx, { body }) => answer(ctx, await svc.requestSale(ctx, body)),
  }),
  route({
    method: "POST",
    url: "/api/v1/sales/private-state-authorization",
    tags: ["point of sale"],
    auth: "user",
    roles: ["licensing_staff"],
    idempotent: true,
    summary: "Process a private sale through the state's own route (no dealer)",
    description:
      "For a private long gun sale authorized by DESPP (PA 13-3 § 1, option 1) or a private handgun transfer. Same answer as a dealer's request.",
    body: StateSaleBody,
    response: AnswerOut,
    handler: async (ctx, { body }) => answer(ctx, await svc.requestStateAuthorization(ctx, body)),
  }),
  route({
    method: "GET",
    url: "/api/v1/sales",
    tags: ["point of sale"],
    auth: "user",
    roles: ["dealer", "licensing_staff", "law_enforcement"],
    summary:
      "Sales: a dealer's own; all, with filters, for licensing staff; by serial number, for law enforcement (both with a purpose, audited)",
    description: PURPOSE_DOC,
    query: z.object({
      status: z.enum(["delayed", "authorized", "proceeded", "denied", "denied-after-transfer", "cancelled"]).optional(),
      from: PlainDateSchema.optional(),
      to: PlainDateSchema.optional(),
      dealerId: z.uuid().optional().describe("licensing staff only"),
      serialNumber: z.string().trim().min(1).max(40).optional(),
      purpose: NoPurposeInUrl,
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    handler: async (ctx, { query, headers }) => {
      const u = ctx.user!;
      const base = {
        status: query.status,
        from: query.from,
        to: query.to,
        serialNumber: query.serialNumber,
        limit: query.limit,
        offset: query.offset,
      };
      if (salesPolicy.listAll(u)) {
        const purpose = requirePurpose({ headers, query });
        const r = await listSales(ctx.db, { ...base, dealerId: query.dealerId });
        await ctx.db.tx((q) =>
          auditRead(q, ctx, purpose, {
            action: "sale.list",
            entityType: "sales",
            personIds: r.items.map((s) => s.buyer.personId),
            details: {
              filter: {
                status: query.status ?? null,
                from: query.from ?? null,
                to: query.to ?? null,
                dealerId: query.dealerId ?? null,
                serialNumber: query.serialNumber ?? null,
              },
              shown: r.items.length,
            },
          }),
        );
        return {
          total: r.total,
          items: r.items.map((s) => ({
            id: s.id,
            number: s.number,
            kind: s.kind,
            status: s.status,
            saleDate: s.saleOn,
            dealer: s.dealerName,
            buyer: { firstName: s.buyer.firstName, lastName: s.buyer.lastName },
            firearm: { make: s.firearm.make, model: s.firearm.model, serialNumber: s.firearm.serialNumber },
            authorizationNumber: s.authorizationNumber,
            nicsTransactionNumber: s.nicsTransactionNumber,
          })),
        };
      }
      if (salesPolicy.listOwn(u)) {
        // QUESTION(legal): a dealer reading its own sales (records § 1 requires it to keep) states no purpose.
        if (query.purpose !== undefined) requirePurpose({ headers, query });
        const dealerId = await svc.actingDealerId(ctx);
        const r = await listSales(ctx.db, { ...base, dealerId: dealerId! });
        return {
          total: r.total,
          items: r.items.map((s) => ({
            id: s.id,
            number: s.number,
            kind: s.kind,
            status: s.status,
            saleDate: s.saleOn,
            buyer: { firstName: s.buyer.firstName, lastName: s.buyer.lastName },
            firearm: { make: s.firearm.make, model: s.firearm.model, serialNumber: s.firearm.serialNumber },
            authorizationNumber: s.authorizationNumber,
            nicsTransactionNumber: s.nicsTransactionNumber,
            mayProceedOn: s.mayProceedOn,
          })),
        };
      }
      if (salesPolicy.lookUpBySerial(u)) {
        if (!query.serialNumber)
          throw new AppError(
            "validation",
            "query.serialNumber: law enforcement look sales up by a firearm's serial number",
            {
              fields: [
                { field: "query.serialNumber", message: "law enforcement look sales up by a firearm's serial number" },
              ],
            },
          );
        const purpose = requirePurpose({ headers, query });
        const r = await listSales(ctx.db, {
          serialNumber: query.serialNumber,
          limit: query.limit,
          offset: query.offset,
        });
        await ctx.db.tx((q) =>
          auditRead(q, ctx, purpose, {
            action: "sale.lookup-by-serial",
            entityType: "firearm-serial",
            entityId: query.serialNumber!,
            personIds: r.items.map((s) => s.buyer.personId),
            details: { found: r.total },
          }),
        );
        const items = [];
        for (const s of r.items)
          items.push(
            presentSaleForPolice(
              s,
              s.dealerId
                ? await getDealer(ctx.db, s.dealerId).then((d) => ({
                    name: d.name,
                    fflNumber: d.fflNumber,
                    town: d.town,
                  }))
                : null,
            ),
          );
        return { total: r.total, items };
      }
      throw await auditRefusedRead(ctx, { action: "sale.list", entityType: "sales" });
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/sales/{id}",
    tags: ["point of sale"],
    auth: "user",
    roles: ["dealer", "licensing_staff", "law_enforcement"],
    summary:
      "One sale with its receipt or transfer form, decision and history (licensing staff and law enforcement give a purpose, which is audited)",
    description: PURPOSE_DOC,
    params: Id,
    query: z.object({ purpose: NoPurposeInUrl }),
    handler: async (ctx, { params, query, headers }) => {
      const u = ctx.user!;
      const dealerId = await svc.actingDealerId(ctx);
      const s = await getSale(ctx.db, params.id);
      if (!salesPolicy.view(u, s, dealerId))
        throw await auditRefusedRead(ctx, {
          action: "sale.read",
          entityType: "sale",
          entityId: s.id,
          personIds: [s.buyer.personId],
        });
      const staffOrPolice = u.role === "law_enforcement" || u.role === "licensing_staff";
      const purpose = staffOrPolice
        ? requirePurpose({ headers, query })
        : query.purpose !== undefined
          ? requirePurpose({ headers, query })
          : undefined;
      if (u.role === "law_enforcement") {
        await ctx.db.tx((q) =>
          auditRead(q, ctx, purpose!, {
            action: "sale.read",
            entityType: "sale",
            entityId: s.id,
            personIds: [s.buyer.personId],
          }),
        );
        const d = s.dealerId ? await getDealer(ctx.db, s.dealerId) : null;
        return { sale: presentSaleForPolice(s, d ? { name: d.name, fflNumber: d.fflNumber, town: d.town } : null) };
      }
      const nics = await getNicsCheck(ctx.db, s.id);
      const decision = await findDecision(ctx.db, s.latestDecisionId);
      const record = await findRecord(ctx.db, s.id);
      if (u.role === "licensing_staff") {
        await ctx.db.tx((q) =>
          auditRead(q, ctx, purpose!, {
            action: "sale.read",
            entityType: "sale",
            entityId: s.id,
            personIds: [s.buyer.personId],
          }),
        );
        return {
          sale: presentSaleForStaff(s, nics, await dealerSummary(ctx, s)),
          decision: presentDecision(decision, "staff"),
          record,
          reports: await saleReports(ctx.db, s.id),
          history: await saleHistory(ctx.db, s.id),
          next: svc.NEXT[s.status],
        };
      }
      const history = (await saleHistory(ctx.db, s.id)).map((h) => ({
        action: h.action,
        fromStatus: h.fromStatus,
        toStatus: h.toStatus,
        note: h.note,
        at: h.at,
      }));
      return {
        sale: presentSaleForDealer(s, nics),
        decision: presentDecision(decision, "dealer"),
        record,
        history,
        next: svc.NEXT[s.status],
      };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/sales/{id}/proceed",
    tags: ["point of sale"],
    auth: "user",
    roles: ["dealer"],
    successStatus: 200,
    summary: "Proceed with a sale NICS left delayed, after the federal three business days (refused before)",
    params: Id,
    handler: async (ctx, { params }) => answer(ctx, await svc.proceedSale(ctx, params.id)),
  }),
  route({
    method: "POST",
    url: "/api/v1/sales/{id}/cancel",
    tags: ["point of sale"],
    auth: "user",
    roles: ["dealer", "licensing_staff"],
    successStatus: 200,
    summary: "Cancel a sale not yet delivered (its authorization number becomes void)",
    params: Id,
    body: z.object({ reason: z.string().trim().min(3).max(1000) }).strict(),
    handler: async (ctx, { params, body }) => answer(ctx, await svc.cancelSale(ctx, params.id, body.reason)),
  }),
  route({
    method: "POST",
    url: "/api/v1/dealers/webhook",
    tags: ["dealers"],
    auth: "user",
    roles: ["dealer"],
    successStatus: 200,
    summary: "Set where Stateline sends your shop's signed webhooks (owners and managers)",
    description:
      'Webhooks tell you when a delayed sale is decided. Each request carries `Stateline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over `t + "." + raw body`, keyed with your secret; reject stale timestamps. Without a secret one is generated and shown once.',
    body: z
      .object({ url: z.string().trim().min(8).max(2000), secret: z.string().min(24).max(200).optional() })
      .strict(),
    handler: async (ctx, { body }) => registerWebhook(ctx, body),
  }),
];
