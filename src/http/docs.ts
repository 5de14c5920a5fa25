/**
 * A browsable reference of the API, rendered on the server from the OpenAPI document.
 */
import { type FastifyInstance } from "fastify";
import { html, page } from "../web/kit.ts";

interface Op {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown; example?: unknown }> };
  "x-curl"?: string;
  "x-roles"?: string[];
  security?: unknown[];
}

export function registerDocsPage(app: FastifyInstance): void {
  app.get("/api/docs", async (req, reply) => {
    const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
    const doc = res.json() as {
      info: { title: string; version: string; description: string };
      paths: Record<string, Record<string, Op>>;
    };
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    const tags = [...new Set(ops.flatMap((o) => o.op.tags ?? ["other"]))];
    return reply.type("text/html; charset=utf-8").send(
      page(
        req,
        "API reference",
        html`<h1>${doc.info.title} <span class="usa-tag">${doc.info.version}</span></h1>
      <p>${doc.info.description}</p>
      <p>The machine-readable document is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors are RFC 9457 problem details whose <code>errors</code> list names each field. Dealers' software authenticates with <code>Authorization: Bearer sl_...</code> and sends an <code>Idempotency-Key</code> header with every write: a retry with the same key returns the first answer and stores nothing twice. A dealer creates and revokes its software's keys on the <a href="/account/api-keys">API keys</a> page of the dealer portal (signed in as the dealer). Bodies are JSON (<code>Content-Type: application/json</code>); other media types are refused with 415. Every example below is accepted by the route's schema.</p>
      ${tags.map(
        (t) => html`<h2>${t}</h2>
        ${ops
          .filter((o) => (o.op.tags ?? ["other"]).includes(t))
          .map(
            (o) => html`<div class="usa-summary-box margin-bottom-2"><div class="usa-summary-box__body">
          <h3 class="usa-summary-box__heading"><code>${o.method.toUpperCase()} ${o.path}</code></h3>
          <p>${o.op.summary ?? ""}</p>
          ${o.op.description ? html`<p>${o.op.description}</p>` : ""}
          <p class="usa-hint">${(o.op.security ?? []).length ? html`Signed in${o.op["x-roles"] ? html`: ${o.op["x-roles"].join(", ")}` : ""}` : "Public"}</p>
          ${o.op.parameters?.length ? html`<p>Parameters: ${o.op.parameters.map((p) => html`<code>${p.name}</code> (${p.in}${p.required ? ", required" : ""}) `)}</p>` : ""}
          ${o.op.requestBody?.content["application/json"]?.example !== undefined ? html`<p>Example body:</p><pre class="stateline-pre">${JSON.stringify(o.op.requestBody.content["application/json"]!.example, null, 2)}</pre>` : ""}
          ${o.op["x-curl"] ? html`<details><summary>curl</summary><pre class="stateline-pre">${o.op["x-curl"]}</pre></details>` : ""}
          ${o.op.requestBody ? html`<details><summary>Request body schema</summary><pre class="stateline-pre">${JSON.stringify(o.op.requestBody.content["application/json"]?.schema, null, 2)}</pre></details>` : ""}
        </div></div>`,
          )}`,
      )}`,
      ),
    );
  });
}
