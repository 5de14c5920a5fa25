/** What other modules may use of the tracing module. */
export {
  configureTracing,
  parseTracingConfig,
  AGREEMENT_FIELDS,
  type TracingConfig,
  type Partner,
  type AgreementField,
} from "./config.ts";
export {
  requestTrace,
  getTrace,
  listTraces,
  answerFromOwnRecords,
  type Trace,
  type OwnRecordsAnswer,
} from "./service.ts";
export { processReferral, pollAtfReferrals } from "./referrals.ts";
export { ensureAtfReference, sourceStates, ATF_ATTRIBUTION } from "./analytics.ts";
export { seedTracing } from "./seed.ts";
