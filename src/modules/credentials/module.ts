/** The credentials module's registration: applications, credentials, verification, prohibiting events. */
import { defineModule } from "../../lib/module.ts";
import { credentialJobs } from "./jobs.ts";
import { credentialRoutes } from "./routes.ts";
import { registerResidentPages } from "./pages.ts";
import { registerStaffPages } from "./pages.ts";
import { registerVerifyPages } from "./pages.ts";
import { registerStaffListPages } from "./search-pages.ts";
import { registerCredentialDocuments } from "./document-pages.ts";

export const credentialsModule = defineModule({
  name: "credentials",
  jobs: credentialJobs,
  routes: credentialRoutes,
  pages: (app, makeCtx) => {
    registerResidentPages(app, makeCtx);
    registerStaffPages(app, makeCtx);
    registerStaffListPages(app, makeCtx);
    registerVerifyPages(app, makeCtx);
    registerCredentialDocuments(app, makeCtx);
  },
  nav: [
    { roles: ["resident"], href: "/me", label: "My credentials", group: "licensing", order: 10, home: true },
    { roles: ["resident"], href: "/apply", label: "Apply", group: "licensing", order: 11 },
    { roles: ["licensing_staff"], href: "/staff/queue", label: "Queue", group: "licensing", order: 10, home: true },
    { roles: ["licensing_staff"], href: "/staff/search", label: "Find a person", group: "licensing", order: 10.5 },
    { roles: ["licensing_staff"], href: "/staff/events/new", label: "Record event", group: "licensing", order: 11 },
    { roles: ["licensing_staff"], href: "/staff/events", label: "Events", group: "licensing", order: 11.5 },
    { roles: ["dealer", "ammunition_vendor"], href: "/verify", label: "Verify a buyer", group: "sales", order: 40 },
    { roles: ["law_enforcement"], href: "/verify", label: "Check a credential", group: "licensing", order: 10 },
  ],
});
