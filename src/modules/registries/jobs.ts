/** The registries' background work: the daily sweep of the windows, and deliveries of certificates of transfer to DESPP. */
import type { JobDef } from "../../lib/module.ts";
import { sweepWindows } from "./service.ts";
import { DELIVER_JOB, deliverTransferCertificate } from "./transfers.ts";

export const registriesJobs: JobDef[] = [
  // Notices 30 and 7 days before each window ends; windows past their end marked missed (for the staff list).
  { name: "registries.sweep-windows", every: { seconds: 6 * 3600 }, run: (ctx) => sweepWindows(ctx) },
  // Each certificate of transfer executed from 2014-01-01 is delivered to DESPP's file (§ 24).
  { name: DELIVER_JOB, maxAttempts: 10, run: (ctx, p: { id: string }) => deliverTransferCertificate(ctx, p.id) },
];
