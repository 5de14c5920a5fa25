/** The OpenAPI 3.1 document, built from the registered routes' zod schemas. */
import { z } from "zod";
import { curlLine, exampleBody } from "./examples.ts";
import type { RouteDef } from "./route.ts";

function schemaOf(s: z.ZodType | undefined, io: "input" | "output"): Record<string, unknown> | undefined {
  if (!s) return undefined;
  try {
    const { $schema: _drop, ...rest } = z.toJSONSchema(s, {
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
    }) as Record<string, unknown>;
    return rest;
  } catch {
    return {};
  }
}

const problemSchema = {
  type: "object",
  description: "RFC 9457 problem details",
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    instance: { type: "string" },
    requestId: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        properties: { field: { type: "string" }, message: { type: "string" } },
        required: ["field", "message"],
      },
    },
  },
  required: ["type", "title", "status", "detail"],
};

/** `today` dates the drawn examples (the examples are checked against each route's schema). */
export function buildOpenApi(
  routes: readonly RouteDef[],
  version: string,
  today = new Date().toISOString().slice(0, 10),
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    if (!r.url.startsWith("/api/")) continue;
    const params: unknown[] = [];
    for (const [where, s] of [
      ["path", r.params],
      ["query", r.query],
    ] as const) {
      const js = schemaOf(s, "input") as { properties?: Record<string, unknown>; required?: string[] } | undefined;
      for (const [name, schema] of Object.entries(js?.properties ?? {}))
        params.push({ name, in: where, required: where === "path" || (js?.required ?? []).includes(name), schema });
    }
    if (r.idempotent)
      params.push({
        name: "Idempotency-Key",
        in: "header",
        required: false,
        description:
          "Required for API-key callers. A retry with the same key returns the first answer; nothing is stored twice.",
        schema: { type: "string", minLength: 8, maxLength: 200 },
      });
    const ok = String(r.successStatus ?? (r.method === "POST" ? 201 : 200));
    const bodySchema = schemaOf(r.body, "input");
    const example = r.body ? exampleBody(r.body, bodySchema, r.example, today) : undefined;
    const op: Record<string, unknown> = {
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: r.tags,
      operationId: `${r.method.toLowerCase()}${r.url
        .replace(/[{}]/g, "")
        .split("/")
        .filter(Boolean)
        .map((p) => p[0]!.toUpperCase() + p.slice(1).replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()))
        .join("")}`,
      ...(params.length ? { parameters: params } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: bodySchema, ...(example !== undefined ? { example } : {}) } },
            },
          }
        : {}),
      "x-curl": curlLine({
        method: r.method,
        path: r.url,
        signedIn: r.auth === "user",
        idempotent: Boolean(r.idempotent),
        example,
      }),
      ...(r.auth === "user" ? { security: [{ session: [] }, { apiKey: [] }] } : { security: [] }),
      ...(r.roles ? { "x-roles": r.roles } : {}),
      responses: {
        [ok]: {
          description: "Success",
          content: { "application/json": { schema: schemaOf(r.response, "output") ?? {} } },
        },
        "400": {
          description: "Invalid input; `errors` names each field",
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
        ...(r.auth === "user"
          ? { "401": { description: "Not signed in" }, "403": { description: "Your role may not do this" } }
          : {}),
        "503": { description: "Database unavailable; retry after the Retry-After header" },
      },
    };
    (paths[r.url] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Stateline API",
      version,
      description:
        "Connecticut firearm law information system (Public Act 13-3). Every decision names the statute section that made it.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "sl_session",
          description: "Web session; unsafe methods also need the X-CSRF-Token header",
        },
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "API key for dealers' software (Authorization: Bearer sl_...)",
        },
      },
      schemas: { Problem: problemSchema },
    },
    paths,
  };
}
