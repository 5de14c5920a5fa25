/** The schools module's SQL. No other module touches these tables (see migration 014). */
import type { Queryable, Row } from "../../db/client.ts";
import type { PlainDate } from "../../law/core/dates.ts";

export interface District {
  id: string;
  code: string;
  name: string;
  kind: "local" | "regional";
  priorityDistrict: boolean;
  contactEmail: string | null;
  towns: { town: string; pupils: number; rank: number | null }[];
}
export interface School {
  id: string;
  districtId: string;
  districtName: string;
  name: string;
  town: string;
}
export interface Campus {
  id: string;
  institution: string;
  name: string;
  town: string;
  system: string;
  contactEmail: string | null;
}
export interface Org {
  districtId: string | null;
  campusId: string | null;
  parentOrGuardian: boolean;
}
export interface Assessment {
  id: string;
  schoolId: string;
  assessedOn: PlainDate;
  supervisedByLocalPolice: boolean;
  usedSafeSchoolsChecklist: boolean;
  entranceSecurity: "none" | "partial" | "full";
  summary: string | null;
  documentId: string | null;
}
export interface Round {
  id: string;
  name: string;
  budgetCents: number;
  opensOn: PlainDate;
  closesOn: PlainDate;
}
export interface Application {
  id: string;
  number: string;
  roundId: string;
  roundName: string;
  districtId: string;
  districtName: string;
  status: "submitted" | "approved" | "denied" | "withdrawn";
  submittedOn: PlainDate;
  emergencyPlanWithFirstResponders: boolean;
  emergencyPlanOn: PlainDate | null;
  planPracticed: boolean;
  practiceFrequency: string | null;
  ratePercent: number;
  rateBecause: string;
  decision: Record<string, unknown>;
  decidedOn: PlainDate | null;
  decisionReason: string | null;
}
export interface AppSchool {
  applicationId: string;
  schoolId: string;
  schoolName: string;
  assessmentId: string;
  mostInNeed: boolean;
  entranceSecurity: "none" | "partial" | "full";
  assessedOn: PlainDate;
}
export interface Expense {
  id: number;
  applicationId: string;
  schoolId: string;
  category: string;
  description: string;
  amountCents: number;
  incurredOn: PlainDate;
}
export interface AllocationRow {
  id: number;
  roundId: string;
  runNo: number;
  reason: string;
  runOn: PlainDate;
  budgetCents: number;
  requestedCents: number;
  awardedCents: number;
  fullyFunded: boolean;
  lines: AllocLine[];
  summary: string[];
  at: string;
}
export interface AllocLine {
  key: string;
  label: string;
  applicationId: string;
  applicationNumber: string;
  districtId: string;
  districtName: string;
  schoolId: string;
  ratePercent: number;
  tier: number | null;
  requestedCents: number;
  awardedCents: number;
  because: string;
}

export async function findOrg(q: Queryable, userId: string): Promise<Org | null> {
  const r = await q.query(
    "SELECT district_id::text, campus_id::text, parent_or_guardian FROM school_org_members WHERE user_id = $1",
    [userId],
  );
  return r[0]
    ? { districtId: r[0].district_id, campusId: r[0].campus_id, parentOrGuardian: r[0].parent_or_guardian }
    : null;
}
export async function upsertOrg(q: Queryable, userId: string, o: Org, at: string): Promise<void> {
  await q.query(
    `INSERT INTO school_org_members (user_id, district_id, campus_id, parent_or_guardian, linked_at) VALUES ($1,$2,$3,$4,$5)
    ON CONFLICT (user_id) DO UPDATE SET district_id = EXCLUDED.district_id, campus_id = EXCLUDED.campus_id, parent_or_guardian = EXCLUDED.parent_or_guardian, linked_at = EXCLUDED.linked_at`,
    [userId, o.districtId, o.campusId, o.parentOrGuardian, at],
  );
}

export const townExists = async (q: Queryable, town: string) =>
  (await q.query("SELECT 1 FROM towns WHERE name = $1", [town])).length > 0;

export async function setWealthRank(
  q: Queryable,
  town: string,
  rank: number,
  source: string,
  on: PlainDate,
): Promise<void> {
  await q.query("DELETE FROM school_town_wealth_ranks WHERE rank = $1 AND town <> $2", [rank, town]);
  await q.query(
    `INSERT INTO school_town_wealth_ranks (town, rank, source, recorded_on) VALUES ($1,$2,$3,$4)
    ON CONFLICT (town) DO UPDATE SET rank = EXCLUDED.rank, source = EXCLUDED.source, recorded_on = EXCLUDED.recorded_on`,
    [town, rank, source, on],
  );
}
export async function listWealthRanks(
  q: Queryable,
): Promise<{ town: string; rank: number; source: string; recordedOn: PlainDate }[]> {
  return (await q.query("SELECT town, rank, source, recorded_on FROM school_town_wealth_ranks ORDER BY rank")).map(
    (r) => ({ town: r.town, rank: r.rank, source: r.source, recordedOn: r.recorded_on }),
  );
}

export async function insertDistrict(
  q: Queryable,
  d: {
    code: string;
    name: string;
    kind: string;
    priorityDistrict: boolean;
    contactEmail: string | null;
    towns: { town: string; pupils: number }[];
  },
): Promise<string> {
  const id = (
    await q.query(
      "INSERT INTO school_districts (code, name, kind, priority_district, contact_email) VALUES ($1,$2,$3,$4,$5) RETURNING id::text",
      [d.code, d.name, d.kind, d.priorityDistrict, d.contactEmail],
    )
  )[0]!.id as string;
  for (const t of d.towns)
    await q.query("INSERT INTO school_district_towns (district_id, town, pupils) VALUES ($1,$2,$3)", [
      id,
      t.town,
      t.pupils,
    ]);
  return id;
}
export async function listDistricts(q: Queryable, onlyId?: string): Promise<District[]> {
  const rows = await q.query(
    `SELECT d.id::text, d.code, d.name, d.kind, d.priority_district, d.contact_email,
      coalesce(json_agg(json_build_object('town', t.town, 'pupils', t.pupils, 'rank', w.rank) ORDER BY t.town) FILTER (WHERE t.town IS NOT NULL), '[]') AS towns
    FROM school_districts d LEFT JOIN school_district_towns t ON t.district_id = d.id LEFT JOIN school_town_wealth_ranks w ON w.town = t.town
    WHERE ($1::uuid IS NULL OR d.id = $1) GROUP BY d.id ORDER BY d.name`,
    [onlyId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    priorityDistrict: r.priority_district,
    contactEmail: r.contact_email,
    towns: typeof r.towns === "string" ? JSON.parse(r.towns) : r.towns,
  }));
}
export async function findDistrict(q: Queryable, id: string): Promise<District | undefined> {
  return (await listDistricts(q, id))[0];
}

export async function insertSchool(q: Queryable, districtId: string, name: string, town: string): Promise<string> {
  return (
    await q.query("INSERT INTO schools (district_id, name, town) VALUES ($1,$2,$3) RETURNING id::text", [
      districtId,
      name,
      town,
    ])
  )[0]!.id;
}
export async function listSchools(q: Queryable, districtId?: string): Promise<School[]> {
  return (
    await q.query(
      `SELECT s.id::text, s.district_id::text, d.name AS district_name, s.name, s.town FROM schools s JOIN school_districts d ON d.id = s.district_id
    WHERE ($1::uuid IS NULL OR s.district_id = $1) ORDER BY d.name, s.name`,
      [districtId ?? null],
    )
  ).map((r) => ({ id: r.id, districtId: r.district_id, districtName: r.district_name, name: r.name, town: r.town }));
}
export async function findSchool(q: Queryable, id: string): Promise<School | undefined> {
  const r = await q.query(
    `SELECT s.id::text, s.district_id::text, d.name AS district_name, s.name, s.town FROM schools s JOIN school_districts d ON d.id = s.district_id WHERE s.id = $1`,
    [id],
  );
  return r[0]
    ? { id: r[0].id, districtId: r[0].district_id, districtName: r[0].district_name, name: r[0].name, town: r[0].town }
    : undefined;
}

export async function insertCampus(
  q: Queryable,
  c: { institution: string; name: string; town: string; system: string; contactEmail: string | null },
): Promise<string> {
  return (
    await q.query(
      "INSERT INTO campuses (institution, name, town, system, contact_email) VALUES ($1,$2,$3,$4,$5) RETURNING id::text",
      [c.institution, c.name, c.town, c.system, c.contactEmail],
    )
  )[0]!.id;
}
export async function listCampuses(q: Queryable, onlyId?: string): Promise<Campus[]> {
  return (
    await q.query(
      "SELECT id::text, institution, name, town, system, contact_email FROM campuses WHERE ($1::uuid IS NULL OR id = $1) ORDER BY institution, name",
      [onlyId ?? null],
    )
  ).map((r) => ({
    id: r.id,
    institution: r.institution,
    name: r.name,
    town: r.town,
    system: r.system,
    contactEmail: r.contact_email,
  }));
}

export async function insertDocument(
  q: Queryable,
  d: {
    kind: string;
    districtId: string | null;
    campusId: string | null;
    fileName: string;
    contentType: string;
    sha256: string;
    content: Uint8Array;
    by: string | null;
    at: string;
  },
): Promise<string> {
  return (
    await q.query(
      `INSERT INTO school_documents (kind, district_id, campus_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
    VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id::text`,
      [
        d.kind,
        d.districtId,
        d.campusId,
        d.fileName,
        d.contentType,
        d.content.byteLength,
        d.sha256,
        d.content,
        d.by,
        d.at,
      ],
    )
  )[0]!.id;
}
export async function findDocumentMeta(
  q: Queryable,
  id: string,
): Promise<
  | {
      id: string;
      kind: string;
      districtId: string | null;
      campusId: string | null;
      fileName: string;
      contentType: string;
      sizeBytes: number;
      sha256: string;
      uploadedAt: string;
    }
  | undefined
> {
  const r = (
    await q.query(
      "SELECT id::text, kind, district_id::text, campus_id::text, file_name, content_type, size_bytes, sha256, uploaded_at FROM school_documents WHERE id = $1",
      [id],
    )
  )[0];
  return r
    ? {
        id: r.id,
        kind: r.kind,
        districtId: r.district_id,
        campusId: r.campus_id,
        fileName: r.file_name,
        contentType: r.content_type,
        sizeBytes: r.size_bytes,
        sha256: r.sha256,
        uploadedAt: r.uploaded_at,
      }
    : undefined;
}
export async function documentContent(q: Queryable, id: string): Promise<Uint8Array | undefined> {
  return (await q.query("SELECT content FROM school_documents WHERE id = $1", [id]))[0]?.content;
}

const assessmentOf = (r: Row): Assessment => ({
  id: r.id,
  schoolId: r.school_id,
  assessedOn: r.assessed_on,
  supervisedByLocalPolice: r.supervised_by_local_police,
  usedSafeSchoolsChecklist: r.used_safe_schools_checklist,
  entranceSecurity: r.entrance_security,
  summary: r.summary,
  documentId: r.document_id,
});
const ASSESSMENT_COLS =
  "id::text, school_id::text, assessed_on, supervised_by_local_police, used_safe_schools_checklist, entrance_security, summary, document_id::text";
export async function insertAssessment(
  q: Queryable,
  schoolId: string,
  a: {
    assessedOn: PlainDate;
    supervisedByLocalPolice: boolean;
    usedSafeSchoolsChecklist: boolean;
    entranceSecurity: string;
    summary?: string | undefined;
    documentId?: string | undefined;
  },
  by: string | null,
  at: string,
): Promise<Assessment> {
  return assessmentOf(
    (
      await q.query(
        `INSERT INTO school_assessments (school_id, assessed_on, supervised_by_local_police, used_safe_schools_checklist, entrance_security, summary, document_id, recorded_by, recorded_at)
    VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING ${ASSESSMENT_COLS}`,
        [
          schoolId,
          a.assessedOn,
          a.supervisedByLocalPolice,
          a.usedSafeSchoolsChecklist,
          a.entranceSecurity,
          a.summary ?? null,
          a.documentId ?? null,
          by,
          at,
        ],
      )
    )[0]!,
  );
}
export async function listAssessments(q: Queryable, schoolId: string): Promise<Assessment[]> {
  return (
    await q.query(
      `SELECT ${ASSESSMENT_COLS} FROM school_assessments WHERE school_id = $1 ORDER BY assessed_on DESC, recorded_at DESC`,
      [schoolId],
    )
  ).map(assessmentOf);
}
export async function findAssessment(q: Queryable, id: string): Promise<Assessment | undefined> {
  const r = (await q.query(`SELECT ${ASSESSMENT_COLS} FROM school_assessments WHERE id = $1`, [id]))[0];
  return r ? assessmentOf(r) : undefined;
}

export async function insertRound(
  q: Queryable,
  r: { name: string; budgetCents: number; opensOn: PlainDate; closesOn: PlainDate },
  by: string | null,
  at: string,
): Promise<string> {
  return (
    await q.query(
      "INSERT INTO grant_rounds (name, budget_cents, opens_on, closes_on, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id::text",
      [r.name, r.budgetCents, r.opensOn, r.closesOn, by, at],
    )
  )[0]!.id;
}
export async function listRounds(q: Queryable, onlyId?: string): Promise<Round[]> {
  return (
    await q.query(
      "SELECT id::text, name, budget_cents, opens_on, closes_on FROM grant_rounds WHERE ($1::uuid IS NULL OR id = $1) ORDER BY opens_on DESC, name",
      [onlyId ?? null],
    )
  ).map((r) => ({ id: r.id, name: r.name, budgetCents: r.budget_cents, opensOn: r.opens_on, closesOn: r.closes_on }));
}
export async function totalBudgetCents(q: Queryable, lock = false): Promise<number> {
  if (lock) await q.query("SELECT pg_advisory_xact_lock(727014)");
  return (await q.query<{ n: number }>("SELECT coalesce(sum(budget_cents), 0)::bigint AS n FROM grant_rounds"))[0]!.n;
}

const APP_COLS = `a.id::text, a.number, a.round_id::text, r.name AS round_name, a.district_id::text, d.name AS district_name, a.status, a.submitted_on,
  a.emergency_plan_with_first_responders, a.emergency_plan_on, a.plan_practiced, a.practice_frequency, a.rate_percent, a.rate_because, a.decision, a.decided_on, a.decision_reason`;
const appOf = (r: Row): Application => ({
  id: r.id,
  number: r.number,
  roundId: r.round_id,
  roundName: r.round_name,
  districtId: r.district_id,
  districtName: r.district_name,
  status: r.status,
  submittedOn: r.submitted_on,
  emergencyPlanWithFirstResponders: r.emergency_plan_with_first_responders,
  emergencyPlanOn: r.emergency_plan_on,
  planPracticed: r.plan_practiced,
  practiceFrequency: r.practice_frequency,
  ratePercent: Number(r.rate_percent),
  rateBecause: r.rate_because,
  decision: r.decision,
  decidedOn: r.decided_on,
  decisionReason: r.decision_reason,
});
export async function insertApplication(
  q: Queryable,
  a: {
    roundId: string;
    districtId: string;
    submittedOn: PlainDate;
    emergencyPlanWithFirstResponders: boolean;
    emergencyPlanOn?: PlainDate | undefined;
    planPracticed: boolean;
    practiceFrequency?: string | undefined;
    ratePercent: number;
    rateBecause: string;
    decision: unknown;
  },
): Promise<{ id: string; number: string }> {
  const r = await q.query(
    `INSERT INTO grant_applications (number, round_id, district_id, status, submitted_on, emergency_plan_with_first_responders, emergency_plan_on, plan_practiced, practice_frequency, rate_percent, rate_because, decision)
    VALUES ('SG-' || nextval('grant_application_number_seq'), $1,$2,'submitted',$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id::text, number`,
    [
      a.roundId,
      a.districtId,
      a.submittedOn,
      a.emergencyPlanWithFirstResponders,
      a.emergencyPlanOn ?? null,
      a.planPracticed,
      a.practiceFrequency ?? null,
      a.ratePercent,
      a.rateBecause,
      JSON.stringify(a.decision),
    ],
  );
  return { id: r[0]!.id, number: r[0]!.number };
}
export async function insertAppSchool(
  q: Queryable,
  applicationId: string,
  schoolId: string,
  assessmentId: string,
  mostInNeed: boolean,
): Promise<void> {
  await q.query(
    "INSERT INTO grant_application_schools (application_id, school_id, assessment_id, most_in_need) VALUES ($1,$2,$3,$4)",
    [applicationId, schoolId, assessmentId, mostInNeed],
  );
}
export async function setMostInNeed(q: Queryable, applicationId: string, schoolId: string, v: boolean): Promise<void> {
  await q.query("UPDATE grant_application_schools SET most_in_need = $3 WHERE application_id = $1 AND school_id = $2", [
    applicationId,
    schoolId,
    v,
  ]);
}
export async function insertExpense(
  q: Queryable,
  applicationId: string,
  schoolId: string,
  e: { category: string; description: string; amountCents: number; incurredOn: PlainDate },
): Promise<void> {
  await q.query(
    "INSERT INTO grant_expenses (application_id, school_id, category, description, amount_cents, incurred_on) VALUES ($1,$2,$3,$4,$5,$6)",
    [applicationId, schoolId, e.category, e.description, e.amountCents, e.incurredOn],
  );
}
export async function listApplications(
  q: Queryable,
  f: { roundId?: string; districtId?: string; id?: string; forUpdate?: boolean },
): Promise<Application[]> {
  return (
    await q.query(
      `SELECT ${APP_COLS} FROM grant_applications a JOIN grant_rounds r ON r.id = a.round_id JOIN school_districts d ON d.id = a.district_id
    WHERE ($1::uuid IS NULL OR a.round_id = $1) AND ($2::uuid IS NULL OR a.district_id = $2) AND ($3::uuid IS NULL OR a.id = $3) ORDER BY a.number${f.forUpdate ? " FOR UPDATE OF a" : ""}`,
      [f.roundId ?? null, f.districtId ?? null, f.id ?? null],
    )
  ).map(appOf);
}
export async function setApplicationStatus(
  q: Queryable,
  id: string,
  status: string,
  decided?: { on: PlainDate; reason: string },
): Promise<void> {
  if (decided)
    await q.query("UPDATE grant_applications SET status = $2, decided_on = $3, decision_reason = $4 WHERE id = $1", [
      id,
      status,
      decided.on,
      decided.reason,
    ]);
  else await q.query("UPDATE grant_applications SET status = $2 WHERE id = $1", [id, status]);
}
export async function insertApplicationAction(
  q: Queryable,
  a: {
    applicationId: string;
    action: string;
    from: string | null;
    to: string;
    actorId: string | null;
    reason?: string | undefined;
    details?: unknown;
    on: PlainDate;
    at: string;
  },
): Promise<void> {
  await q.query(
    "INSERT INTO grant_application_actions (application_id, action, from_status, to_status, actor_id, reason, details, on_date, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
    [a.applicationId, a.action, a.from, a.to, a.actorId, a.reason ?? null, JSON.stringify(a.details ?? {}), a.on, a.at],
  );
}
export async function listApplicationActions(
  q: Queryable,
  id: string,
): Promise<{ action: string; from: string | null; to: string; reason: string | null; on: PlainDate; at: string }[]> {
  return (
    await q.query(
      "SELECT action, from_status, to_status, reason, on_date, at FROM grant_application_actions WHERE application_id = $1 ORDER BY id",
      [id],
    )
  ).map((r) => ({ action: r.action, from: r.from_status, to: r.to_status, reason: r.reason, on: r.on_date, at: r.at }));
}
export async function listAppSchools(q: Queryable, applicationIds: string[]): Promise<AppSchool[]> {
  if (!applicationIds.length) return [];
  return (
    await q.query(
      `SELECT g.application_id::text, g.school_id::text, s.name AS school_name, g.assessment_id::text, g.most_in_need, a.entrance_security, a.assessed_on
    FROM grant_application_schools g JOIN schools s ON s.id = g.school_id JOIN school_assessments a ON a.id = g.assessment_id
    WHERE g.application_id = ANY($1::uuid[]) ORDER BY s.name`,
      [applicationIds],
    )
  ).map((r) => ({
    applicationId: r.application_id,
    schoolId: r.school_id,
    schoolName: r.school_name,
    assessmentId: r.assessment_id,
    mostInNeed: r.most_in_need,
    entranceSecurity: r.entrance_security,
    assessedOn: r.assessed_on,
  }));
}
export async function listExpenses(q: Queryable, applicationIds: string[]): Promise<Expense[]> {
  if (!applicationIds.length) return [];
  return (
    await q.query(
      "SELECT id, application_id::text, school_id::text, category, description, amount_cents, incurred_on FROM grant_expenses WHERE application_id = ANY($1::uuid[]) ORDER BY id",
      [applicationIds],
    )
  ).map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    schoolId: r.school_id,
    category: r.category,
    description: r.description,
    amountCents: r.amount_cents,
    incurredOn: r.incurred_on,
  }));
}

export async function insertAllocation(
  q: Queryable,
  a: Omit<AllocationRow, "id" | "runNo" | "at">,
  actorId: string | null,
  at: string,
): Promise<AllocationRow> {
  const runNo =
    (
      await q.query<{ n: number }>(
        "SELECT coalesce(max(run_no), 0)::int AS n FROM grant_allocations WHERE round_id = $1",
        [a.roundId],
      )
    )[0]!.n + 1;
  const r = await q.query(
    `INSERT INTO grant_allocations (round_id, run_no, reason, run_on, budget_cents, requested_cents, awarded_cents, fully_funded, lines, summary, actor_id, at)
    VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
    [
      a.roundId,
      runNo,
      a.reason,
      a.runOn,
      a.budgetCents,
      a.requestedCents,
      a.awardedCents,
      a.fullyFunded,
      JSON.stringify(a.lines),
      JSON.stringify(a.summary),
      actorId,
      at,
    ],
  );
  return { ...a, id: r[0]!.id, runNo, at };
}
export async function latestAllocation(q: Queryable, roundId: string): Promise<AllocationRow | undefined> {
  const r = (
    await q.query(
      `SELECT id, round_id::text, run_no, reason, run_on, budget_cents, requested_cents, awarded_cents, fully_funded, lines, summary, at
    FROM grant_allocations WHERE round_id = $1 ORDER BY run_no DESC LIMIT 1`,
      [roundId],
    )
  )[0];
  return r
    ? {
        id: r.id,
        roundId: r.round_id,
        runNo: r.run_no,
        reason: r.reason,
        runOn: r.run_on,
        budgetCents: r.budget_cents,
        requestedCents: r.requested_cents,
        awardedCents: r.awarded_cents,
        fullyFunded: r.fully_funded,
        lines: r.lines,
        summary: r.summary,
        at: r.at,
      }
    : undefined;
}
export async function allocationRuns(
  q: Queryable,
  roundId: string,
): Promise<{ runNo: number; reason: string; runOn: PlainDate; awardedCents: number }[]> {
  return (
    await q.query(
      "SELECT run_no, reason, run_on, awarded_cents FROM grant_allocations WHERE round_id = $1 ORDER BY run_no",
      [roundId],
    )
  ).map((r) => ({ runNo: r.run_no, reason: r.reason, runOn: r.run_on, awardedCents: r.awarded_cents }));
}

export async function insertPayment(
  q: Queryable,
  p: {
    applicationId: string;
    kind: string;
    amountCents: number;
    on: PlainDate;
    reference?: string | undefined;
    actorId: string | null;
    at: string;
  },
): Promise<void> {
  await q.query(
    "INSERT INTO grant_payments (application_id, kind, amount_cents, on_date, reference, actor_id, at) VALUES ($1,$2,$3,$4,$5,$6,$7)",
    [p.applicationId, p.kind, p.amountCents, p.on, p.reference ?? null, p.actorId, p.at],
  );
}
export async function listPayments(
  q: Queryable,
  applicationId: string,
): Promise<{ kind: "claim" | "payment"; amountCents: number; on: PlainDate; reference: string | null }[]> {
  return (
    await q.query(
      "SELECT kind, amount_cents, on_date, reference FROM grant_payments WHERE application_id = $1 ORDER BY id",
      [applicationId],
    )
  ).map((r) => ({ kind: r.kind, amountCents: r.amount_cents, on: r.on_date, reference: r.reference }));
}

// ---------------------------------------------------------------- plans, drills, committees, behaviour reports

export interface Plan {
  id: string;
  schoolId: string;
  schoolYear: string;
  version: number;
  submittedOn: PlainDate;
  summary: string | null;
  documentId: string | null;
}
export interface Drill {
  id: string;
  schoolId: string;
  schoolYear: string;
  kind: "fire" | "crisis-response";
  drilledOn: PlainDate;
  reportedOn: PlainDate;
  evaluatedByPolice: boolean;
  evaluatedByFire: boolean;
  evaluation: string | null;
}
export interface CommitteeMember {
  id: string;
  schoolId: string;
  name: string;
  role: string;
  joinedOn: PlainDate;
  leftOn: PlainDate | null;
}
export interface BehaviorReport {
  id: string;
  schoolId: string;
  reportedOn: PlainDate;
  summary: string;
}

export async function insertPlan(
  q: Queryable,
  schoolId: string,
  p: { schoolYear: string; submittedOn: PlainDate; summary?: string | undefined; documentId?: string | undefined },
  by: string | null,
  at: string,
): Promise<Plan> {
  const v =
    (
      await q.query<{ n: number }>(
        "SELECT coalesce(max(version), 0)::int AS n FROM school_safety_plans WHERE school_id = $1 AND school_year = $2",
        [schoolId, p.schoolYear],
      )
    )[0]!.n + 1;
  const r = (
    await q.query(
      `INSERT INTO school_safety_plans (school_id, school_year, version, submitted_on, summary, document_id, submitted_by, submitted_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
    RETURNING id::text`,
      [schoolId, p.schoolYear, v, p.submittedOn, p.summary ?? null, p.documentId ?? null, by, at],
    )
  )[0]!;
  return {
    id: r.id,
    schoolId,
    schoolYear: p.schoolYear,
    version: v,
    submittedOn: p.submittedOn,
    summary: p.summary ?? null,
    documentId: p.documentId ?? null,
  };
}
export async function listPlans(q: Queryable, schoolIds: string[]): Promise<Plan[]> {
  if (!schoolIds.length) return [];
  return (
    await q.query(
      "SELECT id::text, school_id::text, school_year, version, submitted_on, summary, document_id::text FROM school_safety_plans WHERE school_id = ANY($1::uuid[]) ORDER BY school_year, version",
      [schoolIds],
    )
  ).map((r) => ({
    id: r.id,
    schoolId: r.school_id,
    schoolYear: r.school_year,
    version: r.version,
    submittedOn: r.submitted_on,
    summary: r.summary,
    documentId: r.document_id,
  }));
}
export async function insertDrill(
  q: Queryable,
  schoolId: string,
  d: Omit<Drill, "id" | "schoolId" | "evaluation"> & { evaluation?: string | undefined },
  by: string | null,
  at: string,
): Promise<string> {
  return (
    await q.query(
      `INSERT INTO school_drill_reports (school_id, school_year, kind, drilled_on, reported_on, evaluated_by_police, evaluated_by_fire, evaluation, reported_by, reported_at)
    VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id::text`,
      [
        schoolId,
        d.schoolYear,
        d.kind,
        d.drilledOn,
        d.reportedOn,
        d.evaluatedByPolice,
        d.evaluatedByFire,
        d.evaluation ?? null,
        by,
        at,
      ],
    )
  )[0]!.id;
}
export async function listDrills(q: Queryable, schoolIds: string[]): Promise<Drill[]> {
  if (!schoolIds.length) return [];
  return (
    await q.query(
      "SELECT id::text, school_id::text, school_year, kind, drilled_on, reported_on, evaluated_by_police, evaluated_by_fire, evaluation FROM school_drill_reports WHERE school_id = ANY($1::uuid[]) ORDER BY school_year, drilled_on",
      [schoolIds],
    )
  ).map((r) => ({
    id: r.id,
    schoolId: r.school_id,
    schoolYear: r.school_year,
    kind: r.kind,
    drilledOn: r.drilled_on,
    reportedOn: r.reported_on,
    evaluatedByPolice: r.evaluated_by_police,
    evaluatedByFire: r.evaluated_by_fire,
    evaluation: r.evaluation,
  }));
}
export async function latestAssessments(q: Queryable, schoolIds: string[]): Promise<Map<string, PlainDate>> {
  if (!schoolIds.length) return new Map();
  const r = await q.query(
    "SELECT school_id::text, max(assessed_on) AS last FROM school_assessments WHERE school_id = ANY($1::uuid[]) GROUP BY school_id",
    [schoolIds],
  );
  return new Map(r.map((x) => [x.school_id, x.last]));
}
export async function insertCommitteeMember(
  q: Queryable,
  schoolId: string,
  m: { name: string; role: string; joinedOn: PlainDate },
): Promise<string> {
  return (
    await q.query(
      "INSERT INTO school_committee_members (school_id, name, committee_role, joined_on) VALUES ($1,$2,$3,$4) RETURNING id::text",
      [schoolId, m.name, m.role, m.joinedOn],
    )
  )[0]!.id;
}
export async function findCommitteeMember(q: Queryable, id: string): Promise<CommitteeMember | undefined> {
  const r = (
    await q.query(
      "SELECT id::text, school_id::text, name, committee_role, joined_on, left_on FROM school_committee_members WHERE id = $1",
      [id],
    )
  )[0];
  return r
    ? {
        id: r.id,
        schoolId: r.school_id,
        name: r.name,
        role: r.committee_role,
        joinedOn: r.joined_on,
        leftOn: r.left_on,
      }
    : undefined;
}
export async function endCommitteeMember(q: Queryable, id: string, leftOn: PlainDate): Promise<void> {
  await q.query("UPDATE school_committee_members SET left_on = $2 WHERE id = $1", [id, leftOn]);
}
/** Members serving on `on` (joined on or before, not yet left). */
export async function listCommittee(q: Queryable, schoolIds: string[], on: PlainDate): Promise<CommitteeMember[]> {
  if (!schoolIds.length) return [];
  return (
    await q.query(
      `SELECT id::text, school_id::text, name, committee_role, joined_on, left_on FROM school_committee_members
    WHERE school_id = ANY($1::uuid[]) AND joined_on <= $2 AND (left_on IS NULL OR left_on > $2) ORDER BY name`,
      [schoolIds, on],
    )
  ).map((r) => ({
    id: r.id,
    schoolId: r.school_id,
    name: r.name,
    role: r.committee_role,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
  }));
}
export async function insertBehaviorReport(
  q: Queryable,
  schoolId: string,
  b: { reportedOn: PlainDate; summary: string },
  by: string | null,
  at: string,
): Promise<string> {
  return (
    await q.query(
      "INSERT INTO school_behavior_reports (school_id, reported_on, summary, reported_by, reported_at) VALUES ($1,$2,$3,$4,$5) RETURNING id::text",
      [schoolId, b.reportedOn, b.summary, by, at],
    )
  )[0]!.id;
}
export async function listBehaviorReports(q: Queryable, schoolId: string): Promise<BehaviorReport[]> {
  return (
    await q.query(
      "SELECT id::text, school_id::text, reported_on, summary FROM school_behavior_reports WHERE school_id = $1 ORDER BY reported_on DESC, reported_at DESC",
      [schoolId],
    )
  ).map((r) => ({ id: r.id, schoolId: r.school_id, reportedOn: r.reported_on, summary: r.summary }));
}
export async function countBehaviorReports(q: Queryable, schoolId: string): Promise<number> {
  return (
    await q.query<{ n: number }>("SELECT count(*)::int AS n FROM school_behavior_reports WHERE school_id = $1", [
      schoolId,
    ])
  )[0]!.n;
}

// ---------------------------------------------------------------- mental health first aid (§ 90)

export interface Coordinator {
  id: string;
  districtId: string;
  districtName: string;
  name: string;
  email: string | null;
  years: { schoolYear: string; appointedOn: PlainDate }[];
  completedOn: PlainDate | null;
  provider: string | null;
}
export async function insertCoordinator(
  q: Queryable,
  districtId: string,
  name: string,
  email: string | null,
): Promise<string> {
  return (
    await q.query("INSERT INTO mhfa_coordinators (district_id, name, email) VALUES ($1,$2,$3) RETURNING id::text", [
      districtId,
      name,
      email,
    ])
  )[0]!.id;
}
export async function insertAppointment(
  q: Queryable,
  coordinatorId: string,
  schoolYear: string,
  appointedOn: PlainDate,
): Promise<boolean> {
  return (
    (
      await q.query(
        "INSERT INTO mhfa_appointments (coordinator_id, school_year, appointed_on) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING RETURNING 1",
        [coordinatorId, schoolYear, appointedOn],
      )
    ).length > 0
  );
}
export async function insertCompletion(
  q: Queryable,
  coordinatorId: string,
  completedOn: PlainDate,
  provider: string,
  by: string | null,
  at: string,
): Promise<boolean> {
  return (
    (
      await q.query(
        "INSERT INTO mhfa_completions (coordinator_id, completed_on, provider, recorded_by, recorded_at) VALUES ($1,$2,$3,$4,$5) ON CONFLICT DO NOTHING RETURNING 1",
        [coordinatorId, completedOn, provider, by, at],
      )
    ).length > 0
  );
}
export async function listCoordinators(q: Queryable, f: { districtId?: string; id?: string }): Promise<Coordinator[]> {
  return (
    await q.query(
      `SELECT c.id::text, c.district_id::text, d.name AS district_name, c.name, c.email, m.completed_on, m.provider,
      coalesce((SELECT json_agg(json_build_object('schoolYear', a.school_year, 'appointedOn', a.appointed_on) ORDER BY a.school_year) FROM mhfa_appointments a WHERE a.coordinator_id = c.id), '[]') AS years
    FROM mhfa_coordinators c JOIN school_districts d ON d.id = c.district_id LEFT JOIN mhfa_completions m ON m.coordinator_id = c.id
    WHERE ($1::uuid IS NULL OR c.district_id = $1) AND ($2::uuid IS NULL OR c.id = $2) ORDER BY d.name, c.name`,
      [f.districtId ?? null, f.id ?? null],
    )
  ).map((r) => ({
    id: r.id,
    districtId: r.district_id,
    districtName: r.district_name,
    name: r.name,
    email: r.email,
    years: (typeof r.years === "string" ? JSON.parse(r.years) : r.years).map(
      (y: { schoolYear: string; appointedOn: string }) => ({
        schoolYear: y.schoolYear,
        appointedOn: y.appointedOn.slice(0, 10),
      }),
    ),
    completedOn: r.completed_on,
    provider: r.provider,
  }));
}

// ---------------------------------------------------------------- consultants (§ 91)

export interface Consultant {
  id: string;
  name: string;
  employer: string;
  town: string;
  services: string;
  email: string;
  phone: string | null;
  registeredOn: PlainDate;
  lastConfirmedOn: PlainDate;
  status: "pending" | "active" | "withdrawn";
}
const CONSULTANT_COLS =
  "id::text, name, employer, town, services, email, phone, registered_on, last_confirmed_on, status";
const consultantOf = (r: Row): Consultant => ({
  id: r.id,
  name: r.name,
  employer: r.employer,
  town: r.town,
  services: r.services,
  email: r.email,
  phone: r.phone,
  registeredOn: r.registered_on,
  lastConfirmedOn: r.last_confirmed_on,
  status: r.status,
});
export async function insertConsultant(
  q: Queryable,
  c: { name: string; employer: string; town: string; services: string; email: string; phone?: string | undefined },
  status: string,
  on: PlainDate,
): Promise<Consultant> {
  return consultantOf(
    (
      await q.query(
        `INSERT INTO security_consultants (name, employer, town, services, email, phone, registered_on, last_confirmed_on, status) VALUES ($1,$2,$3,$4,$5,$6,$7,$7,$8) RETURNING ${CONSULTANT_COLS}`,
        [c.name, c.employer, c.town, c.services, c.email, c.phone ?? null, on, status],
      )
    )[0]!,
  );
}
export async function updateConsultant(
  q: Queryable,
  id: string,
  set: { status?: string; lastConfirmedOn?: PlainDate; registeredOn?: PlainDate },
): Promise<Consultant | undefined> {
  const r = (
    await q.query(
      `UPDATE security_consultants SET status = coalesce($2, status), registered_on = coalesce($4, registered_on), last_confirmed_on = coalesce($3, last_confirmed_on) WHERE id = $1 RETURNING ${CONSULTANT_COLS}`,
      [id, set.status ?? null, set.lastConfirmedOn ?? null, set.registeredOn ?? null],
    )
  )[0];
  return r ? consultantOf(r) : undefined;
}
export async function listConsultants(q: Queryable, f: { status?: string; id?: string } = {}): Promise<Consultant[]> {
  return (
    await q.query(
      `SELECT ${CONSULTANT_COLS} FROM security_consultants WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR id = $2) ORDER BY name, employer`,
      [f.status ?? null, f.id ?? null],
    )
  ).map(consultantOf);
}
export async function insertConsultantAction(
  q: Queryable,
  consultantId: string,
  action: string,
  actorId: string | null,
  on: PlainDate,
  at: string,
  details: unknown = {},
): Promise<void> {
  await q.query(
    "INSERT INTO security_consultant_actions (consultant_id, action, actor_id, on_date, details, at) VALUES ($1,$2,$3,$4,$5,$6)",
    [consultantId, action, actorId, on, JSON.stringify(details), at],
  );
}

// ---------------------------------------------------------------- campuses (§ 92)

export interface ProtocolPlan {
  id: string;
  campusId: string;
  kind: "initial" | "revision";
  cycleYear: number | null;
  submittedOn: PlainDate;
  reviewedWithPoliceChief: boolean;
  chiefName: string | null;
  summary: string | null;
  documentId: string | null;
}
export interface TeamMember {
  id: string;
  campusId: string;
  name: string;
  seat: string;
  trained: boolean;
  joinedOn: PlainDate;
  leftOn: PlainDate | null;
}
export async function insertProtocolPlan(
  q: Queryable,
  campusId: string,
  p: Omit<ProtocolPlan, "id" | "campusId">,
  by: string | null,
  at: string,
): Promise<string> {
  return (
    await q.query(
      `INSERT INTO campus_protocol_plans (campus_id, kind, cycle_year, submitted_on, reviewed_with_police_chief, chief_name, summary, document_id, submitted_by, submitted_at)
    VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id::text`,
      [
        campusId,
        p.kind,
        p.cycleYear,
        p.submittedOn,
        p.reviewedWithPoliceChief,
        p.chiefName,
        p.summary,
        p.documentId,
        by,
        at,
      ],
    )
  )[0]!.id;
}
export async function listProtocolPlans(q: Queryable, campusIds: string[]): Promise<ProtocolPlan[]> {
  if (!campusIds.length) return [];
  return (
    await q.query(
      "SELECT id::text, campus_id::text, kind, cycle_year, submitted_on, reviewed_with_police_chief, chief_name, summary, document_id::text FROM campus_protocol_plans WHERE campus_id = ANY($1::uuid[]) ORDER BY submitted_on",
      [campusIds],
    )
  ).map((r) => ({
    id: r.id,
    campusId: r.campus_id,
    kind: r.kind,
    cycleYear: r.cycle_year,
    submittedOn: r.submitted_on,
    reviewedWithPoliceChief: r.reviewed_with_police_chief,
    chiefName: r.chief_name,
    summary: r.summary,
    documentId: r.document_id,
  }));
}
export async function insertTeamMember(
  q: Queryable,
  campusId: string,
  m: { name: string; seat: string; trained: boolean; joinedOn: PlainDate },
): Promise<string> {
  return (
    await q.query(
      "INSERT INTO campus_threat_team_members (campus_id, name, seat, trained, joined_on) VALUES ($1,$2,$3,$4,$5) RETURNING id::text",
      [campusId, m.name, m.seat, m.trained, m.joinedOn],
    )
  )[0]!.id;
}
export async function findTeamMember(q: Queryable, id: string): Promise<TeamMember | undefined> {
  const r = (
    await q.query(
      "SELECT id::text, campus_id::text, name, seat, trained, joined_on, left_on FROM campus_threat_team_members WHERE id = $1",
      [id],
    )
  )[0];
  return r
    ? {
        id: r.id,
        campusId: r.campus_id,
        name: r.name,
        seat: r.seat,
        trained: r.trained,
        joinedOn: r.joined_on,
        leftOn: r.left_on,
      }
    : undefined;
}
export async function endTeamMember(q: Queryable, id: string, leftOn: PlainDate): Promise<void> {
  await q.query("UPDATE campus_threat_team_members SET left_on = $2 WHERE id = $1", [id, leftOn]);
}
export async function listTeam(q: Queryable, campusIds: string[], on: PlainDate): Promise<TeamMember[]> {
  if (!campusIds.length) return [];
  return (
    await q.query(
      `SELECT id::text, campus_id::text, name, seat, trained, joined_on, left_on FROM campus_threat_team_members
    WHERE campus_id = ANY($1::uuid[]) AND joined_on <= $2 AND (left_on IS NULL OR left_on > $2) ORDER BY name`,
      [campusIds, on],
    )
  ).map((r) => ({
    id: r.id,
    campusId: r.campus_id,
    name: r.name,
    seat: r.seat,
    trained: r.trained,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
  }));
}

// ---------------------------------------------------------------- notices

/** One notice into the outbox (the notices module will take these over); a repeated key adds nothing. */
export async function queueNotice(
  q: Queryable,
  n: { recipient: string; template: string; subject: string; body: string; dedupeKey: string },
): Promise<boolean> {
  return (
    (
      await q.query(
        "INSERT INTO outbox (channel, person_id, recipient, template, subject, body, dedupe_key) VALUES ('email', NULL, $1, $2, $3, $4, $5) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
        [n.recipient, n.template, n.subject, n.body, n.dedupeKey],
      )
    ).length > 0
  );
}
