/** The people module's registration. */
import { defineModule } from "../../lib/module.ts";
import { peopleRoutes } from "./routes.ts";

export const peopleModule = defineModule({ name: "people", routes: peopleRoutes });
