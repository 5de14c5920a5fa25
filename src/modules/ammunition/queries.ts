/**
 * Plain query functions over the ammunition tables (006_ammunition.sql) and
 * the records a check reads (credentials, people, prohibiting events).
 */
import type { Queryable } from "../../db/client.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import type { PersonEvent } from "../../law/ct/criminal-possession/events.ts";
import { prohibitingEventsOf } from "../credentials/index.ts";
import type { BulletKind, LcmExemption, MagazineFeature } from "./items.ts";
import {
  type AmmunitionLimitSettings,
  AmmunitionLimitSettings as SettingsSchema,
  type PurchaseType,
} from "../../law/ct/policy/ammunition-limit.ts";

export type CheckOutcome = "approved" | "refused" | "needs-review";
export type Basis = "gun-credential" | "ammunition-certificate";

export interface CheckLine {
  type: PurchaseType;
  caliber: string;
  brand: string | null;
  quantity: number;
  /** Magazines: rounds it holds, and what makes it special under § 23 (items.ts). */
  capacity?: number | null | undefined;
  features?: MagazineFeature[] | null | undefined;
  /** Ammunition: the seller's description for § 32 (standard when absent). */
  bullet?: BulletKind | null | undefined;
}
export interface SaleLine {
  type: PurchaseType;
  caliber: string;
  brand: string;
  quantity: number;
  /** Magazines: rounds it holds (as the check approved). */
  capacity?: number | null | undefined;
}

export interface Check {
  id: string;
  number: string;
  dealerId: string;
  clerkId: string;
  checkedOn: PlainDate;
  checkedAt: string;
  outcome: CheckOutcome;
  personId: string | null;
  credentialId: string | null;
  credentialNumber: string;
  credentialKind: string | null;
  basis: Basis | null;
  buyer: { firstName: string; lastName: string; birthDate: PlainDate };
  photoId: { type: string; last4: string; showsBirthDate: boolean } | null;
  lines: CheckLine[];
  totalRounds: number;
  totalMagazines: number;
  matchFindings: unknown[];
  /** Findings about the items (magazines under § 23, bullets under § 32). */
  itemFindings: unknown[];
  /** The § 23 exemption the buyer showed, if any. */
  buyerExemption: LcmExemption | null;
  lawDecisionId: string;
  limitDecisionId: string | null;
}

export const CHECK_COLS = `id::text, number, dealer_id::text, clerk_id::text, checked_on, checked_at, outcome, person_id::text, credential_id::text, credential_number,
  credential_kind, basis, buyer_first_name, buyer_last_name, buyer_birth_date, photo_id_type, photo_id_last4, photo_id_shows_birth_date, lines,
  total_rounds, total_magazines, match_findings, item_findings, buyer_exemption, law_decision_id::text, limit_decision_id::text`;

export const toCheck = (r: Record<string, any>): Check => ({
  id: r.id,
  number: r.number,
  dealerId: r.dealer_id,
  clerkId: r.clerk_id,
  checkedOn: r.checked_on,
  checkedAt: r.checked_at,
  outcome: r.outcome,
  personId: r.person_id,
  credentialId: r.credential_id,
  credentialNumber: r.credential_number,
  credentialKind: r.credential_kind,
  basis: r.basis,
  buyer: { firstName: r.buyer_first_name, lastName: r.buyer_last_name, birthDate: r.buyer_birth_date },
  photoId: r.photo_id_type
    ? { type: r.photo_id_type, last4: r.photo_id_last4, showsBirthDate: r.photo_id_shows_birth_date }
    : null,
  lines: r.lines,
  totalRounds: r.total_rounds,
  totalMagazines: r.total_magazines,
  matchFindings: r.match_findings,
  itemFindings: r.item_findings ?? [],
  buyerExemption: r.buyer_exemption ?? null,
  lawDecisionId: r.law_decision_id,
  limitDecisionId: r.limit_decision_id,
});

export async function findCheck(
  q: Queryable,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Check | undefined> {
  const r = await q.query(
    `SELECT ${CHECK_COLS} FROM ammunition_checks WHERE id = $1${opts.forUpdate ? " FOR UPDATE" : ""}`,
    [id],
  );
  return r[0] ? toCheck(r[0]) : undefined;
}

export interface Sale {
  id: string;
  number: string;
  checkId: string;
  dealerId: string;
  dealerName: string;
  town: string;
  personId: string;
  credentialId: string;
  credentialNumber: string;
  credentialKind: string;
  basis: Basis | null;
  soldOn: PlainDate;
  recordedAt: string;
  totalRounds: number;
  totalMagazines: number;
  lines: SaleLine[];
  buyer: { firstName: string; lastName: string; birthDate: PlainDate };
}

const SALE_SELECT = `SELECT s.id::text, s.number, s.check_id::text, s.dealer_id::text, d.name AS dealer_name, s.town, s.person_id::text, s.credential_id::text,
    c.number AS credential_number, c.kind AS credential_kind, s.basis, s.sold_on, s.recorded_at, s.total_rounds, s.total_magazines,
    p.first_name, p.last_name, p.birth_date,
    coalesce((SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('type', l.type, 'caliber', l.caliber, 'brand', l.brand, 'quantity', l.quantity, 'capacity', l.capacity)) ORDER BY l.line_no)
              FROM ammunition_sale_lines l WHERE l.sale_id = s.id), '[]'::jsonb) AS lines
  FROM ammunition_sales s JOIN dealers d ON d.id = s.dealer_id JOIN credentials c ON c.id = s.credential_id JOIN people p ON p.id = s.person_id`;

const toSale = (r: Record<string, any>): Sale => ({
  id: r.id,
  number: r.number,
  checkId: r.check_id,
  dealerId: r.dealer_id,
  dealerName: r.dealer_name,
  town: r.town,
  personId: r.person_id,
  credentialId: r.credential_id,
  credentialNumber: r.credential_number,
  credentialKind: r.credential_kind,
  basis: r.basis,
  soldOn: r.sold_on,
  recordedAt: r.recorded_at,
  totalRounds: r.total_rounds,
  totalMagazines: r.total_magazines,
  lines: r.lines,
  buyer: { firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date },
});

export async function findSale(q: Queryable, id: string): Promise<Sale | undefined> {
  const r = await q.query(`${SALE_SELECT} WHERE s.id = $1`, [id]);
  return r[0] ? toSale(r[0]) : undefined;
}

export async function findSaleOfCheck(q: Queryable, checkId: string): Promise<Sale | undefined> {
  const r = await q.query(`${SALE_SELECT} WHERE s.check_id = $1`, [checkId]);
  return r[0] ? toSale(r[0]) : undefined;
}

export interface SaleFilter {
  from: PlainDate;
  to: PlainDate;
  dealerId?: string | undefined;
  personId?: string | undefined;
  limit: number;
  offset: number;
}

export async function listSales(q: Queryable, f: SaleFilter): Promise<{ items: Sale[]; total: number }> {
  const where = `WHERE s.sold_on BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR s.dealer_id = $3) AND ($4::uuid IS NULL OR s.person_id = $4)`;
  const params = [f.from, f.to, f.dealerId ?? null, f.personId ?? null];
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ammunition_sales s ${where}`, params);
  const rows = await q.query(`${SALE_SELECT} ${where} ORDER BY s.sold_on DESC, s.number DESC LIMIT $5 OFFSET $6`, [
    ...params,
    f.limit,
    f.offset,
  ]);
  return { items: rows.map(toSale), total: total[0]?.n ?? 0 };
}

export type GroupBy = "vendor" | "town" | "month";

export interface ReportRow {
  key: string;
  label: string;
  sales: number;
  rounds: number;
  magazines: number;
  buyers: number;
}

const GROUP_SQL: Record<GroupBy, { key: string; label: string }> = {
  vendor: { key: "s.dealer_id::text", label: "min(d.name)" },
  town: { key: "s.town", label: "s.town" },
  month: { key: "to_char(s.sold_on, 'YYYY-MM')", label: "to_char(s.sold_on, 'YYYY-MM')" },
};

/** Totals of sales between two dates (inclusive), grouped by vendor, by the town of sale, or by month. */
export async function salesReport(
  q: Queryable,
  groupBy: GroupBy,
  from: PlainDate,
  to: PlainDate,
): Promise<ReportRow[]> {
  const g = GROUP_SQL[groupBy];
  const rows = await q.query(
    `SELECT ${g.key} AS key, ${g.label} AS label, count(*)::int AS sales, coalesce(sum(s.total_rounds), 0)::int AS rounds,
            coalesce(sum(s.total_magazines), 0)::int AS magazines, count(DISTINCT s.person_id)::int AS buyers
     FROM ammunition_sales s JOIN dealers d ON d.id = s.dealer_id
     WHERE s.sold_on BETWEEN $1 AND $2 GROUP BY ${g.key} ORDER BY ${groupBy === "vendor" ? "label, key" : "key"}`,
    [from, to],
  );
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    sales: r.sales,
    rounds: r.rounds,
    magazines: r.magazines,
    buyers: r.buyers,
  }));
}

// ---------------------------------------------------------------- facts a check reads

export interface CredentialOnFile {
  id: string;
  number: string;
  kind:
    | "temporary-state-permit"
    | "state-handgun-permit"
    | "handgun-eligibility-certificate"
    | "long-gun-eligibility-certificate"
    | "ammunition-certificate";
  status: "active" | "revoked" | "expired" | "superseded";
  issuedOn: PlainDate;
  /** First day the credential is no longer valid (credentials.expires_on is exclusive). */
  expiresOn: PlainDate;
  person: {
    id: string;
    firstName: string;
    lastName: string;
    birthDate: PlainDate;
    street: string | null;
    town: string | null;
    zip: string | null;
  };
}

const CRED_SELECT = `SELECT c.id::text, c.number, c.kind, c.status, c.issued_on, c.expires_on, p.id::text AS person_id, p.first_name, p.last_name, p.birth_date, p.street, p.town, p.zip
  FROM credentials c JOIN people p ON p.id = c.person_id`;
const toCred = (r: Record<string, any>): CredentialOnFile => ({
  id: r.id,
  number: r.number,
  kind: r.kind,
  status: r.status,
  issuedOn: r.issued_on,
  expiresOn: r.expires_on,
  person: {
    id: r.person_id,
    firstName: r.first_name,
    lastName: r.last_name,
    birthDate: r.birth_date,
    street: r.street,
    town: r.town,
    zip: r.zip,
  },
});

export async function findCredentialOnFile(q: Queryable, number: string): Promise<CredentialOnFile | undefined> {
  const r = await q.query(`${CRED_SELECT} WHERE c.number = $1`, [number]);
  return r[0] ? toCred(r[0]) : undefined;
}

export async function credentialsOnFileOfPerson(q: Queryable, personId: string): Promise<CredentialOnFile[]> {
  return (await q.query(`${CRED_SELECT} WHERE c.person_id = $1 ORDER BY c.issued_on`, [personId])).map(toCred);
}

/** A person's prohibiting events in the rulebook's shape: the credentials module's person record. */
export const personEvents = (q: Queryable, personId: string): Promise<PersonEvent[]> =>
  prohibitingEventsOf(q, personId);

/** A buyer's purchase lines sold between two dates (inclusive), for the limit. */
export async function purchaseLinesOf(
  q: Queryable,
  personId: string,
  from: PlainDate,
  to: PlainDate,
): Promise<{ on: PlainDate; type: PurchaseType; quantity: number }[]> {
  const rows = await q.query(
    `SELECT s.sold_on, l.type, sum(l.quantity)::int AS quantity FROM ammunition_sales s JOIN ammunition_sale_lines l ON l.sale_id = s.id
     WHERE s.person_id = $1 AND s.sold_on BETWEEN $2 AND $3 GROUP BY s.sold_on, l.type ORDER BY s.sold_on`,
    [personId, from, to],
  );
  return rows.map((r) => ({ on: r.sold_on, type: r.type, quantity: r.quantity }));
}

// ---------------------------------------------------------------- policy settings

export interface StoredSettings {
  version: number;
  effectiveOn: PlainDate;
  settings: AmmunitionLimitSettings;
  setAt: string;
  setBy: string | null;
  note: string;
}

const toSettings = (r: Record<string, any>): StoredSettings => ({
  version: r.version,
  effectiveOn: r.effective_on,
  settings: SettingsSchema.parse(r.value),
  setAt: r.set_at,
  setBy: r.set_by,
  note: r.note,
});

/** The ammunition limit in force on a date: the highest version that took effect on or before it. */
export async function limitSettingsOn(q: Queryable, on: PlainDate): Promise<StoredSettings> {
  const r = await q.query(
    "SELECT version, effective_on, value, set_at, set_by::text, note FROM policy_settings WHERE key = 'ammunition-limit' AND effective_on <= $1 ORDER BY version DESC LIMIT 1",
    [on],
  );
  // Migration 006 stores version 1 (off) from 2013-04-04; before that there is nothing to apply.
  return r[0]
    ? toSettings(r[0])
    : { version: 0, effectiveOn: on, settings: { enabled: false }, setAt: "", setBy: null, note: "no setting" };
}

export async function limitSettingsHistory(q: Queryable): Promise<StoredSettings[]> {
  const r = await q.query(
    "SELECT version, effective_on, value, set_at, set_by::text, note FROM policy_settings WHERE key = 'ammunition-limit' ORDER BY version DESC",
  );
  return r.map(toSettings);
}

// ---------------------------------------------------------------- for the leads module

export interface PurchaseSummary {
  id: string;
  dealerId: string;
  soldOn: PlainDate;
  rounds: number;
  magazines: number;
}

/** A person's sales between two dates (inclusive), oldest first. */
export async function purchasesOf(
  q: Queryable,
  personId: string,
  from: PlainDate,
  to: PlainDate,
): Promise<PurchaseSummary[]> {
  const r = await q.query(
    "SELECT id::text, dealer_id::text, sold_on, total_rounds, total_magazines FROM ammunition_sales WHERE person_id = $1 AND sold_on BETWEEN $2 AND $3 ORDER BY sold_on, number",
    [personId, from, to],
  );
  return r.map((x) => ({
    id: x.id,
    dealerId: x.dealer_id,
    soldOn: x.sold_on,
    rounds: x.total_rounds,
    magazines: x.total_magazines,
  }));
}

/** Each buyer's total rounds between two dates (inclusive): the population the volume detectors compare against. */
export async function roundsByBuyer(
  q: Queryable,
  from: PlainDate,
  to: PlainDate,
): Promise<{ personId: string; rounds: number }[]> {
  const r = await q.query(
    "SELECT person_id::text, sum(total_rounds)::int AS rounds FROM ammunition_sales WHERE sold_on BETWEEN $1 AND $2 GROUP BY person_id",
    [from, to],
  );
  return r.map((x) => ({ personId: x.person_id, rounds: x.rounds }));
}

/** Buyers who bought from at least `vendors` different sellers between two dates. */
export async function buyersAtManyVendors(
  q: Queryable,
  from: PlainDate,
  to: PlainDate,
  vendors: number,
): Promise<string[]> {
  const r = await q.query(
    "SELECT person_id::text FROM ammunition_sales WHERE sold_on BETWEEN $1 AND $2 GROUP BY person_id HAVING count(DISTINCT dealer_id) >= $3",
    [from, to, vendors],
  );
  return r.map((x) => x.person_id);
}

// ---------------------------------------------------------------- the review of a check (migration 020)

export type CheckActionKind = "review-authorize" | "review-deny" | "review-return" | "correct";

export interface CheckAction {
  action: CheckActionKind;
  actorId: string;
  note: string | null;
  personId: string | null;
  credentialId: string | null;
  recheck: string[];
  decisionId: string | null;
  limitDecisionId: string | null;
  outcome: "approved" | "refused" | null;
  basis: Basis | null;
  validOn: PlainDate | null;
  newCheckId: string | null;
  at: string;
}

/** The review actions of a check, oldest first. */
export async function checkActions(q: Queryable, checkId: string): Promise<CheckAction[]> {
  const r = await q.query(
    `SELECT action, actor_id::text, note, person_id::text, credential_id::text, recheck, decision_id::text, limit_decision_id::text, outcome, basis,
            valid_on, new_check_id::text, at FROM ammunition_check_actions WHERE check_id = $1 ORDER BY id`,
    [checkId],
  );
  return r.map((x) => ({
    action: x.action,
    actorId: x.actor_id,
    note: x.note,
    personId: x.person_id,
    credentialId: x.credential_id,
    recheck: x.recheck ?? [],
    decisionId: x.decision_id,
    limitDecisionId: x.limit_decision_id,
    outcome: x.outcome,
    basis: x.basis,
    validOn: x.valid_on,
    newCheckId: x.new_check_id,
    at: String(x.at),
  }));
}

export async function insertCheckAction(
  q: Queryable,
  a: { checkId: string; at: string } & Partial<Omit<CheckAction, "at">> & Pick<CheckAction, "action" | "actorId">,
): Promise<void> {
  await q.query(
    `INSERT INTO ammunition_check_actions (check_id, action, actor_id, note, person_id, credential_id, recheck, decision_id, limit_decision_id, outcome, basis, valid_on, new_check_id, at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
    [
      a.checkId,
      a.action,
      a.actorId,
      a.note ?? null,
      a.personId ?? null,
      a.credentialId ?? null,
      a.recheck ?? [],
      a.decisionId ?? null,
      a.limitDecisionId ?? null,
      a.outcome ?? null,
      a.basis ?? null,
      a.validOn ?? null,
      a.newCheckId ?? null,
      a.at,
    ],
  );
}

/** Checks waiting for review (needs-review, not closed by a review action) since a day, oldest first. */
export async function checksAwaitingReview(
  q: Queryable,
  since: PlainDate,
): Promise<{ check: Check; last: string | null }[]> {
  const r = await q.query(
    `SELECT ${CHECK_COLS}, (SELECT a.action FROM ammunition_check_actions a WHERE a.check_id = c.id ORDER BY a.id DESC LIMIT 1) AS last_action
       FROM ammunition_checks c WHERE c.outcome = 'needs-review' AND c.checked_on >= $1
        AND NOT EXISTS (SELECT 1 FROM ammunition_check_actions a WHERE a.check_id = c.id AND a.action IN ('review-authorize','review-deny','correct'))
      ORDER BY c.checked_at LIMIT 200`,
    [since],
  );
  return r.map((x) => ({ check: toCheck(x), last: x.last_action }));
}

export async function findCredentialById(q: Queryable, id: string): Promise<CredentialOnFile | undefined> {
  const r = await q.query(`${CRED_SELECT} WHERE c.id = $1`, [id]);
  return r[0] ? toCred(r[0]) : undefined;
}

/** Credentials of people born on a day whose last name starts like `lastName` (the buyer, when a number was mistyped). */
export async function credentialsOfLookalikes(
  q: Queryable,
  birthDate: PlainDate,
  lastName: string,
): Promise<CredentialOnFile[]> {
  const start = lastName
    .normalize("NFKD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase()
    .slice(0, 2);
  const r = await q.query(
    `${CRED_SELECT} WHERE p.birth_date = $1 AND lower(p.last_name) LIKE $2 ORDER BY c.issued_on DESC LIMIT 10`,
    [birthDate, `${start}%`],
  );
  return r.map(toCred);
}
