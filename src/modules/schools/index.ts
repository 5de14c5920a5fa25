/** What other modules may use of the schools module: the demo seed, the due-items list and the public registry. */
export { seedSchools } from "./seed.ts";
export { dutiesAsOf, missingItems, sendReminders, type Duty } from "./duties.ts";
export { publicRegistry } from "./service.ts";
