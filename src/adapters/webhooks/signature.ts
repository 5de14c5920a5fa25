/**
 * Signed webhooks: the sender signs `timestamp + "." + body` with HMAC-SHA256
 * under the receiver's secret and sends
 *
 *   Stateline-Signature: t=<unix seconds>,v1=<hex digest>
 *
 * The receiver recomputes the digest over the raw body it received, compares in
 * constant time, and refuses timestamps outside its tolerance (replays). Several
 * v1 values may appear while a secret is rotated; any match is enough.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Stateline-Signature";
/** Five minutes either way, as common webhook practice. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signatureDigest(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The header value for `body` sent at `timestamp` (unix seconds). */
export function signWebhook(opts: { secret: string; body: string; timestamp: number }): string {
  return `t=${opts.timestamp},v1=${signatureDigest(opts.secret, opts.timestamp, opts.body)}`;
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: "malformed" | "stale" | "mismatch" };

/** Checks a received header against the raw body. `now` is unix seconds. */
export function verifyWebhookSignature(opts: {
  secret: string;
  header: string | undefined;
  body: string;
  now: number;
  toleranceSeconds?: number;
}): VerifyResult {
  if (!opts.header) return { ok: false, reason: "malformed" };
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const part of opts.header.split(",")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    if (k === "t" && /^\d{1,12}$/.test(v)) timestamp = Number(v);
    else if (k === "v1" && /^[0-9a-f]{64}$/.test(v)) candidates.push(v);
  }
  if (timestamp === undefined || candidates.length === 0) return { ok: false, reason: "malformed" };
  if (Math.abs(opts.now - timestamp) > (opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS))
    return { ok: false, reason: "stale" };
  const expected = Buffer.from(signatureDigest(opts.secret, timestamp, opts.body), "hex");
  const match = candidates.some((c) => {
    const got = Buffer.from(c, "hex");
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
  return match ? { ok: true, timestamp } : { ok: false, reason: "mismatch" };
}

/** A new random secret for a receiver that did not bring its own (32 bytes, base64url). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}
