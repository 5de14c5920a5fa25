/**
 * The one place the leads module reads firearm sales: table `sales` of the
 * sales module (migration 005_sales.sql). Only these columns are used:
 *
 *   id, number, buyer_person_id, dealer_id, firearm_class ('handgun' | 'long-gun'),
 *   status ('delayed' | 'authorized' | 'proceeded' | 'denied' | 'denied-after-transfer' | 'cancelled'),
 *   delay_reason, sale_on, firearm_serial_number, firearm_make, requested_at
 *
 * If the table or one of these columns is missing, the firearm detectors
 * report themselves unavailable instead of failing the sweep.
 */
import type { Queryable } from "../../db/client.ts";
import type { PlainDate } from "../../law/core/dates.ts";

export const FIREARM_SALE_COLUMNS = [
  "id",
  "number",
  "buyer_person_id",
  "dealer_id",
  "firearm_class",
  "status",
  "delay_reason",
  "sale_on",
  "firearm_serial_number",
  "firearm_make",
  "requested_at",
] as const;

/** Statuses of a transfer that took place (or may take place): the gun changed hands. */
export const TRANSFERRED = ["authorized", "proceeded", "denied-after-transfer"] as const;

/**
 * Attempts that did not go through. A delay counts only when NICS delayed it or a
 * person had to review it; a waiting period or a NICS outage says nothing about the buyer.
 * QUESTION(policy): the table holds each sale's latest status, so a delay later cleared does
 * not count; the history in sale_actions could be used if investigators want every delay.
 */
const REFUSED_SQL =
  "(status IN ('denied','denied-after-transfer') OR (status = 'delayed' AND delay_reason IN ('nics-delayed','needs-review')))";

export interface FirearmAttempt {
  id: string;
  number: string;
  personId: string;
  dealerId: string | null;
  on: PlainDate;
  handgun: boolean;
  status: string;
  transferred: boolean;
  refused: boolean;
}

/** Whether table `sales` exists with every column the firearm detectors read. */
export async function firearmSalesAvailable(q: Queryable): Promise<boolean> {
  const r = await q.query<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'sales'",
  );
  const have = new Set(r.map((x) => x.column_name));
  return FIREARM_SALE_COLUMNS.every((c) => have.has(c));
}

/** One buyer's firearm sale attempts between two dates (inclusive), oldest first. */
export async function firearmAttemptsOf(
  q: Queryable,
  personId: string,
  from: PlainDate,
  to: PlainDate,
): Promise<FirearmAttempt[]> {
  const rows = await q.query(
    `SELECT id::text, number, buyer_person_id::text, dealer_id::text, sale_on, firearm_class, status,
            status = ANY($4::text[]) AS transferred, ${REFUSED_SQL} AS refused
     FROM sales WHERE buyer_person_id = $1 AND sale_on BETWEEN $2 AND $3 ORDER BY sale_on, number`,
    [personId, from, to, TRANSFERRED],
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    personId: r.buyer_person_id,
    dealerId: r.dealer_id,
    on: r.sale_on,
    handgun: r.firearm_class === "handgun",
    status: r.status,
    transferred: r.transferred,
    refused: r.refused,
  }));
}

/** Buyers with at least `n` handguns transferred between two dates. */
export async function buyersWithHandguns(q: Queryable, from: PlainDate, to: PlainDate, n: number): Promise<string[]> {
  const r = await q.query(
    `SELECT buyer_person_id::text AS id FROM sales WHERE buyer_person_id IS NOT NULL AND firearm_class = 'handgun' AND status = ANY($3::text[]) AND sale_on BETWEEN $1 AND $2
     GROUP BY buyer_person_id HAVING count(*) >= $4`,
    [from, to, TRANSFERRED, n],
  );
  return r.map((x) => x.id);
}

/** Buyers with at least `attempts` refused or delayed attempts at `dealers` or more dealers between two dates. */
export async function buyersWithRefusals(
  q: Queryable,
  from: PlainDate,
  to: PlainDate,
  attempts: number,
  dealers: number,
): Promise<string[]> {
  const r = await q.query(
    `SELECT buyer_person_id::text AS id FROM sales WHERE buyer_person_id IS NOT NULL AND ${REFUSED_SQL} AND sale_on BETWEEN $1 AND $2
     GROUP BY buyer_person_id HAVING count(*) >= $3 AND count(DISTINCT dealer_id) >= $4`,
    [from, to, attempts, dealers],
  );
  return r.map((x) => x.id);
}

/** Two transfers of one serial number (and make) close together: one of them is the person's. */
export interface SerialPair {
  serialNumber: string;
  make: string;
  minutesApart: number;
  mine: { id: string; number: string; on: PlainDate; dealerId: string | null; personId: string };
  other: { id: string; number: string; on: PlainDate; dealerId: string | null; personId: string | null };
}

const PAIR_SQL = `SELECT upper(me.firearm_serial_number) AS serial, me.firearm_make AS make,
    round(abs(extract(epoch FROM (o.requested_at - me.requested_at))) / 60)::int AS minutes,
    me.id::text AS me_id, me.number AS me_number, me.sale_on AS me_on, me.dealer_id::text AS me_dealer, me.buyer_person_id::text AS me_person,
    o.id::text AS o_id, o.number AS o_number, o.sale_on AS o_on, o.dealer_id::text AS o_dealer, o.buyer_person_id::text AS o_person
  FROM sales me JOIN sales o ON upper(o.firearm_serial_number) = upper(me.firearm_serial_number) AND o.firearm_make = me.firearm_make AND o.id <> me.id
  WHERE me.status = ANY($1::text[]) AND o.status = ANY($1::text[]) AND me.sale_on BETWEEN $2 AND $3
    AND abs(extract(epoch FROM (o.requested_at - me.requested_at))) <= $4 * 60`;

/**
 * Transfers (authorized, proceeded) of one buyer between two dates whose serial number and make
 * were also transferred in another sale requested within `minutes` of it, each with that other sale.
 */
export async function serialPairsOf(
  q: Queryable,
  personId: string,
  from: PlainDate,
  to: PlainDate,
  minutes: number,
): Promise<SerialPair[]> {
  const rows = await q.query(`${PAIR_SQL} AND me.buyer_person_id = $5 ORDER BY me.sale_on, me.number, o.number`, [
    TRANSFERRED,
    from,
    to,
    minutes,
    personId,
  ]);
  return rows.map((r) => ({
    serialNumber: r.serial,
    make: r.make,
    minutesApart: r.minutes,
    mine: { id: r.me_id, number: r.me_number, on: r.me_on, dealerId: r.me_dealer, personId: r.me_person },
    other: { id: r.o_id, number: r.o_number, on: r.o_on, dealerId: r.o_dealer, personId: r.o_person },
  }));
}

/** Buyers of a transfer between two dates whose serial number (and make) was transferred again within `minutes`. */
export async function buyersWithSerialPairs(
  q: Queryable,
  from: PlainDate,
  to: PlainDate,
  minutes: number,
): Promise<string[]> {
  const r = await q.query(`SELECT DISTINCT t.me_person AS id FROM (${PAIR_SQL}) t WHERE t.me_person IS NOT NULL`, [
    TRANSFERRED,
    from,
    to,
    minutes,
  ]);
  return r.map((x) => x.id);
}
