/**
 * HTTP Message Signatures (RFC 9421) with Ed25519, for the partner exchange, and Content-Digest
 * (RFC 9530). A request carries:
 *
 *   Content-Digest: sha-256=:<base64 of SHA-256 of the body>:
 *   Signature-Input: stl=("@method" "@authority" "@path" "content-digest" "content-type");created=<unix>;nonce="<random>";keyid="<sender key id>";alg="ed25519";tag="stateline-trace"
 *   Signature: stl=:<base64 Ed25519 signature of the signature base>:
 *
 * The signature base is built as RFC 9421 § 2.5 says: one line per covered component,
 * `"<name>": <value>`, then `"@signature-params": <the inner list and its parameters>`.
 * Pure functions: no clock, no configuration; the caller gives the time and the keys.
 */
import { createHash, randomBytes, sign, verify, type KeyObject } from "node:crypto";

export const COVERED = ["@method", "@authority", "@path", "content-digest", "content-type"] as const;
export const SIGNATURE_LABEL = "stl";
export const SIGNATURE_TAG = "stateline-trace";
/** The media type of the exchange: its own, so the server keeps the exact bytes that were signed. */
export const EXCHANGE_CONTENT_TYPE = "application/vnd.stateline.trace+json";

export interface SignedMessage {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export const contentDigest = (body: string) => `sha-256=:${createHash("sha256").update(body).digest("base64")}:`;

function component(name: string, m: { method: string; url: URL; headers: Record<string, string | undefined> }): string {
  switch (name) {
    case "@method":
      return m.method.toUpperCase();
    case "@authority":
      return m.url.host.toLowerCase();
    case "@path":
      return m.url.pathname;
    default: {
      const v = m.headers[name];
      if (v === undefined) throw new SignatureError(`the signed header ${name} is missing`);
      return v.trim();
    }
  }
}

function paramsString(p: { created: number; nonce: string; keyid: string }): string {
  return `(${COVERED.map((c) => `"${c}"`).join(" ")});created=${p.created};nonce="${p.nonce}";keyid="${p.keyid}";alg="ed25519";tag="${SIGNATURE_TAG}"`;
}

export function signatureBase(
  m: { method: string; url: URL; headers: Record<string, string | undefined> },
  params: string,
): string {
  return [...COVERED.map((c) => `"${c}": ${component(c, m)}`), `"@signature-params": ${params}`].join("\n");
}

/** Signs a JSON request for a partner: returns the headers to send with it. */
export function signRequest(o: {
  method: string;
  url: string;
  body: string;
  keyId: string;
  privateKey: KeyObject;
  now: Date;
  nonce?: string;
}): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": EXCHANGE_CONTENT_TYPE,
    "content-digest": contentDigest(o.body),
  };
  const params = paramsString({
    created: Math.floor(o.now.getTime() / 1000),
    nonce: o.nonce ?? randomBytes(16).toString("hex"),
    keyid: o.keyId,
  });
  const base = signatureBase({ method: o.method, url: new URL(o.url), headers }, params);
  const sig = sign(null, Buffer.from(base), o.privateKey).toString("base64");
  return { ...headers, "signature-input": `${SIGNATURE_LABEL}=${params}`, signature: `${SIGNATURE_LABEL}=:${sig}:` };
}

export class SignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SignatureError";
  }
}

export interface VerifiedSignature {
  keyId: string;
  created: number;
  nonce: string;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(", ") : v);

/**
 * Verifies a signed request. `keyFor` returns the public key for a key id (undefined: unknown
 * sender). Throws SignatureError saying what is wrong; checks the digest of the body, the covered
 * components, the time window and the signature itself. Replay (the nonce) is the caller's to check.
 */
export function verifyRequest(
  m: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: string },
  keyFor: (keyId: string) => KeyObject | undefined,
  now: Date,
  windowSeconds: number,
): VerifiedSignature {
  const input = one(m.headers["signature-input"]);
  const signature = one(m.headers["signature"]);
  if (!input || !signature)
    throw new SignatureError("the request is not signed (Signature-Input and Signature are required)");
  const im = new RegExp(
    `^${SIGNATURE_LABEL}=(\\(.*\\));created=(\\d{1,12});nonce="([A-Za-z0-9_-]{8,100})";keyid="([^"]{1,100})";alg="ed25519";tag="${SIGNATURE_TAG}"$`,
  ).exec(input.trim());
  if (!im) throw new SignatureError("Signature-Input is not in the expected form");
  const [, list, createdS, nonce, keyId] = im as unknown as [string, string, string, string, string];
  if (list !== `(${COVERED.map((c) => `"${c}"`).join(" ")})`)
    throw new SignatureError("the signature must cover @method, @authority, @path, content-digest and content-type");
  const sm = new RegExp(`^${SIGNATURE_LABEL}=:([A-Za-z0-9+/=]{1,200}):$`).exec(signature.trim());
  if (!sm) throw new SignatureError("Signature is not in the expected form");
  const key = keyFor(keyId);
  if (!key) throw new SignatureError(`unknown key id ${keyId}`);
  const created = Number(createdS);
  if (Math.abs(now.getTime() / 1000 - created) > windowSeconds)
    throw new SignatureError("the signature is too old or from the future");
  const digest = one(m.headers["content-digest"]);
  if (digest !== contentDigest(m.body)) throw new SignatureError("Content-Digest does not match the body");
  const headers: Record<string, string | undefined> = {
    "content-digest": digest,
    "content-type": one(m.headers["content-type"])?.split(";")[0],
  };
  const base = signatureBase(
    { method: m.method, url: new URL(m.url), headers },
    `${list};created=${createdS};nonce="${nonce}";keyid="${keyId}";alg="ed25519";tag="${SIGNATURE_TAG}"`,
  );
  if (!verify(null, Buffer.from(base), key, Buffer.from(sm[1]!, "base64")))
    throw new SignatureError("the signature does not verify");
  return { keyId, created, nonce };
}
