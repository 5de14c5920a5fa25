/** The auth module's registration: sign-in pages, users and API keys. */
import { defineModule } from "../../lib/module.ts";
import { authRoutes } from "./routes.ts";
import { registerAuthPages } from "./pages.ts";
import { registerAdminPages, registerApiKeyPages } from "./pages.ts";

export const authModule = defineModule({
  name: "auth",
  routes: authRoutes,
  pages: (app, makeCtx) => {
    registerAuthPages(app, makeCtx);
    registerAdminPages(app, makeCtx);
    registerApiKeyPages(app, makeCtx);
  },
  nav: [
    { roles: ["admin"], href: "/admin/users", label: "Users", group: "account", order: 10, home: true },
    {
      roles: ["dealer", "ammunition_vendor", "admin"],
      href: "/account/api-keys",
      label: "API keys",
      group: "account",
      order: 90,
    },
  ],
});
