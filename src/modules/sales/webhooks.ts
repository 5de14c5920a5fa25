/**
 * Signed webhooks to dealers. A change the dealer did not ask for in the same
 * request (a delayed NICS check resolving) is written to `webhook_deliveries`
 * in the transaction that makes the change; a worker sends it, signed with the
 * dealer's secret (HMAC-SHA256 over `timestamp.body`, header
 * `Stateline-Signature: t=...,v1=...`), and retries with exponential backoff.
 *
 * The body names the sale and its new state only: no personal data travels in
 * a webhook; the dealer reads the sale through the API.
 */
import { randomUUID } from "node:crypto";
import type { Ctx, Services } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { badField, forbidden } from "../../lib/errors.ts";
import { SIGNATURE_HEADER, newWebhookSecret, signWebhook } from "../../adapters/webhooks/signature.ts";
import { type WebhookSender, httpWebhookSender } from "../../adapters/webhooks/sender.ts";
import { checkWebhookUrl } from "../../adapters/webhooks/address-guard.ts";
import { openSecret, sealSecret } from "../../adapters/webhooks/secret-box.ts";
import { appendAudit } from "../audit/index.ts";
import { findStaffMembership, getActingDealer } from "../dealers/index.ts";
import { salesPolicy } from "./policy.ts";
import type { NicsCheck, Sale } from "./queries.ts";

/** Retry schedule: 10 s, 20 s, 40 s ... capped at one hour; after 12 attempts the delivery is marked failed. */
export const WEBHOOK_RETRY = { baseSeconds: 10, maxSeconds: 3600, maxAttempts: 12, timeoutMs: 5000 } as const;

export function backoffSeconds(attempts: number): number {
  return Math.min(WEBHOOK_RETRY.baseSeconds * 2 ** Math.max(0, attempts - 1), WEBHOOK_RETRY.maxSeconds);
}

/**
 * Sets the acting dealer's webhook endpoint. HTTPS only, to a public address:
 * the name is resolved and refused when any address is loopback, private,
 * link-local, unique-local or a metadata service (src/adapters/webhooks/address-guard.ts);
 * plain http and loopback only with the tests' switch (config.webhookAllowLoopback).
 * A name that does not resolve yet is accepted: each delivery checks again.
 * Without a secret one is generated and shown once; the secret is stored encrypted.
 */
export async function registerWebhook(
  ctx: Ctx,
  input: { url: string; secret?: string | undefined },
): Promise<{ url: string; active: boolean; secret?: string; signature: { header: string; scheme: string } }> {
  const dealer = await getActingDealer(ctx, "firearm-dealer");
  const membership = await findStaffMembership(ctx.db, ctx.user!.id);
  if (!salesPolicy.registerWebhook(ctx.user!, membership?.position))
    throw forbidden("only the shop's owner or a manager sets its webhook");
  const verdict = await checkWebhookUrl(input.url, { allowLoopback: ctx.config.webhookAllowLoopback });
  if (!verdict.ok && !verdict.unresolved) throw badField("url", verdict.reason);
  const url = new URL(input.url);
  const generated = input.secret === undefined ? newWebhookSecret() : undefined;
  const secret = input.secret ?? generated!;
  await ctx.db.tx(async (q) => {
    await q.query(
      `INSERT INTO dealer_webhooks (dealer_id, url, secret, active, updated_by, updated_at) VALUES ($1,$2,$3,true,$4,$5)
       ON CONFLICT (dealer_id) DO UPDATE SET url = $2, secret = $3, active = true, updated_by = $4, updated_at = $5`,
      [
        dealer.id,
        url.toString(),
        sealSecret(ctx.config.secretKey, secret),
        ctx.user!.id,
        ctx.clock.now().toISOString(),
      ],
    );
    await appendAudit(q, ctx, {
      action: "dealer.webhook.set",
      entityType: "dealer",
      entityId: dealer.id,
      details: { host: url.host, secretGenerated: generated !== undefined },
    });
  });
  return {
    url: url.toString(),
    active: true,
    ...(generated ? { secret: generated } : {}),
    signature: {
      header: SIGNATURE_HEADER,
      scheme: 't=<unix seconds>,v1=<hex HMAC-SHA256 of `t` + "." + raw body, keyed with your secret>',
    },
  };
}

export type SaleEventType =
  | "sale.authorized"
  | "sale.denied"
  | "sale.delayed"
  | "sale.proceeded"
  | "sale.denied-after-transfer"
  | "sale.cancelled";

/** Queues the sale's new state for its dealer, when the dealer has an active webhook. */
export async function enqueueSaleEvent(q: Queryable, ctx: Pick<Ctx, "clock">, s: Sale, nics: NicsCheck): Promise<void> {
  if (!s.dealerId) return;
  const hook = await q.query("SELECT 1 FROM dealer_webhooks WHERE dealer_id = $1 AND active", [s.dealerId]);
  if (!hook.length) return;
  const eventId = randomUUID();
  const type = `sale.${s.status}` as SaleEventType;
  const body = JSON.stringify({
    id: eventId,
    type,
    createdAt: ctx.clock.now().toISOString(),
    data: {
      saleId: s.id,
      saleNumber: s.number,
      status: s.status,
      delayReason: s.delayReason,
      authorizationNumber: s.authorizationNumber,
      proceedAfter: s.proceedAfter,
      mayProceedOn: s.mayProceedOn,
      nics: { transactionNumber: nics.transactionNumber ?? nics.statelineReference, status: nics.status },
    },
  });
  await q.query(
    "INSERT INTO webhook_deliveries (event_id, dealer_id, sale_id, event, body, next_attempt_at) VALUES ($1,$2,$3,$4,$5,$6)",
    [eventId, s.dealerId, s.id, type, body, ctx.clock.now().toISOString()],
  );
}

/**
 * Sends the deliveries that are due. Each is claimed (its next attempt pushed
 * past the request's time limit) before it is sent, so two workers never send
 * the same delivery at once, and a worker that dies mid-send is retried.
 */
export async function deliverDueWebhooks(
  s: Pick<Services, "db" | "clock" | "config">,
  opts: { sender?: WebhookSender; limit?: number } = {},
): Promise<{ delivered: number; failed: number; retried: number }> {
  const guard = { allowLoopback: s.config.webhookAllowLoopback };
  const sender = opts.sender ?? httpWebhookSender(guard);
  const now = s.clock.now();
  const lease = new Date(now.getTime() + WEBHOOK_RETRY.timeoutMs + 30_000).toISOString();
  const claimed = await s.db.tx(async (q) => {
    const rows = await q.query<{
      id: number;
      event_id: string;
      event: string;
      body: string;
      attempts: number;
      dealer_id: string;
    }>(
      `WITH due AS (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
       UPDATE webhook_deliveries w SET next_attempt_at = $2 FROM due WHERE w.id = due.id
       RETURNING w.id, w.event_id::text, w.event, w.body, w.attempts, w.dealer_id::text`,
      [now.toISOString(), lease, opts.limit ?? 50],
    );
    if (!rows.length) return [];
    const hooks = await q.query<{ dealer_id: string; url: string; secret: string; active: boolean }>(
      "SELECT dealer_id::text, url, secret, active FROM dealer_webhooks WHERE dealer_id = ANY($1::uuid[])",
      [[...new Set(rows.map((r) => r.dealer_id))]],
    );
    const byDealer = new Map(hooks.map((h) => [h.dealer_id, h]));
    return rows
      .sort((x, y) => x.id - y.id)
      .map((r) => ({
        ...r,
        url: byDealer.get(r.dealer_id)?.url ?? null,
        secret: byDealer.get(r.dealer_id)?.secret ?? null,
        active: byDealer.get(r.dealer_id)?.active ?? null,
      }));
  });
  const out = { delivered: 0, failed: 0, retried: 0 };
  for (const d of claimed) {
    let status: number | null = null;
    let error: string | null = null;
    const secret = d.secret ? openSecret(s.config.secretKey, d.secret) : undefined;
    // The address is checked again at every delivery: the name may resolve elsewhere now.
    const target = d.url ? await checkWebhookUrl(d.url, guard) : undefined;
    if (!d.url || !d.secret || !d.active) {
      error = "the dealer has no active webhook";
    } else if (secret === undefined) {
      error = "the webhook's secret cannot be decrypted with this server's key; the dealer sets the webhook again";
    } else if (target && !target.ok) {
      error = `refused: ${target.reason}`;
    } else {
      const timestamp = Math.floor(s.clock.now().getTime() / 1000);
      try {
        const r = await sender.send({
          url: d.url,
          body: d.body,
          timeoutMs: WEBHOOK_RETRY.timeoutMs,
          headers: {
            "content-type": "application/json",
            "user-agent": "Stateline-Webhooks/1",
            [SIGNATURE_HEADER.toLowerCase()]: signWebhook({ secret, body: d.body, timestamp }),
            "stateline-event": d.event,
            "stateline-delivery": d.event_id,
          },
        });
        status = r.status;
        if (r.status < 200 || r.status > 299) error = `the receiver answered ${r.status}`;
      } catch (e) {
        error = e instanceof Error ? e.message.slice(0, 500) : "the request failed";
      }
    }
    const attempts = d.attempts + 1;
    const at = s.clock.now().toISOString();
    if (error === null) {
      await s.db.query(
        "UPDATE webhook_deliveries SET status = 'delivered', attempts = $2, last_attempt_at = $3, last_status_code = $4, last_error = NULL, delivered_at = $3 WHERE id = $1",
        [d.id, attempts, at, status],
      );
      out.delivered += 1;
    } else if (attempts >= WEBHOOK_RETRY.maxAttempts) {
      await s.db.query(
        "UPDATE webhook_deliveries SET status = 'failed', attempts = $2, last_attempt_at = $3, last_status_code = $4, last_error = $5 WHERE id = $1",
        [d.id, attempts, at, status, error],
      );
      out.failed += 1;
    } else {
      const next = new Date(s.clock.now().getTime() + backoffSeconds(attempts) * 1000).toISOString();
      await s.db.query(
        "UPDATE webhook_deliveries SET attempts = $2, last_attempt_at = $3, last_status_code = $4, last_error = $5, next_attempt_at = $6 WHERE id = $1",
        [d.id, attempts, at, status, error, next],
      );
      out.retried += 1;
    }
  }
  return out;
}
