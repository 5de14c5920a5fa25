/** The notices module's jobs: one delivery per notice and per sale report (queued by table triggers). */
import type { JobDef } from "../../lib/module.ts";
import { deliverNotice, deliverSaleReport } from "./service.ts";

export const noticeJobs: JobDef<{ id: number }>[] = [
  {
    name: "notices.deliver",
    maxAttempts: 6,
    backoffSeconds: 60,
    leaseSeconds: 120,
    run: (ctx, p, job) => deliverNotice(ctx, Number(p.id), job),
  },
  {
    name: "notices.deliver-report",
    maxAttempts: 6,
    backoffSeconds: 60,
    leaseSeconds: 120,
    run: (ctx, p, job) => deliverSaleReport(ctx, Number(p.id), job),
  },
];
