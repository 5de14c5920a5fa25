/** Web pages of the tracing module (investigators, the task force, dealers, supervisors). */
import type { FastifyInstance } from "fastify";
import type { MakeCtx } from "../../lib/module.ts";
import { EXCHANGE_CONTENT_TYPE } from "./signing.ts";

export function registerTracingPages(app: FastifyInstance, _makeCtx: MakeCtx): void {
  // The partner exchange keeps the exact bytes that were signed (its own media type, parsed as a string).
  app.addContentTypeParser(EXCHANGE_CONTENT_TYPE, { parseAs: "string" }, (_req, body, done) => done(null, body));
}
