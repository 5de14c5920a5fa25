/**
 * The one list of capability modules. The server registers each module's API routes and pages,
 * the layout shows each module's navigation entries, and the job runner runs each module's jobs.
 * Adding a capability: add its folder (see docs/STYLE.md, "New capability checklist") and one line here.
 */
import type { JobDef, ModuleDef, NavEntry } from "../lib/module.ts";
import { appealsModule } from "./appeals/module.ts";
import { ammunitionModule } from "./ammunition/module.ts";
import { auditModule } from "./audit/module.ts";
import { authModule } from "./auth/module.ts";
import { credentialsModule } from "./credentials/module.ts";
import { dealersModule } from "./dealers/module.ts";
import { enforcementModule } from "./enforcement/module.ts";
import { decisionsModule } from "./decisions/module.ts";
import { jobsModule } from "./jobs/module.ts";
import { leadsModule } from "./leads/module.ts";
import { localPermitsModule } from "./local-permits/module.ts";
import { noticesModule } from "./notices/module.ts";
import { offendersModule } from "./offenders/module.ts";
import { peopleModule } from "./people/module.ts";
import { registriesModule } from "./registries/module.ts";
import { salesModule } from "./sales/module.ts";
import { schoolsModule } from "./schools/module.ts";
import { tracingModule } from "./tracing/module.ts";

export const MODULES: readonly ModuleDef[] = [
  authModule,
  decisionsModule,
  peopleModule,
  credentialsModule,
  localPermitsModule,
  dealersModule,
  salesModule,
  ammunitionModule,
  leadsModule,
  offendersModule,
  appealsModule,
  enforcementModule,
  registriesModule,
  tracingModule,
  schoolsModule,
  noticesModule,
  auditModule,
  jobsModule,
];

export const allRoutes = () => MODULES.flatMap((m) => m.routes ?? []);
export const allNav = (): NavEntry[] => MODULES.flatMap((m) => m.nav ?? []);
export const allJobs = (): JobDef[] => MODULES.flatMap((m) => m.jobs ?? []);
