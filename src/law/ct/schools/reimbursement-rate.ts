/**
 * The grant's reimbursement rate: 20 to 80 percent by town wealth.
 *
 * PA 13-3 §§ 84-85: "The grants reimburse school districts for 20% to 80% of
 * the eligible expenses for such security measures incurred after the bill's
 * effective date. The reimbursement percentage is based on the district's
 * wealth."
 *
 * The percentage is the school construction reimbursement rate (CGS
 * § 10-285a): towns are ranked 1 to 169 by wealth, the wealthiest first, and
 * rate = 20 + (rank - 1) x 60 / 168 percent (so rank 1 gets 20 %, rank 169
 * gets 80 %). Rates are kept to hundredths of a percent, as the state
 * publishes them (Fairfield, rank 19: 26.43 %; Ansonia, rank 163: 77.86 %).
 *
 * QUESTION(legal): for a regional board of education applying for its member
 * towns, the analysis does not say which town's rank applies; the service must
 * supply the rank it uses.
 */
import { type Citation, cite, pa133 } from "../../core/rules.ts";

export const RATE_SOURCE: Citation = pa133("§§ 84-85", {
  text: "The grants reimburse school districts for 20% to 80% of the eligible expenses for such security measures incurred after the bill's effective date. The reimbursement percentage is based on the district's wealth.",
});
export const RANKING_SOURCE: Citation = cite("CGS", "§ 10-285a", {
  cgs: "CGS § 10-285a",
  text: "towns ranked 1-169 by wealth, rate = 20 + (rank - 1) x 60/168 percent",
});

export const TOWNS = 169;

/** The reimbursement percentage for a town's wealth rank (1 = wealthiest), to hundredths. */
export function reimbursementRatePercent(rank: number): number {
  if (!Number.isInteger(rank) || rank < 1 || rank > TOWNS)
    throw new RangeError(`town wealth rank must be a whole number from 1 to ${TOWNS}: ${rank}`);
  return Math.round((20 + ((rank - 1) * 60) / (TOWNS - 1)) * 100) / 100;
}

/** The grant for eligible expenses at a rate, in dollars rounded to the cent. */
export function reimbursementAmount(eligibleExpenses: number, ratePercent: number): number {
  if (!(eligibleExpenses >= 0)) throw new RangeError(`eligible expenses must be zero or more: ${eligibleExpenses}`);
  return Math.round((Math.round(eligibleExpenses * 100) * Math.round(ratePercent * 100)) / 10000) / 100;
}
