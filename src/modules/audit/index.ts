/** What other modules use of the audit module: appending entries (in the caller's transaction). */
export { appendAudit, appendAuditGrouped, type AuditEntry } from "./service.ts";
export { auditRead, auditRefusedRead, purposeOf, requirePurpose, readsOfPerson } from "./reads.ts";
