/** The tracing module's registration: crime gun traces, the partner exchange, analytics, dealer accountability, trafficking leads. */
import { defineModule } from "../../lib/module.ts";
import { tracingJobs } from "./jobs.ts";
import { registerTracingPages } from "./pages.ts";
import { tracingRoutes } from "./routes.ts";

export const tracingModule = defineModule({
  name: "tracing",
  routes: tracingRoutes,
  pages: registerTracingPages,
  nav: [
    { roles: ["law_enforcement"], href: "/tracing", label: "Traces", order: 35 },
    { roles: ["trafficking_task_force"], href: "/tracing", label: "Traces", order: 35, home: true },
  ],
  jobs: tracingJobs,
});
