/**
 * Who may do what in enforcement. Sources send records and never read anything back: every read
 * route refuses the three source roles (and the refusal is audited).
 */
import type { FeedSource } from "../../adapters/courts/contract.ts";
import { type Role, type User } from "../auth/index.ts";

const SOURCE_ROLE: Record<FeedSource, Role | null> = {
  court: "court_source",
  probate: "probate_source",
  dmhas: "dmhas_source",
  federal: null,
};
export const SOURCE_ROLES: readonly Role[] = ["court_source", "probate_source", "dmhas_source"];

const staff = (u: User) => u.role === "licensing_staff";
const police = (u: User) => u.role === "law_enforcement";

export const enforcementPolicy = {
  /** A source sends its own kind of records; licensing staff key any source's record by hand (a paper notice, a NICS or ATF notice). */
  send: (u: User, source: FeedSource) => staff(u) || (SOURCE_ROLE[source] !== null && u.role === SOURCE_ROLE[source]),
  isSource: (u: User) => SOURCE_ROLES.includes(u.role),
  /** Staff see full answers to what they key; sources get a receipt only. */
  seeMatchOutcome: staff,
  /** The review queue and the unmatched list: licensing staff decide matches. */
  reviewMatches: staff,
  /** A person's enforcement record, the armed-and-prohibited list and obligations. */
  viewEnforcement: (u: User) => staff(u) || police(u),
  /** Proof of transfer, surrender receipts. */
  recordCompliance: (u: User) => staff(u) || police(u),
  runSweep: (u: User) => staff(u) || u.role === "admin",
  /** Every automatic and manual match with who made it. */
  viewMatchLog: (u: User) => u.role === "auditor" || staff(u),
  /** Seizures (§§ 33, 37, 39, 41): police record and dispose; staff see and act too. */
  seizures: (u: User) => police(u) || staff(u),
};
