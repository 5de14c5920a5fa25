/** The decisions module's registration: the decision API, the rules catalogue and the public self-check. */
import { defineModule } from "../../lib/module.ts";
import { decisionRoutes } from "./routes.ts";
import { registerRulesPages } from "./pages.ts";

export const decisionsModule = defineModule({
  name: "decisions",
  routes: decisionRoutes,
  pages: (app) => registerRulesPages(app),
  nav: [
    { roles: ["public"], href: "/rules", label: "Rules", group: "reports", order: 90 },
    { roles: ["public"], href: "/check", label: "Self-check", group: "reports", order: 91 },
    {
      roles: ["resident", "licensing_staff", "dealer", "ammunition_vendor", "law_enforcement", "auditor"],
      href: "/rules",
      label: "Rules",
      group: "reports",
      order: 90,
    },
  ],
});
