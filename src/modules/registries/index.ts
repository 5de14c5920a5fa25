/** What other modules use of the registries. */
export { markRegistrationsOfPerson } from "./service.ts";
export { lostStolenBySerial } from "./lost-stolen.ts";
export {
  assertFirearmSaleAllowed,
  checkAmmunitionSale,
  checkFirearmSale,
  checkMagazineSale,
  type CounterAnswer,
} from "./counter.ts";
export { registrationsBySerial, type Registration, type LostStolenReport } from "./queries.ts";
export { seedRegistries } from "./seed.ts";
