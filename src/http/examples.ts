/**
 * Request examples for the API reference. A route may give its own (`example` on the route);
 * otherwise one is drawn from the body's JSON Schema, with plausible values chosen by field name
 * and format. An example is published only if the route's own zod schema accepts it, so the
 * documentation never shows a body the server would refuse.
 *
 * Written here rather than taken from a library: the JSON Schema samplers on npm (for example
 * openapi-sampler) fill strings with "string", which our schemas refuse (dates, ZIP codes, NCIC
 * codes), and they cannot check the result against the zod schema.
 */
import type { z } from "zod";

type Js = Record<string, unknown>;

/** Values for common field names, in the formats the schemas expect. */
const BY_NAME: Record<string, unknown> = {
  firstName: "Jane",
  middleName: "Q",
  lastName: "Doe",
  surname: "Doe",
  givenName: "Jane",
  dateOfBirth: "1980-05-17",
  birthDate: "1980-05-17",
  street: "100 Main Street",
  town: "Hartford",
  residenceTown: "Hartford",
  city: "Hartford",
  state: "CT",
  zip: "06103",
  email: "jane.doe@example.org",
  phone: "860-555-0100",
  serialNumber: "SN12345",
  model: "Model 10",
  make: "SW",
  caliber: "38",
  type: "PR",
  credentialNumber: "LG-100001",
  reason: "The record shows a disqualifying conviction (see the decision's findings).",
  text: "Checking the record for an open investigation",
  code: "law-enforcement",
  description: "A description of the item",
  notes: "Entered from the paper form",
};

function pick(name: string, s: Js, today: string, depth: number): unknown {
  if (s.example !== undefined) return s.example;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) {
    const known = BY_NAME[name];
    return s.enum.includes(known) ? known : s.enum[0];
  }
  for (const k of ["anyOf", "oneOf"] as const) {
    const alts = s[k];
    if (Array.isArray(alts)) {
      const first = (alts as Js[]).find((a) => a.type !== "null") ?? (alts[0] as Js);
      return pick(name, first, today, depth);
    }
  }
  if (Array.isArray(s.allOf) && s.allOf.length) return pick(name, s.allOf[0] as Js, today, depth);
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== "null") : (s.type as string | undefined);
  switch (type) {
    case "object":
      return depth > 6 ? {} : objectSample(s, today, depth + 1);
    case "array": {
      const min = typeof s.minItems === "number" ? s.minItems : 1;
      const item = pick(name.replace(/s$/, ""), (s.items as Js | undefined) ?? {}, today, depth + 1);
      return Array.from({ length: Math.max(1, min) }, () => item);
    }
    case "integer":
    case "number": {
      const min =
        typeof s.minimum === "number" ? s.minimum : typeof s.exclusiveMinimum === "number" ? s.exclusiveMinimum + 1 : 1;
      return Math.max(min, 1);
    }
    case "boolean":
      return true;
    case "string": {
      if (s.format === "date" || /(On|Date)$/.test(name)) return BY_NAME[name] ?? today;
      if (s.format === "date-time" || /At$/.test(name)) return `${today}T14:00:00.000Z`;
      if (s.format === "uuid" || /Id$/.test(name)) return "01936b2e-5c4a-7d3e-9f10-2a3b4c5d6e7f";
      if (s.format === "email") return "jane.doe@example.org";
      const v = BY_NAME[name];
      if (typeof v === "string") return v;
      const min = typeof s.minLength === "number" ? s.minLength : 1;
      const base = "Example text for this field";
      return base.length >= min ? base : base.padEnd(min, ".");
    }
    default:
      return BY_NAME[name] ?? null;
  }
}

function objectSample(s: Js, today: string, depth: number, all = false): Js {
  const props = (s.properties ?? {}) as Record<string, Js>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  const out: Js = {};
  for (const [k, v] of Object.entries(props)) if (all || required.has(k)) out[k] = pick(k, v, today, depth);
  return out;
}

/**
 * An example body the schema accepts: the route's own, or one drawn from its JSON Schema
 * (required fields first, then every field). Undefined when neither is accepted.
 */
export function exampleBody(
  body: z.ZodType,
  jsonSchema: Js | undefined,
  own: unknown,
  today: string,
): unknown | undefined {
  const candidates: unknown[] = [];
  if (own !== undefined) candidates.push(own);
  if (jsonSchema) {
    if (jsonSchema.type === "object") {
      candidates.push(objectSample(jsonSchema, today, 0), objectSample(jsonSchema, today, 0, true));
    } else candidates.push(pick("body", jsonSchema, today, 0));
  }
  return candidates.find((c) => body.safeParse(c).success);
}

/** A curl line for a route, with the headers it needs. */
export function curlLine(o: {
  method: string;
  path: string;
  signedIn: boolean;
  idempotent: boolean;
  example: unknown;
}): string {
  const parts = [`curl -X ${o.method.toUpperCase()} "https://stateline.example.gov${o.path}"`];
  if (o.signedIn) parts.push(`-H "Authorization: Bearer $STATELINE_KEY"`);
  if (o.idempotent) parts.push(`-H "Idempotency-Key: $(uuidgen)"`);
  if (o.example !== undefined) {
    parts.push(`-H "Content-Type: application/json"`);
    parts.push(`-d '${JSON.stringify(o.example).replace(/'/g, "'\\''")}'`);
  }
  return parts.join(" \\\n  ");
}
