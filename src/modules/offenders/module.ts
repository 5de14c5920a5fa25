/** The offender registry's registration: API routes, pages for police, keepers and registrants, and its clocks. */
import { defineModule } from "../../lib/module.ts";
import { seedOffenders } from "./seed.ts";
import { offenderJobs } from "./jobs.ts";
import { registerOffenderPages } from "./pages.ts";
import { offenderRoutes } from "./routes.ts";

export const offendersModule = defineModule({
  name: "offenders",
  routes: offenderRoutes,
  pages: (app, makeCtx) => registerOffenderPages(app, makeCtx),
  jobs: offenderJobs,
  seed: (ctx) => seedOffenders(ctx),
  nav: [
    {
      roles: ["law_enforcement", "licensing_staff"],
      href: "/offenders",
      label: "Offender registry",
      group: "registries",
      order: 35,
    },
    { roles: ["resident"], href: "/offenders/me", label: "My registration", group: "registries", order: 40 },
  ],
});
