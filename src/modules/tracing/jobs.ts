/** The tracing module's background work: sending referrals, polling eTrace, the trafficking-lead sweep. */
import type { JobDef } from "../../lib/module.ts";
import { pollAtfReferrals, processReferral } from "./referrals.ts";
import { runTraffickingSweep } from "./trafficking-leads.ts";

export const tracingJobs: JobDef[] = [
  {
    name: "tracing.refer",
    maxAttempts: 20,
    backoffSeconds: 60,
    run: (ctx, p: { referralId: string }) => processReferral(ctx, p.referralId),
  },
  { name: "tracing.poll-atf", every: { seconds: 900 }, run: (ctx) => pollAtfReferrals(ctx) },
  { name: "tracing.trafficking-sweep", every: { seconds: 86_400 }, run: (ctx) => runTraffickingSweep(ctx) },
];
