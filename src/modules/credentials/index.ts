/** What other modules use of the credentials module. */
export {
  CREDENTIAL_KINDS,
  CREDENTIAL_NAMES,
  findCredential,
  getCredential,
  findCredentialByNumber,
  credentialsOfPerson,
  applicationsOfPerson,
  recordProhibitingEvent,
  applyProhibitingEvent,
  liftProhibitingEvent,
  reassessOpenApplications,
  type ApplicationReassessment,
  reassessHolder,
  verifyCredential,
  type Credential,
  type Application,
  type ProhibitingEventInput,
  type RevocationOutcome,
} from "./service.ts";
export { restoreByBoardOrder, appealableActionsOf, type AppealableAction } from "./board-orders.ts";
export { presentFinding } from "./present.ts";
export { policy } from "./policy.ts";
export {
  prohibitingEventsOf,
  toPersonEvent,
  lawCredentials,
  LAW_CREDENTIAL_KIND,
  LAW_CREDENTIAL_STATUS,
} from "./record.ts";
