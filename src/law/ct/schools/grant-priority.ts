/**
 * Who is paid first when the grant money is short.
 *
 * PA 13-3 §§ 84-85: "If there is not enough money to reimburse every district
 * for its full percentage, the DESPP commissioner, in consultation with the DCS
 * and education commissioners, must give first priority to applicants with
 * schools they determine most need entrance security, based on the required
 * security assessments. From among those applicants, they must give first
 * priority to schools that have no entrance security infrastructure and second
 * priority to schools located in priority school districts."
 *
 * Tiers: 1 = most in need and no entrance security infrastructure; 2 = most in
 * need and in a priority school district; 3 = most in need otherwise; 4 = not
 * determined most in need.
 *
 * QUESTION(legal): the text does not say whether being in a priority school
 * district matters for applicants not found most in need; we rank only by
 * tier. How money is shared within the tier it runs out in is decided in
 * grant-allocation.ts (pro rata); `rankByPriority` keeps the order given.
 */
import { type Citation, pa133 } from "../../core/rules.ts";

export const PRIORITY_SOURCE: Citation = pa133("§§ 84-85", {
  text: "If there is not enough money to reimburse every district for its full percentage, the DESPP commissioner ... must give first priority to applicants with schools they determine most need entrance security, based on the required security assessments. From among those applicants, they must give first priority to schools that have no entrance security infrastructure and second priority to schools located in priority school districts.",
});

export interface PriorityFacts {
  mostInNeedOfEntranceSecurity?: boolean;
  noEntranceSecurityInfrastructure?: boolean;
  inPrioritySchoolDistrict?: boolean;
}

export type Tier = 1 | 2 | 3 | 4;

/** The priority tier, or undefined when a fact that decides it is missing. */
export function priorityTier(f: PriorityFacts): Tier | undefined {
  if (f.mostInNeedOfEntranceSecurity === false) return 4;
  if (f.mostInNeedOfEntranceSecurity === undefined) return undefined;
  if (f.noEntranceSecurityInfrastructure === true) return 1;
  if (f.noEntranceSecurityInfrastructure === undefined) return undefined;
  if (f.inPrioritySchoolDistrict === true) return 2;
  if (f.inPrioritySchoolDistrict === undefined) return undefined;
  return 3;
}

/** Applicants in priority order (stable within a tier); throws when an applicant's tier cannot be decided. */
export function rankByPriority<A extends PriorityFacts>(applicants: readonly A[]): A[] {
  return applicants
    .map((a, i) => {
      const tier = priorityTier(a);
      if (tier === undefined) throw new RangeError(`applicant ${i}: priority facts missing`);
      return { a, i, tier };
    })
    .sort((x, y) => x.tier - y.tier || x.i - y.i)
    .map((x) => x.a);
}
