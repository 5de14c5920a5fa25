/**
 * Parsing input with a zod schema into Stateline's one validation error: a 400 whose fields name
 * each bad value by its path ("applicant.birthDate", "query.limit"). Used by the API pipeline, the
 * web forms and the services that validate facts, so every entry point reports bad input the same way.
 */
import type { z } from "zod";
import { AppError, type FieldError } from "./errors.ts";

/** A UUID as PostgreSQL writes one (any version; case-insensitive). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function zodFields(err: z.ZodError, prefix: string): FieldError[] {
  return err.issues.flatMap((i) => {
    const base = [prefix, ...i.path.map(String)].filter(Boolean);
    // An unknown key is named itself, so the caller sees which field to drop.
    if (i.code === "unrecognized_keys")
      return i.keys.map((k) => ({ field: [...base, k].join("."), message: "unknown field" }));
    const path = base.join(".");
    return [{ field: path || prefix, message: i.message }];
  });
}

export function parseWith<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return value as T;
  const r = schema.safeParse(value ?? (where === "body" ? undefined : {}));
  if (!r.success) {
    const fields = zodFields(r.error, where === "body" ? "" : where);
    throw new AppError(
      "validation",
      `invalid ${where}: ${fields.map((f) => `${f.field || "body"}: ${f.message}`).join("; ")}`,
      { fields },
    );
  }
  return r.data;
}
