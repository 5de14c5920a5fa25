/**
 * Dealer accountability: for each Connecticut dealer (from Stateline's own sales and traces) and
 * each out-of-state dealer named in traces, the traces of its guns per 1,000 of its sales, the
 * share with a time to crime under three years (ATF's marker of possible trafficking), the
 * multiple-sale and repeated-denial signals, and its guns reported stolen. A ranked list for
 * investigators; a dealer's staff see their own shop's figures only.
 *
 * These are signals for a conversation, not findings: a high rate can come from a large urban
 * shop's ordinary business. QUESTION(policy): the period and the three-year marker are the task
 * force's to confirm.
 */
import type { Ctx } from "../../context.ts";
import { addDays, addYears, type PlainDate } from "../../law/core/dates.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { appendAudit } from "../audit/index.ts";
import { findStaffMembership } from "../dealers/index.ts";
import { tracingPolicy } from "./policy.ts";
import { dealerSaleFigures } from "./sale-records.ts";

export const SHORT_TIME_TO_CRIME_YEARS = 3;

export interface DealerFigures {
  dealerId: string;
  name: string;
  fflNumber: string | null;
  town: string;
  sales: number;
  traces: number;
  tracesPer1000Sales: number | null;
  shortTimeToCrime: number;
  shortTimeToCrimeShare: number | null;
  multipleSales: number;
  repeatedDenials: number;
  tracedGunsReportedStolen: number;
  /** Inventory loss and theft reports of the shop itself: the registries module records none yet (null = not available). */
  inventoryLossReports: number | null;
}

export interface OutOfStateDealer {
  name: string;
  fflNumber: string | null;
  state: string | null;
  traces: number;
  shortTimeToCrime: number;
}

export interface Period {
  from: PlainDate;
  to: PlainDate;
}

export function periodOf(ctx: Ctx, from?: PlainDate, to?: PlainDate): Period {
  const t = to ?? ctx.today;
  const f = from ?? addDays(addYears(t, -1), 1);
  if (f > t) throw badField("query.from", "must not be after to");
  return { from: f, to: t };
}

async function figures(ctx: Ctx, p: Period, dealerId: string | null): Promise<DealerFigures[]> {
  const sales = await dealerSaleFigures(ctx.db, p.from, p.to, dealerId);
  const tr = await ctx.db.query<{ dealer: string; n: number; short: number; stolen: number }>(
    `SELECT first_dealer_id::text AS dealer, count(*)::int AS n,
            count(*) FILTER (WHERE first_sale_on > (recovered_on - make_interval(years => $3))::date)::int AS short,
            count(*) FILTER (WHERE reported_stolen)::int AS stolen
       FROM traces WHERE first_dealer_id IS NOT NULL AND recovered_on BETWEEN $1 AND $2 AND ($4::uuid IS NULL OR first_dealer_id = $4) GROUP BY first_dealer_id`,
    [p.from, p.to, SHORT_TIME_TO_CRIME_YEARS, dealerId],
  );
  const byDealer = new Map(tr.map((x) => [x.dealer, x]));
  return sales.map((s) => {
    const t = byDealer.get(s.dealerId);
    const traces = t?.n ?? 0,
      short = t?.short ?? 0;
    return {
      ...s,
      traces,
      tracesPer1000Sales: s.sales > 0 ? Math.round((traces / s.sales) * 1000 * 10) / 10 : null,
      shortTimeToCrime: short,
      shortTimeToCrimeShare: traces > 0 ? Math.round((short / traces) * 1000) / 1000 : null,
      tracedGunsReportedStolen: t?.stolen ?? 0,
      inventoryLossReports: null,
    };
  });
}

/** Ranked: most traces per 1,000 sales first (dealers with traces but no sales in the period next, by traces). */
export function rank(list: DealerFigures[]): DealerFigures[] {
  return [...list].sort(
    (a, b) =>
      (b.tracesPer1000Sales ?? (b.traces > 0 ? Infinity : -1)) -
        (a.tracesPer1000Sales ?? (a.traces > 0 ? Infinity : -1)) ||
      b.traces - a.traces ||
      a.name.localeCompare(b.name),
  );
}

function requireRanking(ctx: Ctx): void {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  if (!tracingPolicy.dealerRanking(ctx.user))
    throw forbidden("the dealer ranking is for investigators, the task force and licensing staff");
}

/** Every Connecticut dealer's figures, ranked, and the out-of-state dealers named in traces. */
export async function dealerRanking(
  ctx: Ctx,
  p: Period,
): Promise<{ period: Period; dealers: DealerFigures[]; outOfState: OutOfStateDealer[] }> {
  requireRanking(ctx);
  const dealers = rank(await figures(ctx, p, null));
  const oos = await ctx.db.query<{ name: string; ffl: string | null; state: string | null; n: number; short: number }>(
    `SELECT first_dealer_name AS name, first_dealer_ffl AS ffl, source_state AS state, count(*)::int AS n,
            count(*) FILTER (WHERE first_sale_on > (recovered_on - make_interval(years => $3))::date)::int AS short
       FROM traces WHERE first_dealer_id IS NULL AND first_dealer_name IS NOT NULL AND recovered_on BETWEEN $1 AND $2
      GROUP BY first_dealer_name, first_dealer_ffl, source_state ORDER BY n DESC, name LIMIT 200`,
    [p.from, p.to, SHORT_TIME_TO_CRIME_YEARS],
  );
  return {
    period: p,
    dealers,
    outOfState: oos.map((o) => ({
      name: o.name,
      fflNumber: o.ffl,
      state: o.state,
      traces: o.n,
      shortTimeToCrime: o.short,
    })),
  };
}

/**
 * One dealer's figures. Investigators may see any dealer; a dealer's staff only their own shop
 * (another shop's page is refused, and the refusal audited).
 */
export async function dealerFigures(ctx: Ctx, dealerId: string, p: Period): Promise<DealerFigures> {
  const u = ctx.user;
  if (!u) throw new AppError("unauthenticated", "sign in first");
  if (!tracingPolicy.dealerRanking(u)) {
    const m = tracingPolicy.ownDealerFigures(u) ? await findStaffMembership(ctx.db, u.id) : undefined;
    if (!m || m.dealerId !== dealerId) {
      await appendAudit(ctx.db, ctx, {
        action: "tracing.dealer-figures.read",
        entityType: "dealer",
        entityId: dealerId,
        outcome: "denied",
      });
      throw forbidden("a dealer sees only its own figures");
    }
  }
  const f = (await figures(ctx, p, dealerId))[0];
  if (!f) throw notFound("dealer");
  await appendAudit(ctx.db, ctx, {
    action: "tracing.dealer-figures.read",
    entityType: "dealer",
    entityId: dealerId,
    details: { from: p.from, to: p.to },
  });
  return f;
}

/** The signed-in dealer's own figures. */
export async function ownDealerFigures(ctx: Ctx, p: Period): Promise<DealerFigures> {
  const u = ctx.user;
  if (!u) throw new AppError("unauthenticated", "sign in first");
  if (!tracingPolicy.ownDealerFigures(u)) throw forbidden("only a dealer's staff have a dealer's own view");
  const m = await findStaffMembership(ctx.db, u.id);
  if (!m) throw forbidden("you do not act for a dealer");
  return dealerFigures(ctx, m.dealerId, p);
}
