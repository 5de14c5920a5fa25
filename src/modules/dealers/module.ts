/** The dealers module's registration. */
import { defineModule } from "../../lib/module.ts";
import { dealerRoutes } from "./routes.ts";

export const dealersModule = defineModule({ name: "dealers", routes: dealerRoutes });
