/**
 * Dealers' certificates of transfer (PA 13-3 § 24; the same record for assault weapons a
 * certificate holder sells to a dealer, § 28): executed at delivery with the date, the dealer's
 * and the transferor's names, addresses and licence or ID numbers, the dealer's federal licence
 * number and a description. Before 2014-01-01 the dealer reports a monthly count; from then each
 * certificate is delivered to DESPP (a job), which keeps the file. A dealer sees only its own.
 */
import type { Ctx } from "../../context.ts";
import { isPlainDate, type PlainDate } from "../../law/core/dates.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { appendAudit } from "../audit/index.ts";
import { getActingDealer, type Dealer } from "../dealers/index.ts";
import { enqueueJob } from "../jobs/index.ts";
import { registriesPolicy as policy } from "./policy.ts";
import {
  type TransferCertificate,
  findRegistrationByNumber,
  findTransferCertificate,
  insertTransferCertificate,
  listTransferCertificates,
  markDelivered,
} from "./queries.ts";
import type { TransferCertificateInput } from "./schemas.ts";

/** The day from which each certificate goes to DESPP instead of being counted monthly (§ 24). */
export const DELIVERY_FROM = "2014-01-01" as PlainDate;

export const DELIVER_JOB = "registries.deliver-transfer-certificate";

async function actingDealer(ctx: Ctx): Promise<Dealer> {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  if (!policy.dealer(ctx.user)) throw forbidden("only a firearm dealer's staff execute certificates of transfer");
  return getActingDealer(ctx, "firearm-dealer");
}

/** Executes a certificate of transfer at the time of delivery. */
export async function executeTransferCertificate(
  ctx: Ctx,
  input: TransferCertificateInput,
): Promise<TransferCertificate> {
  const dealer = await actingDealer(ctx);
  if (input.transferOn > ctx.today)
    throw badField("transferOn", "cannot be in the future: the certificate is executed at delivery");
  if (input.transferOn < "2013-04-04")
    throw badField("transferOn", "certificates of transfer exist from PA 13-3's passage, 2013-04-04");
  if ((input.transferor.idKind === undefined) !== (input.transferor.idNumber === undefined))
    throw badField("transferor.idNumber", "give the kind and the number together");
  if (input.item === "assault-weapon" && !input.serialNumber)
    throw badField("serialNumber", "an assault weapon is identified by its serial number");
  return ctx.db.tx(async (q) => {
    let registrationId: string | null = null;
    if (input.registrationNumber) {
      const r = await findRegistrationByNumber(q, input.registrationNumber);
      if (!r || r.status === "draft") throw badField("registrationNumber", "no such certificate or declaration");
      registrationId = r.id;
    }
    const delivery = input.transferOn < DELIVERY_FROM ? "monthly-report" : "deliver-to-despp";
    const tc = await insertTransferCertificate(
      q,
      {
        dealerId: dealer.id,
        item: input.item,
        transferOn: input.transferOn,
        count: input.count,
        description: input.description,
        serialNumber: input.serialNumber?.toUpperCase() ?? null,
        transferor: {
          name: input.transferor.name,
          address: input.transferor.address,
          idKind: input.transferor.idKind ?? null,
          idNumber: input.transferor.idNumber ?? null,
        },
        dealer: {
          name: dealer.name,
          address: `${dealer.street}, ${dealer.town}, CT${dealer.zip ? ` ${dealer.zip}` : ""}`,
          idNumber: input.dealerIdNumber ?? null,
          ffl: dealer.fflNumber ?? "",
        },
        registrationId,
        delivery,
      },
      ctx.user!.id,
    );
    if (delivery === "deliver-to-despp")
      await enqueueJob(q, ctx.clock.now(), DELIVER_JOB, { id: tc.id }, { dedupeKey: `tc-deliver:${tc.id}` });
    await appendAudit(q, ctx, {
      action: "transfer-certificate.execute",
      entityType: "transfer-certificate",
      entityId: tc.id,
      details: { number: tc.number, dealerId: dealer.id, delivery },
    });
    return tc;
  });
}

/** Delivers a certificate to DESPP's file (the job's work; idempotent). */
export async function deliverTransferCertificate(ctx: Ctx, id: string): Promise<{ delivered: boolean }> {
  return ctx.db.tx(async (q) => {
    const delivered = await markDelivered(q, id, ctx.clock.now());
    if (delivered)
      await appendAudit(q, ctx, {
        action: "transfer-certificate.deliver",
        entityType: "transfer-certificate",
        entityId: id,
        details: { to: "DESPP Special Licensing and Firearms Unit" },
      });
    return { delivered };
  });
}

/** A dealer's own certificates; licensing staff see the whole file. */
export async function listTransferCertificatesFor(
  ctx: Ctx,
  f: { limit: number; offset: number; dealerId?: string | undefined },
) {
  const u = ctx.user;
  if (!u) throw new AppError("unauthenticated", "sign in first");
  if (policy.allTransferCertificates(u)) return listTransferCertificates(ctx.db, f);
  const dealer = await actingDealer(ctx);
  return listTransferCertificates(ctx.db, { ...f, dealerId: dealer.id });
}

/** One certificate: its own dealer, or licensing staff. Another dealer's is "not found". */
export async function getTransferCertificateFor(ctx: Ctx, id: string): Promise<TransferCertificate> {
  const u = ctx.user;
  if (!u) throw new AppError("unauthenticated", "sign in first");
  const tc = await findTransferCertificate(ctx.db, id);
  if (!tc) throw notFound("certificate of transfer");
  if (policy.allTransferCertificates(u)) return tc;
  const dealer = await actingDealer(ctx);
  if (tc.dealerId !== dealer.id) throw notFound("certificate of transfer");
  return tc;
}

/** The monthly count of transfers accepted before 2014-01-01 (§ 24). */
export async function submitMonthlyReport(
  ctx: Ctx,
  input: { month: string; transfers: number },
): Promise<{ month: string; transfers: number; counted: number }> {
  const dealer = await actingDealer(ctx);
  const first = `${input.month}-01`;
  if (!isPlainDate(first)) throw badField("month", "not a month");
  if (first >= DELIVERY_FROM)
    throw badField(
      "month",
      "from 2014-01-01 each certificate is delivered to DESPP; monthly counts cover transfers before then",
    );
  if (first > ctx.today) throw badField("month", "cannot report a month that has not begun");
  return ctx.db.tx(async (q) => {
    const counted = Number(
      (
        await q.query<{ n: string }>(
          "SELECT count(*)::text AS n FROM transfer_certificates WHERE dealer_id = $1 AND transfer_on >= $2::date AND transfer_on < ($2::date + interval '1 month')",
          [dealer.id, first],
        )
      )[0]!.n,
    );
    const rows = await q.query(
      "INSERT INTO dealer_transfer_reports (dealer_id, month, transfers, submitted_by, submitted_at) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (dealer_id, month) DO NOTHING RETURNING id",
      [dealer.id, first, input.transfers, ctx.user!.id, ctx.clock.now().toISOString()],
    );
    if (!rows.length)
      throw new AppError("conflict", `the report for ${input.month} was already submitted`, {
        fields: [{ field: "month", message: "already reported" }],
      });
    await appendAudit(q, ctx, {
      action: "transfer-report.submit",
      entityType: "dealer",
      entityId: dealer.id,
      details: { month: input.month, transfers: input.transfers, counted },
    });
    return { month: input.month, transfers: input.transfers, counted };
  });
}
