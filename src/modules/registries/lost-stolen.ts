/**
 * Lost and stolen firearms (CGS § 53-202g; PA 13-3 § 50 raised its penalties). The owner
 * reports the serial and the circumstances; the report reaches the holder's registrations of
 * that serial and the sale records of that serial (links stored with the report), and tracing
 * looks it up with `lostStolenBySerial`. A report made after the statutory time is flagged with
 * the penalty.
 *
 * The 72-hour clock and the penalty of a late report are the rule `clocks.lost-stolen-report`
 * (src/law/ct/clocks/lost-stolen-report.ts), where its QUESTION(legal) reading is recorded.
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { lostStolenReportClock } from "../../law/ct/clocks/lost-stolen-report.ts";
import { AppError, badField, forbidden } from "../../lib/errors.ts";
import { type ReadPurpose, purposeLine } from "../../lib/purpose.ts";
import { appendAudit } from "../audit/index.ts";
import { findPerson } from "../people/index.ts";
import { listSales } from "../sales/index.ts";
import { registriesPolicy as policy } from "./policy.ts";
import {
  type LostStolenReport,
  insertLostStolen,
  linkLostStolen,
  lostStolenBySerial as bySerial,
  registrationsBySerial,
} from "./queries.ts";
import type { LostStolenInput } from "./schemas.ts";

/** Files a report. Residents report their own firearms; police and licensing staff may name the owner. */
export async function reportLostStolen(
  ctx: Ctx,
  input: LostStolenInput,
): Promise<{ report: LostStolenReport; reached: { registrations: number; sales: number } }> {
  const u = ctx.user;
  if (!u) throw new AppError("unauthenticated", "sign in first");
  if (!policy.reportLostStolen(u)) throw forbidden("owners, police and licensing staff report lost or stolen firearms");
  let personId: string | null = input.personId ?? null;
  if (u.role === "resident") {
    if (personId && personId !== u.personId) throw forbidden("residents report their own firearms");
    personId = u.personId;
  }
  const now = ctx.clock.now();
  const discovered = new Date(input.discoveredAt);
  if (discovered.getTime() > now.getTime()) throw badField("discoveredAt", "cannot be in the future");
  if (discovered.toISOString() < "2013-04-04") throw badField("discoveredAt", "reports are modelled from 2013-04-04");
  const clock = lostStolenReportClock({ discoveredAt: discovered.toISOString(), reportedAt: now.toISOString() });
  const late = clock.late;
  return ctx.db.tx(async (q) => {
    if (personId && !(await findPerson(q, personId))) throw badField("personId", "no such person");
    const report = await insertLostStolen(
      q,
      {
        personId,
        kind: input.kind,
        serialNumber: input.serialNumber.toUpperCase(),
        make: input.make ?? null,
        model: input.model ?? null,
        caliber: input.caliber ?? null,
        circumstances: input.circumstances,
        town: input.town ?? null,
        discoveredAt: discovered.toISOString(),
        reportedAt: now.toISOString(),
        dueAt: clock.dueAt,
        late,
        penalty: clock.penalty,
      },
      u.id,
    );
    const reached = await reach(q, report);
    await appendAudit(q, ctx, {
      action: "lost-stolen.report",
      entityType: "lost-stolen-report",
      entityId: report.id,
      details: { number: report.number, kind: report.kind, late, ...reached },
    });
    return { report, reached };
  });
}

/** Links the report to the registrations and sale records of the serial. */
async function reach(q: Queryable, r: LostStolenReport): Promise<{ registrations: number; sales: number }> {
  const regs = await registrationsBySerial(q, r.serialNumber);
  for (const g of regs) await linkLostStolen(q, r.id, "registration", g.id);
  const sales = (await listSales(q, { serialNumber: r.serialNumber, limit: 200, offset: 0 })).items;
  for (const s of sales) await linkLostStolen(q, r.id, "sale", s.id);
  return { registrations: regs.length, sales: sales.length };
}

/** Reports of a serial, for police, licensing staff and the tracing task force, audited with the purpose. */
export async function searchLostStolen(ctx: Ctx, serial: string, purpose: ReadPurpose | undefined) {
  const u = ctx.user;
  if (!u) throw new AppError("unauthenticated", "sign in first");
  if (!policy.readLostStolen(u)) {
    await appendAudit(ctx.db, ctx, {
      action: "lost-stolen.search",
      entityType: "lost-stolen-report",
      outcome: "denied",
      details: { serial },
    });
    throw forbidden("police, licensing staff and the trafficking task force look up lost and stolen reports");
  }
  if (!purpose) throw badField("purpose", "state why you need these records");
  await appendAudit(ctx.db, ctx, {
    action: "lost-stolen.search",
    entityType: "lost-stolen-report",
    purpose: purposeLine(purpose),
    details: { serial },
  });
  return bySerial(ctx.db, serial);
}

/** For the tracing module: every lost or stolen report of a serial with what it reached (no access check: the caller's). */
export const lostStolenBySerial = (q: Queryable, serial: string) => bySerial(q, serial);
