/** HTTP routes of the registries. Thin: validate, call one service function, present. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import type { Ctx } from "../../context.ts";
import { badField, forbidden } from "../../lib/errors.ts";
import { registriesPolicy } from "./policy.ts";
import { ReadPurpose, purposeFromHeader } from "../../lib/purpose.ts";
import { checkAmmunitionSale, checkFirearmSale, checkMagazineSale } from "./counter.ts";
import { reportLostStolen, searchLostStolen } from "./lost-stolen.ts";
import {
  presentAnonymous,
  presentCounter,
  presentFinding,
  presentForHolder,
  presentLostStolen,
  presentObligation,
  presentTransferCertificate,
  presentView,
  presentWithIdentity,
} from "./present.ts";
import { lostStolenOfPerson } from "./queries.ts";
import {
  AmmunitionSaleCheck,
  Disposal,
  DraftInput,
  DraftUpdate,
  FirearmSaleCheck,
  LostStolenInput,
  MagazineSaleCheck,
  MonthlyReportInput,
  RegistrationKind,
  Refusal,
  Review,
  STATUSES,
  Situation,
  SubmissionInput,
  ThumbprintUpload,
  Transfer,
  TransferCertificateInput,
} from "./schemas.ts";
import * as svc from "./service.ts";
import {
  executeTransferCertificate,
  getTransferCertificateFor,
  listTransferCertificatesFor,
  submitMonthlyReport,
} from "./transfers.ts";

const Id = z.object({ id: z.uuid() }).strict();
/** Actions that take no input still parse the body, so that anything sent is refused as a 400 naming it. */
const Empty = z.object({}).strict().optional();
const Page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
const TAGS = ["registries"];
const RESIDENT = ["resident"];
const STAFF = ["licensing_staff"];
const IDENTITY_ROLES = ["licensing_staff", "law_enforcement", "dmhas_source"];

/** The purpose from the `Stateline-Purpose` header (never the URL); undefined when absent. */
function headerPurpose(headers: Record<string, string | string[] | undefined>): ReadPurpose | undefined {
  const raw = purposeFromHeader(headers);
  if (raw === undefined) return undefined;
  const p = ReadPurpose.safeParse(raw);
  if (!p.success)
    throw badField("purpose", p.error.issues.map((i) => `${i.path.join(".") || "purpose"}: ${i.message}`).join("; "));
  return p.data;
}

const Result = z.object({
  registration: z.object({ id: z.string(), status: z.string() }).loose(),
  findings: z.array(z.object({ id: z.string(), status: z.string() }).loose()).optional(),
});

export const registriesRoutes = [
  // ------------------------------------------------------------ residents
  route({
    method: "POST",
    url: "/api/v1/registries/drafts",
    tags: TAGS,
    auth: "user",
    roles: RESIDENT,
    idempotent: true,
    summary: "Save a new draft certificate application or magazine declaration (kept until submitted or withdrawn)",
    body: DraftInput,
    response: Result,
    handler: async (ctx, { body }) => ({ registration: presentForHolder(await svc.createDraft(ctx, body)) }),
  }),
  route({
    method: "PUT",
    url: "/api/v1/registries/drafts/{id}",
    tags: TAGS,
    auth: "user",
    roles: RESIDENT,
    idempotent: true,
    summary: "Save changes to a draft (send the draftVersion you edited; a stale one is refused with 409)",
    params: Id,
    body: DraftUpdate,
    response: Result,
    handler: async (ctx, { params, body }) => ({
      registration: presentForHolder(await svc.updateDraft(ctx, params.id, body)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/registries/drafts/{id}/submit",
    tags: TAGS,
    auth: "user",
    roles: RESIDENT,
    idempotent: true,
    summary:
      "Submit a draft: numbered, the holder's identity copied from their record, classified and the window checked by the rulebook",
    description:
      "PA 13-3 §§ 24 (magazines) and 27 (assault weapons). Not an assault weapon or not a large capacity magazine is answered so, with the rule; a closed window or a missing fact goes to licensing staff, never to automatic refusal.",
    params: Id,
    body: Empty,
    response: Result,
    handler: async (ctx, { params }) => {
      const r = await svc.submitDraft(ctx, params.id);
      return { registration: presentForHolder(r.registration), findings: r.findings.map(presentFinding) };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/registries/submissions",
    tags: TAGS,
    auth: "user",
    roles: RESIDENT,
    idempotent: true,
    summary: "Apply for a certificate of possession or declare magazines in one step (draft and submit)",
    body: SubmissionInput,
    response: Result,
    handler: async (ctx, { body }) => {
      const r = await svc.submitNew(ctx, body);
      return { registration: presentForHolder(r.registration), findings: r.findings.map(presentFinding) };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/registries/registrations/{id}/thumbprint",
    tags: TAGS,
    auth: "user",
    roles: [...RESIDENT, ...STAFF],
    idempotent: true,
    summary:
      "Upload the thumbprint image of a certificate application (PNG, JPEG or TIFF, base64; web forms upload the file)",
    params: Id,
    body: ThumbprintUpload,
    response: Result,
    handler: async (ctx, { params, body }) => ({
      registration: presentAnonymous(
        await svc.uploadThumbprint(ctx, params.id, {
          contentType: body.contentType,
          bytes: Buffer.from(body.dataBase64, "base64"),
        }),
      ),
    }),
  }),
  route({
    method: "GET",
    url: "/api/v1/registries/mine",
    tags: TAGS,
    auth: "user",
    roles: RESIDENT,
    summary: "My certificate applications, declarations and drafts, with my windows and their due dates",
    handler: async (ctx) => {
      const r = await svc.myRegistrations(ctx);
      return {
        registrations: r.registrations.map(presentForHolder),
        obligations: r.obligations.map(presentObligation),
      };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/registries/registrations/{id}",
    tags: TAGS,
    auth: "user",
    roles: ["resident", ...IDENTITY_ROLES],
    summary:
      "One registration with its history and decisions: the holder's own, or with the holder's identity for a role and purpose § 24 allows (Stateline-Purpose header; audited)",
    params: Id,
    handler: async (ctx, { params, headers }) =>
      presentView(await svc.readRegistration(ctx, params.id, headerPurpose(headers))),
  }),
  route({
    method: "POST",
    url: "/api/v1/registries/registrations/{id}/withdraw",
    tags: TAGS,
    auth: "user",
    roles: [...RESIDENT, ...STAFF],
    idempotent: true,
    summary: "Withdraw a draft or a pending application",
    params: Id,
    body: Empty,
    response: Result,
    handler: async (ctx, { params }) => ({
      registration: presentAnonymous(await svc.withdrawRegistration(ctx, params.id)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/registries/registrations/{id}/transfer",
    tags: TAGS,
    auth: "user",
    roles: [...RESIDENT, ...STAFF],
    idempotent: true,
    summary: "Record a transfer: to a dealer, to DESPP or a police department, or by bequest (staff) (§§ 24, 28)",
    params: Id,
    body: Transfer,
    response: Result,
    handler: async (ctx, { params, body }) => ({
      registration: presentAnonymous(await svc.transferRegistration(ctx, params.id, body)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/registries/registrations/{id}/dispose",
    tags: TAGS,
    auth: "user",
    roles: [...RESIDENT, ...STAFF],
    idempotent: true,
    summary: "Record a disposal: rendered permanently inoperable, removed from the state, or surrendered",
    params: Id,
    body: Disposal,
    response: Result,
    handler: async (ctx, { params, body }) => ({
      registration: presentAnonymous(await svc.disposeRegistration(ctx, params.id, body)),
    }),
  }),

  // ------------------------------------------------------------ licensing staff
  route({
    method: "GET",
    url: "/api/v1/registries/queue",
    tags: TAGS,
    auth: "user",
    roles: STAFF,
    summary: "The registry queue (no identities; open one with a purpose to see the holder)",
    query: z
      .object({ kind: RegistrationKind.optional(), status: z.enum(STATUSES).exclude(["draft"]).optional(), ...Page })
      .strict(),
    handler: async (ctx, { query }) => {
      const r = await svc.registryQueue(ctx, query);
      return { items: r.items.map(presentAnonymous), total: r.total };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/registries/registrations/{id}/review",
    tags: TAGS,
    auth: "user",
    roles: STAFF,
    idempotent: true,
    summary: "Add the examiner's facts (features, exclusions, eligibility) and ask the rulebook again",
    params: Id,
    body: Review,
    response: Result,
    handler: async (ctx, { params, body }) => {
      const r = await svc.reviewRegistration(ctx, params.id, body);
      return { registration: presentAnonymous(r.registration), findings: r.findings.map(presentFinding) };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/registries/registrations/{id}/issue",
    tags: TAGS,
    auth: "user",
    roles: STAFF,
    idempotent: true,
    summary:
      "Issue the certificate (numbered, with a PDF) or accept the declaration; both rulebook answers must be yes",
    params: Id,
    body: z.object({ note: z.string().trim().max(2000).optional() }).strict(),
    response: Result,
    handler: async (ctx, { params, body }) => ({
      registration: presentAnonymous(await svc.issueRegistration(ctx, params.id, body.note)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/registries/registrations/{id}/refuse",
    tags: TAGS,
    auth: "user",
    roles: STAFF,
    idempotent: true,
    summary: "Refuse with reasons; the holder is written to with the reasons and the appeal route",
    params: Id,
    body: Refusal,
    response: Result,
    handler: async (ctx, { params, body }) => ({
      registration: presentAnonymous(await svc.refuseRegistration(ctx, params.id, body.reasons)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/registries/registrations/{id}/not-covered",
    tags: TAGS,
    auth: "user",
    roles: STAFF,
    idempotent: true,
    summary: "Answer that the item is not an assault weapon or not a large capacity magazine, with the reason",
    params: Id,
    body: z.object({ reason: z.string().trim().min(10).max(2000) }).strict(),
    response: Result,
    handler: async (ctx, { params, body }) => ({
      registration: presentAnonymous(await svc.answerNotCovered(ctx, params.id, body.reason)),
    }),
  }),
  route({
    method: "GET",
    url: "/api/v1/registries/search",
    tags: TAGS,
    auth: "user",
    roles: IDENTITY_ROLES,
    summary:
      "Registrations of a serial number or a person, with holder identities, for the roles and purposes § 24 allows (Stateline-Purpose header; audited)",
    query: z
      .object({ serialNumber: z.string().trim().min(1).max(60).optional(), personId: z.uuid().optional() })
      .strict(),
    handler: async (ctx, { query, headers }) => ({
      items: (await svc.searchRegistrations(ctx, query, headerPurpose(headers))).map(presentWithIdentity),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/registries/situations",
    tags: TAGS,
    auth: "user",
    roles: [...RESIDENT, ...STAFF],
    idempotent: true,
    summary:
      "Record a person's situation (service member, moved in, inherited, earlier certificate); each open window is stored as an obligation with its due date",
    body: Situation,
    handler: async (ctx, { body }) => ({
      obligations: (await svc.recordSituation(ctx, body)).obligations.map(presentObligation),
    }),
  }),
  route({
    method: "GET",
    url: "/api/v1/registries/obligations",
    tags: TAGS,
    auth: "user",
    roles: STAFF,
    summary: "The windows: missed by default (open, met, missed, waived)",
    query: z.object({ status: z.enum(["open", "met", "missed", "waived"]).default("missed"), ...Page }).strict(),
    handler: async (ctx, { query }) => {
      const r = await svc.listWindows(ctx, query);
      return { items: r.items.map(presentObligation), total: r.total };
    },
  }),

  // ------------------------------------------------------------ dealers
  route({
    method: "POST",
    url: "/api/v1/registries/transfer-certificates",
    tags: TAGS,
    auth: "user",
    roles: ["dealer"],
    idempotent: true,
    summary: "Execute a certificate of transfer at delivery (§ 24); from 2014-01-01 it is delivered to DESPP",
    body: TransferCertificateInput,
    handler: async (ctx, { body }) => ({
      certificate: presentTransferCertificate(await executeTransferCertificate(ctx, body)),
    }),
  }),
  route({
    method: "GET",
    url: "/api/v1/registries/transfer-certificates",
    tags: TAGS,
    auth: "user",
    roles: ["dealer", "licensing_staff"],
    summary: "Certificates of transfer: a dealer's own; DESPP's whole file for licensing staff",
    query: z.object({ ...Page }).strict(),
    handler: async (ctx, { query }) => {
      const r = await listTransferCertificatesFor(ctx, query);
      return { items: r.items.map(presentTransferCertificate), total: r.total };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/registries/transfer-certificates/{id}",
    tags: TAGS,
    auth: "user",
    roles: ["dealer", "licensing_staff"],
    summary: "One certificate of transfer (its own dealer, or licensing staff)",
    params: Id,
    handler: async (ctx, { params }) => ({
      certificate: presentTransferCertificate(await getTransferCertificateFor(ctx, params.id)),
    }),
  }),
  route({
    method: "POST",
    url: "/api/v1/registries/transfer-reports",
    tags: TAGS,
    auth: "user",
    roles: ["dealer"],
    idempotent: true,
    summary: "The monthly count of transfers accepted before 2014-01-01 (§ 24)",
    body: MonthlyReportInput,
    handler: async (ctx, { body }) => ({ report: await submitMonthlyReport(ctx, body) }),
  }),

  // ------------------------------------------------------------ the counter
  route({
    method: "POST",
    url: "/api/v1/registries/counter/magazine",
    tags: TAGS,
    auth: "user",
    roles: ["dealer", "ammunition_vendor", "licensing_staff"],
    successStatus: 200,
    summary: "May this magazine be sold? Refused above ten rounds unless the buyer is exempt (§ 23)",
    body: MagazineSaleCheck,
    handler: async (ctx, { body }) => {
      assertCounter(ctx);
      return presentCounter(checkMagazineSale(body, body.on ?? ctx.today));
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/registries/counter/ammunition",
    tags: TAGS,
    auth: "user",
    roles: ["dealer", "ammunition_vendor", "licensing_staff"],
    successStatus: 200,
    summary: "May this ammunition be sold? Armor-piercing and incendiary .50 caliber bullets are refused (§ 32)",
    body: AmmunitionSaleCheck,
    handler: async (ctx, { body }) => {
      assertCounter(ctx);
      return presentCounter(checkAmmunitionSale(body, body.on ?? ctx.today));
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/registries/counter/firearm",
    tags: TAGS,
    auth: "user",
    roles: ["dealer", "licensing_staff"],
    successStatus: 200,
    summary: "May this firearm be sold? An assault weapon only as the law allows (§§ 25-26)",
    body: FirearmSaleCheck,
    handler: async (ctx, { body }) => {
      if (!registriesPolicy.counterFirearm(ctx.user!))
        throw forbidden("firearm checks are for firearm dealers and licensing staff");
      return presentCounter(checkFirearmSale(body, body.on ?? ctx.today));
    },
  }),

  // ------------------------------------------------------------ lost and stolen
  route({
    method: "POST",
    url: "/api/v1/registries/lost-stolen",
    tags: TAGS,
    auth: "user",
    roles: ["resident", "law_enforcement", "licensing_staff"],
    idempotent: true,
    summary:
      "Report a lost or stolen firearm (within 72 hours of discovery, CGS § 53-202g); a late report is flagged with the penalty",
    body: LostStolenInput,
    handler: async (ctx, { body }) => {
      const r = await reportLostStolen(ctx, body);
      return { report: presentLostStolen(r.report), reached: r.reached };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/registries/lost-stolen",
    tags: TAGS,
    auth: "user",
    roles: ["law_enforcement", "licensing_staff", "trafficking_task_force"],
    summary:
      "Lost and stolen reports of a serial number, with the registrations and sales they reached (Stateline-Purpose header; audited)",
    query: z.object({ serialNumber: z.string().trim().min(1).max(60) }).strict(),
    handler: async (ctx, { query, headers }) => ({
      items: (await searchLostStolen(ctx, query.serialNumber, headerPurpose(headers))).map(presentLostStolen),
    }),
  }),
  route({
    method: "GET",
    url: "/api/v1/registries/lost-stolen/mine",
    tags: TAGS,
    auth: "user",
    roles: RESIDENT,
    summary: "My lost and stolen reports",
    handler: async (ctx) => {
      if (!registriesPolicy.apply(ctx.user!)) throw forbidden("residents see their own reports");
      return { items: (await lostStolenOfPerson(ctx.db, ctx.user!.personId!)).map(presentLostStolen) };
    },
  }),
];

function assertCounter(ctx: Ctx): void {
  if (!registriesPolicy.counter(ctx.user!))
    throw forbidden("the counter checks are for dealers, ammunition vendors and licensing staff");
}
