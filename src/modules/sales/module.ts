/** The sales module's registration: firearm sale authorization for dealers and staff. */
import { defineModule } from "../../lib/module.ts";
import { salesJobs } from "./jobs.ts";
import { salesRoutes } from "./routes.ts";
import { salesReviewRoutes } from "./review-routes.ts";
import { registerDealerPages, registerStaffSalePages } from "./pages.ts";
import { registerSerialSearchPages } from "./serial-pages.ts";

export const salesModule = defineModule({
  name: "sales",
  jobs: salesJobs,
  routes: [...salesRoutes, ...salesReviewRoutes],
  pages: (app, makeCtx) => {
    registerDealerPages(app, makeCtx);
    registerStaffSalePages(app, makeCtx);
    registerSerialSearchPages(app, makeCtx);
  },
  nav: [
    { roles: ["dealer"], href: "/dealer", label: "Shop", group: "sales", order: 10, home: true },
    { roles: ["dealer"], href: "/dealer/sales/new", label: "New sale", group: "sales", order: 11 },
    { roles: ["dealer"], href: "/dealer/sales", label: "Sales", group: "sales", order: 12 },
    { roles: ["licensing_staff"], href: "/staff/sales", label: "Sales", group: "sales", order: 20 },
    { roles: ["licensing_staff"], href: "/staff/sales-review", label: "Sales to review", group: "sales", order: 21 },
    { roles: ["licensing_staff"], href: "/staff/sales/private/new", label: "Private sale", group: "sales", order: 22 },
    { roles: ["law_enforcement"], href: "/police/serial-search", label: "Serial number", group: "sales", order: 12 },
  ],
});
