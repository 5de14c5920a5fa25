/**
 * Same serial number authorized twice in a few minutes: the second seller is
 * warned on the answer and on the sale's page. A firearm is transferred once;
 * two authorizations of one serial number close together are a typo in one of
 * them, the same gun sold twice, or a straw purchase.
 *
 * The seller is told only that the serial number was authorized in another
 * sale, and when; the other sale's number only when it is the seller's own.
 *
 * QUESTION(legal): no section of PA 13-3 speaks to this; it is an operational
 * check (the transfer record of § 1 names the serial number). Nothing is refused.
 */
import type { Queryable } from "../../db/client.ts";
import type { Sale } from "./queries.ts";

/** How close two authorizations of one serial number must be to warn. */
export const SAME_SERIAL_WINDOW_MINUTES = 30;

export interface SerialWarning {
  code: "same-serial-recently-authorized";
  message: string;
  otherSaleNumber: string | null;
  minutesApart: number;
}

const TRANSFERRED = ["authorized", "proceeded", "denied-after-transfer"];

/** The warnings for a sale that is authorized: other authorized sales of the same serial number (and make) within the window. */
export async function serialWarnings(q: Queryable, s: Sale): Promise<SerialWarning[]> {
  if (!TRANSFERRED.includes(s.status)) return [];
  const rows = await q.query<{ number: string; dealer_id: string | null; minutes: number }>(
    `SELECT o.number, o.dealer_id::text, round(abs(extract(epoch FROM (o.requested_at - me.requested_at))) / 60)::int AS minutes
       FROM sales o JOIN sales me ON me.id = $1
      WHERE upper(o.firearm_serial_number) = upper(me.firearm_serial_number) AND o.firearm_make = me.firearm_make AND o.id <> me.id
        AND o.status = ANY($2::text[]) AND abs(extract(epoch FROM (o.requested_at - me.requested_at))) <= $3 * 60
      ORDER BY o.requested_at`,
    [s.id, TRANSFERRED, SAME_SERIAL_WINDOW_MINUTES],
  );
  return rows.map((r) => {
    const own = r.dealer_id !== null && r.dealer_id === s.dealerId;
    return {
      code: "same-serial-recently-authorized" as const,
      otherSaleNumber: own ? r.number : null,
      minutesApart: r.minutes,
      message: `Serial number ${s.firearm.serialNumber} was authorized in ${own ? `your sale ${r.number}` : "another sale"} ${r.minutes <= 1 ? "within a minute" : `${r.minutes} minutes`} of this one. Check the serial number on the firearm; if it was entered wrongly, cancel this sale and request it again.`,
    };
  });
}
