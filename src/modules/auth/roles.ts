/** The roles of Stateline and who they are. */
export const ROLES = [
  "licensing_staff",
  "dealer",
  "ammunition_vendor",
  "law_enforcement",
  "resident",
  "auditor",
  "admin",
  // A town's issuing authority for the temporary state permit (chief of police, or first selectman or warden), §§ 57-58.
  "local_authority",
  // Record sources: they send records through the feeds and never read (enforcement module).
  "court_source",
  "probate_source",
  "dmhas_source",
  // The Attorney General's office and the interstate trafficking task force (tracing module).
  "trafficking_task_force",
  // Members and staff of the Board of Firearms Permit Examiners (§§ 60-61).
  "board_member",
  // Schools and campuses (§§ 80-92): a district's or college's own staff, and the state's school-safety staff.
  "district_staff",
  "campus_staff",
  "school_safety_staff",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  licensing_staff: "Licensing staff (state police firearms unit)",
  dealer: "Firearm dealer",
  ammunition_vendor: "Ammunition vendor",
  law_enforcement: "Law enforcement",
  resident: "Resident",
  auditor: "Auditor",
  admin: "Administrator",
  local_authority: "Local issuing authority (chief of police or first selectman)",
  court_source: "Court records feed (Judicial Branch)",
  probate_source: "Probate court records feed",
  dmhas_source: "DMHAS records feed",
  trafficking_task_force: "Attorney General / trafficking task force",
  board_member: "Board of Firearms Permit Examiners",
  district_staff: "School district staff",
  campus_staff: "College or university staff",
  school_safety_staff: "State school-safety staff (DESPP, DCS, SDE)",
};

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  personId: string | null;
  organization: string | null;
}
