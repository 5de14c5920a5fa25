/** Pages for districts, campuses, state staff and the public (filled in below). */
import type { FastifyInstance } from "fastify";
import type { MakeCtx } from "../../lib/module.ts";

export function registerSchoolPages(_app: FastifyInstance, _makeCtx: MakeCtx): void {}
export function registerUploadPages(_app: FastifyInstance, _makeCtx: MakeCtx): void {}
