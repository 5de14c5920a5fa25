/** The ammunition module's registration: counter checks, sales and reports. */
import { defineModule } from "../../lib/module.ts";
import { ammunitionRoutes } from "./routes.ts";
import { ammunitionReviewRoutes } from "./review-routes.ts";
import { registerAmmunitionPages } from "./pages.ts";

export const ammunitionModule = defineModule({
  name: "ammunition",
  routes: [...ammunitionRoutes, ...ammunitionReviewRoutes],
  pages: (app, makeCtx) => registerAmmunitionPages(app, makeCtx),
  nav: [
    { roles: ["dealer"], href: "/ammunition/check", label: "Ammunition", group: "sales", order: 30 },
    {
      roles: ["ammunition_vendor"],
      href: "/ammunition/check",
      label: "Ammunition check",
      group: "sales",
      order: 10,
      home: true,
    },
    { roles: ["ammunition_vendor"], href: "/ammunition/sales", label: "Sales", group: "sales", order: 11 },
    {
      roles: ["licensing_staff"],
      href: "/staff/ammunition-review",
      label: "Ammunition review",
      group: "sales",
      order: 36,
    },
  ],
});
