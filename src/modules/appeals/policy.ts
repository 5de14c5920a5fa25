/**
 * Who may do what on the Board's docket. Board members (and the Board's staff, who use the same
 * role) run the docket and see it, and nothing else of Stateline; the issuing authority (DESPP's
 * licensing staff, or a town's local authority for temporary permits) answers appeals of its
 * decisions; the person denied or revoked files and follows their own appeal; the public sees
 * aggregate numbers only.
 */
import { type User } from "../auth/index.ts";

const board = (u: User) => u.role === "board_member";
const authority = (u: User) => u.role === "licensing_staff" || u.role === "local_authority";

export const appealPolicy = {
  /** Meetings, scheduling, paper appeals, continuances, decisions, seats. */
  runDocket: board,
  /** See the docket (every appeal): the Board and the issuing authorities. */
  seeDocket: (u: User) => board(u) || authority(u),
  /** File the written statement of reasons. */
  answer: (u: User, credentialKind: string) =>
    u.role === "local_authority"
      ? credentialKind === "temporary-state-permit"
      : u.role === "licensing_staff" || board(u),
  /** File one's own appeal online. */
  fileOwn: (u: User) => u.role === "resident" && Boolean(u.personId),
  /** Record seat appointments. */
  seats: (u: User) => board(u) || u.role === "admin",
};
