/**
 * The web UI: server-rendered pages styled with USWDS, usable without
 * JavaScript. Pages call the same services as the API.
 */
import type { FastifyInstance } from "fastify";
import { registerAssets } from "./assets.ts";

export function registerWeb(app: FastifyInstance): void {
  registerAssets(app);
}
