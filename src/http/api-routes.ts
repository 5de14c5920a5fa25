/** Every API route, by capability. */
import { ammunitionRoutes } from "../modules/ammunition/routes.ts";
import { auditRoutes } from "../modules/audit/routes.ts";
import { authRoutes } from "../modules/auth/routes.ts";
import { credentialRoutes } from "../modules/credentials/routes.ts";
import { dealerRoutes } from "../modules/dealers/routes.ts";
import { decisionRoutes } from "../modules/decisions/routes.ts";
import { leadRoutes } from "../modules/leads/routes.ts";
import { peopleRoutes } from "../modules/people/routes.ts";
import { salesRoutes } from "../modules/sales/routes.ts";

export const apiRoutes = [...authRoutes, ...decisionRoutes, ...credentialRoutes, ...peopleRoutes, ...dealerRoutes, ...auditRoutes, ...ammunitionRoutes, ...leadRoutes, ...salesRoutes];
