/**
 * Gun credentials under PA 13-3: eligibility, terms, renewal notices, surrender, fees and
 * what each credential lets its holder buy. Other modules use only what is exported here.
 */
export { CREDENTIAL_KINDS, CREDENTIAL_NAMES, type CredentialKind } from "./kinds.ts";
export { CredentialFacts, CredentialEventSchema, CredentialKindSchema, type CredentialEvent } from "./facts.ts";
export { credentialEligibility, REQUIREMENTS, type CredentialEligibilityResult } from "./eligibility.ts";
export { credentialTerm, renewalNotice } from "./term.ts";
export { surrenderDeadline, lateSurrenderPenalty, type Penalty } from "./surrender.ts";
export { applicationFee, type Fee } from "./fees.ts";
export { validForPurpose, PURPOSES, type Purpose, type PurchaseValidity } from "./purchase-validity.ts";
export { questions, rules, credentialEligibilityQuestion } from "./questions.ts";
export { confirmationsRequired, CONFIRMATION_SOURCES, type ConfirmationItem } from "./staff-confirmations.ts";
