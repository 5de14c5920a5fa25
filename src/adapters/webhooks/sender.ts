/**
 * Sending one webhook request over HTTP. The delivery outbox (sales module)
 * decides when to send and retries; this only makes the request and reports
 * what happened. Tests may pass their own sender.
 *
 * The request goes through a lookup that refuses internal addresses at connect
 * time (address-guard.ts), follows no redirect (a 3xx is just a status) and
 * gives up after `timeoutMs` in all.
 */
import http from "node:http";
import https from "node:https";
import { guardedLookup, type GuardOptions } from "./address-guard.ts";

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** `status` is the receiver's HTTP status; a thrown error means no answer (refused, timed out). */
export interface WebhookSender {
  send(req: WebhookRequest): Promise<{ status: number }>;
}

export function httpWebhookSender(guard: GuardOptions = { allowLoopback: false }): WebhookSender {
  const lookup = guardedLookup(guard);
  return {
    send(req) {
      const url = new URL(req.url);
      const mod = url.protocol === "https:" ? https : http;
      return new Promise((resolve, reject) => {
        const r = mod.request(
          url,
          {
            method: "POST",
            headers: { ...req.headers, "content-length": String(Buffer.byteLength(req.body)) },
            lookup: lookup as never,
            signal: AbortSignal.timeout(req.timeoutMs),
            agent: false,
          },
          (res) => {
            // Drain the body (at most 64 KiB is read) so the socket is released; its content is not used.
            let seen = 0;
            res.on("data", (c: Buffer) => {
              seen += c.length;
              if (seen > 65_536) res.destroy();
            });
            res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
            res.on("close", () => resolve({ status: res.statusCode ?? 0 }));
            res.on("error", () => resolve({ status: res.statusCode ?? 0 }));
          },
        );
        r.on("error", reject);
        r.end(req.body);
      });
    },
  };
}
