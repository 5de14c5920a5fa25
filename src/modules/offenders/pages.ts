/** Pages of the offender registry (filled in the next slice). */
import type { FastifyInstance } from "fastify";
import type { MakeCtx } from "../../lib/module.ts";

export function registerOffenderPages(_app: FastifyInstance, _makeCtx: MakeCtx): void {}
