/** What other modules use of the dealers module. */
export {
  findDealer,
  getDealer,
  listDealers,
  getActingDealer,
  findStaffMembership,
  type Dealer,
  type DealerKind,
} from "./service.ts";
export { addDealerStaff, dealerPolicy, listDealerStaff } from "./service.ts";
