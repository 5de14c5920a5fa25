/**
 * Matching a credential presented at the counter against the state's record: a procedure of
 * Stateline, not a requirement of the Act, so its finding cites the procedure with basis
 * "policy". The match itself is src/modules/ammunition/matching.ts; this is its id, citation
 * and catalogue entry.
 */
import { defineRule } from "../../core/questions.ts";
import { type Citation, cite } from "../../core/rules.ts";

export const MATCH_ID = "ammunition.record-match";

export const MATCH_SOURCE: Citation = cite("Stateline", "Counter verification", {
  basis: "policy",
  text: "A credential presented at the counter is matched by its number, the holder's last name and date of birth; a mismatch is sent to review with a way to fix it, never refused.",
});

export const RECORD_MATCH_RULE = defineRule({
  id: MATCH_ID,
  title: "The credential matches the state's record (policy, not statute)",
  description:
    "At the ammunition counter the credential shown is matched with the state's record by its number, the holder's last name and date of birth (and the address, when the clerk keys it in). A mismatch is never a refusal: it is sent to review, with a way for the buyer or the seller to fix it.",
  citations: [MATCH_SOURCE],
  from: "2013-04-04",
});
