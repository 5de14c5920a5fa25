/** The jobs module's registration: administrators see queued and dead jobs and retry them. */
import { defineModule } from "../../lib/module.ts";

export const jobsModule = defineModule({ name: "jobs" });
