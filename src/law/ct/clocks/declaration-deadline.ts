/**
 * Question `declaration-deadline`: by when must a person declare a large
 * capacity magazine, apply for an assault weapon certificate of possession, or
 * dispose of the item, and is acting on the date asked still in time?
 *
 * Each route is its own cited rule (statute order): the general deadline of
 * 2014-01-01, service members returning from out-of-state duty, service
 * members transferred in, people moving in, heirs, and certificates obtained
 * before 2013-04-04. The answer is "yes" when at least one route is open on
 * the date asked, "no" when every route the facts reach is closed or none
 * applies, and "unknown" when a missing fact could still open one.
 */
import type { PlainDate } from "../../core/dates.ts";
import { daysBetween } from "../../core/dates.ts";
import type { Answer, Question } from "../../core/questions.ts";
import type { Finding, Outcome } from "../../core/rules.ts";
import { DeclarationFacts, type Route, type RouteFinding } from "./declaration-facts.ts";
import { LCM_DECLARATION_DEADLINE, AW_CERTIFICATE_DEADLINE, declareByDeadline } from "./declare-by-deadline.ts";
import { serviceMemberOnReturn, SERVICE_MEMBER_RETURN } from "./service-member-on-return.ts";
import { serviceMemberTransferredIn, TRANSFERRED_IN } from "./service-member-transferred-in.ts";
import { moverDisposal, MOVER_DISPOSAL } from "./mover-disposal.ts";
import { heirCertificate, HEIR_WINDOW } from "./heir-certificate.ts";
import { earlierCertificateDeemed, EARLIER_CERTIFICATE } from "./earlier-certificate-deemed.ts";
import { plainDate } from "../../core/dates.ts";

export interface DeclarationDeadlineResult {
  item: DeclarationFacts["item"] | null;
  routes: Route[];
  deadline: PlainDate | null;
  daysLeft: number | null;
}

/** Any route open gives yes; otherwise any unknown gives unknown; otherwise no. */
export function anyRouteOpen(findings: readonly Finding[]): Outcome {
  if (findings.some((f) => f.status === "met")) return "yes";
  if (findings.some((f) => f.status === "unknown")) return "unknown";
  return "no";
}

export function decideDeclarationDeadline(facts: DeclarationFacts, on: PlainDate): Answer<DeclarationDeadlineResult> {
  const parts: RouteFinding[] = [
    declareByDeadline(facts, on),
    serviceMemberOnReturn(facts, on),
    serviceMemberTransferredIn(facts, on),
    moverDisposal(facts, on),
    heirCertificate(facts, on),
    earlierCertificateDeemed(facts, on),
  ];
  const findings = parts.map((p) => p.finding);
  const routes = parts.flatMap((p) => (p.route ? [p.route] : []));
  const outcome = anyRouteOpen(findings);
  const open = routes.filter((r) => r.open);
  const undated = open.some((r) => r.deadline === null);
  const dated = open.flatMap((r) => (r.deadline ? [r.deadline] : [])).sort();
  const deadline = outcome === "yes" && !undated ? (dated[dated.length - 1] ?? null) : null;
  return {
    outcome,
    result: { item: facts.item ?? null, routes, deadline, daysLeft: deadline ? daysBetween(on, deadline) : null },
    findings,
  };
}

export const declarationDeadline: Question<DeclarationFacts, DeclarationDeadlineResult> = {
  id: "declaration-deadline",
  title: "Deadline to declare a large capacity magazine or apply for an assault weapon certificate",
  description:
    "Whether a person can still lawfully keep (by declaring or applying for a certificate) or dispose of a large capacity magazine or a newly banned assault weapon, and the last day to do so: 2014-01-01 in general; 90 days after return for service members away on duty; 90 days after arrival for transferred service members; 90 days to disable, sell or remove for people moving in; 90 days for heirs of a certificated assault weapon.",
  citations: [
    LCM_DECLARATION_DEADLINE[0]!.source,
    AW_CERTIFICATE_DEADLINE[0]!.source,
    SERVICE_MEMBER_RETURN["large-capacity-magazine"][0]!.source,
    SERVICE_MEMBER_RETURN["assault-weapon"][0]!.source,
    TRANSFERRED_IN["large-capacity-magazine"][0]!.source,
    TRANSFERRED_IN["assault-weapon"][0]!.source,
    MOVER_DISPOSAL["large-capacity-magazine"][0]!.source,
    MOVER_DISPOSAL["assault-weapon"][0]!.source,
    HEIR_WINDOW[0]!.source,
    EARLIER_CERTIFICATE[0]!.source,
  ],
  modelledFrom: "2013-04-04",
  facts: DeclarationFacts,
  result: {
    item: "the item asked about, or null when not given",
    routes: "every route the facts reach: rule id, actions (declare-possession, apply-for-certificate, render-permanently-inoperable, sell-to-dealer, remove-from-state, nothing-further), last day (inclusive, or null) and whether it is open on the date asked",
    deadline: "the last day on which some open route can still be used (inclusive); null when no route is open or an open route has no deadline",
    daysLeft: "calendar days from the date asked to `deadline`, or null",
  },
  example: {
    item: "large-capacity-magazine",
    lawfullyPossessedBeforeCutoff: true,
    outOfStateServiceMember: false,
    transferredServiceMember: false,
    movedIntoState: false,
    inherited: false,
  },
  decide: decideDeclarationDeadline,
};

/** The general deadline itself, for forms and notices. */
export const GENERAL_DEADLINE = plainDate("2014-01-01");
