/**
 * Allocating a grant round's money (PA 13-3 §§ 84-85).
 *
 * "If there is not enough money to reimburse every district for its full
 * percentage, the DESPP commissioner ... must give first priority to
 * applicants with schools they determine most need entrance security, based
 * on the required security assessments. From among those applicants, they
 * must give first priority to schools that have no entrance security
 * infrastructure and second priority to schools located in priority school
 * districts." The bond authorization is "up to $15 million".
 *
 * The unit allocated is one school's projects in one approved application
 * (the priority is worded by school). Each unit asks for its full percentage:
 * eligible expenses x the district's rate. When the money covers every unit,
 * each gets its full percentage. Otherwise units are paid in full tier by tier
 * (see grant-priority.ts); the tier the money runs out in is shared pro rata.
 *
 * QUESTION(legal): the text does not say how money is divided among schools of
 * equal priority when it cannot pay them all. We share it pro rata to their
 * full percentages (so the order of filing does not decide), to the cent; the
 * cents left by rounding go to the largest remainders, then the earlier line.
 * Units in later tiers receive nothing.
 *
 * QUESTION(legal): a round's budget is bounded by the $15 million bond
 * authorization for all rounds together; the service enforces the total.
 */
import { type Citation, pa133 } from "../../core/rules.ts";
import { PRIORITY_SOURCE, type PriorityFacts, type Tier, priorityTier } from "./grant-priority.ts";

export const BOND_AUTHORIZATION_CENTS = 15_000_000_00;
export const BOND_SOURCE: Citation = pa133("§§ 84-85", {
  text: "authorizes up to $15 million in state bonds for the program",
});

export const TIER_LABELS: Record<Tier, string> = {
  1: "most in need of entrance security, with no entrance security infrastructure",
  2: "most in need of entrance security, in a priority school district",
  3: "most in need of entrance security",
  4: "not determined most in need of entrance security",
};

export interface AllocationUnit extends PriorityFacts {
  key: string;
  label: string;
  /** The full percentage: eligible expenses x rate, in cents. */
  requestedCents: number;
}
export interface AllocationLine {
  key: string;
  label: string;
  tier: Tier | null;
  requestedCents: number;
  awardedCents: number;
  because: string;
}
export interface Allocation {
  budgetCents: number;
  requestedCents: number;
  awardedCents: number;
  fullyFunded: boolean;
  lines: AllocationLine[];
  summary: string[];
  source: Citation;
}

const $ = (c: number) =>
  `$${(c / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Shares `pot` cents among `asks` pro rata, to the cent (largest remainder, then order). */
export function shareProRata(pot: number, asks: readonly number[]): number[] {
  const total = asks.reduce((s, a) => s + a, 0);
  if (total === 0) return asks.map(() => 0);
  const exact = asks.map((a) => BigInt(a) * BigInt(pot));
  const base = exact.map((e) => Number(e / BigInt(total)));
  const rem = exact.map((e, i) => ({ i, r: Number(e % BigInt(total)) }));
  let left = pot - base.reduce((s, b) => s + b, 0);
  rem.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of rem) {
    if (left <= 0) break;
    base[i]! += 1;
    left -= 1;
  }
  return base;
}

/** Allocates `budgetCents` among the units, explained line by line. Throws when a unit's tier cannot be decided and money is short. */
export function allocateRound(budgetCents: number, units: readonly AllocationUnit[]): Allocation {
  if (!Number.isInteger(budgetCents) || budgetCents < 0)
    throw new RangeError(`budget must be whole cents, zero or more: ${budgetCents}`);
  const requested = units.reduce((s, u) => s + u.requestedCents, 0);
  if (requested <= budgetCents) {
    const lines = units.map((u) => ({
      key: u.key,
      label: u.label,
      tier: null,
      requestedCents: u.requestedCents,
      awardedCents: u.requestedCents,
      because: `full percentage ${$(u.requestedCents)}: the round's ${$(budgetCents)} covers every full percentage (${$(requested)})`,
    }));
    return {
      budgetCents,
      requestedCents: requested,
      awardedCents: requested,
      fullyFunded: true,
      lines,
      source: PRIORITY_SOURCE,
      summary: [`Requested ${$(requested)} of ${$(budgetCents)}: every school gets its full percentage.`],
    };
  }
  const tiers = units.map((u, i) => {
    const t = priorityTier(u);
    if (t === undefined)
      throw new RangeError(
        `${u.label || `unit ${i}`}: the facts deciding its priority are missing (most in need, entrance security, priority school district)`,
      );
    return t;
  });
  const lines: AllocationLine[] = units.map((u, i) => ({
    key: u.key,
    label: u.label,
    tier: tiers[i]!,
    requestedCents: u.requestedCents,
    awardedCents: 0,
    because: "",
  }));
  const summary = [
    `Requested ${$(requested)} but the round has ${$(budgetCents)}: paid by priority (PA 13-3 §§ 84-85).`,
  ];
  let left = budgetCents;
  for (const tier of [1, 2, 3, 4] as Tier[]) {
    const idx = lines.map((l, i) => (l.tier === tier ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) continue;
    const ask = idx.reduce((s, i) => s + lines[i]!.requestedCents, 0);
    if (ask <= left) {
      for (const i of idx) {
        const l = lines[i]!;
        l.awardedCents = l.requestedCents;
        l.because = `tier ${tier} (${TIER_LABELS[tier]}): full percentage ${$(l.requestedCents)}`;
      }
      summary.push(
        `Tier ${tier} (${TIER_LABELS[tier]}): ${idx.length} school(s) asked ${$(ask)}, paid in full; ${$(left - ask)} left.`,
      );
      left -= ask;
    } else if (left > 0) {
      const shares = shareProRata(
        left,
        idx.map((i) => lines[i]!.requestedCents),
      );
      idx.forEach((i, k) => {
        const l = lines[i]!;
        l.awardedCents = shares[k]!;
        l.because = `tier ${tier} (${TIER_LABELS[tier]}): the ${$(left)} left is shared pro rata among ${idx.length} school(s) asking ${$(ask)}: ${$(l.awardedCents)} of ${$(l.requestedCents)}`;
      });
      summary.push(
        `Tier ${tier} (${TIER_LABELS[tier]}): ${idx.length} school(s) asked ${$(ask)}; the ${$(left)} left is shared pro rata.`,
      );
      left = 0;
    } else {
      for (const i of idx) {
        const l = lines[i]!;
        l.because = `tier ${tier} (${TIER_LABELS[tier]}): no money left after higher priorities`;
      }
      summary.push(`Tier ${tier} (${TIER_LABELS[tier]}): ${idx.length} school(s) asked ${$(ask)}; nothing left.`);
    }
  }
  const awarded = lines.reduce((s, l) => s + l.awardedCents, 0);
  return {
    budgetCents,
    requestedCents: requested,
    awardedCents: awarded,
    fullyFunded: false,
    lines,
    summary,
    source: PRIORITY_SOURCE,
  };
}
