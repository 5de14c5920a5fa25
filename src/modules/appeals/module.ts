/** The Board of Firearms Permit Examiners' docket: API routes, pages for appellants, the Board, the issuing authority and the public, and its clocks. */
import { defineModule } from "../../lib/module.ts";
import { seedAppeals } from "./seed.ts";
import { appealJobs } from "./jobs.ts";
import { registerAppealPages } from "./pages.ts";
import { appealRoutes } from "./routes.ts";

export const appealsModule = defineModule({
  name: "appeals",
  routes: appealRoutes,
  pages: (app, makeCtx) => registerAppealPages(app, makeCtx),
  jobs: appealJobs,
  seed: (ctx) => seedAppeals(ctx),
  nav: [
    { roles: ["board_member"], href: "/board", label: "Docket", group: "appeals", order: 10, home: true },
    { roles: ["board_member"], href: "/board/meetings", label: "Meetings", group: "appeals", order: 11 },
    { roles: ["licensing_staff", "local_authority"], href: "/board", label: "Appeals", group: "appeals", order: 50 },
    { roles: ["resident"], href: "/appeals", label: "Appeals", group: "appeals", order: 30 },
    {
      roles: ["public"],
      href: "/board/numbers",
      label: "Board of Firearms Permit Examiners",
      group: "appeals",
      order: 90,
    },
  ],
});
