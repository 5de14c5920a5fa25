/**
 * Who may do what with schools and campuses (PA 13-3 §§ 80-92).
 *
 * - State school-safety staff (DESPP, DCS, SDE): set up districts, campuses, towns' wealth ranks
 *   and user links; open grant rounds, review applications, run allocations, record payments;
 *   see every district's and campus's plans, reports and lateness; keep the consultant registry.
 *   They do not read behaviour reports (those go to the district and the school committee, § 86 (7)).
 * - District staff: their own district only: assessments, grant applications, claims,
 *   plans, drill reports, committees, coordinators, behaviour reports. A district user marked as a
 *   parent or guardian on a committee reads the district's records but writes nothing and never
 *   sees behaviour reports (§ 87).
 * - Campus staff: their own campus only: protocol plans and the threat assessment team.
 * - Administrators: link users to districts and campuses.
 * - The public: the consultant registry (names, employers, town, services; no contact details).
 */
import type { User } from "../auth/index.ts";
import type { Org } from "./queries.ts";

export const isState = (u: User) => u.role === "school_safety_staff";

export const schoolsPolicy = {
  setup: (u: User) => isState(u),
  linkUsers: (u: User) => isState(u) || u.role === "admin",
  /** Read a district's records (state staff: all; district users: their own). */
  readDistrict: (u: User, org: Org | null, districtId: string) =>
    isState(u) || (u.role === "district_staff" && org?.districtId === districtId),
  /** Write for a district: its own staff, never a parent or guardian. */
  writeDistrict: (u: User, org: Org | null, districtId: string) =>
    u.role === "district_staff" && org?.districtId === districtId && !org.parentOrGuardian,
  /** Behaviour reports: the district's own staff who are not parents or guardians (§ 87). */
  readBehavior: (u: User, org: Org | null, districtId: string) =>
    u.role === "district_staff" && org?.districtId === districtId && !org.parentOrGuardian,
  review: (u: User) => isState(u),
  readCampus: (u: User, org: Org | null, campusId: string) =>
    isState(u) || (u.role === "campus_staff" && org?.campusId === campusId),
  writeCampus: (u: User, org: Org | null, campusId: string) => u.role === "campus_staff" && org?.campusId === campusId,
  /** The lateness lists and reminders for DESPP. */
  oversee: (u: User) => isState(u),
  registry: (u: User) => isState(u),
};
