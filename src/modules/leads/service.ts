/**
 * Leads: running the detectors (after each sale, for one buyer; and as a
 * sweep over everyone with recent activity), keeping each lead once per
 * (person, detector, window), and the investigator's actions on a lead:
 * dismiss with a reason, or open a case (or add it to an open case).
 *
 * A lead's status is the result of its latest appended action (lead_actions);
 * which action may follow which status is the NEXT table. Only licensing staff
 * and law enforcement see leads; every read gives a purpose that is audited.
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { type PlainDate, addDays } from "../../law/core/dates.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { appendAudit } from "../audit/index.ts";
import { type User } from "../auth/index.ts";
import { roundsByBuyer } from "../ammunition/index.ts";
import {
  AFTER_AMMUNITION_SALE,
  AFTER_FIREARM_SALE,
  type Baseline,
  DETECTORS,
  type DetectorEnv,
  type DetectorId,
  LEAD_SETTINGS,
  type LeadCandidate,
} from "./detectors.ts";
import { firearmSalesAvailable } from "./firearm-sales.ts";
import { leadPolicy } from "./policy.ts";
import { mean, percentile, sd } from "./stats.ts";

export type LeadStatus = "open" | "dismissed" | "case-opened";
export type LeadAction = "dismiss" | "open-case";

/** Which actions each status allows. */
export const NEXT: Record<LeadStatus, readonly LeadAction[]> = {
  open: ["dismiss", "open-case"],
  dismissed: [],
  "case-opened": [],
};

export interface Lead {
  id: string;
  number: string;
  person: { id: string; firstName: string; lastName: string; birthDate: PlainDate };
  detector: DetectorId;
  windowStart: PlainDate;
  windowEnd: PlainDate;
  reason: string;
  evidence: Record<string, unknown>;
  status: LeadStatus;
  raisedOn: PlainDate;
  raisedBy: "sale" | "sweep";
  caseId: string | null;
  caseNumber: string | null;
}

const LEAD_SELECT = `SELECT l.id::text, l.number, l.person_id::text, p.first_name, p.last_name, p.birth_date, l.detector, l.window_start, l.window_end, l.reason,
    l.evidence, l.status, l.raised_on, l.raised_by, l.case_id::text, c.number AS case_number
  FROM leads l JOIN people p ON p.id = l.person_id LEFT JOIN cases c ON c.id = l.case_id`;
const toLead = (r: Record<string, any>): Lead => ({
  id: r.id,
  number: r.number,
  person: { id: r.person_id, firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date },
  detector: r.detector,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  reason: r.reason,
  evidence: r.evidence,
  status: r.status,
  raisedOn: r.raised_on,
  raisedBy: r.raised_by,
  caseId: r.case_id,
  caseNumber: r.case_number,
});

function requireInvestigator(ctx: Ctx): User {
  const u = ctx.user;
  if (!u) throw new AppError("unauthenticated", "sign in first");
  if (!leadPolicy.work(u)) throw forbidden("only investigators (law enforcement, licensing staff) see leads");
  return u;
}

// ---------------------------------------------------------------- raising leads

/**
 * Keeps a candidate as a lead unless one of the same detector for the same
 * person already covers an overlapping window (open, dismissed or in a case):
 * a dismissed lead is not raised again for the same burst of activity.
 */
async function raise(
  ctx: Ctx,
  q: Queryable,
  c: LeadCandidate,
  raisedBy: "sale" | "sweep",
  on: PlainDate,
): Promise<string | null> {
  const seen = await q.query(
    "SELECT 1 FROM leads WHERE person_id = $1 AND detector = $2 AND window_start <= $4 AND window_end >= $3 LIMIT 1",
    [c.personId, c.detector, c.windowStart, c.windowEnd],
  );
  if (seen.length) return null;
  const n = await q.query<{ n: number }>("SELECT nextval('lead_number_seq') AS n");
  const r = await q.query<{ id: string }>(
    `INSERT INTO leads (number, person_id, detector, window_start, window_end, reason, evidence, status, raised_on, raised_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,'open',$8,$9) ON CONFLICT (person_id, detector, window_start) DO NOTHING RETURNING id::text`,
    [
      `L-${n[0]!.n}`,
      c.personId,
      c.detector,
      c.windowStart,
      c.windowEnd,
      c.reason.slice(0, 2000),
      JSON.stringify(c.evidence),
      on,
      raisedBy,
    ],
  );
  const id = r[0]?.id;
  if (!id) return null;
  // Leads are raised by the system, not by whoever's request ran the detectors (a seller's clerk, after a sale).
  await q.query(
    "INSERT INTO lead_actions (lead_id, action, from_status, to_status, actor_id, note, at) VALUES ($1,'raise',NULL,'open',NULL,$2,$3)",
    [id, `raised by the ${raisedBy === "sale" ? "check after a sale" : "sweep"}`, ctx.clock.now().toISOString()],
  );
  // The audit entry names the lead and its detector, not the person: the auditor can follow the id.
  await appendAudit(
    q,
    { ...ctx, user: null },
    { action: "lead.raise", entityType: "lead", entityId: id, details: { detector: c.detector, raisedBy } },
  );
  return id;
}

/** The latest population baseline computed on or before `on`, if recent enough to use. */
export async function latestBaseline(q: Queryable, on: PlainDate): Promise<Baseline | null> {
  const r = await q.query(
    "SELECT computed_on, population, mean, sd, p99 FROM lead_baselines WHERE metric = 'rounds-30-days' AND computed_on <= $1 AND computed_on >= $2 ORDER BY computed_on DESC LIMIT 1",
    [on, addDays(on, -LEAD_SETTINGS.volume.baselineMaxAgeDays)],
  );
  return r[0]
    ? { computedOn: r[0].computed_on, population: r[0].population, mean: r[0].mean, sd: r[0].sd, p99: r[0].p99 }
    : null;
}

/** Computes the population's 30-day rounds per buyer ending on `on`, and keeps it for the checks after each sale. */
export async function computeBaseline(q: Queryable, on: PlainDate): Promise<Baseline> {
  const totals = (await roundsByBuyer(q, addDays(on, -(LEAD_SETTINGS.volume.windowDays - 1)), on)).map((b) => b.rounds);
  const b: Baseline = {
    computedOn: on,
    population: totals.length,
    mean: mean(totals),
    sd: sd(totals),
    p99: percentile(totals, LEAD_SETTINGS.volume.percentile),
  };
  await q.query(
    `INSERT INTO lead_baselines (metric, computed_on, population, mean, sd, p99) VALUES ('rounds-30-days',$1,$2,$3,$4,$5)
     ON CONFLICT (metric, computed_on) DO UPDATE SET population = EXCLUDED.population, mean = EXCLUDED.mean, sd = EXCLUDED.sd, p99 = EXCLUDED.p99, computed_at = now()`,
    [on, b.population, b.mean, b.sd, b.p99],
  );
  return b;
}

/** Runs the named detectors for one person on one day, inside the caller's transaction. Returns the ids of new leads. */
export async function detectForPerson(
  ctx: Ctx,
  q: Queryable,
  opts: {
    personId: string;
    on: PlainDate;
    detectors: readonly DetectorId[];
    raisedBy: "sale" | "sweep";
    env?: DetectorEnv;
  },
): Promise<string[]> {
  // After a sale the schema is known to be whole (migration 005 ships with this code); only the
  // sweep asks the catalogue, once per run, so a sale does not pay for it.
  const firearms =
    opts.raisedBy === "sale" ||
    (opts.detectors.some((d) => DETECTORS.find((x) => x.id === d)?.reads === "firearm-sales")
      ? await firearmSalesAvailable(q)
      : false);
  const active = DETECTORS.filter((d) => opts.detectors.includes(d.id) && !(d.reads === "firearm-sales" && !firearms));
  // The detectors read independently of one another: asked together, their reads travel back to
  // back on the transaction's connection instead of one round trip each. Only a detector that
  // compares with the population waits for the baseline (none does after a firearm sale).
  const baseline = opts.env
    ? Promise.resolve(opts.env)
    : active.some((d) => d.usesBaseline)
      ? latestBaseline(q, opts.on).then((b) => ({ baseline: b }))
      : Promise.resolve({ baseline: null });
  const found = await Promise.all(
    active.map(async (d) =>
      d.examine(q, opts.personId, opts.on, d.usesBaseline ? await baseline : (opts.env ?? { baseline: null })),
    ),
  );
  const raised: string[] = [];
  for (const candidates of found)
    for (const c of candidates) {
      const id = await raise(ctx, q, c, opts.raisedBy, opts.on);
      if (id) raised.push(id);
    }
  return raised;
}

/**
 * The targeted run after an ammunition sale: the buyer's own records only
 * (volume against their history and the latest population baseline, sellers
 * in the last days, events near the purchase). Runs in the sale's transaction,
 * so a lead exists exactly when its sale does. Its result is never shown to the seller.
 */
export async function detectAfterSale(
  ctx: Ctx,
  q: Queryable,
  opts: { personId: string; saleId: string; on: PlainDate },
): Promise<string[]> {
  return detectForPerson(ctx, q, {
    personId: opts.personId,
    on: opts.on,
    detectors: AFTER_AMMUNITION_SALE,
    raisedBy: "sale",
  });
}

/** The targeted run after a firearm sale or attempt (for the sales module to call in its transaction). */
export async function detectAfterFirearmSale(
  ctx: Ctx,
  q: Queryable,
  opts: { personId: string; on: PlainDate },
): Promise<string[]> {
  return detectForPerson(ctx, q, {
    personId: opts.personId,
    on: opts.on,
    detectors: AFTER_FIREARM_SALE,
    raisedBy: "sale",
  });
}

/** The first day the sweep looks at: the Act's ammunition rules took effect on passage. */
export const SWEEP_FROM = "2013-04-04" as PlainDate;

export interface SweepResult {
  on: PlainDate;
  baseline: Baseline;
  examined: Partial<Record<DetectorId, number>>;
  raised: Partial<Record<DetectorId, number>>;
  /** Detectors that could not run, with why (the firearm sales table is missing). */
  unavailable: { detector: DetectorId; why: string }[];
}

/**
 * The sweep: computes the population baseline, then runs every detector over
 * the people its cheap candidate query names. Safe to run any number of times
 * (leads are de-duplicated). Exported for the daily jobs and the CLI; a person
 * may also start it through `POST /api/v1/leads/sweep`. Answers counts only.
 */
export async function runLeadSweep(ctx: Ctx, opts: { on?: PlainDate | undefined } = {}): Promise<SweepResult> {
  if (ctx.user && !leadPolicy.sweep(ctx.user)) throw forbidden();
  const on = opts.on ?? ctx.today;
  if (on > ctx.today) throw badField("on", "cannot be in the future");
  if (on < SWEEP_FROM)
    throw badField("on", `sales are recorded from ${SWEEP_FROM} (PA 13-3 §§ 14-17); there is nothing to sweep before`);
  return ctx.db.tx(async (q) => {
    const baseline = await computeBaseline(q, on);
    const env: DetectorEnv = { baseline };
    const firearms = await firearmSalesAvailable(q);
    const result: SweepResult = { on, baseline, examined: {}, raised: {}, unavailable: [] };
    for (const d of DETECTORS) {
      if (d.reads === "firearm-sales" && !firearms) {
        result.unavailable.push({
          detector: d.id,
          why: "the firearm sales table (migration 005_sales.sql) is missing or lacks a column the detector reads",
        });
        continue;
      }
      const people = await d.candidates(q, on, env);
      let raised = 0;
      for (const personId of people) {
        for (const c of await d.examine(q, personId, on, env)) if (await raise(ctx, q, c, "sweep", on)) raised += 1;
      }
      result.examined[d.id] = people.length;
      result.raised[d.id] = raised;
    }
    await appendAudit(q, ctx, {
      action: "leads.sweep",
      details: {
        on,
        examined: result.examined,
        raised: result.raised,
        unavailable: result.unavailable.map((u) => u.detector),
      },
    });
    return result;
  });
}

// ---------------------------------------------------------------- investigators

const requirePurpose = (purpose: string | undefined): string => {
  if (!purpose) throw badField("query.purpose", "say why you need these records (it is audited)");
  return purpose;
};

export interface LeadQuery {
  status?: LeadStatus | undefined;
  detector?: DetectorId | undefined;
  personId?: string | undefined;
  limit: number;
  offset: number;
  purpose?: string | undefined;
}

export async function listLeads(ctx: Ctx, query: LeadQuery): Promise<{ total: number; items: Lead[] }> {
  requireInvestigator(ctx);
  const purpose = requirePurpose(query.purpose);
  const where =
    "WHERE ($1::text IS NULL OR l.status = $1) AND ($2::text IS NULL OR l.detector = $2) AND ($3::uuid IS NULL OR l.person_id = $3)";
  const params = [query.status ?? null, query.detector ?? null, query.personId ?? null];
  const total = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM leads l ${where}`, params);
  const rows = await ctx.db.query(
    `${LEAD_SELECT} ${where} ORDER BY l.raised_on DESC, l.number DESC LIMIT $4 OFFSET $5`,
    [...params, query.limit, query.offset],
  );
  const items = rows.map(toLead);
  await appendAudit(ctx.db, ctx, {
    action: "leads.read",
    entityType: "leads",
    purpose,
    details: { status: query.status ?? null, detector: query.detector ?? null, shown: items.map((l) => l.id) },
  });
  return { total: total[0]?.n ?? 0, items };
}

async function findLead(q: Queryable, id: string, forUpdate = false): Promise<Lead | undefined> {
  // FOR UPDATE cannot lock the nullable side of an outer join: lock the lead row first.
  if (forUpdate) await q.query("SELECT 1 FROM leads WHERE id = $1 FOR UPDATE", [id]);
  const r = await q.query(`${LEAD_SELECT} WHERE l.id = $1`, [id]);
  return r[0] ? toLead(r[0]) : undefined;
}

export async function leadHistory(
  q: Queryable,
  id: string,
): Promise<
  {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    note: string | null;
    caseId: string | null;
    actor: string | null;
    at: string;
  }[]
> {
  const r = await q.query(
    `SELECT a.action, a.from_status, a.to_status, a.note, a.case_id::text, u.display_name, a.at FROM lead_actions a LEFT JOIN users u ON u.id = a.actor_id WHERE a.lead_id = $1 ORDER BY a.id`,
    [id],
  );
  return r.map((x) => ({
    action: x.action,
    fromStatus: x.from_status,
    toStatus: x.to_status,
    note: x.note,
    caseId: x.case_id,
    actor: x.display_name,
    at: x.at,
  }));
}

export async function getLead(
  ctx: Ctx,
  id: string,
  purpose: string | undefined,
): Promise<{ lead: Lead; history: Awaited<ReturnType<typeof leadHistory>> }> {
  requireInvestigator(ctx);
  const p = requirePurpose(purpose);
  const lead = await findLead(ctx.db, id);
  if (!lead) throw notFound("lead");
  await appendAudit(ctx.db, ctx, { action: "lead.read", entityType: "lead", entityId: lead.id, purpose: p });
  return { lead, history: await leadHistory(ctx.db, lead.id) };
}

function assertNext(lead: Lead, action: LeadAction): void {
  if (!NEXT[lead.status].includes(action))
    throw new AppError(
      "conflict",
      `a lead that is ${lead.status} cannot be ${action === "dismiss" ? "dismissed" : "made into a case"}`,
    );
}

/** Dismisses an open lead with a written reason. */
export async function dismissLead(ctx: Ctx, id: string, reason: string): Promise<Lead> {
  const user = requireInvestigator(ctx);
  if (reason.trim().length < 5) throw badField("reason", "say why the lead is dismissed (at least 5 characters)");
  return ctx.db.tx(async (q) => {
    const lead = await findLead(q, id, true);
    if (!lead) throw notFound("lead");
    assertNext(lead, "dismiss");
    await q.query("UPDATE leads SET status = 'dismissed' WHERE id = $1", [lead.id]);
    await q.query(
      "INSERT INTO lead_actions (lead_id, action, from_status, to_status, actor_id, note, at) VALUES ($1,'dismiss',$2,'dismissed',$3,$4,$5)",
      [lead.id, lead.status, user.id, reason, ctx.clock.now().toISOString()],
    );
    await appendAudit(q, ctx, { action: "lead.dismiss", entityType: "lead", entityId: lead.id });
    return (await findLead(q, lead.id))!;
  });
}

export interface Case {
  id: string;
  number: string;
  personId: string;
  title: string;
  status: "open" | "closed";
  openedOn: PlainDate;
  closedOn: PlainDate | null;
}

const CASE_COLS = "id::text, number, person_id::text, title, status, opened_on, closed_on";
const toCase = (r: Record<string, any>): Case => ({
  id: r.id,
  number: r.number,
  personId: r.person_id,
  title: r.title,
  status: r.status,
  openedOn: r.opened_on,
  closedOn: r.closed_on,
});

const DETECTOR_TITLES = Object.fromEntries(DETECTORS.map((d) => [d.id, d.title])) as Record<DetectorId, string>;

/**
 * Opens a case from an open lead, or adds the lead to an open case about the
 * same person (`caseId`). The case and the lead change by appended actions.
 */
export async function openCaseFromLead(
  ctx: Ctx,
  id: string,
  input: { title?: string | undefined; note?: string | undefined; caseId?: string | undefined },
): Promise<{ lead: Lead; case: Case }> {
  const user = requireInvestigator(ctx);
  return ctx.db.tx(async (q) => {
    const lead = await findLead(q, id, true);
    if (!lead) throw notFound("lead");
    assertNext(lead, "open-case");
    let c: Case;
    if (input.caseId) {
      const r = await q.query(`SELECT ${CASE_COLS} FROM cases WHERE id = $1 FOR UPDATE`, [input.caseId]);
      if (!r[0]) throw badField("caseId", "no such case");
      c = toCase(r[0]);
      if (c.personId !== lead.person.id) throw badField("caseId", "that case is about another person");
      if (c.status !== "open")
        throw new AppError("conflict", `case ${c.number} is closed`, {
          fields: [{ field: "caseId", message: "the case is closed" }],
        });
    } else {
      const n = await q.query<{ n: number }>("SELECT nextval('case_number_seq') AS n");
      const title = input.title ?? `${DETECTOR_TITLES[lead.detector]} (lead ${lead.number})`;
      const r = await q.query(
        `INSERT INTO cases (number, person_id, title, status, opened_on, opened_by) VALUES ($1,$2,$3,'open',$4,$5) RETURNING ${CASE_COLS}`,
        [`C-${n[0]!.n}`, lead.person.id, title, ctx.today, user.id],
      );
      c = toCase(r[0]!);
      await q.query("INSERT INTO case_actions (case_id, action, actor_id, note) VALUES ($1,'open',$2,$3)", [
        c.id,
        user.id,
        input.note ?? null,
      ]);
      await appendAudit(q, ctx, {
        action: "case.open",
        entityType: "case",
        entityId: c.id,
        details: { fromLead: lead.id },
      });
    }
    await q.query(
      "INSERT INTO case_actions (case_id, action, actor_id, note, details) VALUES ($1,'add-lead',$2,$3,$4)",
      [
        c.id,
        user.id,
        input.caseId ? (input.note ?? null) : null,
        JSON.stringify({ leadId: lead.id, leadNumber: lead.number, detector: lead.detector, evidence: lead.evidence }),
      ],
    );
    await q.query("UPDATE leads SET status = 'case-opened', case_id = $2 WHERE id = $1", [lead.id, c.id]);
    await q.query(
      "INSERT INTO lead_actions (lead_id, action, from_status, to_status, actor_id, note, case_id, at) VALUES ($1,'open-case',$2,'case-opened',$3,$4,$5,$6)",
      [lead.id, lead.status, user.id, input.note ?? null, c.id, ctx.clock.now().toISOString()],
    );
    await appendAudit(q, ctx, {
      action: "lead.open-case",
      entityType: "lead",
      entityId: lead.id,
      details: { caseId: c.id },
    });
    return { lead: (await findLead(q, lead.id))!, case: c };
  });
}

export async function getCase(ctx: Ctx, id: string, purpose: string | undefined) {
  requireInvestigator(ctx);
  const p = requirePurpose(purpose);
  const r = await ctx.db.query(`SELECT ${CASE_COLS} FROM cases WHERE id = $1`, [id]);
  if (!r[0]) throw notFound("case");
  const c = toCase(r[0]);
  await appendAudit(ctx.db, ctx, { action: "case.read", entityType: "case", entityId: c.id, purpose: p });
  const person = await ctx.db.query("SELECT first_name, last_name, birth_date FROM people WHERE id = $1", [c.personId]);
  const actions = await ctx.db.query(
    "SELECT a.action, a.note, a.details, u.display_name, a.at FROM case_actions a LEFT JOIN users u ON u.id = a.actor_id WHERE a.case_id = $1 ORDER BY a.id",
    [c.id],
  );
  const leads = await ctx.db.query(`${LEAD_SELECT} WHERE l.case_id = $1 ORDER BY l.number`, [c.id]);
  return {
    case: c,
    person: {
      id: c.personId,
      firstName: person[0]!.first_name,
      lastName: person[0]!.last_name,
      birthDate: person[0]!.birth_date,
    },
    actions: actions.map((a) => ({
      action: a.action,
      note: a.note,
      details: a.details,
      actor: a.display_name,
      at: a.at,
    })),
    leads: leads.map(toLead),
  };
}
