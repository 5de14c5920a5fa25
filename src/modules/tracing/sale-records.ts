/**
 * The one place the tracing module reads firearm sales: table `sales` of the sales module
 * (migration 005_sales.sql) and `dealers` (004), read only. The columns used:
 *
 *   sales: id, number, kind, route, dealer_id, status, sale_on, buyer_person_id, buyer_first_name,
 *          buyer_last_name, buyer_birth_on, buyer_town, buyer_state, seller_name, firearm_make,
 *          firearm_model, firearm_serial_number, firearm_caliber, firearm_type, firearm_class
 *   dealers: id, name, ffl_number, town
 *
 * (The sales module's index.ts exports single-sale reads; a trace needs every sale of one serial
 * number and per-dealer counts, which it does not offer. The leads module reads `sales` the same way.)
 */
import type { Queryable } from "../../db/client.ts";
import type { PlainDate } from "../../law/core/dates.ts";

/** Statuses of a sale where the gun changed hands. */
export const TRANSFERRED = ["authorized", "proceeded", "denied-after-transfer"] as const;

export interface SaleRecord {
  id: string;
  number: string;
  retail: boolean;
  saleOn: PlainDate;
  dealer: { id: string; name: string; fflNumber: string | null; town: string } | null;
  buyer: {
    personId: string | null;
    firstName: string;
    lastName: string;
    birthDate: PlainDate;
    town: string;
    state: string;
  };
  sellerName: string | null;
  firearm: { make: string; model: string; serialNumber: string; caliber: string; type: string; handgun: boolean };
}

/** Every transfer of one make and serial number recorded here, oldest first. */
export async function salesBySerial(q: Queryable, serial: string, make: string | null): Promise<SaleRecord[]> {
  const rows = await q.query(
    `SELECT s.id::text, s.number, s.route, s.sale_on, s.dealer_id::text, d.name AS dealer_name, d.ffl_number, d.town AS dealer_town,
            s.buyer_person_id::text, s.buyer_first_name, s.buyer_last_name, s.buyer_birth_on, s.buyer_town, s.buyer_state, s.seller_name,
            s.firearm_make, s.firearm_model, s.firearm_serial_number, s.firearm_caliber, s.firearm_type, s.firearm_class
       FROM sales s LEFT JOIN dealers d ON d.id = s.dealer_id
      WHERE upper(s.firearm_serial_number) = upper($1) AND ($2::text IS NULL OR upper(s.firearm_make) = upper($2)) AND s.status = ANY($3::text[])
      ORDER BY s.sale_on, s.requested_at, s.number`,
    [serial, make, TRANSFERRED],
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    retail: r.route === "retail",
    saleOn: r.sale_on,
    dealer: r.dealer_id ? { id: r.dealer_id, name: r.dealer_name, fflNumber: r.ffl_number, town: r.dealer_town } : null,
    buyer: {
      personId: r.buyer_person_id,
      firstName: r.buyer_first_name,
      lastName: r.buyer_last_name,
      birthDate: r.buyer_birth_on,
      town: r.buyer_town,
      state: r.buyer_state,
    },
    sellerName: r.seller_name,
    firearm: {
      make: r.firearm_make,
      model: r.firearm_model,
      serialNumber: r.firearm_serial_number,
      caliber: r.firearm_caliber,
      type: r.firearm_type,
      handgun: r.firearm_class === "handgun",
    },
  }));
}

export interface DealerSaleFigures {
  dealerId: string;
  name: string;
  fflNumber: string | null;
  town: string;
  /** Retail transfers in the period. */
  sales: number;
  /** Handguns transferred to a buyer who received another handgun (anywhere) within 7 days. */
  multipleSales: number;
  /** Denied attempts here by a buyer also denied at another dealer within 30 days. */
  repeatedDenials: number;
}

/** Per firearm dealer: retail sales and the multiple-sale and repeated-denial signals between two dates. */
export async function dealerSaleFigures(
  q: Queryable,
  from: PlainDate,
  to: PlainDate,
  dealerId: string | null = null,
): Promise<DealerSaleFigures[]> {
  const rows = await q.query(
    `SELECT d.id::text, d.name, d.ffl_number, d.town,
       (SELECT count(*)::int FROM sales s WHERE s.dealer_id = d.id AND s.route = 'retail' AND s.status = ANY($3::text[]) AND s.sale_on BETWEEN $1 AND $2) AS sales,
       (SELECT count(*)::int FROM sales s WHERE s.dealer_id = d.id AND s.firearm_class = 'handgun' AND s.status = ANY($3::text[]) AND s.sale_on BETWEEN $1 AND $2
          AND s.buyer_person_id IS NOT NULL AND EXISTS (SELECT 1 FROM sales o WHERE o.buyer_person_id = s.buyer_person_id AND o.id <> s.id
            AND o.firearm_class = 'handgun' AND o.status = ANY($3::text[]) AND o.sale_on BETWEEN s.sale_on - 7 AND s.sale_on + 7)) AS multiple_sales,
       (SELECT count(*)::int FROM sales s WHERE s.dealer_id = d.id AND s.status IN ('denied','denied-after-transfer') AND s.sale_on BETWEEN $1 AND $2
          AND s.buyer_person_id IS NOT NULL AND EXISTS (SELECT 1 FROM sales o WHERE o.buyer_person_id = s.buyer_person_id AND o.dealer_id <> s.dealer_id
            AND o.status IN ('denied','denied-after-transfer') AND o.sale_on BETWEEN s.sale_on - 30 AND s.sale_on + 30)) AS repeated_denials
     FROM dealers d WHERE d.kind = 'firearm-dealer' AND ($4::uuid IS NULL OR d.id = $4) ORDER BY d.name`,
    [from, to, TRANSFERRED, dealerId],
  );
  return rows.map((r) => ({
    dealerId: r.id,
    name: r.name,
    fflNumber: r.ffl_number,
    town: r.town,
    sales: r.sales,
    multipleSales: r.multiple_sales,
    repeatedDenials: r.repeated_denials,
  }));
}

/** People who bought many guns, or many of one model, between two dates (unlicensed-dealing signal). */
export async function heavyBuyers(
  q: Queryable,
  from: PlainDate,
  to: PlainDate,
  minGuns: number,
  minSameModel: number,
): Promise<
  {
    personId: string;
    firstName: string;
    lastName: string;
    guns: number;
    sameModel: number;
    model: string;
    saleIds: string[];
  }[]
> {
  const rows = await q.query(
    `WITH b AS (SELECT buyer_person_id, firearm_make || ' ' || firearm_model AS model, array_agg(id::text ORDER BY sale_on) AS ids, count(*)::int AS n
                  FROM sales WHERE buyer_person_id IS NOT NULL AND status = ANY($3::text[]) AND sale_on BETWEEN $1 AND $2 GROUP BY buyer_person_id, firearm_make, firearm_model),
          t AS (SELECT buyer_person_id, sum(n)::int AS guns, max(n)::int AS same FROM b GROUP BY buyer_person_id)
     SELECT t.buyer_person_id::text AS person_id, p.first_name, p.last_name, t.guns, t.same,
            (SELECT model FROM b WHERE b.buyer_person_id = t.buyer_person_id ORDER BY n DESC, model LIMIT 1) AS model,
            (SELECT array_agg(x) FROM b, unnest(b.ids) x WHERE b.buyer_person_id = t.buyer_person_id) AS ids
       FROM t JOIN people p ON p.id = t.buyer_person_id WHERE t.guns >= $4 OR t.same >= $5 ORDER BY t.guns DESC`,
    [from, to, TRANSFERRED, minGuns, minSameModel],
  );
  return rows.map((r) => ({
    personId: r.person_id,
    firstName: r.first_name,
    lastName: r.last_name,
    guns: r.guns,
    sameModel: r.same,
    model: r.model,
    saleIds: r.ids,
  }));
}
