/** The deadlines area: due dates with their citation and the penalty for missing them. */
import type { Question, RuleInfo } from "../../core/questions.ts";
import { ineligibleTransferDeadline } from "./ineligible-transfer.ts";
import { revokedCredentialSurrender } from "./revoked-credential-surrender.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- questions with different facts, as in index.ts
export const questions: Question<any, any>[] = [revokedCredentialSurrender, ineligibleTransferDeadline];

export const rules: RuleInfo[] = [
  {
    id: "deadlines.revoked-credential-surrender",
    title: "Revoked credential: the surrender deadline and its penalty",
    description: "A revoked permit or certificate must be delivered within five days of the written notice of revocation; failing to is a class A misdemeanor (a class C misdemeanor for permits and handgun eligibility certificates until 30 September 2013).",
    citations: revokedCredentialSurrender.citations,
    from: "2013-07-01",
  },
  {
    id: "deadlines.ineligible-transfer",
    title: "Became ineligible: transfer or surrender within two business days",
    description: "Within two business days of an event that makes a person ineligible, handguns (and, for events from 1 October 2013, ammunition) must be transferred to an eligible person or surrendered to the DESPP commissioner.",
    citations: ineligibleTransferDeadline.citations,
    from: "2013-04-04",
  },
];
