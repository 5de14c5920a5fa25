/** What other modules use of the credentials module. */
export {
  CREDENTIAL_KINDS,
  CREDENTIAL_NAMES,
  findCredential,
  getCredential,
  findCredentialByNumber,
  credentialsOfPerson,
  issueCredential,
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
// For the local-permits module (the town's issuing authority, §§ 57-58): its own policy authorizes these.
export {
  getApplication,
  getDecision,
  applicationHistory,
  issueInTx,
  denyInTx,
  submitForwardedApplication,
  submitApplication,
  NEXT as APPLICATION_NEXT,
  type ApplicationStatus,
} from "./service.ts";
export { applicationsByTown, applicationsByIds, type TownApplicationRow } from "./town-applications.ts";
export { restoreByBoardOrder, appealableActionsOf, type AppealableAction } from "./board-orders.ts";
export { presentFinding } from "./present.ts";
export { policy } from "./policy.ts";
export {
  prohibitingEventsOf,
  prohibitingEventsJson,
  toPersonEvent,
  lawCredentials,
  LAW_CREDENTIAL_KIND,
  LAW_CREDENTIAL_STATUS,
} from "./record.ts";
export { recordConfirmations, type ConfirmationInput } from "./attachments.ts";
