/**
 * Sending one webhook request over HTTP. The delivery outbox (sales module)
 * decides when to send and retries; this only makes the request and reports
 * what happened. Tests may pass their own sender.
 */
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

export function httpWebhookSender(): WebhookSender {
  return {
    async send(req) {
      const res = await fetch(req.url, {
        method: "POST",
        headers: req.headers,
        body: req.body,
        redirect: "manual",
        signal: AbortSignal.timeout(req.timeoutMs),
      });
      // Drain the body so the connection is released; its content is not used.
      await res.arrayBuffer().catch(() => undefined);
      return { status: res.status };
    },
  };
}
