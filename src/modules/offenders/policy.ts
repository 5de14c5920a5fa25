/**
 * Who may do what in the Deadly Weapon Offender Registry (PA 13-3 §§ 18-22). The registry is
 * not a public record: only law enforcement look it up (every read audited with its purpose),
 * DESPP's registry staff (licensing staff, the state police firearms unit) keep it, and a
 * registrant sees their own record and obligations. Nobody else sees any of it.
 */
import { type User } from "../auth/index.ts";

const police = (u: User) => u.role === "law_enforcement";
const keeper = (u: User) => u.role === "licensing_staff";

export const offenderPolicy = {
  /** Key a conviction from the court, corrections or paper; complete registrations; photos; suspensions. */
  maintain: keeper,
  /** Look up registrants (name, date of birth, town) and read a record, with a purpose. */
  read: (u: User) => police(u) || keeper(u),
  /** Report whether a registrant appeared for the annual update, or defer it for good cause. */
  reportVerification: (u: User) => police(u) || keeper(u),
  /** Record a name or address change (registrants report their own; police and staff record others). */
  recordChange: (u: User) => police(u) || keeper(u),
  /** Non-compliance lists per town. */
  noncompliance: (u: User) => police(u) || keeper(u),
  /** A registrant's own record. */
  own: (u: User) => u.role === "resident" && Boolean(u.personId),
};
