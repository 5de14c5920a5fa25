/** Registers the capability pages. Each capability's pages live in their own file here. */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Ctx } from "../../context.ts";

export function registerPages(_app: FastifyInstance, _makeCtx: (req: FastifyRequest) => Ctx): void {
  // pages are added here
}
