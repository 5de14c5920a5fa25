/**
 * The reimbursement rate of a regional board of education applying for its
 * member towns (PA 13-3 §§ 84-85: "Local or regional boards of education can
 * apply to DESPP for funds on behalf of their town or member towns"; "The
 * reimbursement percentage is based on the district's wealth.").
 *
 * QUESTION(legal): the analysis does not say how member towns combine. We
 * follow the school construction grant's method for regional districts (CGS
 * § 10-285a): the average of the member towns' rates weighted by the number
 * of pupils each town sends to the district, to hundredths of a percent. The
 * construction statute's bonus percentage points for regional districts are
 * NOT added, because § 84 bounds the grant at 20 % to 80 %.
 */
import { type Citation, cite } from "../../core/rules.ts";
import { reimbursementRatePercent } from "./reimbursement-rate.ts";

export const REGIONAL_SOURCE: Citation = cite("CGS", "§ 10-285a", {
  cgs: "CGS § 10-285a",
  text: "regional school districts: member towns' percentages weighted by the pupils each town sends (our reading for the security grant; see QUESTION(legal))",
});

export interface MemberTown {
  town: string;
  rank: number;
  pupils: number;
}

/** The rate for a district of one or more towns, with its explanation. */
export function districtRatePercent(members: readonly MemberTown[]): { rate: number; because: string } {
  if (!members.length) throw new RangeError("a district needs at least one town");
  if (members.length === 1) {
    const m = members[0]!;
    const rate = reimbursementRatePercent(m.rank);
    return {
      rate,
      because: `${m.town}: wealth rank ${m.rank} of 169, 20 + (${m.rank} - 1) x 60 / 168 = ${rate.toFixed(2)} %`,
    };
  }
  const pupils = members.reduce((s, m) => s + m.pupils, 0);
  if (!members.every((m) => Number.isInteger(m.pupils) && m.pupils >= 0) || pupils <= 0)
    throw new RangeError("member towns need pupil counts (whole numbers, at least one pupil in all)");
  const weighted = members.reduce((s, m) => s + reimbursementRatePercent(m.rank) * m.pupils, 0) / pupils;
  const rate = Math.round(weighted * 100) / 100;
  const parts = members.map(
    (m) => `${m.town} rank ${m.rank} (${reimbursementRatePercent(m.rank).toFixed(2)} %) x ${m.pupils} pupils`,
  );
  return {
    rate,
    because: `regional district: ${parts.join(" + ")}, divided by ${pupils} pupils = ${rate.toFixed(2)} %`,
  };
}
