/**
 * The registry's clocks, one job each (PA 13-3 §§ 18-22). Each runs hourly as of "today" and
 * is safe to run again: every clock records what it did, so nothing is sent or flagged twice.
 */
import type { JobDef } from "../../lib/module.ts";
import * as svc from "./service.ts";

const HOURLY = { seconds: 3600 };

export const offenderJobs: JobDef[] = [
  { name: "offenders.registration-due", every: HOURLY, run: (ctx) => svc.flagMissedRegistrations(ctx) },
  { name: "offenders.annual-notices", every: HOURLY, run: (ctx) => svc.sendVerificationNotices(ctx) },
  { name: "offenders.update-window", every: HOURLY, run: (ctx) => svc.flagMissedVerifications(ctx) },
  { name: "offenders.police-report", every: HOURLY, run: (ctx) => svc.flagOverduePoliceReports(ctx) },
  { name: "offenders.change-grace", every: HOURLY, run: (ctx) => svc.flagUnreportedChanges(ctx) },
  { name: "offenders.term-end", every: HOURLY, run: (ctx) => svc.endTerms(ctx) },
];
