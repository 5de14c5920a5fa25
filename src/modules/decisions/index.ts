/** What other modules use of the decisions module: asking the rulebook and storing the decision. */
export { decide, storeDecision, listQuestions } from "./service.ts";
