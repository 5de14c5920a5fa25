/** Who may do what with ammunition checks, sales, reports and the limit: one function per action. */
import { type User } from "../auth/index.ts";

const seller = (u: User) => u.role === "dealer" || u.role === "ammunition_vendor";
const investigator = (u: User) => u.role === "licensing_staff" || u.role === "law_enforcement";

export const ammunitionPolicy = {
  /** A dealer's or vendor's staff check a buyer and record the sale, for their own shop. */
  check: seller,
  recordSale: seller,
  /** Sellers list their own sales; licensing staff and law enforcement list all, giving a purpose. */
  listOwnSales: seller,
  listAllSales: investigator,
  /**
   * Buyers' names, dates of birth and credential numbers in sale records. Ammunition certificate
   * holders' names and addresses are confidential (PA 13-3 §§ 14-17, as for eligibility
   * certificates; disclosed to the extent needed, § 51): only licensing staff and law enforcement
   * see them, and each read is audited with its purpose.
   */
  seeBuyerIdentity: investigator,
  reports: investigator,
  /** Checks that need review (a record that does not match, a fact missing): licensing staff authorize, deny or send back. */
  review: (u: User) => u.role === "licensing_staff",
  setLimit: (u: User) => u.role === "admin",
};
