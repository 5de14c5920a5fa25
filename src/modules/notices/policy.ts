/** Who may do what with notices. */
import type { User } from "../auth/index.ts";

export const noticePolicy = {
  /** The whole outbox (names and home addresses): licensing staff and administrators, with a purpose. */
  viewAll: (u: User | null) => u?.role === "licensing_staff" || u?.role === "admin",
  /** Re-queue a dead delivery. */
  retry: (u: User | null) => u?.role === "admin",
};
