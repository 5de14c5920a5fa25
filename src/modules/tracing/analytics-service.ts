/** Analytics use cases: who may see them, and the figures with Stateline's own traces beside ATF's. */
import type { Ctx } from "../../context.ts";
import { AppError, badField, forbidden } from "../../lib/errors.ts";
import { ATF_YEARS, corridors, sourceStates, sourceTrend, traceSourceStates } from "./analytics.ts";
import { tracingPolicy } from "./policy.ts";
import { STATES } from "./states.ts";

function requireAnalytics(ctx: Ctx): void {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  if (!tracingPolicy.analytics(ctx.user))
    throw forbidden("source-state analytics are for investigators, the task force and licensing staff");
}

export function checkYear(year: number): void {
  if (year < ATF_YEARS.from || year > ATF_YEARS.to)
    throw badField("query.year", `ATF's table covers ${ATF_YEARS.from} to ${ATF_YEARS.to}`);
}
export function checkState(code: string, field = "query.state"): void {
  if (!STATES[code]) throw badField(field, "not a US state or territory code");
}

export async function sourceStatesFor(ctx: Ctx, year: number, state: string) {
  requireAnalytics(ctx);
  checkYear(year);
  checkState(state);
  const atf = await sourceStates(ctx.db, year, state);
  return { ...atf, stateline: await traceSourceStates(ctx.db, year, state) };
}

export async function trendFor(ctx: Ctx, state: string) {
  requireAnalytics(ctx);
  checkState(state);
  return sourceTrend(ctx.db, state);
}

export async function corridorsFor(ctx: Ctx, from: number, to: number) {
  requireAnalytics(ctx);
  checkYear(from);
  checkYear(to);
  if (to < from) throw badField("query.to", "must not be before from");
  return corridors(ctx.db, from, to);
}
