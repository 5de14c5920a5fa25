/**
 * Who may do what with the registries. Holder identities (names and addresses of magazine
 * declarants, and, with the same presenters, of certificate holders) reach only the roles
 * § 24 allows, each for its stated purpose: law enforcement (and U.S. probation officers,
 * who sign in as law enforcement) carrying out their duties, and DMHAS for the gun laws.
 * DESPP's own licensing staff keep the registry and read it for licensing.
 */
import { type User } from "../auth/index.ts";
import type { PurposeCode } from "../../lib/purpose.ts";

const is = (u: User, ...roles: User["role"][]) => roles.includes(u.role);

/** The purposes each role may read holder identities for (§ 24). */
export const IDENTITY_PURPOSES: Partial<Record<User["role"], readonly PurposeCode[]>> = {
  licensing_staff: ["licensing-review", "registry-verification", "appeal-review", "court-order"],
  law_enforcement: [
    "criminal-investigation",
    "firearm-trace",
    "registry-verification",
    "court-order",
    "probation-supervision",
  ],
  // QUESTION(legal): § 24 names "the DMHAS commissioner to carry out statutory provisions pertaining to gun laws";
  // Stateline's DMHAS users are its records feed, so we let that role read for that one purpose only.
  dmhas_source: ["mental-health-treatment"],
};

export const registriesPolicy = {
  /** Residents apply and declare for themselves. */
  apply: (u: User) => is(u, "resident") && u.personId !== null,
  /** Licensing staff work the queues and decide. */
  work: (u: User) => is(u, "licensing_staff"),
  /** The holder's own record, without a stated purpose beyond "own-record". */
  own: (u: User, personId: string) => u.personId !== null && u.personId === personId,
  /** May this role read holder identities for this purpose? */
  readIdentity: (u: User, purpose: PurposeCode) => (IDENTITY_PURPOSES[u.role] ?? []).includes(purpose),
  /** Who may ask for identities at all (the rest are refused, and the refusal audited). */
  identityRole: (u: User) => IDENTITY_PURPOSES[u.role] !== undefined,
  /** Firearm dealers execute certificates of transfer and see only their own. */
  dealer: (u: User) => is(u, "dealer"),
  /** Licensing staff keep the file of every certificate of transfer (DESPP's central office). */
  allTransferCertificates: (u: User) => is(u, "licensing_staff"),
  /** Counter checks of magazines and ammunition: the sellers. */
  counter: (u: User) => is(u, "dealer", "ammunition_vendor", "licensing_staff"),
  /** Counter checks of firearms: firearm dealers (and licensing staff). */
  counterFirearm: (u: User) => is(u, "dealer", "licensing_staff"),
  /** Lost or stolen: owners report their own; police and licensing staff record for an owner. */
  reportLostStolen: (u: User) => is(u, "resident", "law_enforcement", "licensing_staff"),
  /** Reading lost and stolen reports by serial: police (traces) and licensing staff, with a purpose. */
  readLostStolen: (u: User) => is(u, "law_enforcement", "licensing_staff", "trafficking_task_force"),
  /** Staff list of windows missed. */
  obligations: (u: User) => is(u, "licensing_staff"),
};
