/** The audit module's registration: the trail, its verifier and the sealer. */
import { defineModule } from "../../lib/module.ts";
import { auditRoutes } from "./routes.ts";
import { registerAuditPages } from "./pages.ts";

export const auditModule = defineModule({
  name: "audit",
  routes: auditRoutes,
  pages: (app, makeCtx) => registerAuditPages(app, makeCtx),
  nav: [
    { roles: ["auditor"], href: "/audit", label: "Audit trail", group: "reports", order: 10, home: true },
    { roles: ["admin"], href: "/audit", label: "Audit trail", group: "reports", order: 20 },
  ],
});
