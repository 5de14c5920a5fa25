/**
 * The class and mandatory minimums of the possession crimes.
 *
 * OLR analysis, § 44: "The bill increases the penalty for this crime from a
 * class D to a class C felony. The law already imposes a two-year mandatory
 * minimum sentence. The bill also imposes a mandatory minimum $5,000 fine
 * unless the court states on the record why it remits or reduces the fine."
 * § 45: "The bill increases the penalty for this crime from a class D to a
 * class C felony and imposes a mandatory minimum (1) two-year prison sentence
 * and (2) $5,000 fine unless the court states on the record why it remits or
 * reduces the fine."
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, cite, inForce, pa133 } from "../../core/rules.ts";
import { type Penalty, penalty } from "./crime-classes.ts";
import { PASSAGE, POSSESSION_AMENDMENTS_EFFECTIVE, type PossessionStatute } from "./statutes.ts";
import { defineRule } from "../../core/questions.ts";

const FIREARM: readonly Dated<Penalty>[] = [
  {
    from: PASSAGE,
    value: penalty("criminal possession of a firearm or electronic defense weapon", "CGS § 53a-217", "class D felony", {
      prisonYears: 2,
    }),
    source: cite("CGS", "§ 53a-217", {
      cgs: "CGS § 53a-217",
      text: "class D felony; the law already imposes a two-year mandatory minimum sentence",
    }),
  },
  {
    from: POSSESSION_AMENDMENTS_EFFECTIVE,
    value: penalty(
      "criminal possession of a firearm, ammunition or an electronic defense weapon",
      "CGS § 53a-217",
      "class C felony",
      { prisonYears: 2, fineDollars: 5000 },
    ),
    source: pa133("§ 44", {
      cgs: "CGS § 53a-217",
      text: "increases the penalty for this crime from a class D to a class C felony ... mandatory minimum $5,000 fine",
    }),
  },
];

const HANDGUN: readonly Dated<Penalty>[] = [
  {
    from: PASSAGE,
    value: penalty("criminal possession of a pistol or revolver", "CGS § 53a-217c", "class D felony"),
    source: cite("CGS", "§ 53a-217c", { cgs: "CGS § 53a-217c", text: "class D felony" }),
  },
  {
    from: POSSESSION_AMENDMENTS_EFFECTIVE,
    value: penalty("criminal possession of a pistol or revolver", "CGS § 53a-217c", "class C felony", {
      prisonYears: 2,
      fineDollars: 5000,
    }),
    source: pa133("§ 45", {
      cgs: "CGS § 53a-217c",
      text: "increases the penalty for this crime from a class D to a class C felony and imposes a mandatory minimum (1) two-year prison sentence and (2) $5,000 fine",
    }),
  },
];

/** The penalty for criminal possession under `statute` on `on` (throws NotInForce before 4 April 2013). */
export function possessionPenalty(statute: PossessionStatute, on: PlainDate): Penalty {
  return inForce(statute === "firearm" ? FIREARM : HANDGUN, on, `criminal-possession.${statute}.penalty`).value;
}

export const POSSESSION_PENALTY_VERSIONS = { firearm: FIREARM, handgun: HANDGUN } as const;

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const PENALTY_RULE = defineRule({
  id: "criminal-possession.penalty",
  title: "Criminal possession: class D felony, class C from 1 October 2013",
  description:
    "Criminal possession of a firearm, ammunition or a pistol becomes a class C felony with a two-year minimum sentence and a $5,000 minimum fine.",
  citations: [POSSESSION_PENALTY_VERSIONS.firearm[1]!.source, POSSESSION_PENALTY_VERSIONS.handgun[1]!.source],
  from: "2013-04-04",
});
