/** Who may do what with leads and cases: one function per action. Nobody else sees a lead. */
import { type User } from "../auth/index.ts";

const investigator = (u: User) => u.role === "law_enforcement" || u.role === "licensing_staff";

export const leadPolicy = {
  /** List, read, dismiss, open a case; read cases. */
  work: investigator,
  /** Start the sweep (it answers counts only); administrators run it as a job. */
  sweep: (u: User) => investigator(u) || u.role === "admin",
};
