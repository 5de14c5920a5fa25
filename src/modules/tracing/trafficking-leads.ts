/**
 * Trafficking leads, beside the purchase leads of the leads module: pointers for the task force,
 * each with its reason in words and the ids of its evidence. Nothing is refused or revoked because
 * of a lead. Kinds:
 *   straw-purchase          a buyer whose guns are recovered in others' hands, quickly
 *   unlicensed-dealing      one person buying many guns (or many of one model), or selling many privately
 *   privately-made-cluster  privately made or serial-less guns recovered in one town
 *   online-seller           an online seller named in several traces
 * The thresholds are investigative choices, not law: QUESTION(policy): the task force should set them.
 * Lead states: open → dismissed (with a reason) | case-opened (a new trafficking case, or an open one).
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { addDays, type PlainDate } from "../../law/core/dates.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { purposeLine, type ReadPurpose } from "../../lib/purpose.ts";
import { appendAudit } from "../audit/index.ts";
import { type User } from "../auth/index.ts";
import { tracingPolicy } from "./policy.ts";
import { heavyBuyers, TRANSFERRED } from "./sale-records.ts";

export const TRAFFICKING_KINDS = [
  "straw-purchase",
  "unlicensed-dealing",
  "privately-made-cluster",
  "online-seller",
] as const;
export type TraffickingKind = (typeof TRAFFICKING_KINDS)[number];

export const TRAFFICKING_SETTINGS = {
  /** All detectors look back this many days from the sweep's day. */
  windowDays: 365,
  straw: { traces: 2, maxTimeToCrimeDays: 3 * 365 },
  unlicensed: { guns: 10, sameModel: 3, privateSales: 5 },
  privatelyMade: { perTown: 3 },
  online: { traces: 2 },
} as const;

export type LeadStatus = "open" | "dismissed" | "case-opened";
export const NEXT: Record<LeadStatus, readonly ("dismiss" | "open-case")[]> = {
  open: ["dismiss", "open-case"],
  dismissed: [],
  "case-opened": [],
};

interface Candidate {
  kind: TraffickingKind;
  subjectKey: string;
  subjectLabel: string;
  personId: string | null;
  reason: string;
  evidence: Record<string, unknown>;
}

const S = TRAFFICKING_SETTINGS;

async function strawPurchases(q: Queryable, from: PlainDate, to: PlainDate): Promise<Candidate[]> {
  const r = await q.query<{
    person_id: string;
    first_name: string;
    last_name: string;
    ids: string[];
    numbers: string[];
    n: number;
    min_ttc: number;
  }>(
    `SELECT t.purchaser_person_id::text AS person_id, p.first_name, p.last_name, array_agg(t.id::text ORDER BY t.recovered_on) AS ids,
            array_agg(t.number ORDER BY t.recovered_on) AS numbers, count(*)::int AS n, min(t.time_to_crime_days)::int AS min_ttc
       FROM traces t JOIN people p ON p.id = t.purchaser_person_id
      WHERE t.recovered_on BETWEEN $1 AND $2 AND t.possessor_is_purchaser = 'no' AND t.time_to_crime_days <= $3
      GROUP BY t.purchaser_person_id, p.first_name, p.last_name HAVING count(*) >= $4`,
    [from, to, S.straw.maxTimeToCrimeDays, S.straw.traces],
  );
  return r.map((x) => ({
    kind: "straw-purchase",
    subjectKey: x.person_id,
    subjectLabel: `${x.first_name} ${x.last_name}`,
    personId: x.person_id,
    reason: `${x.n} guns bought by ${x.first_name} ${x.last_name} were recovered in someone else's hands between ${from} and ${to}, each within ${S.straw.maxTimeToCrimeDays} days of the sale (the quickest after ${x.min_ttc} days); ${S.straw.traces} or more raise a lead`,
    evidence: { traceIds: x.ids, traceNumbers: x.numbers },
  }));
}

async function unlicensedDealing(q: Queryable, from: PlainDate, to: PlainDate): Promise<Candidate[]> {
  const buyers = (await heavyBuyers(q, from, to, S.unlicensed.guns, S.unlicensed.sameModel)).map((b): Candidate => ({
    kind: "unlicensed-dealing",
    subjectKey: b.personId,
    subjectLabel: `${b.firstName} ${b.lastName}`,
    personId: b.personId,
    reason: `${b.firstName} ${b.lastName} received ${b.guns} guns between ${from} and ${to}, ${b.sameModel} of them ${b.model}; ${S.unlicensed.guns} guns, or ${S.unlicensed.sameModel} of one model, raise a lead`,
    evidence: { firearmSaleIds: b.saleIds, guns: b.guns, sameModel: b.sameModel, model: b.model },
  }));
  const sellers = await q.query<{ seller: string; label: string; n: number; ids: string[] }>(
    `SELECT lower(seller_name) AS seller, min(seller_name) AS label, count(*)::int AS n, array_agg(id::text ORDER BY sale_on) AS ids FROM sales
      WHERE route <> 'retail' AND seller_name IS NOT NULL AND status = ANY($3::text[]) AND sale_on BETWEEN $1 AND $2
      GROUP BY lower(seller_name) HAVING count(*) >= $4`,
    [from, to, TRANSFERRED, S.unlicensed.privateSales],
  );
  return [
    ...buyers,
    ...sellers.map((s): Candidate => ({
      kind: "unlicensed-dealing",
      subjectKey: `seller:${s.seller}`,
      subjectLabel: s.label,
      personId: null,
      reason: `${s.label} sold ${s.n} guns privately between ${from} and ${to}; ${S.unlicensed.privateSales} private sales in a year raise a lead (dealing without a licence)`,
      evidence: { firearmSaleIds: s.ids, privateSales: s.n },
    })),
  ];
}

async function privatelyMade(q: Queryable, from: PlainDate, to: PlainDate): Promise<Candidate[]> {
  const r = await q.query<{ town: string; n: number; ids: string[] }>(
    `SELECT recovery_town AS town, count(*)::int AS n, array_agg(id::text ORDER BY recovered_on) AS ids FROM traces
      WHERE serial_status IN ('privately-made','none','obliterated') AND recovery_town IS NOT NULL AND recovered_on BETWEEN $1 AND $2
      GROUP BY recovery_town HAVING count(*) >= $3`,
    [from, to, S.privatelyMade.perTown],
  );
  return r.map((x) => ({
    kind: "privately-made-cluster",
    subjectKey: `town:${x.town.toLowerCase()}`,
    subjectLabel: x.town,
    personId: null,
    reason: `${x.n} privately made, serial-less or obliterated-serial guns were recovered in ${x.town} between ${from} and ${to}; ${S.privatelyMade.perTown} in one town raise a lead`,
    evidence: { traceIds: x.ids },
  }));
}

async function onlineSellers(q: Queryable, from: PlainDate, to: PlainDate): Promise<Candidate[]> {
  const r = await q.query<{ seller: string; label: string; n: number; ids: string[] }>(
    `SELECT lower(acquisition_seller) AS seller, min(acquisition_seller) AS label, count(*)::int AS n, array_agg(id::text ORDER BY recovered_on) AS ids FROM traces
      WHERE acquisition_channel = 'online' AND acquisition_seller IS NOT NULL AND recovered_on BETWEEN $1 AND $2
      GROUP BY lower(acquisition_seller) HAVING count(*) >= $3`,
    [from, to, S.online.traces],
  );
  return r.map((x) => ({
    kind: "online-seller",
    subjectKey: `online:${x.seller}`,
    subjectLabel: x.label,
    personId: null,
    reason: `the online seller "${x.label}" is named in ${x.n} traces of guns recovered between ${from} and ${to}; ${S.online.traces} or more raise a lead`,
    evidence: { traceIds: x.ids },
  }));
}

/** Keeps a candidate unless a lead of the same kind about the same subject covers an overlapping window. */
async function raise(ctx: Ctx, q: Queryable, c: Candidate, from: PlainDate, to: PlainDate): Promise<string | null> {
  const seen = await q.query(
    "SELECT 1 FROM trafficking_leads WHERE kind = $1 AND subject_key = $2 AND window_start <= $4 AND window_end >= $3 LIMIT 1",
    [c.kind, c.subjectKey, from, to],
  );
  if (seen.length) return null;
  const n = await q.query<{ n: number }>("SELECT nextval('trafficking_lead_number_seq') AS n");
  const r = await q.query<{ id: string }>(
    `INSERT INTO trafficking_leads (number, kind, subject_key, subject_label, person_id, window_start, window_end, reason, evidence, status, raised_on)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'open',$10) ON CONFLICT (kind, subject_key, window_start) DO NOTHING RETURNING id::text`,
    [
      `TL-${n[0]!.n}`,
      c.kind,
      c.subjectKey.slice(0, 200),
      c.subjectLabel.slice(0, 200),
      c.personId,
      from,
      to,
      c.reason.slice(0, 2000),
      JSON.stringify(c.evidence),
      ctx.today,
    ],
  );
  const id = r[0]?.id;
  if (!id) return null;
  await q.query(
    "INSERT INTO trafficking_lead_actions (lead_id, action, from_status, to_status, actor_id, note) VALUES ($1,'raise',NULL,'open',NULL,'raised by the sweep')",
    [id],
  );
  await appendAudit(
    q,
    { ...ctx, user: null },
    { action: "trafficking-lead.raise", entityType: "trafficking-lead", entityId: id, details: { kind: c.kind } },
  );
  return id;
}

/** Runs every detector over the year to `on`; safe to run any number of times. Answers counts only. */
export async function runTraffickingSweep(
  ctx: Ctx,
  on?: PlainDate,
): Promise<{ on: PlainDate; raised: Record<TraffickingKind, number> }> {
  if (ctx.user && !tracingPolicy.leads(ctx.user)) throw forbidden();
  const to = on ?? ctx.today;
  if (to > ctx.today) throw badField("on", "cannot be in the future");
  const from = addDays(to, -(S.windowDays - 1));
  return ctx.db.tx(async (q) => {
    const raised = {
      "straw-purchase": 0,
      "unlicensed-dealing": 0,
      "privately-made-cluster": 0,
      "online-seller": 0,
    } as Record<TraffickingKind, number>;
    for (const detect of [strawPurchases, unlicensedDealing, privatelyMade, onlineSellers]) {
      for (const c of await detect(q, from, to)) if (await raise(ctx, q, c, from, to)) raised[c.kind] += 1;
    }
    await appendAudit(q, ctx, { action: "trafficking-leads.sweep", details: { on: to, raised } });
    return { on: to, raised };
  });
}

export interface TraffickingLead {
  id: string;
  number: string;
  kind: TraffickingKind;
  subject: { key: string; label: string; personId: string | null };
  window: { start: PlainDate; end: PlainDate };
  reason: string;
  evidence: Record<string, unknown>;
  status: LeadStatus;
  raisedOn: PlainDate;
  case: { id: string; number: string } | null;
}

const SELECT = `SELECT l.id::text, l.number, l.kind, l.subject_key, l.subject_label, l.person_id::text, l.window_start, l.window_end, l.reason, l.evidence, l.status,
  l.raised_on, l.case_id::text, c.number AS case_number FROM trafficking_leads l LEFT JOIN trafficking_cases c ON c.id = l.case_id`;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database row, read column by column
const toLead = (r: Record<string, any>): TraffickingLead => ({
  id: r.id,
  number: r.number,
  kind: r.kind,
  subject: { key: r.subject_key, label: r.subject_label, personId: r.person_id },
  window: { start: r.window_start, end: r.window_end },
  reason: r.reason,
  evidence: r.evidence,
  status: r.status,
  raisedOn: r.raised_on,
  case: r.case_id ? { id: r.case_id, number: r.case_number } : null,
});

function requireLeads(ctx: Ctx): User {
  const u = ctx.user;
  if (!u) throw new AppError("unauthenticated", "sign in first");
  if (!tracingPolicy.leads(u)) throw forbidden("trafficking leads are for investigators and the task force");
  return u;
}

/** Leads, newest first; the purpose is audited with the ids shown. */
export async function listTraffickingLeads(
  ctx: Ctx,
  f: { status?: LeadStatus | undefined; kind?: TraffickingKind | undefined; limit: number; offset: number },
  purpose: ReadPurpose,
): Promise<{ total: number; items: TraffickingLead[] }> {
  requireLeads(ctx);
  const where = "WHERE ($1::text IS NULL OR l.status = $1) AND ($2::text IS NULL OR l.kind = $2)";
  const params = [f.status ?? null, f.kind ?? null];
  const total = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM trafficking_leads l ${where}`,
    params,
  );
  const items = (
    await ctx.db.query(`${SELECT} ${where} ORDER BY l.raised_on DESC, l.number DESC LIMIT $3 OFFSET $4`, [
      ...params,
      f.limit,
      f.offset,
    ])
  ).map(toLead);
  await appendAudit(ctx.db, ctx, {
    action: "trafficking-leads.read",
    entityType: "trafficking-lead",
    purpose: purposeLine(purpose),
    details: { shown: items.map((l) => l.id) },
  });
  return { total: total[0]?.n ?? 0, items };
}

async function findLead(q: Queryable, id: string, lock = false): Promise<TraffickingLead | undefined> {
  if (lock) await q.query("SELECT 1 FROM trafficking_leads WHERE id = $1 FOR UPDATE", [id]);
  const r = await q.query(`${SELECT} WHERE l.id = $1`, [id]);
  return r[0] ? toLead(r[0]) : undefined;
}

export async function getTraffickingLead(ctx: Ctx, id: string, purpose: ReadPurpose): Promise<TraffickingLead> {
  requireLeads(ctx);
  const l = await findLead(ctx.db, id);
  if (!l) throw notFound("trafficking lead");
  await appendAudit(ctx.db, ctx, {
    action: "trafficking-lead.read",
    entityType: "trafficking-lead",
    entityId: id,
    purpose: purposeLine(purpose),
  });
  return l;
}

function assertNext(l: TraffickingLead, a: "dismiss" | "open-case"): void {
  if (!NEXT[l.status].includes(a))
    throw new AppError(
      "conflict",
      `a lead that is ${l.status} cannot be ${a === "dismiss" ? "dismissed" : "made into a case"}`,
    );
}

export async function dismissTraffickingLead(ctx: Ctx, id: string, reason: string): Promise<TraffickingLead> {
  const u = requireLeads(ctx);
  if (reason.trim().length < 5) throw badField("reason", "say why the lead is dismissed (at least 5 characters)");
  return ctx.db.tx(async (q) => {
    const l = await findLead(q, id, true);
    if (!l) throw notFound("trafficking lead");
    assertNext(l, "dismiss");
    await q.query("UPDATE trafficking_leads SET status = 'dismissed' WHERE id = $1", [id]);
    await q.query(
      "INSERT INTO trafficking_lead_actions (lead_id, action, from_status, to_status, actor_id, note) VALUES ($1,'dismiss',$2,'dismissed',$3,$4)",
      [id, l.status, u.id, reason],
    );
    await appendAudit(q, ctx, { action: "trafficking-lead.dismiss", entityType: "trafficking-lead", entityId: id });
    return (await findLead(q, id))!;
  });
}

/** Opens a trafficking case from a lead, or adds the lead to an open case about the same subject. */
export async function openTraffickingCase(
  ctx: Ctx,
  id: string,
  input: { title?: string | undefined; caseId?: string | undefined; note?: string | undefined },
): Promise<TraffickingLead> {
  const u = requireLeads(ctx);
  return ctx.db.tx(async (q) => {
    const l = await findLead(q, id, true);
    if (!l) throw notFound("trafficking lead");
    assertNext(l, "open-case");
    let caseId: string;
    if (input.caseId) {
      const c = await q.query<{ subject_key: string; status: string }>(
        "SELECT subject_key, status FROM trafficking_cases WHERE id = $1 FOR UPDATE",
        [input.caseId],
      );
      if (!c[0]) throw badField("caseId", "no such case");
      if (c[0].subject_key !== l.subject.key) throw badField("caseId", "that case is about another subject");
      if (c[0].status !== "open")
        throw new AppError("conflict", "the case is closed", {
          fields: [{ field: "caseId", message: "the case is closed" }],
        });
      caseId = input.caseId;
    } else {
      const n = await q.query<{ n: number }>("SELECT nextval('trafficking_case_number_seq') AS n");
      const r = await q.query<{ id: string }>(
        "INSERT INTO trafficking_cases (number, title, subject_key, status, opened_on, opened_by) VALUES ($1,$2,$3,'open',$4,$5) RETURNING id::text",
        [
          `TC-${n[0]!.n}`,
          input.title ?? `${l.kind}: ${l.subject.label} (lead ${l.number})`.slice(0, 200),
          l.subject.key,
          ctx.today,
          u.id,
        ],
      );
      caseId = r[0]!.id;
      await appendAudit(q, ctx, {
        action: "trafficking-case.open",
        entityType: "trafficking-case",
        entityId: caseId,
        details: { fromLead: id },
      });
    }
    await q.query("UPDATE trafficking_leads SET status = 'case-opened', case_id = $2 WHERE id = $1", [id, caseId]);
    await q.query(
      "INSERT INTO trafficking_lead_actions (lead_id, action, from_status, to_status, actor_id, note, case_id) VALUES ($1,'open-case',$2,'case-opened',$3,$4,$5)",
      [id, l.status, u.id, input.note ?? null, caseId],
    );
    await appendAudit(q, ctx, {
      action: "trafficking-lead.open-case",
      entityType: "trafficking-lead",
      entityId: id,
      details: { caseId },
    });
    return (await findLead(q, id))!;
  });
}
