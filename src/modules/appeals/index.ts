/** What other modules use of the Board's docket: the public figures and a person's appeals (read-only). */
export { docketNumbers, type DocketNumbers, filingDueOn, FILING_PERIOD } from "./service.ts";
export { type Appeal } from "./queries.ts";
