/**
 * The Board of Firearms Permit Examiners grows from seven to nine members.
 *
 * PA 13-3 § 60 (CGS § 29-32b): "The bill increases the Board of Firearms Permit
 * Examiners membership, from seven to nine, by adding one retired Superior
 * Court judge, appointed by the chief court administrator, and a DMHAS nominee,
 * appointed by the governor." EFFECTIVE DATE: July 1, 2013.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, inForce, pa133 } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "appeals.board-membership";

export const BOARD_MEMBERS: Dated<number>[] = [
  {
    from: "2013-04-04",
    until: "2013-07-01",
    value: 7,
    source: pa133("§ 60", { cgs: "CGS § 29-32b", text: "from seven to nine" }),
  },
  {
    from: "2013-07-01",
    value: 9,
    source: pa133("§ 60", {
      cgs: "CGS § 29-32b",
      text: "The bill increases the Board of Firearms Permit Examiners membership, from seven to nine, by adding one retired Superior Court judge, appointed by the chief court administrator, and a DMHAS nominee, appointed by the governor.",
    }),
  },
];

/** Number of seats on the board on a date (refuses dates before 2013-04-04). */
export function boardSeats(on: PlainDate): number {
  return inForce(BOARD_MEMBERS, on, ID).value;
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const BOARD_MEMBERSHIP_RULE = defineRule({
  id: "appeals.board-membership",
  title: "Nine board members",
  description:
    "The Board of Firearms Permit Examiners grows from seven to nine members: a retired Superior Court judge and a mental health department nominee are added.",
  citations: [BOARD_MEMBERS[1]!.source],
  from: "2013-07-01",
});
