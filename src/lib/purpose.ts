/**
 * Why someone reads personal data. Every read of confidential data (magazine declarants, the
 * offender registry, ammunition certificate holders, court and health records, sale records)
 * states a purpose: a code from this list and a sentence of at least 10 characters. Purposes
 * travel in the request body or the `Stateline-Purpose` header (`<code>; <text>`), never in URLs,
 * which end up in logs and browser history. The purpose is written into the audit entry.
 */
import { z } from "zod";

export const PURPOSE_CODES = [
  "criminal-investigation",
  "licensing-review",
  "registry-verification",
  "court-order",
  "firearm-trace",
  "probation-supervision",
  "mental-health-treatment",
  "appeal-review",
  "audit-review",
  "own-record",
] as const;
export type PurposeCode = (typeof PURPOSE_CODES)[number];

export const PURPOSE_LABELS: Record<PurposeCode, string> = {
  "criminal-investigation": "Criminal investigation",
  "licensing-review": "Licensing review",
  "registry-verification": "Registry verification",
  "court-order": "Court order",
  "firearm-trace": "Firearm trace",
  "probation-supervision": "Probation supervision",
  "mental-health-treatment": "Mental health treatment (DMHAS)",
  "appeal-review": "Appeal before the Board",
  "audit-review": "Audit review",
  "own-record": "My own record",
};

export const ReadPurpose = z
  .object({
    code: z.enum(PURPOSE_CODES),
    text: z.string().trim().min(10, "say in at least 10 characters why you need this record").max(500),
  })
  .strict();
export type ReadPurpose = z.infer<typeof ReadPurpose>;

/** The purpose as one line for the audit trail. */
export const purposeLine = (p: ReadPurpose) => `${p.code}: ${p.text}`;

/** Parses `Stateline-Purpose: <code>; <text>`; undefined when the header is absent. */
export function purposeFromHeader(headers: Record<string, string | string[] | undefined>): unknown {
  const h = headers["stateline-purpose"];
  const v = Array.isArray(h) ? h[0] : h;
  if (v === undefined) return undefined;
  const i = v.indexOf(";");
  return i < 0 ? { code: v.trim(), text: "" } : { code: v.slice(0, i).trim(), text: v.slice(i + 1).trim() };
}
