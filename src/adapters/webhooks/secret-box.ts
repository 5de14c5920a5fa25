/**
 * Secrets at rest (webhook signing secrets): AES-256-GCM under the key from
 * configuration (STATELINE_SECRET_KEY). Stored as `v1.<iv>.<tag>.<ciphertext>`,
 * each part base64url; the version prefix lets the scheme change later.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const b64 = (b: Buffer) => b.toString("base64url");

export function sealSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return `v1.${b64(iv)}.${b64(c.getAuthTag())}.${b64(ct)}`;
}

/** The plain secret, or undefined when the value was not sealed under this key (or was altered). */
export function openSecret(key: Buffer, sealed: string): string | undefined {
  const m = /^v1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(sealed);
  if (!m) return undefined;
  try {
    const d = createDecipheriv("aes-256-gcm", key, Buffer.from(m[1]!, "base64url"));
    d.setAuthTag(Buffer.from(m[2]!, "base64url"));
    return Buffer.concat([d.update(Buffer.from(m[3]!, "base64url")), d.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
