/** What other modules use of the people module: a person's identity and residence. */
export {
  createPerson,
  findPerson,
  getPerson,
  findPeopleByIdentity,
  assertTown,
  changeAddress,
  addressHistory,
  type Person,
  type NewPerson,
  type AddressChange,
} from "./service.ts";
