/** The rulebook version stored with every decision. Bump it and add a CHANGELOG entry whenever a rule's outcome can change. */
export const RULEBOOK_VERSION = "2026.12.3";
