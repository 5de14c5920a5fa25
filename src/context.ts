/** The context every service call carries: the database, the acting user, the clock and the request. */
import type { Db } from "./db/client.ts";
import type { Clock } from "./lib/clock.ts";
import type { User } from "./modules/auth/roles.ts";
import type { PlainDate } from "./law/core/dates.ts";
import type { Config } from "./config.ts";
import type { Adapters } from "./adapters/index.ts";
import type { ReplicaRoute } from "./db/replica.ts";

export interface Ctx {
  db: Db;
  user: User | null;
  clock: Clock;
  /** "today" for this request, fixed at its start. */
  today: PlainDate;
  requestId: string;
  config: Config;
  adapters: Adapters;
  /** Reads that may come from a streaming replica (src/db/replica.ts); absent without DATABASE_REPLICA_URL. */
  replica?: ReplicaRoute | undefined;
}

export interface Services {
  db: Db;
  clock: Clock;
  config: Config;
  adapters: Adapters;
  replica?: ReplicaRoute | undefined;
}

/** A context for work not started by a person (jobs, CLI, seed). */
export function systemCtx(s: Services, user: User | null = null, requestId = "system"): Ctx {
  return { ...s, user, today: s.clock.today(), requestId };
}

/** Same context, with all its queries inside one transaction. */
export function withDb(ctx: Ctx, db: Db): Ctx {
  return { ...ctx, db };
}
