/** The roles of Stateline and who they are. */
export const ROLES = ["licensing_staff", "dealer", "ammunition_vendor", "law_enforcement", "resident", "auditor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  licensing_staff: "Licensing staff (state police firearms unit)",
  dealer: "Firearm dealer",
  ammunition_vendor: "Ammunition vendor",
  law_enforcement: "Law enforcement",
  resident: "Resident",
  auditor: "Auditor",
  admin: "Administrator",
};

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  personId: string | null;
  organization: string | null;
}
