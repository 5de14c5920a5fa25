/** Who may do what with applications and credentials: one function per action. */
import { type User } from "../auth/index.ts";

const staff = (u: User) => u.role === "licensing_staff";

export const policy = {
  /** A resident applies for themself online. */
  applyOnline: (u: User) => u.role === "resident" && u.personId !== null,
  /** Staff key in a paper application. */
  keyInPaperApplication: staff,
  workQueue: staff,
  viewApplication: (u: User, app: { personId: string }) =>
    staff(u) || (u.role === "resident" && u.personId === app.personId),
  decideApplication: staff,
  withdrawApplication: (u: User, app: { personId: string }) =>
    staff(u) || (u.role === "resident" && u.personId === app.personId),
  viewCredential: (u: User, c: { personId: string }) =>
    staff(u) || u.role === "law_enforcement" || (u.role === "resident" && u.personId === c.personId),
  listOwnCredentials: (u: User) => u.role === "resident",
  renew: (u: User, c: { personId: string }) => u.role === "resident" && u.personId === c.personId,
  /** Sellers check a credential at the counter; law enforcement may too. */
  verify: (u: User) =>
    u.role === "dealer" || u.role === "ammunition_vendor" || u.role === "law_enforcement" || staff(u),
  recordProhibitingEvent: (u: User) => staff(u) || u.role === "admin",
  recordSurrender: (u: User) => staff(u) || u.role === "law_enforcement",
  changeAddress: (u: User, personId: string) => staff(u) || (u.role === "resident" && u.personId === personId),
  runJobs: (u: User) => u.role === "admin" || staff(u),
};
