/** Registers the capability pages. Each capability's pages live in their own file here. */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Ctx } from "../../context.ts";
import { registerAdminPages } from "./admin.ts";
import { registerAmmunitionPages } from "./ammunition.ts";
import { registerAuditPages } from "./audit.ts";
import { registerDealerPages } from "./dealer.ts";
import { registerLeadPages } from "./leads.ts";
import { registerResidentPages } from "./resident.ts";
import { registerRulesPages } from "./rules.ts";
import { registerStaffPages } from "./staff.ts";
import { registerVerifyPages } from "./verify.ts";

export function registerPages(app: FastifyInstance, makeCtx: (req: FastifyRequest) => Ctx): void {
  registerRulesPages(app);
  registerResidentPages(app, makeCtx);
  registerStaffPages(app, makeCtx);
  registerVerifyPages(app, makeCtx);
  registerAuditPages(app, makeCtx);
  registerAdminPages(app, makeCtx);
  registerDealerPages(app, makeCtx);
  registerAmmunitionPages(app, makeCtx);
  registerLeadPages(app, makeCtx);
}
