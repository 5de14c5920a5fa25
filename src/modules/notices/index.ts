/** What other modules use of the notices module: queueing a letter or e-mail (delivery follows by job). */
export { queueNotice, type NewNotice } from "./service.ts";
