/**
 * The jobs module: the runner every background job goes through, and the administrators' view of
 * queued, running, finished and dead jobs. Other modules call `enqueueJob` (in their own
 * transaction) and declare their jobs in their `index.ts`.
 */
export {
  enqueueJob,
  runDueJobs,
  startJobRunner,
  listJobs,
  retryDeadJob,
  backoffSeconds,
  type EnqueueOptions,
  type RunResult,
} from "./service.ts";
