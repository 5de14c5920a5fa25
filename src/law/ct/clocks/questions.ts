/** The clocks area: declaration and certificate deadlines and the surrender of a revoked certificate. */
import type { Question, RuleInfo } from "../../core/questions.ts";
import type { DeclarationFacts } from "./declaration-facts.ts";
import type { DeclarationDeadlineResult } from "./declaration-deadline.ts";
import { declarationDeadline } from "./declaration-deadline.ts";
import { DECLARE_BY_DEADLINE_RULE } from "./declare-by-deadline.ts";
import { SERVICE_MEMBER_ON_RETURN_RULE } from "./service-member-on-return.ts";
import { SERVICE_MEMBER_TRANSFERRED_IN_RULE } from "./service-member-transferred-in.ts";
import { MOVER_DISPOSAL_RULE } from "./mover-disposal.ts";
import { HEIR_CERTIFICATE_RULE } from "./heir-certificate.ts";
import { EARLIER_CERTIFICATE_DEEMED_RULE } from "./earlier-certificate-deemed.ts";
import { REVOKED_CERTIFICATE_SURRENDER_RULE } from "./revoked-certificate-surrender.ts";
import { LOST_STOLEN_REPORT_RULE } from "./lost-stolen-report.ts";
import { lostStolenReportQuestion } from "./lost-stolen-question.ts";

export const questions: [Question<DeclarationFacts, DeclarationDeadlineResult>, typeof lostStolenReportQuestion] = [
  declarationDeadline,
  lostStolenReportQuestion,
];

export const rules: RuleInfo[] = [
  DECLARE_BY_DEADLINE_RULE,
  SERVICE_MEMBER_ON_RETURN_RULE,
  SERVICE_MEMBER_TRANSFERRED_IN_RULE,
  MOVER_DISPOSAL_RULE,
  HEIR_CERTIFICATE_RULE,
  EARLIER_CERTIFICATE_DEEMED_RULE,
  REVOKED_CERTIFICATE_SURRENDER_RULE,
  LOST_STOLEN_REPORT_RULE,
];
