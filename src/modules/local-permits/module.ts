/** The local-permits module's registration: the town's issuing authority and the permit's two stages. */
import { defineModule } from "../../lib/module.ts";
import { localPermitJobs } from "./jobs.ts";
import { registerLocalPermitPages } from "./pages.ts";
import { localPermitRoutes } from "./routes.ts";
import { seedLocalPermits } from "./seed.ts";

export const localPermitsModule = defineModule({
  name: "local-permits",
  routes: localPermitRoutes,
  pages: (app, makeCtx) => registerLocalPermitPages(app, makeCtx),
  jobs: localPermitJobs,
  nav: [
    {
      roles: ["local_authority"],
      href: "/local",
      label: "Permit applications",
      group: "licensing",
      order: 5,
      home: true,
    },
    { roles: ["licensing_staff"], href: "/staff/permit-stages", label: "Permit stages", group: "licensing", order: 12 },
  ],
  seed: seedLocalPermits,
});
