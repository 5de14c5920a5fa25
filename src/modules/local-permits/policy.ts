/**
 * Who may do what in the local-permits module. Acting as a town's issuing authority also needs the
 * user's attachment to that town (checked in the service against `local_authorities`).
 */
import { type User } from "../auth/index.ts";

export const localPermitPolicy = {
  /** Work the town's queue: read its applicants, approve or deny the temporary state permit. */
  actAsLocalAuthority: (u: User) => u.role === "local_authority",
  /** See every handgun permit application by stage (the state's licensing staff). */
  viewStages: (u: User) => u.role === "licensing_staff",
  /** Attach a local_authority user to its town. */
  attachAuthority: (u: User) => u.role === "admin",
};
