/** The schools module's jobs: one daily run sends every yearly, biennial and annual reminder (duties.ts). */
import type { JobDef } from "../../lib/module.ts";
import { sendReminders } from "./duties.ts";

export const schoolJobs: JobDef[] = [
  { name: "schools.reminders", every: { seconds: 24 * 3600 }, maxAttempts: 3, run: (ctx) => sendReminders(ctx) },
];
