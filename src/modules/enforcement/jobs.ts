/** The enforcement module's background work. */
import type { Ctx } from "../../context.ts";
import type { JobDef } from "../../lib/module.ts";
import { appendAudit } from "../audit/index.ts";
import { sweepObligations } from "./obligations.ts";
import { runRescreen } from "./rescreen.ts";
import { liftExpiredOrders } from "./service.ts";
import { inTx } from "./tx.ts";

/**
 * The sweep, in one transaction: orders past their expiry are lifted, § 34 reminders go out on
 * the first business day after the event, and obligations past their deadline are escalated to a
 * police case. Safe to run twice a day or twice an hour.
 */
export async function runEnforcementSweep(
  ctx: Ctx,
): Promise<{ expiredOrders: number; reminders: number; escalated: number }> {
  return ctx.db.tx(async (q) => {
    const c = inTx(ctx, q);
    const expiredOrders = await liftExpiredOrders(c, q);
    const r = await sweepObligations(c, q);
    await appendAudit(q, c, { action: "enforcement.sweep", details: { today: ctx.today, expiredOrders, ...r } });
    return { expiredOrders, ...r };
  });
}

export const enforcementJobs: JobDef[] = [
  { name: "enforcement.sweep", every: { seconds: 3600 }, run: (ctx) => runEnforcementSweep(ctx) },
  // Every unmatched prohibiting record against every person known, nightly (rescreen.ts).
  { name: "enforcement.rescreen", every: { seconds: 86_400 }, leaseSeconds: 3_600, run: (ctx) => runRescreen(ctx) },
];
