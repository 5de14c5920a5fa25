/** Who may do what with sale authorizations: one function per action. */
import { type User } from "../auth/index.ts";

const staff = (u: User) => u.role === "licensing_staff";
const dealer = (u: User) => u.role === "dealer";
const own = (u: User, s: { dealerId: string | null }, actingDealerId: string | null) =>
  dealer(u) && actingDealerId !== null && s.dealerId === actingDealerId;

export const salesPolicy = {
  /** A firearm dealer's staff request authorizations for their shop's sales (retail, or private sales they consent to check). */
  request: dealer,
  /** Licensing staff process private sales through the state's own route. */
  stateAuthorization: staff,
  /** A dealer lists its own sales. */
  listOwn: dealer,
  /** Licensing staff list every sale, with filters. */
  listAll: staff,
  /** Law enforcement look sales up by a firearm's serial number, giving a purpose (audited). */
  lookUpBySerial: (u: User) => u.role === "law_enforcement",
  /** One sale: its own dealer, licensing staff, and law enforcement with a purpose. */
  view: (u: User, s: { dealerId: string | null }, actingDealerId: string | null) =>
    staff(u) || u.role === "law_enforcement" || own(u, s, actingDealerId),
  proceed: (u: User, s: { dealerId: string | null }, actingDealerId: string | null) => own(u, s, actingDealerId),
  cancel: (u: User, s: { dealerId: string | null }, actingDealerId: string | null) =>
    staff(u) || own(u, s, actingDealerId),
  /** Licensing staff review a sale waiting for review: authorize, deny with reason, or send back to the seller (review.ts). */
  review: staff,
  /** The sale's own dealer corrects the buyer's entries staff sent back. */
  correct: (u: User, s: { dealerId: string | null }, actingDealerId: string | null) => own(u, s, actingDealerId),
  /** The shop's owner or manager sets where its webhooks go; clerks do not. */
  registerWebhook: (u: User, position: "owner" | "manager" | "clerk" | undefined) =>
    dealer(u) && (position === "owner" || position === "manager"),
};
