/**
 * The shape of a capability module, as `src/modules/<capability>/index.ts` exports it.
 * `src/modules/index.ts` holds the one list of modules; the server, the web UI, the
 * navigation and the job runner all read that list, so adding a capability is adding
 * its folder and one line there.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Ctx } from "../context.ts";
import type { RouteDef } from "../http/route.ts";
import type { Role } from "../modules/auth/roles.ts";

export type MakeCtx = (req: FastifyRequest) => Ctx;

/**
 * The headings the header navigation groups its links under (src/web/nav.ts gives their order and
 * labels). A role with many links sees them under these headings; a role with few sees one list.
 */
export type NavGroup =
  "licensing" | "sales" | "enforcement" | "registries" | "appeals" | "schools" | "reports" | "account";

/** One entry of the header navigation, for the roles that see it. */
export interface NavEntry {
  roles: readonly (Role | "public")[];
  href: string;
  label: string;
  /** The heading it is listed under when the role's links are grouped. */
  group?: NavGroup;
  /** Lower comes first; entries of equal order keep the module list's order. */
  order?: number;
  /** Where these roles land after signing in (the first such entry for a role wins). */
  home?: boolean;
}

/**
 * A kind of background work. A job is run by the runner in `src/modules/jobs`: with a lease, up
 * to `maxAttempts` times with exponential backoff from `backoffSeconds`, then dead-lettered.
 * `every` makes it recurring (the runner enqueues it on schedule); otherwise it runs when a
 * service enqueues it.
 */
export interface JobDef<P = any> {
  /** Dotted and module-prefixed, e.g. "notices.deliver". */
  name: string;
  every?: { seconds: number };
  maxAttempts?: number;
  backoffSeconds?: number;
  /** How long a worker may hold the job before another may take it over. */
  leaseSeconds?: number;
  /** `job.attempt` counts from 1; the last attempt is `job.attempt === job.maxAttempts`. */
  run: (ctx: Ctx, payload: P, job: { id: number; attempt: number; maxAttempts: number }) => Promise<unknown>;
}

export interface ModuleDef {
  /** The folder name. */
  name: string;
  /** API routes (they appear in the OpenAPI document). */
  routes?: readonly RouteDef[];
  /** Web pages for every audience of the capability. */
  pages?: (app: FastifyInstance, makeCtx: MakeCtx) => void;
  nav?: readonly NavEntry[];
  jobs?: readonly JobDef[];
  /** Demo data, run once by `npm start` on an empty database after the core seed (src/app.ts). */
  seed?: (ctx: Ctx) => Promise<unknown>;
}

export const defineModule = (m: ModuleDef): ModuleDef => m;
