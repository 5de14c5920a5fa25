/**
 * Demo data for tracing: the ATF reference table, and traces of a sample of the seeded sales
 * (recovered some months after the sale, a few in another's hands, a few privately made guns),
 * asked by the first law-enforcement user. Deterministic for a given database.
 */
import type { Ctx } from "../../context.ts";
import { addDays, type PlainDate } from "../../law/core/dates.ts";
import { type User } from "../auth/index.ts";
import { ensureAtfReference } from "./analytics.ts";
import { requestTrace } from "./service.ts";

export async function seedTracing(
  ctx: Ctx,
  opts: { traces?: number } = {},
): Promise<{ reference: number; traces: number }> {
  const reference = await ensureAtfReference(ctx.db);
  const u = await ctx.db.query(
    "SELECT id::text, username, display_name, role FROM users WHERE role = 'law_enforcement' ORDER BY created_at LIMIT 1",
  );
  if (!u[0]) return { reference, traces: 0 };
  const user: User = {
    id: u[0].id,
    username: u[0].username,
    displayName: u[0].display_name,
    role: "law_enforcement",
    personId: null,
    organization: null,
  };
  const c: Ctx = { ...ctx, user };
  const sales = await ctx.db.query(
    `SELECT firearm_make, firearm_model, firearm_serial_number, sale_on, buyer_first_name, buyer_last_name, buyer_town FROM sales
      WHERE route = 'retail' AND status IN ('authorized','proceeded') ORDER BY number LIMIT $1`,
    [opts.traces ?? 40],
  );
  let n = 0;
  for (const [i, s] of sales.entries()) {
    const recoveredOn = addDays(s.sale_on as PlainDate, 60 + ((i * 97) % 900));
    if (recoveredOn > ctx.today) continue;
    await requestTrace(c, {
      priority: i % 5 === 0 ? "urgent" : "routine",
      requestingAgency: `${s.buyer_town} Police Department`,
      firearm: {
        make: s.firearm_make,
        model: s.firearm_model,
        serialNumber: s.firearm_serial_number,
        serialStatus: "present",
      },
      recovery: {
        date: recoveredOn,
        state: "CT",
        town: s.buyer_town,
        crimeCode: i % 3 === 0 ? "1313" : "5212",
        possessor:
          i % 4 === 0
            ? { firstName: s.buyer_first_name, lastName: s.buyer_last_name }
            : { firstName: "Demo", lastName: `Possessor${i}` },
      },
      purpose: { code: "firearm-trace", text: "Demonstration data: seeded trace" },
    });
    n += 1;
  }
  for (let i = 0; i < 4; i++) {
    await requestTrace(c, {
      priority: "routine",
      firearm: { make: "ZZZ", serialStatus: "privately-made" },
      recovery: {
        date: addDays(ctx.today, -10 * (i + 1)),
        state: "CT",
        town: i < 3 ? "New Haven" : "Hartford",
        crimeCode: "5212",
      },
      purpose: { code: "firearm-trace", text: "Demonstration data: seeded trace" },
    });
    n += 1;
  }
  return { reference, traces: n };
}
