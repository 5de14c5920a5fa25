/**
 * The web UI: server-rendered pages styled with USWDS, usable without
 * JavaScript. Pages call the same services as the API.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Ctx } from "../context.ts";
import { registerAssets } from "./assets.ts";
import { registerDocsPage } from "./pages/docs.ts";

export function registerWeb(app: FastifyInstance, makeCtx: (req: FastifyRequest) => Ctx): void {
  registerAssets(app);
  registerDocsPage(app);
}
