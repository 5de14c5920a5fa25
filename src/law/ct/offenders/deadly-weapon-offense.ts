/**
 * Question `deadly-weapon-offense`: is this offense a deadly weapon offense
 * for the registry, by Table 1 or by its catch-all row?
 *
 * The Table 1 match comes first; when the statute is not listed (or only some
 * of its subsections are), the catch-all decides.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import type { Answer, Question } from "../../core/questions.ts";
import { type Dated, type Finding, inForce, met, notMet, pa133, unknown } from "../../core/rules.ts";
import { TABLE_1, TABLE_1_SOURCE, type OffenseEntry, parseStatute } from "./deadly-weapon-offenses.ts";
import { FELONY_WITH_FIREARM, felonyWithFirearmFinding } from "./felony-with-firearm-finding.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "offenders.deadly-weapon-offense";

export const DeadlyWeaponOffenseFacts = z.object({
  statute: z.string().min(1).optional().describe('the statute violated, e.g. "53a-217c" or "29-33(c)"'),
  subsection: z.string().optional().describe('the subsection, e.g. "c", when not written in `statute`'),
  secondOrSubsequent: z.boolean().optional().describe("for CGS § 53-202g: a second or subsequent violation"),
  isFelony: z.boolean().optional().describe("the offense is a felony"),
  courtFoundFirearm: z
    .boolean()
    .optional()
    .describe(
      "the court found that the person used a firearm, or was armed with and threatened its use, or displayed or represented possessing one",
    ),
});
export type DeadlyWeaponOffenseFacts = z.infer<typeof DeadlyWeaponOffenseFacts>;

export interface DeadlyWeaponOffenseResult {
  deadlyWeaponOffense: boolean | null;
  basis: "table-1" | "felony-with-firearm-finding" | null;
  matched: string[];
}

/** The registry's list is in force from the registry's start date. */
export const REGISTRY_OFFENSES: Dated<readonly OffenseEntry[]>[] = [
  { from: "2014-01-01", value: TABLE_1, source: TABLE_1_SOURCE },
];

/** Table 1 match: met, not-met (not listed / other subsection), or unknown (subsection or repeat needed). */
export function table1Match(
  facts: DeadlyWeaponOffenseFacts,
  on: PlainDate,
): { finding: Finding; matched: OffenseEntry[] } {
  const rule = inForce(REGISTRY_OFFENSES, on, ID);
  if (!facts.statute) return { finding: unknown(ID, rule.source, ["statute"]), matched: [] };
  const parsed = parseStatute(facts.statute);
  if (!parsed)
    return { finding: unknown(ID, rule.source, ["statute"], `not a statute number: ${facts.statute}`), matched: [] };
  const subsection = (parsed.subsection ?? facts.subsection?.trim().toLowerCase()) || undefined;
  const entries = rule.value.filter((e) => e.statute === parsed.statute);
  if (!entries.length)
    return { finding: notMet(ID, rule.source, `CGS § ${parsed.statute} is not listed in Table 1`), matched: [] };

  const whole = entries.filter((e) => !e.subsections);
  const bySub = entries.filter((e) => e.subsections);
  const plain = whole.filter((e) => !e.secondOrSubsequent);
  const repeat = whole.filter((e) => e.secondOrSubsequent);
  if (plain.length)
    return {
      finding: met(ID, rule.source, `CGS § ${parsed.statute} is listed: ${plain.map((e) => e.description).join("; ")}`),
      matched: plain,
    };

  if (bySub.length) {
    if (!subsection)
      return {
        finding: unknown(
          ID,
          rule.source,
          ["subsection"],
          `only some subsections of CGS § ${parsed.statute} are listed`,
        ),
        matched: [],
      };
    const hit = bySub.filter((e) => e.subsections!.includes(subsection));
    if (hit.length)
      return {
        finding: met(
          ID,
          rule.source,
          `CGS § ${parsed.statute}(${subsection}) is listed: ${hit.map((e) => e.description).join("; ")}`,
        ),
        matched: hit,
      };
    return {
      finding: notMet(ID, rule.source, `CGS § ${parsed.statute}(${subsection}) is not among the listed subsections`),
      matched: [],
    };
  }

  // only a second or subsequent violation is listed
  if (facts.secondOrSubsequent === undefined)
    return { finding: unknown(ID, rule.source, ["secondOrSubsequent"]), matched: [] };
  if (facts.secondOrSubsequent)
    return { finding: met(ID, rule.source, `${repeat[0]!.description} (CGS § ${parsed.statute})`), matched: repeat };
  return {
    finding: notMet(ID, rule.source, `only a second or subsequent violation of CGS § ${parsed.statute} is listed`),
    matched: [],
  };
}

export function decideDeadlyWeaponOffense(
  facts: DeadlyWeaponOffenseFacts,
  on: PlainDate,
): Answer<DeadlyWeaponOffenseResult> {
  const table = table1Match(facts, on);
  const catchAll = felonyWithFirearmFinding(facts);
  const findings = [table.finding, catchAll];
  if (table.finding.status === "met") {
    return {
      outcome: "yes",
      result: { deadlyWeaponOffense: true, basis: "table-1", matched: table.matched.map((e) => e.description) },
      findings,
    };
  }
  if (catchAll.status === "met") {
    return {
      outcome: "yes",
      result: { deadlyWeaponOffense: true, basis: "felony-with-firearm-finding", matched: [] },
      findings,
    };
  }
  if (table.finding.status === "unknown" || catchAll.status === "unknown") {
    return { outcome: "unknown", result: { deadlyWeaponOffense: null, basis: null, matched: [] }, findings };
  }
  return { outcome: "no", result: { deadlyWeaponOffense: false, basis: null, matched: [] }, findings };
}

export const deadlyWeaponOffense: Question<DeadlyWeaponOffenseFacts, DeadlyWeaponOffenseResult> = {
  id: "deadly-weapon-offense",
  title: "Is this a deadly weapon offense (offender registry)?",
  description:
    "Whether a conviction is for a deadly weapon offense that leads to the Deadly Weapon Offender Registry: one of the statutes listed in Table 1 (some only for listed subsections, failing to report a lost or stolen firearm only for a second or subsequent violation), or any felony in which the court found that the person used, threatened with, displayed or represented a firearm.",
  citations: [
    TABLE_1_SOURCE,
    FELONY_WITH_FIREARM,
    pa133("§§ 18-22", { cgs: "CGS § 54-280a", text: "EFFECTIVE DATE: January 1, 2014" }),
  ],
  modelledFrom: "2014-01-01",
  facts: DeadlyWeaponOffenseFacts,
  result: {
    deadlyWeaponOffense: "true when the offense is a deadly weapon offense, false when it is not, null when unknown",
    basis: '"table-1" when listed in Table 1, "felony-with-firearm-finding" by the catch-all row, or null',
    matched: "the Table 1 descriptions matched",
  },
  example: { statute: "53a-217c" },
  decide: decideDeadlyWeaponOffense,
};

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const DEADLY_WEAPON_OFFENSE_RULE = defineRule({
  id: "offenders.deadly-weapon-offense",
  title: "Deadly weapon offenses (Table 1)",
  description: "The offenses, by statute, that lead to the Deadly Weapon Offender Registry.",
  citations: [TABLE_1_SOURCE],
  from: "2014-01-01",
});
