/** The clocks area: declaration and certificate deadlines and the surrender of a revoked certificate. */
import type { Question, RuleInfo } from "../../core/questions.ts";
import type { DeclarationFacts } from "./declaration-facts.ts";
import type { DeclarationDeadlineResult } from "./declaration-deadline.ts";
import { declarationDeadline } from "./declaration-deadline.ts";
import { LCM_DECLARATION_DEADLINE, AW_CERTIFICATE_DEADLINE } from "./declare-by-deadline.ts";
import { SERVICE_MEMBER_RETURN } from "./service-member-on-return.ts";
import { TRANSFERRED_IN } from "./service-member-transferred-in.ts";
import { MOVER_DISPOSAL } from "./mover-disposal.ts";
import { HEIR_WINDOW } from "./heir-certificate.ts";
import { EARLIER_CERTIFICATE } from "./earlier-certificate-deemed.ts";
import { SURRENDER_DAYS } from "./revoked-certificate-surrender.ts";

export const questions: Question<DeclarationFacts, DeclarationDeadlineResult>[] = [declarationDeadline];

export const rules: RuleInfo[] = [
  {
    id: "clocks.declare-by-deadline",
    title: "Declare a large capacity magazine, or apply for an assault weapon certificate, by 2014-01-01",
    description: "A person who lawfully had a large capacity magazine before 2014-01-01 must declare it to the state police by 2014-01-01 to keep it. A person who legally had a newly banned assault weapon on 2013-04-03 and is eligible may keep it by applying for a certificate of possession by 2014-01-01.",
    citations: [LCM_DECLARATION_DEADLINE[0]!.source, AW_CERTIFICATE_DEADLINE[0]!.source],
    from: "2013-04-04",
  },
  {
    id: "clocks.service-member-on-return",
    title: "Service members away on duty: 90 days after returning",
    description: "A service member who could not declare or apply by 2014-01-01 because of out-of-state duty has 90 days after returning to Connecticut.",
    citations: [SERVICE_MEMBER_RETURN["large-capacity-magazine"][0]!.source, SERVICE_MEMBER_RETURN["assault-weapon"][0]!.source],
    from: "2013-04-04",
  },
  {
    id: "clocks.service-member-transferred-in",
    title: "Service members transferred to Connecticut: 90 days after arriving",
    description: "A service member transferred to Connecticut has 90 days after arriving to declare a large capacity magazine (arrivals from 2014-01-01) or apply for an assault weapon certificate.",
    citations: [TRANSFERRED_IN["large-capacity-magazine"][0]!.source, TRANSFERRED_IN["assault-weapon"][0]!.source],
    from: "2013-04-04",
  },
  {
    id: "clocks.mover-disposal",
    title: "Moving into Connecticut: 90 days to disable, sell or remove",
    description: "Someone who moves into Connecticut with a large capacity magazine or assault weapon has 90 days to make it permanently inoperable, sell it to a dealer, or take it out of the state.",
    citations: [MOVER_DISPOSAL["large-capacity-magazine"][0]!.source, MOVER_DISPOSAL["assault-weapon"][0]!.source],
    from: "2013-04-04",
  },
  {
    id: "clocks.heir-certificate",
    title: "Heirs of a certificated assault weapon: 90 days",
    description: "Someone who inherits an assault weapon with a certificate has 90 days to apply for a certificate, sell it to a dealer, disable it, or take it out of the state.",
    citations: [HEIR_WINDOW[0]!.source],
    from: "2013-04-04",
  },
  {
    id: "clocks.earlier-certificate-deemed",
    title: "Certificates obtained before 2013-04-04 still count",
    description: "A certificate of possession obtained before 2013-04-04 for a weapon the Act now defines as an assault weapon counts; no second certificate is needed.",
    citations: [EARLIER_CERTIFICATE[0]!.source],
    from: "2013-04-04",
  },
  {
    id: "clocks.revoked-certificate-surrender",
    title: "Surrender a revoked long gun eligibility certificate within 5 days",
    description: "When a long gun eligibility certificate is revoked, the holder must deliver it to the commissioner within five days of the written notice; failing to do so is a class A misdemeanor.",
    citations: [SURRENDER_DAYS[0]!.source],
    from: "2013-07-01",
  },
];
