/** The local-permits module's background work: the statute's clocks and the hand-off to the state. */
import type { JobDef } from "../../lib/module.ts";
import { findUserById } from "../auth/index.ts";
import { flagOverdue, forwardPending, forwardToState } from "./service.ts";

export const localPermitJobs: JobDef[] = [
  // Daily: flag applications past the eight weeks at the local authority or at the state (CGS § 29-28a(b)).
  { name: "local-permits.flag-overdue", every: { seconds: 86_400 }, maxAttempts: 3, run: (ctx) => flagOverdue(ctx) },
  // Hourly: hand on any approved application whose hand-off did not go through at once.
  {
    name: "local-permits.forward-pending",
    every: { seconds: 3_600 },
    maxAttempts: 1,
    run: (ctx) => forwardPending(ctx),
  },
  // Enqueued with each approval, as the retry of its hand-off (done at once when all is well).
  {
    name: "local-permits.forward",
    maxAttempts: 5,
    backoffSeconds: 60,
    run: async (ctx, p: { applicationId: string; actorId: string }) => {
      const user = await findUserById(ctx.db, p.actorId);
      if (!user) throw new Error("the approving user is gone");
      return { stateApplicationId: await forwardToState({ ...ctx, user }, p.applicationId) };
    },
  },
];
