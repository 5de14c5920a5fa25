import type { FastifyInstance } from "fastify";
import type { MakeCtx } from "../../lib/module.ts";

/** Accepts batch files sent as text/csv (the feeds' batch route parses them). */
function acceptCsv(app: FastifyInstance): void {
  if (!app.hasContentTypeParser("text/csv")) app.addContentTypeParser("text/csv", { parseAs: "string" }, (_req, body, done) => done(null, body));
}

export function enforcementPages(app: FastifyInstance, _makeCtx: MakeCtx): void {
  acceptCsv(app);
}
