/**
 * Standards for school safety (PA 13-3 §§ 80-83, 86): when the standards are
 * due, what they must cover, and the school construction review against them.
 *
 * § 80: "The new standards must be submitted to the DESPP and education
 * commissioners, the School Building Projects Advisory Council, and Public
 * Safety and Education committees by January 1, 2014 and annually every year
 * after." They must include, at a minimum: entryways (reinforcement, ballistic
 * glass, solid core doors, double-door access, computer-controlled electronic
 * locks, remote locks, buzzer systems); cameras throughout and at all
 * entrances and exits (CCTV); penetration resistant vestibules; and other
 * improvements as they become industry standards. EFFECTIVE DATE: Upon passage.
 *
 * §§ 81 & 82: "The bill requires DCS, on and after July 1, 2014, to review each
 * local school construction grant application for compliance with the
 * SSIC-developed school safety infrastructure standards. It gives DCS the
 * authority to disapprove any application that does not comply with these new
 * school safety standards starting on or after July 1, 2014." EFFECTIVE DATE: July 1, 2013.
 *
 * § 83: the School Building Projects Advisory Council's model blueprints must
 * comply with industry standards and the SSIC standards. EFFECTIVE DATE: Upon passage.
 *
 * § 86: "The bill requires DESPP to develop school safety and security plan
 * standards by January 1, 2014 ... DESPP must annually report its standards and
 * recommendations for legislation to the Public Safety and Education
 * committees beginning January 1, 2014." EFFECTIVE DATE: Upon passage.
 *
 * QUESTION(legal): § 80 says "eight member council" but lists nine members; we
 * record the nine listed seats and do not check the count.
 *
 * QUESTION(legal): "annually every year after" is read as due each January 1
 * (2015-01-01, 2016-01-01, ...), the same day as the first submission.
 *
 * QUESTION(legal): "on and after July 1, 2014" applies to applications
 * reviewed on or after that day (the review date, not the filing date); the
 * standards applied are the latest version submitted on or before the review.
 */
import { z } from "zod";
import { type PlainDate, addYears, fromParts, parts } from "../../core/dates.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import type { Answer, Question } from "../../core/questions.ts";
import {
  type Citation,
  type Dated,
  type Finding,
  allOf,
  inForce,
  met,
  notApplicable,
  notMet,
  pa133,
  unknown,
} from "../../core/rules.ts";

export const PASSAGE = "2013-04-04";

export const SSIC_STANDARDS: Citation = pa133("§ 80", {
  text: "The new standards must be submitted to the DESPP and education commissioners, the School Building Projects Advisory Council, and Public Safety and Education committees by January 1, 2014 and annually every year after.",
});
export const SSIC_CONTENT: Citation = pa133("§ 80", {
  text: "The standards must conform to industry standards for school building infrastructure and, at a minimum, include: 1. school building and classroom entryways ... 2. use of cameras throughout the school building and at all entrances and exits ... 3. penetration resistant vestibules; and 4. other security infrastructure improvements and devices as they become industry standards.",
});
export const BLUEPRINTS: Citation = pa133("§ 83", {
  text: "The bill expands that requirement so that the blueprints are for school building projects that comply with industry standards for school buildings and the new school safety infrastructure standards the SSIC must develop.",
});
export const DESPP_STANDARDS: Citation = pa133("§ 86", {
  text: "The bill requires DESPP to develop school safety and security plan standards by January 1, 2014, in consultation with SDE. ... DESPP must annually report its standards and recommendations for legislation to the Public Safety and Education committees beginning January 1, 2014.",
});
export const CONSTRUCTION_REVIEW: Citation = pa133("§§ 81-82", {
  text: "The bill requires DCS, on and after July 1, 2014, to review each local school construction grant application for compliance with the SSIC-developed school safety infrastructure standards. It gives DCS the authority to disapprove any application that does not comply with these new school safety standards starting on or after July 1, 2014.",
});

/** The minimum content of the SSIC infrastructure standards (§ 80). */
export const SSIC_TOPICS = ["entryways", "cameras", "vestibules", "other-improvements"] as const;
/** The minimum content of the DESPP plan standards (§ 86 (1)-(8)). */
export const DESPP_TOPICS = [
  "biennial-assessments-annual-plans-drill-reports",
  "local-officials-participate",
  "drills-evaluated-by-local-safety-officials",
  "command-center-nims",
  "crisis-management",
  "school-committee",
  "threat-behavior-reporting",
  "orientation-and-violence-prevention-training",
] as const;

export const StandardKind = z.enum(["ssic-infrastructure", "despp-plan"]);
export type StandardKind = z.infer<typeof StandardKind>;
const FIRST_DUE: Record<StandardKind, Dated<{ firstDue: string }>[]> = {
  "ssic-infrastructure": [{ from: PASSAGE, value: { firstDue: "2014-01-01" }, source: SSIC_STANDARDS }],
  "despp-plan": [{ from: PASSAGE, value: { firstDue: "2014-01-01" }, source: DESPP_STANDARDS }],
};

/** The next January 1 on or after `on` from the first due date: when the standards (or DESPP's report) are next due. */
export function standardsDueOn(kind: StandardKind, on: PlainDate): { dueOn: PlainDate; source: Citation } {
  const rule = inForce(FIRST_DUE[kind], on, `schools.standards-due.${kind}`);
  const first = rule.value.firstDue as PlainDate;
  if (on <= first) return { dueOn: first, source: rule.source };
  const { year, month, day } = parts(on);
  const due = month === 1 && day === 1 ? on : fromParts(year + 1, 1, 1);
  return { dueOn: due, source: rule.source };
}

/** Which version of a set of standards is in force on a date: the latest submitted on or before it. */
export function standardsInForce<T extends { submittedOn: string }>(
  versions: readonly T[],
  on: PlainDate,
): T | undefined {
  return [...versions].filter((v) => v.submittedOn <= on).sort((a, b) => (a.submittedOn < b.submittedOn ? 1 : -1))[0];
}

export const CONSTRUCTION: Dated<{ reviewRequired: boolean }>[] = [
  {
    from: "2013-07-01",
    until: "2014-07-01",
    value: { reviewRequired: false },
    source: pa133("§§ 81-82", { text: "on and after July 1, 2014" }),
  },
  { from: "2014-07-01", value: { reviewRequired: true }, source: CONSTRUCTION_REVIEW },
];

export const SchoolConstructionReviewFacts = z.object({
  standardsVersionSubmittedOn: PlainDateSchema.optional().describe(
    "when the SSIC standards version in force was submitted (none when no standards exist yet)",
  ),
  compliesWithStandards: z
    .boolean()
    .optional()
    .describe("the application complies with the SSIC standards in force, as DCS finds"),
});
export type SchoolConstructionReviewFacts = z.infer<typeof SchoolConstructionReviewFacts>;
export interface SchoolConstructionReviewResult {
  reviewRequired: boolean;
  mayDisapprove: boolean;
}

export function constructionCompliance(facts: SchoolConstructionReviewFacts, on: PlainDate): Finding {
  const rule = inForce(CONSTRUCTION, on, "schools.construction-review");
  const id = "schools.construction-review";
  if (!rule.value.reviewRequired)
    return notApplicable(id, rule.source, "applications are reviewed against the safety standards from 2014-07-01");
  if (!facts.standardsVersionSubmittedOn)
    return unknown(
      id,
      rule.source,
      ["standardsVersionSubmittedOn"],
      "no SSIC standards version is recorded as in force",
    );
  if (facts.compliesWithStandards === undefined) return unknown(id, rule.source, ["compliesWithStandards"]);
  return facts.compliesWithStandards
    ? met(id, rule.source, `complies with the SSIC standards submitted ${facts.standardsVersionSubmittedOn}`)
    : notMet(
        id,
        rule.source,
        `does not comply with the SSIC standards submitted ${facts.standardsVersionSubmittedOn}; DCS may disapprove it`,
        "revise the project to meet the standards",
      );
}

export const schoolConstructionReview: Question<SchoolConstructionReviewFacts, SchoolConstructionReviewResult> = {
  id: "school-construction-safety-review",
  title: "School construction application against the school safety infrastructure standards",
  description:
    "From 2014-07-01 the Department of Construction Services reviews each school construction grant application against the School Safety Infrastructure Council's standards in force and may disapprove one that does not comply.",
  citations: [CONSTRUCTION_REVIEW, SSIC_STANDARDS],
  modelledFrom: "2013-07-01",
  facts: SchoolConstructionReviewFacts,
  result: {
    reviewRequired: "true from 2014-07-01",
    mayDisapprove: "true when the review is required and the application does not comply",
  },
  example: { standardsVersionSubmittedOn: "2014-01-01" as PlainDate, compliesWithStandards: true },
  decide(facts, on): Answer<SchoolConstructionReviewResult> {
    const f = constructionCompliance(facts, on);
    const reviewRequired = inForce(CONSTRUCTION, on).value.reviewRequired;
    return {
      outcome: allOf([f]),
      result: { reviewRequired, mayDisapprove: reviewRequired && f.status === "not-met" },
      findings: [f],
    };
  },
};

/** Used by tests and pages: the n-th annual due date after the first. */
export const nthAnnual = (first: PlainDate, n: number) => addYears(first, n);
