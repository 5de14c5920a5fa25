/** What other modules use of the local-permits module: the town a local authority acts for, and the clocks. */
export { authorityOf } from "./service.ts";
export { localDecisionClock, stateDecisionClock, type Clock } from "./clock.ts";
export { localPermitPolicy } from "./policy.ts";
