/** Who may do what in tracing: one readable function per action. */
import { type User } from "../auth/index.ts";

const investigator = (u: User) => u.role === "law_enforcement" || u.role === "trafficking_task_force";

export const tracingPolicy = {
  /** Ask a trace (police, the Attorney General's office and the task force). */
  request: investigator,
  /** Read traces and their answers (each read audited with its purpose). */
  read: investigator,
  /** Source-state analytics: aggregate figures only. */
  analytics: (u: User) => investigator(u) || u.role === "licensing_staff" || u.role === "admin",
  /** Every dealer's figures and the ranked list. */
  dealerRanking: (u: User) => investigator(u) || u.role === "licensing_staff",
  /** A dealer's own figures (the dealer role, for the shop its user acts for). */
  ownDealerFigures: (u: User) => u.role === "dealer",
  /** Trafficking leads: see, dismiss, open a case, run the sweep. */
  leads: investigator,
  /** § 41: flag and record the return of stolen property. */
  returns: investigator,
};
