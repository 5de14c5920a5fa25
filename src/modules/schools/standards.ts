/**
 * Standards as dated, versioned documents (§§ 80, 83, 86) and DCS's review of school construction
 * applications against the infrastructure standards in force (§§ 81-82).
 */
import type { Ctx } from "../../context.ts";
import { AppError, badField, forbidden } from "../../lib/errors.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { RULEBOOK_VERSION } from "../../law/ct/index.ts";
import {
  DESPP_TOPICS,
  SSIC_TOPICS,
  schoolConstructionReview,
  standardsDueOn,
  type StandardKind,
} from "../../law/ct/schools/standards.ts";
import { appendAudit } from "../audit/index.ts";
import { schoolsPolicy } from "./policy.ts";
import { orgOf } from "./service.ts";
import * as db from "./queries.ts";

export interface Standard {
  id: string;
  kind: StandardKind;
  version: number;
  title: string;
  submittedOn: PlainDate;
  topics: string[];
  summary: string | null;
  missingTopics: string[];
}
const REQUIRED: Record<StandardKind, readonly string[]> = {
  "ssic-infrastructure": SSIC_TOPICS,
  "despp-plan": DESPP_TOPICS,
};

const standardOf = (r: Record<string, unknown>): Standard => {
  const topics = r.topics as string[];
  return {
    id: r.id as string,
    kind: r.kind as StandardKind,
    version: r.version as number,
    title: r.title as string,
    submittedOn: r.submitted_on as PlainDate,
    topics,
    summary: r.summary as string | null,
    missingTopics: REQUIRED[r.kind as StandardKind].filter((t) => !topics.includes(t)),
  };
};

export async function recordStandards(
  ctx: Ctx,
  input: { kind: StandardKind; title: string; submittedOn: PlainDate; topics: string[]; summary?: string | undefined },
): Promise<Standard> {
  if (!ctx.user || !schoolsPolicy.setup(ctx.user)) throw forbidden("only state school-safety staff record standards");
  const unknownTopic = input.topics.find((t) => !REQUIRED[input.kind].includes(t));
  if (unknownTopic)
    throw badField("topics", `${unknownTopic} is not a topic of these standards (${REQUIRED[input.kind].join(", ")})`);
  if (input.submittedOn > ctx.today) throw badField("submittedOn", "cannot be in the future");
  return ctx.db.tx(async (q) => {
    await q.query("SELECT pg_advisory_xact_lock(727015)");
    const version =
      (
        await q.query<{ n: number }>(
          "SELECT coalesce(max(version), 0)::int AS n FROM school_standards WHERE kind = $1",
          [input.kind],
        )
      )[0]!.n + 1;
    const r = await q.query(
      `INSERT INTO school_standards (kind, version, title, submitted_on, topics, summary, recorded_by, recorded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
      RETURNING id::text, kind, version, title, submitted_on, topics, summary`,
      [
        input.kind,
        version,
        input.title,
        input.submittedOn,
        input.topics,
        input.summary ?? null,
        ctx.user!.id,
        ctx.clock.now().toISOString(),
      ],
    );
    await appendAudit(q, ctx, {
      action: "schools.standards.record",
      entityType: "school_standards",
      entityId: r[0]!.id,
      details: { kind: input.kind, version },
    });
    return standardOf(r[0]!);
  });
}

/** Every version, newest first, with when the next submission is due (each January 1 from 2014). */
export async function listStandards(ctx: Ctx) {
  const rows = (
    await ctx.db.query(
      "SELECT id::text, kind, version, title, submitted_on, topics, summary FROM school_standards ORDER BY kind, version DESC",
    )
  ).map(standardOf);
  const due = (kind: StandardKind) => {
    try {
      return standardsDueOn(kind, ctx.today).dueOn;
    } catch {
      return null;
    }
  };
  return {
    items: rows,
    nextDue: { "ssic-infrastructure": due("ssic-infrastructure"), "despp-plan": due("despp-plan") },
  };
}

/** DCS reviews a construction application: the rulebook says whether the review applies and whether DCS may disapprove. */
export async function reviewConstruction(
  ctx: Ctx,
  input: {
    districtId: string;
    project: string;
    reviewedOn?: PlainDate | undefined;
    compliesWithStandards?: boolean | undefined;
    decision: "approved" | "disapproved";
    reason: string;
  },
) {
  if (!ctx.user || !schoolsPolicy.review(ctx.user))
    throw forbidden("only state school-safety staff (DCS) record construction reviews");
  if (!(await db.findDistrict(ctx.db, input.districtId))) throw badField("districtId", "no such district");
  const on = input.reviewedOn ?? ctx.today;
  if (on > ctx.today) throw badField("reviewedOn", "cannot be in the future");
  if (on < "2013-07-01") throw badField("reviewedOn", "§§ 81-82 are modelled from 2013-07-01");
  const std = (
    await ctx.db.query(
      "SELECT id::text, submitted_on FROM school_standards WHERE kind = 'ssic-infrastructure' AND submitted_on <= $1 ORDER BY submitted_on DESC, version DESC LIMIT 1",
      [on],
    )
  )[0];
  const facts = {
    ...(std ? { standardsVersionSubmittedOn: std.submitted_on as PlainDate } : {}),
    ...(input.compliesWithStandards !== undefined ? { compliesWithStandards: input.compliesWithStandards } : {}),
  };
  const answer = schoolConstructionReview.decide(facts, on);
  if (input.decision === "disapproved" && !answer.result.mayDisapprove) {
    throw new AppError(
      "conflict",
      answer.result.reviewRequired
        ? "DCS may disapprove for the safety standards only an application that does not comply with the standards in force (§§ 81-82)"
        : "the review against the safety standards applies from 2014-07-01 (§§ 81-82)",
      { fields: [{ field: "decision", message: "not allowed by §§ 81-82 on these facts" }] },
    );
  }
  const rulebook = {
    question: schoolConstructionReview.id,
    on,
    rulebookVersion: RULEBOOK_VERSION,
    outcome: answer.outcome,
    result: answer.result,
    findings: answer.findings,
  };
  return ctx.db.tx(async (q) => {
    const r = await q.query(
      `INSERT INTO construction_reviews (district_id, project, reviewed_on, standards_id, complies, decision, reason, rulebook, actor_id, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id::text`,
      [
        input.districtId,
        input.project,
        on,
        std?.id ?? null,
        input.compliesWithStandards ?? null,
        input.decision,
        input.reason,
        JSON.stringify(rulebook),
        ctx.user!.id,
        ctx.clock.now().toISOString(),
      ],
    );
    await appendAudit(q, ctx, {
      action: "schools.construction.review",
      entityType: "construction_review",
      entityId: r[0]!.id,
      details: { decision: input.decision },
    });
    return {
      id: r[0]!.id as string,
      districtId: input.districtId,
      project: input.project,
      reviewedOn: on,
      standardsId: std?.id ?? null,
      decision: input.decision,
      reason: input.reason,
      rulebook,
    };
  });
}

export async function listConstructionReviews(ctx: Ctx) {
  if (!ctx.user) throw forbidden("sign in");
  const org = await orgOf(ctx);
  let districtId: string | null = null;
  if (!schoolsPolicy.oversee(ctx.user)) {
    if (ctx.user.role !== "district_staff")
      throw forbidden("only state school-safety staff and district staff see construction reviews");
    if (!org?.districtId) return [];
    districtId = org.districtId;
  }
  return (
    await ctx.db.query(
      `SELECT c.id::text, c.district_id::text, d.name AS district_name, c.project, c.reviewed_on, c.decision, c.reason, c.rulebook FROM construction_reviews c JOIN school_districts d ON d.id = c.district_id
    WHERE ($1::uuid IS NULL OR c.district_id = $1) ORDER BY c.reviewed_on DESC`,
      [districtId],
    )
  ).map((r) => ({
    id: r.id,
    districtId: r.district_id,
    districtName: r.district_name,
    project: r.project,
    reviewedOn: r.reviewed_on,
    decision: r.decision,
    reason: r.reason,
    outcome: r.rulebook.outcome,
    findings: r.rulebook.findings,
  }));
}
