/**
 * What other modules use of the offender registry: the court feed's entry point (decide the
 * duty to register from a court record, in the feed's transaction) and a person's registrations.
 */
export { registrationDutyFromCourtRecord, type DutyResult } from "./service.ts";
export { registrantsOfPerson, type Registrant } from "./queries.ts";
export { CourtRecord } from "./schemas.ts";
