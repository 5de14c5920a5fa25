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
import { type Answer, type Question, beforeDutyStarts } from "../../core/questions.ts";
import { type Finding, type Outcome, citationLabel, pa133 } from "../../core/rules.ts";
import { DeclarationFacts, type Route, type RouteFinding, withNoneSpelledOut } from "./declaration-facts.ts";
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
  /** The citation of the rule that sets `deadline`. */
  deadlineCitation: string | null;
  /** What missing every deadline exposes the person to, for the item. */
  penaltyIfMissed: { offense: string; penalty: string; citation: string } | null;
  /** Set when asked before 2013-04-04: the day the duty starts. */
  dutyStartsOn: PlainDate | null;
}

const LCM_OFFENSE = pa133("§§ 23-24", {
  cgs: "CGS § 53-202w",
  text: "anyone who possesses any LCM on or after January 1, 2014 obtained before the bill's effective date is guilty of a infraction punishable by a $90 fine and a class D penalty for any subsequent offense; anyone who possesses a large capacity magazine on or after January 1, 2014 that was obtained after that date is guilty of a class D felony",
});
const AW_OFFENSE = pa133("§§ 25-31", {
  cgs: "CGS § 53-202c",
  text: "By law, illegal possession of an assault weapon is a class D felony, with a mandatory minimum one-year prison term.",
});

/**
 * What missing the deadline exposes the person to: possession after it without a declaration or
 * certificate is the possession offense of the item.
 *
 * QUESTION(legal): for a magazine the grade depends on when it was obtained and on earlier
 * offenses (facts this question does not take); the penalty names both grades.
 */
export function penaltyIfMissed(item: DeclarationFacts["item"]): DeclarationDeadlineResult["penaltyIfMissed"] {
  if (item === "large-capacity-magazine") {
    return {
      offense: "possessing an undeclared large capacity magazine on or after 2014-01-01 (or after the window)",
      penalty:
        "infraction, $90 fine, for a magazine obtained before 2013-04-04 (a class D felony for a subsequent offense); class D felony for one obtained on or after 2013-04-04",
      citation: citationLabel(LCM_OFFENSE),
    };
  }
  if (item === "assault-weapon") {
    return {
      offense: "illegal possession of an assault weapon without a certificate of possession",
      penalty: "class D felony, with a mandatory minimum one-year prison term",
      citation: citationLabel(AW_OFFENSE),
    };
  }
  return null;
}

/** The declaration and certificate duties start with the Act's passage. */
export const DECLARATION_DUTY_STARTS_ON = plainDate("2013-04-04");

/** Any route open gives yes; otherwise any unknown gives unknown; otherwise no. */
export function anyRouteOpen(findings: readonly Finding[]): Outcome {
  if (findings.some((f) => f.status === "met")) return "yes";
  if (findings.some((f) => f.status === "unknown")) return "unknown";
  return "no";
}

export function decideDeclarationDeadline(given: DeclarationFacts, on: PlainDate): Answer<DeclarationDeadlineResult> {
  if (on < DECLARATION_DUTY_STARTS_ON) {
    return beforeDutyStarts({
      id: "clocks.declaration-duty-starts",
      source:
        given.item === "assault-weapon" ? AW_CERTIFICATE_DEADLINE[0]!.source : LCM_DECLARATION_DEADLINE[0]!.source,
      startsOn: DECLARATION_DUTY_STARTS_ON,
      on,
      duty: "the duty to declare a large capacity magazine or apply for an assault weapon certificate (with the Act's passage)",
      result: {
        item: given.item ?? null,
        routes: [],
        deadline: null,
        daysLeft: null,
        deadlineCitation: null,
        penaltyIfMissed: null,
        dutyStartsOn: DECLARATION_DUTY_STARTS_ON,
      },
    });
  }
  const facts = withNoneSpelledOut(given);
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
  const setter = deadline ? open.find((r) => r.deadline === deadline) : undefined;
  const setterFinding = setter ? findings.find((f) => f.id === setter.rule) : undefined;
  return {
    outcome,
    result: {
      item: facts.item ?? null,
      routes,
      deadline,
      daysLeft: deadline ? daysBetween(on, deadline) : null,
      deadlineCitation: setterFinding ? citationLabel(setterFinding.source) : null,
      penaltyIfMissed: penaltyIfMissed(facts.item),
      dutyStartsOn: null,
    },
    findings,
  };
}

export const declarationDeadline: Question<DeclarationFacts, DeclarationDeadlineResult> = {
  id: "declaration-deadline",
  title: "Deadline to declare a large capacity magazine or apply for an assault weapon certificate",
  description:
    'Due date, citation and penalty for missing it. Whether a person can still lawfully keep (by declaring or applying for a certificate) or dispose of a large capacity magazine or a newly banned assault weapon, and the last day to do so: 2014-01-01 in general; 90 days after return for service members away on duty; 90 days after arrival for transferred service members; 90 days to disable, sell or remove for people moving in; 90 days for heirs of a certificated assault weapon. `specialCircumstances: "none"` answers all the special routes at once for an ordinary person. Asked before 2013-04-04: no duty yet.',
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
  dutyStartsOn: "2013-04-04",
  facts: DeclarationFacts,
  result: {
    item: "the item asked about, or null when not given",
    routes:
      "every route the facts reach: rule id, actions (declare-possession, apply-for-certificate, render-permanently-inoperable, sell-to-dealer, remove-from-state, nothing-further), last day (inclusive, or null) and whether it is open on the date asked",
    deadline:
      "the last day on which some open route can still be used (inclusive); null when no route is open or an open route has no deadline",
    daysLeft: "calendar days from the date asked to `deadline`, or null",
    deadlineCitation:
      "the citation of the rule that sets `deadline` (e.g. the 90 days after a service member's return), or null",
    penaltyIfMissed:
      "{ offense, penalty, citation }: possessing the item after every deadline has passed without a declaration or certificate; null when the item is not given",
    dutyStartsOn:
      "asked before 2013-04-04: the day the duty starts (the answer is then no: no duty on that date); otherwise null",
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
