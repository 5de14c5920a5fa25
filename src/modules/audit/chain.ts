/** Hashing for the audit chain: canonical JSON (sorted keys) and SHA-256 over the previous hash and the entry. */
import { createHash } from "node:crypto";

export const GENESIS = "0".repeat(64);

export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(",")}}`;
}

export interface ChainedFields {
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  purpose: string | null;
  outcome: string;
  details: unknown;
  request_id: string | null;
}

export function entryHash(prevHash: string, e: ChainedFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(e)).digest("hex");
}
