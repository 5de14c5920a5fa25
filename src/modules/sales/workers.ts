/**
 * Background work of the sales module, started with the server:
 * - NICS: re-submit checks queued while NICS was down, and ask again about
 *   Delayed checks; an answer decides the sale and tells the dealer (webhook);
 * - webhooks: send due deliveries, with retries and exponential backoff;
 * - retention: 24 hours after a Proceed, drop the identifying request and the
 *   response details of the NICS check, keeping its number and dates (the
 *   state's own record of the sale stays).
 *
 * Wiring (src/app.ts, beside the audit sealer):
 *   const stopSales = startSalesWorkers(s, { onError: (e, job) => app.log.error({ err: e, job }, "sales worker") });
 *   app.addHook("onClose", async () => { stopSales(); });
 */
import { systemCtx, type Services } from "../../context.ts";
import { NicsUnknownTransaction } from "../../adapters/nics/contract.ts";
import type { WebhookSender } from "../../adapters/webhooks/sender.ts";
import { appendAudit } from "../audit/index.ts";
import { getSale } from "./queries.ts";
import { NICS_TIMEOUT_MS, applyNicsAnswer, callNics, nicsRequestOf, noteNicsStillDown } from "./service.ts";
import { deliverDueWebhooks } from "./webhooks.ts";

/** NICS keeps no identifying data of a Proceed beyond 24 hours (28 C.F.R. § 25.9(b)(1)(iii)); Stateline's copy follows. */
export const NICS_DETAILS_RETENTION_HOURS = 24;

export interface SalesWorkerOptions {
  nicsIntervalMs?: number;
  webhookIntervalMs?: number;
  purgeIntervalMs?: number;
  nicsTimeoutMs?: number;
  sender?: WebhookSender;
  onError?: (e: unknown, job: string) => void;
}

/** Re-submits queued checks and asks about Delayed ones that are due. */
export async function pollNics(
  services: Services,
  opts: { limit?: number; nicsTimeoutMs?: number; onError?: (e: unknown, job: string) => void } = {},
): Promise<{ submitted: number; answered: number; waiting: number }> {
  const now = services.clock.now().toISOString();
  const due = await services.db.query<{ sale_id: string; status: string; transaction_number: string | null }>(
    `SELECT sale_id::text, status, transaction_number FROM sale_nics_checks
     WHERE status IN ('queued','delayed') AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2`,
    [now, opts.limit ?? 50],
  );
  const out = { submitted: 0, answered: 0, waiting: 0 };
  const ctx = systemCtx(services, null, "sales-worker");
  for (const c of due) {
    try {
      if (c.status === "queued") {
        const sale = await getSale(services.db, c.sale_id);
        const r = await callNics(
          () => services.adapters.nics.check(nicsRequestOf(sale)),
          opts.nicsTimeoutMs ?? NICS_TIMEOUT_MS,
        );
        if (!r.ok) {
          await noteNicsStillDown(ctx, c.sale_id, r.error);
          out.waiting += 1;
          continue;
        }
        await applyNicsAnswer(ctx, c.sale_id, r.value, { resubmitted: true });
        out.submitted += 1;
      } else {
        const r = await callNics(
          () => services.adapters.nics.status(c.transaction_number!),
          opts.nicsTimeoutMs ?? NICS_TIMEOUT_MS,
        );
        if (!r.ok) {
          await noteNicsStillDown(ctx, c.sale_id, r.error);
          out.waiting += 1;
          continue;
        }
        await applyNicsAnswer(ctx, c.sale_id, r.value, { resubmitted: false });
        if (r.value.status === "delayed") out.waiting += 1;
        else out.answered += 1;
      }
    } catch (e) {
      // One bad check must not stop the others; it is tried again later (an unknown NTN, much later).
      await noteNicsStillDown(
        ctx,
        c.sale_id,
        e instanceof NicsUnknownTransaction
          ? `NICS does not know ${e.transactionNumber}`
          : e instanceof Error
            ? e.message.slice(0, 500)
            : "fault",
      ).catch(() => {});
      opts.onError?.(e, "nics");
    }
  }
  return out;
}

/** Drops the identifying details of Proceed checks older than 24 hours; the NTN and dates stay. */
export async function purgeNicsDetails(services: Services): Promise<number> {
  const cutoff = new Date(services.clock.now().getTime() - NICS_DETAILS_RETENTION_HOURS * 3600_000).toISOString();
  const at = services.clock.now().toISOString();
  const ctx = systemCtx(services, null, "sales-retention");
  return services.db.tx(async (q) => {
    const purged = await q.query<{ sale_id: string }>(
      `UPDATE sale_nics_checks SET request = NULL, response = NULL, purged_at = $2
       WHERE status = 'proceed' AND purged_at IS NULL AND responded_at < $1 RETURNING sale_id::text`,
      [cutoff, at],
    );
    if (!purged.length) return 0;
    const ids = purged.map((p) => p.sale_id);
    await q.query(
      `INSERT INTO sale_actions (sale_id, action, from_status, to_status, note)
       SELECT id, 'nics-details-purged', status, status, 'NICS request and response details removed 24 hours after Proceed; the transaction number and dates are kept' FROM sales WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    await appendAudit(q, ctx, { action: "sale.nics-retention-purge", details: { checks: ids.length, cutoff } });
    return ids.length;
  });
}

/** One pass of every job (tests, the CLI, and each tick of the loops). */
export async function runSalesWorkersOnce(
  services: Services,
  opts: SalesWorkerOptions = {},
): Promise<{
  nics: Awaited<ReturnType<typeof pollNics>>;
  webhooks: Awaited<ReturnType<typeof deliverDueWebhooks>>;
  purged: number;
}> {
  const nics = await pollNics(services, opts);
  const webhooks = await deliverDueWebhooks(services, opts.sender ? { sender: opts.sender } : {});
  const purged = await purgeNicsDetails(services);
  return { nics, webhooks, purged };
}

/**
 * Starts the loops; returns the function that stops them. Each loop skips a
 * tick while its previous run is still going. Timers are unref'd, so they
 * never keep the process alive by themselves.
 */
export function startSalesWorkers(services: Services, opts: SalesWorkerOptions = {}): () => void {
  const onError = opts.onError ?? (() => {});
  const loop = (ms: number, job: string, fn: () => Promise<unknown>) => {
    let running = false;
    const t = setInterval(() => {
      if (running) return;
      running = true;
      fn()
        .catch((e) => onError(e, job))
        .finally(() => {
          running = false;
        });
    }, ms);
    t.unref();
    return t;
  };
  const timers = [
    loop(opts.nicsIntervalMs ?? 5_000, "nics", () =>
      pollNics(services, { ...(opts.nicsTimeoutMs ? { nicsTimeoutMs: opts.nicsTimeoutMs } : {}), onError }),
    ),
    loop(opts.webhookIntervalMs ?? 1_000, "webhooks", () =>
      deliverDueWebhooks(services, opts.sender ? { sender: opts.sender } : {}),
    ),
    loop(opts.purgeIntervalMs ?? 3_600_000, "retention", () => purgeNicsDetails(services)),
  ];
  return () => {
    for (const t of timers) clearInterval(t);
  };
}
