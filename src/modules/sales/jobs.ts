/**
 * The sales module's background work, run by the job runner:
 * - NICS: re-submit checks queued while NICS was down and ask again about Delayed ones;
 * - webhooks: send due deliveries to dealers (each delivery keeps its own retries and backoff);
 * - retention: drop the identifying details of Proceed checks after 24 hours (28 C.F.R. § 25.9(b)(1)(iii)).
 */
import type { JobDef } from "../../lib/module.ts";
import { deliverDueWebhooks } from "./webhooks.ts";
import { pollNics, purgeNicsDetails } from "./workers.ts";

export const salesJobs: JobDef[] = [
  { name: "sales.nics-poll", every: { seconds: 5 }, maxAttempts: 1, run: (ctx) => pollNics(ctx) },
  { name: "sales.webhooks", every: { seconds: 2 }, maxAttempts: 1, run: (ctx) => deliverDueWebhooks(ctx) },
  { name: "sales.nics-retention", every: { seconds: 3600 }, maxAttempts: 1, run: (ctx) => purgeNicsDetails(ctx) },
];
