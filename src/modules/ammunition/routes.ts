/** HTTP routes for ammunition checks, sales, reports and the ammunition limit. Thin: validate, call, present. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { PlainDateSchema } from "../../law/core/schema.ts";
import { AmmunitionLimitSettings, PURCHASE_TYPES } from "../../law/ct/policy/ammunition-limit.ts";
import { ammunitionPolicy } from "./policy.ts";
import { BULLET_KINDS, LCM_EXEMPTIONS, MAGAZINE_FEATURES } from "./items.ts";
import { purposeOf } from "../audit/index.ts";
import {
  presentCheck,
  presentFindingForSeller,
  presentSaleForInvestigator,
  presentSaleForSeller,
  presentSettings,
} from "./present.ts";
import * as svc from "./service.ts";

const SELLERS = ["dealer", "ammunition_vendor"];
const INVESTIGATORS = ["licensing_staff", "law_enforcement"];
/** Kept in the query's schema only to refuse it with a clear answer: purposes go in the Stateline-Purpose header (audit/reads.ts). */
const NoPurposeInUrl = z
  .unknown()
  .optional()
  .describe("refused: send the purpose in the `Stateline-Purpose: <code>; <why, at least 10 characters>` header");
const Text = (max: number) => z.string().trim().min(1).max(max);

const Capacity = z
  .number()
  .int()
  .min(1)
  .max(1000)
  .describe(
    "magazines only (required for them): the rounds it can hold; more than 10 is a large capacity magazine (PA 13-3 § 23)",
  );

/** A magazine line names its capacity; an ammunition line has none. */
function capacityOnMagazines(l: { type: string; capacity?: number | undefined }, ctx: z.RefinementCtx): void {
  if (l.type === "magazine" && l.capacity === undefined)
    ctx.addIssue({
      code: "custom",
      path: ["capacity"],
      message: "a magazine line needs its capacity: the rounds it can hold",
    });
  if (l.type !== "magazine" && l.capacity !== undefined)
    ctx.addIssue({ code: "custom", path: ["capacity"], message: "only a magazine line has a capacity" });
}

const LineFields = {
  type: z
    .enum(PURCHASE_TYPES)
    .describe("centerfire-rifle, centerfire-pistol, rimfire, shotshell (rounds) or magazine (units)"),
  caliber: Text(40).describe('e.g. "9mm Luger", ".223 Remington", "12 gauge"'),
  brand: Text(80),
  quantity: z.number().int().min(1).max(100_000).describe("rounds for ammunition, units for magazines"),
  capacity: Capacity.optional(),
};
const Line = z.object(LineFields).strict().superRefine(capacityOnMagazines);

const CheckLine = z
  .object({
    ...LineFields,
    brand: Text(80).optional(),
    features: z
      .array(z.enum(MAGAZINE_FEATURES))
      .max(MAGAZINE_FEATURES.length)
      .optional()
      .describe(
        "magazines only: what makes it special under § 23 (readily convertible to more than 10 rounds, permanently altered to 10 or fewer, a .22 caliber tube, a lever-action tube, permanently inoperable); each is taken as absent unless listed",
      ),
    bullet: z
      .enum(BULLET_KINDS)
      .optional()
      .describe(
        "ammunition only: standard (default), armor-piercing, incendiary or armor-piercing-incendiary; armor-piercing or incendiary .50 caliber bullets are refused (PA 13-3 § 32)",
      ),
  })
  .strict()
  .superRefine((l, ctx) => {
    capacityOnMagazines(l, ctx);
    if (l.type !== "magazine" && l.features !== undefined)
      ctx.addIssue({ code: "custom", path: ["features"], message: "only a magazine line has features" });
    if (l.type === "magazine" && l.bullet !== undefined)
      ctx.addIssue({ code: "custom", path: ["bullet"], message: "a magazine line has no bullet" });
  });

export const CheckBody = z
  .object({
    buyer: z
      .object({
        firstName: Text(100),
        lastName: Text(100),
        birthDate: PlainDateSchema,
        credentialNumber: z
          .string()
          .trim()
          .min(3)
          .max(20)
          .regex(/^[A-Za-z]{2}[\s-]?\d{4,12}$/, "looks like SP-1000001"),
        photoId: z
          .object({
            type: z.enum(svc.PHOTO_ID_TYPES),
            number: z
              .string()
              .trim()
              .min(1)
              .max(40)
              .regex(/[A-Za-z0-9]/, "must contain a letter or digit"),
            showsBirthDate: z.boolean().describe("the identification shows the holder's date of birth"),
            hasPhotograph: z.boolean().optional().describe("true unless the identification has no photograph"),
            expiresOn: PlainDateSchema.optional(),
          })
          .strict()
          .optional()
          .describe("needed with an ammunition certificate (PA 13-3 §§ 14-17); optional with a gun credential"),
        address: z
          .object({
            street: Text(200).optional(),
            town: Text(100).optional(),
            zip: z
              .string()
              .trim()
              .regex(/^\d{5}$/, "five digits")
              .optional(),
          })
          .strict()
          .optional()
          .describe("the address on the identification; a difference from the record is sent to review, never refused"),
        exemption: z
          .enum(LCM_EXEMPTIONS)
          .optional()
          .describe(
            "the buyer's proof of one of the § 23 exemptions for large capacity magazines (agency member or employee, nuclear plant security, in-state manufacturer), inspected by the clerk",
          ),
      })
      .strict(),
    lines: z.array(CheckLine).min(1).max(50),
  })
  .strict();

export const SaleBody = z
  .object({
    checkId: z.uuid(),
    lines: z.array(Line).min(1).max(50),
  })
  .strict();

const Finding = z.object({
  id: z.string(),
  status: z.string(),
  because: z.string(),
  citation: z.string(),
  basis: z.enum(["statute", "policy", "federal"]),
  note: z.string().optional(),
  remedy: z.string().optional(),
  missing: z.array(z.string()).optional(),
});
const CheckOut = z.object({
  check: z
    .object({ id: z.string(), number: z.string(), outcome: z.enum(["approved", "refused", "needs-review"]) })
    .loose(),
  findings: z.array(Finding),
  nextSteps: z.array(z.string()),
});

const Range = { from: PlainDateSchema.optional(), to: PlainDateSchema.optional() };

export const ammunitionRoutes = [
  route({
    method: "POST",
    url: "/api/v1/ammunition/checks",
    tags: ["point of sale"],
    auth: "user",
    roles: SELLERS,
    idempotent: true,
    summary:
      "Check a buyer before an ammunition or magazine sale: approved, refused or needs-review, with every finding and its citation",
    description:
      "Matches the credential by number, last name and date of birth; applies PA 13-3 §§ 14-17 (18 or older; a permit or eligibility certificate, or an ammunition certificate with government photo identification showing the date of birth) and the ammunition limit (policy, not statute). A mismatch or a missing fact is needs-review with a way to fix it, never a refusal. An approved check allows one sale, by the same seller, the same day.",
    body: CheckBody,
    response: CheckOut,
    handler: async (ctx, { body }) => {
      const r = await svc.runCheck(ctx, body);
      return {
        check: presentCheck(r.check),
        findings: r.findings.map((f) => presentFindingForSeller(f, r.presented)),
        nextSteps: r.nextSteps,
      };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/ammunition/sales",
    tags: ["point of sale"],
    auth: "user",
    roles: SELLERS,
    idempotent: true,
    summary: "Record an ammunition sale against today's approved check (refused beyond what it approved or the limit)",
    body: SaleBody,
    handler: async (ctx, { body }) => ({ sale: presentSaleForSeller(await svc.recordSale(ctx, body)) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/ammunition/sales",
    tags: ["point of sale"],
    auth: "user",
    roles: [...SELLERS, ...INVESTIGATORS],
    summary:
      "Ammunition sales: a seller's own (no buyer names), or all for licensing staff and law enforcement (purpose audited)",
    query: z
      .object({
        ...Range,
        dealerId: z.uuid().optional(),
        personId: z.uuid().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        purpose: NoPurposeInUrl,
      })
      .strict(),
    handler: async (ctx, { query, headers }) => {
      const r = await svc.listSalesFor(ctx, { ...query, purpose: purposeOf({ headers, query }) });
      const names = r.scope === "all" && ammunitionPolicy.seeBuyerIdentity(ctx.user!);
      return {
        scope: r.scope,
        total: r.total,
        items: names ? r.items.map(presentSaleForInvestigator) : r.items.map(presentSaleForSeller),
      };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/ammunition/reports",
    tags: ["point of sale"],
    auth: "user",
    roles: INVESTIGATORS,
    summary: "Ammunition sales totals by vendor, town of sale or month (purpose audited; no names)",
    query: z
      .object({ groupBy: z.enum(["vendor", "town", "month"]).default("month"), ...Range, purpose: NoPurposeInUrl })
      .strict(),
    handler: async (ctx, { query, headers }) => svc.report(ctx, { ...query, purpose: purposeOf({ headers, query }) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/policies/ammunition-limit",
    tags: ["rulebook"],
    auth: "public",
    summary: "The ammunition limit in force today and every earlier version (policy, not statute)",
    handler: async (ctx) => {
      const r = await svc.getLimitSettings(ctx);
      return {
        basis: "policy",
        note: "The Attorney General's plan asks for a monthly ammunition limit; PA 13-3 does not enact one. This is the Department's setting.",
        current: presentSettings(r.current),
        history: r.history.map(presentSettings),
      };
    },
  }),
  route({
    method: "PUT",
    url: "/api/v1/policies/ammunition-limit",
    tags: ["rulebook"],
    auth: "user",
    roles: ["admin"],
    idempotent: true,
    summary: "Set the ammunition limit (administrators): a new version is appended; earlier ones are kept",
    body: z
      .object({
        settings: AmmunitionLimitSettings,
        note: z.string().trim().min(5, "say why the limit changes").max(2000),
        effectiveOn: PlainDateSchema.optional().describe("today by default; never in the past"),
      })
      .strict(),
    handler: async (ctx, { body }) => ({ setting: presentSettings(await svc.setLimitSettings(ctx, body)) }),
  }),
];
