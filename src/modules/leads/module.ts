/** The leads module's registration: suspicious-purchase leads and cases. */
import { defineModule } from "../../lib/module.ts";
import { leadJobs } from "./jobs.ts";
import { leadRoutes } from "./routes.ts";
import { registerLeadPages } from "./pages.ts";

export const leadsModule = defineModule({
  name: "leads",
  jobs: leadJobs,
  routes: leadRoutes,
  pages: (app, makeCtx) => registerLeadPages(app, makeCtx),
  nav: [
    {
      roles: ["licensing_staff", "law_enforcement"],
      href: "/leads",
      label: "Leads",
      group: "enforcement",
      order: 30,
      home: true,
    },
  ],
});
