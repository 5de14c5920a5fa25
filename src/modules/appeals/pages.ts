/** Pages of the Board's docket (filled in the next slice). */
import type { FastifyInstance } from "fastify";
import type { MakeCtx } from "../../lib/module.ts";

export function registerAppealPages(_app: FastifyInstance, _makeCtx: MakeCtx): void {}
