/** The leads module's background work: the sweep of recent purchases for suspicious patterns. */
import type { JobDef } from "../../lib/module.ts";
import { runLeadSweep } from "./service.ts";

export const leadJobs: JobDef[] = [
  { name: "leads.sweep", every: { seconds: 3600 }, maxAttempts: 1, run: (ctx) => runLeadSweep(ctx) },
];
