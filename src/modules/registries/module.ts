/** The registries module's registration: certificates of possession, magazine declarations, certificates of transfer, windows, lost and stolen reports. */
import { defineModule } from "../../lib/module.ts";
import { seedRegistries } from "./seed.ts";
import { registriesJobs } from "./jobs.ts";
import { registerRegistryPages } from "./pages.ts";
import { registriesRoutes } from "./routes.ts";

export const registriesModule = defineModule({
  name: "registries",
  routes: registriesRoutes,
  pages: (app, makeCtx) => registerRegistryPages(app, makeCtx),
  nav: [
    { roles: ["resident"], href: "/registries", label: "Weapons registry", group: "registries", order: 40 },
    { roles: ["licensing_staff"], href: "/staff/registries", label: "Registries", group: "registries", order: 40 },
    {
      roles: ["dealer"],
      href: "/dealer/transfer-certificates",
      label: "Transfer certificates",
      group: "registries",
      order: 14,
    },
    { roles: ["law_enforcement"], href: "/police/registries", label: "Registries", group: "registries", order: 40 },
  ],
  jobs: registriesJobs,
  seed: (ctx) => seedRegistries(ctx),
});
