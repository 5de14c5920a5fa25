/** Plain queries over the sales tables (the module owns them; other modules go through index.ts). */
import type { Queryable } from "../../db/client.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import type { Finding, Outcome } from "../../law/core/rules.ts";
import { notFound } from "../../lib/errors.ts";
import type { DelayReason, FirearmClass, Officer, Route, SaleKind, SaleStatus, SaleSubject } from "./evaluate.ts";

export interface Sale {
  id: string;
  number: string;
  kind: SaleKind;
  firearmClass: FirearmClass;
  route: Route;
  channel: "dealer" | "state";
  dealerId: string | null;
  status: SaleStatus;
  delayReason: DelayReason | null;
  saleOn: PlainDate;
  buyer: {
    personId: string | null;
    credentialId: string | null;
    credentialNumber: string;
    firstName: string;
    middleName: string | null;
    lastName: string;
    birthDate: PlainDate;
    birthPlace: string;
    street: string;
    town: string;
    state: string;
    zip: string | null;
    sex: string | null;
    race: string | null;
    officer: Officer;
    idDocument: { type: string; number: string; issuer: string };
  };
  seller: {
    name: string;
    street: string;
    town: string;
    state: string;
    zip: string | null;
    credentialNumber: string | null;
  } | null;
  firearm: {
    make: string;
    model: string;
    serialNumber: string;
    caliber: string;
    type: string;
    description: string | null;
    semiautomatic: boolean | null;
    centerfire: boolean | null;
    acceptsMagazineOverFiveRounds: boolean | null;
    antique: boolean | null;
  };
  latestDecisionId: string | null;
  authorizationNumber: string | null;
  authorizedOn: PlainDate | null;
  proceedAfter: PlainDate | null;
  mayProceedOn: PlainDate | null;
  cancelledOn: PlainDate | null;
  requestedAt: string;
}

export const SALE_COLS = `s.id::text, s.number, s.kind, s.firearm_class, s.route, s.channel, s.dealer_id::text, s.status, s.delay_reason, s.sale_on,
  s.buyer_person_id::text, s.buyer_credential_id::text, s.buyer_credential_number, s.buyer_first_name, s.buyer_middle_name, s.buyer_last_name,
  s.buyer_birth_on, s.buyer_birth_place, s.buyer_street, s.buyer_town, s.buyer_state, s.buyer_zip, s.buyer_sex, s.buyer_race, s.buyer_officer,
  s.buyer_id_type, s.buyer_id_number, s.buyer_id_issuer, s.seller_name, s.seller_street, s.seller_town, s.seller_state, s.seller_zip,
  s.seller_credential_number, s.firearm_make, s.firearm_model, s.firearm_serial_number, s.firearm_caliber, s.firearm_type, s.firearm_description,
  s.firearm_semiautomatic, s.firearm_centerfire, s.firearm_magazine_over_five, s.firearm_antique, s.latest_decision_id::text,
  s.authorization_number, s.authorized_on, s.proceed_after, s.may_proceed_on, s.cancelled_on, s.requested_at`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database row, read column by column
export function toSale(r: Record<string, any>): Sale {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    firearmClass: r.firearm_class,
    route: r.route,
    channel: r.channel,
    dealerId: r.dealer_id,
    status: r.status,
    delayReason: r.delay_reason,
    saleOn: r.sale_on,
    buyer: {
      personId: r.buyer_person_id,
      credentialId: r.buyer_credential_id,
      credentialNumber: r.buyer_credential_number,
      firstName: r.buyer_first_name,
      middleName: r.buyer_middle_name,
      lastName: r.buyer_last_name,
      birthDate: r.buyer_birth_on,
      birthPlace: r.buyer_birth_place,
      street: r.buyer_street,
      town: r.buyer_town,
      state: r.buyer_state,
      zip: r.buyer_zip,
      sex: r.buyer_sex,
      race: r.buyer_race,
      officer: r.buyer_officer,
      idDocument: { type: r.buyer_id_type, number: r.buyer_id_number, issuer: r.buyer_id_issuer },
    },
    seller:
      r.seller_name === null
        ? null
        : {
            name: r.seller_name,
            street: r.seller_street,
            town: r.seller_town,
            state: r.seller_state,
            zip: r.seller_zip,
            credentialNumber: r.seller_credential_number,
          },
    firearm: {
      make: r.firearm_make,
      model: r.firearm_model,
      serialNumber: r.firearm_serial_number,
      caliber: r.firearm_caliber,
      type: r.firearm_type,
      description: r.firearm_description,
      semiautomatic: r.firearm_semiautomatic,
      centerfire: r.firearm_centerfire,
      acceptsMagazineOverFiveRounds: r.firearm_magazine_over_five,
      antique: r.firearm_antique,
    },
    latestDecisionId: r.latest_decision_id,
    authorizationNumber: r.authorization_number,
    authorizedOn: r.authorized_on,
    proceedAfter: r.proceed_after,
    mayProceedOn: r.may_proceed_on,
    cancelledOn: r.cancelled_on,
    requestedAt: r.requested_at,
  };
}

/** What the law needs from a stored sale. */
export function subjectOf(s: Sale): SaleSubject {
  return {
    kind: s.kind,
    saleOn: s.saleOn,
    buyer: {
      lastName: s.buyer.lastName,
      birthDate: s.buyer.birthDate,
      credentialNumber: s.buyer.credentialNumber,
      officer: s.buyer.officer,
    },
    firearm: {
      type: s.firearm.type,
      semiautomatic: s.firearm.semiautomatic,
      centerfire: s.firearm.centerfire,
      acceptsMagazineOverFiveRounds: s.firearm.acceptsMagazineOverFiveRounds,
      antique: s.firearm.antique,
    },
  };
}

export async function findSale(
  q: Queryable,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Sale | undefined> {
  const r = await q.query(`SELECT ${SALE_COLS} FROM sales s WHERE s.id = $1${opts.forUpdate ? " FOR UPDATE" : ""}`, [
    id,
  ]);
  return r[0] ? toSale(r[0]) : undefined;
}

export async function getSale(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<Sale> {
  const s = await findSale(q, id, opts);
  if (!s) throw notFound("sale");
  return s;
}

export interface NicsCheck {
  purpose: "retail-sale" | "private-sale";
  transactionType: string;
  statelineReference: string | null;
  transactionNumber: string | null;
  status: "queued" | "delayed" | "proceed" | "denied" | "cancelled" | "skipped";
  initiatedOn: PlainDate;
  respondedAt: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  purgedAt: string | null;
  response: Record<string, unknown> | null;
}

export const NICS_COLS =
  "purpose, transaction_type, stateline_reference, transaction_number, status, initiated_on, responded_at, attempts, next_attempt_at, purged_at, response";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database row, read column by column
export function toNicsCheck(x: Record<string, any>): NicsCheck {
  return {
    purpose: x.purpose,
    transactionType: x.transaction_type,
    statelineReference: x.stateline_reference,
    transactionNumber: x.transaction_number,
    status: x.status,
    initiatedOn: x.initiated_on,
    respondedAt: x.responded_at,
    attempts: x.attempts,
    nextAttemptAt: x.next_attempt_at,
    purgedAt: x.purged_at,
    response: x.response,
  };
}

export async function getNicsCheck(
  q: Queryable,
  saleId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<NicsCheck> {
  const r = await q.query(
    `SELECT ${NICS_COLS} FROM sale_nics_checks WHERE sale_id = $1${opts.forUpdate ? " FOR UPDATE" : ""}`,
    [saleId],
  );
  const x = r[0];
  if (!x) throw notFound("NICS check of the sale");
  return toNicsCheck(x);
}

export interface SaleDecision {
  id: string;
  outcome: Outcome;
  findings: Finding[];
  decidedOn: string;
  rulebookVersion: string;
  result: unknown;
}

export async function findDecision(q: Queryable, id: string | null): Promise<SaleDecision | null> {
  if (!id) return null;
  const r = await q.query(
    "SELECT id::text, outcome, findings, decided_on, rulebook_version, result FROM decisions WHERE id = $1",
    [id],
  );
  return r[0]
    ? {
        id: r[0].id,
        outcome: r[0].outcome,
        findings: r[0].findings,
        decidedOn: r[0].decided_on,
        rulebookVersion: r[0].rulebook_version,
        result: r[0].result,
      }
    : null;
}

export async function saleHistory(
  q: Queryable,
  saleId: string,
): Promise<
  {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    note: string | null;
    at: string;
    actor: string | null;
    details: Record<string, unknown>;
  }[]
> {
  const r = await q.query(
    `SELECT x.action, x.from_status, x.to_status, x.note, x.at, x.details, u.display_name FROM sale_actions x LEFT JOIN users u ON u.id = x.actor_id
     WHERE x.sale_id = $1 ORDER BY x.id`,
    [saleId],
  );
  return r.map((x) => ({
    action: x.action,
    fromStatus: x.from_status,
    toStatus: x.to_status,
    note: x.note,
    at: x.at,
    actor: x.display_name,
    details: x.details,
  }));
}

export async function findRecord(
  q: Queryable,
  saleId: string,
): Promise<{
  form: string;
  requiredFields: string[];
  fields: Record<string, string | null>;
  completedOn: PlainDate;
} | null> {
  const r = await q.query("SELECT form, required_fields, fields, completed_on FROM sale_records WHERE sale_id = $1", [
    saleId,
  ]);
  return r[0]
    ? { form: r[0].form, requiredFields: r[0].required_fields, fields: r[0].fields, completedOn: r[0].completed_on }
    : null;
}

export async function saleReports(
  q: Queryable,
  saleId: string,
): Promise<
  {
    recipient: string;
    recipientName: string;
    town: string | null;
    reason: string;
    createdAt: string;
    sentAt: string | null;
  }[]
> {
  const r = await q.query(
    "SELECT recipient, recipient_name, town, reason, created_at, sent_at FROM sale_reports WHERE sale_id = $1 ORDER BY id",
    [saleId],
  );
  return r.map((x) => ({
    recipient: x.recipient,
    recipientName: x.recipient_name,
    town: x.town,
    reason: x.reason,
    createdAt: x.created_at,
    sentAt: x.sent_at,
  }));
}

export interface SaleFilter {
  dealerId?: string | undefined;
  status?: SaleStatus | undefined;
  from?: PlainDate | undefined;
  to?: PlainDate | undefined;
  serialNumber?: string | undefined;
  limit: number;
  offset: number;
}

export async function listSales(
  q: Queryable,
  f: SaleFilter,
): Promise<{ items: (Sale & { dealerName: string | null; nicsTransactionNumber: string | null })[]; total: number }> {
  const rows = await q.query(
    `SELECT ${SALE_COLS}, d.name AS dealer_name, coalesce(n.transaction_number, n.stateline_reference) AS nics_ref, count(*) OVER () AS total
     FROM sales s LEFT JOIN dealers d ON d.id = s.dealer_id LEFT JOIN sale_nics_checks n ON n.sale_id = s.id
     WHERE ($1::uuid IS NULL OR s.dealer_id = $1) AND ($2::text IS NULL OR s.status = $2) AND ($3::date IS NULL OR s.sale_on >= $3)
       AND ($4::date IS NULL OR s.sale_on <= $4) AND ($5::text IS NULL OR upper(s.firearm_serial_number) = upper($5))
     ORDER BY s.requested_at DESC, s.number DESC LIMIT $6 OFFSET $7`,
    [f.dealerId ?? null, f.status ?? null, f.from ?? null, f.to ?? null, f.serialNumber ?? null, f.limit, f.offset],
  );
  return {
    items: rows.map((r) => ({ ...toSale(r), dealerName: r.dealer_name, nicsTransactionNumber: r.nics_ref })),
    total: rows[0]?.total ?? 0,
  };
}

/** A firearm the sale records say a person acquired (for the enforcement module's armed-and-prohibited list). */
export interface AcquiredFirearm {
  saleId: string;
  saleNumber: string;
  saleOn: PlainDate | null;
  firearmClass: string;
  make: string | null;
  model: string | null;
  serialNumber: string | null;
  caliber: string | null;
}

/** The firearms a person bought (sales that were authorized or went ahead; not cancelled or denied), newest first. */
export async function firearmsAcquiredBy(q: Queryable, personId: string): Promise<AcquiredFirearm[]> {
  const r = await q.query(
    `SELECT id::text, number, sale_on, firearm_class, firearm_make, firearm_model, firearm_serial_number, firearm_caliber FROM sales
     WHERE buyer_person_id = $1 AND status IN ('authorized','proceeded','denied-after-transfer') ORDER BY requested_at DESC, number DESC LIMIT 500`,
    [personId],
  );
  return r.map((x) => ({
    saleId: x.id,
    saleNumber: x.number,
    saleOn: x.sale_on,
    firearmClass: x.firearm_class,
    make: x.firearm_make,
    model: x.firearm_model,
    serialNumber: x.firearm_serial_number,
    caliber: x.firearm_caliber,
  }));
}
