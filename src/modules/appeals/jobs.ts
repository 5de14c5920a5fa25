/** The docket's clocks: scheduling in order of filing, and the 10-day statement with automatic relief. */
import type { JobDef } from "../../lib/module.ts";
import * as svc from "./service.ts";

export const appealJobs: JobDef[] = [
  { name: "appeals.schedule", every: { seconds: 3600 }, run: (ctx) => svc.scheduleDocket(ctx) },
  { name: "appeals.statement-deadline", every: { seconds: 3600 }, run: (ctx) => svc.runStatementDeadlines(ctx) },
];
