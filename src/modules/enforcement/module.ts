/** The enforcement module's registration: feeds, matching review, reach, § 34 obligations, seizures. */
import { defineModule } from "../../lib/module.ts";
import { seedEnforcement } from "./seed.ts";
import { enforcementJobs } from "./jobs.ts";
import { enforcementPages } from "./pages.ts";
import { enforcementRoutes } from "./routes.ts";

export const enforcementModule = defineModule({
  name: "enforcement",
  routes: enforcementRoutes,
  pages: enforcementPages,
  nav: [
    {
      roles: ["licensing_staff"],
      href: "/enforcement/reviews",
      label: "Match reviews",
      group: "enforcement",
      order: 40,
    },
    {
      roles: ["licensing_staff", "law_enforcement"],
      href: "/enforcement/armed-prohibited",
      label: "Armed and prohibited",
      group: "enforcement",
      order: 41,
    },
    {
      roles: ["licensing_staff", "law_enforcement"],
      href: "/enforcement/seizures",
      label: "Seizures",
      group: "enforcement",
      order: 42,
    },
    { roles: ["auditor"], href: "/enforcement/matches", label: "Match log", group: "reports", order: 40 },
  ],
  jobs: enforcementJobs,
  seed: (ctx) => seedEnforcement(ctx),
});
