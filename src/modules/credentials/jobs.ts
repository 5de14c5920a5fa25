/** The credentials module's background work: the daily sweep (expiries, renewal notices, late surrenders). */
import type { JobDef } from "../../lib/module.ts";
import { runDailyJobs } from "./service.ts";

export const credentialJobs: JobDef[] = [
  { name: "credentials.daily-sweep", every: { seconds: 3600 }, maxAttempts: 1, run: (ctx) => runDailyJobs(ctx) },
];
