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
  reassessHolder,
  verifyCredential,
  type Credential,
  type Application,
  type ProhibitingEventInput,
  type RevocationOutcome,
} from "./service.ts";
