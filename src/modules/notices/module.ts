/** The notices module's registration: the outbox, residents' letters, delivery jobs. */
import { defineModule } from "../../lib/module.ts";
import { noticeJobs } from "./jobs.ts";
import { registerNoticePages } from "./pages.ts";
import { noticeRoutes } from "./routes.ts";

export const noticesModule = defineModule({
  name: "notices",
  routes: noticeRoutes,
  pages: registerNoticePages,
  jobs: noticeJobs,
  nav: [
    { roles: ["resident"], href: "/me/notices", label: "My letters", group: "licensing", order: 12 },
    { roles: ["licensing_staff", "admin"], href: "/staff/outbox", label: "Outbox", group: "licensing", order: 60 },
  ],
});
