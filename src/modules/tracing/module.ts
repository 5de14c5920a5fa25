/** The tracing module's registration: crime gun traces, the partner exchange, analytics, dealer accountability, trafficking leads. */
import { defineModule } from "../../lib/module.ts";
import { seedTracing } from "./seed.ts";
import { tracingJobs } from "./jobs.ts";
import { registerTracingPages } from "./pages.ts";
import { tracingRoutes } from "./routes.ts";

export const tracingModule = defineModule({
  name: "tracing",
  routes: tracingRoutes,
  pages: registerTracingPages,
  nav: [
    { roles: ["law_enforcement"], href: "/tracing", label: "Traces", group: "enforcement", order: 35 },
    {
      roles: ["trafficking_task_force"],
      href: "/tracing",
      label: "Traces",
      group: "enforcement",
      order: 35,
      home: true,
    },
    {
      roles: ["law_enforcement", "trafficking_task_force", "licensing_staff"],
      href: "/tracing/analytics",
      label: "Source states",
      group: "reports",
      order: 36,
    },
    {
      roles: ["licensing_staff"],
      href: "/tracing/dealers",
      label: "Dealer accountability",
      group: "reports",
      order: 37,
    },
    { roles: ["dealer"], href: "/tracing/my-dealer", label: "Trace figures", group: "reports", order: 60 },
  ],
  jobs: tracingJobs,
  seed: (ctx) => seedTracing(ctx),
});
