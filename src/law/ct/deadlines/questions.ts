/** The deadlines area: due dates with their citation and the penalty for missing them. */
import type { Question, RuleInfo } from "../../core/questions.ts";
import { ineligibleTransferDeadline, INELIGIBLE_TRANSFER_RULE } from "./ineligible-transfer.ts";
import { revokedCredentialSurrender, REVOKED_CREDENTIAL_SURRENDER_RULE } from "./revoked-credential-surrender.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- questions with different facts, as in index.ts
export const questions: Question<any, any>[] = [revokedCredentialSurrender, ineligibleTransferDeadline];

export const rules: RuleInfo[] = [REVOKED_CREDENTIAL_SURRENDER_RULE, INELIGIBLE_TRANSFER_RULE];
